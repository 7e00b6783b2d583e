import { Chart, Duration } from 'cdk8s';
import * as kplus from 'cdk8s-plus-27';
import {
  ApiGateway, Backend, BackendTls, CaCertificates, CanaryTraffic, ClientAuth, ClusterIssuer, Controller, EdgeAuth, HeaderMatch, Hsts, HttpMethod,
  IssuerType, KongMode, PathMatch, QueryParamMatch, RateLimit, Redirect, RedirectStatus, Retries, RetryOn, RouteOptions, TlsCertificate, TlsMode,
  TlsVersion, TlsCipherSuite, TrafficMirror, Timeouts, Cors,
  RateLimitPeriod,
  ClientIp, IpAccess, DirectResponse,
  HeaderRules,
  RouteProtocols,
  DistributedRateLimit,
  HttpListeners,
} from '../src';
import { POLICY_SAMPLES } from './policy-samples';
import { PolicyFeature } from '../src/capabilities/areas/policies';
import { CA_KINDS, CaUsage } from '../src/capabilities/areas/tls';
import { ControllerName, FEATURES, FeatureKind } from '../src/capabilities/features';
import { CAPABILITIES } from '../src/capabilities/matrix';

/** Where the standard unsupported message must point: the construct path and the prop. */
export interface At { readonly path: string; readonly prop: string }

/**
 * One capability cell's intents: `sample` uses the feature (and nothing any controller lacks);
 * `baseline` is the same program without the feature, or with another value of it, so the
 * difference between their outputs is the feature's rendering and nothing else.
 */
export interface CellSample {
  sample(chart: Chart, controller: Controller): At;
  baseline(chart: Chart, controller: Controller): void;
}

const svc = () => Backend.service('svc', 80);

/** A route `r` on a new gateway `gw`. */
function route(c: Chart, controller: Controller, options: RouteOptions): ApiGateway {
  const gw = new ApiGateway(c, 'gw', { controller });
  gw.addRoute('r', options.backends ? options : { backend: svc(), ...options });
  return gw;
}

/** A gateway with the given client address and one route reading it (an allow list) where the controller has one. */
function clientIpGateway(c: Chart, controller: Controller, clientIp?: ClientIp): void {
  const gw = new ApiGateway(c, 'gw', { controller, clientIp });
  gw.addRoute('r', { backend: svc(), ipAccess: controller.name === 'gateway-api' ? undefined : IpAccess.allow(['10.0.0.0/8']) });
}

/** A gateway with one stable route (api.example.com /v1 -> api-v1) and, optionally, a canary on it. */
function canary(c: Chart, controller: Controller, traffic?: CanaryTraffic, mirror?: TrafficMirror): At {
  const gw = new ApiGateway(c, 'gw', { controller });
  const stable = gw.addRoute('r', { hosts: ['api.example.com'], match: { path: PathMatch.prefix('/v1') }, backend: Backend.service('api-v1', 80) });
  if (traffic) gw.addCanary('canary', { stable, canary: Backend.service('api-v2', 80), traffic, mirror });
  return { path: 'test/gw/canary', prop: mirror ? 'mirror' : 'traffic' };
}

/** A TLS gateway (a.example.com) with or without strict SNI. */
function strictSniGateway(c: Chart, controller: Controller, strictSni: boolean): void {
  const gw = new ApiGateway(c, 'gw', { controller, strictSni });
  gw.addRoute('r', { hosts: ['a.example.com'], backend: svc() });
  gw.addTlsHost('tls', { hosts: ['a.example.com'], certificate: TlsCertificate.fromSecret('a-cert') });
}

/** A route and a TLS-terminating TlsHost for a.example.com, with extra TlsHost options. */
function tls(c: Chart, controller: Controller, options: object, prop: string): At {
  const gw = new ApiGateway(c, 'gw', { controller });
  gw.addRoute('r', { hosts: ['a.example.com'], backend: svc() });
  gw.addTlsHost('tls', { hosts: ['a.example.com'], certificate: TlsCertificate.fromSecret('a-cert'), ...options });
  return { path: 'test/gw/tls', prop };
}

/** A CA of the kind the controller reads for this use (so the sample exercises the feature, not the CA kind). */
function caFor(controller: Controller, usage: CaUsage, name = 'partner-ca'): CaCertificates {
  const kind = CA_KINDS[controller.name as ControllerName][usage][0] ?? 'Secret';
  return kind === 'Secret' ? CaCertificates.fromSecret(name) : CaCertificates.fromConfigMap(name);
}

/** A route-level cell: the route with `sample` options vs the same route with `baseline` options. */
function routeCell(sample: RouteOptions | ((controller: Controller) => RouteOptions), baseline: RouteOptions, prop: string): CellSample {
  return {
    sample: (c, controller) => { route(c, controller, typeof sample === 'function' ? sample(controller) : sample); return { path: 'test/gw/r', prop }; },
    baseline: (c, controller) => { route(c, controller, baseline); },
  };
}

const A = ['a.example.com'];

/**
 * A re-encryption cell: the route to 'svc' port 8443 with `sample`'s BackendTls, against `baseline`'s
 * (default: none). Issue #12 (trsvc): the Traefik Ingress output names the backend's ServersTransport
 * on its Service, so there the Service is handed over (Backend.fromService) and the difference shows on it.
 */
function backendTlsCell(sample: (controller: Controller) => BackendTls, baseline?: () => BackendTls): CellSample {
  const backend = (c: Chart, controller: Controller, backendTls?: BackendTls) => (controller.name === 'traefik-ingress'
    ? Backend.fromService(new kplus.Service(c, 'svc', { metadata: { name: 'svc' }, ports: [{ port: 8443 }] }), { tls: backendTls })
    : Backend.service('svc', 8443, { tls: backendTls }));
  return {
    sample: (c, controller) => { route(c, controller, { hosts: A, backend: backend(c, controller, sample(controller)) }); return { path: 'test/gw/r', prop: 'backend.tls' }; },
    baseline: (c, controller) => { route(c, controller, { hosts: A, backend: backend(c, controller, baseline?.()) }); },
  };
}

const NON_POLICY: { readonly [f in Exclude<FeatureKind, PolicyFeature>]: CellSample } = {
  hostRouting: routeCell({ hosts: A }, {}, 'hosts'),
  wildcardHost: routeCell({ hosts: ['*.example.com'] }, { hosts: ['a.example.com'] }, 'hosts'),
  exactPath: routeCell({ match: { path: PathMatch.exact('/healthz') } }, { match: { path: PathMatch.prefix('/healthz') } }, 'match.path'),
  prefixPath: routeCell({ match: { path: PathMatch.prefix('/api') } }, { match: { path: PathMatch.exact('/api') } }, 'match.path'),
  regexPath: routeCell({ hosts: A, match: { path: PathMatch.regex('/items/[0-9]+') } }, { hosts: A }, 'match.path'),
  headerMatch: routeCell({ match: { headers: [HeaderMatch.exact('x-tenant', 'blue')] } }, {}, 'match.headers[0]'),
  headerRegexMatch: routeCell({ match: { headers: [HeaderMatch.regex('x-tenant', 'blue-[a-z]+')] } }, {}, 'match.headers[0]'),
  queryParamMatch: routeCell({ match: { queryParams: [QueryParamMatch.exact('debug', '1')] } }, {}, 'match.queryParams'),
  methodMatch: routeCell({ match: { method: HttpMethod.POST } }, {}, 'match.method'),
  multipleBackends: routeCell({ backends: [Backend.service('a', 80), Backend.service('b', 80)] }, { backends: [Backend.service('a', 80)] }, 'backends'),
  crossNamespaceBackend: routeCell({ backend: Backend.service('svc', 80, { namespace: 'other' }) }, {}, 'backends'),
  namedRule: routeCell({ ruleName: 'checkout' }, {}, 'ruleName'),
  defaultBackend: {
    sample: (c, controller) => { new ApiGateway(c, 'gw', { controller, defaultBackend: Backend.service('fallback', 80) }); return { path: 'test/gw', prop: 'defaultBackend' }; },
    baseline: (c, controller) => { new ApiGateway(c, 'gw', { controller }); },
  },
  tlsTermination: {
    sample: (c, controller) => tls(c, controller, {}, 'certificate'),
    baseline: (c, controller) => { route(c, controller, { hosts: A }); },
  },
  crossNamespaceCertificate: {
    sample: (c, controller) => tls(c, controller, { certificate: TlsCertificate.fromSecret('a-cert', { namespace: 'certs' }) }, 'certificate'),
    baseline: (c, controller) => { tls(c, controller, {}, 'certificate'); },
  },
  automaticCertificate: {
    sample: (c, controller) => {
      const issuer = new ClusterIssuer(c, 'selfsigned', { type: IssuerType.selfSigned() });
      return tls(c, controller, { certificate: TlsCertificate.fromIssuer(issuer) }, 'certificate');
    },
    baseline: (c, controller) => {
      new ClusterIssuer(c, 'selfsigned', { type: IssuerType.selfSigned() });
      tls(c, controller, {}, 'certificate');
    },
  },
  tlsPassthrough: {
    sample: (c, controller) => {
      new ApiGateway(c, 'gw', { controller }).addTlsHost('tls', { hosts: ['db.example.com'], mode: TlsMode.passthrough(Backend.service('db', 5432)) });
      return { path: 'test/gw/tls', prop: 'mode' };
    },
    baseline: (c, controller) => { new ApiGateway(c, 'gw', { controller }); },
  },
  httpsRedirect: {
    sample: (c, controller) => tls(c, controller, {}, 'httpsRedirect'),
    // Where a TLS host cannot serve plain HTTP (Traefik), the redirect comes with the TlsHost itself.
    baseline: (c, controller) => {
      if (CAPABILITIES[controller.name as ControllerName].plainHttpOnTlsHost.supported) tls(c, controller, { httpsRedirect: false }, '');
      else route(c, controller, { hosts: A });
    },
  },
  plainHttpOnTlsHost: { sample: (c, controller) => tls(c, controller, { httpsRedirect: false }, 'httpsRedirect'), baseline: (c, controller) => { tls(c, controller, {}, ''); } },
  hsts: { sample: (c, controller) => tls(c, controller, { hsts: Hsts.enable() }, 'hsts'), baseline: (c, controller) => { tls(c, controller, {}, ''); } },
  minTlsVersion: { sample: (c, controller) => tls(c, controller, { minTlsVersion: TlsVersion.TLS_1_3 }, 'minTlsVersion'), baseline: (c, controller) => { tls(c, controller, {}, ''); } },
  clientCertificateAuth: {
    sample: (c, controller) => tls(c, controller, { clientAuth: ClientAuth.required(caFor(controller, 'clientAuth')) }, 'clientAuth'),
    baseline: (c, controller) => { tls(c, controller, {}, ''); },
  },
  optionalClientCertificate: {
    sample: (c, controller) => tls(c, controller, { clientAuth: ClientAuth.optional(caFor(controller, 'clientAuth')) }, 'clientAuth'),
    baseline: (c, controller) => { tls(c, controller, { clientAuth: ClientAuth.required(caFor(controller, 'clientAuth')) }, ''); },
  },
  backendTls: backendTlsCell(controller => BackendTls.verify({ hostname: 'svc.internal', ca: caFor(controller, 'backendTls') })),
  backendTlsSystemCa: backendTlsCell(() => BackendTls.verify({ hostname: 'svc.example.com' })),
  clientCertificateSeveralCas: {
    sample: (c, controller) => tls(c, controller, { clientAuth: ClientAuth.required(caFor(controller, 'clientAuth'), { additionalCas: [caFor(controller, 'clientAuth', 'rotated-ca')] }) }, 'clientAuth.additionalCas'),
    baseline: (c, controller) => { tls(c, controller, { clientAuth: ClientAuth.required(caFor(controller, 'clientAuth')) }, ''); },
  },
  tlsCipherSuites: {
    sample: (c, controller) => tls(c, controller, { cipherSuites: [TlsCipherSuite.TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256, TlsCipherSuite.TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384] }, 'cipherSuites'),
    baseline: (c, controller) => { tls(c, controller, {}, ''); },
  },
  backendTlsInsecure: backendTlsCell(() => BackendTls.insecureSkipVerify()),
  backendTlsInsecureServerName: backendTlsCell(() => BackendTls.insecureSkipVerify({ serverName: 'svc.internal' }), () => BackendTls.insecureSkipVerify()),
  canaryWeight: {
    sample: (c, controller) => canary(c, controller, CanaryTraffic.weight(10)),
    baseline: (c, controller) => { canary(c, controller); },
  },
  canaryHeader: { sample: (c, controller) => canary(c, controller, CanaryTraffic.header('x-canary', 'always')), baseline: (c, controller) => { canary(c, controller); } },
  canaryHeaderPresence: { sample: (c, controller) => canary(c, controller, CanaryTraffic.headerPresent('x-beta')), baseline: (c, controller) => { canary(c, controller); } },
  canaryCookie: { sample: (c, controller) => canary(c, controller, CanaryTraffic.cookie('canary')), baseline: (c, controller) => { canary(c, controller); } },
  canaryMirror: {
    // Traffic every controller with mirroring can split: a header canary is refused on fewer.
    sample: (c, controller) => canary(c, controller, mirrorTraffic(controller), TrafficMirror.to(Backend.service('api-shadow', 80), { percent: 5 })),
    baseline: (c, controller) => { canary(c, controller, mirrorTraffic(controller)); },
  },
  routeMirror: routeCell(
    { mirrors: [TrafficMirror.to(Backend.service('shadow-a', 80), { percent: 10 }), TrafficMirror.to(Backend.service('shadow-b', 80))] },
    {}, 'mirrors'),
  weightedBackends: routeCell(
    { backends: [Backend.service('a', 80, { weight: 3 }), Backend.service('b', 80, { weight: 1 })] },
    { backends: [Backend.service('a', 80), Backend.service('b', 80)] }, 'backends'),
  clientIpForwardedFor: {
    // An allow list reads the client address (Gateway API has none: a plain route there).
    sample: (c, controller) => { clientIpGateway(c, controller, ClientIp.xForwardedFor({ trustedHops: 2 })); return { path: 'test/gw', prop: 'clientIp' }; },
    baseline: (c, controller) => { clientIpGateway(c, controller); },
  },
  // issue #16 item 6: `**.` is one or more labels (`*.` exactly one, above)
  anyDepthWildcardHost: routeCell({ hosts: ['**.example.com'] }, { hosts: ['a.example.com'] }, 'hosts'),
  backendTlsClientCertificate: backendTlsCell(() => BackendTls.insecureSkipVerify({ clientCertificateSecret: 'gw-client' }), () => BackendTls.insecureSkipVerify()),
  tlsSessionTickets: {
    sample: (c, controller) => tls(c, controller, { sessionTickets: true }, 'sessionTickets'),
    baseline: (c, controller) => { tls(c, controller, {}, ''); },
  },
  httpsOnlyRoute: routeCell(
    { hosts: A, backend: Backend.service('svc', 80), protocols: RouteProtocols.HTTPS_ONLY },
    { hosts: A, backend: Backend.service('svc', 80) }, 'protocols'),
  // issue #17 (parity): strict SNI, a gateway setting (baseline: the same TLS gateway without it).
  strictSni: {
    sample: (c, controller) => { strictSniGateway(c, controller, true); return { path: 'test/gw', prop: 'strictSni' }; },
    baseline: (c, controller) => { strictSniGateway(c, controller, false); },
  },
  // issue #12: the gateway answers itself (baseline: the same route forwarding to its backend).
  directResponse: respondCell(DirectResponse.fixed({ statusCode: 503, body: 'Down for maintenance', contentType: 'text/html; charset=utf-8' })),
  noBackendRule: respondCell(DirectResponse.fixed({ statusCode: 500 })),
  // Issue #12: a backend's own header changes (set and remove: the operations every column with the cell renders).
  backendRequestHeaders: routeCell(
    { backend: Backend.service('svc', 80, { headers: HeaderRules.of({ request: { set: { 'x-backend': 'svc' }, remove: ['x-debug'] } }) }) },
    {}, 'backend.headers.request'),
  backendResponseHeaders: routeCell(
    { backend: Backend.service('svc', 80, { headers: HeaderRules.of({ response: { set: { 'x-served-by': 'svc' }, remove: ['server'] } }) }) },
    {}, 'backend.headers.response'),
  // Issue #17: served on plain HTTP only (a route without hosts: Gateway API attaches it to the
  // whole Gateway by default, to the HTTP listener with the setting).
  httpOnlyRoute: routeCell({ protocols: RouteProtocols.HTTP_ONLY }, {}, 'protocols'),
  // Issue #12: one plain-HTTP listener per hostname (baseline: the shared listener).
  hostnamedHttpListeners: {
    sample: (c, controller) => {
      new ApiGateway(c, 'gw', { controller, httpListeners: HttpListeners.PER_HOST }).addRoute('r', { hosts: A, backend: svc() });
      return { path: 'test/gw', prop: 'httpListeners' };
    },
    baseline: (c, controller) => { route(c, controller, { hosts: A }); },
  },
};

/** A route `r` for a.example.com answering with `response`, against the same route with a backend. */
function respondCell(response: DirectResponse): CellSample {
  return {
    sample: (c, controller) => { new ApiGateway(c, 'gw', { controller }).addRoute('r', { hosts: A, respond: response }); return { path: 'test/gw/r', prop: 'respond' }; },
    baseline: (c, controller) => { route(c, controller, { hosts: A }); },
  };
}

function mirrorTraffic(controller: Controller): CanaryTraffic {
  return controller.name === 'kong' ? CanaryTraffic.header('x-canary', 'always') : CanaryTraffic.weight(0);
}

type PolicySample = RouteOptions & { noBackend?: boolean; tls?: boolean };

/**
 * Cells some controllers render on the backend's Service (Kong's konghq.com/* annotations, the
 * Traefik Ingress provider's service annotations, a Gateway API port's appProtocol): their sample
 * and baseline route to a Service construct handed over with Backend.fromService (the same
 * Service 'svc' port 80 as elsewhere), so the difference shows on the Service.
 */
const SERVICE_SIDE: ReadonlySet<PolicyFeature> = new Set<PolicyFeature>([
  'timeoutConnect', 'timeoutRead', 'timeoutSend', 'sessionAffinityCookie',
  'backendHttps', 'backendGrpc', 'backendGrpcs', 'backendH2c', 'backendWebsocket',
]);

function serviceConstruct(c: Chart): Backend {
  return Backend.fromService(new kplus.Service(c, 'svc', { metadata: { name: 'svc' }, ports: [{ port: 80 }] }));
}

/**
 * The baseline of a policy cell, when it is not "the same route without the policy": a
 * sub-setting (burst, exempt CIDRs, sign-in URL...) is compared with its policy without it, and a
 * redirect with the same redirect to another value (a route without a redirect needs a backend).
 */
const POLICY_BASELINES: { readonly [f in PolicyFeature]?: (controller: Controller) => PolicySample } = {
  rateLimitPerConsumer: () => ({ auth: EdgeAuth.apiKey({ secretName: 'api-keys' }) }),
  rateLimitBurst: () => ({ rateLimit: RateLimit.perClientIp({ requests: 10 }) }),
  rateLimitConnections: () => ({ rateLimit: RateLimit.perClientIp({ requests: 10 }) }),
  rateLimitExemptCidrs: () => ({ rateLimit: RateLimit.perClientIp({ requests: 10 }) }),
  rateLimitRedis: () => ({ rateLimit: RateLimit.perClientIp({ requests: 10 }) }),
  rateLimitControllerStore: () => ({ rateLimit: RateLimit.perClientIp({ requests: 10 }) }),
  redirectScheme: () => ({ tls: true }),
  redirectHost: () => ({ redirect: Redirect.to({ host: 'other.example.com' }), noBackend: true }),
  redirectPort: () => ({ redirect: Redirect.to({ port: 9443 }), noBackend: true }),
  redirectPath: () => ({ redirect: Redirect.to({ path: '/elsewhere' }), noBackend: true }),
  redirectPrefix: () => ({ match: { path: PathMatch.prefix('/old') }, redirect: Redirect.to({ replacePrefix: '/other' }), noBackend: true }),
  rewritePrefix: () => ({ match: { path: PathMatch.prefix('/api') } }),
  rewriteFullPath: () => ({ match: { path: PathMatch.exact('/status') } }),
  retryStatusCodes: controller => ({ retries: Retries.of({ attempts: 2, on: retryOn(controller) }), match: retryMatch(controller) }),
  retryPerTryTimeout: () => ({ retries: Retries.of({ attempts: 2 }) }),
  retryBackoff: () => ({ retries: Retries.of({ attempts: 2 }) }),
  retryMaxBackoff: () => ({ retries: Retries.of({ attempts: 2, backoff: Duration.millis(100) }) }),
  retryWindow: controller => ({ retries: Retries.of({ attempts: 2, on: retryOn(controller) }) }),
  retryNonIdempotent: controller => ({ retries: Retries.of({ attempts: 2, on: retryOn(controller) }) }),
  externalAuthResponseHeaders: () => ({ auth: EdgeAuth.external({ url: 'http://auth.auth.svc.cluster.local/verify' }) }),
  externalAuthSignin: () => ({ auth: EdgeAuth.external({ url: 'https://auth.example.com/verify' }) }),
  externalAuthCache: () => ({ auth: EdgeAuth.external({ url: 'https://auth.example.com/verify' }) }),
  jwtClaimsToHeaders: () => ({ auth: EdgeAuth.jwt({ issuer: 'https://issuer.example.com', jwksUri: 'https://issuer.example.com/.well-known/jwks.json' }) }),
  timeoutDisabled: () => ({ timeouts: Timeouts.of({ request: Duration.seconds(30) }) }),
  redirectStatusOnly: () => ({ redirect: Redirect.to({ statusCode: RedirectStatus.MOVED_PERMANENTLY }), noBackend: true }),
  corsWildcardOrigin: () => ({ cors: Cors.allow({ origins: ['https://web.example.com'] }) }),
  corsDeepWildcardOrigin: () => ({ cors: Cors.allow({ origins: ['https://web.example.com'] }) }),
  rateLimitRedisCa: () => ({ rateLimit: RateLimit.perClientIp({ requests: 10, distributed: DistributedRateLimit.redis('redis.infra.svc.cluster.local:6379', { tls: true }) }) }),
  rateLimitRedisClientCertificate: () => ({ rateLimit: RateLimit.perClientIp({ requests: 10, distributed: DistributedRateLimit.redis('redis.infra.svc.cluster.local:6379', { tls: true }) }) }),
  corsAnyMethod: () => ({ cors: Cors.allow({ origins: ['https://web.example.com'] }) }),
  corsAnyHeader: () => ({ cors: Cors.allow({ origins: ['https://web.example.com'] }) }),
  corsAnyExposedHeader: () => ({ cors: Cors.allow({ origins: ['https://web.example.com'] }) }),
  rateLimitLongWindow: () => ({ rateLimit: RateLimit.perClientIp({ requests: 1000, period: RateLimitPeriod.MINUTE }) }),
  // The Redis store's connection settings (issue #17): the same Redis without the setting.
  rateLimitRedisTls: () => ({ rateLimit: RateLimit.perClientIp({ requests: 10, distributed: DistributedRateLimit.redis('redis.infra.svc.cluster.local:6379') }) }),
  rateLimitRedisDatabase: () => ({ rateLimit: RateLimit.perClientIp({ requests: 10, distributed: DistributedRateLimit.redis('redis.infra.svc.cluster.local:6379') }) }),
  rateLimitRedisTimeout: () => ({ rateLimit: RateLimit.perClientIp({ requests: 10, distributed: DistributedRateLimit.redis('redis.infra.svc.cluster.local:6379') }) }),
  // Requests in progress (issue #17): the same route (and host) without the limit.
  concurrencyPerHost: () => ({ hosts: ['api.example.com'] }),
  // issue #17: external auth extras, each against the same auth call without it
  externalAuthRequestHeaders: () => ({ auth: EdgeAuth.external({ url: 'http://auth.auth.svc.cluster.local/verify' }) }),
  externalAuthBody: () => ({ auth: EdgeAuth.external({ url: 'http://auth.auth.svc.cluster.local/verify' }) }),
  externalAuthCa: () => ({ auth: EdgeAuth.external({ url: 'https://auth.example.com/verify' }) }),
  externalAuthClientCertificate: () => ({ auth: EdgeAuth.external({ url: 'https://auth.example.com/verify' }) }),
  // issue #17: API keys, each against the same key auth without the setting
  apiKeyAnyConsumer: () => ({ auth: EdgeAuth.apiKey({ secretName: 'api-keys' }) }),
  apiKeyInQuery: () => ({ auth: EdgeAuth.apiKey({ secretName: 'api-keys', header: 'apikey' }) }),
  apiKeyRemoved: () => ({ auth: EdgeAuth.apiKey({ secretName: 'api-keys' }) }),
  // issue #17: basic auth of any consumer, against the same basic auth of one Secret
  basicAuthAnyConsumer: () => ({ auth: EdgeAuth.basic({ secretName: 'basic-users', realm: 'edge' }) }),
};

/**
 * Samples that differ from POLICY_SAMPLES here: on Kong (both modes), `Redirect.toHttps()` (308) is what the
 * TlsHost already renders by default (one redirect, not two), so that cell asks for a 301.
 */
const POLICY_SAMPLE_OVERRIDES: { readonly [f in PolicyFeature]?: (controller: Controller) => PolicySample } = {
  redirectScheme: controller => (controller.name === 'kong' || controller.name === 'kong-gateway-api'
    ? { redirect: Redirect.toHttps({ statusCode: RedirectStatus.MOVED_PERMANENTLY }), tls: true }
    : POLICY_SAMPLES.redirectScheme()),
  // Retries: ingress-nginx retries failed connections and resets alike (both conditions or
  // neither); Envoy and Gateway API retry a status code for every method unless the route
  // matches only idempotent ones.
  retries: controller => ({ retries: Retries.of({ attempts: 2, on: retryOn(controller) }) }),
  retryStatusCodes: controller => ({ retries: Retries.of({ attempts: 2, statusCodes: [503] }), match: retryMatch(controller) }),
  retryWindow: controller => ({ retries: Retries.of({ attempts: 2, on: retryOn(controller), window: Duration.seconds(10) }) }),
  retryNonIdempotent: controller => ({ retries: Retries.of({ attempts: 2, on: retryOn(controller), nonIdempotent: true }) }),
};

function retryOn(controller: Controller): RetryOn[] {
  return controller.name === 'ingress-nginx' ? [RetryOn.CONNECT_FAILURE, RetryOn.RESET] : [RetryOn.CONNECT_FAILURE];
}

function retryMatch(controller: Controller): RouteOptions['match'] {
  return ['envoy-gateway', 'gateway-api', 'istio'].includes(controller.name) ? { method: HttpMethod.GET } : undefined;
}

function policyRoute(c: Chart, controller: Controller, p: PolicySample, feature?: PolicyFeature): void {
  const { noBackend, tls: withTls, ...options } = p;
  const gw = new ApiGateway(c, 'gw', { controller });
  gw.addRoute('r', { hosts: A, ...options, backend: noBackend ? undefined : feature && SERVICE_SIDE.has(feature) ? serviceConstruct(c) : svc() });
  if (withTls) gw.addTlsHost('tls', { hosts: A, certificate: TlsCertificate.fromSecret('a-cert') });
}

function policyCell(feature: PolicyFeature): CellSample {
  const sample = (controller: Controller) => POLICY_SAMPLE_OVERRIDES[feature]?.(controller) ?? POLICY_SAMPLES[feature]();
  return {
    sample: (c, controller) => { policyRoute(c, controller, sample(controller), feature); return { path: 'test/gw/r', prop: FEATURES[feature].prop }; },
    baseline: (c, controller) => {
      const s = sample(controller);
      policyRoute(c, controller, POLICY_BASELINES[feature]?.(controller) ?? { match: s.match, tls: s.tls }, feature);
    },
  };
}

/** Every cell's sample and baseline. Typed total: a new feature does not compile until it has both. */
export const CELL_SAMPLES: { readonly [f in FeatureKind]: CellSample } = {
  ...NON_POLICY,
  ...Object.fromEntries(Object.keys(POLICY_SAMPLES).map(f => [f, policyCell(f as PolicyFeature)])) as { [f in PolicyFeature]: CellSample },
};

/** The experimental-channel variant of a Gateway API controller, for 🧪 cells. */
export const EXPERIMENTAL: Partial<Record<ControllerName, () => Controller>> = {
  'gateway-api': () => Controller.gatewayApi({ gatewayClassName: 'example-gateway-class', experimentalChannel: true }),
  'envoy-gateway': () => Controller.envoyGateway({ experimentalChannel: true }),
  'istio': () => Controller.istio({ experimentalChannel: true }),
  'kong-gateway-api': () => Controller.kong({ mode: KongMode.GATEWAY_API, experimentalChannel: true }),
};
