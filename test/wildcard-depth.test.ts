import {
  ApiGateway, Backend, BackendTls, Certificate, ClusterIssuer, Controller, GatewayAssertions, PathMatch, Redirect, TlsCertificate, TlsMode,
} from '../src';
import { newChart, synthConformant, synthError } from './util';
import { hostPatternCovers, hostPatternsOverlap, tlsNameServes, wildcardCovers } from '../src/core/hosts';

/**
 * Wildcard depth (issue #16 item 6): `*.x` is exactly one label, `**.x` one or more. What the two
 * spellings mean to the checks every controller shares (coverage, TLS, precedence) and where a
 * certificate name is required.
 */

describe('host patterns', () => {
  test.each([
    ['*.example.com', 'a.example.com', true],
    ['*.example.com', 'a.b.example.com', false],
    ['*.example.com', 'example.com', false],
    ['**.example.com', 'a.example.com', true],
    ['**.example.com', 'a.b.example.com', true],
    ['**.example.com', 'example.com', false],
    ['**.example.com', 'xexample.com', false],
    ['**.example.com', '*.example.com', true],
    ['**.example.com', '*.a.example.com', true],
    ['**.example.com', '**.a.example.com', true],
    ['**.a.example.com', '**.example.com', false],
    ['*.example.com', '**.example.com', false],
    ['a.example.com', 'a.example.com', true],
  ])('%s covers %s: %s', (pattern, host, expected) => {
    expect(hostPatternCovers(pattern, host)).toBe(expected);
  });

  test('overlap is coverage either way; two one-label wildcards of different domains never overlap', () => {
    expect(hostPatternsOverlap('*.a.example.com', '**.example.com')).toBe(true);
    expect(hostPatternsOverlap('*.example.com', '**.a.example.com')).toBe(false);
    expect(hostPatternsOverlap('*.example.com', '*.a.example.com')).toBe(false);
  });

  test('a certificate *.x covers one-label names and serves the route host **.x; never the other way', () => {
    expect(wildcardCovers('*.example.com', 'a.example.com')).toBe(true);
    expect(wildcardCovers('*.example.com', '**.example.com')).toBe(false);
    expect(tlsNameServes('*.example.com', '**.example.com')).toBe(true);
    expect(tlsNameServes('*.example.com', '**.a.example.com')).toBe(false);
    expect(tlsNameServes('*.example.com', 'a.b.example.com')).toBe(false);
  });
});

describe('certificate names refuse **.', () => {
  test('cert-manager Certificate.dnsNames', () => {
    const chart = newChart();
    expect(() => new Certificate(chart, 'c', { issuer: ClusterIssuer.fromName('le'), dnsNames: ['**.example.com'], secretName: 's' })).toThrow(
      "[test/c] Certificate.dnsNames[0]: '**.example.com' cannot be a certificate name: a certificate wildcard stands for exactly one label; write '*.example.com' (and list deeper names such as '*.sub.example.com' separately)");
  });

  test('names that must be concrete refuse both wildcard spellings', () => {
    expect(() => Redirect.to({ host: '**.example.com' })).toThrow(/Redirect.host: '\*\*\.example\.com' must not be a wildcard/);
    const gw = new ApiGateway(newChart(), 'edge', { controller: Controller.envoyGateway() });
    expect(() => gw.addRoute('r', { backend: Backend.service('svc', 443, { tls: BackendTls.verify({ hostname: '**.internal.example.com' }) }) }))
      .toThrow(/tls.hostname: '\*\*\.internal\.example\.com' must be a concrete name, not a wildcard/);
  });
});

describe('TLS coverage', () => {
  test('a *.x TlsHost serves a **.x route; an exact TlsHost under it is only served by a wider wildcard', () => {
    const chart = newChart();
    const gw = new ApiGateway(chart, 'edge', { controller: Controller.envoyGateway() });
    gw.addRoute('r', { hosts: ['**.example.com'], backend: Backend.service('svc', 80) });
    gw.addTlsHost('tls', { hosts: ['*.example.com'], certificate: TlsCertificate.fromSecret('cert') });
    expect(synthError(chart)).toBeUndefined();
    gw.addTlsHost('api', { hosts: ['api.example.com'], certificate: TlsCertificate.fromSecret('api-cert') });
    expect(synthError(chart)).toMatch(/\[test\/edge\/api\] TlsHost.hosts: 'api.example.com' is only served by \[test\/edge\/r\], whose wildcard '\*\*\.example\.com' is wider/);
  });

  test('a passthrough **.x host refuses an HTTP route for a name below it', () => {
    const chart = newChart();
    const gw = new ApiGateway(chart, 'edge', { controller: Controller.envoyGateway() });
    gw.addRoute('r', { hosts: ['a.b.pass.example.net'], backend: Backend.service('svc', 80) });
    gw.addTlsHost('pass', { hosts: ['**.pass.example.net'], mode: TlsMode.passthrough(Backend.service('tcp', 443)) });
    expect(synthError(chart)).toMatch(/\[test\/edge\/pass\] TlsHost.mode: '\*\*\.pass\.example\.net' is passed through at the TLS level/);
  });
});

describe('Traefik precedence: exact > *. > **. > no host', () => {
  function traefik() {
    const chart = newChart();
    return { chart, gw: new ApiGateway(chart, 'edge', { controller: Controller.traefik() }) };
  }

  test('a request is served by the most specific host pattern', () => {
    const { chart, gw } = traefik();
    gw.addRoute('any', { hosts: ['**.example.com'], backend: Backend.service('any', 80) });
    gw.addRoute('one', { hosts: ['*.example.com'], backend: Backend.service('one', 80) });
    gw.addRoute('api', { hosts: ['api.example.com'], backend: Backend.service('api', 80) });
    gw.addRoute('all', { match: { path: PathMatch.exact('/healthz') }, backend: Backend.service('all', 80) });
    const objects = synthConformant(chart);
    const priority = (name: string) => objects.find(o => o.metadata.name === name).spec.routes[0].priority;
    expect([priority('edge-api'), priority('edge-one'), priority('edge-any'), priority('edge-all')]).toEqual([24_001_000, 16_501_000, 9_101_000, 6_008_000]);
    // The assertions read the output back and rank host patterns the same way.
    const assertions = GatewayAssertions.fromChart(chart);
    assertions.hasRoute({ host: 'api.example.com', path: '/x', backend: 'api' });
    assertions.hasRoute({ host: 'b.example.com', path: '/x', backend: 'one' });
    assertions.hasRoute({ host: 'a.b.example.com', path: '/x', backend: 'any' });
    expect(() => assertions.hasRoute({ host: 'a.b.example.com', path: '/x', backend: 'one' })).toThrow(/sends to edge\/any:80, not one/);
  });

  test('two routes whose any-depth hosts overlap at different depths are refused; the same host twice is not this refusal', () => {
    const { chart, gw } = traefik();
    gw.addRoute('wide', { hosts: ['**.example.com'], backend: Backend.service('wide', 80) });
    gw.addRoute('deep', { hosts: ['**.api.example.com'], backend: Backend.service('deep', 80) });
    expect(synthError(chart)).toContain(
      "[test/edge/deep] Wildcard host, any depth (`**.`) (hosts) is not supported by controller 'traefik': '**.api.example.com' and '**.example.com' of [test/edge/wide] overlap, "
      + 'and Traefik ranks routers by one priority, where any-depth wildcards of different depths share one tier, so neither would reliably win; '
      + "use one-label wildcards ('*.') for the deeper names, or one any-depth host. Supported by: Controller.kong(), Controller.kong({ mode: KongMode.GATEWAY_API }), Controller.gatewayApi(), Controller.envoyGateway(), Controller.istio().");

    const other = traefik();
    other.gw.addRoute('a', { hosts: ['**.example.com'], match: { path: PathMatch.prefix('/a') }, backend: Backend.service('a', 80) });
    other.gw.addRoute('b', { hosts: ['**.example.com'], match: { path: PathMatch.prefix('/b') }, backend: Backend.service('b', 80) });
    other.gw.addRoute('c', { hosts: ['**.example.org'], backend: Backend.service('c', 80) });
    expect(synthError(other.chart)).toBeUndefined();
  });
});
