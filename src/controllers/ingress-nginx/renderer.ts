import { ApiObject } from 'cdk8s';
import { Construct } from 'constructs';
import { ANNOTATIONS } from './annotations';
import { nginxPath, pathProblems, usesRegex } from './features/paths';
import { backendTlsAnnotations, tlsAnnotations, tlsProblems } from './features/tls';
import { Http01Solver } from '../../cert-manager/api';
import { ManifestObject } from '../../core/manifest-object';
import { BackendIR, GatewayIR, PassthroughIR, RouteIR, TlsHostIR } from '../../ir/model';
import { defaultBackendIngress, INGRESS_API_VERSION, ingressSpec } from '../common/ingress';
import { tlsNamespaceProblems } from '../common/tls';
import { ControllerRenderer, GatewayContext, RenderProblem } from '../renderer';

export interface IngressNginxRendererOptions {
  readonly ingressClassName: string;
}

/** ingress-nginx: one Ingress per route; annotations only below the Critical risk level (never snippets). */
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
      annotations: () => ({
        ...(usesRegex(route) ? { [ANNOTATIONS.useRegex]: 'true' } : {}),
        ...tlsAnnotations(route, ctx.ir().tlsHosts),
      }),
      spec: () => ingressSpec(this.options.ingressClassName, route.hosts, route.matches.map(nginxPath), route.backends[0], ctx.ir().tlsHosts),
    })];
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

  public http01Solver(): Http01Solver {
    return { ingress: { ingressClassName: this.options.ingressClassName } };
  }

  public validate(ir: GatewayIR): RenderProblem[] {
    return [...pathProblems(ir), ...tlsNamespaceProblems(this.name, 'Ingress', ir), ...tlsProblems(ir)];
  }

  public validateTlsHost(_tls: TlsHostIR | PassthroughIR): string[] {
    return [];
  }
}
