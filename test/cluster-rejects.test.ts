import { ApiObject, Chart, Testing } from 'cdk8s';
import { AcmeServer, AcmeSolver, ApiGateway, Backend, ClusterIssuer, Controller, IpAccess, IssuerType, KongMode, PathMatch, Redirect, TlsCertificate } from '../src';
import { CONTROLLERS, synthError } from './util';
import { ControllerName } from '../src/capabilities/features';

/*
 * Output the cluster would reject is a synth error: values a controller's admission refuses in
 * its default configuration.
 */

const ALL = Object.keys(CONTROLLERS) as ControllerName[];

describe('ingress-nginx Ingress inspector deny-list (paths)', () => {
  test.each<[string, PathMatch, string, string]>([
    ['/etc/nginx', PathMatch.prefix('/etc/nginx/conf'), 'Prefix path match (match.path)', "'/etc/passwd', '/etc/shadow', '/etc/group', '/etc/nginx' or '/etc/ingress-controller'"],
    ['/var/run/secrets', PathMatch.exact('/var/run/secrets/token'), 'Exact path match (match.path)', "'/var/run/secrets'"],
    ['_by_lua', PathMatch.regex('/content_by_lua/[0-9]+'), 'Regular-expression path match (match.path)', "'_by_lua'"],
    ['root ...;', PathMatch.prefix('/root;v=1'), 'Prefix path match (match.path)', "a 'root ...;' directive"],
  ])('%s: refused on ingress-nginx naming the rule; accepted elsewhere', (_name, path, feature, denied) => {
    for (const c of ALL) {
      const chart = new Chart(Testing.app(), 'shop');
      const gw = new ApiGateway(chart, 'edge', { controller: CONTROLLERS[c]() });
      gw.addRoute('files', { hosts: ['files.shop.dev'], match: { path }, backend: Backend.service('files', 80) });
      const error = synthError(chart);
      if (c === 'ingress-nginx') {
        expect(error).toContain(`[shop/edge/files] ${feature} is not supported by controller 'ingress-nginx': its Ingress inspector refuses every Ingress whose paths contain ${denied} `
          + '(a guard against configuration injection), so \'');
      } else {
        expect(error ?? '').not.toContain('inspector');
      }
    }
  });
});

describe('ACME HTTP-01 through a listener that is not on port 80', () => {
  const GATEWAY_API: Array<[ControllerName, (port: number) => Controller]> = [
    ['gateway-api', httpPort => Controller.gatewayApi({ gatewayClassName: 'gc', httpPort })],
    ['kong-gateway-api', httpPort => Controller.kong({ mode: KongMode.GATEWAY_API, httpPort })],
    ['envoy-gateway', httpPort => Controller.envoyGateway({ httpPort })],
    ['istio', httpPort => Controller.istio({ httpPort })],
  ];

  function issued(controller: Controller) {
    const chart = new Chart(Testing.app(), 'shop');
    const le = new ClusterIssuer(chart, 'le', { type: IssuerType.acme({ server: AcmeServer.letsEncryptStaging(), email: 'ops@shop.dev', solvers: [AcmeSolver.http01()] }) });
    const gw = new ApiGateway(chart, 'edge', { controller });
    gw.addRoute('api', { hosts: ['api.shop.dev'], backend: Backend.service('api', 80) });
    gw.addTlsHost('tls', { hosts: ['api.shop.dev'], certificate: TlsCertificate.fromIssuer(le) });
    return synthError(chart);
  }

  test.each(GATEWAY_API)('%s: httpPort 8080 with AcmeSolver.http01() is refused; port 80 is fine', (name, make) => {
    expect(issued(make(8080))).toContain('[shop/edge/tls] TlsHost.certificate: ClusterIssuer \'le\' [shop/le] would validate \'api.shop.dev\' over HTTP-01 through the HTTP listener of '
      + `ApiGateway 'edge' [shop/edge] (${name}) on port 8080, but ACME servers connect to port 80 only, so the order would never validate; use httpPort: 80 (the default), or an AcmeSolver.dns01() solver`);
    expect(issued(make(80))).toBeUndefined();
  });

  test.each(ALL.filter(c => !GATEWAY_API.some(([n]) => n === c)))('%s: the port is the controller Service\'s, not checked', (c) => {
    expect(issued(CONTROLLERS[c]())).toBeUndefined();
  });
});

describe('attachTo a Gateway of the same app whose named listener does not exist', () => {
  const ATTACHING: Array<[ControllerName, (sectionName: string) => Controller]> = [
    ['gateway-api', sectionName => Controller.gatewayApi({ attachTo: { name: 'shared', namespace: 'infra', sectionName } })],
    ['kong-gateway-api', sectionName => Controller.kong({ mode: KongMode.GATEWAY_API, attachTo: { name: 'shared', namespace: 'infra', sectionName } })],
    ['envoy-gateway', sectionName => Controller.envoyGateway({ attachTo: { name: 'shared', namespace: 'infra', sectionName } })],
    ['istio', sectionName => Controller.istio({ attachTo: { name: 'shared', namespace: 'infra', sectionName } })],
  ];

  test.each(ATTACHING)('%s: a listener the ApiGateway-owned Gateway lacks is refused; its own listener is fine', (_name, make) => {
    for (const [section, ok] of [['https', false], ['http', true]] as const) {
      const app = Testing.app();
      const infra = new Chart(app, 'infra', { namespace: 'infra' });
      const shared = new ApiGateway(infra, 'shared', { controller: Controller.envoyGateway() });
      shared.addRoute('health', { hosts: ['health.shop.dev'], backend: Backend.service('health', 80) });
      const team = new Chart(app, 'team', { namespace: 'infra' });
      const gw = new ApiGateway(team, 'checkout', { controller: make(section) });
      gw.addRoute('api', { hosts: ['api.shop.dev'], backend: Backend.service('api', 80) });
      const error = synthError(app);
      if (ok) {
        expect(error).toBeUndefined();
      } else {
        expect(error).toContain("[team/checkout] ApiGateway.controller: attachTo names the listener 'https' of Gateway 'infra/shared', which this app defines without such a listener "
          + "(its listeners: 'http'), so the controller would refuse every route attached to it; use one of its listener names");
      }
    }
  });

  test('a raw Gateway ApiObject in the app is checked too; a Gateway defined elsewhere is not', () => {
    const app = Testing.app();
    const infra = new Chart(app, 'infra');
    new ApiObject(infra, 'gw', {
      apiVersion: 'gateway.networking.k8s.io/v1',
      kind: 'Gateway',
      metadata: { name: 'shared', namespace: 'infra' },
      spec: { gatewayClassName: 'eg', listeners: [{ name: 'web', port: 80, protocol: 'HTTP' }] },
    });
    const gw = new ApiGateway(new Chart(app, 'team'), 'checkout', { controller: Controller.envoyGateway({ attachTo: { name: 'shared', namespace: 'infra', sectionName: 'https' } }) });
    gw.addRoute('api', { hosts: ['api.shop.dev'], backend: Backend.service('api', 80) });
    const other = new ApiGateway(new Chart(app, 'other'), 'x', { controller: Controller.envoyGateway({ attachTo: { name: 'elsewhere', namespace: 'infra', sectionName: 'https' } }) });
    other.addRoute('api', { hosts: ['x.shop.dev'], backend: Backend.service('api', 80) });
    expect(synthError(app)).toBe('Validation failed with the following errors:\n  [team/checkout] ApiGateway.controller: attachTo names the listener \'https\' of Gateway \'infra/shared\', '
      + 'which this app defines without such a listener (its listeners: \'web\'), so the controller would refuse every route attached to it; use one of its listener names');
  });
});

describe('partial TLS coverage of one routing object', () => {
  test.each(ALL)('%s: a route for a and b with a TlsHost for a only is refused where HTTPS settings are per object, else rendered per host', (c) => {
    const chart = new Chart(Testing.app(), 'shop');
    const gw = new ApiGateway(chart, 'edge', { controller: CONTROLLERS[c]() });
    gw.addRoute('web', { hosts: ['a.shop.dev', 'b.shop.dev'], backend: Backend.service('web', 80) });
    gw.addTlsHost('tls', { hosts: ['a.shop.dev'], certificate: TlsCertificate.fromSecret('a-cert') });
    const error = synthError(chart);
    const expected: Partial<Record<ControllerName, string>> = {
      'ingress-nginx': "[shop/edge/web] HTTP to HTTPS redirect (httpsRedirect) is not supported by controller 'ingress-nginx': ssl-redirect applies to a whole Ingress, and this route "
        + "serves 'a.shop.dev' (TLS, redirected to HTTPS) and 'b.shop.dev' (no TlsHost), which would be redirected to HTTPS too and served the controller's default certificate; "
        + "put them on separate routes, or add a TlsHost for 'b.shop.dev'.",
      'kong': "[shop/edge/web] HTTP to HTTPS redirect (httpsRedirect) is not supported by controller 'kong': konghq.com/protocols applies to a whole Ingress, and this route serves "
        + "'a.shop.dev' (the HTTPS redirect) and 'b.shop.dev' (plain HTTP); put them on separate routes.",
      'kong-gateway-api': "[shop/edge/web] HTTP to HTTPS redirect (httpsRedirect) is not supported by controller 'kong-gateway-api': konghq.com/protocols applies to a whole HTTPRoute, and this route serves "
        + "'a.shop.dev' (the HTTPS redirect) and 'b.shop.dev' (plain HTTP); put them on separate routes.",
      ...Object.fromEntries((['gateway-api', 'envoy-gateway', 'istio'] as const).map(g => [g, `[shop/edge/web] HTTP to HTTPS redirect (httpsRedirect) is not supported by controller '${g}': `
        + "an HTTPRoute attaches to listeners as a whole, and this route serves 'a.shop.dev' (the HTTPS redirect) and 'b.shop.dev' (plain HTTP): on the HTTP listener it would serve "
        + "'a.shop.dev' ahead of its redirect; put them on separate routes."])),
    };
    if (expected[c]) expect(error).toContain(expected[c]!.slice(0, -1));
    else expect(error).toBeUndefined();
  });
});

describe('annotation size per object (the API server\'s 256 KiB)', () => {
  test.each(['ingress-nginx', 'traefik-ingress', 'kong'] as ControllerName[])('%s: raw annotations over 256 KiB in total are refused; under it they pass', (c) => {
    for (const [n, ok] of [[3, true], [5, false]] as const) {
      const chart = new Chart(Testing.app(), 'shop');
      const gw = new ApiGateway(chart, 'edge', { controller: CONTROLLERS[c]() });
      const rawAnnotations = Object.fromEntries(Array.from({ length: n }, (_, i) => [`example.com/blob-${i}`, 'x'.repeat(60_000)]));
      gw.addRoute('api', { hosts: ['api.shop.dev'], backend: Backend.service('api', 80), rawAnnotations });
      const error = synthError(chart);
      if (ok) expect(error).toBeUndefined();
      else expect(error).toMatch(/^Validation failed with the following errors:\n {2}\[shop\/edge\/api\] Route\.rawAnnotations: the annotations of Ingress '[a-z0-9.-]+' total 30[0-9]{4} bytes, above the API server's limit of 262144 \(256 KiB\) per object, so it would be rejected; shorten the values$/);
    }
  });
});

describe('objects the API server cannot store, whatever prop makes them large', () => {
  /** `n` distinct /32 addresses (about 16 bytes each once listed). */
  const cidrs = (n: number) => Array.from({ length: n }, (_, i) => `10.${Math.floor(i / 65536) % 256}.${Math.floor(i / 256) % 256}.${i % 256}/32`);

  test('ingress-nginx: an allow list of 20,000 CIDRs (a 300 KB whitelist-source-range annotation) is refused naming the Ingress; 2,000 pass', () => {
    for (const [n, ok] of [[2_000, true], [20_000, false]] as const) {
      const chart = new Chart(Testing.app(), 'shop');
      const gw = new ApiGateway(chart, 'edge', { controller: Controller.ingressNginx() });
      gw.addRoute('api', { hosts: ['api.shop.dev'], backend: Backend.service('api', 80), ipAccess: IpAccess.allow(cidrs(n)) });
      const error = synthError(chart);
      if (ok) {expect(error).toBeUndefined();} else {
        expect(error).toMatch(/^\[shop\/edge\/api\] Ingress 'edge-api': its annotations total 2[0-9]{5} bytes, above the API server's limit of 262144 \(256 KiB\) per object, so it would be rejected; shorten the lists that become annotations \(hosts, CIDRs, origins, headers\) or split the route$/);
      }
    }
  });

  test('kong: a KongPlugin over etcd\'s 1.5 MiB (an ip-restriction of 100,000 CIDRs) is refused naming it', () => {
    const chart = new Chart(Testing.app(), 'shop');
    const gw = new ApiGateway(chart, 'edge', { controller: Controller.kong() });
    gw.addRoute('api', { hosts: ['api.shop.dev'], backend: Backend.service('api', 80), ipAccess: IpAccess.allow(cidrs(100_000)) });
    expect(synthError(chart)).toMatch(/^\[shop\/edge\/api\] KongPlugin 'edge-api-ip-restriction': the object is 1[6-9][0-9]{5} bytes, above etcd's default limit of 1572864 \(1\.5 MiB\) per object, so the API server would reject it; split the route or TlsHost \(fewer hosts, matches or CIDRs each\)$/);
  });
});

describe('a redirect to http: attached nowhere without a TlsHost, a loop with its HTTPS redirect', () => {
  const build = (c: ControllerName, tls: 'none' | 'redirect' | 'no-redirect') => {
    const chart = new Chart(Testing.app(), 'shop');
    const gw = new ApiGateway(chart, 'edge', { controller: CONTROLLERS[c]() });
    if (tls !== 'none') gw.addTlsHost('api', { hosts: ['api.shop.dev'], certificate: TlsCertificate.fromSecret('api-tls'), httpsRedirect: tls === 'redirect' });
    gw.addRoute('plain', { hosts: ['api.shop.dev'], redirect: Redirect.to({ scheme: 'http' }) });
    return chart;
  };
  const GATEWAY_API: ControllerName[] = ['gateway-api', 'envoy-gateway', 'istio'];

  test.each(GATEWAY_API)('%s: refused without a TlsHost; with one, the HTTPRoute attaches to its HTTPS listener', (c) => {
    expect(synthError(build(c, 'none'))).toContain(`[shop/edge/plain] Redirect to HTTPS / another scheme (redirect) is not supported by controller '${c}': `
      + '\'api.shop.dev\' has no TlsHost, so the Gateway has no HTTPS listener for it and a redirect to http would never apply. Supported by: ');
    const routes = Testing.synth(build(c, 'no-redirect')).filter(o => o.kind === 'HTTPRoute');
    expect(routes).toHaveLength(1);
    expect(routes[0].spec.parentRefs).toEqual([{ name: 'edge', sectionName: 'https-api-shop-dev' }]);
    expect(routes[0].spec.rules[0].filters).toEqual([{ type: 'RequestRedirect', requestRedirect: { scheme: 'http', statusCode: 301 } }]);
  });

  test.each(ALL)('%s: with the TlsHost redirecting HTTP to HTTPS it is refused as a loop', (c) => {
    expect(synthError(build(c, 'redirect'))).toContain('[shop/edge/plain] Route.redirect: redirects to http, but [shop/edge/api] redirects plain HTTP of the same hosts back to HTTPS (httpsRedirect), '
      + 'so clients would loop between the two; set httpsRedirect: false on the TlsHost, or keep the route on HTTPS');
  });
});
