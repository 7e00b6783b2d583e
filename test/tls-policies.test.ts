import { Duration } from 'cdk8s';
import {
  ApiGateway, Backend, BackendProtocol, BackendTls, CaCertificates, CanaryTraffic, Controller, HeaderRules, Hsts, PathMatch, Redirect,
  RedirectStatus, Timeouts, TlsCertificate,
} from '../src';
import { CONTROLLERS, newChart, synthConformant, synthError } from './util';
import { ControllerName } from '../src/capabilities/features';

/**
 * How issue 4 (TLS) composes with edge policies and canaries: one redirect per host and match,
 * one listener-attachment rule, one filter / plugin / middleware per kind.
 */

const find = (objects: any[], kind: string, name: string) => objects.find(o => o.kind === kind && o.metadata.name === name);
const ofKind = (objects: any[], kind: string) => objects.filter(o => o.kind === kind);
const CERT = TlsCertificate.fromSecret('a-cert');

/** The plain-HTTP redirects rendered for host `a.example.com`, whatever the controller's idiom. */
function httpsRedirects(controller: ControllerName, objects: any[]): string[] {
  const out: string[] = [];
  for (const o of objects) {
    const a = o.metadata.annotations ?? {};
    if (a['nginx.ingress.kubernetes.io/ssl-redirect'] === 'true') out.push(`${o.metadata.name}: ssl-redirect`);
    if (a['nginx.ingress.kubernetes.io/force-ssl-redirect'] === 'true') out.push(`${o.metadata.name}: force-ssl-redirect`);
    if (a['konghq.com/protocols'] === 'https') out.push(`${o.metadata.name}: protocols https ${a['konghq.com/https-redirect-status-code']}`);
    if (o.kind === 'HTTPRoute' && o.spec.parentRefs !== undefined) {
      for (const rule of o.spec.rules) {
        const r = (rule.filters ?? []).find((f: any) => f.type === 'RequestRedirect');
        if (r && (o.spec.hostnames ?? []).includes('a.example.com')) out.push(`${o.metadata.name}: RequestRedirect ${r.requestRedirect.statusCode}`);
      }
    }
    if (o.kind === 'IngressRoute' && o.spec.entryPoints.includes('web')) {
      for (const r of o.spec.routes) {
        const names: string[] = (r.middlewares ?? []).map((m: any) => m.name);
        const redirect = names.find(n => objects.some(m => m.kind === 'Middleware' && m.metadata.name === n && m.spec.redirectScheme));
        if (redirect && r.match.includes('a.example.com') && !r.match.includes('PathPrefix(`/api')) out.push(`${o.metadata.name}: ${redirect}`);
      }
    }
    if (controller === 'traefik-ingress' && o.kind === 'Ingress' && a['traefik.ingress.kubernetes.io/router.entrypoints'] === 'web'
      && (a['traefik.ingress.kubernetes.io/router.middlewares'] ?? '').includes('redirect')) {
      out.push(`${o.metadata.name}: ${a['traefik.ingress.kubernetes.io/router.middlewares']}`);
    }
  }
  return out.sort();
}

describe('a TLS host and Redirect.toHttps() on the same route: one redirect, the route\'s status code', () => {
  /** ingress-nginx answers HTTPS redirects with its controller-wide 308 only. */
  const status = (c: ControllerName) => (c === 'ingress-nginx' ? RedirectStatus.PERMANENT_REDIRECT : RedirectStatus.TEMPORARY_REDIRECT);
  const expected: { readonly [c in ControllerName]?: string[] } = {
    'ingress-nginx': ['gw-r: force-ssl-redirect'],
    'kong': ['gw-r: protocols https 307'],
    // The HTTPRoute's konghq.com/protocols annotations, as on Kong Ingress (issue #12).
    'kong-gateway-api': ['gw-r: protocols https 307'],
    'traefik': ['gw-r-http: gw-r-redirect'],
    'traefik-ingress': ['gw-r-http: edge-gw-r-redirect@kubernetescrd'],
    'gateway-api': ['gw-r-redirect: RequestRedirect 307'],
    'envoy-gateway': ['gw-r-redirect: RequestRedirect 307'],
    'istio': ['gw-r-redirect: RequestRedirect 307'],
  };

  test.each(Object.keys(expected) as ControllerName[])('%s', (controller) => {
    const chart = newChart();
    const gw = new ApiGateway(chart, 'gw', { controller: CONTROLLERS[controller]() });
    gw.addRoute('r', { hosts: ['a.example.com'], backend: Backend.service('svc', 80), redirect: Redirect.toHttps({ statusCode: status(controller) }) });
    gw.addTlsHost('tls', { hosts: ['a.example.com'], certificate: CERT });
    const objects = synthConformant(chart);
    expect(httpsRedirects(controller, objects)).toEqual(expected[controller]);
  });

  test('Gateway API: the TlsHost\'s redirect HTTPRoute keeps its other hosts; the redirect stays on the http listener', () => {
    const chart = newChart();
    const gw = new ApiGateway(chart, 'gw', { controller: CONTROLLERS['gateway-api']() });
    gw.addRoute('r', { hosts: ['a.example.com'], backend: Backend.service('svc', 80), redirect: Redirect.toHttps() });
    gw.addRoute('b', { hosts: ['b.example.com'], backend: Backend.service('svc', 80) });
    gw.addTlsHost('tls', { hosts: ['a.example.com', 'b.example.com'], certificate: CERT });
    const objects = synthConformant(chart);
    expect(find(objects, 'HTTPRoute', 'gw-tls-https-redirect').spec).toMatchObject({ hostnames: ['b.example.com'], parentRefs: [{ name: 'gw', sectionName: 'http' }] });
    expect(find(objects, 'HTTPRoute', 'gw-r-redirect').spec.parentRefs).toEqual([{ name: 'gw', sectionName: 'http' }]);
    expect(find(objects, 'HTTPRoute', 'gw-r').spec.parentRefs).toEqual([{ name: 'gw', sectionName: 'https-a-example-com' }]);
    // Every RequestRedirect is attached to the http listener only: no redirect loop.
    for (const route of ofKind(objects, 'HTTPRoute')) {
      if (route.spec.rules.some((r: any) => (r.filters ?? []).some((f: any) => f.type === 'RequestRedirect'))) {
        expect((route.spec.parentRefs ?? []).every((p: any) => p.sectionName === 'http')).toBe(true);
      }
    }
  });

  test('Gateway API: a TlsHost whose only host a route redirects as a whole has no redirect HTTPRoute (it would be attached nowhere)', () => {
    const chart = newChart();
    const gw = new ApiGateway(chart, 'gw', { controller: CONTROLLERS['envoy-gateway']() });
    gw.addRoute('r', { hosts: ['a.example.com'], backend: Backend.service('svc', 80), redirect: Redirect.toHttps() });
    gw.addTlsHost('tls', { hosts: ['a.example.com'], certificate: CERT });
    const objects = synthConformant(chart);
    expect(objects.filter(o => o.metadata.name === 'gw-tls-https-redirect')).toEqual([]);
    expect(find(objects, 'HTTPRoute', 'gw-r-redirect').spec.hostnames).toEqual(['a.example.com']);
  });

  test('Traefik: a TlsHost whose only host a route redirects as a whole has no redirect IngressRoute or Middleware (no routes left)', () => {
    const chart = newChart();
    const gw = new ApiGateway(chart, 'gw', { controller: CONTROLLERS.traefik() });
    gw.addRoute('r', { hosts: ['a.example.com'], backend: Backend.service('svc', 80), redirect: Redirect.toHttps() });
    gw.addTlsHost('tls', { hosts: ['a.example.com'], certificate: CERT });
    const objects = synthConformant(chart);
    expect(objects.filter(o => o.metadata.name === 'gw-tls-https-redirect')).toEqual([]);
    expect(find(objects, 'IngressRoute', 'gw-r-http').spec.routes).toHaveLength(1);
  });

  test('a redirect of some paths only: the route\'s more specific router / rule outranks the TlsHost\'s catch-all', () => {
    for (const controller of ['traefik', 'gateway-api'] as const) {
      const chart = newChart();
      const gw = new ApiGateway(chart, 'gw', { controller: CONTROLLERS[controller]() });
      gw.addRoute('r', { hosts: ['a.example.com'], match: { path: PathMatch.prefix('/api') }, backend: Backend.service('svc', 80), redirect: Redirect.toHttps() });
      gw.addTlsHost('tls', { hosts: ['a.example.com'], certificate: CERT });
      const objects = synthConformant(chart);
      if (controller === 'traefik') {
        const fallback = find(objects, 'IngressRoute', 'gw-tls-https-redirect').spec.routes[0].priority;
        const route = find(objects, 'IngressRoute', 'gw-r-http').spec.routes[0].priority;
        expect(route).toBeGreaterThan(fallback);
      } else {
        expect(find(objects, 'HTTPRoute', 'gw-tls-https-redirect').spec.hostnames).toEqual(['a.example.com']);
        expect(find(objects, 'HTTPRoute', 'gw-r-redirect').spec.rules[0].matches).toEqual([{ path: { type: 'PathPrefix', value: '/api' } }]);
      }
    }
  });

  test.each(['traefik', 'gateway-api'] as const)('%s: a route redirecting a TLS host through a wildcard on some paths only is refused', (controller) => {
    const chart = newChart();
    const gw = new ApiGateway(chart, 'gw', { controller: CONTROLLERS[controller]() });
    gw.addRoute('r', { hosts: ['*.example.com'], match: { path: PathMatch.prefix('/api') }, backend: Backend.service('svc', 80), redirect: Redirect.toHttps() });
    gw.addRoute('a', { hosts: ['a.example.com'], backend: Backend.service('svc', 80) });
    gw.addTlsHost('wild', { hosts: ['*.example.com'], certificate: TlsCertificate.fromSecret('wild-cert') });
    gw.addTlsHost('tls', { hosts: ['a.example.com'], certificate: CERT });
    expect(synthError(chart)).toContain('[test/gw/r] Redirect to HTTPS / another scheme (redirect) is not supported by controller');
    expect(synthError(chart)).toContain("while the HTTPS redirect of [test/gw/tls] for 'a.example.com' is more specific and would answer first");
  });
});

describe('a TlsHost with httpsRedirect: false and a route with Redirect.toHttps(): the route wins for its route', () => {
  test.each(['ingress-nginx', 'kong', 'gateway-api', 'envoy-gateway', 'istio'] as const)('%s', (controller) => {
    const chart = newChart();
    const gw = new ApiGateway(chart, 'gw', { controller: CONTROLLERS[controller]() });
    gw.addRoute('r', { hosts: ['a.example.com'], backend: Backend.service('svc', 80), redirect: Redirect.toHttps() });
    gw.addRoute('plain', { hosts: ['a.example.com'], match: { path: PathMatch.prefix('/legacy') }, backend: Backend.service('legacy', 80) });
    gw.addTlsHost('tls', { hosts: ['a.example.com'], certificate: CERT, httpsRedirect: false });
    const objects = synthConformant(chart);
    if (controller === 'ingress-nginx') {
      expect(find(objects, 'Ingress', 'gw-r').metadata.annotations).toMatchObject({ 'nginx.ingress.kubernetes.io/force-ssl-redirect': 'true' });
      expect(find(objects, 'Ingress', 'gw-r').metadata.annotations['nginx.ingress.kubernetes.io/ssl-redirect']).toBeUndefined();
      expect(find(objects, 'Ingress', 'gw-plain').metadata.annotations).toEqual({ 'nginx.ingress.kubernetes.io/ssl-redirect': 'false' });
    } else if (controller === 'kong') {
      expect(find(objects, 'Ingress', 'gw-r').metadata.annotations).toEqual({ 'konghq.com/protocols': 'https', 'konghq.com/https-redirect-status-code': '308' });
      expect(find(objects, 'Ingress', 'gw-plain').metadata.annotations).toBeUndefined();
    } else {
      expect(find(objects, 'HTTPRoute', 'gw-tls-https-redirect')).toBeUndefined();
      expect(find(objects, 'HTTPRoute', 'gw-r').spec.parentRefs).toEqual([{ name: 'gw', sectionName: 'https-a-example-com' }]);
      expect(find(objects, 'HTTPRoute', 'gw-r-redirect').spec.parentRefs).toEqual([{ name: 'gw', sectionName: 'http' }]);
      expect(find(objects, 'HTTPRoute', 'gw-plain').spec.parentRefs).toEqual([{ name: 'gw', sectionName: 'http' }, { name: 'gw', sectionName: 'https-a-example-com' }]);
    }
  });
});

describe('Gateway API: one listener-attachment rule', () => {
  test('Redirect.toHttps() with a backend is refused when one of its hosts has no TlsHost', () => {
    const chart = newChart();
    const gw = new ApiGateway(chart, 'gw', { controller: CONTROLLERS['gateway-api']() });
    gw.addRoute('r', { hosts: ['a.example.com', 'b.example.com'], backend: Backend.service('svc', 80), redirect: Redirect.toHttps() });
    gw.addTlsHost('tls', { hosts: ['a.example.com'], certificate: CERT });
    expect(synthError(chart)).toContain('[test/gw/r] Route.redirect: Redirect.toHttps() serves the backend over HTTPS only, but no TlsHost covers b.example.com');
  });

  test('a header canary on a TLS host attaches to its HTTPS listener and sends its HSTS', () => {
    const chart = newChart();
    const gw = new ApiGateway(chart, 'gw', { controller: CONTROLLERS['envoy-gateway']() });
    const stable = gw.addRoute('v1', { hosts: ['a.example.com'], backend: Backend.service('v1', 80) });
    gw.addTlsHost('tls', { hosts: ['a.example.com'], certificate: CERT, hsts: Hsts.enable() });
    gw.addCanary('v2', { stable, canary: Backend.service('v2', 80), traffic: CanaryTraffic.header('x-canary', 'always') });
    const canary = find(synthConformant(chart), 'HTTPRoute', 'gw-v2').spec;
    expect(canary.parentRefs).toEqual([{ name: 'gw', sectionName: 'https-a-example-com' }]);
    expect(canary.rules[0].filters).toEqual([
      { type: 'ResponseHeaderModifier', responseHeaderModifier: { set: [{ name: 'Strict-Transport-Security', value: 'max-age=31536000' }] } },
    ]);
  });

  test('a weighted canary on a TLS host: the stable route\'s rule (HTTPS listener) carries the split', () => {
    const chart = newChart();
    const gw = new ApiGateway(chart, 'gw', { controller: CONTROLLERS['gateway-api']() });
    const stable = gw.addRoute('v1', { hosts: ['a.example.com'], backend: Backend.service('v1', 80) });
    gw.addTlsHost('tls', { hosts: ['a.example.com'], certificate: CERT });
    gw.addCanary('v2', { stable, canary: Backend.service('v2', 80), traffic: CanaryTraffic.weight(10) });
    const route = find(synthConformant(chart), 'HTTPRoute', 'gw-v1').spec;
    expect(route.parentRefs).toEqual([{ name: 'gw', sectionName: 'https-a-example-com' }]);
    expect(route.rules[0].backendRefs.map((b: any) => [b.name, b.weight])).toEqual([['v1', 90], ['v2', 10]]);
  });

  test('a GRPCRoute on a TLS host attaches to its HTTPS listener; the default backend to the whole Gateway', () => {
    const chart = newChart();
    const gw = new ApiGateway(chart, 'gw', { controller: CONTROLLERS['gateway-api'](), defaultBackend: Backend.service('fallback', 80) });
    gw.addRoute('g', { hosts: ['a.example.com'], backend: Backend.service('g', 80), backendProtocol: BackendProtocol.GRPC });
    gw.addTlsHost('tls', { hosts: ['a.example.com'], certificate: CERT, hsts: Hsts.enable({ maxAge: Duration.days(1) }) });
    const objects = synthConformant(chart);
    const grpc = find(objects, 'GRPCRoute', 'gw-g').spec;
    expect(grpc.parentRefs).toEqual([{ name: 'gw', sectionName: 'https-a-example-com' }]);
    expect(grpc.rules[0].filters).toEqual([
      { type: 'ResponseHeaderModifier', responseHeaderModifier: { set: [{ name: 'Strict-Transport-Security', value: 'max-age=86400' }] } },
    ]);
    expect(find(objects, 'HTTPRoute', 'gw-default-backend').spec.parentRefs).toEqual([{ name: 'gw' }]);
  });
});

describe('HSTS and headerRules.response: one filter / plugin / middleware', () => {
  const hsts = Hsts.enable({ includeSubdomains: true });
  const headerRules = HeaderRules.of({ response: { set: { 'x-frame-options': 'DENY' }, remove: ['server'] } });

  test('Gateway API: one ResponseHeaderModifier with both (CEL: one filter of each type per rule)', () => {
    const chart = newChart();
    const gw = new ApiGateway(chart, 'gw', { controller: CONTROLLERS['gateway-api']() });
    gw.addRoute('r', { hosts: ['a.example.com'], backend: Backend.service('svc', 80), headerRules });
    gw.addTlsHost('tls', { hosts: ['a.example.com'], certificate: CERT, hsts });
    const filters = find(synthConformant(chart), 'HTTPRoute', 'gw-r').spec.rules[0].filters;
    expect(filters).toEqual([{
      type: 'ResponseHeaderModifier',
      responseHeaderModifier: {
        set: [{ name: 'Strict-Transport-Security', value: 'max-age=31536000; includeSubDomains' }, { name: 'x-frame-options', value: 'DENY' }],
        remove: ['server'],
      },
    }]);
  });

  test('Kong: HSTS in the route\'s response-transformer, not a second plugin of that type', () => {
    const chart = newChart();
    const gw = new ApiGateway(chart, 'gw', { controller: CONTROLLERS.kong() });
    gw.addRoute('r', { hosts: ['a.example.com'], backend: Backend.service('svc', 80), headerRules });
    gw.addRoute('other', { hosts: ['a.example.com'], match: { path: PathMatch.prefix('/other') }, backend: Backend.service('svc', 80) });
    gw.addTlsHost('tls', { hosts: ['a.example.com'], certificate: CERT, hsts });
    const objects = synthConformant(chart);
    expect(find(objects, 'Ingress', 'gw-r').metadata.annotations['konghq.com/plugins']).toBe('gw-r-response-transformer');
    expect(find(objects, 'KongPlugin', 'gw-r-response-transformer').config).toEqual({
      remove: { headers: ['server'] },
      replace: { headers: ['strict-transport-security:max-age=31536000; includeSubDomains', 'x-frame-options:DENY'] },
      add: { headers: ['strict-transport-security:max-age=31536000; includeSubDomains', 'x-frame-options:DENY'] },
    });
    // A route without header rules references the TlsHost's HSTS plugin.
    expect(find(objects, 'Ingress', 'gw-other').metadata.annotations['konghq.com/plugins']).toBe('gw-tls-hsts-response-transformer');
  });

  test('Kong Gateway API mode: HSTS in the route\'s KongPlugin, no ResponseHeaderModifier (KIC would make a second response-transformer)', () => {
    const chart = newChart();
    const gw = new ApiGateway(chart, 'gw', { controller: CONTROLLERS['kong-gateway-api']() });
    gw.addRoute('r', { hosts: ['a.example.com'], backend: Backend.service('svc', 80), headerRules });
    gw.addTlsHost('tls', { hosts: ['a.example.com'], certificate: CERT, hsts });
    const objects = synthConformant(chart);
    expect(find(objects, 'HTTPRoute', 'gw-r').spec.rules[0].filters).toEqual([
      { type: 'ExtensionRef', extensionRef: { group: 'configuration.konghq.com', kind: 'KongPlugin', name: 'gw-r-response-transformer' } },
    ]);
    expect(find(objects, 'KongPlugin', 'gw-r-response-transformer').config.replace.headers).toContain('strict-transport-security:max-age=31536000; includeSubDomains');
  });

  test('Traefik: HSTS in the route\'s headers Middleware, the TlsHost\'s one only for routes without header rules', () => {
    for (const controller of ['traefik', 'traefik-ingress'] as const) {
      const chart = newChart();
      const gw = new ApiGateway(chart, 'gw', { controller: CONTROLLERS[controller]() });
      gw.addRoute('r', { hosts: ['a.example.com'], backend: Backend.service('svc', 80), headerRules });
      gw.addRoute('other', { hosts: ['a.example.com'], match: { path: PathMatch.prefix('/other') }, backend: Backend.service('svc', 80) });
      gw.addTlsHost('tls', { hosts: ['a.example.com'], certificate: CERT, hsts });
      const objects = synthConformant(chart);
      expect(find(objects, 'Middleware', 'gw-r-headers').spec.headers).toEqual({
        customResponseHeaders: { 'server': '', 'x-frame-options': 'DENY' },
        stsSeconds: 31536000,
        stsIncludeSubdomains: true,
      });
      if (controller === 'traefik') {
        expect(find(objects, 'IngressRoute', 'gw-r').spec.routes[0].middlewares).toEqual([{ name: 'gw-r-headers' }]);
        expect(find(objects, 'IngressRoute', 'gw-other').spec.routes[0].middlewares).toEqual([{ name: 'gw-tls-hsts' }]);
      } else {
        expect(find(objects, 'Ingress', 'gw-r').metadata.annotations['traefik.ingress.kubernetes.io/router.middlewares']).toBe('edge-gw-r-headers@kubernetescrd');
        expect(find(objects, 'Ingress', 'gw-other').metadata.annotations['traefik.ingress.kubernetes.io/router.middlewares']).toBe('edge-gw-tls-hsts@kubernetescrd');
      }
    }
  });

  test('Traefik: a route\'s headers Middleware serves all its hosts, so their HSTS must agree', () => {
    const chart = newChart();
    const gw = new ApiGateway(chart, 'gw', { controller: CONTROLLERS.traefik() });
    gw.addRoute('r', { hosts: ['a.example.com', 'b.example.com'], backend: Backend.service('svc', 80), headerRules });
    gw.addTlsHost('a', { hosts: ['a.example.com'], certificate: CERT, hsts });
    gw.addTlsHost('b', { hosts: ['b.example.com'], certificate: TlsCertificate.fromSecret('b-cert') });
    expect(synthError(chart)).toContain("[test/gw/r] HSTS (hsts) is not supported by controller 'traefik': the route's headerRules and its TlsHosts' HSTS share one headers Middleware");
  });

  test.each(['traefik', 'kong', 'gateway-api', 'envoy-gateway'] as const)('%s: a header rule on Strict-Transport-Security next to HSTS is refused', (controller) => {
    const chart = newChart();
    const gw = new ApiGateway(chart, 'gw', { controller: CONTROLLERS[controller]() });
    gw.addRoute('r', { hosts: ['a.example.com'], backend: Backend.service('svc', 80), headerRules: HeaderRules.of({ response: { set: { 'Strict-Transport-Security': 'max-age=60' } } }) });
    gw.addTlsHost('tls', { hosts: ['a.example.com'], certificate: CERT, hsts });
    expect(synthError(chart)).toContain('[test/gw/r] Route.headerRules.response: sets Strict-Transport-Security, which [test/gw/tls] also sends for this route\'s hosts (hsts); set it in one place only');
  });
});

describe('re-encryption with backend policies', () => {
  const tls = (ca = CaCertificates.fromConfigMap('internal-ca')) => BackendTls.verify({ hostname: 'svc.internal', ca });

  test('BackendProtocol.HTTPS on a re-encrypted backend is implied: accepted on Gateway API, rendered once on ingress-nginx', () => {
    const gwChart = newChart();
    new ApiGateway(gwChart, 'gw', { controller: CONTROLLERS['gateway-api']() })
      .addRoute('r', { hosts: ['a.example.com'], backend: Backend.service('svc', 8443, { tls: tls() }), backendProtocol: BackendProtocol.HTTPS });
    expect(find(synthConformant(gwChart), 'BackendTLSPolicy', 'svc-backend-tls')).toBeDefined();

    const nginxChart = newChart();
    new ApiGateway(nginxChart, 'gw', { controller: Controller.ingressNginx() })
      .addRoute('r', { hosts: ['a.example.com'], backend: Backend.service('svc', 8443, { tls: tls(CaCertificates.fromSecret('internal-ca')) }), backendProtocol: BackendProtocol.HTTPS });
    expect(find(synthConformant(nginxChart), 'Ingress', 'gw-r').metadata.annotations).toMatchObject({
      'nginx.ingress.kubernetes.io/backend-protocol': 'HTTPS',
      'nginx.ingress.kubernetes.io/proxy-ssl-verify': 'on',
    });
  });

  test('BackendProtocol.H2C with a re-encrypted backend is refused', () => {
    const chart = newChart();
    new ApiGateway(chart, 'gw', { controller: CONTROLLERS.traefik() })
      .addRoute('r', { hosts: ['a.example.com'], backend: Backend.service('svc', 8443, { tls: tls() }), backendProtocol: BackendProtocol.H2C });
    expect(synthError(chart)).toContain('[test/gw/r] Route.backendProtocol: BackendProtocol.H2C is cleartext HTTP/2, but the backend declares tls');
  });

  test('ingress-nginx refuses gRPC to a re-encrypted backend (proxy-ssl-* does not verify gRPC)', () => {
    const chart = newChart();
    new ApiGateway(chart, 'gw', { controller: Controller.ingressNginx() })
      .addRoute('r', { hosts: ['a.example.com'], backend: Backend.service('svc', 8443, { tls: tls(CaCertificates.fromSecret('ca')) }), backendProtocol: BackendProtocol.GRPCS });
    expect(synthError(chart)).toContain("Re-encryption to HTTPS backends (backend.tls) is not supported by controller 'ingress-nginx': it verifies backend certificates with proxy_ssl_* directives, which do not apply to gRPC");
  });

  test('ingress-nginx refuses a canary backend whose tls differs from the stable one', () => {
    const chart = newChart();
    const gw = new ApiGateway(chart, 'gw', { controller: Controller.ingressNginx() });
    const stable = gw.addRoute('v1', { hosts: ['a.example.com'], backend: Backend.service('v1', 80) });
    gw.addCanary('v2', { stable, canary: Backend.service('v2', 8443, { tls: tls(CaCertificates.fromSecret('ca')) }), traffic: CanaryTraffic.weight(10) });
    expect(synthError(chart)).toContain('[test/gw/v2] Re-encryption to HTTPS backends (canary.tls) is not supported by controller \'ingress-nginx\'');
  });

  test('Traefik: the connect timeout goes into the re-encrypted backend\'s ServersTransport (one per service entry)', () => {
    const chart = newChart();
    new ApiGateway(chart, 'gw', { controller: CONTROLLERS.traefik() }).addRoute('r', {
      hosts: ['a.example.com'],
      backend: Backend.service('svc', 8443, { tls: tls() }),
      timeouts: Timeouts.of({ connect: Duration.seconds(5) }),
    });
    const objects = synthConformant(chart);
    expect(ofKind(objects, 'ServersTransport').map(o => o.metadata.name)).toEqual(['gw-r-svc-8443-transport']);
    expect(find(objects, 'ServersTransport', 'gw-r-svc-8443-transport').spec).toEqual({
      serverName: 'svc.internal', rootCAs: [{ configMap: 'internal-ca' }], forwardingTimeouts: { dialTimeout: '5s' },
    });
    expect(find(objects, 'IngressRoute', 'gw-r').spec.routes[0].services).toEqual([
      { name: 'svc', port: 8443, scheme: 'https', serversTransport: 'gw-r-svc-8443-transport' },
    ]);
  });

  test('Traefik: a weighted canary keeps both backends\' re-encryption', () => {
    const chart = newChart();
    const gw = new ApiGateway(chart, 'gw', { controller: CONTROLLERS.traefik() });
    const stable = gw.addRoute('v1', { hosts: ['a.example.com'], backend: Backend.service('v1', 8443, { tls: tls() }) });
    gw.addCanary('v2', { stable, canary: Backend.service('v2', 8443, { tls: tls() }), traffic: CanaryTraffic.weight(10) });
    const objects = synthConformant(chart);
    expect(find(objects, 'TraefikService', 'gw-v2').spec.weighted.services).toEqual([
      { name: 'v1', port: 8443, weight: 90, scheme: 'https', serversTransport: 'gw-v1-v1-8443-transport' },
      { name: 'v2', port: 8443, weight: 10, scheme: 'https', serversTransport: 'gw-v2-v2-8443-transport' },
    ]);
    expect(ofKind(objects, 'ServersTransport').map(o => o.metadata.name).sort()).toEqual(['gw-v1-v1-8443-transport', 'gw-v2-v2-8443-transport']);
  });

  test('Gateway API: a canary backend with tls gets its Service\'s BackendTLSPolicy', () => {
    const chart = newChart();
    const gw = new ApiGateway(chart, 'gw', { controller: CONTROLLERS['envoy-gateway']() });
    const stable = gw.addRoute('v1', { hosts: ['a.example.com'], backend: Backend.service('v1', 80) });
    gw.addCanary('v2', { stable, canary: Backend.service('v2', 8443, { tls: tls() }), traffic: CanaryTraffic.weight(10) });
    expect(find(synthConformant(chart), 'BackendTLSPolicy', 'v2-backend-tls')).toBeDefined();
  });
});
