import { roundTripProblems } from './property/roundtrip';
import { expectImportRoundTrip } from './tls-feature-helpers';
import { CONTROLLERS, newChart, synthConformant, synthError } from './util';
import { ApiGateway, Backend, ClientIp, ConcurrencyLimit, RateLimit } from '../src';
import { ControllerName } from '../src/capabilities/features';
import { routeTable } from '../src/checks/route-table';

/*
 * RateLimit.perClientIp({ concurrentConnections }) on Traefik: an inFlightReq Middleware of its
 * own, so that it stands beside a route's ConcurrencyLimit.perHost() (issue #17). The cells
 * alone are in test/capabilities.test.ts; this file covers the two limits together.
 */

function both(controller: ControllerName, clientIp?: ClientIp) {
  const chart = newChart();
  const gw = new ApiGateway(chart, 'edge', { controller: CONTROLLERS[controller](), clientIp });
  gw.addRoute('r', {
    hosts: ['api.example.com'],
    backend: Backend.service('api', 80),
    rateLimit: RateLimit.perClientIp({ requests: 10, concurrentConnections: 4 }),
    concurrencyLimit: ConcurrencyLimit.perHost({ maxRequests: 500 }),
  });
  return { chart, gw };
}

test('Traefik: two inFlightReq Middlewares, the client\'s right after the rate, then the host\'s', () => {
  const objects = synthConformant(both('traefik', ClientIp.xForwardedFor({ trustedHops: 2 })).chart);
  const spec = (name: string) => objects.find(o => o.kind === 'Middleware' && o.metadata.name === name)?.spec;
  expect(spec('edge-r-inflightreq-client')).toEqual({ inFlightReq: { amount: 4, sourceCriterion: { ipStrategy: { depth: 2 } } } });
  expect(spec('edge-r-inflightreq')).toEqual({ inFlightReq: { amount: 500, sourceCriterion: { requestHost: true } } });
  const route = objects.find(o => o.kind === 'IngressRoute').spec.routes[0];
  expect(route.middlewares.map((m: { name: string }) => m.name)).toEqual(['edge-r-ratelimit', 'edge-r-inflightreq-client', 'edge-r-inflightreq']);
});

test('the Ingress output references both Middlewares in the same order', () => {
  const ingress = synthConformant(both('traefik-ingress').chart).find(o => o.kind === 'Ingress');
  expect(ingress.metadata.annotations['traefik.ingress.kubernetes.io/router.middlewares'])
    .toBe('edge-edge-r-ratelimit@kubernetescrd,edge-edge-r-inflightreq-client@kubernetescrd,edge-edge-r-inflightreq@kubernetescrd');
});

test.each<[ControllerName, ClientIp | undefined]>([
  ['traefik', undefined], ['traefik', ClientIp.xForwardedFor({ trustedHops: 1 })], ['traefik-ingress', undefined],
])('%s reads both limits back to the same route table', (controller, clientIp) => {
  const { chart, gw } = both(controller, clientIp);
  expect(roundTripProblems(controller, gw, synthConformant(chart))).toEqual([]);
  const policies = routeTable(gw._gatewayIr()).routes[0].policies;
  expect(policies.rateLimit?.concurrentConnections).toBe(4);
  expect(policies.concurrencyLimit).toEqual({ key: 'host', maxRequests: 500 });
});

test('alone, the rate limit\'s connections read back as the same limit as ConcurrencyLimit.perClientIp()', () => {
  const chart = newChart();
  const gw = new ApiGateway(chart, 'edge', { controller: CONTROLLERS.traefik() });
  gw.addRoute('r', { hosts: ['api.example.com'], backend: Backend.service('api', 80), rateLimit: RateLimit.perClientIp({ requests: 10, concurrentConnections: 4 }) });
  expect(roundTripProblems('traefik', gw, synthConformant(chart))).toEqual([]);
  expect(routeTable(gw._gatewayIr()).routes[0].policies.concurrencyLimit).toEqual({ key: 'clientIp', maxRequests: 4 });
});

test('import codegen prints both limits, and building the plan gives the same intent', () => {
  expectImportRoundTrip(both('traefik').gw, 'traefik', 'concurrentConnections: 4');
});

test('ingress-nginx still refuses the per-host limit beside it (one refusal, naming the per-host cell)', () => {
  expect(synthError(both('ingress-nginx').chart)).toContain("Requests in progress per host (concurrencyLimit) is not supported by controller 'ingress-nginx'");
});

test('a per-client concurrency limit beside the rate limit\'s connections stays an error (one limit, two spellings)', () => {
  const gw = new ApiGateway(newChart(), 'edge', { controller: CONTROLLERS.traefik() });
  expect(() => gw.addRoute('r', {
    backend: Backend.service('api', 80),
    rateLimit: RateLimit.perClientIp({ requests: 10, concurrentConnections: 4 }),
    concurrencyLimit: ConcurrencyLimit.perClientIp({ maxRequests: 5 }),
  })).toThrow(/both limit the requests in progress per client address; keep one/);
});
