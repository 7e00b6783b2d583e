import { App, Chart, Duration, Testing } from 'cdk8s';
import * as fc from 'fast-check';
import {
  ApiGateway, Backend, BackendProtocol, BodySize, CanaryTraffic, Controller, Cors, DistributedRateLimit, EdgeAuth,
  GatewayApiOptions, HeaderMatch, HeaderRules, HttpMethod, IpAccess, KongMode, PathMatch, QueryParamMatch, RateLimit,
  RateLimitPeriod, Redirect, RedirectStatus, Retries, RetryOn, Rewrite, Route, RouteMatch, RoutePolicies, SameSite,
  SessionAffinity, Timeouts, TlsCertificate, TrafficMirror, BackendTls, CaCertificates, ClientAuth, ClusterIssuer, Hsts, TlsMode, TlsVersion,
  RouteProtocols, HttpListeners,
  TlsCipherSuite, DirectResponse,
} from '../../src';
import { policyFeatures } from '../../src/capabilities/detect-policies';
import { ControllerName, FeatureKind } from '../../src/capabilities/features';
import { CAPABILITIES } from '../../src/capabilities/matrix';
import { isSupported } from '../../src/capabilities/support';
import { rawAnnotationsUnsupported } from '../../src/controllers/raw-annotations';
import { hostPatternsOverlap } from '../../src/core/hosts';
import { checkHost, checkLiteralPath } from '../../src/core/validate';
import { resolvePolicies } from '../../src/intent/policies/resolve';
import { CONTROLLERS } from '../util';

/*
 * A random, VALID edge intent as plain data (so fast-check can print and shrink it), and the
 * builder that turns it into constructs. "Valid" means every value passes its factory and every
 * single-construct rule (no duplicate hosts / matches / backends, a redirect without backends,
 * a canary on a one-backend route...): building never throws. Whole-gateway problems (two routes
 * claiming one host + match, a controller that cannot express a feature) are still possible and
 * must surface as synth errors in the library's format.
 *
 * Values are drawn so that each declared setting is recognisable in the output:
 * rates, timeouts and sizes come from ranges no other field uses, names carry a marker.
 */

export interface PathSpec { readonly kind: 'exact' | 'prefix' | 'regex'; readonly value: string }
export interface HeaderSpec { readonly name: string; readonly kind: 'exact' | 'regex'; readonly value: string }
export interface QuerySpec { readonly name: string; readonly value: string }
export interface MatchSpec {
  readonly path?: PathSpec;
  readonly headers: readonly HeaderSpec[];
  readonly query: readonly QuerySpec[];
  readonly method?: HttpMethod;
}
export interface BackendSpec {
  readonly service: string;
  readonly port: number;
  readonly namespace?: string;
  /**
   * Re-encryption: verify the backend's certificate for this name (against a CA Secret, or the system CAs),
   * or (`unverified`) the unsafe opt-in BackendTls.insecureSkipVerify(), with the name as SNI when `unverified: 'sni'`.
   */
  readonly tls?: { readonly hostname: string; readonly ca?: 'secret' | 'configmap'; readonly unverified?: 'sni' | 'no-sni'; readonly clientCert?: true };
}

export interface RateLimitSpec {
  readonly key: 'clientIp' | 'header' | 'consumer';
  readonly header?: string;
  readonly requests: number;
  readonly period?: RateLimitPeriod;
  readonly burstFactor?: number;
  readonly concurrentConnections?: number;
  readonly exemptCidrs?: readonly string[];
  readonly distributed?: 'redis' | 'controller';
}
export interface TimeoutsSpec {
  readonly connect?: number;
  readonly read?: number;
  readonly send?: number;
  readonly request?: number;
  readonly backendRequest?: number;
}
export interface CorsSpec {
  readonly origins: readonly string[];
  readonly methods?: readonly string[];
  readonly headers?: readonly string[];
  readonly exposeHeaders?: readonly string[];
  readonly credentials?: boolean;
  readonly maxAge?: number;
}
export interface HeaderOpsSpec {
  readonly set?: Readonly<Record<string, string>>;
  readonly add?: Readonly<Record<string, string>>;
  readonly remove?: readonly string[];
}
export interface HeaderRulesSpec { readonly request?: HeaderOpsSpec; readonly response?: HeaderOpsSpec }
export interface RetriesSpec {
  readonly attempts: number;
  readonly on?: readonly RetryOn[];
  readonly statusCodes?: readonly number[];
  readonly perTryTimeout?: number;
  /** Milliseconds; `maxBackoff` is a multiple of it. */
  readonly backoff?: number;
  readonly maxBackoffFactor?: number;
  readonly window?: number;
  readonly nonIdempotent?: boolean;
}
export interface AffinitySpec {
  readonly name: string;
  readonly ttl?: number;
  readonly path?: string;
  readonly secure?: boolean;
  readonly httpOnly?: boolean;
  readonly sameSite?: SameSite;
}
export type AuthSpec =
  | {
    readonly kind: 'external';
    readonly url: string;
    readonly responseHeaders?: readonly string[];
    readonly signinUrl?: string;
    readonly cache?: number;
    // issue #17: what the auth call carries and its TLS (derived, not drawn)
    readonly requestHeaders?: readonly string[];
    readonly forwardBodyKib?: number;
    readonly caSecret?: string;
    readonly clientCertificateSecret?: string;
  }
  | { readonly kind: 'jwt'; readonly issuer: string; readonly jwksUri: string; readonly audiences?: readonly string[]; readonly claims?: ReadonlyArray<{ claim: string; header: string }> }
  | {
    readonly kind: 'apiKey';
    readonly secretName: string;
    readonly header?: string;
    // issue #17 (derived): keys of any consumer, the key in the query too, removed before the backend
    readonly anyConsumer?: boolean;
    readonly queryParameter?: string;
    readonly removeKey?: boolean;
  }
  | { readonly kind: 'basic'; readonly secretName: string; readonly realm?: string; readonly anyConsumer?: boolean }
  | { readonly kind: 'externalProvider'; readonly provider: string }
  | { readonly kind: 'jwtConsumerKeys'; readonly secretName: string; readonly anyConsumer?: boolean; readonly keyClaim?: string };
export interface BodySizeSpec { readonly unit: 'bytes' | 'kibibytes' | 'mebibytes' | 'gibibytes'; readonly amount: number }

export interface PoliciesSpec {
  readonly rateLimit?: RateLimitSpec;
  readonly timeouts?: TimeoutsSpec;
  readonly bodySize?: BodySizeSpec;
  readonly cors?: CorsSpec;
  readonly headerRules?: HeaderRulesSpec;
  readonly ipAccess?: { readonly kind: 'allow' | 'deny'; readonly cidrs: readonly string[] };
  readonly retries?: RetriesSpec;
  readonly sessionAffinity?: AffinitySpec;
  readonly backendProtocol?: BackendProtocol;
  readonly auth?: AuthSpec;
}

export type RedirectSpec =
  | { readonly kind: 'https'; readonly statusCode?: RedirectStatus }
  | {
    readonly kind: 'to';
    readonly scheme?: 'http' | 'https';
    readonly host?: string;
    readonly port?: number;
    readonly path?: string;
    readonly replacePrefix?: string;
    readonly statusCode?: RedirectStatus;
  };
export type RewriteSpec =
  | { readonly kind: 'prefix'; readonly value: string }
  | { readonly kind: 'full'; readonly value: string }
  | { readonly kind: 'host'; readonly value: string };

export interface RouteSpec {
  readonly hosts?: readonly string[];
  readonly matches: readonly MatchSpec[];
  /** `matches: [...]` rather than `match: ...` (only meaningful with one match). */
  readonly asArray: boolean;
  readonly backends: readonly BackendSpec[];
  /** Weights of the backends, in order (used with several backends, when one is above 0). */
  readonly weights?: readonly number[];
  /** Route mirrors: shadow Services (never the route's backends) and their percentages. */
  readonly mirrors?: ReadonlyArray<{ readonly service: string; readonly percent?: number }>;
  /** The gateway answers itself (`Route.respond`): then no backend and no policy. */
  readonly respond?: { readonly statusCode: number; readonly body?: string };
  readonly namespace?: string;
  readonly policies: PoliciesSpec;
  readonly redirect?: RedirectSpec;
  readonly rewrite?: RewriteSpec;
  /** Raw annotations (the escape hatch): another tool's key and one the controller documents. */
  readonly raw?: boolean;
  readonly ruleName?: string;
  /** RouteProtocols.HTTPS_ONLY (plain HTTP refused with 426). */
  readonly httpsOnly?: true;
}

export type TrafficSpec =
  | { readonly kind: 'weight'; readonly percent: number }
  | { readonly kind: 'weights'; readonly stable: number; readonly canary: number }
  | { readonly kind: 'parse'; readonly text: string }
  | { readonly kind: 'header'; readonly name: string; readonly value: string }
  | { readonly kind: 'headerPresent'; readonly name: string }
  | { readonly kind: 'cookie'; readonly name: string };

export interface CanarySpec {
  /** Index of the stable route (must have exactly one backend). */
  readonly route: number;
  readonly canary: BackendSpec;
  readonly traffic: TrafficSpec;
  /** Narrow to the first `hostCount` hosts of the route. */
  readonly hostCount?: number;
  /** Narrow to this match of the route. */
  readonly match?: number;
  readonly mirror?: { readonly backend: BackendSpec; readonly percent?: number };
}

export interface TlsSpec {
  readonly hosts: readonly string[];
  readonly secretName: string;
  readonly secretNamespace?: string;
  /** TLS options (main's TLS work): see TlsHostOptions. */
  readonly options?: TlsOptionsSpec;
}
export interface TlsOptionsSpec {
  readonly httpsRedirect?: boolean;
  readonly hsts?: { readonly maxAgeDays: number; readonly includeSubdomains: boolean; readonly preload: boolean };
  readonly minTls?: TlsVersion;
  readonly clientAuth?: 'required' | 'optional';
  /** A cert-manager Certificate from ClusterIssuer 'letsencrypt' instead of a Secret. */
  readonly issued?: boolean;
  /** TLS 1.2 cipher suites (CIPHER_SUITES). */
  readonly ciphers?: boolean;
  /** Session tickets on. */
  readonly sessionTickets?: true;
}

export interface CaseSpec {
  /** Whether features the controller cannot express were removed (most cases), or kept to test refusals. */
  readonly supportedOnly: boolean;
  readonly namespace: string;
  /** Gateway API family only: enable the experimental channel. */
  readonly experimental: boolean;
  readonly defaults?: PoliciesSpec;
  readonly defaultBackend?: BackendSpec;
  readonly routes: readonly RouteSpec[];
  readonly tls: readonly TlsSpec[];
  readonly canaries: readonly CanarySpec[];
  /** A TLS passthrough host (never routed) to a backend. */
  /** `wildcard`: the passthrough host's wildcard prefix (`*.` one label, `**.` any depth), '' for none. */
  readonly passthrough?: { readonly wildcard: PassthroughWildcard; readonly backend: BackendSpec };
  /** `ApiGateway.objectPerRoute` (not drawn: checkCase synthesizes some cases both ways). */
  readonly objectPerRoute?: boolean;
  /** `ApiGateway.strictSni` (issue #17). */
  readonly strictSni?: true;
}

// ---------------------------------------------------------------------------------------------
// Arbitraries

/** `arb` one time in `oneIn`, else undefined. */
function sometimes<T>(arb: fc.Arbitrary<T>, oneIn: number): fc.Arbitrary<T | undefined> {
  return fc.oneof({ weight: oneIn - 1, arbitrary: fc.constant(undefined) }, { weight: 1, arbitrary: arb });
}

const label = fc.stringMatching(/^[a-z0-9]([a-z0-9-]{0,6}[a-z0-9])?$/);

export type PassthroughWildcard = '' | '*.' | '**.';

/**
 * Hostnames: a fixed pool (so routes collide and TLS hosts meet routes) plus random ones, with
 * wildcards of both depths (`*.` one label, `**.` any depth; each kept only where the column
 * renders it, see adaptToController).
 */
export const hostArb: fc.Arbitrary<string> = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom('api.example.com', 'web.example.com', 'www.example.com', 'a.b.example.org', '*.example.com', '*.apps.example.com', '**.example.com', '**.apps.example.com') },
  { weight: 1, arbitrary: fc.tuple(fc.constantFrom('', '*.', '**.'), fc.array(label, { minLength: 2, maxLength: 4 })).map(([wild, labels]) => `${wild}${labels.join('.')}`).filter(h => checkHost(h) === undefined) },
  { weight: 1, arbitrary: fc.constant(`${'l'.repeat(63)}.example.com`) },
);

const segment = fc.oneof(
  { weight: 12, arbitrary: fc.stringMatching(/^[a-z0-9][a-z0-9_.-]{0,7}$/).filter(s => !s.endsWith('.')) },
  { weight: 1, arbitrary: fc.stringMatching(/^[-A-Za-z0-9._~!$&'()*+,;=:@]{1,6}$/).filter(s => s !== '.' && s !== '..') },
  { weight: 1, arbitrary: fc.constantFrom('%20', 'a%2Bb', 'v1.2', 'caf%C3%A9') },
);
const literalPath = fc.array(segment, { minLength: 0, maxLength: 3 }).chain(segs => fc.boolean().map(slash => {
  const p = `/${segs.join('/')}`;
  return slash && p !== '/' ? `${p}/` : p;
})).filter(p => checkLiteralPath(p) === undefined); // e.g. no '*' or '.*': literal paths that look like patterns are refused
const regexPath = fc.constantFrom('/users/[0-9]+', '/a/(b|c)', '/v[0-9]+/.*', '/files/.+\\.png', '^/items/[a-z]{2,4}$', '/(en|de)/docs');

const pathArb: fc.Arbitrary<PathSpec> = fc.oneof(
  { weight: 3, arbitrary: literalPath.map(value => ({ kind: 'prefix' as const, value })) },
  { weight: 2, arbitrary: literalPath.map(value => ({ kind: 'exact' as const, value })) },
  { weight: 1, arbitrary: regexPath.map(value => ({ kind: 'regex' as const, value })) },
);

const headerName = fc.oneof(
  fc.constantFrom('x-env', 'x-tenant', 'X-Mixed-Case', 'user-agent', 'x_under'),
  fc.stringMatching(/^[a-z][a-z0-9-]{0,10}$/).map(s => `x-${s}`),
);
/** Printable ASCII, no leading / trailing whitespace: quotes, backticks, commas and `$` included. */
const headerValue = fc.stringMatching(/^[\x21-\x7e]([\x20-\x7e]{0,10}[\x21-\x7e])?$/).filter(v => !/\s\s/.test(v));
const headerRegex = fc.constantFrom('.*Mobile.*', '[a-z]+', 'v[0-9]', '(a|b)c');

const headerMatchArb: fc.Arbitrary<HeaderSpec> = fc.oneof(
  { weight: 3, arbitrary: fc.record({ name: headerName, kind: fc.constant('exact' as const), value: headerValue }) },
  { weight: 1, arbitrary: fc.record({ name: headerName, kind: fc.constant('regex' as const), value: headerRegex }) },
);
const queryArb: fc.Arbitrary<QuerySpec> = fc.record({ name: fc.stringMatching(/^[a-z][a-z0-9_]{0,6}$/), value: headerValue });

const matchArb: fc.Arbitrary<MatchSpec> = fc.record({
  path: fc.option(pathArb, { nil: undefined, freq: 6 }),
  headers: fc.uniqueArray(headerMatchArb, { maxLength: 2, selector: h => h.name.toLowerCase() }),
  query: fc.uniqueArray(queryArb, { maxLength: 1, selector: q => q.name }),
  method: sometimes(fc.constantFrom(...Object.values(HttpMethod)), 5),
}, { requiredKeys: ['headers', 'query'] });

const serviceName = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom('api', 'web', 'svc-a', 'svc-b') },
  { weight: 1, arbitrary: fc.stringMatching(/^[a-z][a-z0-9-]{0,20}[a-z0-9]$/) },
  { weight: 1, arbitrary: fc.constant(`s${'x'.repeat(62)}`) },
);
const portArb = fc.oneof({ weight: 4, arbitrary: fc.constantFrom(80, 8080) }, { weight: 1, arbitrary: fc.integer({ min: 1, max: 65535 }) });
const namespaceArb = fc.constantFrom('edge', 'team-a', 'shared', `n${'s'.repeat(62)}`);
/** The cipher suites of a TlsHost with `ciphers`. */
const CIPHER_SUITES = [TlsCipherSuite.TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384, TlsCipherSuite.TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256];

export const backendArb: fc.Arbitrary<BackendSpec> = fc.record({
  service: serviceName,
  port: portArb,
  namespace: sometimes(namespaceArb, 5),
  tls: sometimes(fc.record({ hostname: fc.constantFrom('backend-tls.internal', 'api.svc.example'), ca: fc.constantFrom('secret' as const, 'configmap' as const, undefined) }), 8),
}, { requiredKeys: ['service', 'port'] })
  // One TLS backend in three skips verification (the unsafe opt-in), with or without SNI: derived
  // from the name's length so the generated shapes (and shrinking) stay those of the verified case.
  .map(b => (b.tls && b.service.length % 3 === 0 ? { ...b, tls: { hostname: b.tls.hostname, unverified: b.tls.ca === undefined ? 'no-sni' as const : 'sni' as const } } : b))
  // A client certificate (Secret 'backend-client') on unverified backends of port 8080: derived, shapes unchanged.
  .map(b => (b.tls && 'unverified' in b.tls && b.port === 8080 ? { ...b, tls: { ...b.tls, clientCert: true as const } } : b))
  // A Service port speaks TLS or not for every route using it (BackendTLSPolicy targets the Service): keep them apart.
  .map(b => (b.tls ? { ...b, service: `${b.service.slice(0, 55)}-tls` } : b));

const backendKey = (b: BackendSpec) => `${b.namespace ?? ''}/${b.service}:${b.port}`;

const cidrArb = fc.oneof(
  fc.tuple(fc.integer({ min: 0, max: 255 }), fc.integer({ min: 0, max: 255 }), fc.integer({ min: 0, max: 32 })).map(([a, b, bits]) => `10.${a}.${b}.0/${bits}`),
  fc.constantFrom('192.168.1.10', '2001:db8::/32', '203.0.113.0/24'),
);

// Distinguishing ranges: requests 101-999, seconds 11-59, body sizes 3-9 (units).
const rateLimitArb: fc.Arbitrary<RateLimitSpec> = fc.record({
  key: fc.constantFrom('clientIp' as const, 'clientIp' as const, 'header' as const, 'consumer' as const),
  header: fc.constantFrom('x-api-key', 'x-tenant-id'),
  requests: fc.integer({ min: 101, max: 999 }),
  period: fc.option(fc.constantFrom(RateLimitPeriod.SECOND, RateLimitPeriod.MINUTE, RateLimitPeriod.HOUR, RateLimitPeriod.DAY), { nil: undefined }),
  burstFactor: sometimes(fc.integer({ min: 1, max: 4 }), 3),
  concurrentConnections: sometimes(fc.integer({ min: 1, max: 50 }), 4),
  exemptCidrs: sometimes(fc.uniqueArray(cidrArb, { minLength: 1, maxLength: 2 }), 4),
  distributed: sometimes(fc.constantFrom('redis' as const, 'controller' as const), 4),
}, { requiredKeys: ['key', 'header', 'requests'] }).map(r => ({
  ...r,
  header: r.key === 'header' ? r.header : undefined,
  concurrentConnections: r.key === 'clientIp' ? r.concurrentConnections : undefined,
  exemptCidrs: r.key === 'clientIp' ? r.exemptCidrs : undefined,
}));

const seconds = fc.integer({ min: 11, max: 59 });
const timeoutsArb: fc.Arbitrary<TimeoutsSpec> = fc.record({
  connect: seconds,
  read: seconds,
  send: seconds,
  // 0 turns the timeout off (Gateway API's 0s). Mapped from one drawn value, so the random
  // stream (and every other generated case) stays what it was.
  request: fc.integer({ min: 31, max: 59 }).map(n => (n === 31 ? 0 : n)),
  backendRequest: fc.integer({ min: 11, max: 30 }).map(n => (n === 11 ? 0 : n)),
}, { requiredKeys: [] }).filter(t => Object.keys(t).length > 0);

const originArb = fc.oneof(
  fc.constantFrom('https://web.example.com', 'http://localhost:3000', 'https://*.example.com'),
  label.map(l => `https://${l}.origin.test`),
);
const corsArb: fc.Arbitrary<CorsSpec> = fc.record({
  origins: fc.oneof({ weight: 5, arbitrary: fc.uniqueArray(originArb, { minLength: 1, maxLength: 2 }) }, { weight: 1, arbitrary: fc.constant(['*']) }),
  methods: fc.option(fc.uniqueArray(fc.constantFrom('GET', 'POST', 'put', 'DELETE', 'OPTIONS'), { minLength: 1, maxLength: 3, selector: m => m.toUpperCase() }), { nil: undefined }),
  headers: fc.option(fc.uniqueArray(fc.constantFrom('x-requested-with', 'Authorization', 'x-cors-h'), { minLength: 1, maxLength: 2 }), { nil: undefined }),
  exposeHeaders: fc.option(fc.uniqueArray(fc.constantFrom('x-request-id', 'x-cors-e'), { minLength: 1, maxLength: 2 }), { nil: undefined }),
  credentials: fc.option(fc.boolean(), { nil: undefined }),
  maxAge: fc.option(fc.integer({ min: 61, max: 7200 }), { nil: undefined }),
}, { requiredKeys: ['origins'] }).map(c => (c.origins.includes('*') ? { ...c, credentials: undefined } : c))
  // '*' (any method / header), never with credentials; mapped from one drawn list each, so the
  // random stream stays what it was.
  .map(c => {
    if (c.credentials) return c;
    const any = (l: readonly string[] | undefined, only: string) => (l?.length === 1 && l[0] === only ? ['*'] : l);
    return { ...c, methods: any(c.methods, 'OPTIONS'), headers: any(c.headers, 'x-cors-h'), exposeHeaders: any(c.exposeHeaders, 'x-cors-e') };
  })
  // A wildcard origin of either depth (issue #12): `**.` when the drawn maxAge is odd, so the
  // random stream stays what it was.
  .map(c => ((c.maxAge ?? 0) % 2 === 1 ? { ...c, origins: (c.origins as readonly string[]).map(o => (o === 'https://*.example.com' ? 'https://**.example.com' : o)) } : c));

const opsArb: fc.Arbitrary<HeaderOpsSpec> = fc.uniqueArray(
  fc.stringMatching(/^[a-z][a-z0-9]{1,6}$/).map(s => `x-hr-${s}`), { minLength: 1, maxLength: 4 },
).chain(names => fc.tuple(
  fc.array(fc.constantFrom('set', 'add', 'remove'), { minLength: names.length, maxLength: names.length }),
  fc.array(headerValue, { minLength: names.length, maxLength: names.length }),
).map(([ops, values]) => {
  const set: Record<string, string> = {};
  const add: Record<string, string> = {};
  const remove: string[] = [];
  names.forEach((n, i) => {
    if (ops[i] === 'set') set[n] = values[i];
    else if (ops[i] === 'add') add[n] = values[i];
    else remove.push(n);
  });
  return {
    ...(Object.keys(set).length > 0 ? { set } : {}),
    ...(Object.keys(add).length > 0 ? { add } : {}),
    ...(remove.length > 0 ? { remove } : {}),
  };
}));
const headerRulesArb: fc.Arbitrary<HeaderRulesSpec> = fc.record({ request: opsArb, response: opsArb }, { requiredKeys: [] })
  .filter(h => h.request !== undefined || h.response !== undefined);

const retriesArb: fc.Arbitrary<RetriesSpec> = fc.record({
  attempts: fc.integer({ min: 1, max: 10 }),
  on: fc.uniqueArray(fc.constantFrom(...Object.values(RetryOn)), { minLength: 1, maxLength: 2 }),
  statusCodes: fc.uniqueArray(fc.constantFrom(429, 500, 502, 503, 504, 404), { minLength: 1, maxLength: 2 }),
  perTryTimeout: seconds,
  backoff: fc.constantFrom(25, 100, 250, 1000),
  maxBackoffFactor: fc.constantFrom(2, 10),
  window: seconds,
  nonIdempotent: fc.boolean(),
}, { requiredKeys: ['attempts'] });

const affinityArb: fc.Arbitrary<AffinitySpec> = fc.record({
  name: fc.stringMatching(/^[a-z][a-z0-9_-]{0,8}$/).map(s => `aff${s}`),
  ttl: fc.integer({ min: 61, max: 86400 }),
  path: fc.constantFrom('/', '/app'),
  secure: fc.boolean(),
  httpOnly: fc.option(fc.boolean(), { nil: undefined, freq: 2 }),
  sameSite: fc.constantFrom(...Object.values(SameSite)),
}, { requiredKeys: ['name'] }).map(a => (a.sameSite === SameSite.NONE && a.secure === false ? { ...a, secure: true } : a));

const authArb: fc.Arbitrary<AuthSpec> = fc.oneof(
  fc.record({
    kind: fc.constant('external' as const),
    url: fc.constantFrom('http://auth.auth.svc.cluster.local/verify', 'https://auth.example.com/check', 'http://ext-auth.sec.svc:8080/'),
    responseHeaders: fc.uniqueArray(fc.constantFrom('X-User-ID', 'x-auth-tenant'), { minLength: 1, maxLength: 2 }),
    signinUrl: fc.constant('https://login.example.com/start'),
    cache: fc.integer({ min: 61, max: 600 }),
  }, { requiredKeys: ['kind', 'url'] }),
  fc.record({
    kind: fc.constant('jwt' as const),
    issuer: fc.constantFrom('https://issuer.example.com', 'issuer-xyz'),
    jwksUri: fc.constant('https://issuer.example.com/.well-known/jwks.json'),
    audiences: fc.uniqueArray(fc.constantFrom('api', 'aud-web'), { minLength: 1, maxLength: 2 }),
    claims: fc.constant([{ claim: 'sub', header: 'x-jwt-sub' }]),
  }, { requiredKeys: ['kind', 'issuer', 'jwksUri'] }),
  fc.record({ kind: fc.constant('apiKey' as const), secretName: fc.constant('keys-secret'), header: fc.constantFrom('x-api-key', 'x-key') }, { requiredKeys: ['kind', 'secretName'] }),
  fc.record({ kind: fc.constant('basic' as const), secretName: fc.constant('basic-users'), realm: fc.constantFrom('edge', 'Realm 1') }, { requiredKeys: ['kind', 'secretName'] }),
).map(derivedProvider).map(derivedAuthExtras);

/**
 * Settings derived from a generated value instead of drawn: the random stream (and so every case
 * a fixed seed gives) stays what it was before they were added. A stable hash of the value picks
 * them for a share of the cases.
 */
function derivedPick(value: unknown, share: number): number | undefined {
  let h = 0;
  for (const ch of JSON.stringify(value) ?? '') h = (h * 31 + ch.charCodeAt(0)) % 2_147_483_647;
  return h % share === 0 ? h : undefined;
}

/** Some in-cluster external auth services are the mesh's extension provider instead (EdgeAuth.externalProvider). */
function derivedProvider(a: AuthSpec): AuthSpec {
  const h = a.kind === 'external' ? derivedPick(a, 2) : undefined;
  return h === undefined ? a : { kind: 'externalProvider', provider: h % 4 === 0 ? 'oauth2-proxy' : 'ext-authz' };
}

/**
 * External auth extras (issue #17), derived so the random stream stays as it was: request headers
 * (always with Authorization, which Envoy Gateway always sends), the body up to a size, and for
 * https auth services a CA Secret and a client certificate.
 */
function derivedAuthExtras(a: AuthSpec): AuthSpec {
  if (a.kind !== 'external') return a;
  const h = derivedPick({ extras: a }, 2);
  if (h === undefined) return a;
  const https = a.url.startsWith('https://');
  return {
    ...a,
    requestHeaders: h % 3 === 0 ? ['authorization', 'cookie'] : undefined,
    forwardBodyKib: h % 5 < 2 ? 64 : undefined,
    caSecret: https && h % 7 < 3 ? 'auth-ca' : undefined,
    clientCertificateSecret: https && h % 11 < 4 ? 'auth-client-tls' : undefined,
  };
}

/**
 * API-key settings of issue #17, derived: any consumer instead of the Secret, the key also in a
 * query parameter named like the header (Kong reads one name in both places), the key removed.
 */
function derivedApiKey(a: AuthSpec, seed: unknown): AuthSpec {
  // Basic auth of any consumer (issue #17, derived the same way).
  if (a.kind === 'basic') return derivedPick({ basic: a, seed }, 3) !== undefined ? { ...a, anyConsumer: true } : a;
  if (a.kind !== 'apiKey') return a;
  // The API-key values are few: the whole drawn policy record seeds the pick.
  const h = derivedPick({ apiKey: a, seed }, 2);
  if (h === undefined) return a;
  // Some become JWTs verified with keys held by consumers (Kong's jwt plugin).
  if (h % 8 === 2) return { kind: 'jwtConsumerKeys', secretName: 'jwt-keys', anyConsumer: h % 3 === 0 ? true : undefined, keyClaim: h % 5 === 1 ? 'kid' : undefined };
  return {
    ...a,
    anyConsumer: h % 3 === 0 ? true : undefined,
    queryParameter: h % 5 < 3 ? a.header ?? 'x-api-key' : undefined,
    removeKey: h % 7 < 3 ? true : undefined,
  };
}

const bodySizeArb: fc.Arbitrary<BodySizeSpec> = fc.record({
  unit: fc.constantFrom('bytes' as const, 'kibibytes' as const, 'mebibytes' as const, 'gibibytes' as const),
  amount: fc.integer({ min: 3, max: 9 }),
}).map(b => (b.unit === 'bytes' ? { ...b, amount: b.amount * 1000 + 7 } : b));

/** Each policy is present with probability ~1/8, so a route carries one or two. */
export const policiesArb: fc.Arbitrary<PoliciesSpec> = fc.record({
  rateLimit: rateLimitArb,
  timeouts: timeoutsArb,
  bodySize: bodySizeArb,
  cors: corsArb,
  headerRules: headerRulesArb,
  ipAccess: fc.record({ kind: fc.constantFrom('allow' as const, 'deny' as const), cidrs: fc.uniqueArray(cidrArb, { minLength: 1, maxLength: 2 }) }),
  retries: retriesArb,
  sessionAffinity: affinityArb,
  backendProtocol: fc.constantFrom(...Object.values(BackendProtocol)),
  auth: authArb,
}, { requiredKeys: [] }).chain(all => fc.array(fc.integer({ min: 0, max: 7 }), { minLength: 10, maxLength: 10 }).map(dice => {
  const out: Record<string, unknown> = {};
  Object.keys(all).forEach((k, i) => { if (dice[i] === 0) out[k] = (all as Record<string, unknown>)[k]; });
  if (out.auth) out.auth = derivedApiKey(out.auth as AuthSpec, all);
  return out as PoliciesSpec;
}));

const redirectArb: fc.Arbitrary<RedirectSpec> = fc.oneof(
  fc.record({ kind: fc.constant('https' as const), statusCode: fc.option(fc.constantFrom(RedirectStatus.PERMANENT_REDIRECT, RedirectStatus.MOVED_PERMANENTLY), { nil: undefined, freq: 2 }) }, { requiredKeys: ['kind', 'statusCode'] }),
  fc.record({
    kind: fc.constant('to' as const),
    scheme: fc.constantFrom('http' as const, 'https' as const),
    host: fc.constantFrom('moved.example.com', 'redir-target.example.net'),
    port: fc.integer({ min: 8001, max: 8999 }),
    path: fc.constantFrom('/moved-here', '/gone'),
    statusCode: fc.constantFrom(...[301, 302, 303, 307, 308] as RedirectStatus[]),
  }, { requiredKeys: ['kind'] }).filter(r => r.scheme !== undefined || r.host !== undefined || r.port !== undefined || r.path !== undefined)
    // A redirect to '/gone' alone with a status becomes a status-only redirect (same URL), without
    // changing the random stream.
    .map(r => (r.path === '/gone' && r.scheme === undefined && r.host === undefined && r.port === undefined && r.statusCode !== undefined
      ? { kind: 'to' as const, statusCode: r.statusCode } : r)),
);

const rewriteArb: fc.Arbitrary<RewriteSpec> = fc.oneof(
  fc.record({ kind: fc.constant('prefix' as const), value: fc.constantFrom('/', '/inner', '/rw-target') }),
  fc.record({ kind: fc.constant('full' as const), value: fc.constantFrom('/rw-full', '/healthz') }),
  fc.record({ kind: fc.constant('host' as const), value: fc.constantFrom('internal.example.com', 'rw-host.svc.example') }),
);

const routeArb: fc.Arbitrary<RouteSpec> = fc.record({
  hosts: fc.option(fc.uniqueArray(hostArb, { minLength: 1, maxLength: 2 }), { nil: undefined, freq: 8 }),
  matches: fc.uniqueArray(matchArb, { minLength: 1, maxLength: 2, selector: m => JSON.stringify(normalMatch(m)) }),
  asArray: fc.boolean(),
  backends: fc.uniqueArray(backendArb, { minLength: 1, maxLength: 2, selector: backendKey }),
  namespace: sometimes(fc.constantFrom('team-a', 'edge'), 5),
  policies: policiesArb,
  redirect: sometimes(redirectArb, 10),
  rewrite: sometimes(rewriteArb, 8),
  raw: sometimes(fc.constant(true), 6),
}, { requiredKeys: ['matches', 'asArray', 'backends', 'policies'] }).map(r => withHttpsOnly(fixRoute(withRuleName(r))));

/** A share of the routes without a redirect refuse plain HTTP (derived, see `derivedPick`). */
function withHttpsOnly(r: RouteSpec): RouteSpec {
  return r.redirect === undefined && derivedPick({ httpsOnly: r }, 6) !== undefined ? { ...r, httpsOnly: true } : r;
}

/** A share of the routes name their rules (derived, see `derivedPick`). */
function withRuleName(r: RouteSpec): RouteSpec {
  const h = derivedPick(r, 5);
  return h === undefined ? r : { ...r, ruleName: h % 2 === 0 ? 'checkout' : 'api.v1' };
}

/** The single-route rules of Route, applied to a random route so that it builds. */
function fixRoute(r: RouteSpec): RouteSpec {
  let { redirect, rewrite, backends, matches } = r;
  const onePrefix = matches.length === 1 && (matches[0].path === undefined || matches[0].path.kind === 'prefix');
  if (redirect && rewrite) rewrite = undefined;
  let policies_ = r.policies;
  if (redirect?.kind === 'to') {
    backends = [];
    // A redirect-only route takes no forwarding-only policy (they would never apply).
    const { timeouts: _t, bodySize: _b, retries: _r, sessionAffinity: _s, backendProtocol: _p, auth: _a, ...rest } = r.policies;
    policies_ = rest;
    if (redirect.path !== undefined && onePrefix && redirect.port === undefined) {
      redirect = { ...redirect, path: undefined, replacePrefix: redirect.path };
    }
  }
  if (rewrite?.kind === 'prefix' && !onePrefix) rewrite = { kind: 'full', value: '/rw-full' };
  if (matches.length > 1 && !r.asArray) matches = [matches[0]];
  return { ...r, redirect, rewrite, backends, matches, policies: policies_ };
}

function normalMatch(m: MatchSpec): unknown {
  const p = m.path ?? { kind: 'prefix', value: '/' };
  const value = p.kind === 'prefix' && p.value.length > 1 ? p.value.replace(/\/+$/, '') || '/' : p.kind === 'regex' ? p.value.replace(/^\^/, '').replace(/\$$/, '') : p.value;
  return [p.kind, value, [...m.headers].map(h => [h.name.toLowerCase(), h.kind, h.value]).sort(), [...m.query].sort((a, b) => (a.name < b.name ? -1 : 1)), m.method ?? ''];
}

const trafficArb: fc.Arbitrary<TrafficSpec> = fc.oneof(
  { weight: 3, arbitrary: fc.record({ kind: fc.constant('weight' as const), percent: fc.integer({ min: 0, max: 100 }) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('weights' as const), stable: fc.integer({ min: 0, max: 1000 }), canary: fc.integer({ min: 1, max: 1000 }) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('parse' as const), text: fc.integer({ min: 0, max: 100 }).map(n => ` ${n}`) }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('header' as const), name: fc.constantFrom('x-canary', 'x-cn-flag'), value: fc.stringMatching(/^[a-z0-9]{1,8}$/) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('headerPresent' as const), name: fc.constantFrom('x-beta', 'x-cn-beta') }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('cookie' as const), name: fc.constantFrom('canary', 'cn_cookie') }) },
);

const canaryArb = fc.record({
  canary: backendArb,
  traffic: trafficArb,
  hostCount: sometimes(fc.constant(1), 3),
  match: sometimes(fc.constant(0), 3),
  mirror: sometimes(fc.record({ backend: backendArb, percent: fc.option(fc.integer({ min: 0, max: 100 }), { nil: undefined }) }, { requiredKeys: ['backend'] }), 4),
}, { requiredKeys: ['canary', 'traffic'] });

/** One small gateway: 1-3 routes, up to two TLS hosts and one canary. */
export function caseArb(controller: ControllerName): fc.Arbitrary<CaseSpec> {
  const gatewayApiFamily = ['gateway-api', 'envoy-gateway', 'istio', 'kong-gateway-api'].includes(controller);
  return fc.record({
    supportedOnly: fc.oneof({ weight: 3, arbitrary: fc.constant(true) }, { weight: 1, arbitrary: fc.constant(false) }),
    namespace: fc.constantFrom('edge', 'default'),
    experimental: gatewayApiFamily ? fc.boolean() : fc.constant(false),
    defaults: sometimes(policiesArb, 6),
    defaultBackend: sometimes(backendArb, 12),
    routes: fc.array(routeArb, { minLength: 1, maxLength: 3 }),
    tlsPick: fc.array(fc.nat(), { maxLength: 3 }),
    tlsSecret: fc.constantFrom('tls-cert-a', 'wild.cert'),
    tlsNamespace: sometimes(fc.constantFrom('certs', 'edge'), 4),
    tlsSplit: fc.boolean(),
    tlsOptions: sometimes(fc.record({
      httpsRedirect: fc.boolean(),
      hsts: fc.tuple(fc.constantFrom(1, 180, 365, 400), fc.boolean(), fc.boolean())
        .map(([maxAgeDays, includeSubdomains, preload]) => ({
          maxAgeDays, includeSubdomains, preload: preload && includeSubdomains && maxAgeDays >= 365,
        })),
      minTls: fc.constantFrom(TlsVersion.TLS_1_2, TlsVersion.TLS_1_3),
      clientAuth: fc.constantFrom('required' as const, 'optional' as const),
      issued: fc.boolean(),
    }, { requiredKeys: [] })
      // Cipher suites on hosts whose certificate is explicitly not issued (and that accept TLS 1.2): derived, so the generated shapes stay those above.
      .map(o => (o.issued === false && o.minTls !== TlsVersion.TLS_1_3 ? { ...o, ciphers: true } : o))
      // Session tickets on hosts with HSTS and no client certificates: derived, shapes unchanged.
      .map(o => (o.hsts !== undefined && o.clientAuth === undefined ? { ...o, sessionTickets: true as const } : o)), 3),
    // A passthrough backend lives in the gateway's namespace (TlsHost refuses others).
    passthrough: sometimes(fc.record({ wildcard: fc.constantFrom<PassthroughWildcard>('', '*.', '**.'), backend: backendArb.map(b => ({ service: b.service, port: b.port })) }), 6),
    canary: sometimes(fc.tuple(fc.nat(), canaryArb), 2),
    // Last, so that adding it left every earlier draw (and the cases they make) as it was.
    weights: sometimes(fc.array(fc.integer({ min: 0, max: 100 }), { minLength: 6, maxLength: 6 }), 3),
    mirrors: sometimes(fc.uniqueArray(fc.record({
      service: fc.constantFrom('mirror-shadow-a', 'mirror-shadow-b'),
      percent: fc.option(fc.integer({ min: 0, max: 100 }), { nil: undefined }),
    }, { requiredKeys: ['service'] }), { minLength: 1, maxLength: 2, selector: m => m.service }), 3),
    // Last again: a route answering itself (a 500 without body is Gateway API's rule without backends).
    respond: sometimes(fc.record({
      statusCode: fc.constantFrom(500, 503, 404),
      body: fc.option(fc.constantFrom('Down for maintenance', '<h1>Gone</h1>'), { nil: undefined }),
    }, { requiredKeys: ['statusCode'] }), 4),
  }, { requiredKeys: ['supportedOnly', 'namespace', 'experimental', 'routes', 'tlsPick', 'tlsSecret', 'tlsSplit'] }).map(generated => {
    // Backends are unique per route once their namespace defaults to the route's.
    const raw = {
      ...generated,
      routes: generated.routes.map((r, i) => {
        const ns = r.namespace ?? generated.namespace;
        const seen = new Set<string>();
        const unique = r.backends.filter(b => {
          const k = backendKey({ ...b, namespace: b.namespace ?? ns });
          return !seen.has(k) && !!seen.add(k);
        });
        return { ...r, backends: unique, weights: generated.weights?.slice(2 * i, 2 * i + 2) };
      }),
    };
    // TLS: hosts the routes serve, each in one TlsHost.
    // Every host of the routes a TLS host serves (a route half on HTTPS, half on plain HTTP is refused on Gateway API).
    const hosted = raw.routes.filter(r => (r.hosts ?? []).length > 0);
    // A TlsHost names certificates: a route's `**.x` takes the certificate `*.x`.
    const picked = [...new Set(raw.tlsPick.flatMap(i => (hosted.length > 0 ? hosted[i % hosted.length].hosts ?? [] : [])).map(h => (h.startsWith('**.') ? h.slice(1) : h)))].sort();
    const tls: TlsSpec[] = [];
    // Client certificate verification needs the certificate Secret in the gateway's namespace.
    const secretNamespace = raw.tlsOptions?.clientAuth ? undefined : raw.tlsNamespace;
    if (picked.length > 0) {
      if (raw.tlsSplit && picked.length > 1) {
        tls.push({ hosts: picked.slice(0, 1), secretName: raw.tlsSecret, secretNamespace, options: raw.tlsOptions });
        tls.push({ hosts: picked.slice(1), secretName: `${raw.tlsSecret}-2` });
      } else {
        tls.push({ hosts: picked, secretName: raw.tlsSecret, secretNamespace, options: raw.tlsOptions });
      }
    }
    // Canary: on a route with one backend, another canary / mirror backend than the stable one.
    const canaries: CanarySpec[] = [];
    if (raw.canary) {
      const [pick, c] = raw.canary;
      const candidates = raw.routes.map((r, i) => [r, i] as const).filter(([r]) => r.backends.length === 1);
      if (candidates.length > 0) {
        const [route, index] = candidates[pick % candidates.length];
        const stable = route.backends[0];
        const ns = (b: BackendSpec) => b.namespace ?? route.namespace ?? raw.namespace;
        const same = (b: BackendSpec) => b.service === stable.service && b.port === stable.port && ns(b) === ns(stable);
        const conditioned = new Set(route.matches.flatMap(m => m.headers.map(h => h.name.toLowerCase())));
        const conflicting = (c.traffic.kind === 'header' || c.traffic.kind === 'headerPresent') && conditioned.has(c.traffic.name);
        const rule: TrafficSpec = conflicting ? { kind: 'weight', percent: 10 } : c.traffic;
        canaries.push({
          route: index,
          canary: same(c.canary) ? { ...c.canary, service: `${c.canary.service.slice(0, 50)}-canary` } : c.canary,
          traffic: rule,
          hostCount: c.hostCount !== undefined && (route.hosts?.length ?? 0) > 1 ? 1 : undefined,
          match: c.match !== undefined && route.matches.length > 1 ? c.match : undefined,
          mirror: c.mirror && same(c.mirror.backend) ? { ...c.mirror, backend: { ...c.mirror.backend, service: 'shadow' } } : c.mirror,
        });
      }
    }
    // Route mirrors: on the first route with backends that no canary splits.
    const mirrored = raw.mirrors ? raw.routes.findIndex((r, i) => r.backends.length > 0 && !canaries.some(c => c.route === i)) : -1;
    const spec: CaseSpec = {
      supportedOnly: raw.supportedOnly,
      namespace: raw.namespace,
      experimental: raw.experimental,
      defaults: raw.defaults,
      defaultBackend: raw.defaultBackend,
      // Strict SNI (issue #17), derived from values already drawn (about one case in eight) so the
      // random stream stays what it was.
      ...(raw.tlsSplit && raw.namespace === 'default' && raw.tlsSecret === 'wild.cert' ? { strictSni: true as const } : {}),
      routes: [
        ...raw.routes.map((r, i) => (i === mirrored ? { ...r, mirrors: raw.mirrors } : r)),
        // Its own host and path: nothing else serves them.
        ...(raw.respond ? [{
          hosts: ['status.example.net'],
          matches: [{ path: { kind: 'exact' as const, value: '/respond-status' }, headers: [], query: [] }],
          asArray: false,
          backends: [],
          policies: {},
          respond: raw.respond,
        }] : []),
      ],
      tls,
      canaries,
      passthrough: raw.passthrough,
    };
    return raw.supportedOnly ? prune(controller, spec) : spec;
  });
}

/**
 * Removes what the controller's matrix column refuses, so that most cases reach the renderer:
 * unsupported matches become plain prefix matches, unsupported policies are dropped, canaries
 * with an unsupported traffic rule go. Refusals in context (value formats, interactions
 * between constructs) are kept: they must still fail with our messages.
 */
export function prune(controller: ControllerName, spec: CaseSpec): CaseSpec {
  const ok = (f: FeatureKind) => isSupported(CAPABILITIES[controller][f], spec.experimental);
  const keepPolicies = (p: PoliciesSpec): PoliciesSpec => {
    const out: Record<string, unknown> = {};
    for (const [key, value] of Object.entries(p)) {
      const resolved = resolvePolicies('Route', 'prune', policies({ [key]: value } as PoliciesSpec), undefined);
      if (policyFeatures(resolved).every(u => ok(u.feature))) out[key] = value;
    }
    return out as PoliciesSpec;
  };
  const featuresOk = (p: object) => policyFeatures(resolvePolicies('Route', 'prune', p as never, undefined)).every(u => ok(u.feature));
  // Wildcard depths the column renders; Traefik also refuses two routes' overlapping `**.` hosts of different depths.
  const hostOk = (h: string) => (h.startsWith('**.') ? ok('anyDepthWildcardHost') : h.startsWith('*.') ? ok('wildcardHost') : true);
  const anyDepthKept: Array<{ host: string; route: number }> = [];
  const keepHost = (h: string, route: number) => {
    if (!hostOk(h)) return false;
    if (!h.startsWith('**.') || controller !== 'traefik') return true;
    if (anyDepthKept.some(k => k.route !== route && k.host !== h && hostPatternsOverlap(k.host, h))) return false;
    anyDepthKept.push({ host: h, route });
    return true;
  };
  const crossOk = ok('crossNamespaceBackend');
  const tlsBackendOk = (b: BackendSpec) => !b.tls || (ok('backendTls') && (b.tls.unverified !== undefined
    ? ok('backendTlsInsecure') && (b.tls.unverified === 'no-sni' || ok('backendTlsInsecureServerName'))
    : b.tls.ca !== undefined || ok('backendTlsSystemCa')));
  const localBackend = (b0: BackendSpec): BackendSpec => {
    const b1 = b0.tls?.clientCert && !ok('backendTlsClientCertificate') ? { ...b0, tls: { ...b0.tls, clientCert: undefined } } : b0;
    const b = tlsBackendOk(b1) ? b1 : { ...b1, tls: undefined };
    return crossOk ? b : { service: b.service, port: b.port, tls: b.tls };
  };
  const routes = spec.routes.map((r, index) => {
    const hosts = r.hosts?.filter(h => keepHost(h, index));
    const raw = r.raw && rawAnnotationsUnsupported(controller) === undefined ? r.raw : undefined;
    const matches = r.matches.map(m => ({
      path: m.path?.kind === 'regex' && !ok('regexPath') ? undefined : m.path,
      headers: m.headers.filter(h => ok(h.kind === 'exact' ? 'headerMatch' : 'headerRegexMatch')),
      query: ok('queryParamMatch') ? m.query : [],
      method: ok('methodMatch') ? m.method : undefined,
    }));
    const unique = matches.filter((m, i) => matches.findIndex(n => JSON.stringify(normalMatch(n)) === JSON.stringify(normalMatch(m))) === i);
    const backends = (ok('multipleBackends') ? r.backends : r.backends.slice(0, 1)).map(localBackend);
    const dedup = backends.filter((b, i) => backends.findIndex(c => backendKey(c) === backendKey(b)) === i);
    const redirect = r.redirect && featuresOk({ redirect: redirect_(r.redirect) }) ? r.redirect : undefined;
    const rewrite = r.rewrite && featuresOk({ rewrite: rewrite_(r.rewrite) }) ? r.rewrite : undefined;
    return fixRoute({
      ...r,
      hosts: hosts && hosts.length > 0 ? hosts : undefined,
      matches: unique,
      backends: r.redirect?.kind === 'to' && !redirect ? [localBackend(r.backends[0] ?? { service: 'api', port: 80 })] : dedup,
      policies: keepPolicies(r.policies),
      redirect,
      rewrite,
      raw,
      ruleName: ok('namedRule') ? r.ruleName : undefined,
      httpsOnly: ok('httpsOnlyRoute') ? r.httpsOnly : undefined,
      weights: ok('weightedBackends') ? r.weights : undefined,
      mirrors: ok('routeMirror') ? r.mirrors : undefined,
    });
  });
  const hostsLeft = new Set(routes.flatMap(r => r.hosts ?? []));
  const tlsOptions = (o: TlsOptionsSpec | undefined): TlsOptionsSpec | undefined => o && {
    httpsRedirect: o.httpsRedirect === false && !ok('plainHttpOnTlsHost') ? undefined : o.httpsRedirect,
    hsts: ok('hsts') ? o.hsts : undefined,
    minTls: ok('minTlsVersion') ? o.minTls : undefined,
    clientAuth: o.clientAuth && ok('clientCertificateAuth') && (o.clientAuth === 'required' || ok('optionalClientCertificate')) ? o.clientAuth : undefined,
    issued: ok('automaticCertificate') ? o.issued : undefined,
    ciphers: o.ciphers && ok('tlsCipherSuites') ? true : undefined,
    sessionTickets: o.sessionTickets && ok('tlsSessionTickets') ? true : undefined,
  };
  // A certificate `*.x` stays while a route serves `*.x` or `**.x` (see tlsNameServes).
  const tls = spec.tls
    .map(t => ({
      ...t,
      hosts: t.hosts.filter(h => hostsLeft.has(h) || hostsLeft.has(`*${h}`)),
      secretNamespace: ok('crossNamespaceCertificate') ? t.secretNamespace : undefined,
      options: tlsOptions(t.options),
    }))
    .filter(t => t.hosts.length > 0);
  const trafficFeature: { readonly [k in TrafficSpec['kind']]: FeatureKind } = {
    weight: 'canaryWeight', weights: 'canaryWeight', parse: 'canaryWeight', header: 'canaryHeader', headerPresent: 'canaryHeaderPresence', cookie: 'canaryCookie',
  };
  const canaries = spec.canaries
    .filter(c => ok(trafficFeature[c.traffic.kind]) && routes[c.route].backends.length === 1)
    .map(c => ({
      ...c,
      canary: localBackend(c.canary),
      match: c.match !== undefined && routes[c.route].matches.length > c.match ? c.match : undefined,
      hostCount: c.hostCount !== undefined && (routes[c.route].hosts?.length ?? 0) > 1 ? c.hostCount : undefined,
      mirror: c.mirror && ok('canaryMirror') ? { ...c.mirror, backend: localBackend(c.mirror.backend) } : undefined,
    }))
    .filter(c => {
      const stable = routes[c.route].backends[0];
      const resolve = (b: BackendSpec) => backendKey({ ...b, namespace: b.namespace ?? routes[c.route].namespace ?? spec.namespace });
      return resolve(c.canary) !== resolve(stable) && (!c.mirror || resolve(c.mirror.backend) !== resolve(stable));
    });
  // The responding route is the last one (no canary points at it): dropped where its cell is refused.
  const respondOk = (r: RouteSpec) => !r.respond || ok(r.respond.statusCode === 500 && r.respond.body === undefined ? 'noBackendRule' : 'directResponse');
  return {
    ...spec,
    defaults: spec.defaults && keepPolicies(spec.defaults),
    defaultBackend: spec.defaultBackend && ok('defaultBackend') ? localBackend(spec.defaultBackend) : undefined,
    strictSni: spec.strictSni && ok('strictSni') ? spec.strictSni : undefined,
    routes: routes.filter(respondOk),
    tls,
    canaries,
    passthrough: spec.passthrough && ok('tlsPassthrough') && hostOk(`${spec.passthrough.wildcard}pass.example.net`)
      ? { ...spec.passthrough, backend: localBackend(spec.passthrough.backend) } : undefined,
  };
}

// ---------------------------------------------------------------------------------------------
// Builder

/** A documented annotation each controller takes in `rawAnnotations` (others: just another tool's key). */
export const RAW_ANNOTATIONS: { readonly [c in ControllerName]?: Record<string, string> } = {
  'ingress-nginx': { 'nginx.ingress.kubernetes.io/proxy-buffer-size': '16k' },
  'traefik-ingress': { 'traefik.ingress.kubernetes.io/router.tls.certresolver': 'raw-resolver' },
  'kong': { 'konghq.com/tags': 'raw-tag' },
};

const EXPERIMENTAL: { readonly [c in ControllerName]?: (o: GatewayApiOptions) => Controller } = {
  'gateway-api': o => Controller.gatewayApi({ gatewayClassName: 'example-gateway-class', ...o }),
  'envoy-gateway': o => Controller.envoyGateway(o),
  'istio': o => Controller.istio(o),
  'kong-gateway-api': o => Controller.kong({ mode: KongMode.GATEWAY_API, ...o }),
};

export function controllerFor(name: ControllerName, experimental: boolean): Controller {
  const factory = EXPERIMENTAL[name];
  return experimental && factory ? factory({ experimentalChannel: true }) : CONTROLLERS[name]();
}

/** The weight of a route's j-th backend, when the route has several backends and weights, one of them above 0. */
function routeWeight(r: RouteSpec, j: number): number | undefined {
  if (!r.weights || r.backends.length < 2 || !r.weights.slice(0, r.backends.length).some(w => w > 0)) return undefined;
  return r.weights[j];
}

function backend(b: BackendSpec, weight?: number): Backend {
  return Backend.service(b.service, b.port, {
    ...(b.namespace !== undefined ? { namespace: b.namespace } : {}),
    ...(weight !== undefined ? { weight } : {}),
    ...(b.tls?.unverified ? {
      tls: BackendTls.insecureSkipVerify({
        ...(b.tls.unverified === 'sni' ? { serverName: b.tls.hostname } : {}),
        ...(b.tls.clientCert ? { clientCertificateSecret: 'backend-client' } : {}),
      }),
    } : b.tls ? {
      tls: BackendTls.verify({
        hostname: b.tls.hostname,
        ca: b.tls.ca === 'secret' ? CaCertificates.fromSecret('backend-ca') : b.tls.ca === 'configmap' ? CaCertificates.fromConfigMap('backend-ca') : undefined,
      }),
    } : {}),
  });
}

function path(p: PathSpec): PathMatch {
  return p.kind === 'exact' ? PathMatch.exact(p.value) : p.kind === 'prefix' ? PathMatch.prefix(p.value) : PathMatch.regex(p.value);
}

export function routeMatch(m: MatchSpec): RouteMatch {
  return {
    path: m.path ? path(m.path) : undefined,
    headers: m.headers.length > 0 ? m.headers.map(h => (h.kind === 'exact' ? HeaderMatch.exact(h.name, h.value) : HeaderMatch.regex(h.name, h.value))) : undefined,
    queryParams: m.query.length > 0 ? m.query.map(q => QueryParamMatch.exact(q.name, q.value)) : undefined,
    method: m.method,
  };
}

export function policies(p: PoliciesSpec): RoutePolicies {
  const out: { -readonly [k in keyof RoutePolicies]: RoutePolicies[k] } = {};
  if (p.rateLimit) {
    const r = p.rateLimit;
    const base = {
      requests: r.requests,
      period: r.period,
      burst: r.burstFactor !== undefined ? r.requests * r.burstFactor : undefined,
      distributed: r.distributed === 'redis' ? DistributedRateLimit.redis('redis.infra.svc.cluster.local:6379') : r.distributed === 'controller' ? DistributedRateLimit.controllerStore() : undefined,
    };
    out.rateLimit = r.key === 'header' ? RateLimit.perHeader(r.header!, base)
      : r.key === 'consumer' ? RateLimit.perConsumer(base)
        : RateLimit.perClientIp({
          ...base, concurrentConnections: r.concurrentConnections, exemptCidrs: r.exemptCidrs ? [...r.exemptCidrs] : undefined,
        });
  }
  if (p.timeouts) {
    const s = (n?: number) => (n === undefined ? undefined : Duration.seconds(n));
    const t = p.timeouts;
    out.timeouts = Timeouts.of({
      connect: s(t.connect), read: s(t.read), send: s(t.send), request: s(t.request), backendRequest: s(t.backendRequest),
    });
  }
  if (p.bodySize) out.bodySize = BodySize[p.bodySize.unit](p.bodySize.amount);
  if (p.cors) {
    const c = p.cors;
    out.cors = Cors.allow({
      origins: [...c.origins],
      methods: c.methods && [...c.methods],
      headers: c.headers && [...c.headers],
      exposeHeaders: c.exposeHeaders && [...c.exposeHeaders],
      credentials: c.credentials,
      maxAge: c.maxAge === undefined ? undefined : Duration.seconds(c.maxAge),
    });
  }
  if (p.headerRules) {
    const ops = (o?: HeaderOpsSpec) => o && { set: o.set && { ...o.set }, add: o.add && { ...o.add }, remove: o.remove && [...o.remove] };
    out.headerRules = HeaderRules.of({ request: ops(p.headerRules.request), response: ops(p.headerRules.response) });
  }
  if (p.ipAccess) out.ipAccess = p.ipAccess.kind === 'allow' ? IpAccess.allow([...p.ipAccess.cidrs]) : IpAccess.deny([...p.ipAccess.cidrs]);
  if (p.retries) {
    const r = p.retries;
    out.retries = Retries.of({
      attempts: r.attempts,
      on: r.on && [...r.on],
      statusCodes: r.statusCodes && [...r.statusCodes],
      perTryTimeout: r.perTryTimeout === undefined ? undefined : Duration.seconds(r.perTryTimeout),
      backoff: r.backoff === undefined ? undefined : Duration.millis(r.backoff),
      maxBackoff: r.backoff === undefined || r.maxBackoffFactor === undefined ? undefined : Duration.millis(r.backoff * r.maxBackoffFactor),
      window: r.window === undefined ? undefined : Duration.seconds(r.window),
      nonIdempotent: r.nonIdempotent,
    });
  }
  if (p.sessionAffinity) {
    const a = p.sessionAffinity;
    out.sessionAffinity = SessionAffinity.cookie({ ...a, ttl: a.ttl === undefined ? undefined : Duration.seconds(a.ttl) });
  }
  if (p.backendProtocol) out.backendProtocol = p.backendProtocol;
  if (p.auth) {
    const a = p.auth;
    out.auth = a.kind === 'external' ? EdgeAuth.external({
      url: a.url,
      responseHeaders: a.responseHeaders && [...a.responseHeaders],
      signinUrl: a.signinUrl,
      cache: a.cache === undefined ? undefined : Duration.seconds(a.cache),
      requestHeaders: a.requestHeaders && [...a.requestHeaders],
      forwardBody: a.forwardBodyKib === undefined ? undefined : BodySize.kibibytes(a.forwardBodyKib),
      ca: a.caSecret === undefined ? undefined : CaCertificates.fromSecret(a.caSecret),
      clientCertificateSecret: a.clientCertificateSecret,
    })
      : a.kind === 'jwt' ? EdgeAuth.jwt({ issuer: a.issuer, jwksUri: a.jwksUri, audiences: a.audiences && [...a.audiences], claimsToHeaders: a.claims && a.claims.map(c => ({ ...c })) })
        : a.kind === 'apiKey' ? EdgeAuth.apiKey({
          secretName: a.anyConsumer ? undefined : a.secretName,
          anyConsumer: a.anyConsumer,
          header: a.header,
          queryParameter: a.queryParameter,
          removeKey: a.removeKey,
        })
          : a.kind === 'basic' ? EdgeAuth.basic({ secretName: a.anyConsumer ? undefined : a.secretName, anyConsumer: a.anyConsumer, realm: a.realm })
            : a.kind === 'jwtConsumerKeys' ? EdgeAuth.jwtConsumerKeys({ secretName: a.anyConsumer ? undefined : a.secretName, anyConsumer: a.anyConsumer, keyClaim: a.keyClaim })
              : EdgeAuth.externalProvider(a.provider);
  }
  return out;
}

function redirect_(r: RedirectSpec): Redirect {
  if (r.kind === 'https') return Redirect.toHttps({ statusCode: r.statusCode });
  return Redirect.to({ scheme: r.scheme, host: r.host, port: r.port, path: r.path, replacePrefix: r.replacePrefix, statusCode: r.statusCode });
}

function rewrite_(r: RewriteSpec): Rewrite {
  return r.kind === 'prefix' ? Rewrite.replacePrefix(r.value) : r.kind === 'full' ? Rewrite.replaceFullPath(r.value) : Rewrite.hostname(r.value);
}

function traffic(t: TrafficSpec): CanaryTraffic {
  switch (t.kind) {
    case 'weight': return CanaryTraffic.weight(t.percent);
    case 'weights': return CanaryTraffic.weights(t.stable, t.canary);
    case 'parse': return CanaryTraffic.parseWeight(t.text);
    case 'header': return CanaryTraffic.header(t.name, t.value);
    case 'headerPresent': return CanaryTraffic.headerPresent(t.name);
    case 'cookie': return CanaryTraffic.cookie(t.name);
  }
}

/** Builds the case into a fresh app: one chart, one ApiGateway. */
export function build(controllerName: ControllerName, spec: CaseSpec): { app: App; chart: Chart; gateway: ApiGateway } {
  const app = Testing.app();
  const chart = new Chart(app, 'prop', { namespace: spec.namespace });
  const gateway = new ApiGateway(chart, 'gw', {
    controller: controllerFor(controllerName, spec.experimental),
    defaults: spec.defaults ? policies(spec.defaults) : undefined,
    defaultBackend: spec.defaultBackend ? backend(spec.defaultBackend) : undefined,
    objectPerRoute: spec.objectPerRoute,
    // Issue #12: a share of the gateways listen for plain HTTP per hostname (derived: the generated shapes stay as they were).
    httpListeners: derivedPick({ perHost: spec.routes }, 3) !== undefined ? HttpListeners.PER_HOST : undefined,
    strictSni: spec.strictSni,
  });
  const routes: Route[] = spec.routes.map((r, i) => gateway.addRoute(`r${i}`, {
    hosts: r.hosts ? [...r.hosts] : undefined,
    ...(r.asArray ? { matches: r.matches.map(routeMatch) } : { match: routeMatch(r.matches[0]) }),
    ...(r.backends.length === 1 && !r.asArray ? { backend: backend(r.backends[0]) }
      : r.backends.length > 0 ? { backends: r.backends.map((b, j) => backend(b, routeWeight(r, j))) } : {}),
    namespace: r.namespace,
    ...policies(r.policies),
    redirect: r.redirect ? redirect_(r.redirect) : undefined,
    rewrite: r.rewrite ? rewrite_(r.rewrite) : undefined,
    rawAnnotations: r.raw ? { ...RAW_ANNOTATIONS[controllerName], 'external-dns.alpha.kubernetes.io/ttl': '60' } : undefined,
    ruleName: r.ruleName,
    protocols: r.httpsOnly ? RouteProtocols.HTTPS_ONLY : undefined,
    mirrors: r.mirrors && r.backends.length > 0
      ? r.mirrors.map(m => TrafficMirror.to(Backend.service(m.service, 8080), m.percent !== undefined ? { percent: m.percent } : {})) : undefined,
    respond: r.respond ? DirectResponse.fixed(r.respond) : undefined,
  }));
  spec.tls.forEach((t, i) => {
    const o = t.options ?? {};
    gateway.addTlsHost(`t${i}`, {
      hosts: [...t.hosts],
      certificate: o.issued ? TlsCertificate.fromIssuer(ClusterIssuer.fromName('letsencrypt'), { secretName: t.secretName })
        : TlsCertificate.fromSecret(t.secretName, t.secretNamespace ? { namespace: t.secretNamespace } : {}),
      httpsRedirect: o.httpsRedirect,
      hsts: o.hsts
        ? Hsts.enable({ maxAge: Duration.days(o.hsts.maxAgeDays), includeSubdomains: o.hsts.includeSubdomains, preload: o.hsts.preload })
        : undefined,
      minTlsVersion: o.minTls,
      clientAuth: o.clientAuth === 'required' ? ClientAuth.required(CaCertificates.fromSecret('client-ca'))
        : o.clientAuth === 'optional' ? ClientAuth.optional(CaCertificates.fromConfigMap('client-ca')) : undefined,
      cipherSuites: o.ciphers ? [...CIPHER_SUITES] : undefined,
      sessionTickets: o.sessionTickets,
    });
  });
  if (spec.passthrough) {
    gateway.addTlsHost('pass', { hosts: [`${spec.passthrough.wildcard}pass.example.net`], mode: TlsMode.passthrough(backend(spec.passthrough.backend)) });
  }
  spec.canaries.forEach((c, i) => {
    const stable = routes[c.route];
    const r = spec.routes[c.route];
    gateway.addCanary(`c${i}`, {
      stable,
      canary: backend(c.canary),
      traffic: traffic(c.traffic),
      hosts: c.hostCount !== undefined ? [...stable.hosts].slice(0, c.hostCount) : undefined,
      match: c.match !== undefined ? routeMatch(r.matches[c.match]) : undefined,
      mirror: c.mirror ? TrafficMirror.to(backend(c.mirror.backend), c.mirror.percent !== undefined ? { percent: c.mirror.percent } : {}) : undefined,
    });
  });
  return { app, chart, gateway };
}
