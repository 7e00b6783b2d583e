import { ANNOTATIONS, PREFIX } from './constants';
import type { AnnotationCatalog, KnownAnnotation } from '../raw-annotations';

const BOOL = { name: "'true' or 'false'", test: (v: string) => v === 'true' || v === 'false' };
const INT = { name: 'an integer', test: (v: string) => /^-?\d{1,9}$/.test(v) };
const SERVICE = 'KIC reads this annotation on the Service, not on the Ingress; annotate the Service itself';
/** KIC's legacy prefix, read on Ingresses for a few keys. */
const LEGACY = 'ingress.kubernetes.io/';

/**
 * The annotations the Kong Ingress Controller 3.x reads on an Ingress (KIC
 * `annotations.md`). Kong documents no risk levels. `konghq.com/headers.<name>` is matched by
 * prefix (and rendered by this library from header matches).
 */
const KNOWN: { readonly [key: string]: KnownAnnotation } = {
  [`${PREFIX}plugins`]: {},
  [`${PREFIX}tags`]: {},
  [`${PREFIX}protocols`]: {},
  [`${PREFIX}strip-path`]: { value: BOOL },
  [`${PREFIX}preserve-host`]: { value: BOOL },
  [`${PREFIX}https-redirect-status-code`]: {},
  [`${PREFIX}regex-priority`]: { value: INT },
  [`${PREFIX}regex-prefix`]: {},
  [`${PREFIX}methods`]: {},
  [`${PREFIX}headers-separator`]: {},
  [`${PREFIX}snis`]: {},
  [`${PREFIX}host-aliases`]: {},
  [`${PREFIX}request-buffering`]: { value: BOOL },
  [`${PREFIX}response-buffering`]: { value: BOOL },
  [`${PREFIX}path-handling`]: { value: { name: "'v0' or 'v1'", test: (v: string) => v === 'v0' || v === 'v1' } },
  [`${PREFIX}rewrite`]: {},
  [`${PREFIX}override`]: { refused: 'deprecated with KongIngress; use the typed props or a KongPlugin' },
  [`${LEGACY}force-ssl-redirect`]: { refused: 'use Route.redirect (Redirect.toHttps()), which this library renders as konghq.com/protocols' },
  // Read on the Service: refused with the reason, not reported as unknown.
  ...Object.fromEntries([
    'protocol', 'path', 'host-header', 'connect-timeout', 'read-timeout', 'write-timeout', 'retries', 'client-cert', 'tls-verify',
    'tls-verify-depth', 'ca-certificates-secrets', 'ca-certificates-configmaps', 'upstream-policy',
  ].map(k => [`${PREFIX}${k}`, { refused: SERVICE }])),
  [`${LEGACY}service-upstream`]: { refused: SERVICE },
};

const BY_KEY = new Map(Object.entries(KNOWN));

/** Keys this library renders, and where each comes from. */
const OWNERS = new Map<string, string>(Object.entries({
  [ANNOTATIONS.methods]: 'match.method',
  [ANNOTATIONS.regexPriority]: 'the route\'s matches (the library ranks Exact above Prefix)',
  [ANNOTATIONS.plugins]: 'the route\'s policies (one KongPlugin per policy)',
  [ANNOTATIONS.protocols]: 'redirect (Redirect.toHttps())',
  [ANNOTATIONS.httpsRedirectStatusCode]: 'redirect (Redirect.toHttps())',
  [ANNOTATIONS.stripPath]: 'rewrite (Rewrite.replacePrefix)',
}));

export const KONG_ANNOTATION_CATALOG: AnnotationCatalog = {
  controller: 'kong',
  prefixes: [PREFIX, LEGACY],
  keys: [...BY_KEY.keys()],
  lookup: key => BY_KEY.get(key) ?? (key.startsWith(ANNOTATIONS.headerPrefix) ? {} : undefined),
  ownedBy: key => OWNERS.get(key) ?? (key.startsWith(ANNOTATIONS.headerPrefix) ? 'match.headers' : undefined),
};
