import { ApiObject } from 'cdk8s';
import { Construct } from 'constructs';
import { GROUP, HTTP_LISTENER, LIMITS, MAX_HEADERS_PER_MATCH, ParentReference, REFERENCE_GRANT_VERSION, RouteFilter, V1 } from './api';
import { GatewayApiExtension, NO_EXTENSION } from './extension';
import { canaryRouteParts, canaryTreatment, stableTreatment } from './features/canary';
import { httpsListenerHosts, httpsListenerName, listeners } from './features/gateway';
import { grpcCanaryProblems, grpcRouteSpec, routeKind, RouteKind } from './features/grpc-route';
import { backendRefs, CATCH_ALL, httpRouteSpec, RegexStyle, RoutePart, routeParts, ruleCount } from './features/http-route';
import { policyProblems } from './features/policy-checks';
import { PolicyContext } from './features/policy-context';
import { redirectFilter, schemeOnly } from './features/redirect';
import { referenceGrantSpec } from './features/reference-grant';
import { coreRedirect, rulePolicies } from './features/rule-policies';
import { unsupportedMessage } from '../../capabilities/check';
import { ControllerName } from '../../capabilities/features';
import { ManifestObject } from '../../core/manifest-object';
import { joinName } from '../../core/names';
import { BackendIR, CanaryIR, GatewayIR, RouteIR, TlsHostIR } from '../../ir/model';
import { canaryPolicyProblems, changesStableRoute } from '../common/canary';
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
  readonly experimentalChannel: boolean;
}

type Part = RoutePart;

/**
 * Gateway API (portable, Envoy Gateway, Istio, Kong's Gateway API mode): an owned Gateway with
 * an HTTP listener and a listener per TLS hostname, one HTTPRoute (GRPCRoute for gRPC) per route
 * (split at the CRD limits), name-scoped ReferenceGrants for everything referenced across
 * namespaces, standard filters for the policies the standard expresses, and the extension's
 * objects for the rest.
 */
export class GatewayApiRenderer implements ControllerRenderer {
  private readonly regex: RegexStyle;
  private readonly policy: PolicyContext;
  public readonly experimentalChannel: boolean;

  constructor(
    public readonly name: ControllerName,
    private readonly options: ResolvedGatewayOptions,
    private readonly extension: GatewayApiExtension = NO_EXTENSION,
  ) {
    // Envoy Gateway and Istio match RE2 against the whole value; Kong anchors only the start.
    this.regex = name === 'kong-gateway-api' ? 'anchored' : 'as-is';
    this.experimentalChannel = options.experimentalChannel;
    this.policy = { controller: name, experimentalChannel: options.experimentalChannel, handles: extension.handles };
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

  /**
   * One object per part of the route. A scheme-only redirect (`Redirect.toHttps()`) attaches only
   * to the listeners of the other scheme; when it keeps a backend, the backend is served by
   * separate objects attached to the listeners of the target scheme (parentRefs are per object).
   */
  public allocateRoute(scope: Construct, route: RouteIR, ctx: GatewayContext): ApiObject[] {
    const parts = routeParts(route);
    const kind = routeKind(route, this.extension.handles.has('backendGrpc'));
    const redirect = coreRedirect(route, this.policy);
    const scheme = schemeOnly(redirect);
    const name = (stem: string[], i: number) => joinName(parts.length === 1 ? stem : [...stem, String(i + 1).padStart(2, '0')]);
    const served: ApiObject[] = [];
    const objects: ApiObject[] = [];

    if (scheme && route.backends.length > 0) {
      // Served over the target scheme, redirected from the other one.
      parts.forEach((part, i) => served.push(this.routeObject(scope, i === 0 ? 'Resource' : `Resource${i + 1}`, name([route.name], i), kind, route, part,
        () => this.listenerRefs(route, scheme, ctx), 'all', ctx.ir)));
      const from = scheme === 'https' ? 'http' : 'https';
      parts.forEach((part, i) => objects.push(this.routeObject(scope, i === 0 ? 'Redirect' : `Redirect${i + 1}`, name([route.name, 'redirect'], i), 'HTTPRoute', route, part,
        () => this.listenerRefs(route, from, ctx), 'redirect', ctx.ir)));
    } else {
      const refs = scheme
        ? () => this.listenerRefs(route, scheme === 'https' ? 'http' : 'https', ctx)
        : () => this.parentRefs(route.namespace, ctx);
      parts.forEach((part, i) => served.push(this.routeObject(scope, i === 0 ? 'Resource' : `Resource${i + 1}`, name([route.name], i), kind, route, part, refs, 'all', ctx.ir)));
    }
    objects.unshift(...served);
    objects.push(...this.backendGrants(scope, route.name, route.namespace, kind, route.backends));
    objects.push(...this.extension.allocateRoute(scope, route, served.map(o => o.name), ctx, kind));
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
      spec: () => httpRouteSpec(
        parentRefs, part, { backendRefs: backendRefs([canary.canary], canary.namespace) }, this.regex, () => canaryTreatment(canary),
      ),
    }));
    const referenced = [canary.canary, ...(canary.mirror ? [canary.mirror.backend] : [])];
    objects.push(...this.backendGrants(scope, canary.name, canary.namespace, 'HTTPRoute', referenced));
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
        spec: () => httpRouteSpec(parentRefs, { hosts: [], matches: [CATCH_ALL], indexes: [0] },
          { backendRefs: backendRefs([backend], ctx.namespace) }, this.regex),
      }),
      ...this.backendGrants(scope, name, ctx.namespace, 'HTTPRoute', [backend]),
    ];
  }

  public validate(ir: GatewayIR): RenderProblem[] {
    const problems = [...this.extension.validate(ir), ...this.canaryProblems(ir), ...canaryPolicyProblems(this.name, ir),
      ...grpcCanaryProblems(this.name, ir, r => routeKind(r, this.extension.handles.has('backendGrpc')))];
    const attach = this.options.attachTo;
    for (const route of ir.routes) {
      problems.push(...policyProblems(route, this.policy, {
        gatewaySource: ir.source,
        attached: attach !== undefined,
        attachedSection: attach?.sectionName,
        httpPort: this.options.httpPort,
        httpsPort: this.options.httpsPort,
        regex: this.regex,
        listenerRefCount: (r, s) => (s === 'http' ? 1 : matchingHttpsListeners(r, ir).length),
      }, routeKind(route, this.extension.handles.has('backendGrpc')), this.extension.ruleFilters(route).length));
    }
    if (attach) return problems;
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

  /**
   * One HTTPRoute / GRPCRoute for a part of a route. `rules: 'redirect'` renders only the
   * redirect (the plain-HTTP side of a `Redirect.toHttps()` route that keeps its backend).
   */
  private routeObject(
    scope: Construct, id: string, name: string, kind: RouteKind, route: RouteIR, part: Part,
    parentRefs: () => ParentReference[] | undefined, rules: 'all' | 'redirect', getIr: () => GatewayIR,
  ): ApiObject {
    return new ManifestObject(scope, id, {
      apiVersion: V1,
      kind,
      name,
      namespace: route.namespace,
      spec: () => {
        const refs = parentRefs();
        if (rules === 'redirect') {
          return httpRouteSpec(refs, part, { filters: [redirectFilter(coreRedirect(route, this.policy)!)] }, this.regex);
        }
        const p = rulePolicies(route, this.policy, this.extension.ruleFilters(route) as RouteFilter[]);
        const filters = p.filters.length > 0 ? p.filters : undefined;
        if (kind === 'GRPCRoute') {
          return grpcRouteSpec(refs, part, route.backends, route.namespace, this.regex, { filters, sessionPersistence: p.sessionPersistence });
        }
        const ir = getIr();
        return httpRouteSpec(refs, part, {
          filters,
          backendRefs: route.backends.length > 0 ? backendRefs(route.backends, route.namespace) : undefined,
          timeouts: p.timeouts,
          retry: p.retry,
          sessionPersistence: p.sessionPersistence,
        }, this.regex, index => stableTreatment(ir, route, index));
      },
    });
  }

  /**
   * The listeners of one scheme a route attaches to. On an owned Gateway: `http`, or the HTTPS
   * listeners whose hostname intersects the route's (none when no TlsHost covers it: the object is
   * then attached nowhere). An attached ApiGateway uses its configured parent (validation refuses
   * what that cannot express).
   */
  private listenerRefs(route: RouteIR, scheme: 'http' | 'https', ctx: GatewayContext): ParentReference[] | undefined {
    if (this.options.attachTo) return this.parentRefs(route.namespace, ctx);
    const namespace = route.namespace !== ctx.namespace ? ctx.namespace : undefined;
    if (scheme === 'http') return [{ name: ctx.name, namespace, sectionName: HTTP_LISTENER }];
    const refs = matchingHttpsListeners(route, ctx.ir()).map(host => ({ name: ctx.name, namespace, sectionName: httpsListenerName(host) }));
    return refs.length > 0 ? refs : undefined;
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
  private backendGrants(scope: Construct, routeName: string, routeNamespace: string, kind: RouteKind, backends: readonly BackendIR[]): ApiObject[] {
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
      spec: () => referenceGrantSpec(kind, routeNamespace, 'Service', byNamespace.get(ns)!),
    }));
  }
}

/** HTTPS listener hostnames (sorted) that share a host with the route (every one when the route has no hosts). */
function matchingHttpsListeners(route: RouteIR, ir: GatewayIR): string[] {
  return httpsListenerHosts(ir).filter(l => route.hosts.length === 0 || route.hosts.some(h => hostsIntersect(h, l)));
}

/** Whether two hostnames (each possibly `*.suffix`, matching any depth) match a common host. */
export function hostsIntersect(a: string, b: string): boolean {
  if (a === b) return true;
  const wa = a.startsWith('*.');
  const wb = b.startsWith('*.');
  if (wa && wb) return a.slice(1).endsWith(b.slice(1)) || b.slice(1).endsWith(a.slice(1));
  if (wa) return b.endsWith(a.slice(1));
  if (wb) return a.endsWith(b.slice(1));
  return false;
}
