import { roundTripProblems } from './property/roundtrip';
import { CONTROLLERS, newChart, synthConformant, synthError } from './util';
import { ApiGateway, Backend, BackendProtocol, CanaryTraffic, HeaderRules, Retries, RetryOn, TrafficMirror } from '../src';
import { unsupportedMessage } from '../src/capabilities/check';
import { ControllerName } from '../src/capabilities/features';
import { generateCode } from '../src/import/codegen';
import { planImport } from '../src/import/plan';
import { readerFor } from '../src/import/readers';

/*
 * Issue #12: header changes of one backend (Gateway API backendRefs[].filters), rendered where
 * the column has them, read back to the same route table, refused elsewhere.
 */

const V1 = () => HeaderRules.of({ request: { set: { 'x-version': 'v1' } }, response: { add: { 'x-served-by': 'v1' } } });
const V2 = () => HeaderRules.of({ request: { set: { 'x-version': 'v2' }, remove: ['x-debug'] } });

function render(controller: ControllerName, grpc = false) {
  const chart = newChart();
  const gw = new ApiGateway(chart, 'gw', { controller: CONTROLLERS[controller]() });
  gw.addRoute('r', {
    hosts: ['api.example.com'],
    backendProtocol: grpc ? BackendProtocol.GRPC : undefined,
    backends: [Backend.service('api-v1', 8080, { weight: 9, headers: V1() }), Backend.service('api-v2', 8080, { weight: 1, headers: V2() })],
  });
  return { chart, gw };
}

describe('per-backend header rules on the Gateway API columns', () => {
  test.each(['envoy-gateway', 'istio'] as const)('%s: backendRefs[].filters, both sides; read back to the same route table', (controller) => {
    for (const grpc of [false, true]) {
      const { chart, gw } = render(controller, grpc);
      const objects = synthConformant(chart);
      const route = objects.find(o => o.kind === (grpc ? 'GRPCRoute' : 'HTTPRoute'));
      expect(route.spec.rules[0].backendRefs).toEqual([
        {
          name: 'api-v1',
          port: 8080,
          weight: 9,
          filters: [
            { type: 'RequestHeaderModifier', requestHeaderModifier: { set: [{ name: 'x-version', value: 'v1' }] } },
            { type: 'ResponseHeaderModifier', responseHeaderModifier: { add: [{ name: 'x-served-by', value: 'v1' }] } },
          ],
        },
        { name: 'api-v2', port: 8080, weight: 1, filters: [{ type: 'RequestHeaderModifier', requestHeaderModifier: { set: [{ name: 'x-version', value: 'v2' }], remove: ['x-debug'] } }] },
      ]);
      // The route's own filters are untouched.
      expect(route.spec.rules[0].filters).toBeUndefined();
      expect(roundTripProblems(controller, gw, objects)).toEqual([]);
    }
  });

  test('portable gateway-api: the request side on an HTTPRoute; the response side and GRPCRoute are refused', () => {
    const chart = newChart();
    const gw = new ApiGateway(chart, 'gw', { controller: CONTROLLERS['gateway-api']() });
    gw.addRoute('r', { backends: [Backend.service('a', 80, { headers: V2() }), Backend.service('b', 80)] });
    const objects = synthConformant(chart);
    expect(objects.find(o => o.kind === 'HTTPRoute').spec.rules[0].backendRefs[0].filters).toEqual([
      { type: 'RequestHeaderModifier', requestHeaderModifier: { set: [{ name: 'x-version', value: 'v2' }], remove: ['x-debug'] } },
    ]);
    expect(roundTripProblems('gateway-api', gw, objects)).toEqual([]);

    expect(synthError(render('gateway-api').chart)).toContain(`[test/gw/r] ${unsupportedMessage('gateway-api', 'backendResponseHeaders', 'backends[0].headers.response')}`);
    const grpc = newChart();
    new ApiGateway(grpc, 'gw', { controller: CONTROLLERS['gateway-api']() })
      .addRoute('r', { backendProtocol: BackendProtocol.GRPC, backends: [Backend.service('a', 80, { headers: V2() }), Backend.service('b', 80)] });
    expect(synthError(grpc)).toContain(`[test/gw/r] ${unsupportedMessage('gateway-api', 'backendRequestHeaders', 'backends[0].headers.request',
      'GRPCRoute backendRefs[].filters are implementation-specific (the conformance feature HTTPRouteBackendRequestHeaderModification covers HTTPRoute only); choose Controller.envoyGateway() or Controller.istio()')}`);
  });

  test('traefik: a headers Middleware per backend on its IngressRoute service; read back to the same route table', () => {
    const chart = newChart();
    const gw = new ApiGateway(chart, 'gw', { controller: CONTROLLERS.traefik() });
    gw.addRoute('r', {
      hosts: ['api.example.com'],
      backends: [
        Backend.service('api-v1', 8080, { weight: 9, headers: HeaderRules.of({ request: { set: { 'x-version': 'v1' } }, response: { remove: ['server'] } }) }),
        Backend.service('api-v2', 8080, { weight: 1, headers: V2() }),
      ],
    });
    const objects = synthConformant(chart);
    expect(objects.find(o => o.kind === 'IngressRoute').spec.routes[0].services).toEqual([
      { name: 'api-v1', port: 8080, weight: 9, middlewares: [{ name: 'gw-r-api-v1-8080-headers' }] },
      { name: 'api-v2', port: 8080, weight: 1, middlewares: [{ name: 'gw-r-api-v2-8080-headers' }] },
    ]);
    const middlewares = Object.fromEntries(objects.filter(o => o.kind === 'Middleware').map(o => [o.metadata.name, o.spec]));
    expect(middlewares).toEqual({
      'gw-r-api-v1-8080-headers': { headers: { customRequestHeaders: { 'x-version': 'v1' }, customResponseHeaders: { server: '' } } },
      'gw-r-api-v2-8080-headers': { headers: { customRequestHeaders: { 'x-debug': '', 'x-version': 'v2' } } },
    });
    expect(roundTripProblems('traefik', gw, objects)).toEqual([]);
  });

  test('traefik refuses appending and the Host header on a backend, naming the field', () => {
    const refused = (headers: HeaderRules) => {
      const chart = newChart();
      new ApiGateway(chart, 'gw', { controller: CONTROLLERS.traefik() }).addRoute('r', { backend: Backend.service('a', 80, { headers }) });
      return synthError(chart);
    };
    expect(refused(HeaderRules.of({ response: { add: { 'x-a': 'b' } } }))).toContain(`[test/gw/r] ${unsupportedMessage('traefik', 'backendResponseHeaders', 'backend.headers.response.add',
      'Traefik\'s headers middleware replaces values; it cannot append')}`);
    expect(refused(HeaderRules.of({ request: { remove: ['Host'] } }))).toContain(`[test/gw/r] ${unsupportedMessage('traefik', 'backendRequestHeaders', 'backend.headers.request',
      'Traefik keeps the request host outside the header list; set it with the route\'s Rewrite.hostname')}`);
  });

  // Audit (issue #12): Traefik's Ingress output has one backend per path, so its own header rules
  // are the innermost router middleware, as the IngressRoute output's service middleware.
  test('traefik-ingress: the one backend\'s headers Middleware last in router.middlewares; read back to the same route table', () => {
    const chart = newChart();
    const gw = new ApiGateway(chart, 'gw', { controller: CONTROLLERS['traefik-ingress']() });
    gw.addRoute('r', {
      hosts: ['api.example.com'],
      headerRules: HeaderRules.of({ request: { set: { 'x-route': 'r' } } }),
      retries: Retries.of({ attempts: 2, on: [RetryOn.CONNECT_FAILURE] }),
      backend: Backend.service('api-v1', 8080, { headers: HeaderRules.of({ request: { set: { 'x-version': 'v1' } }, response: { remove: ['server'] } }) }),
    });
    const objects = synthConformant(chart);
    expect(objects.find(o => o.kind === 'Ingress').metadata.annotations['traefik.ingress.kubernetes.io/router.middlewares'])
      .toBe('edge-gw-r-headers@kubernetescrd,edge-gw-r-retry@kubernetescrd,edge-gw-r-api-v1-8080-headers@kubernetescrd');
    expect(objects.find(o => o.kind === 'Middleware' && o.metadata.name === 'gw-r-api-v1-8080-headers').spec)
      .toEqual({ headers: { customRequestHeaders: { 'x-version': 'v1' }, customResponseHeaders: { server: '' } } });
    expect(roundTripProblems('traefik-ingress', gw, objects)).toEqual([]);
    // Alone in the chain it is still the backend's (named for the path's backend), not the route's.
    const alone = newChart();
    const gw2 = new ApiGateway(alone, 'gw', { controller: CONTROLLERS['traefik-ingress']() });
    gw2.addRoute('r', { backend: Backend.service('api-v1', 8080, { headers: V2() }) });
    expect(roundTripProblems('traefik-ingress', gw2, synthConformant(alone))).toEqual([]);
  });

  test('traefik-ingress refuses appending on a backend, naming the field', () => {
    const chart = newChart();
    new ApiGateway(chart, 'gw', { controller: CONTROLLERS['traefik-ingress']() })
      .addRoute('r', { backend: Backend.service('a', 80, { headers: HeaderRules.of({ response: { add: { 'x-a': 'b' } } }) }) });
    expect(synthError(chart)).toContain(`[test/gw/r] ${unsupportedMessage('traefik-ingress', 'backendResponseHeaders', 'backend.headers.response.add',
      'Traefik\'s headers middleware replaces values; it cannot append')}`);
  });

  test.each(['ingress-nginx', 'kong', 'kong-gateway-api'] as const)('%s refuses them with the standard message', (controller) => {
    expect(synthError(render(controller).chart)).toContain(`[test/gw/r] ${unsupportedMessage(controller, 'backendRequestHeaders', 'backends[0].headers.request')}`);
  });

  test('a weighted pair with header rules is read back as weighted backends (not a canary) and imported as code', () => {
    const { chart, gw } = render('envoy-gateway');
    const objects = synthConformant(chart);
    const read = readerFor('envoy-gateway')!.read(objects);
    expect(read.gateways[0].canaries).toEqual([]);
    expect(read.gateways[0].routes[0].backends.map(b => b.headers)).toEqual(gw._gatewayIr().routes[0].backends.map(b => b.headers));
    const code = generateCode(planImport({ gateways: read.gateways }), { controller: 'envoy-gateway', importFrom: '../src' });
    expect(code).toContain("import { ApiGateway, Backend, Controller, HeaderRules } from '../src';");
    expect(code).toContain("headers: HeaderRules.of({ request: { set: { 'x-version': 'v1' } }, response: { add: { 'x-served-by': 'v1' } } }),");
    expect(code).toContain("headers: HeaderRules.of({ request: { set: { 'x-version': 'v2' }, remove: ['x-debug'] } }),");
  });
});

describe('per-backend header rules: intent errors', () => {
  const gateway = () => new ApiGateway(newChart(), 'gw', { controller: CONTROLLERS.istio() });

  test('a header changed by the route and by a backend', () => {
    expect(() => gateway().addRoute('r', {
      headerRules: HeaderRules.of({ request: { add: { 'X-Version': 'any' } } }),
      backends: [Backend.service('a', 80), Backend.service('b', 80, { headers: V2() })],
    })).toThrow("Route.backends[1].headers.request: header 'x-version' is also changed by the route's headerRules; change it in one place");
  });

  test('header rules only on a route\'s backends', () => {
    const gw = gateway();
    expect(() => gw.addRoute('r', { backend: Backend.service('a', 80), mirrors: [TrafficMirror.to(Backend.service('m', 80, { headers: V2() }))] }))
      .toThrow("Backend.service('m', 80): headers: only a route's backends take header rules");
    const stable = gw.addRoute('s', { backend: Backend.service('a', 80) });
    expect(() => gw.addCanary('c', { stable, canary: Backend.service('b', 80, { headers: V2() }), traffic: CanaryTraffic.weight(10) }))
      .toThrow("Backend.service('b', 80): headers: only a route's backends take header rules");
  });

  test('a canary of a route whose backend has header rules', () => {
    const gw = gateway();
    const stable = gw.addRoute('s', { backend: Backend.service('a', 80, { headers: V2() }) });
    expect(() => gw.addCanary('c', { stable, canary: Backend.service('b', 80), traffic: CanaryTraffic.weight(10) }))
      .toThrow('has a backend with header rules (Backend headers); a canary of that route is not supported');
  });

  test('Strict-Transport-Security is the TlsHost\'s', () => {
    expect(() => gateway().addRoute('r', { backend: Backend.service('a', 80, { headers: HeaderRules.of({ response: { set: { 'Strict-Transport-Security': 'max-age=1' } } }) }) }))
      .toThrow('headers: Strict-Transport-Security is a TlsHost setting (hsts), not a backend\'s');
  });
});
