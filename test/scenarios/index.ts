import { Chart, Duration } from 'cdk8s';
import { POLICY_SCENARIOS } from './policies';
import {
  AcmeServer, AcmeSolver, ApiGateway, Backend, BackendProtocol, BackendTls, CaCertificates, CanaryTraffic, ClientAuth, ClusterIssuer, Controller,
  DirectResponse, Dns01Provider,
  HeaderMatch, HeaderRules, Hsts, HttpMethod, Issuer, IssuerType, PathMatch, PrivateKeyAlgorithm, QueryParamMatch, Redirect, RedirectStatus,
  TlsCertificate, TlsMode, TlsVersion, TrafficMirror,
} from '../../src';
import { ControllerName } from '../../src/capabilities/features';
import { CAPABILITIES } from '../../src/capabilities/matrix';

export type Scenario = (chart: Chart, controller: Controller) => void;

/**
 * `*.apps.example.com` (one label) where the controller renders it, else `**.apps.example.com`
 * (any depth; Kong and Gateway API, whose own `*.` was always any depth): the same objects as
 * before wildcard depth had two spellings.
 */
function appsWildcard(controller: Controller): string {
  return CAPABILITIES[controller.name as ControllerName].wildcardHost.supported ? '*.apps.example.com' : '**.apps.example.com';
}

/**
 * The shared corpus: every scenario is rendered for every controller into one YAML snapshot
 * file per controller, or fails with the standard unsupported message.
 */
export const SCENARIOS: Record<string, Scenario> = {
  ...POLICY_SCENARIOS,
  'single-host-path': (chart, controller) => {
    const gw = new ApiGateway(chart, 'edge', { controller });
    gw.addRoute('v1', { hosts: ['api.example.com'], match: { path: PathMatch.prefix('/v1') }, backend: Backend.service('api-v1', 8080) });
  },

  'multi-host-tls': (chart, controller) => {
    const gw = new ApiGateway(chart, 'edge', { controller });
    gw.addRoute('v1', { hosts: ['api.example.com'], match: { path: PathMatch.prefix('/v1') }, backend: Backend.service('api-v1', 8080) });
    gw.addRoute('v2', { hosts: ['api.example.com'], match: { path: PathMatch.prefix('/v2') }, backend: Backend.service('api-v2', 8080) });
    gw.addRoute('web', { hosts: ['web.example.com', 'www.example.com'], backend: Backend.service('web-frontend', 80) });
    gw.addTlsHost('api-tls', { hosts: ['api.example.com'], certificate: TlsCertificate.fromSecret('api-tls-cert') });
    gw.addTlsHost('web-tls', { hosts: ['web.example.com', 'www.example.com'], certificate: TlsCertificate.fromSecret('web-tls-cert') });
  },

  'wildcard-host': (chart, controller) => {
    const gw = new ApiGateway(chart, 'edge', { controller });
    gw.addRoute('tenants', { hosts: [appsWildcard(controller)], backend: Backend.service('tenant-router', 8080) });
    gw.addRoute('admin', { hosts: ['admin.apps.example.com'], backend: Backend.service('admin', 8080) });
    gw.addTlsHost('tls', { hosts: ['*.apps.example.com'], certificate: TlsCertificate.fromSecret('apps-wildcard-cert') });
  },

  /** Both depths on one gateway: rendered where the controller has both (Traefik), refused elsewhere. */
  'wildcard-host-depths': (chart, controller) => {
    const gw = new ApiGateway(chart, 'edge', { controller });
    gw.addRoute('tenants', { hosts: ['*.apps.example.com'], backend: Backend.service('tenant-router', 8080) });
    gw.addRoute('deep', { hosts: ['**.apps.example.com'], match: { path: PathMatch.prefix('/v1') }, backend: Backend.service('deep-router', 8080) });
    gw.addRoute('admin', { hosts: ['admin.apps.example.com'], backend: Backend.service('admin', 8080) });
    gw.addTlsHost('tls', { hosts: ['*.apps.example.com'], certificate: TlsCertificate.fromSecret('apps-wildcard-cert') });
  },

  'exact-vs-prefix': (chart, controller) => {
    const gw = new ApiGateway(chart, 'edge', { controller });
    gw.addRoute('exact', { hosts: ['api.example.com'], match: { path: PathMatch.exact('/v1') }, backend: Backend.service('api-v1-root', 8080) });
    gw.addRoute('prefix', { hosts: ['api.example.com'], match: { path: PathMatch.prefix('/v1') }, backend: Backend.service('api-v1', 8080) });
  },

  'header-and-method': (chart, controller) => {
    const gw = new ApiGateway(chart, 'edge', { controller });
    gw.addRoute('stable', { hosts: ['api.example.com'], match: { path: PathMatch.prefix('/') }, backend: Backend.service('api-v1', 8080) });
    gw.addRoute('beta', {
      hosts: ['api.example.com'],
      match: { path: PathMatch.prefix('/'), headers: [HeaderMatch.exact('x-channel', 'beta')], method: HttpMethod.GET },
      backend: Backend.service('api-v2', 8080),
    });
  },

  'query-param': (chart, controller) => {
    const gw = new ApiGateway(chart, 'edge', { controller });
    gw.addRoute('v2', {
      hosts: ['api.example.com'],
      match: { path: PathMatch.prefix('/search'), queryParams: [QueryParamMatch.exact('version', '2')] },
      backend: Backend.service('search-v2', 8080),
    });
  },

  'regex-path': (chart, controller) => {
    const gw = new ApiGateway(chart, 'edge', { controller });
    gw.addRoute('users', { hosts: ['users.example.com'], match: { path: PathMatch.regex('/users/[0-9]+') }, backend: Backend.service('users', 8080) });
  },

  'header-regex': (chart, controller) => {
    const gw = new ApiGateway(chart, 'edge', { controller });
    gw.addRoute('mobile', {
      hosts: ['m.example.com'],
      match: { headers: [HeaderMatch.regex('user-agent', '.*Mobile.*')] },
      backend: Backend.service('mobile', 8080),
    });
  },

  'several-backends': (chart, controller) => {
    const gw = new ApiGateway(chart, 'edge', { controller });
    gw.addRoute('spread', { hosts: ['api.example.com'], backends: [Backend.service('api-a', 8080), Backend.service('api-b', 8080)] });
  },

  'many-routes': (chart, controller) => {
    const gw = new ApiGateway(chart, 'edge', { controller });
    for (let i = 0; i < 40; i++) {
      gw.addRoute(`r${i}`, { hosts: ['api.example.com'], match: { path: PathMatch.prefix(`/svc${i}`) }, backend: Backend.service(`svc-${i}`, 8080) });
    }
    // One route beyond every HTTPRoute limit: 20 hostnames and 150 matches.
    gw.addRoute('wide', {
      hosts: Array.from({ length: 20 }, (_, i) => `tenant${String(i).padStart(2, '0')}.example.com`),
      matches: Array.from({ length: 150 }, (_, i) => ({ path: PathMatch.exact(`/page${i}`) })),
      backend: Backend.service('pages', 8080),
    });
  },

  'cross-namespace-backend': (chart, controller) => {
    const gw = new ApiGateway(chart, 'edge', { controller });
    gw.addRoute('shared', { hosts: ['api.example.com'], match: { path: PathMatch.prefix('/auth') }, backend: Backend.service('auth', 9000, { namespace: 'identity' }) });
  },

  'route-namespaces': (chart, controller) => {
    const gw = new ApiGateway(chart, 'edge', { controller });
    gw.addRoute('team-a', { namespace: 'team-a', hosts: ['a.example.com'], backend: Backend.service('app', 8080) });
    gw.addRoute('team-b', { namespace: 'team-b', hosts: ['b.example.com'], backend: Backend.service('app', 8080) });
  },

  'default-backend': (chart, controller) => {
    const gw = new ApiGateway(chart, 'edge', { controller, defaultBackend: Backend.service('not-found', 8080) });
    gw.addRoute('api', { hosts: ['api.example.com'], backend: Backend.service('api', 8080) });
  },

  // Canaries (CanarySplit). The stable route is the primer's api.example.com /v1 -> api-v1.
  'canary-weight': (chart, controller) => {
    const gw = new ApiGateway(chart, 'edge', { controller });
    const v1 = gw.addRoute('v1', { hosts: ['api.example.com'], match: { path: PathMatch.prefix('/v1') }, backend: Backend.service('api-v1', 8080) });
    gw.addTlsHost('api-tls', { hosts: ['api.example.com'], certificate: TlsCertificate.fromSecret('api-tls-cert') });
    gw.addCanary('v2', { stable: v1, canary: Backend.service('api-v2', 8080), traffic: CanaryTraffic.weight(10) });
  },

  'canary-blue-green': (chart, controller) => {
    const gw = new ApiGateway(chart, 'edge', { controller });
    const blue = gw.addRoute('blue', { hosts: ['api.example.com'], backend: Backend.service('api-blue', 8080) });
    gw.addCanary('green', { stable: blue, canary: Backend.service('api-green', 8080), traffic: CanaryTraffic.weight(100) });
  },

  'canary-raw-weights': (chart, controller) => {
    const gw = new ApiGateway(chart, 'edge', { controller });
    const users = gw.addRoute('users', {
      hosts: ['users.example.com'],
      matches: [{ path: PathMatch.exact('/users') }, { path: PathMatch.prefix('/users/') }],
      backend: Backend.service('users-v1', 8080),
    });
    gw.addCanary('users-v2', { stable: users, canary: Backend.service('users-v2', 8080), traffic: CanaryTraffic.weights(999, 1) });
  },

  'canary-header': (chart, controller) => {
    const gw = new ApiGateway(chart, 'edge', { controller });
    const v1 = gw.addRoute('v1', {
      hosts: ['api.example.com', 'api.example.org'],
      matches: [{ path: PathMatch.prefix('/v1') }, { path: PathMatch.exact('/healthz') }],
      backend: Backend.service('api-v1', 8080),
    });
    // Both hosts have TLS: with the default HTTPS redirect, a route (one Ingress / HTTPRoute on Kong
    // and Gateway API) cannot mix a redirected host with a plain one.
    gw.addTlsHost('api-tls', { hosts: ['api.example.com'], certificate: TlsCertificate.fromSecret('api-tls-cert') });
    gw.addTlsHost('api-org-tls', { hosts: ['api.example.org'], certificate: TlsCertificate.fromSecret('api-org-tls-cert') });
    // Only one host and one match of the stable route.
    gw.addCanary('v2', {
      stable: v1,
      hosts: ['api.example.com'],
      match: { path: PathMatch.prefix('/v1') },
      canary: Backend.service('api-v2', 8080),
      traffic: CanaryTraffic.header('x-canary', 'always'),
    });
  },

  'canary-header-present': (chart, controller) => {
    const gw = new ApiGateway(chart, 'edge', { controller });
    const v1 = gw.addRoute('v1', { hosts: ['api.example.com'], match: { path: PathMatch.prefix('/v1') }, backend: Backend.service('api-v1', 8080) });
    gw.addCanary('beta', { stable: v1, canary: Backend.service('api-v2', 8080), traffic: CanaryTraffic.headerPresent('x-beta-tester') });
  },

  'canary-cookie': (chart, controller) => {
    const gw = new ApiGateway(chart, 'edge', { controller });
    const web = gw.addRoute('web', { hosts: ['www.example.com'], backend: Backend.service('web-v1', 80) });
    gw.addCanary('web-v2', { stable: web, canary: Backend.service('web-v2', 80), traffic: CanaryTraffic.cookie('canary') });
  },

  'canary-mirror': (chart, controller) => {
    // A dark launch: no live traffic to the canary, 5 % of requests copied to it.
    const gw = new ApiGateway(chart, 'edge', { controller });
    const v1 = gw.addRoute('v1', { hosts: ['api.example.com'], match: { path: PathMatch.prefix('/v1') }, backend: Backend.service('api-v1', 8080) });
    gw.addCanary('v2', {
      stable: v1,
      canary: Backend.service('api-v2', 8080),
      traffic: CanaryTraffic.weight(0),
      mirror: TrafficMirror.to(Backend.service('api-v2', 8080), { percent: 5 }),
    });
  },

  'canary-header-mirror-other-namespace': (chart, controller) => {
    const gw = new ApiGateway(chart, 'edge', { controller });
    const v1 = gw.addRoute('v1', { hosts: ['api.example.com'], match: { path: PathMatch.prefix('/v1') }, backend: Backend.service('api-v1', 8080) });
    gw.addCanary('v2', {
      stable: v1,
      canary: Backend.service('api-v2', 8080),
      traffic: CanaryTraffic.header('x-canary', 'always'),
      mirror: TrafficMirror.to(Backend.service('api-shadow', 8080, { namespace: 'shadow' })),
    });
  },

  // --- TLS and certificates -------------------------------------------------------------

  /** The primer's cert-manager scenario: Let's Encrypt, HTTP-01 through the gateway's controller. */
  'tls-issuer-http01': (chart, controller) => {
    const letsEncrypt = new ClusterIssuer(chart, 'letsencrypt-staging', {
      type: IssuerType.acme({ server: AcmeServer.letsEncryptStaging(), email: 'platform@shop.dev', solvers: [AcmeSolver.http01()] }),
    });
    const gw = new ApiGateway(chart, 'edge', { controller });
    gw.addRoute('api', { hosts: ['api.example.com'], backend: Backend.service('api', 8080) });
    gw.addTlsHost('api-tls', { hosts: ['api.example.com'], certificate: TlsCertificate.fromIssuer(letsEncrypt) });
  },

  /** A wildcard needs DNS-01; the exact host next to it still uses HTTP-01. */
  'tls-issuer-dns01-wildcard': (chart, controller) => {
    const letsEncrypt = new ClusterIssuer(chart, 'letsencrypt-prod', {
      type: IssuerType.acme({
        server: AcmeServer.letsEncryptProduction(),
        email: 'platform@shop.dev',
        accountKeySecretName: 'letsencrypt-prod-account',
        solvers: [
          AcmeSolver.http01(),
          AcmeSolver.dns01(Dns01Provider.cloudflare({ apiToken: { name: 'cloudflare-api-token', key: 'api-token' } }), { selector: { dnsZones: ['apps.example.com'] } }),
        ],
      }),
    });
    const gw = new ApiGateway(chart, 'edge', { controller });
    gw.addRoute('tenants', { hosts: [appsWildcard(controller)], backend: Backend.service('tenant-router', 8080) });
    gw.addRoute('www', { hosts: ['www.example.com'], backend: Backend.service('web', 80) });
    gw.addTlsHost('tenants-tls', { hosts: ['*.apps.example.com'], certificate: TlsCertificate.fromIssuer(letsEncrypt, { secretName: 'apps-wildcard' }) });
    gw.addTlsHost('www-tls', { hosts: ['www.example.com'], certificate: TlsCertificate.fromIssuer(letsEncrypt) });
  },

  /** A namespaced CA Issuer, certificate settings, HSTS with preload. */
  'tls-ca-issuer-hsts': (chart, controller) => {
    const ca = new Issuer(chart, 'internal-ca', { type: IssuerType.ca({ secretName: 'internal-ca-key-pair' }) });
    const gw = new ApiGateway(chart, 'edge', { controller });
    gw.addRoute('admin', { hosts: ['admin.example.com'], backend: Backend.service('admin', 8080) });
    gw.addTlsHost('admin-tls', {
      hosts: ['admin.example.com'],
      certificate: TlsCertificate.fromIssuer(ca, {
        secretName: 'admin-tls',
        duration: Duration.days(30),
        renewBefore: Duration.days(10),
        privateKeyAlgorithm: PrivateKeyAlgorithm.ECDSA,
        privateKeySize: 256,
      }),
      hsts: Hsts.enable({ maxAge: Duration.days(730), includeSubdomains: true, preload: true }),
    });
  },

  /** A passthrough host next to a terminated one. */
  'tls-passthrough': (chart, controller) => {
    const gw = new ApiGateway(chart, 'edge', { controller });
    gw.addRoute('api', { hosts: ['api.example.com'], backend: Backend.service('api', 8080) });
    gw.addTlsHost('api-tls', { hosts: ['api.example.com'], certificate: TlsCertificate.fromSecret('api-tls-cert') });
    gw.addTlsHost('db', { hosts: ['db.example.com'], mode: TlsMode.passthrough(Backend.service('postgres', 5432)) });
  },

  /** Opting out of the HTTPS redirect: the host is served over HTTP and HTTPS. */
  'tls-no-redirect': (chart, controller) => {
    const gw = new ApiGateway(chart, 'edge', { controller });
    gw.addRoute('legacy', { hosts: ['legacy.example.com'], backend: Backend.service('legacy', 8080) });
    gw.addTlsHost('legacy-tls', { hosts: ['legacy.example.com'], certificate: TlsCertificate.fromSecret('legacy-cert'), httpsRedirect: false });
  },

  /** Required client certificates (mTLS), CA in a Secret. */
  'tls-client-auth': (chart, controller) => {
    const gw = new ApiGateway(chart, 'edge', { controller });
    gw.addRoute('partners', { hosts: ['partners.example.com'], backend: Backend.service('partner-api', 8080) });
    gw.addTlsHost('partners-tls', {
      hosts: ['partners.example.com'],
      certificate: TlsCertificate.fromSecret('partners-cert'),
      clientAuth: ClientAuth.required(CaCertificates.fromSecret('partner-ca')),
    });
  },

  /** Required client certificates, CA in a ConfigMap (Gateway API's portable form). */
  'tls-client-auth-configmap': (chart, controller) => {
    const gw = new ApiGateway(chart, 'edge', { controller });
    gw.addRoute('partners', { hosts: ['partners.example.com'], backend: Backend.service('partner-api', 8080) });
    gw.addTlsHost('partners-tls', {
      hosts: ['partners.example.com'],
      certificate: TlsCertificate.fromSecret('partners-cert'),
      clientAuth: ClientAuth.required(CaCertificates.fromConfigMap('partner-ca')),
    });
  },

  /** Optional client certificates, minimum TLS 1.3. */
  'tls-optional-client-auth-min-version': (chart, controller) => {
    const gw = new ApiGateway(chart, 'edge', { controller });
    gw.addRoute('app', { hosts: ['app.example.com'], backend: Backend.service('app', 8080) });
    gw.addTlsHost('app-tls', {
      hosts: ['app.example.com'],
      certificate: TlsCertificate.fromSecret('app-cert'),
      minTlsVersion: TlsVersion.TLS_1_3,
      clientAuth: ClientAuth.optional(CaCertificates.fromSecret('device-ca')),
    });
  },

  /** Minimum TLS version alone. */
  'tls-min-version': (chart, controller) => {
    const gw = new ApiGateway(chart, 'edge', { controller });
    gw.addRoute('app', { hosts: ['app.example.com'], backend: Backend.service('app', 8080) });
    gw.addTlsHost('app-tls', { hosts: ['app.example.com'], certificate: TlsCertificate.fromSecret('app-cert'), minTlsVersion: TlsVersion.TLS_1_2 });
  },

  // --- TLS with edge policies and canaries (issue 4 x issues 3 and 5) -----------------------

  /** A route's own Redirect.toHttps() on a TLS host: one redirect (the route's), next to a route left to the TlsHost's. */
  'tls-route-redirect': (chart, controller) => {
    const gw = new ApiGateway(chart, 'edge', { controller });
    gw.addRoute('web', { hosts: ['www.example.com'], backend: Backend.service('web', 80), redirect: Redirect.toHttps() });
    gw.addRoute('api', { hosts: ['www.example.com'], match: { path: PathMatch.prefix('/api') }, backend: Backend.service('api', 8080) });
    gw.addTlsHost('www-tls', { hosts: ['www.example.com'], certificate: TlsCertificate.fromSecret('www-cert') });
  },

  /** HSTS next to the route's own response headers: one filter / plugin / middleware. A canary on the same host. */
  'tls-hsts-header-rules-canary': (chart, controller) => {
    const gw = new ApiGateway(chart, 'edge', { controller });
    const v1 = gw.addRoute('v1', {
      hosts: ['api.example.com'],
      backend: Backend.service('api-v1', 8080),
      headerRules: HeaderRules.of({ response: { set: { 'x-frame-options': 'DENY' } } }),
    });
    gw.addTlsHost('api-tls', { hosts: ['api.example.com'], certificate: TlsCertificate.fromSecret('api-tls-cert'), hsts: Hsts.enable({ includeSubdomains: true }) });
    gw.addCanary('v2', { stable: v1, canary: Backend.service('api-v2', 8080), traffic: CanaryTraffic.weight(10) });
  },

  /** Re-encryption to an HTTPS backend, CA in a ConfigMap (Gateway API's portable form). */
  'backend-reencrypt': (chart, controller) => {
    const gw = new ApiGateway(chart, 'edge', { controller });
    gw.addRoute('payments', {
      hosts: ['pay.example.com'],
      backend: Backend.service('payments', 8443, { tls: BackendTls.verify({ hostname: 'payments.shop.svc', ca: CaCertificates.fromConfigMap('internal-ca') }) }),
    });
    gw.addTlsHost('pay-tls', { hosts: ['pay.example.com'], certificate: TlsCertificate.fromSecret('pay-cert') });
  },

  /** Re-encryption, CA in a Secret (ingress-nginx's form). */
  'backend-reencrypt-secret-ca': (chart, controller) => {
    const gw = new ApiGateway(chart, 'edge', { controller });
    gw.addRoute('payments', {
      hosts: ['pay.example.com'],
      backend: Backend.service('payments', 8443, { tls: BackendTls.verify({ hostname: 'payments.shop.svc', ca: CaCertificates.fromSecret('internal-ca') }) }),
    });
  },

  /** Re-encryption verified against the proxy's system trust store (an external-facing backend). */
  'backend-reencrypt-system-ca': (chart, controller) => {
    const gw = new ApiGateway(chart, 'edge', { controller });
    gw.addRoute('search', {
      hosts: ['search.example.com'],
      backend: Backend.service('search-proxy', 443, { tls: BackendTls.verify({ hostname: 'search.vendor.example.net' }) }),
    });
  },

  /** Weighted backends: a 3:1 split (one with weight 0 on another path); gRPC in weighted-backends-grpc. */
  'weighted-backends': (chart, controller) => {
    const gw = new ApiGateway(chart, 'edge', { controller });
    gw.addRoute('checkout', {
      hosts: ['shop.example.com'],
      match: { path: PathMatch.prefix('/checkout') },
      backends: [Backend.service('checkout-v1', 8080, { weight: 3 }), Backend.service('checkout-v2', 8080, { weight: 1 })],
    });
    gw.addRoute('search', {
      hosts: ['shop.example.com'],
      match: { path: PathMatch.prefix('/search') },
      backends: [Backend.service('search-v1', 8080, { weight: 100 }), Backend.service('search-v2', 8080, { weight: 0 })],
    });
  },

  /** Two mirrors on a plain route (no canary): 10% to one shadow, every request to another in the shadow namespace. */
  'route-mirrors': (chart, controller) => {
    const gw = new ApiGateway(chart, 'edge', { controller });
    gw.addRoute('api', {
      hosts: ['api.example.com'],
      backend: Backend.service('api', 8080),
      mirrors: [
        TrafficMirror.to(Backend.service('api-shadow', 8080), { percent: 10 }),
        TrafficMirror.to(Backend.service('recorder', 9000, { namespace: 'shadow' })),
      ],
    });
  },

  /** Two weighted backends of a gRPC service (a GRPCRoute on Gateway API). */
  'weighted-backends-grpc': (chart, controller) => {
    const gw = new ApiGateway(chart, 'edge', { controller });
    gw.addRoute('orders', {
      hosts: ['grpc.example.com'],
      backendProtocol: BackendProtocol.GRPC,
      backends: [Backend.service('orders-a', 9090, { weight: 4 }), Backend.service('orders-b', 9090, { weight: 1 })],
    });
  },

  /** A maintenance page on one path (503 with an HTML body) beside a forwarding route. */
  'direct-response': (chart, controller) => {
    const gw = new ApiGateway(chart, 'edge', { controller });
    gw.addRoute('api', { hosts: ['api.example.com'], backend: Backend.service('api', 8080) });
    gw.addRoute('maintenance', {
      hosts: ['api.example.com'],
      match: { path: PathMatch.prefix('/billing') },
      respond: DirectResponse.fixed({ statusCode: 503, body: '<h1>Billing is down for maintenance</h1>', contentType: 'text/html; charset=utf-8' }),
    });
  },

  /** A path Gateway API answers with 500: a rule without backends. */
  'no-backend-rule': (chart, controller) => {
    const gw = new ApiGateway(chart, 'edge', { controller });
    gw.addRoute('api', { hosts: ['api.example.com'], backend: Backend.service('api', 8080) });
    gw.addRoute('retired', { hosts: ['api.example.com'], match: { path: PathMatch.exact('/v0/orders') }, respond: DirectResponse.fixed({ statusCode: 500 }) });
  },

  /** Old docs paths sent to one fixed URL (path and query dropped); the route's backend receives nothing. */
  'redirect-to-url': (chart, controller) => {
    const gw = new ApiGateway(chart, 'edge', { controller });
    gw.addRoute('old-docs', {
      hosts: ['api.example.com'],
      match: { path: PathMatch.prefix('/docs') },
      backend: Backend.service('api', 8080),
      redirect: Redirect.toUrl('https://docs.example.com/api', { statusCode: RedirectStatus.PERMANENT_REDIRECT }),
    });
  },
  /** Issue #12: two weighted backends, each with header rules of its own (Gateway API backendRefs[].filters). */
  'backend-headers': (chart, controller) => {
    const gw = new ApiGateway(chart, 'edge', { controller });
    gw.addRoute('api', {
      hosts: ['api.example.com'],
      backends: [
        Backend.service('api-v1', 8080, { weight: 9, headers: HeaderRules.of({ request: { set: { 'x-version': 'v1' } } }) }),
        Backend.service('api-v2', 8080, { weight: 1, headers: HeaderRules.of({ request: { set: { 'x-version': 'v2' }, remove: ['x-debug'] } }) }),
      ],
    });
  },
};
