import { Duration } from 'cdk8s';
import {
  ApiGateway, Backend, BackendProtocol, CanaryTraffic, Controller, EdgeAuth, HeaderMatch, HeaderRules, KongMode, Redirect, Retries,
  PathMatch, RouteProtocols, SessionAffinity, Timeouts, TlsCertificate, TrafficMirror,
} from '../src';
import { roundTripProblems } from './property/roundtrip';
import { newChart, synthConformant, synthError } from './util';

/*
 * Regression tests for the bugs the property tests (test/property) found. Each names the
 * property that caught it.
 */

/** The Gateway API columns' controllers. */
function gatewayApiController(name: 'gateway-api' | 'envoy-gateway' | 'istio' | 'kong-gateway-api'): Controller {
  return name === 'gateway-api' ? Controller.gatewayApi({ gatewayClassName: 'gc' })
    : name === 'envoy-gateway' ? Controller.envoyGateway() : name === 'istio' ? Controller.istio() : Controller.kong({ mode: KongMode.GATEWAY_API });
}

describe('a route that redirects without a backend (found by: every declared setting visible)', () => {
  test.each([
    ['timeouts', { timeouts: Timeouts.of({ connect: Duration.seconds(5) }) }],
    ['retries', { retries: Retries.of({ attempts: 2 }) }],
    ['sessionAffinity', { sessionAffinity: SessionAffinity.cookie({ name: 'route' }) }],
    ['backendProtocol', { backendProtocol: BackendProtocol.GRPC }],
    ['auth', { auth: EdgeAuth.basic({ secretName: 'users' }) }],
  ])('refuses its own %s, which would never apply', (prop, policy) => {
    // GIVEN
    const gw = new ApiGateway(newChart(), 'edge', { controller: Controller.envoyGateway() });
    // WHEN / THEN
    expect(() => gw.addRoute('moved', { hosts: ['old.example.com'], redirect: Redirect.to({ host: 'new.example.com' }), ...policy }))
      .toThrow(`[test/edge/moved] Route.${prop}: a route that redirects without a backend forwards nothing, so ${prop} would never apply`);
  });

  test('does not inherit forwarding-only gateway defaults (no BackendTrafficPolicy for a redirect)', () => {
    // GIVEN
    const chart = newChart();
    const gw = new ApiGateway(chart, 'edge', {
      controller: Controller.envoyGateway(),
      defaults: { timeouts: Timeouts.of({ connect: Duration.seconds(5) }), backendProtocol: BackendProtocol.GRPC },
    });
    // WHEN
    gw.addRoute('moved', { hosts: ['old.example.com'], redirect: Redirect.to({ host: 'new.example.com' }) });
    gw.addRoute('api', { hosts: ['api.example.com'], backend: Backend.service('api', 8080) });
    // THEN
    const objects = synthConformant(chart);
    const policies = objects.filter(o => o.kind === 'BackendTrafficPolicy');
    expect(policies.map(p => p.spec.targetRefs[0].name)).toEqual(['edge-api']);
    expect(objects.find(o => o.metadata.name === 'edge-moved').kind).toBe('HTTPRoute');
    expect(objects.find(o => o.metadata.name === 'edge-api').kind).toBe('GRPCRoute');
  });

  test('an HTTPS redirect keeps its backend and its forwarding policies', () => {
    const gw = new ApiGateway(newChart(), 'edge', { controller: Controller.envoyGateway() });
    expect(() => gw.addRoute('api', {
      hosts: ['api.example.com'], backend: Backend.service('api', 8080), redirect: Redirect.toHttps(), timeouts: Timeouts.of({ connect: Duration.seconds(5) }),
    })).not.toThrow();
  });
});

describe('a canary of a gRPC route on Gateway API (found by: every declared setting visible)', () => {
  test.each(['gateway-api', 'envoy-gateway', 'istio', 'kong-gateway-api'] as const)('%s refuses it instead of dropping the canary from the GRPCRoute', (name) => {
    // GIVEN
    const chart = newChart();
    const controller = gatewayApiController(name);
    const gw = new ApiGateway(chart, 'edge', { controller });
    const stable = gw.addRoute('grpc', { hosts: ['grpc.example.com'], backend: Backend.service('greeter', 50051), backendProtocol: BackendProtocol.GRPC });
    // WHEN
    gw.addCanary('v2', { stable, canary: Backend.service('greeter-v2', 50051), traffic: CanaryTraffic.weight(10) });
    // THEN
    expect(synthError(chart)).toContain(`[test/edge/v2] Weighted canary split (stable) is not supported by controller '${name}': the stable route [test/edge/grpc] has backendProtocol GRPC`);
  });
});

describe('a Traefik canary of a route with backend settings (found by: every declared setting visible)', () => {
  test('the weighted TraefikService children keep the scheme and the connect timeout', () => {
    // GIVEN
    const chart = newChart();
    const gw = new ApiGateway(chart, 'edge', { controller: Controller.traefik() });
    const stable = gw.addRoute('grpc', {
      hosts: ['grpc.example.com'],
      backend: Backend.service('greeter', 50051),
      backendProtocol: BackendProtocol.GRPC,
      timeouts: Timeouts.of({ connect: Duration.seconds(3) }),
    });
    // WHEN
    gw.addCanary('v2', {
      stable, canary: Backend.service('greeter-v2', 50051), traffic: CanaryTraffic.weight(10), mirror: TrafficMirror.to(Backend.service('shadow', 50051)),
    });
    // THEN
    const objects = synthConformant(chart);
    const weighted = objects.find(o => o.kind === 'TraefikService' && o.spec.weighted).spec.weighted.services;
    expect(weighted).toEqual([
      { name: 'greeter', port: 50051, scheme: 'h2c', serversTransport: 'edge-grpc-transport', weight: 90 },
      { name: 'greeter-v2', port: 50051, scheme: 'h2c', serversTransport: 'edge-grpc-transport', weight: 10 },
    ]);
    const mirror = objects.find(o => o.kind === 'TraefikService' && o.spec.mirroring).spec.mirroring;
    expect(mirror.mirrors).toEqual([{ name: 'shadow', port: 50051, scheme: 'h2c', percent: 100 }]);
  });

  test('a header canary\'s own service keeps the scheme', () => {
    const chart = newChart();
    const gw = new ApiGateway(chart, 'edge', { controller: Controller.traefik() });
    const stable = gw.addRoute('api', { hosts: ['api.example.com'], backend: Backend.service('api', 8443), backendProtocol: BackendProtocol.HTTPS });
    gw.addCanary('v2', { stable, canary: Backend.service('api-v2', 8443), traffic: CanaryTraffic.header('x-canary', 'always') });
    const canaryRoute = synthConformant(chart).find(o => o.kind === 'IngressRoute' && o.metadata.name === 'edge-v2');
    expect(canaryRoute.spec.routes[0].services).toEqual([{ name: 'api-v2', port: 8443, scheme: 'https' }]);
  });

  test('session affinity on a route whose traffic a weighted canary splits is refused', () => {
    const chart = newChart();
    const gw = new ApiGateway(chart, 'edge', { controller: Controller.traefik() });
    const stable = gw.addRoute('web', { hosts: ['web.example.com'], backend: Backend.service('web', 80), sessionAffinity: SessionAffinity.cookie({ name: 'route' }) });
    gw.addCanary('v2', { stable, canary: Backend.service('web-v2', 80), traffic: CanaryTraffic.weight(10) });
    expect(synthError(chart)).toContain("[test/edge/v2] Cookie session affinity (sessionAffinity) is not supported by controller 'traefik': the stable route [test/edge/web] has session affinity");
  });
});

describe('header values with repeated whitespace (found by: conformant, Gateway API experimental channel)', () => {
  test('are refused where they are declared, as the Gateway API CRDs would refuse them', () => {
    const gw = new ApiGateway(newChart(), 'edge', { controller: Controller.gatewayApi({ gatewayClassName: 'gc', experimentalChannel: true }) });
    expect(() => gw.addRoute('r', { match: { headers: [HeaderMatch.exact('x-env', 'a  b')] }, backend: Backend.service('api', 80) }))
      .toThrow("[test/edge/r] Route.match.headers[0]: header 'x-env' value 'a  b' must be printable ASCII without leading, trailing or repeated whitespace");
    expect(() => HeaderRules.of({ request: { set: { 'x-a': 'a \tb' } } })).toThrow(/repeated whitespace/);
  });

  test('single spaces and tabs between words stay valid', () => {
    const chart = newChart();
    const gw = new ApiGateway(chart, 'edge', { controller: Controller.gatewayApi({ gatewayClassName: 'gc', experimentalChannel: true }) });
    gw.addRoute('r', { match: { headers: [HeaderMatch.exact('x-env', 'a b\tc')] }, backend: Backend.service('api', 80) });
    expect(() => synthConformant(chart, { gatewayApiChannel: 'experimental' })).not.toThrow();
  });
});

describe('a TLS host served only by a redirect to HTTPS without a backend (found by: every declared setting visible, Traefik)', () => {
  test('is refused on every controller: its HTTPS requests would reach nothing (Traefik did not even load the certificate)', () => {
    for (const controller of [Controller.traefik(), Controller.envoyGateway(), Controller.ingressNginx()]) {
      const chart = newChart();
      const gw = new ApiGateway(chart, 'edge', { controller });
      gw.addRoute('http', { hosts: ['api.example.com'], redirect: Redirect.to({ scheme: 'https' }) });
      gw.addRoute('port', { hosts: ['api.example.com'], match: { path: PathMatch.prefix('/p') }, redirect: Redirect.to({ scheme: 'https', port: 8443 }) });
      gw.addTlsHost('tls', { hosts: ['api.example.com'], certificate: TlsCertificate.fromSecret('api-cert') });
      expect(synthError(chart)).toContain("[test/edge/tls] TlsHost.hosts: 'api.example.com' is served only by routes that redirect to HTTPS without a backend ([test/edge/http], [test/edge/port])");
    }
  });

  test('a route that serves the host besides the redirect is enough', () => {
    const chart = newChart();
    const gw = new ApiGateway(chart, 'edge', { controller: Controller.traefik() });
    gw.addRoute('http', { hosts: ['api.example.com'], match: { path: PathMatch.exact('/old') }, redirect: Redirect.to({ scheme: 'https' }) });
    gw.addRoute('api', { hosts: ['api.example.com'], backend: Backend.service('api', 80), redirect: Redirect.toHttps() });
    gw.addTlsHost('tls', { hosts: ['api.example.com'], certificate: TlsCertificate.fromSecret('api-cert') });
    expect(synthError(chart)).toBeUndefined();
  });
});

describe('regular expressions with non-ASCII characters (found by: invalid inputs, Gateway API header value pattern)', () => {
  test('are refused where they are declared', () => {
    const gw = new ApiGateway(newChart(), 'edge', { controller: Controller.istio() });
    expect(() => gw.addRoute('r', { match: { headers: [HeaderMatch.regex('x-host', 'ÄPI.example.com')] }, backend: Backend.service('api', 80) }))
      .toThrow("[test/edge/r] Route.match.headers[0]: header 'x-host' value 'ÄPI.example.com' must be printable ASCII");
    expect(() => gw.addRoute('p', { match: { path: PathMatch.regex('/café/.*') }, backend: Backend.service('api', 80) }))
      .toThrow("[test/edge/p] Route.match.path: '/café/.*' must be printable ASCII (percent-encode other characters");
  });
});

describe('Kong: an HTTPS-only route on a `**.` host beside a concrete host under the same wildcard TlsHost (found by: the round trip)', () => {
  test('reads back one TlsHost without HTTPS redirect, as declared', () => {
    // GIVEN
    const chart = newChart();
    const gw = new ApiGateway(chart, 'edge', { controller: Controller.kong() });
    gw.addRoute('any', { hosts: ['**.example.com'], match: { headers: [HeaderMatch.exact('x-env', 'a')] }, backend: Backend.service('s', 80), protocols: RouteProtocols.HTTPS_ONLY });
    gw.addRoute('api', { hosts: ['api.example.com'], backend: Backend.service('api', 80) });
    gw.addTlsHost('wild', { hosts: ['*.example.com'], certificate: TlsCertificate.fromSecret('wild-tls'), httpsRedirect: false });
    // WHEN / THEN
    expect(roundTripProblems('kong', gw, synthConformant(chart))).toEqual([]);
  });
});

describe('Kong Gateway API: an HTTPS-only route whose only match is a header beside a catch-all route (found by: the round trip)', () => {
  test('reads back as an HTTPS-only route, not as a header canary of the catch-all route', () => {
    // GIVEN
    const chart = newChart();
    const gw = new ApiGateway(chart, 'edge', { controller: Controller.kong({ mode: KongMode.GATEWAY_API }) });
    gw.addRoute('beta', { match: { headers: [HeaderMatch.exact('x-beta', 'on')] }, backend: Backend.service('beta', 80), protocols: RouteProtocols.HTTPS_ONLY });
    gw.addRoute('web', { backend: Backend.service('web', 80) });
    // WHEN / THEN
    expect(roundTripProblems('kong-gateway-api', gw, synthConformant(chart))).toEqual([]);
  });

  test('a header canary of an HTTPS-only route is still read back as a canary', () => {
    const chart = newChart();
    const gw = new ApiGateway(chart, 'edge', { controller: Controller.kong({ mode: KongMode.GATEWAY_API }) });
    const stable = gw.addRoute('web', { hosts: ['web.example.com'], backend: Backend.service('web', 80), protocols: RouteProtocols.HTTPS_ONLY });
    gw.addTlsHost('tls', { hosts: ['web.example.com'], certificate: TlsCertificate.fromSecret('web-cert'), httpsRedirect: false });
    gw.addCanary('v2', { stable, canary: Backend.service('web-v2', 80), traffic: CanaryTraffic.header('x-canary', 'always') });
    expect(roundTripProblems('kong-gateway-api', gw, synthConformant(chart))).toEqual([]);
  });
});

describe('Gateway API: a `**.` route redirecting to HTTPS above a deeper `**.` route under its own wildcard TlsHost (found by: the round trip)', () => {
  test.each(['gateway-api', 'envoy-gateway', 'istio', 'kong-gateway-api'] as const)('%s reads the deeper TLS host as redirected by the outer route\'s redirect, without unmapped items', (name) => {
    // GIVEN
    const chart = newChart();
    const controller = gatewayApiController(name);
    const gw = new ApiGateway(chart, 'edge', { controller });
    gw.addRoute('all', { hosts: ['**.example.com'], backend: Backend.service('web', 80), redirect: Redirect.toHttps() });
    gw.addRoute('apps', { hosts: ['**.apps.example.com'], backend: Backend.service('apps', 80) });
    gw.addTlsHost('wild', { hosts: ['*.apps.example.com', '*.example.com'], certificate: TlsCertificate.fromSecret('wild-cert') });
    // WHEN / THEN
    expect(roundTripProblems(name, gw, synthConformant(chart))).toEqual([]);
  });
});

describe('Gateway API: a header route beside a catch-all route with a rule name (found by: the round trip, Kong Gateway API)', () => {
  test.each(['gateway-api', 'envoy-gateway', 'istio', 'kong-gateway-api'] as const)('%s reads it back as a route of its own, not as a header canary taking the rule name', (name) => {
    // GIVEN
    const chart = newChart();
    const gw = new ApiGateway(chart, 'edge', { controller: gatewayApiController(name) });
    gw.addRoute('beta', { match: { headers: [HeaderMatch.exact('x-beta', 'on')] }, backend: Backend.service('beta', 80) });
    gw.addRoute('web', { ruleName: 'web', backend: Backend.service('web', 80, { namespace: 'shared' }) });
    // WHEN / THEN
    expect(roundTripProblems(name, gw, synthConformant(chart))).toEqual([]);
  });

  test.each(['gateway-api', 'kong-gateway-api'] as const)('%s: a header canary of a named route is still read back as a canary', (name) => {
    const chart = newChart();
    const gw = new ApiGateway(chart, 'edge', { controller: gatewayApiController(name) });
    const stable = gw.addRoute('web', { ruleName: 'web', backend: Backend.service('web', 80) });
    gw.addCanary('v2', { stable, canary: Backend.service('web-v2', 80), traffic: CanaryTraffic.header('x-canary', 'always') });
    expect(roundTripProblems(name, gw, synthConformant(chart))).toEqual([]);
  });
});
