import { ApiObject } from 'cdk8s';
import { Construct } from 'constructs';
import { ANNOTATIONS } from './annotations';
import { canaryAnnotations, canaryProblems, canarySpec } from './features/canary';
import { nginxPath, pathProblems, usesRegex } from './features/paths';
import { ManifestObject } from '../../core/manifest-object';
import { BackendIR, CanaryIR, GatewayIR, RouteIR, TlsHostIR } from '../../ir/model';
import { defaultBackendIngress, INGRESS_API_VERSION, ingressSpec } from '../common/ingress';
import { tlsNamespaceProblems } from '../common/tls';
import { ControllerRenderer, GatewayContext, RenderProblem } from '../renderer';

export interface IngressNginxRendererOptions {
  readonly ingressClassName: string;
}

/** ingress-nginx: one Ingress per route; annotations only from the Low/Medium risk set. */
export class IngressNginxRenderer implements ControllerRenderer {
  public readonly name = 'ingress-nginx' as const;

  constructor(private readonly options: IngressNginxRendererOptions) {}

  public allocateGateway(): ApiObject[] {
    return [];
  }

  public allocateRoute(scope: Construct, route: RouteIR, ctx: GatewayContext): ApiObject[] {
    return [new ManifestObject(scope, 'Resource', {
      apiVersion: INGRESS_API_VERSION,
      kind: 'Ingress',
      name: route.name,
      namespace: route.namespace,
      annotations: () => (usesRegex(route) ? { [ANNOTATIONS.useRegex]: 'true' } : undefined),
      spec: () => ingressSpec(this.options.ingressClassName, route.hosts, route.matches.map(nginxPath), route.backends[0], ctx.ir().tlsHosts),
    })];
  }

  public allocateTlsHost(_scope: Construct, _tls: TlsHostIR): ApiObject[] {
    return [];
  }

  public allocateDefaultBackend(scope: Construct, backend: BackendIR, ctx: GatewayContext): ApiObject[] {
    return defaultBackendIngress(scope, this.options.ingressClassName, backend, ctx);
  }

  /** A canary Ingress per canary; the stable route's Ingress is never changed. */
  public allocateCanary(scope: Construct, canary: CanaryIR, route: RouteIR, ctx: GatewayContext): ApiObject[] {
    return [new ManifestObject(scope, 'Resource', {
      apiVersion: INGRESS_API_VERSION,
      kind: 'Ingress',
      name: canary.name,
      namespace: canary.namespace,
      annotations: () => canaryAnnotations(canary),
      spec: () => canarySpec(this.options.ingressClassName, canary, route, ctx.ir().tlsHosts),
    })];
  }

  public validate(ir: GatewayIR): RenderProblem[] {
    return [...pathProblems(ir), ...tlsNamespaceProblems(this.name, 'Ingress', ir), ...canaryProblems(ir)];
  }

  public validateTlsHost(): string[] {
    return [];
  }
}
