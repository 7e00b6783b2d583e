import { App, Chart, Testing } from 'cdk8s';
import { ApiGateway, Backend, CanaryTraffic, Controller, Cors, EdgeAuth, GatewayParentKind, IpAccess, KongMode, PathMatch, RateLimit, Redirect } from '../../src';
import { routeTableOf, tableDiff } from '../../src/checks/route-table';
import { buildApp } from '../../src/import/build';
import { generateCode } from '../../src/import/codegen';
import { readerFor } from '../../src/import/readers';
import { planOf } from '../import/scenario-util';
import { roundTripProblems } from '../property/roundtrip';
import { newChart, synthConformant, synthError } from '../util';

const find = (objects: any[], kind: string, name: string) => objects.find(o => o.kind === kind && o.metadata.name === name);

describe('attachTo several listeners, or a port', () => {
  test('one parentRef per named listener (sorted), each with the port', () => {
    const chart = newChart();
    const gw = new ApiGateway(chart, 'gw', {
      controller: Controller.envoyGateway({ attachTo: { name: 'shared', namespace: 'infra', sectionNames: ['https-shop', 'http-shop'], port: 8443 } }),
    });
    gw.addRoute('r', { hosts: ['shop.example.com'], backend: Backend.service('shop', 80) });
    const route = find(synthConformant(chart), 'HTTPRoute', 'gw-r');
    expect(route.spec.parentRefs).toEqual([
      { name: 'shared', namespace: 'infra', sectionName: 'http-shop', port: 8443 },
      { name: 'shared', namespace: 'infra', sectionName: 'https-shop', port: 8443 },
    ]);
  });

  test('a port alone attaches to every listener on it; the ACME solver attaches the same way', () => {
    const chart = newChart();
    const gw = new ApiGateway(chart, 'gw', { controller: Controller.gatewayApi({ attachTo: { name: 'shared', port: 80 } }) });
    gw.addRoute('r', { backend: Backend.service('web', 80) });
    expect(find(synthConformant(chart), 'HTTPRoute', 'gw-r').spec.parentRefs).toEqual([{ name: 'shared', port: 80 }]);
    expect(gw._renderer.http01Solver({ name: 'gw', namespace: 'edge', source: 'x', ir: () => gw._gatewayIr() })).toEqual({
      gatewayHTTPRoute: { parentRefs: [{ kind: 'Gateway', name: 'shared', namespace: 'edge', port: 80 }] },
    });
  });

  test('a scheme-only redirect is accepted when the listeners are named by port', () => {
    const chart = newChart();
    new ApiGateway(chart, 'gw', { controller: Controller.gatewayApi({ attachTo: { name: 'shared', port: 80 } }) })
      .addRoute('r', { redirect: Redirect.toHttps() });
    expect(find(synthConformant(chart), 'HTTPRoute', 'gw-r').spec.parentRefs).toEqual([{ name: 'shared', port: 80 }]);
  });

  test.each([
    [{ name: 'shared', sectionName: 'a', sectionNames: ['b'] }, 'Controller.istio.attachTo: set either sectionName or sectionNames, not both'],
    [{ name: 'shared', sectionNames: [] }, 'Controller.istio.attachTo.sectionNames: name at least one listener'],
    [{ name: 'shared', sectionNames: ['a', 'a'] }, 'Controller.istio.attachTo.sectionNames: lists a listener twice'],
    [{ name: 'shared', sectionNames: ['a', null] }, 'Controller.istio.attachTo.sectionNames[1]: is null; the array must hold listener names only'],
    // eslint-disable-next-line no-sparse-arrays
    [{ name: 'shared', sectionNames: ['a', , 'b'] }, 'Controller.istio.attachTo.sectionNames[1]: is a hole in the array'],
    [{ name: 'shared', sectionNames: 'a' }, "Controller.istio.attachTo.sectionNames: must be an array of listener names, got 'a'"],
    [{ name: 'shared', sectionNames: ['Not Valid'] }, 'Controller.istio.attachTo.sectionNames[0]: '],
    [{ name: 'shared', port: 0 }, 'Controller.istio.attachTo.port: '],
    [{ name: 'shared', port: Number.NaN }, 'Controller.istio.attachTo.port: '],
    [{ name: 'shared', port: '80' }, 'Controller.istio.attachTo.port: '],
  ])('bad attachment %j', (attachTo, message) => {
    expect(() => Controller.istio({ attachTo: attachTo as any })).toThrow(message);
  });

  test('a named listener or port the app-defined parent lacks is refused', () => {
    const app = Testing.app();
    const infra = new Chart(app, 'infra', { namespace: 'infra' });
    new ApiGateway(infra, 'shared', { controller: Controller.envoyGateway() });
    const team = new Chart(app, 'team', { namespace: 'team' });
    new ApiGateway(team, 'a', { controller: Controller.envoyGateway({ attachTo: { name: 'shared', namespace: 'infra', sectionNames: ['http', 'nope'] } }) });
    new ApiGateway(team, 'b', { controller: Controller.envoyGateway({ attachTo: { name: 'shared', namespace: 'infra', sectionName: 'http', port: 8080 } }) });
    new ApiGateway(team, 'c', { controller: Controller.envoyGateway({ attachTo: { name: 'shared', namespace: 'infra', port: 8080 } }) });
    new ApiGateway(team, 'ok', { controller: Controller.envoyGateway({ attachTo: { name: 'shared', namespace: 'infra', port: 80 } }) });
    const error = synthError(app)!;
    expect(error).toContain("[team/a] ApiGateway.controller: attachTo names the listener 'nope' of Gateway 'infra/shared'");
    expect(error).toContain("[team/b] ApiGateway.controller: attachTo names port 8080 of Gateway 'infra/shared', which this app defines, but its listener 'http' is on port 80");
    expect(error).toContain("[team/c] ApiGateway.controller: attachTo names port 8080 of Gateway 'infra/shared', which this app defines, but none of its listeners ('http') is on that port");
    expect(error).not.toContain('[team/ok]');
  });
});

describe('conflicts respect listeners', () => {
  const api = (gw: ApiGateway, backend: string) => gw.addRoute('v1', { match: { path: PathMatch.prefix('/v1') }, backend: Backend.service(backend, 80) });
  const attached = (chart: Chart, id: string, attach: object) => new ApiGateway(chart, id, { controller: Controller.envoyGateway({ attachTo: { name: 'shared', namespace: 'infra', ...attach } }) });

  test('routes on different named listeners, or different ports, of one Gateway do not conflict', () => {
    const app = Testing.app();
    const chart = new Chart(app, 'c', { namespace: 'edge' });
    api(attached(chart, 'a', { sectionName: 'http-a' }), 'api-a');
    api(attached(chart, 'b', { sectionName: 'http-b' }), 'api-b');
    api(attached(chart, 'p1', { sectionNames: ['x', 'y'], port: 8080 }), 'api-p1');
    expect(synthError(app)).toBeUndefined();
    const ports = Testing.app();
    const c2 = new Chart(ports, 'c', { namespace: 'edge' });
    api(attached(c2, 'p1', { port: 8080 }), 'api-p1');
    api(attached(c2, 'p2', { port: 9090 }), 'api-p2');
    expect(synthError(ports)).toBeUndefined();
  });

  test('routes on every listener, or on a shared listener, still conflict', () => {
    const app = Testing.app();
    const chart = new Chart(app, 'c', { namespace: 'edge' });
    api(attached(chart, 'a', { sectionNames: ['http-a', 'http-c'] }), 'api-a');
    api(attached(chart, 'b', { sectionNames: ['http-b', 'http-c'] }), 'api-b');
    const error = synthError(app);
    expect(error).toContain("[c/b/v1] Route.match: host '*' with Prefix path '/v1' is already routed by [c/a/v1] of another ApiGateway [c/a] on the same envoy-gateway Gateway 'infra/shared'");
  });

  test('a section and a port overlap unless the app defines the Gateway and the listener is on another port', () => {
    const conflict = (defineParent: boolean) => {
      const app = new App();
      if (defineParent) {
        // The owned Gateway 'shared' in 'infra': listener 'http' on port 80.
        new ApiGateway(new Chart(app, 'infra', { namespace: 'infra' }), 'shared', { controller: Controller.envoyGateway() });
      }
      const chart = new Chart(app, 'c', { namespace: 'edge' });
      api(attached(chart, 'a', { sectionName: 'http' }), 'api-a');
      api(attached(chart, 'b', { port: 80 }), 'api-b');
      api(attached(chart, 'k', { port: 8080 }), 'api-k');
      return synthError(app) ?? '';
    };
    expect(conflict(false)).toContain('[c/b/v1] Route.match');
    expect(conflict(false)).toContain('[c/k/v1] Route.match');
    // Defined: 'http' is on port 80, so a and b share it; nothing is on 8080 (refused as such, no conflict).
    const defined = conflict(true);
    expect(defined).toContain('[c/b/v1] Route.match');
    expect(defined).not.toContain('[c/k/v1] Route.match');
    expect(defined).toContain("[c/k] ApiGateway.controller: attachTo names port 8080 of Gateway 'infra/shared'");
  });

  test('owned Gateways of one class still share a routing table', () => {
    const app = Testing.app();
    const chart = new Chart(app, 'c', { namespace: 'edge' });
    api(new ApiGateway(chart, 'k1', { controller: Controller.kong({ mode: KongMode.GATEWAY_API }) }), 'api-a');
    api(new ApiGateway(chart, 'k2', { controller: Controller.kong({ mode: KongMode.GATEWAY_API }) }), 'api-b');
    expect(synthError(app)).toContain('[c/k2/v1] Route.match');
  });
});

describe('Istio external authorization through a mesh extension provider', () => {
  test('a CUSTOM AuthorizationPolicy scoped to the route, read back as the same intent', () => {
    const chart = newChart();
    const gw = new ApiGateway(chart, 'gw', { controller: Controller.istio() });
    gw.addRoute('api', { hosts: ['api.example.com'], match: { path: PathMatch.prefix('/api') }, backend: Backend.service('api', 80), auth: EdgeAuth.externalProvider('oauth2-proxy') });
    gw.addRoute('public', { hosts: ['api.example.com'], match: { path: PathMatch.prefix('/api/public') }, backend: Backend.service('public', 80) });
    const objects = synthConformant(chart);
    expect(find(objects, 'AuthorizationPolicy', 'gw-api-ext-authz').spec).toEqual({
      targetRefs: [{ group: 'gateway.networking.k8s.io', kind: 'Gateway', name: 'gw' }],
      action: 'CUSTOM',
      provider: { name: 'oauth2-proxy' },
      rules: [{ to: [{ operation: { hosts: ['api.example.com', 'api.example.com:*'], paths: ['/api', '/api/*'], notPaths: ['/api/public', '/api/public/*'] } }] }],
    });
    expect(roundTripProblems('istio', gw, objects)).toEqual([]);
  });

  test('a route serving every request gets one rule with no condition', () => {
    const chart = newChart();
    const gw = new ApiGateway(chart, 'gw', { controller: Controller.istio() });
    gw.addRoute('all', { backend: Backend.service('web', 80), auth: EdgeAuth.externalProvider('ext') });
    const objects = synthConformant(chart);
    expect(find(objects, 'AuthorizationPolicy', 'gw-all-ext-authz').spec.rules).toEqual([{}]);
    expect(roundTripProblems('istio', gw, objects)).toEqual([]);
  });

  test('two providers on one Gateway, or CORS preflights, are refused', () => {
    const chart = newChart();
    const gw = new ApiGateway(chart, 'gw', { controller: Controller.istio() });
    gw.addRoute('a', { hosts: ['a.example.com'], backend: Backend.service('a', 80), auth: EdgeAuth.externalProvider('one') });
    gw.addRoute('b', { hosts: ['b.example.com'], backend: Backend.service('b', 80), auth: EdgeAuth.externalProvider('two') });
    gw.addRoute('c', { hosts: ['c.example.com'], backend: Backend.service('c', 80), auth: EdgeAuth.externalProvider('one'), cors: Cors.allow({ origins: ['https://web.example.com'] }) });
    const error = synthError(chart)!;
    expect(error).toContain("[test/gw/b] External authorization through a mesh extension provider (auth) is not supported by controller 'istio': Istio runs one external authorization provider per Gateway workload, and [test/gw/a] uses 'one' on this Gateway");
    expect(error).toContain("[test/gw/c] External authorization through a mesh extension provider (auth) is not supported by controller 'istio': Istio asks the external authorization provider before a CORS preflight is answered");
  });

  test('a ListenerSet parent is refused (Istio policies target a Gateway)', () => {
    const chart = newChart();
    new ApiGateway(chart, 'gw', { controller: Controller.istio({ attachTo: { name: 'ls', kind: GatewayParentKind.LISTENER_SET } }) })
      .addRoute('a', { backend: Backend.service('a', 80), auth: EdgeAuth.externalProvider('one') });
    expect(synthError(chart)).toContain("External authorization through a mesh extension provider (auth) is not supported by controller 'istio': Istio policies attach to a Gateway");
  });

  test.each([
    [undefined, 'EdgeAuth.externalProvider.name: undefined must be an extension provider name'],
    [null, 'EdgeAuth.externalProvider.name: null must be an extension provider name'],
    ['', "EdgeAuth.externalProvider.name: '' must be an extension provider name"],
    ['-bad', "EdgeAuth.externalProvider.name: '-bad' must be an extension provider name"],
    ['a b', "EdgeAuth.externalProvider.name: 'a b' must be an extension provider name"],
    [42, 'EdgeAuth.externalProvider.name: 42 must be an extension provider name'],
    ['x'.repeat(254), 'must be an extension provider name'],
  ])('bad provider name %p', (name, message) => {
    expect(() => EdgeAuth.externalProvider(name as any)).toThrow(message);
  });
});

describe('named rules (Route.ruleName)', () => {
  test('every rule of the route\'s objects is named; a weighted canary adds <name>-2; the canary HTTPRoute keeps the name', () => {
    const chart = newChart();
    const gw = new ApiGateway(chart, 'gw', { controller: Controller.gatewayApi({ gatewayClassName: 'example' }) });
    const stable = gw.addRoute('api', {
      ruleName: 'checkout',
      matches: [{ path: PathMatch.prefix('/v1') }, { path: PathMatch.prefix('/v2') }],
      backend: Backend.service('api', 80),
    });
    gw.addCanary('canary', { stable, canary: Backend.service('api-next', 80), traffic: CanaryTraffic.weight(10), match: { path: PathMatch.prefix('/v1') } });
    gw.addRoute('web', { ruleName: 'web', backend: Backend.service('web', 80), match: { path: PathMatch.prefix('/web') } });
    const objects = synthConformant(chart);
    expect(find(objects, 'HTTPRoute', 'gw-api').spec.rules.map((r: any) => r.name)).toEqual(['checkout', 'checkout-2']);
    expect(find(objects, 'HTTPRoute', 'gw-web').spec.rules.map((r: any) => r.name)).toEqual(['web']);
    expect(roundTripProblems('gateway-api', gw, objects)).toEqual([]);
  });

  test('Envoy Gateway: the route\'s policies target its named rules (sectionName), and read back', () => {
    const chart = newChart();
    const gw = new ApiGateway(chart, 'gw', { controller: Controller.envoyGateway() });
    gw.addRoute('api', {
      ruleName: 'checkout',
      hosts: ['shop.example.com'],
      backend: Backend.service('api', 80),
      rateLimit: RateLimit.perClientIp({ requests: 10 }),
      ipAccess: IpAccess.allow(['10.0.0.0/8']),
    });
    const objects = synthConformant(chart);
    const target = [{ group: 'gateway.networking.k8s.io', kind: 'HTTPRoute', name: 'gw-api', sectionName: 'checkout' }];
    expect(find(objects, 'BackendTrafficPolicy', 'gw-api').spec.targetRefs).toEqual(target);
    expect(find(objects, 'SecurityPolicy', 'gw-api').spec.targetRefs).toEqual(target);
    expect(roundTripProblems('envoy-gateway', gw, objects)).toEqual([]);
  });

  test('a policy targeting only some rules of an HTTPRoute does not read as the route\'s policy', () => {
    const route = {
      apiVersion: 'gateway.networking.k8s.io/v1',
      kind: 'HTTPRoute',
      metadata: { name: 'shop', namespace: 'edge' },
      spec: {
        parentRefs: [{ name: 'eg' }],
        rules: [
          { name: 'cart', matches: [{ path: { type: 'PathPrefix', value: '/cart' } }], backendRefs: [{ name: 'cart', port: 80 }] },
          { name: 'search', matches: [{ path: { type: 'PathPrefix', value: '/search' } }], backendRefs: [{ name: 'search', port: 80 }] },
        ],
      },
    };
    const policy = {
      apiVersion: 'gateway.envoyproxy.io/v1alpha1',
      kind: 'BackendTrafficPolicy',
      metadata: { name: 'cart', namespace: 'edge' },
      spec: { targetRefs: [{ group: 'gateway.networking.k8s.io', kind: 'HTTPRoute', name: 'shop', sectionName: 'cart' }], requestBuffer: { limit: '1Mi' } },
    };
    const read = readerFor('envoy-gateway')!.read([route, policy]);
    expect(read.items.filter(i => i.reason !== undefined).map(i => `${i.field}: ${i.reason}`)).toEqual([
      "spec.targetRefs[0]: it targets some rules of HTTPRoute edge/shop only (or a rule it does not have): the intent applies a route's policies to all its rules; give those rules a route of their own",
    ]);
    expect(read.gateways.flatMap(g => g.routes.map(r => r.ruleName)).sort()).toEqual(['cart', 'search']);
  });

  test.each([
    ['Checkout', "Route.ruleName: 'Checkout' must be a lowercase DNS subdomain"],
    ['-x', "Route.ruleName: '-x' must be a lowercase DNS subdomain"],
    ['', "Route.ruleName: '' must be a lowercase DNS subdomain"],
    [42, 'Route.ruleName: 42 must be a lowercase DNS subdomain'],
    [null, 'Route.ruleName: null must be a lowercase DNS subdomain'],
    ['a'.repeat(241), 'of at most 240 characters'],
  ])('bad rule name %p', (ruleName, message) => {
    const gw = new ApiGateway(newChart(), 'gw', { controller: Controller.istio() });
    expect(() => gw.addRoute('r', { backend: Backend.service('a', 80), ruleName: ruleName as any })).toThrow(message);
  });
});

describe('import: named rules and extension providers rebuild and print', () => {
  test.each([
    ['envoy-gateway' as const, () => Controller.envoyGateway(), { ruleName: 'checkout', rateLimit: RateLimit.perClientIp({ requests: 10 }) }, "ruleName: 'checkout'"],
    ['istio' as const, () => Controller.istio(), { auth: EdgeAuth.externalProvider('oauth2-proxy') }, "auth: EdgeAuth.externalProvider('oauth2-proxy')"],
  ])('%s', (controller, make, options, printed) => {
    const chart = new Chart(Testing.app(), 'scenario', { namespace: 'edge' });
    const gw = new ApiGateway(chart, 'gw', { controller: make() });
    gw.addRoute('api', { hosts: ['api.example.com'], backend: Backend.service('api', 80), ...options });
    const objects = Testing.synth(chart);
    const plan = planOf({ chart, objects, gateways: [gw] });
    const rebuiltChart = new Chart(Testing.app(), 'imported');
    expect(buildApp(rebuiltChart, plan, controller).errors).toEqual([]);
    const rebuilt = rebuiltChart.node.findAll().filter((c): c is ApiGateway => c instanceof ApiGateway);
    expect(tableDiff(routeTableOf([gw._gatewayIr()]), routeTableOf(rebuilt.map(g => g._gatewayIr())))).toEqual([]);
    expect(generateCode(plan, { controller })).toContain(printed);
  });
});
