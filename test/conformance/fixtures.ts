/**
 * Known-good manifests for the conformance oracle's own tests (one per kind the library emits).
 * Each factory returns a fresh object so tests can mutate it.
 */
const GW = 'gateway.networking.k8s.io';

export function gateway(): any {
  return {
    apiVersion: `${GW}/v1`,
    kind: 'Gateway',
    metadata: { name: 'web', namespace: 'infra', labels: { 'app.kubernetes.io/name': 'web' } },
    spec: {
      gatewayClassName: 'envoy',
      listeners: [
        { name: 'http', protocol: 'HTTP', port: 80, hostname: '*.example.com', allowedRoutes: { namespaces: { from: 'All' } } },
        {
          name: 'https',
          protocol: 'HTTPS',
          port: 443,
          hostname: '*.example.com',
          tls: { mode: 'Terminate', certificateRefs: [{ kind: 'Secret', name: 'wildcard-tls' }] },
          allowedRoutes: { namespaces: { from: 'Same' }, kinds: [{ kind: 'HTTPRoute' }] },
        },
      ],
    },
  };
}

export function httpRoute(): any {
  return {
    apiVersion: `${GW}/v1`,
    kind: 'HTTPRoute',
    metadata: { name: 'shop', namespace: 'apps', annotations: { 'example.com/owner': 'team-a' } },
    spec: {
      parentRefs: [{ name: 'web', namespace: 'infra', sectionName: 'https' }],
      hostnames: ['shop.example.com', '*.shop.example.com'],
      rules: [
        {
          name: 'api',
          matches: [
            {
              path: { type: 'PathPrefix', value: '/api' },
              headers: [{ name: 'x-env', value: 'prod' }],
              queryParams: [{ type: 'Exact', name: 'v', value: '2' }],
              method: 'GET',
            },
          ],
          filters: [
            { type: 'RequestHeaderModifier', requestHeaderModifier: { set: [{ name: 'x-forwarded-by', value: 'gw' }], remove: ['x-debug'] } },
            { type: 'URLRewrite', urlRewrite: { path: { type: 'ReplacePrefixMatch', replacePrefixMatch: '/v2' } } },
          ],
          backendRefs: [
            { name: 'api', port: 8080, weight: 90 },
            { name: 'api-canary', port: 8080, weight: 10 },
          ],
          timeouts: { request: '10s', backendRequest: '5s' },
        },
        {
          matches: [{ path: { type: 'Exact', value: '/healthz' } }, { path: { type: 'PathPrefix', value: '/' } }],
          backendRefs: [{ name: 'web', port: 80 }],
        },
      ],
    },
  };
}

export function redirectRoute(): any {
  return {
    apiVersion: `${GW}/v1`,
    kind: 'HTTPRoute',
    metadata: { name: 'https-redirect', namespace: 'infra' },
    spec: {
      parentRefs: [{ name: 'web', sectionName: 'http' }],
      rules: [{ filters: [{ type: 'RequestRedirect', requestRedirect: { scheme: 'https', statusCode: 301 } }] }],
    },
  };
}

export function grpcRoute(): any {
  return {
    apiVersion: `${GW}/v1`,
    kind: 'GRPCRoute',
    metadata: { name: 'greeter', namespace: 'apps' },
    spec: {
      parentRefs: [{ name: 'web', namespace: 'infra' }],
      hostnames: ['grpc.example.com'],
      rules: [
        {
          matches: [{ method: { service: 'helloworld.Greeter', method: 'SayHello' } }],
          backendRefs: [{ name: 'greeter', port: 50051 }],
        },
      ],
    },
  };
}

export function tlsRoute(): any {
  return {
    apiVersion: `${GW}/v1`,
    kind: 'TLSRoute',
    metadata: { name: 'db', namespace: 'apps' },
    spec: {
      parentRefs: [{ name: 'web', namespace: 'infra', sectionName: 'tls' }],
      hostnames: ['db.example.com'],
      rules: [{ backendRefs: [{ name: 'postgres', port: 5432 }] }],
    },
  };
}

export function referenceGrant(): any {
  return {
    apiVersion: `${GW}/v1beta1`,
    kind: 'ReferenceGrant',
    metadata: { name: 'allow-apps-routes', namespace: 'infra' },
    spec: {
      from: [{ group: GW, kind: 'HTTPRoute', namespace: 'apps' }],
      to: [{ group: '', kind: 'Secret', name: 'wildcard-tls' }],
    },
  };
}

export function backendTlsPolicy(): any {
  return {
    apiVersion: `${GW}/v1`,
    kind: 'BackendTLSPolicy',
    metadata: { name: 'api-tls', namespace: 'apps' },
    spec: {
      targetRefs: [{ group: '', kind: 'Service', name: 'api', sectionName: 'https' }],
      validation: { caCertificateRefs: [{ group: '', kind: 'ConfigMap', name: 'api-ca' }], hostname: 'api.apps.svc' },
    },
  };
}

export function traefikIngressRoute(): any {
  return {
    apiVersion: 'traefik.io/v1alpha1',
    kind: 'IngressRoute',
    metadata: { name: 'shop', namespace: 'apps' },
    spec: {
      entryPoints: ['websecure'],
      routes: [
        {
          match: 'Host(`shop.example.com`) && PathPrefix(`/api`)',
          kind: 'Rule',
          priority: 10,
          middlewares: [{ name: 'strip-api' }],
          services: [{ name: 'api', port: 8080, weight: 1 }, { name: 'shop-weighted', kind: 'TraefikService' }],
        },
      ],
      tls: { secretName: 'shop-tls' },
    },
  };
}

export function traefikMiddleware(): any {
  return {
    apiVersion: 'traefik.io/v1alpha1',
    kind: 'Middleware',
    metadata: { name: 'strip-api', namespace: 'apps' },
    spec: { stripPrefix: { prefixes: ['/api'] } },
  };
}

export function traefikService(): any {
  return {
    apiVersion: 'traefik.io/v1alpha1',
    kind: 'TraefikService',
    metadata: { name: 'shop-weighted', namespace: 'apps' },
    spec: { weighted: { services: [{ name: 'api', port: 8080, weight: 3 }, { name: 'api-canary', port: 8080, weight: 1 }] } },
  };
}

export function traefikIngressRouteTcp(): any {
  return {
    apiVersion: 'traefik.io/v1alpha1',
    kind: 'IngressRouteTCP',
    metadata: { name: 'db', namespace: 'apps' },
    spec: {
      entryPoints: ['postgres'],
      routes: [{ match: 'HostSNI(`db.example.com`)', services: [{ name: 'postgres', port: 5432 }] }],
      tls: { passthrough: true },
    },
  };
}

export function kongPlugin(): any {
  return {
    apiVersion: 'configuration.konghq.com/v1',
    kind: 'KongPlugin',
    metadata: { name: 'rate-limit', namespace: 'apps' },
    plugin: 'rate-limiting',
    config: { minute: 100, policy: 'local' },
  };
}

export function envoyBackendTrafficPolicy(): any {
  return {
    apiVersion: 'gateway.envoyproxy.io/v1alpha1',
    kind: 'BackendTrafficPolicy',
    metadata: { name: 'shop-btp', namespace: 'apps' },
    spec: {
      targetRefs: [{ group: GW, kind: 'HTTPRoute', name: 'shop' }],
      loadBalancer: { type: 'ConsistentHash', consistentHash: { type: 'Header', header: { name: 'x-user' } } },
      retry: { numRetries: 3, retryOn: { triggers: ['connect-failure', 'retriable-status-codes'], httpStatusCodes: [503] } },
      timeout: { http: { requestTimeout: '10s' } },
      healthCheck: {
        active: { type: 'HTTP', http: { path: '/healthz', expectedStatuses: [200] }, interval: '5s', timeout: '1s' },
      },
    },
  };
}

export function envoySecurityPolicy(): any {
  return {
    apiVersion: 'gateway.envoyproxy.io/v1alpha1',
    kind: 'SecurityPolicy',
    metadata: { name: 'shop-sp', namespace: 'apps' },
    spec: {
      targetRefs: [{ group: GW, kind: 'HTTPRoute', name: 'shop' }],
      cors: { allowOrigins: ['https://shop.example.com'], allowMethods: ['GET', 'POST'], maxAge: '1h' },
      jwt: { providers: [{ name: 'auth0', remoteJWKS: { uri: 'https://example.auth0.com/.well-known/jwks.json' } }] },
      basicAuth: { users: { name: 'shop-htpasswd' } },
    },
  };
}

export function envoyClientTrafficPolicy(): any {
  return {
    apiVersion: 'gateway.envoyproxy.io/v1alpha1',
    kind: 'ClientTrafficPolicy',
    metadata: { name: 'web-ctp', namespace: 'infra' },
    spec: {
      targetRefs: [{ group: GW, kind: 'Gateway', name: 'web' }],
      clientIPDetection: { xForwardedFor: { numTrustedHops: 1 } },
      timeout: { http: { requestReceivedTimeout: '30s' } },
      tls: { minVersion: '1.2' },
    },
  };
}

export function istioAuthorizationPolicy(): any {
  return {
    apiVersion: 'security.istio.io/v1',
    kind: 'AuthorizationPolicy',
    metadata: { name: 'allow-frontend', namespace: 'apps' },
    spec: {
      selector: { matchLabels: { app: 'api' } },
      action: 'ALLOW',
      rules: [
        {
          from: [{ source: { principals: ['cluster.local/ns/apps/sa/frontend'] } }],
          to: [{ operation: { methods: ['GET'], paths: ['/api/*'] } }],
        },
      ],
    },
  };
}

export function istioRequestAuthentication(): any {
  return {
    apiVersion: 'security.istio.io/v1',
    kind: 'RequestAuthentication',
    metadata: { name: 'jwt', namespace: 'apps' },
    spec: {
      selector: { matchLabels: { app: 'api' } },
      jwtRules: [{ issuer: 'https://example.auth0.com/', jwksUri: 'https://example.auth0.com/.well-known/jwks.json' }],
    },
  };
}

export function clusterIssuer(): any {
  return {
    apiVersion: 'cert-manager.io/v1',
    kind: 'ClusterIssuer',
    metadata: { name: 'letsencrypt-prod' },
    spec: {
      acme: {
        server: 'https://acme-v02.api.letsencrypt.org/directory',
        email: 'ops@example.com',
        privateKeySecretRef: { name: 'letsencrypt-prod-account-key' },
        solvers: [{ http01: { gatewayHTTPRoute: { parentRefs: [{ name: 'web', namespace: 'infra', kind: 'Gateway' }] } } }],
      },
    },
  };
}

export function issuer(): any {
  return {
    apiVersion: 'cert-manager.io/v1',
    kind: 'Issuer',
    metadata: { name: 'selfsigned', namespace: 'apps' },
    spec: { selfSigned: {} },
  };
}

export function certificate(): any {
  return {
    apiVersion: 'cert-manager.io/v1',
    kind: 'Certificate',
    metadata: { name: 'shop', namespace: 'apps' },
    spec: {
      secretName: 'shop-tls',
      dnsNames: ['shop.example.com'],
      duration: '2160h',
      renewBefore: '360h',
      privateKey: { algorithm: 'ECDSA', size: 256, rotationPolicy: 'Always' },
      issuerRef: { name: 'letsencrypt-prod', kind: 'ClusterIssuer', group: 'cert-manager.io' },
    },
  };
}

export function ingress(): any {
  return {
    apiVersion: 'networking.k8s.io/v1',
    kind: 'Ingress',
    metadata: { name: 'shop', namespace: 'apps', annotations: { 'nginx.ingress.kubernetes.io/ssl-redirect': 'true' } },
    spec: {
      ingressClassName: 'nginx',
      tls: [{ hosts: ['shop.example.com', '*.shop.example.com'], secretName: 'shop-tls' }],
      rules: [
        {
          host: 'shop.example.com',
          http: {
            paths: [
              { path: '/api', pathType: 'Prefix', backend: { service: { name: 'api', port: { number: 8080 } } } },
              { path: '/', pathType: 'ImplementationSpecific', backend: { service: { name: 'web', port: { name: 'http' } } } },
            ],
          },
        },
        { host: '*.shop.example.com', http: { paths: [{ path: '/exact', pathType: 'Exact', backend: { service: { name: 'web', port: { number: 80 } } } }] } },
      ],
    },
  };
}

export function service(): any {
  return {
    apiVersion: 'v1',
    kind: 'Service',
    metadata: { name: 'api', namespace: 'apps', labels: { app: 'api' } },
    spec: {
      type: 'ClusterIP',
      selector: { app: 'api' },
      ports: [
        { name: 'http', port: 8080, targetPort: 'http', protocol: 'TCP' },
        { name: 'metrics', port: 9090, targetPort: 9090 },
      ],
    },
  };
}

export function secret(): any {
  return {
    apiVersion: 'v1',
    kind: 'Secret',
    metadata: { name: 'shop-tls', namespace: 'apps' },
    type: 'kubernetes.io/tls',
    data: { 'tls.crt': Buffer.from('cert').toString('base64'), 'tls.key': Buffer.from('key').toString('base64') },
  };
}

export function configMap(): any {
  return {
    apiVersion: 'v1',
    kind: 'ConfigMap',
    metadata: { name: 'api-ca', namespace: 'apps' },
    data: { 'ca.crt': '-----BEGIN CERTIFICATE-----' },
  };
}

/** All valid fixtures, by a readable name. */
export const VALID: Record<string, () => any> = {
  'Gateway': gateway,
  'HTTPRoute': httpRoute,
  'HTTPRoute (redirect)': redirectRoute,
  'GRPCRoute': grpcRoute,
  'TLSRoute': tlsRoute,
  'ReferenceGrant': referenceGrant,
  'BackendTLSPolicy': backendTlsPolicy,
  'Traefik IngressRoute': traefikIngressRoute,
  'Traefik Middleware': traefikMiddleware,
  'TraefikService': traefikService,
  'Traefik IngressRouteTCP': traefikIngressRouteTcp,
  'KongPlugin': kongPlugin,
  'Envoy BackendTrafficPolicy': envoyBackendTrafficPolicy,
  'Envoy SecurityPolicy': envoySecurityPolicy,
  'Envoy ClientTrafficPolicy': envoyClientTrafficPolicy,
  'Istio AuthorizationPolicy': istioAuthorizationPolicy,
  'Istio RequestAuthentication': istioRequestAuthentication,
  'cert-manager ClusterIssuer': clusterIssuer,
  'cert-manager Issuer': issuer,
  'cert-manager Certificate': certificate,
  'Ingress': ingress,
  'Service': service,
  'Secret': secret,
  'ConfigMap': configMap,
};
