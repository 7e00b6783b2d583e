/** Every Kong Ingress Controller annotation, label, kind and plugin name this library emits. Values are always strings. */
export const PREFIX = 'konghq.com/';

export const ANNOTATIONS = {
  /** Comma-separated methods the route matches. */
  methods: `${PREFIX}methods`,
  /** Order among regex paths; higher is evaluated first. */
  regexPriority: `${PREFIX}regex-priority`,
  /** `konghq.com/headers.<name>`: comma-separated values, any of which matches. */
  headerPrefix: `${PREFIX}headers.`,
  /** Comma-separated KongPlugin names (same namespace) applied to the Ingress' routes. */
  plugins: `${PREFIX}plugins`,
  /** Comma-separated protocols the route accepts; `https` alone makes Kong redirect plain HTTP. */
  protocols: `${PREFIX}protocols`,
  /** Status of that redirect: 301, 302, 307, 308 (or 426, Kong's default). */
  httpsRedirectStatusCode: `${PREFIX}https-redirect-status-code`,
  /** `"true"`: remove the matched path prefix before proxying. */
  stripPath: `${PREFIX}strip-path`,
  /** The controller class a KongConsumer belongs to (KIC ignores consumers without it). */
  ingressClass: 'kubernetes.io/ingress.class',
} as const;

/** Annotations KIC reads on a backend's Service (they apply to every route reaching it). */
export const SERVICE_ANNOTATIONS = {
  /** Milliseconds to establish the connection to the upstream. */
  connectTimeout: `${PREFIX}connect-timeout`,
  /** Milliseconds between two successive reads from the upstream. */
  readTimeout: `${PREFIX}read-timeout`,
  /** Milliseconds between two successive writes to the upstream. */
  writeTimeout: `${PREFIX}write-timeout`,
  /** The upstream protocol: http (default), https, grpc, grpcs... */
  protocol: `${PREFIX}protocol`,
} as const;

/** KIC marks an Ingress path as a Kong regex path with this prefix. */
export const REGEX_PATH_PREFIX = '/~';

/**
 * KIC renders both Exact `/x` and Prefix `/x` with the regex path `~/x$`, so an Exact route would
 * tie with a Prefix route on the same path. Exact Ingresses are ranked above (default priority 0).
 */
export const EXACT_REGEX_PRIORITY = '1';

/** Status codes `konghq.com/https-redirect-status-code` accepts (426 is not a redirect). */
export const HTTPS_REDIRECT_CODES: readonly number[] = [301, 302, 307, 308];

/** The only protocol a redirecting route accepts (`konghq.com/protocols`). */
export const HTTPS_ONLY = 'https';
/** `konghq.com/protocols` of `RouteProtocols.HTTP_ONLY`: the route matches plain-HTTP requests only. */
export const HTTP_ONLY = 'http';
/**
 * The status of a TlsHost's default HTTPS redirect: permanent and method-preserving, as
 * ingress-nginx's ssl-redirect. A route's own `Redirect.toHttps()` sets its own status instead.
 */
export const TLS_HTTPS_REDIRECT_STATUS = '308';

/**
 * `konghq.com/https-redirect-status-code` of `RouteProtocols.HTTPS_ONLY`: Kong's own default for an
 * HTTPS-only route, 426 Upgrade Required, answered without a redirect.
 */
export const REFUSE_PLAIN_HTTP_STATUS = '426';

/** Kong CRDs (`configuration.konghq.com/v1`): fields are top level, there is no `spec`. */
export const CONFIGURATION_GROUP = 'configuration.konghq.com';
export const CONFIGURATION_V1 = `${CONFIGURATION_GROUP}/v1`;
export const KINDS = {
  plugin: 'KongPlugin',
  consumer: 'KongConsumer',
} as const;

/** Kong Gateway 3.9 OSS plugins this library configures (the KongPlugin `plugin` field). */
export const PLUGINS = {
  rateLimiting: 'rate-limiting',
  requestSizeLimiting: 'request-size-limiting',
  cors: 'cors',
  requestTransformer: 'request-transformer',
  responseTransformer: 'response-transformer',
  ipRestriction: 'ip-restriction',
  keyAuth: 'key-auth',
  basicAuth: 'basic-auth',
  acl: 'acl',
  jwt: 'jwt',
  /** Kong Gateway 3.9+: answers every request with `status_code` and `Location: <location>`. */
  redirect: 'redirect',
} as const;

export type PluginType = typeof PLUGINS[keyof typeof PLUGINS];

/** Credential Secrets: KIC reads them from `KongConsumer.credentials` when they carry this label. */
export const CREDENTIAL_LABEL = `${PREFIX}credential`;
export const CREDENTIAL_TYPES = {
  keyAuth: 'key-auth',
  basicAuth: 'basic-auth',
  acl: 'acl',
  jwt: 'jwt',
} as const;

/** The key of an `acl` credential Secret. */
export const ACL_GROUP_KEY = 'group';

/** Keys of the Redis credentials Secret patched into `rate-limiting` (`config.redis.*`). */
export const REDIS_SECRET_KEYS = ['username', 'password'] as const;
