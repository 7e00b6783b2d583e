/**
 * Every Traefik-specific string this library emits: API versions, kinds, annotation keys,
 * rule matcher names (Traefik v3 rule syntax) and Middleware spec keys. Nothing outside this
 * folder knows them.
 */

/** The Traefik CRD group/version. */
export const TRAEFIK_API_VERSION = 'traefik.io/v1alpha1';

/**
 * The TLSOption every router without a TLSOption of its own uses, whatever its namespace (one per
 * cluster: Traefik drops them all when there are two); strict SNI is checked with it.
 */
export const DEFAULT_TLS_OPTION = 'default';

export const KINDS = {
  ingressRoute: 'IngressRoute',
  ingressRouteTcp: 'IngressRouteTCP',
  middleware: 'Middleware',
  tlsOption: 'TLSOption',
  serversTransport: 'ServersTransport',
  /** Weighted / mirroring services, referenced from IngressRoute services with `kind: TraefikService`. */
  traefikService: 'TraefikService',
  /** The default kind of an IngressRoute / TraefikService service reference. */
  service: 'Service',
} as const;

/** `TLSOption.spec.minVersion` values. */
export const TLS_VERSIONS = { 1.2: 'VersionTLS12', 1.3: 'VersionTLS13' } as const;

/**
 * `TLSOption.spec.cipherSuites`: the Go crypto/tls names Traefik accepts, which for the TLS 1.2
 * suites the intent offers are their IANA names. Total over TlsCipherSuite (test/tls-cipher-suites.test.ts).
 */
export const GO_CIPHER_SUITES: ReadonlySet<string> = new Set([
  'TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256', 'TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256',
  'TLS_ECDHE_ECDSA_WITH_AES_256_GCM_SHA384', 'TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384',
  'TLS_ECDHE_ECDSA_WITH_CHACHA20_POLY1305_SHA256', 'TLS_ECDHE_RSA_WITH_CHACHA20_POLY1305_SHA256',
  'TLS_ECDHE_ECDSA_WITH_AES_128_CBC_SHA', 'TLS_ECDHE_RSA_WITH_AES_128_CBC_SHA',
  'TLS_ECDHE_ECDSA_WITH_AES_256_CBC_SHA', 'TLS_ECDHE_RSA_WITH_AES_256_CBC_SHA',
  'TLS_RSA_WITH_AES_128_GCM_SHA256', 'TLS_RSA_WITH_AES_256_GCM_SHA384',
  'TLS_RSA_WITH_AES_128_CBC_SHA', 'TLS_RSA_WITH_AES_256_CBC_SHA',
]);

/** `TLSOption.spec.clientAuth.clientAuthType` values. */
export const CLIENT_AUTH_TYPES = { required: 'RequireAndVerifyClientCert', optional: 'VerifyClientCertIfGiven' } as const;

/**
 * Router priority of cert-manager's HTTP-01 solver Ingress (set through the issuer's
 * `ingressTemplate`): above every router this library emits (at most ~27M, see priority.ts),
 * including the HTTPS redirect of the same host, and below MaxInt32 - 1000 (Traefik's own).
 */
export const ACME_SOLVER_PRIORITY = '1000000000';

/** `IngressRoute.spec.routes[].kind`: the only value. */
export const ROUTE_KIND_RULE = 'Rule';

/** Ingress provider annotations (values are always strings). */
export const ANNOTATION_PREFIX = 'traefik.ingress.kubernetes.io/';

export const ANNOTATIONS = {
  /** Router priority; the default is the rule length, which breaks Exact-over-Prefix precedence. */
  priority: `${ANNOTATION_PREFIX}router.priority`,
  /** Comma list of entry points the routers listen on. */
  entryPoints: `${ANNOTATION_PREFIX}router.entrypoints`,
  /** `"true"`: the routers terminate TLS (`spec.tls` alone only loads the certificate). */
  tls: `${ANNOTATION_PREFIX}router.tls`,
  /** Matcher used for `ImplementationSpecific` paths: `Path`, `PathPrefix` (default) or `PathRegexp`. */
  pathMatcher: `${ANNOTATION_PREFIX}router.pathmatcher`,
  /** Comma list of middlewares, in order: `<namespace>-<name>@kubernetescrd` for Middleware CRDs. */
  middlewares: `${ANNOTATION_PREFIX}router.middlewares`,
  /** The router's TLSOption, `<namespace>-<name>@kubernetescrd`. */
  tlsOptions: `${ANNOTATION_PREFIX}router.tls.options`,
} as const;

/** Provider name of objects from the Kubernetes CRD provider, as referenced from other providers. */
export const CRD_PROVIDER = 'kubernetescrd';

/**
 * Traefik's internal no-op service: the documented target of routers that only redirect
 * (an IngressRoute route must name a service). Referenced as a TraefikService.
 */
export const NOOP_SERVICE = 'noop@internal';

/** The redirectRegex regex of a fixed-URL redirect (`Redirect.toUrl`): every URL, replaced whole. */
export const FIXED_URL_REGEX = '^.*$';

/** Rule matchers (Traefik v3 syntax). */
export const MATCHERS = {
  host: 'Host',
  path: 'Path',
  pathPrefix: 'PathPrefix',
  pathRegexp: 'PathRegexp',
  header: 'Header',
  headerRegexp: 'HeaderRegexp',
  query: 'Query',
  method: 'Method',
  clientIp: 'ClientIP',
  hostSni: 'HostSNI',
  hostRegexp: 'HostRegexp',
  hostSniRegexp: 'HostSNIRegexp',
} as const;

/** `Middleware.spec` keys (one per Middleware object). */
export const MIDDLEWARE_TYPES = {
  headers: 'headers',
  ipAllowList: 'ipAllowList',
  rateLimit: 'rateLimit',
  inFlightReq: 'inFlightReq',
  redirectScheme: 'redirectScheme',
  redirectRegex: 'redirectRegex',
  forwardAuth: 'forwardAuth',
  basicAuth: 'basicAuth',
  buffering: 'buffering',
  replacePath: 'replacePath',
  replacePathRegex: 'replacePathRegex',
  retry: 'retry',
} as const;

/** `IngressRoute.spec.routes[].services[].scheme` values. */
/** Annotations the Traefik Ingress provider reads on a backend's Service (every route to it). */
export const SERVICE_ANNOTATIONS = {
  /** `https` or `h2c` to the servers. */
  serversScheme: `${ANNOTATION_PREFIX}service.serversscheme`,
  /** `"true"`: sticky sessions with a cookie. */
  stickyCookie: `${ANNOTATION_PREFIX}service.sticky.cookie`,
  stickyCookieName: `${ANNOTATION_PREFIX}service.sticky.cookie.name`,
  stickyCookieSecure: `${ANNOTATION_PREFIX}service.sticky.cookie.secure`,
  stickyCookieHttpOnly: `${ANNOTATION_PREFIX}service.sticky.cookie.httponly`,
  stickyCookieSameSite: `${ANNOTATION_PREFIX}service.sticky.cookie.samesite`,
  stickyCookieMaxAge: `${ANNOTATION_PREFIX}service.sticky.cookie.maxage`,
  stickyCookiePath: `${ANNOTATION_PREFIX}service.sticky.cookie.path`,
  /** The ServersTransport of the Service's servers, `<namespace>-<name>@kubernetescrd`. */
  serversTransport: `${ANNOTATION_PREFIX}service.serverstransport`,
} as const;

export const SERVER_SCHEMES = {
  https: 'https',
  h2c: 'h2c',
} as const;

/**
 * `ipStrategy.depth: 0`: the client address is the TCP peer (RemoteAddr); X-Forwarded-For is not
 * read. The same address the `ClientIP` matcher uses.
 */
export const REMOTE_ADDR_STRATEGY = { depth: 0 } as const;

/**
 * The unspecified addresses: no TCP peer can have them, so an ipAllowList of only these
 * answers every request with 403 (the deny router of an IP deny list).
 */
export const NO_CLIENT_ADDRESSES = ['0.0.0.0/32', '::/128'] as const;
/** The cookie header, matched by cookie canaries. */
export const COOKIE_HEADER = 'Cookie';

/** Priority of the gateway default backend's catch-all router: below every route. */
export const DEFAULT_BACKEND_PRIORITY = 1;
