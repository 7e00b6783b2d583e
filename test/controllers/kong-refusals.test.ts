import {
  ApiGateway, Backend, BackendProtocol, CanaryTraffic, Controller, HeaderMatch, HeaderRules, KongMode, PathMatch, Redirect, RouteOptions,
  EdgeAuth, Hsts, TlsCertificate,
} from '../../src';
import { newChart, synthError } from '../util';

/** The synth error of one Kong gateway with one route `r` on r.example.com, as its message lines. */
function errorsOf(mode: KongMode, options: RouteOptions): string[] | undefined {
  const chart = newChart();
  new ApiGateway(chart, 'gw', { controller: Controller.kong({ mode }) })
    .addRoute('r', { hosts: ['r.example.com'], backend: Backend.service('svc', 80), ...options });
  return synthError(chart)?.split('\n').slice(1).map(l => l.trim());
}

const HEADER_MATCH = "[test/gw/r] Header match (match.headers[0]) is not supported by controller 'kong': ";
const HEADER_MATCH_ELSEWHERE = ' Supported by: Controller.traefik(), Controller.kong({ mode: KongMode.GATEWAY_API }), Controller.gatewayApi(), '
  + 'Controller.envoyGateway(), Controller.istio().';

describe('Kong: exact refusals', () => {
  test('header matches that cannot be a konghq.com/headers.<name> annotation (Kong Ingress)', () => {
    const long = `x-${'a'.repeat(54)}`;
    expect(errorsOf(KongMode.INGRESS, { match: { headers: [HeaderMatch.exact(long, 'v')] } })).toEqual([
      `${HEADER_MATCH}header '${long}' cannot form a valid konghq.com/headers.<name> annotation key (letters, digits, '-', '_' and '.', at most 55 characters).`
      + HEADER_MATCH_ELSEWHERE,
    ]);
    expect(errorsOf(KongMode.INGRESS, { match: { headers: [HeaderMatch.exact('x-tenant', 'a,b')] } })).toEqual([
      `${HEADER_MATCH}Kong splits header values at ',' into alternatives, so 'a,b' would match differently.${HEADER_MATCH_ELSEWHERE}`,
    ]);
    expect(errorsOf(KongMode.INGRESS, { match: { headers: [HeaderMatch.exact('x-tenant', '~*blue')] } })).toEqual([
      `${HEADER_MATCH}Kong reads a value starting with '~*' as a regex ('~*blue' given).${HEADER_MATCH_ELSEWHERE}`,
    ]);
    // The longest name that fits.
    expect(errorsOf(KongMode.INGRESS, { match: { headers: [HeaderMatch.exact(long.slice(1), 'v')] } })).toBeUndefined();
  });

  test('adding a Host request header (Kong can only replace it)', () => {
    expect(errorsOf(KongMode.INGRESS, { headerRules: HeaderRules.of({ request: { add: { host: 'a.example.com' } } }) })).toEqual([
      "[test/gw/r] Append request headers (headerRules.request.add) is not supported by controller 'kong': header 'host': Kong's request-transformer can only "
      + 'replace the Host header; use set. Supported by: Controller.kong({ mode: KongMode.GATEWAY_API }), Controller.gatewayApi(), Controller.envoyGateway(), '
      + 'Controller.istio().',
    ]);
    expect(errorsOf(KongMode.INGRESS, { headerRules: HeaderRules.of({ request: { set: { host: 'a.example.com' } } }) })).toBeUndefined();
  });
});

describe('Kong Ingress: a header canary and a gRPC route, exact refusals', () => {
  test('a canary header value Kong would split, a gRPC route that redirects', () => {
    const chart = newChart();
    const gw = new ApiGateway(chart, 'gw', { controller: Controller.kong() });
    const stable = gw.addRoute('api', { hosts: ['api.example.com'], backend: Backend.service('api-v1', 8080) });
    gw.addCanary('canary', { stable, canary: Backend.service('api-v2', 8080), traffic: CanaryTraffic.header('x-canary', 'a,b') });
    gw.addRoute('g', { hosts: ['g.example.com'], backend: Backend.service('g', 80), backendProtocol: BackendProtocol.GRPC, redirect: Redirect.toHttps() });
    const grpcElsewhere = ' Supported by: Controller.ingressNginx(), Controller.traefik(), Controller.traefik({ output: TraefikOutput.INGRESS }), '
      + 'Controller.kong({ mode: KongMode.GATEWAY_API }), Controller.gatewayApi(), Controller.envoyGateway(), Controller.istio().';
    expect(synthError(chart)?.split('\n').slice(1).map(l => l.trim())).toEqual([
      "[test/gw/canary] Header canary (traffic) is not supported by controller 'kong': Kong splits header values at ',' into alternatives, so 'a,b' "
      + 'would match differently. Supported by: Controller.ingressNginx(), Controller.traefik(), Controller.kong({ mode: KongMode.GATEWAY_API }), '
      + 'Controller.gatewayApi(), Controller.envoyGateway(), Controller.istio().',
      "[test/gw/g] gRPC backend (backendProtocol) is not supported by controller 'kong': a gRPC route is konghq.com/protocols: grpc,grpcs on its "
      + `Ingress, so it cannot also redirect; use KongMode.GATEWAY_API (GRPCRoute).${grpcElsewhere}`,
      "[test/gw/g] gRPC backend (backendProtocol) is not supported by controller 'kong': Kong reads it from the konghq.com/protocol annotation on the "
      + "Service, and Backend.service('g', 80) names the Service only; hand the Service over with Backend.fromService(service) (or "
      + `Backend.fromServicePorts(name, ports) and apply ApiGateway.serviceSettings() to it).${grpcElsewhere}`,
    ]);
  });

  test('a header match in the second of several matches; one route over a redirected host and one served over HTTPS and plain HTTP', () => {
    const chart = newChart();
    const gw = new ApiGateway(chart, 'gw', { controller: Controller.kong() });
    gw.addRoute('r', {
      hosts: ['a.example.com', 'b.example.com'],
      backend: Backend.service('a', 80),
      matches: [{ path: PathMatch.prefix('/x') }, { path: PathMatch.prefix('/y'), headers: [HeaderMatch.exact('x-t', 'a,b')] }],
    });
    gw.addTlsHost('ta', { hosts: ['a.example.com'], certificate: TlsCertificate.fromSecret('a') });
    gw.addTlsHost('tb', { hosts: ['b.example.com'], certificate: TlsCertificate.fromSecret('b'), httpsRedirect: false });
    expect(synthError(chart)?.split('\n').slice(1).map(l => l.trim())).toEqual([
      "[test/gw/r] Header match (matches[1].headers[0]) is not supported by controller 'kong': Kong splits header values at ',' into alternatives, so "
      + `'a,b' would match differently.${HEADER_MATCH_ELSEWHERE}`,
      "[test/gw/r] HTTP to HTTPS redirect (httpsRedirect) is not supported by controller 'kong': konghq.com/protocols applies to a whole Ingress, and this "
      + "route serves 'a.example.com' (the HTTPS redirect) and 'b.example.com' (HTTPS and plain HTTP); put them on separate routes. Supported by: "
      + 'Controller.ingressNginx(), Controller.traefik(), Controller.traefik({ output: TraefikOutput.INGRESS }), Controller.kong({ mode: KongMode.GATEWAY_API }), '
      + 'Controller.gatewayApi(), Controller.envoyGateway(), Controller.istio().',
    ]);
  });

  test('one route over TlsHosts with different HSTS (Kong Ingress); Redirect.toHttps() on a route without hosts (Kong Gateway API)', () => {
    const chart = newChart();
    const gw = new ApiGateway(chart, 'gw', { controller: Controller.kong() });
    gw.addRoute('r', { hosts: ['a.example.com', 'b.example.com'], backend: Backend.service('a', 80) });
    gw.addTlsHost('ta', { hosts: ['a.example.com'], certificate: TlsCertificate.fromSecret('a'), hsts: Hsts.enable() });
    gw.addTlsHost('tb', { hosts: ['b.example.com'], certificate: TlsCertificate.fromSecret('b') });
    expect(synthError(chart)?.split('\n').slice(1).map(l => l.trim())).toEqual([
      "[test/gw/r] HSTS (hsts) is not supported by controller 'kong': plugins apply to a whole Ingress, and this route serves 'a.example.com' "
      + "(max-age=31536000) and 'b.example.com' (no HSTS); put them on separate routes. Supported by: Controller.traefik(), "
      + 'Controller.traefik({ output: TraefikOutput.INGRESS }), Controller.kong({ mode: KongMode.GATEWAY_API }), Controller.gatewayApi(), '
      + 'Controller.envoyGateway(), Controller.istio().',
    ]);
    expect(errorsOf(KongMode.GATEWAY_API, { hosts: [], redirect: Redirect.toHttps() })).toEqual([
      '[test/gw/r] Route.redirect: Redirect.toHttps() serves the backend over HTTPS only, but no TlsHost covers this route (it has no hosts), so the '
      + "Gateway has no HTTPS listener for it; add a TlsHost for the route's hosts",
    ]);
  });

  test('a credential Secret named like the acl Secret emitted for another Secret\'s consumer', () => {
    const chart = newChart();
    const gw = new ApiGateway(chart, 'gw', { controller: Controller.kong() });
    gw.addRoute('a', { hosts: ['a.example.com'], backend: Backend.service('a', 80), auth: EdgeAuth.apiKey({ secretName: 'keys' }) });
    gw.addRoute('b', { hosts: ['b.example.com'], backend: Backend.service('b', 80), auth: EdgeAuth.apiKey({ secretName: 'keys-consumer-acl' }) });
    expect(synthError(chart)?.split('\n').slice(1).map(l => l.trim())).toEqual([
      "[test/gw/b] API key authentication (auth.secretName) is not supported by controller 'kong': 'keys-consumer-acl' is the name of the acl credential "
      + "Secret this library emits for another Secret's consumer; rename the Secret. Supported by: Controller.kong({ mode: KongMode.GATEWAY_API }), "
      + 'Controller.envoyGateway().',
    ]);
  });
});
