import { Duration } from 'cdk8s';
import {
  ApiGateway, Backend, BodySize, Controller, Cors, DistributedRateLimit, EdgeAuth, HeaderRules, IpAccess, PathMatch,
  RateLimit, RateLimitedRoute, Redirect, Retries, Rewrite, SessionAffinity, SameSite, Timeouts,
} from '../../src';
import { newChart, synthError } from '../util';

describe('policy values: each bad input is refused naming the field', () => {
  test.each([
    [() => RateLimit.perClientIp({ requests: 0 }), /RateLimit.perClientIp.requests: 0 must be a whole number of at least 1 \(0 is never "unlimited"/],
    [() => RateLimit.perClientIp({ requests: -5 }), /RateLimit.perClientIp.requests: -5/],
    [() => RateLimit.perClientIp({ requests: 1.5 }), /requests: 1.5 must be a whole number/],
    [() => RateLimit.perClientIp({ requests: 10, burst: 5 }), /RateLimit.perClientIp.burst: 5 is below the rate \(10 per second\)/],
    [() => RateLimit.perClientIp({ requests: 10, concurrentConnections: 0 }), /concurrentConnections: 0/],
    [() => RateLimit.perClientIp({ requests: 10, exemptCidrs: ['10.0.0.0/33'] }), /exemptCidrs\[0\]: '10.0.0.0\/33' has an invalid prefix length/],
    [() => RateLimit.perClientIp({ requests: 10, exemptCidrs: ['10.0.0'] }), /exemptCidrs\[0\]: '10.0.0' is not an IP address or CIDR/],
    [() => RateLimit.perHeader('x key', { requests: 1 }), /RateLimit.perHeader.header: 'x key' is not a valid HTTP header/],
    [() => DistributedRateLimit.redis('redis'), /DistributedRateLimit.redis.endpoint: 'redis' must be host:port/],
    [() => DistributedRateLimit.redis('10.0.0.5:6379', { tls: true }), /DistributedRateLimit.redis.tls: the certificate is verified for the endpoint's host name, and 10.0.0.5:6379 names an IP address/],
    [() => DistributedRateLimit.redis('redis:6379', { tls: 'yes' as any }), /DistributedRateLimit.redis.tls: 'yes' must be true or false/],
    [() => DistributedRateLimit.redis('redis:6379', { database: -1 }), /DistributedRateLimit.redis.database: -1 must be a whole number from 0 to 2147483647/],
    [() => DistributedRateLimit.redis('redis:6379', { database: 1.5 }), /DistributedRateLimit.redis.database: 1.5 must be a whole number/],
    [() => DistributedRateLimit.redis('redis:6379', { database: '2' as any }), /DistributedRateLimit.redis.database: '2' must be a whole number/],
    [() => DistributedRateLimit.redis('redis:6379', { timeout: Duration.seconds(0) }), /DistributedRateLimit.redis.timeout: 0 seconds must be longer than zero/],
    [() => DistributedRateLimit.redis('redis:6379', { timeout: 500 as any }), /DistributedRateLimit.redis.timeout: must be a cdk8s Duration/],
    [() => Timeouts.of({}), /Timeouts.of: set at least one timeout/],
    [() => Timeouts.of({ connect: Duration.millis(0.5) }), /Timeouts.connect: .* is not a whole number of milliseconds/],
    [() => Timeouts.of({ request: Duration.seconds(10), backendRequest: Duration.seconds(30) }), /Timeouts.backendRequest: 30 seconds is longer than the whole request timeout \(10 seconds\)/],
    [() => Timeouts.of({ read: Duration.seconds(0) }), /Timeouts.read: .* must be longer than zero/],
    [() => BodySize.mebibytes(0), /BodySize.mebibytes: 0/],
    [() => Cors.allow({ origins: ['*'], credentials: true }), /Cors.credentials: credentials cannot be allowed for origin '\*'/],
    [() => Cors.allow({ origins: ['*', 'https://a.example.com'] }), /Cors.origins: '\*' cannot be combined with other origins/],
    [() => Cors.allow({ origins: ['https://a.example.com/path'] }), /Cors.origins\[0\]: 'https:\/\/a.example.com\/path' must be scheme:\/\/host\[:port\]/],
    [() => Cors.allow({ origins: [] }), /Cors.origins: at least one origin/],
    [() => Cors.allow({ origins: ['https://a.example.com'], methods: ['FETCH'] }), /Cors.methods\[0\]: 'FETCH' is not an HTTP method/],
    [() => Cors.allow({ origins: ['https://a.example.com'], headers: ['x\r\ny'] }), /Cors.headers\[0\]: [\s\S]* is not a valid HTTP header/],
    [() => HeaderRules.of({ request: { set: { 'x-a': 'v\r\nx-injected: 1' } } }), /HeaderRules.request.set\['x-a'\]: must not contain CR, LF or NUL/],
    [() => HeaderRules.of({ response: { set: { 'bad header': 'v' } } }), /HeaderRules.response.set: 'bad header' is not a valid HTTP header/],
    [() => HeaderRules.of({ request: { set: { 'X-A': '1' }, remove: ['x-a'] } }), /header 'x-a' appears in more than one operation/],
    [() => HeaderRules.of({}), /HeaderRules.of: set request or response operations/],
    [() => Redirect.to({ scheme: 'ftp' }), /Redirect.scheme: 'ftp' must be 'http' or 'https'/],
    [() => Redirect.to({ host: '*.example.com' }), /Redirect.host: '\*.example.com' must not be a wildcard/],
    [() => Redirect.to({ port: 70000 }), /Redirect.port: 70000 must be an integer from 1 to 65535/],
    [() => Redirect.to({ path: 'nope' }), /Redirect.path: 'nope' must start with '\/'/],
    [() => Redirect.to({ host: 'a.example.com', statusCode: 304 as any }), /Redirect.statusCode: 304 is not a redirect status/],
    [() => Redirect.to({}), /Redirect.to: set at least one of/],
    [() => Rewrite.replacePrefix('/a//b'), /Rewrite.replacePrefix: .* must not contain '\/\/'/],
    [() => Rewrite.hostname('Bad.Example.com'), /Rewrite.hostname: .* must be lowercase/],
    [() => IpAccess.allow([]), /IpAccess.allow: at least one address/],
    [() => IpAccess.deny(['300.1.1.1']), /IpAccess.deny\[0\]: '300.1.1.1' is not an IP address or CIDR/],
    [() => IpAccess.allow(['2001:db8::/129']), /invalid prefix length/],
    [() => Retries.of({ attempts: 0 }), /Retries.attempts: 0/],
    [() => Retries.of({ attempts: 11 }), /Retries.attempts: 11 must be a whole number from 1 to 10/],
    [() => Retries.of({ attempts: 1, statusCodes: [200] }), /Retries.statusCodes\[0\]: 200 must be an HTTP status from 400 to 599/],
    [() => SessionAffinity.cookie({ name: 'bad name' }), /SessionAffinity.cookie.name: 'bad name' is not a valid cookie name/],
    [() => SessionAffinity.cookie({ name: 'c', sameSite: SameSite.NONE, secure: false }), /SameSite=None requires secure cookies/],
    [() => EdgeAuth.external({ url: 'http://auth.example.com/verify' }), /EdgeAuth.external.url: 'http:\/\/auth.example.com\/verify' uses plain http to a host outside the cluster/],
    [() => EdgeAuth.external({ url: 'https://auth.example.com/verify?x=$host' }), /EdgeAuth.external.url: .* must be an https URL/],
    [() => EdgeAuth.external({ url: 'https://auth.example.com', signinUrl: 'http://login.example.com' }), /EdgeAuth.external.signinUrl: .* plain http/],
    [() => EdgeAuth.external({ url: 'https://auth.example.com', responseHeaders: ['X User'] }), /EdgeAuth.external.responseHeaders\[0\]: 'X User' is not a valid HTTP header/],
    [() => EdgeAuth.jwt({ issuer: '', jwksUri: 'https://a.example.com/jwks' }), /EdgeAuth.jwt.issuer: must be a non-empty string/],
    [() => EdgeAuth.jwt({ issuer: 'i', jwksUri: 'http://a.example.com/jwks' }), /EdgeAuth.jwt.jwksUri: .* plain http/],
    [() => EdgeAuth.apiKey({ secretName: 'Bad_Secret' }), /EdgeAuth.apiKey.secretName: 'Bad_Secret' is not a valid object name/],
    [() => EdgeAuth.basic({ secretName: 'users', realm: 'a"b' }), /EdgeAuth.basic.realm: must be letters/],
  ])('%#: %p', (make, message) => {
    expect(make).toThrow(message);
  });

  test('valid values normalise deterministically', () => {
    const rl = RateLimit.perClientIp({ requests: 10, exemptCidrs: ['192.168.0.1', '10.0.0.0/8', '10.0.0.0/8'] })._toIR('x');
    expect(rl.exemptCidrs).toEqual(['10.0.0.0/8', '192.168.0.1/32']);
    expect(Cors.allow({ origins: ['https://b.example.com', 'https://a.example.com'], methods: ['post', 'GET'] })._toIR('x'))
      .toMatchObject({ origins: ['https://a.example.com', 'https://b.example.com'], methods: ['GET', 'POST'], credentials: false });
    expect(EdgeAuth.external({ url: 'http://auth.auth.svc.cluster.local:8080/verify' })._toIR('x')).toMatchObject({ kind: 'external' });
  });
});

describe('policies on routes and gateways', () => {
  const gw = (controller = Controller.ingressNginx()) => {
    const chart = newChart();
    return { chart, gw: new ApiGateway(chart, 'edge', { controller }) };
  };

  test('a policy not made by its factory is refused with the construct path', () => {
    const { gw: g } = gw();
    expect(() => g.addRoute('r', { backend: Backend.service('svc', 80), rateLimit: { requests: 10 } as any }))
      .toThrow(/^\[test\/edge\/r\] Route.rateLimit: must be created with RateLimit.perClientIp\(\)/);
    expect(() => g.addRoute('s', { backend: Backend.service('svc', 80), backendProtocol: 'SPDY' as any }))
      .toThrow(/Route.backendProtocol: 'SPDY' is not a BackendProtocol/);
  });

  test('a redirecting route has no backend, except for an HTTPS redirect', () => {
    const { gw: g } = gw();
    expect(() => g.addRoute('a', { backend: Backend.service('svc', 80), redirect: Redirect.to({ host: 'x.example.com' }) }))
      .toThrow(/Route.redirect: a redirecting route has no backend/);
    expect(() => g.addRoute('b', { backend: Backend.service('svc', 80), redirect: Redirect.toHttps() })).not.toThrow();
    expect(() => g.addRoute('c', {})).toThrow(/Route.backend: a backend is required/);
    expect(() => g.addRoute('d', { redirect: Redirect.to({ host: 'x.example.com' }), rewrite: Rewrite.hostname('y.example.com') }))
      .toThrow(/Route.rewrite: a redirecting route forwards nothing/);
  });

  test('replacing a prefix needs exactly one Prefix match', () => {
    const { gw: g } = gw();
    expect(() => g.addRoute('a', { match: { path: PathMatch.exact('/x') }, rewrite: Rewrite.replacePrefix('/y'), backend: Backend.service('svc', 80) }))
      .toThrow(/Route.rewrite: replacing the matched prefix needs exactly one match with a PathMatch.prefix\(\) path/);
    expect(() => g.addRoute('b', { matches: [{ path: PathMatch.prefix('/a') }, { path: PathMatch.prefix('/b') }], redirect: Redirect.to({ replacePrefix: '/c' }) }))
      .toThrow(/Route.redirect: replacing the matched prefix/);
  });

  test('a route policy replaces the gateway default of the same kind; other defaults apply', () => {
    const chart = newChart();
    const g = new ApiGateway(chart, 'edge', {
      controller: Controller.ingressNginx(),
      defaults: { bodySize: BodySize.mebibytes(1), cors: Cors.allow({ origins: ['https://a.example.com'] }) },
    });
    const r = g.addRoute('r', { backend: Backend.service('svc', 80), bodySize: BodySize.mebibytes(8) });
    expect(r._ir.policies.bodySize).toEqual({ source: 'test/edge/r', maxBytes: 8 * 1024 * 1024 });
    expect(r._ir.policies.cors?.source).toBe('test/edge');
  });

  test('redirect and rewrite are refused as gateway defaults', () => {
    expect(() => new ApiGateway(newChart(), 'edge', { controller: Controller.ingressNginx(), defaults: { redirect: Redirect.toHttps() } as any }))
      .toThrow(/ApiGateway.defaults: redirect and rewrite belong to a route/);
  });

  test('an unsupported default is reported once, on the gateway, naming defaults.<prop>', () => {
    const chart = newChart();
    const g = new ApiGateway(chart, 'edge', { controller: Controller.istio(), defaults: { rateLimit: RateLimit.perClientIp({ requests: 10 }) } });
    g.addRoute('a', { backend: Backend.service('a', 80) });
    g.addRoute('b', { backend: Backend.service('b', 80) });
    const error = synthError(chart)!;
    expect(error).toContain("[test/edge] Rate limit per client IP (defaults.rateLimit) is not supported by controller 'istio'");
    expect(error.match(/defaults.rateLimit/g)).toHaveLength(1);
  });

  test('RateLimitedRoute requires its limit', () => {
    const { chart, gw: g } = gw();
    expect(() => new RateLimitedRoute(chart, 'x', { gateway: g, backend: Backend.service('svc', 80) } as any))
      .toThrow(/\[test\/x\] RateLimitedRoute.limit: required/);
    const r = new RateLimitedRoute(chart, 'y', { gateway: g, backend: Backend.service('svc', 80), limit: RateLimit.perClientIp({ requests: 3 }) });
    expect(r._ir.policies.rateLimit?.requests).toBe(3);
  });

  test('experimental-only features name the option that enables them', () => {
    const chart = newChart();
    const g = new ApiGateway(chart, 'edge', { controller: Controller.gatewayApi({ gatewayClassName: 'gc' }) });
    g.addRoute('r', { backend: Backend.service('svc', 80), retries: Retries.of({ attempts: 2 }) });
    expect(synthError(chart)).toMatch(/Retries \(retries\) is not supported by controller 'gateway-api': it is in the Gateway API experimental channel only; enable it with `experimentalChannel: true`.* Supported by: .*Controller\.envoyGateway\(\), Controller\.istio\(\{ experimentalChannel: true \}\)\.$/m);
  });
});
