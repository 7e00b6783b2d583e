import { ApiObject } from 'cdk8s';
import { Construct } from 'constructs';
import { GROUP, HTTP_LISTENER, LIMITS, ParentReference, REFERENCE_GRANT_VERSION, RouteFilter, V1 } from './api';
import { GatewayApiExtension, NO_EXTENSION } from './extension';
import { httpsListenerHosts, httpsListenerName, listeners } from './features/gateway';
import { grpcRouteSpec, routeKind, RouteKind } from './features/grpc-route';
import { backendRefs, CATCH_ALL, httpRouteSpec, RegexStyle, routeParts } from './features/http-route';
import { policyProblems } from './features/policy-checks';
import { PolicyContext } from './features/policy-context';
import { redirectFilter, schemeOnly } from './features/redirect';
import { referenceGrantSpec } from './features/reference-grant';
import { coreRedirect, rulePolicies } from './features/rule-policies';
import { ControllerName } from '../../capabilities/features';
import { ManifestObject } from '../../core/manifest-object';
import { joinName } from '../../core/names';
import { BackendIR, GatewayIR, MatchIR, RouteIR, TlsHostIR } from '../../ir/model';
import { ControllerRenderer, GatewayContext, RenderProblem } from '../renderer';

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

type Part = { hosts: readonly string[]; matches: readonly MatchIR[] };

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
        () => this.listenerRefs(route, scheme, ctx), 'all')));
      const from = scheme === 'https' ? 'http' : 'https';
      parts.forEach((part, i) => objects.push(this.routeObject(scope, i === 0 ? 'Redirect' : `Redirect${i + 1}`, name([route.name, 'redirect'], i), 'HTTPRoute', route, part,
        () => this.listenerRefs(route, from, ctx), 'redirect')));
    } else {
      const refs = scheme
        ? () => this.listenerRefs(route, scheme === 'https' ? 'http' : 'https', ctx)
        : () => this.parentRefs(route.namespace, ctx);
      parts.forEach((part, i) => served.push(this.routeObject(scope, i === 0 ? 'Resource' : `Resource${i + 1}`, name([route.name], i), kind, route, part, refs, 'all')));
    }
    objects.unshift(...served);
    objects.push(...this.backendGrants(scope, route.name, route.namespace, kind, route.backends));
    objects.push(...this.extension.allocateRoute(scope, route, served.map(o => o.name), ctx, kind));
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
        spec: () => httpRouteSpec(parentRefs, { hosts: [], matches: [CATCH_ALL] },
          { backendRefs: backendRefs([backend], ctx.namespace) }, this.regex),
      }),
      ...this.backendGrants(scope, name, ctx.namespace, 'HTTPRoute', [backend]),
    ];
  }

  public validate(ir: GatewayIR): RenderProblem[] {
    const problems = this.extension.validate(ir);
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
    parentRefs: () => ParentReference[] | undefined, rules: 'all' | 'redirect',
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
        return httpRouteSpec(refs, part, {
          filters,
          backendRefs: route.backends.length > 0 ? backendRefs(route.backends, route.namespace) : undefined,
          timeouts: p.timeouts,
          retry: p.retry,
          sessionPersistence: p.sessionPersistence,
        }, this.regex);
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
