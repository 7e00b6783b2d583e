import { Duration } from 'cdk8s';
import {
  BackendProtocol, BodySize, CaCertificates, ConcurrencyLimit, Cors, DistributedRateLimit, EdgeAuth, HeaderRules, IpAccess, PathMatch, RateLimit,
  RateLimitPeriod,
  Redirect, RedirectStatus, Retries, RetryOn, Rewrite, RouteOptions, SessionAffinity, Timeouts,
} from '../src';
import { PolicyFeature } from '../src/capabilities/areas/policies';

/**
 * A minimal route per policy feature, using that feature (plus only what it needs).
 * Typed total: a new policy feature does not compile until it has a sample.
 * `noBackend`: the route has no backend (redirects); `tls`: the host also gets a TlsHost.
 */
export const POLICY_SAMPLES: { readonly [f in PolicyFeature]: () => RouteOptions & { noBackend?: boolean; tls?: boolean } } = {
  rateLimitPerClientIp: () => ({ rateLimit: RateLimit.perClientIp({ requests: 10 }) }),
  rateLimitPerHeader: () => ({ rateLimit: RateLimit.perHeader('x-api-key', { requests: 100 }) }),
  rateLimitPerConsumer: () => ({ rateLimit: RateLimit.perConsumer({ requests: 100 }), auth: EdgeAuth.apiKey({ secretName: 'api-keys' }) }),
  rateLimitBurst: () => ({ rateLimit: RateLimit.perClientIp({ requests: 10, burst: 50 }) }),
  rateLimitConnections: () => ({ rateLimit: RateLimit.perClientIp({ requests: 10, concurrentConnections: 5 }) }),
  rateLimitExemptCidrs: () => ({ rateLimit: RateLimit.perClientIp({ requests: 10, exemptCidrs: ['10.0.0.0/8'] }) }),
  rateLimitRedis: () => ({ rateLimit: RateLimit.perClientIp({ requests: 10, distributed: DistributedRateLimit.redis('redis.infra.svc.cluster.local:6379') }) }),
  rateLimitControllerStore: () => ({ rateLimit: RateLimit.perClientIp({ requests: 10, distributed: DistributedRateLimit.controllerStore() }) }),
  timeoutConnect: () => ({ timeouts: Timeouts.of({ connect: Duration.seconds(10) }) }),
  timeoutRead: () => ({ timeouts: Timeouts.of({ read: Duration.seconds(120) }) }),
  timeoutSend: () => ({ timeouts: Timeouts.of({ send: Duration.seconds(120) }) }),
  timeoutRequest: () => ({ timeouts: Timeouts.of({ request: Duration.seconds(30) }) }),
  timeoutBackendRequest: () => ({ timeouts: Timeouts.of({ backendRequest: Duration.seconds(10) }) }),
  bodySize: () => ({ bodySize: BodySize.mebibytes(50) }),
  cors: () => ({ cors: Cors.allow({ origins: ['https://web.example.com'], methods: ['GET', 'POST'], maxAge: Duration.minutes(10) }) }),
  requestHeaderSet: () => ({ headerRules: HeaderRules.of({ request: { set: { 'x-env': 'prod' } } }) }),
  requestHeaderAdd: () => ({ headerRules: HeaderRules.of({ request: { add: { 'x-trace': 'edge' } } }) }),
  requestHeaderRemove: () => ({ headerRules: HeaderRules.of({ request: { remove: ['x-internal'] } }) }),
  responseHeaderSet: () => ({ headerRules: HeaderRules.of({ response: { set: { 'x-frame-options': 'DENY' } } }) }),
  responseHeaderAdd: () => ({ headerRules: HeaderRules.of({ response: { add: { 'x-served-by': 'edge' } } }) }),
  responseHeaderRemove: () => ({ headerRules: HeaderRules.of({ response: { remove: ['server'] } }) }),
  redirectScheme: () => ({ redirect: Redirect.toHttps(), tls: true }),
  redirectHost: () => ({ redirect: Redirect.to({ host: 'www.example.com' }), noBackend: true }),
  redirectPort: () => ({ redirect: Redirect.to({ port: 8443 }), noBackend: true }),
  redirectPath: () => ({ redirect: Redirect.to({ path: '/moved' }), noBackend: true }),
  redirectPrefix: () => ({ match: { path: PathMatch.prefix('/old') }, redirect: Redirect.to({ replacePrefix: '/new' }), noBackend: true }),
  rewritePrefix: () => ({ match: { path: PathMatch.prefix('/api') }, rewrite: Rewrite.replacePrefix('/') }),
  rewriteFullPath: () => ({ match: { path: PathMatch.exact('/status') }, rewrite: Rewrite.replaceFullPath('/healthz') }),
  rewriteHost: () => ({ rewrite: Rewrite.hostname('internal.example.com') }),
  ipAllow: () => ({ ipAccess: IpAccess.allow(['10.0.0.0/8', '192.168.1.10']) }),
  ipDeny: () => ({ ipAccess: IpAccess.deny(['203.0.113.0/24']) }),
  retries: () => ({ retries: Retries.of({ attempts: 2, on: [RetryOn.CONNECT_FAILURE] }) }),
  retryStatusCodes: () => ({ retries: Retries.of({ attempts: 2, statusCodes: [503] }) }),
  retryPerTryTimeout: () => ({ retries: Retries.of({ attempts: 2, perTryTimeout: Duration.seconds(2) }) }),
  retryBackoff: () => ({ retries: Retries.of({ attempts: 2, backoff: Duration.millis(100) }) }),
  retryMaxBackoff: () => ({ retries: Retries.of({ attempts: 2, backoff: Duration.millis(100), maxBackoff: Duration.seconds(1) }) }),
  retryWindow: () => ({ retries: Retries.of({ attempts: 2, window: Duration.seconds(10) }) }),
  retryNonIdempotent: () => ({ retries: Retries.of({ attempts: 2, nonIdempotent: true }) }),
  sessionAffinityCookie: () => ({ sessionAffinity: SessionAffinity.cookie({ name: 'route', ttl: Duration.hours(1) }) }),
  backendHttps: () => ({ backendProtocol: BackendProtocol.HTTPS }),
  backendGrpc: () => ({ backendProtocol: BackendProtocol.GRPC }),
  backendGrpcs: () => ({ backendProtocol: BackendProtocol.GRPCS }),
  backendH2c: () => ({ backendProtocol: BackendProtocol.H2C }),
  backendWebsocket: () => ({ backendProtocol: BackendProtocol.WEBSOCKET }),
  externalAuth: () => ({ auth: EdgeAuth.external({ url: 'http://auth.auth.svc.cluster.local/verify' }) }),
  externalAuthResponseHeaders: () => ({ auth: EdgeAuth.external({ url: 'http://auth.auth.svc.cluster.local/verify', responseHeaders: ['X-User-ID'] }) }),
  externalAuthSignin: () => ({ auth: EdgeAuth.external({ url: 'https://auth.example.com/verify', signinUrl: 'https://auth.example.com/start' }) }),
  externalAuthCache: () => ({ auth: EdgeAuth.external({ url: 'https://auth.example.com/verify', cache: Duration.minutes(5) }) }),
  jwtAuth: () => ({ auth: EdgeAuth.jwt({ issuer: 'https://issuer.example.com', jwksUri: 'https://issuer.example.com/.well-known/jwks.json', audiences: ['api'] }) }),
  jwtClaimsToHeaders: () => ({
    auth: EdgeAuth.jwt({ issuer: 'https://issuer.example.com', jwksUri: 'https://issuer.example.com/.well-known/jwks.json', claimsToHeaders: [{ claim: 'sub', header: 'x-user-id' }] }),
  }),
  apiKeyAuth: () => ({ auth: EdgeAuth.apiKey({ secretName: 'api-keys' }) }),
  basicAuth: () => ({ auth: EdgeAuth.basic({ secretName: 'basic-users', realm: 'edge' }) }),
  externalAuthProvider: () => ({ auth: EdgeAuth.externalProvider('ext-authz') }),
  timeoutDisabled: () => ({ timeouts: Timeouts.of({ request: Duration.seconds(0) }) }),
  redirectStatusOnly: () => ({ redirect: Redirect.to({ statusCode: RedirectStatus.FOUND }), noBackend: true }),
  corsWildcardOrigin: () => ({ cors: Cors.allow({ origins: ['https://*.example.com'] }) }),
  corsDeepWildcardOrigin: () => ({ cors: Cors.allow({ origins: ['https://**.example.com'] }) }),
  rateLimitRedisCa: () => ({ rateLimit: RateLimit.perClientIp({ requests: 10, distributed: DistributedRateLimit.redis('redis.infra.svc.cluster.local:6379', { tls: true, ca: CaCertificates.fromSecret('redis-ca') }) }) }),
  rateLimitRedisClientCertificate: () => ({ rateLimit: RateLimit.perClientIp({ requests: 10, distributed: DistributedRateLimit.redis('redis.infra.svc.cluster.local:6379', { tls: true, clientCertificateSecret: 'redis-client' }) }) }),
  corsAnyMethod: () => ({ cors: Cors.allow({ origins: ['https://web.example.com'], methods: ['*'] }) }),
  corsAnyHeader: () => ({ cors: Cors.allow({ origins: ['https://web.example.com'], headers: ['*'] }) }),
  corsAnyExposedHeader: () => ({ cors: Cors.allow({ origins: ['https://web.example.com'], exposeHeaders: ['*'] }) }),
  rateLimitLongWindow: () => ({ rateLimit: RateLimit.perClientIp({ requests: 1000, period: RateLimitPeriod.HOUR }) }),
  // The Redis store's connection settings (issue #17).
  rateLimitRedisTls: () => ({ rateLimit: RateLimit.perClientIp({ requests: 10, distributed: DistributedRateLimit.redis('redis.infra.svc.cluster.local:6379', { tls: true }) }) }),
  rateLimitRedisDatabase: () => ({ rateLimit: RateLimit.perClientIp({ requests: 10, distributed: DistributedRateLimit.redis('redis.infra.svc.cluster.local:6379', { database: 2 }) }) }),
  rateLimitRedisTimeout: () => ({ rateLimit: RateLimit.perClientIp({ requests: 10, distributed: DistributedRateLimit.redis('redis.infra.svc.cluster.local:6379', { timeout: Duration.millis(500) }) }) }),
  // Requests in progress, without a rate (issue #17).
  concurrencyPerClientIp: () => ({ concurrencyLimit: ConcurrencyLimit.perClientIp({ maxRequests: 10 }) }),
  concurrencyPerHost: () => ({ hosts: ['api.example.com'], concurrencyLimit: ConcurrencyLimit.perHost({ maxRequests: 500 }) }),
  concurrencyPerRoute: () => ({ concurrencyLimit: ConcurrencyLimit.perRoute({ maxRequests: 200 }) }),
  // issue #12: the route keeps a backend (an Ingress path needs one; it receives nothing).
  redirectUrl: () => ({ redirect: Redirect.toUrl('https://www.example.com/moved?from=a', { statusCode: RedirectStatus.FOUND }) }),
  // issue #17: external auth extras
  externalAuthRequestHeaders: () => ({ auth: EdgeAuth.external({ url: 'http://auth.auth.svc.cluster.local/verify', requestHeaders: ['Authorization', 'Cookie'] }) }),
  externalAuthBody: () => ({ auth: EdgeAuth.external({ url: 'http://auth.auth.svc.cluster.local/verify', forwardBody: BodySize.kibibytes(64) }) }),
  externalAuthCa: () => ({ auth: EdgeAuth.external({ url: 'https://auth.example.com/verify', ca: CaCertificates.fromSecret('auth-ca') }) }),
  externalAuthClientCertificate: () => ({ auth: EdgeAuth.external({ url: 'https://auth.example.com/verify', clientCertificateSecret: 'auth-client-tls' }) }),
  // issue #17: API keys of any consumer, key location and removal
  apiKeyAnyConsumer: () => ({ auth: EdgeAuth.apiKey({ anyConsumer: true }) }),
  apiKeyInQuery: () => ({ auth: EdgeAuth.apiKey({ secretName: 'api-keys', header: 'apikey', queryParameter: 'apikey' }) }),
  apiKeyRemoved: () => ({ auth: EdgeAuth.apiKey({ secretName: 'api-keys', removeKey: true }) }),
  // issue #17: JWTs verified with keys held by consumers
  jwtConsumerKeys: () => ({ auth: EdgeAuth.jwtConsumerKeys({ secretName: 'partner-jwt' }) }),
  // issue #17: basic auth of any consumer
  basicAuthAnyConsumer: () => ({ auth: EdgeAuth.basic({ anyConsumer: true, realm: 'edge' }) }),
};
