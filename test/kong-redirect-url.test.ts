import { roundTripProblems } from './property/roundtrip';
import { expectImportRoundTrip } from './tls-feature-helpers';
import { CONTROLLERS, newChart, synthConformant, synthError } from './util';
import { ApiGateway, Backend, PathMatch, RateLimit, Redirect, RedirectStatus, TlsCertificate } from '../src';
import { ControllerName } from '../src/capabilities/features';
import { KONG_GATEWAY_API_READER } from '../src/controllers/kong/gateway-api-reader';
import { KongIngressReader } from '../src/controllers/kong/reader';

/*
 * Redirect.toUrl on Kong (issue #12): Kong's redirect plugin (Kong Gateway 3.9+) with
 * keep_incoming_path false answers with exactly the configured Location. The capability cells are
 * in test/capabilities.test.ts; this file covers backends, TLS hosts, readers and round trips.
 */

const URL = 'https://docs.example.com/api?from=old';
const KONG: ControllerName[] = ['kong', 'kong-gateway-api'];

function app(controller: ControllerName, options: { backend?: boolean; tls?: boolean; httpsRedirect?: boolean; statusCode?: RedirectStatus } = {}) {
  const chart = newChart();
  const gw = new ApiGateway(chart, 'edge', { controller: CONTROLLERS[controller]() });
  if (options.tls) gw.addTlsHost('tls', { hosts: ['api.example.com'], certificate: TlsCertificate.fromSecret('api-cert'), httpsRedirect: options.httpsRedirect ?? true });
  gw.addRoute('old-docs', {
    hosts: ['api.example.com'],
    match: { path: PathMatch.prefix('/docs') },
    ...(options.backend === false ? {} : { backend: Backend.service('api', 8080) }),
    rateLimit: RateLimit.perClientIp({ requests: 10 }),
    redirect: Redirect.toUrl(URL, { statusCode: options.statusCode ?? RedirectStatus.SEE_OTHER }),
  });
  gw.addRoute('web', { hosts: ['api.example.com'], backend: Backend.service('web', 80) });
  return { chart, gw };
}

const plugin = (objects: any[]) => objects.find(o => o.kind === 'KongPlugin' && o.plugin === 'redirect');

test.each(KONG)('%s: the redirect plugin sends exactly the URL with the status (every redirect code)', (controller) => {
  for (const statusCode of [301, 302, 303, 307, 308] as RedirectStatus[]) {
    const objects = synthConformant(app(controller, { statusCode }).chart);
    expect(plugin(objects)).toMatchObject({ metadata: { name: 'edge-old-docs-redirect' }, config: { location: URL, status_code: statusCode, keep_incoming_path: false } });
  }
});

describe.each(KONG)('%s reads the fixed-URL redirect back to the same route table', (controller) => {
  test.each([
    ['without TLS', {}],
    ['on a redirecting TLS host', { tls: true }],
    ['on a TLS host serving plain HTTP', { tls: true, httpsRedirect: false }],
  ])('%s', (_, options) => {
    const { chart, gw } = app(controller, options);
    expect(roundTripProblems(controller, gw, synthConformant(chart))).toEqual([]);
  });
});

test('Kong Gateway API mode: without a backend the rule has no backendRefs (the redirect plugin answers before KIC\'s request-termination) and reads back', () => {
  const { chart, gw } = app('kong-gateway-api', { backend: false });
  const objects = synthConformant(chart);
  const route = objects.find(o => o.kind === 'HTTPRoute' && o.metadata.name === 'edge-old-docs');
  expect(route.spec.rules[0].backendRefs).toBeUndefined();
  expect(route.spec.rules[0].filters.map((f: any) => f.extensionRef.name)).toEqual(['edge-old-docs-rate-limiting', 'edge-old-docs-redirect']);
  expect(roundTripProblems('kong-gateway-api', gw, objects)).toEqual([]);
});

test('Kong Ingress: without a backend it is refused (an Ingress path needs a Service)', () => {
  expect(synthError(app('kong', { backend: false }).chart)).toContain(
    '[test/edge/old-docs] Redirect to a fixed URL (path and query dropped) (redirect) is not supported by controller \'kong\': an Ingress path needs a backend Service even when Kong\'s redirect plugin answers every request; give the route one backend (it receives nothing), or use KongMode.GATEWAY_API. Supported by: Controller.ingressNginx(), Controller.traefik(), '
    + 'Controller.traefik({ output: TraefikOutput.INGRESS }), Controller.kong({ mode: KongMode.GATEWAY_API }), Controller.envoyGateway().');
});

test.each(KONG)('%s: import codegen prints Redirect.toUrl, and building the plan gives the same intent', (controller) => {
  expectImportRoundTrip(app(controller).gw, controller, `Redirect.toUrl('${URL}', { statusCode: RedirectStatus.SEE_OTHER })`);
});

describe('readers: only a fixed Location with a redirect status is Redirect.toUrl', () => {
  const kongPlugin = (config: object) => ({ apiVersion: 'configuration.konghq.com/v1', kind: 'KongPlugin', metadata: { name: 'moved', namespace: 'apps' }, plugin: 'redirect', config });
  const ingress = {
    apiVersion: 'networking.k8s.io/v1',
    kind: 'Ingress',
    metadata: { name: 'old', namespace: 'apps', annotations: { 'konghq.com/plugins': 'moved' } },
    spec: { ingressClassName: 'kong', rules: [{ host: 'api.example.com', http: { paths: [{ path: '/', pathType: 'Prefix', backend: { service: { name: 'api', port: { number: 80 } } } }] } }] },
  };
  const httpRoute = {
    apiVersion: 'gateway.networking.k8s.io/v1',
    kind: 'HTTPRoute',
    metadata: { name: 'old', namespace: 'apps' },
    spec: {
      parentRefs: [{ name: 'kong' }],
      hostnames: ['api.example.com'],
      rules: [{ filters: [{ type: 'ExtensionRef', extensionRef: { group: 'configuration.konghq.com', kind: 'KongPlugin', name: 'moved' } }], backendRefs: [{ name: 'api', port: 80 }] }],
    },
  };
  const readers = {
    'kong': (config: object) => new KongIngressReader().read([ingress, kongPlugin(config)]),
    'kong-gateway-api': (config: object) => KONG_GATEWAY_API_READER.read([httpRoute, kongPlugin(config)]),
  };
  test.each(KONG)('%s', (controller) => {
    const read = readers[controller as keyof typeof readers];
    // Kong's defaults: status 301, keep_incoming_path false.
    expect(read({ location: 'https://new.example.com/x' }).gateways[0].routes[0].policies.redirect).toMatchObject({ url: 'https://new.example.com/x', statusCode: 301 });
    for (const [config, reason] of [
      [{ location: 'https://new.example.com', keep_incoming_path: true }, /keep_incoming_path keeps the request path/],
      [{ location: 'https://new.example.com', status_code: 200 }, /the intent redirects with 301, 302, 303, 307, 308 \(200 given\)/],
      [{ location: 'ftp://new.example.com' }, /Redirect.toUrl: .* must be an absolute http or https URL/],
    ] as Array<[object, RegExp]>) {
      const r = read(config);
      expect(r.gateways[0]?.routes[0]?.policies.redirect).toBeUndefined();
      expect(r.items.filter(i => i.reason !== undefined).map(i => i.reason).join('\n')).toMatch(reason);
    }
  });
});
