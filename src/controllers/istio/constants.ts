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

/**
 * Gateway API listener `tls.options` keys Istio 1.30 reads (pilot/pkg/config/kube/gateway
 * conversion.go `buildTLS`): the cipher list (OpenSSL names, comma-separated; names outside its
 * list are dropped) and the server TLS mode.
 */
export const LISTENER_OPTION = {
  cipherSuites: 'gateway.istio.io/tls-cipher-suites',
  terminateMode: 'gateway.istio.io/tls-terminate-mode',
} as const;

/** Verify a client certificate when one is presented (the CA from Gateway spec.tls.frontend). */
export const OPTIONAL_MUTUAL = 'OPTIONAL_MUTUAL';
