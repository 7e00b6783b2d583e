import { Duration } from 'cdk8s';
import {
  ApiGateway, Backend, Controller, Cors, EdgeAuth, HeaderRules, IpAccess, PathMatch, RateLimit, Redirect, RedirectStatus, Retries,
  RetryOn, Rewrite, SessionAffinity, TlsCertificate, Timeouts, TraefikOutput,
} from '../../src';
import { newChart, synthConformant, synthError } from '../util';

/**
 * Traefik policy rendering details the corpus snapshots do not pin down: the exact semantics of
 * the generated regular expressions, the middleware order, the routers of HTTPS upgrades and
 * deny lists, and the refusals of validate().
 */

/** Go's Regexp.ReplaceAllString for an anchored pattern: `${n}` groups, `$$` a literal `$`. */
function goReplace(pattern: string, template: string, input: string): string | undefined {
  const m = new RegExp(pattern).exec(input);
  if (!m) return undefined;
  return template.replace(/\$\$|\$\{(\d+)\}/g, (t, n) => (t === '$$' ? '$' : m[Number(n)] ?? ''));
}

function objects(build: (gw: ApiGateway) => void, output = TraefikOutput.INGRESS_ROUTE): any[] {
  const chart = newChart();
  build(new ApiGateway(chart, 'gw', { controller: Controller.traefik({ output }) }));
  return synthConformant(chart);
}

function errorOf(build: (gw: ApiGateway) => void, output = TraefikOutput.INGRESS_ROUTE): string | undefined {
  const chart = newChart();
  build(new ApiGateway(chart, 'gw', { controller: Controller.traefik({ output }) }));
  return synthError(chart);
}

const middleware = (objs: any[], name: string) => objs.find(o => o.kind === 'Middleware' && o.metadata.name === name)?.spec;
const ingressRoute = (objs: any[], name: string) => objs.find(o => o.kind === 'IngressRoute' && o.metadata.name === name)?.spec;

describe('path rewrites follow Gateway API ReplacePrefixMatch', () => {
  // [route prefix, replacement, request path, expected path]
  test.each([
    ['/foo', '/xyz', '/foo/bar', '/xyz/bar'],
    ['/foo', '/xyz/', '/foo/bar', '/xyz/bar'],
    ['/foo', '/xyz', '/foo', '/xyz'],
    ['/foo', '/xyz', '/foo/', '/xyz/'],
    ['/foo', '/', '/foo/bar', '/bar'],
    ['/foo', '/', '/foo/', '/'],
    ['/foo', '/', '/foo', '/'],
    ['/foo', '/', '/foo/bar/baz', '/bar/baz'],
    ['/a.b', '/c', '/a.b/x', '/c/x'],
    ['/', '/v2', '/x', '/v2/x'],
    ['/', '/v2/', '/x/y', '/v2/x/y'],
    ['/', '/', '/x', '/x'],
    ['/p$', '/q$', '/p$/x', '/q$/x'],
  ])('prefix %s -> %s: %s becomes %s', (prefix, replacement, path, expected) => {
    const objs = objects(gw => gw.addRoute('r', { match: { path: PathMatch.prefix(prefix) }, rewrite: Rewrite.replacePrefix(replacement), backend: Backend.service('svc', 80) }));
    const spec = middleware(objs, 'gw-r-rewrite-path').replacePathRegex;
    expect(goReplace(spec.regex, spec.replacement, path)).toBe(expected);
  });

  test('a regex-looking prefix only matches itself', () => {
    const objs = objects(gw => gw.addRoute('r', { match: { path: PathMatch.prefix('/a.b') }, rewrite: Rewrite.replacePrefix('/'), backend: Backend.service('svc', 80) }));
    const spec = middleware(objs, 'gw-r-rewrite-path').replacePathRegex;
    expect(goReplace(spec.regex, spec.replacement, '/axb/c')).toBeUndefined();
  });

  test('whole path: replacePath', () => {
    const objs = objects(gw => gw.addRoute('r', { match: { path: PathMatch.exact('/status') }, rewrite: Rewrite.replaceFullPath('/healthz'), backend: Backend.service('svc', 80) }));
    expect(middleware(objs, 'gw-r-rewrite-path')).toEqual({ replacePath: { path: '/healthz' } });
  });
});

describe('redirects', () => {
  const redirectOf = (redirect: Redirect, path = PathMatch.prefix('/')) => {
    const objs = objects(gw => gw.addRoute('r', { hosts: ['old.example.com'], match: { path }, redirect }));
    return middleware(objs, 'gw-r-redirect');
  };

  // [what, redirect, request URL as Traefik rebuilds it, Location]
  test.each([
    ['host', () => Redirect.to({ host: 'new.example.com' }), 'http://old.example.com/a/b?x=1', 'http://new.example.com/a/b?x=1'],
    ['host, https with port', () => Redirect.to({ host: 'new.example.com' }), 'https://old.example.com:8443/a', 'https://new.example.com/a'],
    ['port', () => Redirect.to({ port: 8443 }), 'http://old.example.com/a?q', 'http://old.example.com:8443/a?q'],
    ['path', () => Redirect.to({ path: '/moved' }), 'http://old.example.com:8080/a/b?x=1', 'http://old.example.com/moved?x=1'],
    ['scheme + host + port, IPv6 Host', () => Redirect.to({ scheme: 'https', host: 'new.example.com', port: 8443 }), 'http://[::1]:80/a', 'https://new.example.com:8443/a'],
    ['path with $', () => Redirect.to({ path: '/p$1' }), 'http://old.example.com/', 'http://old.example.com/p$1'],
  ])('%s: %s', (_what, redirect, url, location) => {
    const spec = redirectOf(redirect()).redirectRegex;
    expect(goReplace(spec.regex, spec.replacement, url)).toBe(location);
  });

  test.each([
    ['http://old.example.com/old', 'http://old.example.com/new'],
    ['http://old.example.com/old/', 'http://old.example.com/new/'],
    ['http://old.example.com/old/a/b?x', 'http://old.example.com/new/a/b?x'],
  ])('prefix: %s -> %s', (url, location) => {
    const spec = redirectOf(Redirect.to({ replacePrefix: '/new' }), PathMatch.prefix('/old')).redirectRegex;
    expect(goReplace(spec.regex, spec.replacement, url)).toBe(location);
  });

  test('status codes: 301 and 308 are permanent, 302 and 307 temporary, 303 is refused', () => {
    expect(redirectOf(Redirect.to({ host: 'a.example.com', statusCode: RedirectStatus.PERMANENT_REDIRECT })).redirectRegex.permanent).toBe(true);
    expect(redirectOf(Redirect.to({ host: 'a.example.com', statusCode: RedirectStatus.FOUND })).redirectRegex.permanent).toBe(false);
    expect(redirectOf(Redirect.to({ host: 'a.example.com', statusCode: RedirectStatus.TEMPORARY_REDIRECT })).redirectRegex.permanent).toBe(false);
    expect(errorOf(gw => gw.addRoute('r', { hosts: ['a.example.com'], redirect: Redirect.to({ host: 'b.example.com', statusCode: RedirectStatus.SEE_OTHER }) })))
      .toContain("[test/gw/r] Redirect to another host (redirect.statusCode) is not supported by controller 'traefik': Traefik redirects answer 301/308 (permanent) or 302/307 (temporary) depending on the request method and cannot send 303");
  });

  test('Redirect.toHttps() with a backend and a certificate: websecure serves, web redirects', () => {
    const objs = objects(gw => {
      gw.addRoute('r', { hosts: ['a.example.com'], redirect: Redirect.toHttps(), backend: Backend.service('svc', 80), rateLimit: RateLimit.perClientIp({ requests: 5 }) });
      gw.addTlsHost('tls', { hosts: ['a.example.com'], certificate: TlsCertificate.fromSecret('a-cert') });
    });
    expect(ingressRoute(objs, 'gw-r')).toMatchObject({
      entryPoints: ['websecure'],
      tls: { secretName: 'a-cert' },
      routes: [{ middlewares: [{ name: 'gw-r-ratelimit' }], services: [{ name: 'svc', port: 80 }] }],
    });
    expect(ingressRoute(objs, 'gw-r-http')).toMatchObject({
      entryPoints: ['web'],
      routes: [{ middlewares: [{ name: 'gw-r-ratelimit' }, { name: 'gw-r-redirect' }], services: [{ name: 'svc', port: 80 }] }],
    });
    expect(ingressRoute(objs, 'gw-r-http').tls).toBeUndefined();
    expect(middleware(objs, 'gw-r-redirect')).toEqual({ redirectScheme: { scheme: 'https', permanent: true } });
  });

  test('Redirect.toHttps() without backend: one router on web, even for a host with a certificate', () => {
    const objs = objects(gw => {
      gw.addRoute('r', { hosts: ['a.example.com'], redirect: Redirect.toHttps() });
      gw.addRoute('app', { hosts: ['a.example.com'], match: { path: PathMatch.prefix('/app') }, backend: Backend.service('svc', 80) });
      gw.addTlsHost('tls', { hosts: ['a.example.com'], certificate: TlsCertificate.fromSecret('a-cert') });
    });
    expect(ingressRoute(objs, 'gw-r')).toEqual({
      entryPoints: ['web'],
      routes: [{ kind: 'Rule', match: 'Host(`a.example.com`) && PathPrefix(`/`)', priority: 24001000, middlewares: [{ name: 'gw-r-redirect' }], services: [{ kind: 'TraefikService', name: 'noop@internal' }] }],
    });
  });

  test('Ingress output: HTTPS upgrade gives a websecure Ingress and a redirecting web Ingress', () => {
    const objs = objects(gw => gw.addRoute('r', { hosts: ['a.example.com'], redirect: Redirect.toHttps(), backend: Backend.service('svc', 80) }), TraefikOutput.INGRESS);
    const ing = (name: string) => objs.find(o => o.kind === 'Ingress' && o.metadata.name === name).metadata.annotations;
    expect(ing('gw-r')['traefik.ingress.kubernetes.io/router.entrypoints']).toBe('websecure');
    expect(ing('gw-r')['traefik.ingress.kubernetes.io/router.middlewares']).toBeUndefined();
    expect(ing('gw-r-http')).toMatchObject({
      'traefik.ingress.kubernetes.io/router.entrypoints': 'web',
      'traefik.ingress.kubernetes.io/router.middlewares': 'edge-gw-r-redirect@kubernetescrd',
    });
  });

  test('refused: a route that only redirects on Ingress output, and a redirect to http on a plain-HTTP host', () => {
    expect(errorOf(gw => gw.addRoute('r', { hosts: ['a.example.com'], redirect: Redirect.toHttps() }), TraefikOutput.INGRESS))
      .toContain("Redirect to HTTPS / another scheme (redirect) is not supported by controller 'traefik-ingress': an Ingress path needs a backend Service");
    expect(errorOf(gw => gw.addRoute('r', { hosts: ['a.example.com'], redirect: Redirect.to({ scheme: 'http' }) })))
      .toContain("host 'a.example.com' has no TlsHost, so Traefik serves it only over plain HTTP and a redirect to http would never apply");
  });
});

describe('middleware order and sharing', () => {
  test('every policy: one Middleware per kind, in the documented order, shared by all hosts', () => {
    const objs = objects(gw => gw.addRoute('r', {
      hosts: ['a.example.com', 'b.example.com'],
      match: { path: PathMatch.prefix('/api') },
      backend: Backend.service('svc', 80),
      headerRules: HeaderRules.of({ response: { set: { 'x-frame-options': 'DENY' } } }),
      ipAccess: IpAccess.allow(['10.0.0.0/8']),
      rateLimit: RateLimit.perClientIp({ requests: 10 }),
      cors: Cors.allow({ origins: ['https://*.example.com', 'https://web.example.com:443'] }),
      auth: EdgeAuth.basic({ secretName: 'users' }),
      rewrite: Rewrite.replacePrefix('/'),
      retries: Retries.of({ attempts: 1 }),
    }));
    const chain = ['headers', 'ipallowlist', 'ratelimit', 'cors', 'auth', 'rewrite-path', 'retry'].map(k => ({ name: `gw-r-${k}` }));
    expect(ingressRoute(objs, 'gw-r-a-example-com').routes[0].middlewares).toEqual(chain);
    expect(ingressRoute(objs, 'gw-r-b-example-com').routes[0].middlewares).toEqual(chain);
    expect(objs.filter(o => o.kind === 'Middleware')).toHaveLength(7);
    expect(middleware(objs, 'gw-r-cors').headers).toMatchObject({
      accessControlAllowOriginList: ['https://web.example.com'],
      accessControlAllowOriginListRegex: ['^https://[a-z0-9-]+\\.example\\.com$'],
      addVaryHeader: true,
    });
    expect(middleware(objs, 'gw-r-retry')).toEqual({ retry: { attempts: 2 } });
  });
});

describe('IP deny list', () => {
  test('each router excludes the denied clients and has a twin answering them 403', () => {
    const objs = objects(gw => gw.addRoute('r', {
      hosts: ['a.example.com'],
      matches: [{ path: PathMatch.exact('/a') }, { path: PathMatch.prefix('/b') }],
      backend: Backend.service('svc', 80),
      ipAccess: IpAccess.deny(['203.0.113.0/24', '2001:db8::/32']),
      headerRules: HeaderRules.of({ response: { set: { 'x-a': '1' } } }),
    }));
    const routes = ingressRoute(objs, 'gw-r').routes;
    expect(routes.map((r: any) => [r.match, r.priority, r.middlewares.map((m: any) => m.name), r.services[0].name])).toEqual([
      ['Host(`a.example.com`) && Path(`/a`) && !ClientIP(`2001:db8::/32`) && !ClientIP(`203.0.113.0/24`)', 26002000, ['gw-r-headers'], 'svc'],
      ['Host(`a.example.com`) && Path(`/a`) && (ClientIP(`2001:db8::/32`) || ClientIP(`203.0.113.0/24`))', 26002000, ['gw-r-headers', 'gw-r-ipdeny'], 'noop@internal'],
      ['Host(`a.example.com`) && (Path(`/b`) || PathPrefix(`/b/`)) && !ClientIP(`2001:db8::/32`) && !ClientIP(`203.0.113.0/24`)', 24002000, ['gw-r-headers'], 'svc'],
      ['Host(`a.example.com`) && (Path(`/b`) || PathPrefix(`/b/`)) && (ClientIP(`2001:db8::/32`) || ClientIP(`203.0.113.0/24`))', 24002000, ['gw-r-headers', 'gw-r-ipdeny'], 'noop@internal'],
    ]);
  });
});

describe('retries', () => {
  test('attempts count the first try; conditions become status ranges', () => {
    const objs = objects(gw => gw.addRoute('r', {
      backend: Backend.service('svc', 80),
      retries: Retries.of({ attempts: 3, on: [RetryOn.GATEWAY_ERROR], statusCodes: [429, 501, 503] }),
    }));
    expect(middleware(objs, 'gw-r-retry')).toEqual({ retry: { attempts: 4, status: ['429', '501-504'], disableRetryOnNetworkError: true } });
  });

  test('refused: reset, and no condition at all', () => {
    expect(errorOf(gw => gw.addRoute('r', { backend: Backend.service('svc', 80), retries: Retries.of({ attempts: 2, on: [RetryOn.RESET] }) })))
      .toContain("Retries (retries.on) is not supported by controller 'traefik': Traefik retries a request only when nothing was sent to the backend");
    expect(errorOf(gw => gw.addRoute('r', { backend: Backend.service('svc', 80), retries: Retries.of({ attempts: 2, on: [] }) })))
      .toContain('no condition is set, and Traefik rejects a retry middleware that retries on nothing');
  });
});

describe('other refusals', () => {
  test('removing the Host request header', () => {
    expect(errorOf(gw => gw.addRoute('r', { backend: Backend.service('svc', 80), headerRules: HeaderRules.of({ request: { remove: ['Host'] } }) })))
      .toContain("Remove request headers (headerRules.request.remove) is not supported by controller 'traefik': Traefik keeps the request host outside the header list");
  });

  test('setting Host twice (header rule and host rewrite)', () => {
    expect(errorOf(gw => gw.addRoute('r', {
      backend: Backend.service('svc', 80), headerRules: HeaderRules.of({ request: { set: { host: 'a.example.com' } } }), rewrite: Rewrite.hostname('b.example.com'),
    }))).toContain("Set request headers (headerRules.request.set) is not supported by controller 'traefik': the route also rewrites the host");
  });

  test('session affinity over several backends', () => {
    expect(errorOf(gw => gw.addRoute('r', {
      backends: [Backend.service('a', 80), Backend.service('b', 80)], sessionAffinity: SessionAffinity.cookie({ name: 's' }),
    }))).toContain("Cookie session affinity (sessionAffinity) is not supported by controller 'traefik': with several backends");
  });

  test('a gateway default is reported on the gateway with its defaults. prop', () => {
    const chart = newChart();
    const gw = new ApiGateway(chart, 'gw', { controller: Controller.traefik(), defaults: { retries: Retries.of({ attempts: 1, on: [RetryOn.RESET] }) } });
    gw.addRoute('r', { backend: Backend.service('svc', 80) });
    expect(synthError(chart)).toContain("[test/gw] Retries (defaults.retries.on) is not supported by controller 'traefik'");
  });
});

describe('service settings', () => {
  test('connect timeout, protocol and affinity on every service of the route', () => {
    const objs = objects(gw => gw.addRoute('r', {
      backend: Backend.service('svc', 80),
      timeouts: Timeouts.of({ connect: Duration.millis(1500) }),
      sessionAffinity: SessionAffinity.cookie({ name: 's', path: '/app' }),
    }));
    expect(objs.find(o => o.kind === 'ServersTransport')).toMatchObject({ metadata: { name: 'gw-r-transport' }, spec: { forwardingTimeouts: { dialTimeout: '1500ms' } } });
    expect(ingressRoute(objs, 'gw-r').routes[0].services).toEqual([{
      name: 'svc', port: 80, serversTransport: 'gw-r-transport', sticky: { cookie: { name: 's', secure: true, httpOnly: true, path: '/app' } },
    }]);
  });
});
