import { Chart, Duration, Testing } from 'cdk8s';
import {
  ApiGateway, Backend, BackendProtocol, BodySize, Controller, Cors, EdgeAuth, IpAccess, PathMatch, RateLimit, RateLimitPeriod,
  Redirect, RedirectStatus, Retries, RetryOn, Rewrite, RouteOptions, SameSite, SessionAffinity, Timeouts,
} from '../../src';
import { ANNOTATIONS, AnnotationName, PREFIX, RULES } from '../../src/controllers/ingress-nginx/annotations';
import { nginxSize } from '../../src/controllers/ingress-nginx/features/body-size';
import { VALIDATORS, blockedWord } from '../../src/controllers/ingress-nginx/validation';
import { POLICY_SAMPLES } from '../policy-samples';
import { newChart, synthConformant, synthError } from '../util';

const A = (name: AnnotationName) => ANNOTATIONS[name];

/** One route on ingress-nginx; returns its Ingress (synthesized, conformant) or the synth error. */
function render(options: RouteOptions, more?: (gw: ApiGateway) => void): { ingress?: any; error?: string; chart: Chart } {
  const chart = newChart();
  const gw = new ApiGateway(chart, 'gw', { controller: Controller.ingressNginx() });
  gw.addRoute('r', { hosts: ['a.example.com'], backend: Backend.service('svc', 80), ...options });
  more?.(gw);
  const error = synthError(chart);
  if (error) return { error, chart };
  return { ingress: synthConformant(chart).find(o => o.metadata.name === 'gw-r'), chart };
}

const annotationsOf = (options: RouteOptions) => {
  const { ingress, error } = render(options);
  if (error) throw new Error(error);
  return ingress.metadata.annotations as Record<string, string>;
};

describe('ingress-nginx annotation validators mirror ingress-nginx', () => {
  test.each([
    ['bool', ['true', 'false', '1', 'True'], ['yes', 'on', '', 'true\n']],
    ['int', ['0', '10', '-3', '9223372036854775807'], ['1.5', '10s', '', '9223372036854775808', ' 1']],
    ['size', ['50m', '1G', '1024', '8k', '0'], ['50 MiB', '1.5m', 'm', '1t']],
    ['cidrs', ['10.0.0.0/8', '10.0.0.0/8,192.168.1.10', '2001:db8::/32, 10.0.0.1', '::ffff:10.0.0.1'], ['10.0.0.0/33', '10.0.0', 'a.b.c.d', '10.0.0.0/8\n']],
    ['basicChars', ['route', 'ns/name', 'a-b_c.d~e:f'], ['a b$', 'a;b', 'a"b', 'x\r\ny']],
    ['charsWithSpace', ['My realm', 'edge'], ['realm!', 'a"b']],
    ['urlChars', ['/', '/app?x=1&y=2'], ['/a$b', '/a%20', '/a#b']],
    ['urlWithVariables', ['https://auth.example.com/start?rd=$escaped_request_uri'], ['https://a.example.com/"x"', 'https://a.example.com/a b;']],
    ['authUrl', ['http://auth.auth.svc.cluster.local/verify', 'https://auth.example.com:8443/v'], ['/verify', 'auth.example.com/verify', 'https://a..b/x']],
    ['nginxVariables', ['$remote_addr$http_cookie', '${host}'], ['$a;b', '$a.b', '$a\nb']],
    ['regexPathWithCapture', ['/$2', '/new$1$2', 'x/$1', '/healthz'], ['/a?b', '/a b', '/(x)']],
    ['serverName', ['internal.example.com', '~^www\\d+\\.example\\.com$'], ['a b;', 'a"b']],
    ['corsOrigins', ['https://web.example.com', 'https://a.example.com, https://*.b.example.com:8443', '*'], ['https://a.example.com/path', '$http_origin', 'https://a_b.example.com']],
    ['corsMethods', ['GET, POST', 'GET'], ['GET;POST', '$GET', '']],
    ['corsHeaders', ['Origin', 'X-A, x_b'], ['', ' ', 'X.A', 'X-A;']],
    ['corsExposeHeaders', ['X-A, X-B', '*'], ['X.A', '#x']],
    ['nextUpstream', ['error timeout', 'http_503', 'error timeout http_502 http_503 http_504'], ['http_501', 'error,timeout', '5xx']],
    ['authResponseHeaders', ['X-User-ID, X-User-Email'], ['X.User', 'X-User;']],
    ['authCacheDuration', ['200 201 202 203 204 5m', '200 202 401 5m', '30s'], ['5m 200', '200', 'five minutes']],
    ['cookieSeconds', ['3600', '0'], ['', 'soon']],
  ] as const)('%s', (name, good, bad) => {
    const v = VALIDATORS[name];
    for (const value of good) expect([value, v.test(value)]).toEqual([value, true]);
    for (const value of bad) expect([value, v.test(value)]).toEqual([value, false]);
  });

  test('options are matched as ingress-nginx matches them', () => {
    expect(RULES.backendProtocol.validator.test('GRPCS')).toBe(true);
    expect(RULES.backendProtocol.validator.test('H2C')).toBe(false);
    expect(RULES.sessionCookieSameSite.validator.test('Lax')).toBe(true);
    expect(RULES.affinity.validator.test('cookie')).toBe(true);
    expect(RULES.affinity.validator.test('Cookie')).toBe(false);
  });

  test('the suggested annotation-value-word-blocklist', () => {
    expect(blockedWord('https://auth.example.com/location')).toBe('location');
    expect(blockedWord('$remote_addr$request_method$host$request_uri$http_authorization$http_cookie')).toBeUndefined();
  });

  test('every key is a prefixed, non-snippet key with a Low / Medium / High risk and a validator', () => {
    for (const name of Object.keys(ANNOTATIONS) as AnnotationName[]) {
      expect(A(name).startsWith(PREFIX)).toBe(true);
      expect(A(name)).not.toMatch(/snippet/);
      expect(['Low', 'Medium', 'High']).toContain(RULES[name].risk);
    }
  });
});

describe('every supported policy sample renders annotations ingress-nginx accepts', () => {
  const keys = new Map<string, AnnotationName>(Object.entries(ANNOTATIONS).map(([name, key]) => [key, name as AnnotationName]));
  test.each(Object.keys(POLICY_SAMPLES))('%s', (feature) => {
    const { noBackend, ...options } = POLICY_SAMPLES[feature as keyof typeof POLICY_SAMPLES]();
    const { ingress } = render({ ...options, backend: noBackend ? undefined : Backend.service('svc', 80) });
    if (!ingress) return; // refused by the matrix (tested in capabilities.test.ts)
    for (const [key, value] of Object.entries(ingress.metadata.annotations ?? {})) {
      const name = keys.get(key);
      expect(name).toBeDefined();
      expect([key, RULES[name!].validator.test(value as string)]).toEqual([key, true]);
      expect(blockedWord(value as string)).toBeUndefined();
    }
  });
});

describe('rate limits', () => {
  test('per second, burst as a whole multiplier, connections and exempt CIDRs', () => {
    expect(annotationsOf({ rateLimit: RateLimit.perClientIp({ requests: 10, burst: 30, concurrentConnections: 5, exemptCidrs: ['10.0.0.0/8', '192.168.0.1'] }) })).toEqual({
      [A('limitRps')]: '10',
      [A('limitBurstMultiplier')]: '3',
      [A('limitConnections')]: '5',
      [A('limitAllowlist')]: '10.0.0.0/8,192.168.0.1/32',
    });
  });

  test('per minute; no burst writes multiplier 1 (one period\'s worth), never ingress-nginx\'s default 5', () => {
    expect(annotationsOf({ rateLimit: RateLimit.perClientIp({ requests: 300, period: RateLimitPeriod.MINUTE }) }))
      .toEqual({ [A('limitRpm')]: '300', [A('limitBurstMultiplier')]: '1' });
    // A burst of exactly one period's worth is the same intent, spelled the same.
    expect(annotationsOf({ rateLimit: RateLimit.perClientIp({ requests: 300, period: RateLimitPeriod.MINUTE, burst: 300 }) }))
      .toEqual({ [A('limitRpm')]: '300', [A('limitBurstMultiplier')]: '1' });
  });

  test('per hour or day is refused (ingress-nginx counts per second or minute)', () => {
    for (const period of [RateLimitPeriod.HOUR, RateLimitPeriod.DAY]) {
      const chart = newChart();
      new ApiGateway(chart, 'gw', { controller: Controller.ingressNginx() })
        .addRoute('r', { backend: Backend.service('svc', 80), rateLimit: RateLimit.perClientIp({ requests: 1000, period }) });
      expect(synthError(chart)).toContain('Rate limit per hour or day (rateLimit.period) is not supported by controller \'ingress-nginx\'');
    }
  });

  test('a burst that is not a multiple of the rate is refused', () => {
    expect(render({ rateLimit: RateLimit.perClientIp({ requests: 10, burst: 25 }) }).error).toContain(
      "[test/gw/r] Rate limit burst (rateLimit.burst) is not supported by controller 'ingress-nginx': its burst is the rate times a whole limit-burst-multiplier, and 25 is not a multiple of 10; use 20 or 30. Supported by: Controller.traefik(), Controller.traefik({ output: TraefikOutput.INGRESS }).");
  });

  test('a default from the gateway is reported on the gateway, with the defaults prop', () => {
    const chart = newChart();
    const gw = new ApiGateway(chart, 'gw', { controller: Controller.ingressNginx(), defaults: { rateLimit: RateLimit.perClientIp({ requests: 10, burst: 15 }) } });
    gw.addRoute('r', { hosts: ['a.example.com'], backend: Backend.service('svc', 80) });
    gw.addRoute('s', { hosts: ['b.example.com'], backend: Backend.service('svc', 80) });
    const error = synthError(chart)!;
    expect(error).toContain('[test/gw] Rate limit burst (defaults.rateLimit.burst) is not supported');
    expect(error.match(/defaults.rateLimit.burst/g)).toHaveLength(1);
  });
});

describe('timeouts and body size', () => {
  test('whole seconds', () => {
    const timeouts = Timeouts.of({ connect: Duration.seconds(5), read: Duration.minutes(2), send: Duration.seconds(120) });
    expect(annotationsOf({ timeouts })).toEqual({
      [A('proxyConnectTimeout')]: '5', [A('proxyReadTimeout')]: '120', [A('proxySendTimeout')]: '120',
    });
  });

  test('non-whole seconds are refused with the standard message', () => {
    expect(render({ timeouts: Timeouts.of({ read: Duration.millis(1500) }) }).error).toContain(
      "[test/gw/r] Read timeout (timeouts.read) is not supported by controller 'ingress-nginx': it takes whole seconds (1500 ms given). Supported by: Controller.kong(), Controller.kong({ mode: KongMode.GATEWAY_API }).");
  });

  test('sizes in the largest exact unit (nginx k / m / g are powers of 1024)', () => {
    expect(nginxSize(50 * 1024 * 1024)).toBe('50m');
    expect(nginxSize(2 * 1024 ** 3)).toBe('2g');
    expect(nginxSize(1536 * 1024)).toBe('1536k');
    expect(nginxSize(1000)).toBe('1000');
    expect(annotationsOf({ bodySize: BodySize.kibibytes(512) })).toEqual({ [A('proxyBodySize')]: '512k' });
  });
});

describe('CORS', () => {
  test('every setting explicit, credentials always', () => {
    expect(annotationsOf({
      cors: Cors.allow({
        origins: ['https://web.example.com', 'https://apps.example.com'],
        methods: ['get', 'PUT'],
        headers: ['X-Requested-With', 'Content-Type'],
        exposeHeaders: ['X-Total', 'X-Page'],
        credentials: true,
        maxAge: Duration.minutes(10),
      }),
    })).toEqual({
      [A('enableCors')]: 'true',
      [A('corsAllowOrigin')]: 'https://apps.example.com, https://web.example.com',
      [A('corsAllowMethods')]: 'GET, PUT',
      [A('corsAllowHeaders')]: 'Content-Type, X-Requested-With',
      [A('corsExposeHeaders')]: 'X-Page, X-Total',
      [A('corsAllowCredentials')]: 'true',
      [A('corsMaxAge')]: '600',
    });
  });

  test('no extra request headers: a header only browsers set, never ingress-nginx\'s default list', () => {
    expect(annotationsOf({ cors: Cors.allow({ origins: ['*'] }) })).toEqual({
      [A('enableCors')]: 'true',
      [A('corsAllowOrigin')]: '*',
      [A('corsAllowMethods')]: 'GET, HEAD, POST',
      [A('corsAllowHeaders')]: 'Origin',
      [A('corsAllowCredentials')]: 'false',
      [A('corsMaxAge')]: '5', // unset: the browsers' default, not ingress-nginx's 20 days
    });
  });

  test('header names outside ingress-nginx\'s character class are refused', () => {
    expect(render({ cors: Cors.allow({ origins: ['https://web.example.com'], headers: ['x.trace'], exposeHeaders: ['x!'] }) }).error).toContain(
      "[test/gw/r] CORS (cors.headers) is not supported by controller 'ingress-nginx': cors-allow-headers accepts only letters, digits, '-' and '_' in header names ('x.trace' given).");
    expect(render({ cors: Cors.allow({ origins: ['https://web.example.com'], exposeHeaders: ['x-ok', 'x!'] }) }).error).toContain(
      "[test/gw/r] CORS (cors.exposeHeaders) is not supported by controller 'ingress-nginx': cors-expose-headers accepts only letters, digits, '-' and '_' in header names ('x!' given).");
  });

  test('a CORS value ingress-nginx would refuse names the CORS policy', () => {
    expect(render({ cors: Cors.allow({ origins: ['https://location.example.com'] }) }).error).toContain(
      "[test/gw/r] CORS (cors) is not supported by controller 'ingress-nginx':");
  });
});

describe('redirects', () => {
  test('Redirect.toHttps(): force-ssl-redirect, the backend kept', () => {
    const { ingress } = render({ redirect: Redirect.toHttps() });
    expect(ingress.metadata.annotations).toEqual({ [A('forceSslRedirect')]: 'true' });
    expect(ingress.spec.rules[0].http.paths[0].backend.service.name).toBe('svc');
  });

  test('another status, scheme http, or no backend: refused', () => {
    expect(render({ redirect: Redirect.toHttps({ statusCode: RedirectStatus.MOVED_PERMANENTLY }) }).error).toContain(
      "Redirect to HTTPS / another scheme (redirect.statusCode) is not supported by controller 'ingress-nginx': it answers the HTTPS redirect with its controller-wide http-redirect-code (308 by default), not per route; 301 given");
    expect(render({ redirect: Redirect.to({ scheme: 'http' }), backend: undefined }).error).toContain(
      "(redirect.scheme) is not supported by controller 'ingress-nginx': it only redirects plain HTTP to HTTPS (force-ssl-redirect); 'http' given");
    expect(render({ redirect: Redirect.toHttps(), backend: undefined }).error).toContain(
      "(redirect) is not supported by controller 'ingress-nginx': it redirects to HTTPS from an Ingress that also serves the HTTPS requests, so the route needs a backend");
  });

  test('a route without a backend renders without a TypeError (total code)', () => {
    for (const redirect of [Redirect.toHttps(), Redirect.to({ host: 'b.example.com' }), Redirect.to({ scheme: 'http' })]) {
      const { chart } = render({ redirect, backend: undefined });
      const route = chart.node.findAll().find(c => c.node.path === 'test/gw/r')!;
      const ingress = route.node.findChild('Resource') as any;
      const json = ingress.toJson();
      expect(json.spec).toEqual({ ingressClassName: 'nginx' });
    }
  });
});

describe('rewrites', () => {
  /** Applies ingress-nginx's `rewrite "(?i)<path>" <target>` (case handled by `(?-i)`) to a request path. */
  function rewrite(path: string, target: string, request: string): string | undefined {
    const sensitive = path.includes('(?-i)');
    const re = new RegExp(`^${path.replace('(?-i)', '')}`, sensitive ? '' : 'i');
    const m = re.exec(request);
    if (!m) return undefined;
    return target.replace(/\$(\d)/g, (_, i) => m[Number(i)] ?? '');
  }

  test.each([
    ['/api', '/', [['/api', '/'], ['/api/', '/'], ['/api/users', '/users'], ['/api/a/b?x', '/a/b?x'], ['/apix', undefined], ['/API/users', undefined]]],
    ['/api', '/new', [['/api', '/new'], ['/api/', '/new/'], ['/api/users', '/new/users'], ['/apix', undefined]]],
    ['/v1.0', '/v2', [['/v1.0/x', '/v2/x'], ['/v1x0/x', undefined]]],
  ] as const)('prefix %s -> %s replaces exactly the matched prefix', (prefix, replacement, cases) => {
    const { ingress } = render({ match: { path: PathMatch.prefix(prefix) }, rewrite: Rewrite.replacePrefix(replacement) });
    const path = ingress.spec.rules[0].http.paths[0];
    expect(path.pathType).toBe('ImplementationSpecific');
    expect(ingress.metadata.annotations[A('useRegex')]).toBe('true');
    for (const [request, expected] of cases) {
      expect([request, rewrite(path.path, ingress.metadata.annotations[A('rewriteTarget')], request)]).toEqual([request, expected]);
    }
  });

  test('full path replacement: every match becomes an equivalent regex', () => {
    const { ingress } = render({
      matches: [{ path: PathMatch.exact('/status') }, { path: PathMatch.prefix('/health') }, { path: PathMatch.regex('/ready[0-9]') }],
      rewrite: Rewrite.replaceFullPath('/healthz'),
    } as RouteOptions);
    expect(ingress.spec.rules[0].http.paths.map((p: any) => p.path)).toEqual(['/(?-i)status$', '/(?-i)health(/.*)?$', '/ready[0-9]$']);
    expect(ingress.metadata.annotations[A('rewriteTarget')]).toBe('/healthz');
    expect(rewrite('/(?-i)health(/.*)?$', '/healthz', '/health/x')).toBe('/healthz');
    expect(rewrite('/(?-i)health(/.*)?$', '/healthz', '/healthy')).toBeUndefined();
  });

  test('a rewriting route cannot share a host with literal paths of other routes', () => {
    const error = render({ match: { path: PathMatch.prefix('/api') }, rewrite: Rewrite.replacePrefix('/') }, gw => {
      gw.addRoute('web', { hosts: ['a.example.com'], match: { path: PathMatch.prefix('/web') }, backend: Backend.service('web', 80) });
    }).error;
    expect(error).toContain(
      "[test/gw/r] Rewrite the matched prefix (rewrite) is not supported by controller 'ingress-nginx': rewrite-target turns every path of host 'a.example.com' into a case-insensitive regex, which would change the literal paths of [test/gw/web]; put rewriting routes on their own host.");
    // Regex routes on the same host are fine, as are literal routes on other hosts.
    expect(render({ match: { path: PathMatch.prefix('/api') }, rewrite: Rewrite.replacePrefix('/') }, gw => {
      gw.addRoute('items', { hosts: ['a.example.com'], match: { path: PathMatch.regex('/items/[0-9]+') }, backend: Backend.service('items', 80) });
      gw.addRoute('web', { hosts: ['b.example.com'], match: { path: PathMatch.prefix('/web') }, backend: Backend.service('web', 80) });
    }).error).toBeUndefined();
  });

  test('targets ingress-nginx cannot carry literally, and prefixing the root, are refused', () => {
    expect(render({ rewrite: Rewrite.replaceFullPath('/a;b') }).error).toContain(
      "Rewrite the whole path (rewrite) is not supported by controller 'ingress-nginx': rewrite-target accepts only letters, digits and '-', '.', '_', '~', '/', ':' in a literal path ('/a;b' given)");
    expect(render({ rewrite: Rewrite.replacePrefix('/app') }).error).toContain(
      "rewrite-target cannot put '/app' in front of every path exactly ('/' would become '/app/'); match a more specific prefix");
    expect(render({ rewrite: Rewrite.replacePrefix('/') }).error).toBeUndefined();
  });

  test('Rewrite.hostname(): upstream-vhost', () => {
    expect(annotationsOf({ rewrite: Rewrite.hostname('internal.example.com') })).toEqual({ [A('upstreamVhost')]: 'internal.example.com' });
  });
});

describe('client addresses, retries, affinity, protocols', () => {
  test('allow and deny lists', () => {
    expect(annotationsOf({ ipAccess: IpAccess.allow(['10.0.0.0/8', '2001:db8::/32']) })).toEqual({ [A('allowlistSourceRange')]: '10.0.0.0/8,2001:db8::/32' });
    expect(annotationsOf({ ipAccess: IpAccess.deny(['203.0.113.7']) })).toEqual({ [A('denylistSourceRange')]: '203.0.113.7/32' });
  });

  test('retries: tries include the first attempt; conditions then codes', () => {
    const retries = Retries.of({ attempts: 2, on: [RetryOn.GATEWAY_ERROR, RetryOn.CONNECT_FAILURE, RetryOn.RESET], statusCodes: [429, 503] });
    expect(annotationsOf({ retries })).toEqual({
      [A('proxyNextUpstreamTries')]: '3',
      [A('proxyNextUpstream')]: 'error timeout http_429 http_502 http_503 http_504',
    });
  });

  test('retries: the window in whole seconds, non-idempotent methods last', () => {
    const retries = Retries.of({ attempts: 1, statusCodes: [503], window: Duration.seconds(15), nonIdempotent: true });
    expect(annotationsOf({ retries })).toEqual({
      [A('proxyNextUpstreamTries')]: '2',
      [A('proxyNextUpstream')]: 'http_503 non_idempotent',
      [A('proxyNextUpstreamTimeout')]: '15',
    });
  });

  test('retries: a failed connection or a reset alone is refused (nginx\'s error covers both), and so is a window in milliseconds', () => {
    for (const on of [[RetryOn.CONNECT_FAILURE], [RetryOn.RESET]]) {
      expect(render({ retries: Retries.of({ attempts: 2, on }) }).error).toContain(
        `Retries (retries.on) is not supported by controller 'ingress-nginx': nginx's 'error' and 'timeout' conditions retry failed connections and resets (or no answer) alike, so RetryOn.${on[0] === RetryOn.RESET ? 'RESET' : 'CONNECT_FAILURE'} cannot be retried alone`);
    }
    expect(render({ retries: Retries.of({ attempts: 2, statusCodes: [503], window: Duration.millis(1500) }) }).error).toContain(
      "Retry window (retries.window) is not supported by controller 'ingress-nginx': proxy-next-upstream-timeout takes whole seconds (1500 ms given)");
  });

  test('retries on codes or conditions nginx lacks are refused', () => {
    const error = render({ retries: Retries.of({ attempts: 1, on: [RetryOn.SERVER_ERROR], statusCodes: [501, 503] }) }).error;
    expect(error).toContain("Retry on status codes (retries.statusCodes) is not supported by controller 'ingress-nginx': proxy-next-upstream retries only on 403, 404, 429, 500, 502, 503, 504 (501 given).");
    expect(error).toContain("Retries (retries.on) is not supported by controller 'ingress-nginx': proxy-next-upstream cannot retry on every 5xx, only on 500, 502, 503 and 504");
  });

  test('session affinity: explicit path and Secure flag', () => {
    expect(annotationsOf({ sessionAffinity: SessionAffinity.cookie({ name: 'cart', path: '/cart', sameSite: SameSite.LAX, secure: false }) })).toEqual({
      [A('affinity')]: 'cookie',
      [A('sessionCookieName')]: 'cart',
      [A('sessionCookiePath')]: '/cart',
      [A('sessionCookieSecure')]: 'false',
      [A('sessionCookieSameSite')]: 'Lax',
    });
  });

  test('session affinity ingress-nginx cannot express is refused', () => {
    const error = render({ sessionAffinity: SessionAffinity.cookie({ name: 'a!b', httpOnly: false, path: '/a@b' }) }).error;
    expect(error).toContain("(sessionAffinity.name) is not supported by controller 'ingress-nginx': session-cookie-name accepts only");
    expect(error).toContain("(sessionAffinity.path) is not supported by controller 'ingress-nginx': session-cookie-path accepts only");
    expect(error).toContain("(sessionAffinity.httpOnly) is not supported by controller 'ingress-nginx': it always marks the affinity cookie HttpOnly");
  });

  test('routes sharing a backend Service port must agree on affinity', () => {
    const affinity = SessionAffinity.cookie({ name: 'cart' });
    const error = render({ sessionAffinity: affinity }, gw => {
      gw.addRoute('other', { hosts: ['b.example.com'], backend: Backend.service('svc', 80) });
    }).error;
    expect(error).toContain("[test/gw/r] Cookie session affinity (sessionAffinity) is not supported by controller 'ingress-nginx': it keeps session affinity per backend Service port, and edge/svc:80 is also used by [test/gw/other] with no or another affinity");
    expect(render({ sessionAffinity: affinity }, gw => {
      gw.addRoute('other', { hosts: ['b.example.com'], backend: Backend.service('svc', 80), sessionAffinity: SessionAffinity.cookie({ name: 'cart' }) });
      gw.addRoute('elsewhere', { hosts: ['c.example.com'], backend: Backend.service('svc', 81) });
    }).error).toBeUndefined();
  });

  test('backend protocols', () => {
    expect(annotationsOf({ backendProtocol: BackendProtocol.GRPCS })).toEqual({ [A('backendProtocol')]: 'GRPCS' });
    expect(render({ backendProtocol: BackendProtocol.WEBSOCKET }).ingress.metadata.annotations).toBeUndefined();
  });
});

describe('authentication', () => {
  test('external auth with response headers, sign-in and a cache keyed on every named input', () => {
    expect(annotationsOf({
      auth: EdgeAuth.external({ url: 'https://auth.example.com/verify', responseHeaders: ['X-User-ID'], signinUrl: 'https://auth.example.com/start', cache: Duration.seconds(90) }),
    })).toEqual({
      [A('authUrl')]: 'https://auth.example.com/verify',
      [A('authResponseHeaders')]: 'X-User-ID',
      [A('authSignin')]: 'https://auth.example.com/start',
      [A('authCacheKey')]: '$remote_addr$request_method$host$request_uri$http_authorization$http_cookie',
      [A('authCacheDuration')]: '200 201 202 203 204 90s',
    });
  });

  test('response header names outside ingress-nginx\'s class are refused', () => {
    expect(render({ auth: EdgeAuth.external({ url: 'https://auth.example.com/verify', responseHeaders: ['X-User.Id'] }) }).error).toContain(
      "External auth response headers (auth.responseHeaders) is not supported by controller 'ingress-nginx': auth-response-headers accepts only letters, digits, '-' and '_' in header names ('X-User.Id' given).");
  });

  test('values with a suggested blocklist word are refused', () => {
    expect(render({ auth: EdgeAuth.external({ url: 'https://auth.example.com/location' }) }).error).toContain(
      "External authentication (auth) is not supported by controller 'ingress-nginx': the value 'https://auth.example.com/location' of nginx.ingress.kubernetes.io/auth-url contains 'location', which the annotation-value-word-blocklist suggested by ingress-nginx refuses.");
  });

  test('basic auth from an htpasswd Secret', () => {
    expect(annotationsOf({ auth: EdgeAuth.basic({ secretName: 'users' }) })).toEqual({
      [A('authType')]: 'basic', [A('authSecret')]: 'users', [A('authSecretType')]: 'auth-file',
    });
  });
});

test('output is deterministic and independent of construction order of unrelated routes', () => {
  const make = () => {
    const chart = newChart();
    const gw = new ApiGateway(chart, 'gw', { controller: Controller.ingressNginx() });
    gw.addRoute('r', { hosts: ['a.example.com'], backend: Backend.service('svc', 80), cors: Cors.allow({ origins: ['https://b.example.com', 'https://a.example.com'] }) });
    return JSON.stringify(Testing.synth(chart));
  };
  expect(make()).toBe(make());
});
