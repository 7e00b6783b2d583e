import { readLines, routeLines, unmappedLines } from './read-corpus';
import { routeTableOf } from '../../src/checks/route-table';
import { KONG_GATEWAY_API_READER } from '../../src/controllers/kong/gateway-api-reader';
import { KubeObject } from '../../src/controllers/reader';
import { readerFor } from '../../src/import/readers';

const read = (file: string) => readLines('kong-gateway-api', file);

const ANY_CONSUMER = 'no acl plugin on the route allows exactly one group \'<namespace>/<credential Secret>\' (the one consumer the intent stands for), so Kong accepts the credentials of other consumers too, which the intent cannot say';

describe('kong-gateway-api reader: corpus (KIC examples)', () => {
  test('01 a 75 / 25 split of two backends is a weighted canary; konghq.com/strip-path on an HTTPRoute is unmapped', () => {
    const r = read('01-httproute.yaml');
    expect(r.routes).toEqual(['default * Prefix:/httproute-testing -> default/httpbin:80@3,default/nginx:8080']);
    expect(r.result.gateways[0].canaries.map(c => [c.canary.service, c.traffic])).toEqual([['nginx', { kind: 'weight', stable: 75, canary: 25 }]]);
    expect(r.unmapped).toEqual(['HTTPRoute default/httproute-testing metadata.annotations[\'konghq.com/strip-path\']: a Kong annotation the intent does not model on HTTPRoutes']);
  });

  test('02 key-auth scoped by a shared acl group is unmapped; key-auth without acl accepts any consumer\'s key (Kong defaults: apikey in a header or the query)', () => {
    const r = read('02-acl-key-auth.yaml');
    expect(r.routes).toEqual([
      'default * Prefix:/echo -> default/echo:80',
      'default * Prefix:/httpbin -> default/httpbin:80 {"auth":{"kind":"apiKey","header":"apikey","queryParameter":"apikey"}}',
    ]);
    expect(r.unmapped).toEqual([
      'HTTPRoute default/httproute-echo metadata.annotations[\'konghq.com/plugins\'][acl-group-1]: the intent models an acl plugin only as the one group \'<namespace>/<credential Secret>\' of a key-auth or basic-auth route',
      `HTTPRoute default/httproute-echo metadata.annotations['konghq.com/plugins'][key-auth]: ${ANY_CONSUMER}`,
      'KongPlugin default/acl-group-1 config: the intent models an acl plugin only as the one group \'<namespace>/<credential Secret>\' of a key-auth or basic-auth route',
      `KongPlugin default/key-auth config: ${ANY_CONSUMER}`,
    ]);
  });

  test('03 plugins by ExtensionRef: rate limit, CORS (wildcard origin regex), response headers with HSTS; the protocols annotation is the TLS host\'s redirect', () => {
    const r = read('03-plugins-by-filter.yaml');
    expect(r.routes).toEqual([
      'default api.example.com Prefix:/v1 -> default/api:8080 {"rateLimit":{"key":"clientIp","requests":5,"per":"minute","exemptCidrs":[]},"cors":{"origins":["https://**.example.org","https://app.example.com"],"methods":["GET","POST"],"headers":["Authorization"],"exposeHeaders":[],"credentials":true,"maxAgeSeconds":3600},"headers":{"response":{"set":[],"add":[],"remove":["x-powered-by"]}}}',
    ]);
    expect(r.table.tls).toEqual([{
      host: 'api.example.com',
      secret: 'default/api-cert',
      managedCertificate: false,
      httpsRedirect: true,
      hsts: { maxAgeSeconds: 31536000, includeSubdomains: true, preload: false },
    }]);
    expect(r.unmapped).toEqual([
      'HTTPRoute default/api spec.rules[0].filters[3]: the Kong plugin \'prometheus\' is not modelled',
      'KongPlugin default/prometheus config: the Kong plugin \'prometheus\' is not modelled',
    ]);
    expect(r.mapped).toEqual(expect.arrayContaining([
      'HTTPRoute default/api metadata.annotations[\'konghq.com/protocols\'] -> TlsHost.httpsRedirect (the default), or Redirect.toHttps() where the TLS host does not redirect',
      'KongPlugin default/api-headers config -> Route.headerRules.response and TlsHost.hsts',
    ]));
  });

  test('the registry serves this reader for the kong-gateway-api column', () => {
    expect(readerFor('kong-gateway-api')).toBe(KONG_GATEWAY_API_READER);
  });
});

describe('kong-gateway-api reader: tricky mappings', () => {
  const gw: KubeObject = { apiVersion: 'gateway.networking.k8s.io/v1', kind: 'Gateway', metadata: { name: 'kong', namespace: 'edge' }, spec: { gatewayClassName: 'kong', listeners: [{ name: 'http', port: 80, protocol: 'HTTP' }] } };
  const plugin = (name: string, type: string, config?: object, extra: object = {}): KubeObject => ({ apiVersion: 'configuration.konghq.com/v1', kind: 'KongPlugin', metadata: { name, namespace: 'edge' }, plugin: type, ...(config ? { config } : {}), ...extra });
  const route = (plugins: string[], match: object = {}): KubeObject => ({
    apiVersion: 'gateway.networking.k8s.io/v1',
    kind: 'HTTPRoute',
    metadata: { name: 'r', namespace: 'edge' },
    spec: { parentRefs: [{ name: 'kong' }], rules: [{ ...match, filters: plugins.map(name => ({ type: 'ExtensionRef', extensionRef: { group: 'configuration.konghq.com', kind: 'KongPlugin', name } })), backendRefs: [{ name: 'svc', port: 80 }] }] },
  });

  test('key-auth scoped by the acl of the route\'s credential Secret is EdgeAuth.apiKey; a Redis counter keeps its Secret', () => {
    const objects = [gw, route(['r-key-auth', 'r-acl', 'r-rate-limiting']),
      plugin('r-key-auth', 'key-auth', { key_names: ['X-Api-Key'], key_in_header: true, key_in_query: false, key_in_body: false }),
      plugin('r-acl', 'acl', { allow: ['edge/keys-secret'] }),
      plugin('r-rate-limiting', 'rate-limiting', { second: 150, limit_by: 'consumer', policy: 'redis', redis: { host: 'redis.infra.svc.cluster.local', port: 6379 } },
        { configPatches: [{ path: '/redis/username', valueFrom: { secretKeyRef: { name: 'redis-creds', key: 'username' } } }] })];
    const result = KONG_GATEWAY_API_READER.read(objects);
    expect(routeTableOf(result.gateways).routes[0].policies).toEqual({
      auth: { kind: 'apiKey', secretName: 'keys-secret', header: 'x-api-key' },
      rateLimit: { key: 'consumer', requests: 150, per: 'second', exemptCidrs: [], distributed: { kind: 'redis', endpoint: 'redis.infra.svc.cluster.local:6379', secretName: 'redis-creds' } },
    });
    expect(unmappedLines(result.items)).toEqual([]);
  });

  test('regular expressions lose the anchors KIC needs; a KongPlugin no route references is unmapped', () => {
    const objects = [gw, route([], { matches: [{ path: { type: 'RegularExpression', value: '^/users/[0-9]+$' } }] }), plugin('unused', 'cors', { origins: ['*'] })];
    const result = KONG_GATEWAY_API_READER.read(objects);
    expect(routeLines(routeTableOf(result.gateways))).toEqual(['edge * RegularExpression:/users/[0-9]+ -> edge/svc:80']);
    expect(unmappedLines(result.items)).toEqual(['KongPlugin edge/unused plugin: a KongPlugin no route of the input references (by ExtensionRef) has no effect here']);
  });
});
