import { AnnotationValidator, VALIDATORS } from './validation';

/** Every ingress-nginx annotation this library emits. Values are always strings. */
export const PREFIX = 'nginx.ingress.kubernetes.io/';

/**
 * The keys, each with its ingress-nginx risk level (`annotations-risk.md`; the controller's
 * `annotations-risk-level` defaults to High, so every key here is accepted by default). Critical
 * keys (the `*-snippet` family) are never emitted. The validator of each key is in `RULES`.
 */
export const ANNOTATIONS = {
  /** Low. Makes every path of the host a case-insensitive regex (`location ~* "^<path>"`). */
  useRegex: `${PREFIX}use-regex`,

  // Rate limits (per controller replica).
  /** Low. Requests per second per client address. */
  limitRps: `${PREFIX}limit-rps`,
  /** Low. Requests per minute per client address. */
  limitRpm: `${PREFIX}limit-rpm`,
  /** Low. nginx `burst` = limit x this (default 5). */
  limitBurstMultiplier: `${PREFIX}limit-burst-multiplier`,
  /** Low. Concurrent connections per client address. */
  limitConnections: `${PREFIX}limit-connections`,
  /** Low. Client addresses / CIDRs never limited (alias `limit-whitelist`, never emitted). */
  limitAllowlist: `${PREFIX}limit-allowlist`,

  // Timeouts and body size.
  /** Low. Whole seconds. */
  proxyConnectTimeout: `${PREFIX}proxy-connect-timeout`,
  /** Low. Whole seconds. */
  proxyReadTimeout: `${PREFIX}proxy-read-timeout`,
  /** Low. Whole seconds. */
  proxySendTimeout: `${PREFIX}proxy-send-timeout`,
  /** Medium. nginx size: bytes, or `k` / `m` / `g` (KiB / MiB / GiB). */
  proxyBodySize: `${PREFIX}proxy-body-size`,

  // CORS (Ingress scope: every path of the Ingress, i.e. of one route).
  /** Low. */
  enableCors: `${PREFIX}enable-cors`,
  /** Medium. Absent or invalid: `*`. */
  corsAllowOrigin: `${PREFIX}cors-allow-origin`,
  /** Medium. Absent or invalid: `GET, PUT, POST, DELETE, PATCH, OPTIONS`. */
  corsAllowMethods: `${PREFIX}cors-allow-methods`,
  /** Medium. Absent, empty or invalid: a default list that includes Authorization and Content-Type. */
  corsAllowHeaders: `${PREFIX}cors-allow-headers`,
  /** Medium. */
  corsExposeHeaders: `${PREFIX}cors-expose-headers`,
  /** Low. Absent or invalid: **true**. Always emitted. */
  corsAllowCredentials: `${PREFIX}cors-allow-credentials`,
  /** Low. Absent: 1728000 (20 days). */
  corsMaxAge: `${PREFIX}cors-max-age`,

  // Redirects and rewrites.
  /** Medium. Redirect plain HTTP to HTTPS (status: the controller's `http-redirect-code`, default 308). */
  forceSslRedirect: `${PREFIX}force-ssl-redirect`,
  /** Medium. `return <code> <url>;`: every request of the location to exactly this URL (path and query dropped). */
  permanentRedirect: `${PREFIX}permanent-redirect`,
  /** Low. The code of permanent-redirect: 300-308 are taken, anything else is 301. */
  permanentRedirectCode: `${PREFIX}permanent-redirect-code`,
  /** Medium. `rewrite "(?i)<path>" <target> break;` and, like use-regex, regex locations for the whole host. */
  rewriteTarget: `${PREFIX}rewrite-target`,
  /** Low. The Host header sent to the backend. */
  upstreamVhost: `${PREFIX}upstream-vhost`,

  // Client addresses.
  /** Medium. Alias `whitelist-source-range` (never emitted). */
  allowlistSourceRange: `${PREFIX}allowlist-source-range`,
  /** Medium. */
  denylistSourceRange: `${PREFIX}denylist-source-range`,

  // Retries.
  /** Medium. Space-separated nginx `proxy_next_upstream` conditions. */
  proxyNextUpstream: `${PREFIX}proxy-next-upstream`,
  /** Low. Tries in total, the first one included. */
  proxyNextUpstreamTries: `${PREFIX}proxy-next-upstream-tries`,
  /** Low. Whole seconds during which a request may be passed to the next attempt (0: no limit, never emitted). */
  proxyNextUpstreamTimeout: `${PREFIX}proxy-next-upstream-timeout`,

  // Session affinity (kept per backend Service port, not per Ingress: see features/session-affinity.ts).
  /** Low. `cookie`. */
  affinity: `${PREFIX}affinity`,
  /** Medium. */
  sessionCookieName: `${PREFIX}session-cookie-name`,
  /** Medium. Seconds. */
  sessionCookieMaxAge: `${PREFIX}session-cookie-max-age`,
  /** Medium. Absent: the location path (a regex under use-regex), so always emitted. */
  sessionCookiePath: `${PREFIX}session-cookie-path`,
  /** Low. */
  sessionCookieSecure: `${PREFIX}session-cookie-secure`,
  /** Low. `None` / `Lax` / `Strict`. */
  sessionCookieSameSite: `${PREFIX}session-cookie-samesite`,

  /**
   * Low. `HTTPS`, `GRPC`, `GRPCS` (HTTP is the default and never emitted). Rendered once per
   * Ingress: from `backendProtocol`, or `HTTPS` for a backend with `tls` (re-encryption).
   */
  backendProtocol: `${PREFIX}backend-protocol`,

  // External authentication.
  /** High (accepted by the default `annotations-risk-level: High`). */
  authUrl: `${PREFIX}auth-url`,
  /** Medium. Comma-separated header names. */
  authResponseHeaders: `${PREFIX}auth-response-headers`,
  /** High (accepted by the default `annotations-risk-level: High`). */
  authSignin: `${PREFIX}auth-signin`,
  /** Medium. nginx variables only. */
  authCacheKey: `${PREFIX}auth-cache-key`,
  /** Medium. `<code> ... <duration>`. */
  authCacheDuration: `${PREFIX}auth-cache-duration`,

  // Basic authentication.
  /** Low. `basic`. */
  authType: `${PREFIX}auth-type`,
  /** Medium. Secret name in the Ingress namespace. */
  authSecret: `${PREFIX}auth-secret`,
  /** Low. `auth-file`: htpasswd lines under the key `auth`. */
  authSecretType: `${PREFIX}auth-secret-type`,
  /** Medium. */
  authRealm: `${PREFIX}auth-realm`,

  // Canaries (a second Ingress with the same host and path).
  /** Low risk. `"true"`: the Ingress is a canary of the non-canary Ingress with the same host and path. */
  canary: `${PREFIX}canary`,
  /** Low risk. Integer share of requests for the canary, out of `canary-weight-total`. */
  canaryWeight: `${PREFIX}canary-weight`,
  /** Low risk. Integer total the weight is a share of (default 100). */
  canaryWeightTotal: `${PREFIX}canary-weight-total`,
  /** Medium risk. Header deciding the canary; basic characters `[-._~a-zA-Z0-9/:]`. */
  canaryByHeader: `${PREFIX}canary-by-header`,
  /** Medium risk. Exact header value that selects the canary; basic characters. */
  canaryByHeaderValue: `${PREFIX}canary-by-header-value`,
  /** Medium risk. PCRE the header value must match to select the canary. */
  canaryByHeaderPattern: `${PREFIX}canary-by-header-pattern`,
  /** Medium risk. Cookie whose value `always` selects the canary (`never`: the stable backend). */
  canaryByCookie: `${PREFIX}canary-by-cookie`,

  // TLS (issue 4).
  /**
   * Low. Redirect plain HTTP to HTTPS when the Ingress has TLS (308, the controller's
   * `http-redirect-code`); also the ConfigMap default, explicit here so a cluster-wide `false`
   * cannot drop it. Never emitted together with `force-ssl-redirect` (which already redirects).
   */
  sslRedirect: `${PREFIX}ssl-redirect`,
  /** Low. L4 passthrough by SNI; needs the controller flag `--enable-ssl-passthrough`; every other annotation of that Ingress is ignored. */
  sslPassthrough: `${PREFIX}ssl-passthrough`,
  /** Medium. `<namespace>/<secret>` holding `ca.crt` to verify client certificates (same namespace unless allow-cross-namespace-resources). */
  authTlsSecret: `${PREFIX}auth-tls-secret`,
  /** Medium. `on` (required) or `optional`. */
  authTlsVerifyClient: `${PREFIX}auth-tls-verify-client`,
  /** Medium. `<namespace>/<secret>` with `ca.crt` to verify the backend. */
  proxySslSecret: `${PREFIX}proxy-ssl-secret`,
  /** Low. `on`: verify the backend certificate (default off). */
  proxySslVerify: `${PREFIX}proxy-ssl-verify`,
  /** High (accepted by the default `annotations-risk-level: High`). The name the backend certificate is verified against. */
  proxySslName: `${PREFIX}proxy-ssl-name`,
  /** Low. `on`: send `proxy-ssl-name` as SNI. */
  proxySslServerName: `${PREFIX}proxy-ssl-server-name`,
  /** Low. The server's `ssl_ciphers` (OpenSSL names joined by ':'), for every path of the host. */
  sslCiphers: `${PREFIX}ssl-ciphers`,
} as const;

/** `canary-by-header-pattern` that any value of a present header matches (ngx.re.match, unanchored). */
export const ANY_VALUE_PATTERN = '.*';


export type AnnotationName = keyof typeof ANNOTATIONS;

export type Risk = 'Low' | 'Medium' | 'High';

export interface AnnotationRule {
  /** The ingress-nginx risk level of the key. */
  readonly risk: Risk;
  /** ingress-nginx's validation of the value (validators.go plus the parser's own checks). */
  readonly validator: AnnotationValidator;
}

const V = VALIDATORS;

/** Risk level and validator of every key we emit (typed total over `ANNOTATIONS`). */
export const RULES: { readonly [k in AnnotationName]: AnnotationRule } = {
  useRegex: { risk: 'Low', validator: V.bool },
  limitRps: { risk: 'Low', validator: V.int },
  limitRpm: { risk: 'Low', validator: V.int },
  limitBurstMultiplier: { risk: 'Low', validator: V.int },
  limitConnections: { risk: 'Low', validator: V.int },
  limitAllowlist: { risk: 'Low', validator: V.cidrs },
  proxyConnectTimeout: { risk: 'Low', validator: V.int },
  proxyReadTimeout: { risk: 'Low', validator: V.int },
  proxySendTimeout: { risk: 'Low', validator: V.int },
  proxyBodySize: { risk: 'Medium', validator: V.size },
  enableCors: { risk: 'Low', validator: V.bool },
  corsAllowOrigin: { risk: 'Medium', validator: V.corsOrigins },
  corsAllowMethods: { risk: 'Medium', validator: V.corsMethods },
  corsAllowHeaders: { risk: 'Medium', validator: V.corsHeaders },
  corsExposeHeaders: { risk: 'Medium', validator: V.corsExposeHeaders },
  corsAllowCredentials: { risk: 'Low', validator: V.bool },
  corsMaxAge: { risk: 'Low', validator: V.int },
  forceSslRedirect: { risk: 'Medium', validator: V.bool },
  rewriteTarget: { risk: 'Medium', validator: V.regexPathWithCapture },
  upstreamVhost: { risk: 'Low', validator: V.serverName },
  allowlistSourceRange: { risk: 'Medium', validator: V.cidrs },
  denylistSourceRange: { risk: 'Medium', validator: V.cidrs },
  proxyNextUpstream: { risk: 'Medium', validator: V.nextUpstream },
  proxyNextUpstreamTries: { risk: 'Low', validator: V.int },
  proxyNextUpstreamTimeout: { risk: 'Low', validator: V.int },
  affinity: { risk: 'Low', validator: V.options(['cookie'], true) },
  sessionCookieName: { risk: 'Medium', validator: V.basicChars },
  sessionCookieMaxAge: { risk: 'Medium', validator: V.cookieSeconds },
  sessionCookiePath: { risk: 'Medium', validator: V.urlChars },
  sessionCookieSecure: { risk: 'Low', validator: V.bool },
  sessionCookieSameSite: { risk: 'Low', validator: V.options(['none', 'lax', 'strict'], false) },
  backendProtocol: { risk: 'Low', validator: V.options(['http', 'https', 'auto_http', 'grpc', 'grpcs', 'fcgi'], false) },
  authUrl: { risk: 'High', validator: V.authUrl },
  authResponseHeaders: { risk: 'Medium', validator: V.authResponseHeaders },
  authSignin: { risk: 'High', validator: V.urlWithVariables },
  authCacheKey: { risk: 'Medium', validator: V.nginxVariables },
  authCacheDuration: { risk: 'Medium', validator: V.authCacheDuration },
  authType: { risk: 'Low', validator: V.options(['basic', 'digest'], true) },
  authSecret: { risk: 'Medium', validator: V.basicChars },
  authSecretType: { risk: 'Low', validator: V.options(['auth-file', 'auth-map'], true) },
  authRealm: { risk: 'Medium', validator: V.charsWithSpace },
  canary: { risk: 'Low', validator: V.bool },
  canaryWeight: { risk: 'Low', validator: V.int },
  canaryWeightTotal: { risk: 'Low', validator: V.int },
  canaryByHeader: { risk: 'Medium', validator: V.basicChars },
  canaryByHeaderValue: { risk: 'Medium', validator: V.basicChars },
  canaryByHeaderPattern: { risk: 'Medium', validator: V.urlChars },
  canaryByCookie: { risk: 'Medium', validator: V.basicChars },
  sslRedirect: { risk: 'Low', validator: V.bool },
  sslPassthrough: { risk: 'Low', validator: V.bool },
  authTlsSecret: { risk: 'Medium', validator: V.basicChars },
  authTlsVerifyClient: { risk: 'Medium', validator: V.options(['on', 'off', 'optional', 'optional_no_ca'], true) },
  proxySslSecret: { risk: 'Medium', validator: V.basicChars },
  proxySslVerify: { risk: 'Low', validator: V.options(['on', 'off'], true) },
  proxySslName: { risk: 'High', validator: V.serverName },
  proxySslServerName: { risk: 'Low', validator: V.options(['on', 'off'], true) },
  sslCiphers: { risk: 'Low', validator: V.sslCiphers },
  permanentRedirect: { risk: 'Medium', validator: V.urlChars },
  permanentRedirectCode: { risk: 'Low', validator: V.int },
};

const RULES_BY_KEY: ReadonlyMap<string, AnnotationRule> = new Map(
  (Object.keys(ANNOTATIONS) as AnnotationName[]).map(name => [ANNOTATIONS[name], RULES[name]]),
);

/** The rule of a full annotation key, or undefined for a key this library never emits. */
export function ruleFor(key: string): AnnotationRule | undefined {
  return RULES_BY_KEY.get(key);
}
