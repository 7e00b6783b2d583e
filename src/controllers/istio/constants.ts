/** Istio 1.30 wire names: only what this library emits. */
export const SECURITY_VERSION = 'security.istio.io/v1';

export const KIND = {
  requestAuthentication: 'RequestAuthentication',
  authorizationPolicy: 'AuthorizationPolicy',
} as const;

/** Every policy is a DENY: an ALLOW policy on the Gateway would refuse the traffic of every other route. */
export const DENY = 'DENY';

/** Delegates the decision to an extension provider of the mesh configuration (external authorization). */
export const CUSTOM = 'CUSTOM';
