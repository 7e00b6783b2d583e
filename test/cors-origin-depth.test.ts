import { roundTripProblems } from './property/roundtrip';
import { expectImportRoundTrip, expectOwnError } from './tls-feature-helpers';
import { CONTROLLERS, newChart, synthConformant, synthError } from './util';
import { ApiGateway, Backend, Cors } from '../src';
import { ControllerName } from '../src/capabilities/features';
import { routeTable } from '../src/checks/route-table';
import { INGRESS_NGINX_READER } from '../src/controllers/ingress-nginx/reader';

/*
 * Issue #12: a CORS wildcard origin has the depth a route host's wildcard has. `https://*.x` is
 * exactly one DNS label, `https://**.x` one or more (neither is `https://x`). Each controller
 * renders the depth it can match exactly and refuses the other, naming it. The cells are in
 * test/capabilities.test.ts; this file checks what the rendered patterns match, the round
 * trips, the refusals and bad inputs.
 */

function corsGateway(controller: ControllerName, origins: string[]) {
  const chart = newChart();
  const gw = new ApiGateway(chart, 'edge', { controller: CONTROLLERS[controller]() });
  gw.addRoute('r', { hosts: ['api.example.com'], backend: Backend.service('api', 80), cors: Cors.allow({ origins }) });
  return { chart, gw };
}

const find = (objects: any[], kind: string, name: string) => objects.find(o => o.kind === kind && o.metadata.name === name);

/** The origin patterns a regex-rendering controller writes (Traefik's regex list, Kong's origins). */
function regexes(controller: 'traefik' | 'traefik-ingress' | 'kong' | 'kong-gateway-api', origin: string): string[] {
  const objects = synthConformant(corsGateway(controller, [origin]).chart);
  const mw = find(objects, 'Middleware', 'edge-r-cors');
  return mw ? mw.spec.headers.accessControlAllowOriginListRegex : find(objects, 'KongPlugin', 'edge-r-cors').config.origins;
}

const ONE = ['https://a.example.com', 'https://b-2.example.com'];
const DEEPER = ['https://a.b.example.com', 'https://x.y.z.example.com'];
const NEVER = ['https://example.com', 'http://a.example.com', 'https://a.example.com.evil.test', 'https://aexample.com', 'https://a.example.com:8443'];

describe.each(['traefik', 'traefik-ingress', 'kong', 'kong-gateway-api'] as const)('%s: anchored regexes of the exact depth', controller => {
  test('`*.`: exactly one label', () => {
    const [re] = regexes(controller, 'https://*.example.com').map(r => new RegExp(r));
    expect([...ONE, ...DEEPER, ...NEVER].map(o => re.test(o))).toEqual([true, true, false, false, false, false, false, false, false]);
  });

  test('`**.`: one or more labels', () => {
    const [re] = regexes(controller, 'https://**.example.com').map(r => new RegExp(r));
    expect([...ONE, ...DEEPER, ...NEVER].map(o => re.test(o))).toEqual([true, true, true, true, false, false, false, false, false]);
  });

  test.each(['https://*.example.com', 'https://**.example.com', 'https://*.example.com:8443'])('%s reads back to the same route table', origin => {
    const { chart, gw } = corsGateway(controller, [origin, 'https://web.example.com']);
    expect(roundTripProblems(controller, gw, synthConformant(chart))).toEqual([]);
    expect(routeTable(gw._gatewayIr()).routes[0].policies.cors?.origins).toEqual([origin, 'https://web.example.com']);
  });
});

test('ingress-nginx: a `*.` origin is its own one-label wildcard, written as is and read back', () => {
  const { chart, gw } = corsGateway('ingress-nginx', ['https://*.example.com', 'https://web.example.com']);
  const objects = synthConformant(chart);
  expect(find(objects, 'Ingress', 'edge-r').metadata.annotations['nginx.ingress.kubernetes.io/cors-allow-origin']).toBe('https://*.example.com, https://web.example.com');
  expect(roundTripProblems('ingress-nginx', gw, objects)).toEqual([]);
});

test('ingress-nginx refuses a `**.` origin, naming the one-label spelling', () => {
  expect(synthError(corsGateway('ingress-nginx', ['https://**.example.com']).chart)).toContain(
    "[test/edge/r] CORS any-depth wildcard origin (`**.`: one or more labels) (cors.origins) is not supported by controller 'ingress-nginx': "
    + 'cors-allow-origin turns `*` into `[A-Za-z0-9-]+`, exactly one DNS label; write `https://*.example.com` for one label, or list the deeper origins. '
    + 'Supported by: Controller.traefik(), Controller.traefik({ output: TraefikOutput.INGRESS }), Controller.kong(), Controller.kong({ mode: KongMode.GATEWAY_API }), '
    + 'Controller.gatewayApi(), Controller.envoyGateway(), Controller.istio().');
});

test('ingress-nginx reader: a `*.` origin over a one-label domain is unmapped (the intent needs two labels)', () => {
  const ingress = {
    apiVersion: 'networking.k8s.io/v1',
    kind: 'Ingress',
    metadata: {
      name: 'r',
      namespace: 'edge',
      annotations: { 'nginx.ingress.kubernetes.io/enable-cors': 'true', 'nginx.ingress.kubernetes.io/cors-allow-origin': 'https://*.com' },
    },
    spec: { ingressClassName: 'nginx', rules: [{ host: 'a.example.com', http: { paths: [{ path: '/', pathType: 'Prefix', backend: { service: { name: 'svc', port: { number: 80 } } } }] } }] },
  };
  const result = INGRESS_NGINX_READER.read([ingress]);
  expect(result.gateways[0].routes[0].policies.cors).toBeUndefined();
  expect(result.items.find(i => i.field.includes('cors-allow-origin'))?.reason).toMatch(/one-label domain/);
});

describe.each(['gateway-api', 'envoy-gateway', 'istio'] as const)('%s: the CORS filter\'s greedy `*`', controller => {
  test('`**.` is written `*.` and read back as `**.`', () => {
    const { chart, gw } = corsGateway(controller, ['https://**.example.com']);
    const objects = synthConformant(chart);
    const route = objects.find(o => o.kind === 'HTTPRoute');
    expect(route.spec.rules[0].filters.find((f: any) => f.type === 'CORS').cors.allowOrigins).toEqual(['https://*.example.com']);
    expect(roundTripProblems(controller, gw, objects)).toEqual([]);
  });

  test('`*.` (exactly one label) is refused, naming `**.`', () => {
    expect(synthError(corsGateway(controller, ['https://*.example.com']).chart)).toContain(
      `[test/edge/r] CORS wildcard origin (\`*.\`: exactly one label) (cors.origins) is not supported by controller '${controller}': `
      + 'the CORS filter\'s `*` is greedy to the left (one or more labels) and cannot stop at one; write `https://**.example.com` for one or more labels, or list the one-label origins. '
      + 'Supported by: Controller.ingressNginx(), Controller.traefik(), Controller.traefik({ output: TraefikOutput.INGRESS }), Controller.kong(), Controller.kong({ mode: KongMode.GATEWAY_API }).');
  });
});

test('import codegen prints the `**.` origin, and building the plan gives the same intent', () => {
  expectImportRoundTrip(corsGateway('gateway-api', ['https://**.example.com']).gw, 'gateway-api', "'https://**.example.com'");
});

describe('bad origins name the field and both spellings', () => {
  test.each<[unknown, string]>([
    ['https://***.example.com', "Cors.origins[0]: 'https://***.example.com' must be scheme://host[:port] in lowercase with no path (or '*' alone); a wildcard host is '*.example.com' (exactly one label) or '**.example.com' (one or more labels)"],
    ['https://a.*.example.com', "a wildcard host is '*.example.com' (exactly one label) or '**.example.com' (one or more labels)"],
    ['https://**.com', "Cors.origins[0]: 'https://**.com': a wildcard must cover a domain with at least two labels (as in route hosts)"],
    ['https://*.com', "Cors.origins[0]: 'https://*.com': a wildcard must cover a domain with at least two labels"],
    ['https://**', "Cors.origins[0]: 'https://**' must be scheme://host[:port]"],
    [null, 'Cors.origins[0]: is null; the array must hold origins only'],
    [42, 'Cors.origins[0]: 42 must be scheme://host[:port]'],
  ])('%s', (origin, expected) => expectOwnError(() => Cors.allow({ origins: [origin as string] }), expected));
});
