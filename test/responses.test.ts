import { Duration } from 'cdk8s';
import { ApiGateway, Backend, BackendProtocol, Cors, Importer, Redirect, RedirectStatus, Timeouts } from '../src';
import { roundTripProblems } from './property/roundtrip';
import { CONTROLLERS, newChart, synthConformant, synthError } from './util';
import { CONTROLLER_NAMES, ControllerName } from '../src/capabilities/features';

/**
 * Issue #12 (redirects, timeouts) and #16 item 6 (default redirect codes): the intent's meaning,
 * rendered the same on every controller that renders it, read back, refused elsewhere.
 */

function gateway(controller: ControllerName): { gw: ApiGateway; chart: ReturnType<typeof newChart> } {
  const chart = newChart();
  return { chart, gw: new ApiGateway(chart, 'gw', { controller: CONTROLLERS[controller]() }) };
}

const find = (objects: any[], kind: string, name: string) => objects.find(o => o.kind === kind && o.metadata.name === name);

describe('Timeouts: zero turns a timeout off (Gateway API 0s)', () => {
  test('zero is accepted for request and backendRequest, -0 is 0', () => {
    expect(Timeouts.of({ request: Duration.seconds(0) })._toIR('x')).toEqual({ source: 'x', requestMs: 0 });
    expect(Timeouts.of({ backendRequest: Duration.millis(-0) })._toIR('x')).toEqual({ source: 'x', backendRequestMs: 0 });
  });

  test('a zero (off) request timeout bounds no backend request timeout', () => {
    expect(Timeouts.of({ request: Duration.seconds(0), backendRequest: Duration.seconds(30) })._toIR('x'))
      .toEqual({ source: 'x', requestMs: 0, backendRequestMs: 30_000 });
    expect(Timeouts.of({ request: Duration.seconds(10), backendRequest: Duration.seconds(0) })._toIR('x'))
      .toEqual({ source: 'x', requestMs: 10_000, backendRequestMs: 0 });
  });

  test.each(['connect', 'read', 'send'] as const)('zero %s is refused: only request timeouts can be turned off', key => {
    expect(() => Timeouts.of({ [key]: Duration.seconds(0) })).toThrow(new RegExp(`Timeouts.${key}: 0 seconds must be longer than zero`));
  });

  test.each(['gateway-api', 'envoy-gateway', 'istio'] as const)('%s renders 0s and reads it back', controller => {
    const { chart, gw } = gateway(controller);
    gw.addRoute('r', { backend: Backend.service('svc', 80), timeouts: Timeouts.of({ request: Duration.seconds(0), backendRequest: Duration.seconds(0) }) });
    const objects = synthConformant(chart);
    expect(find(objects, 'HTTPRoute', 'gw-r').spec.rules[0].timeouts).toEqual({ request: '0s', backendRequest: '0s' });
    expect(roundTripProblems(controller, gw, objects)).toEqual([]);
  });

  test('a zero request timeout with a non-zero backend one passes the CRD rule', () => {
    const { chart, gw } = gateway('gateway-api');
    gw.addRoute('r', { backend: Backend.service('svc', 80), timeouts: Timeouts.of({ request: Duration.seconds(0), backendRequest: Duration.seconds(30) }) });
    expect(find(synthConformant(chart), 'HTTPRoute', 'gw-r').spec.rules[0].timeouts).toEqual({ request: '0s', backendRequest: '30s' });
  });

  test('a gRPC route has no timeouts: zero is refused under its own cell', () => {
    const { chart, gw } = gateway('gateway-api');
    gw.addRoute('r', { backend: Backend.service('svc', 80), backendProtocol: BackendProtocol.GRPC, timeouts: Timeouts.of({ request: Duration.seconds(0) }) });
    expect(synthError(chart)).toContain("[test/gw/r] Timeout turned off (0s) (timeouts.request) is not supported by controller 'gateway-api': ");
  });

  test.each(CONTROLLER_NAMES.filter(c => !['gateway-api', 'envoy-gateway', 'istio'].includes(c)))('%s refuses a zero timeout with the standard message', controller => {
    const { chart, gw } = gateway(controller);
    gw.addRoute('r', { backend: Backend.service('svc', 80), timeouts: Timeouts.of({ backendRequest: Duration.seconds(0) }) });
    expect(synthError(chart)).toContain(`Timeout turned off (0s) (timeouts.backendRequest) is not supported by controller '${controller}'`);
  });

  test('a gateway default of zero is reported on the gateway', () => {
    const chart = newChart();
    const gw = new ApiGateway(chart, 'gw', { controller: CONTROLLERS.kong(), defaults: { timeouts: Timeouts.of({ request: Duration.seconds(0) }) } });
    gw.addRoute('r', { backend: Backend.service('svc', 80) });
    expect(synthError(chart)).toContain("[test/gw] Timeout turned off (0s) (defaults.timeouts.request) is not supported by controller 'kong'");
  });
});

describe('Redirect: status only, to the same URL', () => {
  test('Redirect.to({ statusCode }) alone is a redirect to the same URL; nothing at all is still an error', () => {
    expect(Redirect.to({ statusCode: RedirectStatus.SEE_OTHER })._toIR('x')).toEqual({ source: 'x', statusCode: 303 });
    expect(() => Redirect.to({})).toThrow(/Redirect.to: set at least one of scheme, host, port, path, replacePrefix \(or only statusCode, to redirect to the same URL\)/);
    expect(() => Redirect.to({ statusCode: 200 as RedirectStatus })).toThrow(/Redirect.statusCode: 200 is not a redirect status \(301, 302, 303, 307, 308\)/);
    expect(() => Redirect.to({ statusCode: null as any })).toThrow(/Redirect.to: set at least one of/);
    for (const bad of [NaN, '302', 3.5, [], {}]) {
      expect(() => Redirect.to({ statusCode: bad as any })).toThrow(/^Redirect.statusCode: .* is not a redirect status \(301, 302, 303, 307, 308\)$/);
    }
  });

  test('a status-only redirect still forwards nothing: a backend is refused', () => {
    const { gw } = gateway('gateway-api');
    expect(() => gw.addRoute('r', { backend: Backend.service('svc', 80), redirect: Redirect.to({ statusCode: RedirectStatus.FOUND }) }))
      .toThrow(/a redirecting route has no backend/);
  });

  // Every status the HTTPRoute CRD allows (301, 302, 303, 307, 308).
  const STATUSES = [301, 302, 303, 307, 308] as RedirectStatus[];
  test.each(['gateway-api', 'envoy-gateway', 'istio'] as const)('%s: a RequestRedirect with only statusCode, for every status', controller => {
    for (const statusCode of STATUSES) {
      const { chart, gw } = gateway(controller);
      gw.addRoute('r', { hosts: ['a.example.com'], redirect: Redirect.to({ statusCode }) });
      const objects = synthConformant(chart);
      expect(find(objects, 'HTTPRoute', 'gw-r').spec.rules[0].filters).toEqual([{ type: 'RequestRedirect', requestRedirect: { statusCode } }]);
      expect(roundTripProblems(controller, gw, objects)).toEqual([]);
    }
  });

  test('traefik: redirectRegex rebuilding the request URL; permanent for 301 / 308, not for 302 / 307; 303 refused', () => {
    for (const [statusCode, permanent] of [[301, true], [308, true], [302, false], [307, false]] as const) {
      const { chart, gw } = gateway('traefik');
      gw.addRoute('r', { hosts: ['a.example.com'], redirect: Redirect.to({ statusCode }) });
      const objects = synthConformant(chart);
      expect(find(objects, 'Middleware', 'gw-r-redirect').spec).toEqual({
        redirectRegex: { regex: '^(https?)://(\\[[^\\]]*\\]|[^/:]*)(:[0-9]+)?([^?]*)(.*)$', replacement: '${1}://${2}${4}${5}', permanent },
      });
      expect(roundTripProblems('traefik', gw, objects)).toEqual([]);
    }
    const { chart, gw } = gateway('traefik');
    gw.addRoute('r', { hosts: ['a.example.com'], redirect: Redirect.to({ statusCode: RedirectStatus.SEE_OTHER }) });
    expect(synthError(chart)).toContain("[test/gw/r] Redirect to the same URL (status code only) (redirect.statusCode) is not supported by controller 'traefik': Traefik redirects answer");
  });
});

describe('#16 item 6: the default redirect codes are the intent\'s, rendered exactly', () => {
  // Redirect.to(): 301; Redirect.toHttps(): 308 (defined once, in the intent).
  test('Redirect.to() defaults to 301, Redirect.toHttps() to 308', () => {
    expect(Redirect.to({ host: 'b.example.com' })._toIR('x').statusCode).toBe(301);
    expect(Redirect.toHttps()._toIR('x').statusCode).toBe(308);
  });

  test.each(['gateway-api', 'envoy-gateway', 'istio'] as const)('%s writes both defaults explicitly (the CRD default is 302)', controller => {
    const { chart, gw } = gateway(controller);
    gw.addRoute('to', { hosts: ['a.example.com'], redirect: Redirect.to({ host: 'b.example.com' }) });
    gw.addRoute('https', { hosts: ['c.example.com'], redirect: Redirect.toHttps() });
    const objects = synthConformant(chart);
    expect(find(objects, 'HTTPRoute', 'gw-to').spec.rules[0].filters[0].requestRedirect.statusCode).toBe(301);
    expect(find(objects, 'HTTPRoute', 'gw-https').spec.rules[0].filters[0].requestRedirect.statusCode).toBe(308);
  });

  test('traefik: both defaults are permanent (301 to GET, 308 otherwise: 301 allows keeping the method)', () => {
    const { chart, gw } = gateway('traefik');
    gw.addRoute('to', { hosts: ['a.example.com'], redirect: Redirect.to({ host: 'b.example.com' }) });
    const objects = synthConformant(chart);
    expect(find(objects, 'Middleware', 'gw-to-redirect').spec.redirectRegex.permanent).toBe(true);
  });

  test('kong writes the HTTPS redirect default (308) explicitly', () => {
    const { chart, gw } = gateway('kong');
    gw.addRoute('r', { hosts: ['a.example.com'], backend: Backend.service('svc', 80), redirect: Redirect.toHttps() });
    const ingress = find(synthConformant(chart), 'Ingress', 'gw-r');
    expect(ingress.metadata.annotations['konghq.com/https-redirect-status-code']).toBe('308');
  });

  test('ingress-nginx renders the HTTPS default (308, its http-redirect-code) and refuses another code', () => {
    const { chart, gw } = gateway('ingress-nginx');
    gw.addRoute('r', { hosts: ['a.example.com'], backend: Backend.service('svc', 80), redirect: Redirect.toHttps() });
    expect(find(synthConformant(chart), 'Ingress', 'gw-r').metadata.annotations['nginx.ingress.kubernetes.io/force-ssl-redirect']).toBe('true');
    const other = gateway('ingress-nginx');
    other.gw.addRoute('r', { hosts: ['a.example.com'], backend: Backend.service('svc', 80), redirect: Redirect.toHttps({ statusCode: RedirectStatus.MOVED_PERMANENTLY }) });
    expect(synthError(other.chart)).toContain('308 by default');
  });
});

describe('import: 0s timeouts and status-only redirects read back and print as code', () => {
  const YAML = `
apiVersion: gateway.networking.k8s.io/v1
kind: Gateway
metadata: { name: gw, namespace: edge }
spec:
  gatewayClassName: example-gateway-class
  listeners: [{ name: http, port: 80, protocol: HTTP }]
---
apiVersion: gateway.networking.k8s.io/v1
kind: HTTPRoute
metadata: { name: r, namespace: edge }
spec:
  parentRefs: [{ name: gw }]
  hostnames: [a.example.com]
  rules:
    - matches: [{ path: { type: PathPrefix, value: /slow } }]
      backendRefs: [{ name: svc, port: 80 }]
      timeouts: { request: 0s }
    - matches: [{ path: { type: PathPrefix, value: /again } }]
      filters: [{ type: RequestRedirect, requestRedirect: { statusCode: 301 } }]
`;

  test('the generated code names the zero and the status (even the default 301)', () => {
    const result = Importer.importManifests(YAML, { sourceController: 'gateway-api', targetController: 'envoy-gateway' });
    expect(result.code).toContain('Timeouts.of({ request: Duration.seconds(0) })');
    expect(result.code).toContain('Redirect.to({ statusCode: RedirectStatus.MOVED_PERMANENTLY })');
    expect(result.items.filter(i => !i.to)).toEqual([]);
    expect(result.refused).toEqual([]);
    expect(result.exitCode).toBe(0);
  });

  test('a target without them refuses both with the standard messages', () => {
    const result = Importer.importManifests(YAML, { sourceController: 'gateway-api', targetController: 'kong' });
    expect(result.refused.join('\n')).toMatch(/Timeout turned off \(0s\) \(timeouts.request\) is not supported by controller 'kong'/);
    expect(result.refused.join('\n')).toMatch(/Redirect to the same URL \(status code only\) \(redirect.statusCode\) is not supported by controller 'kong'/);
  });
});

// The depth of a CORS wildcard origin (`*.` one label, `**.` one or more) is in test/cors-origin-depth.test.ts.
describe('CORS defaults on ingress-nginx', () => {
  test('ingress-nginx renders the intent\'s CORS defaults explicitly, not its own', () => {
    const { chart, gw } = gateway('ingress-nginx');
    gw.addRoute('r', { backend: Backend.service('svc', 80), cors: Cors.allow({ origins: ['https://web.example.com'] }) });
    const a = find(synthConformant(chart), 'Ingress', 'gw-r').metadata.annotations;
    const k = (n: string) => a[`nginx.ingress.kubernetes.io/${n}`];
    // Unset methods: GET, HEAD, POST (ingress-nginx: GET, PUT, POST, DELETE, PATCH, OPTIONS); unset headers: none
    // beyond the safelisted ones (ingress-nginx: a list with Authorization); credentials false (ingress-nginx: true);
    // max age: the browsers' 5 s (ingress-nginx: 20 days).
    expect([k('cors-allow-methods'), k('cors-allow-headers'), k('cors-allow-credentials'), k('cors-max-age'), k('cors-expose-headers')])
      .toEqual(['GET, HEAD, POST', 'Origin', 'false', '5', undefined]);
  });
});

describe("CORS: '*' for methods, headers and exposed headers", () => {
  test("'*' stands alone and never with credentials", () => {
    expect(Cors.allow({ origins: ['https://a.example.com'], methods: ['*'], headers: ['*'], exposeHeaders: ['*'] })._toIR('x'))
      .toMatchObject({ methods: ['*'], headers: ['*'], exposeHeaders: ['*'], credentials: false });
    expect(() => Cors.allow({ origins: ['https://a.example.com'], methods: ['*', 'GET'] })).toThrow(/^Cors.methods: '\*' cannot be combined with other values$/);
    expect(() => Cors.allow({ origins: ['https://a.example.com'], exposeHeaders: ['x-a', '*'] })).toThrow(/^Cors.exposeHeaders: '\*' cannot be combined/);
    expect(() => Cors.allow({ origins: ['https://a.example.com'], headers: ['*'], credentials: true }))
      .toThrow(/^Cors.headers: '\*' cannot be used with credentials: browsers read it literally on credentialed requests; list the values$/);
  });

  test('Kong: any header is no headers list at all (Kong echoes the requested ones), read back as any header', () => {
    const { chart, gw } = gateway('kong');
    gw.addRoute('r', { backend: Backend.service('svc', 80), cors: Cors.allow({ origins: ['https://a.example.com'], headers: ['*'], exposeHeaders: ['*'] }) });
    const objects = synthConformant(chart);
    const config = find(objects, 'KongPlugin', 'gw-r-cors').config;
    expect([config.headers, config.exposed_headers]).toEqual([undefined, ['*']]);
    expect(roundTripProblems('kong', gw, objects)).toEqual([]);
  });

  test.each(['traefik', 'gateway-api', 'envoy-gateway', 'istio'] as const)('%s sends the three wildcards and reads them back', controller => {
    const { chart, gw } = gateway(controller);
    gw.addRoute('r', { backend: Backend.service('svc', 80), cors: Cors.allow({ origins: ['https://a.example.com'], methods: ['*'], headers: ['*'], exposeHeaders: ['*'] }) });
    const objects = synthConformant(chart);
    expect(roundTripProblems(controller, gw, objects)).toEqual([]);
    expect(JSON.stringify(objects).match(/\["\*"\]/g)?.length).toBe(3);
  });

  test('ingress-nginx: only cors-expose-headers takes *', () => {
    const ok = gateway('ingress-nginx');
    ok.gw.addRoute('r', { backend: Backend.service('svc', 80), cors: Cors.allow({ origins: ['https://a.example.com'], exposeHeaders: ['*'] }) });
    const objects = synthConformant(ok.chart);
    expect(find(objects, 'Ingress', 'gw-r').metadata.annotations['nginx.ingress.kubernetes.io/cors-expose-headers']).toBe('*');
    expect(roundTripProblems('ingress-nginx', ok.gw, objects)).toEqual([]);
    const no = gateway('ingress-nginx');
    no.gw.addRoute('r', { backend: Backend.service('svc', 80), cors: Cors.allow({ origins: ['https://a.example.com'], headers: ['*'] }) });
    expect(synthError(no.chart)).toContain("CORS any request header (`*`) (cors.headers) is not supported by controller 'ingress-nginx'");
  });
});
