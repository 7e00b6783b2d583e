import * as fs from 'fs';
import * as path from 'path';
import { Chart, Testing } from 'cdk8s';
import { goDurationSeconds, issuersBySecret, readCertManager } from '../../src/cert-manager/reader';
import { buildApp } from '../../src/import/build';
import { generateCode } from '../../src/import/codegen';
import { loadManifests } from '../../src/import/load';
import { planImport } from '../../src/import/plan';

const objects = loadManifests([{ file: 'issuers.yaml', text: fs.readFileSync(path.join(__dirname, 'cert-manager', 'issuers.yaml'), 'utf8') }]).objects.map(o => o.object);
const read = readCertManager(objects);

describe('cert-manager reader', () => {
  test('issuers: ACME (http01 ingress, dns01 cloudflare), CA, self-signed; a Vault issuer is not read', () => {
    expect(read.issuers.map(i => `${i.source}: ${i.type}`)).toEqual([
      'ClusterIssuer bootstrap: selfSigned',
      'ClusterIssuer letsencrypt-prod: acme',
      'Issuer shop/internal-ca: ca',
    ]);
    const acme = read.issuers[1].acme!;
    expect(acme).toEqual({
      server: 'https://acme-v02.api.letsencrypt.org/directory',
      email: 'platform@shop.dev',
      accountKeySecretName: 'letsencrypt-prod-account',
      solvers: [
        { type: 'http01-ingress', ingressClassName: 'nginx', selector: { dnsNames: [], dnsZones: [] } },
        { type: 'dns01', dns01: { provider: 'cloudflare', apiToken: { name: 'cloudflare-api-token', key: 'api-token' } }, selector: { dnsNames: [], dnsZones: ['apps.shop.dev'] } },
      ],
    });
    expect(read.issuers[2].caSecretName).toBe('internal-ca-keypair');
  });

  test('certificate: names sorted, Go durations in seconds, key settings', () => {
    expect(read.certificates).toEqual([{
      source: 'Certificate shop/api-cert',
      name: 'api-cert',
      namespace: 'shop',
      issuer: { kind: 'Issuer', name: 'internal-ca', namespace: 'shop' },
      dnsNames: ['api.shop.dev', 'www.shop.dev'],
      secretName: 'api-tls',
      durationSeconds: 90 * 24 * 3600,
      renewBeforeSeconds: 15 * 24 * 3600,
      privateKeyAlgorithm: 'ECDSA',
      privateKeySize: 256,
    }]);
  });

  test('what cannot move is listed with a reason, nothing else is', () => {
    expect(read.items.filter(i => i.reason !== undefined).map(i => `${i.object} ${i.field}: ${i.reason}`)).toEqual([
      'Certificate shop/api-cert spec.commonName: a common name is not modelled (the names are dnsNames; browsers ignore the CN)',
      'ClusterIssuer letsencrypt-prod spec.acme.solvers[2]: a solver chosen by Certificate labels (selector.matchLabels) is not modelled (selectors take dnsNames / dnsZones)',
      'ClusterIssuer vault spec.vault: a vault issuer is not modelled (IssuerType: acme, selfSigned, ca)',
      "Issuer shop/internal-ca metadata.labels['team']: labels of cert-manager objects are not carried over (add them with an escape hatch: addJsonPatch)",
    ]);
    expect(read.items.filter(i => i.to !== undefined).map(i => `${i.object} ${i.field}`)).toEqual([
      'Certificate shop/api-cert spec.dnsNames',
      'Certificate shop/api-cert spec.duration',
      'Certificate shop/api-cert spec.issuerRef',
      'Certificate shop/api-cert spec.privateKey.algorithm',
      'Certificate shop/api-cert spec.privateKey.size',
      'Certificate shop/api-cert spec.renewBefore',
      'Certificate shop/api-cert spec.secretName',
      'ClusterIssuer bootstrap spec.selfSigned',
      'ClusterIssuer letsencrypt-prod spec.acme.email',
      'ClusterIssuer letsencrypt-prod spec.acme.privateKeySecretRef.name',
      'ClusterIssuer letsencrypt-prod spec.acme.server',
      'ClusterIssuer letsencrypt-prod spec.acme.solvers[0].http01.ingress.ingressClassName',
      'ClusterIssuer letsencrypt-prod spec.acme.solvers[1].dns01.cloudflare.apiTokenSecretRef',
      'ClusterIssuer letsencrypt-prod spec.acme.solvers[1].selector.dnsZones',
      'Issuer shop/internal-ca spec.ca.secretName',
    ]);
  });

  test('hostile and unknown fields: an unknown dns01 provider, an unknown spec field, a bad duration', () => {
    const r = readCertManager(loadManifests([{
      file: 'x.yaml',
      text: `apiVersion: cert-manager.io/v1
kind: Issuer
metadata: { name: dns, namespace: shop }
spec:
  acme:
    server: https://acme.example.net/directory
    privateKeySecretRef: { name: k }
    skipTLSVerify: true
    solvers:
      - dns01:
          azureDNS: { subscriptionID: abc }
---
apiVersion: cert-manager.io/v1
kind: Certificate
metadata: { name: c, namespace: shop }
spec:
  secretName: c-tls
  dnsNames: [a.shop.dev]
  duration: 1.5s
  issuerRef: { name: dns }
`,
    }]).objects.map(o => o.object));
    expect(r.items.filter(i => i.reason !== undefined).map(i => `${i.object} ${i.field}: ${i.reason}`)).toEqual([
      'Certificate shop/c spec.duration: not a whole number of seconds in Go duration syntax',
      'Issuer shop/dns spec.acme.skipTLSVerify: not modelled by the intent (cert-manager field without an equivalent prop)',
      'Issuer shop/dns spec.acme.solvers[0].dns01: dns01 provider azureDNS is not modelled (Dns01Provider: cloudflare, route53, googleCloudDns, rfc2136, webhook)',
    ]);
    expect(r.issuers[0].acme!.solvers).toEqual([]);
  });

  test('Go durations', () => {
    expect(goDurationSeconds('2160h')).toBe(7776000);
    expect(goDurationSeconds('1h30m')).toBe(5400);
    expect(goDurationSeconds('720h0m0s')).toBe(2592000);
    expect(goDurationSeconds('1500ms')).toBeUndefined();
    expect(goDurationSeconds('90d')).toBeUndefined();
  });

  test('issuers of TLS Secrets: Certificate objects and the ingress-shim / gateway-shim annotations', () => {
    const shim = loadManifests([{
      file: 'shim.yaml',
      text: `apiVersion: networking.k8s.io/v1
kind: Ingress
metadata:
  name: web
  namespace: shop
  annotations: { cert-manager.io/cluster-issuer: letsencrypt-prod }
spec:
  tls: [{ hosts: [shop.dev], secretName: shop-tls }]
---
apiVersion: gateway.networking.k8s.io/v1
kind: Gateway
metadata:
  name: edge
  namespace: infra
  annotations: { cert-manager.io/issuer: infra-ca }
spec:
  gatewayClassName: eg
  listeners:
    - name: https
      protocol: HTTPS
      port: 443
      hostname: api.shop.dev
      tls: { certificateRefs: [{ name: api-tls }] }
`,
    }]).objects.map(o => o.object);
    expect([...issuersBySecret([...objects, ...shim]).entries()]).toEqual([
      ['shop/api-tls', { kind: 'Issuer', name: 'internal-ca', namespace: 'shop' }],
      ['shop/shop-tls', { kind: 'ClusterIssuer', name: 'letsencrypt-prod' }],
      ['infra/api-tls', { kind: 'Issuer', name: 'infra-ca', namespace: 'infra' }],
    ]);
  });

  test('the plan re-creates the issuers and the standalone certificate with the public API', () => {
    const plan = planImport({ gateways: [], certManager: read });
    const code = generateCode(plan, { controller: 'ingress-nginx' });
    expect(code).toContain([
      "const internalCa = new Issuer(chart, 'internal-ca', {",
      "  namespace: 'shop',",
      "  type: IssuerType.ca({ secretName: 'internal-ca-keypair' }),",
      '});',
    ].join('\n'));
    expect(code).toContain("new ClusterIssuer(chart, 'bootstrap', { type: IssuerType.selfSigned() });");
    expect(code).toContain([
      "new Certificate(chart, 'api-cert', {",
      '  issuer: internalCa,',
      "  dnsNames: ['api.shop.dev', 'www.shop.dev'],",
      "  secretName: 'api-tls',",
      "  namespace: 'shop',",
      "  name: 'api-cert',",
      '  duration: Duration.days(90),',
      '  renewBefore: Duration.days(15),',
      '  privateKeyAlgorithm: PrivateKeyAlgorithm.ECDSA,',
      '  privateKeySize: 256,',
      '});',
    ].join('\n'));
    // Built directly, it renders the same objects (the ACME issuer's http01 solver keeps its class).
    const chart = new Chart(Testing.app(), 'imported');
    expect(buildApp(chart, plan, 'ingress-nginx').errors).toEqual([]);
    const out = Testing.synth(chart);
    const again = readCertManager(out);
    expect(again.issuers.map(i => ({ ...i, source: '' }))).toEqual(read.issuers.map(i => ({ ...i, source: '' })));
    expect(again.certificates.map(c => ({ ...c, source: '' }))).toEqual(read.certificates.map(c => ({ ...c, source: '' })));
  });
});
