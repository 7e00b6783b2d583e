/** Envoy Gateway v1.9 wire names: only what this library emits. */
export const EG_GROUP = 'gateway.envoyproxy.io';
export const EG_VERSION = `${EG_GROUP}/v1alpha1`;

export const KIND = {
  backendTrafficPolicy: 'BackendTrafficPolicy',
  securityPolicy: 'SecurityPolicy',
  backend: 'Backend',
  clientTrafficPolicy: 'ClientTrafficPolicy',
  httpRouteFilter: 'HTTPRouteFilter',
} as const;

/** Per-client rate limits: one Distinct rule per address family (a rule takes one CIDR). */
export const ALL_IPV4 = '0.0.0.0/0';
export const ALL_IPV6 = '::/0';

export const LIMITS = {
  /** `rateLimit.*.rules[].limit.requests` is a uint32. */
  maxRequests: 4_294_967_295,
  /** `jwt.providers[].audiences`. */
  audiencesPerProvider: 8,
} as const;

/** The JWT provider name inside a route's SecurityPolicy (one provider per policy). */
export const JWT_PROVIDER = 'jwt';
