import { roundTripProblems } from './property/roundtrip';
import { expectImportRoundTrip, expectOwnError } from './tls-feature-helpers';
import { CONTROLLERS, newChart, synthConformant, synthError } from './util';
import { ApiGateway, Backend, BackendTls, CaCertificates } from '../src';
import { ControllerName } from '../src/capabilities/features';
import { routeTable } from '../src/checks/route-table';
import { INGRESS_NGINX_READER } from '../src/controllers/ingress-nginx/reader';
import { TraefikReader } from '../src/controllers/traefik/reader';

/*
 * Backend.tls clientCertificateSecret: the certificate the gateway presents to an HTTPS backend
 * (mutual TLS to the upstream). The capability cells (rendered fields, refusals) are in
 * test/capabilities.test.ts; this file covers the verified form, the ingress-nginx one-Secret
 * rule, readers, round trips, the import codegen and bad inputs.
 */

const verified = (ca: string, clientCertificateSecret = 'gw-client') =>
  BackendTls.verify({ hostname: 'api.internal', ca: CaCertificates.fromSecret(ca), clientCertificateSecret });
const unverified = (clientCertificateSecret = 'gw-client') => BackendTls.insecureSkipVerify({ clientCertificateSecret });

function gateway(controller: ControllerName, tls: BackendTls) {
  const chart = newChart();
  const gw = new ApiGateway(chart, 'edge', { controller: CONTROLLERS[controller]() });
  gw.addRoute('r', { hosts: ['api.example.com'], backend: Backend.service('api', 8443, { tls }) });
  return { chart, gw };
}

test('Traefik: the ServersTransport lists the Secret in certificatesSecrets, beside the verification', () => {
  const transport = synthConformant(gateway('traefik', verified('api-ca')).chart).find(o => o.kind === 'ServersTransport');
  expect(transport.spec).toEqual({ serverName: 'api.internal', rootCAs: [{ secret: 'api-ca' }], certificatesSecrets: ['gw-client'] });
  const insecure = synthConformant(gateway('traefik', unverified()).chart).find(o => o.kind === 'ServersTransport');
  expect(insecure.spec).toEqual({ insecureSkipVerify: true, certificatesSecrets: ['gw-client'] });
});

test('ingress-nginx: unverified, proxy-ssl-secret is the client certificate; verified, it is refused (the CA Secret says both)', () => {
  const insecure = synthConformant(gateway('ingress-nginx', unverified()).chart).find(o => o.kind === 'Ingress');
  expect(insecure.metadata.annotations).toEqual({
    'nginx.ingress.kubernetes.io/backend-protocol': 'HTTPS',
    'nginx.ingress.kubernetes.io/proxy-ssl-secret': 'edge/gw-client',
    'nginx.ingress.kubernetes.io/proxy-ssl-verify': 'off',
  });
  const refusal = "[test/edge/r] Client certificate presented to HTTPS backends (backend.tls.clientCertificateSecret) is not supported by controller 'ingress-nginx': "
    + 'proxy-ssl-secret is one Secret: nginx verifies the backend against its ca.crt and presents its tls.crt / tls.key whenever it holds them, '
    + "so with verification the Ingress cannot say whether a client certificate is presented (it depends on the CA Secret's keys); "
    + 'only BackendTls.insecureSkipVerify() names a Secret for the client certificate alone. '
    + 'Supported by: Controller.traefik(), Controller.traefik({ output: TraefikOutput.INGRESS }).';
  // Even when the client certificate is the CA Secret itself.
  expect(synthError(gateway('ingress-nginx', verified('api-mtls', 'api-mtls')).chart)).toContain(refusal);
  expect(synthError(gateway('ingress-nginx', verified('api-ca')).chart)).toContain(refusal);
});

test.each<[ControllerName, string, BackendTls]>([
  ['traefik', 'verified', verified('api-ca')],
  ['traefik', 'unverified', unverified()],
  ['ingress-nginx', 'unverified', unverified()],
])('%s reads the %s client certificate back to the same route table', (controller, _, tls) => {
  const { chart, gw } = gateway(controller, tls);
  expect(roundTripProblems(controller, gw, synthConformant(chart))).toEqual([]);
  expect(routeTable(gw._gatewayIr()).routes[0].backends[0].tls?.clientCertificateSecret).toBe('gw-client');
});

describe('readers', () => {
  const ingress = (annotations: Record<string, string>) => ({
    apiVersion: 'networking.k8s.io/v1',
    kind: 'Ingress',
    metadata: { name: 'web', namespace: 'apps', annotations },
    spec: {
      ingressClassName: 'nginx',
      rules: [{ host: 'api.example.com', http: { paths: [{ path: '/', pathType: 'Prefix', backend: { service: { name: 'api', port: { number: 8443 } } } }] } }],
    },
  });
  const nginx = (extra: Record<string, string>) => INGRESS_NGINX_READER.read([ingress({
    'nginx.ingress.kubernetes.io/backend-protocol': 'HTTPS', 'nginx.ingress.kubernetes.io/proxy-ssl-verify': 'off', ...extra,
  })]);

  test('ingress-nginx: proxy-ssl-secret without verification is the client certificate; of another namespace it is not read', () => {
    expect(nginx({ 'nginx.ingress.kubernetes.io/proxy-ssl-secret': 'apps/client' }).gateways[0].routes[0].backends[0].tls)
      .toEqual({ insecureSkipVerify: true, clientCertificateSecret: 'client' });
    const other = nginx({ 'nginx.ingress.kubernetes.io/proxy-ssl-secret': 'certs/client' });
    expect(other.gateways[0].routes[0].backends[0].tls).toBeUndefined();
    expect(other.items.find(i => i.field.includes('proxy-ssl-secret'))?.reason).toMatch(/client certificate Secret is in namespace 'certs'/);
  });

  const transport = (spec: object) => [
    {
      apiVersion: 'traefik.io/v1alpha1',
      kind: 'IngressRoute',
      metadata: { name: 'r', namespace: 'apps' },
      spec: {
        entryPoints: ['web'],
        routes: [{ kind: 'Rule', match: 'Host(`api.example.com`)', services: [{ name: 'api', port: 8443, scheme: 'https', serversTransport: 't' }] }],
      },
    },
    { apiVersion: 'traefik.io/v1alpha1', kind: 'ServersTransport', metadata: { name: 't', namespace: 'apps' }, spec },
  ];

  test('Traefik: one certificatesSecrets entry is the client certificate; several are not modelled', () => {
    const one = new TraefikReader().read(transport({ serverName: 'api.internal', certificatesSecrets: ['client'] }));
    expect(one.gateways[0].routes[0].backends[0].tls).toEqual({ hostname: 'api.internal', ca: undefined, clientCertificateSecret: 'client' });
    const two = new TraefikReader().read(transport({ insecureSkipVerify: true, certificatesSecrets: ['a', 'b'] }));
    expect(two.gateways[0].routes[0].backends[0].tls).toEqual({ insecureSkipVerify: true });
    expect(two.items.find(i => i.field === 'spec.certificatesSecrets')?.reason).toMatch(/one client certificate Secret/);
  });
});

test('import codegen prints the option, and building the plan gives the same intent', () => {
  for (const tls of [verified('api-ca'), unverified()]) expectImportRoundTrip(gateway('traefik', tls).gw, 'traefik', "clientCertificateSecret: 'gw-client'");
});

describe('bad inputs name the field', () => {
  const route = (tls: () => BackendTls) => () => new ApiGateway(newChart(), 'edge', { controller: CONTROLLERS.traefik() })
    .addRoute('r', { hosts: ['api.example.com'], backend: Backend.service('api', 8443, { tls: tls() }) });
  test.each<[string, () => unknown, string]>([
    ['null', route(() => BackendTls.verify({ hostname: 'api.internal', clientCertificateSecret: null as unknown as string })), 'tls.clientCertificateSecret: must be a Secret name, got null'],
    ['a number', route(() => BackendTls.insecureSkipVerify({ clientCertificateSecret: 5 as unknown as string })), 'tls.clientCertificateSecret: must be a Secret name, got 5'],
    ['an invalid name', route(() => BackendTls.verify({ hostname: 'api.internal', clientCertificateSecret: 'Client_Cert' })), "tls.clientCertificateSecret: 'Client_Cert' is not a valid object name"],
    ['a namespaced name', route(() => BackendTls.insecureSkipVerify({ clientCertificateSecret: 'certs/client' })), "tls.clientCertificateSecret: 'certs/client' is not a valid object name"],
  ])('%s', (_, f, expected) => expectOwnError(f, expected));
});
