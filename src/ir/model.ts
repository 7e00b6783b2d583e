import { PoliciesIR } from './policies';

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

export interface BackendIR {
  readonly service: string;
  readonly namespace: string;
  readonly port: number;
  /** Relative weight among the route's backends. */
  readonly weight: number;
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
  /** Empty only for a route with a redirect. */
  readonly backends: readonly BackendIR[];
  /** The route's policies, gateway defaults applied. */
  readonly policies: PoliciesIR;
}

export interface TlsHostIR {
  readonly source: string;
  readonly name: string;
  /** Sorted, de-duplicated. */
  readonly hosts: readonly string[];
  readonly secretName: string;
  readonly secretNamespace: string;
}

export type ControllerKind = 'ingress-nginx' | 'traefik' | 'kong' | 'gateway-api' | 'envoy-gateway' | 'istio';

/** Where routes attach on Gateway API when the ApiGateway does not own its Gateway. */
export interface ParentRefIR {
  readonly kind: 'Gateway' | 'ListenerSet';
  readonly name: string;
  readonly namespace: string;
  readonly sectionName?: string;
}

export interface GatewayIR {
  readonly source: string;
  readonly name: string;
  readonly namespace: string;
  readonly routes: readonly RouteIR[];
  readonly tlsHosts: readonly TlsHostIR[];
  readonly defaultBackend?: BackendIR;
  readonly defaultBackendSource?: string;
}
