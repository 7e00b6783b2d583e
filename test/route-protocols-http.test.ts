import { roundTripProblems } from './property/roundtrip';
import { expectImportRoundTrip, expectOwnError } from './tls-feature-helpers';
import { CONTROLLERS, newChart, synthConformant, synthError } from './util';
import { ApiGateway, Backend, CanaryTraffic, Controller, KongMode, PathMatch, Redirect, RouteProtocols, TlsCertificate } from '../src';
import { ControllerName } from '../src/capabilities/features';
import { routeTable } from '../src/checks/route-table';
import { GATEWAY_API_READER } from '../src/controllers/gateway-api/reader';
import { KongIngressReader } from '../src/controllers/kong/reader';

/*
 * Route.protocols: RouteProtocols.HTTP_ONLY serves a route on plain HTTP only (issue #17). The
 * capability cells (a route without hosts) are in test/capabilities.test.ts; this file covers a
 * TlsHost that serves plain HTTP too, the conflict with a TlsHost's redirect, attached Gateways,
 * canaries, readers, round trips, codegen and bad inputs.
 */

const GATEWAY_API: readonly ControllerName[] = ['gateway-api', 'envoy-gateway', 'istio', 'kong-gateway-api'];

/** api.example.com with HTTPS and plain HTTP (no redirect): /legacy on plain HTTP only, the rest on both. */
function plainAndTls(controller: Controller) {
  const chart = newChart();
  const gw = new ApiGateway(chart, 'edge', { controller });
  gw.addTlsHost('tls', { hosts: ['api.example.com'], certificate: TlsCertificate.fromSecret('api-cert'), httpsRedirect: false });
  gw.addRoute('legacy', { hosts: ['api.example.com'], match: { path: PathMatch.prefix('/legacy') }, backend: Backend.service('legacy', 80), protocols: RouteProtocols.HTTP_ONLY });
  gw.addRoute('web', { hosts: ['api.example.com'], backend: Backend.service('web', 80) });
  return { chart, gw };
}

const named = (objects: any[], kind: string, name: string) => objects.find(o => o.kind === kind && o.metadata.name === name);
const sections = (o: any) => (o.spec.parentRefs as any[]).map(p => p.sectionName);

test.each(['gateway-api', 'envoy-gateway', 'istio'] as const)('%s: the HTTP-only route attaches to the HTTP listener only, the other route to both', (c) => {
  const objects = synthConformant(plainAndTls(CONTROLLERS[c]()).chart);
  expect(sections(named(objects, 'HTTPRoute', 'edge-legacy'))).toEqual(['http']);
  expect(sections(named(objects, 'HTTPRoute', 'edge-web'))).toEqual(['http', 'https-api-example-com']);
});

test('Kong (both modes): konghq.com/protocols: http on the HTTP-only route only', () => {
  const ingress = synthConformant(plainAndTls(CONTROLLERS.kong()).chart);
  expect(named(ingress, 'Ingress', 'edge-legacy').metadata.annotations['konghq.com/protocols']).toBe('http');
  expect(named(ingress, 'Ingress', 'edge-web').metadata.annotations?.['konghq.com/protocols']).toBeUndefined();
  const gwapi = synthConformant(plainAndTls(CONTROLLERS['kong-gateway-api']()).chart);
  expect(named(gwapi, 'HTTPRoute', 'edge-legacy').metadata.annotations['konghq.com/protocols']).toBe('http');
  expect(sections(named(gwapi, 'HTTPRoute', 'edge-legacy'))).toEqual(['http']);
  expect(named(gwapi, 'HTTPRoute', 'edge-web').metadata.annotations?.['konghq.com/protocols']).toBeUndefined();
});

test.each([...GATEWAY_API, 'kong'] as const)('%s reads the HTTP-only route back to the same route table', (c) => {
  const { chart, gw } = plainAndTls(CONTROLLERS[c]());
  expect(roundTripProblems(c, gw, synthConformant(chart))).toEqual([]);
  expect(routeTable(gw._gatewayIr()).routes.filter(r => r.protocols === 'http').map(r => r.match.path)).toEqual([{ kind: 'Prefix', value: '/legacy' }]);
});

test.each([...GATEWAY_API, 'kong'] as const)('%s: a route without hosts, HTTP-only, reads back', (c) => {
  const chart = newChart();
  const gw = new ApiGateway(chart, 'edge', { controller: CONTROLLERS[c]() });
  gw.addRoute('plain', { backend: Backend.service('web', 80), protocols: RouteProtocols.HTTP_ONLY });
  expect(roundTripProblems(c, gw, synthConformant(chart))).toEqual([]);
});

test('a lost HTTP-only setting fails the round trip (the route table carries it)', () => {
  const { chart, gw } = plainAndTls(CONTROLLERS['gateway-api']());
  const objects = synthConformant(chart).map(o => (o.kind === 'HTTPRoute' && o.metadata.name === 'edge-legacy'
    ? { ...o, spec: { ...o.spec, parentRefs: [{ name: 'edge', sectionName: 'http' }, { name: 'edge', sectionName: 'https-api-example-com' }] } } : o));
  expect(roundTripProblems('gateway-api', gw, objects).join('\n')).toMatch(/protocols/);
});

test('Gateway API: a canary of an HTTP-only route attaches to the HTTP listener too', () => {
  const { chart, gw } = plainAndTls(CONTROLLERS['gateway-api']());
  const stable = gw.node.findChild('legacy') as any;
  gw.addCanary('beta', { stable, canary: Backend.service('legacy-v2', 80), traffic: CanaryTraffic.header('x-beta', 'on') });
  const objects = synthConformant(chart);
  expect(sections(named(objects, 'HTTPRoute', 'edge-beta'))).toEqual(['http']);
});

test('refused under a TlsHost that redirects plain HTTP, naming the TlsHost (all 8 columns)', () => {
  for (const c of Object.keys(CONTROLLERS) as ControllerName[]) {
    const chart = newChart();
    const gw = new ApiGateway(chart, 'edge', { controller: CONTROLLERS[c]() });
    gw.addTlsHost('tls', { hosts: ['api.example.com'], certificate: TlsCertificate.fromSecret('api-cert') });
    gw.addRoute('web', { hosts: ['api.example.com'], backend: Backend.service('web', 80) });
    gw.addRoute('legacy', { hosts: ['api.example.com'], match: { path: PathMatch.prefix('/legacy') }, backend: Backend.service('legacy', 80), protocols: RouteProtocols.HTTP_ONLY });
    expect([c, synthError(chart)]).toEqual([c, expect.stringContaining(
      '[test/edge/legacy] Route.protocols: HTTP_ONLY serves the route on plain HTTP only, but [test/edge/tls] redirects plain HTTP of the same hosts to HTTPS (httpsRedirect), so the route would serve nothing; set httpsRedirect: false on the TlsHost, or remove protocols')]);
  }
});

test('a route without hosts is refused when any TlsHost of the gateway redirects', () => {
  const chart = newChart();
  const gw = new ApiGateway(chart, 'edge', { controller: CONTROLLERS['gateway-api']() });
  gw.addTlsHost('tls', { hosts: ['api.example.com'], certificate: TlsCertificate.fromSecret('api-cert') });
  gw.addRoute('web', { hosts: ['api.example.com'], backend: Backend.service('web', 80) });
  gw.addRoute('plain', { backend: Backend.service('plain', 80), protocols: RouteProtocols.HTTP_ONLY });
  expect(synthError(chart)).toContain('[test/edge/plain] Route.protocols: HTTP_ONLY serves the route on plain HTTP only, but [test/edge/tls] redirects plain HTTP of its hosts (this route has no hosts, so it serves them too)');
});

test('a TLS host served only by HTTP-only routes is refused (its HTTPS would reach nothing)', () => {
  const chart = newChart();
  const gw = new ApiGateway(chart, 'edge', { controller: CONTROLLERS.kong() });
  gw.addTlsHost('tls', { hosts: ['api.example.com'], certificate: TlsCertificate.fromSecret('api-cert'), httpsRedirect: false });
  gw.addRoute('legacy', { hosts: ['api.example.com'], backend: Backend.service('legacy', 80), protocols: RouteProtocols.HTTP_ONLY });
  expect(synthError(chart)).toContain("[test/edge/tls] TlsHost.hosts: 'api.example.com' is served only by routes on plain HTTP only (RouteProtocols.HTTP_ONLY: [test/edge/legacy])");
});

test('an attached Gateway: refused where the HTTP listener is unknown, Kong renders its annotation', () => {
  const attached = (controller: Controller) => {
    const chart = newChart();
    new ApiGateway(chart, 'edge', { controller }).addRoute('plain', { hosts: ['api.example.com'], backend: Backend.service('web', 80), protocols: RouteProtocols.HTTP_ONLY });
    return chart;
  };
  expect(synthError(attached(Controller.gatewayApi({ attachTo: { name: 'shared', namespace: 'infra' } })))).toContain(
    "[test/edge/plain] HTTP-only route (not served over HTTPS) (protocols) is not supported by controller 'gateway-api': HTTP_ONLY attaches the route to the Gateway's HTTP listener, and this ApiGateway attaches to the existing Gateway 'shared', whose listeners it does not own");
  const kong = synthConformant(attached(Controller.kong({ mode: KongMode.GATEWAY_API, attachTo: { name: 'shared', namespace: 'infra' } })));
  expect(named(kong, 'HTTPRoute', 'edge-plain').metadata.annotations['konghq.com/protocols']).toBe('http');
});

test('Kong reader: konghq.com/protocols: http is RouteProtocols.HTTP_ONLY', () => {
  const read = new KongIngressReader().read([{
    apiVersion: 'networking.k8s.io/v1',
    kind: 'Ingress',
    metadata: { name: 'legacy', namespace: 'apps', annotations: { 'konghq.com/protocols': 'http' } },
    spec: {
      ingressClassName: 'kong',
      rules: [{ host: 'api.example.com', http: { paths: [{ path: '/', pathType: 'Prefix', backend: { service: { name: 'legacy', port: { number: 80 } } } }] } }],
    },
  }]);
  expect(read.gateways[0].routes[0].protocols).toBe('http');
  expect(read.items.find(i => i.field.includes('konghq.com/protocols'))?.to).toMatch(/RouteProtocols.HTTP_ONLY/);
});

test('import codegen prints the enum member, and building the plan gives the same intent', () => {
  expectImportRoundTrip(plainAndTls(CONTROLLERS.kong()).gw, 'kong', 'protocols: RouteProtocols.HTTP_ONLY,');
});

describe('bad inputs name the field', () => {
  const route = (extra: object) => () => new ApiGateway(newChart(), 'edge', { controller: CONTROLLERS.kong() })
    .addRoute('r', { hosts: ['api.example.com'], backend: Backend.service('api', 80), ...extra });
  test.each<[string, () => unknown, string]>([
    ['a string', route({ protocols: 'http' }), "[test/edge/r] Route.protocols: 'http' is not a RouteProtocols value (HTTPS_ONLY, HTTP_ONLY)"],
    ['with Redirect.toHttps()', route({ protocols: RouteProtocols.HTTP_ONLY, redirect: Redirect.toHttps() }),
      "[test/edge/r] Route.protocols: HTTP_ONLY serves plain HTTP only, and the route's redirect changes the scheme to https; remove one of them"],
  ])('%s', (_, f, expected) => expectOwnError(f, expected));
});

test('Gateway API reader: an HTTPRoute on the HTTP listener only is HTTP-only where the host has an HTTPS listener (or no host)', () => {
  const gateway = {
    apiVersion: 'gateway.networking.k8s.io/v1',
    kind: 'Gateway',
    metadata: { name: 'edge', namespace: 'apps' },
    spec: {
      gatewayClassName: 'eg',
      listeners: [
        { name: 'http', port: 80, protocol: 'HTTP' },
        { name: 'https-a', hostname: 'a.example.com', port: 443, protocol: 'HTTPS', tls: { mode: 'Terminate', certificateRefs: [{ kind: 'Secret', name: 'a-cert' }] } },
      ],
    },
  };
  const route = (name: string, hostnames: string[] | undefined, sectionNames: string[]) => ({
    apiVersion: 'gateway.networking.k8s.io/v1',
    kind: 'HTTPRoute',
    metadata: { name, namespace: 'apps' },
    spec: {
      parentRefs: sectionNames.map(sectionName => ({ name: 'edge', sectionName })),
      ...(hostnames ? { hostnames } : {}),
      rules: [{ matches: [{ path: { type: 'PathPrefix', value: `/${name}` } }], backendRefs: [{ name, port: 80 }] }],
    },
  });
  const read = GATEWAY_API_READER.read([gateway,
    route('legacy', ['a.example.com'], ['http']),
    route('site', ['a.example.com'], ['http', 'https-a']),
    route('plain', ['b.example.com'], ['http']),
    route('any', undefined, ['http'])]);
  const protocols = Object.fromEntries(read.gateways[0].routes.map((r: any) => [r.name, r.protocols ?? null]));
  expect(protocols).toEqual({ legacy: 'http', site: null, plain: null, any: 'http' });
});
