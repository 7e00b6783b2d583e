import { ApiObject } from 'cdk8s';
import { Construct } from 'constructs';
import { LIMITS, MAX_HEADERS_PER_MATCH, ParentReference, REFERENCE_GRANT_VERSION, V1, GROUP } from './api';
import { canaryRouteParts, canaryTreatment, stableTreatment } from './features/canary';
import { listeners } from './features/gateway';
import { CATCH_ALL, httpRouteSpec, RegexStyle, routeParts, ruleCount } from './features/http-route';
import { referenceGrantSpec } from './features/reference-grant';
import { unsupportedMessage } from '../../capabilities/check';
import { ControllerName } from '../../capabilities/features';
import { ManifestObject } from '../../core/manifest-object';
import { joinName } from '../../core/names';
import { BackendIR, CanaryIR, GatewayIR, RouteIR, TlsHostIR } from '../../ir/model';
import { changesStableRoute } from '../common/canary';
import { ControllerRenderer, GatewayContext, RenderProblem } from '../renderer';

/** Kong's upstream target weight bound (`kong/db/schema/entities/targets.lua`). */
const KONG_MAX_TARGET_WEIGHT = 65535;

/** Gateway API settings resolved from the controller options. */
export interface ResolvedGatewayOptions {
  readonly gatewayClassName?: string;
  readonly attachTo?: {
    readonly kind: 'Gateway' | 'ListenerSet';
    readonly name: string;
    readonly namespace?: string;
    readonly sectionName?: string;
  };
  readonly httpPort: number;
  readonly httpsPort: number;
}

/**
 * Gateway API (portable, Envoy Gateway, Istio, Kong's Gateway API mode): an owned Gateway with
 * an HTTP listener and a listener per TLS hostname, one HTTPRoute per route (split at the CRD
 * limits), and name-scoped ReferenceGrants for everything referenced across namespaces.
 */
export class GatewayApiRenderer implements ControllerRenderer {
  private readonly regex: RegexStyle;

  constructor(public readonly name: ControllerName, private readonly options: ResolvedGatewayOptions) {
    // Envoy Gateway and Istio match RE2 against the whole value; Kong anchors only the start.
    this.regex = name === 'kong-gateway-api' ? 'anchored' : 'as-is';
  }

  public allocateGateway(scope: Construct, ctx: GatewayContext): ApiObject[] {
    if (this.options.attachTo) return [];
    return [new ManifestObject(scope, 'Gateway', {
      apiVersion: V1,
      kind: 'Gateway',
      name: ctx.name,
      namespace: ctx.namespace,
      spec: () => ({
        gatewayClassName: this.options.gatewayClassName,
        listeners: listeners(ctx.ir(), { http: this.options.httpPort, https: this.options.httpsPort }),
      }),
    })];
  }

  public allocateRoute(scope: Construct, route: RouteIR, ctx: GatewayContext): ApiObject[] {
    const parts = routeParts(route);
    const parentRefs = this.parentRefs(route.namespace, ctx);
    const objects: ApiObject[] = parts.map((part, i) => new ManifestObject(scope, i === 0 ? 'Resource' : `Resource${i + 1}`, {
      apiVersion: V1,
      kind: 'HTTPRoute',
      name: parts.length === 1 ? route.name : joinName([route.name, String(i + 1).padStart(2, '0')]),
      namespace: route.namespace,
      spec: () => {
        const ir = ctx.ir();
        return httpRouteSpec(parentRefs, part, route.backends, route.namespace, this.regex, index => stableTreatment(ir, route, index));
      },
    }));
    objects.push(...this.backendGrants(scope, route.name, route.namespace, route.backends));
    return objects;
  }

  /**
   * Weights and mirroring are rendered into the stable route's own rule (its HTTPRoute reads the
   * canaries at synth). A header / cookie canary gets its own HTTPRoute: the stable matches plus
   * its condition, which Gateway API precedence ranks above them ("more header matches").
   * Backends in other namespaces get a name-scoped ReferenceGrant.
   */
  public allocateCanary(scope: Construct, canary: CanaryIR, route: RouteIR, ctx: GatewayContext): ApiObject[] {
    const parts = canaryRouteParts(canary, route);
    const parentRefs = this.parentRefs(canary.namespace, ctx);
    const objects: ApiObject[] = parts.map((part, i) => new ManifestObject(scope, i === 0 ? 'Resource' : `Resource${i + 1}`, {
      apiVersion: V1,
      kind: 'HTTPRoute',
      name: parts.length === 1 ? canary.name : joinName([canary.name, String(i + 1).padStart(2, '0')]),
      namespace: canary.namespace,
      spec: () => httpRouteSpec(parentRefs, part, [canary.canary], canary.namespace, this.regex, () => canaryTreatment(canary)),
    }));
    const referenced = [canary.canary, ...(canary.mirror ? [canary.mirror.backend] : [])];
    objects.push(...this.backendGrants(scope, canary.name, canary.namespace, referenced));
    return objects;
  }

  public allocateTlsHost(scope: Construct, tls: TlsHostIR, ctx: GatewayContext): ApiObject[] {
    if (this.options.attachTo || tls.secretNamespace === ctx.namespace) return [];
    return [new ManifestObject(scope, 'ReferenceGrant', {
      apiVersion: REFERENCE_GRANT_VERSION,
      kind: 'ReferenceGrant',
      name: joinName([tls.name, 'certificate']),
      namespace: tls.secretNamespace,
      spec: () => referenceGrantSpec('Gateway', ctx.namespace, 'Secret', [tls.secretName]),
    })];
  }

  public allocateDefaultBackend(scope: Construct, backend: BackendIR, ctx: GatewayContext): ApiObject[] {
    const name = joinName([ctx.name, 'default-backend']);
    const parentRefs = this.parentRefs(ctx.namespace, ctx);
    return [
      new ManifestObject(scope, 'DefaultBackend', {
        apiVersion: V1,
        kind: 'HTTPRoute',
        name,
        namespace: ctx.namespace,
        spec: () => httpRouteSpec(parentRefs, { hosts: [], matches: [CATCH_ALL], indexes: [0] }, [backend], ctx.namespace, this.regex),
      }),
      ...this.backendGrants(scope, name, ctx.namespace, [backend]),
    ];
  }

  public validate(ir: GatewayIR): RenderProblem[] {
    const problems = this.canaryProblems(ir);
    if (this.options.attachTo) return problems;
    const count = 1 + ir.tlsHosts.reduce((n, t) => n + t.hosts.length, 0);
    if (count <= LIMITS.listenersPerGateway) return problems;
    return [...problems, {
      source: ir.source,
      message: `ApiGateway: needs ${count} Gateway listeners (one HTTP, one HTTPS per TLS hostname) but a Gateway holds at most ${LIMITS.listenersPerGateway}; spread the TLS hostnames over several ApiGateways, or use a wildcard hostname`,
    }];
  }

  private canaryProblems(ir: GatewayIR): RenderProblem[] {
    const problems: RenderProblem[] = [];
    const routes = new Map(ir.routes.map(r => [r.source, r]));
    for (const canary of ir.canaries) {
      const route = routes.get(canary.route);
      if (!route) continue;
      if (changesStableRoute(canary) && !canary.allHosts) {
        problems.push({
          source: canary.source,
          message: `CanarySplit.hosts: on ${this.name} a weighted split or a mirror is rendered into the stable route's own HTTPRoute rule, which serves every host of [${route.source}] (${route.hosts.join(', ')}); omit 'hosts' to canary all of them, or give the canaried hosts a Route of their own`,
        });
      }
      if (canary.traffic.kind !== 'weight' && canary.matchIndexes.some(i => route.matches[i].headers.length >= MAX_HEADERS_PER_MATCH)) {
        problems.push({
          source: canary.source,
          message: `CanarySplit.traffic: the stable match already has ${MAX_HEADERS_PER_MATCH} header conditions, the most an HTTPRoute match holds, so the canary's condition cannot be added; use a weighted canary or fewer header conditions`,
        });
      }
      // KIC gives each endpoint of a backend `weight / endpoints` as a Kong target weight (0-65535).
      if (this.name === 'kong-gateway-api' && canary.traffic.kind === 'weight' && Math.max(canary.traffic.stable, canary.traffic.canary) > KONG_MAX_TARGET_WEIGHT) {
        problems.push({
          source: canary.source,
          message: unsupportedMessage(this.name, 'canaryWeight', 'traffic',
            `Kong upstream target weights are at most ${KONG_MAX_TARGET_WEIGHT} (${canary.traffic.stable} / ${canary.traffic.canary} given); scale the weights down`),
        });
      }
    }
    // Canaried matches get rules of their own: the stable route's HTTPRoutes must still hold them.
    for (const route of ir.routes) {
      if (!ir.canariesByRoute.has(route.source)) continue;
      for (const part of routeParts(route)) {
        const rules = ruleCount(part, i => stableTreatment(ir, route, i));
        if (rules > LIMITS.rulesPerRoute) {
          problems.push({
            source: ir.canariesByRoute.get(route.source)![0].source,
            message: `CanarySplit.match: the canaries of [${route.source}] split its HTTPRoute into ${rules} rules, more than the ${LIMITS.rulesPerRoute} an HTTPRoute holds; canary fewer of its matches separately, or split the route`,
          });
          break;
        }
      }
    }
    return problems;
  }

  public validateTlsHost(tls: TlsHostIR): string[] {
    const attach = this.options.attachTo;
    if (!attach) return [];
    return [`TlsHost.hosts: this ApiGateway attaches to the existing ${attach.kind} '${attach.name}', whose owner configures its listeners and certificates; add the HTTPS listener for ${tls.hosts.join(', ')} there, or let this ApiGateway own its Gateway (remove attachTo)`];
  }

  private parentRefs(routeNamespace: string, ctx: GatewayContext): ParentReference[] {
    const attach = this.options.attachTo;
    if (!attach) {
      return [{ name: ctx.name, namespace: routeNamespace !== ctx.namespace ? ctx.namespace : undefined }];
    }
    const namespace = attach.namespace ?? ctx.namespace;
    return [{
      group: attach.kind === 'ListenerSet' ? GROUP : undefined,
      kind: attach.kind === 'ListenerSet' ? 'ListenerSet' : undefined,
      name: attach.name,
      namespace: namespace !== routeNamespace ? namespace : undefined,
      sectionName: attach.sectionName,
    }];
  }

  /** One ReferenceGrant per foreign namespace, naming exactly the Services used. */
  private backendGrants(scope: Construct, routeName: string, routeNamespace: string, backends: readonly BackendIR[]): ApiObject[] {
    const byNamespace = new Map<string, string[]>();
    for (const b of backends) {
      if (b.namespace === routeNamespace) continue;
      byNamespace.set(b.namespace, [...(byNamespace.get(b.namespace) ?? []), b.service]);
    }
    return [...byNamespace.keys()].sort().map(ns => new ManifestObject(scope, `ReferenceGrant-${ns}`, {
      apiVersion: REFERENCE_GRANT_VERSION,
      kind: 'ReferenceGrant',
      name: joinName([routeName, 'from', routeNamespace]),
      namespace: ns,
      spec: () => referenceGrantSpec('HTTPRoute', routeNamespace, 'Service', byNamespace.get(ns)!),
    }));
  }
}
