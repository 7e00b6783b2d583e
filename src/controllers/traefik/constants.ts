/**
 * Every Traefik-specific string this library emits: API versions, kinds, annotation keys and
 * rule matcher names (Traefik v3 rule syntax). Nothing outside this folder knows them.
 */

/** The Traefik CRD group/version. */
export const TRAEFIK_API_VERSION = 'traefik.io/v1alpha1';

export const KINDS = {
  ingressRoute: 'IngressRoute',
  ingressRouteTcp: 'IngressRouteTCP',
  middleware: 'Middleware',
  tlsOption: 'TLSOption',
  serversTransport: 'ServersTransport',
} as const;

/** A Traefik internal service that answers nothing: the target of a router whose middleware (a redirect) responds. */
export const NOOP_SERVICE = { kind: 'TraefikService', name: 'noop@internal' } as const;

/** Ingress annotations reference CRD objects as `<namespace>-<name>@kubernetescrd`. */
export function crdRef(namespace: string, name: string): string {
  return `${namespace}-${name}@kubernetescrd`;
}

/** `TLSOption.spec.minVersion` values. */
export const TLS_VERSIONS = { 1.2: 'VersionTLS12', 1.3: 'VersionTLS13' } as const;

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
  /** Comma list of middlewares, `<namespace>-<name>@kubernetescrd` for CRD objects. */
  middlewares: `${ANNOTATION_PREFIX}router.middlewares`,
  /** The router's TLSOption, `<namespace>-<name>@kubernetescrd`. */
  tlsOptions: `${ANNOTATION_PREFIX}router.tls.options`,
} as const;

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
  hostSni: 'HostSNI',
} as const;

/** Priority of the gateway default backend's catch-all router: below every route. */
export const DEFAULT_BACKEND_PRIORITY = 1;
