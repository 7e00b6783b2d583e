import { HeaderOpsIR, PoliciesIR } from './policies';

/**
 * The controller-neutral model: plain readonly data with no construct or cdk8s types.
 * Intent constructs produce it; renderers read only this. Every node carries `source`,
 * the construct path that declared it, so any later error can point back at the user's code.
 */

export type PathKind = 'Exact' | 'Prefix' | 'RegularExpression';

export interface PathIR {
  readonly kind: PathKind;
  /** Literal path (prefix paths have no trailing '/', except '/') or the regular expression. */
  readonly value: string;
}

export interface HeaderMatchIR {
  readonly name: string;
  readonly kind: 'Exact' | 'RegularExpression';
  readonly value: string;
}

export interface QueryParamMatchIR {
  readonly name: string;
  readonly value: string;
}

/** One alternative of a route: every condition must hold (AND); a route's matches are ORed. */
export interface MatchIR {
  readonly path: PathIR;
  /** Sorted by lowercase name. */
  readonly headers: readonly HeaderMatchIR[];
  /** Sorted by name. */
  readonly queryParams: readonly QueryParamMatchIR[];
  readonly method?: string;
}

/** A CA bundle (key `ca.crt`) in a Secret or a ConfigMap. */
export interface CaRefIR {
  readonly kind: 'Secret' | 'ConfigMap';
  readonly name: string;
}

/** Re-encryption to a backend that serves HTTPS: the connection is verified unless `insecureSkipVerify`. */
export interface BackendTlsIR {
  /**
   * SNI and the name the backend certificate must carry. Always set when verified; with
   * `insecureSkipVerify`, the SNI only (undefined: no SNI).
   */
  readonly hostname?: string;
  /** Trust anchors, in the backend's namespace; undefined: the proxy's system trust store. Never with `insecureSkipVerify`. */
  readonly ca?: CaRefIR;
  /** The explicit, unsafe opt-in: the backend certificate is not verified at all. */
  readonly insecureSkipVerify?: true;
  /** A `kubernetes.io/tls` Secret in the backend's namespace whose certificate the gateway presents to the backend. */
  readonly clientCertificateSecret?: string;
}

/** Every request: prefix '/', no other condition. */
export const CATCH_ALL_MATCH: MatchIR = { path: { kind: 'Prefix', value: '/' }, headers: [], queryParams: [] };

export interface BackendIR {
  readonly service: string;
  readonly namespace: string;
  readonly port: number;
  /** Relative weight among the route's backends. */
  readonly weight: number;
  /** The backend serves TLS; undefined: plain HTTP. */
  readonly tls?: BackendTlsIR;
  /**
   * The user handed us the Service (`Backend.fromService` / `fromServicePorts`), so settings a
   * controller reads on the Service can be written to it (or returned by
   * `ApiGateway.serviceSettings()`); undefined: named only (`Backend.service`).
   */
  readonly serviceKnown?: boolean;
  /**
   * Header changes made only when the request goes to this backend (Gateway API
   * `backendRefs[].filters`); undefined: none. Only a route's backends carry them.
   */
  readonly headers?: BackendHeadersIR;
}

/** A backend's own request / response header changes (at least one side set). */
export interface BackendHeadersIR {
  readonly request?: HeaderOpsIR;
  readonly response?: HeaderOpsIR;
}

export interface RouteIR {
  readonly source: string;
  /** Object name stem, unique within the gateway. */
  readonly name: string;
  readonly namespace: string;
  /** Sorted, de-duplicated. Empty means every host the gateway serves. */
  readonly hosts: readonly string[];
  /** In the user's order; never empty (defaults to Prefix '/'). */
  readonly matches: readonly MatchIR[];
  /** Empty only for a route with a redirect or a direct response. */
  readonly backends: readonly BackendIR[];
  /** The route's policies, gateway defaults applied. */
  readonly policies: PoliciesIR;
  /** The name of the route's rules (Gateway API `rules[].name`; further rules of an object get `-2`, `-3`...). */
  readonly ruleName?: string;
  /** Shadow backends receiving a copy of a share of the route's requests; absent: none. */
  readonly mirrors?: readonly MirrorIR[];
  /**
   * `https`: HTTPS only, plain HTTP refused (426); `http`: plain HTTP only (HTTPS not served by
   * the route); undefined: as the hosts' TlsHost says.
   */
  readonly protocols?: 'https' | 'http';
  /** A fixed answer from the gateway itself (`Route.respond`); then `backends` is empty. */
  readonly directResponse?: DirectResponseIR;
}

/** The content type of a direct response body when the user gives none. */
export const DEFAULT_DIRECT_RESPONSE_CONTENT_TYPE = 'text/plain; charset=utf-8';

/** A fixed answer: status, and optionally a body with its content type. */
export interface DirectResponseIR {
  /** 200-299 or 400-599. */
  readonly statusCode: number;
  /** Absent: the controller's own body for the status. */
  readonly body?: string;
  /** Set exactly when `body` is. */
  readonly contentType?: string;
}

/**
 * Whether the answer is Gateway API's rule without backends: status 500 with the implementation's
 * own body.
 */
export function isNoBackendAnswer(r: DirectResponseIR): boolean {
  return r.statusCode === 500 && r.body === undefined;
}

export interface HstsIR {
  readonly maxAgeSeconds: number;
  readonly includeSubdomains: boolean;
  readonly preload: boolean;
}

export type TlsVersionIR = '1.2' | '1.3';

/** Client certificate verification at the edge (mTLS). The CA lives beside the certificate Secret. */
export interface ClientAuthIR {
  /** true: a valid client certificate is required; false: verified when presented. */
  readonly required: boolean;
  readonly ca: CaRefIR;
  /** More trust anchors besides `ca`, in the user's order (never empty). */
  readonly additionalCas?: readonly CaRefIR[];
}

/** Hostnames whose TLS is terminated at the edge with one certificate. */
export interface TlsHostIR {
  readonly mode: 'Terminate';
  readonly source: string;
  readonly name: string;
  /** Sorted, de-duplicated. */
  readonly hosts: readonly string[];
  readonly secretName: string;
  readonly secretNamespace: string;
  /** The Secret is written by a cert-manager Certificate this TlsHost owns. */
  readonly managedCertificate: boolean;
  /** Plain-HTTP requests for these hosts are redirected to HTTPS (default); false: served over HTTP too. */
  readonly httpsRedirect: boolean;
  readonly hsts?: HstsIR;
  readonly minTlsVersion?: TlsVersionIR;
  readonly clientAuth?: ClientAuthIR;
  /** TLS 1.2 cipher suites by IANA name, in the user's order; undefined: the controller's default. */
  readonly cipherSuites?: readonly string[];
  /** Session tickets (stateless resumption) on or off; undefined: the controller's default. */
  readonly sessionTickets?: boolean;
}

/** Hostnames whose TLS connections are passed through, unterminated, to one backend (by SNI). */
export interface PassthroughIR {
  readonly mode: 'Passthrough';
  readonly source: string;
  readonly name: string;
  /** Sorted, de-duplicated. */
  readonly hosts: readonly string[];
  readonly backend: BackendIR;
}

/** Which requests a canary receives. */
export type CanaryTrafficIR =
  /** Of the requests for the host + match, `canary` / (`stable` + `canary`) go to the canary. */
  | { readonly kind: 'weight'; readonly stable: number; readonly canary: number }
  /** Requests whose header `name` (lowercase) equals `value` go to the canary; the rest to stable. */
  | { readonly kind: 'header'; readonly name: string; readonly value: string }
  /** Requests carrying header `name` (lowercase), whatever its value, go to the canary. */
  | { readonly kind: 'header-present'; readonly name: string }
  /** Requests whose cookie `name` has the value `always` go to the canary. */
  | { readonly kind: 'cookie'; readonly name: string };

/** The value of a cookie that sends a request to the canary (ingress-nginx's convention). */
export const CANARY_COOKIE_VALUE = 'always';

export interface MirrorIR {
  readonly backend: BackendIR;
  /** Share of the requests copied to the backend, 0-100. */
  readonly percent: number;
}

/**
 * A canary over some (host, match) pairs of one stable route: the route's only backend is the
 * stable one. Renderers either change the stable route's own objects (weights, mirroring) or
 * add more specific ones (header / cookie conditions).
 */
export interface CanaryIR {
  readonly source: string;
  /** Object name stem, unique within the gateway. */
  readonly name: string;
  /** The stable route's namespace: canary objects live beside the route's. */
  readonly namespace: string;
  /** `source` of the stable route. */
  readonly route: string;
  /** Sorted; a subset of the route's hosts. Empty only when the route serves every host. */
  readonly hosts: readonly string[];
  /** Whether `hosts` are all of the stable route's hosts. */
  readonly allHosts: boolean;
  /** Indexes into the stable route's `matches`, ascending. */
  readonly matchIndexes: readonly number[];
  /** The stable route's backend. */
  readonly stable: BackendIR;
  readonly canary: BackendIR;
  readonly traffic: CanaryTrafficIR;
  readonly mirror?: MirrorIR;
}

/** Where the client address comes from (issue #17). */
export interface ClientAddressIR {
  /** X-Forwarded-For entries trusted from the right; 0: the TCP peer. */
  readonly trustedHops: number;
}

export interface GatewayIR {
  readonly source: string;
  readonly name: string;
  readonly namespace: string;
  readonly routes: readonly RouteIR[];
  /** TLS-terminating hosts. */
  readonly tlsHosts: readonly TlsHostIR[];
  /** TLS passthrough hosts. */
  readonly passthroughHosts: readonly PassthroughIR[];
  readonly defaultBackend?: BackendIR;
  readonly defaultBackendSource?: string;
  readonly canaries: readonly CanaryIR[];
  /** `canaries` by the `source` of their stable route. */
  readonly canariesByRoute: ReadonlyMap<string, readonly CanaryIR[]>;
  /** Declared client address (absent: undeclared, the TCP peer, with a warning). */
  readonly clientIp?: ClientAddressIR;
  /** `per-host`: the owned Gateway has one plain-HTTP listener per hostname; undefined: one shared listener. */
  readonly httpListeners?: 'per-host';
  /** Refuse TLS handshakes without a known SNI (absent: the default certificate answers them). */
  readonly strictSni?: true;
}
