import { ANNOTATIONS, PREFIX } from './annotations';
import { VALIDATORS as V } from './validation';
import type { AnnotationCatalog, KnownAnnotation } from '../raw-annotations';

/**
 * Every Ingress annotation ingress-nginx documents (v1.15, `annotations.md` and
 * `annotations-risk.md`), with its risk level and, where the controller validates the value, the
 * same check (validation.ts). The escape hatch `Route.rawAnnotations` accepts only these keys
 * under `nginx.ingress.kubernetes.io/`; Critical-risk keys (the `*-snippet` family, raw nginx
 * configuration) only with `allowUnsafe: true`.
 */
const KNOWN: { readonly [key: string]: KnownAnnotation } = {
  'affinity': { risk: 'Low', value: V.options(['cookie'], true) },
  'affinity-canary-behavior': { risk: 'Low', value: V.options(['sticky', 'legacy'], true) },
  'affinity-mode': { risk: 'Medium', value: V.options(['balanced', 'persistent'], true) },
  'allowlist-source-range': { risk: 'Medium', value: V.cidrs },
  'whitelist-source-range': { risk: 'Medium', value: V.cidrs },
  'app-root': { risk: 'Medium', value: V.regexPathWithCapture },
  'auth-always-set-cookie': { risk: 'Low', value: V.bool },
  'auth-cache-duration': { risk: 'Medium', value: V.authCacheDuration },
  'auth-cache-key': { risk: 'Medium', value: V.nginxVariables },
  'auth-keepalive': { risk: 'Low', value: V.int },
  'auth-keepalive-requests': { risk: 'Low', value: V.int },
  'auth-keepalive-share-vars': { risk: 'Low', value: V.bool },
  'auth-keepalive-timeout': { risk: 'Low', value: V.int },
  'auth-method': { risk: 'Low', value: V.options(['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'CONNECT', 'OPTIONS', 'TRACE'], true) },
  'auth-proxy-set-headers': { risk: 'Medium', value: V.basicChars },
  'auth-realm': { risk: 'Medium', value: V.charsWithSpace },
  'auth-request-redirect': { risk: 'Medium', value: V.urlChars },
  'auth-response-headers': { risk: 'Medium', value: V.corsHeaders },
  'auth-secret-type': { risk: 'Low', value: V.options(['auth-file', 'auth-map'], true) },
  'auth-signin': { risk: 'High', value: V.urlWithVariables },
  'auth-signin-redirect-param': { risk: 'Medium', value: V.urlChars },
  'auth-snippet': { risk: 'Critical' }, // **not validated** (raw nginx config) (single line only)
  'auth-tls-error-page': { risk: 'High' }, // `@location` or `[http(s)://]host[:port]/path` (single line only)
  'auth-tls-match-cn': { risk: 'High' }, // `CN=` + valid regex (single line only)
  'auth-tls-pass-certificate-to-upstream': { risk: 'Low', value: V.bool },
  'auth-tls-secret': { risk: 'Medium', value: V.basicChars },
  'auth-tls-verify-client': { risk: 'Medium', value: V.options(['on', 'off', 'optional', 'optional_no_ca'], true) },
  'auth-tls-verify-depth': { risk: 'Low', value: V.int },
  'auth-type': { risk: 'Low', value: V.options(['basic', 'digest'], true) },
  'auth-url': { risk: 'High', value: V.urlWithVariables },
  'backend-protocol': { risk: 'Low', value: V.options(['http', 'https', 'auto_http', 'grpc', 'grpcs', 'fcgi'], false) },
  'canary': { risk: 'Low', value: V.bool },
  'canary-by-cookie': { risk: 'Medium', value: V.basicChars },
  'canary-by-header': { risk: 'Medium', value: V.basicChars },
  'canary-by-header-pattern': { risk: 'Medium', value: V.serverName },
  'canary-by-header-value': { risk: 'Medium', value: V.basicChars },
  'canary-weight': { risk: 'Low', value: V.int },
  'canary-weight-total': { risk: 'Low', value: V.int },
  'client-body-buffer-size': { risk: 'Low', value: V.size },
  'configuration-snippet': { risk: 'Critical' }, // **not validated** (raw nginx config) (single line only)
  'connection-proxy-header': { risk: 'Low', value: V.options(['close', 'keep-alive'], true) },
  'cors-allow-credentials': { risk: 'Low', value: V.bool },
  'cors-allow-headers': { risk: 'Medium', value: V.corsHeaders },
  'cors-allow-methods': { risk: 'Medium', value: V.corsMethods },
  'cors-allow-origin': { risk: 'Medium', value: V.corsOrigins },
  'cors-expose-headers': { risk: 'Medium', value: V.corsExposeHeaders },
  'cors-max-age': { risk: 'Low', value: V.int },
  'custom-headers': { risk: 'Medium', value: V.basicChars },
  'custom-http-errors': { risk: 'Low' }, // comma list of 4xx/5xx codes (single line only)
  'default-backend': { risk: 'Low' }, // Service name (DNS-1035 label), same namespace (single line only)
  'denylist-source-range': { risk: 'Medium', value: V.cidrs },
  'disable-proxy-intercept-errors': { risk: 'Low', value: V.bool },
  'enable-access-log': { risk: 'Low', value: V.bool },
  'enable-cors': { risk: 'Low', value: V.bool },
  'enable-global-auth': { risk: 'Low', value: V.bool },
  'enable-modsecurity': { risk: 'Low', value: V.bool },
  'enable-opentelemetry': { risk: 'Low', value: V.bool },
  'enable-owasp-core-rules': { risk: 'Low', value: V.bool },
  'enable-rewrite-log': { risk: 'Low', value: V.bool },
  'fastcgi-index': { risk: 'Medium' }, // file name / key (single line only)
  'fastcgi-params-configmap': { risk: 'Medium', value: V.basicChars },
  'force-ssl-redirect': { risk: 'Medium', value: V.bool },
  'from-to-www-redirect': { risk: 'Low', value: V.bool },
  'http2-push-preload': { risk: 'Low', value: V.bool },
  'limit-allowlist': { risk: 'Low', value: V.cidrs },
  'limit-whitelist': { risk: 'Low', value: V.cidrs },
  'limit-burst-multiplier': { risk: 'Low', value: V.int },
  'limit-connections': { risk: 'Low', value: V.int },
  'limit-rate': { risk: 'Low', value: V.int },
  'limit-rate-after': { risk: 'Low', value: V.int },
  'limit-rpm': { risk: 'Low', value: V.int },
  'limit-rps': { risk: 'Low', value: V.int },
  'load-balance': { risk: 'Low', value: V.options(['round_robin', 'chash', 'chashsubset', 'sticky_balanced', 'sticky_persistent', 'ewma'], true) },
  'mirror-host': { risk: 'High', value: V.serverName },
  'mirror-request-body': { risk: 'Low', value: V.options(['on', 'off'], true) },
  'mirror-target': { risk: 'High', value: V.serverName },
  'modsecurity-snippet': { risk: 'Critical' }, // **not validated** (raw nginx config) (single line only)
  'modsecurity-transaction-id': { risk: 'High', value: V.nginxVariables },
  'opentelemetry-operation-name': { risk: 'Medium' }, // operation-name pattern (single line only)
  'opentelemetry-trust-incoming-span': { risk: 'Low', value: V.bool },
  'permanent-redirect': { risk: 'Medium', value: V.urlChars },
  'permanent-redirect-code': { risk: 'Low', value: V.int },
  'preserve-trailing-slash': { risk: 'Medium', value: V.bool },
  'proxy-body-size': { risk: 'Medium', value: V.size },
  'proxy-buffer-size': { risk: 'Low', value: V.size },
  'proxy-buffering': { risk: 'Low', value: V.options(['on', 'off'], true) },
  'proxy-buffers-number': { risk: 'Low', value: V.int },
  'proxy-busy-buffers-size': { risk: 'Low', value: V.size },
  'proxy-connect-timeout': { risk: 'Low', value: V.int },
  'proxy-cookie-domain': { risk: 'Medium' }, // `off` or `<from> <to>` (single line only)
  'proxy-cookie-path': { risk: 'Medium', value: V.urlChars },
  'proxy-http-version': { risk: 'Low', value: V.options(['1.0', '1.1'], true) },
  'proxy-max-temp-file-size': { risk: 'Low', value: V.size },
  'proxy-next-upstream': { risk: 'Medium', value: V.nextUpstream },
  'proxy-next-upstream-timeout': { risk: 'Low', value: V.int },
  'proxy-next-upstream-tries': { risk: 'Low', value: V.int },
  'proxy-read-timeout': { risk: 'Low', value: V.int },
  'proxy-redirect-from': { risk: 'Medium', value: V.urlChars },
  'proxy-redirect-to': { risk: 'Medium', value: V.urlChars },
  'proxy-request-buffering': { risk: 'Low', value: V.options(['on', 'off'], true) },
  'proxy-send-timeout': { risk: 'Low', value: V.int },
  'proxy-ssl-ciphers': { risk: 'Medium' }, // OpenSSL cipher string `[A-Za-z0-9+:_\-!]` (single line only)
  'proxy-ssl-name': { risk: 'High', value: V.serverName },
  'proxy-ssl-protocols': { risk: 'Low' }, // `TLSv1.2` and/or `TLSv1.3` (space separated) (single line only)
  'proxy-ssl-secret': { risk: 'Medium', value: V.basicChars },
  'proxy-ssl-server-name': { risk: 'Low', value: V.options(['on', 'off'], true) },
  'proxy-ssl-verify': { risk: 'Low', value: V.options(['on', 'off'], true) },
  'proxy-ssl-verify-depth': { risk: 'Low', value: V.int },
  'relative-redirects': { risk: 'Low', value: V.bool },
  'rewrite-target': { risk: 'Medium', value: V.regexPathWithCapture },
  'satisfy': { risk: 'Low', value: V.options(['any', 'all'], true) },
  'server-alias': { risk: 'High', value: V.serverName },
  'server-snippet': { risk: 'Critical' }, // **not validated** (raw nginx config) (single line only)
  'service-upstream': { risk: 'Low', value: V.bool },
  'session-cookie-change-on-failure': { risk: 'Low', value: V.bool },
  'session-cookie-conditional-samesite-none': { risk: 'Low', value: V.bool },
  'session-cookie-domain': { risk: 'Medium', value: V.basicChars },
  'session-cookie-expires': { risk: 'Medium', value: V.cookieSeconds },
  'session-cookie-max-age': { risk: 'Medium', value: V.cookieSeconds },
  'session-cookie-name': { risk: 'Medium', value: V.basicChars },
  'session-cookie-path': { risk: 'Medium', value: V.urlChars },
  'session-cookie-samesite': { risk: 'Low', value: V.options(['none', 'lax', 'strict'], false) },
  'session-cookie-secure': { risk: 'Low', value: V.bool },
  'ssl-ciphers': { risk: 'Low' }, // OpenSSL cipher string (`@STRENGTH`, `@SECLEVEL=n` allowed) (single line only)
  'ssl-passthrough': { risk: 'Low', value: V.bool },
  'ssl-prefer-server-ciphers': { risk: 'Low', value: V.bool },
  'ssl-redirect': { risk: 'Low', value: V.bool },
  'stream-snippet': { risk: 'Critical' }, // **not validated** (raw nginx config) (single line only)
  'temporal-redirect': { risk: 'Medium', value: V.urlChars },
  'temporal-redirect-code': { risk: 'Low', value: V.int },
  'upstream-hash-by': { risk: 'High' }, // nginx variable/text (e.g. `$request_uri`) (single line only)
  'upstream-hash-by-subset': { risk: 'Low', value: V.bool },
  'upstream-hash-by-subset-size': { risk: 'Low', value: V.int },
  'upstream-vhost': { risk: 'Low', value: V.serverName },
  'use-port-in-redirects': { risk: 'Low', value: V.bool },
  'use-regex': { risk: 'Low', value: V.bool },
  'x-forwarded-prefix': { risk: 'Medium', value: V.regexPathWithCapture },
};

/** The typed prop each key this library renders comes from (ANNOTATIONS in annotations.ts). */
const OWNERS: ReadonlyArray<readonly [RegExp, string]> = [
  [/^limit-/, 'rateLimit'],
  [/^proxy-(connect|read|send)-timeout$/, 'timeouts'],
  [/^proxy-body-size$/, 'bodySize'],
  [/^(enable-cors|cors-)/, 'cors'],
  [/^force-ssl-redirect$/, 'redirect'],
  [/^rewrite-target$/, 'rewrite'],
  [/^use-regex$/, 'match.path (PathMatch.regex) and rewrite'],
  [/^upstream-vhost$/, 'rewrite (Rewrite.hostname)'],
  [/^(allow|deny|white)list-source-range$/, 'ipAccess'],
  [/^proxy-next-upstream/, 'retries'],
  [/^(affinity|session-cookie-)/, 'sessionAffinity'],
  [/^backend-protocol$/, 'backendProtocol'],
  [/^auth-/, 'auth'],
  [/^canary/, 'CanarySplit'],
];

/** Keys rendered from typed props, with the aliases ingress-nginx reads for them. */
const OWNED = new Set<string>([
  ...Object.values(ANNOTATIONS),
  `${PREFIX}whitelist-source-range`,
  `${PREFIX}limit-whitelist`,
]);

const BY_KEY = new Map(Object.entries(KNOWN).map(([k, v]) => [`${PREFIX}${k}`, v]));

export const NGINX_ANNOTATION_CATALOG: AnnotationCatalog = {
  controller: 'ingress-nginx',
  prefixes: [PREFIX],
  keys: [...BY_KEY.keys()],
  lookup: key => BY_KEY.get(key),
  ownedBy: key => {
    if (!OWNED.has(key)) return undefined;
    const name = key.slice(PREFIX.length);
    return OWNERS.find(([re]) => re.test(name))?.[1] ?? 'the typed props';
  },
};
