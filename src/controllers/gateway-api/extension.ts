import { ApiObject } from 'cdk8s';
import { Construct } from 'constructs';
import { PolicyFeature } from '../../capabilities/areas/policies';
import { GatewayIR, RouteIR } from '../../ir/model';
import { GatewayContext, RenderProblem } from '../renderer';

/** An HTTPRoute rule filter (standard or ExtensionRef). Plain JSON. */
export interface HttpRouteFilter {
  readonly type: string;
  readonly [field: string]: unknown;
}

/**
 * What a Gateway API implementation adds where the standard has no field: Envoy Gateway
 * policies, Istio security policies, Kong plugins. The core renderer emits the standard
 * objects and filters; for the policy features in `handles`, it leaves the rendering to the
 * extension.
 */
export interface GatewayApiExtension {
  /** Policy features this extension renders itself (the core renders no standard field for them). */
  readonly handles: ReadonlySet<PolicyFeature>;

  /**
   * Objects belonging to a route (e.g. a BackendTrafficPolicy targeting its HTTPRoutes, a
   * KongPlugin). Called once, when the route is created; content must be lazy.
   */
  allocateRoute(scope: Construct, route: RouteIR, httpRouteNames: readonly string[], ctx: GatewayContext): ApiObject[];

  /** Filters added to every rule of the route's HTTPRoutes, after the standard ones. Pure. */
  ruleFilters(route: RouteIR): HttpRouteFilter[];

  /** Extension-specific checks (value formats the matrix cannot state). Pure. */
  validate(ir: GatewayIR): RenderProblem[];
}

/** The portable column: the standard only. */
export const NO_EXTENSION: GatewayApiExtension = {
  handles: new Set(),
  allocateRoute: () => [],
  ruleFilters: () => [],
  validate: () => [],
};
