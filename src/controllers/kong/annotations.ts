/** Every Kong Ingress Controller string this library emits. Annotation values are always strings. */
export const PREFIX = 'konghq.com/';

export const ANNOTATIONS = {
  /** Comma-separated methods the route matches. */
  methods: `${PREFIX}methods`,
  /** Order among regex paths; higher is evaluated first. */
  regexPriority: `${PREFIX}regex-priority`,
  /** `konghq.com/headers.<name>`: comma-separated values, any of which matches. */
  headerPrefix: `${PREFIX}headers.`,
  /** Protocols the route accepts; `https` alone makes Kong redirect plain-HTTP requests. Also read on HTTPRoutes. */
  protocols: `${PREFIX}protocols`,
  /** The status of that redirect (Kong's default is 426, not a redirect). Also read on HTTPRoutes. */
  httpsRedirectStatusCode: `${PREFIX}https-redirect-status-code`,
  /** Comma-separated KongPlugin names applied to the route. */
  plugins: `${PREFIX}plugins`,
} as const;

/** The only protocol a redirecting route accepts. */
export const HTTPS_ONLY = 'https';
/** Permanent, method-preserving, as ingress-nginx's ssl-redirect. */
export const HTTPS_REDIRECT_STATUS = '308';

/** KongPlugin: `configuration.konghq.com/v1`, fields at the top level (no `spec`). */
export const KONG_PLUGIN_API_VERSION = 'configuration.konghq.com/v1';
export const KONG_PLUGIN_KIND = 'KongPlugin';
export const RESPONSE_TRANSFORMER = 'response-transformer';

/** KIC marks an Ingress path as a Kong regex path with this prefix. */
export const REGEX_PATH_PREFIX = '/~';

/**
 * KIC renders both Exact `/x` and Prefix `/x` with the regex path `~/x$`, so an Exact route would
 * tie with a Prefix route on the same path. Exact Ingresses are ranked above (default priority 0).
 */
export const EXACT_REGEX_PRIORITY = '1';
