import { ROUTING, RoutingFeature } from './areas/routing';
import { TLS, TlsFeature } from './areas/tls';
import { CapabilityArea, combine, FeatureInfo } from './support';

export { CONTROLLER_NAMES, ControllerName } from './controllers';
export { FeatureInfo } from './support';

/**
 * Every capability a controller may or may not have: the union of the areas' features.
 * Add an area here and to ALL below; the compile fails until both are done.
 */
export type FeatureKind = RoutingFeature | TlsFeature;

/** Every area, joined with `combine()`. */
export const ALL: CapabilityArea<FeatureKind> = combine(ROUTING, TLS);

export const FEATURES: { readonly [f in FeatureKind]: FeatureInfo } = ALL.features;

export const FEATURE_KINDS = Object.keys(FEATURES) as FeatureKind[];
