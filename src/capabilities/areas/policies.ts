import { CapabilityArea, Support, experimental, native, no, yes } from '../support';

/** Edge policies (issue: rate limits, timeouts, body size, CORS, headers, redirects, rewrites, IP access, retries, affinity, protocols, auth). */
export type PolicyFeature =
  | 'rateLimitPerClientIp' | 'rateLimitPerHeader' | 'rateLimitPerConsumer' | 'rateLimitBurst'
  | 'rateLimitConnections' | 'rateLimitExemptCidrs' | 'rateLimitRedis' | 'rateLimitControllerStore'
  | 'timeoutConnect' | 'timeoutRead' | 'timeoutSend' | 'timeoutRequest' | 'timeoutBackendRequest'
  | 'bodySize'
  | 'cors'
  | 'requestHeaderSet' | 'requestHeaderAdd' | 'requestHeaderRemove'
  | 'responseHeaderSet' | 'responseHeaderAdd' | 'responseHeaderRemove'
  | 'redirectScheme' | 'redirectHost' | 'redirectPort' | 'redirectPath' | 'redirectPrefix'
  | 'rewritePrefix' | 'rewriteFullPath' | 'rewriteHost'
  | 'ipAllow' | 'ipDeny'
  | 'retries' | 'retryStatusCodes' | 'retryPerTryTimeout'
  | 'retryBackoff' | 'retryMaxBackoff' | 'retryWindow' | 'retryNonIdempotent'
  | 'sessionAffinityCookie'
  | 'backendHttps' | 'backendGrpc' | 'backendGrpcs' | 'backendH2c' | 'backendWebsocket'
  | 'externalAuth' | 'externalAuthResponseHeaders' | 'externalAuthSignin' | 'externalAuthCache'
  | 'jwtAuth' | 'jwtClaimsToHeaders'
  | 'apiKeyAuth'
  | 'basicAuth'
  | 'externalAuthProvider'
  | 'timeoutDisabled'
  | 'redirectStatusOnly'
  | 'corsWildcardOrigin'
  | 'corsAnyMethod' | 'corsAnyHeader' | 'corsAnyExposedHeader'
  // issue #17: rate-limit windows, client IP, concurrency
  | 'rateLimitLongWindow'
  // issue #17: the Redis store's connection settings
  | 'rateLimitRedisTls' | 'rateLimitRedisDatabase' | 'rateLimitRedisTimeout'
  // issue #17: requests in progress, without a rate
  | 'concurrencyPerClientIp' | 'concurrencyPerHost' | 'concurrencyPerRoute'
  // issue #12: fixed-URL redirects
  | 'redirectUrl'
  // issue #17: external auth extras
  | 'externalAuthRequestHeaders' | 'externalAuthBody' | 'externalAuthCa' | 'externalAuthClientCertificate'
  // issue #17: API keys of any consumer, key location and removal
  | 'apiKeyAnyConsumer' | 'apiKeyInQuery' | 'apiKeyRemoved'
  // issue #17: JWTs verified with keys held by consumers
  | 'jwtConsumerKeys'
  // issue #17: basic auth against the credentials of any consumer
  | 'basicAuthAnyConsumer'
  // issue #12 (parity): CORS origin wildcard depth, as in route hosts (`*.` one label, `**.` one or more)
  | 'corsDeepWildcardOrigin'
  // issue #17 (parity): the Redis store's CA and client certificate
  | 'rateLimitRedisCa' | 'rateLimitRedisClientCertificate';

type Row = { readonly [f in PolicyFeature]: Support };

const SNIPPETS = 'only possible with snippets or global controller configuration, which this library never emits';
const NO_ENVOYFILTER = 'only possible with an EnvoyFilter, which this library never emits';
/** Kong's retries (KIC Service annotation reference: konghq.com/retries is the Kong service's `retries` count). */
const KONG_RETRIES = 'Kong\'s only retry setting is konghq.com/retries on the Service: a count that retries connection errors and timeouts alike (no RetryOn set says that), without status codes, backoff, window or a per-attempt timeout';
const NO_PROVIDER = (who: string, instead: string) => `a named extension provider is Istio's mesh configuration (meshConfig.extensionProviders); ${who} names the auth service itself: use ${instead}`;
const GW_NO = (what: string) => `Gateway API has no standard field for ${what}; choose an implementation such as Controller.envoyGateway()`;
/** auditgw (issue #12): where Envoy Gateway refuses the feature too, the portable reason suggests no implementation. */
const GW_NONE = (what: string) => `Gateway API (v1.6, standard and experimental) has no field for ${what}`;
/** Settings read on the Service: written to a Service handed over with Backend.fromService (refused for Backend.service names). */
const ON_SERVICE = (where: string) => `${where} on the Service (Backend.fromService / fromServicePorts)`;
/** Kong's redirect plugin (Kong Gateway 3.9+, open source): `location` is a full URL, `keep_incoming_path` keeps the whole request path and query. */
const KONG_REDIRECT_PLUGIN = (why: string) => `Kong's redirect plugin (3.9+) answers with a fixed absolute location (its own scheme and host), exactly as configured or with the request's path and query in place of its path (keep_incoming_path), so ${why}`;
const KONG_NO_H2C = 'Kong speaks cleartext HTTP/2 to upstreams only for gRPC (konghq.com/protocol has no h2c)';
const GW_BACKEND_TLS = 'Gateway API re-encrypts only with certificate verification (BackendTLSPolicy); declare it on the backend instead (Backend.service(name, port, { tls: BackendTls.verify({ hostname }) }))';
const GW_EXT_AUTH = 'Gateway API\'s ExternalAuth filter (experimental) sends the client\'s request path appended to the auth service\'s path, so it cannot call a fixed auth URL, and it copies every auth response header upstream unless some are listed';
const NGINX_AUTH_TLS = 'ingress-nginx has no per-Ingress TLS setting for the auth subrequest (the proxy-ssl-* annotations apply to the backend)';
const ISTIO_EXT_AUTH = (where: string) => `Istio configures external authorization as a mesh-wide extension provider, not per route (${where})`;
const GW_ONLY_GRPCS = 'Gateway API has no gRPC-over-TLS backend setting without BackendTLSPolicy verification; use BackendProtocol.GRPC with a verified backend (Backend.service(name, port, { tls: BackendTls.verify({ hostname }) }))';

// auditgw (issue #12): Istio 1.30.3 converts the experimental HTTPRoute retry stanza (pilot/pkg/config/kube/gateway/conversion.go).
const ISTIO_RETRY = (field: string) => `rules[].retry.${field} (Istio 1.30 turns the stanza into VirtualService retries: connect-failure, refused-stream and the codes)`;
const ISTIO_NO_RETRY_FIELD = (what: string) => `Istio renders Gateway API's retry stanza (attempts, codes, backoff), which has no ${what}`;

const EG_REDIS = 'Envoy Gateway connects to Redis from its own configuration (EnvoyGateway rateLimit.backend.redis: url, TLS), not per route; set it there and use DistributedRateLimit.controllerStore()';

const NGINX_CONN = 'ingress-nginx limits requests in progress only per client address (limit-connections)';
const KONG_CONCURRENCY = 'Kong has no open-source plugin limiting requests in progress (rate-limiting counts requests per window)';

const NGINX: Row = {
  rateLimitPerClientIp: yes('limit-rps / limit-rpm, per controller replica'),
  rateLimitPerHeader: no(`ingress-nginx limits by client address only; other keys are ${SNIPPETS}`),
  rateLimitPerConsumer: no('ingress-nginx has no consumers'),
  rateLimitBurst: yes('limit-burst-multiplier: the burst must be a whole multiple of the rate'),
  rateLimitConnections: yes('limit-connections'),
  rateLimitExemptCidrs: yes('limit-allowlist'),
  rateLimitRedis: no('ingress-nginx removed its global (shared) rate limit in v1.12'),
  rateLimitControllerStore: no('ingress-nginx removed its global (shared) rate limit in v1.12'),
  timeoutConnect: yes('whole seconds'),
  timeoutRead: yes('whole seconds'),
  timeoutSend: yes('whole seconds'),
  timeoutRequest: no('ingress-nginx has no whole-request timeout'),
  timeoutBackendRequest: no('ingress-nginx has no per-attempt backend request timeout (proxy-next-upstream-timeout bounds all attempts together)'),
  bodySize: yes('proxy-body-size'),
  cors: yes('enable-cors with every setting explicit'),
  requestHeaderSet: no(`per-route request headers are ${SNIPPETS}`),
  requestHeaderAdd: no(`per-route request headers are ${SNIPPETS}`),
  requestHeaderRemove: no(`per-route request headers are ${SNIPPETS}`),
  responseHeaderSet: no('custom-headers needs every header name allow-listed in the controller\'s global-allowed-response-headers, which this library cannot see'),
  responseHeaderAdd: no('ingress-nginx cannot append response headers per route'),
  responseHeaderRemove: no(`removing response headers is ${SNIPPETS}`),
  redirectScheme: yes('force-ssl-redirect: to HTTPS only, status 308 only, the route keeps its backend'),
  redirectHost: no('permanent-redirect sends every request to one fixed URL and loses the request path'),
  redirectPort: no('permanent-redirect sends every request to one fixed URL and loses the request path'),
  redirectPath: no('permanent-redirect cannot keep the scheme and host of the request'),
  redirectPrefix: no('permanent-redirect cannot keep the rest of the path'),
  rewritePrefix: yes('rewrite-target with a capture group: the host\'s paths become regexes, as with regex paths'),
  rewriteFullPath: yes('rewrite-target: the host\'s paths become regexes, as with regex paths'),
  rewriteHost: yes('upstream-vhost'),
  ipAllow: yes('allowlist-source-range'),
  ipDeny: yes('denylist-source-range'),
  retries: yes('proxy-next-upstream(-tries): connect-failure and reset both render `error timeout` (nginx cannot tell them apart); 5xx is refused'),
  retryStatusCodes: yes('proxy-next-upstream: only 403, 404, 429, 500, 502, 503, 504'),
  retryPerTryTimeout: no('proxy-next-upstream-timeout bounds all attempts together, not each one'),
  sessionAffinityCookie: yes('affinity: cookie, always HttpOnly; one affinity per backend Service port'),
  backendHttps: yes('backend-protocol: HTTPS'),
  backendGrpc: yes('backend-protocol: GRPC; clients reach it over TLS (HTTP/2)'),
  backendGrpcs: yes('backend-protocol: GRPCS'),
  backendH2c: no('ingress-nginx speaks cleartext HTTP/2 to backends only for gRPC'),
  backendWebsocket: native('proxied by default; raise read/send timeouts for long-lived sockets'),
  externalAuth: yes('auth-url (High risk: allowed by the default annotations-risk-level)'),
  externalAuthResponseHeaders: yes('auth-response-headers'),
  externalAuthSignin: yes('auth-signin'),
  externalAuthCache: yes('auth-cache-key (client address, method, host, URI, Authorization, Cookie) + auth-cache-duration (2xx only)'),
  jwtAuth: no('ingress-nginx has no JWT validation; use EdgeAuth.external() with a validating service'),
  jwtClaimsToHeaders: no('ingress-nginx has no JWT validation'),
  apiKeyAuth: no('ingress-nginx has no API-key authentication; use EdgeAuth.external()'),
  basicAuth: yes('auth-type: basic with an htpasswd Secret (key `auth`)'),
  externalAuthProvider: no(NO_PROVIDER('ingress-nginx', 'EdgeAuth.external()')),
  timeoutDisabled: no('ingress-nginx has no whole-request or per-attempt timeout to turn off'),
  redirectStatusOnly: no('ingress-nginx redirects only to HTTPS (force-ssl-redirect) or to one fixed URL (permanent-redirect), never to the request\'s own URL'),
  corsWildcardOrigin: yes('cors-allow-origin `https://*.example.com`: nginx matches `[A-Za-z0-9-]+`, exactly one DNS label'),
  corsAnyMethod: no('ingress-nginx\'s cors-allow-methods validator accepts letters only, not `*`'),
  corsAnyHeader: no('ingress-nginx\'s cors-allow-headers validator accepts letters, digits, `-` and `_` only, not `*`'),
  corsAnyExposedHeader: yes('cors-expose-headers: "*"'),
  // Retry timing and non-idempotent methods (issue #17).
  retryBackoff: no('nginx passes a failed request to the next attempt at once; it has no wait between attempts'),
  retryMaxBackoff: no('nginx passes a failed request to the next attempt at once; it has no wait between attempts'),
  retryWindow: yes('proxy-next-upstream-timeout (whole seconds)'),
  retryNonIdempotent: yes('proxy-next-upstream non_idempotent'),
  rateLimitLongWindow: no('ingress-nginx counts requests per second (limit-rps) or per minute (limit-rpm) only'),
  // The Redis store's connection settings (issue #17).
  rateLimitRedisTls: no('ingress-nginx removed its global (shared) rate limit in v1.12'),
  rateLimitRedisDatabase: no('ingress-nginx removed its global (shared) rate limit in v1.12'),
  rateLimitRedisTimeout: no('ingress-nginx removed its global (shared) rate limit in v1.12'),
  // Requests in progress, without a rate (issue #17).
  concurrencyPerClientIp: yes('limit-connections (nginx limit_conn keyed on the client address counts requests in progress)'),
  concurrencyPerHost: no(NGINX_CONN),
  concurrencyPerRoute: no(NGINX_CONN),
  redirectUrl: yes('permanent-redirect: <url> with permanent-redirect-code (any of 301, 302, 303, 307, 308; nginx returns exactly the URL, dropping the request path and query); the path still names the route\'s backend, which receives nothing'),
  // External auth extras (issue #17).
  externalAuthRequestHeaders: no('ingress-nginx\'s auth subrequest carries every client request header; auth-proxy-set-headers only adds headers (from a ConfigMap) and cannot withhold any'),
  externalAuthBody: no('ingress-nginx\'s auth subrequest never carries the request body'),
  externalAuthCa: no(NGINX_AUTH_TLS),
  externalAuthClientCertificate: no(NGINX_AUTH_TLS),
  // API keys (issue #17).
  apiKeyAnyConsumer: no('ingress-nginx has no API-key authentication; use EdgeAuth.external()'),
  apiKeyInQuery: no('ingress-nginx has no API-key authentication; use EdgeAuth.external()'),
  apiKeyRemoved: no('ingress-nginx has no API-key authentication; use EdgeAuth.external()'),
  jwtConsumerKeys: no('ingress-nginx has no JWT validation; use EdgeAuth.external() with a validating service'),
  basicAuthAnyConsumer: no('ingress-nginx checks basic auth against the htpasswd Secret the Ingress names (auth-secret); it has no consumers'),
  // CORS origin wildcard depth (issue #12).
  corsDeepWildcardOrigin: no('cors-allow-origin turns `*` into `[A-Za-z0-9-]+`, exactly one DNS label; write `https://*.example.com` for one label, or list the deeper origins'),
  // The Redis store's CA and client certificate (issue #17).
  rateLimitRedisCa: no('ingress-nginx removed its global (shared) rate limit in v1.12'),
  rateLimitRedisClientCertificate: no('ingress-nginx removed its global (shared) rate limit in v1.12'),
};

const TRAEFIK: Row = {
  rateLimitPerClientIp: yes('rateLimit middleware, per Traefik instance'),
  rateLimitPerHeader: yes('rateLimit sourceCriterion.requestHeaderName'),
  rateLimitPerConsumer: no('Traefik has no consumers'),
  rateLimitBurst: yes('rateLimit.burst: the token bucket size'),
  rateLimitConnections: yes('an inFlightReq Middleware of its own (sourceCriterion.ipStrategy), beside a ConcurrencyLimit.perHost() inFlightReq'),
  rateLimitExemptCidrs: no('Traefik\'s rateLimit has no exemption list (excludedIPs only affects X-Forwarded-For parsing)'),
  rateLimitRedis: yes('rateLimit.redis (Traefik v3.4+)'),
  rateLimitControllerStore: no('Traefik has no controller-wide store; use DistributedRateLimit.redis()'),
  timeoutConnect: yes('ServersTransport forwardingTimeouts.dialTimeout'),
  timeoutRead: no('Traefik\'s responseHeaderTimeout bounds the wait for response headers, not each read'),
  timeoutSend: no('Traefik has no backend write timeout'),
  timeoutRequest: no('Traefik\'s request timeouts are entry-point-wide static configuration'),
  timeoutBackendRequest: no('Traefik has no per-route backend request timeout'),
  bodySize: yes('buffering middleware (the body is buffered)'),
  cors: yes('headers middleware'),
  requestHeaderSet: yes('headers middleware'),
  requestHeaderAdd: no('Traefik\'s headers middleware replaces values; it cannot append'),
  requestHeaderRemove: yes('headers middleware'),
  responseHeaderSet: yes('headers middleware'),
  responseHeaderAdd: no('Traefik\'s headers middleware replaces values; it cannot append'),
  responseHeaderRemove: yes('headers middleware'),
  redirectScheme: yes('redirectScheme middleware; 301/308 → permanent, 302/307 → temporary (Traefik answers 301/302 to GET, 308/307 otherwise); 303 refused'),
  redirectHost: yes('redirectRegex middleware, noop@internal service'),
  redirectPort: yes('redirectRegex middleware, noop@internal service'),
  redirectPath: yes('redirectRegex middleware, noop@internal service'),
  redirectPrefix: yes('redirectRegex middleware, noop@internal service'),
  rewritePrefix: yes('replacePathRegex middleware'),
  rewriteFullPath: yes('replacePath middleware'),
  rewriteHost: yes('headers middleware setting Host'),
  ipAllow: yes('ipAllowList middleware'),
  ipDeny: yes('!ClientIP() in the router rule, plus a twin router answering denied clients 403'),
  retries: yes('retry middleware: connect failures and status codes, not resets'),
  retryStatusCodes: yes('retry.status (Traefik v3.7+)'),
  retryPerTryTimeout: no('Traefik\'s retry middleware has no per-attempt timeout'),
  sessionAffinityCookie: yes('services[].sticky.cookie (single backend)'),
  backendHttps: yes('services[].scheme: https'),
  backendGrpc: yes('services[].scheme: h2c'),
  backendGrpcs: yes('services[].scheme: https'),
  backendH2c: yes('services[].scheme: h2c'),
  backendWebsocket: native('proxied natively'),
  externalAuth: yes('forwardAuth middleware'),
  externalAuthResponseHeaders: yes('forwardAuth.authResponseHeaders'),
  externalAuthSignin: yes('forwardAuth.authSigninURL (Traefik v3.7+)'),
  externalAuthCache: no('Traefik\'s forwardAuth has no cache'),
  jwtAuth: no('JWT validation is Traefik Hub only, not Traefik Proxy'),
  jwtClaimsToHeaders: no('JWT validation is Traefik Hub only, not Traefik Proxy'),
  apiKeyAuth: no('API keys are Traefik Hub only, not Traefik Proxy'),
  basicAuth: yes('basicAuth middleware'),
  externalAuthProvider: no(NO_PROVIDER("Traefik's forwardAuth middleware", 'EdgeAuth.external()')),
  timeoutDisabled: no('Traefik has no per-route request timeout to turn off'),
  redirectStatusOnly: yes('redirectRegex middleware rebuilding the request URL, noop@internal service; 303 refused'),
  corsWildcardOrigin: yes('accessControlAllowOriginListRegex `^https://[a-z0-9-]+\\.example\\.com$`: exactly one label'),
  corsAnyMethod: yes('accessControlAllowMethods: ["*"], sent as is'),
  corsAnyHeader: yes('accessControlAllowHeaders: ["*"], sent as is'),
  corsAnyExposedHeader: yes('accessControlExposeHeaders: ["*"], sent as is'),
  // Retry timing and non-idempotent methods (issue #17).
  retryBackoff: yes('retry.initialInterval: exponential, the interval growing toward twice it over the attempts, each wait randomized by ±50%'),
  // Audit (issue #12): retry.go sets only InitialInterval and Multiplier 2^(1/(attempts-1)); the ±50% randomization stays.
  retryMaxBackoff: no("Traefik's retry middleware has no cap field: the interval grows toward twice initialInterval over the attempts and each wait is randomized by ±50% (cenkalti/backoff defaults), so a wait can reach almost three times initialInterval"),
  retryWindow: yes('retry.timeout'),
  retryNonIdempotent: yes('retry.retryNonIdempotentMethod'),
  rateLimitLongWindow: yes('rateLimit.period: 1h or 24h'),
  // The Redis store's connection settings (issue #17).
  rateLimitRedisTls: yes('rateLimit.redis.tls (insecureSkipVerify: false, system CAs)'),
  rateLimitRedisDatabase: yes('rateLimit.redis.db'),
  rateLimitRedisTimeout: yes('rateLimit.redis.dialTimeout / readTimeout / writeTimeout'),
  // Requests in progress, without a rate (issue #17).
  concurrencyPerClientIp: yes('inFlightReq with sourceCriterion.ipStrategy'),
  concurrencyPerHost: yes('inFlightReq with sourceCriterion.requestHost'),
  concurrencyPerRoute: no('inFlightReq always groups requests by a source (client address, a header or the host), never counts a route as a whole; use ConcurrencyLimit.perHost()'),
  redirectUrl: yes('redirectRegex middleware ^.*$ -> the URL (the whole request URL is replaced), noop@internal service or the route\'s backend; 301/308 permanent, 302/307 temporary, 303 refused'),
  // External auth extras (issue #17).
  externalAuthRequestHeaders: yes('forwardAuth.authRequestHeaders'),
  externalAuthBody: yes('forwardAuth.forwardBody + maxBodySize (a larger request gets 401)'),
  externalAuthCa: yes('forwardAuth.tls.caSecret (a Secret only)'),
  externalAuthClientCertificate: yes('forwardAuth.tls.certSecret'),
  // API keys (issue #17).
  apiKeyAnyConsumer: no('API keys are Traefik Hub only, not Traefik Proxy'),
  apiKeyInQuery: no('API keys are Traefik Hub only, not Traefik Proxy'),
  apiKeyRemoved: no('API keys are Traefik Hub only, not Traefik Proxy'),
  jwtConsumerKeys: no('JWT validation is Traefik Hub only, not Traefik Proxy'),
  basicAuthAnyConsumer: no('Traefik\'s basicAuth middleware checks the users of the Secret it names; Traefik has no consumers'),
  // CORS origin wildcard depth (issue #12).
  corsDeepWildcardOrigin: yes('accessControlAllowOriginListRegex `^https://([a-z0-9-]+\\.)+example\\.com$`: one or more labels'),
  // The Redis store's CA and client certificate (issue #17).
  rateLimitRedisCa: yes('rateLimit.redis.tls.caSecret (a Secret only)'),
  rateLimitRedisClientCertificate: yes('rateLimit.redis.tls.certSecret'),
};

const TRAEFIK_INGRESS_REDIRECT = 'a route that only redirects has no backend, and an Ingress path needs a backend Service (the Traefik Ingress provider cannot target noop@internal); use TraefikOutput.INGRESS_ROUTE';

const TRAEFIK_INGRESS: Row = {
  ...TRAEFIK,
  redirectHost: no(TRAEFIK_INGRESS_REDIRECT),
  redirectPort: no(TRAEFIK_INGRESS_REDIRECT),
  redirectPath: no(TRAEFIK_INGRESS_REDIRECT),
  redirectPrefix: no(TRAEFIK_INGRESS_REDIRECT),
  // Audit (issue #12): the Service annotations are written now; the ServersTransport is what is missing.
  timeoutConnect: yes(ON_SERVICE("traefik.ingress.kubernetes.io/service.serverstransport naming the route's ServersTransport (forwardingTimeouts.dialTimeout)")),
  ipDeny: no('the Traefik Ingress provider cannot add a !ClientIP() condition and Traefik has no deny-list middleware; use TraefikOutput.INGRESS_ROUTE'),
  sessionAffinityCookie: yes(ON_SERVICE('traefik.ingress.kubernetes.io/service.sticky.cookie.*')),
  backendHttps: yes(ON_SERVICE('traefik.ingress.kubernetes.io/service.serversscheme: https')),
  backendGrpc: yes(ON_SERVICE('traefik.ingress.kubernetes.io/service.serversscheme: h2c')),
  backendGrpcs: yes(ON_SERVICE('traefik.ingress.kubernetes.io/service.serversscheme: https')),
  backendH2c: yes(ON_SERVICE('traefik.ingress.kubernetes.io/service.serversscheme: h2c')),
  redirectStatusOnly: no(TRAEFIK_INGRESS_REDIRECT),
  // Audit (issue #12): the redirectRegex Middleware reaches the Ingress router through router.middlewares.
  redirectUrl: yes('redirectRegex Middleware ^.*$ -> the URL in router.middlewares (needs the Traefik CRD provider), on the route\'s one backend (it receives nothing; a route without backend is refused); 301/308 permanent, 302/307 temporary, 303 refused'),
};

const KONG: Row = {
  rateLimitPerClientIp: yes('rate-limiting plugin, limit_by: ip'),
  rateLimitPerHeader: yes('rate-limiting plugin, limit_by: header'),
  rateLimitPerConsumer: yes('rate-limiting plugin, limit_by: consumer'),
  rateLimitBurst: no('Kong\'s rate-limiting plugin has no burst'),
  rateLimitConnections: no('Kong\'s rate-limiting plugin has no connection limit'),
  rateLimitExemptCidrs: no('Kong\'s rate-limiting plugin has no exemption list'),
  rateLimitRedis: yes('policy: redis'),
  rateLimitControllerStore: no('Kong\'s shared policy "cluster" is refused in DB-less mode; use DistributedRateLimit.redis()'),
  timeoutConnect: yes(ON_SERVICE('konghq.com/connect-timeout (milliseconds)')),
  timeoutRead: yes(ON_SERVICE('konghq.com/read-timeout (milliseconds)')),
  timeoutSend: yes(ON_SERVICE('konghq.com/write-timeout (milliseconds)')),
  timeoutRequest: no('Kong has no whole-request timeout'),
  timeoutBackendRequest: no('Kong has no per-attempt backend request timeout separate from connect/read/write'),
  bodySize: yes('request-size-limiting plugin'),
  cors: yes('cors plugin'),
  requestHeaderSet: yes('request-transformer (replace + add)'),
  requestHeaderAdd: yes('request-transformer append'),
  requestHeaderRemove: yes('request-transformer remove'),
  responseHeaderSet: yes('response-transformer (replace + add)'),
  responseHeaderAdd: yes('response-transformer append'),
  responseHeaderRemove: yes('response-transformer remove'),
  redirectScheme: yes('konghq.com/protocols: https + https-redirect-status-code (301, 302, 307, 308)'),
  redirectHost: no(KONG_REDIRECT_PLUGIN('it cannot keep the request\'s scheme as a host redirect does')),
  redirectPort: no(KONG_REDIRECT_PLUGIN('it cannot keep the request\'s scheme and host as a port redirect does')),
  redirectPath: no(KONG_REDIRECT_PLUGIN('it cannot keep the request\'s scheme and host while replacing the path')),
  redirectPrefix: no(KONG_REDIRECT_PLUGIN('it cannot replace only the matched prefix')),
  rewritePrefix: yes('konghq.com/strip-path: only to "/"'),
  rewriteFullPath: no('Kong Ingress rewrites need the RewriteURIs feature gate; use KongMode.GATEWAY_API'),
  rewriteHost: no('Kong sets the upstream Host from konghq.com/host-header on the Service only when the route does not preserve the client Host, which KIC does by default; use KongMode.GATEWAY_API (URLRewrite filter)'),
  ipAllow: yes('ip-restriction plugin'),
  ipDeny: yes('ip-restriction plugin'),
  retries: no(KONG_RETRIES),
  retryStatusCodes: no(KONG_RETRIES),
  retryPerTryTimeout: no(KONG_RETRIES),
  sessionAffinityCookie: no('Kong OSS only hashes on a cookie; sticky sessions (KongUpstreamPolicy stickySessions) need Kong Enterprise'),
  backendHttps: yes(ON_SERVICE('konghq.com/protocol: https (not verified)')),
  backendGrpc: yes(ON_SERVICE('konghq.com/protocol: grpc') + ', with konghq.com/protocols: grpc,grpcs on the route\'s own Ingress'),
  backendGrpcs: yes(ON_SERVICE('konghq.com/protocol: grpcs (not verified)') + ', with konghq.com/protocols: grpc,grpcs on the route\'s own Ingress'),
  backendH2c: no(KONG_NO_H2C),
  backendWebsocket: native('proxied natively'),
  externalAuth: no('Kong OSS has no forward-auth plugin'),
  externalAuthResponseHeaders: no('Kong OSS has no forward-auth plugin'),
  externalAuthSignin: no('Kong OSS has no forward-auth plugin'),
  externalAuthCache: no('Kong OSS has no forward-auth plugin'),
  jwtAuth: no('Kong OSS\'s jwt plugin verifies keys stored on consumers and cannot fetch a JWKS URI'),
  jwtClaimsToHeaders: no('Kong OSS\'s jwt plugin does not copy claims to headers'),
  apiKeyAuth: yes('key-auth plugin + a KongConsumer with the key Secret'),
  basicAuth: yes('basic-auth plugin + a KongConsumer with the credential Secret'),
  externalAuthProvider: no(NO_PROVIDER('Kong', 'a Kong auth plugin')),
  timeoutDisabled: no('Kong has no whole-request or per-attempt timeout to turn off'),
  redirectStatusOnly: no('Kong redirects plain HTTP to HTTPS (https-redirect-status-code) or, with its redirect plugin (3.9+), to a fixed scheme://host location; neither answers with the request\'s own URL'),
  corsWildcardOrigin: yes('cors origins as an anchored regex `^https://[a-z0-9-]+\\.example\\.com$`: exactly one label'),
  corsAnyMethod: no('Kong\'s cors plugin accepts only the listed methods GET, HEAD, PUT, PATCH, POST, DELETE, OPTIONS, TRACE, CONNECT'),
  corsAnyHeader: yes('cors plugin without `headers`: Kong echoes Access-Control-Request-Headers'),
  corsAnyExposedHeader: yes('cors plugin exposed_headers: ["*"], sent as is'),
  // Retry timing and non-idempotent methods (issue #17).
  retryBackoff: no(KONG_RETRIES),
  retryMaxBackoff: no(KONG_RETRIES),
  retryWindow: no(KONG_RETRIES),
  retryNonIdempotent: no(KONG_RETRIES),
  rateLimitLongWindow: yes('rate-limiting config.hour / config.day (fixed windows)'),
  // The Redis store's connection settings (issue #17).
  rateLimitRedisTls: yes('rate-limiting config.redis.ssl + ssl_verify + server_name'),
  rateLimitRedisDatabase: yes('rate-limiting config.redis.database'),
  rateLimitRedisTimeout: yes('rate-limiting config.redis.timeout (connect, send and read)'),
  // Requests in progress, without a rate (issue #17).
  concurrencyPerClientIp: no(KONG_CONCURRENCY),
  concurrencyPerHost: no(KONG_CONCURRENCY),
  concurrencyPerRoute: no(KONG_CONCURRENCY),
  redirectUrl: yes('redirect plugin (Kong Gateway 3.9+): location <url>, status_code, keep_incoming_path false (the Location is exactly the URL, path and query dropped); the path still names the route\'s backend, which receives nothing'),
  // External auth extras (issue #17).
  externalAuthRequestHeaders: no('Kong OSS has no forward-auth plugin'),
  externalAuthBody: no('Kong OSS has no forward-auth plugin'),
  externalAuthCa: no('Kong OSS has no forward-auth plugin'),
  externalAuthClientCertificate: no('Kong OSS has no forward-auth plugin'),
  // API keys (issue #17).
  apiKeyAnyConsumer: yes('key-auth plugin without an acl: the key-auth credential of any KongConsumer'),
  apiKeyInQuery: yes('key-auth key_in_query (Kong reads the same key_names from headers and the query)'),
  apiKeyRemoved: yes('key-auth hide_credentials'),
  jwtConsumerKeys: yes('jwt plugin (claims_to_verify exp) + a KongConsumer with the jwt credential Secret and an acl; without a Secret, any consumer\'s credential'),
  basicAuthAnyConsumer: yes('basic-auth plugin without an acl: the basic-auth credential of any KongConsumer'),
  // CORS origin wildcard depth (issue #12).
  corsDeepWildcardOrigin: yes('cors origins as an anchored regex `^https://([a-z0-9-]+\\.)+example\\.com$`: one or more labels'),
  // The Redis store's CA and client certificate (issue #17).
  rateLimitRedisCa: no('Kong verifies Redis with the CAs of its lua_ssl_trusted_certificate setting (global configuration), not per plugin; add the CA there and leave ca unset'),
  rateLimitRedisClientCertificate: no('Kong\'s rate-limiting plugin has no client certificate for Redis (its redis settings: ssl, ssl_verify, server_name, username, password)'),
};

const KONG_GATEWAY_API: Row = {
  ...KONG,
  redirectScheme: yes('konghq.com/protocols: https + https-redirect-status-code (301, 302, 307, 308) on the HTTPRoute (KIC\'s standard RequestRedirect without hostname answers with a relative Location)'),
  rewriteFullPath: yes('URLRewrite filter'),
  rewritePrefix: yes('URLRewrite filter'),
  rewriteHost: yes('URLRewrite filter'),
  requestHeaderSet: yes('RequestHeaderModifier filter'),
  requestHeaderAdd: yes('RequestHeaderModifier filter'),
  requestHeaderRemove: yes('RequestHeaderModifier filter'),
  backendGrpc: yes('GRPCRoute'),
  redirectStatusOnly: no('KIC answers a RequestRedirect without hostname with a relative Location built from the path, and does not document whether the query is kept'),
  backendGrpcs: no('KIC sends a GRPCRoute to a TLS upstream only with konghq.com/protocol: grpcs on the Service, which this library does not render yet'),
  redirectUrl: yes('redirect plugin (Kong Gateway 3.9+) by ExtensionRef: location <url>, status_code, keep_incoming_path false (path and query dropped; KIC\'s standard RequestRedirect would keep the query)'),
};

const GATEWAY_API: Row = {
  rateLimitPerClientIp: no(GW_NO('rate limits')),
  rateLimitPerHeader: no(GW_NO('rate limits')),
  rateLimitPerConsumer: no(GW_NONE('rate limits')),
  rateLimitBurst: no(GW_NONE('rate limits')),
  rateLimitConnections: no(GW_NONE('rate limits')),
  rateLimitExemptCidrs: no(GW_NONE('rate limits')),
  rateLimitRedis: no(GW_NONE('rate limits')),
  rateLimitControllerStore: no(GW_NO('rate limits')),
  timeoutConnect: no(GW_NO('connect timeouts')),
  timeoutRead: no(GW_NONE('read timeouts')),
  timeoutSend: no(GW_NONE('send timeouts')),
  timeoutRequest: yes('rules[].timeouts.request'),
  timeoutBackendRequest: yes('rules[].timeouts.backendRequest'),
  bodySize: no(GW_NO('request body limits')),
  cors: yes('CORS filter'),
  requestHeaderSet: yes('RequestHeaderModifier filter'),
  requestHeaderAdd: yes('RequestHeaderModifier filter'),
  requestHeaderRemove: yes('RequestHeaderModifier filter'),
  responseHeaderSet: yes('ResponseHeaderModifier filter'),
  responseHeaderAdd: yes('ResponseHeaderModifier filter'),
  responseHeaderRemove: yes('ResponseHeaderModifier filter'),
  redirectScheme: yes('RequestRedirect filter'),
  redirectHost: yes('RequestRedirect filter'),
  redirectPort: yes('RequestRedirect filter'),
  redirectPath: yes('RequestRedirect filter'),
  redirectPrefix: yes('RequestRedirect filter'),
  rewritePrefix: yes('URLRewrite filter'),
  rewriteFullPath: yes('URLRewrite filter'),
  rewriteHost: yes('URLRewrite filter'),
  ipAllow: no(GW_NO('client address filtering')),
  ipDeny: no(GW_NO('client address filtering')),
  retries: experimental('rules[].retry'),
  retryStatusCodes: experimental('rules[].retry.codes'),
  retryPerTryTimeout: no('Gateway API\'s retry stanza has no per-attempt timeout; rules[].timeouts.backendRequest bounds each attempt (use Timeouts.backendRequest)'),
  sessionAffinityCookie: experimental('rules[].sessionPersistence'),
  backendHttps: no(GW_BACKEND_TLS),
  backendGrpc: yes('GRPCRoute'),
  backendGrpcs: no(GW_ONLY_GRPCS),
  backendH2c: yes(ON_SERVICE('appProtocol: kubernetes.io/h2c on the Service port')),
  backendWebsocket: yes(ON_SERVICE('appProtocol: kubernetes.io/ws on the Service port')),
  externalAuth: no(GW_EXT_AUTH),
  externalAuthResponseHeaders: no(GW_EXT_AUTH),
  externalAuthSignin: no('Gateway API\'s ExternalAuth filter has no sign-in redirect'),
  externalAuthCache: no('Gateway API\'s ExternalAuth filter has no cache'),
  jwtAuth: no(GW_NO('JWT validation')),
  jwtClaimsToHeaders: no(GW_NO('JWT validation')),
  apiKeyAuth: no(GW_NO('API keys')),
  basicAuth: no(GW_NO('basic authentication')),
  externalAuthProvider: no(NO_PROVIDER("Gateway API's ExternalAuth filter", 'Controller.istio()')),
  timeoutDisabled: yes('rules[].timeouts `0s`: the spec turns the timeout off (or sets it to its longest value where it cannot be off)'),
  redirectStatusOnly: yes('RequestRedirect filter with only statusCode'),
  corsWildcardOrigin: no('the CORS filter\'s `*` is greedy to the left (one or more labels) and cannot stop at one; write `https://**.example.com` for one or more labels, or list the one-label origins'),
  corsAnyMethod: yes('CORS filter allowMethods: ["*"]'),
  corsAnyHeader: yes('CORS filter allowHeaders: ["*"]'),
  corsAnyExposedHeader: yes('CORS filter exposeHeaders: ["*"]'),
  // Retry timing and non-idempotent methods (issue #17).
  retryBackoff: experimental('rules[].retry.backoff (the minimum wait; growth and cap are the implementation\'s)'),
  retryMaxBackoff: no('Gateway API\'s retry backoff is a minimum; the cap is the implementation\'s'),
  retryWindow: no('Gateway API bounds retries only through the request timeout (Timeouts.request)'),
  retryNonIdempotent: no('Gateway API leaves retrying non-idempotent methods to the implementation'),
  rateLimitLongWindow: no(GW_NO('rate limits')),
  // The Redis store's connection settings (issue #17).
  rateLimitRedisTls: no(GW_NONE('rate limits')),
  rateLimitRedisDatabase: no(GW_NONE('rate limits')),
  rateLimitRedisTimeout: no(GW_NONE('rate limits')),
  // Requests in progress, without a rate (issue #17).
  concurrencyPerClientIp: no(GW_NONE('concurrency limits')),
  concurrencyPerHost: no(GW_NONE('concurrency limits')),
  concurrencyPerRoute: no(GW_NO('concurrency limits')),
  redirectUrl: no('RequestRedirect keeps the request\'s query string and cannot carry one in its path, so it cannot send exactly one fixed URL'),
  // External auth extras (issue #17).
  externalAuthRequestHeaders: no(GW_EXT_AUTH),
  externalAuthBody: no(GW_EXT_AUTH),
  externalAuthCa: no(GW_EXT_AUTH),
  externalAuthClientCertificate: no(GW_EXT_AUTH),
  // API keys (issue #17).
  apiKeyAnyConsumer: no(GW_NONE('API keys')),
  apiKeyInQuery: no(GW_NO('API keys')),
  apiKeyRemoved: no(GW_NO('API keys')),
  jwtConsumerKeys: no('Gateway API has no standard field for JWT validation, and keys held by consumers need Kong\'s consumers; use Controller.kong({ mode: KongMode.GATEWAY_API })'),
  basicAuthAnyConsumer: no('Gateway API has no standard field for basic authentication, and the credentials of any consumer need Kong\'s consumers; use Controller.kong({ mode: KongMode.GATEWAY_API })'),
  // CORS origin wildcard depth (issue #12).
  corsDeepWildcardOrigin: yes('CORS filter allowOrigins `https://*.example.com`: `*` is greedy to the left, one or more labels'),
  // The Redis store's CA and client certificate (issue #17).
  rateLimitRedisCa: no(GW_NO('rate limits')),
  rateLimitRedisClientCertificate: no(GW_NO('rate limits')),
};

const ENVOY_GATEWAY: Row = {
  ...GATEWAY_API,
  rateLimitPerClientIp: yes('BackendTrafficPolicy rateLimit.local, per Envoy replica'),
  rateLimitPerHeader: yes('BackendTrafficPolicy rateLimit, Distinct header selector'),
  rateLimitBurst: no('Envoy\'s local token bucket holds exactly one period\'s worth of requests'),
  rateLimitConnections: no('Envoy Gateway limits connections per listener, not per client'),
  rateLimitExemptCidrs: no('an Envoy Gateway rate-limit rule takes one source CIDR, so an exemption list cannot be expressed'),
  rateLimitRedis: no('Envoy Gateway\'s global limits use the store configured for the controller; use DistributedRateLimit.controllerStore()'),
  rateLimitControllerStore: yes('BackendTrafficPolicy rateLimit.global'),
  timeoutConnect: yes('BackendTrafficPolicy timeout.tcp.connectTimeout'),
  timeoutRead: no('Envoy has no timeout between two reads (only stream idle timeouts)'),
  timeoutSend: no('Envoy has no timeout between two writes'),
  bodySize: yes('BackendTrafficPolicy requestBuffer (the body is buffered)'),
  ipAllow: yes('SecurityPolicy authorization'),
  ipDeny: yes('SecurityPolicy authorization'),
  retries: yes('BackendTrafficPolicy retry'),
  retryStatusCodes: yes('BackendTrafficPolicy retry.retryOn.httpStatusCodes'),
  retryPerTryTimeout: yes('BackendTrafficPolicy retry.perRetry.timeout'),
  sessionAffinityCookie: yes('BackendTrafficPolicy loadBalancer consistentHash on a cookie'),
  backendWebsocket: native('upgrades are enabled by default'),
  externalAuth: yes('SecurityPolicy extAuth'),
  externalAuthResponseHeaders: yes('SecurityPolicy extAuth.http.headersToBackend'),
  jwtAuth: yes('SecurityPolicy jwt'),
  jwtClaimsToHeaders: yes('SecurityPolicy jwt claimToHeaders'),
  apiKeyAuth: yes('SecurityPolicy apiKeyAuth'),
  basicAuth: yes('SecurityPolicy basicAuth (SHA htpasswd only, key .htpasswd)'),
  externalAuthProvider: no(NO_PROVIDER("Envoy Gateway's SecurityPolicy extAuth", 'EdgeAuth.external()')),
  timeoutDisabled: yes('rules[].timeouts `0s`: Envoy\'s route timeout 0 is off'),
  // Retry timing and non-idempotent methods (issue #17).
  retryBackoff: yes('BackendTrafficPolicy retry.perRetry.backOff.baseInterval'),
  retryMaxBackoff: yes('BackendTrafficPolicy retry.perRetry.backOff.maxInterval'),
  retryWindow: no('Envoy Gateway has no retry window; bound the whole request with Timeouts.request'),
  retryNonIdempotent: native('Envoy retries every method alike: without this opt-in, retries on resets or status codes need a route matching only idempotent methods'),
  rateLimitLongWindow: yes('rateLimit limit.unit: Hour / Day'),
  // The Redis store's connection settings (issue #17).
  rateLimitRedisTls: no(EG_REDIS),
  rateLimitRedisDatabase: no(EG_REDIS),
  rateLimitRedisTimeout: no(EG_REDIS),
  // Requests in progress, without a rate (issue #17).
  concurrencyPerClientIp: no('Envoy Gateway\'s circuit breakers count per backend, not per client, and its connection limit (ClientTrafficPolicy connectionLimit) is per listener'),
  concurrencyPerHost: no('Envoy Gateway\'s circuit breakers count per backend of a route rule, not per requested host; use ConcurrencyLimit.perRoute()'),
  concurrencyPerRoute: yes('BackendTrafficPolicy circuitBreaker.maxParallelRequests'),
  redirectUrl: yes('HTTPRouteFilter directResponse by ExtensionRef: statusCode and header.set Location: <url> (replaces the Location Envoy writes on a 3xx direct response; path and query dropped), no body; the rule keeps its one backend, which receives nothing; a URL with % is refused (Envoy reads header values as format strings)'),
  // auditgw (issue #12): Envoy Gateway's own reasons where the portable ones were inherited.
  rateLimitPerConsumer: no('Envoy Gateway has no consumers; a BackendTrafficPolicy rate-limit rule selects clients by address, header, method, path or query parameter'),
  externalAuthSignin: no('Envoy Gateway\'s SecurityPolicy extAuth has no sign-in redirect: a denied check returns the auth service\'s own answer'),
  externalAuthCache: no('Envoy Gateway\'s SecurityPolicy extAuth has no cache: every request is checked'),
  // External auth extras (issue #17).
  externalAuthRequestHeaders: yes('SecurityPolicy extAuth.headersToExtAuth, which must name Authorization (Envoy always sends it to an HTTP auth service)'),
  externalAuthBody: yes('SecurityPolicy extAuth.bodyToExtAuth.maxRequestBytes (a larger request gets 413)'),
  externalAuthCa: yes('the auth Backend\'s tls.caCertificateRefs'),
  externalAuthClientCertificate: yes('the auth Backend\'s tls.clientCertificateRef'),
  // API keys (issue #17).
  apiKeyAnyConsumer: no('Envoy Gateway compares keys with the Secrets its SecurityPolicy names (apiKeyAuth.credentialRefs); it has no consumers'),
  apiKeyInQuery: yes('SecurityPolicy apiKeyAuth.extractFrom params (after the header)'),
  apiKeyRemoved: yes('SecurityPolicy apiKeyAuth.sanitize'),
  jwtConsumerKeys: no('Envoy Gateway verifies JWTs against a JWKS (remote or local), not keys held by consumers; use EdgeAuth.jwt()'),
  basicAuthAnyConsumer: no('Envoy Gateway checks basic auth against the htpasswd Secret its SecurityPolicy names (basicAuth.users); it has no consumers'),
  // The Redis store's CA and client certificate (issue #17).
  rateLimitRedisCa: no(EG_REDIS),
  rateLimitRedisClientCertificate: no(EG_REDIS),
};

const ISTIO: Row = {
  ...GATEWAY_API,
  rateLimitPerClientIp: no(NO_ENVOYFILTER),
  rateLimitPerHeader: no(NO_ENVOYFILTER),
  rateLimitPerConsumer: no('Istio has no consumers (and its rate limits need an EnvoyFilter, which this library never emits)'),
  rateLimitBurst: no(NO_ENVOYFILTER),
  rateLimitConnections: no(NO_ENVOYFILTER),
  rateLimitExemptCidrs: no(NO_ENVOYFILTER),
  rateLimitRedis: no(NO_ENVOYFILTER),
  rateLimitControllerStore: no(NO_ENVOYFILTER),
  bodySize: no(NO_ENVOYFILTER),
  ipAllow: yes('AuthorizationPolicy remoteIpBlocks'),
  ipDeny: yes('AuthorizationPolicy remoteIpBlocks'),
  retries: experimental(ISTIO_RETRY('attempts')),
  retryStatusCodes: experimental(ISTIO_RETRY('codes')),
  sessionAffinityCookie: no('Istio 1.30 does not convert rules[].sessionPersistence (istio/istio#55839); its cookie affinity is a DestinationRule consistentHash for the Service, which changes all mesh traffic to it'),
  backendWebsocket: native('upgrades are enabled by default'),
  externalAuth: no('Istio configures external authorization as a mesh-wide extension provider, not a per-route URL'),
  externalAuthResponseHeaders: no('Istio configures external authorization as a mesh-wide extension provider'),
  jwtAuth: yes('RequestAuthentication + AuthorizationPolicy requiring a principal'),
  jwtClaimsToHeaders: yes('RequestAuthentication outputClaimToHeaders'),
  apiKeyAuth: no('Istio\'s AuthorizationPolicy can only compare keys written into the policy itself'),
  externalAuthProvider: yes('AuthorizationPolicy action CUSTOM with provider.name, scoped to the route\'s requests'),
  timeoutDisabled: yes('rules[].timeouts `0s`: Istio\'s route timeout 0 is off'),
  // Retry timing and non-idempotent methods (issue #17).
  retryBackoff: experimental(ISTIO_RETRY('backoff')),
  retryMaxBackoff: no(ISTIO_NO_RETRY_FIELD('backoff cap (Envoy caps it at ten times the backoff)')),
  retryWindow: no(ISTIO_NO_RETRY_FIELD('retry window; bound retries with Timeouts.request')),
  retryNonIdempotent: no(ISTIO_NO_RETRY_FIELD('method condition; status-code retries need a route matching only idempotent methods')),
  rateLimitLongWindow: no(NO_ENVOYFILTER),
  // The Redis store's connection settings (issue #17).
  rateLimitRedisTls: no(NO_ENVOYFILTER),
  rateLimitRedisDatabase: no(NO_ENVOYFILTER),
  rateLimitRedisTimeout: no(NO_ENVOYFILTER),
  // Requests in progress, without a rate (issue #17).
  concurrencyPerClientIp: no(NO_ENVOYFILTER),
  concurrencyPerHost: no(NO_ENVOYFILTER),
  concurrencyPerRoute: no('Istio limits requests in progress only with a DestinationRule connectionPool (http2MaxRequests) for the Service, which limits all mesh traffic to it, not this route\'s'),
  redirectUrl: no('RequestRedirect keeps the request\'s query string and cannot carry one in its path, so it cannot send exactly one fixed URL'),
  // External auth extras (issue #17).
  externalAuthRequestHeaders: no(ISTIO_EXT_AUTH('meshConfig.extensionProviders[].envoyExtAuthzHttp.includeRequestHeadersInCheck')),
  externalAuthBody: no(ISTIO_EXT_AUTH('meshConfig.extensionProviders[].envoyExtAuthzHttp.includeRequestBodyInCheck')),
  externalAuthCa: no(ISTIO_EXT_AUTH('TLS to the provider comes from a DestinationRule for its service, which changes all mesh traffic to it')),
  externalAuthClientCertificate: no(ISTIO_EXT_AUTH('TLS to the provider comes from a DestinationRule for its service, which changes all mesh traffic to it')),
  // API keys (issue #17).
  apiKeyAnyConsumer: no('Istio\'s AuthorizationPolicy can only compare keys written into the policy itself'),
  apiKeyInQuery: no('Istio\'s AuthorizationPolicy can only compare keys written into the policy itself'),
  apiKeyRemoved: no('Istio\'s AuthorizationPolicy can only compare keys written into the policy itself'),
  jwtConsumerKeys: no('Istio verifies JWTs against a JWKS (RequestAuthentication jwksUri or jwks), not keys held by consumers; use EdgeAuth.jwt()'),
  basicAuthAnyConsumer: no('Istio has no basic authentication (AuthorizationPolicy matches principals, addresses and headers, it does not check passwords) and no consumers'),
  // auditgw (issue #12): Istio's own reasons where the portable ones were inherited.
  timeoutConnect: no('Istio sets connect timeouts only in a DestinationRule (trafficPolicy.connectionPool.tcp.connectTimeout) for the Service, which changes all mesh traffic to it'),
  timeoutRead: no('Envoy, which Istio programs, has no timeout between two reads (a VirtualService has a route timeout and a per-try timeout only)'),
  timeoutSend: no('Envoy, which Istio programs, has no timeout between two writes'),
  basicAuth: no('Istio has no basic authentication; an AuthorizationPolicy can only compare credentials written into the policy itself'),
  externalAuthSignin: no(ISTIO_EXT_AUTH('the provider\'s denial is returned to the client; there is no sign-in redirect')),
  externalAuthCache: no(ISTIO_EXT_AUTH('envoyExtAuthzHttp has no response cache')),
  // The Redis store's CA and client certificate (issue #17).
  rateLimitRedisCa: no(NO_ENVOYFILTER),
  rateLimitRedisClientCertificate: no(NO_ENVOYFILTER),
};

export const POLICIES: CapabilityArea<PolicyFeature> = {
  features: {
    rateLimitPerClientIp: { title: 'Rate limit per client IP', prop: 'rateLimit' },
    rateLimitPerHeader: { title: 'Rate limit per header value', prop: 'rateLimit' },
    rateLimitPerConsumer: { title: 'Rate limit per consumer', prop: 'rateLimit' },
    rateLimitBurst: { title: 'Rate limit burst', prop: 'rateLimit.burst' },
    rateLimitConnections: { title: 'Concurrent connections per client', prop: 'rateLimit.concurrentConnections' },
    rateLimitExemptCidrs: { title: 'Rate limit exempt CIDRs', prop: 'rateLimit.exemptCidrs' },
    rateLimitRedis: { title: 'Rate limit shared through Redis', prop: 'rateLimit.distributed' },
    rateLimitControllerStore: { title: "Rate limit shared through the controller's store", prop: 'rateLimit.distributed' },
    timeoutConnect: { title: 'Connect timeout', prop: 'timeouts.connect' },
    timeoutRead: { title: 'Read timeout', prop: 'timeouts.read' },
    timeoutSend: { title: 'Send timeout', prop: 'timeouts.send' },
    timeoutRequest: { title: 'Whole-request timeout', prop: 'timeouts.request' },
    timeoutBackendRequest: { title: 'Backend request timeout', prop: 'timeouts.backendRequest' },
    bodySize: { title: 'Request body size limit', prop: 'bodySize' },
    cors: { title: 'CORS', prop: 'cors' },
    requestHeaderSet: { title: 'Set request headers', prop: 'headerRules.request.set' },
    requestHeaderAdd: { title: 'Append request headers', prop: 'headerRules.request.add' },
    requestHeaderRemove: { title: 'Remove request headers', prop: 'headerRules.request.remove' },
    responseHeaderSet: { title: 'Set response headers', prop: 'headerRules.response.set' },
    responseHeaderAdd: { title: 'Append response headers', prop: 'headerRules.response.add' },
    responseHeaderRemove: { title: 'Remove response headers', prop: 'headerRules.response.remove' },
    redirectScheme: { title: 'Redirect to HTTPS / another scheme', prop: 'redirect' },
    redirectHost: { title: 'Redirect to another host', prop: 'redirect.host' },
    redirectPort: { title: 'Redirect to another port', prop: 'redirect.port' },
    redirectPath: { title: 'Redirect to another path', prop: 'redirect.path' },
    redirectPrefix: { title: 'Redirect replacing the matched prefix', prop: 'redirect.replacePrefix' },
    rewritePrefix: { title: 'Rewrite the matched prefix', prop: 'rewrite' },
    rewriteFullPath: { title: 'Rewrite the whole path', prop: 'rewrite' },
    rewriteHost: { title: 'Rewrite the Host header', prop: 'rewrite' },
    ipAllow: { title: 'IP allow list', prop: 'ipAccess' },
    ipDeny: { title: 'IP deny list', prop: 'ipAccess' },
    retries: { title: 'Retries', prop: 'retries' },
    retryStatusCodes: { title: 'Retry on status codes', prop: 'retries.statusCodes' },
    retryPerTryTimeout: { title: 'Per-attempt timeout', prop: 'retries.perTryTimeout' },
    sessionAffinityCookie: { title: 'Cookie session affinity', prop: 'sessionAffinity' },
    backendHttps: { title: 'HTTPS backend', prop: 'backendProtocol' },
    backendGrpc: { title: 'gRPC backend', prop: 'backendProtocol' },
    backendGrpcs: { title: 'gRPC over TLS backend', prop: 'backendProtocol' },
    backendH2c: { title: 'h2c backend', prop: 'backendProtocol' },
    backendWebsocket: { title: 'WebSocket backend', prop: 'backendProtocol' },
    externalAuth: { title: 'External authentication', prop: 'auth' },
    externalAuthResponseHeaders: { title: 'External auth response headers', prop: 'auth.responseHeaders' },
    externalAuthSignin: { title: 'External auth sign-in redirect', prop: 'auth.signinUrl' },
    externalAuthCache: { title: 'External auth cache', prop: 'auth.cache' },
    jwtAuth: { title: 'JWT validation', prop: 'auth' },
    jwtClaimsToHeaders: { title: 'JWT claims to headers', prop: 'auth.claimsToHeaders' },
    apiKeyAuth: { title: 'API key authentication', prop: 'auth' },
    basicAuth: { title: 'Basic authentication', prop: 'auth' },
    externalAuthProvider: { title: 'External authorization through a mesh extension provider', prop: 'auth' },
    timeoutDisabled: { title: 'Timeout turned off (0s)', prop: 'timeouts' },
    redirectStatusOnly: { title: 'Redirect to the same URL (status code only)', prop: 'redirect.statusCode' },
    corsWildcardOrigin: { title: 'CORS wildcard origin (`*.`: exactly one label)', prop: 'cors.origins' },
    corsAnyMethod: { title: 'CORS any method (`*`)', prop: 'cors.methods' },
    corsAnyHeader: { title: 'CORS any request header (`*`)', prop: 'cors.headers' },
    corsAnyExposedHeader: { title: 'CORS every response header exposed (`*`)', prop: 'cors.exposeHeaders' },
    retryBackoff: { title: 'Retry backoff', prop: 'retries.backoff' },
    retryMaxBackoff: { title: 'Retry backoff cap', prop: 'retries.maxBackoff' },
    retryWindow: { title: 'Retry window', prop: 'retries.window' },
    retryNonIdempotent: { title: 'Retry non-idempotent requests', prop: 'retries.nonIdempotent' },
    rateLimitLongWindow: { title: 'Rate limit per hour or day', prop: 'rateLimit.period' },
    rateLimitRedisTls: { title: 'Rate-limit Redis over TLS', prop: 'rateLimit.distributed.tls' },
    rateLimitRedisDatabase: { title: 'Rate-limit Redis database', prop: 'rateLimit.distributed.database' },
    rateLimitRedisTimeout: { title: 'Rate-limit Redis timeout', prop: 'rateLimit.distributed.timeout' },
    concurrencyPerClientIp: { title: 'Requests in progress per client IP', prop: 'concurrencyLimit' },
    concurrencyPerHost: { title: 'Requests in progress per host', prop: 'concurrencyLimit' },
    concurrencyPerRoute: { title: 'Requests in progress per route', prop: 'concurrencyLimit' },
    redirectUrl: { title: 'Redirect to a fixed URL (path and query dropped)', prop: 'redirect' },
    externalAuthRequestHeaders: { title: 'External auth: request headers sent to the auth service', prop: 'auth.requestHeaders' },
    externalAuthBody: { title: 'External auth: request body sent to the auth service', prop: 'auth.forwardBody' },
    externalAuthCa: { title: 'External auth: CA verifying the auth service', prop: 'auth.ca' },
    externalAuthClientCertificate: { title: 'External auth: client certificate for the auth call', prop: 'auth.clientCertificateSecret' },
    apiKeyAnyConsumer: { title: 'API keys of any consumer', prop: 'auth.anyConsumer' },
    apiKeyInQuery: { title: 'API key in a query parameter', prop: 'auth.queryParameter' },
    apiKeyRemoved: { title: 'API key removed before the backend', prop: 'auth.removeKey' },
    jwtConsumerKeys: { title: 'JWT verified with keys held by consumers', prop: 'auth' },
    basicAuthAnyConsumer: { title: 'Basic authentication of any consumer', prop: 'auth.anyConsumer' },
    corsDeepWildcardOrigin: { title: 'CORS any-depth wildcard origin (`**.`: one or more labels)', prop: 'cors.origins' },
    rateLimitRedisCa: { title: 'Rate-limit Redis CA', prop: 'rateLimit.distributed.ca' },
    rateLimitRedisClientCertificate: { title: 'Rate-limit Redis client certificate', prop: 'rateLimit.distributed.clientCertificateSecret' },
  },
  matrix: {
    'ingress-nginx': NGINX,
    'traefik': TRAEFIK,
    'traefik-ingress': TRAEFIK_INGRESS,
    'kong': KONG,
    'kong-gateway-api': KONG_GATEWAY_API,
    'gateway-api': GATEWAY_API,
    'envoy-gateway': ENVOY_GATEWAY,
    'istio': ISTIO,
  },
};
