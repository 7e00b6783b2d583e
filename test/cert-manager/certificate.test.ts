import { Duration } from 'cdk8s';
import {
  AcmeServer, AcmeSolver, ApiGateway, Backend, Certificate, ClusterIssuer, Controller, Dns01Provider, Issuer, IssuerType, PrivateKeyAlgorithm,
  TlsCertificate,
} from '../../src';
import { newChart, synthConformant, synthError } from '../util';

const EMAIL = 'platform@shop.dev';
const cloudflare = Dns01Provider.cloudflare({ apiToken: { name: 'cloudflare', key: 'api-token' } });

describe('Certificate', () => {
  test('renders secretName, sorted dnsNames, issuerRef and settings, named after its Secret', () => {
    // GIVEN
    const chart = newChart('shop');
    const issuer = new ClusterIssuer(chart, 'selfsigned', { type: IssuerType.selfSigned() });
    // WHEN
    const cert = new Certificate(chart, 'api', {
      issuer,
      dnsNames: ['www.example.org', 'api.example.org'],
      secretName: 'api-tls',
      duration: Duration.days(90),
      renewBefore: Duration.hours(360),
      privateKeyAlgorithm: PrivateKeyAlgorithm.RSA,
      privateKeySize: 4096,
    });
    // THEN
    const [, object] = synthConformant(chart);
    expect(object).toEqual({
      apiVersion: 'cert-manager.io/v1',
      kind: 'Certificate',
      metadata: { name: 'api-tls', namespace: 'shop' },
      spec: {
        secretName: 'api-tls',
        dnsNames: ['api.example.org', 'www.example.org'],
        issuerRef: { group: 'cert-manager.io', kind: 'ClusterIssuer', name: 'selfsigned' },
        duration: '2160h',
        renewBefore: '360h',
        privateKey: { algorithm: 'RSA', size: 4096 },
      },
    });
    expect(cert.dnsNames).toEqual(['api.example.org', 'www.example.org']);
  });

  test('a standalone certificate from an ACME issuer needs a solver for each name', () => {
    const chart = newChart();
    const issuer = new ClusterIssuer(chart, 'le', {
      type: IssuerType.acme({ server: AcmeServer.letsEncryptStaging(), email: EMAIL, solvers: [AcmeSolver.dns01(cloudflare, { selector: { dnsZones: ['example.org'] } })] }),
    });
    new Certificate(chart, 'ok', { issuer, dnsNames: ['*.example.org', 'example.org'], secretName: 'ok' });
    new Certificate(chart, 'orphan', { issuer, dnsNames: ['api.example.com'], secretName: 'orphan' });
    expect(synthError(chart)).toMatch(/\[test\/orphan\] Certificate.issuer: no solver of ClusterIssuer 'le' \[test\/le\] matches 'api.example.com', so its order would stay pending/);
    expect(synthError(chart)).not.toMatch(/test\/ok/);
  });

  test.each([
    ['no names', { dnsNames: [] }, /Certificate.dnsNames: at least one name is required/],
    ['101 names', { dnsNames: Array.from({ length: 101 }, (_, i) => `h${i}.example.org`) }, /Certificate.dnsNames: 101 names; a certificate holds at most 100 \(Let's Encrypt's limit\)/],
    ['a duplicate name', { dnsNames: ['a.example.org', 'a.example.org'] }, /Certificate.dnsNames: lists a name twice/],
    ['an invalid name', { dnsNames: ['A.example.org'] }, /Certificate.dnsNames\[0\]: 'A.example.org' must be lowercase/],
    ['an invalid secret', { secretName: 'my_secret' }, /Certificate.secretName: 'my_secret' is not a valid object name/],
    ['a duration below an hour', { duration: Duration.minutes(30) }, /Certificate.duration: 1800s is below cert-manager's minimum of one hour/],
    ['renewBefore below five minutes', { renewBefore: Duration.minutes(1) }, /Certificate.renewBefore: 60s is below cert-manager's minimum of five minutes/],
    ['renewBefore not shorter than the lifetime', { duration: Duration.days(10), renewBefore: Duration.days(10) }, /Certificate.renewBefore: must be shorter than the certificate's lifetime \(240h\)/],
    ['renewBefore beyond the default lifetime', { renewBefore: Duration.days(100) }, /Certificate.renewBefore: must be shorter than the certificate's lifetime \(2160h, cert-manager's default\)/],
    ['an RSA key too small', { privateKeySize: 1024 }, /Certificate.privateKeySize: 1024 is not an RSA key size cert-manager accepts/],
    ['an ECDSA size that is no curve', { privateKeyAlgorithm: PrivateKeyAlgorithm.ECDSA, privateKeySize: 512 }, /Certificate.privateKeySize: 512 is not an ECDSA size \(256, 384 or 521\)/],
    ['an Ed25519 size', { privateKeyAlgorithm: PrivateKeyAlgorithm.ED25519, privateKeySize: 256 }, /Certificate.privateKeySize: Ed25519 keys have no size; omit it/],
    ['no issuer', { issuer: undefined }, /Certificate.issuer: must be a ClusterIssuer, an Issuer, or ClusterIssuer.fromName\(\) \/ Issuer.fromName\(\)/],
  ])('%s is refused, naming the construct and prop', (_what, override, message) => {
    const chart = newChart();
    const issuer = ClusterIssuer.fromName('ca');
    expect(() => new Certificate(chart, 'cert', { issuer, dnsNames: ['a.example.org'], secretName: 'a-tls', ...override } as any))
      .toThrow(new RegExp(`^\\[test/cert\\] ${message.source}`));
  });

  test('a namespaced Issuer cannot issue in another namespace', () => {
    const chart = newChart('shop');
    const issuer = new Issuer(chart, 'ca', { namespace: 'security', type: IssuerType.ca({ secretName: 'ca-key-pair' }) });
    expect(() => new Certificate(chart, 'cert', { issuer, dnsNames: ['a.example.org'], secretName: 'a-tls' }))
      .toThrow(/^\[test\/cert\] Certificate.issuer: Issuer 'ca' lives in namespace 'security' and only serves Certificates there, but this certificate is in 'shop'; use a ClusterIssuer, or an Issuer in 'shop'/);
    expect(() => new Certificate(chart, 'imported', { issuer: Issuer.fromName('ca', 'security'), dnsNames: ['a.example.org'], secretName: 'b-tls' }))
      .toThrow(/Issuer 'ca' lives in namespace 'security'/);
  });

  test('two certificates writing one Secret are an error on the second, naming the first', () => {
    const chart = newChart();
    const issuer = ClusterIssuer.fromName('ca');
    new Certificate(chart, 'first', { issuer, dnsNames: ['a.example.org'], secretName: 'shared-tls' });
    new Certificate(chart, 'second', { issuer, dnsNames: ['b.example.org'], secretName: 'shared-tls', name: 'second' });
    expect(synthError(chart)).toMatch(/\[test\/second\] Certificate.secretName: Secret 'shared-tls' is already written by Certificate \[test\/first\] for \[a.example.org\]; two certificates writing one Secret replace each other/);
  });

  test('a TlsHost reading a Secret that a Certificate writes must be covered by its names', () => {
    const chart = newChart();
    new Certificate(chart, 'wildcard', { issuer: ClusterIssuer.fromName('ca'), dnsNames: ['*.example.org'], secretName: 'wildcard-tls', namespace: 'edge' });
    const gw = new ApiGateway(chart, 'edge', { controller: Controller.ingressNginx() });
    gw.addRoute('r', { hosts: ['a.example.org', 'a.b.example.org'], backend: Backend.service('svc', 80) });
    gw.addTlsHost('covered', { hosts: ['a.example.org'], certificate: TlsCertificate.fromSecret('wildcard-tls') });
    gw.addTlsHost('uncovered', { hosts: ['a.b.example.org'], certificate: TlsCertificate.fromSecret('wildcard-tls') });
    const error = synthError(chart);
    expect(error).toMatch(/\[test\/edge\/uncovered\] TlsHost.certificate: Secret 'wildcard-tls' holds the certificate Certificate \[test\/wildcard\] issues for \[\*.example.org\], which does not cover 'a.b.example.org'/);
    expect(error).not.toMatch(/test\/edge\/covered\]/);
  });
});
