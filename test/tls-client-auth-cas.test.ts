import { roundTripProblems } from './property/roundtrip';
import { CONTROLLERS, newChart, synthConformant, synthError } from './util';
import { ApiGateway, Backend, CaCertificates, ClientAuth, TlsCertificate } from '../src';
import { ControllerName } from '../src/capabilities/features';
import { routeTable } from '../src/checks/route-table';
import { generateCode } from '../src/import/codegen';
import { planImport } from '../src/import/plan';

/*
 * ClientAuth `additionalCas`: client certificates verified against several CA sources. Cells are
 * in test/capabilities.test.ts; this file covers round trips, CA kinds, codegen and bad inputs.
 */

const CA_KIND: { readonly [c in ControllerName]?: (name: string) => CaCertificates } = {
  'traefik': CaCertificates.fromSecret,
  'traefik-ingress': CaCertificates.fromSecret,
  'gateway-api': CaCertificates.fromConfigMap,
  'envoy-gateway': CaCertificates.fromConfigMap,
};

function gateway(controller: ControllerName, clientAuth: ClientAuth) {
  const chart = newChart();
  const gw = new ApiGateway(chart, 'edge', { controller: CONTROLLERS[controller]() });
  gw.addTlsHost('tls', { hosts: ['a.example.com'], certificate: TlsCertificate.fromSecret('a-cert'), clientAuth });
  gw.addRoute('r', { hosts: ['a.example.com'], backend: Backend.service('api', 80) });
  return { chart, gw };
}

test.each(Object.keys(CA_KIND) as ControllerName[])('%s renders every CA and reads them back in order', (controller) => {
  const ca = CA_KIND[controller]!;
  const { chart, gw } = gateway(controller, ClientAuth.required(ca('partner-a'), { additionalCas: [ca('partner-b'), ca('partner-c')] }));
  const objects = synthConformant(chart);
  expect(JSON.stringify(objects)).toMatch(/partner-a.*partner-b.*partner-c/);
  expect(roundTripProblems(controller, gw, objects)).toEqual([]);
  expect(routeTable(gw._gatewayIr()).tls[0].clientAuth?.additionalCas).toHaveLength(2);
});

test('each additional CA must be of a kind the controller reads', () => {
  const { chart } = gateway('traefik', ClientAuth.optional(CaCertificates.fromSecret('a'), { additionalCas: [CaCertificates.fromConfigMap('b')] }));
  expect(synthError(chart)).toContain('[test/edge/tls] ');
  expect(synthError(chart)).toContain('clientAuth.additionalCas[0]');
});

test('import codegen prints the option', () => {
  const { gw } = gateway('envoy-gateway', ClientAuth.optional(CaCertificates.fromConfigMap('a'), { additionalCas: [CaCertificates.fromSecret('b')] }));
  const code = generateCode(planImport({ gateways: [gw._gatewayIr()], issuersBySecret: new Map() }), { controller: 'envoy-gateway', importFrom: 'cdk8s-gateway' });
  expect(code).toContain("ClientAuth.optional(CaCertificates.fromConfigMap('a'), {\n    additionalCas: [CaCertificates.fromSecret('b')],\n  })");
});

test.each<[string, () => ClientAuth, string]>([
  ['options a string', () => ClientAuth.required(CaCertificates.fromSecret('a'), 'b' as any), "ClientAuth.required: options must be an object, got 'b'"],
  ['additionalCas not an array', () => ClientAuth.required(CaCertificates.fromSecret('a'), { additionalCas: CaCertificates.fromSecret('b') as any }),
    '[test/edge/tls] TlsHost.clientAuth.additionalCas: must be an array of CaCertificates'],
  ['a hole', () => ClientAuth.required(CaCertificates.fromSecret('a'), { additionalCas: [, CaCertificates.fromSecret('b')] as any }),
    '[test/edge/tls] TlsHost.clientAuth.additionalCas[0]: is a hole'],
  ['a string CA', () => ClientAuth.required(CaCertificates.fromSecret('a'), { additionalCas: ['b' as any] }),
    '[test/edge/tls] TlsHost.clientAuth.additionalCas[0]: must be created with CaCertificates.fromSecret() or CaCertificates.fromConfigMap()'],
  ['the first CA again', () => ClientAuth.required(CaCertificates.fromSecret('a'), { additionalCas: [CaCertificates.fromSecret('a')] }),
    "[test/edge/tls] TlsHost.clientAuth.additionalCas[0]: Secret 'a' is already trusted"],
])('bad input: %s', (_, make, expected) => {
  let message = '';
  try { gateway('traefik', make()); } catch (e) { message = (e as Error).message; }
  expect(message).toContain(expected);
  expect(message).not.toMatch(/TypeError|Cannot read/);
});
