import { Chart, Duration, Testing } from 'cdk8s';
import * as kplus from 'cdk8s-plus-27';
import * as fc from 'fast-check';
import {
  ApiGateway, Backend, BackendProtocol, BodySize, CanarySplit, CanaryTraffic, ConcurrencyLimit, Controller, Cors, DistributedRateLimit, EdgeAuth,
  GatewayParentKind, HeaderMatch, HeaderRules, HttpMethod, IpAccess, KongMode, PathMatch, QueryParamMatch, RateLimit,
  RateLimitedRoute, RateLimitPeriod, Redirect, RedirectStatus, Retries, RetryOn, Rewrite, Route, SameSite, SessionAffinity,
  Timeouts, TlsCertificate, TlsHost, TraefikOutput, TrafficMirror, TlsMode, Hsts, TlsVersion, ClientAuth, CaCertificates, BackendTls,
  ClusterIssuer, Issuer, IssuerType, AcmeServer, AcmeSolver, Dns01Provider, Certificate, PrivateKeyAlgorithm, TsigAlgorithm,
} from '../../src';
import { CONTROLLER_NAMES, ControllerName } from '../../src/capabilities/features';
import { PolicyError } from '../../src/intent/policies/common';
import { CONTROLLERS } from '../util';

/*
 * Random INVALID inputs to every public constructor and factory: a valid call whose arguments
 * have one value (anywhere inside them) replaced by garbage. Whatever happens, the library must
 * either accept it and synthesize valid objects, or fail with one of its own errors: an `Error`
 * (never a TypeError / RangeError) whose message names the construct path or the factory field.
 */

/** `[<hole>, value]`: what `[, value]` gives in JavaScript (array methods skip the hole). */
function withHole(value: unknown): unknown[] {
  const a: unknown[] = [];
  a[1] = value;
  return a;
}

/** Values nobody should pass, and values of the wrong kind. */
export const garbageArb: fc.Arbitrary<unknown> = fc.oneof(
  {
    weight: 4,
    arbitrary: fc.constantFrom<unknown>(
      undefined, null, true, false, 0, -0, -1, 1.5, NaN, Infinity, -Infinity, 2 ** 53 + 2, 1e308, 65536, 101, 1_000_001,
      '', ' ', 'a\r\nb', 'x\n', '\u0000', 'é', 'ÄPI.example.com', '日本', '😀', 'x'.repeat(5000), '/a b', '*', '*.', '**', '**.', '***.example.com', 'a.**.example.com', '*.*.example.com', '..', '%2F', '\'"`${}',
      'nginx.ingress.kubernetes.io/configuration-snippet', '-1', '1e3', 'Infinity',
      [], [null], [undefined], [''], [[]], withHole('a.example.com'), withHole(Backend.service('svc', 80)), withHole('10.0.0.0/8'), { 0: 'x', length: 1 }, {}, { a: 1 }, { name: 'x' }, { _kind: 'Exact', _value: '/' }, { port: 80 },
      () => 1, PathMatch.exact, new Date(0), /re/, new Map(), Object.create(null), Symbol.for('s'), 10n,
    ),
  },
  // Values of another kind than expected (type confusion between the library's own types).
  {
    weight: 2,
    arbitrary: fc.constantFrom<unknown>(
      Backend.service('svc', 80), PathMatch.prefix('/'), HeaderMatch.exact('x-a', 'b'), Duration.seconds(5), BodySize.bytes(10),
      RateLimit.perClientIp({ requests: 1 }), Redirect.toHttps(), Rewrite.hostname('a.example.com'), Controller.ingressNginx(),
      CanaryTraffic.weight(5), TlsCertificate.fromSecret('s'), HttpMethod.GET, BackendProtocol.GRPC, RedirectStatus.FOUND,
    ),
  },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 20 }) },
  { weight: 1, arbitrary: fc.oneof(fc.integer(), fc.double()) },
  { weight: 1, arbitrary: fc.anything({ maxDepth: 2, maxKeys: 3 }) },
);

/** Where a mutation goes: a path of keys into the argument list. */
export type Path = ReadonlyArray<string | number>;

/** Every replaceable position inside `value` (class instances are leaves: replaced whole). */
export function positions(value: unknown, path: Path = []): Path[] {
  const out: Path[] = path.length > 0 ? [path] : [];
  if (Array.isArray(value)) {
    value.forEach((v, i) => out.push(...positions(v, [...path, i])));
    out.push([...path, value.length]);
  } else if (value !== null && typeof value === 'object' && Object.getPrototypeOf(value) === Object.prototype) {
    for (const k of Object.keys(value)) out.push(...positions((value as Record<string, unknown>)[k], [...path, k]));
  }
  return out;
}

/** A copy of `value` with the value at `path` replaced. */
export function replaceAt(value: unknown, path: Path, replacement: unknown): unknown {
  if (path.length === 0) return replacement;
  const [head, ...rest] = path;
  if (Array.isArray(value)) {
    const copy = [...value];
    copy[head as number] = replaceAt(copy[head as number], rest, replacement);
    return copy;
  }
  const obj = value as Record<string, unknown>;
  return { ...obj, [head]: replaceAt(obj[head], rest, replacement) };
}

/**
 * The shapes a JavaScript or Python caller can pass where a list is expected, derived from a
 * valid list `v`: holes, `undefined` / `null` elements, an array-like object, a string, a Set,
 * a single element instead of a list, `null`.
 */
export function listShapes(v: readonly unknown[]): Array<{ name: string; value: unknown }> {
  const hole: unknown[] = [];
  hole[1] = v[0];
  const trailingHole: unknown[] = [...v];
  trailingHole.length = v.length + 1;
  return [
    { name: 'a leading hole', value: hole },
    { name: 'a trailing hole', value: trailingHole },
    { name: 'an undefined element', value: [...v, undefined] },
    { name: 'a null element', value: [null, ...v] },
    { name: 'only null', value: [null] },
    { name: 'a nested list', value: [[...v]] },
    { name: 'an array-like object', value: { 0: v[0], length: 1 } },
    { name: 'a Set', value: new Set(v) },
    { name: 'a string', value: 'a,b' },
    { name: 'the first element alone', value: v[0] },
    { name: 'null', value: null },
  ];
}

/** Every position in `value` that holds a list. */
export function listPositions(value: unknown): Path[] {
  return positions(value).filter(p => Array.isArray(p.reduce<unknown>((v, k) => (v as Record<string | number, unknown>)?.[k], value)));
}

/** A fresh chart with one gateway, plus a route to hang canaries on. */
export interface Fixture { readonly chart: Chart; readonly gateway: ApiGateway; readonly route: Route }

export function fixture(controller: ControllerName): Fixture {
  const chart = new Chart(Testing.app(), 'inv', { namespace: 'edge' });
  const gateway = new ApiGateway(chart, 'gw', { controller: CONTROLLERS[controller]() });
  const route = gateway.addRoute('stable', {
    hosts: ['api.example.com', 'web.example.com'],
    matches: [{ path: PathMatch.prefix('/v1') }, { path: PathMatch.exact('/x') }],
    backend: Backend.service('api', 8080),
  });
  return { chart, gateway, route };
}

const policies = () => ({
  rateLimit: RateLimit.perClientIp({ requests: 10 }),
  timeouts: Timeouts.of({ connect: Duration.seconds(5) }),
  bodySize: BodySize.mebibytes(1),
  cors: Cors.allow({ origins: ['https://a.example.com'] }),
  headerRules: HeaderRules.of({ response: { set: { 'x-a': 'b' } } }),
  ipAccess: IpAccess.allow(['10.0.0.0/8']),
  retries: Retries.of({ attempts: 1 }),
  sessionAffinity: SessionAffinity.cookie({ name: 'c' }),
  backendProtocol: BackendProtocol.HTTP,
  auth: EdgeAuth.basic({ secretName: 'users' }),
});

/**
 * One public entry point: its valid arguments (built fresh), and how to call it. Factories are
 * also used in a construct, since some values are checked where they are used.
 */
export interface Site {
  readonly name: string;
  args(f: Fixture): unknown[];
  call(f: Fixture, args: any[]): void;
}

const useValue = (f: Fixture, props: Record<string, unknown>) => f.gateway.addRoute('use', { hosts: ['use.example.com'], backend: Backend.service('use', 80), ...props });

const factory = (name: string, fn: (...a: any[]) => unknown, args: () => unknown[], use: (f: Fixture, v: any) => void): Site => ({
  name,
  args: () => args(),
  call: (f, a) => use(f, fn(...a)),
});

export const SITES: readonly Site[] = [
  // Constructs.
  {
    name: 'new ApiGateway',
    args: () => ['gw2', { controller: Controller.envoyGateway(), namespace: 'edge', name: 'gw2', defaults: policies(), defaultBackend: Backend.service('nf', 80), strictSni: false }],
    call: (f, a) => new ApiGateway(f.chart, a[0], a[1]),
  },
  {
    name: 'ApiGateway.addRoute',
    args: () => ['r', {
      hosts: ['a.example.com', '*.b.example.com'],
      match: { path: PathMatch.prefix('/p'), headers: [HeaderMatch.exact('x-a', 'b')], queryParams: [QueryParamMatch.exact('q', '1')], method: HttpMethod.GET },
      backend: Backend.service('svc', 80, { namespace: 'edge' }),
      namespace: 'edge',
      name: 'r-name',
      ...policies(),
      rewrite: Rewrite.replacePrefix('/'),
    }],
    call: (f, a) => f.gateway.addRoute(a[0], a[1]),
  },
  {
    name: 'new Route (matches, backends, redirect)',
    args: () => ['r', {
      hosts: ['a.example.com'],
      matches: [{ path: PathMatch.exact('/a') }, { path: PathMatch.regex('/b/[0-9]+') }],
      backends: [Backend.service('a', 80), Backend.service('b', 80)],
      redirect: Redirect.toHttps({ statusCode: RedirectStatus.PERMANENT_REDIRECT }),
    }],
    call: (f, a) => new Route(f.chart, a[0], { gateway: f.gateway, ...a[1] }),
  },
  {
    name: 'new Route (redirect only)',
    args: f => [{ gateway: f.gateway, hosts: ['a.example.com'], redirect: Redirect.to({ scheme: 'https', host: 'b.example.com', port: 8443, path: '/p', statusCode: RedirectStatus.FOUND }) }],
    call: (f, a) => new Route(f.gateway, 'redir', a[0]),
  },
  {
    name: 'new RateLimitedRoute',
    args: () => [{ hosts: ['a.example.com'], backend: Backend.service('a', 80), limit: RateLimit.perClientIp({ requests: 5, period: RateLimitPeriod.MINUTE }) }],
    call: (f, a) => new RateLimitedRoute(f.gateway, 'rl', { gateway: f.gateway, ...a[0] }),
  },
  {
    name: 'ApiGateway.addTlsHost',
    args: () => ['t', { hosts: ['api.example.com'], certificate: TlsCertificate.fromSecret('cert', { namespace: 'edge' }) }],
    call: (f, a) => f.gateway.addTlsHost(a[0], a[1]),
  },
  {
    name: 'new TlsHost',
    args: () => [{ hosts: ['web.example.com'], certificate: TlsCertificate.fromSecret('cert') }],
    call: (f, a) => new TlsHost(f.gateway, 'tls', { gateway: f.gateway, ...a[0] }),
  },
  {
    name: 'ApiGateway.addCanary',
    args: () => ['c', {
      canary: Backend.service('api-v2', 8080),
      traffic: CanaryTraffic.weight(10),
      hosts: ['api.example.com', 'web.example.com'],
      match: { path: PathMatch.prefix('/v1') },
      mirror: TrafficMirror.to(Backend.service('shadow', 8080), { percent: 5 }),
      name: 'canary-name',
    }],
    call: (f, a) => f.gateway.addCanary(a[0], { stable: f.route, ...a[1] }),
  },
  {
    name: 'new CanarySplit',
    args: f => [{ stable: f.route, canary: Backend.service('api-v2', 8080), traffic: CanaryTraffic.header('x-c', 'y') }],
    call: (f, a) => new CanarySplit(f.chart, 'cs', a[0]),
  },
  // Controllers.
  factory('Controller.ingressNginx', Controller.ingressNginx, () => [{ ingressClassName: 'nginx' }], (f, c) => new ApiGateway(f.chart, 'g', { controller: c })),
  factory('Controller.traefik', Controller.traefik, () => [{ output: TraefikOutput.INGRESS, ingressClassName: 'traefik', webEntryPoint: 'web', websecureEntryPoint: 'websecure' }],
    (f, c) => new ApiGateway(f.chart, 'g', { controller: c })),
  factory('Controller.kong', Controller.kong, () => [{ mode: KongMode.GATEWAY_API, ingressClassName: 'kong', gatewayClassName: 'kong', httpPort: 80, httpsPort: 443, experimentalChannel: false }],
    (f, c) => new ApiGateway(f.chart, 'g', { controller: c })),
  factory('Controller.gatewayApi', Controller.gatewayApi, () => [{ attachTo: { name: 'shared', namespace: 'infra', sectionName: 'https', kind: GatewayParentKind.LISTENER_SET } }],
    (f, c) => new ApiGateway(f.chart, 'g', { controller: c })),
  factory('Controller.envoyGateway', Controller.envoyGateway, () => [{ gatewayClassName: 'eg', httpPort: 8080, httpsPort: 8443, experimentalChannel: true }],
    (f, c) => new ApiGateway(f.chart, 'g', { controller: c })),
  factory('Controller.istio', Controller.istio, () => [{ attachTo: { name: 'shared', sectionNames: ['http', 'https'], port: 80 } }], (f, c) => new ApiGateway(f.chart, 'g', { controller: c })),
  // Backends and matches.
  factory('Backend.service', Backend.service, () => ['svc', 8080, { namespace: 'other' }], (f, b) => useValue(f, { backend: b })),
  factory('Backend.fromService', Backend.fromService, () => [new kplus.Service(new Chart(Testing.app(), 'k'), 'svc', { ports: [{ port: 80 }, { port: 81 }] }), { port: 80 }],
    (f, b) => useValue(f, { backend: b })),
  factory('Backend.fromServicePorts', Backend.fromServicePorts, () => ['svc', [{ port: 80, name: 'http' }, { port: 81 }], { port: 81, namespace: 'edge' }],
    (f, b) => useValue(f, { backend: b })),
  factory('PathMatch.exact', PathMatch.exact, () => ['/a'], (f, p) => useValue(f, { match: { path: p } })),
  factory('PathMatch.prefix', PathMatch.prefix, () => ['/a/'], (f, p) => useValue(f, { match: { path: p } })),
  factory('PathMatch.regex', PathMatch.regex, () => ['^/a/[0-9]+$'], (f, p) => useValue(f, { match: { path: p } })),
  factory('HeaderMatch.exact', HeaderMatch.exact, () => ['x-a', 'b'], (f, h) => useValue(f, { match: { headers: [h] } })),
  factory('HeaderMatch.regex', HeaderMatch.regex, () => ['x-a', '[a-z]+'], (f, h) => useValue(f, { match: { headers: [h] } })),
  factory('QueryParamMatch.exact', QueryParamMatch.exact, () => ['q', 'v'], (f, q) => useValue(f, { match: { queryParams: [q] } })),
  factory('TlsCertificate.fromSecret', TlsCertificate.fromSecret, () => ['cert', { namespace: 'edge' }], (f, c) => f.gateway.addTlsHost('t', { hosts: ['api.example.com'], certificate: c })),
  // Canaries.
  ...([
    ['CanaryTraffic.weight', CanaryTraffic.weight, () => [10]],
    ['CanaryTraffic.weights', CanaryTraffic.weights, () => [9, 1]],
    ['CanaryTraffic.parseWeight', CanaryTraffic.parseWeight, () => ['10']],
    ['CanaryTraffic.header', CanaryTraffic.header, () => ['x-c', 'on']],
    ['CanaryTraffic.headerPresent', CanaryTraffic.headerPresent, () => ['x-c']],
    ['CanaryTraffic.cookie', CanaryTraffic.cookie, () => ['canary']],
  ] as const).map(([name, fn, args]) => factory(name, fn as any, args, (f, t) => f.gateway.addCanary('c', { stable: f.route, canary: Backend.service('v2', 80), traffic: t }))),
  factory('TrafficMirror.to', TrafficMirror.to, () => [Backend.service('shadow', 80), { percent: 50 }],
    (f, m) => f.gateway.addCanary('c', { stable: f.route, canary: Backend.service('v2', 80), traffic: CanaryTraffic.weight(0), mirror: m })),
  // Policies.
  factory('RateLimit.perClientIp', RateLimit.perClientIp, () => [{
    requests: 10, period: RateLimitPeriod.SECOND, burst: 20, concurrentConnections: 3, exemptCidrs: ['10.0.0.0/8'], distributed: DistributedRateLimit.redis('redis:6379'),
  }], (f, p) => useValue(f, { rateLimit: p })),
  factory('RateLimit.perHeader', RateLimit.perHeader, () => ['x-key', { requests: 10, distributed: DistributedRateLimit.controllerStore() }], (f, p) => useValue(f, { rateLimit: p })),
  factory('RateLimit.perConsumer', RateLimit.perConsumer, () => [{ requests: 10 }], (f, p) => useValue(f, { rateLimit: p, auth: EdgeAuth.apiKey({ secretName: 'k' }) })),
  factory('DistributedRateLimit.redis', DistributedRateLimit.redis, () => ['redis.infra:6379', { secretName: 'redis', tls: true, database: 3, timeout: Duration.millis(250), ca: CaCertificates.fromSecret('redis-ca'), clientCertificateSecret: 'redis-client' }],
    (f, d) => useValue(f, { rateLimit: RateLimit.perClientIp({ requests: 1, distributed: d }) })),
  ...(['perClientIp', 'perHost', 'perRoute'] as const).map(k => factory(`ConcurrencyLimit.${k}`, ConcurrencyLimit[k], () => [{ maxRequests: 5 }],
    (f, c) => useValue(f, { concurrencyLimit: c }))),
  factory('Timeouts.of', Timeouts.of, () => [{ connect: Duration.seconds(1), read: Duration.seconds(2), send: Duration.seconds(3), request: Duration.seconds(9), backendRequest: Duration.seconds(4) }],
    (f, t) => useValue(f, { timeouts: t })),
  ...(['bytes', 'kibibytes', 'mebibytes', 'gibibytes'] as const).map(u => factory(`BodySize.${u}`, BodySize[u], () => [2], (f, b) => useValue(f, { bodySize: b }))),
  factory('Cors.allow', Cors.allow, () => [{ origins: ['https://a.example.com', 'https://*.b.example.com'], methods: ['GET'], headers: ['x-a'], exposeHeaders: ['x-b'], credentials: true, maxAge: Duration.minutes(1) }],
    (f, c) => useValue(f, { cors: c })),
  factory('HeaderRules.of', HeaderRules.of, () => [{ request: { set: { 'x-a': '1' }, add: { 'x-b': '2' }, remove: ['x-c'] }, response: { set: { 'x-d': '3' }, add: { 'x-e': '4' }, remove: ['x-f'] } }],
    (f, h) => useValue(f, { headerRules: h })),
  factory('Redirect.to', Redirect.to, () => [{ scheme: 'https', host: 'b.example.com', port: 8443, path: '/p', statusCode: RedirectStatus.SEE_OTHER }],
    (f, r) => f.gateway.addRoute('use', { hosts: ['use.example.com'], redirect: r })),
  factory('Redirect.to (replacePrefix)', Redirect.to, () => [{ replacePrefix: '/new' }], (f, r) => f.gateway.addRoute('use', { match: { path: PathMatch.prefix('/old') }, redirect: r })),
  factory('Redirect.toHttps', Redirect.toHttps, () => [{ statusCode: RedirectStatus.MOVED_PERMANENTLY }], (f, r) => useValue(f, { redirect: r })),
  factory('Rewrite.replacePrefix', Rewrite.replacePrefix, () => ['/'], (f, r) => useValue(f, { match: { path: PathMatch.prefix('/api') }, rewrite: r })),
  factory('Rewrite.replaceFullPath', Rewrite.replaceFullPath, () => ['/x'], (f, r) => useValue(f, { rewrite: r })),
  factory('Rewrite.hostname', Rewrite.hostname, () => ['internal.example.com'], (f, r) => useValue(f, { rewrite: r })),
  factory('IpAccess.allow', IpAccess.allow, () => [['10.0.0.0/8', '2001:db8::1']], (f, i) => useValue(f, { ipAccess: i })),
  factory('IpAccess.deny', IpAccess.deny, () => [['192.168.0.1']], (f, i) => useValue(f, { ipAccess: i })),
  factory('Retries.of', Retries.of, () => [{ attempts: 2, on: [RetryOn.CONNECT_FAILURE], statusCodes: [503], perTryTimeout: Duration.seconds(1) }], (f, r) => useValue(f, { retries: r })),
  factory('SessionAffinity.cookie', SessionAffinity.cookie, () => [{ name: 'c', ttl: Duration.hours(1), path: '/', secure: true, httpOnly: true, sameSite: SameSite.LAX }],
    (f, s) => useValue(f, { sessionAffinity: s })),
  factory('EdgeAuth.external', EdgeAuth.external, () => [{
    url: 'https://auth.example.com/v',
    responseHeaders: ['x-user'],
    signinUrl: 'https://auth.example.com/s',
    cache: Duration.minutes(1),
    requestHeaders: ['authorization'],
    forwardBody: BodySize.kibibytes(1),
    ca: CaCertificates.fromSecret('auth-ca'),
    clientCertificateSecret: 'auth-client',
  }],
  (f, a) => useValue(f, { auth: a })),
  factory('EdgeAuth.jwt', EdgeAuth.jwt, () => [{ issuer: 'https://i.example.com', jwksUri: 'https://i.example.com/jwks', audiences: ['a'], claimsToHeaders: [{ claim: 'sub', header: 'x-sub' }] }],
    (f, a) => useValue(f, { auth: a })),
  factory('EdgeAuth.apiKey', EdgeAuth.apiKey, () => [{ secretName: 'keys', header: 'x-key', queryParameter: 'x-key', removeKey: true }], (f, a) => useValue(f, { auth: a })),
  factory('EdgeAuth.jwtConsumerKeys', EdgeAuth.jwtConsumerKeys, () => [{ secretName: 'jwt-keys', keyClaim: 'kid' }], (f, a) => useValue(f, { auth: a })),
  factory('EdgeAuth.basic', EdgeAuth.basic, () => [{ secretName: 'users', realm: 'r' }], (f, a) => useValue(f, { auth: a })),
  factory('RoutePolicies.backendProtocol', (p: unknown) => p, () => [BackendProtocol.GRPC], (f, p) => useValue(f, { backendProtocol: p })),
  factory('RouteOptions.rawAnnotations', (raw: unknown, unsafe: unknown) => ({ rawAnnotations: raw, allowUnsafe: unsafe }),
    () => [{ 'external-dns.alpha.kubernetes.io/hostname': 'use.example.com', 'nginx.ingress.kubernetes.io/proxy-buffer-size': '8k' }, false],
    (f, props) => useValue(f, props)),
  // TLS.
  {
    name: 'ApiGateway.addTlsHost (terminate, every option)',
    args: () => ['t', {
      hosts: ['api.example.com'],
      certificate: TlsCertificate.fromSecret('cert'),
      mode: TlsMode.terminate(),
      httpsRedirect: true,
      hsts: Hsts.enable({ maxAge: Duration.days(365), includeSubdomains: true, preload: true }),
      minTlsVersion: TlsVersion.TLS_1_2,
      clientAuth: ClientAuth.optional(CaCertificates.fromConfigMap('client-ca')),
    }],
    call: (f, a) => f.gateway.addTlsHost(a[0], a[1]),
  },
  {
    name: 'ApiGateway.addTlsHost (passthrough)',
    args: () => ['p', { hosts: ['pass.example.com'], mode: TlsMode.passthrough(Backend.service('tls-app', 8443)) }],
    call: (f, a) => f.gateway.addTlsHost(a[0], a[1]),
  },
  factory('Hsts.enable', Hsts.enable, () => [{ maxAge: Duration.hours(1), includeSubdomains: false, preload: false }],
    (f, h) => f.gateway.addTlsHost('t', { hosts: ['api.example.com'], certificate: TlsCertificate.fromSecret('c'), hsts: h })),
  factory('ClientAuth.required', ClientAuth.required, () => [CaCertificates.fromSecret('ca')],
    (f, c) => f.gateway.addTlsHost('t', { hosts: ['api.example.com'], certificate: TlsCertificate.fromSecret('c'), clientAuth: c })),
  factory('CaCertificates.fromConfigMap', CaCertificates.fromConfigMap, () => ['ca-bundle'],
    (f, ca) => f.gateway.addTlsHost('t', { hosts: ['api.example.com'], certificate: TlsCertificate.fromSecret('c'), clientAuth: ClientAuth.optional(ca) })),
  factory('TlsMode.passthrough', TlsMode.passthrough, () => [Backend.service('tls-app', 8443)], (f, m) => f.gateway.addTlsHost('p', { hosts: ['pass.example.com'], mode: m })),
  factory('BackendTls.verify', BackendTls.verify, () => [{ hostname: 'api.internal', ca: CaCertificates.fromSecret('ca') }],
    (f, t) => useValue(f, { backend: Backend.service('secure', 8443, { tls: t }) })),
  factory('TlsCertificate.fromIssuer', TlsCertificate.fromIssuer, () => [ClusterIssuer.fromName('letsencrypt'), { secretName: 'issued', duration: Duration.days(90) }],
    (f, c) => f.gateway.addTlsHost('t', { hosts: ['api.example.com'], certificate: c })),
  // cert-manager.
  {
    name: 'new ClusterIssuer (ACME)',
    args: () => [{
      type: IssuerType.acme({
        server: AcmeServer.letsEncryptStaging(),
        email: 'ops@shop.dev',
        accountKeySecretName: 'acme-key',
        solvers: [
          AcmeSolver.http01Ingress('nginx', { selector: { dnsNames: ['a.shop.dev'] } }),
          AcmeSolver.dns01(Dns01Provider.cloudflare({ apiToken: { name: 'cf', key: 'token' } }), { selector: { dnsZones: ['shop.dev'] } }),
        ],
      }),
      name: 'staging',
    }],
    call: (f, a) => new ClusterIssuer(f.chart, 'issuer', a[0]),
  },
  {
    name: 'new Issuer (CA)',
    args: () => [{ type: IssuerType.ca({ secretName: 'root-ca' }), namespace: 'edge', name: 'internal' }],
    call: (f, a) => new Issuer(f.chart, 'issuer', a[0]),
  },
  {
    name: 'new Certificate',
    args: () => [{
      issuer: ClusterIssuer.fromName('letsencrypt'),
      dnsNames: ['a.shop.dev'],
      secretName: 'a-cert',
      namespace: 'edge',
      name: 'a',
      duration: Duration.days(90),
      renewBefore: Duration.days(30),
      privateKeyAlgorithm: PrivateKeyAlgorithm.ECDSA,
      privateKeySize: 256,
    }],
    call: (f, a) => new Certificate(f.chart, 'cert', a[0]),
  },
  factory('IssuerType.acme', IssuerType.acme, () => [{
    server: AcmeServer.letsEncryptStaging(),
    email: 'ops@shop.dev',
    solvers: [AcmeSolver.http01Ingress('nginx', { selector: { dnsNames: ['a.shop.dev'] } }), AcmeSolver.http01()],
  }], (f, t) => new ClusterIssuer(f.chart, 'i', { type: t })),
  factory('AcmeSolver.dns01', AcmeSolver.dns01, () => [Dns01Provider.cloudflare({ apiToken: { name: 'cf', key: 'token' } }), { selector: { dnsNames: ['a.shop.dev'], dnsZones: ['shop.dev'] } }],
    (f, sol) => new ClusterIssuer(f.chart, 'i', { type: IssuerType.acme({ server: AcmeServer.letsEncryptStaging(), solvers: [sol] }) })),
  factory('AcmeServer.custom', AcmeServer.custom, () => ['https://acme.example.org/directory'],
    (f, srv) => new ClusterIssuer(f.chart, 'i', { type: IssuerType.acme({ server: srv, solvers: [AcmeSolver.http01()] }) })),
  factory('AcmeSolver.http01Gateway', AcmeSolver.http01Gateway, () => ['edge', { namespace: 'infra', sectionName: 'http', selector: { dnsNames: ['x.shop.dev'] } }],
    (f, sol) => new ClusterIssuer(f.chart, 'i', { type: IssuerType.acme({ server: AcmeServer.letsEncryptStaging(), solvers: [sol] }) })),
  ...([
    ['Dns01Provider.route53', Dns01Provider.route53, () => [{ region: 'eu-west-1', hostedZoneId: 'Z123', role: 'arn:aws:iam::1:role/dns', accessKeyId: { name: 'aws', key: 'id' }, secretAccessKey: { name: 'aws', key: 'secret' } }]],
    ['Dns01Provider.googleCloudDns', Dns01Provider.googleCloudDns, () => [{ project: 'p1', serviceAccount: { name: 'gcp', key: 'sa.json' } }]],
    ['Dns01Provider.rfc2136', Dns01Provider.rfc2136, () => [{ nameserver: '10.0.0.53', tsigKeyName: 'k', tsigAlgorithm: TsigAlgorithm.HMAC_SHA256, tsigSecret: { name: 't', key: 'k' } }]],
    ['Dns01Provider.webhook', Dns01Provider.webhook, () => [{ groupName: 'acme.shop.dev', solverName: 'mydns', config: { a: 1 } }]],
  ] as const).map(([name, fn, args]) => factory(name, fn as any, args as any,
    (f, prov) => new ClusterIssuer(f.chart, 'i', { type: IssuerType.acme({ server: AcmeServer.letsEncryptStaging(), solvers: [AcmeSolver.dns01(prov)] }) }))),
  factory('Issuer.fromName', Issuer.fromName, () => ['local', 'edge'], (f, i) => f.gateway.addTlsHost('t', { hosts: ['api.example.com'], certificate: TlsCertificate.fromIssuer(i) })),
];

/** One invalid call: a site, a controller, a position inside the arguments and the garbage put there. */
export interface InvalidCase { readonly site: number; readonly controller: ControllerName; readonly position: number; readonly garbage: unknown }

export const invalidCaseArb: fc.Arbitrary<InvalidCase> = fc.record({
  site: fc.nat({ max: SITES.length - 1 }),
  controller: fc.constantFrom(...CONTROLLER_NAMES),
  position: fc.nat(),
  garbage: garbageArb,
});

const CONSTRUCTS = '(ApiGateway|Route|RateLimitedRoute|TlsHost|CanarySplit|ClusterIssuer|Issuer|Certificate)';
/** `[path] Construct.prop...` (thrown at the call) */
const THROWN_AT_CONSTRUCT = new RegExp(`^\\[[^\\]\\n]+\\] ${CONSTRUCTS}(\\.[A-Za-z]|\\[|: |:$)`);
/** `Factory.field...: problem` (thrown by a factory, before any construct exists) */
const THROWN_BY_FACTORY = /^[A-Z][A-Za-z]+\.[A-Za-z]+[^\n]*: /;
const STANDARD = /^.+ \([^()]+\) is not supported by controller '[^']+': .+\. Supported by: .+\.$/;
const FIELD = new RegExp(`^${CONSTRUCTS}(\\.[A-Za-z][A-Za-z0-9]*(\\[\\d+\\]|\\['[^'\\n]*'\\])?)*: \\S`);

/** Why an error is not one of the library's own, or undefined when it is. */
export function notOurs(e: unknown): string | undefined {
  if (!(e instanceof Error)) return `threw a non-Error: ${String(e)}`;
  if (e.constructor !== Error && !(e instanceof PolicyError)) return `threw ${e.constructor.name}: ${e.message.split('\n')[0]}`;
  const message = e.message;
  if (/internal error/i.test(message)) return `internal error: ${message}`;
  const header = 'Validation failed with the following errors:\n';
  if (message.startsWith(header)) {
    for (const line of message.slice(header.length).split('\n')) {
      const m = /^ {2}\[([^\]]+)\] (.*)$/.exec(line);
      if (!m) return `validation line not in the '[path] message' format: ${JSON.stringify(line)}`;
      if (!STANDARD.test(m[2]) && !FIELD.test(m[2])) return `validation message not in the library's format: ${line}`;
    }
    return undefined;
  }
  const first = message.split('\n')[0];
  if (THROWN_AT_CONSTRUCT.test(first) || THROWN_BY_FACTORY.test(first)) return undefined;
  return `message names neither the construct path nor the factory field: ${first.slice(0, 300)}`;
}
