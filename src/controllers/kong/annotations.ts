/** Every Kong Ingress Controller annotation this library emits. Values are always strings. */
export const PREFIX = 'konghq.com/';

export const ANNOTATIONS = {
  /** Comma-separated methods the route matches. */
  methods: `${PREFIX}methods`,
  /** `konghq.com/headers.<name>`: comma-separated values, any of which matches. */
  headerPrefix: `${PREFIX}headers.`,
} as const;

/** KIC marks an Ingress path as a Kong regex path with this prefix. */
export const REGEX_PATH_PREFIX = '/~';
