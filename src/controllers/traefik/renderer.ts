import { ApiObject } from 'cdk8s';
import { Construct } from 'constructs';
import { ACME_SOLVER_PRIORITY, ANNOTATIONS, DEFAULT_TLS_OPTION, KINDS, TRAEFIK_API_VERSION } from './constants';
import { authProblems } from './features/auth';
import { backendProblems, routeTransportName, serversTransportSpec } from './features/backend';
import {
  canaryAffinityProblems, canaryIngressRouteSpec, canaryMirrorServiceName, canaryTlsBackends, mirrorServiceName, mirrorSpec, routeMirrorProblems,
  routeMirrorServiceName, routeMirrorSpec, TraefikServiceSpec, weightedServiceName, weightedSpec,
} from './features/canary';
import { backendHeaderProblems, backendHeadersName, backendHeadersSpec, headerProblems, hstsMergeProblems } from './features/headers';
import { ingressAnnotations, ingressParts, ingressSpecFor } from './features/ingress';
import { defaultBackendSpec, hostParts, ingressRouteParts, ingressRouteSpec, services } from './features/ingress-route';
import { ipDenyProblems } from './features/ip-access';
import { hstsMiddlewareReferenced, MiddlewarePlan, middlewarePlans } from './features/middlewares';
import { anyDepthOverlapProblems } from './features/priority';
import { redisProblems } from './features/rate-limit';
import { redirectProblems } from './features/redirect';
import { retryProblems } from './features/retry';
import { canaryRuleProblems, ruleValueProblems } from './features/rule';
import {
  backendTlsTransportSpec, EntryPoints, hstsMiddlewareSpec, needsTlsOption, passthroughSpec, redirectIngressRouteSpec, redirectMiddlewareSpec,
  routeHsts, serversTransportName, tlsObjectNames, tlsOptionSpec,
} from './features/tls';
import { Http01Solver } from '../../cert-manager/api';
import { ManifestObject } from '../../core/manifest-object';
import { joinName } from '../../core/names';
import { BackendIR, CanaryIR, GatewayIR, PassthroughIR, RouteIR, TlsHostIR } from '../../ir/model';
import { PoliciesIR } from '../../ir/policies';
import { canaryPolicyProblems } from '../common/canary';
import { RouteGroups, sharedValue } from '../common/grouping';
import { INGRESS_API_VERSION, INGRESS_PATH_CAPACITY, serviceBackend } from '../common/ingress';
import { hostsLeftToTlsRedirect, shadowedRedirectProblems, tlsNamespaceProblems } from '../common/tls';
import { ControllerRenderer, GatewayContext, RenderProblem } from '../renderer';
import { ingressDefaultBackendTlsProblems, ingressTransportName, ingressTransportSpec, traefikIngressServiceSide } from './features/service-annotations';
import { ServiceSideIR } from '../../ir/service-side';

export interface TraefikRendererOptions {
  /** `IngressRoute` CRDs (full matcher language) or `Ingress` with Traefik annotations. */
  readonly output: 'Ingress' | 'IngressRoute';
  /** The IngressClass of emitted Ingresses, and of cert-manager's HTTP-01 solver Ingresses. */
  readonly ingressClassName: string;
  /** Entry point for plain HTTP. */
  readonly web: string;
  /** Entry point for HTTPS. */
  readonly websecure: string;
}

/**
 * Traefik Proxy v3. IngressRoute output: one IngressRoute per (route, host), one `routes[]`
 * entry per match. Ingress output: one Ingress per (route, host, match). Every router carries an
 * explicit priority (see features/priority.ts). Policies: one Middleware per policy kind per
 * route (features/middlewares.ts), shared by the route's routers; the connect timeout is a
 * ServersTransport of the route (or of a re-encrypted backend). A TlsHost owns its redirect
 * router, HSTS middleware and TLSOption (CRD objects with both outputs); a route's own
 * `headers` Middleware carries its TlsHost's HSTS, and a route's own `Redirect.toHttps()` router
 * outranks the TlsHost's redirect (features/tls.ts).
 */
export class TraefikRenderer implements ControllerRenderer {
  public readonly name: 'traefik' | 'traefik-ingress';
  private readonly entryPoints: EntryPoints;
  /** Routes sharing an IngressRoute or an Ingress: at most 100 matches each. */
  private readonly groups = new RouteGroups(INGRESS_PATH_CAPACITY);

  constructor(private readonly options: TraefikRendererOptions) {
    this.name = options.output === 'Ingress' ? 'traefik-ingress' : 'traefik';
    this.entryPoints = { web: options.web, websecure: options.websecure };
  }

  /**
   * Strict SNI: the TLSOption named `default` (Traefik checks strict SNI with its default TLS
   * options, which every router without a TLSOption of its own uses), in the gateway's namespace,
   * with `sniStrict: true` and nothing else (the instance's default TLS settings stay Traefik's).
   */
  public allocateGateway(scope: Construct, ctx: GatewayContext): ApiObject[] {
    if (!ctx.strictSni) return [];
    return [new ManifestObject(scope, 'DefaultTlsOption', {
      apiVersion: TRAEFIK_API_VERSION, kind: KINDS.tlsOption, name: DEFAULT_TLS_OPTION, namespace: ctx.namespace, spec: () => ({ sniStrict: true }),
    })];
  }

  public allocateRoute(scope: Construct, route: RouteIR, ctx: GatewayContext): ApiObject[] {
    const ingressRoute = this.options.output === 'IngressRoute';
    const shared = this.sharedObject(scope, route, ctx);
    if (shared) return ingressRoute ? [...shared, ...this.serversTransports(scope, route.name, route.namespace, route.backends, route)] : shared;
    const plans = middlewarePlans(route, ingressRoute, () => routeHsts(route, ctx.ir().tlsHosts));
    const objects: ApiObject[] = plans.map(p => middleware(scope, route, p));
    // A backend's own header rules: a headers Middleware its IngressRoute service entry references,
    // or, on the Ingress output (one backend per path), the last of the router's middlewares.
    route.backends.forEach(b => {
      if (!b.headers) return;
      objects.push(new ManifestObject(scope, `Headers-${b.namespace}-${b.service}-${b.port}`, {
        apiVersion: TRAEFIK_API_VERSION,
        kind: KINDS.middleware,
        name: backendHeadersName(route, b),
        namespace: route.namespace,
        spec: () => backendHeadersSpec(b),
      }));
    });
    if (!ingressRoute) {
      // The connect timeout's / backend TLS's ServersTransport, named by the backend's Service (service-annotations.ts).
      const transport = ingressTransportName(route);
      if (transport !== undefined) objects.push(routeTransport(scope, route, transport, () => ingressTransportSpec(route)));
      objects.push(...ingressParts(route).map(part => new ManifestObject(scope, part.id, {
        apiVersion: INGRESS_API_VERSION,
        kind: 'Ingress',
        name: part.name,
        namespace: route.namespace,
        annotations: () => ingressAnnotations(route, part, ctx.ir().tlsHosts, this.entryPoints, plans),
        spec: () => ingressSpecFor(this.options.ingressClassName, route, part, ctx.ir().tlsHosts, this.entryPoints),
      })));
      return objects;
    }
    const serversTransport = routeTransportName(route);
    if (serversTransport !== undefined) objects.push(routeTransport(scope, route, serversTransport, () => serversTransportSpec(route)));
    objects.push(...ingressRouteParts(route).map(part => new ManifestObject(scope, part.id, {
      apiVersion: TRAEFIK_API_VERSION,
      kind: KINDS.ingressRoute,
      name: part.name,
      namespace: route.namespace,
      spec: () => ingressRouteSpec(route, part, { ir: ctx.ir(), entryPoints: this.entryPoints, middlewares: plans, serversTransport }),
    })));
    if (route.mirrors) {
      objects.push(new ManifestObject(scope, 'RouteMirrors', {
        apiVersion: TRAEFIK_API_VERSION,
        kind: KINDS.traefikService,
        name: routeMirrorServiceName(route),
        namespace: route.namespace,
        spec: () => routeMirrorSpec(route, services(route, serversTransport)[0]),
      }));
    }
    const transported = [...route.backends, ...(route.mirrors ?? []).map(m => m.backend)];
    objects.push(...this.serversTransports(scope, route.name, route.namespace, transported, route));
    return objects;
  }

  /**
   * Grouping step: a route without policies (so without Middlewares or a ServersTransport of its
   * own) on at most one host shares the IngressRoute of the routes of its namespace and host (its
   * routers keep their own priorities); on the Ingress output, the Ingress of those whose router
   * priority and path matcher are its own too (both are Ingress-wide annotations). Undefined:
   * the route renders objects of its own.
   */
  private sharedObject(scope: Construct, route: RouteIR, ctx: GatewayContext): ApiObject[] | undefined {
    if (ctx.objectPerRoute || route.backends.length === 0 || route.hosts.length > 1 || Object.keys(route.policies).length > 0) return undefined;
    // A backend's header Middleware and a route's mirroring TraefikService are the route's own objects.
    if (route.backends.some(b => b.headers) || route.mirrors) return undefined;
    if (this.options.output === 'IngressRoute') {
      if (routeTransportName(route) !== undefined) return undefined;
      const key = JSON.stringify([route.namespace, route.hosts]);
      return this.groups.place(route, key, route.matches.length, members => [new ManifestObject(scope, 'Resource', {
        apiVersion: TRAEFIK_API_VERSION,
        kind: KINDS.ingressRoute,
        name: route.name,
        namespace: route.namespace,
        spec: () => {
          const ir = ctx.ir();
          const specs = members.map(r => ingressRouteSpec(r, hostParts(r.name, r.hosts)[0], { ir, entryPoints: this.entryPoints, middlewares: [] }));
          const { entryPoints, tls } = sharedValue(members, 'entry points and TLS', (_, i) => ({ entryPoints: specs[i].entryPoints, tls: specs[i].tls }));
          return { entryPoints, routes: specs.flatMap(spec => spec.routes), tls };
        },
      })]);
    }
    // A re-encrypted backend's ServersTransport is the route's own object.
    if (ingressTransportName(route) !== undefined) return undefined;
    const parts = ingressParts(route);
    if (parts.length !== 1) return undefined;
    const part = parts[0];
    const key = JSON.stringify([route.namespace, route.hosts, part.priority, part.matches.some(m => m.path.kind === 'RegularExpression')]);
    return this.groups.place(route, key, route.matches.length, members => [new ManifestObject(scope, 'Resource', {
      apiVersion: INGRESS_API_VERSION,
      kind: 'Ingress',
      name: route.name,
      namespace: route.namespace,
      annotations: () => sharedValue(members, 'annotations', r => ingressAnnotations(r, ingressParts(r)[0], ctx.ir().tlsHosts, this.entryPoints, [])),
      spec: () => {
        const specs = members.map(r => ingressSpecFor(this.options.ingressClassName, r, ingressParts(r)[0], ctx.ir().tlsHosts, this.entryPoints));
        const paths = specs.flatMap(spec => spec.rules?.[0].http.paths ?? []);
        return { ...specs[0], rules: [{ host: part.host, http: { paths } }] };
      },
    })]);
  }

  /**
   * IngressRoute output: a weighted TraefikService `<canary>` (weights), that the stable route's
   * IngressRoutes reference for the canaried matches; or an IngressRoute per host with the
   * header / cookie condition. Mirroring wraps the traffic in mirroring TraefikServices.
   * Ingress output: nothing (the capability matrix refuses every canary feature).
   */
  public allocateCanary(scope: Construct, canary: CanaryIR, route: RouteIR, ctx: GatewayContext): ApiObject[] {
    if (this.options.output === 'Ingress') return [];
    const service = (id: string, name: string, spec: () => TraefikServiceSpec) => new ManifestObject(scope, id, {
      apiVersion: TRAEFIK_API_VERSION,
      kind: KINDS.traefikService,
      name,
      namespace: canary.namespace,
      spec,
    });
    if (canary.traffic.kind === 'weight') {
      const objects: ApiObject[] = [service('Resource', weightedServiceName(canary), () => weightedSpec(canary, route))];
      if (canary.mirror) objects.push(service('Mirror', mirrorServiceName(canary), () => mirrorSpec(canary, 'split', route)));
      objects.push(...this.serversTransports(scope, canary.name, canary.namespace, canaryTlsBackends(canary), route));
      return objects;
    }
    const objects: ApiObject[] = hostParts(canary.name, canary.hosts).map(part => new ManifestObject(scope, part.id, {
      apiVersion: TRAEFIK_API_VERSION,
      kind: KINDS.ingressRoute,
      name: part.name,
      namespace: canary.namespace,
      spec: () => canaryIngressRouteSpec(canary, route, part, ctx.ir(), this.entryPoints),
    }));
    if (canary.mirror) {
      objects.push(
        service('Mirror', mirrorServiceName(canary), () => mirrorSpec(canary, 'stable', route)),
        service('CanaryMirror', canaryMirrorServiceName(canary), () => mirrorSpec(canary, 'canary', route)),
      );
    }
    objects.push(...this.serversTransports(scope, canary.name, canary.namespace, canaryTlsBackends(canary), route));
    return objects;
  }

  public allocateTlsHost(scope: Construct, tls: TlsHostIR, ctx: GatewayContext): ApiObject[] {
    const names = tlsObjectNames(tls);
    const ns = tls.secretNamespace;
    const objects: ApiObject[] = [];
    if (tls.httpsRedirect) {
      // Left out when the routes already redirect every host of the TlsHost (no router left).
      const omit = () => hostsLeftToTlsRedirect(tls, ctx.ir().routes).length === 0;
      objects.push(
        new ManifestObject(scope, 'HttpsRedirectMiddleware', { apiVersion: TRAEFIK_API_VERSION, kind: KINDS.middleware, name: names.redirect, namespace: ns, spec: () => redirectMiddlewareSpec(), omit }),
        new ManifestObject(scope, 'HttpsRedirect', { apiVersion: TRAEFIK_API_VERSION, kind: KINDS.ingressRoute, name: names.redirect, namespace: ns, spec: () => redirectIngressRouteSpec(tls, names.redirect, this.entryPoints, ctx.ir()), omit }),
      );
    }
    if (tls.hsts) {
      // Left out when every router of its hosts carries HSTS in its own `headers` middleware.
      const omit = () => !hstsMiddlewareReferenced(tls, ctx.ir(), this.options.output !== 'Ingress');
      objects.push(new ManifestObject(scope, 'Hsts', { apiVersion: TRAEFIK_API_VERSION, kind: KINDS.middleware, name: names.hsts, namespace: ns, spec: () => hstsMiddlewareSpec(tls), omit }));
    }
    if (needsTlsOption(tls)) {
      objects.push(new ManifestObject(scope, 'TlsOption', { apiVersion: TRAEFIK_API_VERSION, kind: KINDS.tlsOption, name: names.tlsOption, namespace: ns, spec: () => tlsOptionSpec(tls) }));
    }
    return objects;
  }

  /** IngressRoute output: an IngressRouteTCP with `tls.passthrough`. Ingress output: refused by the matrix. */
  public allocatePassthroughHost(scope: Construct, tls: PassthroughIR, ctx: GatewayContext): ApiObject[] {
    if (this.options.output === 'Ingress') return [];
    return [new ManifestObject(scope, 'Passthrough', {
      apiVersion: TRAEFIK_API_VERSION,
      kind: KINDS.ingressRouteTcp,
      name: tls.name,
      namespace: ctx.namespace,
      spec: () => passthroughSpec(tls, this.entryPoints),
    })];
  }

  public allocateDefaultBackend(scope: Construct, backend: BackendIR, ctx: GatewayContext): ApiObject[] {
    const name = defaultBackendName(ctx.name);
    if (this.options.output === 'Ingress') {
      return [new ManifestObject(scope, 'DefaultBackend', {
        apiVersion: INGRESS_API_VERSION,
        kind: 'Ingress',
        name,
        namespace: ctx.namespace,
        spec: () => ({ ingressClassName: this.options.ingressClassName, defaultBackend: serviceBackend(backend) }),
      })];
    }
    return [
      new ManifestObject(scope, 'DefaultBackend', {
        apiVersion: TRAEFIK_API_VERSION,
        kind: KINDS.ingressRoute,
        name,
        namespace: ctx.namespace,
        spec: () => defaultBackendSpec(backend, ctx.namespace, this.entryPoints, name),
      }),
      ...this.serversTransports(scope, name, ctx.namespace, [backend], undefined),
    ];
  }

  /**
   * cert-manager's solver Ingress, read by Traefik's Ingress provider (IngressRoute output too),
   * pinned to the web entry point and ranked above every router, including the host's redirect.
   */
  /** The controller's Service decides the port: not ours to check. */
  public http01Port(): undefined {
    return undefined;
  }

  public http01Solver(): Http01Solver {
    return {
      ingress: {
        ingressClassName: this.options.ingressClassName,
        ingressTemplate: { metadata: { annotations: { [ANNOTATIONS.entryPoints]: this.options.web, [ANNOTATIONS.priority]: ACME_SOLVER_PRIORITY } } },
      },
    };
  }

  public validate(ir: GatewayIR): RenderProblem[] {
    return [
      // Ingress output: the Traefik Ingress provider writes the rule itself from hosts and paths,
      // which never contain a backtick; header / query conditions are refused by the matrix.
      ...(this.name === 'traefik' ? [...ruleValueProblems(this.name, ir), ...canaryRuleProblems(this.name, ir)] : []),
      ...tlsNamespaceProblems(this.name, this.options.output, ir),
      ...(this.name === 'traefik-ingress' ? ingressDefaultBackendTlsProblems(ir) : []),
      ...hstsMergeProblems(this.name, ir),
      // A route's own Redirect.toHttps() a TlsHost's more specific redirect router would outrank.
      ...shadowedRedirectProblems(this.name, ir),
      ...redirectProblems(this.name, ir),
      ...headerProblems(this.name, ir),
      ...backendHeaderProblems(this.name, ir),
      ...(this.name === 'traefik' ? routeMirrorProblems(ir) : []),
      ...retryProblems(this.name, ir),
      ...authProblems(this.name, ir),
      ...redisProblems(this.name, ir),
      // Ingress output: sticky cookies are refused by the matrix.
      ...(this.name === 'traefik' ? [...backendProblems(this.name, ir), ...canaryAffinityProblems(this.name, ir)] : []),
      ...canaryPolicyProblems(this.name, ir),
      // Deny lists are ClientIP() conditions (the TCP peer); the Ingress output refuses them by the matrix.
      ...(this.name === 'traefik' ? ipDenyProblems(this.name, ir) : []),
      // Any-depth wildcards (IngressRoute output only; the Ingress output refuses them by the matrix).
      ...(this.name === 'traefik' ? anyDepthOverlapProblems(ir.routes) : []),
    ];
  }

  /** Ingress output: the server scheme, sticky cookies and ServersTransport, read on the backend's Service. */
  public serviceSide(policies: PoliciesIR, route?: RouteIR): ServiceSideIR | undefined {
    return this.options.output === 'Ingress' ? traefikIngressServiceSide(policies, route) : undefined;
  }

  public validateTlsHost(_tls: TlsHostIR | PassthroughIR): string[] {
    return [];
  }

  /**
   * One ServersTransport per re-encrypted backend (IngressRoute output; the Ingress output refuses
   * re-encryption), with the connect timeout of `route` (the route, or a canary's stable route).
   */
  private serversTransports(
    scope: Construct, owner: string, namespace: string, backends: readonly BackendIR[], route: RouteIR | undefined,
  ): ApiObject[] {
    if (this.options.output === 'Ingress') return [];
    const seen = new Set<string>();
    return backends.filter(b => b.tls).flatMap(b => {
      const name = serversTransportName(owner, b);
      if (seen.has(name)) return [];
      seen.add(name);
      return [new ManifestObject(scope, `ServersTransport-${b.service}-${b.port}`, {
        apiVersion: TRAEFIK_API_VERSION,
        kind: KINDS.serversTransport,
        name,
        namespace,
        spec: () => backendTlsTransportSpec(b, route?.policies.timeouts?.connectMs),
      })];
    });
  }
}

/** A route's own ServersTransport (connect timeout; on the Ingress output also its backend's TLS). */
function routeTransport(scope: Construct, route: RouteIR, name: string, spec: () => unknown): ApiObject {
  return new ManifestObject(scope, 'ServersTransport', { apiVersion: TRAEFIK_API_VERSION, kind: KINDS.serversTransport, name, namespace: route.namespace, spec });
}

/** A route's Middleware: its spec is one middleware type (see features/middlewares.ts). */
function middleware(scope: Construct, route: RouteIR, plan: MiddlewarePlan): ApiObject {
  return new ManifestObject(scope, plan.id, {
    apiVersion: TRAEFIK_API_VERSION,
    kind: KINDS.middleware,
    name: plan.name,
    namespace: route.namespace,
    spec: plan.spec,
  });
}

function defaultBackendName(gateway: string): string {
  return joinName([gateway, 'default-backend']);
}
