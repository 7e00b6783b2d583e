import { Duration } from 'cdk8s';
import {
  ApiGateway, Backend, BackendProtocol, BodySize, ConcurrencyLimit, Controller, Cors, DistributedRateLimit, EdgeAuth, GatewayParentKind, HeaderMatch,
  HttpMethod, IpAccess, PathMatch, RateLimit, RateLimitPeriod, Redirect, Retries, RetryOn, SessionAffinity, TlsCertificate,
} from '../../src';
import { gepDuration } from '../../src/controllers/gateway-api/features/duration';
import { newChart, synthConformant, synthError } from '../util';

const portable = (o: { experimentalChannel?: boolean; httpPort?: number } = {}) => Controller.gatewayApi({ gatewayClassName: 'example', ...o });
const jwt = (issuer = 'https://issuer.example.com', audiences?: string[]) => EdgeAuth.jwt({ issuer, jwksUri: `${issuer}/jwks`, audiences });
const find = (objects: any[], kind: string, name: string) => objects.find(o => o.kind === kind && o.metadata.name === name);

describe('Gateway API core', () => {
  test('GEP-2257 durations are canonical', () => {
    expect(gepDuration(5_400_000)).toBe('1h30m');
    expect(gepDuration(500)).toBe('500ms');
    expect(gepDuration(1500)).toBe('1s500ms');
    expect(gepDuration(100_000 * 3_600_000)).toBeUndefined();
  });

  test('Redirect.toHttps() with a backend: the redirect only on the HTTP listener, the backend only on HTTPS', () => {
    const chart = newChart();
    const gw = new ApiGateway(chart, 'gw', { controller: portable() });
    gw.addRoute('r', { hosts: ['a.example.com'], backend: Backend.service('svc', 80), redirect: Redirect.toHttps(), cors: Cors.allow({ origins: ['https://web.example.com'] }) });
    gw.addTlsHost('tls', { hosts: ['a.example.com'], certificate: TlsCertificate.fromSecret('a') });
    const objects = synthConformant(chart);
    const served = find(objects, 'HTTPRoute', 'gw-r');
    const redirect = find(objects, 'HTTPRoute', 'gw-r-redirect');
    expect(served.spec.parentRefs).toEqual([{ name: 'gw', sectionName: 'https-a-example-com' }]);
    expect(served.spec.rules[0].filters.map((f: any) => f.type)).toEqual(['CORS']);
    expect(redirect.spec.parentRefs).toEqual([{ name: 'gw', sectionName: 'http' }]);
    expect(redirect.spec.rules).toEqual([{ filters: [{ type: 'RequestRedirect', requestRedirect: { scheme: 'https', statusCode: 308 } }] }]);
  });

  test('a scheme-only redirect on an attached Gateway needs a named listener and no backend', () => {
    const chart = newChart();
    const gw = new ApiGateway(chart, 'gw', { controller: Controller.gatewayApi({ attachTo: { name: 'shared' } }) });
    gw.addRoute('r', { backend: Backend.service('svc', 80), redirect: Redirect.toHttps() });
    expect(synthError(chart)).toContain('the listeners of an attached Gateway are unknown here');
  });

  test('a redirect without scheme or port is refused when the listeners use other ports', () => {
    const chart = newChart();
    new ApiGateway(chart, 'gw', { controller: portable({ httpPort: 8080 }) }).addRoute('r', { redirect: Redirect.to({ host: 'b.example.com' }) });
    expect(synthError(chart)).toContain("Redirect to another host (redirect.host) is not supported by controller 'gateway-api': without a scheme or port");
  });

  test('gRPC: method matches on a GRPCRoute, grants from GRPCRoute, unmappable paths refused', () => {
    const chart = newChart();
    const gw = new ApiGateway(chart, 'gw', { controller: portable() });
    gw.addRoute('g', {
      matches: [{ path: PathMatch.exact('/pkg.v1.Svc/Get') }, { path: PathMatch.prefix('/pkg.v1.Other'), headers: [HeaderMatch.exact('x-t', 'a')] }],
      backend: Backend.service('g', 80, { namespace: 'other' }),
      backendProtocol: BackendProtocol.GRPC,
    });
    const objects = synthConformant(chart);
    expect(find(objects, 'GRPCRoute', 'gw-g').spec.rules[0].matches).toEqual([
      { method: { service: 'pkg.v1.Svc', method: 'Get' } },
      { method: { service: 'pkg.v1.Other' }, headers: [{ name: 'x-t', value: 'a' }] },
    ]);
    expect(find(objects, 'ReferenceGrant', 'gw-g-from-edge').spec.from[0].kind).toBe('GRPCRoute');

    const bad = newChart();
    new ApiGateway(bad, 'gw', { controller: portable() }).addRoute('g', {
      match: { path: PathMatch.prefix('/a/b') }, backend: Backend.service('g', 80), backendProtocol: BackendProtocol.GRPC, cors: Cors.allow({ origins: ['https://a.example.com'] }),
    });
    const error = synthError(bad);
    expect(error).toContain("gRPC backend (match) is not supported by controller 'gateway-api': a GRPCRoute matches a service");
    expect(error).toContain('a gRPC route renders as a GRPCRoute, which has no CORS filter');
  });

  test('experimental retry and session persistence render exactly, or are refused', () => {
    const chart = newChart();
    new ApiGateway(chart, 'gw', { controller: portable({ experimentalChannel: true }) }).addRoute('r', {
      backend: Backend.service('svc', 80),
      match: { method: HttpMethod.GET },
      retries: Retries.of({ attempts: 3, on: [RetryOn.GATEWAY_ERROR], statusCodes: [500], backoff: Duration.millis(250) }),
      sessionAffinity: SessionAffinity.cookie({ name: 's', ttl: Duration.hours(2) }),
    });
    const rule = find(synthConformant(chart, { gatewayApiChannel: 'experimental' }), 'HTTPRoute', 'gw-r').spec.rules[0];
    expect(rule.retry).toEqual({ attempts: 3, codes: [500, 502, 503, 504], backoff: '250ms' });
    expect(rule.sessionPersistence).toEqual({ sessionName: 's', type: 'Cookie', absoluteTimeout: '2h', cookieConfig: { lifetimeType: 'Permanent' } });

    const bad = newChart();
    const gw = new ApiGateway(bad, 'gw', { controller: portable({ experimentalChannel: true }) });
    gw.addRoute('a', { hosts: ['a.example.com'], backend: Backend.service('svc', 80), retries: Retries.of({ attempts: 1, on: [RetryOn.RESET] }) });
    gw.addRoute('b', { hosts: ['b.example.com'], backend: Backend.service('svc', 80), retries: Retries.of({ attempts: 1, statusCodes: [418] }) });
    gw.addRoute('c', { hosts: ['c.example.com'], backend: Backend.service('svc', 80), sessionAffinity: SessionAffinity.cookie({ name: 's', path: '/c' }) });
    gw.addRoute('d', { hosts: ['d.example.com'], backend: Backend.service('svc', 80), retries: Retries.of({ attempts: 1, statusCodes: [503] }) });
    const error = synthError(bad);
    expect(error).toContain('[test/gw/d] Retry on status codes (retries.statusCodes) is not supported by controller \'gateway-api\': Gateway API leaves retrying POST and PATCH once the backend may have received them to the implementation; match only idempotent methods (GET, HEAD, PUT, DELETE, OPTIONS).');
    expect(error).toContain('[test/gw/a] Retries (retries.on) is not supported by controller \'gateway-api\': Gateway API leaves retrying after a connection reset');
    expect(error).toContain('[test/gw/b] Retry on status codes (retries.statusCodes) is not supported by controller \'gateway-api\': Gateway API guarantees retries only on 500, 502, 503 and 504; 418 is optional');
    expect(error).toContain('[test/gw/c] Cookie session affinity (sessionAffinity) is not supported by controller \'gateway-api\': Gateway API derives the cookie path');
  });
});

describe('Envoy Gateway policies', () => {
  test('one BackendTrafficPolicy and SecurityPolicy per route, targeting only what serves it', () => {
    const chart = newChart();
    const gw = new ApiGateway(chart, 'gw', { controller: Controller.envoyGateway() });
    gw.addRoute('a', {
      hosts: ['a.example.com'],
      backend: Backend.service('a', 80),
      redirect: Redirect.toHttps(),
      auth: EdgeAuth.external({ url: 'http://auth.auth.svc.cluster.local:8080/verify', responseHeaders: ['X-User-ID'] }),
      rateLimit: RateLimit.perClientIp({ requests: 5, distributed: DistributedRateLimit.controllerStore() }),
      bodySize: BodySize.kibibytes(1536),
    });
    gw.addRoute('b', { hosts: ['b.example.com'], backend: Backend.service('b', 80), auth: EdgeAuth.external({ url: 'https://auth.example.com' }), ipAccess: IpAccess.allow(['10.0.0.0/8']) });
    gw.addTlsHost('t', { hosts: ['a.example.com'], certificate: TlsCertificate.fromSecret('x') });
    const objects = synthConformant(chart);
    const btp = find(objects, 'BackendTrafficPolicy', 'gw-a').spec;
    expect(btp.targetRefs).toEqual([{ group: 'gateway.networking.k8s.io', kind: 'HTTPRoute', name: 'gw-a' }]);
    expect(btp.rateLimit.global.rules.map((r: any) => [r.clientSelectors[0].sourceCIDR.value, r.shared])).toEqual([['0.0.0.0/0', true], ['::/0', true]]);
    expect(btp.requestBuffer).toEqual({ limit: '1536Ki' });
    expect(find(objects, 'SecurityPolicy', 'gw-a').spec.extAuth).toEqual({
      http: { backendRefs: [{ name: 'auth', namespace: 'auth', port: 8080 }], pathOverride: '/verify', headersToBackend: ['X-User-ID'] },
    });
    expect(find(objects, 'ReferenceGrant', 'gw-a-ext-auth-from-edge').spec.from).toEqual([{ group: 'gateway.envoyproxy.io', kind: 'SecurityPolicy', namespace: 'edge' }]);
    expect(find(objects, 'Backend', 'gw-b-ext-auth').spec).toEqual({ endpoints: [{ fqdn: { hostname: 'auth.example.com', port: 443 } }], tls: { sni: 'auth.example.com', wellKnownCACertificates: 'System' } });
    expect(find(objects, 'SecurityPolicy', 'gw-b').spec.authorization).toEqual({ defaultAction: 'Deny', rules: [{ action: 'Allow', principal: { clientCIDRs: ['10.0.0.0/8'] } }] });
  });

  test('local rate limits: a Distinct bucket per header value or per address family, per minute, not shared', () => {
    const chart = newChart();
    const gw = new ApiGateway(chart, 'gw', { controller: Controller.envoyGateway() });
    gw.addRoute('h', { hosts: ['h.example.com'], backend: Backend.service('h', 80), rateLimit: RateLimit.perHeader('X-Tenant', { requests: 30, period: RateLimitPeriod.MINUTE }) });
    gw.addRoute('i', { hosts: ['i.example.com'], backend: Backend.service('i', 80), rateLimit: RateLimit.perClientIp({ requests: 4 }) });
    const objects = synthConformant(chart);
    expect(find(objects, 'BackendTrafficPolicy', 'gw-h').spec.rateLimit).toStrictEqual({
      local: { rules: [{ clientSelectors: [{ headers: [{ name: 'x-tenant', type: 'Distinct' }] }], limit: { requests: 30, unit: 'Minute' } }] },
    });
    expect(find(objects, 'BackendTrafficPolicy', 'gw-i').spec.rateLimit).toStrictEqual({
      local: {
        rules: [
          { clientSelectors: [{ sourceCIDR: { type: 'Distinct', value: '0.0.0.0/0' } }], limit: { requests: 4, unit: 'Second' } },
          { clientSelectors: [{ sourceCIDR: { type: 'Distinct', value: '::/0' } }], limit: { requests: 4, unit: 'Second' } },
        ],
      },
    });
  });

  test('a rate limit above what Envoy Gateway counts is refused; its largest count is rendered', () => {
    const render = (requests: number) => {
      const chart = newChart();
      new ApiGateway(chart, 'gw', { controller: Controller.envoyGateway() }).addRoute('r', { backend: Backend.service('r', 80), rateLimit: RateLimit.perClientIp({ requests }) });
      return chart;
    };
    expect(synthError(render(4_294_967_296))).toContain(
      "[test/gw/r] Rate limit per client IP (rateLimit.requests) is not supported by controller 'envoy-gateway': Envoy Gateway counts at most 4294967295 requests per period");
    expect(find(synthConformant(render(4_294_967_295)), 'BackendTrafficPolicy', 'gw-r').spec.rateLimit.local.rules[0].limit).toStrictEqual({ requests: 4_294_967_295, unit: 'Second' });
  });

  test('retries on status classes use explicit codes; cookie attributes follow the intent', () => {
    const chart = newChart();
    new ApiGateway(chart, 'gw', { controller: Controller.envoyGateway() }).addRoute('r', {
      backend: Backend.service('r', 80),
      retries: Retries.of({
        attempts: 1,
        on: [RetryOn.GATEWAY_ERROR, RetryOn.CONNECT_FAILURE],
        perTryTimeout: Duration.millis(250),
        backoff: Duration.millis(50),
        maxBackoff: Duration.seconds(2),
        nonIdempotent: true,
      }),
      sessionAffinity: SessionAffinity.cookie({ name: 's' }),
    });
    const spec = find(synthConformant(chart), 'BackendTrafficPolicy', 'gw-r').spec;
    expect(spec.retry).toEqual({
      numRetries: 1,
      perRetry: { timeout: '250ms', backOff: { baseInterval: '50ms', maxInterval: '2s' } },
      retryOn: { triggers: ['connect-failure', 'retriable-status-codes'], httpStatusCodes: [502, 503, 504] },
    });
    expect(spec.loadBalancer.consistentHash.cookie).toEqual({ name: 's', ttl: '0s', attributes: { Secure: '' } });
  });

  test('what Envoy Gateway cannot express exactly is refused', () => {
    const chart = newChart();
    const gw = new ApiGateway(chart, 'gw', { controller: Controller.envoyGateway() });
    gw.addRoute('a', { hosts: ['a.example.com'], backend: Backend.service('a', 80), bodySize: BodySize.mebibytes(1), backendProtocol: BackendProtocol.WEBSOCKET });
    gw.addRoute('b', { hosts: ['b.example.com'], backend: Backend.service('b', 80), auth: EdgeAuth.jwt({ issuer: 'https://i.example.com', jwksUri: 'http://keys.auth.svc.cluster.local/jwks' }) });
    gw.addRoute('c', { hosts: ['c.example.com'], backend: Backend.service('c', 80), sessionAffinity: SessionAffinity.cookie({ name: 's', httpOnly: false }) });
    gw.addRoute('d', { hosts: ['d.example.com'], backend: Backend.service('d', 80), retries: Retries.of({ attempts: 1, on: [RetryOn.RESET] }) });
    // Only idempotent methods reach route e: its retries need no opt-in.
    gw.addRoute('e', { hosts: ['e.example.com'], match: { method: HttpMethod.PUT }, backend: Backend.service('e', 80), retries: Retries.of({ attempts: 1, statusCodes: [503] }) });
    const error = synthError(chart);
    expect(error).toContain('[test/gw/d] Retries (retries.on) is not supported by controller \'envoy-gateway\': Envoy retries POST and PATCH like any other method once the backend may have received them; '
      + 'set nonIdempotent: true if repeating them is safe, or match only idempotent methods (GET, HEAD, PUT, DELETE, OPTIONS).');
    expect(error).not.toContain('[test/gw/e]');
    expect(error).toContain('[test/gw/a] Request body size limit (bodySize) is not supported by controller \'envoy-gateway\': Envoy Gateway enforces it by buffering the whole request (requestBuffer), which disables WebSocket upgrades');
    expect(error).toContain('[test/gw/b] JWT validation (auth.jwksUri) is not supported by controller \'envoy-gateway\': Envoy Gateway fetches a remote JWKS over HTTPS only');
    expect(error).toContain('[test/gw/c] Cookie session affinity (sessionAffinity) is not supported by controller \'envoy-gateway\': Envoy always marks the cookie it generates HttpOnly');
  });

  test('a body size limit with a gRPC backend, a per-route concurrency limit over several rules: exact refusals', () => {
    const chart = newChart();
    const gw = new ApiGateway(chart, 'gw', { controller: Controller.envoyGateway() });
    gw.addRoute('g', { hosts: ['g.example.com'], backend: Backend.service('g', 80), bodySize: BodySize.mebibytes(1), backendProtocol: BackendProtocol.GRPC });
    // 17 hostnames: more than the 16 one HTTPRoute holds, so two HTTPRoutes (two rules) share the limit
    gw.addRoute('many', {
      hosts: Array.from({ length: 17 }, (_, i) => `h${i}.example.com`),
      backend: Backend.service('m', 80),
      concurrencyLimit: ConcurrencyLimit.perRoute({ maxRequests: 10 }),
    });
    expect(synthError(chart)?.split('\n').slice(1).map(l => l.trim())).toEqual([
      "[test/gw/g] Request body size limit (bodySize) is not supported by controller 'envoy-gateway': Envoy Gateway enforces it by buffering the whole "
      + 'request (requestBuffer), which breaks streaming gRPC calls. Supported by: Controller.ingressNginx(), Controller.traefik(), '
      + 'Controller.traefik({ output: TraefikOutput.INGRESS }), Controller.kong(), Controller.kong({ mode: KongMode.GATEWAY_API }).',
      "[test/gw/many] Requests in progress per route (concurrencyLimit) is not supported by controller 'envoy-gateway': Envoy Gateway counts "
      + 'circuit-breaker requests per backend of each route rule, and the route is rendered as 2 rules (more hosts or matches than one HTTPRoute rule '
      + 'holds), so the limit would apply to each separately; give the route one backend and rule. Supported by: none.',
    ]);
  });

  test('a cookie that is not Secure has no attributes; an auth URL port outside 1-65535 is refused', () => {
    const chart = newChart();
    new ApiGateway(chart, 'gw', { controller: Controller.envoyGateway() }).addRoute('r', {
      backend: Backend.service('r', 80), sessionAffinity: SessionAffinity.cookie({ name: 's', secure: false }),
    });
    expect(find(synthConformant(chart), 'BackendTrafficPolicy', 'gw-r').spec.loadBalancer.consistentHash.cookie).toEqual({ name: 's', ttl: '0s' });

    const bad = newChart();
    const gw = new ApiGateway(bad, 'gw', { controller: Controller.envoyGateway() });
    gw.addRoute('a', { hosts: ['a.example.com'], backend: Backend.service('a', 80), auth: EdgeAuth.external({ url: 'https://auth.example.com:70000/check' }) });
    gw.addRoute('b', { hosts: ['b.example.com'], backend: Backend.service('b', 80), auth: EdgeAuth.external({ url: 'http://auth.security.svc:0/check' }) });
    // the bounds are valid ports
    gw.addRoute('c', { hosts: ['c.example.com'], backend: Backend.service('c', 80), auth: EdgeAuth.external({ url: 'https://auth.example.com:65535/check' }) });
    gw.addRoute('d', { hosts: ['d.example.com'], backend: Backend.service('d', 80), auth: EdgeAuth.external({ url: 'http://auth.security.svc:1/check' }) });
    const elsewhere = ' Supported by: Controller.ingressNginx(), Controller.traefik(), Controller.traefik({ output: TraefikOutput.INGRESS }).';
    expect(synthError(bad)?.split('\n').slice(1).map(l => l.trim())).toEqual([
      `[test/gw/a] External authentication (auth.url) is not supported by controller 'envoy-gateway': port 70000 is not a valid port.${elsewhere}`,
      `[test/gw/b] External authentication (auth.url) is not supported by controller 'envoy-gateway': port 0 is not a valid port.${elsewhere}`,
    ]);
  });

  test('a JWT without audiences or claim headers has neither field (no empty list); an HTTPS auth URL without a path is called at /', () => {
    const chart = newChart();
    new ApiGateway(chart, 'gw', { controller: Controller.envoyGateway() }).addRoute('r', {
      backend: Backend.service('r', 80), auth: EdgeAuth.jwt({ issuer: 'https://i.example.com', jwksUri: 'https://i.example.com/jwks' }),
    });
    expect(find(synthConformant(chart), 'SecurityPolicy', 'gw-r').spec.jwt).toEqual({
      providers: [{ name: 'jwt', issuer: 'https://i.example.com', remoteJWKS: { uri: 'https://i.example.com/jwks' } }],
    });

    // Envoy Gateway's limit of 8 audiences is accepted exactly
    const eight = newChart();
    const audiences = Array.from({ length: 8 }, (_, i) => `aud-${i}`);
    new ApiGateway(eight, 'gw', { controller: Controller.envoyGateway() }).addRoute('r', {
      backend: Backend.service('r', 80), auth: EdgeAuth.jwt({ issuer: 'https://i.example.com', jwksUri: 'https://i.example.com/jwks', audiences }),
    });
    expect(find(synthConformant(eight), 'SecurityPolicy', 'gw-r').spec.jwt.providers[0].audiences).toEqual(audiences);

    const https = newChart();
    new ApiGateway(https, 'gw', { controller: Controller.envoyGateway() }).addRoute('r', {
      backend: Backend.service('r', 80), auth: EdgeAuth.external({ url: 'https://auth.example.com' }),
    });
    expect(find(synthConformant(https), 'SecurityPolicy', 'gw-r').spec.extAuth.http).toEqual({
      backendRefs: [{ group: 'gateway.envoyproxy.io', kind: 'Backend', name: 'gw-r-ext-auth' }],
      pathOverride: '/',
    });
  });

  test('5xx retries list every code from 500 to 599, reset is a trigger; an in-cluster auth URL without a path is called at /', () => {
    const chart = newChart();
    new ApiGateway(chart, 'gw', { controller: Controller.envoyGateway() }).addRoute('r', {
      hosts: ['a.example.com'],
      match: { method: HttpMethod.GET },
      backend: Backend.service('r', 80),
      retries: Retries.of({ attempts: 2, on: [RetryOn.SERVER_ERROR] }),
      auth: EdgeAuth.external({ url: 'http://auth.security.svc.cluster.local' }),
    });
    const objects = synthConformant(chart);
    expect(find(objects, 'BackendTrafficPolicy', 'gw-r').spec.retry).toEqual({
      numRetries: 2,
      retryOn: { triggers: ['retriable-status-codes'], httpStatusCodes: Array.from({ length: 100 }, (_, i) => 500 + i) },
    });
    expect(find(objects, 'SecurityPolicy', 'gw-r').spec.extAuth.http).toEqual({
      backendRefs: [{ name: 'auth', namespace: 'security', port: 80 }],
      pathOverride: '/',
    });

    // an auth Service in the route's namespace: no namespace on the reference
    const local = newChart();
    new ApiGateway(local, 'gw', { controller: Controller.envoyGateway() }).addRoute('r', {
      backend: Backend.service('r', 80), auth: EdgeAuth.external({ url: 'http://auth.edge.svc:8080/check' }),
    });
    const localObjects = synthConformant(local);
    expect(find(localObjects, 'SecurityPolicy', 'gw-r').spec.extAuth.http).toEqual({ backendRefs: [{ name: 'auth', port: 8080 }], pathOverride: '/check' });
    // and needs no ReferenceGrant (the other namespace's Service above gets one)
    expect(localObjects.filter(o => o.kind === 'ReferenceGrant')).toEqual([]);
    expect(objects.filter(o => o.kind === 'ReferenceGrant').map(o => `${o.metadata.namespace}/${o.metadata.name}`)).toEqual(['security/gw-r-ext-auth-from-edge']);

    const reset = newChart();
    new ApiGateway(reset, 'gw', { controller: Controller.envoyGateway() }).addRoute('r', {
      match: { method: HttpMethod.GET }, backend: Backend.service('r', 80), retries: Retries.of({ attempts: 1, on: [RetryOn.RESET] }),
    });
    expect(find(synthConformant(reset), 'BackendTrafficPolicy', 'gw-r').spec.retry).toEqual({ numRetries: 1, retryOn: { triggers: ['reset'] } });

    // triggers and codes sorted, whatever order they are asked in
    const mixed = newChart();
    new ApiGateway(mixed, 'gw', { controller: Controller.envoyGateway() }).addRoute('r', {
      match: { method: HttpMethod.GET },
      backend: Backend.service('r', 80),
      retries: Retries.of({ attempts: 1, on: [RetryOn.RESET, RetryOn.CONNECT_FAILURE, RetryOn.GATEWAY_ERROR], statusCodes: [599, 501] }),
    });
    expect(find(synthConformant(mixed), 'BackendTrafficPolicy', 'gw-r').spec.retry).toEqual({
      numRetries: 1,
      retryOn: { triggers: ['connect-failure', 'reset', 'retriable-status-codes'], httpStatusCodes: [501, 502, 503, 504, 599] },
    });
  });
});

describe('Istio policies', () => {
  test('DENY policies on the Gateway, scoped to the route and minus what more specific routes take', () => {
    const chart = newChart();
    const gw = new ApiGateway(chart, 'gw', { controller: Controller.istio() });
    gw.addRoute('site', { matches: [{ path: PathMatch.prefix('/app') }, { path: PathMatch.exact('/login'), method: HttpMethod.POST }], backend: Backend.service('site', 80), auth: jwt() });
    gw.addRoute('public', { match: { path: PathMatch.prefix('/app/public') }, backend: Backend.service('pub', 80) });
    gw.addRoute('other', { hosts: ['x.example.com'], backend: Backend.service('x', 80) });
    gw.addRoute('team', { hosts: ['y.example.com'], namespace: 'team', backend: Backend.service('y', 80), ipAccess: IpAccess.allow(['10.0.0.0/8']) });
    const objects = synthConformant(chart);
    const site = find(objects, 'AuthorizationPolicy', 'gw-site-authz').spec;
    expect(site.action).toBe('DENY');
    expect(site.targetRefs).toEqual([{ group: 'gateway.networking.k8s.io', kind: 'Gateway', name: 'gw' }]);
    expect(site.rules).toEqual([{
      from: [{ source: { notRequestPrincipals: ['https://issuer.example.com/*'] } }],
      to: [
        { operation: { notHosts: ['x.example.com', 'x.example.com:*', 'y.example.com', 'y.example.com:*'], paths: ['/app', '/app/*'], notPaths: ['/app/public', '/app/public/*'] } },
        { operation: { notHosts: ['x.example.com', 'x.example.com:*', 'y.example.com', 'y.example.com:*'], methods: ['POST'], paths: ['/login'] } },
      ],
    }]);
    expect(find(objects, 'RequestAuthentication', 'gw-site-jwt').spec.jwtRules).toEqual([{ issuer: 'https://issuer.example.com', jwksUri: 'https://issuer.example.com/jwks' }]);
    const team = find(objects, 'AuthorizationPolicy', 'team-gw-team-authz');
    expect(team.metadata.namespace).toBe('edge');
    expect(team.spec.rules).toEqual([{ from: [{ source: { notRemoteIpBlocks: ['10.0.0.0/8'] } }], to: [{ operation: { hosts: ['y.example.com', 'y.example.com:*'] } }] }]);
  });

  test('what a Gateway-wide policy cannot scope exactly is refused', () => {
    const chart = newChart();
    const gw = new ApiGateway(chart, 'gw', { controller: Controller.istio() });
    gw.addRoute('a', { hosts: ['a.example.com'], match: { path: PathMatch.prefix('/a') }, backend: Backend.service('a', 80), ipAccess: IpAccess.deny(['192.0.2.1']) });
    gw.addRoute('b', { hosts: ['a.example.com'], match: { path: PathMatch.prefix('/a/b'), method: HttpMethod.GET }, backend: Backend.service('b', 80) });
    gw.addRoute('w', { hosts: ['*.w.example.com'], backend: Backend.service('w', 80), auth: jwt() });
    gw.addRoute('h', { hosts: ['h.example.com'], match: { headers: [HeaderMatch.exact('x-t', 'a')] }, backend: Backend.service('h', 80), ipAccess: IpAccess.allow(['10.0.0.0/8']) });
    gw.addRoute('j', { hosts: ['j.example.com'], backend: Backend.service('j', 80), auth: jwt('https://issuer.example.com', ['other']) });
    const error = synthError(chart);
    expect(error).toContain("[test/gw/a] IP deny list (ipAccess) is not supported by controller 'istio': Istio attaches it to the whole Gateway and limits it to this route's requests by host, path and method; route [test/gw/b] (Prefix '/a/b' GET) takes some of the requests");
    expect(error).toContain("[test/gw/w] JWT validation (auth) is not supported by controller 'istio': Istio attaches it to the whole Gateway and limits it to this route's requests by host, path and method; Istio cannot match a wildcard host together with a port");
    expect(error).toContain('[test/gw/h] IP allow list (ipAccess) is not supported by controller \'istio\'');
    expect(error).toContain("[test/gw/j] JWT validation (auth) is not supported by controller 'istio': Istio applies every RequestAuthentication of a Gateway to all its routes, and [test/gw/w] configures the issuer");
  });

  test('JWT with CORS is refused (preflights carry no token)', () => {
    const chart = newChart();
    new ApiGateway(chart, 'gw', { controller: Controller.istio() })
      .addRoute('r', { hosts: ['a.example.com'], backend: Backend.service('a', 80), auth: jwt(), cors: Cors.allow({ origins: ['https://web.example.com'] }) });
    expect(synthError(chart)).toContain('a preflight carries no token');
  });

  test('a ListenerSet parent cannot carry Istio policies', () => {
    const chart = newChart();
    new ApiGateway(chart, 'gw', { controller: Controller.istio({ attachTo: { name: 'ls', kind: GatewayParentKind.LISTENER_SET } }) })
      .addRoute('r', { hosts: ['a.example.com'], backend: Backend.service('a', 80), auth: jwt() });
    expect(synthError(chart)).toContain("Istio policies attach to a Gateway, and this ApiGateway attaches to the ListenerSet 'ls'");
  });
});
