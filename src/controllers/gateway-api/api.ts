/** Gateway API v1.6 (standard channel) wire names: only what this library emits. */
export const GROUP = 'gateway.networking.k8s.io';
export const V1 = `${GROUP}/v1`;
/** ReferenceGrant is served as v1beta1 by every release from v1.0 to v1.6 (v1 only from v1.5). */
export const REFERENCE_GRANT_VERSION = `${GROUP}/v1beta1`;

export const KINDS = {
  gateway: 'Gateway',
  httpRoute: 'HTTPRoute',
  tlsRoute: 'TLSRoute',
  referenceGrant: 'ReferenceGrant',
  backendTlsPolicy: 'BackendTLSPolicy',
} as const;

/** The plain-HTTP listener of an owned Gateway. */
export const HTTP_LISTENER = 'http';

export const LIMITS = {
  listenersPerGateway: 64,
  hostnamesPerRoute: 16,
  rulesPerRoute: 16,
  matchesPerRule: 64,
  matchesPerRoute: 128,
  parentRefsPerRoute: 32,
  filtersPerRule: 16,
} as const;

export interface ParentReference {
  readonly group?: string;
  readonly kind?: string;
  readonly name: string;
  readonly namespace?: string;
  readonly sectionName?: string;
  /** Only the listeners on this port (standard channel). */
  readonly port?: number;
}

export interface BackendRef {
  readonly name: string;
  readonly namespace?: string;
  readonly port: number;
  /** Proportional share, 0-1,000,000 (default 1). */
  readonly weight?: number;
  /** Filters applied only when this backend is chosen (header modifiers here). */
  readonly filters?: RouteFilter[];
}

/** `RequestMirror` (Extended): copies requests to `backendRef`; `percent` unset = 100. */
export interface HttpRouteFilter {
  readonly type: 'RequestMirror';
  readonly requestMirror: { readonly backendRef: BackendRef; readonly percent?: number };
}

/** Header matches per HTTPRoute match (CRD `maxItems`). */
export const MAX_HEADERS_PER_MATCH = 16;

export interface HttpRouteMatch {
  readonly path: { readonly type: 'Exact' | 'PathPrefix' | 'RegularExpression'; readonly value: string };
  readonly headers?: Array<{ readonly type?: 'RegularExpression'; readonly name: string; readonly value: string }>;
  readonly queryParams?: Array<{ readonly name: string; readonly value: string }>;
  readonly method?: string;
}

/** An HTTPRoute / GRPCRoute rule filter (standard or ExtensionRef). Plain JSON. */
export interface RouteFilter {
  readonly type: string;
  readonly [field: string]: unknown;
}

export interface HeaderModifier {
  readonly set?: Array<{ readonly name: string; readonly value: string }>;
  readonly add?: Array<{ readonly name: string; readonly value: string }>;
  readonly remove?: string[];
}

export interface PathModifier {
  readonly type: 'ReplaceFullPath' | 'ReplacePrefixMatch';
  readonly replaceFullPath?: string;
  readonly replacePrefixMatch?: string;
}

/** Standard channel since v1.2. */
export interface RouteTimeouts {
  readonly request?: string;
  readonly backendRequest?: string;
}

/** Experimental channel. */
export interface RouteRetry {
  readonly attempts: number;
  readonly codes?: number[];
  readonly backoff?: string;
}

/** Experimental channel (no `idleTimeout`: removed in v1.6). */
export interface SessionPersistence {
  readonly sessionName: string;
  readonly type: 'Cookie';
  readonly absoluteTimeout?: string;
  readonly cookieConfig?: { readonly lifetimeType: 'Permanent' };
}

/** What a rule carries besides its matches. */
export interface RuleExtras {
  readonly filters?: RouteFilter[];
  readonly backendRefs?: BackendRef[];
  readonly timeouts?: RouteTimeouts;
  readonly retry?: RouteRetry;
  readonly sessionPersistence?: SessionPersistence;
}

export interface HttpRouteRule extends RuleExtras {
  readonly matches?: HttpRouteMatch[];
}

export interface HttpRouteSpec {
  readonly parentRefs?: ParentReference[];
  readonly hostnames?: string[];
  readonly rules: HttpRouteRule[];
}

export interface GrpcRouteMatch {
  readonly method?: { readonly service: string; readonly method?: string };
  readonly headers?: Array<{ readonly type?: 'RegularExpression'; readonly name: string; readonly value: string }>;
}

export interface GrpcRouteRule {
  readonly matches?: GrpcRouteMatch[];
  readonly filters?: RouteFilter[];
  readonly backendRefs?: BackendRef[];
  readonly sessionPersistence?: SessionPersistence;
}

export interface GrpcRouteSpec {
  readonly parentRefs?: ParentReference[];
  readonly hostnames?: string[];
  readonly rules: GrpcRouteRule[];
}

export interface TlsRouteSpec {
  readonly parentRefs: ParentReference[];
  readonly hostnames: string[];
  readonly rules: Array<{ readonly backendRefs: BackendRef[] }>;
}

/** `group: ""` is the core group (Secret, ConfigMap, Service). */
export interface CoreObjectRef {
  readonly group: '';
  readonly kind: string;
  readonly name: string;
}

export interface BackendTlsPolicySpec {
  readonly targetRefs: CoreObjectRef[];
  readonly validation: {
    readonly hostname: string;
    readonly caCertificateRefs?: CoreObjectRef[];
    readonly wellKnownCACertificates?: 'System';
  };
}

/** `Gateway.spec.tls.frontend` (Standard since v1.5): client certificate validation for every HTTPS listener. */
export interface GatewayTls {
  readonly frontend: { readonly default: { readonly validation: { readonly caCertificateRefs: CoreObjectRef[]; readonly mode: 'AllowValidOnly' } } };
}

export interface Listener {
  readonly name: string;
  readonly hostname?: string;
  readonly port: number;
  readonly protocol: 'HTTP' | 'HTTPS' | 'TLS';
  readonly tls?:
  | {
    readonly mode: 'Terminate';
    readonly certificateRefs: Array<{ readonly kind: 'Secret'; readonly name: string; readonly namespace?: string }>;
    /** Implementation-specific TLS options (Istio: `gateway.istio.io/tls-*`). */
    readonly options?: Readonly<Record<string, string>>;
  }
  | { readonly mode: 'Passthrough' };
  readonly allowedRoutes?: {
    readonly namespaces: {
      readonly from: 'Selector';
      readonly selector: { readonly matchExpressions: Array<{ readonly key: string; readonly operator: 'In'; readonly values: string[] }> };
    };
  };
}
