/**
 * Every Traefik-specific string this library emits: API versions, kinds, annotation keys and
 * rule matcher names (Traefik v3 rule syntax). Nothing outside this folder knows them.
 */

/** The Traefik CRD group/version. */
export const TRAEFIK_API_VERSION = 'traefik.io/v1alpha1';

export const KINDS = {
  ingressRoute: 'IngressRoute',
  /** Weighted / mirroring services, referenced from IngressRoute services with `kind: TraefikService`. */
  traefikService: 'TraefikService',
  /** The default kind of an IngressRoute / TraefikService service reference. */
  service: 'Service',
} as const;

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
} as const;

/** The cookie header, matched by cookie canaries. */
export const COOKIE_HEADER = 'Cookie';

/** Priority of the gateway default backend's catch-all router: below every route. */
export const DEFAULT_BACKEND_PRIORITY = 1;
