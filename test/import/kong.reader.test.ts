import { corpus, readCorpus, routeLines } from './corpus';
import { RouteEntry } from '../../src/checks/route-table';
import { intentOrigin } from '../../src/controllers/kong/read/plugins';
import { KongIngressReader } from '../../src/controllers/kong/reader';

const kong = new KongIngressReader();

describe('Kong Ingress corpus', () => {
  test('01 strip-path is Rewrite.replacePrefix(\'/\'); /~ paths are regexes', () => {
    const r = readCorpus(kong, 'kong', '01-strip-path.yaml');
    expect(routeLines(r.table)).toEqual([
      'default * Prefix /foo -> echo:1027',
      'default * RegularExpression /bar/[0-9]+ -> echo:1027',
    ]);
    expect(r.table.routes.map(e => e.policies)).toEqual([
      { rewrite: { path: { kind: 'prefix', value: '/' } } },
      { rewrite: { path: { kind: 'prefix', value: '/' } } },
    ]);
    expect(r.unmapped).toEqual([]);
  });

  test('02 rate-limiting per IP per minute; the Service\'s protocol and read timeout; its retries are unmapped', () => {
    const r = readCorpus(kong, 'kong', '02-rate-limiting.yaml');
    expect(routeLines(r.table)).toEqual(['default echo.example.com Prefix / -> echo:80']);
    expect(r.table.routes[0].policies).toEqual({
      backendProtocol: { protocol: 'HTTPS' },
      timeouts: { readMs: 60000 },
      rateLimit: { key: 'clientIp', requests: 5, per: 'minute', exemptCidrs: [] },
    });
    expect(r.unmapped).toEqual(['Service default/echo metadata.annotations[\'konghq.com/retries\']: Service annotation \'konghq.com/retries\' is not modelled by the intent']);
    expect(r.items).toContainEqual({ object: 'KongPlugin default/rl-by-ip', field: 'config.minute', value: '5', to: 'Route.rateLimit (5 per minute)' });
  });

  test('03 key-auth scoped by acl to one consumer is EdgeAuth.apiKey of its Secret; without acl, of any consumer', () => {
    const r = readCorpus(kong, 'kong', '03-key-auth.yaml');
    expect(r.table.routes.map(e => [e.host, e.policies])).toEqual([
      ['keys.example.com', { auth: { kind: 'apiKey', header: 'apikey' } }],
      ['partners.example.com', { auth: { kind: 'apiKey', secretName: 'partner-keys', header: 'apikey' } }],
    ]);
    expect(r.unmapped).toEqual([]);
  });

  test('04 cors (the any-depth wildcard-origin regex back to **.host), transformers: replace + add is set, append is add, add alone is unmapped', () => {
    const r = readCorpus(kong, 'kong', '04-cors-transformers.yaml');
    expect(routeLines(r.table)).toEqual(['web app.example.com Prefix /api -> api:8080']);
    expect(r.table.routes[0].policies).toEqual({
      cors: {
        origins: ['https://**.example.org', 'https://app.example.com'],
        methods: ['GET', 'POST'],
        headers: ['Authorization'],
        exposeHeaders: ['X-Request-Id'],
        credentials: true,
        maxAgeSeconds: 3600,
      },
      headers: {
        request: { set: [], add: [], remove: ['x-debug'] },
        response: { set: [{ name: 'x-frame-options', value: 'DENY' }], add: [{ name: 'vary', value: 'Origin' }], remove: [] },
      },
    });
    expect(r.unmapped).toEqual([
      'KongPlugin web/add-headers config.add.headers: adding a header only when absent has no intent equivalent (HeaderRules set = replace + add)',
    ]);
  });

  test('05 methods and header conditions; https-only with 301 on a cert-manager certificate', () => {
    const r = readCorpus(kong, 'kong', '05-conditions-redirect.yaml');
    expect(routeLines(r.table)).toEqual([
      'shop shop.example.com Exact /orders GET x-version=v2 -> orders:80',
      'shop shop.example.com Exact /orders POST x-version=v2 -> orders:80',
    ]);
    expect(r.table.routes.map(e => e.policies)).toEqual([
      { redirect: { scheme: 'https', statusCode: 301 } },
      { redirect: { scheme: 'https', statusCode: 301 } },
    ]);
    expect(r.table.tls).toEqual([{ host: 'shop.example.com', secret: 'shop/shop-tls', managedCertificate: true, httpsRedirect: true }]);
    expect(r.unmapped).toEqual([]);
  });

  test('06 hostile: Lua, caching, a custom status, deprecated / unknown / Service keys and global plugins are unmapped', () => {
    const r = readCorpus(kong, 'kong', '06-hostile.yaml');
    expect(routeLines(r.table)).toEqual(['default hostile.example.com Prefix / -> app:80']);
    expect(r.table.routes[0].policies).toEqual({ ipAccess: { allow: ['10.0.0.0/8'], deny: [] } });
    expect(r.unmapped).toEqual([
      'Ingress default/hostile metadata.annotations[\'konghq.com/not-a-key\']: unknown Kong annotation \'konghq.com/not-a-key\'',
      'Ingress default/hostile metadata.annotations[\'konghq.com/override\']: deprecated with KongIngress; use the typed props or a KongPlugin',
      'Ingress default/hostile metadata.annotations[\'konghq.com/read-timeout\']: KIC reads this annotation on the Service, not on the Ingress; annotate the Service itself',
      'KongClusterPlugin prometheus metadata.labels[\'global\']: a global plugin applies to every route; the intent sets policies per route or as gateway defaults',
      'KongClusterPlugin prometheus plugin: metrics are configured outside the routing intent',
      'KongPlugin default/cache plugin: response caching is not modelled by the intent',
      'KongPlugin default/lua plugin: runs arbitrary Lua code in the proxy; never imported',
      'KongPlugin default/office-only config.status: ip-restriction \'status\' is not modelled by the intent',
    ]);
    expect(r.items).toContainEqual({ object: 'Ingress default/hostile', field: 'metadata.annotations[\'konghq.com/tags\']', value: 'team-a', to: 'Route.rawAnnotations[\'konghq.com/tags\']' });
  });

  test('07 a header canary reads as the more specific route it stands for', () => {
    const r = readCorpus(kong, 'kong', '07-header-canary.yaml');
    expect(routeLines(r.table)).toEqual([
      'default billing.example.com Prefix / -> billing:80',
      'default billing.example.com Prefix / x-canary=true -> billing-v2:80',
    ]);
    const read = kong.read(corpus('kong', '07-header-canary.yaml'));
    expect(read.gateways[0].canaries.map(c => [c.route, c.traffic])).toEqual([['Ingress default/billing', { kind: 'header', name: 'x-canary', value: 'true' }]]);
    expect(r.unmapped).toEqual([]);
  });
});

describe('Kong mappings', () => {
  test('08 gRPC: konghq.com/protocols grpc,grpcs on the Ingress with the Service\'s konghq.com/protocol grpcs is BackendProtocol.GRPCS', () => {
    const r = readCorpus(kong, 'kong', '08-grpc.yaml');
    expect(routeLines(r.table)).toEqual(['default grpc.example.com Prefix / -> grpcbin:9001']);
    expect(r.table.routes[0].policies).toEqual({ backendProtocol: { protocol: 'GRPCS' } });
    expect(r.unmapped).toEqual([]);
    expect(r.items).toContainEqual({ object: 'Ingress default/grpcbin', field: 'metadata.annotations[\'konghq.com/protocols\']', value: 'grpc,grpcs', to: expect.stringContaining('Route.backendProtocol') });
  });

  test('origins', () => {
    expect(intentOrigin('^https://([a-z0-9-]+\\.)+example\\.com$')).toBe('https://**.example.com');
    expect(intentOrigin('^https://[a-z0-9-]+\\.example\\.com$')).toBe('https://*.example.com');
    expect(intentOrigin('https://a.example.com:8443')).toBe('https://a.example.com:8443');
    expect(intentOrigin('*')).toBe('*');
    expect(intentOrigin('^https://.*$')).toBeUndefined();
  });

  test('normalize: a 308 HTTPS redirect on a TLS host is its default redirect; WebSocket is HTTP', () => {
    const entry = (policies: RouteEntry['policies']): RouteEntry => ({
      namespace: 'ns', host: 'a.example.com', match: { path: { kind: 'Prefix', value: '/' }, headers: [], queryParams: [] }, backends: [], policies,
    });
    const t = kong.normalize({
      routes: [entry({ redirect: { source: '', scheme: 'https', statusCode: 308 }, backendProtocol: { source: '', protocol: 'WEBSOCKET' } })],
      tls: [{ host: '*.example.com', secret: 'ns/s', managedCertificate: false, httpsRedirect: false }],
      passthrough: [],
    });
    expect(t.routes[0].policies).toEqual({});
    expect(t.tls[0].httpsRedirect).toBe(true);
  });

  test('accepts Kong Ingresses and CRDs only', () => {
    const ing = (cls?: string, annotations?: Record<string, string>) => ({
      apiVersion: 'networking.k8s.io/v1', kind: 'Ingress', metadata: { name: 'x', annotations }, spec: cls ? { ingressClassName: cls } : {},
    });
    expect(kong.accepts(ing('kong'))).toBe(true);
    expect(kong.accepts(ing('nginx'))).toBe(false);
    expect(kong.accepts(ing(undefined, { 'konghq.com/strip-path': 'true' }))).toBe(true);
    expect(kong.accepts({ apiVersion: 'configuration.konghq.com/v1', kind: 'KongPlugin', metadata: { name: 'p' } })).toBe(true);
    expect(kong.accepts({ apiVersion: 'v1', kind: 'Secret', metadata: { name: 's' } })).toBe(false);
  });
});

describe('odd but parseable input never throws', () => {
  test('the reader lists what it cannot read', () => {
    const read = kong.read([
      { apiVersion: 'configuration.konghq.com/v1', kind: 'KongPlugin', metadata: { name: 'p' }, plugin: 'cors', config: { origins: null } } as any,
      { apiVersion: 'configuration.konghq.com/v1', kind: 'KongPlugin', metadata: { name: 'q' }, plugin: 'request-transformer', config: { add: 'x' } } as any,
      { apiVersion: 'configuration.konghq.com/v1', kind: 'KongConsumer', metadata: { name: 'c' }, credentials: 'nope' } as any,
      {
        apiVersion: 'networking.k8s.io/v1',
        kind: 'Ingress',
        metadata: { name: 'i', annotations: { 'konghq.com/plugins': 'p,q,missing', 'konghq.com/strip-path': true as any } },
        spec: { ingressClassName: 'kong', rules: [null, { host: 'a', http: { paths: [null, { path: '/x', pathType: 'Prefix', backend: { resource: {} } }] } }], tls: [null] },
      },
    ]);
    expect(read.items.filter(i => i.reason).map(i => `${i.object} ${i.field}`)).toEqual([
      'Ingress default/i metadata.annotations[\'konghq.com/plugins\']',
      'Ingress default/i spec.rules[1].http.paths[0]',
      'Ingress default/i spec.rules[1].http.paths[1].backend',
      'Ingress default/i spec.tls[0]',
      'KongConsumer default/c credentials',
      'KongPlugin default/p config.origins',
      'KongPlugin default/q config',
    ]);
  });
});
