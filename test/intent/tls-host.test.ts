import { Duration } from 'cdk8s';
import {
  AcmeServer, AcmeSolver, ApiGateway, Backend, BackendTls, CaCertificates, ClientAuth, ClusterIssuer, Controller, Dns01Provider, Hsts,
  Issuer, IssuerType, TlsCertificate, TlsMode,
} from '../../src';
import { newChart, synthConformant, synthError } from '../util';

const EMAIL = 'platform@shop.dev';

function gateway(controller = Controller.envoyGateway(), chart = newChart()) {
  return { chart, gw: new ApiGateway(chart, 'edge', { controller }) };
}

function letsEncrypt(chart: ReturnType<typeof newChart>, solvers = [AcmeSolver.http01()]) {
  return new ClusterIssuer(chart, 'le', { type: IssuerType.acme({ server: AcmeServer.letsEncryptProduction(), email: EMAIL, solvers }) });
}

describe('TlsHost with TlsCertificate.fromIssuer', () => {
  test.each([
    [Controller.ingressNginx(), (o: any[]) => o.find(x => x.kind === 'Ingress').spec.tls[0].secretName],
    [Controller.traefik(), (o: any[]) => o.find(x => x.kind === 'IngressRoute').spec.tls.secretName],
    [Controller.kong(), (o: any[]) => o.find(x => x.kind === 'Ingress').spec.tls[0].secretName],
    [Controller.envoyGateway(), (o: any[]) => o.find(x => x.kind === 'Gateway').spec.listeners[1].tls.certificateRefs[0].name],
  ])('the Secret cert-manager writes is the one the controller reads (%#)', (controller, secretOf) => {
    // GIVEN
    const { chart, gw } = gateway(controller);
    const issuer = letsEncrypt(chart);
    gw.addRoute('api', { hosts: ['api.example.com'], backend: Backend.service('api', 8080) });
    // WHEN
    const tls = gw.addTlsHost('api-tls', { hosts: ['api.example.com'], certificate: TlsCertificate.fromIssuer(issuer) });
    // THEN
    const objects = synthConformant(chart);
    const cert = objects.find(o => o.kind === 'Certificate');
    expect(cert.spec).toEqual({
      secretName: 'edge-api-tls-cert',
      dnsNames: ['api.example.com'],
      issuerRef: { group: 'cert-manager.io', kind: 'ClusterIssuer', name: 'le' },
    });
    expect(secretOf(objects)).toBe('edge-api-tls-cert');
    expect(tls.secretName).toBe('edge-api-tls-cert');
    expect(tls.apiObjects[0]).toBe(tls.issuedCertificate!.apiObject);
  });

  test('a wildcard hostname with an HTTP-01-only issuer is an error (HTTP-01 cannot validate wildcards)', () => {
    const { chart, gw } = gateway(Controller.ingressNginx());
    const issuer = letsEncrypt(chart);
    gw.addRoute('apps', { hosts: ['*.apps.example.com'], backend: Backend.service('apps', 80) });
    gw.addTlsHost('apps-tls', { hosts: ['*.apps.example.com'], certificate: TlsCertificate.fromIssuer(issuer) });
    const error = synthError(chart);
    expect(error).toMatch(/\[test\/edge\/apps-tls\] TlsHost.certificate: '\*.apps.example.com' is a wildcard, which ACME HTTP-01 cannot validate, and no DNS-01 solver of ClusterIssuer 'le' \[test\/le\] covers it/);
  });

  test('a wildcard chosen by an explicit HTTP-01 solver is an error naming it; a DNS-01 solver fixes it', () => {
    const build = (withDns: boolean) => {
      const { chart, gw } = gateway(Controller.ingressNginx());
      const solvers = [AcmeSolver.http01Ingress('nginx'), ...(withDns ? [AcmeSolver.dns01(Dns01Provider.route53(), { selector: { dnsZones: ['apps.example.com'] } })] : [])];
      const issuer = letsEncrypt(chart, solvers);
      gw.addRoute('apps', { hosts: ['*.apps.example.com'], backend: Backend.service('apps', 80) });
      gw.addTlsHost('apps-tls', { hosts: ['*.apps.example.com'], certificate: TlsCertificate.fromIssuer(issuer) });
      return chart;
    };
    expect(synthError(build(false))).toMatch(/\[test\/edge\/apps-tls\] TlsHost.certificate: '\*.apps.example.com' is a wildcard, which ACME HTTP-01 cannot validate, and ClusterIssuer 'le' \[test\/le\] would use its HTTP-01 solver \(solvers\[0\]\) for it; add an AcmeSolver.dns01\(\) solver covering it/);
    expect(synthConformant(build(true)).length).toBeGreaterThan(0);
  });

  test('an explicit HTTP-01 solver of another class than the gateway\'s is an error', () => {
    const { chart, gw } = gateway(Controller.kong());
    const issuer = letsEncrypt(chart, [AcmeSolver.http01Ingress('nginx')]);
    gw.addRoute('api', { hosts: ['api.example.com'], backend: Backend.service('api', 8080) });
    gw.addTlsHost('api-tls', { hosts: ['api.example.com'], certificate: TlsCertificate.fromIssuer(issuer) });
    expect(synthError(chart)).toMatch(/TlsHost.certificate: ClusterIssuer 'le' \[test\/le\] would solve 'api.example.com' with solvers\[0\], an Ingress of class 'nginx', but the name is served by ApiGateway 'edge' .*\(kong\) \(class 'kong'\); use AcmeSolver.http01\(\)/);
  });

  test('a certificate Secret shared by different host sets is an error', () => {
    const chart = newChart();
    const issuer = letsEncrypt(chart);
    for (const [id, host] of [['one', 'a.example.com'], ['two', 'b.example.com']]) {
      const gw = new ApiGateway(chart, id, { controller: Controller.ingressNginx() });
      gw.addRoute('r', { hosts: [host], backend: Backend.service('svc', 80) });
      gw.addTlsHost('tls', { hosts: [host], certificate: TlsCertificate.fromIssuer(issuer, { secretName: 'shared-tls' }) });
    }
    expect(synthError(chart)).toMatch(/\[test\/two\/tls\] TlsHost.certificate: Secret 'shared-tls' is already written by TlsHost \[test\/one\/tls\] for \[a.example.com\]; two certificates writing one Secret replace each other endlessly/);
  });

  test('a namespaced Issuer from another namespace is refused; one of the gateway\'s namespace works', () => {
    const { chart, gw } = gateway(Controller.ingressNginx(), newChart('shop'));
    const security = new Issuer(chart, 'ca', { namespace: 'security', type: IssuerType.ca({ secretName: 'ca' }) });
    const local = new Issuer(chart, 'local-ca', { type: IssuerType.ca({ secretName: 'ca' }) });
    gw.addRoute('r', { hosts: ['a.example.com'], backend: Backend.service('svc', 80) });
    expect(() => gw.addTlsHost('tls', { hosts: ['a.example.com'], certificate: TlsCertificate.fromIssuer(security) }))
      .toThrow(/^\[test\/edge\/tls\] TlsHost.certificate: Issuer 'ca' lives in namespace 'security' and only serves certificates there, but this gateway's certificates are in 'shop'/);
    gw.addTlsHost('tls2', { hosts: ['a.example.com'], certificate: TlsCertificate.fromIssuer(local) });
    expect(synthConformant(chart).find(o => o.kind === 'Certificate').spec.issuerRef.kind).toBe('Issuer');
  });

  test('more than 100 names in one certificate is refused when the TlsHost is created', () => {
    const { chart, gw } = gateway();
    const hosts = Array.from({ length: 101 }, (_, i) => `h${i}.example.com`);
    expect(() => gw.addTlsHost('tls', { hosts, certificate: TlsCertificate.fromIssuer(letsEncrypt(chart)) })).toThrow(/TlsHost.hosts: 101 hostnames; a certificate covers at most 100 names/);
  });

  test('certificate settings are validated where the TlsHost is created, naming it', () => {
    const { chart, gw } = gateway();
    gw.addRoute('r', { hosts: ['a.example.com'], backend: Backend.service('svc', 80) });
    expect(() => gw.addTlsHost('tls', { hosts: ['a.example.com'], certificate: TlsCertificate.fromIssuer(letsEncrypt(chart), { duration: Duration.minutes(5) }) }))
      .toThrow(/^\[test\/edge\/tls\] TlsHost.certificate: 300s is below cert-manager's minimum of one hour/);
  });
});

describe('TlsHost: modes and HTTPS settings', () => {
  test.each([
    ['no certificate', {}, /TlsHost.certificate: must be created with TlsCertificate.fromSecret\(\) or TlsCertificate.fromIssuer\(\)/],
    ['a bad mode', { certificate: TlsCertificate.fromSecret('c'), mode: 'passthrough' }, /TlsHost.mode: must be TlsMode.terminate\(\) or TlsMode.passthrough\(backend\)/],
    ['a bad minimum version', { certificate: TlsCertificate.fromSecret('c'), minTlsVersion: 'TLS1.0' }, /TlsHost.minTlsVersion: 'TLS1.0' is not a TlsVersion/],
    ['a string redirect', { certificate: TlsCertificate.fromSecret('c'), httpsRedirect: 'yes' }, /TlsHost.httpsRedirect: must be true or false/],
    ['HSTS preload without subdomains', { certificate: TlsCertificate.fromSecret('c'), hsts: Hsts.enable({ preload: true }) }, /TlsHost.hsts.preload: the HSTS preload list requires includeSubdomains: true/],
    ['HSTS preload below a year', { certificate: TlsCertificate.fromSecret('c'), hsts: Hsts.enable({ preload: true, includeSubdomains: true, maxAge: Duration.days(30) }) }, /TlsHost.hsts.preload: the HSTS preload list requires a maxAge of at least one year/],
    ['HSTS as a boolean', { certificate: TlsCertificate.fromSecret('c'), hsts: true }, /TlsHost.hsts: must be created with Hsts.enable\(\)/],
    ['a client CA that is a string', { certificate: TlsCertificate.fromSecret('c'), clientAuth: ClientAuth.required('ca' as any) }, /TlsHost.clientAuth.ca: must be created with CaCertificates.fromSecret\(\) or CaCertificates.fromConfigMap\(\)/],
    ['client verification with the certificate in another namespace', { certificate: TlsCertificate.fromSecret('c', { namespace: 'certs' }), clientAuth: ClientAuth.required(CaCertificates.fromSecret('ca')) }, /TlsHost.clientAuth: client certificate verification needs the certificate Secret in the gateway's namespace 'edge'/],
    ['passthrough with a certificate', { certificate: TlsCertificate.fromSecret('c'), mode: TlsMode.passthrough(Backend.service('db', 5432)) }, /TlsHost.certificate: a passthrough host is not terminated at the gateway, so it takes no certificate/],
    ['passthrough with HTTP-level policies', { mode: TlsMode.passthrough(Backend.service('db', 5432)), hsts: Hsts.enable(), httpsRedirect: true }, /TlsHost.httpsRedirect: a passthrough host is not terminated at the gateway, so it takes no httpsRedirect, hsts/],
    ['passthrough to another namespace', { mode: TlsMode.passthrough(Backend.service('db', 5432, { namespace: 'data' })) }, /TlsHost.mode.backend: the passthrough backend must be in the gateway's namespace 'edge'/],
    ['passthrough to a re-encrypting backend', { mode: TlsMode.passthrough(Backend.service('db', 5432, { tls: BackendTls.verify({ hostname: 'db.internal' }) })) }, /TlsHost.mode.backend: a passthrough backend receives the client's TLS connection as is/],
    ['passthrough without backend', { mode: TlsMode.passthrough(undefined as any) }, /TlsHost.mode: TlsMode.passthrough\(\) needs a backend/],
  ])('%s is refused, naming the construct and prop', (_what, options, message) => {
    const { gw } = gateway();
    expect(() => gw.addTlsHost('tls', { hosts: ['a.example.com'], ...options } as any)).toThrow(new RegExp(`^\\[test/edge/tls\\] ${message.source}`));
  });

  test('passthrough together with HTTP routing on the same host is an error', () => {
    const { chart, gw } = gateway();
    gw.addRoute('db-admin', { hosts: ['db.example.com'], backend: Backend.service('pgadmin', 80) });
    gw.addTlsHost('db', { hosts: ['db.example.com'], mode: TlsMode.passthrough(Backend.service('postgres', 5432)) });
    expect(synthError(chart)).toMatch(/\[test\/edge\/db\] TlsHost.mode: 'db.example.com' is passed through at the TLS level, so HTTP routing and policies cannot apply to it, but \[test\/edge\/db-admin\] routes it/);
  });

  test('a passthrough wildcard also excludes the routes below it', () => {
    const { chart, gw } = gateway();
    gw.addRoute('a', { hosts: ['a.tcp.example.com'], backend: Backend.service('svc', 80) });
    gw.addTlsHost('tcp', { hosts: ['*.tcp.example.com'], mode: TlsMode.passthrough(Backend.service('tcp', 443)) });
    expect(synthError(chart)).toMatch(/\[test\/edge\/tcp\] TlsHost.mode: '\*.tcp.example.com' is passed through/);
  });

  test.each([
    [Controller.ingressNginx(), /Plain HTTP alongside HTTPS \(httpsRedirect\) is not supported by controller 'ingress-nginx': ssl-redirect applies to a whole Ingress, and this route serves 'a.example.com' \(the HTTPS redirect\) and 'b.example.com' \(no HTTPS redirect\)/],
    [Controller.envoyGateway(), /HTTP to HTTPS redirect \(httpsRedirect\) is not supported by controller 'envoy-gateway': an HTTPRoute attaches to listeners as a whole, and this route serves 'a.example.com' \(the HTTPS redirect\) and 'b.example.com' \(HTTPS and plain HTTP\): on the HTTP listener it would serve 'a.example.com' ahead of its redirect/],
    [Controller.kong(), /HTTP to HTTPS redirect \(httpsRedirect\) is not supported by controller 'kong': konghq.com\/protocols applies to a whole Ingress/],
  ])('one route mixing a redirected host and a plain-HTTP one is an error where the setting is route-wide (%#)', (controller, message) => {
    const { chart, gw } = gateway(controller);
    gw.addRoute('r', { hosts: ['a.example.com', 'b.example.com'], backend: Backend.service('svc', 80) });
    gw.addTlsHost('a', { hosts: ['a.example.com'], certificate: TlsCertificate.fromSecret('a') });
    gw.addTlsHost('b', { hosts: ['b.example.com'], certificate: TlsCertificate.fromSecret('b'), httpsRedirect: false });
    expect(synthError(chart)).toMatch(new RegExp(`\\[test/edge/r\\] ${message.source}`));
  });

  test('Gateway API: a host without redirect attaches to the HTTP and HTTPS listeners; a redirected one only to HTTPS', () => {
    const { chart, gw } = gateway(Controller.istio());
    gw.addRoute('a', { hosts: ['a.example.com'], backend: Backend.service('svc', 80) });
    gw.addRoute('b', { hosts: ['b.example.com'], backend: Backend.service('svc', 80) });
    gw.addTlsHost('a-tls', { hosts: ['a.example.com'], certificate: TlsCertificate.fromSecret('a') });
    gw.addTlsHost('b-tls', { hosts: ['b.example.com'], certificate: TlsCertificate.fromSecret('b'), httpsRedirect: false });
    const routes = synthConformant(chart).filter(o => o.kind === 'HTTPRoute');
    expect(routes.map(r => [r.metadata.name, r.spec.parentRefs.map((p: any) => p.sectionName)])).toEqual([
      ['edge-a', ['https-a-example-com']],
      ['edge-b', ['http', 'https-b-example-com']],
      ['edge-a-tls-https-redirect', ['http']],
    ]);
  });

  test('HSTS must agree across the TLS hosts of one route where headers are route-wide', () => {
    const { chart, gw } = gateway(Controller.envoyGateway());
    gw.addRoute('r', { hosts: ['a.example.com', 'b.example.com'], backend: Backend.service('svc', 80) });
    gw.addTlsHost('a', { hosts: ['a.example.com'], certificate: TlsCertificate.fromSecret('a'), hsts: Hsts.enable() });
    gw.addTlsHost('b', { hosts: ['b.example.com'], certificate: TlsCertificate.fromSecret('b') });
    expect(synthError(chart)).toMatch(/\[test\/edge\/r\] HSTS \(hsts\) is not supported by controller 'envoy-gateway': HTTPRoute filters apply to every host of the route, and this route serves 'a.example.com' \(max-age=31536000\) and 'b.example.com' \(no HSTS\)/);
  });

  test('portable Gateway API validates client certificates gateway-wide: TlsHosts must agree', () => {
    const { chart, gw } = gateway(Controller.gatewayApi({ gatewayClassName: 'cls' }));
    gw.addRoute('a', { hosts: ['a.example.com'], backend: Backend.service('svc', 80) });
    gw.addRoute('b', { hosts: ['b.example.com'], backend: Backend.service('svc', 80) });
    gw.addTlsHost('a-tls', { hosts: ['a.example.com'], certificate: TlsCertificate.fromSecret('a'), clientAuth: ClientAuth.required(CaCertificates.fromConfigMap('ca')) });
    gw.addTlsHost('b-tls', { hosts: ['b.example.com'], certificate: TlsCertificate.fromSecret('b') });
    expect(synthError(chart)).toMatch(/\[test\/edge\/b-tls\] Client certificate verification \(mTLS\) \(clientAuth\) is not supported by controller 'gateway-api': Gateway API validates client certificates for every HTTPS listener of a port/);
  });

  test('Traefik: the redirect router of a TLS host ranks above routes without hosts on the web entry point', () => {
    const { chart, gw } = gateway(Controller.traefik());
    gw.addRoute('any', { match: { path: undefined }, backend: Backend.service('catch-all', 80) });
    gw.addRoute('api', { hosts: ['api.example.com'], backend: Backend.service('api', 80) });
    gw.addTlsHost('tls', { hosts: ['api.example.com'], certificate: TlsCertificate.fromSecret('api') });
    const objects = synthConformant(chart);
    const redirect = objects.find(o => o.metadata.name === 'edge-tls-https-redirect' && o.kind === 'IngressRoute');
    const catchAll = objects.find(o => o.metadata.name === 'edge-any');
    expect(redirect.spec.entryPoints).toEqual(['web']);
    expect(redirect.spec.routes[0].priority).toBeGreaterThan(catchAll.spec.routes[0].priority);
  });
});

test('Gateway API: the redirect names the HTTPS port when it is not 443', () => {
  const { chart, gw } = gateway(Controller.envoyGateway({ httpPort: 8080, httpsPort: 8443 }));
  gw.addRoute('r', { hosts: ['a.example.com'], backend: Backend.service('svc', 80) });
  gw.addTlsHost('tls', { hosts: ['a.example.com'], certificate: TlsCertificate.fromSecret('a') });
  const redirect = synthConformant(chart).find(o => o.metadata.name === 'edge-tls-https-redirect');
  expect(redirect.spec.rules).toEqual([{ filters: [{ type: 'RequestRedirect', requestRedirect: { scheme: 'https', port: 8443, statusCode: 301 } }] }]);
});

test('Gateway API: two TLS hostnames that would give one listener name are an error', () => {
  const { chart, gw } = gateway(Controller.envoyGateway());
  gw.addRoute('r', { hosts: ['a-b.example.com', 'a.b.example.com'], backend: Backend.service('svc', 80) });
  gw.addTlsHost('one', { hosts: ['a-b.example.com'], certificate: TlsCertificate.fromSecret('one') });
  gw.addTlsHost('two', { hosts: ['a.b.example.com'], certificate: TlsCertificate.fromSecret('two') });
  expect(synthError(chart)).toMatch(/\[test\/edge\/two\] TlsHost.hosts: 'a.b.example.com' and 'a-b.example.com' both need the Gateway listener 'https-a-b-example-com'/);
});

describe('re-encryption to HTTPS backends', () => {
  test('BackendTls.verify refuses a wildcard or invalid hostname', () => {
    const { gw } = gateway();
    expect(() => gw.addRoute('r', { backend: Backend.service('svc', 443, { tls: BackendTls.verify({ hostname: '*.internal.example.com' }) }) }))
      .toThrow(/^\[test\/edge\/r\] Route.backend: Backend.service\('svc', 443\): tls.hostname: '\*.internal.example.com' must be a concrete name/);
    expect(() => gw.addRoute('r2', { backend: Backend.service('svc', 443, { tls: BackendTls.verify({ hostname: 'Svc' }) }) }))
      .toThrow(/tls.hostname: 'Svc' must be lowercase/);
    expect(() => gw.addRoute('r3', { backend: Backend.service('svc', 443, { tls: BackendTls.verify({ hostname: 'svc.internal', ca: 'ca' as any }) }) }))
      .toThrow(/tls.ca: must be created with CaCertificates.fromSecret\(\) or CaCertificates.fromConfigMap\(\)/);
  });

  test('Gateway API: one BackendTLSPolicy per Service, shared by the routes using it', () => {
    const { chart, gw } = gateway(Controller.envoyGateway());
    const tls = BackendTls.verify({ hostname: 'api.internal', ca: CaCertificates.fromConfigMap('ca') });
    gw.addRoute('a', { hosts: ['a.example.com'], backend: Backend.service('api', 8443, { tls }) });
    gw.addRoute('b', { hosts: ['b.example.com'], backend: Backend.service('api', 8443, { tls }) });
    const policies = synthConformant(chart).filter(o => o.kind === 'BackendTLSPolicy');
    expect(policies).toHaveLength(1);
    expect(policies[0].spec.targetRefs).toEqual([{ group: '', kind: 'Service', name: 'api' }]);
  });

  test('Gateway API: a Service used with and without TLS is an error (the policy applies to every route)', () => {
    const { chart, gw } = gateway(Controller.istio());
    gw.addRoute('tls', { hosts: ['a.example.com'], backend: Backend.service('api', 8443, { tls: BackendTls.verify({ hostname: 'api.internal' }) }) });
    gw.addRoute('plain', { hosts: ['b.example.com'], backend: Backend.service('api', 8080) });
    expect(synthError(chart)).toMatch(/\[test\/edge\/plain\] Route.backend: Service 'edge\/api' is used with plain HTTP here and with TLS verified for 'api.internal' against the system CAs by \[test\/edge\/tls\]/);
  });
});
