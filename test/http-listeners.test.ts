import { roundTripProblems } from './property/roundtrip';
import { expectImportRoundTrip, expectOwnError } from './tls-feature-helpers';
import { CONTROLLERS, newChart, synthConformant, synthError } from './util';
import { AcmeServer, AcmeSolver, ApiGateway, Backend, ClusterIssuer, Controller, HttpListeners, IssuerType, PathMatch, RouteProtocols, TlsCertificate } from '../src';
import { ControllerName } from '../src/capabilities/features';
import { routeTable } from '../src/checks/route-table';
import { GATEWAY_API_READER } from '../src/controllers/gateway-api/reader';

/*
 * ApiGateway.httpListeners: HttpListeners.PER_HOST (issue #12): the owned Gateway gets one HTTP
 * listener per hostname, and everything that listens for plain HTTP moves with it: routes (a
 * wildcard route also onto the listeners under it), the TlsHost's HTTPS redirect, cert-manager's
 * HTTP-01 solver (by port), the default backend and routes without hosts (the listener without a
 * hostname, kept for them). The capability cells are in test/capabilities.test.ts.
 */

const GATEWAY_API: readonly ControllerName[] = ['gateway-api', 'envoy-gateway', 'istio', 'kong-gateway-api'];

function app(controller: Controller, extra: { defaultBackend?: boolean; hostless?: boolean } = {}) {
  const chart = newChart();
  const gw = new ApiGateway(chart, 'edge', {
    controller, httpListeners: HttpListeners.PER_HOST, defaultBackend: extra.defaultBackend ? Backend.service('fallback', 80) : undefined,
  });
  gw.addTlsHost('tls', { hosts: ['api.example.com'], certificate: TlsCertificate.fromSecret('api-cert') });
  gw.addRoute('api', { hosts: ['api.example.com'], backend: Backend.service('api', 80) });
  gw.addRoute('wild', { hosts: ['**.example.com'], backend: Backend.service('wild', 80) });
  gw.addRoute('www', { hosts: ['www.example.com'], match: { path: PathMatch.prefix('/shop') }, backend: Backend.service('shop', 80) });
  if (extra.hostless) gw.addRoute('any', { match: { path: PathMatch.prefix('/status') }, backend: Backend.service('status', 80) });
  return { chart, gw };
}

const named = (objects: any[], kind: string, name: string) => objects.find(o => o.kind === kind && o.metadata.name === name);
const sections = (o: any) => (o.spec.parentRefs as any[]).map(p => p.sectionName);
const httpListeners = (objects: any[]) => (named(objects, 'Gateway', 'edge').spec.listeners as any[])
  .filter(l => l.protocol === 'HTTP').map(l => [l.name, l.hostname ?? null]);

test('one HTTP listener per hostname; the wildcard route also on the listeners under it; the redirect on its host\'s listener', () => {
  const objects = synthConformant(app(CONTROLLERS['gateway-api']()).chart);
  expect(httpListeners(objects)).toEqual([
    ['http-wildcard-example-com', '*.example.com'],
    ['http-api-example-com', 'api.example.com'],
    ['http-www-example-com', 'www.example.com'],
  ]);
  expect(sections(named(objects, 'HTTPRoute', 'edge-api'))).toEqual(['https-api-example-com']);
  expect(sections(named(objects, 'HTTPRoute', 'edge-www'))).toEqual(['http-www-example-com']);
  expect(sections(named(objects, 'HTTPRoute', 'edge-wild'))).toEqual(['http-api-example-com', 'http-wildcard-example-com', 'http-www-example-com']);
  expect(sections(named(objects, 'HTTPRoute', 'edge-tls-https-redirect'))).toEqual(['http-api-example-com']);
});

test('a route without hosts and the default backend keep the listener without a hostname; they attach to every listener', () => {
  const objects = synthConformant(app(CONTROLLERS['envoy-gateway'](), { defaultBackend: true, hostless: true }).chart);
  expect(httpListeners(objects)[0]).toEqual(['http', null]);
  expect(named(objects, 'HTTPRoute', 'edge-any').spec.parentRefs).toEqual([{ name: 'edge' }]);
  expect(named(objects, 'HTTPRoute', 'edge-default-backend').spec.parentRefs).toEqual([{ name: 'edge' }]);
});

test('an HTTP-only route without hosts attaches to every HTTP listener', () => {
  const { chart, gw } = app(CONTROLLERS.istio());
  gw.addRoute('plain', { match: { path: PathMatch.prefix('/plain') }, backend: Backend.service('plain', 80), protocols: RouteProtocols.HTTP_ONLY });
  // The TlsHost redirects: a route without hosts would also serve its host, so it is refused.
  expect(synthError(chart)).toContain('[test/edge/plain] Route.protocols: HTTP_ONLY serves the route on plain HTTP only, but [test/edge/tls] redirects');
  const chart2 = newChart();
  const gw2 = new ApiGateway(chart2, 'edge', { controller: CONTROLLERS.istio(), httpListeners: HttpListeners.PER_HOST });
  gw2.addRoute('www', { hosts: ['www.example.com'], backend: Backend.service('www', 80) });
  gw2.addRoute('plain', { backend: Backend.service('plain', 80), protocols: RouteProtocols.HTTP_ONLY });
  const objects = synthConformant(chart2);
  expect(sections(named(objects, 'HTTPRoute', 'edge-plain'))).toEqual(['http', 'http-www-example-com']);
  expect(roundTripProblems('istio', gw2, objects)).toEqual([]);
});

test('cert-manager\'s HTTP-01 solver attaches by the HTTP port (every per-host listener)', () => {
  const chart = newChart();
  const le = new ClusterIssuer(chart, 'le', { type: IssuerType.acme({ server: AcmeServer.letsEncryptStaging(), email: 'ops@shop.dev', solvers: [AcmeSolver.http01()] }) });
  const gw = new ApiGateway(chart, 'edge', { controller: CONTROLLERS['gateway-api'](), httpListeners: HttpListeners.PER_HOST });
  gw.addTlsHost('tls', { hosts: ['api.example.com'], certificate: TlsCertificate.fromIssuer(le) });
  gw.addRoute('api', { hosts: ['api.example.com'], backend: Backend.service('api', 80) });
  const issuer = named(synthConformant(chart), 'ClusterIssuer', 'le');
  expect(issuer.spec.acme.solvers[0].http01.gatewayHTTPRoute.parentRefs).toEqual([{ kind: 'Gateway', name: 'edge', namespace: 'edge', port: 80 }]);
});

test.each(GATEWAY_API)('%s reads the per-host listeners back (round trip, route table and ApiGateway option)', (c) => {
  const { chart, gw } = app(CONTROLLERS[c](), { defaultBackend: true, hostless: true });
  const objects = synthConformant(chart);
  expect(roundTripProblems(c, gw, objects)).toEqual([]);
  expect(routeTable(gw._gatewayIr()).httpListeners).toBe('per-host');
});

test.each(['ingress-nginx', 'traefik', 'kong'] as const)('%s: nothing to render, and the round trip holds', (c) => {
  const chart = newChart();
  const gw = new ApiGateway(chart, 'edge', { controller: CONTROLLERS[c](), httpListeners: HttpListeners.PER_HOST });
  gw.addRoute('www', { hosts: ['www.example.com'], backend: Backend.service('www', 80) });
  expect(roundTripProblems(c, gw, synthConformant(chart))).toEqual([]);
});

test('the reader maps hostnamed HTTP listeners to HttpListeners.PER_HOST, and a lost layout fails the round trip', () => {
  const { chart } = app(CONTROLLERS['gateway-api']());
  const objects = synthConformant(chart);
  const read = GATEWAY_API_READER.read(objects);
  expect(read.gateways[0].httpListeners).toBe('per-host');
  expect(read.items.find(i => i.field === 'spec.listeners[0]')?.to).toMatch(/HttpListeners.PER_HOST/);
  const shared = new ApiGateway(newChart(), 'edge', { controller: CONTROLLERS['gateway-api']() });
  shared.addRoute('www', { hosts: ['www.example.com'], backend: Backend.service('www', 80) });
  expect(roundTripProblems('gateway-api', shared, objects).join('\n')).toMatch(/httpListeners/);
});

test('import codegen prints the option, and building the plan gives the same gateway', () => {
  expectImportRoundTrip(app(CONTROLLERS['gateway-api']()).gw, 'gateway-api', 'httpListeners: HttpListeners.PER_HOST,');
});

test('refused with attachTo: the existing Gateway\'s listeners are its owner\'s', () => {
  const chart = newChart();
  new ApiGateway(chart, 'edge', { controller: Controller.gatewayApi({ attachTo: { name: 'shared', namespace: 'infra' } }), httpListeners: HttpListeners.PER_HOST })
    .addRoute('www', { hosts: ['www.example.com'], backend: Backend.service('www', 80) });
  expect(synthError(chart)).toContain("[test/edge] One plain-HTTP listener per hostname (httpListeners) is not supported by controller 'gateway-api': this ApiGateway attaches to the existing Gateway 'shared', whose owner lays out its listeners");
});

test('beyond 64 listeners, synth fails naming the count', () => {
  const chart = newChart();
  const gw = new ApiGateway(chart, 'edge', { controller: CONTROLLERS['gateway-api'](), httpListeners: HttpListeners.PER_HOST });
  for (let i = 0; i < 65; i++) gw.addRoute(`r${i}`, { hosts: [`h${i}.example.com`], backend: Backend.service('www', 80) });
  expect(synthError(chart)).toContain('[test/edge] ApiGateway.httpListeners: needs 65 Gateway listeners (65 HTTP, one per hostname, and 0 for TLS hostnames) but a Gateway holds at most 64');
});

test('two hostnames giving one listener name are refused', () => {
  const chart = newChart();
  const gw = new ApiGateway(chart, 'edge', { controller: CONTROLLERS['gateway-api'](), httpListeners: HttpListeners.PER_HOST });
  gw.addRoute('a', { hosts: ['a-b.example.com'], backend: Backend.service('www', 80) });
  gw.addRoute('b', { hosts: ['a.b-example.com'], backend: Backend.service('www', 80) });
  expect(synthError(chart)).toContain("ApiGateway.httpListeners: 'a.b-example.com' and 'a-b.example.com' both need the Gateway listener 'http-a-b-example-com'");
});

test.each([true, false])('routes of two ApiGateways on per-host listeners of one owned Gateway conflict only on the same listener (different: %s)', (different) => {
  const chart = newChart();
  const owner = new ApiGateway(chart, 'edge', { controller: CONTROLLERS['gateway-api'](), httpListeners: HttpListeners.PER_HOST });
  owner.addRoute('a', { hosts: ['a.example.com'], backend: Backend.service('a', 80) });
  owner.addRoute('b', { hosts: ['b.example.com'], backend: Backend.service('b', 80) });
  for (const host of ['a', 'b']) {
    new ApiGateway(chart, `team-${host}`, { controller: Controller.gatewayApi({ attachTo: { name: 'edge', sectionNames: [`http-${different ? host : 'a'}-example-com`] } }) })
      .addRoute('catch', { match: { path: PathMatch.prefix('/team') }, backend: Backend.service(host, 80) });
  }
  if (different) expect(synthError(chart)).toBeUndefined();
  else expect(synthError(chart)).toMatch(/team-a\/catch[\s\S]*team-b\/catch|team-b\/catch[\s\S]*team-a\/catch/);
});

test('bad input names the field', () => {
  expectOwnError(() => new ApiGateway(newChart(), 'edge', { controller: CONTROLLERS['gateway-api'](), httpListeners: 'PER_HOST' as any }),
    "[test/edge] ApiGateway.httpListeners: 'PER_HOST' is not an HttpListeners value (SHARED, PER_HOST)");
});
