import { ApiObject } from 'cdk8s';
import { Construct } from 'constructs';
import { KONG_PLUGIN_API_VERSION, KONG_PLUGIN_KIND, RESPONSE_TRANSFORMER } from './annotations';
import { conditionAnnotations, conditionKey, headerProblems, kongPath } from './features/matches';
import { hstsPluginConfig, hstsPluginName, kongTlsAnnotations, kongTlsProblems } from './features/tls';
import { Http01Solver } from '../../cert-manager/api';
import { ManifestObject } from '../../core/manifest-object';
import { joinName } from '../../core/names';
import { BackendIR, GatewayIR, MatchIR, PassthroughIR, RouteIR, TlsHostIR } from '../../ir/model';
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
      annotations: () => ({ ...conditionAnnotations(matches[0]), ...kongTlsAnnotations(route.hosts, ctx.ir().tlsHosts, true) }),
      spec: () => ingressSpec(this.options.ingressClassName, route.hosts, matches.map(kongPath), route.backends[0], ctx.ir().tlsHosts),
    }));
  }

  /** A TlsHost with HSTS owns the `response-transformer` KongPlugin its routes reference. */
  public allocateTlsHost(scope: Construct, tls: TlsHostIR): ApiObject[] {
    if (!tls.hsts) return [];
    return [new ManifestObject(scope, 'Hsts', {
      apiVersion: KONG_PLUGIN_API_VERSION,
      kind: KONG_PLUGIN_KIND,
      name: hstsPluginName(tls),
      namespace: tls.secretNamespace,
      fields: { plugin: () => RESPONSE_TRANSFORMER, config: () => hstsPluginConfig(tls) },
    })];
  }

  /** Refused by the matrix. */
  public allocatePassthroughHost(_scope: Construct, _tls: PassthroughIR): ApiObject[] {
    return [];
  }

  public http01Solver(): Http01Solver {
    return { ingress: { ingressClassName: this.options.ingressClassName } };
  }

  public allocateDefaultBackend(scope: Construct, backend: BackendIR, ctx: GatewayContext): ApiObject[] {
    return defaultBackendIngress(scope, this.options.ingressClassName, backend, ctx);
  }

  public validate(ir: GatewayIR): RenderProblem[] {
    return [...headerProblems(ir), ...tlsNamespaceProblems(this.name, 'Ingress', ir), ...kongTlsProblems('kong', ir, true)];
  }

  public validateTlsHost(_tls: TlsHostIR | PassthroughIR): string[] {
    return [];
  }
}
