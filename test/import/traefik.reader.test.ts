import { readCorpus, routeLines } from './corpus';
import { routeTableOf } from '../../src/checks/route-table';
import { KubeObject } from '../../src/controllers/reader';
import { parseRule, readRule, regexOfSearch } from '../../src/controllers/traefik/read/rule';
import { TraefikIngressReader, TraefikReader } from '../../src/controllers/traefik/reader';

const traefik = new TraefikReader();
const ingress = new TraefikIngressReader();

describe('Traefik IngressRoute corpus', () => {
  test('01 routing rules: Host, Path, the prefix pair, a lone PathPrefix (character-wise: a regex), Method, Header, Query, PathRegexp', () => {
    const r = readCorpus(traefik, 'traefik', '01-routing-rules.yaml');
    expect(routeLines(r.table)).toEqual([
      'default foo.com RegularExpression /api.* x-tenant=acme ?debug=1 -> api:80',
      'default * RegularExpression /users/[0-9]+ -> users:80',
      'default foo.com Exact /health GET -> whoami:80',
      'default foo.com Prefix / -> whoami:80',
      'default foo.com Prefix /v1 -> whoami-v1:8080',
    ]);
    expect(r.table.routes.every(e => Object.keys(e.policies).length === 0)).toBe(true);
    expect(r.unmapped).toEqual([]);
    expect(r.items).toContainEqual({ object: 'IngressRoute default/whoami', field: 'spec.routes[0].priority', value: '12', to: 'the precedence of the match (derived from it)' });
  });

  test('02 middlewares: headers, ipAllowList, rateLimit, CORS, buffering, retry, replacePath', () => {
    const r = readCorpus(traefik, 'traefik', '02-middlewares.yaml');
    expect(routeLines(r.table)).toEqual([
      'apps shop.example.com Exact /legacy -> shop:80',
      'apps shop.example.com Prefix / -> shop:80',
    ]);
    expect(r.table.routes[0].policies).toEqual({ rewrite: { path: { kind: 'full', value: '/foo' } } });
    expect(r.table.routes[1].policies).toEqual({
      headers: {
        request: { set: [{ name: 'x-script-name', value: 'test' }], add: [], remove: [] },
        response: { set: [{ name: 'x-custom-response-header', value: 'value' }], add: [], remove: ['x-powered-by'] },
      },
      ipAccess: { allow: ['127.0.0.1/32', '192.168.1.7/32'], deny: [] },
      // burst 50 is below the rate (100 per minute): the intent's smallest burst is one period's worth.
      rateLimit: { key: 'clientIp', requests: 100, per: 'minute', exemptCidrs: [] },
      cors: { origins: ['https://example.org', 'https://foo.bar.org'], methods: ['GET', 'OPTIONS', 'PUT'], headers: ['*'], exposeHeaders: [], credentials: false, maxAgeSeconds: 100 },
      bodySize: { maxBytes: 2000000 },
      // Traefik retries only connections that failed before anything was sent; initialInterval is the backoff.
      retries: { attempts: 3, statusCodes: [], conditions: ['connect-failure'], backoffMs: 100 },
    });
    expect(r.unmapped).toEqual([
      'Middleware apps/limit spec.buffering.memRequestBodyBytes: buffering.memRequestBodyBytes is not modelled by the intent',
      'Middleware apps/test-ratelimit spec.rateLimit.burst: 50 is below one period\'s worth (100), the intent\'s smallest burst',
    ]);
  });

  test('03 TLS: certificate, TLSOption, HSTS middleware and the redirect router fold into one TLS host', () => {
    const r = readCorpus(traefik, 'traefik', '03-tls.yaml');
    expect(routeLines(r.table)).toEqual(['default secure.example.com Prefix / -> app:443']);
    expect(r.table.routes[0].policies).toEqual({ backendProtocol: { protocol: 'HTTPS' } });
    expect(r.table.tls).toEqual([{
      host: 'secure.example.com',
      secret: 'default/secure-example-tls',
      managedCertificate: false,
      httpsRedirect: true,
      hsts: { maxAgeSeconds: 31536000, includeSubdomains: true, preload: true },
      minTlsVersion: '1.2',
      clientAuth: { required: true, ca: 'Secret/client-ca' },
    }]);
    expect(r.unmapped).toEqual([]);
  });

  test('04 a weighted TraefikService of two is a weighted split; mirroring copies a share; several services are backends', () => {
    const r = readCorpus(traefik, 'traefik', '04-weighted-mirroring.yaml');
    expect(routeLines(r.table)).toEqual([
      'default split.example.com Prefix / -> whoami1:80*2,whoami3:80',
      'default canary.example.com Prefix / -> whoami1:80*3,whoami2:80 mirror whoami-shadow:80 10%',
    ]);
    expect(r.unmapped).toEqual([]);
  });

  test('05 auth: basicAuth and forwardAuth (with its CA Secret) map, digestAuth does not', () => {
    const r = readCorpus(traefik, 'traefik', '05-auth.yaml');
    expect(r.table.routes.map(e => [e.host, e.policies])).toEqual([
      ['admin.example.com', { auth: { kind: 'basic', secretName: 'authsecret', realm: 'staff' } }],
      ['app.example.com', { auth: { kind: 'external', url: 'https://auth.example.com/verify', responseHeaders: ['X-Auth-User', 'X-Secret'], ca: { kind: 'Secret', name: 'casecret' } } }],
      ['legacy.example.com', {}],
    ]);
    expect(r.unmapped).toEqual([
      'Middleware default/digestauth spec.digestAuth: digest authentication is not modelled by the intent',
    ]);
  });

  test('06 hostile: plugins, chains, HostRegexp, ClientIP-only routers, ACME resolvers, foreign annotations are unmapped', () => {
    const r = readCorpus(traefik, 'traefik', '06-hostile.yaml');
    expect(routeLines(r.table)).toEqual(['default plugin.example.com Prefix / -> app:80']);
    expect(r.unmapped).toEqual([
      'IngressRoute default/hostile metadata.annotations[\'example.com/owner\']: annotations of Traefik CRD objects are not modelled',
      'IngressRoute default/hostile spec.routes[0].match: the HostRegexp matcher has no intent equivalent',
      'IngressRoute default/hostile spec.routes[1].match: a router only for some client addresses has no intent equivalent (IpAccess.allow is an ipAllowList Middleware)',
      'IngressRoute default/hostile spec.tls.certResolver: Traefik\'s own ACME resolver: use a cert-manager issuer (TlsCertificate.fromIssuer)',
      'Middleware default/secured spec.chain: a chain of Middlewares: list its members on the router instead',
      'Middleware default/slow-ratelimit spec.rateLimit.average: the intent limits whole requests per second, minute, hour or day (period 1s, 1m, 1h or 24h)',
    ]);
    expect(r.items.filter(i => i.field === 'spec.routes[1].match' && i.reason !== undefined).map(i => i.value))
      .toEqual(['Host(`office.example.com`) && ClientIP(`10.0.0.0/8`)']);
    // The plugin Middleware is only referenced by the chain: it has no effect of its own.
    expect(r.items).toContainEqual({ object: 'Middleware default/my-plugin', field: 'spec', to: 'no effect: no router read references this Middleware' });
  });

  test('07 IngressRouteTCP passthrough', () => {
    const r = readCorpus(traefik, 'traefik', '07-passthrough.yaml');
    expect(r.table.passthrough).toEqual([{ host: 'db.example.com', backend: { service: 'postgres', namespace: 'default', port: 5432, weight: 1 } }]);
    expect(r.table.routes).toEqual([]);
    expect(r.unmapped).toEqual([]);
  });
});

describe('Traefik Ingress corpus', () => {
  test('01 annotations: entry point, TLS, CRD middleware, the Exact + Prefix pair, a named port', () => {
    const r = readCorpus(ingress, 'traefik-ingress', '01-annotations.yaml');
    expect(routeLines(r.table)).toEqual([
      'users users.example.com Prefix /users -> users:80',
      'users users.example.com RegularExpression /static.* -> static:8080',
    ]);
    expect(r.table.routes[0].policies).toEqual({ rateLimit: { key: 'clientIp', requests: 100, per: 'second', burst: 200, exemptCidrs: [] } });
    // Only websecure routers: plain HTTP reaches none of them; the TlsHost redirects it (never serves it).
    expect(r.table.tls).toEqual([{ host: 'users.example.com', secret: 'users/users-tls', managedCertificate: false, httpsRedirect: true }]);
    expect(r.unmapped).toEqual([
      'Ingress users/users-ingress spec.tls: only HTTPS routers and no redirect router: plain HTTP is not answered by these objects (unless the web entry point redirects); imported as TlsHost with the HTTPS redirect',
    ]);
  });

  test('02 hostile: typos, Service keys, the v2 syntax and other providers are unmapped; a certresolver and other tools\' keys are raw annotations', () => {
    const r = readCorpus(ingress, 'traefik-ingress', '02-hostile.yaml');
    expect(routeLines(r.table)).toEqual(['default legacy.example.com RegularExpression /items/[0-9]+ -> items:80']);
    expect(r.unmapped).toEqual([
      'Ingress default/legacy metadata.annotations[\'traefik.ingress.kubernetes.io/router.middlewares\']: Middleware not among the objects read (or not from the kubernetescrd provider)',
      'Ingress default/legacy metadata.annotations[\'traefik.ingress.kubernetes.io/router.priorty\']: unknown Traefik annotation \'traefik.ingress.kubernetes.io/router.priorty\'',
      'Ingress default/legacy metadata.annotations[\'traefik.ingress.kubernetes.io/router.rulesyntax\']: deprecated (the Traefik v2 rule syntax); this library writes v3 rules',
      'Ingress default/legacy metadata.annotations[\'traefik.ingress.kubernetes.io/service.sticky.cookie\']: Traefik reads this annotation on the Service, not on the Ingress; annotate the Service itself',
    ]);
    const to = (key: string) => r.items.find(i => i.field === `metadata.annotations['${key}']`)?.to;
    expect(to('traefik.ingress.kubernetes.io/router.tls.certresolver')).toBe('Route.rawAnnotations[\'traefik.ingress.kubernetes.io/router.tls.certresolver\']');
    expect(to('external-dns.alpha.kubernetes.io/hostname')).toBe('Route.rawAnnotations[\'external-dns.alpha.kubernetes.io/hostname\']');
  });
});

describe('Traefik rules', () => {
  const read = (rule: string) => readRule(parseRule(rule));

  test('the renderer\'s forms', () => {
    expect(read('(Host(`a.example.com`) || Host(`b.example.com`)) && (Path(`/v1`) || PathPrefix(`/v1/`)) && Method(`POST`) && HeaderRegexp(`X-Id`, `^[0-9]+$`)')).toEqual({
      hosts: ['a.example.com', 'b.example.com'],
      path: { kind: 'Prefix', value: '/v1' },
      hasPath: true,
      method: 'POST',
      headers: [{ name: 'x-id', kind: 'RegularExpression', value: '[0-9]+' }],
      queryParams: [],
      notClients: [],
      clients: [],
      canary: undefined,
    });
  });

  test('deny lists, deny twins and canary conditions', () => {
    expect(read('Host(`a`) && PathPrefix(`/`) && !ClientIP(`10.0.0.0/8`) && !ClientIP(`::1/128`)')).toMatchObject({ notClients: ['10.0.0.0/8', '::1/128'], clients: [] });
    expect(read('Host(`a`) && PathPrefix(`/`) && (ClientIP(`10.0.0.0/8`) || ClientIP(`::1/128`))')).toMatchObject({ clients: ['10.0.0.0/8', '::1/128'] });
    expect(read('PathPrefix(`/`) && HeaderRegexp(`X-Canary`, `.*`)')).toMatchObject({ canary: { kind: 'header-present', name: 'x-canary' } });
    expect(read('PathPrefix(`/`) && HeaderRegexp(`Cookie`, `(^|;\\s*)beta\\.user=always(;|$)`)')).toMatchObject({ canary: { kind: 'cookie', name: 'beta.user' } });
  });

  test('what the intent cannot say is a reason', () => {
    expect(read('Host(`a`) || PathPrefix(`/b`)')).toBe('\'(Host(`a`) || PathPrefix(`/b`))\': only Host alternatives, the Path / PathPrefix pair of a prefix, ClientIP alternatives and !ClientIP are read inside ORs and NOTs');
    expect(read('HostRegexp(`.+`)')).toBe('the HostRegexp matcher has no intent equivalent');
    expect(read('HeaderRegexp(`X-A`, `foo`)')).toBe('HeaderRegexp(`X-A`, `foo`) searches the value (unanchored); the intent\'s header regexes match the whole value');
    expect(read('Path(`/a`) && Path(`/b`)')).toBe('two path conditions ANDed');
    expect(() => parseRule('Host(`a`')).toThrow('expected , or ) at character 9');
    expect(() => parseRule('Host(`a) && Path(`/`)')).toThrow('expected , or )');
  });

  test('unanchored PathRegexp searches become whole-path regexes', () => {
    expect(regexOfSearch('^/a/[0-9]+$')).toBe('/a/[0-9]+');
    expect(regexOfSearch('^/a')).toBe('(?:/a).*');
    expect(regexOfSearch('b$')).toBe('.*(?:b)');
    expect(regexOfSearch('x|y')).toBe('.*(?:x|y).*');
  });
});

describe('folding the renderer\'s auxiliary routers', () => {
  const ir = (routes: any[], extra: KubeObject[] = []) => traefik.read([
    { apiVersion: 'traefik.io/v1alpha1', kind: 'IngressRoute', metadata: { name: 'r', namespace: 'ns' }, spec: { entryPoints: ['web'], routes } },
    ...extra,
  ]);
  const deny: KubeObject = {
    apiVersion: 'traefik.io/v1alpha1',
    kind: 'Middleware',
    metadata: { name: 'r-ipdeny', namespace: 'ns' },
    spec: { ipAllowList: { sourceRange: ['0.0.0.0/32', '::/128'], ipStrategy: { depth: 0 }, rejectStatusCode: 403 } },
  };

  test('a deny twin folds back into IpAccess.deny', () => {
    const read = ir([
      { kind: 'Rule', match: 'Host(`a.example.com`) && PathPrefix(`/`) && !ClientIP(`10.1.0.0/16`)', priority: 24001000, services: [{ name: 's', port: 80 }] },
      { kind: 'Rule', match: 'Host(`a.example.com`) && PathPrefix(`/`) && ClientIP(`10.1.0.0/16`)', priority: 24001000, middlewares: [{ name: 'r-ipdeny' }], services: [{ name: 'noop@internal', kind: 'TraefikService' }] },
    ], [deny]);
    expect(routeTableOf(read.gateways).routes).toEqual([{
      namespace: 'ns',
      host: 'a.example.com',
      match: { path: { kind: 'Prefix', value: '/' }, headers: [], queryParams: [] },
      backends: [{ service: 's', namespace: 'ns', port: 80, weight: 1 }],
      policies: { ipAccess: { allow: [], deny: ['10.1.0.0/16'] } },
    }]);
    expect(read.items.filter(i => i.reason)).toEqual([]);
  });

  test('the plain-HTTP twin of an HTTPS upgrade folds into the route\'s redirect', () => {
    const read = traefik.read([
      { apiVersion: 'traefik.io/v1alpha1', kind: 'IngressRoute', metadata: { name: 'r', namespace: 'ns' }, spec: { entryPoints: ['websecure'], tls: {}, routes: [{ kind: 'Rule', match: 'Host(`a`) && PathPrefix(`/`)', services: [{ name: 's', port: 80 }] }] } },
      { apiVersion: 'traefik.io/v1alpha1', kind: 'IngressRoute', metadata: { name: 'r-http', namespace: 'ns' }, spec: { entryPoints: ['web'], routes: [{ kind: 'Rule', match: 'Host(`a`) && PathPrefix(`/`)', middlewares: [{ name: 'r-redirect' }], services: [{ name: 's', port: 80 }] }] } },
      { apiVersion: 'traefik.io/v1alpha1', kind: 'Middleware', metadata: { name: 'r-redirect', namespace: 'ns' }, spec: { redirectScheme: { scheme: 'https', permanent: false } } },
    ]);
    const routes = routeTableOf(read.gateways).routes;
    expect(routes).toHaveLength(1);
    expect(routes[0].policies).toEqual({ redirect: { scheme: 'https', statusCode: 302 } });
  });

  test('forwardAuth extras: request headers, the body up to a size, the CA and client certificate Secrets', () => {
    const auth = (forwardAuth: any) => ir([{ kind: 'Rule', match: 'Host(`a`) && PathPrefix(`/`)', middlewares: [{ name: 'r-auth' }], services: [{ name: 's', port: 80 }] }], [
      { apiVersion: 'traefik.io/v1alpha1', kind: 'Middleware', metadata: { name: 'r-auth', namespace: 'ns' }, spec: { forwardAuth: { address: 'https://auth.example.com/v', trustForwardHeader: false, ...forwardAuth } } },
    ]);
    const read = auth({ authRequestHeaders: ['Cookie', 'Authorization'], forwardBody: true, maxBodySize: 1024, tls: { caSecret: 'ca', certSecret: 'client' } });
    expect(routeTableOf(read.gateways).routes[0].policies.auth).toEqual({
      kind: 'external',
      url: 'https://auth.example.com/v',
      responseHeaders: [],
      requestHeaders: ['authorization', 'cookie'],
      forwardBodyBytes: 1024,
      ca: { kind: 'Secret', name: 'ca' },
      clientCertificateSecret: 'client',
    });
    expect(read.items.filter(i => i.reason)).toEqual([]);
    // An unbounded body and TLS settings beyond the two Secrets are not the intent's.
    expect(auth({ forwardBody: true }).items.filter(i => i.reason).map(i => i.field)).toEqual(['spec.forwardAuth.forwardBody']);
    expect(auth({ tls: { insecureSkipVerify: true } }).items.filter(i => i.reason).map(i => i.field)).toEqual(['spec.forwardAuth.tls']);
  });

  test('redirectRegex and replacePathRegex forms of the renderer', () => {
    const read = ir([{ kind: 'Rule', match: 'Host(`a`) && (Path(`/old`) || PathPrefix(`/old/`))', middlewares: [{ name: 'r-redirect' }, { name: 'r-rewrite' }], services: [{ name: 'noop@internal', kind: 'TraefikService' }] }], [
      { apiVersion: 'traefik.io/v1alpha1', kind: 'Middleware', metadata: { name: 'r-redirect', namespace: 'ns' }, spec: { redirectRegex: { regex: '^(https?)://(\\[[^\\]]*\\]|[^/:]*)(:[0-9]+)?/old((?:/[^?]*)?)(.*)$', replacement: 'https://new.example.com/new${4}${5}', permanent: true } } },
      { apiVersion: 'traefik.io/v1alpha1', kind: 'Middleware', metadata: { name: 'r-rewrite', namespace: 'ns' }, spec: { replacePathRegex: { regex: '^(/)old(?:/(.*))?$', replacement: '${1}${2}' } } },
    ]);
    const policies = routeTableOf(read.gateways).routes[0].policies;
    expect(policies.redirect).toEqual({ scheme: 'https', host: 'new.example.com', path: { kind: 'prefix', value: '/new' }, statusCode: 301 });
    expect(policies.rewrite).toEqual({ path: { kind: 'prefix', value: '/' } });
    expect(read.items.filter(i => i.reason)).toEqual([]);
  });

  test('a redirectRegex of every URL to one literal URL is Redirect.toUrl; a replacement with a group is not', () => {
    const fixed = (replacement: string) => ir([{ kind: 'Rule', match: 'Host(`a`) && PathPrefix(`/`)', middlewares: [{ name: 'r-redirect' }], services: [{ name: 's', port: 80 }] }], [
      { apiVersion: 'traefik.io/v1alpha1', kind: 'Middleware', metadata: { name: 'r-redirect', namespace: 'ns' }, spec: { redirectRegex: { regex: '^.*$', replacement, permanent: false } } },
    ]);
    const read = fixed('https://docs.example.com/api?v=2');
    expect(routeTableOf(read.gateways).routes[0].policies.redirect).toEqual({ url: 'https://docs.example.com/api?v=2', statusCode: 302 });
    expect(routeTableOf(read.gateways).routes[0].backends).toEqual([{ service: 's', namespace: 'ns', port: 80, weight: 1 }]);
    expect(read.items.filter(i => i.reason)).toEqual([]);
    expect(routeTableOf(fixed('https://docs.example.com/${1}').gateways).routes[0]?.policies.redirect).toBeUndefined();
  });

  test('normalize: 308 reads as 301, gRPC as h2c, a catch-all HTTPS redirect covers its TLS host', () => {
    const entry = (policies: any, host = 'a') => ({ namespace: 'ns', host, match: { path: { kind: 'Prefix' as const, value: '/' }, headers: [], queryParams: [] }, backends: [], policies });
    const t = traefik.normalize({
      routes: [entry({ redirect: { scheme: 'https', statusCode: 308 } }), entry({ backendProtocol: { protocol: 'GRPC' } }, 'b')],
      tls: [{ host: 'a', secret: 'ns/s', managedCertificate: false, httpsRedirect: false }],
      passthrough: [],
    });
    expect(t.routes.map(e => e.policies)).toEqual([{ redirect: { scheme: 'https', statusCode: 301 } }, { backendProtocol: { protocol: 'H2C' } }]);
    expect(t.tls[0].httpsRedirect).toBe(true);
  });
});

describe('odd but parseable input never throws', () => {
  const odd: KubeObject[] = [
    { apiVersion: 'traefik.io/v1alpha1', kind: 'IngressRoute', metadata: { name: 'a' }, spec: { routes: [null, { match: 42 }, { match: 'Host(`a`)', services: [null, { name: 'x' }], middlewares: [null, {}] }] } },
    { apiVersion: 'traefik.io/v1alpha1', kind: 'IngressRoute', metadata: { name: 'b' }, spec: null },
    { apiVersion: 'traefik.io/v1alpha1', kind: 'Middleware', metadata: { name: 'm' }, spec: { headers: null } },
    { apiVersion: 'traefik.io/v1alpha1', kind: 'TraefikService', metadata: { name: 't' }, spec: { weighted: { services: [null] } } },
    { apiVersion: 'traefik.io/v1alpha1', kind: 'IngressRouteTCP', metadata: { name: 'tcp' }, spec: { routes: [null], tls: { passthrough: true } } },
    {
      apiVersion: 'networking.k8s.io/v1',
      kind: 'Ingress',
      metadata: { name: 'i', annotations: { 'traefik.ingress.kubernetes.io/router.tls': true as any } },
      spec: { ingressClassName: 'traefik', rules: [null, { host: 'a', http: { paths: [null, { path: '/x' }] } }], tls: [null] },
    },
  ];

  test('each reader lists what it cannot read', () => {
    for (const reader of [traefik, ingress]) {
      const read = reader.read(odd);
      expect(read.items.filter(i => i.reason).length).toBeGreaterThan(0);
    }
  });
});

describe('a top-level OR of whole matches', () => {
  test('is one route per alternative', () => {
    const read = traefik.read([{
      apiVersion: 'traefik.io/v1alpha1',
      kind: 'IngressRoute',
      metadata: { name: 'or', namespace: 'ns' },
      spec: { entryPoints: ['web'], routes: [{ kind: 'Rule', match: 'Host(`a.example.com`) && Path(`/x`) || Host(`b.example.com`) && PathPrefix(`/`)', services: [{ name: 's', port: 80 }] }] },
    }]);
    expect(routeLines(routeTableOf(read.gateways))).toEqual(['ns a.example.com Exact /x -> s:80', 'ns b.example.com Prefix / -> s:80']);
    expect(read.items.find(i => i.field === 'spec.routes[0].match')?.to).toBe('Route.hosts and matches (one route per alternative)');
  });

  test('with an alternative the intent cannot say, is unmapped', () => {
    const read = traefik.read([{
      apiVersion: 'traefik.io/v1alpha1',
      kind: 'IngressRoute',
      metadata: { name: 'or', namespace: 'ns' },
      spec: { entryPoints: ['web'], routes: [{ kind: 'Rule', match: 'Host(`a.example.com`) || HostRegexp(`.+`)', services: [{ name: 's', port: 80 }] }] },
    }]);
    expect(read.gateways).toEqual([]);
    expect(read.items.filter(i => i.reason).map(i => i.field)).toEqual(['spec.routes[0].match']);
  });
});

// Audit (issue #12): Traefik's Ingress output renders Redirect.toUrl as the same redirectRegex
// Middleware, referenced from the Ingress router's router.middlewares annotation.
describe('Ingress output: a fixed-URL redirect through router.middlewares', () => {
  const objects = (regex: string): KubeObject[] => [
    {
      apiVersion: 'networking.k8s.io/v1',
      kind: 'Ingress',
      metadata: {
        name: 'r',
        namespace: 'ns',
        annotations: {
          'traefik.ingress.kubernetes.io/router.entrypoints': 'web',
          'traefik.ingress.kubernetes.io/router.middlewares': 'ns-r-redirect@kubernetescrd',
        },
      },
      spec: { ingressClassName: 'traefik', rules: [{ host: 'a.example.com', http: { paths: [{ path: '/', pathType: 'Prefix', backend: { service: { name: 's', port: { number: 80 } } } }] } }] },
    },
    { apiVersion: 'traefik.io/v1alpha1', kind: 'Middleware', metadata: { name: 'r-redirect', namespace: 'ns' }, spec: { redirectRegex: { regex, replacement: 'https://docs.example.com/api?v=2', permanent: true } } },
  ];

  test('is Redirect.toUrl on the route, its backend kept', () => {
    const read = ingress.read(objects('^.*$'));
    const route = routeTableOf(read.gateways).routes[0];
    expect(route.policies.redirect).toEqual({ url: 'https://docs.example.com/api?v=2', statusCode: 301 });
    expect(route.backends).toEqual([{ service: 's', namespace: 'ns', port: 80, weight: 1 }]);
    expect(read.items.filter(i => i.reason)).toEqual([]);
  });

  test('a regex other than the whole URL is not a fixed-URL redirect', () => {
    const read = ingress.read(objects('^https://a.example.com/(.*)$'));
    expect(routeTableOf(read.gateways).routes[0]?.policies.redirect).toBeUndefined();
  });
});

// Audit (issue #12): the last router middleware of an Ingress, a headers Middleware named for the
// path's one backend, is that backend's own header rules; anything else stays a route policy.
describe('Ingress output: a backend\'s own header rules', () => {
  const objects = (middleware: string, services: string[] = ['s']): KubeObject[] => [
    {
      apiVersion: 'networking.k8s.io/v1',
      kind: 'Ingress',
      metadata: { name: 'r', namespace: 'ns', annotations: { 'traefik.ingress.kubernetes.io/router.middlewares': `ns-${middleware}@kubernetescrd` } },
      spec: {
        ingressClassName: 'traefik',
        rules: [{ host: 'a.example.com', http: { paths: services.map((s, i) => ({ path: `/p${i}`, pathType: 'Exact', backend: { service: { name: s, port: { number: 80 } } } })) } }],
      },
    },
    { apiVersion: 'traefik.io/v1alpha1', kind: 'Middleware', metadata: { name: middleware, namespace: 'ns' }, spec: { headers: { customRequestHeaders: { 'x-v': '1' } } } },
  ];
  const headersOf = (read: ReturnType<typeof ingress.read>) => routeTableOf(read.gateways).routes
    .map(r => [r.policies.headers?.request?.set, r.backends[0].headers?.request?.set]);

  test('named <route>-<service>-<port>-headers for the one backend: the backend\'s', () => {
    expect(headersOf(ingress.read(objects('r-s-80-headers')))).toEqual([[undefined, [{ name: 'x-v', value: '1' }]]]);
  });

  test('another name, or paths to several backends: the route\'s headers', () => {
    expect(headersOf(ingress.read(objects('r-headers')))).toEqual([[[{ name: 'x-v', value: '1' }], undefined]]);
    expect(headersOf(ingress.read(objects('r-s-80-headers', ['s', 't'])))).toEqual([
      [[{ name: 'x-v', value: '1' }], undefined],
      [[{ name: 'x-v', value: '1' }], undefined],
    ]);
  });
});
