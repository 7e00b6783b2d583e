import { ApiObject } from 'cdk8s';
import { Construct } from 'constructs';
import { GROUP, HTTP_LISTENER, KINDS, LIMITS, ParentReference, REFERENCE_GRANT_VERSION, V1 } from './api';
import { CLIENT_TRAFFIC_POLICY, clientTrafficPolicySpec, EG_API_VERSION, needsClientTrafficPolicy } from './envoy-gateway';
import { frontendTls, httpsListenerName, listeners, passthroughListenerName } from './features/gateway';
import { CATCH_ALL, hostChunks, httpRouteSpec, RegexStyle, routeParts } from './features/http-route';
import { referenceGrantSpec } from './features/reference-grant';
import {
  attachedSections, backendTlsKey, backendTlsPolicySpec, frontendTlsProblems, hstsFilters, hstsProblems, passthroughProblems,
  redirectAttachmentProblems, redirectRouteSpec, sectionRefs, tlsRouteSpec,
} from './features/tls';
import { ControllerName } from '../../capabilities/features';
import { Http01Solver } from '../../cert-manager/api';
import { entries, register } from '../../core/app-registry';
import { ManifestObject } from '../../core/manifest-object';
import { joinName } from '../../core/names';
import { BackendIR, GatewayIR, PassthroughIR, RouteIR, TlsHostIR } from '../../ir/model';
import { kongTlsAnnotations, kongTlsProblems } from '../kong/features/tls';
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
}

/** One Gateway API use of a Service, for the one-BackendTLSPolicy-per-Service rule. */
interface ServiceUse {
  readonly source: string;
  readonly tls: string;
}

const SERVICE_USES = 'gateway-api-service-tls';
const POLICY_OWNERS = 'gateway-api-backend-tls-policy';

/**
 * Gateway API (portable, Envoy Gateway, Istio, Kong's Gateway API mode): an owned Gateway with
 * an HTTP listener and a listener per TLS hostname, one HTTPRoute per route (split at the CRD
 * limits) attached to the listeners of its hosts, a redirect HTTPRoute per TLS host, and
 * name-scoped ReferenceGrants for everything referenced across namespaces.
 */
export class GatewayApiRenderer implements ControllerRenderer {
  private readonly regex: RegexStyle;
  /** Kong: redirects through route annotations (KIC renders a RequestRedirect without hostname as a relative Location). */
  private readonly kong: boolean;
  /** Columns that render BackendTLSPolicy v1 / TLSRoute v1 (Kong's KIC 3.5 reads older, unserved versions). */
  private readonly v1Policies: boolean;
  private scope?: Construct;

  constructor(public readonly name: ControllerName, private readonly options: ResolvedGatewayOptions) {
    // Envoy Gateway and Istio match RE2 against the whole value; Kong anchors only the start.
    this.regex = name === 'kong-gateway-api' ? 'anchored' : 'as-is';
    this.kong = name === 'kong-gateway-api';
    this.v1Policies = !this.kong;
  }

  public allocateGateway(scope: Construct, ctx: GatewayContext): ApiObject[] {
    this.scope = scope;
    if (this.options.attachTo) return [];
    return [new ManifestObject(scope, 'Gateway', {
      apiVersion: V1,
      kind: KINDS.gateway,
      name: ctx.name,
      namespace: ctx.namespace,
      spec: () => ({
        gatewayClassName: this.options.gatewayClassName,
        listeners: listeners(ctx.ir(), { http: this.options.httpPort, https: this.options.httpsPort }),
        // Only the portable column validates client certificates here; Envoy Gateway uses a
        // ClientTrafficPolicy per listener, the others refuse clientAuth (matrix).
        tls: this.name === 'gateway-api' ? frontendTls(ctx.ir()) : undefined,
      }),
    })];
  }

  public allocateRoute(scope: Construct, route: RouteIR, ctx: GatewayContext): ApiObject[] {
    const parts = routeParts(route);
    const objects: ApiObject[] = parts.map((part, i) => new ManifestObject(scope, i === 0 ? 'Resource' : `Resource${i + 1}`, {
      apiVersion: V1,
      kind: KINDS.httpRoute,
      name: parts.length === 1 ? route.name : joinName([route.name, String(i + 1).padStart(2, '0')]),
      namespace: route.namespace,
      annotations: this.kong ? () => kongTlsAnnotations(part.hosts, ctx.ir().tlsHosts, false) : undefined,
      spec: () => {
        const tlsHosts = ctx.ir().tlsHosts;
        const parentRefs = this.parentRefs(route.namespace, ctx, attachedSections(part.hosts, tlsHosts));
        return httpRouteSpec(parentRefs, part, route.backends, route.namespace, this.regex, hstsFilters(part.hosts, tlsHosts));
      },
    }));
    objects.push(...this.backendGrants(scope, route.name, route.namespace, route.backends));
    objects.push(...this.backendTlsPolicies(scope, route.source, route.backends));
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
    if (tls.httpsRedirect && !this.kong) {
      const chunks = hostChunks(tls.hosts);
      chunks.forEach((hosts, i) => objects.push(new ManifestObject(scope, i === 0 ? 'HttpsRedirect' : `HttpsRedirect${i + 1}`, {
        apiVersion: V1,
        kind: KINDS.httpRoute,
        name: joinName([tls.name, 'https-redirect', ...(chunks.length > 1 ? [String(i + 1).padStart(2, '0')] : [])]),
        namespace: ctx.namespace,
        spec: () => redirectRouteSpec(hosts, ctx.name, this.options.httpsPort),
      })));
    }
    if (this.name === 'envoy-gateway' && needsClientTrafficPolicy(tls)) {
      objects.push(new ManifestObject(scope, 'ClientTrafficPolicy', {
        apiVersion: EG_API_VERSION,
        kind: CLIENT_TRAFFIC_POLICY,
        name: tls.name,
        namespace: ctx.namespace,
        spec: () => clientTrafficPolicySpec(tls, ctx.name),
      }));
    }
    return objects;
  }

  /** A TLSRoute on the passthrough listeners (refused on Kong: KIC 3.5 reads TLSRoute v1alpha2). */
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
        spec: () => httpRouteSpec(this.parentRefs(ctx.namespace, ctx, undefined), { hosts: [], matches: [CATCH_ALL] },
          [backend], ctx.namespace, this.regex),
      }),
      ...this.backendGrants(scope, name, ctx.namespace, [backend]),
      ...this.backendTlsPolicies(scope, ctx.source, [backend]),
    ];
  }

  /** An HTTPRoute on the Gateway's plain-HTTP listener, for cert-manager's gatewayHTTPRoute solver. */
  public http01Solver(ctx: GatewayContext): Http01Solver {
    const attach = this.options.attachTo;
    if (attach) {
      const parent = { group: attach.kind === 'ListenerSet' ? GROUP : undefined, kind: attach.kind, name: attach.name };
      return { gatewayHTTPRoute: { parentRefs: [{ ...parent, namespace: attach.namespace ?? ctx.namespace, sectionName: attach.sectionName }] } };
    }
    return { gatewayHTTPRoute: { parentRefs: [{ kind: 'Gateway', name: ctx.name, namespace: ctx.namespace, sectionName: HTTP_LISTENER }] } };
  }

  public validate(ir: GatewayIR): RenderProblem[] {
    const problems: RenderProblem[] = [];
    for (const route of ir.routes) {
      if (!this.kong) problems.push(...redirectAttachmentProblems(this.name, route, ir.tlsHosts));
      problems.push(...hstsProblems(this.name, route, ir.tlsHosts));
    }
    // Kong redirects with konghq.com/protocols on the HTTPRoute: whole-route, like its Ingresses.
    if (this.kong) problems.push(...kongTlsProblems('kong-gateway-api', ir, false));
    if (this.name === 'gateway-api') problems.push(...frontendTlsProblems(ir));
    problems.push(...passthroughProblems(ir), ...this.serviceTlsProblems(ir));
    if (this.options.attachTo) return problems;
    // Listener names come from host slugs ('.' -> '-'): two hostnames may give one name.
    const listenerOwners = new Map<string, string>();
    for (const t of [...ir.tlsHosts, ...ir.passthroughHosts]) {
      for (const host of t.hosts) {
        const name = t.mode === 'Terminate' ? httpsListenerName(host) : passthroughListenerName(host);
        const other = listenerOwners.get(name);
        if (other && other !== host) {
          problems.push({ source: t.source, message: `TlsHost.hosts: '${host}' and '${other}' both need the Gateway listener '${name}' (names are derived from the hostname with '.' replaced by '-'); rename one of the hosts or serve it from another ApiGateway` });
        }
        listenerOwners.set(name, host);
      }
    }
    const count = 1 + ir.tlsHosts.reduce((n, t) => n + t.hosts.length, 0) + ir.passthroughHosts.reduce((n, t) => n + t.hosts.length, 0);
    if (count > LIMITS.listenersPerGateway) {
      problems.push({
        source: ir.source,
        message: `ApiGateway: needs ${count} Gateway listeners (one HTTP, one per TLS hostname) but a Gateway holds at most ${LIMITS.listenersPerGateway}; spread the TLS hostnames over several ApiGateways, or use a wildcard hostname`,
      });
    }
    return problems;
  }

  public validateTlsHost(tls: TlsHostIR | PassthroughIR): string[] {
    const attach = this.options.attachTo;
    if (!attach) return [];
    return [`TlsHost.hosts: this ApiGateway attaches to the existing ${attach.kind} '${attach.name}', whose owner configures its listeners and certificates; add the ${tls.mode === 'Passthrough' ? 'TLS' : 'HTTPS'} listener for ${tls.hosts.join(', ')} there, or let this ApiGateway own its Gateway (remove attachTo)`];
  }

  private parentRefs(routeNamespace: string, ctx: GatewayContext, sections: string[] | undefined): ParentReference[] {
    const attach = this.options.attachTo;
    if (!attach) {
      return sectionRefs(sections, { name: ctx.name, namespace: routeNamespace !== ctx.namespace ? ctx.namespace : undefined });
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
      kind: KINDS.referenceGrant,
      name: joinName([routeName, 'from', routeNamespace]),
      namespace: ns,
      spec: () => referenceGrantSpec('HTTPRoute', routeNamespace, 'Service', byNamespace.get(ns)!),
    }));
  }

  /**
   * A BackendTLSPolicy applies to a Service for every route in the cluster, so there is one per
   * Service (app-wide): the first route re-encrypting to it allocates it. Every use of the
   * Service is recorded, so routes disagreeing about its TLS are reported (serviceTlsProblems).
   */
  private backendTlsPolicies(scope: Construct, source: string, backends: readonly BackendIR[]): ApiObject[] {
    const objects: ApiObject[] = [];
    if (!this.v1Policies) return objects;
    for (const b of backends) {
      const key = `${b.namespace}/${b.service}`;
      register<ServiceUse>(scope, SERVICE_USES, key, { source, tls: backendTlsKey(b) });
      if (!b.tls) continue;
      if (register<string>(scope, POLICY_OWNERS, key, source).length > 1) continue;
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
    const check = (source: string, backends: readonly BackendIR[]) => {
      for (const b of backends) {
        const mine = backendTlsKey(b);
        const other = entries<ServiceUse>(this.scope!, SERVICE_USES, `${b.namespace}/${b.service}`).find(u => u.tls !== mine);
        if (other) {
          problems.push({
            source,
            message: unsupportedBackendTls(this.name, b, mine, other),
          });
        }
      }
    };
    for (const r of ir.routes) check(r.source, r.backends);
    if (ir.defaultBackend && ir.defaultBackendSource) check(ir.defaultBackendSource, [ir.defaultBackend]);
    return problems;
  }
}

function unsupportedBackendTls(controller: ControllerName, b: BackendIR, mine: string, other: ServiceUse): string {
  return `Route.backend: Service '${b.namespace}/${b.service}' is used with ${mine} here and with ${other.tls} by [${other.source}]; on Gateway API (${controller}) a BackendTLSPolicy applies to every route to the Service (all its ports), so every use must agree`;
}
