import { CANARY, CanaryFeature } from './areas/canary';
import { POLICIES, PolicyFeature } from './areas/policies';
import { ROUTING, RoutingFeature } from './areas/routing';
import { TLS, TlsFeature } from './areas/tls';
import { CapabilityArea, combine, FeatureInfo } from './support';

export { CONTROLLER_NAMES } from './controllers';
export type { ControllerName } from './controllers';
export type { FeatureInfo } from './support';

/**
 * Every capability a controller may or may not have: the union of the areas' features.
 * Add an area here and to ALL below; the compile fails until both are done.
 */
export type FeatureKind = RoutingFeature | TlsFeature | PolicyFeature | CanaryFeature;

/** Every area, joined with `combine()`. */
export const ALL: CapabilityArea<FeatureKind> = combine(combine(combine(ROUTING, TLS), POLICIES), CANARY);

export const FEATURES: { readonly [f in FeatureKind]: FeatureInfo } = ALL.features;

export const FEATURE_KINDS = Object.keys(FEATURES) as FeatureKind[];
