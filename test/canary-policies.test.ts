import { ApiGateway, Backend, CanaryTraffic, Controller, Cors, EdgeAuth, PathMatch } from '../src';
import { CONTROLLERS, newChart, synthConformant, synthError } from './util';

function build(controller: Controller, traffic: CanaryTraffic) {
  const chart = newChart();
  const gw = new ApiGateway(chart, 'edge', { controller });
  const stable = gw.addRoute('api', {
    hosts: ['api.example.com'],
    match: { path: PathMatch.prefix('/v1') },
    backend: Backend.service('api-v1', 8080),
    cors: Cors.allow({ origins: ['https://web.example.com'] }),
  });
  gw.addCanary('canary', { stable, canary: Backend.service('api-v2', 8080), traffic });
  return chart;
}

describe('canaries and the stable route\'s policies', () => {
  test.each(['traefik', 'envoy-gateway', 'istio', 'gateway-api'] as const)('a header canary that would bypass the policies is refused on %s', (controller) => {
    const error = synthError(build(CONTROLLERS[controller](), CanaryTraffic.header('x-canary', 'always')));
    expect(error).toContain(`[test/edge/canary] CanarySplit.traffic: on ${controller} a header canary is served by routing objects of its own, which would not carry the policies of [test/edge/api] (cors)`);
  });

  test('ingress-nginx applies the main Ingress configuration to its canary: allowed', () => {
    const objects = synthConformant(build(Controller.ingressNginx(), CanaryTraffic.header('x-canary', 'always')));
    expect(objects.map(o => o.metadata.name)).toEqual(['edge-api', 'edge-canary']);
  });

  test.each(['traefik', 'envoy-gateway', 'gateway-api'] as const)('a weighted canary keeps the policies on %s (same router / rule)', (controller) => {
    const objects = synthConformant(build(CONTROLLERS[controller](), CanaryTraffic.weight(10)));
    const text = JSON.stringify(objects);
    expect(text).toContain('api-v2');
    expect(text).toContain('https://web.example.com');
  });

  test('on Gateway API the canary weights and the CORS filter share the stable rule', () => {
    const objects = synthConformant(build(Controller.gatewayApi({ gatewayClassName: 'gc' }), CanaryTraffic.weight(10)));
    const route = objects.find(o => o.kind === 'HTTPRoute' && o.metadata.name === 'edge-api');
    expect(route.spec.rules).toHaveLength(1);
    expect(route.spec.rules[0].filters.map((f: any) => f.type)).toEqual(['CORS']);
    expect(route.spec.rules[0].backendRefs.map((b: any) => [b.name, b.weight])).toEqual([['api-v1', 90], ['api-v2', 10]]);
  });

  test('auth on the stable route also blocks a header canary on Kong', () => {
    const chart = newChart();
    const gw = new ApiGateway(chart, 'edge', { controller: Controller.kong() });
    const stable = gw.addRoute('api', { hosts: ['api.example.com'], backend: Backend.service('api-v1', 8080), auth: EdgeAuth.apiKey({ secretName: 'keys' }) });
    gw.addCanary('canary', { stable, canary: Backend.service('api-v2', 8080), traffic: CanaryTraffic.header('x-canary', 'always') });
    expect(synthError(chart)).toContain('CanarySplit.traffic: on kong a header canary is served by routing objects of its own, which would not carry the policies of [test/edge/api] (auth)');
  });
});
