import { ApiObject } from 'cdk8s';
import { Construct } from 'constructs';
import { GROUP, HTTP_LISTENER, HttpRouteSpec, KINDS, LIMITS, MAX_HEADERS_PER_MATCH, ParentReference, REFERENCE_GRANT_VERSION, RouteFilter, V1 } from './api';
import { GatewayApiExtension, NO_EXTENSION } from './extension';
import { ControllerRenderer, GatewayContext, RenderProblem } from '../renderer';
import { canaryRouteParts, canaryTreatment, requestMirror, stableTreatment } from './features/canary';
import { frontendTls, httpListenerPlans, httpSections, httpsListenerName, listeners, passthroughListenerName } from './features/gateway';
import { grpcBackendHeaderProblems, grpcCanaryProblems, grpcRouteSpec, RouteKind } from './features/grpc-route';
import { headerModifierFilters } from './features/header-modifiers';
import { backendRefs, CATCH_ALL, hostChunks, httpRouteSpec, RegexStyle, RoutePart, routeParts, ruleCount, withRuleNames } from './features/http-route';
import { CoreCheckOptions, policyProblems } from './features/policy-checks';
import { PolicyContext } from './features/policy-context';
import { redirectFilter, schemeOnly } from './features/redirect';
import { referenceGrantSpec } from './features/reference-grant';
import { coreRedirect, routeKind, rulePolicies } from './features/rule-policies';
import {
  AttachSide, backendTlsKey, backendTlsPolicySpec, frontendTlsProblems, hostsHsts, hostsWithoutHttpsListener, hstsProblems, listenerSections,
  passthroughProblems, redirectAttachmentProblems, redirectRouteSpec, sectionRefs, tlsRedirectHostsLeft, tlsRouteSpec,
} from './features/tls';
import { unsupportedMessage } from '../../capabilities/check';
import { ControllerName } from '../../capabilities/features';
import { Http01Solver } from '../../cert-manager/api';
import { Attachment } from '../../checks/attachment';
import { entries, register } from '../../core/app-registry';
import { ManifestObject } from '../../core/manifest-object';
import { joinName } from '../../core/names';
import { BackendIR, CanaryIR, GatewayIR, HstsIR, PassthroughIR, RouteIR, TlsHostIR } from '../../ir/model';
import { PoliciesIR } from '../../ir/policies';
import { canaryPolicyProblems, changesStableRoute } from '../common/canary';
import { RouteGroups, sharedValue } from '../common/grouping';
import { shadowedRedirectProblems } from '../common/tls';
import { fromSuffixWildcard } from '../common/wildcard';
import { appProtocolServiceSide, mergeServiceSide } from './features/app-protocol';
import { ServiceSideIR } from '../../ir/service-side';

/** Gateway API settings resolved from the controller options. */
export interface ResolvedGatewayOptions {
  readonly gatewayClassName?: string;
  readonly attachTo?: {
    readonly kind: 'Gateway' | 'ListenerSet';
    readonly name: string;
    readonly namespace?: string;
    /** Sorted; empty: every listener (with `port`, every listener on that port). */
    readonly sectionNames: readonly string[];
    readonly port?: number;
  };
  readonly httpPort: number;
  readonly httpsPort: number;
  readonly experimentalChannel: boolean;
}

type Part = RoutePart;

/** One Gateway API use of a Service, for the one-BackendTLSPolicy-per-Service rule. */
interface ServiceUse {
  readonly source: string;
  readonly tls: string;
}

const SERVICE_USES = 'gateway-api-service-tls';
const POLICY_OWNERS = 'gateway-api-backend-tls-policy';

/**
 * Gateway API (portable, Envoy Gateway, Istio, Kong's Gateway API mode): an owned Gateway with
 * an HTTP listener, a listener per TLS hostname and per passthrough hostname; one HTTPRoute
 * (GRPCRoute for gRPC) per route (split at the CRD limits) attached to the listeners of its hosts
 * (`listenerSections`, the one attachment rule); a redirect HTTPRoute per TLS host; name-scoped
 * ReferenceGrants for everything referenced across namespaces; a BackendTLSPolicy per
 * re-encrypted Service; standard filters for the policies the standard expresses, and the
 * extension's objects for the rest.
 */
export class GatewayApiRenderer implements ControllerRenderer {
  private readonly regex: RegexStyle;
  private readonly policy: PolicyContext;
  public readonly experimentalChannel: boolean;
  /** The extension redirects TlsHosts' plain HTTP itself (`GatewayApiExtension.tlsRedirectInExtension`). */
  private readonly tlsRedirectInExtension: boolean;
  /** Whether BackendTLSPolicy v1 / TLSRoute v1 are rendered (`GatewayApiExtension.v1TlsPolicies`). */
  private readonly v1Policies: boolean;
  /** Client certificates are validated from the Gateway's spec.tls.frontend (portable column, Istio). */
  private readonly frontendValidation: boolean;
  private scope?: Construct;
  /** Routes sharing HTTPRoutes: at most 16 rules each, a route counting one rule per match. */
  private readonly groups = new RouteGroups(LIMITS.rulesPerRoute);

  constructor(
    public readonly name: ControllerName,
    private readonly options: ResolvedGatewayOptions,
    private readonly extension: GatewayApiExtension = NO_EXTENSION,
  ) {
    this.regex = extension.regexStyle ?? 'as-is';
    this.tlsRedirectInExtension = extension.tlsRedirectInExtension ?? false;
    this.v1Policies = extension.v1TlsPolicies ?? true;
    this.frontendValidation = name === 'gateway-api' || (extension.frontendValidation ?? false);
    this.experimentalChannel = options.experimentalChannel;
    this.policy = { controller: name, experimentalChannel: options.experimentalChannel, handles: extension.handles };
  }

  public allocateGateway(scope: Construct, ctx: GatewayContext): ApiObject[] {
    this.scope = scope;
    if (this.options.attachTo) return [];
    const gateway = new ManifestObject(scope, 'Gateway', {
      apiVersion: V1,
      kind: KINDS.gateway,
      name: ctx.name,
      namespace: ctx.namespace,
      spec: () => ({
        gatewayClassName: this.options.gatewayClassName,
        listeners: listeners(ctx.ir(), { http: this.options.httpPort, https: this.options.httpsPort }, this.extension.listenerTlsOptions),
        // The portable column (and Istio, which converts it) validates client certificates here;
        // Envoy Gateway uses a ClientTrafficPolicy per listener, the others refuse clientAuth (matrix).
        tls: this.frontendValidation ? frontendTls(ctx.ir()) : undefined,
      }),
    });
    return [gateway, ...this.extension.allocateGateway?.(scope, ctx) ?? []];
  }

  /**
   * One object per part of the route. A scheme-only redirect (`Redirect.toHttps()`) attaches only
   * to the listeners of the other scheme; when it keeps a backend, the backend is served by
   * separate objects attached to the listeners of the target scheme (parentRefs are per object).
   * Everything else attaches as its hosts' TLS says (`listenerSections`).
   */
  public allocateRoute(scope: Construct, route: RouteIR, ctx: GatewayContext): ApiObject[] {
    const parts = routeParts(route);
    const kind = routeKind(route, this.extension.handles.has('backendGrpc'));
    const redirect = coreRedirect(route, this.policy);
    const scheme = schemeOnly(redirect);
    const name = (stem: string[], i: number) => joinName(parts.length === 1 ? stem : [...stem, String(i + 1).padStart(2, '0')]);
    const served: ApiObject[] = [];
    const objects: ApiObject[] = [];
    const other = (s: 'http' | 'https'): AttachSide => (s === 'https' ? 'http' : 'https');

    if (scheme && route.backends.length > 0) {
      // Served over the target scheme, redirected from the other one.
      parts.forEach((part, i) => served.push(this.routeObject(scope, i === 0 ? 'Resource' : `Resource${i + 1}`, name([route.name], i), kind, route, part,
        () => this.attach(part.hosts, route.namespace, ctx, scheme), 'all', ctx)));
      parts.forEach((part, i) => objects.push(this.routeObject(scope, i === 0 ? 'Redirect' : `Redirect${i + 1}`, name([route.name, 'redirect'], i), 'HTTPRoute', route, part,
        () => this.attach(part.hosts, route.namespace, ctx, other(scheme)), 'redirect', ctx)));
    } else if (this.groupable(route, parts, kind, scheme, ctx)) {
      // Served by an HTTPRoute shared with the routes of the same namespace and hosts (rules
      // are per route, so each keeps its matches, backends and filters).
      const part = parts[0];
      served.push(...this.groups.place(route, JSON.stringify([route.namespace, route.hosts]), route.matches.length, members => [
        this.routeObject(scope, 'Resource', route.name, kind, route, part, () => this.attach(part.hosts, route.namespace, ctx, 'serve'), 'all', ctx, members),
      ]));
    } else {
      const side: AttachSide = scheme ? other(scheme) : servedSide(route);
      parts.forEach((part, i) => served.push(this.routeObject(scope, i === 0 ? 'Resource' : `Resource${i + 1}`, name([route.name], i), kind, route, part,
        () => this.attach(part.hosts, route.namespace, ctx, side), 'all', ctx)));
    }
    objects.unshift(...served);
    const referenced = [...route.backends, ...(route.mirrors ?? []).map(m => m.backend)];
    objects.push(...this.backendGrants(scope, route.name, route.namespace, kind, referenced));
    objects.push(...this.backendTlsPolicies(scope, route.source, referenced));
    // The rule names of each served object, read at synth (their number depends on the canaries).
    const ruleNames = (o: ApiObject) => ((o.toJson().spec?.rules ?? []) as Array<{ name: string }>).map(x => x.name);
    const sections = () => served.map(o => ({ name: o.name, sections: ruleNames(o) }));
    const named = route.ruleName !== undefined ? sections : undefined;
    objects.push(...this.extension.allocateRoute(scope, route, served.map(o => o.name), ctx, kind, named));
    return objects;
  }

  /**
   * Weights and mirroring are rendered into the stable route's own rule (its HTTPRoute reads the
   * canaries at synth). A header / cookie canary gets its own HTTPRoute: the stable matches plus
   * its condition, which Gateway API precedence ranks above them ("more header matches"),
   * attached to the listeners of its hosts like the stable route and carrying their HSTS.
   * Backends in other namespaces get a name-scoped ReferenceGrant, re-encrypted ones their
   * Service's BackendTLSPolicy.
   */
  public allocateCanary(scope: Construct, canary: CanaryIR, route: RouteIR, ctx: GatewayContext): ApiObject[] {
    const parts = canaryRouteParts(canary, route);
    const objects: ApiObject[] = parts.map((part, i) => new ManifestObject(scope, i === 0 ? 'Resource' : `Resource${i + 1}`, {
      apiVersion: V1,
      kind: KINDS.httpRoute,
      name: parts.length === 1 ? canary.name : joinName([canary.name, String(i + 1).padStart(2, '0')]),
      namespace: canary.namespace,
      annotations: this.annotations(route, part.hosts, ctx),
      spec: () => {
        const hsts = this.hsts(route, part.hosts, ctx);
        const filters = hsts ? headerModifierFilters(undefined, () => true, hsts) : undefined;
        return withRuleNames(httpRouteSpec(
          this.attach(part.hosts, canary.namespace, ctx, servedSide(route)), part,
          { backendRefs: backendRefs([canary.canary], canary.namespace), filters },
          this.regex, () => canaryTreatment(canary),
        ), route.ruleName);
      },
    }));
    const referenced = [canary.canary, ...(canary.mirror ? [canary.mirror.backend] : [])];
    objects.push(...this.backendGrants(scope, canary.name, canary.namespace, 'HTTPRoute', referenced));
    objects.push(...this.backendTlsPolicies(scope, canary.source, referenced));
    return objects;
  }

  public allocateTlsHost(scope: Construct, tls: TlsHostIR, ctx: GatewayContext): ApiObject[] {
    if (this.options.attachTo) return [];
    const objects: ApiObject[] = [];
    if (tls.secretNamespace !== ctx.namespace) {
      objects.push(new ManifestObject(scope, 'ReferenceGrant', {
        apiVersion: REFERENCE_GRANT_VERSION,
        kind: KINDS.referenceGrant,
        name: joinName([tls.name, 'certificate']),
        namespace: tls.secretNamespace,
        spec: () => referenceGrantSpec('Gateway', ctx.namespace, 'Secret', [tls.secretName]),
      }));
    }
    if (tls.httpsRedirect && !this.tlsRedirectInExtension) {
      const chunks = hostChunks(tls.hosts);
      chunks.forEach((hosts, i) => objects.push(new ManifestObject(scope, i === 0 ? 'HttpsRedirect' : `HttpsRedirect${i + 1}`, {
        apiVersion: V1,
        kind: KINDS.httpRoute,
        name: joinName([tls.name, 'https-redirect', ...(chunks.length > 1 ? [String(i + 1).padStart(2, '0')] : [])]),
        namespace: ctx.namespace,
        spec: () => redirectRouteSpec(hosts, ctx.name, this.options.httpsPort, ctx.ir().routes, tls, httpSections(httpListenerPlans(ctx.ir()))),
        // Left out when the routes already redirect every host of this chunk (no parent left).
        omit: () => tlsRedirectHostsLeft(hosts, ctx.ir().routes, tls).length === 0,
      })));
    }
    objects.push(...(this.extension.allocateTlsHost?.(scope, tls, ctx) ?? []));
    return objects;
  }

  /** A TLSRoute on the passthrough listeners (none when the extension says TLSRoute v1 is not served). */
  public allocatePassthroughHost(scope: Construct, tls: PassthroughIR, ctx: GatewayContext): ApiObject[] {
    if (this.options.attachTo || !this.v1Policies) return [];
    return [new ManifestObject(scope, 'TlsRoute', {
      apiVersion: V1,
      kind: KINDS.tlsRoute,
      name: tls.name,
      namespace: ctx.namespace,
      spec: () => tlsRouteSpec(tls, ctx.name),
    })];
  }

  public allocateDefaultBackend(scope: Construct, backend: BackendIR, ctx: GatewayContext): ApiObject[] {
    const name = joinName([ctx.name, 'default-backend']);
    return [
      new ManifestObject(scope, 'DefaultBackend', {
        apiVersion: V1,
        kind: KINDS.httpRoute,
        name,
        namespace: ctx.namespace,
        spec: () => httpRouteSpec(this.attach([], ctx.namespace, ctx, 'serve'), { hosts: [], matches: [CATCH_ALL], indexes: [0] },
          { backendRefs: backendRefs([backend], ctx.namespace) }, this.regex),
      }),
      ...this.backendGrants(scope, name, ctx.namespace, 'HTTPRoute', [backend]),
      ...this.backendTlsPolicies(scope, ctx.source, [backend]),
    ];
  }

  /** The existing parent the routes attach to. */
  public attachment(gatewayNamespace: string): Attachment | undefined {
    const a = this.options.attachTo;
    return a ? { kind: a.kind, name: a.name, namespace: a.namespace ?? gatewayNamespace, sectionNames: a.sectionNames, port: a.port } : undefined;
  }

  /** The owned Gateway's HTTP listener port (an attached Gateway's ports are its owner's). */
  public http01Port(): number | undefined {
    return this.options.attachTo ? undefined : this.options.httpPort;
  }

  /** An HTTPRoute on the Gateway's plain-HTTP listener, for cert-manager's gatewayHTTPRoute solver. */
  public http01Solver(ctx: GatewayContext): Http01Solver {
    const attach = this.options.attachTo;
    if (attach) {
      const parent = { group: attach.kind === 'ListenerSet' ? GROUP : undefined, kind: attach.kind, name: attach.name, namespace: attach.namespace ?? ctx.namespace, port: attach.port };
      const sections = attach.sectionNames.length > 0 ? attach.sectionNames : [undefined];
      return { gatewayHTTPRoute: { parentRefs: sections.map(sectionName => ({ ...parent, sectionName })) } };
    }
    // Per-host HTTP listeners: every listener on the HTTP port (the solver's hostname picks its own).
    const listener = ctx.ir().httpListeners === 'per-host' ? { port: this.options.httpPort } : { sectionName: HTTP_LISTENER };
    return { gatewayHTTPRoute: { parentRefs: [{ kind: 'Gateway', name: ctx.name, namespace: ctx.namespace, ...listener }] } };
  }

  public validate(ir: GatewayIR): RenderProblem[] {
    const problems = [...this.extension.validate(ir), ...this.canaryProblems(ir), ...canaryPolicyProblems(this.name, ir),
      ...grpcCanaryProblems(this.name, ir, r => routeKind(r, this.extension.handles.has('backendGrpc')))];
    const attach = this.options.attachTo;
    const httpPlans = httpListenerPlans(ir);
    const http = httpSections(httpPlans);
    if (attach && ir.httpListeners === 'per-host') {
      problems.push({
        source: ir.source,
        message: unsupportedMessage(this.name, 'hostnamedHttpListeners', 'httpListeners',
          `this ApiGateway attaches to the existing ${attach.kind} '${attach.name}', whose owner lays out its listeners; give it per-host HTTP listeners there and attach with attachTo.sectionNames, or let this ApiGateway own its Gateway (remove attachTo)`),
      });
    }
    const checkOptions: CoreCheckOptions = {
      gatewaySource: ir.source,
      attached: attach !== undefined,
      attachedSections: attach?.sectionNames ?? [],
      attachedPort: attach?.port,
      httpPort: this.options.httpPort,
      httpsPort: this.options.httpsPort,
      regex: this.regex,
      listenerRefCount: (r, s) => (listenerSections(r.hosts, ir.tlsHosts, s, http) ?? []).length,
      hostsWithoutHttpsListener: r => hostsWithoutHttpsListener(r.hosts, ir.tlsHosts),
      hsts: r => this.hstsFromIr(r, r.hosts, ir),
    };
    for (const route of ir.routes) {
      const kind = routeKind(route, this.extension.handles.has('backendGrpc'));
      if (kind === 'GRPCRoute' && this.name === 'gateway-api') problems.push(...grpcBackendHeaderProblems(route));
      problems.push(...policyProblems(route, this.policy, checkOptions, kind, this.extension.ruleFilters(route).length));
      if (!this.tlsRedirectInExtension && !attach) problems.push(...redirectAttachmentProblems(this.name, route, ir.tlsHosts));
      if (attach && route.protocols === 'http' && !this.extension.routeProtocolsInExtension) {
        problems.push({
          source: route.source,
          message: unsupportedMessage(this.name, 'httpOnlyRoute', 'protocols',
            `HTTP_ONLY attaches the route to the Gateway's HTTP listener, and this ApiGateway attaches to the existing ${attach.kind} '${attach.name}', whose listeners it does not own; attach to its HTTP listener with attachTo.sectionNames on an ApiGateway of its own, or let this ApiGateway own its Gateway (remove attachTo)`),
        });
      }
      problems.push(...hstsProblems(this.name, route, ir.tlsHosts));
    }
    // A route's own Redirect.toHttps() a TlsHost's more specific redirect would outrank.
    if (!this.tlsRedirectInExtension && !attach) problems.push(...shadowedRedirectProblems(this.name, ir));
    problems.push(...(this.extension.tlsProblems?.(ir) ?? []));
    if (this.frontendValidation) problems.push(...frontendTlsProblems(this.name, ir));
    problems.push(...passthroughProblems(ir), ...this.serviceTlsProblems(ir));
    if (attach) return [...problems, ...this.extension.attachedGatewayProblems?.(ir) ?? []];
    // Listener names come from host slugs ('.' -> '-'): two hostnames may give one name.
    const listenerOwners = new Map<string, string>();
    for (const p of httpPlans) {
      if (p.hostname === undefined) continue;
      const owner = listenerOwners.get(p.name);
      if (owner && owner !== p.hostname) {
        problems.push({ source: ir.source, message: `ApiGateway.httpListeners: '${p.hostname}' and '${owner}' both need the Gateway listener '${p.name}' (names are derived from the hostname with '.' replaced by '-'); rename one of the hosts, serve it from another ApiGateway, or use HttpListeners.SHARED` });
      }
      listenerOwners.set(p.name, p.hostname);
    }
    for (const t of [...ir.tlsHosts, ...ir.passthroughHosts]) {
      for (const host of t.hosts) {
        const listener = t.mode === 'Terminate' ? httpsListenerName(host) : passthroughListenerName(host);
        const owner = listenerOwners.get(listener);
        if (owner && owner !== host) {
          problems.push({ source: t.source, message: `TlsHost.hosts: '${host}' and '${owner}' both need the Gateway listener '${listener}' (names are derived from the hostname with '.' replaced by '-'); rename one of the hosts or serve it from another ApiGateway` });
        }
        listenerOwners.set(listener, host);
      }
    }
    const secure = ir.tlsHosts.reduce((n, t) => n + t.hosts.length, 0) + ir.passthroughHosts.reduce((n, t) => n + t.hosts.length, 0);
    const count = httpPlans.length + secure;
    if (count > LIMITS.listenersPerGateway) {
      problems.push({
        source: ir.source,
        message: httpPlans.length > 1
          ? `ApiGateway.httpListeners: needs ${count} Gateway listeners (${httpPlans.length} HTTP, one per hostname, and ${secure} for TLS hostnames) but a Gateway holds at most ${LIMITS.listenersPerGateway}; spread the hosts over several ApiGateways, use wildcard hostnames, or use HttpListeners.SHARED`
          : `ApiGateway: needs ${count} Gateway listeners (one HTTP, one per TLS hostname) but a Gateway holds at most ${LIMITS.listenersPerGateway}; spread the TLS hostnames over several ApiGateways, or use a wildcard hostname`,
      });
    }
    // A TlsHost's redirect HTTPRoute attaches to the HTTP listeners of its hostnames.
    for (const t of ir.tlsHosts) {
      if (!t.httpsRedirect || this.tlsRedirectInExtension) continue;
      for (const hosts of hostChunks(t.hosts)) {
        const refs = new Set(hosts.flatMap(h => http(fromSuffixWildcard(h)))).size;
        if (refs > LIMITS.parentRefsPerRoute) {
          problems.push({ source: t.source, message: `TlsHost.httpsRedirect: the redirect HTTPRoute of ${hosts.join(', ')} would attach to ${refs} per-host HTTP listeners, more than the ${LIMITS.parentRefsPerRoute} parents a route takes; split the hosts over several TlsHosts, or use HttpListeners.SHARED` });
        }
      }
    }
    return problems;
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
      problems.push(...(this.extension.canaryProblems?.(canary, route) ?? []));
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

  /** The backend port's appProtocol (h2c, WebSocket), plus what the extension reads on the Service. */
  public serviceSide(policies: PoliciesIR): ServiceSideIR | undefined {
    return mergeServiceSide(appProtocolServiceSide(policies, this.name), this.extension.serviceSide?.(policies));
  }

  public validateTlsHost(tls: TlsHostIR | PassthroughIR): string[] {
    const attach = this.options.attachTo;
    if (!attach) return [];
    return [`TlsHost.hosts: this ApiGateway attaches to the existing ${attach.kind} '${attach.name}', whose owner configures its listeners and certificates; add the ${tls.mode === 'Passthrough' ? 'TLS' : 'HTTPS'} listener for ${tls.hosts.join(', ')} there, or let this ApiGateway own its Gateway (remove attachTo)`];
  }

  /**
   * One HTTPRoute / GRPCRoute for a part of a route. `rules: 'redirect'` renders only the
   * redirect (the plain-HTTP side of a `Redirect.toHttps()` route that keeps its backend). The
   * served side carries the HSTS of the part's hosts (unless the extension sends it), merged
   * into the route's response header filter.
   */
  private routeObject(
    scope: Construct, id: string, name: string, kind: RouteKind, route: RouteIR, part: Part,
    parentRefs: () => ParentReference[] | undefined, rules: 'all' | 'redirect', ctx: GatewayContext, members: readonly RouteIR[] = [route],
  ): ApiObject {
    const annotations = this.annotations(route, part.hosts, ctx);
    return new ManifestObject(scope, id, {
      apiVersion: V1,
      kind,
      name,
      namespace: route.namespace,
      annotations: annotations && members.length > 1 ? () => sharedValue(members, 'annotations', r => this.annotations(r, part.hosts, ctx)!()) : annotations,
      spec: namedRules(route.ruleName, () => {
        const refs = parentRefs();
        if (members.length > 1) {
          // Rules in route-name order: among equally specific matches, Gateway API prefers the
          // first rule of an HTTPRoute, as it preferred the alphabetically first HTTPRoute.
          const sorted = [...members].sort((a, b) => (a.name < b.name ? -1 : 1));
          const specs = sorted.map(r => this.servedSpec(refs, 'HTTPRoute', r, routeParts(r)[0], ctx) as HttpRouteSpec);
          return { ...specs[0], rules: specs.flatMap(s => s.rules) };
        }
        if (rules === 'redirect') {
          return httpRouteSpec(refs, part, { filters: [redirectFilter(coreRedirect(route, this.policy)!)] }, this.regex);
        }
        return this.servedSpec(refs, kind, route, part, ctx);
      }),
    });
  }

  /** The spec of the objects serving a part of a route (its rules carry the route's policies). */
  private servedSpec(refs: ParentReference[] | undefined, kind: RouteKind, route: RouteIR, part: Part, ctx: GatewayContext) {
    const p = rulePolicies(route, this.policy, this.extension.ruleFilters(route) as RouteFilter[], this.hsts(route, part.hosts, ctx));
    const all = [...p.filters, ...(route.mirrors ?? []).map(m => requestMirror(m, route.namespace) as unknown as RouteFilter)];
    const filters = all.length > 0 ? all : undefined;
    if (kind === 'GRPCRoute') {
      return grpcRouteSpec(refs, part, route.backends, route.namespace, this.regex, { filters, sessionPersistence: p.sessionPersistence });
    }
    const ir = ctx.ir();
    return httpRouteSpec(refs, part, {
      filters,
      backendRefs: route.backends.length > 0 ? backendRefs(route.backends, route.namespace) : undefined,
      timeouts: p.timeouts,
      retry: p.retry,
      sessionPersistence: p.sessionPersistence,
    }, this.regex, index => stableTreatment(ir, route, index));
  }

  /**
   * Whether the route may share its HTTPRoute (grouping step): one part (at most 16 hostnames,
   * 128 matches) whose rules fit one HTTPRoute however canaries split them (a route renders at
   * most one rule per match), served on its hosts' listeners as-is (a scheme-only redirect
   * attaches elsewhere), and no policy an extension renders itself (its objects target the
   * route's objects by name, so they would apply to every route of the group; Kong's
   * `RouteProtocols` annotation applies to the whole object).
   */
  private groupable(route: RouteIR, parts: readonly Part[], kind: RouteKind, scheme: unknown, ctx: GatewayContext): boolean {
    // A named route keeps its HTTPRoute: its rule names (and the policies targeting them) stay its own.
    return !ctx.objectPerRoute && kind === 'HTTPRoute' && parts.length === 1 && route.matches.length <= LIMITS.rulesPerRoute && !scheme
      && route.ruleName === undefined && route.protocols === undefined
      && (this.extension === NO_EXTENSION || Object.keys(route.policies).length === 0);
  }

  /** The extension's annotations for an object serving `hosts` of `route`, read at synth. */
  private annotations(route: RouteIR, hosts: readonly string[], ctx: GatewayContext): (() => Record<string, string>) | undefined {
    const ext = this.extension;
    return ext.routeAnnotations ? () => ext.routeAnnotations!(route, hosts, ctx.ir().tlsHosts) : undefined;
  }

  /** The HSTS header the core renders for `hosts` of `route`: none when the extension sends it. */
  private hsts(route: RouteIR, hosts: readonly string[], ctx: GatewayContext): HstsIR | undefined {
    return this.hstsFromIr(route, hosts, ctx.ir());
  }

  private hstsFromIr(route: RouteIR, hosts: readonly string[], ir: GatewayIR): HstsIR | undefined {
    if (this.extension.hstsInExtension?.(route)) return undefined;
    return hostsHsts(hosts, ir.tlsHosts);
  }

  /**
   * The parents of an object serving `hosts` of a route, canary or default backend: on an owned
   * Gateway, the listeners of `listenerSections` (the one attachment rule; none when the list is
   * empty: the object is then attached nowhere); an attached ApiGateway uses its configured
   * parent (validation refuses what that cannot express).
   */
  private attach(hosts: readonly string[], routeNamespace: string, ctx: GatewayContext, side: AttachSide): ParentReference[] | undefined {
    const attach = this.options.attachTo;
    if (!attach) {
      const base = { name: ctx.name, namespace: routeNamespace !== ctx.namespace ? ctx.namespace : undefined };
      const ir = ctx.ir();
      return sectionRefs(listenerSections(hosts, ir.tlsHosts, side, httpSections(httpListenerPlans(ir))), base);
    }
    const namespace = attach.namespace ?? ctx.namespace;
    const parent: ParentReference = {
      group: attach.kind === 'ListenerSet' ? GROUP : undefined,
      kind: attach.kind === 'ListenerSet' ? 'ListenerSet' : undefined,
      name: attach.name,
      namespace: namespace !== routeNamespace ? namespace : undefined,
    };
    // One parentRef per named listener, each with the port when one is set.
    const sections = attach.sectionNames.length > 0 ? attach.sectionNames : [undefined];
    return sections.map(sectionName => ({ ...parent, sectionName, port: attach.port }));
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
      kind: KINDS.referenceGrant,
      name: joinName([routeName, 'from', routeNamespace]),
      namespace: ns,
      spec: () => referenceGrantSpec(kind, routeNamespace, 'Service', byNamespace.get(ns)!),
    }));
  }

  /**
   * A BackendTLSPolicy applies to a Service for every route in the cluster, so there is one per
   * Service (app-wide): the first route (or canary, or default backend) re-encrypting to it
   * allocates it. Every use of the Service is recorded, so uses disagreeing about its TLS are
   * reported (serviceTlsProblems).
   */
  private backendTlsPolicies(scope: Construct, source: string, backends: readonly BackendIR[]): ApiObject[] {
    const objects: ApiObject[] = [];
    if (!this.v1Policies) return objects;
    for (const b of backends) {
      const key = `${b.namespace}/${b.service}`;
      // Registered on the gateway (same app, same registry): rootOf is then known, not looked up per route.
      const owner = this.scope ?? scope;
      register<ServiceUse>(owner, SERVICE_USES, key, { source, tls: backendTlsKey(b) });
      if (!b.tls) continue;
      if (register<string>(owner, POLICY_OWNERS, key, source).length > 1) continue;
      objects.push(new ManifestObject(scope, `BackendTlsPolicy-${b.namespace}-${b.service}`, {
        apiVersion: V1,
        kind: KINDS.backendTlsPolicy,
        name: joinName([b.service, 'backend-tls']),
        namespace: b.namespace,
        spec: () => backendTlsPolicySpec(b),
      }));
    }
    return objects;
  }

  private serviceTlsProblems(ir: GatewayIR): RenderProblem[] {
    if (!this.scope || !this.v1Policies) return [];
    const problems: RenderProblem[] = [];
    // Per Service: its first use, and the first use with another TLS setting. The first use whose
    // setting differs from `mine` is then one of them, without a search of every use per backend
    // (quadratic when many routes share a Service).
    const uses = new Map<string, { readonly first: ServiceUse; readonly firstOther?: ServiceUse }>();
    const check = (source: string, backends: readonly BackendIR[]) => {
      for (const b of backends) {
        const mine = backendTlsKey(b);
        const key = `${b.namespace}/${b.service}`;
        let known = uses.get(key);
        if (!known) {
          const all = entries<ServiceUse>(this.scope!, SERVICE_USES, key);
          known = { first: all[0], firstOther: all.find(u => u.tls !== all[0]?.tls) };
          uses.set(key, known);
        }
        const other = known.first === undefined ? undefined : known.first.tls !== mine ? known.first : known.firstOther;
        if (other) problems.push({ source, message: unsupportedBackendTls(this.name, b, mine, other) });
      }
    };
    for (const r of ir.routes) check(r.source, [...r.backends, ...(r.mirrors ?? []).map(m => m.backend)]);
    for (const c of ir.canaries) check(c.source, [c.canary, ...(c.mirror ? [c.mirror.backend] : [])]);
    if (ir.defaultBackend && ir.defaultBackendSource) check(ir.defaultBackendSource, [ir.defaultBackend]);
    return problems;
  }
}

/** The side an object serving the route attaches to: the HTTP listener only for `RouteProtocols.HTTP_ONLY`. */
function servedSide(route: RouteIR): AttachSide {
  return route.protocols === 'http' ? 'http' : 'serve';
}

/** A spec producer whose rules carry the route's rule names (`withRuleNames`). */
function namedRules<S extends { readonly rules?: readonly object[] }>(ruleName: string | undefined, produce: () => S): () => S {
  return () => withRuleNames(produce(), ruleName);
}

function unsupportedBackendTls(controller: ControllerName, b: BackendIR, mine: string, other: ServiceUse): string {
  return `Route.backend: Service '${b.namespace}/${b.service}' is used with ${mine} here and with ${other.tls} by [${other.source}]; on Gateway API (${controller}) a BackendTLSPolicy applies to every route to the Service (all its ports), so every use must agree`;
}
