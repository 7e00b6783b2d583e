import { CircuitBreakerSpec } from './features/circuit-breaker';
/** Hand-written wire types for the Envoy Gateway fields this library emits (checked against the CRDs in tests). */

/** `limit.unit` values the renderer emits. */
export type RateLimitUnit = 'Second' | 'Minute' | 'Hour' | 'Day';

export interface PolicyTargetRef {
  readonly group: string;
  readonly kind: string;
  readonly name: string;
  /** A rule of the route (`rules[].name`). */
  readonly sectionName?: string;
}

export interface RateLimitRule {
  readonly clientSelectors: Array<{
    readonly sourceCIDR?: { readonly type: 'Distinct'; readonly value: string };
    readonly headers?: Array<{ readonly name: string; readonly type: 'Distinct' }>;
  }>;
  readonly limit: { readonly requests: number; readonly unit: RateLimitUnit };
  readonly shared?: boolean;
}

export interface RateLimitSpec {
  readonly local?: { readonly rules: RateLimitRule[] };
  readonly global?: { readonly rules: RateLimitRule[] };
}

export interface RetrySpec {
  readonly numRetries: number;
  readonly retryOn: { readonly triggers: string[]; readonly httpStatusCodes?: number[] };
  readonly perRetry?: { readonly timeout?: string; readonly backOff?: { readonly baseInterval: string; readonly maxInterval?: string } };
}

export interface LoadBalancerSpec {
  readonly type: 'ConsistentHash';
  readonly consistentHash: {
    readonly type: 'Cookie';
    readonly cookie: { readonly name: string; readonly ttl: string; readonly attributes?: Record<string, string> };
  };
}

export interface BackendTrafficPolicySpec {
  readonly targetRefs: PolicyTargetRef[];
  readonly rateLimit?: RateLimitSpec;
  readonly timeout?: { readonly tcp: { readonly connectTimeout: string } };
  readonly requestBuffer?: { readonly limit: string };
  readonly retry?: RetrySpec;
  readonly loadBalancer?: LoadBalancerSpec;
  readonly circuitBreaker?: CircuitBreakerSpec;
}

export interface BackendObjectRef {
  readonly group?: string;
  readonly kind?: string;
  readonly name: string;
  readonly namespace?: string;
  readonly port?: number;
}

export interface ExtAuthSpec {
  readonly http: {
    readonly backendRefs: BackendObjectRef[];
    readonly pathOverride: string;
    readonly headersToBackend?: string[];
  };
  readonly headersToExtAuth?: string[];
  readonly bodyToExtAuth?: { readonly maxRequestBytes: number };
}

export interface JwtSpec {
  readonly providers: Array<{
    readonly name: string;
    readonly issuer: string;
    readonly audiences?: string[];
    readonly remoteJWKS: { readonly uri: string };
    readonly claimToHeaders?: Array<{ readonly claim: string; readonly header: string }>;
  }>;
}

export interface AuthorizationSpec {
  readonly defaultAction: 'Allow' | 'Deny';
  readonly rules: Array<{ readonly action: 'Allow' | 'Deny'; readonly principal: { readonly clientCIDRs: string[] } }>;
}

export interface SecurityPolicySpec {
  readonly targetRefs: PolicyTargetRef[];
  readonly extAuth?: ExtAuthSpec;
  readonly jwt?: JwtSpec;
  readonly apiKeyAuth?: {
    readonly credentialRefs: Array<{ readonly name: string }>;
    readonly extractFrom: Array<{ readonly headers?: string[]; readonly params?: string[] }>;
    readonly sanitize?: boolean;
  };
  readonly basicAuth?: { readonly users: { readonly name: string } };
  readonly authorization?: AuthorizationSpec;
}

export interface BackendSpec {
  readonly endpoints: Array<{ readonly fqdn: { readonly hostname: string; readonly port: number } }>;
  readonly tls: {
    readonly wellKnownCACertificates?: 'System';
    readonly caCertificateRefs?: Array<{ readonly group: ''; readonly kind: 'Secret' | 'ConfigMap'; readonly name: string }>;
    readonly clientCertificateRef?: { readonly group: ''; readonly kind: 'Secret'; readonly name: string };
    readonly sni: string;
  };
}
