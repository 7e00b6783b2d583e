import { roundTripProblems } from './property/roundtrip';
import { expectImportRoundTrip } from './tls-feature-helpers';
import { CONTROLLERS, newChart, synthConformant, synthError } from './util';
import { ApiGateway, Backend, PathMatch, Redirect, RedirectStatus, RouteProtocols, TlsCertificate } from '../src';
import { KONG_GATEWAY_API_READER } from '../src/controllers/kong/gateway-api-reader';

/*
 * Kong's Gateway API mode: a route's own Redirect.toHttps() and RouteProtocols.HTTPS_ONLY are the
 * HTTPRoute annotations a TlsHost's redirect uses (konghq.com/protocols: https +
 * konghq.com/https-redirect-status-code). The capability cells are in test/capabilities.test.ts;
 * this file covers the interplay with the TlsHost's redirect, the reader and round trips.
 */

const STATUS = 'konghq.com/https-redirect-status-code';
const PROTOCOLS = 'konghq.com/protocols';

function kong(httpsRedirect: boolean, admin: { redirect?: Redirect; protocols?: RouteProtocols }) {
  const chart = newChart();
  const gw = new ApiGateway(chart, 'edge', { controller: CONTROLLERS['kong-gateway-api']() });
  gw.addTlsHost('tls', { hosts: ['api.example.com'], certificate: TlsCertificate.fromSecret('api-cert'), httpsRedirect });
  gw.addRoute('admin', { hosts: ['api.example.com'], match: { path: PathMatch.prefix('/admin') }, backend: Backend.service('admin', 80), ...admin });
  gw.addRoute('web', { hosts: ['api.example.com'], backend: Backend.service('web', 80) });
  return { chart, gw };
}

const route = (objects: any[], name: string) => objects.find(o => o.kind === 'HTTPRoute' && o.metadata.name === name);
const annotations = (objects: any[], name: string) => {
  const a = route(objects, name).metadata.annotations;
  return [a?.[PROTOCOLS], a?.[STATUS]];
};

const CASES: Array<[string, { redirect?: Redirect; protocols?: RouteProtocols }, string]> = [
  ['Redirect.toHttps() 301', { redirect: Redirect.toHttps({ statusCode: RedirectStatus.MOVED_PERMANENTLY }) }, '301'],
  ['Redirect.toHttps() 308', { redirect: Redirect.toHttps() }, '308'],
  ['RouteProtocols.HTTPS_ONLY', { protocols: RouteProtocols.HTTPS_ONLY }, '426'],
];

test.each(CASES)('%s: the route\'s own status on its HTTPRoute; the TlsHost still redirects its other routes with 308', (_, admin, status) => {
  const objects = synthConformant(kong(true, admin).chart);
  expect(annotations(objects, 'edge-admin')).toEqual(['https', status]);
  expect(annotations(objects, 'edge-web')).toEqual(['https', '308']);
  const plain = synthConformant(kong(false, admin).chart);
  expect(annotations(plain, 'edge-admin')).toEqual(['https', status]);
  expect(annotations(plain, 'edge-web')).toEqual([undefined, undefined]);
});

describe.each(CASES)('%s reads back to the same route table', (_, admin) => {
  test.each([true, false])('TlsHost httpsRedirect %s', (httpsRedirect) => {
    const { chart, gw } = kong(httpsRedirect, admin);
    expect(roundTripProblems('kong-gateway-api', gw, synthConformant(chart))).toEqual([]);
  });
});

test('import codegen prints the route\'s own settings, and building the plan gives the same intent', () => {
  expectImportRoundTrip(kong(false, { protocols: RouteProtocols.HTTPS_ONLY }).gw, 'kong-gateway-api', 'protocols: RouteProtocols.HTTPS_ONLY,');
});

test('reader: 301 is the route\'s Redirect.toHttps(), 426 RouteProtocols.HTTPS_ONLY; other codes are not modelled', () => {
  const read = (status: string) => KONG_GATEWAY_API_READER.read([{
    apiVersion: 'gateway.networking.k8s.io/v1',
    kind: 'HTTPRoute',
    metadata: { name: 'admin', namespace: 'apps', annotations: { [PROTOCOLS]: 'https', [STATUS]: status } },
    spec: { parentRefs: [{ name: 'kong' }], hostnames: ['api.example.com'], rules: [{ backendRefs: [{ name: 'admin', port: 80 }] }] },
  }]);
  const redirect = read('301');
  expect(redirect.gateways[0].routes[0].policies.redirect).toEqual({ source: 'HTTPRoute apps/admin', scheme: 'https', statusCode: 301 });
  expect(redirect.items.find(i => i.field.includes(STATUS))?.to).toMatch(/Redirect.toHttps\(\{ statusCode: 301 \}\)/);
  const refused = read('426');
  expect(refused.gateways[0].routes[0].protocols).toBe('https');
  expect(refused.gateways[0].routes[0].policies.redirect).toBeUndefined();
  expect(refused.items.find(i => i.field.includes(PROTOCOLS))?.to).toMatch(/RouteProtocols.HTTPS_ONLY/);
  const other = read('403');
  expect(other.gateways[0].routes[0].protocols).toBeUndefined();
  expect(other.gateways[0].routes[0].policies.redirect).toBeUndefined();
  expect(other.items.find(i => i.field.includes(STATUS))?.reason).toMatch(/refuses it with 426, both annotations written/);
});

test('a route\'s 308 redirect on a host whose TlsHost does not redirect is read as the route\'s own', () => {
  const { chart } = kong(false, { redirect: Redirect.toHttps() });
  const read = KONG_GATEWAY_API_READER.read(synthConformant(chart));
  const routes = read.gateways[0].routes;
  expect(routes.find(r => r.name === 'edge-admin')?.policies.redirect).toMatchObject({ scheme: 'https', statusCode: 308 });
  expect(routes.find(r => r.name === 'edge-web')?.policies.redirect).toBeUndefined();
  expect(read.gateways[0].tlsHosts.map(t => t.httpsRedirect)).toEqual([false]);
});

test('Redirect.toHttps() on a host without a TlsHost is refused: the owned Gateway has no HTTPS listener for it', () => {
  const chart = newChart();
  const gw = new ApiGateway(chart, 'edge', { controller: CONTROLLERS['kong-gateway-api']() });
  gw.addRoute('r', { hosts: ['api.example.com'], backend: Backend.service('api', 80), redirect: Redirect.toHttps() });
  expect(synthError(chart)).toContain('[test/edge/r] Route.redirect: Redirect.toHttps() serves the backend over HTTPS only, but no TlsHost covers api.example.com, so the Gateway has no HTTPS listener for it; add a TlsHost for the route\'s hosts');
});

test('Redirect.toHttps() without a backend and with 303 are refused with the standard message', () => {
  const chart = newChart();
  const gw = new ApiGateway(chart, 'edge', { controller: CONTROLLERS['kong-gateway-api']() });
  gw.addTlsHost('tls', { hosts: ['api.example.com'], certificate: TlsCertificate.fromSecret('api-cert') });
  gw.addRoute('r', { hosts: ['api.example.com'], redirect: Redirect.toHttps() });
  gw.addRoute('s', { hosts: ['api.example.com'], match: { path: PathMatch.prefix('/s') }, backend: Backend.service('api', 80), redirect: Redirect.toHttps({ statusCode: RedirectStatus.SEE_OTHER }) });
  const error = synthError(chart);
  expect(error).toContain('[test/edge/r] Redirect to HTTPS / another scheme (redirect) is not supported by controller \'kong-gateway-api\': Kong redirects only plain-HTTP requests and forwards HTTPS ones, so the route needs a backend; use Redirect.toHttps() with a backend.');
  expect(error).toContain('[test/edge/s] Redirect to HTTPS / another scheme (redirect.statusCode) is not supported by controller \'kong-gateway-api\': Kong redirects plain HTTP to HTTPS with 301, 302, 307, 308 only (303 given).');
});
