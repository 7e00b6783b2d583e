import { ApiObject } from 'cdk8s';
import { Construct } from 'constructs';
import { RouteFilter } from './api';
import { RouteKind } from './features/grpc-route';
import { RegexStyle } from './features/http-route';
import { PolicyFeature } from '../../capabilities/areas/policies';
import { CanaryIR, GatewayIR, RouteIR, TlsHostIR } from '../../ir/model';
import { PoliciesIR } from '../../ir/policies';
import { ServiceSideIR } from '../../ir/service-side';
import { emitters, PolicyEmitters, Refused } from '../common/policy-emitters';
import { GatewayContext, RenderProblem } from '../renderer';

/*
 * The Gateway API extension contract. A controller folder that extends the Gateway API column
 * (envoy-gateway, istio, kong) imports from the gateway-api folder only through this module:
 * the contract below and the standard pieces an extension builds on, re-exported here.
 */
export { GROUP, REFERENCE_GRANT_VERSION } from './api';
export { gepDuration } from './features/duration';
export { httpsListenerName } from './features/gateway';
export type { RouteKind } from './features/grpc-route';
export { CATCH_ALL, routeParts } from './features/http-route';
export type { RegexStyle } from './features/http-route';
export { isActive, refuse } from './features/policy-context';
export type { PolicyContext } from './features/policy-context';
export { referenceGrantSpec } from './features/reference-grant';
export { GATEWAY_ERROR_CODES } from './features/retry';

/** A policy kind an extension leaves entirely to the Gateway API core (standard fields, or refused by the matrix where the standard has none). */
export const STANDARD = 'rendered by the Gateway API core';
export type Standard = typeof STANDARD;

/**
 * An extension's decision for every policy kind of the IR: its emitter (the core still renders
 * the standard fields of the kind's features the extension does not `handle`), `STANDARD`, or
 * `REFUSED`. Adding a policy kind to the IR does not compile until each extension decides it.
 */
export type ExtensionPolicyEmitters<E> = PolicyEmitters<E | Standard>;

/** The emitters of an extension's map, in key order, without the kinds it refuses or leaves to the core. */
export function extensionEmitters<E>(map: ExtensionPolicyEmitters<E>): E[] {
  return (emitters(map) as Array<E | Standard | Refused>).filter((e): e is E => e !== STANDARD);
}

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
   * How the implementation matches `RegularExpression` paths and headers: `as-is` (RE2 over the
   * whole value, as Envoy Gateway and Istio do) or `anchored` (only the start is anchored, as on
   * Kong: the core anchors the end).
   * @default 'as-is'
   */
  readonly regexStyle?: RegexStyle;

  /**
   * Whether the extension redirects a TlsHost's plain HTTP to HTTPS itself (Kong: route
   * annotations, since KIC renders a RequestRedirect without hostname as a relative Location).
   * The core then renders no redirect HTTPRoute and leaves the redirect checks to the extension.
   * @default false
   */
  readonly tlsRedirectInExtension?: boolean;

  /**
   * The extension renders `Route.protocols` itself (route annotations), whatever listener the
   * route attaches to, so it is also rendered on an attached Gateway whose listeners are unknown.
   * @default false
   */
  readonly routeProtocolsInExtension?: boolean;

  /**
   * Whether the implementation serves BackendTLSPolicy v1 and TLSRoute v1 (Kong's KIC 3.5 reads
   * older, unserved versions; the matrix refuses the features there). When false, the core
   * renders neither.
   * @default true
   */
  readonly v1TlsPolicies?: boolean;

  /**
   * Whether the implementation validates client certificates from the Gateway's
   * `spec.tls.frontend` (Istio 1.30 converts it to MUTUAL server TLS). The portable column always
   * does; Envoy Gateway uses its ClientTrafficPolicy instead.
   * @default false
   */
  readonly frontendValidation?: boolean;

  /**
   * Implementation-specific `tls.options` of a TlsHost's HTTPS listeners (Istio: cipher suites,
   * OPTIONAL_MUTUAL), or undefined for none. Pure.
   */
  listenerTlsOptions?(tls: TlsHostIR): Readonly<Record<string, string>> | undefined;

  /**
   * Objects belonging to a route (e.g. a BackendTrafficPolicy targeting its HTTPRoutes, a
   * KongPlugin). Called once, when the route is created; content must be lazy.
   *
   * `routeNames` are the route objects that serve the route's traffic, all of kind `routeKind`
   * (`GRPCRoute` for a gRPC backend). A `Redirect.toHttps()` route that keeps its backend also
   * renders HTTPRoutes that only redirect plain HTTP: they are not listed, since the redirect
   * happens before any policy (as with ingress-nginx).
   */
  allocateRoute(
    scope: Construct, route: RouteIR, routeNames: readonly string[], ctx: GatewayContext, routeKind: RouteKind, ruleSections?: RuleSections,
  ): ApiObject[];

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
   * Objects the owned Gateway needs where Gateway API has no field (e.g. Envoy Gateway's
   * ClientTrafficPolicy for the client address). Called once, with the Gateway; content lazy.
   */
  allocateGateway?(scope: Construct, ctx: GatewayContext): ApiObject[];

  /** Problems of gateway-wide settings when the ApiGateway attaches to a Gateway it does not own. Pure. */
  attachedGatewayProblems?(ir: GatewayIR): RenderProblem[];

  /**
   * Whether the extension sends the route's HSTS header itself (Kong: merged into the route's own
   * `response-transformer` plugin, since Kong runs one plugin per type on a route and KIC would
   * turn the standard filter into a second one). The core then renders no HSTS filter for it.
   */
  hstsInExtension?(route: RouteIR): boolean;

  /**
   * Annotations on every HTTPRoute / GRPCRoute serving `hosts` of the route (a route part or a
   * header canary). Called at synth. Pure.
   */
  routeAnnotations?(route: RouteIR, hosts: readonly string[], tlsHosts: readonly TlsHostIR[]): Record<string, string>;

  /** Checks of one canary of the route the implementation adds (e.g. weight bounds). Pure. */
  canaryProblems?(canary: CanaryIR, route: RouteIR): RenderProblem[];

  /** TLS checks the implementation adds, after the core's (e.g. whole-route redirects). Pure. */
  tlsProblems?(ir: GatewayIR): RenderProblem[];

  /**
   * Settings the implementation reads on the backend's Service (e.g. Kong's `konghq.com/*`
   * annotations), merged with the core's port `appProtocol`. Pure.
   */
  serviceSide?(policies: PoliciesIR): ServiceSideIR | undefined;
}

/**
 * The rule names of each object serving a route (`rules[].name`), for policies attached by section
 * name; read at synth. Given only to routes with a `ruleName`.
 */
export type RuleSections = () => ReadonlyArray<{ readonly name: string; readonly sections: readonly string[] }>;

/** The portable column: the standard only. */
export const NO_EXTENSION: GatewayApiExtension = {
  handles: new Set(),
  allocateRoute: () => [],
  ruleFilters: () => [],
  validate: () => [],
};
