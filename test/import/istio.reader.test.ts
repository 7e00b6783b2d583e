import { Duration } from 'cdk8s';
import { ApiGateway, Backend, CaCertificates, ClientAuth, Controller, HttpMethod, Retries, RouteOptions, TlsCertificate, TlsCipherSuite } from '../../src';
import { roundTripProblems } from '../property/roundtrip';
import { newChart, synthConformant } from '../util';
import { mappedLines, readLines, routeLines, unmappedLines } from './read-corpus';
import { routeTableOf } from '../../src/checks/route-table';
import { ISTIO_READER } from '../../src/controllers/istio/reader';
import { KubeObject } from '../../src/controllers/reader';
import { readerFor } from '../../src/import/readers';

const read = (file: string) => readLines('istio', file);

const JWKS = 'https://raw.githubusercontent.com/istio/istio/master/security/tools/jwt/samples/jwks.json';

describe('istio reader: corpus (Istio docs examples)', () => {
  test('01 a DENY policy without a principal of the issuer, scoped to one route, is that route\'s EdgeAuth.jwt', () => {
    const r = read('01-jwt.yaml');
    expect(r.routes).toEqual([
      `istio-ingress httpbin.example.com Prefix:/headers -> istio-ingress/httpbin:8000 {"auth":{"kind":"jwt","issuer":"testing@secure.istio.io","jwksUri":"${JWKS}","audiences":[],"claimsToHeaders":[{"claim":"sub","header":"x-jwt-sub"}]}}`,
      'istio-ingress httpbin.example.com Prefix:/status -> istio-ingress/httpbin:8000',
    ]);
    expect(r.unmapped).toEqual([]);
    expect(r.mapped).toContain('AuthorizationPolicy istio-ingress/require-jwt-headers spec.rules[0] -> Route.auth (EdgeAuth.jwt) of HTTPRoute istio-ingress/httpbin');
  });

  test('02 client addresses: DENY remoteIpBlocks is a deny list; an ALLOW policy is an allow list and refuses the other routes (unmapped)', () => {
    const r = read('02-ip-access.yaml');
    expect(r.routes).toEqual([
      'istio-ingress admin.example.com Prefix:/ -> istio-ingress/admin:8000 {"ipAccess":{"allow":["10.0.0.0/8"],"deny":[]}}',
      'istio-ingress shop.example.com Prefix:/ -> istio-ingress/shop:8000 {"ipAccess":{"allow":[],"deny":["203.0.113.0/24"]}}',
    ]);
    expect(r.unmapped).toEqual([
      'AuthorizationPolicy istio-ingress/allow-office spec.action: an ALLOW policy on the Gateway refuses every request it does not allow, so HTTPRoute istio-ingress/shop would be refused entirely, which the intent cannot say',
    ]);
  });

  test('03 Istio\'s own routing and raw Envoy configuration are unmapped', () => {
    const r = read('03-istio-routing.yaml');
    expect(r.routes).toEqual(['istio-ingress * Exact:/productpage -> istio-ingress/productpage:9080']);
    expect(r.unmapped).toEqual([
      'DestinationRule istio-ingress/reviews spec: Istio\'s load balancing / connection pool / TLS origination API is not modelled (a BackendTLSPolicy re-encrypts)',
      'EnvoyFilter istio-ingress/lua-filter spec: raw Envoy configuration: the intent never emits it',
      'VirtualService istio-ingress/reviews spec: Istio\'s own routing API: this reader reads the Gateway API routes (convert the VirtualService to an HTTPRoute first)',
    ]);
  });

  test('the registry serves this reader for the istio column', () => {
    expect(readerFor('istio')).toBe(ISTIO_READER);
  });
});

describe('istio reader: tricky mappings', () => {
  const gw: KubeObject = { apiVersion: 'gateway.networking.k8s.io/v1', kind: 'Gateway', metadata: { name: 'gw', namespace: 'edge' }, spec: { gatewayClassName: 'istio', listeners: [{ name: 'http', port: 80, protocol: 'HTTP' }] } };
  const route = (name: string, path: object, hosts?: string[]): KubeObject => ({
    apiVersion: 'gateway.networking.k8s.io/v1',
    kind: 'HTTPRoute',
    metadata: { name, namespace: 'edge' },
    spec: { parentRefs: [{ name: 'gw' }], ...(hosts ? { hostnames: hosts } : {}), rules: [{ matches: [{ path }], backendRefs: [{ name, port: 80 }] }] },
  });
  const deny = (to: object[] | undefined): KubeObject => ({
    apiVersion: 'security.istio.io/v1',
    kind: 'AuthorizationPolicy',
    metadata: { name: 'deny', namespace: 'edge' },
    spec: { targetRefs: [{ group: 'gateway.networking.k8s.io', kind: 'Gateway', name: 'gw' }], action: 'DENY', rules: [{ from: [{ source: { remoteIpBlocks: ['192.0.2.0/24'] } }], ...(to ? { to } : {}) }] },
  });

  test('notPaths naming a more specific route\'s paths subtract that route only', () => {
    const objects = [gw, route('api', { type: 'PathPrefix', value: '/api' }), route('health', { type: 'Exact', value: '/api/health' }),
      deny([{ operation: { paths: ['/api', '/api/*'], notPaths: ['/api/health'] } }])];
    const result = ISTIO_READER.read(objects);
    expect(routeLines(routeTableOf(result.gateways)).sort()).toEqual([
      'edge * Exact:/api/health -> edge/health:80',
      'edge * Prefix:/api -> edge/api:80 {"ipAccess":{"allow":[],"deny":["192.0.2.0/24"]}}',
    ]);
    expect(unmappedLines(result.items)).toEqual([]);
  });

  test('a policy covering only part of a route\'s requests is unmapped; one without `to` covers every route', () => {
    const partial = ISTIO_READER.read([gw, route('api', { type: 'PathPrefix', value: '/api' }), deny([{ operation: { paths: ['/api/admin/*'] } }])]);
    expect(unmappedLines(partial.items)).toEqual([
      'AuthorizationPolicy edge/deny spec.rules[0]: it applies to none of the routes read (as a whole)',
    ]);
    const all = ISTIO_READER.read([gw, route('a', { type: 'PathPrefix', value: '/a' }), route('b', { type: 'Exact', value: '/b' }), deny(undefined)]);
    expect(routeLines(routeTableOf(all.gateways)).sort()).toEqual([
      'edge * Exact:/b -> edge/b:80 {"ipAccess":{"allow":[],"deny":["192.0.2.0/24"]}}',
      'edge * Prefix:/a -> edge/a:80 {"ipAccess":{"allow":[],"deny":["192.0.2.0/24"]}}',
    ]);
  });

  test('a principal requirement without the issuer\'s RequestAuthentication is unmapped', () => {
    const policy: KubeObject = {
      apiVersion: 'security.istio.io/v1',
      kind: 'AuthorizationPolicy',
      metadata: { name: 'jwt', namespace: 'edge' },
      spec: { targetRefs: [{ group: 'gateway.networking.k8s.io', kind: 'Gateway', name: 'gw' }], action: 'DENY', rules: [{ from: [{ source: { notRequestPrincipals: ['https://issuer.example.com/*'] } }] }] },
    };
    expect(unmappedLines(ISTIO_READER.read([gw, route('a', { type: 'PathPrefix', value: '/a' }), policy]).items)).toEqual([
      'AuthorizationPolicy edge/jwt spec.rules[0]: no RequestAuthentication on the Gateway validates tokens of \'https://issuer.example.com\'',
    ]);
  });
});

describe('istio reader: CUSTOM AuthorizationPolicy (EdgeAuth.externalProvider)', () => {
  const gw: KubeObject = { apiVersion: 'gateway.networking.k8s.io/v1', kind: 'Gateway', metadata: { name: 'gw', namespace: 'edge' }, spec: { gatewayClassName: 'istio', listeners: [{ name: 'http', port: 80, protocol: 'HTTP' }] } };
  const route = (name: string, value: string): KubeObject => ({
    apiVersion: 'gateway.networking.k8s.io/v1',
    kind: 'HTTPRoute',
    metadata: { name, namespace: 'edge' },
    spec: { parentRefs: [{ name: 'gw' }], rules: [{ matches: [{ path: { type: 'PathPrefix', value } }], backendRefs: [{ name, port: 80 }] }] },
  });
  const custom = (spec: object): KubeObject => ({
    apiVersion: 'security.istio.io/v1',
    kind: 'AuthorizationPolicy',
    metadata: { name: 'ext-authz', namespace: 'edge' },
    spec: { targetRefs: [{ group: 'gateway.networking.k8s.io', kind: 'Gateway', name: 'gw' }], action: 'CUSTOM', ...spec },
  });

  test('the routes whose requests its rule selects are authorized by the named provider', () => {
    const result = ISTIO_READER.read([gw, route('api', '/api'), route('web', '/web'),
      custom({ provider: { name: 'oauth2-proxy' }, rules: [{ to: [{ operation: { paths: ['/api', '/api/*'] } }] }] })]);
    expect(routeLines(routeTableOf(result.gateways)).sort()).toEqual([
      'edge * Prefix:/api -> edge/api:80 {"auth":{"kind":"externalProvider","provider":"oauth2-proxy"}}',
      'edge * Prefix:/web -> edge/web:80',
    ]);
    expect(unmappedLines(result.items)).toEqual([]);
    expect(mappedLines(result.items)).toContain('AuthorizationPolicy edge/ext-authz spec.rules[0] -> Route.auth (EdgeAuth.externalProvider(\'oauth2-proxy\')) of HTTPRoute edge/api');
  });

  test('a rule with no condition ({}) covers every route; a source condition or a missing provider is unmapped', () => {
    const all = ISTIO_READER.read([gw, route('a', '/a'), custom({ provider: { name: 'p' }, rules: [{}] })]);
    expect(routeLines(routeTableOf(all.gateways))).toEqual(['edge * Prefix:/a -> edge/a:80 {"auth":{"kind":"externalProvider","provider":"p"}}']);
    const from = ISTIO_READER.read([gw, route('a', '/a'), custom({ provider: { name: 'p' }, rules: [{ from: [{ source: { remoteIpBlocks: ['10.0.0.0/8'] } }] }] })]);
    expect(unmappedLines(from.items)).toEqual([
      'AuthorizationPolicy edge/ext-authz spec.rules[0].from: the intent sends every request of a route to the provider (conditions on the source or request attributes are not modelled)',
    ]);
    const none = ISTIO_READER.read([gw, route('a', '/a'), custom({ rules: [{}] })]);
    expect(unmappedLines(none.items)).toEqual(['AuthorizationPolicy edge/ext-authz spec.provider: a CUSTOM policy names the extension provider that decides (provider.name)']);
  });
});

// auditgw (issue #12): cells filled by the audit of Istio's refusals, read back to the same intent.
describe('istio reader: audit cells (retries on the experimental channel, client certificates)', () => {
  const synthRoundTrip = (options: Omit<RouteOptions, 'backend'> & { backend?: RouteOptions['backend'] }) => {
    const chart = newChart();
    const gw = new ApiGateway(chart, 'gw', { controller: Controller.istio({ experimentalChannel: true }) });
    gw.addRoute('r', { hosts: ['a.example.com'], backend: Backend.service('svc', 80), ...options });
    const objects = synthConformant(chart, { gatewayApiChannel: 'experimental' });
    return { objects, problems: roundTripProblems('istio', gw, objects) };
  };

  test('rules[].retry (attempts, codes, backoff) reads back as the route\'s Retries', () => {
    const { objects, problems } = synthRoundTrip({
      match: { method: HttpMethod.GET },
      retries: Retries.of({ attempts: 3, statusCodes: [503], backoff: Duration.millis(250) }),
    });
    const route = objects.find(o => o.kind === 'HTTPRoute' && o.metadata.name === 'gw-r');
    expect(route.spec.rules[0].retry).toEqual({ attempts: 3, codes: [503], backoff: '250ms' });
    expect(problems).toEqual([]);
  });

  test('client certificates from Gateway spec.tls.frontend (one CA, required) read back as the TlsHost\'s clientAuth', () => {
    for (const [kind, ca] of [['ConfigMap', CaCertificates.fromConfigMap('partner-ca')], ['Secret', CaCertificates.fromSecret('partner-ca')]] as const) {
      const chart = newChart();
      const gw = new ApiGateway(chart, 'gw', { controller: Controller.istio() });
      gw.addTlsHost('tls', { hosts: ['a.example.com'], certificate: TlsCertificate.fromSecret('a-cert'), clientAuth: ClientAuth.required(ca) });
      gw.addRoute('r', { hosts: ['a.example.com'], backend: Backend.service('svc', 80) });
      const objects = synthConformant(chart);
      const gateway = objects.find(o => o.kind === 'Gateway');
      expect(gateway.spec.tls.frontend.default.validation.caCertificateRefs).toEqual([{ group: '', kind, name: 'partner-ca' }]);
      expect(roundTripProblems('istio', gw, objects)).toEqual([]);
      expect(ISTIO_READER.read(objects).gateways[0].tlsHosts[0].clientAuth).toEqual({ required: true, ca: { kind, name: 'partner-ca' } });
    }
  });

  test('listener tls.options: cipher suites (OpenSSL names) and OPTIONAL_MUTUAL read back as the TlsHost\'s cipherSuites and optional clientAuth', () => {
    const chart = newChart();
    const gw = new ApiGateway(chart, 'gw', { controller: Controller.istio() });
    gw.addTlsHost('tls', {
      hosts: ['a.example.com', 'b.example.com'],
      certificate: TlsCertificate.fromSecret('a-cert'),
      clientAuth: ClientAuth.optional(CaCertificates.fromConfigMap('partner-ca')),
      cipherSuites: [TlsCipherSuite.TLS_ECDHE_ECDSA_WITH_CHACHA20_POLY1305_SHA256, TlsCipherSuite.TLS_RSA_WITH_AES_256_CBC_SHA],
    });
    gw.addRoute('r', { hosts: ['a.example.com', 'b.example.com'], backend: Backend.service('svc', 80) });
    const objects = synthConformant(chart);
    const listeners = objects.find(o => o.kind === 'Gateway').spec.listeners.filter((l: any) => l.protocol === 'HTTPS');
    expect(listeners.map((l: any) => l.tls.options)).toEqual([0, 1].map(() => ({
      'gateway.istio.io/tls-cipher-suites': 'ECDHE-ECDSA-CHACHA20-POLY1305,AES256-SHA',
      'gateway.istio.io/tls-terminate-mode': 'OPTIONAL_MUTUAL',
    })));
    expect(roundTripProblems('istio', gw, objects)).toEqual([]);
    const tls = ISTIO_READER.read(objects).gateways[0].tlsHosts[0];
    expect([tls.cipherSuites, tls.clientAuth]).toEqual([
      ['TLS_ECDHE_ECDSA_WITH_CHACHA20_POLY1305_SHA256', 'TLS_RSA_WITH_AES_256_CBC_SHA'],
      { required: false, ca: { kind: 'ConfigMap', name: 'partner-ca' } },
    ]);
  });

  test('listener options the intent cannot say are unmapped: unknown ciphers, other modes, OPTIONAL_MUTUAL without a frontend CA', () => {
    const gateway = (options: Record<string, string>, frontend: boolean): KubeObject => ({
      apiVersion: 'gateway.networking.k8s.io/v1',
      kind: 'Gateway',
      metadata: { name: 'gw', namespace: 'edge' },
      spec: {
        gatewayClassName: 'istio',
        listeners: [
          { name: 'http', port: 80, protocol: 'HTTP' },
          { name: 'https-a', hostname: 'a.example.com', port: 443, protocol: 'HTTPS', tls: { mode: 'Terminate', certificateRefs: [{ kind: 'Secret', name: 'a' }], options } },
        ],
        ...(frontend ? { tls: { frontend: { default: { validation: { caCertificateRefs: [{ group: '', kind: 'ConfigMap', name: 'ca' }] } } } } } : {}),
      },
    });
    expect(unmappedLines(ISTIO_READER.read([gateway({ 'gateway.istio.io/tls-cipher-suites': 'ECDHE-RSA-AES128-GCM-SHA256,DES-CBC3-SHA' }, false)]).items)).toContain(
      'Gateway edge/gw spec.listeners[1].tls.options.gateway.istio.io/tls-cipher-suites: the intent lists distinct TLS 1.2 suites by name (TlsCipherSuite); this list has others, repeats or cipher expressions');
    expect(unmappedLines(ISTIO_READER.read([gateway({ 'gateway.istio.io/tls-terminate-mode': 'ISTIO_MUTUAL' }, true)]).items)).toContain(
      'Gateway edge/gw spec.listeners[1].tls.options.gateway.istio.io/tls-terminate-mode: an Istio listener option the intent does not model');
    expect(unmappedLines(ISTIO_READER.read([gateway({ 'gateway.istio.io/tls-terminate-mode': 'OPTIONAL_MUTUAL' }, false)]).items)).toContain(
      'Gateway edge/gw spec.listeners[1].tls.options: an optional client certificate is verified against the CA of spec.tls.frontend, which this Gateway does not set');
  });

  test('a hand-written retry stanza is mapped, not left unmapped', () => {
    const gw: KubeObject = { apiVersion: 'gateway.networking.k8s.io/v1', kind: 'Gateway', metadata: { name: 'gw', namespace: 'edge' }, spec: { gatewayClassName: 'istio', listeners: [{ name: 'http', port: 80, protocol: 'HTTP' }] } };
    const route: KubeObject = {
      apiVersion: 'gateway.networking.k8s.io/v1',
      kind: 'HTTPRoute',
      metadata: { name: 'api', namespace: 'edge' },
      spec: { parentRefs: [{ name: 'gw' }], rules: [{ matches: [{ method: 'GET' }], backendRefs: [{ name: 'api', port: 80 }], retry: { attempts: 2, codes: [502, 503, 504] } }] },
    };
    const result = ISTIO_READER.read([gw, route]);
    expect(unmappedLines(result.items)).toEqual([]);
    expect(result.gateways[0].routes[0].policies.retries).toMatchObject({ attempts: 2 });
  });
});
