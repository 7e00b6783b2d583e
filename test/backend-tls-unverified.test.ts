import { Chart, Testing } from 'cdk8s';
import { roundTripProblems } from './property/roundtrip';
import { CONTROLLERS, newChart, synthConformant, synthError } from './util';
import { ApiGateway, Backend, BackendProtocol, BackendTls, CaCertificates, CanaryTraffic, TrafficMirror, Warnings } from '../src';
import { ControllerName } from '../src/capabilities/features';
import { routeTable } from '../src/checks/route-table';
import { INGRESS_NGINX_READER } from '../src/controllers/ingress-nginx/reader';
import { buildApp } from '../src/import/build';
import { generateCode } from '../src/import/codegen';
import { planImport } from '../src/import/plan';

/*
 * BackendTls.insecureSkipVerify(): the explicit, unsafe opt-in for backends whose certificate
 * cannot be verified (self-signed, while migrating). The capability cells (rendered fields and
 * refusals) are in test/capabilities.test.ts; this file covers the warning, strict mode, the
 * reader mappings, the round trip, the import codegen and bad inputs.
 */

const WARNING = (prop: string, backend: string) => `${prop}: the certificate of ${backend} is not verified (BackendTls.insecureSkipVerify()), so anyone on the path between `
  + 'the proxy and the backend can read and change the traffic; use BackendTls.verify() with the backend\'s CA, or acknowledge while migrating';

function chartOf(strict = false): Chart {
  const app = Testing.app();
  if (strict) app.node.setContext(Warnings.STRICT_CONTEXT, true);
  return new Chart(app, 'test', { namespace: 'edge' });
}

const unverified = (serverName?: string) => Backend.service('legacy', 8443, { tls: BackendTls.insecureSkipVerify(serverName ? { serverName } : undefined) });

describe('BackendTls.insecureSkipVerify()', () => {
  test('the factory says what it is; verify() is unchanged', () => {
    const t = BackendTls.insecureSkipVerify({ serverName: 'legacy.internal' });
    expect([t.skipsVerification, t.hostname]).toEqual([true, undefined]);
    const v = BackendTls.verify({ hostname: 'api.internal' });
    expect([v.skipsVerification, v.hostname]).toEqual([false, 'api.internal']);
  });

  test('ingress-nginx: backend-protocol HTTPS with proxy-ssl-verify off, nothing else', () => {
    const chart = chartOf();
    new ApiGateway(chart, 'edge', { controller: CONTROLLERS['ingress-nginx']() })
      .addRoute('r', { hosts: ['a.example.com'], backend: unverified() });
    const ingress = synthConformant(chart).find(o => o.kind === 'Ingress');
    expect(ingress.metadata.annotations).toEqual({
      'nginx.ingress.kubernetes.io/backend-protocol': 'HTTPS',
      'nginx.ingress.kubernetes.io/proxy-ssl-verify': 'off',
    });
  });

  test('Traefik: a ServersTransport with insecureSkipVerify and the SNI, no rootCAs', () => {
    const chart = chartOf();
    new ApiGateway(chart, 'edge', { controller: CONTROLLERS.traefik() })
      .addRoute('r', { hosts: ['a.example.com'], backend: unverified('legacy.internal') });
    const transport = synthConformant(chart).find(o => o.kind === 'ServersTransport');
    expect(transport.spec).toEqual({ insecureSkipVerify: true, serverName: 'legacy.internal' });
  });

  test('warns on the route, canary, mirror and default backend that declare it; verified backends do not warn', () => {
    const chart = chartOf();
    const gw = new ApiGateway(chart, 'edge', { controller: CONTROLLERS.traefik(), defaultBackend: unverified() });
    const stable = gw.addRoute('r', { hosts: ['a.example.com'], backend: unverified('legacy.internal') });
    gw.addRoute('ok', { hosts: ['b.example.com'], backend: Backend.service('api', 8443, { tls: BackendTls.verify({ hostname: 'api.internal' }) }) });
    gw.addCanary('c', {
      stable,
      canary: Backend.service('legacy-v2', 8443, { tls: BackendTls.insecureSkipVerify() }),
      traffic: CanaryTraffic.weight(10),
      mirror: TrafficMirror.to(Backend.service('shadow', 8443, { tls: BackendTls.insecureSkipVerify() })),
    });
    const warnings = Warnings.of(chart).all.filter(w => w.id === 'backend-tls-unverified');
    expect(warnings.map(w => [w.path, w.message])).toEqual([
      ['test/edge', WARNING('defaultBackend.tls', 'edge/legacy:8443')],
      ['test/edge/r', WARNING('backend.tls', 'edge/legacy:8443')],
      ['test/edge/c', WARNING('canary.tls', 'edge/legacy-v2:8443')],
      ['test/edge/c', WARNING('mirror.backend.tls', 'edge/shadow:8443')],
    ]);
  });

  test('strict mode refuses it; acknowledging the id lets it through', () => {
    const strict = chartOf(true);
    new ApiGateway(strict, 'edge', { controller: CONTROLLERS['ingress-nginx']() }).addRoute('r', { backend: unverified() });
    expect(synthError(strict)).toContain('backend-tls-unverified: backend.tls: the certificate of edge/legacy:8443 is not verified');
    const acknowledged = chartOf(true);
    new ApiGateway(acknowledged, 'edge', { controller: CONTROLLERS['ingress-nginx']() }).addRoute('r', { backend: unverified() });
    Warnings.of(acknowledged).acknowledge('backend-tls-unverified');
    expect(synthError(acknowledged)).toBeUndefined();
  });

  test.each<[ControllerName, string | undefined]>([
    ['ingress-nginx', undefined],
    ['traefik', undefined],
    ['traefik', 'legacy.internal'],
  ])('%s reads it back to the same route table (SNI %s)', (controller, serverName) => {
    const chart = chartOf();
    const gw = new ApiGateway(chart, 'edge', { controller: CONTROLLERS[controller]() });
    gw.addRoute('r', { hosts: ['a.example.com'], backend: unverified(serverName) });
    expect(roundTripProblems(controller, gw, synthConformant(chart))).toEqual([]);
    const expected = serverName ? { hostname: serverName, insecureSkipVerify: true } : { insecureSkipVerify: true };
    expect(routeTable(gw._gatewayIr()).routes[0].backends[0].tls).toEqual(expected);
  });

  test.each([
    ['unverified', BackendTls.insecureSkipVerify()],
    ['verified', BackendTls.verify({ hostname: 'legacy.internal', ca: CaCertificates.fromSecret('legacy-ca') })],
  ])('ingress-nginx: a re-encrypted (%s) default backend reads back, its backend-protocol included', (_, tls) => {
    const chart = chartOf();
    const gw = new ApiGateway(chart, 'edge', { controller: CONTROLLERS['ingress-nginx'](), defaultBackend: Backend.service('legacy', 8443, { tls }) });
    expect(roundTripProblems('ingress-nginx', gw, synthConformant(chart))).toEqual([]);
  });

  test('ingress-nginx reader: proxy-ssl-verify off is the opt-in; backend-protocol HTTPS alone stays BackendProtocol.HTTPS', () => {
    const ingress = (annotations: Record<string, string>) => ({
      apiVersion: 'networking.k8s.io/v1',
      kind: 'Ingress',
      metadata: { name: 'legacy', namespace: 'apps', annotations: { 'kubernetes.io/ingress.class': 'nginx', ...annotations } },
      spec: { rules: [{ host: 'a.example.com', http: { paths: [{ path: '/', pathType: 'Prefix', backend: { service: { name: 'legacy', port: { number: 8443 } } } }] } }] },
    });
    const off = INGRESS_NGINX_READER.read([ingress({ 'nginx.ingress.kubernetes.io/backend-protocol': 'HTTPS', 'nginx.ingress.kubernetes.io/proxy-ssl-verify': 'off' })]);
    const route = off.gateways[0].routes[0];
    expect([route.backends[0].tls, route.policies.backendProtocol]).toEqual([{ insecureSkipVerify: true }, undefined]);
    expect(off.items.filter(i => i.reason !== undefined)).toEqual([]);
    const alone = INGRESS_NGINX_READER.read([ingress({ 'nginx.ingress.kubernetes.io/backend-protocol': 'HTTPS' })]).gateways[0].routes[0];
    expect([alone.backends[0].tls, alone.policies.backendProtocol?.protocol]).toEqual([undefined, 'HTTPS']);
    // With an SNI name but no CA Secret nginx applies none of proxy-ssl-*: not the opt-in.
    const named = INGRESS_NGINX_READER.read([ingress({
      'nginx.ingress.kubernetes.io/backend-protocol': 'HTTPS', 'nginx.ingress.kubernetes.io/proxy-ssl-verify': 'off', 'nginx.ingress.kubernetes.io/proxy-ssl-name': 'legacy.internal',
    })]);
    expect(named.gateways[0].routes[0].backends[0].tls).toBeUndefined();
  });

  test('import codegen prints the factory, and building the plan gives the same intent', () => {
    const chart = chartOf();
    const gw = new ApiGateway(chart, 'edge', { controller: CONTROLLERS.traefik() });
    gw.addRoute('r', { hosts: ['a.example.com'], backend: unverified('legacy.internal') });
    gw.addRoute('s', { hosts: ['b.example.com'], backend: Backend.service('old', 443, { tls: BackendTls.insecureSkipVerify() }) });
    const plan = planImport({ gateways: [gw._gatewayIr()], issuersBySecret: new Map() });
    const code = generateCode(plan, { controller: 'traefik', importFrom: 'cdk8s-gateway' });
    expect(code).toContain("BackendTls.insecureSkipVerify({ serverName: 'legacy.internal' })");
    expect(code).toContain("Backend.service('old', 443, { tls: BackendTls.insecureSkipVerify() })");
    const rebuilt = newChart();
    const built = buildApp(rebuilt, plan, 'traefik');
    expect(built.errors).toEqual([]);
    const again = rebuilt.node.findAll().find((c): c is ApiGateway => c instanceof ApiGateway)!;
    expect(routeTable(again._gatewayIr())).toEqual(routeTable(gw._gatewayIr()));
  });

  test.each<[string, () => unknown, string | RegExp]>([
    ['options a string', () => BackendTls.insecureSkipVerify('x' as any), "BackendTls.insecureSkipVerify: options must be an object, got 'x'"],
    ['options null (the default)', () => BackendTls.insecureSkipVerify(null as any), /^$/],
    ['serverName a number', () => new ApiGateway(newChart(), 'edge', { controller: CONTROLLERS.traefik() })
      .addRoute('r', { backend: Backend.service('s', 443, { tls: BackendTls.insecureSkipVerify({ serverName: 5 as any }) }) }),
    "[test/edge/r] Route.backend: Backend.service('s', 443): tls.serverName: must be a non-empty DNS name"],
    ['serverName a wildcard', () => new ApiGateway(newChart(), 'edge', { controller: CONTROLLERS.traefik() })
      .addRoute('r', { backend: Backend.service('s', 443, { tls: BackendTls.insecureSkipVerify({ serverName: '*.internal.example' }) }) }),
    "tls.serverName: '*.internal.example' must be a concrete name, not a wildcard (it is sent as SNI)"],
    ['serverName uppercase', () => new ApiGateway(newChart(), 'edge', { controller: CONTROLLERS.traefik() })
      .addRoute('r', { backend: Backend.service('s', 443, { tls: BackendTls.insecureSkipVerify({ serverName: 'Legacy' }) }) }),
    "tls.serverName: 'Legacy' must be lowercase"],
    ['tls an object literal', () => new ApiGateway(newChart(), 'edge', { controller: CONTROLLERS.traefik() })
      .addRoute('r', { backend: Backend.service('s', 443, { tls: { insecureSkipVerify: true } as any }) }),
    'tls: must be created with BackendTls.verify() or BackendTls.insecureSkipVerify()'],
  ])('bad input: %s', (_, f, expected) => {
    let message = '';
    try { f(); } catch (e) { message = (e as Error).message; }
    if (typeof expected === 'string') expect(message).toContain(expected);
    else expect(message).toMatch(expected);
    expect(message).not.toMatch(/TypeError|Cannot read/);
  });
});

describe('BackendProtocol.HTTPS / GRPCS without tls: the controller\'s default check is named', () => {
  const FIX = 'declare the backend\'s tls: BackendTls.verify(...) to check it, or BackendTls.insecureSkipVerify() to accept any certificate explicitly';
  const warningsOf = (c: ControllerName, protocol: BackendProtocol, tls?: BackendTls, defaults = false) => {
    const chart = chartOf();
    const gw = new ApiGateway(chart, 'edge', { controller: CONTROLLERS[c](), defaults: defaults ? { backendProtocol: protocol } : undefined });
    gw.addRoute('r', { hosts: ['a.example.com'], backend: Backend.service('legacy', 8443, tls ? { tls } : {}), ...(defaults ? {} : { backendProtocol: protocol }) });
    return Warnings.of(chart).all.filter(w => w.id === 'backend-tls-unverified' || w.id === 'controller-default').map(w => [w.id, w.path, w.message]);
  };

  test.each<[ControllerName, string]>([
    ['ingress-nginx', 'ingress-nginx leaves proxy-ssl-verify off unless a CA is given'],
    ['kong', 'Kong leaves tls_verify off on the upstream Service unless told'],
  ])('%s: backend-tls-unverified, on the route, for the route\'s or the defaults\' protocol', (c, why) => {
    const message = (prefix: string) => `${prefix}backendProtocol: BackendProtocol.HTTPS to edge/legacy:8443 without tls: the certificate is not verified (${why}), `
      + `so anyone on the path between the proxy and the backend can read and change the traffic; ${FIX}`;
    expect(warningsOf(c, BackendProtocol.HTTPS)).toEqual([['backend-tls-unverified', 'test/edge/r', message('')]]);
    expect(warningsOf(c, BackendProtocol.HTTPS, undefined, true)).toEqual([['backend-tls-unverified', 'test/edge/r', message('defaults.')]]);
  });

  test('ingress-nginx: GRPCS too; HTTP, GRPC and a backend with tls warn nothing new', () => {
    expect(warningsOf('ingress-nginx', BackendProtocol.GRPCS).map(w => w[2])).toEqual([expect.stringContaining('backendProtocol: BackendProtocol.GRPCS to edge/legacy:8443 without tls')]);
    expect(warningsOf('ingress-nginx', BackendProtocol.GRPC)).toEqual([]);
    expect(warningsOf('ingress-nginx', BackendProtocol.HTTP)).toEqual([]);
    expect(warningsOf('ingress-nginx', BackendProtocol.HTTPS, BackendTls.verify({ hostname: 'legacy.internal', ca: CaCertificates.fromSecret('legacy-ca') }))).toEqual([]);
  });

  test('traefik: controller-default, since Traefik checks system roots where ingress-nginx and Kong accept anything', () => {
    expect(warningsOf('traefik', BackendProtocol.HTTPS)).toEqual([['controller-default', 'test/edge/r',
      'backendProtocol: BackendProtocol.HTTPS to edge/legacy:8443 without tls: Traefik checks the certificate against its system roots unless a ServersTransport says otherwise, '
      + `while ingress-nginx and Kong accept any certificate; a self-signed backend fails here; ${FIX}`]]);
  });
});
