import { ApiObject } from 'cdk8s';
import { Construct } from 'constructs';
import { canaryAnnotations, canaryGroups, canaryHeaderProblems, canarySpec } from './features/canary';
import { conditionAnnotations, conditionKey, headerProblems, kongPath } from './features/matches';
import { ManifestObject } from '../../core/manifest-object';
import { joinName } from '../../core/names';
import { BackendIR, CanaryIR, GatewayIR, MatchIR, RouteIR } from '../../ir/model';
import { defaultBackendIngress, INGRESS_API_VERSION, ingressSpec } from '../common/ingress';
import { tlsNamespaceProblems } from '../common/tls';
import { ControllerRenderer, GatewayContext, RenderProblem } from '../renderer';

export interface KongIngressRendererOptions {
  readonly ingressClassName: string;
}

/**
 * Kong Ingress Controller in Ingress mode: one Ingress per route, or one per distinct set of
 * header / method conditions, since KIC reads those from Ingress-wide annotations.
 */
export class KongIngressRenderer implements ControllerRenderer {
  public readonly name = 'kong' as const;

  constructor(private readonly options: KongIngressRendererOptions) {}

  public allocateGateway(): ApiObject[] {
    return [];
  }

  public allocateRoute(scope: Construct, route: RouteIR, ctx: GatewayContext): ApiObject[] {
    const groups = new Map<string, MatchIR[]>();
    for (const m of route.matches) {
      const key = conditionKey(m);
      const list = groups.get(key);
      if (list) list.push(m); else groups.set(key, [m]);
    }
    return [...groups.values()].map((matches, i) => new ManifestObject(scope, i === 0 ? 'Resource' : `Resource${i + 1}`, {
      apiVersion: INGRESS_API_VERSION,
      kind: 'Ingress',
      name: groups.size === 1 ? route.name : joinName([route.name, String(i + 1).padStart(2, '0')]),
      namespace: route.namespace,
      annotations: () => conditionAnnotations(matches[0]),
      spec: () => ingressSpec(this.options.ingressClassName, route.hosts, matches.map(kongPath), route.backends[0], ctx.ir().tlsHosts),
    }));
  }

  public allocateTlsHost(): ApiObject[] {
    return [];
  }

  public allocateDefaultBackend(scope: Construct, backend: BackendIR, ctx: GatewayContext): ApiObject[] {
    return defaultBackendIngress(scope, this.options.ingressClassName, backend, ctx);
  }

  /**
   * A header canary: Ingresses for the same hosts and paths with one more header condition.
   * Nothing for the other canaries (the capability matrix refuses them on Kong Ingress).
   */
  public allocateCanary(scope: Construct, canary: CanaryIR, route: RouteIR, ctx: GatewayContext): ApiObject[] {
    const groups = canaryGroups(canary, route);
    return groups.map((matches, i) => new ManifestObject(scope, i === 0 ? 'Resource' : `Resource${i + 1}`, {
      apiVersion: INGRESS_API_VERSION,
      kind: 'Ingress',
      name: groups.length === 1 ? canary.name : joinName([canary.name, String(i + 1).padStart(2, '0')]),
      namespace: canary.namespace,
      annotations: () => canaryAnnotations(canary, matches[0]),
      spec: () => canarySpec(this.options.ingressClassName, canary, matches, ctx.ir().tlsHosts),
    }));
  }

  public validate(ir: GatewayIR): RenderProblem[] {
    return [...headerProblems(ir), ...tlsNamespaceProblems(this.name, 'Ingress', ir), ...canaryHeaderProblems(ir)];
  }

  public validateTlsHost(): string[] {
    return [];
  }
}
