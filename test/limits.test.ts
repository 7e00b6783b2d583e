import { Duration, Testing } from 'cdk8s';
import { ApiGateway, Backend, CanaryTraffic, ClientIp, ConcurrencyLimit, Controller, DistributedRateLimit, RateLimit, Warnings } from '../src';
import { roundTripProblems } from './property/roundtrip';
import { CONTROLLERS, newChart, synthError } from './util';
import { ControllerName } from '../src/capabilities/features';
import { issuersBySecret, readCertManager } from '../src/cert-manager/reader';
import { routeTableOf } from '../src/checks/route-table';
import { generateCode } from '../src/import/codegen';
import { planImport } from '../src/import/plan';
import { readerFor } from '../src/import/readers';

/**
 * Issue #17, limits: the Redis store's connection settings (and, below, concurrency limits) read
 * back to the same intent on every column that renders them, and print as compiling intent code.
 */

function synthGateway(controller: ControllerName, addRoutes: (gw: ApiGateway) => void): { gw: ApiGateway; objects: any[] } {
  const chart = newChart();
  const gw = new ApiGateway(chart, 'edge', { controller: CONTROLLERS[controller]() });
  addRoutes(gw);
  return { gw, objects: Testing.synth(chart) };
}

function codeOf(controller: ControllerName, gw: ApiGateway, objects: any[]): string {
  const plan = planImport({ gateways: [gw._gatewayIr()], certManager: readCertManager(objects), issuersBySecret: issuersBySecret(objects) });
  return generateCode(plan, { controller, importFrom: 'cdk8s-gateway' });
}

describe('Redis connection settings', () => {
  const REDIS: ControllerName[] = ['traefik', 'traefik-ingress', 'kong', 'kong-gateway-api'];
  const store = () => DistributedRateLimit.redis('redis.infra.svc.cluster.local:6380', { secretName: 'redis-auth', tls: true, database: 2, timeout: Duration.millis(1500) });

  test.each(REDIS)('%s: TLS, database and timeout read back to the same store; the code prints them', (c) => {
    const { gw, objects } = synthGateway(c, g => g.addRoute('api', {
      hosts: ['api.example.com'], backend: Backend.service('api', 80), rateLimit: RateLimit.perHeader('x-api-key', { requests: 10, distributed: store() }),
    }));
    expect(roundTripProblems(c, gw, objects)).toEqual([]);
    const read = routeTableOf(readerFor(c)!.read(objects).gateways);
    expect(read.routes.map(r => r.policies.rateLimit?.distributed)).toEqual([
      { kind: 'redis', endpoint: 'redis.infra.svc.cluster.local:6380', secretName: 'redis-auth', tls: true, database: 2, timeoutMs: 1500 },
    ]);
    expect(codeOf(c, gw, objects)).toContain([
      "distributed: DistributedRateLimit.redis('redis.infra.svc.cluster.local:6380', {",
      "      secretName: 'redis-auth',",
      '      tls: true,',
      '      database: 2,',
      '      timeout: Duration.millis(1500),',
      '    }),',
    ].join('\n'));
  });

  test.each(REDIS)('%s: database 0 is the unset database (one spelling); no setting renders nothing new', (c) => {
    const zero = synthGateway(c, g => g.addRoute('api', {
      hosts: ['api.example.com'],
      backend: Backend.service('api', 80),
      rateLimit: RateLimit.perClientIp({ requests: 10, distributed: DistributedRateLimit.redis('redis:6379', { database: 0, tls: false }) }),
    })).objects;
    const unset = synthGateway(c, g => g.addRoute('api', {
      hosts: ['api.example.com'],
      backend: Backend.service('api', 80),
      rateLimit: RateLimit.perClientIp({ requests: 10, distributed: DistributedRateLimit.redis('redis:6379') }),
    })).objects;
    expect(zero).toEqual(unset);
  });
});

describe('concurrency limits (requests in progress, no rate)', () => {
  const cases: Array<[ControllerName, () => ConcurrencyLimit, ClientIp | undefined]> = [
    ['ingress-nginx', () => ConcurrencyLimit.perClientIp({ maxRequests: 10 }), undefined],
    ['traefik', () => ConcurrencyLimit.perClientIp({ maxRequests: 10 }), ClientIp.xForwardedFor({ trustedHops: 2 })],
    ['traefik', () => ConcurrencyLimit.perHost({ maxRequests: 500 }), undefined],
    ['traefik-ingress', () => ConcurrencyLimit.perClientIp({ maxRequests: 10 }), undefined],
    ['traefik-ingress', () => ConcurrencyLimit.perHost({ maxRequests: 500 }), undefined],
    ['envoy-gateway', () => ConcurrencyLimit.perRoute({ maxRequests: 200 }), undefined],
  ];

  test.each(cases)('%s: %p reads back to the same limit and prints as its factory', (c, limit, clientIp) => {
    const chart = newChart();
    const gw = new ApiGateway(chart, 'edge', { controller: CONTROLLERS[c](), clientIp });
    gw.addRoute('api', { hosts: ['api.example.com'], backend: Backend.service('api', 80), concurrencyLimit: limit() });
    const objects = Testing.synth(chart);
    expect(roundTripProblems(c, gw, objects)).toEqual([]);
    const ir = limit()._toIR('x');
    const read = routeTableOf(readerFor(c)!.read(objects).gateways).routes[0].policies.concurrencyLimit;
    expect(read).toEqual({ key: ir.key, maxRequests: ir.maxRequests, ...(clientIp ? { clientIpHops: 2 } : {}) });
    const factory = { clientIp: 'perClientIp', host: 'perHost', route: 'perRoute' }[ir.key];
    expect(codeOf(c, gw, objects)).toContain(`concurrencyLimit: ConcurrencyLimit.${factory}({ maxRequests: ${ir.maxRequests} }),`);
    if (clientIp) expect(codeOf(c, gw, objects)).toContain('clientIp: ClientIp.xForwardedFor({ trustedHops: 2 })');
  });

  test('ingress-nginx: a rate limit beside a per-client concurrency limit reads back (limit-connections is the same limit either way)', () => {
    const { gw, objects } = synthGateway('ingress-nginx', g => g.addRoute('api', {
      hosts: ['api.example.com'],
      backend: Backend.service('api', 80),
      rateLimit: RateLimit.perClientIp({ requests: 10 }),
      concurrencyLimit: ConcurrencyLimit.perClientIp({ maxRequests: 4 }),
    }));
    expect(objects[0].metadata.annotations).toMatchObject({
      'nginx.ingress.kubernetes.io/limit-rps': '10',
      'nginx.ingress.kubernetes.io/limit-connections': '4',
    });
    expect(roundTripProblems('ingress-nginx', gw, objects)).toEqual([]);
  });

  test('a route cannot carry both rateLimit.concurrentConnections and ConcurrencyLimit.perClientIp (one limit, two spellings)', () => {
    const chart = newChart();
    const gw = new ApiGateway(chart, 'edge', { controller: Controller.ingressNginx(), defaults: { rateLimit: RateLimit.perClientIp({ requests: 10, concurrentConnections: 5 }) } });
    expect(() => gw.addRoute('api', { backend: Backend.service('api', 80), concurrencyLimit: ConcurrencyLimit.perClientIp({ maxRequests: 3 }) })).toThrow(
      '[test/edge/api] Route.concurrencyLimit: ConcurrencyLimit.perClientIp() and rateLimit.concurrentConnections (from test/edge) both limit the requests in progress per client address; keep one');
    // Per host and per client are different limits: both are fine.
    gw.addRoute('other', { backend: Backend.service('api', 80), concurrencyLimit: ConcurrencyLimit.perHost({ maxRequests: 3 }) });
  });

  test('envoy-gateway: a route limit is refused where Envoy would count it per backend (weights, canaries)', () => {
    const chart = newChart();
    const gw = new ApiGateway(chart, 'edge', { controller: Controller.envoyGateway() });
    gw.addRoute('api', {
      hosts: ['api.example.com'],
      backends: [Backend.service('a', 80, { weight: 1 }), Backend.service('b', 80, { weight: 1 })],
      concurrencyLimit: ConcurrencyLimit.perRoute({ maxRequests: 20 }),
    });
    const stable = gw.addRoute('web', { hosts: ['web.example.com'], backend: Backend.service('web', 80), concurrencyLimit: ConcurrencyLimit.perRoute({ maxRequests: 20 }) });
    gw.addCanary('next', { stable, canary: Backend.service('web-v2', 80), traffic: CanaryTraffic.weight(10) });
    const lines = synthError(chart)?.split('\n').map(l => l.trim());
    const message = (path: string, why: string) => `[${path}] Requests in progress per route (concurrencyLimit) is not supported by controller 'envoy-gateway': `
      + `Envoy Gateway counts circuit-breaker requests per backend of each route rule, and ${why}, so the limit would apply to each separately; give the route one backend and rule. Supported by: none.`;
    expect(lines).toContain(message('test/edge/api', 'the route has 2 backends'));
    expect(lines).toContain(message('test/edge/web', 'a canary adds a backend to the route'));
  });

  test('a per-client limit reads the client address: warns client-ip-behind-proxy until the gateway declares clientIp', () => {
    const chart = newChart();
    const gw = new ApiGateway(chart, 'edge', { controller: Controller.traefik() });
    gw.addRoute('api', { backend: Backend.service('api', 80), concurrencyLimit: ConcurrencyLimit.perClientIp({ maxRequests: 3 }) });
    gw.addRoute('host', { hosts: ['api.example.com'], backend: Backend.service('api', 80), concurrencyLimit: ConcurrencyLimit.perHost({ maxRequests: 3 }) });
    expect(Warnings.of(chart).all.filter(w => w.id === 'client-ip-behind-proxy').map(w => [w.path, w.message.split(':')[0]])).toEqual([['test/edge/api', 'concurrencyLimit']]);
  });

  test.each<[string, () => unknown, string]>([
    ['no options', () => ConcurrencyLimit.perRoute(undefined as any), 'ConcurrencyLimit.perRoute: options are required (at least `maxRequests`)'],
    ['zero', () => ConcurrencyLimit.perClientIp({ maxRequests: 0 }), 'ConcurrencyLimit.perClientIp.maxRequests: 0 must be a whole number from 1 to 65535'],
    ['NaN', () => ConcurrencyLimit.perHost({ maxRequests: NaN }), 'ConcurrencyLimit.perHost.maxRequests: NaN must be a whole number from 1 to 65535'],
    ['a string', () => ConcurrencyLimit.perHost({ maxRequests: '5' as any }), "ConcurrencyLimit.perHost.maxRequests: '5' must be a whole number from 1 to 65535"],
    ['too many', () => ConcurrencyLimit.perRoute({ maxRequests: 65536 }), 'ConcurrencyLimit.perRoute.maxRequests: 65536 must be a whole number from 1 to 65535'],
    ['a plain object as the policy', () => new ApiGateway(newChart(), 'gw', { controller: Controller.traefik() }).addRoute('r', { backend: Backend.service('a', 80), concurrencyLimit: { maxRequests: 3 } as any }),
      '[test/gw/r] Route.concurrencyLimit: must be created with ConcurrencyLimit.perClientIp() / perHost() / perRoute()'],
  ])('invalid input: %s', (_, f, message) => {
    expect(f).toThrow(message);
  });
});

describe('Redis settings the intent cannot express are unmapped, never read as another intent', () => {
  const withRedis = (c: ControllerName) => synthGateway(c, g => g.addRoute('api', {
    hosts: ['api.example.com'],
    backend: Backend.service('api', 80),
    rateLimit: RateLimit.perHeader('x-api-key', { requests: 10, distributed: DistributedRateLimit.redis('redis.infra:6380', { tls: true }) }),
  })).objects;
  const unmapped = (c: ControllerName, objects: any[]) => readerFor(c)!.read(objects).items.filter(i => i.reason !== undefined).map(i => `${i.object} ${i.field}: ${i.reason}`);

  test('kong: ssl without ssl_verify (an unverified TLS connection) is unmapped', () => {
    const objects = withRedis('kong');
    const plugin = objects.find(o => o.kind === 'KongPlugin');
    plugin.config.redis.ssl_verify = false;
    expect(unmapped('kong', objects)).toEqual(expect.arrayContaining([
      expect.stringMatching(/config\.redis\.ssl: redis 'ssl' is not modelled by the intent \(TLS is ssl \+ ssl_verify \+ server_name: the host\)$/),
    ]));
  });

  test('kong-gateway-api: a server_name other than the host is not a modelled rate limit', () => {
    const objects = withRedis('kong-gateway-api');
    const plugin = objects.find(o => o.kind === 'KongPlugin');
    plugin.config.redis.server_name = 'other.example.com';
    expect(unmapped('kong-gateway-api', objects).join('\n')).toContain('the intent models the Redis host, port, database, timeout and verified TLS (server_name, ssl, ssl_verify not modelled)');
  });

  test.each<[string, (redis: any) => void]>([
    ['TLS without verification', r => { r.tls = { insecureSkipVerify: true }; }],
    ['a CA Secret without insecureSkipVerify: false', r => { r.tls = { caSecret: 'redis-ca' }; }],
    ['different read and write timeouts', r => { r.readTimeout = '1s'; r.writeTimeout = '2s'; }],
    ['a pool size', r => { r.poolSize = 20; }],
  ])('traefik: %s is unmapped', (_, change) => {
    const objects = withRedis('traefik');
    change(objects.find(o => o.kind === 'Middleware' && o.spec.rateLimit).spec.rateLimit.redis);
    expect(unmapped('traefik', objects).join('\n')).toContain('spec.rateLimit.redis: one Redis endpoint, an optional credentials Secret, verified TLS (system CAs or a CA Secret');
  });
});
