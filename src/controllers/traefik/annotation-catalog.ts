import { ANNOTATION_PREFIX, ANNOTATIONS } from './constants';
import type { AnnotationCatalog, KnownAnnotation } from '../raw-annotations';

const BOOL = { name: "'true' or 'false'", test: (v: string) => v === 'true' || v === 'false' };
const SERVICE = 'Traefik reads this annotation on the Service, not on the Ingress; annotate the Service itself';

/**
 * The annotations the Traefik v3.7 Kubernetes Ingress provider reads on an Ingress
 * (`reference/routing-configuration/kubernetes/ingress.md`). Traefik documents no risk levels.
 * `router.tls.domains.<n>.main` / `.sans` are matched by pattern.
 */
const KNOWN: { readonly [key: string]: KnownAnnotation } = {
  'router.entrypoints': {},
  'router.middlewares': {},
  'router.priority': {},
  'router.pathmatcher': {},
  'router.tls': { value: BOOL },
  'router.tls.certresolver': {},
  'router.tls.options': {},
  'router.observability.accesslogs': { value: BOOL },
  'router.observability.metrics': { value: BOOL },
  'router.observability.tracing': { value: BOOL },
  'router.observability.traceVerbosity': { value: { name: "'minimal' or 'detailed'", test: (v: string) => v === 'minimal' || v === 'detailed' } },
  'router.rulesyntax': { refused: 'deprecated (the Traefik v2 rule syntax); this library writes v3 rules' },
  // Read on the Service: refused with the reason, not reported as unknown.
  'service.serversscheme': { refused: SERVICE },
  'service.serverstransport': { refused: SERVICE },
  'service.passhostheader': { refused: SERVICE },
  'service.nativelb': { refused: SERVICE },
  'service.nodeportlb': { refused: SERVICE },
  'service.middlewares': { refused: SERVICE },
  'service.sticky.cookie': { refused: SERVICE },
  'service.sticky.cookie.name': { refused: SERVICE },
  'service.sticky.cookie.secure': { refused: SERVICE },
  'service.sticky.cookie.httponly': { refused: SERVICE },
  'service.sticky.cookie.samesite': { refused: SERVICE },
  'service.sticky.cookie.maxage': { refused: SERVICE },
  'service.sticky.cookie.path': { refused: SERVICE },
  'service.sticky.cookie.domain': { refused: SERVICE },
};

const BY_KEY = new Map(Object.entries(KNOWN).map(([k, v]) => [`${ANNOTATION_PREFIX}${k}`, v]));
const DOMAINS = new RegExp(`^${ANNOTATION_PREFIX.replace(/\./g, '\\.')}router\\.tls\\.domains\\.\\d+\\.(main|sans)$`);

/** Keys this library renders, and where each comes from. */
const OWNERS = new Map<string, string>(Object.entries({
  [ANNOTATIONS.priority]: 'the route\'s matches (the library computes every router priority so Exact beats Prefix and longer beats shorter)',
  [ANNOTATIONS.entryPoints]: 'the controller options (webEntryPoint / websecureEntryPoint) and the TlsHosts',
  [ANNOTATIONS.tls]: 'the TlsHosts',
  [ANNOTATIONS.pathMatcher]: 'match.path',
  [ANNOTATIONS.middlewares]: 'the route\'s policies (one Middleware per policy)',
}));

export const TRAEFIK_ANNOTATION_CATALOG: AnnotationCatalog = {
  controller: 'traefik-ingress',
  prefixes: [ANNOTATION_PREFIX],
  keys: [...BY_KEY.keys()],
  lookup: key => BY_KEY.get(key) ?? (DOMAINS.test(key) ? {} : undefined),
  ownedBy: key => OWNERS.get(key),
};
