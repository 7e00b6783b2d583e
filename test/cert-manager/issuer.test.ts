import { Duration } from 'cdk8s';
import {
  AcmeServer, AcmeSolver, ApiGateway, Backend, ClusterIssuer, Controller, Dns01Provider, Issuer, IssuerType, TlsCertificate, TsigAlgorithm,
} from '../../src';
import { newChart, synthConformant, synthError } from '../util';

const EMAIL = 'platform@shop.dev';
const acme = (solvers: AcmeSolver[], server = AcmeServer.letsEncryptStaging(), extra: object = {}) =>
  IssuerType.acme({ server, email: EMAIL, solvers, ...extra });

/** A gateway with a route and an issued TlsHost per host. */
function served(chart: ReturnType<typeof newChart>, issuer: ClusterIssuer | Issuer, hosts: string[], controller = Controller.ingressNginx(), id = 'edge') {
  const gw = new ApiGateway(chart, id, { controller });
  gw.addRoute('r', { hosts, backend: Backend.service('svc', 80) });
  gw.addTlsHost('tls', { hosts, certificate: TlsCertificate.fromIssuer(issuer) });
  return gw;
}

describe('ClusterIssuer / Issuer: rendering', () => {
  test('a ClusterIssuer is cluster-scoped: no namespace even in a namespaced chart', () => {
    // GIVEN
    const chart = newChart('shop');
    new ClusterIssuer(chart, 'selfsigned', { type: IssuerType.selfSigned() });
    // WHEN
    const [issuer] = synthConformant(chart);
    // THEN
    expect(issuer).toEqual({ apiVersion: 'cert-manager.io/v1', kind: 'ClusterIssuer', metadata: { name: 'selfsigned' }, spec: { selfSigned: {} } });
  });

  test('an Issuer lives in the chart namespace, or its own', () => {
    const chart = newChart('shop');
    new Issuer(chart, 'ca', { type: IssuerType.ca({ secretName: 'ca-key-pair' }) });
    new Issuer(chart, 'other', { namespace: 'payments', type: IssuerType.ca({ secretName: 'ca-key-pair' }) });
    const [a, b] = synthConformant(chart);
    expect(a.metadata).toEqual({ name: 'ca', namespace: 'shop' });
    expect(b.metadata).toEqual({ name: 'other', namespace: 'payments' });
    expect(a.spec).toEqual({ ca: { secretName: 'ca-key-pair' } });
  });

  test('Let\'s Encrypt servers are named choices; the account key is derived per issuer', () => {
    const chart = newChart();
    const prod = new ClusterIssuer(chart, 'le-prod', { type: acme([AcmeSolver.http01Ingress('nginx')], AcmeServer.letsEncryptProduction()) });
    new ClusterIssuer(chart, 'le-staging', { type: acme([AcmeSolver.http01Ingress('nginx')]) });
    const [p, s] = synthConformant(chart);
    expect(p.spec.acme).toEqual({
      server: 'https://acme-v02.api.letsencrypt.org/directory',
      email: EMAIL,
      privateKeySecretRef: { name: 'le-prod-acme-account-key' },
      solvers: [{ http01: { ingress: { ingressClassName: 'nginx' } } }],
    });
    expect(s.spec.acme.server).toBe('https://acme-staging-v02.api.letsencrypt.org/directory');
    expect(prod.issuerName).toBe('le-prod');
  });

  test('every DNS-01 provider renders and passes the official CRD', () => {
    const chart = newChart();
    const secret = (name: string) => ({ name, key: 'value' });
    new ClusterIssuer(chart, 'dns', {
      type: acme([
        AcmeSolver.dns01(Dns01Provider.cloudflare({ apiToken: secret('cf') }), { selector: { dnsZones: ['a.example.org'] } }),
        AcmeSolver.dns01(Dns01Provider.route53({ region: 'eu-west-1', hostedZoneId: 'Z123', accessKeyId: secret('aws-id'), secretAccessKey: secret('aws-key') }), { selector: { dnsZones: ['b.example.org'] } }),
        AcmeSolver.dns01(Dns01Provider.route53(), { selector: { dnsZones: ['c.example.org'] } }),
        AcmeSolver.dns01(Dns01Provider.googleCloudDns({ project: 'my-project-1', serviceAccount: secret('gcp') }), { selector: { dnsNames: ['d.example.org'] } }),
        AcmeSolver.dns01(Dns01Provider.rfc2136({ nameserver: '10.0.0.53:53', tsigKeyName: 'acme', tsigAlgorithm: TsigAlgorithm.HMAC_SHA256, tsigSecret: secret('tsig') }), { selector: { dnsZones: ['e.example.org'] } }),
        AcmeSolver.dns01(Dns01Provider.webhook({ groupName: 'acme.mycompany.com', solverName: 'mydns', config: { zone: 'f.example.org', ttl: 60 } })),
      ]),
    });
    const [issuer] = synthConformant(chart);
    expect(issuer.spec.acme.solvers.map((s: any) => Object.keys(s.dns01)[0])).toEqual(['cloudflare', 'route53', 'route53', 'cloudDNS', 'rfc2136', 'webhook']);
    expect(issuer.spec.acme.solvers[2].dns01.route53).toEqual({});
  });

  test('http01() renders one solver per gateway using the issuer, selecting exactly its names', () => {
    const chart = newChart();
    const issuer = new ClusterIssuer(chart, 'le', { type: acme([AcmeSolver.http01()]) });
    served(chart, issuer, ['b.example.org', 'a.example.org'], Controller.ingressNginx(), 'nginx');
    served(chart, issuer, ['c.example.org'], Controller.envoyGateway(), 'eg');
    served(chart, issuer, ['d.example.org'], Controller.traefik(), 'traefik');
    const issuerObject = synthConformant(chart).find(o => o.kind === 'ClusterIssuer');
    expect(issuerObject.spec.acme.solvers).toEqual([
      { selector: { dnsNames: ['c.example.org'] }, http01: { gatewayHTTPRoute: { parentRefs: [{ kind: 'Gateway', name: 'eg', namespace: 'edge', sectionName: 'http' }] } } },
      { selector: { dnsNames: ['a.example.org', 'b.example.org'] }, http01: { ingress: { ingressClassName: 'nginx' } } },
      {
        selector: { dnsNames: ['d.example.org'] },
        http01: {
          ingress: {
            ingressClassName: 'traefik',
            ingressTemplate: { metadata: { annotations: { 'traefik.ingress.kubernetes.io/router.entrypoints': 'web', 'traefik.ingress.kubernetes.io/router.priority': '1000000000' } } },
          },
        },
      },
    ]);
  });

  test('ClusterIssuer.fromName / Issuer.fromName reference existing issuers (nothing emitted)', () => {
    const chart = newChart();
    const gw = new ApiGateway(chart, 'edge', { controller: Controller.kong() });
    gw.addRoute('r', { hosts: ['a.example.org'], backend: Backend.service('svc', 80) });
    gw.addTlsHost('tls', { hosts: ['a.example.org'], certificate: TlsCertificate.fromIssuer(Issuer.fromName('team-ca', 'edge'), { duration: Duration.days(30) }) });
    const cert = synthConformant(chart).find(o => o.kind === 'Certificate');
    expect(cert.spec.issuerRef).toEqual({ group: 'cert-manager.io', kind: 'Issuer', name: 'team-ca' });
    expect(cert.spec.duration).toBe('720h');
    expect(ClusterIssuer.fromName('letsencrypt-prod').issuerKind).toBe('ClusterIssuer');
  });
});

describe('ClusterIssuer / Issuer: bad input', () => {
  test.each([
    ['no server', () => IssuerType.acme({ email: EMAIL, solvers: [AcmeSolver.http01()] } as any), /ClusterIssuer.type.server: must be AcmeServer.letsEncryptProduction\(\), AcmeServer.letsEncryptStaging\(\) or AcmeServer.custom\(url\); there is no default/],
    ['a plain-HTTP custom server', () => acme([AcmeSolver.http01()], AcmeServer.custom('http://acme.internal/directory')), /ClusterIssuer.type.server: 'http:\/\/acme.internal\/directory' must be an https:\/\/ URL/],
    ['no solver', () => acme([]), /ClusterIssuer.type.solvers: at least one solver is required/],
    ['http01() twice', () => acme([AcmeSolver.http01(), AcmeSolver.http01()]), /ClusterIssuer.type.solvers: AcmeSolver.http01\(\) is listed twice/],
    ['a CA issuer without a Secret', () => IssuerType.ca({ secretName: 'Bad_Name' }), /ClusterIssuer.type.secretName: 'Bad_Name' is not a valid object name/],
    ['an invalid account key name', () => acme([AcmeSolver.http01()], AcmeServer.letsEncryptStaging(), { accountKeySecretName: 'UPPER' }), /ClusterIssuer.type.accountKeySecretName: 'UPPER' is not a valid object name/],
  ])('%s is refused, naming the construct and prop', (_what, type, message) => {
    const chart = newChart();
    expect(() => new ClusterIssuer(chart, 'le', { type: type() })).toThrow(new RegExp(`^\\[test/le\\] ${message.source}`));
  });

  test.each([
    ['ops@example.com'], ['ops@example.org'], ['ops@mail.example.net'], ['ops@shop.invalid'], ['ops@localhost'], ['ops@shop.test'], ['ops@box.local'],
  ])('the placeholder email %s is refused (ACME servers reject it and the issuer never becomes Ready)', (email) => {
    const chart = newChart();
    expect(() => new ClusterIssuer(chart, 'le', { type: IssuerType.acme({ server: AcmeServer.letsEncryptProduction(), email, solvers: [AcmeSolver.http01()] }) }))
      .toThrow(/\[test\/le\] ClusterIssuer.type.email: '.*' uses the placeholder domain '.*', which ACME servers refuse/);
  });

  test.each([['not-an-email'], ['a b@shop.dev'], ['ops@'], ['ops@nodot']])('the malformed email %s is refused', (email) => {
    const chart = newChart();
    expect(() => new ClusterIssuer(chart, 'le', { type: IssuerType.acme({ server: AcmeServer.letsEncryptProduction(), email, solvers: [AcmeSolver.http01()] }) }))
      .toThrow(/ClusterIssuer.type.email: /);
  });

  test('one account key for two ACME servers is an error on both issuers', () => {
    const chart = newChart();
    const type = (server: AcmeServer) => acme([AcmeSolver.http01Ingress('nginx')], server, { accountKeySecretName: 'acme-account' });
    new ClusterIssuer(chart, 'staging', { type: type(AcmeServer.letsEncryptStaging()) });
    new ClusterIssuer(chart, 'prod', { type: type(AcmeServer.letsEncryptProduction()) });
    const error = synthError(chart);
    expect(error).toMatch(/\[test\/staging\] ClusterIssuer.type.accountKeySecretName: 'acme-account' is also the account key of ClusterIssuer 'prod' \[test\/prod\] for another ACME server/);
    expect(error).toMatch(/\[test\/prod\] ClusterIssuer.type.accountKeySecretName: 'acme-account' is also the account key of ClusterIssuer 'staging'/);
  });

  test('Issuers in different namespaces may use the same account key name', () => {
    const chart = newChart();
    const type = (server: AcmeServer) => acme([AcmeSolver.http01Ingress('nginx')], server, { accountKeySecretName: 'acme-account' });
    new Issuer(chart, 'staging', { namespace: 'a', type: type(AcmeServer.letsEncryptStaging()) });
    new Issuer(chart, 'prod', { namespace: 'b', type: type(AcmeServer.letsEncryptProduction()) });
    expect(synthConformant(chart)).toHaveLength(2);
  });

  test('http01() that no TlsHost uses is an error: it would solve nothing', () => {
    const chart = newChart();
    new ClusterIssuer(chart, 'le', { type: acme([AcmeSolver.http01()]) });
    expect(synthError(chart)).toMatch(/\[test\/le\] ClusterIssuer.type.solvers\[0\]: AcmeSolver.http01\(\) follows the gateways of the TlsHosts that use this issuer, but no TlsHost uses it/);
  });

  test('one name served by two gateways through http01() is an error', () => {
    const chart = newChart();
    const issuer = new ClusterIssuer(chart, 'le', { type: acme([AcmeSolver.http01()]) });
    served(chart, issuer, ['a.example.org'], Controller.ingressNginx(), 'one');
    const two = new ApiGateway(chart, 'two', { controller: Controller.kong() });
    two.addRoute('r', { hosts: ['a.example.org'], backend: Backend.service('svc', 80) });
    two.addTlsHost('tls', { hosts: ['a.example.org'], certificate: TlsCertificate.fromIssuer(issuer, { secretName: 'other' }) });
    expect(synthError(chart)).toMatch(/\[test\/le\] ClusterIssuer.type.solvers\[0\]: 'a.example.org' is served by both ApiGateway 'one' .* and ApiGateway 'two'/);
  });

  test.each([
    ['an invalid class', () => AcmeSolver.http01Ingress('Nginx Class'), /AcmeSolver.http01Ingress: ingressClassName 'Nginx Class' is not a valid object name/],
    ['an empty selector', () => AcmeSolver.http01Ingress('nginx', { selector: { dnsNames: [] } }), /selector: an empty selector matches every name; omit it instead/],
    ['a wildcard zone', () => AcmeSolver.dns01(Dns01Provider.route53(), { selector: { dnsZones: ['*.example.org'] } }), /dnsZones\[0\]: '\*.example.org' must be a zone name/],
    ['half static AWS credentials', () => AcmeSolver.dns01(Dns01Provider.route53({ accessKeyId: { name: 'aws', key: 'id' } })), /route53: set both accessKeyId and secretAccessKey, or neither/],
    ['a Cloudflare token without key', () => AcmeSolver.dns01(Dns01Provider.cloudflare({ apiToken: { name: 'cf' } as any })), /cloudflare.apiToken.key: undefined is not a valid Secret key/],
    ['a bad nameserver', () => AcmeSolver.dns01(Dns01Provider.rfc2136({ nameserver: 'ns1 example' })), /rfc2136.nameserver: 'ns1 example' must be host\[:port\]/],
    ['a TSIG key without secret', () => AcmeSolver.dns01(Dns01Provider.rfc2136({ nameserver: 'ns1.example.org', tsigKeyName: 'k' })), /rfc2136: set both tsigKeyName and tsigSecret/],
    ['a webhook without group', () => AcmeSolver.dns01(Dns01Provider.webhook({ groupName: 'mydns', solverName: 's' })), /webhook.groupName: 'mydns' must be an API group/],
    ['a bad Cloud DNS project', () => AcmeSolver.dns01(Dns01Provider.googleCloudDns({ project: 'X' })), /cloudDNS.project: 'X' is not a Google Cloud project ID/],
    ['a non-provider', () => AcmeSolver.dns01('cloudflare' as any), /AcmeSolver.dns01: provider must be created with a Dns01Provider factory/],
  ])('solver with %s is refused when created', (_what, make, message) => {
    expect(make).toThrow(message);
  });
});
