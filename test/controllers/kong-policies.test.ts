import { Duration } from 'cdk8s';
import {
  ApiGateway, Backend, BodySize, Controller, Cors, DistributedRateLimit, EdgeAuth, HeaderRules, Hsts, HttpMethod, KongMode, PathMatch,
  RateLimit, RateLimitPeriod, Redirect, RedirectStatus, Rewrite, RouteOptions, TlsCertificate,
} from '../../src';
import { kongOrigin } from '../../src/controllers/kong/features/cors';
import { newChart, synthConformant, synthError } from '../util';

const MODES = [['kong', KongMode.INGRESS], ['kong-gateway-api', KongMode.GATEWAY_API]] as const;

function render(mode: KongMode, routes: Record<string, RouteOptions>, defaults?: ConstructorParameters<typeof ApiGateway>[2]['defaults']) {
  const chart = newChart();
  const gw = new ApiGateway(chart, 'gw', { controller: Controller.kong({ mode }), defaults });
  for (const [id, options] of Object.entries(routes)) gw.addRoute(id, { hosts: [`${id}.example.com`], backend: Backend.service('svc', 80), ...options });
  return chart;
}

const byKind = (objects: any[], kind: string) => objects.filter(o => o.kind === kind);
const plugin = (objects: any[], name: string) => objects.find(o => o.kind === 'KongPlugin' && o.metadata.name === name);

describe('Kong plugins', () => {
  test('body size: the largest power-of-two unit that divides the limit exactly', () => {
    for (const [size, expected] of [
      [BodySize.mebibytes(50), { allowed_payload_size: 50, size_unit: 'megabytes' }],
      [BodySize.kibibytes(1536), { allowed_payload_size: 1536, size_unit: 'kilobytes' }],
      [BodySize.bytes(1000), { allowed_payload_size: 1000, size_unit: 'bytes' }],
    ] as const) {
      const objects = synthConformant(render(KongMode.INGRESS, { r: { bodySize: size } }));
      expect(plugin(objects, 'gw-r-request-size-limiting').config).toEqual(expected);
    }
  });

  test('CORS origins: literal origins stay literal (default port dropped), wildcards become anchored escaped regexes', () => {
    expect(kongOrigin('https://web.example.com')).toBe('https://web.example.com');
    expect(kongOrigin('https://web.example.com:443')).toBe('https://web.example.com');
    expect(kongOrigin('http://web.example.com:80')).toBe('http://web.example.com');
    expect(kongOrigin('http://web.example.com:8080')).toBe('http://web.example.com:8080');
    expect(kongOrigin('https://**.apps.example.com')).toBe('^https://([a-z0-9-]+\\.)+apps\\.example\\.com$');
    expect(kongOrigin('https://**.apps.example.com:8443')).toBe('^https://([a-z0-9-]+\\.)+apps\\.example\\.com:8443$');
    expect(kongOrigin('https://*.apps.example.com')).toBe('^https://[a-z0-9-]+\\.apps\\.example\\.com$');
    expect(kongOrigin('*')).toBe('*');
    const deep = new RegExp(kongOrigin('https://**.apps.example.com'));
    expect(deep.test('https://a.apps.example.com')).toBe(true);
    expect(deep.test('https://a.b.apps.example.com')).toBe(true);
    expect(deep.test('https://apps.example.com')).toBe(false);
    expect(deep.test('https://a.appsxexample.com')).toBe(false);
    expect(deep.test('https://a.apps.example.com.evil.com')).toBe(false);
    // `*.`: exactly one label, as in route hosts.
    const one = new RegExp(kongOrigin('https://*.apps.example.com'));
    expect(one.test('https://a.apps.example.com')).toBe(true);
    expect(one.test('https://a.b.apps.example.com')).toBe(false);
    expect(one.test('https://apps.example.com')).toBe(false);
    expect(one.test('https://a.apps.example.com.evil.com')).toBe(false);
  });

  test('CORS without declared headers allows only the safelisted ones (Kong would echo any requested header)', () => {
    const objects = synthConformant(render(KongMode.INGRESS, { r: { cors: Cors.allow({ origins: ['https://a.example.com'] }) } }));
    expect(plugin(objects, 'gw-r-cors').config).toEqual({ origins: ['https://a.example.com'], methods: ['GET', 'HEAD', 'POST'], headers: ['Origin'], credentials: false });
    const declared = synthConformant(render(KongMode.INGRESS, { r: { cors: Cors.allow({ origins: ['https://a.example.com'], headers: ['x-b', 'x-a'], exposeHeaders: ['x-c'], maxAge: Duration.minutes(1) }) } }));
    expect(plugin(declared, 'gw-r-cors').config).toMatchObject({ headers: ['x-a', 'x-b'], exposed_headers: ['x-c'], max_age: 60 });
  });

  test('headers: set = replace + add, add = append, remove = remove', () => {
    const objects = synthConformant(render(KongMode.INGRESS, {
      r: { headerRules: HeaderRules.of({ request: { set: { 'x-a': '1' }, add: { 'x-b': '2' }, remove: ['x-c'] }, response: { remove: ['server'] } }) },
    }));
    expect(plugin(objects, 'gw-r-request-transformer').config).toEqual({
      replace: { headers: ['x-a:1'] }, add: { headers: ['x-a:1'] }, append: { headers: ['x-b:2'] }, remove: { headers: ['x-c'] },
    });
    expect(plugin(objects, 'gw-r-response-transformer').config).toEqual({ remove: { headers: ['server'] } });
  });

  test('redis rate limit: host and port from the endpoint, credentials patched in from the Secret', () => {
    const objects = synthConformant(render(KongMode.INGRESS, {
      r: { rateLimit: RateLimit.perHeader('X-Tenant', { requests: 100, distributed: DistributedRateLimit.redis('redis.infra.svc:6380', { secretName: 'redis-auth' }) }) },
    }));
    const p = plugin(objects, 'gw-r-rate-limiting');
    expect(p.config).toEqual({ second: 100, limit_by: 'header', header_name: 'x-tenant', policy: 'redis', redis: { host: 'redis.infra.svc', port: 6380 } });
    expect(p.configPatches).toEqual([
      { path: '/redis/username', valueFrom: { secretKeyRef: { name: 'redis-auth', key: 'username' } } },
      { path: '/redis/password', valueFrom: { secretKeyRef: { name: 'redis-auth', key: 'password' } } },
    ]);
  });

  test.each(MODES)('%s: per-minute client-IP limit counted per Kong node (local), no Redis settings or patches', (_, mode) => {
    const objects = synthConformant(render(mode, { r: { rateLimit: RateLimit.perClientIp({ requests: 30, period: RateLimitPeriod.MINUTE }) } }));
    const p = plugin(objects, 'gw-r-rate-limiting');
    expect(p.config).toStrictEqual({ minute: 30, limit_by: 'ip', policy: 'local' });
    expect(p.configPatches).toBeUndefined();
  });

  test('redis rate limit without a Secret: no credentials patched in', () => {
    const objects = synthConformant(render(KongMode.INGRESS, {
      r: { rateLimit: RateLimit.perClientIp({ requests: 7, distributed: DistributedRateLimit.redis('redis:6379') }) },
    }));
    const p = plugin(objects, 'gw-r-rate-limiting');
    expect(p.config).toStrictEqual({ second: 7, limit_by: 'ip', policy: 'redis', redis: { host: 'redis', port: 6379 } });
    expect(p.configPatches).toBeUndefined();
  });

  test.each(MODES)('%s: a per-consumer limit behind basic auth counts per consumer', (_, mode) => {
    const objects = synthConformant(render(mode, { r: { auth: EdgeAuth.basic({ secretName: 'users' }), rateLimit: RateLimit.perConsumer({ requests: 5 }) } }));
    expect(plugin(objects, 'gw-r-rate-limiting').config).toStrictEqual({ second: 5, limit_by: 'consumer', policy: 'local' });
  });

  test.each(MODES)('%s: API-key auth shared through gateway defaults: one consumer, an acl per route', (_, mode) => {
    const objects = synthConformant(render(mode, { a: {}, b: { rateLimit: RateLimit.perConsumer({ requests: 5 }) } }, { auth: EdgeAuth.apiKey({ secretName: 'keys' }) }));
    expect(byKind(objects, 'KongConsumer')).toEqual([expect.objectContaining({
      metadata: expect.objectContaining({ name: 'keys-consumer', annotations: { 'kubernetes.io/ingress.class': 'kong' } }),
      username: 'edge/keys',
      credentials: ['keys', 'keys-consumer-acl'],
    })]);
    expect(byKind(objects, 'Secret')).toEqual([expect.objectContaining({
      metadata: expect.objectContaining({ name: 'keys-consumer-acl', labels: { 'konghq.com/credential': 'acl' } }),
      stringData: { group: 'edge/keys' },
    })]);
    for (const r of ['a', 'b']) {
      expect(plugin(objects, `gw-${r}-acl`).config).toEqual({ allow: ['edge/keys'] });
      expect(plugin(objects, `gw-${r}-key-auth`).config).toEqual({ key_names: ['x-api-key'], key_in_header: true, key_in_query: false, key_in_body: false });
    }
    expect(plugin(objects, 'gw-b-rate-limiting').config).toMatchObject({ limit_by: 'consumer' });
  });

  test('Ingress mode: plugins listed sorted in konghq.com/plugins; HTTPS redirect and strip-path annotations', () => {
    const objects = synthConformant(render(KongMode.INGRESS, {
      r: {
        redirect: Redirect.toHttps({ statusCode: RedirectStatus.FOUND }),
        bodySize: BodySize.mebibytes(1),
        auth: EdgeAuth.basic({ secretName: 'users', realm: 'edge' }),
      },
      s: { match: { path: PathMatch.prefix('/api') }, rewrite: Rewrite.replacePrefix('/') },
    }));
    const [r, s] = byKind(objects, 'Ingress');
    expect(r.metadata.annotations).toEqual({
      'konghq.com/plugins': 'gw-r-acl,gw-r-basic-auth,gw-r-request-size-limiting',
      'konghq.com/protocols': 'https',
      'konghq.com/https-redirect-status-code': '302',
    });
    expect(s.metadata.annotations).toEqual({ 'konghq.com/strip-path': 'true' });
    expect(plugin(objects, 'gw-r-basic-auth').config).toEqual({ realm: 'edge' });
  });

  test('the TlsHost\'s HSTS header joins the route\'s response headers in name order', () => {
    const chart = newChart();
    const gw = new ApiGateway(chart, 'gw', { controller: Controller.kong() });
    gw.addRoute('r', { hosts: ['a.example.com'], backend: Backend.service('a', 80), headerRules: HeaderRules.of({ response: { set: { 'z-last': '1', 'a-first': '2' } } }) });
    gw.addTlsHost('tls', { hosts: ['a.example.com'], certificate: TlsCertificate.fromSecret('a'), hsts: Hsts.enable() });
    const headers = ['a-first:2', 'strict-transport-security:max-age=31536000', 'z-last:1'];
    expect(plugin(synthConformant(chart), 'gw-r-response-transformer').config).toEqual({ add: { headers }, replace: { headers } });
  });

  test('Gateway API mode: ExtensionRef filters in every rule, no request-transformer of our own', () => {
    const objects = synthConformant(render(KongMode.GATEWAY_API, {
      r: {
        matches: Array.from({ length: 70 }, (_, i) => ({ path: PathMatch.exact(`/p${i}`) })),
        bodySize: BodySize.mebibytes(1),
        headerRules: HeaderRules.of({ request: { set: { 'x-a': '1' } }, response: { set: { 'x-b': '2' } } }),
      },
    }));
    const rules = byKind(objects, 'HTTPRoute').flatMap(r => r.spec.rules);
    expect(rules.length).toBe(2);
    for (const rule of rules) {
      expect(rule.filters.filter((f: any) => f.type === 'ExtensionRef').map((f: any) => f.extensionRef)).toEqual([
        { group: 'configuration.konghq.com', kind: 'KongPlugin', name: 'gw-r-request-size-limiting' },
        { group: 'configuration.konghq.com', kind: 'KongPlugin', name: 'gw-r-response-transformer' },
      ]);
    }
    expect(plugin(objects, 'gw-r-request-transformer')).toBeUndefined();
  });
});

describe('Kong refusals name the construct, the prop and why', () => {
  const refusals: Array<[string, KongMode, Record<string, RouteOptions>, RegExp]> = [
    ['303 redirect', KongMode.INGRESS, { r: { redirect: Redirect.toHttps({ statusCode: RedirectStatus.SEE_OTHER }) } },
      /\[test\/gw\/r\] Redirect to HTTPS \/ another scheme \(redirect.statusCode\) is not supported by controller 'kong': Kong redirects plain HTTP to HTTPS with 301, 302, 307, 308 only \(303 given\)/],
    ['redirect to http', KongMode.INGRESS, { r: { redirect: Redirect.to({ scheme: 'http' }), backend: undefined } },
      /\(redirect.scheme\) is not supported by controller 'kong': Kong only redirects plain HTTP to HTTPS \('http' given\)/],
    ['https redirect without backend', KongMode.INGRESS, { r: { redirect: Redirect.to({ scheme: 'https' }), backend: undefined } },
      /\(redirect\) is not supported by controller 'kong': Kong redirects only plain-HTTP requests and forwards HTTPS ones, so the route needs a backend/],
    ['prefix rewrite to another prefix', KongMode.INGRESS, { r: { match: { path: PathMatch.prefix('/api') }, rewrite: Rewrite.replacePrefix('/v2') } },
      /Rewrite the matched prefix \(rewrite\) is not supported by controller 'kong': Kong Ingress can strip the matched prefix \(replace it with '\/'\) but not replace it with '\/v2'/],
    ['per-consumer limit without auth', KongMode.INGRESS, { r: { rateLimit: RateLimit.perConsumer({ requests: 5 }) } },
      /Rate limit per consumer \(rateLimit\) is not supported by controller 'kong': Kong knows the consumer only when an authentication plugin on the same route identified it/],
    ['per-consumer limit without auth (Gateway API)', KongMode.GATEWAY_API, { r: { rateLimit: RateLimit.perConsumer({ requests: 5 }) } },
      /Rate limit per consumer \(rateLimit\) is not supported by controller 'kong-gateway-api'/],
    ['key header Kong cannot read', KongMode.INGRESS, { r: { auth: EdgeAuth.apiKey({ secretName: 'keys', header: 'x.api.key' }) } },
      /API key authentication \(auth.header\) is not supported by controller 'kong': Kong's key-auth reads key names of letters, digits, '_' and '-' only \('x.api.key' given\)/],
    ['request header template', KongMode.GATEWAY_API, { r: { headerRules: HeaderRules.of({ request: { set: { 'x-a': '$(headers.host)' } } }) } },
      /Set request headers \(headerRules.request.set\) is not supported by controller 'kong-gateway-api': header 'x-a': Kong's request-transformer evaluates '\$\(...\)' in a value as a Lua template/],
    ['value starting with a colon', KongMode.INGRESS, { r: { headerRules: HeaderRules.of({ response: { add: { 'x-a': '::1' } } }) } },
      /Append response headers \(headerRules.response.add\) is not supported by controller 'kong': header 'x-a': Kong's transformers read 'name:value' and drop the colons that start a value \('::1'\)/],
    ['removing Host', KongMode.INGRESS, { r: { headerRules: HeaderRules.of({ request: { remove: ['host'] } }) } },
      /Remove request headers \(headerRules.request.remove\) is not supported by controller 'kong': header 'host': Kong's request-transformer never removes the Host header/],
    ['rewrite template (Gateway API)', KongMode.GATEWAY_API, { r: { match: { path: PathMatch.exact('/a') }, rewrite: Rewrite.replaceFullPath('/b$(x)') } },
      /Rewrite the whole path \(rewrite\) is not supported by controller 'kong-gateway-api': KIC renders the rewritten path as a request-transformer template/],
    ['rate limit on a route with two hosts (two Kong routes)', KongMode.INGRESS,
      { r: { hosts: ['a.example.com', 'b.example.com'], rateLimit: RateLimit.perClientIp({ requests: 5 }) } },
      /Rate limit per client IP \(rateLimit\) is not supported by controller 'kong': Kong counts a rate limit per Kong route and KIC renders this route as 2 Kong routes \(one per host and per set of header \/ method conditions\), so a client could make 2 times the limit/],
    ['rate limit on matches with different conditions (Gateway API)', KongMode.GATEWAY_API,
      { r: { matches: [{ path: PathMatch.prefix('/a'), method: HttpMethod.GET }, { path: PathMatch.prefix('/b') }], rateLimit: RateLimit.perClientIp({ requests: 5 }) } },
      /\(rateLimit\) is not supported by controller 'kong-gateway-api': Kong counts a rate limit per Kong route and KIC renders this route as 2 Kong routes \(one per HTTPRoute and per set of method \/ header \/ query conditions\), so a client could make 2 times the limit/],
    ['one Secret as two kinds of credential', KongMode.INGRESS, { a: { auth: EdgeAuth.apiKey({ secretName: 'creds' }) }, b: { auth: EdgeAuth.basic({ secretName: 'creds' }) } },
      /\[test\/gw\/b\] Basic authentication \(auth.secretName\) is not supported by controller 'kong': Secret 'creds' is also used for API keys by \[test\/gw\/a\]/],
  ];
  test.each(refusals)('%s', (_, mode, routes, message) => {
    expect(synthError(render(mode, routes))).toMatch(message);
  });

  test.each(MODES)('%s: a rate limit on one host with several paths of the same conditions is one Kong route', (_, mode) => {
    const chart = render(mode, { r: { matches: [{ path: PathMatch.prefix('/a') }, { path: PathMatch.prefix('/b') }], rateLimit: RateLimit.perClientIp({ requests: 5 }) } });
    expect(synthError(chart)).toBeUndefined();
  });

  test('a gateway default is reported on the gateway with a defaults. prop', () => {
    const error = synthError(render(KongMode.INGRESS, { a: {} }, { headerRules: HeaderRules.of({ request: { remove: ['host'] } }) }));
    expect(error).toMatch(/\[test\/gw\] Remove request headers \(defaults.headerRules.request.remove\)/);
  });

  test.each(MODES)('%s: a redirect route without a backend renders without throwing (the matrix refuses it)', (_, mode) => {
    const error = synthError(render(mode, { r: { redirect: Redirect.to({ host: 'www.example.com' }), backend: undefined } }));
    expect(error).toMatch(/Redirect to another host \(redirect.host\) is not supported/);
    expect(error).not.toMatch(/TypeError|Cannot read/);
  });
});
