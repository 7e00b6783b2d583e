import { ApiObject } from 'cdk8s';
import { Construct } from 'constructs';
import { ANNOTATIONS, CONFIGURATION_V1, KINDS, PLUGINS } from './constants';
import { ConsumerRegistry } from './features/auth';
import { canaryAnnotations, canaryGroups, canaryHeaderProblems, canarySpec } from './features/canary';
import { grpcIngressAnnotations, grpcIngressProblems } from './features/grpc';
import { conditionAnnotations, conditionKey, headerProblems, kongPath } from './features/matches';
import { allocatePolicyObjects, pluginNames, policyAnnotations, policyProblems } from './features/policies';
import { redirectProblems, redirectUrlProblems } from './features/redirect';
import { ingressRewriteProblems } from './features/rewrite';
import { kongServiceSide } from './features/service';
import { hstsPluginConfig, hstsPluginName, hstsPluginReferenced, kongTlsProblems, kongTlsRedirectAnnotations, routeHsts, tlsPluginNames } from './features/tls';
import { TopLevelObject } from './kong-object';
import { Http01Solver } from '../../cert-manager/api';
import { ManifestObject } from '../../core/manifest-object';
import { joinName } from '../../core/names';
import { BackendIR, CanaryIR, GatewayIR, MatchIR, PassthroughIR, RouteIR, TlsHostIR } from '../../ir/model';
import { PoliciesIR } from '../../ir/policies';
import { ServiceSideIR } from '../../ir/service-side';
import { canaryPolicyProblems } from '../common/canary';
import { RouteGroups, sharedValue } from '../common/grouping';
import { defaultBackendIngress, groupedIngressSpec, INGRESS_API_VERSION, INGRESS_PATH_CAPACITY, ingressSpec } from '../common/ingress';
import { tlsNamespaceProblems } from '../common/tls';
import { suffixWildcard } from '../common/wildcard';
import { ControllerRenderer, GatewayContext, RenderProblem } from '../renderer';

export interface KongIngressRendererOptions {
  readonly ingressClassName: string;
}

/**
 * Kong Ingress Controller in Ingress mode: one Ingress per route, or one per distinct set of
 * header / method conditions, since KIC reads those from Ingress-wide annotations; routes of
 * the same hosts and conditions without policies share one (not with `objectPerRoute`).
 */
export class KongIngressRenderer implements ControllerRenderer {
  public readonly name = 'kong' as const;

  private readonly consumers: ConsumerRegistry;
  private readonly groups = new RouteGroups(INGRESS_PATH_CAPACITY);

  constructor(private readonly options: KongIngressRendererOptions) {
    this.consumers = new ConsumerRegistry(options.ingressClassName);
  }

  public allocateGateway(): ApiObject[] {
    return [];
  }

  public allocateRoute(scope: Construct, route: RouteIR, ctx: GatewayContext): ApiObject[] {
    // Routes without policies and with one set of conditions render the same annotations when
    // they serve the same hosts: they share an Ingress (KIC reads plugins and conditions per Ingress).
    // A route's own protocols (RouteProtocols) are Ingress-wide too: such a route keeps its own.
    if (!ctx.objectPerRoute && route.backends.length > 0 && Object.keys(route.policies).length === 0 && route.protocols === undefined) {
      const conditions = new Set(route.matches.map(conditionKey));
      if (conditions.size === 1) {
        const key = JSON.stringify([route.namespace, route.hosts, [...conditions][0]]);
        return this.groups.place(route, key, route.matches.length * Math.max(1, route.hosts.length), members => [new ManifestObject(scope, 'Resource', {
          apiVersion: INGRESS_API_VERSION,
          kind: 'Ingress',
          name: route.name,
          namespace: route.namespace,
          annotations: () => sharedValue(members, 'annotations', r => this.annotations(r, r.matches[0], ctx)),
          spec: () => {
            const paths = members.map(r => ({ paths: r.matches.map(kongPath), backend: r.backends[0] }));
            return groupedIngressSpec(this.options.ingressClassName, route.hosts.map(suffixWildcard), paths, ctx.ir().tlsHosts);
          },
        })]);
      }
    }
    const groups = new Map<string, MatchIR[]>();
    for (const m of route.matches) {
      const key = conditionKey(m);
      const list = groups.get(key);
      if (list) list.push(m); else groups.set(key, [m]);
    }
    const ingresses: ApiObject[] = [...groups.values()].map((matches, i) => new ManifestObject(scope, i === 0 ? 'Resource' : `Resource${i + 1}`, {
      apiVersion: INGRESS_API_VERSION,
      kind: 'Ingress',
      name: groups.size === 1 ? route.name : joinName([route.name, String(i + 1).padStart(2, '0')]),
      namespace: route.namespace,
      annotations: () => this.annotations(route, matches[0], ctx),
      // A route without a backend (a redirect Kong cannot express) is refused in validation;
      // its spec still renders without throwing.
      spec: () => (route.backends.length > 0
        ? ingressSpec(this.options.ingressClassName, route.hosts.map(suffixWildcard), matches.map(kongPath), route.backends[0], ctx.ir().tlsHosts)
        : { ingressClassName: this.options.ingressClassName }),
    }));
    const hsts = () => routeHsts(route.hosts, ctx.ir().tlsHosts);
    return [...ingresses, ...allocatePolicyObjects(scope, route, this.name, this.consumers, hsts)];
  }

  /**
   * Match conditions, then the route's policies and its hosts' TLS settings: plugins (the
   * route's own, then the TlsHost's HSTS plugin unless the route's response-transformer carries
   * HSTS), one HTTPS redirect (the route's `Redirect.toHttps()`, else the TlsHost's default),
   * prefix strip.
   */
  private annotations(route: RouteIR, match: MatchIR, ctx: GatewayContext): Record<string, string> | undefined {
    const tlsHosts = ctx.ir().tlsHosts;
    const plugins = [...pluginNames(route, this.name), ...tlsPluginNames(route, route.hosts, tlsHosts)].sort();
    const out: Record<string, string> = {
      ...conditionAnnotations(match),
      ...(plugins.length > 0 ? { [ANNOTATIONS.plugins]: plugins.join(',') } : {}),
      ...kongTlsRedirectAnnotations(route, route.hosts, tlsHosts),
      ...policyAnnotations(route),
      ...grpcIngressAnnotations(route),
    };
    return Object.keys(out).length > 0 ? out : undefined;
  }

  /** A TlsHost with HSTS owns the `response-transformer` KongPlugin its routes reference. */
  public allocateTlsHost(scope: Construct, tls: TlsHostIR, ctx: GatewayContext): ApiObject[] {
    if (!tls.hsts) return [];
    return [new TopLevelObject(scope, 'Hsts', {
      apiVersion: CONFIGURATION_V1,
      kind: KINDS.plugin,
      name: hstsPluginName(tls),
      namespace: tls.secretNamespace,
      fields: { plugin: () => PLUGINS.responseTransformer, config: () => hstsPluginConfig(tls) },
      // Left out when every route of its hosts carries HSTS in its own response-transformer.
      omit: () => !hstsPluginReferenced(tls, ctx.ir()),
    })];
  }

  /** Refused by the matrix. */
  public allocatePassthroughHost(_scope: Construct, _tls: PassthroughIR): ApiObject[] {
    return [];
  }

  /** The controller's Service decides the port: not ours to check. */
  public http01Port(): undefined {
    return undefined;
  }

  public http01Solver(): Http01Solver {
    return { ingress: { ingressClassName: this.options.ingressClassName } };
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
      annotations: () => this.canaryIngressAnnotations(canary, route, matches[0], ctx),
      spec: () => canarySpec(this.options.ingressClassName, canary, matches, ctx.ir().tlsHosts),
    }));
  }

  /**
   * A header canary's Ingress serves the same hosts as the stable route's, so it takes their TLS
   * settings too (HTTPS-only + redirect, the HSTS plugin): canary requests must not skip them.
   * (A stable route with policies refuses header canaries: canaryPolicyProblems.)
   */
  private canaryIngressAnnotations(canary: CanaryIR, route: RouteIR, match: MatchIR, ctx: GatewayContext): Record<string, string> {
    const tlsHosts = ctx.ir().tlsHosts;
    const plugins = tlsPluginNames(route, canary.hosts, tlsHosts);
    return {
      ...canaryAnnotations(canary, match),
      ...(plugins.length > 0 ? { [ANNOTATIONS.plugins]: plugins.join(',') } : {}),
      ...kongTlsRedirectAnnotations(route, canary.hosts, tlsHosts),
    };
  }

  public validate(ir: GatewayIR): RenderProblem[] {
    return [
      ...headerProblems(ir),
      ...tlsNamespaceProblems(this.name, 'Ingress', ir),
      ...kongTlsProblems('kong', ir, true),
      ...policyProblems(this.name, ir),
      ...redirectProblems('kong', ir), ...redirectUrlProblems(ir),
      ...ingressRewriteProblems(ir),
      ...canaryHeaderProblems(ir),
      ...canaryPolicyProblems(this.name, ir),
      ...grpcIngressProblems(ir),
    ];
  }

  /** Timeouts and the upstream protocol, read by KIC on the backend's Service. */
  public serviceSide(policies: PoliciesIR): ServiceSideIR | undefined {
    return kongServiceSide(policies, 'kong');
  }

  public validateTlsHost(_tls: TlsHostIR | PassthroughIR): string[] {
    return [];
  }
}
