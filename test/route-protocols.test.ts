import { roundTripProblems } from './property/roundtrip';
import { expectImportRoundTrip, expectOwnError } from './tls-feature-helpers';
import { CONTROLLERS, newChart, synthConformant } from './util';
import { ApiGateway, Backend, PathMatch, Redirect, RouteProtocols, TlsCertificate } from '../src';
import { routeTable } from '../src/checks/route-table';
import { KongIngressReader } from '../src/controllers/kong/reader';

/*
 * Route.protocols: RouteProtocols.HTTPS_ONLY refuses plain HTTP with 426 (Kong Ingress). The
 * capability cells (rendered fields, refusals) are in test/capabilities.test.ts; this file covers
 * the interplay with a TlsHost's redirect, the reader, round trips, codegen and bad inputs.
 */

const STATUS = 'konghq.com/https-redirect-status-code';
const PROTOCOLS = 'konghq.com/protocols';

function kong(httpsRedirect: boolean) {
  const chart = newChart();
  const gw = new ApiGateway(chart, 'edge', { controller: CONTROLLERS.kong() });
  gw.addTlsHost('tls', { hosts: ['api.example.com'], certificate: TlsCertificate.fromSecret('api-cert'), httpsRedirect });
  gw.addRoute('admin', { hosts: ['api.example.com'], match: { path: PathMatch.prefix('/admin') }, backend: Backend.service('admin', 80), protocols: RouteProtocols.HTTPS_ONLY });
  gw.addRoute('web', { hosts: ['api.example.com'], backend: Backend.service('web', 80) });
  return { chart, gw };
}

const ingress = (objects: any[], name: string) => objects.find(o => o.kind === 'Ingress' && o.metadata.name === name);

test('Kong: the route refuses plain HTTP with 426; the TlsHost still redirects its other routes with 308', () => {
  const objects = synthConformant(kong(true).chart);
  expect([ingress(objects, 'edge-admin').metadata.annotations[PROTOCOLS], ingress(objects, 'edge-admin').metadata.annotations[STATUS]]).toEqual(['https', '426']);
  expect([ingress(objects, 'edge-web').metadata.annotations[PROTOCOLS], ingress(objects, 'edge-web').metadata.annotations[STATUS]]).toEqual(['https', '308']);
  const plain = synthConformant(kong(false).chart);
  expect(ingress(plain, 'edge-admin').metadata.annotations[STATUS]).toBe('426');
  expect(ingress(plain, 'edge-web').metadata.annotations?.[STATUS]).toBeUndefined();
});

test.each([true, false])('Kong reads the HTTPS-only route back to the same route table (TlsHost httpsRedirect %s)', (httpsRedirect) => {
  const { chart, gw } = kong(httpsRedirect);
  expect(roundTripProblems('kong', gw, synthConformant(chart))).toEqual([]);
  expect(routeTable(gw._gatewayIr()).routes.filter(r => r.protocols === 'https').map(r => r.match.path)).toEqual([{ kind: 'Prefix', value: '/admin' }]);
});

test('Kong reader: 426 is RouteProtocols.HTTPS_ONLY; another non-redirect status is not modelled', () => {
  const read = (status: string) => new KongIngressReader().read([{
    apiVersion: 'networking.k8s.io/v1',
    kind: 'Ingress',
    metadata: { name: 'admin', namespace: 'apps', annotations: { [PROTOCOLS]: 'https', [STATUS]: status } },
    spec: {
      ingressClassName: 'kong',
      rules: [{ host: 'api.example.com', http: { paths: [{ path: '/', pathType: 'Prefix', backend: { service: { name: 'admin', port: { number: 80 } } } }] } }],
    },
  }]);
  const refused = read('426');
  expect(refused.gateways[0].routes[0].protocols).toBe('https');
  expect(refused.items.find(i => i.field.includes(PROTOCOLS))?.to).toMatch(/RouteProtocols.HTTPS_ONLY/);
  const other = read('403');
  expect(other.gateways[0].routes[0].protocols).toBeUndefined();
  expect(other.items.find(i => i.field.includes(PROTOCOLS))?.reason).toMatch(/plain HTTP is refused with 403/);
});

test('import codegen prints the enum member, and building the plan gives the same intent', () => {
  expectImportRoundTrip(kong(true).gw, 'kong', 'protocols: RouteProtocols.HTTPS_ONLY,');
});

describe('bad inputs name the field', () => {
  const route = (extra: object) => () => new ApiGateway(newChart(), 'edge', { controller: CONTROLLERS.kong() })
    .addRoute('r', { hosts: ['api.example.com'], backend: Backend.service('api', 80), ...extra });
  test.each<[string, () => unknown, string]>([
    ['a string', route({ protocols: 'https' }), "[test/edge/r] Route.protocols: 'https' is not a RouteProtocols value (HTTPS_ONLY, HTTP_ONLY)"],
    ['null', route({ protocols: null }), '[test/edge/r] Route.protocols: null is not a RouteProtocols value'],
    ['with Redirect.toHttps()', route({ protocols: RouteProtocols.HTTPS_ONLY, redirect: Redirect.toHttps() }),
      "[test/edge/r] Route.protocols: HTTPS_ONLY refuses plain HTTP, and the route's redirect answers it; remove one of them"],
  ])('%s', (_, f, expected) => expectOwnError(f, expected));
});
