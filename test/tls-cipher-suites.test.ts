import { roundTripProblems } from './property/roundtrip';
import { envoyListenerTlsPolicy } from './tls-feature-helpers';
import { CONTROLLERS, newChart, synthConformant, synthError } from './util';
import { ApiGateway, Backend, TlsCertificate, TlsCipherSuite, TlsMode, TlsVersion } from '../src';
import { ControllerName } from '../src/capabilities/features';
import { routeTable } from '../src/checks/route-table';
import { OPENSSL_CIPHER_NAMES } from '../src/controllers/common/tls';
import { ENVOY_GATEWAY_READER } from '../src/controllers/envoy-gateway/reader';
import { INGRESS_NGINX_READER } from '../src/controllers/ingress-nginx/reader';
import { GO_CIPHER_SUITES } from '../src/controllers/traefik/constants';
import { buildApp } from '../src/import/build';
import { generateCode } from '../src/import/codegen';
import { planImport } from '../src/import/plan';

/*
 * TlsHost.cipherSuites. The capability cells (rendered fields, refusals) are in
 * test/capabilities.test.ts; this file covers the name tables, the round trip, readers, import
 * codegen, the ingress-nginx Ingress-wide rule and bad inputs.
 */

const SUITES = [TlsCipherSuite.TLS_ECDHE_ECDSA_WITH_CHACHA20_POLY1305_SHA256, TlsCipherSuite.TLS_RSA_WITH_AES_256_CBC_SHA];
const RENDERING: ControllerName[] = ['ingress-nginx', 'traefik', 'traefik-ingress', 'envoy-gateway'];

function tlsGateway(controller: ControllerName, cipherSuites: TlsCipherSuite[] | undefined = SUITES) {
  const chart = newChart();
  const gw = new ApiGateway(chart, 'edge', { controller: CONTROLLERS[controller]() });
  gw.addTlsHost('tls', { hosts: ['a.example.com'], certificate: TlsCertificate.fromSecret('a-cert'), cipherSuites });
  gw.addRoute('r', { hosts: ['a.example.com'], backend: Backend.service('api', 80) });
  return { chart, gw };
}

test('every TlsCipherSuite has a name on every controller that renders cipher suites', () => {
  const all = Object.values(TlsCipherSuite).sort();
  expect(Object.keys(OPENSSL_CIPHER_NAMES).sort()).toEqual(all);
  expect([...GO_CIPHER_SUITES].sort()).toEqual(all);
  // OpenSSL names are distinct, so a name reads back to one suite.
  expect(new Set(Object.values(OPENSSL_CIPHER_NAMES)).size).toBe(all.length);
});

test('each controller writes its own names, in the given order', () => {
  const nginx = synthConformant(tlsGateway('ingress-nginx').chart).find(o => o.kind === 'Ingress');
  expect(nginx.metadata.annotations['nginx.ingress.kubernetes.io/ssl-ciphers']).toBe('ECDHE-ECDSA-CHACHA20-POLY1305:AES256-SHA');
  const traefik = synthConformant(tlsGateway('traefik').chart).find(o => o.kind === 'TLSOption');
  expect(traefik.spec).toEqual({ cipherSuites: ['TLS_ECDHE_ECDSA_WITH_CHACHA20_POLY1305_SHA256', 'TLS_RSA_WITH_AES_256_CBC_SHA'] });
  const envoy = synthConformant(tlsGateway('envoy-gateway').chart).find(o => o.kind === 'ClientTrafficPolicy');
  expect(envoy.spec.tls).toEqual({ ciphers: ['ECDHE-ECDSA-CHACHA20-POLY1305', 'AES256-SHA'] });
});

test.each(RENDERING)('%s reads the cipher suites back to the same route table', (controller) => {
  const { chart, gw } = tlsGateway(controller);
  expect(roundTripProblems(controller, gw, synthConformant(chart))).toEqual([]);
  expect(routeTable(gw._gatewayIr()).tls[0].cipherSuites).toEqual(SUITES);
});

test('ingress-nginx: one route serving TLS hosts with different cipher suites is refused (ssl-ciphers is Ingress-wide)', () => {
  const chart = newChart();
  const gw = new ApiGateway(chart, 'edge', { controller: CONTROLLERS['ingress-nginx']() });
  gw.addTlsHost('a', { hosts: ['a.example.com'], certificate: TlsCertificate.fromSecret('a-cert'), cipherSuites: SUITES });
  gw.addTlsHost('b', { hosts: ['b.example.com'], certificate: TlsCertificate.fromSecret('b-cert') });
  gw.addRoute('r', { hosts: ['a.example.com', 'b.example.com'], backend: Backend.service('api', 80) });
  expect(synthError(chart)).toContain("[test/edge/r] TLS 1.2 cipher suites per host (cipherSuites) is not supported by controller 'ingress-nginx': ssl-ciphers applies to a whole Ingress, "
    + "and this route serves 'a.example.com' (cipher suites ECDHE-ECDSA-CHACHA20-POLY1305:AES256-SHA) and 'b.example.com' (the default cipher suites); put them on separate routes");
});

describe('readers', () => {
  const ingress = (ciphers: string) => ({
    apiVersion: 'networking.k8s.io/v1',
    kind: 'Ingress',
    metadata: { name: 'web', namespace: 'apps', annotations: { 'nginx.ingress.kubernetes.io/ssl-ciphers': ciphers } },
    spec: {
      ingressClassName: 'nginx',
      tls: [{ hosts: ['a.example.com'], secretName: 'a-cert' }],
      rules: [{ host: 'a.example.com', http: { paths: [{ path: '/', pathType: 'Prefix', backend: { service: { name: 'web', port: { number: 80 } } } }] } }],
    },
  });

  test('ingress-nginx: a list of known OpenSSL names is the cipher suites; a cipher string with classes is not imported', () => {
    const r = INGRESS_NGINX_READER.read([ingress('ECDHE-RSA-AES128-GCM-SHA256:AES128-SHA')]);
    expect(r.gateways[0].tlsHosts[0].cipherSuites).toEqual(['TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256', 'TLS_RSA_WITH_AES_128_CBC_SHA']);
    const classes = INGRESS_NGINX_READER.read([ingress('HIGH:!aNULL:!MD5')]);
    expect(classes.gateways[0].tlsHosts[0].cipherSuites).toBeUndefined();
    expect(classes.items.find(i => i.field.includes('ssl-ciphers'))?.reason).toMatch(/not cipher classes or operators/);
  });

  const policy = (ciphers: unknown) => envoyListenerTlsPolicy({ ciphers });

  test('Envoy Gateway: BoringSSL names and the IANA aliases read back; preference groups do not', () => {
    const r = ENVOY_GATEWAY_READER.read(policy(['ECDHE-RSA-AES128-GCM-SHA256', 'TLS_RSA_WITH_AES_128_CBC_SHA']));
    expect(r.gateways[0].tlsHosts[0].cipherSuites).toEqual(['TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256', 'TLS_RSA_WITH_AES_128_CBC_SHA']);
    const grouped = ENVOY_GATEWAY_READER.read(policy(['[ECDHE-RSA-AES128-GCM-SHA256|ECDHE-RSA-CHACHA20-POLY1305]']));
    expect(grouped.gateways[0].tlsHosts[0].cipherSuites).toBeUndefined();
    expect(grouped.items.find(i => i.field === 'spec.tls.ciphers')?.reason).toMatch(/no \[a\|b\] preference groups/);
  });
});

test('import codegen prints the enum members, and building the plan gives the same intent', () => {
  const { gw } = tlsGateway('traefik');
  const plan = planImport({ gateways: [gw._gatewayIr()], issuersBySecret: new Map() });
  expect(generateCode(plan, { controller: 'traefik', importFrom: 'cdk8s-gateway' }))
    .toContain('  cipherSuites: [\n    TlsCipherSuite.TLS_ECDHE_ECDSA_WITH_CHACHA20_POLY1305_SHA256,\n    TlsCipherSuite.TLS_RSA_WITH_AES_256_CBC_SHA,\n  ],');
  const rebuilt = newChart();
  expect(buildApp(rebuilt, plan, 'traefik').errors).toEqual([]);
  const again = rebuilt.node.findAll().find((c): c is ApiGateway => c instanceof ApiGateway)!;
  expect(routeTable(again._gatewayIr())).toEqual(routeTable(gw._gatewayIr()));
});

describe('bad inputs name the field', () => {
  const host = (cipherSuites: unknown, extra: object = {}) => () => new ApiGateway(newChart(), 'edge', { controller: CONTROLLERS.traefik() })
    .addTlsHost('t', { hosts: ['a.example.com'], certificate: TlsCertificate.fromSecret('c'), cipherSuites: cipherSuites as TlsCipherSuite[], ...extra });
  test.each<[string, () => unknown, string]>([
    ['a string', host('TLS_RSA_WITH_AES_128_CBC_SHA'), "[test/edge/t] TlsHost.cipherSuites: must be an array of TlsCipherSuite values, got 'TLS_RSA_WITH_AES_128_CBC_SHA'"],
    ['null', host(null), '[test/edge/t] TlsHost.cipherSuites: must be an array of TlsCipherSuite values, got null'],
    ['a hole', host([, TlsCipherSuite.TLS_RSA_WITH_AES_128_CBC_SHA]), '[test/edge/t] TlsHost.cipherSuites[0]: is a hole'],
    ['an OpenSSL name', host(['ECDHE-RSA-AES128-GCM-SHA256']), "[test/edge/t] TlsHost.cipherSuites[0]: 'ECDHE-RSA-AES128-GCM-SHA256' is not a TlsCipherSuite (IANA names such as TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256)"],
    ['a number', host([5]), '[test/edge/t] TlsHost.cipherSuites[0]: 5 is not a TlsCipherSuite'],
    ['empty', host([]), "[test/edge/t] TlsHost.cipherSuites: is empty; omit it for the controller's default list"],
    ['a repeat', host([TlsCipherSuite.TLS_RSA_WITH_AES_128_CBC_SHA, TlsCipherSuite.TLS_RSA_WITH_AES_128_CBC_SHA]), "[test/edge/t] TlsHost.cipherSuites[1]: 'TLS_RSA_WITH_AES_128_CBC_SHA' is listed twice"],
    ['with TLS 1.3 only', host(SUITES, { minTlsVersion: TlsVersion.TLS_1_3 }), '[test/edge/t] TlsHost.cipherSuites: cipher suites apply to TLS 1.2 only, and minTlsVersion TLS_1_3 refuses TLS 1.2'],
    ['on a passthrough host', () => new ApiGateway(newChart(), 'edge', { controller: CONTROLLERS.traefik() })
      .addTlsHost('t', { hosts: ['a.example.com'], mode: TlsMode.passthrough(Backend.service('db', 5432)), cipherSuites: SUITES }),
    '[test/edge/t] TlsHost.cipherSuites: a passthrough host is not terminated at the gateway'],
  ])('%s', (_, f, expected) => {
    let message = '';
    try { f(); } catch (e) { message = (e as Error).message; }
    expect(message).toContain(expected);
    expect(message).not.toMatch(/TypeError|Cannot read/);
  });
});
