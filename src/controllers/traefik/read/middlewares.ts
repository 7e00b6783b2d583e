import { HstsIR } from '../../../ir/model';
import { PathModifierIR, PoliciesIR, RedirectIR, RateLimitWindow, RetryCondition } from '../../../ir/policies';
import { cidr, isRecord, ItemLog, uniqueSorted } from '../../common/read';
import { KubeObject } from '../../reader';
import { FIXED_URL_REGEX, MIDDLEWARE_TYPES, NO_CLIENT_ADDRESSES } from '../constants';
import { quoteMeta } from './rule';

/**
 * Middleware objects as intent policies: the specs features/*.ts write map back exactly; other
 * middleware types and fields are unmapped items.
 */
export type MutablePolicies = { -readonly [K in keyof PoliciesIR]: PoliciesIR[K] };

export interface MiddlewareRead {
  readonly policies: MutablePolicies;
  /** `stsSeconds` & co: the HSTS of the TLS host the router serves. */
  readonly hsts?: HstsIR;
  /** The deny router's middleware: refuses every client (403). */
  readonly denyAll?: boolean;
  /** A headers middleware setting only the request Host: a host rewrite. */
  readonly hostOnly?: boolean;
  /** Nothing could be read (the router's reading is incomplete). */
  readonly failed?: boolean;
}

/**
 * A Traefik duration as written by goDuration 'single-unit' (`2s`, `250ms`, `1m`) or a bare
 * number of seconds, in milliseconds; undefined for other spellings.
 */
function traefikMs(v: unknown): number | undefined {
  if (typeof v === 'number') return Number.isSafeInteger(v) && v >= 0 ? v * 1000 : undefined;
  const m = /^(\d+)(ms|s|m|h)?$/.exec(String(v));
  if (!m) return undefined;
  return Number(m[1]) * { ms: 1, s: 1000, m: 60_000, h: 3_600_000 }[m[2] ?? 's']!;
}

/** `rateLimit.redis` as rendered by the traefik renderer (features/rate-limit.ts); undefined for anything else. */
function readRedis(redis: unknown): NonNullable<PoliciesIR['rateLimit']>['distributed'] {
  if (!isRecord(redis)) return undefined;
  const known = ['endpoints', 'secret', 'db', 'tls', 'dialTimeout', 'readTimeout', 'writeTimeout'];
  const eps = Array.isArray(redis.endpoints) ? redis.endpoints : [];
  if (eps.length !== 1 || typeof eps[0] !== 'string' || !Object.keys(redis).every(k => known.includes(k))) return undefined;
  if (redis.secret !== undefined && typeof redis.secret !== 'string') return undefined;
  const db = redis.db;
  if (db !== undefined && (typeof db !== 'number' || !Number.isInteger(db) || db < 0)) return undefined;
  const tls = redis.tls;
  const tlsKeys = ['insecureSkipVerify', 'caSecret', 'certSecret'];
  if (tls !== undefined && !(isRecord(tls) && tls.insecureSkipVerify === false && Object.keys(tls).every(k => tlsKeys.includes(k))
    && [tls.caSecret, tls.certSecret].every(v => v === undefined || typeof v === 'string'))) return undefined;
  const timeouts = [redis.dialTimeout, redis.readTimeout, redis.writeTimeout];
  const timeoutMs = timeouts[0] === undefined ? undefined : traefikMs(timeouts[0]);
  const oneTimeout = timeoutMs !== undefined && timeoutMs > 0 && timeouts.every(t => traefikMs(t) === timeoutMs);
  if (!oneTimeout && !timeouts.every(t => t === undefined)) return undefined;
  return {
    kind: 'redis',
    endpoint: eps[0],
    secretName: redis.secret,
    ...(tls !== undefined ? { tls: true } : {}),
    ...(isRecord(tls) && typeof tls.caSecret === 'string' ? { ca: { kind: 'Secret' as const, name: tls.caSecret } } : {}),
    ...(isRecord(tls) && typeof tls.certSecret === 'string' ? { clientCertificateSecret: tls.certSecret } : {}),
    ...(db ? { database: db } : {}),
    ...(timeoutMs !== undefined ? { timeoutMs } : {}),
  };
}

const PREFIX_REDIRECT_HEAD = '^(https?)://(\\[[^\\]]*\\]|[^/:]*)(:[0-9]+)?';

export function readMiddleware(o: KubeObject, log: ItemLog): MiddlewareRead {
  const spec = isRecord(o.spec) ? o.spec : {};
  const types = Object.keys(spec);
  const source = log.ref(o);
  const policies: MutablePolicies = {};
  if (types.length !== 1) {
    log.unmapped(o, 'spec', spec, 'a Middleware holds exactly one middleware type');
    return { policies, failed: true };
  }
  const type = types[0];
  const c = isRecord(spec[type]) ? spec[type] : {};
  const at = (k: string) => `spec.${type}.${k}`;
  const seen = new Set<string>();
  const take = (k: string) => { seen.add(k); return c[k]; };
  const map = (k: string, to: string) => log.mapped(o, at(k), c[k], to);
  const unmap = (k: string, reason: string) => log.unmapped(o, at(k), c[k], reason);
  let out: MiddlewareRead = { policies };
  const rest = () => { for (const k of Object.keys(c)) if (!seen.has(k)) unmap(k, `${type}.${k} is not modelled by the intent`); };
  // The client address: depth 0 is the TCP peer, depth N the gateway's ClientIp.xForwardedFor({ trustedHops: N }).
  const depthOf = (v: unknown) => (isRecord(v) && typeof v.depth === 'number' && Number.isInteger(v.depth) && v.depth >= 0 && Object.keys(v).length === 1 ? v.depth : undefined);
  const hops = (depth: number | undefined) => (depth ? { clientIpHops: depth } : {});

  switch (type) {
    case MIDDLEWARE_TYPES.ipAllowList: {
      const range = take('sourceRange');
      const strategy = take('ipStrategy');
      const reject = take('rejectStatusCode');
      if (!Array.isArray(range) || !range.every(r => typeof r === 'string')) { unmap('sourceRange', 'not a list of CIDRs'); return { policies, failed: true }; }
      const depth = strategy === undefined ? 0 : depthOf(strategy);
      if (depth === undefined) unmap('ipStrategy', 'only a depth is modelled (0: the TCP peer; N: ClientIp.xForwardedFor({ trustedHops: N })); excludedIPs and ipv6Subnet are not');
      else if (strategy !== undefined) map('ipStrategy', depth === 0 ? 'IpAccess (the client\'s TCP address)' : `ApiGateway.clientIp (ClientIp.xForwardedFor({ trustedHops: ${depth} }))`);
      if (JSON.stringify([...range].sort()) === JSON.stringify([...NO_CLIENT_ADDRESSES].sort()) && (reject === 403 || reject === undefined)) {
        map('sourceRange', 'Route.ipAccess (IpAccess.deny: the deny router refuses every denied client)');
        if (reject !== undefined) map('rejectStatusCode', 'Route.ipAccess (403)');
        out = { policies, denyAll: true };
      } else {
        policies.ipAccess = { source, allow: uniqueSorted(range.map(cidr)), deny: [], ...hops(depth) };
        map('sourceRange', 'Route.ipAccess (IpAccess.allow)');
        if (reject !== undefined && reject !== 403) unmap('rejectStatusCode', 'the intent refuses with 403');
        else if (reject !== undefined) map('rejectStatusCode', 'Route.ipAccess (403)');
      }
      break;
    }
    case MIDDLEWARE_TYPES.rateLimit: {
      const average = take('average');
      const period = take('period') ?? '1s';
      const burst = take('burst');
      const criterion = take('sourceCriterion');
      const redis = take('redis');
      const per = traefikWindow(period);
      if (typeof average !== 'number' || !Number.isInteger(average) || average < 1 || !per) {
        unmap('average', 'the intent limits whole requests per second, minute, hour or day (period 1s, 1m, 1h or 24h)');
        return { policies, failed: true };
      }
      let key: 'clientIp' | 'header' | undefined;
      let header: string | undefined;
      const depth = criterion === undefined ? 0
        : isRecord(criterion) && Object.keys(criterion).length === 1 ? depthOf(criterion.ipStrategy) : undefined;
      if (depth !== undefined) {key = 'clientIp';} else if (isRecord(criterion) && typeof criterion.requestHeaderName === 'string' && Object.keys(criterion).length === 1) { key = 'header'; header = criterion.requestHeaderName.toLowerCase(); }
      if (!key) { unmap('sourceCriterion', 'only the client address (an ipStrategy depth) or one request header are modelled'); return { policies, failed: true }; }
      let distributed: NonNullable<PoliciesIR['rateLimit']>['distributed'];
      if (redis !== undefined) {
        distributed = readRedis(redis);
        if (distributed) {
          map('redis', 'Route.rateLimit (DistributedRateLimit.redis)');
        } else {
          unmap('redis', 'one Redis endpoint, an optional credentials Secret, verified TLS (system CAs or a CA Secret, an optional client certificate Secret), a database and one timeout for dial, read and write are modelled');
        }
      }
      // Traefik's own default burst is 1; the intent's smallest (and unset) burst is one period's worth.
      const bucket = burst ?? 1;
      const validBurst = typeof bucket === 'number' && Number.isInteger(bucket) && bucket >= average;
      if (!validBurst) {
        unmap('burst', typeof bucket === 'number' && Number.isInteger(bucket) && bucket >= 1
          ? `${burst === undefined ? 'absent, so Traefik\'s default 1' : bucket} is below one period's worth (${average}), the intent's smallest burst`
          : 'not a whole number of requests');
      }
      policies.rateLimit = {
        source,
        key,
        header,
        requests: average,
        per,
        burst: validBurst && bucket !== average ? bucket : undefined,
        exemptCidrs: [],
        distributed,
        ...hops(depth),
      };
      map('average', `Route.rateLimit (${average} per ${per})`);
      if (c.period !== undefined) map('period', 'Route.rateLimit (period)');
      if (burst !== undefined && validBurst) map('burst', bucket === average ? 'Route.rateLimit (burst unset: one period\'s worth)' : 'Route.rateLimit (burst)');
      if (criterion !== undefined) map('sourceCriterion', depth ? `Route.rateLimit (per ${key}) + ApiGateway.clientIp (ClientIp.xForwardedFor({ trustedHops: ${depth} }))` : `Route.rateLimit (per ${key})`);
      break;
    }
    case MIDDLEWARE_TYPES.inFlightReq: {
      // features/rate-limit.ts inFlightReqSpec: per client address (ipStrategy depth) or per host.
      const amount = take('amount');
      const criterion = take('sourceCriterion');
      if (typeof amount !== 'number' || !Number.isInteger(amount) || amount < 1) {
        unmap('amount', 'the intent limits at least 1 request in progress (0 would refuse every request)');
        return { policies, failed: true };
      }
      // Traefik's default criterion is the request host.
      const byHost = criterion === undefined || (isRecord(criterion) && Object.keys(criterion).length === 1 && criterion.requestHost === true);
      const depth = isRecord(criterion) && Object.keys(criterion).length === 1 ? depthOf(criterion.ipStrategy) : undefined;
      if (!byHost && depth === undefined) {
        unmap('sourceCriterion', 'only the client address (an ipStrategy depth) or the request host are modelled');
        return { policies, failed: true };
      }
      policies.concurrencyLimit = byHost
        ? { source, key: 'host', maxRequests: amount }
        : { source, key: 'clientIp', maxRequests: amount, ...hops(depth) };
      const factory = byHost ? 'ConcurrencyLimit.perHost' : 'ConcurrencyLimit.perClientIp';
      map('amount', `Route.concurrencyLimit (${factory}: ${amount} requests in progress, per Traefik instance)`);
      if (criterion !== undefined) {
        map('sourceCriterion', depth ? `Route.concurrencyLimit (${factory}) + ApiGateway.clientIp (ClientIp.xForwardedFor({ trustedHops: ${depth} }))` : `Route.concurrencyLimit (${factory})`);
      }
      break;
    }
    case MIDDLEWARE_TYPES.headers:
      out = readHeaders(o, c, take, map, unmap, source);
      break;
    case MIDDLEWARE_TYPES.redirectScheme: {
      const scheme = take('scheme');
      const port = take('port');
      const permanent = take('permanent') ?? false;
      if ((scheme !== 'https' && scheme !== 'http') || typeof permanent !== 'boolean' || (port !== undefined && !/^\d+$/.test(String(port)))) {
        unmap('scheme', 'a redirect to http or https (with an optional port) is modelled');
        return { policies, failed: true };
      }
      policies.redirect = { source, scheme, port: port === undefined ? undefined : Number(port), statusCode: permanent ? 301 : 302 };
      for (const k of ['scheme', 'port', 'permanent']) if (c[k] !== undefined) map(k, `Route.redirect (${k})`);
      break;
    }
    case MIDDLEWARE_TYPES.redirectRegex: {
      const r = readRedirectRegex(take('regex'), take('replacement'), take('permanent') ?? false, source);
      if (!r) { unmap('regex', 'only the URL forms the intent\'s redirects render (scheme, host, port, whole path or matched prefix) are read'); return { policies, failed: true }; }
      policies.redirect = r;
      for (const k of ['regex', 'replacement', 'permanent']) if (c[k] !== undefined) map(k, 'Route.redirect');
      break;
    }
    case MIDDLEWARE_TYPES.replacePath: {
      const p = take('path');
      if (typeof p !== 'string') { unmap('path', 'not a path'); return { policies, failed: true }; }
      policies.rewrite = { source, path: { kind: 'full', value: p } };
      map('path', 'Route.rewrite (Rewrite.replaceFullPath)');
      break;
    }
    case MIDDLEWARE_TYPES.replacePathRegex: {
      const m = readPrefixRewrite(String(take('regex') ?? ''), String(take('replacement') ?? ''), '.', 1);
      if (!m) { unmap('regex', 'only a replacement of the matched prefix or of the whole path is read'); return { policies, failed: true }; }
      policies.rewrite = { source, path: m };
      map('regex', 'Route.rewrite (Rewrite.replacePrefix)');
      map('replacement', 'Route.rewrite (Rewrite.replacePrefix)');
      break;
    }
    case 'stripPrefix': {
      const prefixes = take('prefixes');
      if (Array.isArray(prefixes) && prefixes.length === 1 && typeof prefixes[0] === 'string') {
        policies.rewrite = { source, path: { kind: 'prefix', value: '/' } };
        map('prefixes', 'Route.rewrite (Rewrite.replacePrefix(\'/\'), when the prefix is the route\'s match)');
      } else {
        unmap('prefixes', 'one prefix (the route\'s match) is read');
        return { policies, failed: true };
      }
      break;
    }
    case MIDDLEWARE_TYPES.buffering: {
      const max = take('maxRequestBodyBytes');
      if (typeof max !== 'number' || !Number.isInteger(max) || max < 1) { unmap('maxRequestBodyBytes', 'not a size in bytes'); return { policies, failed: true }; }
      policies.bodySize = { source, maxBytes: max };
      map('maxRequestBodyBytes', 'Route.bodySize');
      break;
    }
    case MIDDLEWARE_TYPES.retry: {
      const attempts = take('attempts');
      const status = take('status');
      const noNet = take('disableRetryOnNetworkError') ?? false;
      const interval = take('initialInterval');
      const timeout = take('timeout');
      const nonIdempotent = take('retryNonIdempotentMethod');
      const backoffMs = interval === undefined ? undefined : traefikMs(interval);
      const windowMs = timeout === undefined ? undefined : traefikMs(timeout);
      if (typeof attempts !== 'number' || attempts < 2) { unmap('attempts', 'at least one retry (attempts >= 2)'); return { policies, failed: true }; }
      const codes = statusCodes(status);
      if (codes === undefined) { unmap('status', 'not a list of status codes and ranges'); return { policies, failed: true }; }
      const conditions: RetryCondition[] = noNet === true ? [] : ['connect-failure'];
      const set = new Set(codes);
      const has = (from: number, to: number) => { for (let x = from; x <= to; x++) if (!set.has(x)) return false; return true; };
      const drop = (from: number, to: number) => { for (let x = from; x <= to; x++) set.delete(x); };
      if (has(500, 599)) { conditions.push('5xx'); drop(500, 599); } else if (has(502, 504)) { conditions.push('gateway-error'); drop(502, 504); }
      if (interval !== undefined && !backoffMs) { unmap('initialInterval', 'not a duration longer than zero'); return { policies, failed: true }; }
      if (timeout !== undefined && !windowMs) { unmap('timeout', 'not a duration longer than zero'); return { policies, failed: true }; }
      policies.retries = {
        source,
        attempts: attempts - 1,
        statusCodes: [...set].sort((a, b) => a - b),
        conditions: conditions.sort(),
        ...(backoffMs ? { backoffMs } : {}),
        ...(windowMs ? { windowMs } : {}),
        ...(nonIdempotent === true ? { nonIdempotent: true } : {}),
      };
      map('attempts', `Route.retries (${attempts - 1} retries)`);
      if (backoffMs) map('initialInterval', `Route.retries.backoff (${backoffMs} ms; Traefik caps the wait at twice it)`);
      if (windowMs) map('timeout', `Route.retries.window (${windowMs} ms)`);
      if (nonIdempotent !== undefined) map('retryNonIdempotentMethod', `Route.retries.nonIdempotent (${nonIdempotent === true})`);
      if (status !== undefined) map('status', 'Route.retries (statusCodes / RetryOn)');
      if (c.disableRetryOnNetworkError !== undefined) map('disableRetryOnNetworkError', 'Route.retries (RetryOn.CONNECT_FAILURE)');
      break;
    }
    case MIDDLEWARE_TYPES.forwardAuth: {
      const address = take('address');
      const trust = take('trustForwardHeader');
      const headers = take('authResponseHeaders');
      const signin = take('authSigninURL');
      if (typeof address !== 'string') { unmap('address', 'not a URL'); return { policies, failed: true }; }
      if (trust === true) unmap('trustForwardHeader', 'trusting client X-Forwarded-* headers is not modelled');
      else if (trust !== undefined) map('trustForwardHeader', 'Route.auth (the auth service sees the proxy\'s own X-Forwarded-*)');
      const list = Array.isArray(headers) ? headers.filter((h): h is string => typeof h === 'string') : [];
      const requestHeaders = take('authRequestHeaders');
      const forwardBody = take('forwardBody');
      const maxBodySize = take('maxBodySize');
      const tls = take('tls');
      const asked = Array.isArray(requestHeaders) && requestHeaders.length > 0
        ? uniqueSorted(requestHeaders.map(h => String(h).toLowerCase())) : undefined;
      if (forwardBody === true && (typeof maxBodySize !== 'number' || !Number.isInteger(maxBodySize) || maxBodySize < 1)) {
        unmap('forwardBody', 'the intent sends the body up to a size (maxBodySize of at least 1 byte)');
        return { policies, failed: true };
      }
      const t = isRecord(tls) ? tls : undefined;
      const tlsKeys = t ? Object.keys(t) : [];
      if (tlsKeys.some(k => !['caSecret', 'certSecret'].includes(k))) {
        unmap('tls', 'the intent verifies the auth service with a CA Secret and presents a client certificate Secret (no other TLS settings)');
        return { policies, failed: true };
      }
      policies.auth = {
        kind: 'external',
        source,
        url: address,
        responseHeaders: uniqueSorted(list),
        signinUrl: typeof signin === 'string' ? signin : undefined,
        requestHeaders: asked,
        forwardBodyBytes: forwardBody === true ? maxBodySize as number : undefined,
        ca: typeof t?.caSecret === 'string' ? { kind: 'Secret', name: t.caSecret } : undefined,
        clientCertificateSecret: typeof t?.certSecret === 'string' ? t.certSecret : undefined,
      };
      if (requestHeaders !== undefined) map('authRequestHeaders', 'Route.auth (requestHeaders)');
      if (forwardBody !== undefined) map('forwardBody', 'Route.auth (forwardBody)');
      if (maxBodySize !== undefined) map('maxBodySize', 'Route.auth (forwardBody size)');
      if (tls !== undefined) map('tls', 'Route.auth (ca / clientCertificateSecret)');
      map('address', 'Route.auth (EdgeAuth.external url)');
      if (headers !== undefined) map('authResponseHeaders', 'Route.auth (responseHeaders)');
      if (signin !== undefined) map('authSigninURL', 'Route.auth (signinUrl)');
      break;
    }
    case MIDDLEWARE_TYPES.basicAuth: {
      const secret = take('secret');
      const realm = take('realm');
      if (typeof secret !== 'string') { unmap('secret', 'users must come from a Secret'); return { policies, failed: true }; }
      policies.auth = { kind: 'basic', source, secretName: secret, realm: typeof realm === 'string' ? realm : undefined };
      map('secret', 'Route.auth (EdgeAuth.basic secretName)');
      if (realm !== undefined) map('realm', 'Route.auth (realm)');
      break;
    }
    default:
      log.unmapped(o, `spec.${type}`, c, MIDDLEWARE_REASONS[type] ?? `the ${type} middleware has no intent equivalent`);
      return { policies, failed: true };
  }
  rest();
  return out;
}

const MIDDLEWARE_REASONS: Record<string, string> = {
  chain: 'a chain of Middlewares: list its members on the router instead',
  addPrefix: 'adding a path prefix is not modelled (Rewrite replaces the matched prefix or the whole path)',
  compress: 'compression is not modelled by the intent',
  errors: 'custom error pages are not modelled by the intent',
  circuitBreaker: 'circuit breakers are not modelled by the intent',
  digestAuth: 'digest authentication is not modelled by the intent',
  plugin: 'Traefik plugins run third-party code; never imported',
  passTLSClientCert: 'forwarding client certificates is not modelled by the intent',
  contentType: 'content-type sniffing is not modelled by the intent',
  grpcWeb: 'gRPC-Web translation is not modelled by the intent',
  stripPrefixRegex: 'only a stripPrefix of the route\'s own prefix is read',
};


function readHeaders(
  o: KubeObject, c: Record<string, any>, take: (k: string) => unknown,
  map: (k: string, to: string) => void, unmap: (k: string, r: string) => void, source: string,
): MiddlewareRead {
  const policies: MutablePolicies = {};
  const custom = (k: string) => {
    const v = take(k);
    if (v === undefined) return undefined;
    if (!isRecord(v) || !Object.values(v).every(x => typeof x === 'string')) { unmap(k, 'not a map of header values'); return undefined; }
    map(k, k === 'customRequestHeaders' ? 'Route.headerRules.request (set / remove)' : 'Route.headerRules.response (set / remove)');
    const set = Object.entries(v).filter(([, x]) => x !== '').map(([name, value]) => ({ name: name.toLowerCase(), value: value as string }));
    const remove = Object.entries(v).filter(([, x]) => x === '').map(([name]) => name.toLowerCase());
    const byName = (a: { name: string }, b: { name: string }) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0);
    return { set: set.sort(byName), add: [], remove: uniqueSorted(remove) };
  };
  const request = custom('customRequestHeaders');
  const response = custom('customResponseHeaders');
  const hostOnly = request !== undefined && response === undefined && request.remove.length === 0 && request.set.length === 1 && request.set[0].name === 'host';
  if (hostOnly) {
    policies.rewrite = { source, host: request!.set[0].value };
  } else if (request || response) {
    policies.headers = { source, request, response };
  }
  const sts = take('stsSeconds');
  const sub = take('stsIncludeSubdomains');
  const preload = take('stsPreload');
  let hsts: HstsIR | undefined;
  if (typeof sts === 'number') {
    hsts = { maxAgeSeconds: sts, includeSubdomains: sub === true, preload: preload === true };
    map('stsSeconds', 'TlsHost hsts (maxAge)');
    if (sub !== undefined) map('stsIncludeSubdomains', 'TlsHost hsts (includeSubdomains)');
    if (preload !== undefined) map('stsPreload', 'TlsHost hsts (preload)');
  }
  const origins = take('accessControlAllowOriginList');
  const regexes = take('accessControlAllowOriginListRegex');
  if (origins !== undefined || regexes !== undefined) {
    const list = [...(Array.isArray(origins) ? origins : []), ...(Array.isArray(regexes) ? regexes.map(wildcardOrigin) : [])];
    const methods = take('accessControlAllowMethods');
    const allowHeaders = take('accessControlAllowHeaders');
    const expose = take('accessControlExposeHeaders');
    const credentials = take('accessControlAllowCredentials');
    const maxAge = take('accessControlMaxAge');
    const vary = take('addVaryHeader');
    const star = (v: unknown) => Array.isArray(v) && v.includes('*') && (v.length > 1 || credentials === true);
    if (list.some(x => typeof x !== 'string') || !Array.isArray(methods)) {
      unmap('accessControlAllowOriginListRegex', 'only exact origins and the *.host (one label) and **.host (one or more labels) forms are read, with the methods listed');
    } else if ([methods, allowHeaders, expose].some(star)) {
      unmap('accessControlAllowMethods', '\'*\' with other values or with credentials: the intent allows \'*\' alone and without credentials');
    } else {
      policies.cors = {
        source,
        origins: uniqueSorted(list as string[]),
        methods: uniqueSorted(methods.map((m: string) => m.toUpperCase())),
        headers: uniqueSorted(Array.isArray(allowHeaders) ? allowHeaders : []),
        exposeHeaders: uniqueSorted(Array.isArray(expose) ? expose : []),
        credentials: credentials === true,
        maxAgeSeconds: typeof maxAge === 'number' ? maxAge : undefined,
      };
      for (const k of ['accessControlAllowOriginList', 'accessControlAllowOriginListRegex', 'accessControlAllowMethods', 'accessControlAllowHeaders',
        'accessControlExposeHeaders', 'accessControlAllowCredentials', 'accessControlMaxAge', 'addVaryHeader']) {
        if (c[k] !== undefined) map(k, 'Route.cors');
      }
      void vary;
    }
  }
  void o;
  return { policies, hsts, hostOnly };
}

/** `^https://([a-z0-9-]+\.)+example\.com$` -> `https://*.example.com`. */
function wildcardOrigin(re: unknown): string | undefined {
  if (typeof re !== 'string') return undefined;
  // features/cors.ts wildcardRegex: one or more labels (`**.`) or exactly one (`*.`).
  const m = /^\^(https?):\/\/(\(\[a-z0-9-\]\+\\\.\)\+|\[a-z0-9-\]\+\\\.)(.+)\$$/.exec(re);
  if (!m) return undefined;
  const rest = m[3].replace(/\\(.)/g, '$1');
  return quoteMeta(rest) === m[3] ? `${m[1]}://${m[2].startsWith('(') ? '**.' : '*.'}${rest}` : undefined;
}

/** Traefik status list (`500-599`, `404`) as codes. */
function statusCodes(v: unknown): number[] | undefined {
  if (v === undefined) return [];
  if (!Array.isArray(v)) return undefined;
  const out: number[] = [];
  for (const s of v) {
    const m = /^(\d{3})(?:-(\d{3}))?$/.exec(String(s));
    if (!m) return undefined;
    for (let x = Number(m[1]); x <= Number(m[2] ?? m[1]); x++) out.push(x);
  }
  return out;
}

/** A Go replacement literal (`$$` is `$`), or undefined when it references a group. */
function literal(s: string): string | undefined {
  const unescaped = s.replace(/\$\$/g, '\u0000');
  return unescaped.includes('$') ? undefined : unescaped.replace(/\u0000/g, '$');
}

/**
 * The path part of features/path-modifier.ts `pathRewrite` (groups from `first`): a whole-path or
 * prefix replacement. `chars`: `.` (replacePathRegex) or `[^?]` (inside a URL).
 */
function readPrefixRewrite(regex: string, replacement: string, chars: string, first: number, anchoredBoth = true): PathModifierIR | undefined {
  const body = anchoredBoth ? (regex.startsWith('^') && regex.endsWith('$') ? regex.slice(1, -1) : undefined) : regex;
  if (body === undefined) return undefined;
  const g = (n: number) => '${' + n + '}';
  if (body === `${chars}*`) {
    const v = literal(replacement);
    return v === undefined ? undefined : { kind: 'full', value: v };
  }
  if (body === `(/${chars}*)` && replacement.endsWith(g(first))) {
    const v = literal(replacement.slice(0, -g(first).length));
    return v === undefined ? undefined : { kind: 'prefix', value: v === '' ? '/' : v };
  }
  if (body.endsWith(`((?:/${chars}*)?)`) && replacement.endsWith(g(first))) {
    const v = literal(replacement.slice(0, -g(first).length));
    return v === undefined || v === '' ? undefined : { kind: 'prefix', value: v };
  }
  if (/^\(\/\).*\(\?:\/\(.+\*\)\)\?$/.test(body) && replacement === g(first) + g(first + 1)) return { kind: 'prefix', value: '/' };
  return undefined;
}

/** features/redirect.ts `redirectSpec` (redirectRegex forms) back to a redirect. */
function readRedirectRegex(regex: unknown, replacement: unknown, permanent: unknown, source: string): RedirectIR | undefined {
  // Redirect.toUrl: the whole request URL replaced by one literal URL.
  if (regex === FIXED_URL_REGEX && typeof replacement === 'string' && typeof permanent === 'boolean') {
    const url = literal(replacement);
    return url !== undefined && /^https?:\/\//.test(url) ? { source, url, statusCode: permanent ? 301 : 302 } : undefined;
  }
  if (typeof regex !== 'string' || typeof replacement !== 'string' || typeof permanent !== 'boolean' || !regex.startsWith(PREFIX_REDIRECT_HEAD)) return undefined;
  const m = /^(\$\{1\}|https?):\/\/(.*?)(?::(\d+))?(\/.*|\$\{4\}.*)$/.exec(replacement);
  if (!m) return undefined;
  const scheme = m[1] === '${1}' ? undefined : m[1] as 'http' | 'https';
  const host = m[2] === '${2}' ? undefined : literal(m[2]);
  if (m[2] !== '${2}' && host === undefined) return undefined;
  const port = m[3] === undefined ? undefined : Number(m[3]);
  const tail = regex.slice(PREFIX_REDIRECT_HEAD.length);
  const pathPart = m[4];
  let path: PathModifierIR | undefined;
  if (tail === '([^?]*)(.*)$') {
    if (pathPart !== '${4}${5}') return undefined;
  } else {
    if (!tail.endsWith('(.*)$')) return undefined;
    const inner = tail.slice(0, -'(.*)$'.length);
    const groups = inner === '[^?]*' ? 0 : inner.startsWith('(/)') ? 2 : 1;
    const last = '${' + (4 + groups) + '}';
    if (!pathPart.endsWith(last)) return undefined;
    path = readPrefixRewrite(inner, pathPart.slice(0, -last.length), '[^?]', 4, false);
    if (!path) return undefined;
  }
  return { source, scheme, host, port, path, statusCode: permanent ? 301 : 302 };
}

/** The intent's window for a Traefik `period` (a Go duration string, or whole seconds). */
function traefikWindow(period: unknown): RateLimitWindow | undefined {
  const seconds: { readonly [w in RateLimitWindow]: number } = { second: 1, minute: 60, hour: 3600, day: 86400 };
  const n = typeof period === 'number' ? period
    : typeof period === 'string' && /^(\d+h)?(\d+m)?(\d+s)?$/.test(period) && period !== ''
      ? [...period.matchAll(/(\d+)([hms])/g)].reduce((t, [, v, u]) => t + Number(v) * (u === 'h' ? 3600 : u === 'm' ? 60 : 1), 0)
      : undefined;
  return (Object.keys(seconds) as RateLimitWindow[]).find(w => seconds[w] === n);
}
