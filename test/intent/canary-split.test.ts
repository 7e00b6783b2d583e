import { ApiObject, Chart, Testing } from 'cdk8s';
import {
  ApiGateway, Backend, CanarySplit, CanaryTraffic, Controller, HeaderMatch, PathMatch, RouteMatch, TlsCertificate, TrafficMirror,
} from '../../src';
import { unsupportedMessage } from '../../src/capabilities/check';
import { CONTROLLER_NAMES, ControllerName } from '../../src/capabilities/features';
import { CAPABILITIES } from '../../src/capabilities/matrix';
import { CONTROLLERS, newChart, synthConformant, synthError } from '../util';

/** A gateway with the primer's stable route: api.example.com /v1 -> api-v1:8080. */
function stableRoute(controller: Controller = Controller.envoyGateway()) {
  const chart = newChart();
  const gw = new ApiGateway(chart, 'edge', { controller });
  const v1 = gw.addRoute('v1', { hosts: ['api.example.com'], match: { path: PathMatch.prefix('/v1') }, backend: Backend.service('api-v1', 8080) });
  return { chart, gw, v1 };
}

const CANARY = Backend.service('api-v2', 8080);

/** Asserts the error starts with the construct path and names the prop. */
function expectThrows(make: () => unknown, message: RegExp) {
  let error: unknown;
  try {
    make();
  } catch (e) {
    error = e;
  }
  expect(error).toBeInstanceOf(Error);
  expect(error).not.toBeInstanceOf(TypeError);
  expect((error as Error).message).toMatch(/^\[test\/edge\/canary\] CanarySplit\./);
  expect((error as Error).message).toMatch(message);
}

describe('CanarySplit: weights', () => {
  test.each([
    [CanaryTraffic.weight(101), /CanarySplit.traffic: CanaryTraffic.weight\(101\): 101 is not a whole percentage from 0 to 100/],
    [CanaryTraffic.weight(-1), /CanaryTraffic.weight\(-1\): -1 is not a whole percentage/],
    [CanaryTraffic.weight(10.5), /CanaryTraffic.weight\(10.5\): 10.5 is not a whole percentage/],
    [CanaryTraffic.weight(NaN), /NaN is not a whole percentage/],
    [CanaryTraffic.weight(undefined as any), /undefined is not a whole percentage/],
    [CanaryTraffic.weight('10' as any), /'?10'? is not a whole percentage|10 is not a whole percentage/],
    [CanaryTraffic.weights(-1, 5), /CanaryTraffic.weights\(-1, 5\): the stable weight -1 is not a whole number from 0 to 1,000,000/],
    [CanaryTraffic.weights(5, 1_000_001), /the canary weight 1000001 is not a whole number from 0 to 1,000,000/],
    [CanaryTraffic.weights(1.5, 2), /the stable weight 1.5 is not a whole number/],
    [CanaryTraffic.weights(0, 0), /CanaryTraffic.weights\(0, 0\): all weights are zero/],
  ])('rejects %s', (traffic, message) => {
    const { gw, v1 } = stableRoute();
    expectThrows(() => gw.addCanary('canary', { stable: v1, canary: CANARY, traffic }), message);
  });

  test.each([
    ['10%'], ['7.5'], [''], ['  '], ['abc'], ['101'], ['-5'], ['1e1'], ['0x10'], ['10\n20'],
  ])('parseWeight rejects %p naming the construct and the text', (text) => {
    const { gw, v1 } = stableRoute();
    expectThrows(() => gw.addCanary('canary', { stable: v1, canary: CANARY, traffic: CanaryTraffic.parseWeight(text) }),
      /CanarySplit.traffic: CanaryTraffic.parseWeight\(.*\): .* is not a whole percentage from 0 to 100/);
  });

  test('parseWeight rejects a missing value without a TypeError', () => {
    const { gw, v1 } = stableRoute();
    expectThrows(() => gw.addCanary('canary', { stable: v1, canary: CANARY, traffic: CanaryTraffic.parseWeight(undefined as any) }),
      /CanaryTraffic.parseWeight\(undefined\): undefined is not a whole percentage/);
  });

  test('parseWeight accepts a whole percentage with surrounding spaces', () => {
    const { gw, v1 } = stableRoute();
    const canary = gw.addCanary('canary', { stable: v1, canary: CANARY, traffic: CanaryTraffic.parseWeight(' 25\n') });
    expect(canary._ir.traffic).toEqual({ kind: 'weight', stable: 75, canary: 25 });
  });
});

describe('CanarySplit: what it splits', () => {
  test('the canary must differ from the stable backend', () => {
    const { gw, v1 } = stableRoute();
    expectThrows(() => gw.addCanary('canary', { stable: v1, canary: Backend.service('api-v1', 8080), traffic: CanaryTraffic.weight(10) }),
      /CanarySplit.canary: edge\/api-v1:8080 is the stable route's own backend; a canary must be another Service or port/);
    expectThrows(() => gw.addCanary('canary', { stable: v1, canary: Backend.service('api-v1', 8080, { namespace: 'edge' }), traffic: CanaryTraffic.weight(10) }),
      /is the stable route's own backend/);
    expect(gw.addCanary('other-port', { stable: v1, canary: Backend.service('api-v1', 9090), traffic: CanaryTraffic.weight(10) })).toBeInstanceOf(CanarySplit);
  });

  test('a host the stable route does not serve has no stable route', () => {
    const { gw, v1 } = stableRoute();
    expectThrows(() => gw.addCanary('canary', { stable: v1, hosts: ['web.example.com'], canary: CANARY, traffic: CanaryTraffic.weight(10) }),
      /CanarySplit.hosts\[0\]: no stable route for host 'web.example.com': \[test\/edge\/v1\] serves 'api.example.com'/);
    expectThrows(() => gw.addCanary('canary', { stable: v1, hosts: [], canary: CANARY, traffic: CanaryTraffic.weight(10) }), /CanarySplit.hosts: list at least one host/);
    expectThrows(() => gw.addCanary('canary', { stable: v1, hosts: ['API.example.com'], canary: CANARY, traffic: CanaryTraffic.weight(10) }), /CanarySplit.hosts\[0\]: 'API.example.com' must be lowercase/);
    expectThrows(() => gw.addCanary('canary', { stable: v1, hosts: 'api.example.com' as any, canary: CANARY, traffic: CanaryTraffic.weight(10) }), /CanarySplit.hosts: must be an array of hostnames, got 'api.example.com'/);
  });

  test('a match the stable route does not have has no stable route', () => {
    const { gw, v1 } = stableRoute();
    expectThrows(() => gw.addCanary('canary', { stable: v1, match: { path: PathMatch.prefix('/v3') }, canary: CANARY, traffic: CanaryTraffic.weight(10) }),
      /CanarySplit.match: no stable route for Prefix path '\/v3': \[test\/edge\/v1\] matches Prefix path '\/v1'/);
    expectThrows(() => gw.addCanary('canary', { stable: v1, match: { path: PathMatch.exact('/v1') }, canary: CANARY, traffic: CanaryTraffic.weight(10) }),
      /no stable route for Exact path '\/v1'/);
    expectThrows(() => gw.addCanary('canary', { stable: v1, match: null as unknown as RouteMatch, canary: CANARY, traffic: CanaryTraffic.weight(10) }),
      /CanarySplit.match: must be a RouteMatch object/);
  });

  test('a stable route that serves every host takes a canary for every host', () => {
    const chart = newChart();
    const gw = new ApiGateway(chart, 'edge', { controller: Controller.istio() });
    const all = gw.addRoute('all', { backend: Backend.service('app', 80) });
    expectThrows(() => gw.addCanary('canary', { stable: all, hosts: ['a.example.com'], canary: CANARY, traffic: CanaryTraffic.weight(10) }),
      /CanarySplit.hosts: the stable route \[test\/edge\/all\] serves every host/);
    expect(gw.addCanary('whole', { stable: all, canary: CANARY, traffic: CanaryTraffic.weight(10) }).hosts).toEqual([]);
    synthConformant(chart);
  });

  test('narrowing picks one host and one match of the stable route', () => {
    const chart = newChart();
    const gw = new ApiGateway(chart, 'edge', { controller: Controller.ingressNginx() });
    const v1 = gw.addRoute('v1', {
      hosts: ['api.example.com', 'api.example.org'],
      matches: [{ path: PathMatch.prefix('/v1') }, { path: PathMatch.exact('/healthz') }],
      backend: Backend.service('api-v1', 8080),
    });
    gw.addCanary('canary', { stable: v1, hosts: ['api.example.org'], match: { path: PathMatch.prefix('/v1/') }, canary: CANARY, traffic: CanaryTraffic.weight(20) });
    const canaryIngress = synthConformant(chart).find(o => o.metadata.name === 'edge-canary');
    expect(canaryIngress.spec.rules).toEqual([{
      host: 'api.example.org',
      http: { paths: [{ path: '/v1', pathType: 'Prefix', backend: { service: { name: 'api-v2', port: { number: 8080 } } } }] },
    }]);
  });

  test('the stable route must be a Route of this gateway with one backend', () => {
    const { chart, gw, v1 } = stableRoute();
    const spread = gw.addRoute('spread', { hosts: ['spread.example.com'], backends: [Backend.service('a', 80), Backend.service('b', 80)] });
    expectThrows(() => gw.addCanary('canary', { stable: spread, canary: CANARY, traffic: CanaryTraffic.weight(10) }),
      /CanarySplit.stable: \[test\/edge\/spread\] has 2 backends; a canary splits the traffic of a route with exactly one backend/);
    expectThrows(() => gw.addCanary('canary', { stable: 'v1' as any, canary: CANARY, traffic: CanaryTraffic.weight(10) }), /CanarySplit.stable: must be the Route/);
    expectThrows(() => gw.addCanary('canary', undefined as any), /CanarySplit.stable: must be the Route/);
    const other = new ApiGateway(chart, 'other', { controller: Controller.envoyGateway() });
    expect(() => other.addCanary('canary', { stable: v1, canary: CANARY, traffic: CanaryTraffic.weight(10) }))
      .toThrow(/^\[test\/other\/canary\] CanarySplit.stable: \[test\/edge\/v1\] belongs to another gateway \(\[test\/edge\]\)/);
  });

  test('canary, traffic and mirror must be created with their factories', () => {
    const { gw, v1 } = stableRoute();
    expectThrows(() => gw.addCanary('canary', { stable: v1, canary: 'api-v2' as any, traffic: CanaryTraffic.weight(10) }), /CanarySplit.canary: must be created with Backend.service/);
    expectThrows(() => gw.addCanary('canary', { stable: v1, canary: CANARY, traffic: 10 as any }), /CanarySplit.traffic: must be created with CanaryTraffic.weight\(\)/);
    expectThrows(() => gw.addCanary('canary', { stable: v1, canary: CANARY, traffic: CanaryTraffic.weight(10), mirror: {} as any }), /CanarySplit.mirror: must be created with TrafficMirror.to\(\)/);
    expectThrows(() => gw.addCanary('canary', { stable: v1, canary: Backend.service('9bad', 80), traffic: CanaryTraffic.weight(10) }), /CanarySplit.canary: Backend.service\('9bad', 80\): '9bad' is not a valid Service name/);
  });

  test('the canary name is checked and claimed like a route name', () => {
    const { gw, v1 } = stableRoute();
    expectThrows(() => gw.addCanary('canary', { stable: v1, name: 'Bad_Name', canary: CANARY, traffic: CanaryTraffic.weight(10) }), /CanarySplit.name: 'Bad_Name' is not a valid object name/);
    expectThrows(() => gw.addCanary('canary', { stable: v1, name: 'edge-v1', canary: CANARY, traffic: CanaryTraffic.weight(10) }), /CanarySplit.name: 'edge-v1' is already used by test\/edge\/v1/);
    expect(() => gw.addCanary('Bad Id', { stable: v1, canary: CANARY, traffic: CanaryTraffic.weight(10) })).toThrow(/construct id 'Bad Id' does not give a valid object name/);
  });
});

describe('CanarySplit: headers and cookies', () => {
  test.each([
    [CanaryTraffic.header('x canary', 'always'), /CanaryTraffic.header\("x canary", "always"\): 'x canary' is not a valid HTTP header/],
    [CanaryTraffic.header('x-canary', 'always\r\nx-injected: 1'), /header 'x-canary' value must not contain CR, LF or NUL/],
    [CanaryTraffic.header('x-canary', ''), /header 'x-canary' value must be a non-empty value/],
    [CanaryTraffic.header('x-canary', ' always'), /must be printable ASCII without leading, trailing or repeated whitespace/],
    [CanaryTraffic.header(undefined as any, 'a'), /: undefined is not a valid HTTP header/],
    [CanaryTraffic.headerPresent('x:beta'), /CanaryTraffic.headerPresent\("x:beta"\): 'x:beta' is not a valid HTTP header/],
    [CanaryTraffic.headerPresent('x-beta\n'), /is not a valid HTTP header/],
    [CanaryTraffic.cookie('a b'), /CanaryTraffic.cookie\("a b"\): "a b" is not a cookie name/],
    [CanaryTraffic.cookie('canary;x=1'), /is not a cookie name/],
    [CanaryTraffic.cookie('canary\r\n'), /is not a cookie name/],
    [CanaryTraffic.cookie(''), /is not a cookie name/],
  ])('rejects %s', (traffic, message) => {
    const { gw, v1 } = stableRoute();
    expectThrows(() => gw.addCanary('canary', { stable: v1, canary: CANARY, traffic }), message);
  });

  test('a header the stable match already conditions cannot be the canary condition', () => {
    const { gw } = stableRoute();
    const beta = gw.addRoute('beta', { hosts: ['beta.example.com'], match: { headers: [HeaderMatch.exact('X-Canary', 'yes')] }, backend: Backend.service('api-v1', 8080) });
    expectThrows(() => gw.addCanary('canary', { stable: beta, canary: CANARY, traffic: CanaryTraffic.header('x-canary', 'always') }),
      /CanarySplit.traffic: CanaryTraffic.header\("x-canary", "always"\) conditions header 'x-canary', which the stable match Prefix path '\/' and headers x-canary of \[test\/edge\/beta\] already conditions/);
    const withCookie = gw.addRoute('cookie', { hosts: ['c.example.com'], match: { headers: [HeaderMatch.exact('cookie', 'a=1')] }, backend: Backend.service('api-v1', 8080) });
    expectThrows(() => gw.addCanary('canary', { stable: withCookie, canary: CANARY, traffic: CanaryTraffic.cookie('canary') }), /conditions header 'cookie'/);
  });

  test.each<[ControllerName, CanaryTraffic]>([
    ['kong', CanaryTraffic.cookie('canary')],
    ['kong', CanaryTraffic.headerPresent('x-beta')],
    ['kong', CanaryTraffic.weight(10)],
    ['kong-gateway-api', CanaryTraffic.cookie('canary')],
    ['gateway-api', CanaryTraffic.cookie('canary')],
    ['gateway-api', CanaryTraffic.headerPresent('x-beta')],
    ['traefik-ingress', CanaryTraffic.header('x-canary', 'always')],
  ])('on %s, %s fails with the standard unsupported message', (controller, traffic) => {
    const { chart, gw, v1 } = stableRoute(CONTROLLERS[controller]());
    gw.addCanary('canary', { stable: v1, canary: CANARY, traffic });
    const feature = canaryFeature(traffic);
    expect(CAPABILITIES[controller][feature].supported).toBe(false);
    expect(synthError(chart)).toContain(`[test/edge/canary] ${unsupportedMessage(controller, feature, 'traffic')}`);
    expect(synthError(chart)).toMatch(/is not supported by controller '[a-z-]+': .+\. Supported by: .+\./);
  });

  test.each<[ControllerName, CanaryTraffic, RegExp]>([
    ['ingress-nginx', CanaryTraffic.header('x_canary', 'always'), /Header canary \(traffic\) is not supported by controller 'ingress-nginx': nginx ignores request headers whose names contain characters other than letters, digits and '-' \('x_canary' given\)/],
    ['ingress-nginx', CanaryTraffic.header('x-canary', 'yes please'), /Header canary \(traffic\) is not supported by controller 'ingress-nginx': its annotation validation accepts only letters, digits and -._~\/: in canary-by-header-value \('yes please' given\)/],
    ['ingress-nginx', CanaryTraffic.headerPresent('x.beta'), /Header-presence canary \(traffic\) is not supported by controller 'ingress-nginx'/],
    ['kong', CanaryTraffic.header('x-canary', 'a,b'), /Header canary \(traffic\) is not supported by controller 'kong': Kong splits header values at ','/],
    ['kong', CanaryTraffic.header('x-canary', '~*yes'), /Header canary \(traffic\) is not supported by controller 'kong': Kong reads a value starting with '~\*' as a regex/],
    ['traefik', CanaryTraffic.header('x-canary', 'a`b'), /Header canary \(traffic\) is not supported by controller 'traefik': the header name or value contains a backtick/],
    ['kong-gateway-api', CanaryTraffic.weights(100_000, 1), /Weighted canary split \(traffic\) is not supported by controller 'kong-gateway-api': Kong upstream target weights are at most 65535/],
  ])('on %s, a value it cannot carry is refused: %s', (controller, traffic, message) => {
    const { chart, gw, v1 } = stableRoute(CONTROLLERS[controller]());
    gw.addCanary('canary', { stable: v1, canary: CANARY, traffic });
    expect(synthError(chart)).toMatch(new RegExp(`\\[test/edge/canary\\] ${message.source}`));
  });

  test('a header canary outranks its stable route on Traefik (one more header condition)', () => {
    const { chart, gw, v1 } = stableRoute(Controller.traefik());
    gw.addCanary('canary', { stable: v1, canary: CANARY, traffic: CanaryTraffic.header('x-canary', 'always') });
    const [stable, canary] = synthConformant(chart);
    expect(canary.spec.routes[0].match).toBe(`${stable.spec.routes[0].match} && Header(\`x-canary\`, \`always\`)`);
    expect(canary.spec.routes[0].priority).toBeGreaterThan(stable.spec.routes[0].priority);
  });
});

describe('CanarySplit: mirroring', () => {
  test.each([
    [TrafficMirror.to(Backend.service('shadow', 80), { percent: 101 }), /CanarySplit.mirror: percent 101 is not a whole percentage from 0 to 100/],
    [TrafficMirror.to(Backend.service('shadow', 80), { percent: 2.5 }), /percent 2.5 is not a whole percentage/],
    [TrafficMirror.to(undefined as any), /CanarySplit.mirror: the mirror backend must be created with Backend.service/],
    [TrafficMirror.to(Backend.service('Shadow', 80)), /CanarySplit.mirror: Backend.service\('Shadow', 80\): 'Shadow' is not a valid Service name/],
    [TrafficMirror.to(Backend.service('api-v1', 8080)), /CanarySplit.mirror: edge\/api-v1:8080 is the stable backend itself/],
  ])('rejects %#', (mirror, message) => {
    const { gw, v1 } = stableRoute();
    expectThrows(() => gw.addCanary('canary', { stable: v1, canary: CANARY, traffic: CanaryTraffic.weight(0), mirror }), message);
  });

  test('TrafficMirror.to defaults to every request, and tolerates null options', () => {
    expect(TrafficMirror.to(Backend.service('s', 80)).percent).toBe(100);
    expect(TrafficMirror.to(Backend.service('s', 80), null as any).percent).toBe(100);
  });

  test.each<ControllerName>(['traefik', 'ingress-nginx', 'kong', 'traefik-ingress'])('mirroring to another namespace, where no grant can be made, fails on %s', (controller) => {
    const { chart, gw, v1 } = stableRoute(CONTROLLERS[controller]());
    gw.addCanary('canary', { stable: v1, canary: CANARY, traffic: CanaryTraffic.weight(0), mirror: TrafficMirror.to(Backend.service('shadow', 80, { namespace: 'shadow' })) });
    expect(synthError(chart)).toContain(`[test/edge/canary] ${unsupportedMessage(controller, 'crossNamespaceBackend', 'mirror')}`);
  });

  test.each<ControllerName>(['gateway-api', 'envoy-gateway', 'istio'])('mirroring to another namespace gets a name-scoped ReferenceGrant on %s', (controller) => {
    const { chart, gw, v1 } = stableRoute(CONTROLLERS[controller]());
    gw.addCanary('canary', { stable: v1, canary: CANARY, traffic: CanaryTraffic.weight(0), mirror: TrafficMirror.to(Backend.service('shadow', 80, { namespace: 'shadow' }), { percent: 100 }) });
    const objects = synthConformant(chart);
    const grant = objects.find(o => o.kind === 'ReferenceGrant');
    expect(grant.metadata).toEqual({ name: 'edge-canary-from-edge', namespace: 'shadow' });
    expect(grant.spec.to).toEqual([{ group: '', kind: 'Service', name: 'shadow' }]);
    const route = objects.find(o => o.kind === 'HTTPRoute');
    // 100 % is Gateway API's default: left out, the portable core form.
    expect(route.spec.rules[0].filters).toEqual([{ type: 'RequestMirror', requestMirror: { backendRef: { name: 'shadow', namespace: 'shadow', port: 80 } } }]);
  });

  test('a canary backend in another namespace gets a ReferenceGrant on Gateway API and fails on Ingress', () => {
    const eg = stableRoute(Controller.envoyGateway());
    eg.gw.addCanary('canary', { stable: eg.v1, canary: Backend.service('api-v2', 8080, { namespace: 'next' }), traffic: CanaryTraffic.weight(10) });
    const grant = synthConformant(eg.chart).find(o => o.kind === 'ReferenceGrant');
    expect(grant.metadata.namespace).toBe('next');
    const nginx = stableRoute(Controller.ingressNginx());
    nginx.gw.addCanary('canary', { stable: nginx.v1, canary: Backend.service('api-v2', 8080, { namespace: 'next' }), traffic: CanaryTraffic.weight(10) });
    expect(synthError(nginx.chart)).toContain(`[test/edge/canary] ${unsupportedMessage('ingress-nginx', 'crossNamespaceBackend', 'canary')}`);
  });
});

describe('CanarySplit: conflicts', () => {
  test('one canary per host + match', () => {
    const { chart, gw, v1 } = stableRoute(Controller.ingressNginx());
    gw.addCanary('canary', { stable: v1, canary: CANARY, traffic: CanaryTraffic.weight(10) });
    gw.addCanary('second', { stable: v1, canary: Backend.service('api-v3', 8080), traffic: CanaryTraffic.header('x-v3', 'yes') });
    expect(synthError(chart)).toMatch(/\[test\/edge\/second\] CanarySplit.stable: host 'api.example.com' with Prefix path '\/v1' already has a canary, \[test\/edge\/canary\]; a host \+ match takes one canary/);
  });

  test('canaries on different hosts of one route do not conflict', () => {
    const chart = newChart();
    const gw = new ApiGateway(chart, 'edge', { controller: Controller.ingressNginx() });
    const v1 = gw.addRoute('v1', { hosts: ['a.example.com', 'b.example.com'], backend: Backend.service('api-v1', 8080) });
    gw.addCanary('canary', { stable: v1, hosts: ['a.example.com'], canary: CANARY, traffic: CanaryTraffic.weight(10) });
    gw.addCanary('second', { stable: v1, hosts: ['b.example.com'], canary: CANARY, traffic: CanaryTraffic.cookie('canary') });
    expect(synthConformant(chart)).toHaveLength(3);
  });

  test('on Gateway API a weighted canary covers every host of its stable route', () => {
    const chart = newChart();
    const gw = new ApiGateway(chart, 'edge', { controller: Controller.envoyGateway() });
    const v1 = gw.addRoute('v1', { hosts: ['a.example.com', 'b.example.com'], backend: Backend.service('api-v1', 8080) });
    gw.addCanary('canary', { stable: v1, hosts: ['a.example.com'], canary: CANARY, traffic: CanaryTraffic.weight(10) });
    expect(synthError(chart)).toMatch(/\[test\/edge\/canary\] CanarySplit.hosts: on envoy-gateway a weighted split or a mirror is rendered into the stable route's own HTTPRoute rule, which serves every host of \[test\/edge\/v1\] \(a.example.com, b.example.com\)/);
  });

  test('on Gateway API a header canary needs room for one more header condition', () => {
    const { chart, gw } = stableRoute();
    const headers = Array.from({ length: 16 }, (_, i) => HeaderMatch.exact(`x-h${i}`, 'v'));
    const full = gw.addRoute('full', { hosts: ['full.example.com'], match: { headers }, backend: Backend.service('api-v1', 8080) });
    gw.addCanary('canary', { stable: full, canary: CANARY, traffic: CanaryTraffic.header('x-canary', 'always') });
    expect(synthError(chart)).toMatch(/\[test\/edge\/canary\] CanarySplit.traffic: the stable match already has 16 header conditions/);
  });

  test('a canary object named like another construct\'s object is refused', () => {
    const { chart, gw, v1 } = stableRoute(Controller.traefik());
    gw.addCanary('v2', { stable: v1, canary: CANARY, traffic: CanaryTraffic.header('x-canary', 'always'), mirror: TrafficMirror.to(Backend.service('shadow', 80)) });
    gw.addCanary('v2-mirror-x', { stable: gw.addRoute('y', { hosts: ['y.example.com'], backend: Backend.service('y', 80) }), name: 'edge-v2-mirror', canary: CANARY, traffic: CanaryTraffic.weight(1) });
    expect(synthError(chart)).toMatch(/\[test\/edge\/v2-mirror-x\] CanarySplit.name: renders TraefikService 'edge-v2-mirror' in namespace 'edge', which \[test\/edge\/v2\] also renders/);
  });
});

describe('CanarySplit: rendering details', () => {
  test('a TlsHost declared after the canary still reaches the canary Ingress', () => {
    const { chart, gw, v1 } = stableRoute(Controller.ingressNginx());
    const canary = gw.addCanary('canary', { stable: v1, canary: CANARY, traffic: CanaryTraffic.weight(10) });
    gw.addTlsHost('tls', { hosts: ['api.example.com'], certificate: TlsCertificate.fromSecret('api-cert') });
    const objects = synthConformant(chart);
    expect(objects[1].spec.tls).toEqual([{ hosts: ['api.example.com'], secretName: 'api-cert' }]);
    expect(ApiObject.of(canary)).toBe(canary.apiObjects[0]);
  });

  test('a canary declared with new CanarySplit anywhere in the tree renders the same', () => {
    const a = stableRoute(Controller.istio());
    new CanarySplit(a.chart, 'canary', { stable: a.v1, canary: CANARY, traffic: CanaryTraffic.weight(10) });
    const b = stableRoute(Controller.istio());
    b.gw.addCanary('canary', { stable: b.v1, canary: CANARY, traffic: CanaryTraffic.weight(10) });
    expect(Testing.synth(a.chart)).toEqual(Testing.synth(b.chart));
  });

  test('only the canaried match of a route gets weights on Gateway API', () => {
    const chart = newChart();
    const gw = new ApiGateway(chart, 'edge', { controller: Controller.gatewayApi({ gatewayClassName: 'gc' }) });
    const v1 = gw.addRoute('v1', {
      hosts: ['api.example.com'],
      matches: [{ path: PathMatch.prefix('/v1') }, { path: PathMatch.exact('/healthz') }],
      backend: Backend.service('api-v1', 8080),
    });
    gw.addCanary('canary', { stable: v1, match: { path: PathMatch.prefix('/v1') }, canary: CANARY, traffic: CanaryTraffic.weight(25) });
    const route = synthConformant(chart).find(o => o.kind === 'HTTPRoute');
    expect(route.spec.rules).toEqual([
      {
        matches: [{ path: { type: 'PathPrefix', value: '/v1' } }],
        backendRefs: [{ name: 'api-v1', port: 8080, weight: 75 }, { name: 'api-v2', port: 8080, weight: 25 }],
      },
      { matches: [{ path: { type: 'Exact', value: '/healthz' } }], backendRefs: [{ name: 'api-v1', port: 8080 }] },
    ]);
  });

  test('a header canary on several hosts gets an IngressRoute per host on Traefik', () => {
    const chart = newChart();
    const gw = new ApiGateway(chart, 'edge', { controller: Controller.traefik() });
    const v1 = gw.addRoute('v1', { hosts: ['a.example.com', 'b.example.com'], backend: Backend.service('api-v1', 8080) });
    gw.addTlsHost('tls', { hosts: ['b.example.com'], certificate: TlsCertificate.fromSecret('b-cert') });
    gw.addCanary('canary', { stable: v1, canary: CANARY, traffic: CanaryTraffic.cookie('beta') });
    const canaries = synthConformant(chart).filter(o => o.metadata.name.startsWith('edge-canary'));
    expect(canaries.map(o => [o.metadata.name, o.spec.entryPoints, o.spec.tls])).toEqual([
      ['edge-canary-a-example-com', ['web'], undefined],
      ['edge-canary-b-example-com', ['websecure'], { secretName: 'b-cert' }],
    ]);
  });

  test('on Gateway API, canaries that split a route into more than 16 rules are refused', () => {
    const chart = newChart();
    const gw = new ApiGateway(chart, 'edge', { controller: Controller.istio() });
    const pages = Array.from({ length: 17 }, (_, i) => PathMatch.exact(`/p${i}`));
    const route = gw.addRoute('pages', { hosts: ['pages.example.com'], matches: pages.map(path => ({ path })), backend: Backend.service('pages', 80) });
    pages.forEach((path, i) => gw.addCanary(`c${i}`, { stable: route, match: { path }, canary: CANARY, traffic: CanaryTraffic.weight(i) }));
    expect(synthError(chart)).toMatch(/\[test\/edge\/c0\] CanarySplit.match: the canaries of \[test\/edge\/pages\] split its HTTPRoute into 17 rules, more than the 16 an HTTPRoute holds/);
  });

  test('every annotation value is a single-line string', () => {
    for (const controller of ['ingress-nginx', 'kong'] as const) {
      const { chart, gw, v1 } = stableRoute(CONTROLLERS[controller]());
      gw.addCanary('canary', { stable: v1, canary: CANARY, traffic: CanaryTraffic.header('x-canary', 'always') });
      for (const o of synthConformant(chart)) {
        for (const value of Object.values<unknown>(o.metadata.annotations ?? {})) {
          expect(typeof value).toBe('string');
          expect(value).not.toMatch(/[\r\n]/);
        }
      }
    }
  });
});

/** The weights a controller rendered for the primer's canary, as [stable, canary]. */
function renderedWeights(controller: ControllerName, objects: any[]): [number, number] {
  if (controller === 'ingress-nginx') {
    const canary = objects.find(o => o.metadata.annotations?.['nginx.ingress.kubernetes.io/canary'] === 'true');
    const weight = Number(canary.metadata.annotations['nginx.ingress.kubernetes.io/canary-weight']);
    const total = Number(canary.metadata.annotations['nginx.ingress.kubernetes.io/canary-weight-total']);
    return [total - weight, weight];
  }
  if (controller === 'traefik') {
    const route = objects.find(o => o.kind === 'IngressRoute');
    const name = route.spec.routes[0].services[0].name;
    const split = objects.find(o => o.kind === 'TraefikService' && o.metadata.name === name);
    const [stable, canary] = split.spec.weighted.services;
    expect([stable.name, canary.name]).toEqual(['api-v1', 'api-v2']);
    return [stable.weight, canary.weight];
  }
  const route = objects.find(o => o.kind === 'HTTPRoute');
  const [stable, canary] = route.spec.rules[0].backendRefs;
  expect([stable.name, canary.name]).toEqual(['api-v1', 'api-v2']);
  return [stable.weight, canary.weight];
}

describe('promotion from CI: the weight a pipeline sets renders exactly', () => {
  const weighted = CONTROLLER_NAMES.filter(c => CAPABILITIES[c].canaryWeight.supported);

  test('every controller that can split by weight is covered', () => {
    expect(weighted).toEqual(['ingress-nginx', 'traefik', 'kong-gateway-api', 'gateway-api', 'envoy-gateway', 'istio']);
  });

  const cases = weighted.flatMap(c => [0, 10, 50, 100].map(w => [c, w] as const));
  test.each(cases)('%s at %d %%', (controller, weight) => {
    // GIVEN the weight as a pipeline passes it: text in the app's context (or an env variable)
    const app = Testing.app();
    app.node.setContext('canaryWeight', String(weight));
    const chart = new Chart(app, 'test', { namespace: 'edge' });
    const gw = new ApiGateway(chart, 'edge', { controller: CONTROLLERS[controller]() });
    const v1 = gw.addRoute('v1', { hosts: ['api.example.com'], match: { path: PathMatch.prefix('/v1') }, backend: Backend.service('api-v1', 8080) });

    // WHEN
    gw.addCanary('v2', { stable: v1, canary: CANARY, traffic: CanaryTraffic.parseWeight(chart.node.tryGetContext('canaryWeight')) });

    // THEN
    expect(renderedWeights(controller, synthConformant(chart))).toEqual([100 - weight, weight]);
  });

  test('Traefik and Gateway API keep a zero weight in place, so promotion only changes numbers', () => {
    for (const controller of ['traefik', 'istio'] as const) {
      const { chart, gw, v1 } = stableRoute(CONTROLLERS[controller]());
      gw.addCanary('v2', { stable: v1, canary: CANARY, traffic: CanaryTraffic.weight(0) });
      expect(renderedWeights(controller, synthConformant(chart))).toEqual([100, 0]);
    }
  });
});

function canaryFeature(traffic: CanaryTraffic) {
  const kind = traffic._toIR().ir!.kind;
  return kind === 'weight' ? 'canaryWeight' as const : kind === 'header' ? 'canaryHeader' as const : kind === 'header-present' ? 'canaryHeaderPresence' as const : 'canaryCookie' as const;
}
