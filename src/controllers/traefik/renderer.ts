import { ApiObject } from 'cdk8s';
import { Construct } from 'constructs';
import { KINDS, TRAEFIK_API_VERSION } from './constants';
import { ControllerRenderer, GatewayContext, RenderProblem } from '../renderer';
import { backendProblems, serversTransportName, serversTransportSpec } from './features/backend';
import { canaryAffinityProblems, canaryIngressRouteSpec, canaryMirrorServiceName, mirrorServiceName, mirrorSpec, TraefikServiceSpec, weightedServiceName, weightedSpec } from './features/canary';
import { headerProblems } from './features/headers';
import { ingressAnnotations, ingressParts, ingressSpecFor } from './features/ingress';
import { defaultBackendSpec, hostParts, ingressRouteParts, ingressRouteSpec } from './features/ingress-route';
import { MiddlewarePlan, middlewarePlans } from './features/middlewares';
import { redirectProblems } from './features/redirect';
import { retryProblems } from './features/retry';
import { canaryRuleProblems, ruleValueProblems } from './features/rule';
import { EntryPoints } from './features/tls';
import { ManifestObject } from '../../core/manifest-object';
import { joinName } from '../../core/names';
import { BackendIR, CanaryIR, GatewayIR, RouteIR, TlsHostIR } from '../../ir/model';
import { canaryPolicyProblems } from '../common/canary';
import { INGRESS_API_VERSION, serviceBackend } from '../common/ingress';
import { tlsNamespaceProblems } from '../common/tls';

export interface TraefikRendererOptions {
  /** `IngressRoute` CRDs (full matcher language) or `Ingress` with Traefik annotations. */
  readonly output: 'Ingress' | 'IngressRoute';
  /** The IngressClass of emitted Ingresses (Ingress output only). */
  readonly ingressClassName: string;
  /** Entry point for plain HTTP. */
  readonly web: string;
  /** Entry point for HTTPS. */
  readonly websecure: string;
}

/**
 * Traefik Proxy v3. IngressRoute output: one IngressRoute per (route, host), one `routes[]`
 * entry per match. Ingress output: one Ingress per (route, host, match). Every router carries an
 * explicit priority (see features/priority.ts). Policies: one Middleware per policy kind per
 * route (features/middlewares.ts), shared by the route's routers; the connect timeout is a
 * ServersTransport of the route.
 */
export class TraefikRenderer implements ControllerRenderer {
  public readonly name: 'traefik' | 'traefik-ingress';
  private readonly entryPoints: EntryPoints;

  constructor(private readonly options: TraefikRendererOptions) {
    this.name = options.output === 'Ingress' ? 'traefik-ingress' : 'traefik';
    this.entryPoints = { web: options.web, websecure: options.websecure };
  }

  public allocateGateway(): ApiObject[] {
    return [];
  }

  public allocateRoute(scope: Construct, route: RouteIR, ctx: GatewayContext): ApiObject[] {
    const ingressRoute = this.options.output === 'IngressRoute';
    const plans = middlewarePlans(route, ingressRoute);
    const objects: ApiObject[] = plans.map(p => middleware(scope, route, p));
    if (!ingressRoute) {
      objects.push(...ingressParts(route).map(part => new ManifestObject(scope, part.id, {
        apiVersion: INGRESS_API_VERSION,
        kind: 'Ingress',
        name: part.name,
        namespace: route.namespace,
        annotations: () => ingressAnnotations(route, part, ctx.ir().tlsHosts, this.entryPoints, plans),
        spec: () => ingressSpecFor(this.options.ingressClassName, route, part, ctx.ir().tlsHosts, this.entryPoints),
      })));
      return objects;
    }
    const serversTransport = serversTransportName(route);
    if (serversTransport !== undefined) {
      objects.push(new ManifestObject(scope, 'ServersTransport', {
        apiVersion: TRAEFIK_API_VERSION,
        kind: KINDS.serversTransport,
        name: serversTransport,
        namespace: route.namespace,
        spec: () => serversTransportSpec(route),
      }));
    }
    objects.push(...ingressRouteParts(route).map(part => new ManifestObject(scope, part.id, {
      apiVersion: TRAEFIK_API_VERSION,
      kind: KINDS.ingressRoute,
      name: part.name,
      namespace: route.namespace,
      spec: () => ingressRouteSpec(route, part, { ir: ctx.ir(), entryPoints: this.entryPoints, middlewares: plans, serversTransport }),
    })));
    return objects;
  }

  /**
   * IngressRoute output: a weighted TraefikService `<canary>` (weights), that the stable route's
   * IngressRoutes reference for the canaried matches; or an IngressRoute per host with the
   * header / cookie condition. Mirroring wraps the traffic in mirroring TraefikServices.
   * Ingress output: nothing (the capability matrix refuses every canary feature).
   */
  public allocateCanary(scope: Construct, canary: CanaryIR, route: RouteIR, ctx: GatewayContext): ApiObject[] {
    if (this.options.output === 'Ingress') return [];
    const service = (id: string, name: string, spec: () => TraefikServiceSpec) => new ManifestObject(scope, id, {
      apiVersion: TRAEFIK_API_VERSION,
      kind: KINDS.traefikService,
      name,
      namespace: canary.namespace,
      spec,
    });
    if (canary.traffic.kind === 'weight') {
      const objects: ApiObject[] = [service('Resource', weightedServiceName(canary), () => weightedSpec(canary, route))];
      if (canary.mirror) objects.push(service('Mirror', mirrorServiceName(canary), () => mirrorSpec(canary, 'split', route)));
      return objects;
    }
    const objects: ApiObject[] = hostParts(canary.name, canary.hosts).map(part => new ManifestObject(scope, part.id, {
      apiVersion: TRAEFIK_API_VERSION,
      kind: KINDS.ingressRoute,
      name: part.name,
      namespace: canary.namespace,
      spec: () => canaryIngressRouteSpec(canary, route, part, ctx.ir(), this.entryPoints),
    }));
    if (canary.mirror) {
      objects.push(
        service('Mirror', mirrorServiceName(canary), () => mirrorSpec(canary, 'stable', route)),
        service('CanaryMirror', canaryMirrorServiceName(canary), () => mirrorSpec(canary, 'canary', route)),
      );
    }
    return objects;
  }

  public allocateTlsHost(_scope: Construct, _tls: TlsHostIR): ApiObject[] {
    return [];
  }

  public allocateDefaultBackend(scope: Construct, backend: BackendIR, ctx: GatewayContext): ApiObject[] {
    const name = defaultBackendName(ctx.name);
    if (this.options.output === 'Ingress') {
      return [new ManifestObject(scope, 'DefaultBackend', {
        apiVersion: INGRESS_API_VERSION,
        kind: 'Ingress',
        name,
        namespace: ctx.namespace,
        spec: () => ({ ingressClassName: this.options.ingressClassName, defaultBackend: serviceBackend(backend) }),
      })];
    }
    return [new ManifestObject(scope, 'DefaultBackend', {
      apiVersion: TRAEFIK_API_VERSION,
      kind: KINDS.ingressRoute,
      name,
      namespace: ctx.namespace,
      spec: () => defaultBackendSpec(backend, ctx.namespace, this.entryPoints),
    })];
  }

  public validate(ir: GatewayIR): RenderProblem[] {
    return [
      // Ingress output: the Traefik Ingress provider writes the rule itself from hosts and paths,
      // which never contain a backtick; header / query conditions are refused by the matrix.
      ...(this.name === 'traefik' ? [...ruleValueProblems(this.name, ir), ...canaryRuleProblems(this.name, ir)] : []),
      ...tlsNamespaceProblems(this.name, this.options.output, ir),
      ...redirectProblems(this.name, ir),
      ...headerProblems(this.name, ir),
      ...retryProblems(this.name, ir),
      // Ingress output: sticky cookies are refused by the matrix.
      ...(this.name === 'traefik' ? [...backendProblems(this.name, ir), ...canaryAffinityProblems(this.name, ir)] : []),
      ...canaryPolicyProblems(this.name, ir),
    ];
  }

  public validateTlsHost(): string[] {
    return [];
  }
}

/** A route's Middleware: its spec is one middleware type (see features/middlewares.ts). */
function middleware(scope: Construct, route: RouteIR, plan: MiddlewarePlan): ApiObject {
  return new ManifestObject(scope, plan.id, {
    apiVersion: TRAEFIK_API_VERSION,
    kind: KINDS.middleware,
    name: plan.name,
    namespace: route.namespace,
    spec: plan.spec,
  });
}

function defaultBackendName(gateway: string): string {
  return joinName([gateway, 'default-backend']);
}
