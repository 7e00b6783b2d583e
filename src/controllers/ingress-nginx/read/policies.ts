import { IngressSource } from './source';
import {
  BackendProtocolIR, BodySizeIR, ConcurrencyLimitIR, CorsIR, EdgeAuthIR, IpAccessIR, PoliciesIR, RateLimitIR, RetriesIR, RetryCondition,
  SessionAffinityIR, TimeoutsIR,
} from '../../../ir/policies';
import { AUTH_CACHE_KEY, AUTH_CACHE_STATUSES } from '../features/auth';
import { NO_EXTRA_HEADERS } from '../features/cors';
import { NGINX_DEFAULT_BURST_MULTIPLIER } from '../features/rate-limit';
import { RETRY_STATUS_CODES } from '../features/retries';

/**
 * Reading the policy annotations of one Ingress back into `PoliciesIR`: each annotation the intent
 * can express exactly is mapped; values ingress-nginx serves differently from any intent are
 * unmapped with the reason. ingress-nginx's own defaults are imported where a key is absent
 * (e.g. CORS methods and headers).
 */
export function readPolicies(src: IngressSource): PoliciesIR {
  const out: { -readonly [K in keyof PoliciesIR]: PoliciesIR[K] } = {};
  out.rateLimit = rateLimit(src);
  out.concurrencyLimit = out.rateLimit ? undefined : concurrencyLimit(src);
  out.timeouts = timeouts(src);
  out.bodySize = bodySize(src);
  out.cors = cors(src);
  out.ipAccess = ipAccess(src);
  out.retries = retries(src);
  out.sessionAffinity = sessionAffinity(src);
  out.auth = auth(src);
  const redirect = forceSslRedirect(src);
  if (redirect) out.redirect = redirect;
  for (const k of Object.keys(out) as Array<keyof PoliciesIR>) if (out[k] === undefined) delete out[k];
  return out;
}

const s = (n: number, one: string) => `${n} ${one}${n === 1 ? '' : 's'}`;

function csv(v: string): string[] {
  return v.split(',').map(x => x.trim()).filter(x => x.length > 0);
}

function sortedUnique(xs: readonly string[]): string[] {
  return [...new Set(xs)].sort();
}

// ---------------------------------------------------------------------------------------------

function rateLimit(src: IngressSource): RateLimitIR | undefined {
  const rps = src.int('limit-rps');
  const rpm = src.int('limit-rpm');
  const rate = rps !== undefined && rps > 0 ? { requests: rps, per: 'second' as const, key: 'limit-rps' }
    : rpm !== undefined && rpm > 0 ? { requests: rpm, per: 'minute' as const, key: 'limit-rpm' } : undefined;
  for (const [n, v] of [['limit-rps', rps], ['limit-rpm', rpm]] as const) {
    if (v === 0) src.mapped(n, 'nothing (0 disables the limit)');
  }
  const allowKey = src.has('limit-allowlist') ? 'limit-allowlist' : 'limit-whitelist';
  if (src.has('limit-allowlist') && src.has('limit-whitelist')) src.unmapped('limit-whitelist', 'ingress-nginx reads limit-allowlist, which is also set');
  if (!rate) {
    src.unmappedAll(['limit-burst-multiplier', 'limit-allowlist', 'limit-whitelist'],
      'the intent sizes bursts and exempts addresses only together with a request rate (RateLimit.perClientIp)');
    return undefined;
  }
  if (rate.key === 'limit-rps' && rpm !== undefined && rpm > 0) {
    src.unmapped('limit-rpm', `nginx enforces both ${rps} r/s and ${rpm} r/min; a RateLimit has one rate (limit-rps was imported)`);
  }
  // Without the annotation ingress-nginx multiplies by its default; 1 is the intent's unset burst.
  const given = src.int('limit-burst-multiplier');
  const multiplier = given !== undefined && given > 0 ? given : NGINX_DEFAULT_BURST_MULTIPLIER;
  const burst = multiplier === 1 ? undefined : multiplier * rate.requests;
  const implicit = given === undefined ? `, burst ${burst} (no limit-burst-multiplier: ingress-nginx's default ${NGINX_DEFAULT_BURST_MULTIPLIER} x the rate)` : '';
  src.mapped(rate.key, `Route.rateLimit (RateLimit.perClientIp: ${s(rate.requests, 'request')} per ${rate.per}${implicit}, per controller replica)`);
  if (given !== undefined) {
    src.mapped('limit-burst-multiplier', multiplier === 1 ? 'Route.rateLimit (burst unset: one period\'s worth)'
      : `Route.rateLimit.burst (${burst} = ${rate.requests} x ${multiplier}${given === multiplier ? '' : ', ingress-nginx\'s default'})`);
  }
  const connections = src.int('limit-connections');
  let concurrentConnections: number | undefined;
  if (connections !== undefined && connections > 0) {
    concurrentConnections = connections;
    src.mapped('limit-connections', `Route.rateLimit.concurrentConnections (${connections})`);
  } else if (connections === 0) {
    src.mapped('limit-connections', 'nothing (0 disables the limit)');
  }
  const allow = src.valid(allowKey);
  const exemptCidrs = allow === undefined ? [] : sortedUnique(csv(allow));
  if (allow !== undefined) src.mapped(allowKey, `Route.rateLimit.exemptCidrs (${exemptCidrs.join(', ')})`);
  return strip<RateLimitIR>({ source: src.ref, key: 'clientIp', requests: rate.requests, per: rate.per, burst, concurrentConnections, exemptCidrs });
}

/** `limit-connections` without a rate: requests in progress per client address (features/rate-limit.ts CONCURRENCY_LIMIT). */
function concurrencyLimit(src: IngressSource): ConcurrencyLimitIR | undefined {
  const connections = src.int('limit-connections');
  if (connections === 0) src.mapped('limit-connections', 'nothing (0 disables the limit)');
  if (connections === undefined || connections <= 0) return undefined;
  src.mapped('limit-connections', `Route.concurrencyLimit (ConcurrencyLimit.perClientIp: ${s(connections, 'request')} in progress, per controller replica)`);
  return { source: src.ref, key: 'clientIp', maxRequests: connections };
}

const TIMEOUT_KEYS = [
  ['proxy-connect-timeout', 'connectMs', 'connect'],
  ['proxy-read-timeout', 'readMs', 'read'],
  ['proxy-send-timeout', 'sendMs', 'send'],
] as const;

function timeouts(src: IngressSource): TimeoutsIR | undefined {
  const out: { -readonly [K in keyof TimeoutsIR]: TimeoutsIR[K] } = { source: src.ref };
  let any = false;
  for (const [key, field, prop] of TIMEOUT_KEYS) {
    const v = src.int(key);
    if (v === undefined) continue;
    if (v <= 0) { src.unmapped(key, 'nginx refuses a timeout of 0'); continue; }
    out[field] = v * 1000;
    any = true;
    src.mapped(key, `Route.timeouts.${prop} (${v} s)`);
  }
  return any ? out : undefined;
}

const SIZE_UNITS: { readonly [u: string]: number } = { '': 1, 'k': 1024, 'm': 1024 ** 2, 'g': 1024 ** 3 };

/** nginx sizes: bytes, or k / m / g (either case), powers of 1024. */
export function parseNginxSize(v: string): number | undefined {
  const m = /^(\d+)([kKmMgG]?)$/.exec(v.trim());
  if (!m) return undefined;
  const n = Number(m[1]) * SIZE_UNITS[m[2].toLowerCase()];
  return Number.isSafeInteger(n) ? n : undefined;
}

function bodySize(src: IngressSource): BodySizeIR | undefined {
  const v = src.valid('proxy-body-size');
  if (v === undefined) return undefined;
  const bytes = parseNginxSize(v);
  if (bytes === undefined) {
    src.unmapped('proxy-body-size', `nginx does not parse '${v}' as a size (bytes, or a k / m / g suffix)`);
    return undefined;
  }
  if (bytes === 0) {
    src.unmapped('proxy-body-size', '0 turns off the body size check; the intent has no unlimited BodySize');
    return undefined;
  }
  src.mapped('proxy-body-size', `Route.bodySize (BodySize of ${bytes} bytes)`);
  return { source: src.ref, maxBytes: bytes };
}

/** ingress-nginx's values when a cors-allow-* annotation is absent (v1.15). */
export const CORS_DEFAULTS = {
  origin: '*',
  methods: 'GET, PUT, POST, DELETE, PATCH, OPTIONS',
  headers: 'DNT,Keep-Alive,User-Agent,X-Requested-With,If-Modified-Since,Cache-Control,Content-Type,Range,Authorization',
  credentials: true,
  /** cors-max-age when absent: 20 days (ingress-nginx's annotation default). */
  maxAgeSeconds: 1728000,
};

const CORS_KEYS = ['cors-allow-origin', 'cors-allow-methods', 'cors-allow-headers', 'cors-expose-headers', 'cors-allow-credentials', 'cors-max-age'];

function cors(src: IngressSource): CorsIR | undefined {
  const enabled = src.bool('enable-cors');
  if (enabled !== true) {
    if (enabled === false) src.mapped('enable-cors', 'nothing (CORS off, the default)');
    src.unmappedAll(CORS_KEYS, 'has no effect without enable-cors: "true"');
    return undefined;
  }
  const originValue = src.valid('cors-allow-origin');
  const origins = sortedUnique(csv(originValue ?? CORS_DEFAULTS.origin).map(o => (o === '*' ? o : o.toLowerCase())));
  const wildcard = origins.includes('*');
  if (wildcard && origins.length > 1) {
    src.unmappedAll(['enable-cors', ...CORS_KEYS], "'*' among other origins: the intent allows '*' alone");
    return undefined;
  }
  // A '*.' origin matches exactly one DNS label ([A-Za-z0-9-]+), as the intent's '*.' does; the
  // intent's wildcards cover a domain of at least two labels.
  if (origins.some(o => /:\/\/\*\.[^.:]+(:\d+)?$/.test(o))) {
    src.unmappedAll(['enable-cors', ...CORS_KEYS], "a '*.' origin over a one-label domain: the intent's wildcards cover at least two labels");
    return undefined;
  }
  const methods = sortedUnique(csv(src.valid('cors-allow-methods') ?? CORS_DEFAULTS.methods).map(m => m.toUpperCase()));
  const headersValue = src.valid('cors-allow-headers');
  const headerList = csv(headersValue || CORS_DEFAULTS.headers);
  // `Origin` alone is what the renderer sends for "no extra header": scripts can never set it.
  const headers = headerList.length === 1 && headerList[0] === NO_EXTRA_HEADERS ? [] : sortedUnique(headerList);
  const expose = src.valid('cors-expose-headers');
  const exposeHeaders = expose === undefined ? [] : sortedUnique(csv(expose));
  const credentialsValue = src.bool('cors-allow-credentials');
  const sent = credentialsValue ?? CORS_DEFAULTS.credentials;
  // With Allow-Origin '*', browsers refuse credentialed responses whatever Allow-Credentials says.
  const credentials = sent && !wildcard;
  // `*` alone in cors-expose-headers is the intent's "every header", without credentials only.
  if (headers.includes('*') || (exposeHeaders.includes('*') && (exposeHeaders.length > 1 || credentials))) {
    src.unmappedAll(['enable-cors', ...CORS_KEYS], "'*' as a header name (any header): the intent lists header names");
    return undefined;
  }
  const maxAge = src.int('cors-max-age') ?? CORS_DEFAULTS.maxAgeSeconds;
  const absent = (k: string, v: string) => (src.has(k) ? '' : ` (absent: ingress-nginx's default ${v})`);
  src.mapped('enable-cors', `Route.cors (Cors.allow: origins ${origins.join(', ')}${absent('cors-allow-origin', "'*'")}; methods ${methods.join(', ')}${absent('cors-allow-methods', 'list')}; `
    + `headers ${headers.join(', ') || 'none beyond the safelisted ones'}${headersValue ? '' : " (absent or empty: ingress-nginx's default list)"}; credentials ${credentials}${absent('cors-allow-credentials', 'true')})`);
  src.mapped('cors-allow-origin', `Route.cors.origins (${origins.join(', ')})`);
  src.mapped('cors-allow-methods', `Route.cors.methods (${methods.join(', ')})`);
  src.mapped('cors-allow-headers', headers.length === 0 ? 'Route.cors.headers (none: Origin grants scripts nothing)' : `Route.cors.headers (${headers.join(', ')})`);
  src.mapped('cors-expose-headers', `Route.cors.exposeHeaders (${exposeHeaders.join(', ')})`);
  src.mapped('cors-allow-credentials', wildcard && sent
    ? "Route.cors.credentials (false: browsers refuse credentials with Access-Control-Allow-Origin '*')" : `Route.cors.credentials (${credentials})`);
  src.mapped('cors-max-age', `Route.cors.maxAge (${maxAge} s${absent('cors-max-age', '20 days')})`);
  return strip({ source: src.ref, origins, methods, headers, exposeHeaders, credentials, maxAgeSeconds: maxAge });
}

function ipAccess(src: IngressSource): IpAccessIR | undefined {
  const allowKey = src.has('allowlist-source-range') ? 'allowlist-source-range' : 'whitelist-source-range';
  if (src.has('allowlist-source-range') && src.has('whitelist-source-range')) {
    src.unmapped('whitelist-source-range', 'ingress-nginx reads allowlist-source-range, which is also set');
  }
  const allowValue = src.valid(allowKey);
  const denyValue = src.valid('denylist-source-range');
  if (allowValue === undefined && denyValue === undefined) return undefined;
  const allow = allowValue === undefined ? [] : sortedUnique(csv(allowValue));
  const deny = denyValue === undefined ? [] : sortedUnique(csv(denyValue));
  if (allowValue !== undefined) src.mapped(allowKey, `Route.ipAccess.allow (${allow.join(', ')}; others get 403)`);
  if (denyValue !== undefined) src.mapped('denylist-source-range', `Route.ipAccess.deny (${deny.join(', ')})`);
  if (allow.length === 0 && deny.length === 0) return undefined;
  return { source: src.ref, allow, deny };
}

/** nginx proxy_next_upstream tokens the intent expresses, and what they mean. */
const CONNECTION_TOKENS = ['error', 'timeout'];

function retries(src: IngressSource): RetriesIR | undefined {
  const value = src.valid('proxy-next-upstream');
  const tries = src.int('proxy-next-upstream-tries');
  const timeout = src.int('proxy-next-upstream-timeout');
  if (value === undefined && tries === undefined) {
    src.unmapped('proxy-next-upstream-timeout', 'bounds ingress-nginx\'s default retries, which the intent reads as no retry policy; set proxy-next-upstream too');
    return undefined;
  }
  // ingress-nginx's defaults: proxy-next-upstream "error timeout", 3 tries.
  const tokens = (value ?? 'error timeout').split(/\s+/).filter(t => t.length > 0);
  if (tokens.includes('off')) {
    src.mapped('proxy-next-upstream', 'nothing (off: no retry)');
    if (tries !== undefined) src.mapped('proxy-next-upstream-tries', 'nothing (proxy-next-upstream is off)');
    if (timeout !== undefined) src.mapped('proxy-next-upstream-timeout', 'nothing (proxy-next-upstream is off)');
    return undefined;
  }
  const nonIdempotent = tokens.includes('non_idempotent');
  const unknown = tokens.filter(t => !CONNECTION_TOKENS.includes(t) && t !== 'non_idempotent' && !/^http_\d{3}$/.test(t));
  const codes = tokens.filter(t => t.startsWith('http_')).map(t => Number(t.slice(5)));
  const badCodes = codes.filter(c => !RETRY_STATUS_CODES.includes(c));
  const hasError = tokens.includes('error');
  const hasTimeout = tokens.includes('timeout');
  let reason: string | undefined;
  if (unknown.length > 0) reason = `the intent cannot express ${unknown.map(t => `'${t}'`).join(', ')}`;
  else if (badCodes.length > 0) reason = `nginx cannot retry on ${badCodes.join(', ')}`;
  else if (hasError !== hasTimeout) reason = `'${hasError ? 'error' : 'timeout'}' without '${hasError ? 'timeout' : 'error'}': the intent's connection failures are both`;
  else if (!hasError && codes.length === 0) reason = 'non_idempotent alone retries on nothing';
  else if (tries !== undefined && tries < 2) reason = tries === 0 ? '0 tries means unlimited retries in nginx' : '1 try is no retry';
  if (reason) {
    src.unmappedAll(['proxy-next-upstream', 'proxy-next-upstream-tries', 'proxy-next-upstream-timeout'], reason);
    return undefined;
  }
  const attempts = (tries ?? 3) - 1;
  const conditions: RetryCondition[] = [];
  if (hasError) conditions.push('connect-failure', 'reset');
  const gateway = [502, 503, 504].every(c => codes.includes(c));
  if (gateway) conditions.push('gateway-error');
  const statusCodes = [...new Set(codes.filter(c => !gateway || ![502, 503, 504].includes(c)))].sort((a, b) => a - b);
  const what = `${conditions.length > 0 ? `RetryOn ${conditions.join(', ')}` : ''}${statusCodes.length > 0 ? `${conditions.length > 0 ? '; ' : ''}statusCodes ${statusCodes.join(', ')}` : ''}`
    + (nonIdempotent ? '; nonIdempotent' : '');
  if (value !== undefined) src.mapped('proxy-next-upstream', `Route.retries.on / statusCodes (${what}${hasError ? "; nginx's 'error' covers failed connections and resets alike" : ''})`);
  if (tries !== undefined) src.mapped('proxy-next-upstream-tries', `Route.retries.attempts (${attempts}: tries include the first one)`);
  else src.mapped('proxy-next-upstream', `Route.retries (attempts 2: ingress-nginx's default of 3 tries; ${what})`);
  const windowMs = timeout !== undefined && timeout > 0 ? timeout * 1000 : undefined;
  if (windowMs !== undefined) src.mapped('proxy-next-upstream-timeout', `Route.retries.window (${timeout} s)`);
  else src.mapped('proxy-next-upstream-timeout', 'nothing (0: no limit)');
  return {
    source: src.ref,
    attempts,
    statusCodes,
    conditions: [...new Set(conditions)].sort(),
    ...(windowMs !== undefined ? { windowMs } : {}),
    ...(nonIdempotent ? { nonIdempotent } : {}),
  };
}

const AFFINITY_UNMODELLED = ['affinity-mode', 'affinity-canary-behavior', 'session-cookie-change-on-failure', 'session-cookie-conditional-samesite-none', 'session-cookie-domain'];
const SESSION_KEYS = ['session-cookie-name', 'session-cookie-path', 'session-cookie-secure', 'session-cookie-samesite', 'session-cookie-max-age', 'session-cookie-expires'];

function sessionAffinity(src: IngressSource): SessionAffinityIR | undefined {
  const affinity = src.valid('affinity');
  if (affinity === undefined || affinity.toLowerCase() !== 'cookie') {
    if (affinity !== undefined) src.unmapped('affinity', `'${affinity}' is not an affinity ingress-nginx knows (only cookie)`);
    src.unmappedAll([...SESSION_KEYS, ...AFFINITY_UNMODELLED], 'has no effect without affinity: cookie');
    return undefined;
  }
  const cookieName = src.valid('session-cookie-name') ?? 'INGRESSCOOKIE';
  const path = src.valid('session-cookie-path');
  const secure = src.bool('session-cookie-secure');
  const sameSiteValue = src.valid('session-cookie-samesite');
  const maxAge = src.int('session-cookie-max-age');
  const sameSite = sameSiteValue === undefined ? undefined : ({ strict: 'Strict', lax: 'Lax', none: 'None' } as const)[sameSiteValue.toLowerCase() as 'strict' | 'lax' | 'none'];
  if (path === undefined) {
    // Without a path the cookie takes each location's path: only exact for a single '/' location.
    src.unmappedAll(['affinity', ...SESSION_KEYS], "without session-cookie-path the cookie's path is each location's path (a regex under use-regex); set session-cookie-path to import it");
    return undefined;
  }
  src.mapped('affinity', `Route.sessionAffinity (SessionAffinity.cookie '${cookieName}'; always HttpOnly${secure === undefined ? '; secure: false as written (nginx adds Secure on HTTPS requests unless session-cookie-secure is set)' : ''})`);
  if (src.has('session-cookie-name')) src.mapped('session-cookie-name', `Route.sessionAffinity.name (${cookieName})`);
  src.mapped('session-cookie-path', `Route.sessionAffinity.path (${path})`);
  if (secure !== undefined) src.mapped('session-cookie-secure', `Route.sessionAffinity.secure (${secure})`);
  if (sameSite) src.mapped('session-cookie-samesite', `Route.sessionAffinity.sameSite (${sameSite})`);
  if (maxAge !== undefined) src.mapped('session-cookie-max-age', `Route.sessionAffinity.ttl (${maxAge} s)`);
  if (src.has('session-cookie-expires')) {
    if (maxAge !== undefined) src.mapped('session-cookie-expires', 'nothing (browsers use Max-Age over Expires)');
    else src.unmapped('session-cookie-expires', 'the intent sets the cookie lifetime with Max-Age only (SessionAffinity.ttl)');
  }
  for (const k of AFFINITY_UNMODELLED) if (src.has(k)) src.unmapped(k, 'SessionAffinity does not model it');
  return strip({ source: src.ref, cookieName, ttlSeconds: maxAge, path, secure: secure ?? false, httpOnly: true, sameSite });
}

/** backend-protocol (read once the backend's TLS is known: see reader.ts). */
export function backendProtocol(src: IngressSource, reencrypted: boolean | 'unverified'): BackendProtocolIR | undefined {
  const v = src.valid('backend-protocol');
  if (v === undefined) return undefined;
  const p = v.toUpperCase();
  if (p === 'HTTP') { src.mapped('backend-protocol', 'nothing (HTTP, the default)'); return undefined; }
  if (p === 'HTTPS' && reencrypted) {
    src.mapped('backend-protocol', reencrypted === 'unverified' ? 'Backend.tls (BackendTls.insecureSkipVerify(): see proxy-ssl-verify)' : 'Backend.tls (re-encrypted, verified: see proxy-ssl-*)');
    return undefined;
  }
  if (p === 'HTTPS' || p === 'GRPC' || p === 'GRPCS') {
    src.mapped('backend-protocol', `Route.backendProtocol (BackendProtocol.${p}${p === 'HTTPS' || p === 'GRPCS' ? ', certificate not verified' : ''})`);
    return { source: src.ref, protocol: p };
  }
  src.unmapped('backend-protocol', `${v}: the intent has no such backend protocol`);
  return undefined;
}

const EXTERNAL_AUTH_UNMODELLED = ['auth-method', 'auth-proxy-set-headers', 'auth-request-redirect', 'auth-always-set-cookie', 'auth-keepalive',
  'auth-keepalive-requests', 'auth-keepalive-share-vars', 'auth-keepalive-timeout', 'auth-signin-redirect-param', 'enable-global-auth'];
const EXTERNAL_AUTH_KEYS = ['auth-url', 'auth-signin', 'auth-response-headers', 'auth-cache-key', 'auth-cache-duration'];
const BASIC_AUTH_KEYS = ['auth-type', 'auth-secret', 'auth-secret-type', 'auth-realm'];

/** An auth URL the intent accepts: https, or http to an in-cluster Service host; no nginx variables. */
const AUTH_URL = /^(https:\/\/[^\s$/]+|http:\/\/[a-z0-9.-]+\.svc(\.cluster\.local)?(:\d+)?)(\/[^\s$]*)?$/;

const DURATION_UNIT: { readonly [u: string]: number } = { s: 1, m: 60, h: 3600, d: 86400 };

function auth(src: IngressSource): EdgeAuthIR | undefined {
  if (src.has('auth-snippet')) src.unmapped('auth-snippet', 'raw nginx configuration in the auth location: no intent meaning (the library never emits snippets)');
  const url = src.valid('auth-url');
  const type = src.valid('auth-type');
  if (url !== undefined) {
    if (type !== undefined) src.unmappedAll(BASIC_AUTH_KEYS, 'auth-url is also set: the intent has one authentication per route (external auth imported)');
    return externalAuth(src, url);
  }
  src.unmappedAll(['auth-signin', 'auth-response-headers', 'auth-cache-key', 'auth-cache-duration', ...EXTERNAL_AUTH_UNMODELLED], 'has no effect without auth-url');
  if (type === undefined) {
    src.unmappedAll(['auth-secret', 'auth-secret-type', 'auth-realm'], 'has no effect without auth-type');
    return undefined;
  }
  if (type.toLowerCase() !== 'basic') {
    src.unmappedAll(BASIC_AUTH_KEYS, `${type} authentication: the intent has basic authentication only`);
    return undefined;
  }
  const secret = src.valid('auth-secret');
  const secretType = src.valid('auth-secret-type') ?? 'auth-file';
  if (secret === undefined) { src.unmappedAll(BASIC_AUTH_KEYS, 'auth-type without auth-secret: ingress-nginx refuses it'); return undefined; }
  const [ns, name] = secret.includes('/') ? secret.split('/', 2) : [src.namespace, secret];
  if (ns !== src.namespace) { src.unmappedAll(BASIC_AUTH_KEYS, `the Secret is in namespace '${ns}': EdgeAuth.basic reads a Secret of the route's namespace`); return undefined; }
  if (secretType.toLowerCase() !== 'auth-file') { src.unmappedAll(BASIC_AUTH_KEYS, 'auth-map Secrets (one key per user): EdgeAuth.basic reads htpasswd lines under the key auth'); return undefined; }
  const realm = src.valid('auth-realm');
  src.mapped('auth-type', `Route.auth (EdgeAuth.basic, Secret '${name}')`);
  src.mapped('auth-secret', `Route.auth.secretName (${name})`);
  if (src.has('auth-secret-type')) src.mapped('auth-secret-type', 'Route.auth (htpasswd lines under the key auth)');
  if (realm !== undefined) src.mapped('auth-realm', `Route.auth.realm (${realm})`);
  return strip({ kind: 'basic' as const, source: src.ref, secretName: name, realm });
}

function externalAuth(src: IngressSource, url: string): EdgeAuthIR | undefined {
  if (!AUTH_URL.test(url)) {
    src.unmappedAll([...EXTERNAL_AUTH_KEYS, ...EXTERNAL_AUTH_UNMODELLED],
      'EdgeAuth.external takes an https URL, or http to an in-cluster *.svc host, without nginx variables');
    return undefined;
  }
  const signin = src.valid('auth-signin');
  const headersValue = src.valid('auth-response-headers');
  const responseHeaders = headersValue === undefined ? [] : sortedUnique(csv(headersValue));
  let cacheSeconds: number | undefined;
  const key = src.valid('auth-cache-key');
  const duration = src.valid('auth-cache-duration');
  if (key !== undefined || duration !== undefined) {
    const parsed = duration === undefined ? undefined : /^((?:\d{3}\s+)*)(\d+)([smhd]?)$/.exec(duration.trim());
    const statuses = parsed ? parsed[1].trim().split(/\s+/).filter(x => x).map(Number) : [];
    if (key === AUTH_CACHE_KEY && parsed && statuses.join(' ') === AUTH_CACHE_STATUSES.join(' ')) {
      cacheSeconds = Number(parsed[2]) * DURATION_UNIT[parsed[3] || 's'];
      src.mapped('auth-cache-key', 'Route.auth.cache (keyed on every input of the auth decision)');
      src.mapped('auth-cache-duration', `Route.auth.cache (${cacheSeconds} s for 2xx answers)`);
    } else {
      src.unmappedAll(['auth-cache-key', 'auth-cache-duration'], key === undefined
        ? 'auth-cache-duration without auth-cache-key: nginx does not cache'
        : `the cache key '${key}' or its statuses differ from EdgeAuth.external's cache (keyed on ${AUTH_CACHE_KEY}, 2xx only): a cached answer could admit another request`);
    }
  }
  src.mapped('auth-url', `Route.auth (EdgeAuth.external ${url})`);
  if (headersValue !== undefined) src.mapped('auth-response-headers', `Route.auth.responseHeaders (${responseHeaders.join(', ')})`);
  if (signin !== undefined) src.mapped('auth-signin', `Route.auth.signinUrl (${signin}; ingress-nginx adds ?rd=<original URL>)`);
  for (const k of EXTERNAL_AUTH_UNMODELLED) if (src.has(k)) src.unmapped(k, 'EdgeAuth.external does not model it');
  return strip({ kind: 'external' as const, source: src.ref, url, responseHeaders, signinUrl: signin, cacheSeconds });
}

function forceSslRedirect(src: IngressSource) {
  const force = src.bool('force-ssl-redirect');
  if (force === undefined) return undefined;
  if (!force) { src.mapped('force-ssl-redirect', 'nothing (false, the default)'); return undefined; }
  src.mapped('force-ssl-redirect', "Route.redirect (Redirect.toHttps(): plain HTTP gets 308, the controller's http-redirect-code)");
  return { source: src.ref, scheme: 'https' as const, statusCode: 308 as const };
}

/** Drops undefined-valued keys (so that read IR has no `undefined` fields). */
export function strip<T extends object>(o: T): T {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(o)) if (v !== undefined) out[k] = v;
  return out as T;
}
