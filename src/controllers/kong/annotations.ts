/** Every Kong Ingress Controller annotation this library emits. Values are always strings. */
export const PREFIX = 'konghq.com/';

export const ANNOTATIONS = {
  /** Comma-separated methods the route matches. */
  methods: `${PREFIX}methods`,
  /** Order among regex paths; higher is evaluated first. */
  regexPriority: `${PREFIX}regex-priority`,
  /** `konghq.com/headers.<name>`: comma-separated values, any of which matches. */
  headerPrefix: `${PREFIX}headers.`,
} as const;

/** KIC marks an Ingress path as a Kong regex path with this prefix. */
export const REGEX_PATH_PREFIX = '/~';

/**
 * KIC renders both Exact `/x` and Prefix `/x` with the regex path `~/x$`, so an Exact route would
 * tie with a Prefix route on the same path. Exact Ingresses are ranked above (default priority 0).
 */
export const EXACT_REGEX_PRIORITY = '1';
