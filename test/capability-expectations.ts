import { ControllerName, FeatureKind } from '../src/capabilities/features';

/**
 * What each supported capability cell renders: for every controller and feature, the fields
 * (`<Kind>/<name>` -> path -> value) by which the sample's output differs from its baseline's
 * (test/capability-samples.ts: the same program without the feature, or with another value of
 * it). Each field must hold exactly this value in the sample's output and another (or none) in
 * the baseline's, so dropping or changing the feature's rendering fails its cell.
 *
 * Reviewed by hand, field by field; it is not derived from src. `undefined` means the field is
 * absent (the feature removes it), `GONE` that the whole object is absent, `SAME` that the
 * controller does it natively: the output is identical to the baseline's. Object metadata
 * (apiVersion, kind, name, namespace) of an object the feature adds is implied by its key.
 */
/** An empty object is a value too where a CRD uses one as a flag (Envoy Gateway's `session.resumption.stateless: {}`). */
export type Fields = { readonly [path: string]: string | number | boolean | undefined | Readonly<Record<string, never>> };
export type CellExpectation = typeof SAME | { readonly [id: string]: Fields | typeof GONE };

export const SAME = 'same output as the baseline';
export const GONE = 'no such object';

type Table = { readonly [c in ControllerName]?: { readonly [f in FeatureKind]?: CellExpectation } };

/** issue #17: the forwardAuth extras, rendered alike on IngressRoute and Ingress output. */
const TRAEFIK_FORWARD_AUTH_EXTRAS: { readonly [f in FeatureKind]?: CellExpectation } = {
  externalAuthRequestHeaders: {
    'Middleware/gw-r-auth': {
      'spec.forwardAuth.authRequestHeaders[0]': 'authorization',
      'spec.forwardAuth.authRequestHeaders[1]': 'cookie',
    },
  },
  externalAuthBody: {
    'Middleware/gw-r-auth': {
      'spec.forwardAuth.forwardBody': true,
      'spec.forwardAuth.maxBodySize': 65536,
    },
  },
  externalAuthCa: {
    'Middleware/gw-r-auth': {
      'spec.forwardAuth.tls.caSecret': 'auth-ca',
    },
  },
  externalAuthClientCertificate: {
    'Middleware/gw-r-auth': {
      'spec.forwardAuth.tls.certSecret': 'auth-client-tls',
    },
  },
};

/** issues #12 / #17 (parity): CORS origin depth, the Redis CA and client certificate, strict SNI, alike on both Traefik outputs. */
const TRAEFIK_PARITY: { readonly [f in FeatureKind]?: CellExpectation } = {
  // issue #12 (parity): a `**.` origin, one or more labels (a `*.` origin is exactly one).
  corsDeepWildcardOrigin: {
    'Middleware/gw-r-cors': {
      'spec.headers.accessControlAllowOriginList[0]': undefined,
      'spec.headers.accessControlAllowOriginListRegex[0]': '^https://([a-z0-9-]+\\.)+example\\.com$',
    },
  },
  // issue #17 (parity): the Redis store's CA and client certificate.
  rateLimitRedisCa: {
    'Middleware/gw-r-ratelimit': {
      'spec.rateLimit.redis.tls.caSecret': 'redis-ca',
    },
  },
  rateLimitRedisClientCertificate: {
    'Middleware/gw-r-ratelimit': {
      'spec.rateLimit.redis.tls.certSecret': 'redis-client',
    },
  },
  // issue #17 (parity): strict SNI, the instance-wide TLSOption named default.
  strictSni: {
    'TLSOption/default': {
      'spec.sniStrict': true,
    },
  },
};

/** issue #17: the jwt plugin, its acl and the consumer of its Secret, alike in both Kong modes. */
const KONG_JWT_CONSUMER_OBJECTS = {
  'KongPlugin/gw-r-acl': {
    'config.allow[0]': 'edge/partner-jwt',
    'plugin': 'acl',
  },
  'KongPlugin/gw-r-jwt': {
    'config.claims_to_verify[0]': 'exp',
    'config.key_claim_name': 'iss',
    'plugin': 'jwt',
  },
  'KongConsumer/partner-jwt-consumer': {
    "metadata.annotations['kubernetes.io/ingress.class']": 'kong',
    'credentials[0]': 'partner-jwt',
    'credentials[1]': 'partner-jwt-consumer-acl',
    'username': 'edge/partner-jwt',
  },
  'Secret/partner-jwt-consumer-acl': {
    "metadata.labels['konghq.com/credential']": 'acl',
    'stringData.group': 'edge/partner-jwt',
  },
};

/** Cells supported on the standard channel (every controller's default). */
/** Issue #17: RouteProtocols.HTTP_ONLY on the portable, Envoy Gateway and Istio columns: the HTTP listener only. */
const GATEWAY_HTTP_ONLY: { readonly [f in FeatureKind]?: CellExpectation } = {
  httpOnlyRoute: {
    'HTTPRoute/gw-r': {
      'spec.parentRefs[0].sectionName': 'http',
    },
  },
};

/** Issue #12: HttpListeners.PER_HOST on every Gateway API column: the host's own HTTP listener, the route attached to it. */
const GATEWAY_PER_HOST: { readonly [f in FeatureKind]?: CellExpectation } = {
  hostnamedHttpListeners: {
    'Gateway/gw': {
      'spec.listeners[0].hostname': 'a.example.com',
      'spec.listeners[0].name': 'http-a-example-com',
    },
    'HTTPRoute/gw-r': {
      'spec.parentRefs[0].sectionName': 'http-a-example-com',
    },
  },
};

export const SUPPORTED: Table = {
  'ingress-nginx': {
    hostRouting: {
      'Ingress/gw-r': {
        'spec.rules[0].host': 'a.example.com',
      },
    },
    wildcardHost: {
      'Ingress/gw-r': {
        'spec.rules[0].host': '*.example.com',
      },
    },
    exactPath: {
      'Ingress/gw-r': {
        'spec.rules[0].http.paths[0].pathType': 'Exact',
      },
    },
    prefixPath: {
      'Ingress/gw-r': {
        'spec.rules[0].http.paths[0].pathType': 'Prefix',
      },
    },
    regexPath: {
      'Ingress/gw-r': {
        "metadata.annotations['nginx.ingress.kubernetes.io/use-regex']": 'true',
        'spec.rules[0].http.paths[0].path': '/items/[0-9]+$',
        'spec.rules[0].http.paths[0].pathType': 'ImplementationSpecific',
      },
    },
    defaultBackend: {
      'Ingress/gw-default-backend': {
        'spec.defaultBackend.service.name': 'fallback',
        'spec.defaultBackend.service.port.number': 80,
        'spec.ingressClassName': 'nginx',
      },
    },
    tlsTermination: {
      'Ingress/gw-r': {
        "metadata.annotations['nginx.ingress.kubernetes.io/ssl-redirect']": 'true',
        'spec.tls[0].hosts[0]': 'a.example.com',
        'spec.tls[0].secretName': 'a-cert',
      },
    },
    automaticCertificate: {
      'Ingress/gw-r': {
        'spec.tls[0].secretName': 'gw-tls-cert',
      },
      'Certificate/gw-tls-cert': {
        'spec.dnsNames[0]': 'a.example.com',
        'spec.issuerRef.group': 'cert-manager.io',
        'spec.issuerRef.kind': 'ClusterIssuer',
        'spec.issuerRef.name': 'selfsigned',
        'spec.secretName': 'gw-tls-cert',
      },
    },
    tlsPassthrough: {
      'Ingress/gw-tls': {
        "metadata.annotations['nginx.ingress.kubernetes.io/ssl-passthrough']": 'true',
        'spec.ingressClassName': 'nginx',
        'spec.rules[0].host': 'db.example.com',
        'spec.rules[0].http.paths[0].backend.service.name': 'db',
        'spec.rules[0].http.paths[0].backend.service.port.number': 5432,
        'spec.rules[0].http.paths[0].path': '/',
        'spec.rules[0].http.paths[0].pathType': 'Prefix',
      },
    },
    httpsRedirect: {
      'Ingress/gw-r': {
        "metadata.annotations['nginx.ingress.kubernetes.io/ssl-redirect']": 'true',
      },
    },
    plainHttpOnTlsHost: {
      'Ingress/gw-r': {
        "metadata.annotations['nginx.ingress.kubernetes.io/ssl-redirect']": 'false',
      },
    },
    tlsCipherSuites: {
      'Ingress/gw-r': {
        "metadata.annotations['nginx.ingress.kubernetes.io/ssl-ciphers']": 'ECDHE-RSA-AES128-GCM-SHA256:ECDHE-RSA-AES256-GCM-SHA384',
      },
    },
    clientCertificateAuth: {
      'Ingress/gw-r': {
        "metadata.annotations['nginx.ingress.kubernetes.io/auth-tls-secret']": 'edge/partner-ca',
        "metadata.annotations['nginx.ingress.kubernetes.io/auth-tls-verify-client']": 'on',
      },
    },
    optionalClientCertificate: {
      'Ingress/gw-r': {
        "metadata.annotations['nginx.ingress.kubernetes.io/auth-tls-verify-client']": 'optional',
      },
    },
    backendTls: {
      'Ingress/gw-r': {
        "metadata.annotations['nginx.ingress.kubernetes.io/backend-protocol']": 'HTTPS',
        "metadata.annotations['nginx.ingress.kubernetes.io/proxy-ssl-name']": 'svc.internal',
        "metadata.annotations['nginx.ingress.kubernetes.io/proxy-ssl-secret']": 'edge/partner-ca',
        "metadata.annotations['nginx.ingress.kubernetes.io/proxy-ssl-server-name']": 'on',
        "metadata.annotations['nginx.ingress.kubernetes.io/proxy-ssl-verify']": 'on',
      },
    },
    backendTlsInsecure: {
      'Ingress/gw-r': {
        "metadata.annotations['nginx.ingress.kubernetes.io/backend-protocol']": 'HTTPS',
        "metadata.annotations['nginx.ingress.kubernetes.io/proxy-ssl-verify']": 'off',
      },
    },
    rateLimitPerClientIp: {
      'Ingress/gw-r': {
        "metadata.annotations['nginx.ingress.kubernetes.io/limit-burst-multiplier']": '1',
        "metadata.annotations['nginx.ingress.kubernetes.io/limit-rps']": '10',
      },
    },
    rateLimitBurst: {
      'Ingress/gw-r': {
        "metadata.annotations['nginx.ingress.kubernetes.io/limit-burst-multiplier']": '5',
      },
    },
    rateLimitConnections: {
      'Ingress/gw-r': {
        "metadata.annotations['nginx.ingress.kubernetes.io/limit-connections']": '5',
      },
    },
    rateLimitExemptCidrs: {
      'Ingress/gw-r': {
        "metadata.annotations['nginx.ingress.kubernetes.io/limit-allowlist']": '10.0.0.0/8',
      },
    },
    timeoutConnect: {
      'Ingress/gw-r': {
        "metadata.annotations['nginx.ingress.kubernetes.io/proxy-connect-timeout']": '10',
      },
    },
    timeoutRead: {
      'Ingress/gw-r': {
        "metadata.annotations['nginx.ingress.kubernetes.io/proxy-read-timeout']": '120',
      },
    },
    timeoutSend: {
      'Ingress/gw-r': {
        "metadata.annotations['nginx.ingress.kubernetes.io/proxy-send-timeout']": '120',
      },
    },
    bodySize: {
      'Ingress/gw-r': {
        "metadata.annotations['nginx.ingress.kubernetes.io/proxy-body-size']": '50m',
      },
    },
    cors: {
      'Ingress/gw-r': {
        "metadata.annotations['nginx.ingress.kubernetes.io/cors-allow-credentials']": 'false',
        "metadata.annotations['nginx.ingress.kubernetes.io/cors-allow-headers']": 'Origin',
        "metadata.annotations['nginx.ingress.kubernetes.io/cors-allow-methods']": 'GET, POST',
        "metadata.annotations['nginx.ingress.kubernetes.io/cors-allow-origin']": 'https://web.example.com',
        "metadata.annotations['nginx.ingress.kubernetes.io/cors-max-age']": '600',
        "metadata.annotations['nginx.ingress.kubernetes.io/enable-cors']": 'true',
      },
    },
    redirectScheme: {
      'Ingress/gw-r': {
        "metadata.annotations['nginx.ingress.kubernetes.io/force-ssl-redirect']": 'true',
        "metadata.annotations['nginx.ingress.kubernetes.io/ssl-redirect']": undefined,
      },
    },
    rewritePrefix: {
      'Ingress/gw-r': {
        "metadata.annotations['nginx.ingress.kubernetes.io/rewrite-target']": '/$2',
        "metadata.annotations['nginx.ingress.kubernetes.io/use-regex']": 'true',
        'spec.rules[0].http.paths[0].path': '/(?-i)api(/|$)(.*)',
        'spec.rules[0].http.paths[0].pathType': 'ImplementationSpecific',
      },
    },
    rewriteFullPath: {
      'Ingress/gw-r': {
        "metadata.annotations['nginx.ingress.kubernetes.io/rewrite-target']": '/healthz',
        "metadata.annotations['nginx.ingress.kubernetes.io/use-regex']": 'true',
        'spec.rules[0].http.paths[0].path': '/(?-i)status$',
        'spec.rules[0].http.paths[0].pathType': 'ImplementationSpecific',
      },
    },
    rewriteHost: {
      'Ingress/gw-r': {
        "metadata.annotations['nginx.ingress.kubernetes.io/upstream-vhost']": 'internal.example.com',
      },
    },
    ipAllow: {
      'Ingress/gw-r': {
        "metadata.annotations['nginx.ingress.kubernetes.io/allowlist-source-range']": '10.0.0.0/8,192.168.1.10/32',
      },
    },
    ipDeny: {
      'Ingress/gw-r': {
        "metadata.annotations['nginx.ingress.kubernetes.io/denylist-source-range']": '203.0.113.0/24',
      },
    },
    retries: {
      'Ingress/gw-r': {
        "metadata.annotations['nginx.ingress.kubernetes.io/proxy-next-upstream']": 'error timeout',
        "metadata.annotations['nginx.ingress.kubernetes.io/proxy-next-upstream-tries']": '3',
      },
    },
    retryStatusCodes: {
      'Ingress/gw-r': {
        "metadata.annotations['nginx.ingress.kubernetes.io/proxy-next-upstream']": 'http_503',
      },
    },
    retryWindow: {
      'Ingress/gw-r': {
        "metadata.annotations['nginx.ingress.kubernetes.io/proxy-next-upstream-timeout']": '10',
      },
    },
    retryNonIdempotent: {
      'Ingress/gw-r': {
        "metadata.annotations['nginx.ingress.kubernetes.io/proxy-next-upstream']": 'error timeout non_idempotent',
      },
    },
    sessionAffinityCookie: {
      'Ingress/gw-r': {
        "metadata.annotations['nginx.ingress.kubernetes.io/affinity']": 'cookie',
        "metadata.annotations['nginx.ingress.kubernetes.io/session-cookie-max-age']": '3600',
        "metadata.annotations['nginx.ingress.kubernetes.io/session-cookie-name']": 'route',
        "metadata.annotations['nginx.ingress.kubernetes.io/session-cookie-path']": '/',
        "metadata.annotations['nginx.ingress.kubernetes.io/session-cookie-secure']": 'true',
      },
    },
    backendHttps: {
      'Ingress/gw-r': {
        "metadata.annotations['nginx.ingress.kubernetes.io/backend-protocol']": 'HTTPS',
      },
    },
    backendGrpc: {
      'Ingress/gw-r': {
        "metadata.annotations['nginx.ingress.kubernetes.io/backend-protocol']": 'GRPC',
      },
    },
    backendGrpcs: {
      'Ingress/gw-r': {
        "metadata.annotations['nginx.ingress.kubernetes.io/backend-protocol']": 'GRPCS',
      },
    },
    backendWebsocket: SAME,
    externalAuth: {
      'Ingress/gw-r': {
        "metadata.annotations['nginx.ingress.kubernetes.io/auth-url']": 'http://auth.auth.svc.cluster.local/verify',
      },
    },
    externalAuthResponseHeaders: {
      'Ingress/gw-r': {
        "metadata.annotations['nginx.ingress.kubernetes.io/auth-response-headers']": 'X-User-ID',
      },
    },
    externalAuthSignin: {
      'Ingress/gw-r': {
        "metadata.annotations['nginx.ingress.kubernetes.io/auth-signin']": 'https://auth.example.com/start',
      },
    },
    externalAuthCache: {
      'Ingress/gw-r': {
        "metadata.annotations['nginx.ingress.kubernetes.io/auth-cache-duration']": '200 201 202 203 204 5m',
        "metadata.annotations['nginx.ingress.kubernetes.io/auth-cache-key']": '$remote_addr$request_method$host$request_uri$http_authorization$http_cookie',
      },
    },
    basicAuth: {
      'Ingress/gw-r': {
        "metadata.annotations['nginx.ingress.kubernetes.io/auth-realm']": 'edge',
        "metadata.annotations['nginx.ingress.kubernetes.io/auth-secret']": 'basic-users',
        "metadata.annotations['nginx.ingress.kubernetes.io/auth-secret-type']": 'auth-file',
        "metadata.annotations['nginx.ingress.kubernetes.io/auth-type']": 'basic',
      },
    },
    canaryWeight: {
      'Ingress/gw-canary': {
        "metadata.annotations['nginx.ingress.kubernetes.io/canary']": 'true',
        "metadata.annotations['nginx.ingress.kubernetes.io/canary-weight']": '10',
        "metadata.annotations['nginx.ingress.kubernetes.io/canary-weight-total']": '100',
        'spec.ingressClassName': 'nginx',
        'spec.rules[0].host': 'api.example.com',
        'spec.rules[0].http.paths[0].backend.service.name': 'api-v2',
        'spec.rules[0].http.paths[0].backend.service.port.number': 80,
        'spec.rules[0].http.paths[0].path': '/v1',
        'spec.rules[0].http.paths[0].pathType': 'Prefix',
      },
    },
    canaryHeader: {
      'Ingress/gw-canary': {
        "metadata.annotations['nginx.ingress.kubernetes.io/canary']": 'true',
        "metadata.annotations['nginx.ingress.kubernetes.io/canary-by-header']": 'x-canary',
        "metadata.annotations['nginx.ingress.kubernetes.io/canary-by-header-value']": 'always',
        'spec.ingressClassName': 'nginx',
        'spec.rules[0].host': 'api.example.com',
        'spec.rules[0].http.paths[0].backend.service.name': 'api-v2',
        'spec.rules[0].http.paths[0].backend.service.port.number': 80,
        'spec.rules[0].http.paths[0].path': '/v1',
        'spec.rules[0].http.paths[0].pathType': 'Prefix',
      },
    },
    canaryHeaderPresence: {
      'Ingress/gw-canary': {
        "metadata.annotations['nginx.ingress.kubernetes.io/canary']": 'true',
        "metadata.annotations['nginx.ingress.kubernetes.io/canary-by-header']": 'x-beta',
        "metadata.annotations['nginx.ingress.kubernetes.io/canary-by-header-pattern']": '.*',
        'spec.ingressClassName': 'nginx',
        'spec.rules[0].host': 'api.example.com',
        'spec.rules[0].http.paths[0].backend.service.name': 'api-v2',
        'spec.rules[0].http.paths[0].backend.service.port.number': 80,
        'spec.rules[0].http.paths[0].path': '/v1',
        'spec.rules[0].http.paths[0].pathType': 'Prefix',
      },
    },
    canaryCookie: {
      'Ingress/gw-canary': {
        "metadata.annotations['nginx.ingress.kubernetes.io/canary']": 'true',
        "metadata.annotations['nginx.ingress.kubernetes.io/canary-by-cookie']": 'canary',
        'spec.ingressClassName': 'nginx',
        'spec.rules[0].host': 'api.example.com',
        'spec.rules[0].http.paths[0].backend.service.name': 'api-v2',
        'spec.rules[0].http.paths[0].backend.service.port.number': 80,
        'spec.rules[0].http.paths[0].path': '/v1',
        'spec.rules[0].http.paths[0].pathType': 'Prefix',
      },
    },
    corsAnyExposedHeader: {
      'Ingress/gw-r': {
        "metadata.annotations['nginx.ingress.kubernetes.io/cors-expose-headers']": '*',
      },
    },
    multipleBackends: {
      'Ingress/gw-r-split': {
        "metadata.annotations['nginx.ingress.kubernetes.io/canary']": 'true',
        "metadata.annotations['nginx.ingress.kubernetes.io/canary-weight']": '1',
        "metadata.annotations['nginx.ingress.kubernetes.io/canary-weight-total']": '2',
        'spec.ingressClassName': 'nginx',
        'spec.rules[0].http.paths[0].backend.service.name': 'b',
        'spec.rules[0].http.paths[0].backend.service.port.number': 80,
        'spec.rules[0].http.paths[0].path': '/',
        'spec.rules[0].http.paths[0].pathType': 'Prefix',
      },
    },
    weightedBackends: {
      'Ingress/gw-r-split': {
        "metadata.annotations['nginx.ingress.kubernetes.io/canary-weight-total']": '4',
      },
    },
    backendTlsClientCertificate: {
      'Ingress/gw-r': {
        "metadata.annotations['nginx.ingress.kubernetes.io/proxy-ssl-secret']": 'edge/gw-client',
      },
    },
    // Requests in progress, without a rate (issue #17).
    concurrencyPerClientIp: {
      'Ingress/gw-r': {
        "metadata.annotations['nginx.ingress.kubernetes.io/limit-connections']": '10',
      },
    },
    redirectUrl: {
      'Ingress/gw-r': {
        "metadata.annotations['nginx.ingress.kubernetes.io/permanent-redirect']": 'https://www.example.com/moved?from=a',
        "metadata.annotations['nginx.ingress.kubernetes.io/permanent-redirect-code']": '302',
      },
    },
    // Issue #12: HttpListeners.PER_HOST: no listeners here (rules are per host already).
    hostnamedHttpListeners: SAME,
    // issue #12 (parity): a `*.` origin is exactly one label, as nginx matches it.
    corsWildcardOrigin: {
      'Ingress/gw-r': {
        "metadata.annotations['nginx.ingress.kubernetes.io/cors-allow-origin']": 'https://*.example.com',
      },
    },
  },
  'traefik': {
    hostRouting: {
      'IngressRoute/gw-r': {
        'spec.routes[0].match': 'Host(`a.example.com`) && PathPrefix(`/`)',
        'spec.routes[0].priority': 24001000,
      },
    },
    wildcardHost: {
      'IngressRoute/gw-r': {
        'spec.routes[0].match': 'Host(`*.example.com`) && PathPrefix(`/`)',
        'spec.routes[0].priority': 16501000,
      },
    },
    exactPath: {
      'IngressRoute/gw-r': {
        'spec.routes[0].match': 'Path(`/healthz`)',
        'spec.routes[0].priority': 6008000,
      },
    },
    prefixPath: {
      'IngressRoute/gw-r': {
        'spec.routes[0].match': '(Path(`/api`) || PathPrefix(`/api/`))',
        'spec.routes[0].priority': 4004000,
      },
    },
    regexPath: {
      'IngressRoute/gw-r': {
        'spec.routes[0].match': 'Host(`a.example.com`) && PathRegexp(`^/items/[0-9]+$`)',
        'spec.routes[0].priority': 22013000,
      },
    },
    headerMatch: {
      'IngressRoute/gw-r': {
        'spec.routes[0].match': 'PathPrefix(`/`) && Header(`x-tenant`, `blue`)',
        'spec.routes[0].priority': 4001020,
      },
    },
    headerRegexMatch: {
      'IngressRoute/gw-r': {
        'spec.routes[0].match': 'PathPrefix(`/`) && HeaderRegexp(`x-tenant`, `^blue-[a-z]+$`)',
        'spec.routes[0].priority': 4001020,
      },
    },
    queryParamMatch: {
      'IngressRoute/gw-r': {
        'spec.routes[0].match': 'PathPrefix(`/`) && Query(`debug`, `1`)',
        'spec.routes[0].priority': 4001001,
      },
    },
    methodMatch: {
      'IngressRoute/gw-r': {
        'spec.routes[0].match': 'PathPrefix(`/`) && Method(`POST`)',
        'spec.routes[0].priority': 4001400,
      },
    },
    multipleBackends: {
      'IngressRoute/gw-r': {
        'spec.routes[0].services[1].name': 'b',
        'spec.routes[0].services[1].port': 80,
      },
    },
    defaultBackend: {
      'IngressRoute/gw-default-backend': {
        'spec.entryPoints[0]': 'web',
        'spec.routes[0].kind': 'Rule',
        'spec.routes[0].match': 'PathPrefix(`/`)',
        'spec.routes[0].priority': 1,
        'spec.routes[0].services[0].name': 'fallback',
        'spec.routes[0].services[0].port': 80,
      },
    },
    tlsTermination: {
      'IngressRoute/gw-r': {
        'spec.entryPoints[0]': 'websecure',
        'spec.tls.secretName': 'a-cert',
      },
      'Middleware/gw-tls-https-redirect': {
        'spec.redirectScheme.permanent': true,
        'spec.redirectScheme.scheme': 'https',
      },
      'IngressRoute/gw-tls-https-redirect': {
        'spec.entryPoints[0]': 'web',
        'spec.routes[0].kind': 'Rule',
        'spec.routes[0].match': 'Host(`a.example.com`)',
        'spec.routes[0].middlewares[0].name': 'gw-tls-https-redirect',
        'spec.routes[0].priority': 20000001,
        'spec.routes[0].services[0].kind': 'TraefikService',
        'spec.routes[0].services[0].name': 'noop@internal',
      },
    },
    automaticCertificate: {
      'IngressRoute/gw-r': {
        'spec.tls.secretName': 'gw-tls-cert',
      },
      'Certificate/gw-tls-cert': {
        'spec.dnsNames[0]': 'a.example.com',
        'spec.issuerRef.group': 'cert-manager.io',
        'spec.issuerRef.kind': 'ClusterIssuer',
        'spec.issuerRef.name': 'selfsigned',
        'spec.secretName': 'gw-tls-cert',
      },
    },
    tlsPassthrough: {
      'IngressRouteTCP/gw-tls': {
        'spec.entryPoints[0]': 'websecure',
        'spec.routes[0].match': 'HostSNI(`db.example.com`)',
        'spec.routes[0].services[0].name': 'db',
        'spec.routes[0].services[0].port': 5432,
        'spec.tls.passthrough': true,
      },
    },
    httpsRedirect: {
      'IngressRoute/gw-r': {
        'spec.entryPoints[0]': 'websecure',
        'spec.tls.secretName': 'a-cert',
      },
      'Middleware/gw-tls-https-redirect': {
        'spec.redirectScheme.permanent': true,
        'spec.redirectScheme.scheme': 'https',
      },
      'IngressRoute/gw-tls-https-redirect': {
        'spec.entryPoints[0]': 'web',
        'spec.routes[0].kind': 'Rule',
        'spec.routes[0].match': 'Host(`a.example.com`)',
        'spec.routes[0].middlewares[0].name': 'gw-tls-https-redirect',
        'spec.routes[0].priority': 20000001,
        'spec.routes[0].services[0].kind': 'TraefikService',
        'spec.routes[0].services[0].name': 'noop@internal',
      },
    },
    hsts: {
      'IngressRoute/gw-r': {
        'spec.routes[0].middlewares[0].name': 'gw-tls-hsts',
      },
      'Middleware/gw-tls-hsts': {
        'spec.headers.stsSeconds': 31536000,
      },
    },
    tlsCipherSuites: {
      'IngressRoute/gw-r': {
        'spec.tls.options.name': 'gw-tls',
      },
      'TLSOption/gw-tls': {
        'spec.cipherSuites[0]': 'TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256',
        'spec.cipherSuites[1]': 'TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384',
      },
    },
    minTlsVersion: {
      'IngressRoute/gw-r': {
        'spec.tls.options.name': 'gw-tls',
      },
      'TLSOption/gw-tls': {
        'spec.minVersion': 'VersionTLS13',
      },
    },
    clientCertificateSeveralCas: {
      'TLSOption/gw-tls': {
        'spec.clientAuth.secretNames[1]': 'rotated-ca',
      },
    },
    clientCertificateAuth: {
      'IngressRoute/gw-r': {
        'spec.tls.options.name': 'gw-tls',
      },
      'TLSOption/gw-tls': {
        'spec.clientAuth.clientAuthType': 'RequireAndVerifyClientCert',
        'spec.clientAuth.secretNames[0]': 'partner-ca',
      },
    },
    optionalClientCertificate: {
      'TLSOption/gw-tls': {
        'spec.clientAuth.clientAuthType': 'VerifyClientCertIfGiven',
      },
    },
    backendTls: {
      'IngressRoute/gw-r': {
        'spec.routes[0].services[0].scheme': 'https',
        'spec.routes[0].services[0].serversTransport': 'gw-r-svc-8443-transport',
      },
      'ServersTransport/gw-r-svc-8443-transport': {
        'spec.rootCAs[0].secret': 'partner-ca',
        'spec.serverName': 'svc.internal',
      },
    },
    backendTlsSystemCa: {
      'IngressRoute/gw-r': {
        'spec.routes[0].services[0].scheme': 'https',
        'spec.routes[0].services[0].serversTransport': 'gw-r-svc-8443-transport',
      },
      'ServersTransport/gw-r-svc-8443-transport': {
        'spec.serverName': 'svc.example.com',
      },
    },
    backendTlsInsecure: {
      'IngressRoute/gw-r': {
        'spec.routes[0].services[0].scheme': 'https',
        'spec.routes[0].services[0].serversTransport': 'gw-r-svc-8443-transport',
      },
      'ServersTransport/gw-r-svc-8443-transport': {
        'spec.insecureSkipVerify': true,
      },
    },
    backendTlsInsecureServerName: {
      'ServersTransport/gw-r-svc-8443-transport': {
        'spec.serverName': 'svc.internal',
      },
    },
    rateLimitPerClientIp: {
      'Middleware/gw-r-ratelimit': {
        'spec.rateLimit.average': 10,
        'spec.rateLimit.burst': 10,
        'spec.rateLimit.period': '1s',
        'spec.rateLimit.sourceCriterion.ipStrategy.depth': 0,
      },
      'IngressRoute/gw-r': {
        'spec.routes[0].middlewares[0].name': 'gw-r-ratelimit',
      },
    },
    rateLimitPerHeader: {
      'Middleware/gw-r-ratelimit': {
        'spec.rateLimit.average': 100,
        'spec.rateLimit.period': '1s',
        'spec.rateLimit.sourceCriterion.requestHeaderName': 'x-api-key',
      },
      'IngressRoute/gw-r': {
        'spec.routes[0].middlewares[0].name': 'gw-r-ratelimit',
      },
    },
    rateLimitBurst: {
      'Middleware/gw-r-ratelimit': {
        'spec.rateLimit.burst': 50,
      },
    },
    rateLimitRedis: {
      'Middleware/gw-r-ratelimit': {
        'spec.rateLimit.redis.endpoints[0]': 'redis.infra.svc.cluster.local:6379',
      },
    },
    timeoutConnect: {
      'ServersTransport/gw-r-transport': {
        'spec.forwardingTimeouts.dialTimeout': '10s',
      },
      'IngressRoute/gw-r': {
        'spec.routes[0].services[0].serversTransport': 'gw-r-transport',
      },
    },
    bodySize: {
      'Middleware/gw-r-buffering': {
        'spec.buffering.maxRequestBodyBytes': 52428800,
      },
      'IngressRoute/gw-r': {
        'spec.routes[0].middlewares[0].name': 'gw-r-buffering',
      },
    },
    cors: {
      'Middleware/gw-r-cors': {
        'spec.headers.accessControlAllowMethods[0]': 'GET',
        'spec.headers.accessControlAllowMethods[1]': 'POST',
        'spec.headers.accessControlAllowOriginList[0]': 'https://web.example.com',
        'spec.headers.accessControlMaxAge': 600,
        'spec.headers.addVaryHeader': true,
      },
      'IngressRoute/gw-r': {
        'spec.routes[0].middlewares[0].name': 'gw-r-cors',
      },
    },
    requestHeaderSet: {
      'Middleware/gw-r-headers': {
        'spec.headers.customRequestHeaders.x-env': 'prod',
      },
      'IngressRoute/gw-r': {
        'spec.routes[0].middlewares[0].name': 'gw-r-headers',
      },
    },
    requestHeaderRemove: {
      'Middleware/gw-r-headers': {
        'spec.headers.customRequestHeaders.x-internal': '',
      },
      'IngressRoute/gw-r': {
        'spec.routes[0].middlewares[0].name': 'gw-r-headers',
      },
    },
    responseHeaderSet: {
      'Middleware/gw-r-headers': {
        'spec.headers.customResponseHeaders.x-frame-options': 'DENY',
      },
      'IngressRoute/gw-r': {
        'spec.routes[0].middlewares[0].name': 'gw-r-headers',
      },
    },
    responseHeaderRemove: {
      'Middleware/gw-r-headers': {
        'spec.headers.customResponseHeaders.server': '',
      },
      'IngressRoute/gw-r': {
        'spec.routes[0].middlewares[0].name': 'gw-r-headers',
      },
    },
    redirectScheme: {
      'Middleware/gw-r-redirect': {
        'spec.redirectScheme.permanent': true,
        'spec.redirectScheme.scheme': 'https',
      },
      'IngressRoute/gw-r-http': {
        'spec.entryPoints[0]': 'web',
        'spec.routes[0].kind': 'Rule',
        'spec.routes[0].match': 'Host(`a.example.com`) && PathPrefix(`/`)',
        'spec.routes[0].middlewares[0].name': 'gw-r-redirect',
        'spec.routes[0].priority': 24001000,
        'spec.routes[0].services[0].name': 'svc',
        'spec.routes[0].services[0].port': 80,
      },
      'IngressRoute/gw-tls-https-redirect': {
        'spec.routes[0].kind': undefined,
        'spec.routes[0].match': undefined,
        'spec.routes[0].middlewares[0].name': undefined,
        'spec.routes[0].priority': undefined,
        'spec.routes[0].services[0].kind': undefined,
        'spec.routes[0].services[0].name': undefined,
      },
    },
    redirectHost: {
      'Middleware/gw-r-redirect': {
        'spec.redirectRegex.replacement': '${1}://www.example.com${4}${5}',
      },
    },
    redirectPort: {
      'Middleware/gw-r-redirect': {
        'spec.redirectRegex.replacement': '${1}://${2}:8443${4}${5}',
      },
    },
    redirectPath: {
      'Middleware/gw-r-redirect': {
        'spec.redirectRegex.replacement': '${1}://${2}/moved${4}',
      },
    },
    redirectPrefix: {
      'Middleware/gw-r-redirect': {
        'spec.redirectRegex.replacement': '${1}://${2}/new${4}${5}',
      },
    },
    rewritePrefix: {
      'Middleware/gw-r-rewrite-path': {
        'spec.replacePathRegex.regex': '^(/)api(?:/(.*))?$',
        'spec.replacePathRegex.replacement': '${1}${2}',
      },
      'IngressRoute/gw-r': {
        'spec.routes[0].middlewares[0].name': 'gw-r-rewrite-path',
      },
    },
    rewriteFullPath: {
      'Middleware/gw-r-rewrite-path': {
        'spec.replacePath.path': '/healthz',
      },
      'IngressRoute/gw-r': {
        'spec.routes[0].middlewares[0].name': 'gw-r-rewrite-path',
      },
    },
    rewriteHost: {
      'Middleware/gw-r-rewrite-host': {
        'spec.headers.customRequestHeaders.Host': 'internal.example.com',
      },
      'IngressRoute/gw-r': {
        'spec.routes[0].middlewares[0].name': 'gw-r-rewrite-host',
      },
    },
    ipAllow: {
      'Middleware/gw-r-ipallowlist': {
        'spec.ipAllowList.ipStrategy.depth': 0,
        'spec.ipAllowList.sourceRange[0]': '10.0.0.0/8',
        'spec.ipAllowList.sourceRange[1]': '192.168.1.10/32',
      },
      'IngressRoute/gw-r': {
        'spec.routes[0].middlewares[0].name': 'gw-r-ipallowlist',
      },
    },
    ipDeny: {
      'Middleware/gw-r-ipdeny': {
        'spec.ipAllowList.ipStrategy.depth': 0,
        'spec.ipAllowList.rejectStatusCode': 403,
        'spec.ipAllowList.sourceRange[0]': '0.0.0.0/32',
        'spec.ipAllowList.sourceRange[1]': '::/128',
      },
      'IngressRoute/gw-r': {
        'spec.routes[0].match': 'Host(`a.example.com`) && PathPrefix(`/`) && !ClientIP(`203.0.113.0/24`)',
        'spec.routes[1].kind': 'Rule',
        'spec.routes[1].match': 'Host(`a.example.com`) && PathPrefix(`/`) && ClientIP(`203.0.113.0/24`)',
        'spec.routes[1].middlewares[0].name': 'gw-r-ipdeny',
        'spec.routes[1].priority': 24001000,
        'spec.routes[1].services[0].kind': 'TraefikService',
        'spec.routes[1].services[0].name': 'noop@internal',
      },
    },
    retries: {
      'Middleware/gw-r-retry': {
        'spec.retry.attempts': 3,
      },
      'IngressRoute/gw-r': {
        'spec.routes[0].middlewares[0].name': 'gw-r-retry',
      },
    },
    retryStatusCodes: {
      'Middleware/gw-r-retry': {
        'spec.retry.disableRetryOnNetworkError': true,
        'spec.retry.status[0]': '503',
      },
    },
    retryBackoff: {
      'Middleware/gw-r-retry': {
        'spec.retry.initialInterval': '100ms',
      },
    },
    retryWindow: {
      'Middleware/gw-r-retry': {
        'spec.retry.timeout': '10s',
      },
    },
    retryNonIdempotent: {
      'Middleware/gw-r-retry': {
        'spec.retry.retryNonIdempotentMethod': true,
      },
    },
    sessionAffinityCookie: {
      'IngressRoute/gw-r': {
        'spec.routes[0].services[0].sticky.cookie.httpOnly': true,
        'spec.routes[0].services[0].sticky.cookie.maxAge': 3600,
        'spec.routes[0].services[0].sticky.cookie.name': 'route',
        'spec.routes[0].services[0].sticky.cookie.secure': true,
      },
    },
    backendHttps: {
      'IngressRoute/gw-r': {
        'spec.routes[0].services[0].scheme': 'https',
      },
    },
    backendGrpc: {
      'IngressRoute/gw-r': {
        'spec.routes[0].services[0].scheme': 'h2c',
      },
    },
    backendGrpcs: {
      'IngressRoute/gw-r': {
        'spec.routes[0].services[0].scheme': 'https',
      },
    },
    backendH2c: {
      'IngressRoute/gw-r': {
        'spec.routes[0].services[0].scheme': 'h2c',
      },
    },
    backendWebsocket: SAME,
    externalAuth: {
      'Middleware/gw-r-auth': {
        'spec.forwardAuth.address': 'http://auth.auth.svc.cluster.local/verify',
        'spec.forwardAuth.trustForwardHeader': false,
      },
      'IngressRoute/gw-r': {
        'spec.routes[0].middlewares[0].name': 'gw-r-auth',
      },
    },
    externalAuthResponseHeaders: {
      'Middleware/gw-r-auth': {
        'spec.forwardAuth.authResponseHeaders[0]': 'X-User-ID',
      },
    },
    externalAuthSignin: {
      'Middleware/gw-r-auth': {
        'spec.forwardAuth.authSigninURL': 'https://auth.example.com/start',
      },
    },
    basicAuth: {
      'Middleware/gw-r-auth': {
        'spec.basicAuth.realm': 'edge',
        'spec.basicAuth.secret': 'basic-users',
      },
      'IngressRoute/gw-r': {
        'spec.routes[0].middlewares[0].name': 'gw-r-auth',
      },
    },
    canaryWeight: {
      'IngressRoute/gw-r': {
        'spec.routes[0].services[0].kind': 'TraefikService',
        'spec.routes[0].services[0].name': 'gw-canary',
        'spec.routes[0].services[0].port': undefined,
      },
      'TraefikService/gw-canary': {
        'spec.weighted.services[0].name': 'api-v1',
        'spec.weighted.services[0].port': 80,
        'spec.weighted.services[0].weight': 90,
        'spec.weighted.services[1].name': 'api-v2',
        'spec.weighted.services[1].port': 80,
        'spec.weighted.services[1].weight': 10,
      },
    },
    canaryHeader: {
      'IngressRoute/gw-canary': {
        'spec.entryPoints[0]': 'web',
        'spec.routes[0].kind': 'Rule',
        'spec.routes[0].match': 'Host(`api.example.com`) && (Path(`/v1`) || PathPrefix(`/v1/`)) && Header(`x-canary`, `always`)',
        'spec.routes[0].priority': 24003020,
        'spec.routes[0].services[0].name': 'api-v2',
        'spec.routes[0].services[0].port': 80,
      },
    },
    canaryHeaderPresence: {
      'IngressRoute/gw-canary': {
        'spec.entryPoints[0]': 'web',
        'spec.routes[0].kind': 'Rule',
        'spec.routes[0].match': 'Host(`api.example.com`) && (Path(`/v1`) || PathPrefix(`/v1/`)) && HeaderRegexp(`x-beta`, `.*`)',
        'spec.routes[0].priority': 24003020,
        'spec.routes[0].services[0].name': 'api-v2',
        'spec.routes[0].services[0].port': 80,
      },
    },
    canaryCookie: {
      'IngressRoute/gw-canary': {
        'spec.entryPoints[0]': 'web',
        'spec.routes[0].kind': 'Rule',
        'spec.routes[0].match': 'Host(`api.example.com`) && (Path(`/v1`) || PathPrefix(`/v1/`)) && HeaderRegexp(`Cookie`, `(^|;\\s*)canary=always(;|$)`)',
        'spec.routes[0].priority': 24003020,
        'spec.routes[0].services[0].name': 'api-v2',
        'spec.routes[0].services[0].port': 80,
      },
    },
    canaryMirror: {
      'IngressRoute/gw-r': {
        'spec.routes[0].services[0].name': 'gw-canary-mirror',
      },
      'TraefikService/gw-canary-mirror': {
        'spec.mirroring.kind': 'TraefikService',
        'spec.mirroring.mirrors[0].name': 'api-shadow',
        'spec.mirroring.mirrors[0].percent': 5,
        'spec.mirroring.mirrors[0].port': 80,
        'spec.mirroring.name': 'gw-canary',
      },
    },
    redirectStatusOnly: {
      'Middleware/gw-r-redirect': {
        'spec.redirectRegex.permanent': false,
      },
    },
    corsWildcardOrigin: {
      'Middleware/gw-r-cors': {
        'spec.headers.accessControlAllowOriginList[0]': undefined,
        'spec.headers.accessControlAllowOriginListRegex[0]': '^https://[a-z0-9-]+\\.example\\.com$',
      },
    },
    corsAnyMethod: {
      'Middleware/gw-r-cors': {
        'spec.headers.accessControlAllowMethods[0]': '*',
        'spec.headers.accessControlAllowMethods[1]': undefined,
      },
    },
    corsAnyHeader: {
      'Middleware/gw-r-cors': {
        'spec.headers.accessControlAllowHeaders[0]': '*',
      },
    },
    corsAnyExposedHeader: {
      'Middleware/gw-r-cors': {
        'spec.headers.accessControlExposeHeaders[0]': '*',
      },
    },
    weightedBackends: {
      'IngressRoute/gw-r': {
        'spec.routes[0].services[0].weight': 3,
        'spec.routes[0].services[1].weight': 1,
      },
    },
    rateLimitLongWindow: {
      'Middleware/gw-r-ratelimit': {
        'spec.rateLimit.period': '1h',
      },
    },
    clientIpForwardedFor: {
      'Middleware/gw-r-ipallowlist': {
        'spec.ipAllowList.ipStrategy.depth': 2,
      },
    },
    // issue #16 item 6: any-depth wildcard host (`**.`)
    anyDepthWildcardHost: {
      'IngressRoute/gw-r': {
        'spec.routes[0].match': 'HostRegexp(`(?i)^.+\\.example\\.com$`) && PathPrefix(`/`)',
        'spec.routes[0].priority': 9101000,
      },
    },
    backendTlsClientCertificate: {
      'ServersTransport/gw-r-svc-8443-transport': {
        'spec.certificatesSecrets[0]': 'gw-client',
      },
    },
    tlsSessionTickets: {
      'IngressRoute/gw-r': {
        'spec.tls.options.name': 'gw-tls',
      },
      'TLSOption/gw-tls': {
        'spec.disableSessionTickets': false,
      },
    },
    // The Redis store's connection settings (issue #17).
    rateLimitRedisTls: {
      'Middleware/gw-r-ratelimit': {
        'spec.rateLimit.redis.tls.insecureSkipVerify': false,
      },
    },
    rateLimitRedisDatabase: {
      'Middleware/gw-r-ratelimit': {
        'spec.rateLimit.redis.db': 2,
      },
    },
    rateLimitRedisTimeout: {
      'Middleware/gw-r-ratelimit': {
        'spec.rateLimit.redis.dialTimeout': '500ms',
        'spec.rateLimit.redis.readTimeout': '500ms',
        'spec.rateLimit.redis.writeTimeout': '500ms',
      },
    },
    // Requests in progress, without a rate (issue #17).
    concurrencyPerClientIp: {
      'Middleware/gw-r-inflightreq': {
        'spec.inFlightReq.amount': 10,
        'spec.inFlightReq.sourceCriterion.ipStrategy.depth': 0,
      },
      'IngressRoute/gw-r': {
        'spec.routes[0].middlewares[0].name': 'gw-r-inflightreq',
      },
    },
    concurrencyPerHost: {
      'Middleware/gw-r-inflightreq': {
        'spec.inFlightReq.amount': 500,
        'spec.inFlightReq.sourceCriterion.requestHost': true,
      },
      'IngressRoute/gw-r': {
        'spec.routes[0].middlewares[0].name': 'gw-r-inflightreq',
      },
    },
    redirectUrl: {
      'Middleware/gw-r-redirect': {
        'spec.redirectRegex.regex': '^.*$',
        'spec.redirectRegex.replacement': 'https://www.example.com/moved?from=a',
        'spec.redirectRegex.permanent': false,
      },
      'IngressRoute/gw-r': {
        'spec.routes[0].middlewares[0].name': 'gw-r-redirect',
      },
    },
    // issue #17: external auth extras (the same forwardAuth Middleware on both Traefik outputs)
    ...TRAEFIK_FORWARD_AUTH_EXTRAS,
    // Issue #12: a backend's own header rules, a headers Middleware on its IngressRoute service.
    backendRequestHeaders: {
      'IngressRoute/gw-r': {
        'spec.routes[0].services[0].middlewares[0].name': 'gw-r-svc-80-headers',
      },
      'Middleware/gw-r-svc-80-headers': {
        "spec.headers.customRequestHeaders['x-backend']": 'svc',
        "spec.headers.customRequestHeaders['x-debug']": '',
      },
    },
    backendResponseHeaders: {
      'IngressRoute/gw-r': {
        'spec.routes[0].services[0].middlewares[0].name': 'gw-r-svc-80-headers',
      },
      'Middleware/gw-r-svc-80-headers': {
        "spec.headers.customResponseHeaders['x-served-by']": 'svc',
        'spec.headers.customResponseHeaders.server': '',
      },
    },
    // Issue #12: the route's own mirrors, a mirroring TraefikService in front of its backend.
    routeMirror: {
      'IngressRoute/gw-r': {
        'spec.routes[0].services[0].kind': 'TraefikService',
        'spec.routes[0].services[0].name': 'gw-r-mirrors',
      },
      'TraefikService/gw-r-mirrors': {
        'spec.mirroring.name': 'svc',
        'spec.mirroring.port': 80,
        'spec.mirroring.mirrors[0].name': 'shadow-a',
        'spec.mirroring.mirrors[0].port': 80,
        'spec.mirroring.mirrors[0].percent': 10,
        'spec.mirroring.mirrors[1].name': 'shadow-b',
        'spec.mirroring.mirrors[1].port': 80,
        'spec.mirroring.mirrors[1].percent': 100,
      },
    },
    // Issue #17: RouteProtocols.HTTP_ONLY: a route without a TLS host is on the web entry point only already.
    httpOnlyRoute: SAME,
    // Issue #12: HttpListeners.PER_HOST: no listeners here (rules are per host already).
    hostnamedHttpListeners: SAME,
    // issue #17 (parity): the rate limit's concurrent connections, an inFlightReq of its own.
    rateLimitConnections: {
      'Middleware/gw-r-inflightreq-client': {
        'spec.inFlightReq.amount': 5,
        'spec.inFlightReq.sourceCriterion.ipStrategy.depth': 0,
      },
      'IngressRoute/gw-r': {
        'spec.routes[0].middlewares[1].name': 'gw-r-inflightreq-client',
      },
    },
    // issues #12 / #17 (parity): the same objects on both Traefik outputs.
    ...TRAEFIK_PARITY,
  },
  'traefik-ingress': {
    hostRouting: {
      'Ingress/gw-r': {
        "metadata.annotations['traefik.ingress.kubernetes.io/router.priority']": '24001000',
        'spec.rules[0].host': 'a.example.com',
      },
    },
    wildcardHost: {
      'Ingress/gw-r': {
        "metadata.annotations['traefik.ingress.kubernetes.io/router.priority']": '16501000',
        'spec.rules[0].host': '*.example.com',
      },
    },
    exactPath: {
      'Ingress/gw-r': {
        "metadata.annotations['traefik.ingress.kubernetes.io/router.priority']": '6008000',
        'spec.rules[0].http.paths[1].backend.service.name': undefined,
        'spec.rules[0].http.paths[1].backend.service.port.number': undefined,
        'spec.rules[0].http.paths[1].path': undefined,
        'spec.rules[0].http.paths[1].pathType': undefined,
      },
    },
    prefixPath: {
      'Ingress/gw-r': {
        "metadata.annotations['traefik.ingress.kubernetes.io/router.priority']": '4004000',
        'spec.rules[0].http.paths[1].backend.service.name': 'svc',
        'spec.rules[0].http.paths[1].backend.service.port.number': 80,
        'spec.rules[0].http.paths[1].path': '/api/',
        'spec.rules[0].http.paths[1].pathType': 'Prefix',
      },
    },
    regexPath: {
      'Ingress/gw-r': {
        "metadata.annotations['traefik.ingress.kubernetes.io/router.pathmatcher']": 'PathRegexp',
        "metadata.annotations['traefik.ingress.kubernetes.io/router.priority']": '22013000',
        'spec.rules[0].http.paths[0].path': '/{0}^/items/[0-9]+$',
        'spec.rules[0].http.paths[0].pathType': 'ImplementationSpecific',
      },
    },
    defaultBackend: {
      'Ingress/gw-default-backend': {
        'spec.defaultBackend.service.name': 'fallback',
        'spec.defaultBackend.service.port.number': 80,
        'spec.ingressClassName': 'traefik',
      },
    },
    tlsTermination: {
      'Ingress/gw-r': {
        "metadata.annotations['traefik.ingress.kubernetes.io/router.entrypoints']": 'websecure',
        "metadata.annotations['traefik.ingress.kubernetes.io/router.tls']": 'true',
        'spec.tls[0].hosts[0]': 'a.example.com',
        'spec.tls[0].secretName': 'a-cert',
      },
      'Middleware/gw-tls-https-redirect': {
        'spec.redirectScheme.permanent': true,
        'spec.redirectScheme.scheme': 'https',
      },
      'IngressRoute/gw-tls-https-redirect': {
        'spec.entryPoints[0]': 'web',
        'spec.routes[0].kind': 'Rule',
        'spec.routes[0].match': 'Host(`a.example.com`)',
        'spec.routes[0].middlewares[0].name': 'gw-tls-https-redirect',
        'spec.routes[0].priority': 20000001,
        'spec.routes[0].services[0].kind': 'TraefikService',
        'spec.routes[0].services[0].name': 'noop@internal',
      },
    },
    automaticCertificate: {
      'Ingress/gw-r': {
        'spec.tls[0].secretName': 'gw-tls-cert',
      },
      'Certificate/gw-tls-cert': {
        'spec.dnsNames[0]': 'a.example.com',
        'spec.issuerRef.group': 'cert-manager.io',
        'spec.issuerRef.kind': 'ClusterIssuer',
        'spec.issuerRef.name': 'selfsigned',
        'spec.secretName': 'gw-tls-cert',
      },
    },
    httpsRedirect: {
      'Ingress/gw-r': {
        "metadata.annotations['traefik.ingress.kubernetes.io/router.entrypoints']": 'websecure',
        "metadata.annotations['traefik.ingress.kubernetes.io/router.tls']": 'true',
        'spec.tls[0].hosts[0]': 'a.example.com',
        'spec.tls[0].secretName': 'a-cert',
      },
      'Middleware/gw-tls-https-redirect': {
        'spec.redirectScheme.permanent': true,
        'spec.redirectScheme.scheme': 'https',
      },
      'IngressRoute/gw-tls-https-redirect': {
        'spec.entryPoints[0]': 'web',
        'spec.routes[0].kind': 'Rule',
        'spec.routes[0].match': 'Host(`a.example.com`)',
        'spec.routes[0].middlewares[0].name': 'gw-tls-https-redirect',
        'spec.routes[0].priority': 20000001,
        'spec.routes[0].services[0].kind': 'TraefikService',
        'spec.routes[0].services[0].name': 'noop@internal',
      },
    },
    hsts: {
      'Ingress/gw-r': {
        "metadata.annotations['traefik.ingress.kubernetes.io/router.middlewares']": 'edge-gw-tls-hsts@kubernetescrd',
      },
      'Middleware/gw-tls-hsts': {
        'spec.headers.stsSeconds': 31536000,
      },
    },
    tlsCipherSuites: {
      'Ingress/gw-r': {
        "metadata.annotations['traefik.ingress.kubernetes.io/router.tls.options']": 'edge-gw-tls@kubernetescrd',
      },
      'TLSOption/gw-tls': {
        'spec.cipherSuites[0]': 'TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256',
        'spec.cipherSuites[1]': 'TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384',
      },
    },
    minTlsVersion: {
      'Ingress/gw-r': {
        "metadata.annotations['traefik.ingress.kubernetes.io/router.tls.options']": 'edge-gw-tls@kubernetescrd',
      },
      'TLSOption/gw-tls': {
        'spec.minVersion': 'VersionTLS13',
      },
    },
    clientCertificateSeveralCas: {
      'TLSOption/gw-tls': {
        'spec.clientAuth.secretNames[1]': 'rotated-ca',
      },
    },
    clientCertificateAuth: {
      'Ingress/gw-r': {
        "metadata.annotations['traefik.ingress.kubernetes.io/router.tls.options']": 'edge-gw-tls@kubernetescrd',
      },
      'TLSOption/gw-tls': {
        'spec.clientAuth.clientAuthType': 'RequireAndVerifyClientCert',
        'spec.clientAuth.secretNames[0]': 'partner-ca',
      },
    },
    optionalClientCertificate: {
      'TLSOption/gw-tls': {
        'spec.clientAuth.clientAuthType': 'VerifyClientCertIfGiven',
      },
    },
    rateLimitPerClientIp: {
      'Middleware/gw-r-ratelimit': {
        'spec.rateLimit.average': 10,
        'spec.rateLimit.burst': 10,
        'spec.rateLimit.period': '1s',
        'spec.rateLimit.sourceCriterion.ipStrategy.depth': 0,
      },
      'Ingress/gw-r': {
        "metadata.annotations['traefik.ingress.kubernetes.io/router.middlewares']": 'edge-gw-r-ratelimit@kubernetescrd',
      },
    },
    rateLimitPerHeader: {
      'Middleware/gw-r-ratelimit': {
        'spec.rateLimit.average': 100,
        'spec.rateLimit.period': '1s',
        'spec.rateLimit.sourceCriterion.requestHeaderName': 'x-api-key',
      },
      'Ingress/gw-r': {
        "metadata.annotations['traefik.ingress.kubernetes.io/router.middlewares']": 'edge-gw-r-ratelimit@kubernetescrd',
      },
    },
    rateLimitBurst: {
      'Middleware/gw-r-ratelimit': {
        'spec.rateLimit.burst': 50,
      },
    },
    rateLimitRedis: {
      'Middleware/gw-r-ratelimit': {
        'spec.rateLimit.redis.endpoints[0]': 'redis.infra.svc.cluster.local:6379',
      },
    },
    bodySize: {
      'Middleware/gw-r-buffering': {
        'spec.buffering.maxRequestBodyBytes': 52428800,
      },
      'Ingress/gw-r': {
        "metadata.annotations['traefik.ingress.kubernetes.io/router.middlewares']": 'edge-gw-r-buffering@kubernetescrd',
      },
    },
    cors: {
      'Middleware/gw-r-cors': {
        'spec.headers.accessControlAllowMethods[0]': 'GET',
        'spec.headers.accessControlAllowMethods[1]': 'POST',
        'spec.headers.accessControlAllowOriginList[0]': 'https://web.example.com',
        'spec.headers.accessControlMaxAge': 600,
        'spec.headers.addVaryHeader': true,
      },
      'Ingress/gw-r': {
        "metadata.annotations['traefik.ingress.kubernetes.io/router.middlewares']": 'edge-gw-r-cors@kubernetescrd',
      },
    },
    requestHeaderSet: {
      'Middleware/gw-r-headers': {
        'spec.headers.customRequestHeaders.x-env': 'prod',
      },
      'Ingress/gw-r': {
        "metadata.annotations['traefik.ingress.kubernetes.io/router.middlewares']": 'edge-gw-r-headers@kubernetescrd',
      },
    },
    requestHeaderRemove: {
      'Middleware/gw-r-headers': {
        'spec.headers.customRequestHeaders.x-internal': '',
      },
      'Ingress/gw-r': {
        "metadata.annotations['traefik.ingress.kubernetes.io/router.middlewares']": 'edge-gw-r-headers@kubernetescrd',
      },
    },
    responseHeaderSet: {
      'Middleware/gw-r-headers': {
        'spec.headers.customResponseHeaders.x-frame-options': 'DENY',
      },
      'Ingress/gw-r': {
        "metadata.annotations['traefik.ingress.kubernetes.io/router.middlewares']": 'edge-gw-r-headers@kubernetescrd',
      },
    },
    responseHeaderRemove: {
      'Middleware/gw-r-headers': {
        'spec.headers.customResponseHeaders.server': '',
      },
      'Ingress/gw-r': {
        "metadata.annotations['traefik.ingress.kubernetes.io/router.middlewares']": 'edge-gw-r-headers@kubernetescrd',
      },
    },
    redirectScheme: {
      'Middleware/gw-r-redirect': {
        'spec.redirectScheme.permanent': true,
        'spec.redirectScheme.scheme': 'https',
      },
      'Ingress/gw-r-http': {
        "metadata.annotations['traefik.ingress.kubernetes.io/router.entrypoints']": 'web',
        "metadata.annotations['traefik.ingress.kubernetes.io/router.middlewares']": 'edge-gw-r-redirect@kubernetescrd',
        "metadata.annotations['traefik.ingress.kubernetes.io/router.priority']": '24001000',
        'spec.ingressClassName': 'traefik',
        'spec.rules[0].host': 'a.example.com',
        'spec.rules[0].http.paths[0].backend.service.name': 'svc',
        'spec.rules[0].http.paths[0].backend.service.port.number': 80,
        'spec.rules[0].http.paths[0].path': '/',
        'spec.rules[0].http.paths[0].pathType': 'Prefix',
      },
      'IngressRoute/gw-tls-https-redirect': {
        'spec.routes[0].kind': undefined,
        'spec.routes[0].match': undefined,
        'spec.routes[0].middlewares[0].name': undefined,
        'spec.routes[0].priority': undefined,
        'spec.routes[0].services[0].kind': undefined,
        'spec.routes[0].services[0].name': undefined,
      },
    },
    rewritePrefix: {
      'Middleware/gw-r-rewrite-path': {
        'spec.replacePathRegex.regex': '^(/)api(?:/(.*))?$',
        'spec.replacePathRegex.replacement': '${1}${2}',
      },
      'Ingress/gw-r': {
        "metadata.annotations['traefik.ingress.kubernetes.io/router.middlewares']": 'edge-gw-r-rewrite-path@kubernetescrd',
      },
    },
    rewriteFullPath: {
      'Middleware/gw-r-rewrite-path': {
        'spec.replacePath.path': '/healthz',
      },
      'Ingress/gw-r': {
        "metadata.annotations['traefik.ingress.kubernetes.io/router.middlewares']": 'edge-gw-r-rewrite-path@kubernetescrd',
      },
    },
    rewriteHost: {
      'Middleware/gw-r-rewrite-host': {
        'spec.headers.customRequestHeaders.Host': 'internal.example.com',
      },
      'Ingress/gw-r': {
        "metadata.annotations['traefik.ingress.kubernetes.io/router.middlewares']": 'edge-gw-r-rewrite-host@kubernetescrd',
      },
    },
    ipAllow: {
      'Middleware/gw-r-ipallowlist': {
        'spec.ipAllowList.ipStrategy.depth': 0,
        'spec.ipAllowList.sourceRange[0]': '10.0.0.0/8',
        'spec.ipAllowList.sourceRange[1]': '192.168.1.10/32',
      },
      'Ingress/gw-r': {
        "metadata.annotations['traefik.ingress.kubernetes.io/router.middlewares']": 'edge-gw-r-ipallowlist@kubernetescrd',
      },
    },
    retries: {
      'Middleware/gw-r-retry': {
        'spec.retry.attempts': 3,
      },
      'Ingress/gw-r': {
        "metadata.annotations['traefik.ingress.kubernetes.io/router.middlewares']": 'edge-gw-r-retry@kubernetescrd',
      },
    },
    retryStatusCodes: {
      'Middleware/gw-r-retry': {
        'spec.retry.disableRetryOnNetworkError': true,
        'spec.retry.status[0]': '503',
      },
    },
    retryBackoff: {
      'Middleware/gw-r-retry': {
        'spec.retry.initialInterval': '100ms',
      },
    },
    retryWindow: {
      'Middleware/gw-r-retry': {
        'spec.retry.timeout': '10s',
      },
    },
    retryNonIdempotent: {
      'Middleware/gw-r-retry': {
        'spec.retry.retryNonIdempotentMethod': true,
      },
    },
    backendWebsocket: SAME,
    externalAuth: {
      'Middleware/gw-r-auth': {
        'spec.forwardAuth.address': 'http://auth.auth.svc.cluster.local/verify',
        'spec.forwardAuth.trustForwardHeader': false,
      },
      'Ingress/gw-r': {
        "metadata.annotations['traefik.ingress.kubernetes.io/router.middlewares']": 'edge-gw-r-auth@kubernetescrd',
      },
    },
    externalAuthResponseHeaders: {
      'Middleware/gw-r-auth': {
        'spec.forwardAuth.authResponseHeaders[0]': 'X-User-ID',
      },
    },
    externalAuthSignin: {
      'Middleware/gw-r-auth': {
        'spec.forwardAuth.authSigninURL': 'https://auth.example.com/start',
      },
    },
    basicAuth: {
      'Middleware/gw-r-auth': {
        'spec.basicAuth.realm': 'edge',
        'spec.basicAuth.secret': 'basic-users',
      },
      'Ingress/gw-r': {
        "metadata.annotations['traefik.ingress.kubernetes.io/router.middlewares']": 'edge-gw-r-auth@kubernetescrd',
      },
    },
    corsWildcardOrigin: {
      'Middleware/gw-r-cors': {
        'spec.headers.accessControlAllowOriginList[0]': undefined,
        'spec.headers.accessControlAllowOriginListRegex[0]': '^https://[a-z0-9-]+\\.example\\.com$',
      },
    },
    corsAnyMethod: {
      'Middleware/gw-r-cors': {
        'spec.headers.accessControlAllowMethods[0]': '*',
        'spec.headers.accessControlAllowMethods[1]': undefined,
      },
    },
    corsAnyHeader: {
      'Middleware/gw-r-cors': {
        'spec.headers.accessControlAllowHeaders[0]': '*',
      },
    },
    corsAnyExposedHeader: {
      'Middleware/gw-r-cors': {
        'spec.headers.accessControlExposeHeaders[0]': '*',
      },
    },
    // Service-side settings (issue #12): written to the Service handed over with Backend.fromService.
    sessionAffinityCookie: {
      'Service/svc': {
        "metadata.annotations['traefik.ingress.kubernetes.io/service.sticky.cookie']": 'true',
        "metadata.annotations['traefik.ingress.kubernetes.io/service.sticky.cookie.httponly']": 'true',
        "metadata.annotations['traefik.ingress.kubernetes.io/service.sticky.cookie.maxage']": '3600',
        "metadata.annotations['traefik.ingress.kubernetes.io/service.sticky.cookie.name']": 'route',
        "metadata.annotations['traefik.ingress.kubernetes.io/service.sticky.cookie.secure']": 'true',
      },
    },
    backendHttps: {
      'Service/svc': {
        "metadata.annotations['traefik.ingress.kubernetes.io/service.serversscheme']": 'https',
      },
    },
    backendGrpc: {
      'Service/svc': {
        "metadata.annotations['traefik.ingress.kubernetes.io/service.serversscheme']": 'h2c',
      },
    },
    backendGrpcs: {
      'Service/svc': {
        "metadata.annotations['traefik.ingress.kubernetes.io/service.serversscheme']": 'https',
      },
    },
    backendH2c: {
      'Service/svc': {
        "metadata.annotations['traefik.ingress.kubernetes.io/service.serversscheme']": 'h2c',
      },
    },
    rateLimitLongWindow: {
      'Middleware/gw-r-ratelimit': {
        'spec.rateLimit.period': '1h',
      },
    },
    clientIpForwardedFor: {
      'Middleware/gw-r-ipallowlist': {
        'spec.ipAllowList.ipStrategy.depth': 2,
      },
    },
    tlsSessionTickets: {
      'Ingress/gw-r': {
        "metadata.annotations['traefik.ingress.kubernetes.io/router.tls.options']": 'edge-gw-tls@kubernetescrd',
      },
      'TLSOption/gw-tls': {
        'spec.disableSessionTickets': false,
      },
    },
    // The Redis store's connection settings (issue #17).
    rateLimitRedisTls: {
      'Middleware/gw-r-ratelimit': {
        'spec.rateLimit.redis.tls.insecureSkipVerify': false,
      },
    },
    rateLimitRedisDatabase: {
      'Middleware/gw-r-ratelimit': {
        'spec.rateLimit.redis.db': 2,
      },
    },
    rateLimitRedisTimeout: {
      'Middleware/gw-r-ratelimit': {
        'spec.rateLimit.redis.dialTimeout': '500ms',
        'spec.rateLimit.redis.readTimeout': '500ms',
        'spec.rateLimit.redis.writeTimeout': '500ms',
      },
    },
    // Requests in progress, without a rate (issue #17).
    concurrencyPerClientIp: {
      'Middleware/gw-r-inflightreq': {
        'spec.inFlightReq.amount': 10,
        'spec.inFlightReq.sourceCriterion.ipStrategy.depth': 0,
      },
      'Ingress/gw-r': {
        "metadata.annotations['traefik.ingress.kubernetes.io/router.middlewares']": 'edge-gw-r-inflightreq@kubernetescrd',
      },
    },
    concurrencyPerHost: {
      'Middleware/gw-r-inflightreq': {
        'spec.inFlightReq.amount': 500,
        'spec.inFlightReq.sourceCriterion.requestHost': true,
      },
      'Ingress/gw-r': {
        "metadata.annotations['traefik.ingress.kubernetes.io/router.middlewares']": 'edge-gw-r-inflightreq@kubernetescrd',
      },
    },
    // issue #17: external auth extras (the same forwardAuth Middleware on both Traefik outputs)
    ...TRAEFIK_FORWARD_AUTH_EXTRAS,
    // Audit (issue #12): Redirect.toUrl, the IngressRoute's redirectRegex Middleware on the Ingress router.
    redirectUrl: {
      'Middleware/gw-r-redirect': {
        'spec.redirectRegex.regex': '^.*$',
        'spec.redirectRegex.replacement': 'https://www.example.com/moved?from=a',
        'spec.redirectRegex.permanent': false,
      },
      'Ingress/gw-r': {
        "metadata.annotations['traefik.ingress.kubernetes.io/router.middlewares']": 'edge-gw-r-redirect@kubernetescrd',
      },
    },
    // Audit (issue #12): the path's one backend's own header rules, innermost in router.middlewares.
    backendRequestHeaders: {
      'Ingress/gw-r': {
        "metadata.annotations['traefik.ingress.kubernetes.io/router.middlewares']": 'edge-gw-r-svc-80-headers@kubernetescrd',
      },
      'Middleware/gw-r-svc-80-headers': {
        "spec.headers.customRequestHeaders['x-backend']": 'svc',
        "spec.headers.customRequestHeaders['x-debug']": '',
      },
    },
    backendResponseHeaders: {
      'Ingress/gw-r': {
        "metadata.annotations['traefik.ingress.kubernetes.io/router.middlewares']": 'edge-gw-r-svc-80-headers@kubernetescrd',
      },
      'Middleware/gw-r-svc-80-headers': {
        "spec.headers.customResponseHeaders['x-served-by']": 'svc',
        'spec.headers.customResponseHeaders.server': '',
      },
    },
    // Issue #17: RouteProtocols.HTTP_ONLY: router.entrypoints is web for a route without a TLS host already.
    httpOnlyRoute: SAME,
    // Issue #12: HttpListeners.PER_HOST: no listeners here (rules are per host already).
    hostnamedHttpListeners: SAME,
    // issue #17 (parity): the rate limit's concurrent connections, an inFlightReq of its own.
    rateLimitConnections: {
      'Middleware/gw-r-inflightreq-client': {
        'spec.inFlightReq.amount': 5,
        'spec.inFlightReq.sourceCriterion.ipStrategy.depth': 0,
      },
      'Ingress/gw-r': {
        "metadata.annotations['traefik.ingress.kubernetes.io/router.middlewares']": 'edge-gw-r-ratelimit@kubernetescrd,edge-gw-r-inflightreq-client@kubernetescrd',
      },
    },
    // issues #12 / #17 (parity): the same objects on both Traefik outputs.
    ...TRAEFIK_PARITY,
    // Issue #12 (trsvc): the connect timeout's ServersTransport, named on the handed-over Service.
    timeoutConnect: {
      'ServersTransport/gw-r-transport': {
        'spec.forwardingTimeouts.dialTimeout': '10s',
      },
      'Service/svc': {
        "metadata.annotations['traefik.ingress.kubernetes.io/service.serverstransport']": 'edge-gw-r-transport@kubernetescrd',
      },
    },
    // Issue #12 (trsvc): backend TLS, the route's ServersTransport named on the handed-over Service.
    backendTls: {
      'ServersTransport/gw-r-transport': {
        'spec.rootCAs[0].secret': 'partner-ca',
        'spec.serverName': 'svc.internal',
      },
      'Service/svc': {
        "metadata.annotations['traefik.ingress.kubernetes.io/service.serversscheme']": 'https',
        "metadata.annotations['traefik.ingress.kubernetes.io/service.serverstransport']": 'edge-gw-r-transport@kubernetescrd',
      },
    },
    backendTlsSystemCa: {
      'ServersTransport/gw-r-transport': {
        'spec.serverName': 'svc.example.com',
      },
      'Service/svc': {
        "metadata.annotations['traefik.ingress.kubernetes.io/service.serversscheme']": 'https',
        "metadata.annotations['traefik.ingress.kubernetes.io/service.serverstransport']": 'edge-gw-r-transport@kubernetescrd',
      },
    },
    backendTlsInsecure: {
      'ServersTransport/gw-r-transport': {
        'spec.insecureSkipVerify': true,
      },
      'Service/svc': {
        "metadata.annotations['traefik.ingress.kubernetes.io/service.serversscheme']": 'https',
        "metadata.annotations['traefik.ingress.kubernetes.io/service.serverstransport']": 'edge-gw-r-transport@kubernetescrd',
      },
    },
    backendTlsInsecureServerName: {
      'ServersTransport/gw-r-transport': {
        'spec.serverName': 'svc.internal',
      },
    },
    backendTlsClientCertificate: {
      'ServersTransport/gw-r-transport': {
        'spec.certificatesSecrets[0]': 'gw-client',
      },
    },
  },
  'kong': {
    hostRouting: {
      'Ingress/gw-r': {
        'spec.rules[0].host': 'a.example.com',
      },
    },
    exactPath: {
      'Ingress/gw-r': {
        "metadata.annotations['konghq.com/regex-priority']": '1',
        'spec.rules[0].http.paths[0].pathType': 'Exact',
      },
    },
    prefixPath: {
      'Ingress/gw-r': {
        'spec.rules[0].http.paths[0].pathType': 'Prefix',
        "metadata.annotations['konghq.com/regex-priority']": undefined,
      },
    },
    regexPath: {
      'Ingress/gw-r': {
        'spec.rules[0].http.paths[0].path': '/~^/items/[0-9]+$',
        'spec.rules[0].http.paths[0].pathType': 'ImplementationSpecific',
      },
    },
    headerMatch: {
      'Ingress/gw-r': {
        "metadata.annotations['konghq.com/headers.x-tenant']": 'blue',
      },
    },
    methodMatch: {
      'Ingress/gw-r': {
        "metadata.annotations['konghq.com/methods']": 'POST',
      },
    },
    defaultBackend: {
      'Ingress/gw-default-backend': {
        'spec.defaultBackend.service.name': 'fallback',
        'spec.defaultBackend.service.port.number': 80,
        'spec.ingressClassName': 'kong',
      },
    },
    tlsTermination: {
      'Ingress/gw-r': {
        "metadata.annotations['konghq.com/https-redirect-status-code']": '308',
        "metadata.annotations['konghq.com/protocols']": 'https',
        'spec.tls[0].hosts[0]': 'a.example.com',
        'spec.tls[0].secretName': 'a-cert',
      },
    },
    automaticCertificate: {
      'Ingress/gw-r': {
        'spec.tls[0].secretName': 'gw-tls-cert',
      },
      'Certificate/gw-tls-cert': {
        'spec.dnsNames[0]': 'a.example.com',
        'spec.issuerRef.group': 'cert-manager.io',
        'spec.issuerRef.kind': 'ClusterIssuer',
        'spec.issuerRef.name': 'selfsigned',
        'spec.secretName': 'gw-tls-cert',
      },
    },
    httpsRedirect: {
      'Ingress/gw-r': {
        "metadata.annotations['konghq.com/https-redirect-status-code']": '308',
        "metadata.annotations['konghq.com/protocols']": 'https',
      },
    },
    plainHttpOnTlsHost: {
      'Ingress/gw-r': {
        "metadata.annotations['konghq.com/https-redirect-status-code']": undefined,
        "metadata.annotations['konghq.com/protocols']": undefined,
      },
    },
    hsts: {
      'Ingress/gw-r': {
        "metadata.annotations['konghq.com/plugins']": 'gw-tls-hsts-response-transformer',
      },
      'KongPlugin/gw-tls-hsts-response-transformer': {
        'config.add.headers[0]': 'Strict-Transport-Security:max-age=31536000',
        'config.replace.headers[0]': 'Strict-Transport-Security:max-age=31536000',
        'plugin': 'response-transformer',
      },
    },
    rateLimitPerClientIp: {
      'Ingress/gw-r': {
        "metadata.annotations['konghq.com/plugins']": 'gw-r-rate-limiting',
      },
      'KongPlugin/gw-r-rate-limiting': {
        'config.limit_by': 'ip',
        'config.policy': 'local',
        'config.second': 10,
        'plugin': 'rate-limiting',
      },
    },
    rateLimitPerHeader: {
      'Ingress/gw-r': {
        "metadata.annotations['konghq.com/plugins']": 'gw-r-rate-limiting',
      },
      'KongPlugin/gw-r-rate-limiting': {
        'config.header_name': 'x-api-key',
        'config.limit_by': 'header',
        'config.policy': 'local',
        'config.second': 100,
        'plugin': 'rate-limiting',
      },
    },
    rateLimitPerConsumer: {
      'Ingress/gw-r': {
        "metadata.annotations['konghq.com/plugins']": 'gw-r-acl,gw-r-key-auth,gw-r-rate-limiting',
      },
      'KongPlugin/gw-r-rate-limiting': {
        'config.limit_by': 'consumer',
        'config.policy': 'local',
        'config.second': 100,
        'plugin': 'rate-limiting',
      },
    },
    rateLimitRedis: {
      'KongPlugin/gw-r-rate-limiting': {
        'config.policy': 'redis',
        'config.redis.host': 'redis.infra.svc.cluster.local',
        'config.redis.port': 6379,
      },
    },
    bodySize: {
      'Ingress/gw-r': {
        "metadata.annotations['konghq.com/plugins']": 'gw-r-request-size-limiting',
      },
      'KongPlugin/gw-r-request-size-limiting': {
        'config.allowed_payload_size': 50,
        'config.size_unit': 'megabytes',
        'plugin': 'request-size-limiting',
      },
    },
    cors: {
      'Ingress/gw-r': {
        "metadata.annotations['konghq.com/plugins']": 'gw-r-cors',
      },
      'KongPlugin/gw-r-cors': {
        'config.credentials': false,
        'config.headers[0]': 'Origin',
        'config.max_age': 600,
        'config.methods[0]': 'GET',
        'config.methods[1]': 'POST',
        'config.origins[0]': 'https://web.example.com',
        'plugin': 'cors',
      },
    },
    requestHeaderSet: {
      'Ingress/gw-r': {
        "metadata.annotations['konghq.com/plugins']": 'gw-r-request-transformer',
      },
      'KongPlugin/gw-r-request-transformer': {
        'config.add.headers[0]': 'x-env:prod',
        'config.replace.headers[0]': 'x-env:prod',
        'plugin': 'request-transformer',
      },
    },
    requestHeaderAdd: {
      'Ingress/gw-r': {
        "metadata.annotations['konghq.com/plugins']": 'gw-r-request-transformer',
      },
      'KongPlugin/gw-r-request-transformer': {
        'config.append.headers[0]': 'x-trace:edge',
        'plugin': 'request-transformer',
      },
    },
    requestHeaderRemove: {
      'Ingress/gw-r': {
        "metadata.annotations['konghq.com/plugins']": 'gw-r-request-transformer',
      },
      'KongPlugin/gw-r-request-transformer': {
        'config.remove.headers[0]': 'x-internal',
        'plugin': 'request-transformer',
      },
    },
    responseHeaderSet: {
      'Ingress/gw-r': {
        "metadata.annotations['konghq.com/plugins']": 'gw-r-response-transformer',
      },
      'KongPlugin/gw-r-response-transformer': {
        'config.add.headers[0]': 'x-frame-options:DENY',
        'config.replace.headers[0]': 'x-frame-options:DENY',
        'plugin': 'response-transformer',
      },
    },
    responseHeaderAdd: {
      'Ingress/gw-r': {
        "metadata.annotations['konghq.com/plugins']": 'gw-r-response-transformer',
      },
      'KongPlugin/gw-r-response-transformer': {
        'config.append.headers[0]': 'x-served-by:edge',
        'plugin': 'response-transformer',
      },
    },
    responseHeaderRemove: {
      'Ingress/gw-r': {
        "metadata.annotations['konghq.com/plugins']": 'gw-r-response-transformer',
      },
      'KongPlugin/gw-r-response-transformer': {
        'config.remove.headers[0]': 'server',
        'plugin': 'response-transformer',
      },
    },
    redirectScheme: {
      'Ingress/gw-r': {
        "metadata.annotations['konghq.com/https-redirect-status-code']": '301',
      },
    },
    rewritePrefix: {
      'Ingress/gw-r': {
        "metadata.annotations['konghq.com/strip-path']": 'true',
      },
    },
    ipAllow: {
      'Ingress/gw-r': {
        "metadata.annotations['konghq.com/plugins']": 'gw-r-ip-restriction',
      },
      'KongPlugin/gw-r-ip-restriction': {
        'config.allow[0]': '10.0.0.0/8',
        'config.allow[1]': '192.168.1.10/32',
        'plugin': 'ip-restriction',
      },
    },
    ipDeny: {
      'Ingress/gw-r': {
        "metadata.annotations['konghq.com/plugins']": 'gw-r-ip-restriction',
      },
      'KongPlugin/gw-r-ip-restriction': {
        'config.deny[0]': '203.0.113.0/24',
        'plugin': 'ip-restriction',
      },
    },
    backendWebsocket: SAME,
    apiKeyAuth: {
      'Ingress/gw-r': {
        "metadata.annotations['konghq.com/plugins']": 'gw-r-acl,gw-r-key-auth',
      },
      'KongPlugin/gw-r-acl': {
        'config.allow[0]': 'edge/api-keys',
        'plugin': 'acl',
      },
      'KongPlugin/gw-r-key-auth': {
        'config.key_in_body': false,
        'config.key_in_header': true,
        'config.key_in_query': false,
        'config.key_names[0]': 'x-api-key',
        'plugin': 'key-auth',
      },
      'KongConsumer/api-keys-consumer': {
        "metadata.annotations['kubernetes.io/ingress.class']": 'kong',
        'credentials[0]': 'api-keys',
        'credentials[1]': 'api-keys-consumer-acl',
        'username': 'edge/api-keys',
      },
      'Secret/api-keys-consumer-acl': {
        "metadata.labels['konghq.com/credential']": 'acl',
        'stringData.group': 'edge/api-keys',
      },
    },
    basicAuth: {
      'Ingress/gw-r': {
        "metadata.annotations['konghq.com/plugins']": 'gw-r-acl,gw-r-basic-auth',
      },
      'KongPlugin/gw-r-acl': {
        'config.allow[0]': 'edge/basic-users',
        'plugin': 'acl',
      },
      'KongPlugin/gw-r-basic-auth': {
        'config.realm': 'edge',
        'plugin': 'basic-auth',
      },
      'KongConsumer/basic-users-consumer': {
        "metadata.annotations['kubernetes.io/ingress.class']": 'kong',
        'credentials[0]': 'basic-users',
        'credentials[1]': 'basic-users-consumer-acl',
        'username': 'edge/basic-users',
      },
      'Secret/basic-users-consumer-acl': {
        "metadata.labels['konghq.com/credential']": 'acl',
        'stringData.group': 'edge/basic-users',
      },
    },
    canaryHeader: {
      'Ingress/gw-canary': {
        "metadata.annotations['konghq.com/headers.x-canary']": 'always',
        'spec.ingressClassName': 'kong',
        'spec.rules[0].host': 'api.example.com',
        'spec.rules[0].http.paths[0].backend.service.name': 'api-v2',
        'spec.rules[0].http.paths[0].backend.service.port.number': 80,
        'spec.rules[0].http.paths[0].path': '/v1',
        'spec.rules[0].http.paths[0].pathType': 'Prefix',
      },
    },
    corsWildcardOrigin: {
      'KongPlugin/gw-r-cors': {
        'config.origins[0]': '^https://[a-z0-9-]+\\.example\\.com$',
      },
    },
    corsAnyHeader: {
      'KongPlugin/gw-r-cors': {
        'config.headers': undefined,
      },
    },
    corsAnyExposedHeader: {
      'KongPlugin/gw-r-cors': {
        'config.exposed_headers[0]': '*',
      },
    },
    // Service-side settings (issue #12): written to the Service handed over with Backend.fromService.
    timeoutConnect: {
      'Service/svc': {
        "metadata.annotations['konghq.com/connect-timeout']": '10000',
      },
    },
    timeoutRead: {
      'Service/svc': {
        "metadata.annotations['konghq.com/read-timeout']": '120000',
      },
    },
    timeoutSend: {
      'Service/svc': {
        "metadata.annotations['konghq.com/write-timeout']": '120000',
      },
    },
    backendHttps: {
      'Service/svc': {
        "metadata.annotations['konghq.com/protocol']": 'https',
      },
    },
    rateLimitLongWindow: {
      'KongPlugin/gw-r-rate-limiting': {
        'config.hour': 1000,
        'config.minute': undefined,
      },
    },
    // issue #16 item 6: any-depth wildcard host (`**.`)
    anyDepthWildcardHost: {
      'Ingress/gw-r': {
        'spec.rules[0].host': '*.example.com',
      },
    },
    httpsOnlyRoute: {
      'Ingress/gw-r': {
        "metadata.annotations['konghq.com/https-redirect-status-code']": '426',
        "metadata.annotations['konghq.com/protocols']": 'https',
      },
    },
    // issue #17: basic auth of any consumer (no acl, no consumer of ours)
    basicAuthAnyConsumer: {
      'Ingress/gw-r': {
        "metadata.annotations['konghq.com/plugins']": 'gw-r-basic-auth',
      },
      'KongPlugin/gw-r-acl': GONE,
      'KongConsumer/basic-users-consumer': GONE,
      'Secret/basic-users-consumer-acl': GONE,
    },
    // Kong's redirect plugin (3.9+), issue #12.
    redirectUrl: {
      'Ingress/gw-r': {
        "metadata.annotations['konghq.com/plugins']": 'gw-r-redirect',
      },
      'KongPlugin/gw-r-redirect': {
        'plugin': 'redirect',
        'config.location': 'https://www.example.com/moved?from=a',
        'config.status_code': 302,
        'config.keep_incoming_path': false,
      },
    },
    // The Redis store's connection settings (issue #17).
    rateLimitRedisTls: {
      'KongPlugin/gw-r-rate-limiting': {
        'config.redis.ssl': true,
        'config.redis.ssl_verify': true,
        'config.redis.server_name': 'redis.infra.svc.cluster.local',
      },
    },
    rateLimitRedisDatabase: {
      'KongPlugin/gw-r-rate-limiting': {
        'config.redis.database': 2,
      },
    },
    rateLimitRedisTimeout: {
      'KongPlugin/gw-r-rate-limiting': {
        'config.redis.timeout': 500,
      },
    },
    // issue #17: API keys
    apiKeyAnyConsumer: {
      'Ingress/gw-r': {
        "metadata.annotations['konghq.com/plugins']": 'gw-r-key-auth',
      },
      'KongPlugin/gw-r-acl': GONE,
      'KongConsumer/api-keys-consumer': GONE,
      'Secret/api-keys-consumer-acl': GONE,
    },
    apiKeyInQuery: {
      'KongPlugin/gw-r-key-auth': {
        'config.key_in_query': true,
      },
    },
    apiKeyRemoved: {
      'KongPlugin/gw-r-key-auth': {
        'config.hide_credentials': true,
      },
    },
    jwtConsumerKeys: {
      'Ingress/gw-r': {
        "metadata.annotations['konghq.com/plugins']": 'gw-r-acl,gw-r-jwt',
      },
      ...KONG_JWT_CONSUMER_OBJECTS,
    },
    // Issue #17: RouteProtocols.HTTP_ONLY.
    httpOnlyRoute: {
      'Ingress/gw-r': {
        "metadata.annotations['konghq.com/protocols']": 'http',
      },
    },
    // Issue #12: HttpListeners.PER_HOST: no listeners here (rules are per host already).
    hostnamedHttpListeners: SAME,
    // issue #12 (parity): a `**.` origin, one or more labels (a `*.` origin is exactly one).
    corsDeepWildcardOrigin: {
      'KongPlugin/gw-r-cors': {
        'config.origins[0]': '^https://([a-z0-9-]+\\.)+example\\.com$',
      },
    },
    // Issue #12 (audit): gRPC upstreams, the route's Ingress accepting the gRPC protocols.
    backendGrpc: {
      'Ingress/gw-r': {
        "metadata.annotations['konghq.com/protocols']": 'grpc,grpcs',
      },
      'Service/svc': {
        "metadata.annotations['konghq.com/protocol']": 'grpc',
      },
    },
    backendGrpcs: {
      'Ingress/gw-r': {
        "metadata.annotations['konghq.com/protocols']": 'grpc,grpcs',
      },
      'Service/svc': {
        "metadata.annotations['konghq.com/protocol']": 'grpcs',
      },
    },
  },
  'kong-gateway-api': {
    hostRouting: {
      'HTTPRoute/gw-r': {
        'spec.hostnames[0]': 'a.example.com',
        'spec.parentRefs[0].sectionName': 'http',
      },
    },
    namedRule: {
      'HTTPRoute/gw-r': {
        'spec.rules[0].name': 'checkout',
      },
    },
    exactPath: {
      'HTTPRoute/gw-r': {
        'spec.rules[0].matches[0].path.type': 'Exact',
      },
    },
    prefixPath: {
      'HTTPRoute/gw-r': {
        'spec.rules[0].matches[0].path.type': 'PathPrefix',
      },
    },
    regexPath: {
      'HTTPRoute/gw-r': {
        'spec.rules[0].matches[0].path.type': 'RegularExpression',
        'spec.rules[0].matches[0].path.value': '^/items/[0-9]+$',
      },
    },
    headerMatch: {
      'HTTPRoute/gw-r': {
        'spec.rules[0].matches[0].headers[0].name': 'x-tenant',
        'spec.rules[0].matches[0].headers[0].value': 'blue',
        'spec.rules[0].matches[0].path.type': 'PathPrefix',
        'spec.rules[0].matches[0].path.value': '/',
      },
    },
    methodMatch: {
      'HTTPRoute/gw-r': {
        'spec.rules[0].matches[0].method': 'POST',
        'spec.rules[0].matches[0].path.type': 'PathPrefix',
        'spec.rules[0].matches[0].path.value': '/',
      },
    },
    multipleBackends: {
      'HTTPRoute/gw-r': {
        'spec.rules[0].backendRefs[1].name': 'b',
        'spec.rules[0].backendRefs[1].port': 80,
      },
    },
    crossNamespaceBackend: {
      'HTTPRoute/gw-r': {
        'spec.rules[0].backendRefs[0].namespace': 'other',
      },
      'ReferenceGrant/gw-r-from-edge': {
        'spec.from[0].group': 'gateway.networking.k8s.io',
        'spec.from[0].kind': 'HTTPRoute',
        'spec.from[0].namespace': 'edge',
        'spec.to[0].group': '',
        'spec.to[0].kind': 'Service',
        'spec.to[0].name': 'svc',
      },
    },
    defaultBackend: {
      'HTTPRoute/gw-default-backend': {
        'spec.parentRefs[0].name': 'gw',
        'spec.rules[0].backendRefs[0].name': 'fallback',
        'spec.rules[0].backendRefs[0].port': 80,
      },
    },
    tlsTermination: {
      'Gateway/gw': {
        'spec.listeners[1].hostname': 'a.example.com',
        'spec.listeners[1].name': 'https-a-example-com',
        'spec.listeners[1].port': 443,
        'spec.listeners[1].protocol': 'HTTPS',
        'spec.listeners[1].tls.certificateRefs[0].kind': 'Secret',
        'spec.listeners[1].tls.certificateRefs[0].name': 'a-cert',
        'spec.listeners[1].tls.mode': 'Terminate',
      },
      'HTTPRoute/gw-r': {
        "metadata.annotations['konghq.com/https-redirect-status-code']": '308',
        "metadata.annotations['konghq.com/protocols']": 'https',
        'spec.parentRefs[0].sectionName': 'https-a-example-com',
      },
    },
    crossNamespaceCertificate: {
      'Gateway/gw': {
        'spec.listeners[1].tls.certificateRefs[0].namespace': 'certs',
      },
      'ReferenceGrant/gw-tls-certificate': {
        'spec.from[0].group': 'gateway.networking.k8s.io',
        'spec.from[0].kind': 'Gateway',
        'spec.from[0].namespace': 'edge',
        'spec.to[0].group': '',
        'spec.to[0].kind': 'Secret',
        'spec.to[0].name': 'a-cert',
      },
    },
    automaticCertificate: {
      'Gateway/gw': {
        'spec.listeners[1].tls.certificateRefs[0].name': 'gw-tls-cert',
      },
      'Certificate/gw-tls-cert': {
        'spec.dnsNames[0]': 'a.example.com',
        'spec.issuerRef.group': 'cert-manager.io',
        'spec.issuerRef.kind': 'ClusterIssuer',
        'spec.issuerRef.name': 'selfsigned',
        'spec.secretName': 'gw-tls-cert',
      },
    },
    httpsRedirect: {
      'HTTPRoute/gw-r': {
        "metadata.annotations['konghq.com/https-redirect-status-code']": '308',
        "metadata.annotations['konghq.com/protocols']": 'https',
        'spec.parentRefs[0].sectionName': 'https-a-example-com',
        'spec.parentRefs[1].name': undefined,
        'spec.parentRefs[1].sectionName': undefined,
      },
    },
    plainHttpOnTlsHost: {
      'HTTPRoute/gw-r': {
        'spec.parentRefs[0].sectionName': 'http',
        'spec.parentRefs[1].name': 'gw',
        'spec.parentRefs[1].sectionName': 'https-a-example-com',
        "metadata.annotations['konghq.com/https-redirect-status-code']": undefined,
        "metadata.annotations['konghq.com/protocols']": undefined,
      },
    },
    hsts: {
      'HTTPRoute/gw-r': {
        'spec.rules[0].filters[0].responseHeaderModifier.set[0].name': 'Strict-Transport-Security',
        'spec.rules[0].filters[0].responseHeaderModifier.set[0].value': 'max-age=31536000',
        'spec.rules[0].filters[0].type': 'ResponseHeaderModifier',
      },
    },
    rateLimitPerClientIp: {
      'HTTPRoute/gw-r': {
        'spec.rules[0].filters[0].extensionRef.group': 'configuration.konghq.com',
        'spec.rules[0].filters[0].extensionRef.kind': 'KongPlugin',
        'spec.rules[0].filters[0].extensionRef.name': 'gw-r-rate-limiting',
        'spec.rules[0].filters[0].type': 'ExtensionRef',
      },
      'KongPlugin/gw-r-rate-limiting': {
        'config.limit_by': 'ip',
        'config.policy': 'local',
        'config.second': 10,
        'plugin': 'rate-limiting',
      },
    },
    rateLimitPerHeader: {
      'HTTPRoute/gw-r': {
        'spec.rules[0].filters[0].extensionRef.group': 'configuration.konghq.com',
        'spec.rules[0].filters[0].extensionRef.kind': 'KongPlugin',
        'spec.rules[0].filters[0].extensionRef.name': 'gw-r-rate-limiting',
        'spec.rules[0].filters[0].type': 'ExtensionRef',
      },
      'KongPlugin/gw-r-rate-limiting': {
        'config.header_name': 'x-api-key',
        'config.limit_by': 'header',
        'config.policy': 'local',
        'config.second': 100,
        'plugin': 'rate-limiting',
      },
    },
    rateLimitPerConsumer: {
      'HTTPRoute/gw-r': {
        'spec.rules[0].filters[2].extensionRef.group': 'configuration.konghq.com',
        'spec.rules[0].filters[2].extensionRef.kind': 'KongPlugin',
        'spec.rules[0].filters[2].extensionRef.name': 'gw-r-rate-limiting',
        'spec.rules[0].filters[2].type': 'ExtensionRef',
      },
      'KongPlugin/gw-r-rate-limiting': {
        'config.limit_by': 'consumer',
        'config.policy': 'local',
        'config.second': 100,
        'plugin': 'rate-limiting',
      },
    },
    rateLimitRedis: {
      'KongPlugin/gw-r-rate-limiting': {
        'config.policy': 'redis',
        'config.redis.host': 'redis.infra.svc.cluster.local',
        'config.redis.port': 6379,
      },
    },
    bodySize: {
      'HTTPRoute/gw-r': {
        'spec.rules[0].filters[0].extensionRef.group': 'configuration.konghq.com',
        'spec.rules[0].filters[0].extensionRef.kind': 'KongPlugin',
        'spec.rules[0].filters[0].extensionRef.name': 'gw-r-request-size-limiting',
        'spec.rules[0].filters[0].type': 'ExtensionRef',
      },
      'KongPlugin/gw-r-request-size-limiting': {
        'config.allowed_payload_size': 50,
        'config.size_unit': 'megabytes',
        'plugin': 'request-size-limiting',
      },
    },
    cors: {
      'HTTPRoute/gw-r': {
        'spec.rules[0].filters[0].extensionRef.group': 'configuration.konghq.com',
        'spec.rules[0].filters[0].extensionRef.kind': 'KongPlugin',
        'spec.rules[0].filters[0].extensionRef.name': 'gw-r-cors',
        'spec.rules[0].filters[0].type': 'ExtensionRef',
      },
      'KongPlugin/gw-r-cors': {
        'config.credentials': false,
        'config.headers[0]': 'Origin',
        'config.max_age': 600,
        'config.methods[0]': 'GET',
        'config.methods[1]': 'POST',
        'config.origins[0]': 'https://web.example.com',
        'plugin': 'cors',
      },
    },
    requestHeaderSet: {
      'HTTPRoute/gw-r': {
        'spec.rules[0].filters[0].requestHeaderModifier.set[0].name': 'x-env',
        'spec.rules[0].filters[0].requestHeaderModifier.set[0].value': 'prod',
        'spec.rules[0].filters[0].type': 'RequestHeaderModifier',
      },
    },
    requestHeaderAdd: {
      'HTTPRoute/gw-r': {
        'spec.rules[0].filters[0].requestHeaderModifier.add[0].name': 'x-trace',
        'spec.rules[0].filters[0].requestHeaderModifier.add[0].value': 'edge',
        'spec.rules[0].filters[0].type': 'RequestHeaderModifier',
      },
    },
    requestHeaderRemove: {
      'HTTPRoute/gw-r': {
        'spec.rules[0].filters[0].requestHeaderModifier.remove[0]': 'x-internal',
        'spec.rules[0].filters[0].type': 'RequestHeaderModifier',
      },
    },
    responseHeaderSet: {
      'HTTPRoute/gw-r': {
        'spec.rules[0].filters[0].extensionRef.group': 'configuration.konghq.com',
        'spec.rules[0].filters[0].extensionRef.kind': 'KongPlugin',
        'spec.rules[0].filters[0].extensionRef.name': 'gw-r-response-transformer',
        'spec.rules[0].filters[0].type': 'ExtensionRef',
      },
      'KongPlugin/gw-r-response-transformer': {
        'config.add.headers[0]': 'x-frame-options:DENY',
        'config.replace.headers[0]': 'x-frame-options:DENY',
        'plugin': 'response-transformer',
      },
    },
    responseHeaderAdd: {
      'HTTPRoute/gw-r': {
        'spec.rules[0].filters[0].extensionRef.group': 'configuration.konghq.com',
        'spec.rules[0].filters[0].extensionRef.kind': 'KongPlugin',
        'spec.rules[0].filters[0].extensionRef.name': 'gw-r-response-transformer',
        'spec.rules[0].filters[0].type': 'ExtensionRef',
      },
      'KongPlugin/gw-r-response-transformer': {
        'config.append.headers[0]': 'x-served-by:edge',
        'plugin': 'response-transformer',
      },
    },
    responseHeaderRemove: {
      'HTTPRoute/gw-r': {
        'spec.rules[0].filters[0].extensionRef.group': 'configuration.konghq.com',
        'spec.rules[0].filters[0].extensionRef.kind': 'KongPlugin',
        'spec.rules[0].filters[0].extensionRef.name': 'gw-r-response-transformer',
        'spec.rules[0].filters[0].type': 'ExtensionRef',
      },
      'KongPlugin/gw-r-response-transformer': {
        'config.remove.headers[0]': 'server',
        'plugin': 'response-transformer',
      },
    },
    rewritePrefix: {
      'HTTPRoute/gw-r': {
        'spec.rules[0].filters[0].type': 'URLRewrite',
        'spec.rules[0].filters[0].urlRewrite.path.replacePrefixMatch': '/',
        'spec.rules[0].filters[0].urlRewrite.path.type': 'ReplacePrefixMatch',
      },
    },
    rewriteFullPath: {
      'HTTPRoute/gw-r': {
        'spec.rules[0].filters[0].type': 'URLRewrite',
        'spec.rules[0].filters[0].urlRewrite.path.replaceFullPath': '/healthz',
        'spec.rules[0].filters[0].urlRewrite.path.type': 'ReplaceFullPath',
      },
    },
    rewriteHost: {
      'HTTPRoute/gw-r': {
        'spec.rules[0].filters[0].type': 'URLRewrite',
        'spec.rules[0].filters[0].urlRewrite.hostname': 'internal.example.com',
      },
    },
    ipAllow: {
      'HTTPRoute/gw-r': {
        'spec.rules[0].filters[0].extensionRef.group': 'configuration.konghq.com',
        'spec.rules[0].filters[0].extensionRef.kind': 'KongPlugin',
        'spec.rules[0].filters[0].extensionRef.name': 'gw-r-ip-restriction',
        'spec.rules[0].filters[0].type': 'ExtensionRef',
      },
      'KongPlugin/gw-r-ip-restriction': {
        'config.allow[0]': '10.0.0.0/8',
        'config.allow[1]': '192.168.1.10/32',
        'plugin': 'ip-restriction',
      },
    },
    ipDeny: {
      'HTTPRoute/gw-r': {
        'spec.rules[0].filters[0].extensionRef.group': 'configuration.konghq.com',
        'spec.rules[0].filters[0].extensionRef.kind': 'KongPlugin',
        'spec.rules[0].filters[0].extensionRef.name': 'gw-r-ip-restriction',
        'spec.rules[0].filters[0].type': 'ExtensionRef',
      },
      'KongPlugin/gw-r-ip-restriction': {
        'config.deny[0]': '203.0.113.0/24',
        'plugin': 'ip-restriction',
      },
    },
    backendGrpc: {
      'GRPCRoute/gw-r': {
        'spec.hostnames[0]': 'a.example.com',
        'spec.parentRefs[0].name': 'gw',
        'spec.parentRefs[0].sectionName': 'http',
        'spec.rules[0].backendRefs[0].name': 'svc',
        'spec.rules[0].backendRefs[0].port': 80,
      },
      'HTTPRoute/gw-r': GONE,
    },
    backendWebsocket: SAME,
    apiKeyAuth: {
      'HTTPRoute/gw-r': {
        'spec.rules[0].filters[0].extensionRef.group': 'configuration.konghq.com',
        'spec.rules[0].filters[0].extensionRef.kind': 'KongPlugin',
        'spec.rules[0].filters[0].extensionRef.name': 'gw-r-acl',
        'spec.rules[0].filters[0].type': 'ExtensionRef',
        'spec.rules[0].filters[1].extensionRef.group': 'configuration.konghq.com',
        'spec.rules[0].filters[1].extensionRef.kind': 'KongPlugin',
        'spec.rules[0].filters[1].extensionRef.name': 'gw-r-key-auth',
        'spec.rules[0].filters[1].type': 'ExtensionRef',
      },
      'KongPlugin/gw-r-acl': {
        'config.allow[0]': 'edge/api-keys',
        'plugin': 'acl',
      },
      'KongPlugin/gw-r-key-auth': {
        'config.key_in_body': false,
        'config.key_in_header': true,
        'config.key_in_query': false,
        'config.key_names[0]': 'x-api-key',
        'plugin': 'key-auth',
      },
      'KongConsumer/api-keys-consumer': {
        "metadata.annotations['kubernetes.io/ingress.class']": 'kong',
        'credentials[0]': 'api-keys',
        'credentials[1]': 'api-keys-consumer-acl',
        'username': 'edge/api-keys',
      },
      'Secret/api-keys-consumer-acl': {
        "metadata.labels['konghq.com/credential']": 'acl',
        'stringData.group': 'edge/api-keys',
      },
    },
    basicAuth: {
      'HTTPRoute/gw-r': {
        'spec.rules[0].filters[0].extensionRef.group': 'configuration.konghq.com',
        'spec.rules[0].filters[0].extensionRef.kind': 'KongPlugin',
        'spec.rules[0].filters[0].extensionRef.name': 'gw-r-acl',
        'spec.rules[0].filters[0].type': 'ExtensionRef',
        'spec.rules[0].filters[1].extensionRef.group': 'configuration.konghq.com',
        'spec.rules[0].filters[1].extensionRef.kind': 'KongPlugin',
        'spec.rules[0].filters[1].extensionRef.name': 'gw-r-basic-auth',
        'spec.rules[0].filters[1].type': 'ExtensionRef',
      },
      'KongPlugin/gw-r-acl': {
        'config.allow[0]': 'edge/basic-users',
        'plugin': 'acl',
      },
      'KongPlugin/gw-r-basic-auth': {
        'config.realm': 'edge',
        'plugin': 'basic-auth',
      },
      'KongConsumer/basic-users-consumer': {
        "metadata.annotations['kubernetes.io/ingress.class']": 'kong',
        'credentials[0]': 'basic-users',
        'credentials[1]': 'basic-users-consumer-acl',
        'username': 'edge/basic-users',
      },
      'Secret/basic-users-consumer-acl': {
        "metadata.labels['konghq.com/credential']": 'acl',
        'stringData.group': 'edge/basic-users',
      },
    },
    canaryWeight: {
      'HTTPRoute/gw-r': {
        'spec.rules[0].backendRefs[0].weight': 90,
        'spec.rules[0].backendRefs[1].name': 'api-v2',
        'spec.rules[0].backendRefs[1].port': 80,
        'spec.rules[0].backendRefs[1].weight': 10,
      },
    },
    canaryHeader: {
      'HTTPRoute/gw-canary': {
        'spec.hostnames[0]': 'api.example.com',
        'spec.parentRefs[0].name': 'gw',
        'spec.parentRefs[0].sectionName': 'http',
        'spec.rules[0].backendRefs[0].name': 'api-v2',
        'spec.rules[0].backendRefs[0].port': 80,
        'spec.rules[0].matches[0].headers[0].name': 'x-canary',
        'spec.rules[0].matches[0].headers[0].value': 'always',
        'spec.rules[0].matches[0].path.type': 'PathPrefix',
        'spec.rules[0].matches[0].path.value': '/v1',
      },
    },
    canaryHeaderPresence: {
      'HTTPRoute/gw-canary': {
        'spec.hostnames[0]': 'api.example.com',
        'spec.parentRefs[0].name': 'gw',
        'spec.parentRefs[0].sectionName': 'http',
        'spec.rules[0].backendRefs[0].name': 'api-v2',
        'spec.rules[0].backendRefs[0].port': 80,
        'spec.rules[0].matches[0].headers[0].name': 'x-beta',
        'spec.rules[0].matches[0].headers[0].type': 'RegularExpression',
        'spec.rules[0].matches[0].headers[0].value': '^.*$',
        'spec.rules[0].matches[0].path.type': 'PathPrefix',
        'spec.rules[0].matches[0].path.value': '/v1',
      },
    },
    corsWildcardOrigin: {
      'KongPlugin/gw-r-cors': {
        'config.origins[0]': '^https://[a-z0-9-]+\\.example\\.com$',
      },
    },
    corsAnyHeader: {
      'KongPlugin/gw-r-cors': {
        'config.headers': undefined,
      },
    },
    corsAnyExposedHeader: {
      'KongPlugin/gw-r-cors': {
        'config.exposed_headers[0]': '*',
      },
    },
    // Service-side settings (issue #12): written to the Service handed over with Backend.fromService.
    timeoutConnect: {
      'Service/svc': {
        "metadata.annotations['konghq.com/connect-timeout']": '10000',
      },
    },
    timeoutRead: {
      'Service/svc': {
        "metadata.annotations['konghq.com/read-timeout']": '120000',
      },
    },
    timeoutSend: {
      'Service/svc': {
        "metadata.annotations['konghq.com/write-timeout']": '120000',
      },
    },
    backendHttps: {
      'Service/svc': {
        "metadata.annotations['konghq.com/protocol']": 'https',
      },
    },
    weightedBackends: {
      'HTTPRoute/gw-r': {
        'spec.rules[0].backendRefs[0].weight': 3,
        'spec.rules[0].backendRefs[1].weight': 1,
      },
    },
    rateLimitLongWindow: {
      'KongPlugin/gw-r-rate-limiting': {
        'config.hour': 1000,
        'config.minute': undefined,
      },
    },
    // issue #16 item 6: any-depth wildcard host (`**.`)
    anyDepthWildcardHost: {
      'HTTPRoute/gw-r': {
        'spec.hostnames[0]': '*.example.com',
      },
    },
    // The Redis store's connection settings (issue #17).
    rateLimitRedisTls: {
      'KongPlugin/gw-r-rate-limiting': {
        'config.redis.ssl': true,
        'config.redis.ssl_verify': true,
        'config.redis.server_name': 'redis.infra.svc.cluster.local',
      },
    },
    rateLimitRedisDatabase: {
      'KongPlugin/gw-r-rate-limiting': {
        'config.redis.database': 2,
      },
    },
    rateLimitRedisTimeout: {
      'KongPlugin/gw-r-rate-limiting': {
        'config.redis.timeout': 500,
      },
    },
    noBackendRule: {
      'HTTPRoute/gw-r': {
        'spec.rules[0].backendRefs': undefined,
      },
    },
    // issue #17: API keys
    apiKeyAnyConsumer: {
      'HTTPRoute/gw-r': {
        'spec.rules[0].filters[0].extensionRef.name': 'gw-r-key-auth',
        'spec.rules[0].filters[1].extensionRef.group': undefined,
        'spec.rules[0].filters[1].extensionRef.kind': undefined,
        'spec.rules[0].filters[1].extensionRef.name': undefined,
        'spec.rules[0].filters[1].type': undefined,
      },
      'KongPlugin/gw-r-acl': GONE,
      'KongConsumer/api-keys-consumer': GONE,
      'Secret/api-keys-consumer-acl': GONE,
    },
    apiKeyInQuery: {
      'KongPlugin/gw-r-key-auth': {
        'config.key_in_query': true,
      },
    },
    apiKeyRemoved: {
      'KongPlugin/gw-r-key-auth': {
        'config.hide_credentials': true,
      },
    },
    jwtConsumerKeys: {
      'HTTPRoute/gw-r': {
        'spec.rules[0].filters[0].extensionRef.group': 'configuration.konghq.com',
        'spec.rules[0].filters[0].extensionRef.kind': 'KongPlugin',
        'spec.rules[0].filters[0].extensionRef.name': 'gw-r-acl',
        'spec.rules[0].filters[0].type': 'ExtensionRef',
        'spec.rules[0].filters[1].extensionRef.group': 'configuration.konghq.com',
        'spec.rules[0].filters[1].extensionRef.kind': 'KongPlugin',
        'spec.rules[0].filters[1].extensionRef.name': 'gw-r-jwt',
        'spec.rules[0].filters[1].type': 'ExtensionRef',
      },
      ...KONG_JWT_CONSUMER_OBJECTS,
    },
    // Issue #17: RouteProtocols.HTTP_ONLY: Kong's protocols, on the HTTP listener.
    httpOnlyRoute: {
      'HTTPRoute/gw-r': {
        "metadata.annotations['konghq.com/protocols']": 'http',
        'spec.parentRefs[0].sectionName': 'http',
      },
    },
    ...GATEWAY_PER_HOST,
    // Route annotations, as on Kong Ingress (issues #12, #17).
    redirectScheme: {
      'HTTPRoute/gw-r': {
        "metadata.annotations['konghq.com/https-redirect-status-code']": '301',
      },
    },
    httpsOnlyRoute: {
      'HTTPRoute/gw-r': {
        "metadata.annotations['konghq.com/https-redirect-status-code']": '426',
        "metadata.annotations['konghq.com/protocols']": 'https',
      },
    },
    basicAuthAnyConsumer: {
      'HTTPRoute/gw-r': {
        'spec.rules[0].filters[0].extensionRef.name': 'gw-r-basic-auth',
        'spec.rules[0].filters[1].extensionRef.group': undefined,
        'spec.rules[0].filters[1].extensionRef.kind': undefined,
        'spec.rules[0].filters[1].extensionRef.name': undefined,
        'spec.rules[0].filters[1].type': undefined,
      },
      'KongPlugin/gw-r-acl': GONE,
      'KongConsumer/basic-users-consumer': GONE,
      'Secret/basic-users-consumer-acl': GONE,
    },
    redirectUrl: {
      'HTTPRoute/gw-r': {
        'spec.rules[0].filters[0].extensionRef.group': 'configuration.konghq.com',
        'spec.rules[0].filters[0].extensionRef.kind': 'KongPlugin',
        'spec.rules[0].filters[0].extensionRef.name': 'gw-r-redirect',
        'spec.rules[0].filters[0].type': 'ExtensionRef',
      },
      'KongPlugin/gw-r-redirect': {
        'plugin': 'redirect',
        'config.location': 'https://www.example.com/moved?from=a',
        'config.status_code': 302,
        'config.keep_incoming_path': false,
      },
    },
    // issue #12 (parity): a `**.` origin, one or more labels (a `*.` origin is exactly one).
    corsDeepWildcardOrigin: {
      'KongPlugin/gw-r-cors': {
        'config.origins[0]': '^https://([a-z0-9-]+\\.)+example\\.com$',
      },
    },
  },
  'gateway-api': {
    hostRouting: {
      'HTTPRoute/gw-r': {
        'spec.hostnames[0]': 'a.example.com',
        'spec.parentRefs[0].sectionName': 'http',
      },
    },
    namedRule: {
      'HTTPRoute/gw-r': {
        'spec.rules[0].name': 'checkout',
      },
    },
    exactPath: {
      'HTTPRoute/gw-r': {
        'spec.rules[0].matches[0].path.type': 'Exact',
      },
    },
    prefixPath: {
      'HTTPRoute/gw-r': {
        'spec.rules[0].matches[0].path.type': 'PathPrefix',
      },
    },
    headerMatch: {
      'HTTPRoute/gw-r': {
        'spec.rules[0].matches[0].headers[0].name': 'x-tenant',
        'spec.rules[0].matches[0].headers[0].value': 'blue',
        'spec.rules[0].matches[0].path.type': 'PathPrefix',
        'spec.rules[0].matches[0].path.value': '/',
      },
    },
    queryParamMatch: {
      'HTTPRoute/gw-r': {
        'spec.rules[0].matches[0].path.type': 'PathPrefix',
        'spec.rules[0].matches[0].path.value': '/',
        'spec.rules[0].matches[0].queryParams[0].name': 'debug',
        'spec.rules[0].matches[0].queryParams[0].value': '1',
      },
    },
    methodMatch: {
      'HTTPRoute/gw-r': {
        'spec.rules[0].matches[0].method': 'POST',
        'spec.rules[0].matches[0].path.type': 'PathPrefix',
        'spec.rules[0].matches[0].path.value': '/',
      },
    },
    multipleBackends: {
      'HTTPRoute/gw-r': {
        'spec.rules[0].backendRefs[1].name': 'b',
        'spec.rules[0].backendRefs[1].port': 80,
      },
    },
    crossNamespaceBackend: {
      'HTTPRoute/gw-r': {
        'spec.rules[0].backendRefs[0].namespace': 'other',
      },
      'ReferenceGrant/gw-r-from-edge': {
        'spec.from[0].group': 'gateway.networking.k8s.io',
        'spec.from[0].kind': 'HTTPRoute',
        'spec.from[0].namespace': 'edge',
        'spec.to[0].group': '',
        'spec.to[0].kind': 'Service',
        'spec.to[0].name': 'svc',
      },
    },
    defaultBackend: {
      'HTTPRoute/gw-default-backend': {
        'spec.parentRefs[0].name': 'gw',
        'spec.rules[0].backendRefs[0].name': 'fallback',
        'spec.rules[0].backendRefs[0].port': 80,
      },
    },
    tlsTermination: {
      'Gateway/gw': {
        'spec.listeners[1].hostname': 'a.example.com',
        'spec.listeners[1].name': 'https-a-example-com',
        'spec.listeners[1].port': 443,
        'spec.listeners[1].protocol': 'HTTPS',
        'spec.listeners[1].tls.certificateRefs[0].kind': 'Secret',
        'spec.listeners[1].tls.certificateRefs[0].name': 'a-cert',
        'spec.listeners[1].tls.mode': 'Terminate',
      },
      'HTTPRoute/gw-r': {
        'spec.parentRefs[0].sectionName': 'https-a-example-com',
      },
      'HTTPRoute/gw-tls-https-redirect': {
        'spec.hostnames[0]': 'a.example.com',
        'spec.parentRefs[0].name': 'gw',
        'spec.parentRefs[0].sectionName': 'http',
        'spec.rules[0].filters[0].requestRedirect.scheme': 'https',
        'spec.rules[0].filters[0].requestRedirect.statusCode': 301,
        'spec.rules[0].filters[0].type': 'RequestRedirect',
      },
    },
    crossNamespaceCertificate: {
      'Gateway/gw': {
        'spec.listeners[1].tls.certificateRefs[0].namespace': 'certs',
      },
      'ReferenceGrant/gw-tls-certificate': {
        'spec.from[0].group': 'gateway.networking.k8s.io',
        'spec.from[0].kind': 'Gateway',
        'spec.from[0].namespace': 'edge',
        'spec.to[0].group': '',
        'spec.to[0].kind': 'Secret',
        'spec.to[0].name': 'a-cert',
      },
    },
    automaticCertificate: {
      'Gateway/gw': {
        'spec.listeners[1].tls.certificateRefs[0].name': 'gw-tls-cert',
      },
      'Certificate/gw-tls-cert': {
        'spec.dnsNames[0]': 'a.example.com',
        'spec.issuerRef.group': 'cert-manager.io',
        'spec.issuerRef.kind': 'ClusterIssuer',
        'spec.issuerRef.name': 'selfsigned',
        'spec.secretName': 'gw-tls-cert',
      },
    },
    tlsPassthrough: {
      'Gateway/gw': {
        'spec.listeners[1].hostname': 'db.example.com',
        'spec.listeners[1].name': 'tls-db-example-com',
        'spec.listeners[1].port': 443,
        'spec.listeners[1].protocol': 'TLS',
        'spec.listeners[1].tls.mode': 'Passthrough',
      },
      'TLSRoute/gw-tls': {
        'spec.hostnames[0]': 'db.example.com',
        'spec.parentRefs[0].name': 'gw',
        'spec.parentRefs[0].sectionName': 'tls-db-example-com',
        'spec.rules[0].backendRefs[0].name': 'db',
        'spec.rules[0].backendRefs[0].port': 5432,
      },
    },
    httpsRedirect: {
      'HTTPRoute/gw-r': {
        'spec.parentRefs[0].sectionName': 'https-a-example-com',
        'spec.parentRefs[1].name': undefined,
        'spec.parentRefs[1].sectionName': undefined,
      },
      'HTTPRoute/gw-tls-https-redirect': {
        'spec.hostnames[0]': 'a.example.com',
        'spec.parentRefs[0].name': 'gw',
        'spec.parentRefs[0].sectionName': 'http',
        'spec.rules[0].filters[0].requestRedirect.scheme': 'https',
        'spec.rules[0].filters[0].requestRedirect.statusCode': 301,
        'spec.rules[0].filters[0].type': 'RequestRedirect',
      },
    },
    plainHttpOnTlsHost: {
      'HTTPRoute/gw-r': {
        'spec.parentRefs[0].sectionName': 'http',
        'spec.parentRefs[1].name': 'gw',
        'spec.parentRefs[1].sectionName': 'https-a-example-com',
      },
      'HTTPRoute/gw-tls-https-redirect': GONE,
    },
    hsts: {
      'HTTPRoute/gw-r': {
        'spec.rules[0].filters[0].responseHeaderModifier.set[0].name': 'Strict-Transport-Security',
        'spec.rules[0].filters[0].responseHeaderModifier.set[0].value': 'max-age=31536000',
        'spec.rules[0].filters[0].type': 'ResponseHeaderModifier',
      },
    },
    clientCertificateSeveralCas: {
      'Gateway/gw': {
        'spec.tls.frontend.default.validation.caCertificateRefs[1].kind': 'ConfigMap',
        'spec.tls.frontend.default.validation.caCertificateRefs[1].name': 'rotated-ca',
      },
    },
    clientCertificateAuth: {
      'Gateway/gw': {
        'spec.tls.frontend.default.validation.caCertificateRefs[0].group': '',
        'spec.tls.frontend.default.validation.caCertificateRefs[0].kind': 'ConfigMap',
        'spec.tls.frontend.default.validation.caCertificateRefs[0].name': 'partner-ca',
        'spec.tls.frontend.default.validation.mode': 'AllowValidOnly',
      },
    },
    backendTls: {
      'BackendTLSPolicy/svc-backend-tls': {
        'spec.targetRefs[0].group': '',
        'spec.targetRefs[0].kind': 'Service',
        'spec.targetRefs[0].name': 'svc',
        'spec.validation.caCertificateRefs[0].group': '',
        'spec.validation.caCertificateRefs[0].kind': 'ConfigMap',
        'spec.validation.caCertificateRefs[0].name': 'partner-ca',
        'spec.validation.hostname': 'svc.internal',
      },
    },
    timeoutRequest: {
      'HTTPRoute/gw-r': {
        'spec.rules[0].timeouts.request': '30s',
      },
    },
    timeoutBackendRequest: {
      'HTTPRoute/gw-r': {
        'spec.rules[0].timeouts.backendRequest': '10s',
      },
    },
    cors: {
      'HTTPRoute/gw-r': {
        'spec.rules[0].filters[0].cors.allowMethods[0]': 'GET',
        'spec.rules[0].filters[0].cors.allowMethods[1]': 'POST',
        'spec.rules[0].filters[0].cors.allowOrigins[0]': 'https://web.example.com',
        'spec.rules[0].filters[0].cors.maxAge': 600,
        'spec.rules[0].filters[0].type': 'CORS',
      },
    },
    requestHeaderSet: {
      'HTTPRoute/gw-r': {
        'spec.rules[0].filters[0].requestHeaderModifier.set[0].name': 'x-env',
        'spec.rules[0].filters[0].requestHeaderModifier.set[0].value': 'prod',
        'spec.rules[0].filters[0].type': 'RequestHeaderModifier',
      },
    },
    requestHeaderAdd: {
      'HTTPRoute/gw-r': {
        'spec.rules[0].filters[0].requestHeaderModifier.add[0].name': 'x-trace',
        'spec.rules[0].filters[0].requestHeaderModifier.add[0].value': 'edge',
        'spec.rules[0].filters[0].type': 'RequestHeaderModifier',
      },
    },
    requestHeaderRemove: {
      'HTTPRoute/gw-r': {
        'spec.rules[0].filters[0].requestHeaderModifier.remove[0]': 'x-internal',
        'spec.rules[0].filters[0].type': 'RequestHeaderModifier',
      },
    },
    responseHeaderSet: {
      'HTTPRoute/gw-r': {
        'spec.rules[0].filters[0].responseHeaderModifier.set[0].name': 'x-frame-options',
        'spec.rules[0].filters[0].responseHeaderModifier.set[0].value': 'DENY',
        'spec.rules[0].filters[0].type': 'ResponseHeaderModifier',
      },
    },
    responseHeaderAdd: {
      'HTTPRoute/gw-r': {
        'spec.rules[0].filters[0].responseHeaderModifier.add[0].name': 'x-served-by',
        'spec.rules[0].filters[0].responseHeaderModifier.add[0].value': 'edge',
        'spec.rules[0].filters[0].type': 'ResponseHeaderModifier',
      },
    },
    responseHeaderRemove: {
      'HTTPRoute/gw-r': {
        'spec.rules[0].filters[0].responseHeaderModifier.remove[0]': 'server',
        'spec.rules[0].filters[0].type': 'ResponseHeaderModifier',
      },
    },
    redirectScheme: {
      'HTTPRoute/gw-r-redirect': {
        'spec.hostnames[0]': 'a.example.com',
        'spec.parentRefs[0].name': 'gw',
        'spec.parentRefs[0].sectionName': 'http',
        'spec.rules[0].filters[0].requestRedirect.scheme': 'https',
        'spec.rules[0].filters[0].requestRedirect.statusCode': 308,
        'spec.rules[0].filters[0].type': 'RequestRedirect',
      },
      'HTTPRoute/gw-tls-https-redirect': {
        'spec.parentRefs[0].name': undefined,
        'spec.parentRefs[0].sectionName': undefined,
      },
    },
    redirectHost: {
      'HTTPRoute/gw-r': {
        'spec.rules[0].filters[0].requestRedirect.hostname': 'www.example.com',
      },
    },
    redirectPort: {
      'HTTPRoute/gw-r': {
        'spec.rules[0].filters[0].requestRedirect.port': 8443,
      },
    },
    redirectPath: {
      'HTTPRoute/gw-r': {
        'spec.rules[0].filters[0].requestRedirect.path.replaceFullPath': '/moved',
      },
    },
    redirectPrefix: {
      'HTTPRoute/gw-r': {
        'spec.rules[0].filters[0].requestRedirect.path.replacePrefixMatch': '/new',
      },
    },
    rewritePrefix: {
      'HTTPRoute/gw-r': {
        'spec.rules[0].filters[0].type': 'URLRewrite',
        'spec.rules[0].filters[0].urlRewrite.path.replacePrefixMatch': '/',
        'spec.rules[0].filters[0].urlRewrite.path.type': 'ReplacePrefixMatch',
      },
    },
    rewriteFullPath: {
      'HTTPRoute/gw-r': {
        'spec.rules[0].filters[0].type': 'URLRewrite',
        'spec.rules[0].filters[0].urlRewrite.path.replaceFullPath': '/healthz',
        'spec.rules[0].filters[0].urlRewrite.path.type': 'ReplaceFullPath',
      },
    },
    rewriteHost: {
      'HTTPRoute/gw-r': {
        'spec.rules[0].filters[0].type': 'URLRewrite',
        'spec.rules[0].filters[0].urlRewrite.hostname': 'internal.example.com',
      },
    },
    backendGrpc: {
      'GRPCRoute/gw-r': {
        'spec.hostnames[0]': 'a.example.com',
        'spec.parentRefs[0].name': 'gw',
        'spec.parentRefs[0].sectionName': 'http',
        'spec.rules[0].backendRefs[0].name': 'svc',
        'spec.rules[0].backendRefs[0].port': 80,
      },
      'HTTPRoute/gw-r': GONE,
    },
    canaryWeight: {
      'HTTPRoute/gw-r': {
        'spec.rules[0].backendRefs[0].weight': 90,
        'spec.rules[0].backendRefs[1].name': 'api-v2',
        'spec.rules[0].backendRefs[1].port': 80,
        'spec.rules[0].backendRefs[1].weight': 10,
      },
    },
    canaryHeader: {
      'HTTPRoute/gw-canary': {
        'spec.hostnames[0]': 'api.example.com',
        'spec.parentRefs[0].name': 'gw',
        'spec.parentRefs[0].sectionName': 'http',
        'spec.rules[0].backendRefs[0].name': 'api-v2',
        'spec.rules[0].backendRefs[0].port': 80,
        'spec.rules[0].matches[0].headers[0].name': 'x-canary',
        'spec.rules[0].matches[0].headers[0].value': 'always',
        'spec.rules[0].matches[0].path.type': 'PathPrefix',
        'spec.rules[0].matches[0].path.value': '/v1',
      },
    },
    canaryMirror: {
      'HTTPRoute/gw-r': {
        'spec.rules[0].filters[0].requestMirror.backendRef.name': 'api-shadow',
        'spec.rules[0].filters[0].requestMirror.backendRef.port': 80,
        'spec.rules[0].filters[0].requestMirror.percent': 5,
        'spec.rules[0].filters[0].type': 'RequestMirror',
      },
    },
    timeoutDisabled: {
      'HTTPRoute/gw-r': {
        'spec.rules[0].timeouts.request': '0s',
      },
    },
    redirectStatusOnly: {
      'HTTPRoute/gw-r': {
        'spec.rules[0].filters[0].requestRedirect.statusCode': 302,
      },
    },
    corsDeepWildcardOrigin: {
      'HTTPRoute/gw-r': {
        'spec.rules[0].filters[0].cors.allowOrigins[0]': 'https://*.example.com',
      },
    },
    corsAnyMethod: {
      'HTTPRoute/gw-r': {
        'spec.rules[0].filters[0].cors.allowMethods[0]': '*',
        'spec.rules[0].filters[0].cors.allowMethods[1]': undefined,
      },
    },
    corsAnyHeader: {
      'HTTPRoute/gw-r': {
        'spec.rules[0].filters[0].cors.allowHeaders[0]': '*',
      },
    },
    corsAnyExposedHeader: {
      'HTTPRoute/gw-r': {
        'spec.rules[0].filters[0].cors.exposeHeaders[0]': '*',
      },
    },
    // Service-side settings (issue #12): written to the Service handed over with Backend.fromService.
    backendH2c: {
      'Service/svc': {
        'spec.ports[0].appProtocol': 'kubernetes.io/h2c',
      },
    },
    backendWebsocket: {
      'Service/svc': {
        'spec.ports[0].appProtocol': 'kubernetes.io/ws',
      },
    },
    weightedBackends: {
      'HTTPRoute/gw-r': {
        'spec.rules[0].backendRefs[0].weight': 3,
        'spec.rules[0].backendRefs[1].weight': 1,
      },
    },
    routeMirror: {
      'HTTPRoute/gw-r': {
        'spec.rules[0].filters[0].requestMirror.backendRef.name': 'shadow-a',
        'spec.rules[0].filters[0].requestMirror.backendRef.port': 80,
        'spec.rules[0].filters[0].requestMirror.percent': 10,
        'spec.rules[0].filters[0].type': 'RequestMirror',
        'spec.rules[0].filters[1].requestMirror.backendRef.name': 'shadow-b',
        'spec.rules[0].filters[1].requestMirror.backendRef.port': 80,
        'spec.rules[0].filters[1].type': 'RequestMirror',
      },
    },
    // issue #16 item 6: any-depth wildcard host (`**.`)
    anyDepthWildcardHost: {
      'HTTPRoute/gw-r': {
        'spec.hostnames[0]': '*.example.com',
      },
    },
    noBackendRule: {
      'HTTPRoute/gw-r': {
        'spec.rules[0].backendRefs': undefined,
      },
    },
    // Issue #12: a backend's own request headers.
    backendRequestHeaders: {
      'HTTPRoute/gw-r': {
        'spec.rules[0].backendRefs[0].filters[0].type': 'RequestHeaderModifier',
        'spec.rules[0].backendRefs[0].filters[0].requestHeaderModifier.set[0].name': 'x-backend',
        'spec.rules[0].backendRefs[0].filters[0].requestHeaderModifier.set[0].value': 'svc',
        'spec.rules[0].backendRefs[0].filters[0].requestHeaderModifier.remove[0]': 'x-debug',
      },
    },
    ...GATEWAY_HTTP_ONLY,
    ...GATEWAY_PER_HOST,
  },
  'envoy-gateway': {
    hostRouting: {
      'HTTPRoute/gw-r': {
        'spec.hostnames[0]': 'a.example.com',
        'spec.parentRefs[0].sectionName': 'http',
      },
    },
    namedRule: {
      'HTTPRoute/gw-r': {
        'spec.rules[0].name': 'checkout',
      },
    },
    exactPath: {
      'HTTPRoute/gw-r': {
        'spec.rules[0].matches[0].path.type': 'Exact',
      },
    },
    prefixPath: {
      'HTTPRoute/gw-r': {
        'spec.rules[0].matches[0].path.type': 'PathPrefix',
      },
    },
    regexPath: {
      'HTTPRoute/gw-r': {
        'spec.rules[0].matches[0].path.type': 'RegularExpression',
        'spec.rules[0].matches[0].path.value': '/items/[0-9]+',
      },
    },
    headerMatch: {
      'HTTPRoute/gw-r': {
        'spec.rules[0].matches[0].headers[0].name': 'x-tenant',
        'spec.rules[0].matches[0].headers[0].value': 'blue',
        'spec.rules[0].matches[0].path.type': 'PathPrefix',
        'spec.rules[0].matches[0].path.value': '/',
      },
    },
    headerRegexMatch: {
      'HTTPRoute/gw-r': {
        'spec.rules[0].matches[0].headers[0].name': 'x-tenant',
        'spec.rules[0].matches[0].headers[0].type': 'RegularExpression',
        'spec.rules[0].matches[0].headers[0].value': 'blue-[a-z]+',
        'spec.rules[0].matches[0].path.type': 'PathPrefix',
        'spec.rules[0].matches[0].path.value': '/',
      },
    },
    queryParamMatch: {
      'HTTPRoute/gw-r': {
        'spec.rules[0].matches[0].path.type': 'PathPrefix',
        'spec.rules[0].matches[0].path.value': '/',
        'spec.rules[0].matches[0].queryParams[0].name': 'debug',
        'spec.rules[0].matches[0].queryParams[0].value': '1',
      },
    },
    methodMatch: {
      'HTTPRoute/gw-r': {
        'spec.rules[0].matches[0].method': 'POST',
        'spec.rules[0].matches[0].path.type': 'PathPrefix',
        'spec.rules[0].matches[0].path.value': '/',
      },
    },
    multipleBackends: {
      'HTTPRoute/gw-r': {
        'spec.rules[0].backendRefs[1].name': 'b',
        'spec.rules[0].backendRefs[1].port': 80,
      },
    },
    crossNamespaceBackend: {
      'HTTPRoute/gw-r': {
        'spec.rules[0].backendRefs[0].namespace': 'other',
      },
      'ReferenceGrant/gw-r-from-edge': {
        'spec.from[0].group': 'gateway.networking.k8s.io',
        'spec.from[0].kind': 'HTTPRoute',
        'spec.from[0].namespace': 'edge',
        'spec.to[0].group': '',
        'spec.to[0].kind': 'Service',
        'spec.to[0].name': 'svc',
      },
    },
    defaultBackend: {
      'HTTPRoute/gw-default-backend': {
        'spec.parentRefs[0].name': 'gw',
        'spec.rules[0].backendRefs[0].name': 'fallback',
        'spec.rules[0].backendRefs[0].port': 80,
      },
    },
    tlsTermination: {
      'Gateway/gw': {
        'spec.listeners[1].hostname': 'a.example.com',
        'spec.listeners[1].name': 'https-a-example-com',
        'spec.listeners[1].port': 443,
        'spec.listeners[1].protocol': 'HTTPS',
        'spec.listeners[1].tls.certificateRefs[0].kind': 'Secret',
        'spec.listeners[1].tls.certificateRefs[0].name': 'a-cert',
        'spec.listeners[1].tls.mode': 'Terminate',
      },
      'HTTPRoute/gw-r': {
        'spec.parentRefs[0].sectionName': 'https-a-example-com',
      },
      'HTTPRoute/gw-tls-https-redirect': {
        'spec.hostnames[0]': 'a.example.com',
        'spec.parentRefs[0].name': 'gw',
        'spec.parentRefs[0].sectionName': 'http',
        'spec.rules[0].filters[0].requestRedirect.scheme': 'https',
        'spec.rules[0].filters[0].requestRedirect.statusCode': 301,
        'spec.rules[0].filters[0].type': 'RequestRedirect',
      },
    },
    crossNamespaceCertificate: {
      'Gateway/gw': {
        'spec.listeners[1].tls.certificateRefs[0].namespace': 'certs',
      },
      'ReferenceGrant/gw-tls-certificate': {
        'spec.from[0].group': 'gateway.networking.k8s.io',
        'spec.from[0].kind': 'Gateway',
        'spec.from[0].namespace': 'edge',
        'spec.to[0].group': '',
        'spec.to[0].kind': 'Secret',
        'spec.to[0].name': 'a-cert',
      },
    },
    automaticCertificate: {
      'Gateway/gw': {
        'spec.listeners[1].tls.certificateRefs[0].name': 'gw-tls-cert',
      },
      'Certificate/gw-tls-cert': {
        'spec.dnsNames[0]': 'a.example.com',
        'spec.issuerRef.group': 'cert-manager.io',
        'spec.issuerRef.kind': 'ClusterIssuer',
        'spec.issuerRef.name': 'selfsigned',
        'spec.secretName': 'gw-tls-cert',
      },
    },
    tlsPassthrough: {
      'Gateway/gw': {
        'spec.listeners[1].hostname': 'db.example.com',
        'spec.listeners[1].name': 'tls-db-example-com',
        'spec.listeners[1].port': 443,
        'spec.listeners[1].protocol': 'TLS',
        'spec.listeners[1].tls.mode': 'Passthrough',
      },
      'TLSRoute/gw-tls': {
        'spec.hostnames[0]': 'db.example.com',
        'spec.parentRefs[0].name': 'gw',
        'spec.parentRefs[0].sectionName': 'tls-db-example-com',
        'spec.rules[0].backendRefs[0].name': 'db',
        'spec.rules[0].backendRefs[0].port': 5432,
      },
    },
    httpsRedirect: {
      'HTTPRoute/gw-r': {
        'spec.parentRefs[0].sectionName': 'https-a-example-com',
        'spec.parentRefs[1].name': undefined,
        'spec.parentRefs[1].sectionName': undefined,
      },
      'HTTPRoute/gw-tls-https-redirect': {
        'spec.hostnames[0]': 'a.example.com',
        'spec.parentRefs[0].name': 'gw',
        'spec.parentRefs[0].sectionName': 'http',
        'spec.rules[0].filters[0].requestRedirect.scheme': 'https',
        'spec.rules[0].filters[0].requestRedirect.statusCode': 301,
        'spec.rules[0].filters[0].type': 'RequestRedirect',
      },
    },
    plainHttpOnTlsHost: {
      'HTTPRoute/gw-r': {
        'spec.parentRefs[0].sectionName': 'http',
        'spec.parentRefs[1].name': 'gw',
        'spec.parentRefs[1].sectionName': 'https-a-example-com',
      },
      'HTTPRoute/gw-tls-https-redirect': GONE,
    },
    hsts: {
      'HTTPRoute/gw-r': {
        'spec.rules[0].filters[0].responseHeaderModifier.set[0].name': 'Strict-Transport-Security',
        'spec.rules[0].filters[0].responseHeaderModifier.set[0].value': 'max-age=31536000',
        'spec.rules[0].filters[0].type': 'ResponseHeaderModifier',
      },
    },
    tlsCipherSuites: {
      'ClientTrafficPolicy/gw-tls': {
        'spec.targetRefs[0].sectionName': 'https-a-example-com',
        'spec.tls.ciphers[0]': 'ECDHE-RSA-AES128-GCM-SHA256',
        'spec.tls.ciphers[1]': 'ECDHE-RSA-AES256-GCM-SHA384',
      },
    },
    minTlsVersion: {
      'ClientTrafficPolicy/gw-tls': {
        'spec.targetRefs[0].group': 'gateway.networking.k8s.io',
        'spec.targetRefs[0].kind': 'Gateway',
        'spec.targetRefs[0].name': 'gw',
        'spec.targetRefs[0].sectionName': 'https-a-example-com',
        'spec.tls.minVersion': '1.3',
      },
    },
    clientCertificateSeveralCas: {
      'ClientTrafficPolicy/gw-tls': {
        'spec.tls.clientValidation.caCertificateRefs[1].kind': 'Secret',
        'spec.tls.clientValidation.caCertificateRefs[1].name': 'rotated-ca',
      },
    },
    clientCertificateAuth: {
      'ClientTrafficPolicy/gw-tls': {
        'spec.targetRefs[0].group': 'gateway.networking.k8s.io',
        'spec.targetRefs[0].kind': 'Gateway',
        'spec.targetRefs[0].name': 'gw',
        'spec.targetRefs[0].sectionName': 'https-a-example-com',
        'spec.tls.clientValidation.caCertificateRefs[0].group': '',
        'spec.tls.clientValidation.caCertificateRefs[0].kind': 'Secret',
        'spec.tls.clientValidation.caCertificateRefs[0].name': 'partner-ca',
        'spec.tls.clientValidation.mode': 'RequireAndVerify',
      },
    },
    optionalClientCertificate: {
      'ClientTrafficPolicy/gw-tls': {
        'spec.tls.clientValidation.mode': 'VerifyIfGiven',
      },
    },
    backendTls: {
      'BackendTLSPolicy/svc-backend-tls': {
        'spec.targetRefs[0].group': '',
        'spec.targetRefs[0].kind': 'Service',
        'spec.targetRefs[0].name': 'svc',
        'spec.validation.caCertificateRefs[0].group': '',
        'spec.validation.caCertificateRefs[0].kind': 'ConfigMap',
        'spec.validation.caCertificateRefs[0].name': 'partner-ca',
        'spec.validation.hostname': 'svc.internal',
      },
    },
    backendTlsSystemCa: {
      'BackendTLSPolicy/svc-backend-tls': {
        'spec.targetRefs[0].group': '',
        'spec.targetRefs[0].kind': 'Service',
        'spec.targetRefs[0].name': 'svc',
        'spec.validation.hostname': 'svc.example.com',
        'spec.validation.wellKnownCACertificates': 'System',
      },
    },
    rateLimitPerClientIp: {
      'BackendTrafficPolicy/gw-r': {
        'spec.rateLimit.local.rules[0].clientSelectors[0].sourceCIDR.type': 'Distinct',
        'spec.rateLimit.local.rules[0].clientSelectors[0].sourceCIDR.value': '0.0.0.0/0',
        'spec.rateLimit.local.rules[0].limit.requests': 10,
        'spec.rateLimit.local.rules[0].limit.unit': 'Second',
        'spec.rateLimit.local.rules[1].clientSelectors[0].sourceCIDR.type': 'Distinct',
        'spec.rateLimit.local.rules[1].clientSelectors[0].sourceCIDR.value': '::/0',
        'spec.rateLimit.local.rules[1].limit.requests': 10,
        'spec.rateLimit.local.rules[1].limit.unit': 'Second',
        'spec.targetRefs[0].group': 'gateway.networking.k8s.io',
        'spec.targetRefs[0].kind': 'HTTPRoute',
        'spec.targetRefs[0].name': 'gw-r',
      },
    },
    rateLimitPerHeader: {
      'BackendTrafficPolicy/gw-r': {
        'spec.rateLimit.local.rules[0].clientSelectors[0].headers[0].name': 'x-api-key',
        'spec.rateLimit.local.rules[0].clientSelectors[0].headers[0].type': 'Distinct',
        'spec.rateLimit.local.rules[0].limit.requests': 100,
        'spec.rateLimit.local.rules[0].limit.unit': 'Second',
        'spec.targetRefs[0].group': 'gateway.networking.k8s.io',
        'spec.targetRefs[0].kind': 'HTTPRoute',
        'spec.targetRefs[0].name': 'gw-r',
      },
    },
    rateLimitControllerStore: {
      'BackendTrafficPolicy/gw-r': {
        'spec.rateLimit.global.rules[0].clientSelectors[0].sourceCIDR.type': 'Distinct',
        'spec.rateLimit.global.rules[0].clientSelectors[0].sourceCIDR.value': '0.0.0.0/0',
        'spec.rateLimit.global.rules[0].limit.requests': 10,
        'spec.rateLimit.global.rules[0].limit.unit': 'Second',
        'spec.rateLimit.global.rules[0].shared': true,
        'spec.rateLimit.global.rules[1].clientSelectors[0].sourceCIDR.type': 'Distinct',
        'spec.rateLimit.global.rules[1].clientSelectors[0].sourceCIDR.value': '::/0',
        'spec.rateLimit.global.rules[1].limit.requests': 10,
        'spec.rateLimit.global.rules[1].limit.unit': 'Second',
        'spec.rateLimit.global.rules[1].shared': true,
        'spec.rateLimit.local.rules[0].clientSelectors[0].sourceCIDR.type': undefined,
        'spec.rateLimit.local.rules[0].clientSelectors[0].sourceCIDR.value': undefined,
        'spec.rateLimit.local.rules[0].limit.requests': undefined,
        'spec.rateLimit.local.rules[0].limit.unit': undefined,
        'spec.rateLimit.local.rules[1].clientSelectors[0].sourceCIDR.type': undefined,
        'spec.rateLimit.local.rules[1].clientSelectors[0].sourceCIDR.value': undefined,
        'spec.rateLimit.local.rules[1].limit.requests': undefined,
        'spec.rateLimit.local.rules[1].limit.unit': undefined,
      },
    },
    timeoutConnect: {
      'BackendTrafficPolicy/gw-r': {
        'spec.targetRefs[0].group': 'gateway.networking.k8s.io',
        'spec.targetRefs[0].kind': 'HTTPRoute',
        'spec.targetRefs[0].name': 'gw-r',
        'spec.timeout.tcp.connectTimeout': '10s',
      },
    },
    timeoutRequest: {
      'HTTPRoute/gw-r': {
        'spec.rules[0].timeouts.request': '30s',
      },
    },
    timeoutBackendRequest: {
      'HTTPRoute/gw-r': {
        'spec.rules[0].timeouts.backendRequest': '10s',
      },
    },
    bodySize: {
      'BackendTrafficPolicy/gw-r': {
        'spec.requestBuffer.limit': '50Mi',
        'spec.targetRefs[0].group': 'gateway.networking.k8s.io',
        'spec.targetRefs[0].kind': 'HTTPRoute',
        'spec.targetRefs[0].name': 'gw-r',
      },
    },
    cors: {
      'HTTPRoute/gw-r': {
        'spec.rules[0].filters[0].cors.allowMethods[0]': 'GET',
        'spec.rules[0].filters[0].cors.allowMethods[1]': 'POST',
        'spec.rules[0].filters[0].cors.allowOrigins[0]': 'https://web.example.com',
        'spec.rules[0].filters[0].cors.maxAge': 600,
        'spec.rules[0].filters[0].type': 'CORS',
      },
    },
    requestHeaderSet: {
      'HTTPRoute/gw-r': {
        'spec.rules[0].filters[0].requestHeaderModifier.set[0].name': 'x-env',
        'spec.rules[0].filters[0].requestHeaderModifier.set[0].value': 'prod',
        'spec.rules[0].filters[0].type': 'RequestHeaderModifier',
      },
    },
    requestHeaderAdd: {
      'HTTPRoute/gw-r': {
        'spec.rules[0].filters[0].requestHeaderModifier.add[0].name': 'x-trace',
        'spec.rules[0].filters[0].requestHeaderModifier.add[0].value': 'edge',
        'spec.rules[0].filters[0].type': 'RequestHeaderModifier',
      },
    },
    requestHeaderRemove: {
      'HTTPRoute/gw-r': {
        'spec.rules[0].filters[0].requestHeaderModifier.remove[0]': 'x-internal',
        'spec.rules[0].filters[0].type': 'RequestHeaderModifier',
      },
    },
    responseHeaderSet: {
      'HTTPRoute/gw-r': {
        'spec.rules[0].filters[0].responseHeaderModifier.set[0].name': 'x-frame-options',
        'spec.rules[0].filters[0].responseHeaderModifier.set[0].value': 'DENY',
        'spec.rules[0].filters[0].type': 'ResponseHeaderModifier',
      },
    },
    responseHeaderAdd: {
      'HTTPRoute/gw-r': {
        'spec.rules[0].filters[0].responseHeaderModifier.add[0].name': 'x-served-by',
        'spec.rules[0].filters[0].responseHeaderModifier.add[0].value': 'edge',
        'spec.rules[0].filters[0].type': 'ResponseHeaderModifier',
      },
    },
    responseHeaderRemove: {
      'HTTPRoute/gw-r': {
        'spec.rules[0].filters[0].responseHeaderModifier.remove[0]': 'server',
        'spec.rules[0].filters[0].type': 'ResponseHeaderModifier',
      },
    },
    redirectScheme: {
      'HTTPRoute/gw-r-redirect': {
        'spec.hostnames[0]': 'a.example.com',
        'spec.parentRefs[0].name': 'gw',
        'spec.parentRefs[0].sectionName': 'http',
        'spec.rules[0].filters[0].requestRedirect.scheme': 'https',
        'spec.rules[0].filters[0].requestRedirect.statusCode': 308,
        'spec.rules[0].filters[0].type': 'RequestRedirect',
      },
      'HTTPRoute/gw-tls-https-redirect': {
        'spec.parentRefs[0].name': undefined,
        'spec.parentRefs[0].sectionName': undefined,
      },
    },
    redirectHost: {
      'HTTPRoute/gw-r': {
        'spec.rules[0].filters[0].requestRedirect.hostname': 'www.example.com',
      },
    },
    redirectPort: {
      'HTTPRoute/gw-r': {
        'spec.rules[0].filters[0].requestRedirect.port': 8443,
      },
    },
    redirectPath: {
      'HTTPRoute/gw-r': {
        'spec.rules[0].filters[0].requestRedirect.path.replaceFullPath': '/moved',
      },
    },
    redirectPrefix: {
      'HTTPRoute/gw-r': {
        'spec.rules[0].filters[0].requestRedirect.path.replacePrefixMatch': '/new',
      },
    },
    rewritePrefix: {
      'HTTPRoute/gw-r': {
        'spec.rules[0].filters[0].type': 'URLRewrite',
        'spec.rules[0].filters[0].urlRewrite.path.replacePrefixMatch': '/',
        'spec.rules[0].filters[0].urlRewrite.path.type': 'ReplacePrefixMatch',
      },
    },
    rewriteFullPath: {
      'HTTPRoute/gw-r': {
        'spec.rules[0].filters[0].type': 'URLRewrite',
        'spec.rules[0].filters[0].urlRewrite.path.replaceFullPath': '/healthz',
        'spec.rules[0].filters[0].urlRewrite.path.type': 'ReplaceFullPath',
      },
    },
    rewriteHost: {
      'HTTPRoute/gw-r': {
        'spec.rules[0].filters[0].type': 'URLRewrite',
        'spec.rules[0].filters[0].urlRewrite.hostname': 'internal.example.com',
      },
    },
    ipAllow: {
      'SecurityPolicy/gw-r': {
        'spec.authorization.defaultAction': 'Deny',
        'spec.authorization.rules[0].action': 'Allow',
        'spec.authorization.rules[0].principal.clientCIDRs[0]': '10.0.0.0/8',
        'spec.authorization.rules[0].principal.clientCIDRs[1]': '192.168.1.10/32',
        'spec.targetRefs[0].group': 'gateway.networking.k8s.io',
        'spec.targetRefs[0].kind': 'HTTPRoute',
        'spec.targetRefs[0].name': 'gw-r',
      },
    },
    ipDeny: {
      'SecurityPolicy/gw-r': {
        'spec.authorization.defaultAction': 'Allow',
        'spec.authorization.rules[0].action': 'Deny',
        'spec.authorization.rules[0].principal.clientCIDRs[0]': '203.0.113.0/24',
        'spec.targetRefs[0].group': 'gateway.networking.k8s.io',
        'spec.targetRefs[0].kind': 'HTTPRoute',
        'spec.targetRefs[0].name': 'gw-r',
      },
    },
    retries: {
      'BackendTrafficPolicy/gw-r': {
        'spec.retry.numRetries': 2,
        'spec.retry.retryOn.triggers[0]': 'connect-failure',
        'spec.targetRefs[0].group': 'gateway.networking.k8s.io',
        'spec.targetRefs[0].kind': 'HTTPRoute',
        'spec.targetRefs[0].name': 'gw-r',
      },
    },
    retryStatusCodes: {
      'BackendTrafficPolicy/gw-r': {
        'spec.retry.retryOn.httpStatusCodes[0]': 503,
        'spec.retry.retryOn.triggers[0]': 'retriable-status-codes',
      },
    },
    retryPerTryTimeout: {
      'BackendTrafficPolicy/gw-r': {
        'spec.retry.perRetry.timeout': '2s',
      },
    },
    retryBackoff: {
      'BackendTrafficPolicy/gw-r': {
        'spec.retry.perRetry.backOff.baseInterval': '100ms',
      },
    },
    retryMaxBackoff: {
      'BackendTrafficPolicy/gw-r': {
        'spec.retry.perRetry.backOff.maxInterval': '1s',
      },
    },
    retryNonIdempotent: SAME,
    sessionAffinityCookie: {
      'BackendTrafficPolicy/gw-r': {
        'spec.loadBalancer.consistentHash.cookie.attributes.Secure': '',
        'spec.loadBalancer.consistentHash.cookie.name': 'route',
        'spec.loadBalancer.consistentHash.cookie.ttl': '1h',
        'spec.loadBalancer.consistentHash.type': 'Cookie',
        'spec.loadBalancer.type': 'ConsistentHash',
        'spec.targetRefs[0].group': 'gateway.networking.k8s.io',
        'spec.targetRefs[0].kind': 'HTTPRoute',
        'spec.targetRefs[0].name': 'gw-r',
      },
    },
    backendGrpc: {
      'GRPCRoute/gw-r': {
        'spec.hostnames[0]': 'a.example.com',
        'spec.parentRefs[0].name': 'gw',
        'spec.parentRefs[0].sectionName': 'http',
        'spec.rules[0].backendRefs[0].name': 'svc',
        'spec.rules[0].backendRefs[0].port': 80,
      },
      'HTTPRoute/gw-r': GONE,
    },
    backendWebsocket: SAME,
    externalAuth: {
      'SecurityPolicy/gw-r': {
        'spec.extAuth.http.backendRefs[0].name': 'auth',
        'spec.extAuth.http.backendRefs[0].namespace': 'auth',
        'spec.extAuth.http.backendRefs[0].port': 80,
        'spec.extAuth.http.pathOverride': '/verify',
        'spec.targetRefs[0].group': 'gateway.networking.k8s.io',
        'spec.targetRefs[0].kind': 'HTTPRoute',
        'spec.targetRefs[0].name': 'gw-r',
      },
      'ReferenceGrant/gw-r-ext-auth-from-edge': {
        'spec.from[0].group': 'gateway.envoyproxy.io',
        'spec.from[0].kind': 'SecurityPolicy',
        'spec.from[0].namespace': 'edge',
        'spec.to[0].group': '',
        'spec.to[0].kind': 'Service',
        'spec.to[0].name': 'auth',
      },
    },
    externalAuthResponseHeaders: {
      'SecurityPolicy/gw-r': {
        'spec.extAuth.http.headersToBackend[0]': 'X-User-ID',
      },
    },
    jwtAuth: {
      'SecurityPolicy/gw-r': {
        'spec.jwt.providers[0].audiences[0]': 'api',
        'spec.jwt.providers[0].issuer': 'https://issuer.example.com',
        'spec.jwt.providers[0].name': 'jwt',
        'spec.jwt.providers[0].remoteJWKS.uri': 'https://issuer.example.com/.well-known/jwks.json',
        'spec.targetRefs[0].group': 'gateway.networking.k8s.io',
        'spec.targetRefs[0].kind': 'HTTPRoute',
        'spec.targetRefs[0].name': 'gw-r',
      },
    },
    jwtClaimsToHeaders: {
      'SecurityPolicy/gw-r': {
        'spec.jwt.providers[0].claimToHeaders[0].claim': 'sub',
        'spec.jwt.providers[0].claimToHeaders[0].header': 'x-user-id',
      },
    },
    apiKeyAuth: {
      'SecurityPolicy/gw-r': {
        'spec.apiKeyAuth.credentialRefs[0].name': 'api-keys',
        'spec.apiKeyAuth.extractFrom[0].headers[0]': 'x-api-key',
        'spec.targetRefs[0].group': 'gateway.networking.k8s.io',
        'spec.targetRefs[0].kind': 'HTTPRoute',
        'spec.targetRefs[0].name': 'gw-r',
      },
    },
    basicAuth: {
      'SecurityPolicy/gw-r': {
        'spec.basicAuth.users.name': 'basic-users',
        'spec.targetRefs[0].group': 'gateway.networking.k8s.io',
        'spec.targetRefs[0].kind': 'HTTPRoute',
        'spec.targetRefs[0].name': 'gw-r',
      },
    },
    canaryWeight: {
      'HTTPRoute/gw-r': {
        'spec.rules[0].backendRefs[0].weight': 90,
        'spec.rules[0].backendRefs[1].name': 'api-v2',
        'spec.rules[0].backendRefs[1].port': 80,
        'spec.rules[0].backendRefs[1].weight': 10,
      },
    },
    canaryHeader: {
      'HTTPRoute/gw-canary': {
        'spec.hostnames[0]': 'api.example.com',
        'spec.parentRefs[0].name': 'gw',
        'spec.parentRefs[0].sectionName': 'http',
        'spec.rules[0].backendRefs[0].name': 'api-v2',
        'spec.rules[0].backendRefs[0].port': 80,
        'spec.rules[0].matches[0].headers[0].name': 'x-canary',
        'spec.rules[0].matches[0].headers[0].value': 'always',
        'spec.rules[0].matches[0].path.type': 'PathPrefix',
        'spec.rules[0].matches[0].path.value': '/v1',
      },
    },
    canaryHeaderPresence: {
      'HTTPRoute/gw-canary': {
        'spec.hostnames[0]': 'api.example.com',
        'spec.parentRefs[0].name': 'gw',
        'spec.parentRefs[0].sectionName': 'http',
        'spec.rules[0].backendRefs[0].name': 'api-v2',
        'spec.rules[0].backendRefs[0].port': 80,
        'spec.rules[0].matches[0].headers[0].name': 'x-beta',
        'spec.rules[0].matches[0].headers[0].type': 'RegularExpression',
        'spec.rules[0].matches[0].headers[0].value': '.*',
        'spec.rules[0].matches[0].path.type': 'PathPrefix',
        'spec.rules[0].matches[0].path.value': '/v1',
      },
    },
    canaryCookie: {
      'HTTPRoute/gw-canary': {
        'spec.hostnames[0]': 'api.example.com',
        'spec.parentRefs[0].name': 'gw',
        'spec.parentRefs[0].sectionName': 'http',
        'spec.rules[0].backendRefs[0].name': 'api-v2',
        'spec.rules[0].backendRefs[0].port': 80,
        'spec.rules[0].matches[0].headers[0].name': 'cookie',
        'spec.rules[0].matches[0].headers[0].type': 'RegularExpression',
        'spec.rules[0].matches[0].headers[0].value': '(.*;\\s*)?canary=always(;.*)?',
        'spec.rules[0].matches[0].path.type': 'PathPrefix',
        'spec.rules[0].matches[0].path.value': '/v1',
      },
    },
    canaryMirror: {
      'HTTPRoute/gw-r': {
        'spec.rules[0].filters[0].requestMirror.backendRef.name': 'api-shadow',
        'spec.rules[0].filters[0].requestMirror.backendRef.port': 80,
        'spec.rules[0].filters[0].requestMirror.percent': 5,
        'spec.rules[0].filters[0].type': 'RequestMirror',
      },
    },
    timeoutDisabled: {
      'HTTPRoute/gw-r': {
        'spec.rules[0].timeouts.request': '0s',
      },
    },
    redirectStatusOnly: {
      'HTTPRoute/gw-r': {
        'spec.rules[0].filters[0].requestRedirect.statusCode': 302,
      },
    },
    corsDeepWildcardOrigin: {
      'HTTPRoute/gw-r': {
        'spec.rules[0].filters[0].cors.allowOrigins[0]': 'https://*.example.com',
      },
    },
    corsAnyMethod: {
      'HTTPRoute/gw-r': {
        'spec.rules[0].filters[0].cors.allowMethods[0]': '*',
        'spec.rules[0].filters[0].cors.allowMethods[1]': undefined,
      },
    },
    corsAnyHeader: {
      'HTTPRoute/gw-r': {
        'spec.rules[0].filters[0].cors.allowHeaders[0]': '*',
      },
    },
    corsAnyExposedHeader: {
      'HTTPRoute/gw-r': {
        'spec.rules[0].filters[0].cors.exposeHeaders[0]': '*',
      },
    },
    // Service-side settings (issue #12): written to the Service handed over with Backend.fromService.
    backendH2c: {
      'Service/svc': {
        'spec.ports[0].appProtocol': 'kubernetes.io/h2c',
      },
    },
    weightedBackends: {
      'HTTPRoute/gw-r': {
        'spec.rules[0].backendRefs[0].weight': 3,
        'spec.rules[0].backendRefs[1].weight': 1,
      },
    },
    routeMirror: {
      'HTTPRoute/gw-r': {
        'spec.rules[0].filters[0].requestMirror.backendRef.name': 'shadow-a',
        'spec.rules[0].filters[0].requestMirror.backendRef.port': 80,
        'spec.rules[0].filters[0].requestMirror.percent': 10,
        'spec.rules[0].filters[0].type': 'RequestMirror',
        'spec.rules[0].filters[1].requestMirror.backendRef.name': 'shadow-b',
        'spec.rules[0].filters[1].requestMirror.backendRef.port': 80,
        'spec.rules[0].filters[1].type': 'RequestMirror',
      },
    },
    rateLimitLongWindow: {
      'BackendTrafficPolicy/gw-r': {
        'spec.rateLimit.local.rules[0].limit.unit': 'Hour',
        'spec.rateLimit.local.rules[1].limit.unit': 'Hour',
      },
    },
    clientIpForwardedFor: {
      'ClientTrafficPolicy/gw-client-ip': {
        'spec.clientIPDetection.xForwardedFor.numTrustedHops': 2,
        'spec.targetRefs[0].group': 'gateway.networking.k8s.io',
        'spec.targetRefs[0].kind': 'Gateway',
        'spec.targetRefs[0].name': 'gw',
      },
    },
    // issue #16 item 6: any-depth wildcard host (`**.`)
    anyDepthWildcardHost: {
      'HTTPRoute/gw-r': {
        'spec.hostnames[0]': '*.example.com',
      },
    },
    tlsSessionTickets: {
      'ClientTrafficPolicy/gw-tls': {
        'spec.targetRefs[0].sectionName': 'https-a-example-com',
        'spec.tls.session.resumption.stateless': {},
      },
    },
    // Requests in progress, without a rate (issue #17).
    concurrencyPerRoute: {
      'BackendTrafficPolicy/gw-r': {
        'spec.circuitBreaker.maxParallelRequests': 200,
        'spec.targetRefs[0].group': 'gateway.networking.k8s.io',
        'spec.targetRefs[0].kind': 'HTTPRoute',
        'spec.targetRefs[0].name': 'gw-r',
      },
    },
    noBackendRule: {
      'HTTPRoute/gw-r': {
        'spec.rules[0].backendRefs': undefined,
      },
    },
    directResponse: {
      'HTTPRoute/gw-r': {
        'spec.rules[0].backendRefs': undefined,
        'spec.rules[0].filters[0].type': 'ExtensionRef',
        'spec.rules[0].filters[0].extensionRef.group': 'gateway.envoyproxy.io',
        'spec.rules[0].filters[0].extensionRef.kind': 'HTTPRouteFilter',
        'spec.rules[0].filters[0].extensionRef.name': 'gw-r',
      },
      'HTTPRouteFilter/gw-r': {
        'spec.directResponse.statusCode': 503,
        'spec.directResponse.body.type': 'Inline',
        'spec.directResponse.body.inline': 'Down for maintenance',
        'spec.directResponse.contentType': 'text/html; charset=utf-8',
      },
    },
    // issue #17: external auth extras
    externalAuthRequestHeaders: {
      'SecurityPolicy/gw-r': {
        'spec.extAuth.headersToExtAuth[0]': 'authorization',
        'spec.extAuth.headersToExtAuth[1]': 'cookie',
      },
    },
    externalAuthBody: {
      'SecurityPolicy/gw-r': {
        'spec.extAuth.bodyToExtAuth.maxRequestBytes': 65536,
      },
    },
    externalAuthCa: {
      'Backend/gw-r-ext-auth': {
        'spec.tls.caCertificateRefs[0].group': '',
        'spec.tls.caCertificateRefs[0].kind': 'Secret',
        'spec.tls.caCertificateRefs[0].name': 'auth-ca',
        'spec.tls.wellKnownCACertificates': undefined,
      },
    },
    externalAuthClientCertificate: {
      'Backend/gw-r-ext-auth': {
        'spec.tls.clientCertificateRef.group': '',
        'spec.tls.clientCertificateRef.kind': 'Secret',
        'spec.tls.clientCertificateRef.name': 'auth-client-tls',
      },
    },
    // issue #17: API keys
    apiKeyInQuery: {
      'SecurityPolicy/gw-r': {
        'spec.apiKeyAuth.extractFrom[1].params[0]': 'apikey',
      },
    },
    apiKeyRemoved: {
      'SecurityPolicy/gw-r': {
        'spec.apiKeyAuth.sanitize': true,
      },
    },
    // Issue #12: a backend's own request headers.
    backendRequestHeaders: {
      'HTTPRoute/gw-r': {
        'spec.rules[0].backendRefs[0].filters[0].type': 'RequestHeaderModifier',
        'spec.rules[0].backendRefs[0].filters[0].requestHeaderModifier.set[0].name': 'x-backend',
        'spec.rules[0].backendRefs[0].filters[0].requestHeaderModifier.set[0].value': 'svc',
        'spec.rules[0].backendRefs[0].filters[0].requestHeaderModifier.remove[0]': 'x-debug',
      },
    },
    backendResponseHeaders: {
      'HTTPRoute/gw-r': {
        'spec.rules[0].backendRefs[0].filters[0].type': 'ResponseHeaderModifier',
        'spec.rules[0].backendRefs[0].filters[0].responseHeaderModifier.set[0].name': 'x-served-by',
        'spec.rules[0].backendRefs[0].filters[0].responseHeaderModifier.set[0].value': 'svc',
        'spec.rules[0].backendRefs[0].filters[0].responseHeaderModifier.remove[0]': 'server',
      },
    },
    ...GATEWAY_HTTP_ONLY,
    ...GATEWAY_PER_HOST,
    // egfill (issue #12): Redirect.toUrl, a direct response setting Location; the rule keeps its backend (receives nothing).
    redirectUrl: {
      'HTTPRoute/gw-r': {
        'spec.rules[0].filters[0].type': 'ExtensionRef',
        'spec.rules[0].filters[0].extensionRef.group': 'gateway.envoyproxy.io',
        'spec.rules[0].filters[0].extensionRef.kind': 'HTTPRouteFilter',
        'spec.rules[0].filters[0].extensionRef.name': 'gw-r',
      },
      'HTTPRouteFilter/gw-r': {
        'spec.directResponse.statusCode': 302,
        'spec.directResponse.header.set[0].name': 'Location',
        'spec.directResponse.header.set[0].value': 'https://www.example.com/moved?from=a',
      },
    },
  },
  'istio': {
    hostRouting: {
      'HTTPRoute/gw-r': {
        'spec.hostnames[0]': 'a.example.com',
        'spec.parentRefs[0].sectionName': 'http',
      },
    },
    namedRule: {
      'HTTPRoute/gw-r': {
        'spec.rules[0].name': 'checkout',
      },
    },
    exactPath: {
      'HTTPRoute/gw-r': {
        'spec.rules[0].matches[0].path.type': 'Exact',
      },
    },
    prefixPath: {
      'HTTPRoute/gw-r': {
        'spec.rules[0].matches[0].path.type': 'PathPrefix',
      },
    },
    regexPath: {
      'HTTPRoute/gw-r': {
        'spec.rules[0].matches[0].path.type': 'RegularExpression',
        'spec.rules[0].matches[0].path.value': '/items/[0-9]+',
      },
    },
    headerMatch: {
      'HTTPRoute/gw-r': {
        'spec.rules[0].matches[0].headers[0].name': 'x-tenant',
        'spec.rules[0].matches[0].headers[0].value': 'blue',
        'spec.rules[0].matches[0].path.type': 'PathPrefix',
        'spec.rules[0].matches[0].path.value': '/',
      },
    },
    headerRegexMatch: {
      'HTTPRoute/gw-r': {
        'spec.rules[0].matches[0].headers[0].name': 'x-tenant',
        'spec.rules[0].matches[0].headers[0].type': 'RegularExpression',
        'spec.rules[0].matches[0].headers[0].value': 'blue-[a-z]+',
        'spec.rules[0].matches[0].path.type': 'PathPrefix',
        'spec.rules[0].matches[0].path.value': '/',
      },
    },
    queryParamMatch: {
      'HTTPRoute/gw-r': {
        'spec.rules[0].matches[0].path.type': 'PathPrefix',
        'spec.rules[0].matches[0].path.value': '/',
        'spec.rules[0].matches[0].queryParams[0].name': 'debug',
        'spec.rules[0].matches[0].queryParams[0].value': '1',
      },
    },
    methodMatch: {
      'HTTPRoute/gw-r': {
        'spec.rules[0].matches[0].method': 'POST',
        'spec.rules[0].matches[0].path.type': 'PathPrefix',
        'spec.rules[0].matches[0].path.value': '/',
      },
    },
    multipleBackends: {
      'HTTPRoute/gw-r': {
        'spec.rules[0].backendRefs[1].name': 'b',
        'spec.rules[0].backendRefs[1].port': 80,
      },
    },
    crossNamespaceBackend: {
      'HTTPRoute/gw-r': {
        'spec.rules[0].backendRefs[0].namespace': 'other',
      },
      'ReferenceGrant/gw-r-from-edge': {
        'spec.from[0].group': 'gateway.networking.k8s.io',
        'spec.from[0].kind': 'HTTPRoute',
        'spec.from[0].namespace': 'edge',
        'spec.to[0].group': '',
        'spec.to[0].kind': 'Service',
        'spec.to[0].name': 'svc',
      },
    },
    defaultBackend: {
      'HTTPRoute/gw-default-backend': {
        'spec.parentRefs[0].name': 'gw',
        'spec.rules[0].backendRefs[0].name': 'fallback',
        'spec.rules[0].backendRefs[0].port': 80,
      },
    },
    tlsTermination: {
      'Gateway/gw': {
        'spec.listeners[1].hostname': 'a.example.com',
        'spec.listeners[1].name': 'https-a-example-com',
        'spec.listeners[1].port': 443,
        'spec.listeners[1].protocol': 'HTTPS',
        'spec.listeners[1].tls.certificateRefs[0].kind': 'Secret',
        'spec.listeners[1].tls.certificateRefs[0].name': 'a-cert',
        'spec.listeners[1].tls.mode': 'Terminate',
      },
      'HTTPRoute/gw-r': {
        'spec.parentRefs[0].sectionName': 'https-a-example-com',
      },
      'HTTPRoute/gw-tls-https-redirect': {
        'spec.hostnames[0]': 'a.example.com',
        'spec.parentRefs[0].name': 'gw',
        'spec.parentRefs[0].sectionName': 'http',
        'spec.rules[0].filters[0].requestRedirect.scheme': 'https',
        'spec.rules[0].filters[0].requestRedirect.statusCode': 301,
        'spec.rules[0].filters[0].type': 'RequestRedirect',
      },
    },
    crossNamespaceCertificate: {
      'Gateway/gw': {
        'spec.listeners[1].tls.certificateRefs[0].namespace': 'certs',
      },
      'ReferenceGrant/gw-tls-certificate': {
        'spec.from[0].group': 'gateway.networking.k8s.io',
        'spec.from[0].kind': 'Gateway',
        'spec.from[0].namespace': 'edge',
        'spec.to[0].group': '',
        'spec.to[0].kind': 'Secret',
        'spec.to[0].name': 'a-cert',
      },
    },
    automaticCertificate: {
      'Gateway/gw': {
        'spec.listeners[1].tls.certificateRefs[0].name': 'gw-tls-cert',
      },
      'Certificate/gw-tls-cert': {
        'spec.dnsNames[0]': 'a.example.com',
        'spec.issuerRef.group': 'cert-manager.io',
        'spec.issuerRef.kind': 'ClusterIssuer',
        'spec.issuerRef.name': 'selfsigned',
        'spec.secretName': 'gw-tls-cert',
      },
    },
    tlsPassthrough: {
      'Gateway/gw': {
        'spec.listeners[1].hostname': 'db.example.com',
        'spec.listeners[1].name': 'tls-db-example-com',
        'spec.listeners[1].port': 443,
        'spec.listeners[1].protocol': 'TLS',
        'spec.listeners[1].tls.mode': 'Passthrough',
      },
      'TLSRoute/gw-tls': {
        'spec.hostnames[0]': 'db.example.com',
        'spec.parentRefs[0].name': 'gw',
        'spec.parentRefs[0].sectionName': 'tls-db-example-com',
        'spec.rules[0].backendRefs[0].name': 'db',
        'spec.rules[0].backendRefs[0].port': 5432,
      },
    },
    httpsRedirect: {
      'HTTPRoute/gw-r': {
        'spec.parentRefs[0].sectionName': 'https-a-example-com',
        'spec.parentRefs[1].name': undefined,
        'spec.parentRefs[1].sectionName': undefined,
      },
      'HTTPRoute/gw-tls-https-redirect': {
        'spec.hostnames[0]': 'a.example.com',
        'spec.parentRefs[0].name': 'gw',
        'spec.parentRefs[0].sectionName': 'http',
        'spec.rules[0].filters[0].requestRedirect.scheme': 'https',
        'spec.rules[0].filters[0].requestRedirect.statusCode': 301,
        'spec.rules[0].filters[0].type': 'RequestRedirect',
      },
    },
    plainHttpOnTlsHost: {
      'HTTPRoute/gw-r': {
        'spec.parentRefs[0].sectionName': 'http',
        'spec.parentRefs[1].name': 'gw',
        'spec.parentRefs[1].sectionName': 'https-a-example-com',
      },
      'HTTPRoute/gw-tls-https-redirect': GONE,
    },
    hsts: {
      'HTTPRoute/gw-r': {
        'spec.rules[0].filters[0].responseHeaderModifier.set[0].name': 'Strict-Transport-Security',
        'spec.rules[0].filters[0].responseHeaderModifier.set[0].value': 'max-age=31536000',
        'spec.rules[0].filters[0].type': 'ResponseHeaderModifier',
      },
    },
    backendTls: {
      'BackendTLSPolicy/svc-backend-tls': {
        'spec.targetRefs[0].group': '',
        'spec.targetRefs[0].kind': 'Service',
        'spec.targetRefs[0].name': 'svc',
        'spec.validation.caCertificateRefs[0].group': '',
        'spec.validation.caCertificateRefs[0].kind': 'ConfigMap',
        'spec.validation.caCertificateRefs[0].name': 'partner-ca',
        'spec.validation.hostname': 'svc.internal',
      },
    },
    backendTlsSystemCa: {
      'BackendTLSPolicy/svc-backend-tls': {
        'spec.targetRefs[0].group': '',
        'spec.targetRefs[0].kind': 'Service',
        'spec.targetRefs[0].name': 'svc',
        'spec.validation.hostname': 'svc.example.com',
        'spec.validation.wellKnownCACertificates': 'System',
      },
    },
    timeoutRequest: {
      'HTTPRoute/gw-r': {
        'spec.rules[0].timeouts.request': '30s',
      },
    },
    timeoutBackendRequest: {
      'HTTPRoute/gw-r': {
        'spec.rules[0].timeouts.backendRequest': '10s',
      },
    },
    cors: {
      'HTTPRoute/gw-r': {
        'spec.rules[0].filters[0].cors.allowMethods[0]': 'GET',
        'spec.rules[0].filters[0].cors.allowMethods[1]': 'POST',
        'spec.rules[0].filters[0].cors.allowOrigins[0]': 'https://web.example.com',
        'spec.rules[0].filters[0].cors.maxAge': 600,
        'spec.rules[0].filters[0].type': 'CORS',
      },
    },
    requestHeaderSet: {
      'HTTPRoute/gw-r': {
        'spec.rules[0].filters[0].requestHeaderModifier.set[0].name': 'x-env',
        'spec.rules[0].filters[0].requestHeaderModifier.set[0].value': 'prod',
        'spec.rules[0].filters[0].type': 'RequestHeaderModifier',
      },
    },
    requestHeaderAdd: {
      'HTTPRoute/gw-r': {
        'spec.rules[0].filters[0].requestHeaderModifier.add[0].name': 'x-trace',
        'spec.rules[0].filters[0].requestHeaderModifier.add[0].value': 'edge',
        'spec.rules[0].filters[0].type': 'RequestHeaderModifier',
      },
    },
    requestHeaderRemove: {
      'HTTPRoute/gw-r': {
        'spec.rules[0].filters[0].requestHeaderModifier.remove[0]': 'x-internal',
        'spec.rules[0].filters[0].type': 'RequestHeaderModifier',
      },
    },
    responseHeaderSet: {
      'HTTPRoute/gw-r': {
        'spec.rules[0].filters[0].responseHeaderModifier.set[0].name': 'x-frame-options',
        'spec.rules[0].filters[0].responseHeaderModifier.set[0].value': 'DENY',
        'spec.rules[0].filters[0].type': 'ResponseHeaderModifier',
      },
    },
    responseHeaderAdd: {
      'HTTPRoute/gw-r': {
        'spec.rules[0].filters[0].responseHeaderModifier.add[0].name': 'x-served-by',
        'spec.rules[0].filters[0].responseHeaderModifier.add[0].value': 'edge',
        'spec.rules[0].filters[0].type': 'ResponseHeaderModifier',
      },
    },
    responseHeaderRemove: {
      'HTTPRoute/gw-r': {
        'spec.rules[0].filters[0].responseHeaderModifier.remove[0]': 'server',
        'spec.rules[0].filters[0].type': 'ResponseHeaderModifier',
      },
    },
    redirectScheme: {
      'HTTPRoute/gw-r-redirect': {
        'spec.hostnames[0]': 'a.example.com',
        'spec.parentRefs[0].name': 'gw',
        'spec.parentRefs[0].sectionName': 'http',
        'spec.rules[0].filters[0].requestRedirect.scheme': 'https',
        'spec.rules[0].filters[0].requestRedirect.statusCode': 308,
        'spec.rules[0].filters[0].type': 'RequestRedirect',
      },
      'HTTPRoute/gw-tls-https-redirect': {
        'spec.parentRefs[0].name': undefined,
        'spec.parentRefs[0].sectionName': undefined,
      },
    },
    redirectHost: {
      'HTTPRoute/gw-r': {
        'spec.rules[0].filters[0].requestRedirect.hostname': 'www.example.com',
      },
    },
    redirectPort: {
      'HTTPRoute/gw-r': {
        'spec.rules[0].filters[0].requestRedirect.port': 8443,
      },
    },
    redirectPath: {
      'HTTPRoute/gw-r': {
        'spec.rules[0].filters[0].requestRedirect.path.replaceFullPath': '/moved',
      },
    },
    redirectPrefix: {
      'HTTPRoute/gw-r': {
        'spec.rules[0].filters[0].requestRedirect.path.replacePrefixMatch': '/new',
      },
    },
    rewritePrefix: {
      'HTTPRoute/gw-r': {
        'spec.rules[0].filters[0].type': 'URLRewrite',
        'spec.rules[0].filters[0].urlRewrite.path.replacePrefixMatch': '/',
        'spec.rules[0].filters[0].urlRewrite.path.type': 'ReplacePrefixMatch',
      },
    },
    rewriteFullPath: {
      'HTTPRoute/gw-r': {
        'spec.rules[0].filters[0].type': 'URLRewrite',
        'spec.rules[0].filters[0].urlRewrite.path.replaceFullPath': '/healthz',
        'spec.rules[0].filters[0].urlRewrite.path.type': 'ReplaceFullPath',
      },
    },
    rewriteHost: {
      'HTTPRoute/gw-r': {
        'spec.rules[0].filters[0].type': 'URLRewrite',
        'spec.rules[0].filters[0].urlRewrite.hostname': 'internal.example.com',
      },
    },
    ipAllow: {
      'AuthorizationPolicy/gw-r-authz': {
        'spec.action': 'DENY',
        'spec.rules[0].from[0].source.notRemoteIpBlocks[0]': '10.0.0.0/8',
        'spec.rules[0].from[0].source.notRemoteIpBlocks[1]': '192.168.1.10/32',
        'spec.rules[0].to[0].operation.hosts[0]': 'a.example.com',
        'spec.rules[0].to[0].operation.hosts[1]': 'a.example.com:*',
        'spec.targetRefs[0].group': 'gateway.networking.k8s.io',
        'spec.targetRefs[0].kind': 'Gateway',
        'spec.targetRefs[0].name': 'gw',
      },
    },
    ipDeny: {
      'AuthorizationPolicy/gw-r-authz': {
        'spec.action': 'DENY',
        'spec.rules[0].from[0].source.remoteIpBlocks[0]': '203.0.113.0/24',
        'spec.rules[0].to[0].operation.hosts[0]': 'a.example.com',
        'spec.rules[0].to[0].operation.hosts[1]': 'a.example.com:*',
        'spec.targetRefs[0].group': 'gateway.networking.k8s.io',
        'spec.targetRefs[0].kind': 'Gateway',
        'spec.targetRefs[0].name': 'gw',
      },
    },
    backendGrpc: {
      'GRPCRoute/gw-r': {
        'spec.hostnames[0]': 'a.example.com',
        'spec.parentRefs[0].name': 'gw',
        'spec.parentRefs[0].sectionName': 'http',
        'spec.rules[0].backendRefs[0].name': 'svc',
        'spec.rules[0].backendRefs[0].port': 80,
      },
      'HTTPRoute/gw-r': GONE,
    },
    backendWebsocket: SAME,
    externalAuthProvider: {
      'AuthorizationPolicy/gw-r-ext-authz': {
        'spec.action': 'CUSTOM',
        'spec.provider.name': 'ext-authz',
        'spec.rules[0].to[0].operation.hosts[0]': 'a.example.com',
        'spec.rules[0].to[0].operation.hosts[1]': 'a.example.com:*',
        'spec.targetRefs[0].group': 'gateway.networking.k8s.io',
        'spec.targetRefs[0].kind': 'Gateway',
        'spec.targetRefs[0].name': 'gw',
      },
    },
    jwtAuth: {
      'RequestAuthentication/gw-r-jwt': {
        'spec.jwtRules[0].audiences[0]': 'api',
        'spec.jwtRules[0].issuer': 'https://issuer.example.com',
        'spec.jwtRules[0].jwksUri': 'https://issuer.example.com/.well-known/jwks.json',
        'spec.targetRefs[0].group': 'gateway.networking.k8s.io',
        'spec.targetRefs[0].kind': 'Gateway',
        'spec.targetRefs[0].name': 'gw',
      },
      'AuthorizationPolicy/gw-r-authz': {
        'spec.action': 'DENY',
        'spec.rules[0].from[0].source.notRequestPrincipals[0]': 'https://issuer.example.com/*',
        'spec.rules[0].to[0].operation.hosts[0]': 'a.example.com',
        'spec.rules[0].to[0].operation.hosts[1]': 'a.example.com:*',
        'spec.targetRefs[0].group': 'gateway.networking.k8s.io',
        'spec.targetRefs[0].kind': 'Gateway',
        'spec.targetRefs[0].name': 'gw',
      },
    },
    jwtClaimsToHeaders: {
      'RequestAuthentication/gw-r-jwt': {
        'spec.jwtRules[0].outputClaimToHeaders[0].claim': 'sub',
        'spec.jwtRules[0].outputClaimToHeaders[0].header': 'x-user-id',
      },
    },
    canaryWeight: {
      'HTTPRoute/gw-r': {
        'spec.rules[0].backendRefs[0].weight': 90,
        'spec.rules[0].backendRefs[1].name': 'api-v2',
        'spec.rules[0].backendRefs[1].port': 80,
        'spec.rules[0].backendRefs[1].weight': 10,
      },
    },
    canaryHeader: {
      'HTTPRoute/gw-canary': {
        'spec.hostnames[0]': 'api.example.com',
        'spec.parentRefs[0].name': 'gw',
        'spec.parentRefs[0].sectionName': 'http',
        'spec.rules[0].backendRefs[0].name': 'api-v2',
        'spec.rules[0].backendRefs[0].port': 80,
        'spec.rules[0].matches[0].headers[0].name': 'x-canary',
        'spec.rules[0].matches[0].headers[0].value': 'always',
        'spec.rules[0].matches[0].path.type': 'PathPrefix',
        'spec.rules[0].matches[0].path.value': '/v1',
      },
    },
    canaryHeaderPresence: {
      'HTTPRoute/gw-canary': {
        'spec.hostnames[0]': 'api.example.com',
        'spec.parentRefs[0].name': 'gw',
        'spec.parentRefs[0].sectionName': 'http',
        'spec.rules[0].backendRefs[0].name': 'api-v2',
        'spec.rules[0].backendRefs[0].port': 80,
        'spec.rules[0].matches[0].headers[0].name': 'x-beta',
        'spec.rules[0].matches[0].headers[0].type': 'RegularExpression',
        'spec.rules[0].matches[0].headers[0].value': '.*',
        'spec.rules[0].matches[0].path.type': 'PathPrefix',
        'spec.rules[0].matches[0].path.value': '/v1',
      },
    },
    canaryCookie: {
      'HTTPRoute/gw-canary': {
        'spec.hostnames[0]': 'api.example.com',
        'spec.parentRefs[0].name': 'gw',
        'spec.parentRefs[0].sectionName': 'http',
        'spec.rules[0].backendRefs[0].name': 'api-v2',
        'spec.rules[0].backendRefs[0].port': 80,
        'spec.rules[0].matches[0].headers[0].name': 'cookie',
        'spec.rules[0].matches[0].headers[0].type': 'RegularExpression',
        'spec.rules[0].matches[0].headers[0].value': '(.*;\\s*)?canary=always(;.*)?',
        'spec.rules[0].matches[0].path.type': 'PathPrefix',
        'spec.rules[0].matches[0].path.value': '/v1',
      },
    },
    canaryMirror: {
      'HTTPRoute/gw-r': {
        'spec.rules[0].filters[0].requestMirror.backendRef.name': 'api-shadow',
        'spec.rules[0].filters[0].requestMirror.backendRef.port': 80,
        'spec.rules[0].filters[0].requestMirror.percent': 5,
        'spec.rules[0].filters[0].type': 'RequestMirror',
      },
    },
    timeoutDisabled: {
      'HTTPRoute/gw-r': {
        'spec.rules[0].timeouts.request': '0s',
      },
    },
    redirectStatusOnly: {
      'HTTPRoute/gw-r': {
        'spec.rules[0].filters[0].requestRedirect.statusCode': 302,
      },
    },
    corsDeepWildcardOrigin: {
      'HTTPRoute/gw-r': {
        'spec.rules[0].filters[0].cors.allowOrigins[0]': 'https://*.example.com',
      },
    },
    corsAnyMethod: {
      'HTTPRoute/gw-r': {
        'spec.rules[0].filters[0].cors.allowMethods[0]': '*',
        'spec.rules[0].filters[0].cors.allowMethods[1]': undefined,
      },
    },
    corsAnyHeader: {
      'HTTPRoute/gw-r': {
        'spec.rules[0].filters[0].cors.allowHeaders[0]': '*',
      },
    },
    corsAnyExposedHeader: {
      'HTTPRoute/gw-r': {
        'spec.rules[0].filters[0].cors.exposeHeaders[0]': '*',
      },
    },
    // Service-side settings (issue #12): written to the Service handed over with Backend.fromService.
    backendH2c: {
      'Service/svc': {
        'spec.ports[0].appProtocol': 'kubernetes.io/h2c',
      },
    },
    weightedBackends: {
      'HTTPRoute/gw-r': {
        'spec.rules[0].backendRefs[0].weight': 3,
        'spec.rules[0].backendRefs[1].weight': 1,
      },
    },
    routeMirror: {
      'HTTPRoute/gw-r': {
        'spec.rules[0].filters[0].requestMirror.backendRef.name': 'shadow-a',
        'spec.rules[0].filters[0].requestMirror.backendRef.port': 80,
        'spec.rules[0].filters[0].requestMirror.percent': 10,
        'spec.rules[0].filters[0].type': 'RequestMirror',
        'spec.rules[0].filters[1].requestMirror.backendRef.name': 'shadow-b',
        'spec.rules[0].filters[1].requestMirror.backendRef.port': 80,
        'spec.rules[0].filters[1].type': 'RequestMirror',
      },
    },
    // issue #16 item 6: any-depth wildcard host (`**.`)
    anyDepthWildcardHost: {
      'HTTPRoute/gw-r': {
        'spec.hostnames[0]': '*.example.com',
      },
    },
    noBackendRule: {
      'HTTPRoute/gw-r': {
        'spec.rules[0].backendRefs': undefined,
      },
    },
    // Issue #12: a backend's own request headers.
    backendRequestHeaders: {
      'HTTPRoute/gw-r': {
        'spec.rules[0].backendRefs[0].filters[0].type': 'RequestHeaderModifier',
        'spec.rules[0].backendRefs[0].filters[0].requestHeaderModifier.set[0].name': 'x-backend',
        'spec.rules[0].backendRefs[0].filters[0].requestHeaderModifier.set[0].value': 'svc',
        'spec.rules[0].backendRefs[0].filters[0].requestHeaderModifier.remove[0]': 'x-debug',
      },
    },
    backendResponseHeaders: {
      'HTTPRoute/gw-r': {
        'spec.rules[0].backendRefs[0].filters[0].type': 'ResponseHeaderModifier',
        'spec.rules[0].backendRefs[0].filters[0].responseHeaderModifier.set[0].name': 'x-served-by',
        'spec.rules[0].backendRefs[0].filters[0].responseHeaderModifier.set[0].value': 'svc',
        'spec.rules[0].backendRefs[0].filters[0].responseHeaderModifier.remove[0]': 'server',
      },
    },
    ...GATEWAY_HTTP_ONLY,
    ...GATEWAY_PER_HOST,
    // auditgw (issue #12): Istio 1.30.3 converts Gateway spec.tls.frontend (one CA) to MUTUAL server TLS.
    clientCertificateAuth: {
      'Gateway/gw': {
        'spec.tls.frontend.default.validation.caCertificateRefs[0].group': '',
        'spec.tls.frontend.default.validation.caCertificateRefs[0].kind': 'ConfigMap',
        'spec.tls.frontend.default.validation.caCertificateRefs[0].name': 'partner-ca',
        'spec.tls.frontend.default.validation.mode': 'AllowValidOnly',
      },
    },
    optionalClientCertificate: {
      'Gateway/gw': {
        "spec.listeners[1].tls.options['gateway.istio.io/tls-terminate-mode']": 'OPTIONAL_MUTUAL',
      },
    },
    tlsCipherSuites: {
      'Gateway/gw': {
        "spec.listeners[1].tls.options['gateway.istio.io/tls-cipher-suites']": 'ECDHE-RSA-AES128-GCM-SHA256,ECDHE-RSA-AES256-GCM-SHA384',
      },
    },
  },
};

/** The standard `rules[].retry` of the experimental channel, the same fields on every column that converts it. */
const GATEWAY_RETRY_CELLS: { readonly [f in FeatureKind]?: CellExpectation } = {
  retries: {
    'HTTPRoute/gw-r': {
      'spec.rules[0].retry.attempts': 2,
    },
  },
  retryStatusCodes: {
    'HTTPRoute/gw-r': {
      'spec.rules[0].retry.codes[0]': 503,
    },
  },
  retryBackoff: {
    'HTTPRoute/gw-r': {
      'spec.rules[0].retry.backoff': '100ms',
    },
  },
};

/** 🧪 cells: supported once the controller has `experimentalChannel: true`. */
export const EXPERIMENTAL_SUPPORTED: Table = {
  'gateway-api': {
    ...GATEWAY_RETRY_CELLS,
    sessionAffinityCookie: {
      'HTTPRoute/gw-r': {
        'spec.rules[0].sessionPersistence.absoluteTimeout': '1h',
        'spec.rules[0].sessionPersistence.cookieConfig.lifetimeType': 'Permanent',
        'spec.rules[0].sessionPersistence.sessionName': 'route',
        'spec.rules[0].sessionPersistence.type': 'Cookie',
      },
    },
  },
  // auditgw (issue #12): Istio 1.30.3 converts rules[].retry (pilot/pkg/config/kube/gateway/conversion.go).
  'istio': {
    ...GATEWAY_RETRY_CELLS,
  },
};
