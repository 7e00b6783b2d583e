import { roundTripProblems } from './property/roundtrip';
import { expectImportRoundTrip, expectOwnError } from './tls-feature-helpers';
import { CONTROLLERS, newChart, synthConformant, synthError } from './util';
import { ApiGateway, Backend, TlsCertificate, Warnings } from '../src';
import { ControllerName } from '../src/capabilities/features';
import { routeTable } from '../src/checks/route-table';
import { TraefikReader } from '../src/controllers/traefik/reader';

/*
 * ApiGateway.strictSni (issue #17): refuse TLS handshakes without a known SNI. Only Traefik can
 * say it, instance-wide, with the TLSOption named `default`. The cells are in
 * test/capabilities.test.ts; this file covers the object, the warning, round trips, the reader,
 * the import codegen and bad inputs.
 */

function strictGateway(controller: ControllerName, strictSni: unknown = true) {
  const chart = newChart();
  const gw = new ApiGateway(chart, 'edge', { controller: CONTROLLERS[controller](), strictSni: strictSni as boolean });
  gw.addTlsHost('tls', { hosts: ['api.example.com'], certificate: TlsCertificate.fromSecret('api-cert'), sessionTickets: false });
  gw.addRoute('r', { hosts: ['api.example.com'], backend: Backend.service('api', 80) });
  return { chart, gw };
}

test.each(['traefik', 'traefik-ingress'] as const)('%s: a TLSOption named default with sniStrict alone, beside the TlsHost\'s own TLSOption', controller => {
  const objects = synthConformant(strictGateway(controller).chart);
  const options = objects.filter(o => o.kind === 'TLSOption');
  expect(options.find(o => o.metadata.name === 'default')).toEqual({
    apiVersion: 'traefik.io/v1alpha1', kind: 'TLSOption', metadata: { name: 'default', namespace: 'edge' }, spec: { sniStrict: true },
  });
  // The TlsHost keeps its own TLSOption (sniStrict is checked with the default one).
  expect(options.filter(o => o.metadata.name !== 'default').map(o => o.spec)).toEqual([{ disableSessionTickets: true }]);
});

test('without strictSni (or with false) there is no default TLSOption', () => {
  for (const value of [undefined, false]) {
    const chart = newChart();
    const gw = new ApiGateway(chart, 'edge', { controller: CONTROLLERS.traefik(), strictSni: value });
    gw.addTlsHost('tls', { hosts: ['api.example.com'], certificate: TlsCertificate.fromSecret('api-cert') });
    gw.addRoute('r', { hosts: ['api.example.com'], backend: Backend.service('api', 80) });
    expect(synthConformant(chart).some(o => o.kind === 'TLSOption' && o.metadata.name === 'default')).toBe(false);
  }
});

test('Traefik warns that the setting is instance-wide', () => {
  const { chart } = strictGateway('traefik');
  const all = Warnings.of(chart).all;
  expect(all.map(w => [w.id, w.path])).toContainEqual(['instance-wide-setting', 'test/edge']);
  expect(all.find(w => w.id === 'instance-wide-setting')?.message).toMatch(/^strictSni: the TLSOption named `default` applies to every router of the Traefik instance/);
  expect(Warnings.of(strictGateway('traefik', false).chart).ids).not.toContain('instance-wide-setting');
});

test.each(['traefik', 'traefik-ingress'] as const)('%s reads strictSni back to the same route table', controller => {
  const { chart, gw } = strictGateway(controller);
  expect(roundTripProblems(controller, gw, synthConformant(chart))).toEqual([]);
  expect(routeTable(gw._gatewayIr()).strictSni).toBe(true);
});

test('Traefik reader: a default TLSOption with other settings, or two of them, is unmapped', () => {
  const option = (namespace: string, spec: object) => ({ apiVersion: 'traefik.io/v1alpha1', kind: 'TLSOption', metadata: { name: 'default', namespace }, spec });
  const route = {
    apiVersion: 'traefik.io/v1alpha1',
    kind: 'IngressRoute',
    metadata: { name: 'r', namespace: 'edge' },
    spec: { entryPoints: ['websecure'], routes: [{ kind: 'Rule', match: 'Host(`api.example.com`)', services: [{ name: 'api', port: 80 }] }], tls: { secretName: 'api-cert' } },
  };
  const read = (...objects: object[]) => new TraefikReader().read([route, ...objects] as any);
  const extra = read(option('edge', { sniStrict: true, minVersion: 'VersionTLS13' }));
  expect(extra.gateways[0].strictSni).toBeUndefined();
  expect(extra.items.find(i => i.object === 'TLSOption edge/default')?.reason).toMatch(/only sniStrict: true alone/);
  const two = read(option('edge', { sniStrict: true }), option('other', { sniStrict: true }));
  expect(two.gateways[0].strictSni).toBeUndefined();
  expect(two.items.filter(i => i.reason?.includes('drops every TLSOption named default'))).toHaveLength(2);
  expect(read(option('edge', { sniStrict: true })).gateways[0].strictSni).toBe(true);
});

test('refused elsewhere with the standard message', () => {
  expect(synthError(strictGateway('envoy-gateway').chart)).toContain(
    "[test/edge] Strict SNI (no default certificate) (strictSni) is not supported by controller 'envoy-gateway': Envoy Gateway's ClientTrafficPolicy tls settings have no strict-SNI field");
  expect(synthError(strictGateway('ingress-nginx').chart)).toContain("is not supported by controller 'ingress-nginx': ingress-nginx answers a handshake without SNI");
});

test('import codegen prints strictSni, and building the plan gives the same intent', () => {
  expectImportRoundTrip(strictGateway('traefik').gw, 'traefik', "namespace: 'edge', strictSni: true });");
});

test('two strictSni gateways in one app: the second is refused, naming the first', () => {
  const chart = newChart();
  for (const [id, namespace] of [['one', 'a'], ['two', 'b']]) {
    const gw = new ApiGateway(chart, id, { controller: CONTROLLERS.traefik(), namespace, strictSni: true });
    gw.addTlsHost('tls', { hosts: [`${id}.example.com`], certificate: TlsCertificate.fromSecret('cert') });
    gw.addRoute('r', { hosts: [`${id}.example.com`], backend: Backend.service('api', 80) });
  }
  const error = synthError(chart);
  expect(error).toContain('[test/two] ApiGateway.strictSni: [test/one] sets it too, and strict SNI is a setting of the whole controller instance, written once per cluster');
  expect(error).not.toContain('[test/one] ApiGateway.strictSni');
});

describe('bad inputs name the field', () => {
  test.each<[string, unknown, string]>([
    ['a string', 'true', "[test/edge] ApiGateway.strictSni: 'true' must be true or false"],
    ['null', null, '[test/edge] ApiGateway.strictSni: null must be true or false'],
    ['a number', 1, '[test/edge] ApiGateway.strictSni: 1 must be true or false'],
  ])('%s', (_, value, expected) => expectOwnError(() => strictGateway('traefik', value), expected));
});
