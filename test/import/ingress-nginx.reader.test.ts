import * as fs from 'fs';
import * as path from 'path';
import { parseAllDocuments } from 'yaml';
import { RouteEntry, routeTableOf } from '../../src/checks/route-table';
import { INGRESS_NGINX_READER } from '../../src/controllers/ingress-nginx/reader';
import { KubeObject, ReadResult } from '../../src/controllers/reader';

const CORPUS = path.join(__dirname, 'corpus', 'ingress-nginx');
const A = 'nginx.ingress.kubernetes.io/';

function load(file: string): KubeObject[] {
  return parseAllDocuments(fs.readFileSync(path.join(CORPUS, file), 'utf8')).map(d => d.toJSON()).filter(o => o);
}

function readFile(file: string): ReadResult {
  return INGRESS_NGINX_READER.read(load(file));
}

/** `namespace host kind value -> service:port` for each route entry (host '*' for every host). */
function routeLine(e: RouteEntry): string {
  const b = e.backends.map(x => `${x.service}:${x.port}${x.tls ? ` tls(${x.tls.hostname},${x.tls.ca})` : ''}`).join(',');
  return `${e.namespace} ${e.host || '*'} ${e.match.path.kind} ${e.match.path.value} -> ${b}`;
}

function routes(r: ReadResult): string[] {
  return routeTableOf(r.gateways).routes.map(routeLine).sort();
}

function policiesOf(r: ReadResult, host: string): unknown {
  return routeTableOf(r.gateways).routes.find(e => e.host === host)?.policies;
}

type Expected = [object: string, field: string, kind: 'to' | 'reason', fragment: string];

/** Every item of the read, in order, with the fragment its `to` / `reason` must contain. */
function expectItems(r: ReadResult, expected: Expected[]): void {
  const sorted = [...expected].sort((a, b) => (a[0] === b[0] ? (a[1] < b[1] ? -1 : 1) : a[0] < b[0] ? -1 : 1));
  expect(r.items.map(i => [i.object, i.field, i.to !== undefined ? 'to' : 'reason'])).toEqual(sorted.map(([o, f, k]) => [o, f, k]));
  r.items.forEach((item, i) => expect(item.to ?? item.reason).toContain(sorted[i][3]));
}

const ann = (key: string) => `metadata.annotations['${key.includes('/') ? key : A + key}']`;
const path0 = 'spec.rules[0].http.paths[0]';
const CLASS = 'spec.ingressClassName';
const NGINX = "Controller.ingressNginx({ ingressClassName: 'nginx' })";

describe('ingress-nginx reader: corpus', () => {
  test('the corpus has at least 25 manifests and every one is read without throwing', () => {
    const files = fs.readdirSync(CORPUS).filter(f => f.endsWith('.yaml'));
    expect(files.length).toBeGreaterThanOrEqual(25);
    for (const f of files) {
      expect(fs.readFileSync(path.join(CORPUS, f), 'utf8')).toMatch(/^# Source: /);
      expect(() => readFile(f)).not.toThrow();
    }
  });

  test('01 basic prefix paths', () => {
    const r = readFile('01-basic-prefix.yaml');
    expect(routes(r)).toEqual(['web shop.example.com Prefix / -> storefront:80', 'web shop.example.com Prefix /api -> shop-api:8080']);
    expect(r.gateways.map(g => g.name)).toEqual(['nginx']);
    expectItems(r, [
      ['Ingress web/shop', CLASS, 'to', NGINX],
      ['Ingress web/shop', path0, 'to', "PathMatch.prefix('/')"],
      ['Ingress web/shop', 'spec.rules[0].http.paths[1]', 'to', "PathMatch.prefix('/api')"],
    ]);
  });

  test('02 rewrite-target with capture groups: exact form imported, the documentation form not', () => {
    const r = readFile('02-rewrite-capture.yaml');
    expect(routes(r)).toEqual([
      'default rewrite-docs.bar.com RegularExpression /something/?(.*).* -> http-svc:80',
      'default rewrite.bar.com Prefix /something -> http-svc:80',
    ]);
    expect(policiesOf(r, 'rewrite.bar.com')).toEqual({ rewrite: { path: { kind: 'prefix', value: '/' } } });
    expect(policiesOf(r, 'rewrite-docs.bar.com')).toEqual({});
    expectItems(r, [
      ['Ingress default/rewrite-docs', ann('rewrite-target'), 'reason', "'/$1' with the paths '/something/?(.*)' is not exactly a prefix or full-path replacement"],
      ['Ingress default/rewrite-docs', CLASS, 'to', NGINX],
      ['Ingress default/rewrite-docs', path0, 'to', 'matched case-insensitively by nginx'],
      ['Ingress default/rewrite-exact', ann('rewrite-target'), 'to', "Rewrite.replacePrefix('/')"],
      ['Ingress default/rewrite-exact', ann('use-regex'), 'to', 'nothing (rewrite-target makes the paths regexes too'],
      ['Ingress default/rewrite-exact', CLASS, 'to', NGINX],
      ['Ingress default/rewrite-exact', path0, 'to', "PathMatch.prefix('/something')"],
    ]);
  });

  test('03 canary by weight', () => {
    const r = readFile('03-canary-weight.yaml');
    const entry = routeTableOf(r.gateways).routes[0];
    // In the route table a weighted canary is the weighted split of the two backends.
    expect(routeLine(entry)).toBe('echo echo.prod.mydomain.com Prefix / -> canary:80,production:80');
    expect(entry.backends.map(b => [b.service, b.weight])).toEqual([['canary', 1], ['production', 9]]);
    expect(entry.canary).toBeUndefined();
    expect(r.gateways[0].canaries[0].traffic).toEqual({ kind: 'weight', stable: 90, canary: 10 });
    expectItems(r, [
      ['Ingress echo/canary', ann('canary'), 'to', 'CanarySplit (CanaryTraffic.weights(90, 10))'],
      ['Ingress echo/canary', ann('canary-weight'), 'to', 'canary weight 10 of 100'],
      ['Ingress echo/canary', CLASS, 'to', NGINX],
      ['Ingress echo/canary', path0, 'to', 'CanarySplit of Ingress echo/production'],
      ['Ingress echo/production', CLASS, 'to', NGINX],
      ['Ingress echo/production', path0, 'to', "PathMatch.prefix('/')"],
    ]);
  });

  test('04 canary by header value', () => {
    const r = readFile('04-canary-header.yaml');
    expect(r.gateways.flatMap(g => g.canaries).map(c => c.traffic)).toEqual([{ kind: 'header', name: 'x-canary', value: 'beta' }]);
    // The route table reads a header canary as the more specific route it stands for.
    expect(routeTableOf(r.gateways).routes.map(e => [e.match.headers, e.backends.map(b => b.service), e.canary])).toEqual([
      [[], ['api-v1'], undefined],
      [[{ name: 'x-canary', kind: 'Exact', value: 'beta' }], ['api-v2'], undefined],
    ]);
    expectItems(r, [
      ['Ingress shop/api', CLASS, 'to', NGINX],
      ['Ingress shop/api', path0, 'to', "PathMatch.prefix('/v1')"],
      ['Ingress shop/api-canary', ann('canary'), 'to', "CanaryTraffic.header('x-canary', 'beta')"],
      ['Ingress shop/api-canary', ann('canary-by-header'), 'to', "header 'x-canary'"],
      ['Ingress shop/api-canary', ann('canary-by-header-value'), 'to', "value 'beta'"],
      ['Ingress shop/api-canary', CLASS, 'to', NGINX],
      ['Ingress shop/api-canary', path0, 'to', 'canary backend api-v2:80'],
    ]);
  });

  test('05 canary by cookie', () => {
    const r = readFile('05-canary-cookie.yaml');
    expect(routeTableOf(r.gateways).routes[0].canary?.traffic).toEqual({ kind: 'cookie', name: 'use_canary' });
    expectItems(r, [
      ['Ingress default/web', CLASS, 'to', NGINX],
      ['Ingress default/web', path0, 'to', "PathMatch.prefix('/')"],
      ['Ingress default/web-canary', ann('canary'), 'to', "CanaryTraffic.cookie('use_canary')"],
      ['Ingress default/web-canary', ann('canary-by-cookie'), 'to', "equal to 'always'"],
      ['Ingress default/web-canary', CLASS, 'to', NGINX],
      ['Ingress default/web-canary', path0, 'to', 'canary backend web-next:80'],
    ]);
  });

  test('06 canary by header pattern: a PCRE is unmapped, the stable route stays', () => {
    const r = readFile('06-canary-pattern.yaml');
    expect(routes(r)).toEqual(['default app.example.com Prefix / -> app:80']);
    expect(routeTableOf(r.gateways).routes[0].canary).toBeUndefined();
    const why = "canary-by-header-pattern '^(eu|us)-west$' is a PCRE the intent cannot express exactly";
    expectItems(r, [
      ['Ingress default/app', CLASS, 'to', NGINX],
      ['Ingress default/app', path0, 'to', "PathMatch.prefix('/')"],
      ['Ingress default/app-canary', ann('canary'), 'reason', why],
      ['Ingress default/app-canary', ann('canary-by-header'), 'reason', why],
      ['Ingress default/app-canary', ann('canary-by-header-pattern'), 'reason', why],
      ['Ingress default/app-canary', CLASS, 'to', NGINX],
      ['Ingress default/app-canary', path0, 'reason', "the canary's traffic rule cannot be imported"],
    ]);
  });

  test('07 basic auth', () => {
    const r = readFile('07-basic-auth.yaml');
    expect(policiesOf(r, 'foo.bar.com')).toEqual({ auth: { kind: 'basic', secretName: 'basic-auth', realm: 'Authentication Required - foo' } });
    const o = 'Ingress default/ingress-with-auth';
    expectItems(r, [
      [o, ann('auth-realm'), 'to', 'Route.auth.realm'],
      [o, ann('auth-secret'), 'to', 'Route.auth.secretName (basic-auth)'],
      [o, ann('auth-type'), 'to', "EdgeAuth.basic, Secret 'basic-auth'"],
      [o, CLASS, 'to', NGINX],
      [o, path0, 'to', "PathMatch.prefix('/')"],
    ]);
  });

  test('08 external auth: nginx variables in the URL are unmapped', () => {
    const r = readFile('08-external-auth.yaml');
    expect(policiesOf(r, 'external-auth-01.sample.com')).toEqual({
      auth: { kind: 'external', url: 'https://auth.sample.com/basic-auth/user/passwd', responseHeaders: ['X-Auth-Email', 'X-Auth-User'], signinUrl: 'https://auth.sample.com/start' },
    });
    expect(policiesOf(r, 'dashboard.example.com')).toEqual({});
    const vars = 'without nginx variables';
    expectItems(r, [
      ['Ingress default/external-auth', ann('auth-signin'), 'reason', vars],
      ['Ingress default/external-auth', ann('auth-url'), 'reason', vars],
      ['Ingress default/external-auth', CLASS, 'to', NGINX],
      ['Ingress default/external-auth', path0, 'to', "PathMatch.prefix('/')"],
      ['Ingress default/external-auth-01', ann('auth-response-headers'), 'to', 'Route.auth.responseHeaders (X-Auth-Email, X-Auth-User)'],
      ['Ingress default/external-auth-01', ann('auth-signin'), 'to', 'ingress-nginx adds ?rd=<original URL>'],
      ['Ingress default/external-auth-01', ann('auth-url'), 'to', 'EdgeAuth.external https://auth.sample.com/basic-auth/user/passwd'],
      ['Ingress default/external-auth-01', CLASS, 'to', NGINX],
      ['Ingress default/external-auth-01', path0, 'to', "PathMatch.prefix('/')"],
    ]);
  });

  test("09 CORS: absent cors-allow-* keys import ingress-nginx's defaults", () => {
    const r = readFile('09-cors.yaml');
    expect(policiesOf(r, 'cors-defaults.example.com')).toEqual({
      cors: {
        origins: ['*'],
        methods: ['DELETE', 'GET', 'OPTIONS', 'PATCH', 'POST', 'PUT'],
        headers: ['Authorization', 'Cache-Control', 'Content-Type', 'DNT', 'If-Modified-Since', 'Keep-Alive', 'Range', 'User-Agent', 'X-Requested-With'],
        exposeHeaders: [],
        // ingress-nginx sends Allow-Credentials: true with Allow-Origin '*', which browsers refuse.
        credentials: false,
        // cors-max-age absent: ingress-nginx's own default, 20 days.
        maxAgeSeconds: 1728000,
      },
    });
    // ingress-nginx's '*.' is one DNS label, as the intent's '*.' (issue #12).
    expect(policiesOf(r, 'cors.example.com')).toEqual({
      cors: {
        origins: ['https://*.example.com', 'https://origin-site.com:4443'],
        methods: ['GET', 'OPTIONS', 'POST', 'PUT'],
        headers: ['X-Forwarded-For', 'X-app123-XPTO'],
        exposeHeaders: ['X-CustomResponseHeader'],
        credentials: false,
        maxAgeSeconds: 600,
      },
    });
    expect(policiesOf(r, 'cors-any.example.com')).toEqual({});
    const any = "'*' as a header name (any header): the intent lists header names";
    const d = 'Ingress default/cors-defaults';
    const e = 'Ingress default/cors-explicit';
    expectItems(r, [
      ['Ingress default/cors-any-header', ann('cors-expose-headers'), 'reason', any],
      ['Ingress default/cors-any-header', ann('enable-cors'), 'reason', any],
      ['Ingress default/cors-any-header', CLASS, 'to', NGINX],
      ['Ingress default/cors-any-header', path0, 'to', "PathMatch.prefix('/')"],
      [d, ann('enable-cors'), 'to', "origins * (absent: ingress-nginx's default '*')"],
      [d, CLASS, 'to', NGINX],
      [d, path0, 'to', "PathMatch.prefix('/')"],
      [e, ann('cors-allow-credentials'), 'to', 'Route.cors.credentials (false)'],
      [e, ann('cors-allow-headers'), 'to', 'Route.cors.headers (X-Forwarded-For, X-app123-XPTO)'],
      [e, ann('cors-allow-methods'), 'to', 'Route.cors'],
      [e, ann('cors-allow-origin'), 'to', 'Route.cors.origins (https://*.example.com, https://origin-site.com:4443)'],
      [e, ann('cors-expose-headers'), 'to', 'Route.cors'],
      [e, ann('cors-max-age'), 'to', 'Route.cors'],
      [e, ann('enable-cors'), 'to', 'Route.cors (Cors.allow: origins https://*.example.com, https://origin-site.com:4443'],
      [e, CLASS, 'to', NGINX],
      [e, path0, 'to', "PathMatch.prefix('/')"],
    ]);
  });

  test('10 rate limits; bandwidth limits kept verbatim', () => {
    const r = readFile('10-rate-limit.yaml');
    expect(policiesOf(r, 'api.example.com')).toEqual({
      // The route table spells the per-client limit of requests in progress once (as ConcurrencyLimit.perClientIp).
      rateLimit: { key: 'clientIp', requests: 10, per: 'second', burst: 30, exemptCidrs: ['10.0.0.0/8', '192.168.0.0/16'] },
      concurrencyLimit: { key: 'clientIp', maxRequests: 20 },
    });
    const o = 'Ingress api/limited';
    expectItems(r, [
      [o, ann('limit-burst-multiplier'), 'to', 'Route.rateLimit.burst (30 = 10 x 3)'],
      [o, ann('limit-connections'), 'to', 'Route.rateLimit.concurrentConnections (20)'],
      [o, ann('limit-rate'), 'to', "Route.rawAnnotations['nginx.ingress.kubernetes.io/limit-rate'] = '1024'"],
      [o, ann('limit-rate-after'), 'to', 'Route.rawAnnotations'],
      [o, ann('limit-rps'), 'to', 'RateLimit.perClientIp: 10 requests per second'],
      [o, ann('limit-whitelist'), 'to', 'Route.rateLimit.exemptCidrs (10.0.0.0/8, 192.168.0.0/16)'],
      [o, CLASS, 'to', NGINX],
      [o, path0, 'to', "PathMatch.prefix('/')"],
    ]);
  });

  test('11 timeouts and body size', () => {
    const r = readFile('11-timeouts-body.yaml');
    expect(routes(r)).toEqual(['media upload.example.com Exact /upload -> uploader:8080']);
    expect(policiesOf(r, 'upload.example.com')).toEqual({ timeouts: { connectMs: 15000, readMs: 120000, sendMs: 120000 }, bodySize: { maxBytes: 8 * 1024 * 1024 } });
    const o = 'Ingress media/uploads';
    expectItems(r, [
      [o, ann('proxy-body-size'), 'to', 'BodySize of 8388608 bytes'],
      [o, ann('proxy-buffering'), 'to', 'Route.rawAnnotations'],
      [o, ann('proxy-connect-timeout'), 'to', 'Route.timeouts.connect (15 s)'],
      [o, ann('proxy-read-timeout'), 'to', 'Route.timeouts.read (120 s)'],
      [o, ann('proxy-request-buffering'), 'to', 'Route.rawAnnotations'],
      [o, ann('proxy-send-timeout'), 'to', 'Route.timeouts.send (120 s)'],
      [o, CLASS, 'to', NGINX],
      [o, path0, 'to', "PathMatch.exact('/upload')"],
    ]);
  });

  test('12 allow / deny source ranges (the whitelist alias)', () => {
    const r = readFile('12-source-ranges.yaml');
    expect(policiesOf(r, 'admin.example.com')).toEqual({ ipAccess: { allow: ['10.0.0.0/24', '172.10.0.1'], deny: ['10.0.0.13/32'] } });
    const o = 'Ingress ops/admin';
    expectItems(r, [
      [o, ann('denylist-source-range'), 'to', 'Route.ipAccess.deny (10.0.0.13/32)'],
      [o, ann('whitelist-source-range'), 'to', 'Route.ipAccess.allow (10.0.0.0/24, 172.10.0.1; others get 403)'],
      [o, CLASS, 'to', NGINX],
      [o, path0, 'to', "PathMatch.prefix('/')"],
    ]);
  });

  test('13 session affinity; without a cookie path it is unmapped', () => {
    const r = readFile('13-session-affinity.yaml');
    // path '/' is the documented default: the table leaves it out.
    expect(policiesOf(r, 'stickyingress.example.com')).toEqual({
      sessionAffinity: { cookieName: 'route', ttlSeconds: 172800, secure: true, httpOnly: true, sameSite: 'Strict' },
    });
    expect(policiesOf(r, 'sticky2.example.com')).toEqual({});
    const noPath = "without session-cookie-path the cookie's path is each location's path";
    expectItems(r, [
      ['Ingress default/nginx-test', ann('affinity'), 'to', "SessionAffinity.cookie 'route'; always HttpOnly"],
      ['Ingress default/nginx-test', ann('affinity-mode'), 'reason', 'SessionAffinity does not model it'],
      ['Ingress default/nginx-test', ann('session-cookie-max-age'), 'to', 'Route.sessionAffinity.ttl (172800 s)'],
      ['Ingress default/nginx-test', ann('session-cookie-name'), 'to', 'Route.sessionAffinity.name (route)'],
      ['Ingress default/nginx-test', ann('session-cookie-path'), 'to', 'Route.sessionAffinity.path (/)'],
      ['Ingress default/nginx-test', ann('session-cookie-samesite'), 'to', 'Route.sessionAffinity.sameSite (Strict)'],
      ['Ingress default/nginx-test', ann('session-cookie-secure'), 'to', 'Route.sessionAffinity.secure (true)'],
      ['Ingress default/nginx-test', CLASS, 'to', NGINX],
      ['Ingress default/nginx-test', path0, 'to', "PathMatch.prefix('/')"],
      ['Ingress default/sticky-no-path', ann('affinity'), 'reason', noPath],
      ['Ingress default/sticky-no-path', ann('session-cookie-expires'), 'reason', noPath],
      ['Ingress default/sticky-no-path', CLASS, 'to', NGINX],
      ['Ingress default/sticky-no-path', path0, 'to', "PathMatch.prefix('/shop')"],
    ]);
  });

  test('14 gRPC with a named port resolved from its Service, on a TLS host', () => {
    const r = readFile('14-grpc.yaml');
    expect(routes(r)).toEqual(['default grpctest.dev.mydomain.com Prefix / -> go-grpc-greeter-server:80']);
    expect(policiesOf(r, 'grpctest.dev.mydomain.com')).toEqual({ backendProtocol: { protocol: 'GRPC' } });
    expect(routeTableOf(r.gateways).tls).toEqual([{ host: 'grpctest.dev.mydomain.com', secret: 'default/wildcard.dev.mydomain.com', managedCertificate: false, httpsRedirect: true }]);
    const o = 'Ingress default/grpc-greeter';
    expectItems(r, [
      [o, ann('backend-protocol'), 'to', 'BackendProtocol.GRPC'],
      [o, ann('ssl-redirect'), 'to', 'TlsHost.httpsRedirect (true)'],
      [o, CLASS, 'to', NGINX],
      [o, path0, 'to', 'backend go-grpc-greeter-server:80'],
      [o, `${path0}.backend.service.port.name`, 'to', 'Backend port 80 (Service default/go-grpc-greeter-server)'],
      [o, 'spec.tls[0]', 'to', 'TlsHost (hosts grpctest.dev.mydomain.com; Secret default/wildcard.dev.mydomain.com)'],
    ]);
  });

  test('15 a named port without its Service is unmapped', () => {
    const r = readFile('15-named-port-missing.yaml');
    expect(routes(r)).toEqual([]);
    const o = 'Ingress default/grpc-unresolved';
    expectItems(r, [
      [o, ann('backend-protocol'), 'to', 'BackendProtocol.GRPC'],
      [o, CLASS, 'to', NGINX],
      [o, path0, 'reason', "port 'grpc' of Service default/grpc-server: give the Service manifest to resolve a named port"],
    ]);
  });

  test('16 TLS termination: one Secret per host; ssl-redirect false keeps plain HTTP', () => {
    const r = readFile('16-tls-termination.yaml');
    expect(routeTableOf(r.gateways).tls).toEqual([
      { host: 'bar.baz.com', secret: 'default/bar-secret', managedCertificate: false, httpsRedirect: true },
      { host: 'foo.bar.com', secret: 'default/foo-secret', managedCertificate: false, httpsRedirect: true },
      { host: 'legacy.example.com', secret: 'default/legacy-tls', managedCertificate: false, httpsRedirect: false },
    ]);
    expectItems(r, [
      ['Ingress default/multi-tls', CLASS, 'to', NGINX],
      ['Ingress default/multi-tls', path0, 'to', 'on host foo.bar.com, backend http-svc:80'],
      ['Ingress default/multi-tls', 'spec.rules[1].http.paths[0]', 'to', 'on host bar.baz.com, backend nginx:80'],
      ['Ingress default/multi-tls', 'spec.tls[0]', 'to', 'Secret default/foo-secret'],
      ['Ingress default/multi-tls', 'spec.tls[1]', 'to', 'Secret default/bar-secret'],
      ['Ingress default/plain-too', ann('ssl-redirect'), 'to', 'TlsHost.httpsRedirect (false)'],
      ['Ingress default/plain-too', CLASS, 'to', NGINX],
      ['Ingress default/plain-too', path0, 'to', 'backend legacy:80'],
      ['Ingress default/plain-too', 'spec.tls[0]', 'to', 'Secret default/legacy-tls'],
    ]);
  });

  test('17 cert-manager shim: a managed certificate; the issuer is a mapped item', () => {
    const r = readFile('17-cert-manager.yaml');
    expect(routeTableOf(r.gateways).tls).toEqual([{ host: 'blog.example.com', secret: 'blog/blog-example-com-tls', managedCertificate: true, httpsRedirect: true }]);
    expect(policiesOf(r, 'blog.example.com')).toEqual({ redirect: { scheme: 'https', statusCode: 308 } });
    const o = 'Ingress blog/blog';
    expectItems(r, [
      [o, ann('cert-manager.io/cluster-issuer'), 'to', "TlsHost.fromIssuer(ClusterIssuer 'letsencrypt-prod')"],
      [o, ann('cert-manager.io/duration'), 'reason', 'ingress-shim setting of the Certificate that TlsHost.fromIssuer does not model'],
      [o, ann('force-ssl-redirect'), 'to', 'Redirect.toHttps()'],
      [o, CLASS, 'to', NGINX],
      [o, path0, 'to', 'backend ghost:2368'],
      [o, 'spec.tls[0]', 'to', 'Secret blog/blog-example-com-tls'],
    ]);
  });

  test('18 client certificates', () => {
    const r = readFile('18-client-certs.yaml');
    expect(routeTableOf(r.gateways).tls).toEqual([{
      host: 'mydomain.com', secret: 'default/tls-secret', managedCertificate: false, httpsRedirect: true, clientAuth: { required: true, ca: 'Secret/ca-secret' },
    }]);
    const o = 'Ingress default/nginx-test';
    const no = 'TlsHost.clientAuth does not model it';
    expectItems(r, [
      [o, ann('auth-tls-error-page'), 'reason', no],
      [o, ann('auth-tls-pass-certificate-to-upstream'), 'reason', no],
      [o, ann('auth-tls-secret'), 'to', "TlsHost.clientAuth.ca (Secret 'ca-secret')"],
      [o, ann('auth-tls-verify-client'), 'to', 'TlsHost.clientAuth (required)'],
      [o, ann('auth-tls-verify-depth'), 'reason', no],
      [o, CLASS, 'to', NGINX],
      [o, path0, 'to', 'backend http-svc:80'],
      [o, 'spec.tls[0]', 'to', 'Secret default/tls-secret'],
    ]);
  });

  test('19 snippets and unknown keys under the prefix are unmapped', () => {
    const r = readFile('19-snippets.yaml');
    expect(routes(r)).toEqual(['default custom.configuration.com Prefix / -> http-svc:80']);
    const o = 'Ingress default/nginx-configuration-snippet';
    const snippet = 'raw nginx configuration (a snippet)';
    expectItems(r, [
      [o, ann('configuration-snippet'), 'reason', snippet],
      [o, ann('proxy-conect-timeout'), 'reason', "not an ingress-nginx annotation (v1.15): ingress-nginx ignores it; did you mean 'proxy-connect-timeout'?"],
      [o, ann('server-snippet'), 'reason', snippet],
      [o, ann('x-made-up'), 'reason', 'not an ingress-nginx annotation'],
      [o, CLASS, 'to', NGINX],
      [o, path0, 'to', "PathMatch.prefix('/')"],
    ]);
  });

  test("20 the legacy class annotation; other controllers' keys; an Ingress of another class", () => {
    const r = readFile('20-other-controllers.yaml');
    expect(routes(r)).toEqual(['apps migrated.example.com Prefix / -> app:80']);
    const o = 'Ingress apps/migrated';
    expectItems(r, [
      [o, ann('external-dns.alpha.kubernetes.io/hostname'), 'to', "Route.rawAnnotations['external-dns.alpha.kubernetes.io/hostname']"],
      [o, ann('konghq.com/strip-path'), 'reason', 'read by Kong, not by ingress-nginx'],
      [o, ann('kubernetes.io/ingress.class'), 'to', `${NGINX} (legacy annotation)`],
      [o, ann('meta.helm.sh/release-name'), 'to', 'nothing (tool bookkeeping'],
      [o, ann('traefik.ingress.kubernetes.io/router.entrypoints'), 'reason', 'read by Traefik, not by ingress-nginx'],
      [o, path0, 'to', "PathMatch.prefix('/')"],
      ['Ingress apps/traefik-owned', CLASS, 'reason', "class 'traefik' is not an ingress-nginx class"],
    ]);
  });

  test("21 use-regex on one Ingress makes every path of the host a regex, other Ingresses' too", () => {
    const r = readFile('21-use-regex-quirk.yaml');
    expect(routes(r)).toEqual([
      'default test.com RegularExpression /Static.* -> static:80',
      'default test.com RegularExpression /foo/bar/[A-Z0-9]{3} -> test:80',
      'default test.com RegularExpression /foo/bar/bar.* -> test:80',
    ]);
    const quirk = 'use-regex on Ingress default/test-ingress-1 makes every path of this host a case-insensitive regex (location ~* "^/Static")';
    expectItems(r, [
      ['Ingress default/test-ingress-1', ann('use-regex'), 'to', 'case-insensitive regex'],
      ['Ingress default/test-ingress-1', CLASS, 'to', NGINX],
      ['Ingress default/test-ingress-1', path0, 'to', "PathMatch.regex('/foo/bar/bar.*')"],
      ['Ingress default/test-ingress-1', 'spec.rules[0].http.paths[1]', 'to', "PathMatch.regex('/foo/bar/[A-Z0-9]{3}')"],
      ['Ingress default/test-ingress-2', CLASS, 'to', NGINX],
      // The Exact path becomes the same regex location as test-ingress-1's Prefix one: the oldest wins.
      ['Ingress default/test-ingress-2', path0, 'reason', 'Ingress default/test-ingress-1 serves the same host and path'],
      ['Ingress default/test-ingress-2', 'spec.rules[0].http.paths[1]', 'to', quirk],
    ]);
  });

  test('22 path types: Exact, Prefix (trailing slash ignored), ImplementationSpecific as a string prefix', () => {
    const r = readFile('22-path-types.yaml');
    expect(routes(r)).toEqual([
      'default paths.example.com Exact /status -> status:80',
      'default paths.example.com Prefix /docs -> docs:80',
      'default paths.example.com RegularExpression /legacy.* -> legacy:80',
    ]);
    expectItems(r, [
      ['Ingress default/paths', CLASS, 'to', NGINX],
      ['Ingress default/paths', path0, 'to', "PathMatch.exact('/status')"],
      ['Ingress default/paths', 'spec.rules[0].http.paths[1]', 'to', "PathMatch.prefix('/docs')"],
      ['Ingress default/paths', 'spec.rules[0].http.paths[2]', 'to', "ImplementationSpecific is a plain nginx prefix location: '/legacy' also matches"],
    ]);
  });

  test('23 spec.defaultBackend is the gateway default backend', () => {
    const r = readFile('23-default-backend.yaml');
    expect(r.gateways[0].defaultBackend).toEqual({ service: 'error-pages', namespace: 'default', port: 8080, weight: 1 });
    expect(r.gateways[0].defaultBackendSource).toBe('Ingress default/catch-all');
    expectItems(r, [
      ['Ingress default/catch-all', CLASS, 'to', NGINX],
      ['Ingress default/catch-all', 'spec.defaultBackend', 'to', 'ApiGateway.defaultBackend (error-pages:8080)'],
    ]);
  });

  test('24 a fixed-URL redirect is Redirect.toUrl (with the path\'s backend, which receives nothing); force-ssl-redirect is Redirect.toHttps()', () => {
    const r = readFile('24-redirects.yaml');
    expect(routes(r)).toEqual(['default old.example.com Prefix / -> unused:80', 'default secure.example.com Prefix / -> app:80']);
    expect(policiesOf(r, 'secure.example.com')).toEqual({ redirect: { scheme: 'https', statusCode: 308 } });
    expect(policiesOf(r, 'old.example.com')).toEqual({ redirect: { url: 'https://www.google.com', statusCode: 308 } });
    const fixed = 'Route.redirect (Redirect.toUrl, status 308; the path\'s backend receives nothing)';
    expectItems(r, [
      ['Ingress default/https-only', ann('app-root'), 'to', "Route.rawAnnotations['nginx.ingress.kubernetes.io/app-root'] = '/app1'"],
      ['Ingress default/https-only', ann('force-ssl-redirect'), 'to', 'Redirect.toHttps()'],
      ['Ingress default/https-only', CLASS, 'to', NGINX],
      ['Ingress default/https-only', path0, 'to', "PathMatch.prefix('/')"],
      ['Ingress default/moved', ann('permanent-redirect'), 'to', fixed],
      ['Ingress default/moved', ann('permanent-redirect-code'), 'to', fixed],
      ['Ingress default/moved', CLASS, 'to', NGINX],
      ['Ingress default/moved', path0, 'to', "PathMatch.prefix('/')"],
    ]);
  });

  test('25 retries, upstream-vhost, backend-protocol HTTPS; the retry window and non_idempotent', () => {
    const r = readFile('25-retries-vhost.yaml');
    expect(policiesOf(r, 'resilient.example.com')).toEqual({
      retries: { attempts: 2, statusCodes: [503], conditions: ['connect-failure', 'reset'], windowMs: 10000 },
      backendProtocol: { protocol: 'HTTPS' },
      rewrite: { host: 'internal.example.svc' },
    });
    expect(policiesOf(r, 'orders.example.com')).toEqual({
      retries: { attempts: 2, statusCodes: [], conditions: ['connect-failure', 'reset'], nonIdempotent: true },
    });
    const o = 'Ingress default/resilient';
    expectItems(r, [
      ['Ingress default/non-idempotent', ann('proxy-next-upstream'), 'to', 'RetryOn connect-failure, reset; nonIdempotent'],
      ['Ingress default/non-idempotent', CLASS, 'to', NGINX],
      ['Ingress default/non-idempotent', path0, 'to', "PathMatch.prefix('/')"],
      [o, ann('backend-protocol'), 'to', 'BackendProtocol.HTTPS, certificate not verified'],
      [o, ann('proxy-next-upstream'), 'to', 'RetryOn connect-failure, reset; statusCodes 503'],
      [o, ann('proxy-next-upstream-timeout'), 'to', 'Route.retries.window (10 s)'],
      [o, ann('proxy-next-upstream-tries'), 'to', 'Route.retries.attempts (2: tries include the first one)'],
      [o, ann('upstream-vhost'), 'to', "Rewrite.hostname('internal.example.svc')"],
      [o, CLASS, 'to', NGINX],
      [o, path0, 'to', "PathMatch.prefix('/')"],
    ]);
  });

  test('26 ssl-passthrough in the default IngressClass (an Ingress without a class)', () => {
    const r = readFile('26-passthrough-class.yaml');
    expect(r.gateways.map(g => [g.name, g.source])).toEqual([['internal-nginx', 'IngressClass internal-nginx']]);
    expect(routeTableOf(r.gateways).passthrough).toEqual([{ host: 'vault.internal.example.com', backend: { service: 'vault', namespace: 'vault', port: 8200, weight: 1 } }]);
    expect(routes(r)).toEqual([]);
    expectItems(r, [
      ['Ingress vault/vault', ann('proxy-body-size'), 'reason', 'ingress-nginx ignores it on an ssl-passthrough Ingress'],
      ['Ingress vault/vault', ann('ssl-passthrough'), 'to', 'TlsHost.passthrough'],
      ['Ingress vault/vault', CLASS, 'to', "Controller.ingressNginx({ ingressClassName: 'internal-nginx' }) (no class: the default IngressClass)"],
      ['Ingress vault/vault', path0, 'to', 'TlsHost.passthrough backend vault:8200'],
      ['IngressClass internal-nginx', ann('ingressclass.kubernetes.io/is-default-class'), 'to', 'nothing (Ingresses without a class are read into this class)'],
      ['IngressClass internal-nginx', 'spec.controller', 'to', "Controller.ingressNginx({ ingressClassName: 'internal-nginx' })"],
    ]);
  });

  test('27 verified re-encryption to the backend is Backend.tls', () => {
    const r = readFile('27-backend-tls.yaml');
    expect(routes(r)).toEqual(['payments pay.example.com Prefix / -> payments:8443 tls(payments.payments.svc,Secret/backend-ca)']);
    expect(policiesOf(r, 'pay.example.com')).toEqual({});
    const o = 'Ingress payments/reencrypt';
    const tls = "Backend.tls (hostname 'payments.payments.svc', CA Secret 'backend-ca')";
    expectItems(r, [
      [o, ann('backend-protocol'), 'to', 'Backend.tls (re-encrypted, verified'],
      [o, ann('proxy-ssl-name'), 'to', tls],
      [o, ann('proxy-ssl-secret'), 'to', tls],
      [o, ann('proxy-ssl-server-name'), 'to', tls],
      [o, ann('proxy-ssl-verify'), 'to', tls],
      [o, CLASS, 'to', NGINX],
      [o, path0, 'to', 'backend payments:8443'],
    ]);
  });
});

describe('ingress-nginx reader: fixed-URL redirects (Redirect.toUrl)', () => {
  const ingress = (annotations: Record<string, string>) => ({
    apiVersion: 'networking.k8s.io/v1',
    kind: 'Ingress',
    metadata: { name: 'moved', namespace: 'web', annotations },
    spec: { ingressClassName: 'nginx', rules: [{ host: 'old.example.com', http: { paths: [{ path: '/', pathType: 'Prefix', backend: { service: { name: 'unused', port: { number: 80 } } } }] } }] },
  });
  const redirectOf = (annotations: Record<string, string>) => policiesOf(INGRESS_NGINX_READER.read([ingress(annotations)]), 'old.example.com');

  test('permanent-redirect alone is 301; a code outside 300-308 is 301 too (ingress-nginx falls back)', () => {
    expect(redirectOf({ [`${A}permanent-redirect`]: 'https://www.example.com/new' })).toEqual({ redirect: { url: 'https://www.example.com/new', statusCode: 301 } });
    expect(redirectOf({ [`${A}permanent-redirect`]: 'https://www.example.com/new', [`${A}permanent-redirect-code`]: '404' }))
      .toEqual({ redirect: { url: 'https://www.example.com/new', statusCode: 301 } });
    expect(redirectOf({ [`${A}permanent-redirect`]: 'https://www.example.com/new', [`${A}permanent-redirect-code`]: '303' }))
      .toEqual({ redirect: { url: 'https://www.example.com/new', statusCode: 303 } });
  });

  test('temporal-redirect is 302 and wins over permanent-redirect, which is unmapped', () => {
    const r = INGRESS_NGINX_READER.read([ingress({ [`${A}temporal-redirect`]: 'https://www.example.com/t', [`${A}permanent-redirect`]: 'https://www.example.com/p' })]);
    expect(policiesOf(r, 'old.example.com')).toEqual({ redirect: { url: 'https://www.example.com/t', statusCode: 302 } });
    expect(r.items.find(i => i.field === ann('permanent-redirect'))?.reason).toContain('temporal-redirect takes precedence');
  });

  test('a code the intent has no status for (300, 304) or a URL it refuses keeps the Ingress unmapped', () => {
    const cases: Array<Record<string, string>> = [
      { [`${A}permanent-redirect`]: 'https://www.example.com/new', [`${A}permanent-redirect-code`]: '300' },
      { [`${A}permanent-redirect`]: 'https://www.example.com/new', [`${A}permanent-redirect-code`]: '304' },
      { [`${A}permanent-redirect`]: '/relative' },
    ];
    for (const annotations of cases) {
      const r = INGRESS_NGINX_READER.read([ingress(annotations)]);
      expect(routeTableOf(r.gateways).routes).toEqual([]);
      expect(r.items.find(i => i.field === ann('permanent-redirect'))?.reason).toContain('answers every request with a redirect to this one URL');
    }
  });
});
