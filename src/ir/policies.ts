/**
 * Edge policies, controller-neutral. Durations are whole milliseconds, sizes whole bytes.
 * Every policy records `source`: the construct path that declared it (a route, or the gateway
 * for gateway-wide defaults), so errors point at the right place.
 */

export type RateLimitKey = 'clientIp' | 'header' | 'consumer';

/** The window a rate is counted over (`day`: 24 hours). */
export type RateLimitWindow = 'second' | 'minute' | 'hour' | 'day';

export interface DistributedStoreIR {
  /** `redis`: a Redis the proxies share; `controller`: the store the controller is configured with (Envoy Gateway global). */
  readonly kind: 'redis' | 'controller';
  /** host:port */
  readonly endpoint?: string;
  /** Secret with the Redis credentials, in the route's namespace. */
  readonly secretName?: string;
  /** TLS to Redis, verifying its certificate with the proxy's trusted CAs (absent: plain TCP). Only `true`. */
  readonly tls?: boolean;
  /** Redis database index (absent: 0). Never 0. */
  readonly database?: number;
  /** Connect, write and read timeout to Redis (absent: the controller's default). */
  readonly timeoutMs?: number;
  /** The CA verifying Redis's certificate (with `tls`; absent: the proxy's trusted CAs). */
  readonly ca?: { readonly kind: 'Secret' | 'ConfigMap'; readonly name: string };
  /** Secret (`tls.crt` / `tls.key`) with the client certificate presented to Redis (with `tls`). */
  readonly clientCertificateSecret?: string;
}

export interface RateLimitIR {
  readonly source: string;
  readonly key: RateLimitKey;
  /** For key 'header'. Lowercase. */
  readonly header?: string;
  readonly requests: number;
  readonly per: RateLimitWindow;
  /**
   * The token bucket size: requests a client may send at once (absent: exactly `requests`, one
   * period's worth; every renderer writes that explicitly). Never equal to `requests`.
   */
  readonly burst?: number;
  /** Concurrent connections per client. */
  readonly concurrentConnections?: number;
  /** Sorted CIDRs never limited. */
  readonly exemptCidrs: readonly string[];
  readonly distributed?: DistributedStoreIR;
  /** X-Forwarded-For hops trusted for the client address (key clientIp, exemptCidrs); absent: the TCP peer. */
  readonly clientIpHops?: number;
}

/** What a concurrency limit counts per: the client address, the requested host, or the whole route. */
export type ConcurrencyKey = 'clientIp' | 'host' | 'route';

export interface ConcurrencyLimitIR {
  readonly source: string;
  readonly key: ConcurrencyKey;
  /** Requests in progress at once per key (>= 1). */
  readonly maxRequests: number;
  /** X-Forwarded-For hops trusted for the client address (key clientIp); absent: the TCP peer. */
  readonly clientIpHops?: number;
}

export interface TimeoutsIR {
  readonly source: string;
  /** Establishing the connection to the backend. */
  readonly connectMs?: number;
  /** Between two successive reads from the backend. */
  readonly readMs?: number;
  /** Between two successive writes to the backend. */
  readonly sendMs?: number;
  /** The whole request, from the client's first byte to the last byte of the response. */
  readonly requestMs?: number;
  /** One request to the backend (each retry has its own). */
  readonly backendRequestMs?: number;
}

export interface BodySizeIR {
  readonly source: string;
  readonly maxBytes: number;
}

export interface CorsIR {
  readonly source: string;
  /** `*` alone, or `scheme://host[:port]` (host may start with `*.`). Sorted. */
  readonly origins: readonly string[];
  /** Uppercase, sorted. */
  readonly methods: readonly string[];
  /** Sorted. */
  readonly headers: readonly string[];
  /** Sorted. */
  readonly exposeHeaders: readonly string[];
  readonly credentials: boolean;
  readonly maxAgeSeconds?: number;
}

export interface HeaderOpsIR {
  /** Sorted by name. */
  readonly set: ReadonlyArray<{ readonly name: string; readonly value: string }>;
  /** Sorted by name. */
  readonly add: ReadonlyArray<{ readonly name: string; readonly value: string }>;
  /** Sorted. */
  readonly remove: readonly string[];
}

export interface HeaderRulesIR {
  readonly source: string;
  readonly request?: HeaderOpsIR;
  readonly response?: HeaderOpsIR;
}

export interface PathModifierIR {
  readonly kind: 'full' | 'prefix';
  readonly value: string;
}

export interface RedirectIR {
  readonly source: string;
  readonly scheme?: 'http' | 'https';
  readonly host?: string;
  readonly port?: number;
  readonly path?: PathModifierIR;
  readonly statusCode: 301 | 302 | 303 | 307 | 308;
  /** `Redirect.toUrl`: every request goes to exactly this absolute URL (no scheme, host, port or path then). */
  readonly url?: string;
}

export interface RewriteIR {
  readonly source: string;
  readonly path?: PathModifierIR;
  readonly host?: string;
}

export interface IpAccessIR {
  readonly source: string;
  /** Sorted; empty: no allow list. */
  readonly allow: readonly string[];
  /** Sorted; empty: no deny list. */
  readonly deny: readonly string[];
  /** X-Forwarded-For hops trusted for the client address; absent: the TCP peer. */
  readonly clientIpHops?: number;
}

export type RetryCondition = 'connect-failure' | 'reset' | 'gateway-error' | '5xx';

export interface RetriesIR {
  readonly source: string;
  /** Retries after the first try. */
  readonly attempts: number;
  /** Sorted HTTP status codes that trigger a retry. */
  readonly statusCodes: readonly number[];
  /** Sorted conditions that trigger a retry. */
  readonly conditions: readonly RetryCondition[];
  readonly perTryTimeoutMs?: number;
  /** Wait before the first retry; unset: the controller's own. */
  readonly backoffMs?: number;
  /** Cap on the wait between attempts (>= backoffMs); unset: the controller's own. */
  readonly maxBackoffMs?: number;
  /** No new attempt starts this long after the first one started. */
  readonly windowMs?: number;
  /** Non-idempotent methods are retried after they may have reached the backend (set only when true). */
  readonly nonIdempotent?: boolean;
}

export interface SessionAffinityIR {
  readonly source: string;
  readonly cookieName: string;
  readonly ttlSeconds?: number;
  readonly path?: string;
  readonly secure: boolean;
  readonly httpOnly: boolean;
  readonly sameSite?: 'Strict' | 'Lax' | 'None';
}

export interface BackendProtocolIR {
  readonly source: string;
  readonly protocol: 'HTTP' | 'HTTPS' | 'GRPC' | 'GRPCS' | 'H2C' | 'WEBSOCKET';
}

export type EdgeAuthIR =
  | {
    readonly kind: 'external';
    readonly source: string;
    /** https, or http to an in-cluster `*.svc[.cluster.local]` host. */
    readonly url: string;
    /** Sorted response headers of the auth service copied to the upstream request. */
    readonly responseHeaders: readonly string[];
    /** Where to send unauthenticated browsers (401). */
    readonly signinUrl?: string;
    readonly cacheSeconds?: number;
    // issue #17: what the auth call carries and how it is secured
    /** Sorted client request headers sent to the auth service (absent: the controller's default set). */
    readonly requestHeaders?: readonly string[];
    /** The request body is sent to the auth service, buffered up to this many bytes. */
    readonly forwardBodyBytes?: number;
    /** CA verifying the auth service's certificate (https URLs; absent: the system CAs). */
    readonly ca?: { readonly kind: 'Secret' | 'ConfigMap'; readonly name: string };
    /** Secret (kubernetes.io/tls) with the client certificate presented to the auth service. */
    readonly clientCertificateSecret?: string;
  }
  | {
    readonly kind: 'jwt';
    readonly source: string;
    readonly issuer: string;
    readonly jwksUri: string;
    /** Sorted. */
    readonly audiences: readonly string[];
    /** Sorted by header. */
    readonly claimsToHeaders: ReadonlyArray<{ readonly claim: string; readonly header: string }>;
  }
  | {
    readonly kind: 'apiKey';
    readonly source: string;
    /** Secret holding the accepted keys; absent: the keys of any consumer the controller knows (issue #17). */
    readonly secretName?: string;
    /** Request header carrying the key (lowercase); absent: the key is read from the query only. */
    readonly header?: string;
    // issue #17: key location and handling
    /** Query parameter carrying the key. */
    readonly queryParameter?: string;
    /** true: the key is removed from the request before it reaches the backend. */
    readonly removeKey?: boolean;
  }
  | {
    readonly kind: 'basic';
    readonly source: string;
    /** Secret holding htpasswd lines under the key `auth`; absent: the basic-auth credentials of any consumer the controller knows (issue #17). */
    readonly secretName?: string;
    readonly realm?: string;
  }
  | {
    /** JWTs verified with keys held by consumers (issue #17): Kong's jwt plugin, not a JWKS. */
    readonly kind: 'jwtConsumerKeys';
    readonly source: string;
    /** Secret holding the one consumer's JWT credential; absent: the keys of any consumer. */
    readonly secretName?: string;
    /** The claim naming the key that verifies the token (the credential's `key`). */
    readonly keyClaim: string;
  }
  | {
    /** External authorization through an extension provider the mesh already configures, by name. */
    readonly kind: 'externalProvider';
    readonly source: string;
    readonly provider: string;
  };

/** The policies in force on one route: its own, else the gateway's defaults. */
export interface PoliciesIR {
  readonly rateLimit?: RateLimitIR;
  readonly timeouts?: TimeoutsIR;
  readonly bodySize?: BodySizeIR;
  readonly cors?: CorsIR;
  readonly headers?: HeaderRulesIR;
  readonly redirect?: RedirectIR;
  readonly rewrite?: RewriteIR;
  readonly ipAccess?: IpAccessIR;
  readonly retries?: RetriesIR;
  readonly sessionAffinity?: SessionAffinityIR;
  readonly backendProtocol?: BackendProtocolIR;
  readonly auth?: EdgeAuthIR;
  readonly concurrencyLimit?: ConcurrencyLimitIR;
}
