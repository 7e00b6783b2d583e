import { ApiObject } from 'cdk8s';
import { Construct } from 'constructs';
import { ControllerName } from '../capabilities/features';
import { Http01Solver } from '../cert-manager/api';
import { Attachment } from '../checks/attachment';
import { BackendIR, CanaryIR, ClientAddressIR, GatewayIR, PassthroughIR, RouteIR, TlsHostIR } from '../ir/model';
import { PoliciesIR } from '../ir/policies';
import { ServiceSideIR } from '../ir/service-side';

/** What a renderer may ask of the gateway it renders for. */
export interface GatewayContext {
  readonly name: string;
  readonly namespace: string;
  readonly source: string;
  /**
   * One object per route (`ApiGatewayProps.objectPerRoute`): no grouping step shares a route's
   * objects with other routes.
   */
  readonly objectPerRoute?: boolean;
  /** The gateway's declared client address (`ApiGatewayProps.clientIp`), known at construction. */
  readonly clientIp?: ClientAddressIR;
  /** Strict SNI (`ApiGatewayProps.strictSni`), known at construction. */
  readonly strictSni?: true;
  /** The whole gateway's IR, as of now (rebuilt when constructs are added). */
  ir(): GatewayIR;
}

/** A validation problem found by a renderer, attributed to the construct that caused it. */
export interface RenderProblem {
  readonly source: string;
  readonly message: string;
}

/**
 * One controller's renderer. Objects are allocated when intent constructs are created
 * (deterministic ids, fixed set); their content is filled lazily from the IR at synth.
 */
export interface ControllerRenderer {
  /** The capability column this renderer implements. */
  readonly name: ControllerName;
  /** Whether Gateway API experimental-channel fields may be emitted. */
  readonly experimentalChannel?: boolean;
  /** Gateway-level objects (e.g. a Gateway API Gateway), created with the ApiGateway. */
  allocateGateway(scope: Construct, ctx: GatewayContext): ApiObject[];
  allocateRoute(scope: Construct, route: RouteIR, ctx: GatewayContext): ApiObject[];
  /** Objects a TLS-terminating TlsHost owns (redirect routers, policies...), decided from its IR only. */
  allocateTlsHost(scope: Construct, tls: TlsHostIR, ctx: GatewayContext): ApiObject[];
  /**
   * Objects a passthrough TlsHost owns (its TCP / TLS route). Also called where the matrix
   * refuses passthrough (validation reports that): return nothing there, never throw.
   */
  allocatePassthroughHost(scope: Construct, tls: PassthroughIR, ctx: GatewayContext): ApiObject[];
  allocateDefaultBackend(scope: Construct, backend: BackendIR, ctx: GatewayContext): ApiObject[];
  /** The cert-manager HTTP-01 solver through which this controller serves ACME challenges for the gateway. */
  http01Solver(ctx: GatewayContext): Http01Solver;
  /**
   * The port of the listener `http01Solver` serves on, where this renderer owns it (a Gateway's
   * HTTP listener); undefined where the port is the cluster's business (an Ingress controller's Service).
   */
  http01Port(): number | undefined;
  /** The existing parent the routes attach to (Gateway API `attachTo`), if any. */
  attachment?(gatewayNamespace: string): Attachment | undefined;
  /**
   * Objects a canary adds (a canary Ingress, TraefikServices, a more specific HTTPRoute...).
   * Weights and mirroring may instead change the stable route's objects, which read the
   * gateway's canaries at synth. Allocated even when the controller refuses the canary (synth
   * fails in validation before anything is rendered).
   */
  allocateCanary(scope: Construct, canary: CanaryIR, route: RouteIR, ctx: GatewayContext): ApiObject[];
  /**
   * Controller-specific rules the matrix cannot state per feature (value formats, cross-route
   * interactions). Pure; messages use the standard unsupported format where a feature is refused.
   */
  validate(ir: GatewayIR): RenderProblem[];
  /** Problems with the ApiGateway / TlsHost combination itself (e.g. TLS on a Gateway we do not own). */
  validateTlsHost(tls: TlsHostIR | PassthroughIR): string[];
  /**
   * What a route's policies set on its backends' Services (annotations, a port's appProtocol),
   * where this controller reads them there; undefined when nothing. `route`: the route owning
   * the policies, for settings naming one of its objects (a Traefik ServersTransport). Pure.
   */
  serviceSide?(policies: PoliciesIR, route?: RouteIR): ServiceSideIR | undefined;
}
