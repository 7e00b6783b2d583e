import { Duration } from 'cdk8s';
import {
  ApiGateway, Backend, BackendTls, CanarySplit, CanaryTraffic, Controller, EdgeAuth, IpAccess, PathMatch, RateLimit, RateLimitPeriod,
  BackendProtocol, BodySize, Redirect, Retries, RetryOn, Rewrite, RouteOptions, SessionAffinity, Timeouts,
} from '../../src';
import { AUTH, AUTH_CACHE_KEY } from '../../src/controllers/ingress-nginx/features/auth';
import { BACKEND_PROTOCOL } from '../../src/controllers/ingress-nginx/features/backend-protocol';
import { BODY_SIZE } from '../../src/controllers/ingress-nginx/features/body-size';
import { canaryProblems, splitProblems } from '../../src/controllers/ingress-nginx/features/canary';
import { IP_ACCESS } from '../../src/controllers/ingress-nginx/features/ip-access';
import { RATE_LIMIT } from '../../src/controllers/ingress-nginx/features/rate-limit';
import { forcesHttps, REDIRECT } from '../../src/controllers/ingress-nginx/features/redirect';
import { RETRIES } from '../../src/controllers/ingress-nginx/features/retries';
import { affinityConflicts, SESSION_AFFINITY } from '../../src/controllers/ingress-nginx/features/session-affinity';
import { TIMEOUT } from '../../src/controllers/ingress-nginx/features/timeouts';
import { newChart, synthConformant } from '../util';

/*
 * The ingress-nginx feature files' contract, exactly: each annotation a feature emits with the
 * feature and prop it is attributed to (a value ingress-nginx would refuse is reported against
 * them), nothing for settings the feature refuses elsewhere, and the literal refusals. Written
 * for the mutants the capability and controller tests left alive (docs/mutation-scores.md).
 */

const SOURCE = 'test/edge/r';

function gatewayWith(options: RouteOptions) {
  const chart = newChart();
  const gw = new ApiGateway(chart, 'edge', { controller: Controller.ingressNginx() });
  const route = gw.addRoute('r', { hosts: ['a.example.com'], ...options });
  return { chart, gw, route: route._ir };
}

const irOf = (options: RouteOptions) => gatewayWith(options).route;
const api = Backend.service('api', 80);
const perSecond = (requests: number, burst?: number) => RateLimit.perClientIp({ requests, period: RateLimitPeriod.SECOND, burst });

describe('rate-limit.ts', () => {
  test('a per-client limit: rps and the burst multiplier, attributed to rateLimit and rateLimit.burst', () => {
    expect(RATE_LIMIT.annotations(irOf({ backend: api, rateLimit: perSecond(10, 30) }))).toEqual([
      { name: 'limitRps', value: '10', feature: 'rateLimitPerClientIp', prop: 'rateLimit', source: SOURCE },
      { name: 'limitBurstMultiplier', value: '3', feature: 'rateLimitBurst', prop: 'rateLimit.burst', source: SOURCE },
    ]);
    const perMinute = RateLimit.perClientIp({ requests: 10, period: RateLimitPeriod.MINUTE });
    expect(RATE_LIMIT.annotations(irOf({ backend: api, rateLimit: perMinute }))).toEqual([
      { name: 'limitRpm', value: '10', feature: 'rateLimitPerClientIp', prop: 'rateLimit', source: SOURCE },
      { name: 'limitBurstMultiplier', value: '1', feature: 'rateLimitPerClientIp', prop: 'rateLimit', source: SOURCE },
    ]);
  });

  test('connections and exempt addresses, each attributed to its prop', () => {
    const rateLimit = RateLimit.perClientIp({ requests: 10, period: RateLimitPeriod.SECOND, burst: 10, concurrentConnections: 5, exemptCidrs: ['10.0.0.0/8', '192.0.2.1/32'] });
    expect(RATE_LIMIT.annotations(irOf({ backend: api, rateLimit })).slice(2)).toEqual([
      { name: 'limitConnections', value: '5', feature: 'rateLimitConnections', prop: 'rateLimit.concurrentConnections', source: SOURCE },
      { name: 'limitAllowlist', value: '10.0.0.0/8,192.0.2.1/32', feature: 'rateLimitExemptCidrs', prop: 'rateLimit.exemptCidrs', source: SOURCE },
    ]);
  });

  test('a burst that is not a multiple of the rate is not rendered (refused by the feature\'s problems)', () => {
    expect(RATE_LIMIT.annotations(irOf({ backend: api, rateLimit: perSecond(10, 15) })))
      .toEqual([{ name: 'limitRps', value: '10', feature: 'rateLimitPerClientIp', prop: 'rateLimit', source: SOURCE }]);
  });

  test('a per-header limit renders nothing here (the matrix refuses it)', () => {
    const perHeader = RateLimit.perHeader('x-api-key', { requests: 10, period: RateLimitPeriod.SECOND });
    expect(RATE_LIMIT.annotations(irOf({ backend: api, rateLimit: perHeader }))).toEqual([]);
  });
});

describe('retries.ts', () => {
  test('status codes: proxy-next-upstream attributed to retryStatusCodes; without them to retries', () => {
    expect(RETRIES.annotations(irOf({ backend: api, retries: Retries.of({ attempts: 2, statusCodes: [503, 502] }) }))).toEqual([
      { name: 'proxyNextUpstreamTries', value: '3', feature: 'retries', prop: 'retries', source: SOURCE },
      { name: 'proxyNextUpstream', value: 'http_502 http_503', feature: 'retryStatusCodes', prop: 'retries', source: SOURCE },
    ]);
    expect(RETRIES.annotations(irOf({ backend: api, retries: Retries.of({ attempts: 1, on: [RetryOn.CONNECT_FAILURE, RetryOn.RESET] }) }))).toEqual([
      { name: 'proxyNextUpstreamTries', value: '2', feature: 'retries', prop: 'retries', source: SOURCE },
      { name: 'proxyNextUpstream', value: 'error timeout', feature: 'retries', prop: 'retries', source: SOURCE },
    ]);
  });

  test('the retry window in whole seconds; a fractional window renders nothing (refused by the feature\'s problems)', () => {
    const tries = { name: 'proxyNextUpstreamTries', value: '2', feature: 'retries', prop: 'retries', source: SOURCE };
    const upstream = { name: 'proxyNextUpstream', value: 'error timeout', feature: 'retries', prop: 'retries', source: SOURCE };
    const on = [RetryOn.CONNECT_FAILURE, RetryOn.RESET];
    expect(RETRIES.annotations(irOf({ backend: api, retries: Retries.of({ attempts: 1, on, window: Duration.seconds(10) }) }))).toEqual([
      tries, upstream, { name: 'proxyNextUpstreamTimeout', value: '10', feature: 'retryWindow', prop: 'retries.window', source: SOURCE },
    ]);
    const fractional = Retries.of({ attempts: 1, on, window: Duration.millis(2500) });
    expect(RETRIES.annotations(irOf({ backend: api, retries: fractional }))).toEqual([tries, upstream]);
  });

  test('a status code nginx cannot retry on leaves proxy-next-upstream out (refused by the feature\'s problems)', () => {
    expect(RETRIES.annotations(irOf({ backend: api, retries: Retries.of({ attempts: 2, statusCodes: [501] }) })))
      .toEqual([{ name: 'proxyNextUpstreamTries', value: '3', feature: 'retries', prop: 'retries', source: SOURCE }]);
  });
});

describe('redirect.ts', () => {
  test('Redirect.toHttps() with a backend: force-ssl-redirect; without one, nothing is emitted', () => {
    const served = irOf({ backend: api, redirect: Redirect.toHttps({ statusCode: 308 }) });
    expect(forcesHttps(served)).toBe(true);
    expect(REDIRECT.annotations(served)).toEqual([{ name: 'forceSslRedirect', value: 'true', feature: 'redirectScheme', prop: 'redirect', source: SOURCE }]);
    const bare = irOf({ redirect: Redirect.toHttps({ statusCode: 308 }) });
    expect(forcesHttps(bare)).toBe(false);
    expect(REDIRECT.annotations(bare)).toEqual([]);
  });

  test('Redirect.toUrl: permanent-redirect and its code, attributed to redirect and redirect.statusCode', () => {
    expect(REDIRECT.annotations(irOf({ backend: api, redirect: Redirect.toUrl('https://www.example.com/moved') }))).toEqual([
      { name: 'permanentRedirect', value: 'https://www.example.com/moved', feature: 'redirectUrl', prop: 'redirect', source: SOURCE },
      { name: 'permanentRedirectCode', value: '301', feature: 'redirectUrl', prop: 'redirect.statusCode', source: SOURCE },
    ]);
  });

  test('a redirect to http is refused once, for its scheme (it is no HTTPS redirect needing a backend)', () => {
    const { gw, route } = gatewayWith({ redirect: Redirect.to({ scheme: 'http' }) });
    expect(REDIRECT.problems(route, gw._gatewayIr()).map(p => p.message)).toEqual([expect.stringMatching(
      /^Redirect to HTTPS \/ another scheme \(redirect\.scheme\) is not supported by controller 'ingress-nginx': it only redirects plain HTTP to HTTPS \(force-ssl-redirect\); 'http' given\. Supported by: /)]);
  });

  test('an HTTPS redirect to another port is no plain HTTPS redirect: no backend or status-code refusal of its own', () => {
    const { gw, route } = gatewayWith({ redirect: Redirect.to({ scheme: 'https', port: 8443 }) });
    expect(forcesHttps(route)).toBe(false);
    expect(REDIRECT.problems(route, gw._gatewayIr())).toEqual([]);
  });
});

describe('ip-access.ts', () => {
  test('allow and deny lists, comma-separated, attributed to ipAccess', () => {
    expect(IP_ACCESS.annotations(irOf({ backend: api, ipAccess: IpAccess.allow(['10.0.0.0/8', '192.168.0.0/16']) }))).toEqual([
      { name: 'allowlistSourceRange', value: '10.0.0.0/8,192.168.0.0/16', feature: 'ipAllow', prop: 'ipAccess', source: SOURCE },
    ]);
    expect(IP_ACCESS.annotations(irOf({ backend: api, ipAccess: IpAccess.deny(['192.0.2.0/24', '198.51.100.0/24']) }))).toEqual([
      { name: 'denylistSourceRange', value: '192.0.2.0/24,198.51.100.0/24', feature: 'ipDeny', prop: 'ipAccess', source: SOURCE },
    ]);
  });
});

describe('auth.ts', () => {
  test('external auth: the URL alone without response headers or sign-in; each extra attributed to its prop', () => {
    expect(AUTH.annotations(irOf({ backend: api, auth: EdgeAuth.external({ url: 'https://auth.example.com/verify' }) }))).toEqual([
      { name: 'authUrl', value: 'https://auth.example.com/verify', feature: 'externalAuth', prop: 'auth', source: SOURCE },
    ]);
    expect(AUTH.annotations(irOf({
      backend: api,
      auth: EdgeAuth.external({ url: 'https://auth.example.com/verify', responseHeaders: ['x-user', 'x-groups'], signinUrl: 'https://auth.example.com/login' }),
    }))).toEqual([
      { name: 'authUrl', value: 'https://auth.example.com/verify', feature: 'externalAuth', prop: 'auth', source: SOURCE },
      { name: 'authResponseHeaders', value: 'x-groups, x-user', feature: 'externalAuthResponseHeaders', prop: 'auth.responseHeaders', source: SOURCE },
      { name: 'authSignin', value: 'https://auth.example.com/login', feature: 'externalAuthSignin', prop: 'auth.signinUrl', source: SOURCE },
    ]);
  });
});

test('auth.ts: the auth cache key and duration, attributed to auth.cache', () => {
  const auth = EdgeAuth.external({ url: 'https://auth.example.com/verify', cache: Duration.minutes(5) });
  expect(AUTH.annotations(irOf({ backend: api, auth })).slice(1)).toEqual([
    { name: 'authCacheKey', value: AUTH_CACHE_KEY, feature: 'externalAuthCache', prop: 'auth.cache', source: SOURCE },
    { name: 'authCacheDuration', value: '200 201 202 203 204 5m', feature: 'externalAuthCache', prop: 'auth.cache', source: SOURCE },
  ]);
});

describe('timeouts.ts', () => {
  test('whole seconds only: a fractional timeout renders nothing (refused by the feature\'s problems)', () => {
    const timeouts = Timeouts.of({ connect: Duration.millis(1500), read: Duration.seconds(30) });
    expect(TIMEOUT.annotations(irOf({ backend: api, timeouts }))).toEqual([
      { name: 'proxyReadTimeout', value: '30', feature: 'timeoutRead', prop: 'timeouts.read', source: SOURCE },
    ]);
  });
});

describe('canary.ts', () => {
  function canaryOn(traffic: CanaryTraffic) {
    const chart = newChart();
    const gw = new ApiGateway(chart, 'edge', { controller: Controller.ingressNginx() });
    const stable = gw.addRoute('r', { hosts: ['a.example.com'], backend: api });
    new CanarySplit(gw, 'c', { stable, canary: Backend.service('api-v2', 80), traffic });
    return canaryProblems(gw._gatewayIr()).map(p => p.message);
  }
  test('header names nginx ignores and header values its validation refuses; every cookie name passes', () => {
    expect(canaryOn(CanaryTraffic.header('x_canary', 'yes'))[0]).toMatch(
      /^Header canary \(traffic\) is not supported by controller 'ingress-nginx': nginx ignores request headers whose names contain characters other than letters, digits and '-' \('x_canary' given\)\./);
    expect(canaryOn(CanaryTraffic.header('x-canary', 'a b'))[0]).toMatch(
      /^Header canary \(traffic\) is not supported by controller 'ingress-nginx': its annotation validation accepts only letters, digits and -._~\/: in canary-by-header-value \('a b' given\)\./);
    expect(canaryOn(CanaryTraffic.headerPresent('x_canary'))[0]).toMatch(/^Header-presence canary \(traffic\) is not supported by controller 'ingress-nginx': nginx ignores request headers whose names contain/);
    expect(canaryOn(CanaryTraffic.header('x-canary', 'yes'))).toEqual([]);
    // Every cookie name the intent accepts passes canary-by-cookie's validation.
    expect(canaryOn(CanaryTraffic.cookie('canary_v2.~-x'))).toEqual([]);
  });

  test('a route with three backends, or two with different tls, is refused', () => {
    const three = gatewayWith({ backends: [api, Backend.service('b', 80), Backend.service('c', 80)] });
    expect(splitProblems(three.gw._gatewayIr()).map(p => p.message)).toEqual([expect.stringMatching(
      /^Several backends on one route \(backends\) is not supported by controller 'ingress-nginx': ingress-nginx splits a path between two Services only \(the stable Ingress and one canary Ingress\); 3 backends given\./)]);
    const tls = gatewayWith({ backends: [api, Backend.service('b', 443, { tls: BackendTls.verify({ hostname: 'b.internal' }) })] });
    expect(splitProblems(tls.gw._gatewayIr()).map(p => p.message)).toEqual([expect.stringMatching(
      /^Re-encryption to HTTPS backends \(backends\) is not supported by controller 'ingress-nginx': the second backend is a canary Ingress, which takes the first Ingress's backend-protocol and proxy-ssl-\* settings, so both backends must have the same tls\./)]);
    expect(splitProblems(gatewayWith({ backends: [api, Backend.service('b', 80)] }).gw._gatewayIr())).toEqual([]);
  });
});

describe('backend-protocol.ts and body-size.ts', () => {
  test('a backend with tls leaves backend-protocol HTTPS to tls.ts, but not GRPC', () => {
    const tls = Backend.service('api', 443, { tls: BackendTls.verify({ hostname: 'api.internal' }) });
    expect(BACKEND_PROTOCOL.annotations(irOf({ backend: tls, backendProtocol: BackendProtocol.HTTPS }))).toEqual([]);
    expect(BACKEND_PROTOCOL.annotations(irOf({ backend: tls, backendProtocol: BackendProtocol.GRPC }))).toEqual([
      { name: 'backendProtocol', value: 'GRPC', feature: 'backendGrpc', prop: 'backendProtocol', source: SOURCE },
    ]);
    expect(BACKEND_PROTOCOL.annotations(irOf({ backend: api, backendProtocol: BackendProtocol.HTTPS }))).toEqual([
      { name: 'backendProtocol', value: 'HTTPS', feature: 'backendHttps', prop: 'backendProtocol', source: SOURCE },
    ]);
  });

  test('proxy-body-size in the largest whole unit, attributed to bodySize', () => {
    expect(BODY_SIZE.annotations(irOf({ backend: api, bodySize: BodySize.mebibytes(8) }))).toEqual([
      { name: 'proxyBodySize', value: '8m', feature: 'bodySize', prop: 'bodySize', source: SOURCE },
    ]);
  });
});

describe('session-affinity.ts', () => {
  test('the cookie annotations, each attributed to sessionAffinity', () => {
    const at = (name: string, value: string) => ({ name, value, feature: 'sessionAffinityCookie', prop: 'sessionAffinity', source: SOURCE });
    expect(SESSION_AFFINITY.annotations(irOf({ backend: api, sessionAffinity: SessionAffinity.cookie({ name: 'sticky' }) }))).toEqual([
      at('affinity', 'cookie'), at('sessionCookieName', 'sticky'), at('sessionCookiePath', '/'), at('sessionCookieSecure', 'true'),
    ]);
  });

  test('two routes to one backend port with different affinities (both set) are refused, each naming the other', () => {
    const chart = newChart();
    const gw = new ApiGateway(chart, 'edge', { controller: Controller.ingressNginx() });
    gw.addRoute('a', { hosts: ['a.example.com'], backend: api, sessionAffinity: SessionAffinity.cookie({ name: 'a' }) });
    gw.addRoute('b', { hosts: ['b.example.com'], backend: api, sessionAffinity: SessionAffinity.cookie({ name: 'b' }) });
    expect(affinityConflicts(gw._gatewayIr()).map(p => [p.source, p.message.replace(/^.*?: it keeps/, 'it keeps').replace(/\. Supported by: .*$/, '')])).toEqual([
      ['test/edge/a', 'it keeps session affinity per backend Service port, and edge/api:80 is also used by [test/edge/b] with another affinity; give every route to that backend the same SessionAffinity'],
      ['test/edge/b', 'it keeps session affinity per backend Service port, and edge/api:80 is also used by [test/edge/a] with another affinity; give every route to that backend the same SessionAffinity'],
    ]);
    const same = new ApiGateway(newChart(), 'edge', { controller: Controller.ingressNginx() });
    same.addRoute('a', { hosts: ['a.example.com'], backend: api, sessionAffinity: SessionAffinity.cookie({ name: 'a' }) });
    same.addRoute('b', { hosts: ['b.example.com'], backend: api, sessionAffinity: SessionAffinity.cookie({ name: 'a' }) });
    expect(affinityConflicts(same._gatewayIr())).toEqual([]);
  });

  test('two routes to one backend port with different affinities, or one without, are refused', () => {
    const chart = newChart();
    const gw = new ApiGateway(chart, 'edge', { controller: Controller.ingressNginx() });
    gw.addRoute('a', { hosts: ['a.example.com'], backend: api, sessionAffinity: SessionAffinity.cookie({ name: 'a' }) });
    gw.addRoute('b', { hosts: ['b.example.com'], backend: api, sessionAffinity: SessionAffinity.cookie({ name: 'b' }) });
    gw.addRoute('c', { hosts: ['c.example.com'], backend: api });
    const messages = affinityConflicts(gw._gatewayIr()).map(p => p.message);
    expect(messages).toHaveLength(2);
    expect(messages[0]).toContain('edge/api:80 is also used by [test/edge/b, test/edge/c] with no or another affinity; give every route to that backend the same SessionAffinity');
  });
});

describe('rewrite.ts', () => {
  test('a rewriting route\'s regex location: case-sensitive only when the path has letters, dots escaped', () => {
    const chart = newChart();
    const gw = new ApiGateway(chart, 'edge', { controller: Controller.ingressNginx() });
    gw.addRoute('digits', { hosts: ['a.example.com'], match: { path: PathMatch.prefix('/2024') }, rewrite: Rewrite.replacePrefix('/'), backend: api });
    gw.addRoute('letters', { hosts: ['b.example.com'], match: { path: PathMatch.prefix('/v1.0') }, rewrite: Rewrite.replacePrefix('/'), backend: api });
    const paths = synthConformant(chart).filter(o => o.kind === 'Ingress').map(o => [o.metadata.name, o.spec.rules[0].http.paths[0].path]);
    expect(paths).toEqual([['edge-digits', '/2024(/|$)(.*)'], ['edge-letters', '/(?-i)v1\\.0(/|$)(.*)']]);
  });
});
