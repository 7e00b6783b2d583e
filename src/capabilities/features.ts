/**
 * Every capability a controller may or may not have. Adding one here breaks the compile of
 * `matrix.ts` until every controller's cell is decided.
 */
export type FeatureKind =
  | 'hostRouting'
  | 'wildcardHost'
  | 'exactPath'
  | 'prefixPath'
  | 'regexPath'
  | 'headerMatch'
  | 'headerRegexMatch'
  | 'queryParamMatch'
  | 'methodMatch'
  | 'multipleBackends'
  | 'crossNamespaceBackend'
  | 'defaultBackend'
  | 'tlsTermination'
  | 'crossNamespaceCertificate';

/** The capability columns: a controller, or an output mode of one with different abilities. */
export type ControllerName =
  | 'ingress-nginx'
  | 'traefik'
  | 'traefik-ingress'
  | 'kong'
  | 'kong-gateway-api'
  | 'gateway-api'
  | 'envoy-gateway'
  | 'istio';

export const CONTROLLER_NAMES: readonly ControllerName[] = [
  'ingress-nginx', 'traefik', 'traefik-ingress', 'kong', 'kong-gateway-api', 'gateway-api', 'envoy-gateway', 'istio',
];

export interface FeatureInfo {
  /** Human title used in messages and the README matrix. */
  readonly title: string;
  /** The prop that introduces it, as users write it. */
  readonly prop: string;
}

export const FEATURES: { readonly [f in FeatureKind]: FeatureInfo } = {
  hostRouting: { title: 'Host routing', prop: 'hosts' },
  wildcardHost: { title: 'Wildcard host', prop: 'hosts' },
  exactPath: { title: 'Exact path match', prop: 'match.path' },
  prefixPath: { title: 'Prefix path match', prop: 'match.path' },
  regexPath: { title: 'Regular-expression path match', prop: 'match.path' },
  headerMatch: { title: 'Header match', prop: 'match.headers' },
  headerRegexMatch: { title: 'Header regular-expression match', prop: 'match.headers' },
  queryParamMatch: { title: 'Query parameter match', prop: 'match.queryParams' },
  methodMatch: { title: 'Method match', prop: 'match.method' },
  multipleBackends: { title: 'Several backends on one route', prop: 'backends' },
  crossNamespaceBackend: { title: 'Backend in another namespace', prop: 'backends' },
  defaultBackend: { title: 'Gateway default backend', prop: 'defaultBackend' },
  tlsTermination: { title: 'TLS termination', prop: 'certificate' },
  crossNamespaceCertificate: { title: 'Certificate Secret in another namespace', prop: 'certificate' },
};

export const FEATURE_KINDS = Object.keys(FEATURES) as FeatureKind[];
