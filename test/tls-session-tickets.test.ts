import { roundTripProblems } from './property/roundtrip';
import { envoyListenerTlsPolicy, expectImportRoundTrip, expectOwnError } from './tls-feature-helpers';
import { CONTROLLERS, newChart, synthConformant, synthError } from './util';
import { ApiGateway, Backend, TlsCertificate, TlsMode } from '../src';
import { ControllerName } from '../src/capabilities/features';
import { routeTable } from '../src/checks/route-table';
import { ENVOY_GATEWAY_READER } from '../src/controllers/envoy-gateway/reader';

/*
 * TlsHost.sessionTickets. The capability cells (rendered fields, refusals) are in
 * test/capabilities.test.ts; this file covers both values, the Envoy Gateway refusal of `false`,
 * round trips, readers, the import codegen and bad inputs.
 */

function tlsGateway(controller: ControllerName, sessionTickets: boolean) {
  const chart = newChart();
  const gw = new ApiGateway(chart, 'edge', { controller: CONTROLLERS[controller]() });
  gw.addTlsHost('tls', { hosts: ['api.example.com'], certificate: TlsCertificate.fromSecret('api-cert'), sessionTickets });
  gw.addRoute('r', { hosts: ['api.example.com'], backend: Backend.service('api', 80) });
  return { chart, gw };
}

test('Traefik writes disableSessionTickets either way; Envoy Gateway turns stateless resumption on', () => {
  for (const [value, disabled] of [[false, true], [true, false]] as const) {
    const option = synthConformant(tlsGateway('traefik', value).chart).find(o => o.kind === 'TLSOption');
    expect(option.spec).toEqual({ disableSessionTickets: disabled });
  }
  const policy = synthConformant(tlsGateway('envoy-gateway', true).chart).find(o => o.kind === 'ClientTrafficPolicy');
  expect(policy.spec.tls).toEqual({ session: { resumption: { stateless: {} } } });
});

test('Envoy Gateway refuses sessionTickets: false (its default, with no field to say it)', () => {
  expect(synthError(tlsGateway('envoy-gateway', false).chart)).toContain(
    "[test/edge/tls] TLS session tickets per host (sessionTickets) is not supported by controller 'envoy-gateway': ClientTrafficPolicy tls.session only turns resumption on; "
    + 'without it Envoy Gateway resumes no session, which is what sessionTickets: false asks, so leave sessionTickets unset. '
    + 'Supported by: Controller.traefik(), Controller.traefik({ output: TraefikOutput.INGRESS }).');
});

test.each<[ControllerName, boolean]>([
  ['traefik', true], ['traefik', false], ['traefik-ingress', false], ['envoy-gateway', true],
])('%s reads sessionTickets: %s back to the same route table', (controller, value) => {
  const { chart, gw } = tlsGateway(controller, value);
  expect(roundTripProblems(controller, gw, synthConformant(chart))).toEqual([]);
  expect(routeTable(gw._gatewayIr()).tls[0].sessionTickets).toBe(value);
});

test('Envoy Gateway reader: stateful (session id) resumption is not session tickets', () => {
  const objects = (session: object) => envoyListenerTlsPolicy({ session });
  expect(ENVOY_GATEWAY_READER.read(objects({ resumption: { stateless: {} } })).gateways[0].tlsHosts[0].sessionTickets).toBe(true);
  const stateful = ENVOY_GATEWAY_READER.read(objects({ resumption: { stateful: {} } }));
  expect(stateful.gateways[0].tlsHosts[0].sessionTickets).toBeUndefined();
  expect(stateful.items.find(i => i.field === 'spec.tls.session')?.reason).toMatch(/stateful \(session id\) resumption is not modelled/);
});

test('import codegen prints the flag, and building the plan gives the same intent', () => {
  expectImportRoundTrip(tlsGateway('traefik', false).gw, 'traefik', '  sessionTickets: false,');
});

describe('bad inputs name the field', () => {
  const host = (sessionTickets: unknown) => () => new ApiGateway(newChart(), 'edge', { controller: CONTROLLERS.traefik() })
    .addTlsHost('t', { hosts: ['api.example.com'], certificate: TlsCertificate.fromSecret('c'), sessionTickets: sessionTickets as boolean });
  test.each<[string, () => unknown, string]>([
    ['a string', host('false'), "[test/edge/t] TlsHost.sessionTickets: 'false' must be true or false"],
    ['null', host(null), '[test/edge/t] TlsHost.sessionTickets: null must be true or false'],
    ['a number', host(0), '[test/edge/t] TlsHost.sessionTickets: 0 must be true or false'],
    ['on a passthrough host', () => new ApiGateway(newChart(), 'edge', { controller: CONTROLLERS.traefik() })
      .addTlsHost('t', { hosts: ['api.example.com'], mode: TlsMode.passthrough(Backend.service('db', 5432)), sessionTickets: true }),
    '[test/edge/t] TlsHost.sessionTickets: a passthrough host is not terminated at the gateway'],
  ])('%s', (_, f, expected) => expectOwnError(f, expected));
});
