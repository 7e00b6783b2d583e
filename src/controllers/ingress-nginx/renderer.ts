import { ApiObject } from 'cdk8s';
import { Construct } from 'constructs';
import { ANNOTATIONS } from './annotations';
import { canaryAnnotations, canaryProblems, canarySpec, splitProblems, weightedSplit } from './features/canary';
import { toAnnotations } from './features/emitted';
import { nginxPaths, pathProblems } from './features/paths';
import { policyProblems, routeAnnotations } from './features/policies';
import { forcesHttps } from './features/redirect';
import { backendTlsAnnotations, tlsProblems } from './features/tls';
import { Http01Solver } from '../../cert-manager/api';
import { ManifestObject } from '../../core/manifest-object';
import { BackendIR, CanaryIR, GatewayIR, PassthroughIR, RouteIR, TlsHostIR } from '../../ir/model';
import { RouteGroups, sharedValue } from '../common/grouping';
import { defaultBackendIngress, groupedIngressSpec, INGRESS_API_VERSION, INGRESS_PATH_CAPACITY, IngressSpec, ingressSpec, tlsEntries } from '../common/ingress';
import { tlsNamespaceProblems } from '../common/tls';
import { EXTENSION_OBJECT_ID } from '../raw-annotations';
import { ControllerRenderer, GatewayContext, RenderProblem } from '../renderer';

export interface IngressNginxRendererOptions {
  readonly ingressClassName: string;
}

/**
 * ingress-nginx: routes with the same namespace, hosts and annotations share an Ingress (one per
 * route with `objectPerRoute`); policies and TLS settings as `nginx.ingress.kubernetes.io/*`
 * annotations from the Low / Medium / High risk sets (never Critical: no snippets), each value
 * checked against ingress-nginx's own validation. See README.md for the mapping.
 */
export class IngressNginxRenderer implements ControllerRenderer {
  public readonly name = 'ingress-nginx' as const;

  private readonly groups = new RouteGroups(INGRESS_PATH_CAPACITY);

  constructor(private readonly options: IngressNginxRendererOptions) {}

  public allocateGateway(): ApiObject[] {
    return [];
  }

  /**
   * The route's Ingress, shared with the routes of the same namespace, hosts and annotations
   * (ingress-nginx reads annotations per Ingress and merges the paths of every Ingress of a host,
   * so sharing changes nothing but the object count). Routes without a backend, or with two
   * (a weight canary Ingress `<route>-split` carries the second), keep their own.
   */
  public allocateRoute(scope: Construct, route: RouteIR, ctx: GatewayContext): ApiObject[] {
    const key = ctx.objectPerRoute || route.backends.length !== 1 ? undefined
      : JSON.stringify([route.namespace, route.hosts, forcesHttps(route), toAnnotations(routeAnnotations(route, []))]);
    const cost = nginxPaths(route).length * Math.max(1, route.hosts.length);
    const placed = this.groups.place(route, key, cost, members => [new ManifestObject(scope, 'Resource', {
      apiVersion: INGRESS_API_VERSION,
      kind: 'Ingress',
      name: route.name,
      namespace: route.namespace,
      annotations: () => sharedValue(members, 'annotations', r => toAnnotations(routeAnnotations(r, ctx.ir().tlsHosts))),
      spec: () => (members.length === 1 ? this.routeSpec(route, ctx) : groupedIngressSpec(
        this.options.ingressClassName, route.hosts, members.map(r => ({ paths: nginxPaths(r), backend: r.backends[0] })), ctx.ir().tlsHosts)),
    })]);
    const split = weightedSplit(route);
    return split ? [...placed, this.canaryIngress(scope, EXTENSION_OBJECT_ID, split, route, ctx)] : placed;
  }

  public allocateTlsHost(): ApiObject[] {
    return [];
  }

  /** An Ingress with `ssl-passthrough`: ingress-nginx forwards the TLS stream by SNI to the Service. */
  public allocatePassthroughHost(scope: Construct, tls: PassthroughIR, ctx: GatewayContext): ApiObject[] {
    return [new ManifestObject(scope, 'Passthrough', {
      apiVersion: INGRESS_API_VERSION,
      kind: 'Ingress',
      name: tls.name,
      namespace: ctx.namespace,
      annotations: () => ({ [ANNOTATIONS.sslPassthrough]: 'true' }),
      spec: () => ingressSpec(this.options.ingressClassName, tls.hosts, [{ path: '/', pathType: 'Prefix' }], tls.backend, []),
    })];
  }

  public allocateDefaultBackend(scope: Construct, backend: BackendIR, ctx: GatewayContext): ApiObject[] {
    return defaultBackendIngress(scope, this.options.ingressClassName, backend, ctx, () => backendTlsAnnotations(backend));
  }

  /** The controller's Service decides the port: not ours to check. */
  public http01Port(): undefined {
    return undefined;
  }

  public http01Solver(): Http01Solver {
    return { ingress: { ingressClassName: this.options.ingressClassName } };
  }

  /** A canary Ingress per canary; the stable route's Ingress is never changed. */
  public allocateCanary(scope: Construct, canary: CanaryIR, route: RouteIR, ctx: GatewayContext): ApiObject[] {
    return [this.canaryIngress(scope, 'Resource', canary, route, ctx)];
  }

  private canaryIngress(scope: Construct, id: string, canary: CanaryIR, route: RouteIR, ctx: GatewayContext): ApiObject {
    return new ManifestObject(scope, id, {
      apiVersion: INGRESS_API_VERSION,
      kind: 'Ingress',
      name: canary.name,
      namespace: canary.namespace,
      annotations: () => canaryAnnotations(canary),
      spec: () => canarySpec(this.options.ingressClassName, canary, route, ctx.ir().tlsHosts),
    });
  }

  public validate(ir: GatewayIR): RenderProblem[] {
    return [...pathProblems(ir), ...policyProblems(ir), ...tlsNamespaceProblems(this.name, 'Ingress', ir), ...tlsProblems(ir), ...canaryProblems(ir), ...splitProblems(ir)];
  }

  public validateTlsHost(_tls: TlsHostIR | PassthroughIR): string[] {
    return [];
  }

  private routeSpec(route: RouteIR, ctx: GatewayContext): IngressSpec {
    const tlsHosts = ctx.ir().tlsHosts;
    const backend = route.backends[0];
    // A route without a backend (a redirect) is refused in validate(); render it totally anyway.
    if (!backend) return { ingressClassName: this.options.ingressClassName, tls: tlsEntries(route.hosts, tlsHosts) };
    return ingressSpec(this.options.ingressClassName, route.hosts, nginxPaths(route), backend, tlsHosts);
  }
}
