import { ApiObject } from 'cdk8s';
import { Construct } from 'constructs';
import { LIMITS, ParentReference, REFERENCE_GRANT_VERSION, V1, GROUP } from './api';
import { listeners } from './features/gateway';
import { CATCH_ALL, httpRouteSpec, RegexStyle, routeParts } from './features/http-route';
import { referenceGrantSpec } from './features/reference-grant';
import { ControllerName } from '../../capabilities/features';
import { ManifestObject } from '../../core/manifest-object';
import { joinName } from '../../core/names';
import { BackendIR, GatewayIR, RouteIR, TlsHostIR } from '../../ir/model';
import { ControllerRenderer, GatewayContext, RenderProblem } from '../renderer';
import { GatewayApiExtension, NO_EXTENSION } from './extension';

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

/**
 * Gateway API (portable, Envoy Gateway, Istio, Kong's Gateway API mode): an owned Gateway with
 * an HTTP listener and a listener per TLS hostname, one HTTPRoute per route (split at the CRD
 * limits), and name-scoped ReferenceGrants for everything referenced across namespaces.
 */
export class GatewayApiRenderer implements ControllerRenderer {
  private readonly regex: RegexStyle;
  public readonly experimentalChannel: boolean;

  constructor(
    public readonly name: ControllerName,
    private readonly options: ResolvedGatewayOptions,
    private readonly extension: GatewayApiExtension = NO_EXTENSION,
  ) {
    // Envoy Gateway and Istio match RE2 against the whole value; Kong anchors only the start.
    this.regex = name === 'kong-gateway-api' ? 'anchored' : 'as-is';
    this.experimentalChannel = options.experimentalChannel;
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
      spec: () => httpRouteSpec(parentRefs, part, route.backends, route.namespace, this.regex, this.extension.ruleFilters(route)),
    }));
    objects.push(...this.backendGrants(scope, route.name, route.namespace, route.backends));
    objects.push(...this.extension.allocateRoute(scope, route, objects.filter(o => o.kind === 'HTTPRoute').map(o => o.name), ctx));
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
        spec: () => httpRouteSpec(parentRefs, { hosts: [], matches: [CATCH_ALL] }, [backend], ctx.namespace, this.regex),
      }),
      ...this.backendGrants(scope, name, ctx.namespace, [backend]),
    ];
  }

  public validate(ir: GatewayIR): RenderProblem[] {
    const problems = this.extension.validate(ir);
    if (this.options.attachTo) return problems;
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
