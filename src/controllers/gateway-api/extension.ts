import { ApiObject } from 'cdk8s';
import { Construct } from 'constructs';
import { RouteFilter } from './api';
import { RouteKind } from './features/grpc-route';
import { PolicyFeature } from '../../capabilities/areas/policies';
import { GatewayIR, RouteIR, TlsHostIR } from '../../ir/model';
import { GatewayContext, RenderProblem } from '../renderer';

/** An HTTPRoute / GRPCRoute rule filter (standard or ExtensionRef). Plain JSON. */
export type HttpRouteFilter = RouteFilter;

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
   *
   * `routeNames` are the route objects that serve the route's traffic, all of kind `routeKind`
   * (`GRPCRoute` for a gRPC backend). A `Redirect.toHttps()` route that keeps its backend also
   * renders HTTPRoutes that only redirect plain HTTP: they are not listed, since the redirect
   * happens before any policy (as with ingress-nginx).
   */
  allocateRoute(scope: Construct, route: RouteIR, routeNames: readonly string[], ctx: GatewayContext, routeKind: RouteKind): ApiObject[];

  /** Filters added to every rule serving the route, after the standard ones. Pure. */
  ruleFilters(route: RouteIR): HttpRouteFilter[];

  /** Extension-specific checks (value formats the matrix cannot state). Pure. */
  validate(ir: GatewayIR): RenderProblem[];

  /**
   * Objects a TLS-terminating TlsHost owns where Gateway API has no field (e.g. Envoy Gateway's
   * ClientTrafficPolicy for a minimum TLS version or client certificates). Called once, when the
   * TlsHost is created (owned Gateways only); content must be lazy.
   */
  allocateTlsHost?(scope: Construct, tls: TlsHostIR, ctx: GatewayContext): ApiObject[];

  /**
   * Whether the extension sends the route's HSTS header itself (Kong: merged into the route's own
   * `response-transformer` plugin, since Kong runs one plugin per type on a route and KIC would
   * turn the standard filter into a second one). The core then renders no HSTS filter for it.
   */
  hstsInExtension?(route: RouteIR): boolean;
}

/** The portable column: the standard only. */
export const NO_EXTENSION: GatewayApiExtension = {
  handles: new Set(),
  allocateRoute: () => [],
  ruleFilters: () => [],
  validate: () => [],
};
