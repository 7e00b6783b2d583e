import { Chart, Testing } from 'cdk8s';
import { rebuild } from './import/rebuild';
import { roundTripProblems } from './property/roundtrip';
import { CONTROLLERS, synthConformant, synthError } from './util';
import { ApiGateway, Backend, BodySize, CaCertificates, EdgeAuth, ExternalAuthOptions, Warnings } from '../src';
import { ControllerName } from '../src/capabilities/features';
import { routeTable } from '../src/checks/route-table';

/*
 * External auth extras (issue #17): the client headers and the body sent to the auth service, the
 * CA verifying it and the client certificate presented to it. The capability cells (rendered
 * fields and literal refusals) are in test/capabilities.test.ts; this file covers the refusals a
 * renderer decides from the value, the warning, the round trip and the import codegen.
 */

const URL = 'https://auth.example.com/verify';

function chartOf(strict = false): Chart {
  const app = Testing.app();
  if (strict) app.node.setContext(Warnings.STRICT_CONTEXT, true);
  return new Chart(app, 'test', { namespace: 'edge' });
}

function gatewayWith(chart: Chart, controller: ControllerName, options: ExternalAuthOptions): ApiGateway {
  const gw = new ApiGateway(chart, 'edge', { controller: CONTROLLERS[controller]() });
  gw.addRoute('r', { hosts: ['api.example.com'], backend: Backend.service('api', 80), auth: EdgeAuth.external(options) });
  return gw;
}

const EVERYTHING: ExternalAuthOptions = {
  url: URL,
  responseHeaders: ['X-User-ID'],
  requestHeaders: ['Authorization', 'Cookie'],
  forwardBody: BodySize.kibibytes(64),
  ca: CaCertificates.fromSecret('auth-ca'),
  clientCertificateSecret: 'auth-client-tls',
};

describe('EdgeAuth.external extras', () => {
  test('the intent keeps request headers lowercase and sorted, the body size in bytes, the CA and the certificate Secret', () => {
    const gw = gatewayWith(chartOf(), 'traefik', EVERYTHING);
    expect(routeTable(gw._gatewayIr()).routes[0].policies.auth).toEqual({
      kind: 'external',
      url: URL,
      responseHeaders: ['X-User-ID'],
      requestHeaders: ['authorization', 'cookie'],
      forwardBodyBytes: 65536,
      ca: { kind: 'Secret', name: 'auth-ca' },
      clientCertificateSecret: 'auth-client-tls',
    });
  });

  test('Traefik: one forwardAuth Middleware carries every extra', () => {
    const chart = chartOf();
    gatewayWith(chart, 'traefik', EVERYTHING);
    Warnings.of(chart).acknowledge('external-auth-body');
    const mw = synthConformant(chart).find(o => o.kind === 'Middleware' && o.spec.forwardAuth);
    expect(mw.spec.forwardAuth).toEqual({
      address: URL,
      trustForwardHeader: false,
      authResponseHeaders: ['X-User-ID'],
      authRequestHeaders: ['authorization', 'cookie'],
      forwardBody: true,
      maxBodySize: 65536,
      tls: { caSecret: 'auth-ca', certSecret: 'auth-client-tls' },
    });
  });

  test('Traefik refuses a CA in a ConfigMap (forwardAuth.tls.caSecret reads a Secret)', () => {
    const chart = chartOf();
    gatewayWith(chart, 'traefik', { url: URL, ca: CaCertificates.fromConfigMap('auth-ca') });
    expect(synthError(chart)).toContain("[test/edge/r] External auth: CA verifying the auth service (auth.ca) is not supported by controller 'traefik': "
      + "forwardAuth.tls.caSecret reads a Secret, not a ConfigMap ('auth-ca'); use CaCertificates.fromSecret().");
  });

  test('Envoy Gateway: headersToExtAuth and bodyToExtAuth on the SecurityPolicy, the CA (a ConfigMap too) and certificate on the auth Backend', () => {
    const chart = chartOf();
    gatewayWith(chart, 'envoy-gateway', { ...EVERYTHING, ca: CaCertificates.fromConfigMap('auth-ca') });
    const out = synthConformant(chart);
    const policy = out.find(o => o.kind === 'SecurityPolicy');
    expect(policy.spec.extAuth).toEqual({
      http: { backendRefs: [{ group: 'gateway.envoyproxy.io', kind: 'Backend', name: 'edge-r-ext-auth' }], pathOverride: '/verify', headersToBackend: ['X-User-ID'] },
      headersToExtAuth: ['authorization', 'cookie'],
      bodyToExtAuth: { maxRequestBytes: 65536 },
    });
    expect(out.find(o => o.kind === 'Backend').spec.tls).toEqual({
      caCertificateRefs: [{ group: '', kind: 'ConfigMap', name: 'auth-ca' }],
      clientCertificateRef: { group: '', kind: 'Secret', name: 'auth-client-tls' },
      sni: 'auth.example.com',
    });
  });

  test('Envoy Gateway refuses request headers without Authorization (Envoy always sends it) and a body limit over int32', () => {
    const chart = chartOf();
    gatewayWith(chart, 'envoy-gateway', { url: URL, requestHeaders: ['Cookie'], forwardBody: BodySize.gibibytes(2) });
    const error = synthError(chart);
    expect(error).toContain("[test/edge/r] External auth: request headers sent to the auth service (auth.requestHeaders) is not supported by controller 'envoy-gateway': "
      + "Envoy always sends Authorization (with Host, Method, Path and Content-Length) to an HTTP auth service, so a list without it cannot withhold it; add 'authorization' to the list.");
    expect(error).toContain("[test/edge/r] External auth: request body sent to the auth service (auth.forwardBody) is not supported by controller 'envoy-gateway': "
      + 'bodyToExtAuth.maxRequestBytes is at most 2147483647 bytes.');
  });

  test('Envoy Gateway accepts the largest int32 body limit exactly', () => {
    const chart = chartOf();
    gatewayWith(chart, 'envoy-gateway', { url: URL, forwardBody: BodySize.bytes(2147483647) });
    expect(synthConformant(chart).find(o => o.kind === 'SecurityPolicy').spec.extAuth.bodyToExtAuth).toEqual({ maxRequestBytes: 2147483647 });
  });

  test('forwarding the body warns external-auth-body; strict mode refuses it until acknowledged', () => {
    const chart = chartOf();
    gatewayWith(chart, 'traefik', { url: URL, forwardBody: BodySize.kibibytes(8) });
    expect(Warnings.of(chart).all.filter(w => w.id === 'external-auth-body').map(w => [w.path, w.message])).toEqual([[
      'test/edge/r',
      `auth.forwardBody: every request body (up to 8192 bytes) is buffered by the proxy and sent to the auth service ${URL} as well as to the backend, `
      + 'so passwords, tokens or personal data in bodies reach a second service, and larger requests are refused; forward only what the auth service must see, or acknowledge this warning',
    ]]);
    const strict = chartOf(true);
    gatewayWith(strict, 'traefik', { url: URL, forwardBody: BodySize.kibibytes(8) });
    expect(synthError(strict)).toContain('external-auth-body: auth.forwardBody: every request body');
    const acknowledged = chartOf(true);
    gatewayWith(acknowledged, 'traefik', { url: URL, forwardBody: BodySize.kibibytes(8) });
    Warnings.of(acknowledged).acknowledge('external-auth-body');
    expect(synthError(acknowledged)).toBeUndefined();
  });

  test.each<ControllerName>(['traefik', 'traefik-ingress', 'envoy-gateway'])('%s reads every extra back to the same route table', (controller) => {
    const chart = chartOf();
    const gw = gatewayWith(chart, controller, EVERYTHING);
    Warnings.of(chart).acknowledge('external-auth-body');
    expect(roundTripProblems(controller, gw, synthConformant(chart))).toEqual([]);
  });

  test('import codegen prints the extras, and building the plan gives the same intent', () => {
    const r = rebuild(gatewayWith(chartOf(), 'envoy-gateway', EVERYTHING), 'envoy-gateway');
    expect(r.code).toContain("requestHeaders: ['authorization', 'cookie']");
    expect(r.code).toContain('forwardBody: BodySize.kibibytes(64)');
    expect(r.code).toContain("ca: CaCertificates.fromSecret('auth-ca')");
    expect(r.code).toContain("clientCertificateSecret: 'auth-client-tls'");
    expect(r.errors).toEqual([]);
    expect(r.after).toEqual(r.before);
  });
});
