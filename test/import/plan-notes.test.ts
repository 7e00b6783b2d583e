import { Chart, Testing } from 'cdk8s';
import { ApiGateway } from '../../src';
import { buildApp } from '../../src/import/build';
import { generateCode, str } from '../../src/import/codegen';
import { planImport } from '../../src/import/plan';
import { BackendIR, CATCH_ALL_MATCH, GatewayIR, RouteIR } from '../../src/ir/model';

/*
 * What the intent cannot say exactly: the plan writes a `cdk8s-gateway import:` comment and a
 * note (an unmapped item in the report), and keeps the rest.
 */

const b = (service: string, weight = 1): BackendIR => ({ service, namespace: 'shop', port: 80, weight });
const route = (name: string, extra: Partial<RouteIR>): RouteIR => ({
  source: `Ingress shop/${name}`, name, namespace: 'shop', hosts: [`${name}.shop.dev`], matches: [CATCH_ALL_MATCH], backends: [b(name)], policies: {}, ...extra,
});
const gateway: GatewayIR = {
  source: 'IngressClass nginx',
  name: 'nginx',
  namespace: 'shop',
  passthroughHosts: [],
  canaries: [],
  canariesByRoute: new Map(),
  routes: [
    route('split', { backends: [b('v1', 3), b('v2', 1)] }),
    route('three', { backends: [b('a', 2), b('b', 1), b('c', 1)] }),
    route('rewrite', { policies: { rewrite: { source: 'Ingress shop/rewrite', path: { kind: 'prefix', value: '/' }, host: 'internal.shop.dev' } } }),
    route('ips', { policies: { ipAccess: { source: 'Ingress shop/ips', allow: ['10.0.0.0/8'], deny: ['10.1.0.0/16'] } } }),
  ],
  tlsHosts: [{
    mode: 'Terminate', source: 'Ingress shop/split', name: 'split-tls', hosts: ['split.shop.dev'], secretName: 'split-tls', secretNamespace: 'shop', managedCertificate: true, httpsRedirect: true,
  }],
};

test('notes for what cannot move, comments in the code, and the rest still built', () => {
  const plan = planImport({ gateways: [gateway] });
  expect(plan.notes.map(n => `${n.object} ${n.field}: ${n.reason}`)).toEqual([
    "Ingress shop/rewrite rewrite: both a path and a host rewrite; a Route takes one rewrite, the host rewrite 'internal.shop.dev' cannot move",
    'Ingress shop/ips ipAccess: both an allow and a deny list; IpAccess takes one, the deny list 10.1.0.0/16 cannot move',
    'Ingress shop/split certificate: managed by cert-manager, but no issuer found for Secret shop/split-tls (no Certificate object or shim annotation in the input)',
  ]);
  const code = generateCode(plan, { controller: 'ingress-nginx' });
  // Weighted backends keep their weights on the route.
  expect(code).toContain("nginx.addRoute('split', {\n  hosts: ['split.shop.dev'],\n  backends: [Backend.service('v1', 80, { weight: 3 }), Backend.service('v2', 80, { weight: 1 })],\n});");
  // Three weighted backends keep their weights on the route.
  expect(code).toContain([
    '  backends: [',
    "    Backend.service('a', 80, { weight: 2 }),",
    "    Backend.service('b', 80, { weight: 1 }),",
    "    Backend.service('c', 80, { weight: 1 }),",
    '  ],',
  ].join('\n'));
  expect(code).toContain([
    '// cdk8s-gateway import: Ingress shop/ips has both an allow list and a deny list; IpAccess takes one: the deny list',
    '//   (10.1.0.0/16) is not carried over.',
    "nginx.addRoute('ips', {",
  ].join('\n'));
  // Everything else builds.
  const chart = new Chart(Testing.app(), 'imported');
  expect(buildApp(chart, plan, 'ingress-nginx').errors).toEqual([]);
  const gw = chart.node.findAll().find((c): c is ApiGateway => c instanceof ApiGateway)!;
  expect(gw._gatewayIr().routes.map(r => `${r.name}: ${r.backends.map(x => x.service).join(',')}`)).toEqual([
    'nginx-split: v1,v2', 'nginx-three: a,b,c', 'nginx-rewrite: rewrite', 'nginx-ips: ips',
  ]);
});

test('string literals survive quotes, backslashes and control characters', () => {
  for (const s of ["it's", 'back\\slash', 'line\nbreak', '"double"', '${not-a-template}', 'tab\there', '\u2028']) {
    // eslint-disable-next-line @typescript-eslint/no-implied-eval
    expect(new Function(`return ${str(s)};`)()).toBe(s);
  }
});

test('a cert-manager Secret outside the gateway\'s namespace: a Certificate there, read by the TlsHost', () => {
  const gw: GatewayIR = {
    ...gateway,
    routes: [route('blog', { namespace: 'blog', backends: [{ ...b('ghost'), namespace: 'blog' }] })],
    tlsHosts: [{
      mode: 'Terminate', source: 'Ingress blog/blog', name: 'blog-tls', hosts: ['blog.shop.dev'], secretName: 'blog-tls', secretNamespace: 'blog', managedCertificate: true, httpsRedirect: true,
    }],
  };
  const plan = planImport({ gateways: [gw], issuersBySecret: new Map([['blog/blog-tls', { kind: 'ClusterIssuer', name: 'letsencrypt-prod' }]]) });
  expect(plan.notes).toEqual([]);
  const code = generateCode(plan, { controller: 'envoy-gateway' });
  expect(code).toContain([
    "new Certificate(chart, 'blog-blog-tls', {",
    "  issuer: ClusterIssuer.fromName('letsencrypt-prod'),",
    "  dnsNames: ['blog.shop.dev'],",
    "  secretName: 'blog-tls',",
    "  namespace: 'blog',",
    '});',
  ].join('\n'));
  expect(code).toContain("certificate: TlsCertificate.fromSecret('blog-tls', { namespace: 'blog' }),");
  const chart = new Chart(Testing.app(), 'imported');
  expect(buildApp(chart, plan, 'envoy-gateway').errors).toEqual([]);
  const certificates = Testing.synth(chart).filter(o => o.kind === 'Certificate');
  expect(certificates.map(c => `${c.metadata.namespace}/${c.metadata.name} -> ${c.spec.secretName} (${c.spec.issuerRef.kind} ${c.spec.issuerRef.name})`))
    .toEqual(['blog/blog-tls -> blog-tls (ClusterIssuer letsencrypt-prod)']);
});
