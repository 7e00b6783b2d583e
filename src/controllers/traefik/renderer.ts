import { ApiObject } from 'cdk8s';
import { Construct } from 'constructs';
import { ACME_SOLVER_PRIORITY, ANNOTATIONS, KINDS, TRAEFIK_API_VERSION } from './constants';
import { ingressAnnotations, ingressParts, ingressSpecFor } from './features/ingress';
import { defaultBackendSpec, ingressRouteParts, ingressRouteSpec } from './features/ingress-route';
import { ruleValueProblems } from './features/rule';
import {
  EntryPoints, hstsMiddlewareSpec, needsTlsOption, passthroughSpec, redirectIngressRouteSpec, redirectMiddlewareSpec,
  serversTransportName, serversTransportSpec, tlsObjectNames, tlsOptionSpec,
} from './features/tls';
import { Http01Solver } from '../../cert-manager/api';
import { ManifestObject } from '../../core/manifest-object';
import { joinName } from '../../core/names';
import { BackendIR, GatewayIR, PassthroughIR, RouteIR, TlsHostIR } from '../../ir/model';
import { INGRESS_API_VERSION, serviceBackend } from '../common/ingress';
import { tlsNamespaceProblems } from '../common/tls';
import { ControllerRenderer, GatewayContext, RenderProblem } from '../renderer';

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
 * explicit priority (see features/priority.ts). A TlsHost owns its redirect router, HSTS
 * middleware and TLSOption (CRD objects with both outputs).
 */
export class TraefikRenderer implements ControllerRenderer {
  public readonly name: 'traefik' | 'traefik-ingress';
  private readonly entryPoints: EntryPoints;

  constructor(private readonly options: TraefikRendererOptions) {
    this.name = options.output === 'Ingress' ? 'traefik-ingress' : 'traefik';
    this.entryPoints = { web: options.web, websecure: options.websecure };
  }

  public allocateGateway(): ApiObject[] {
    return [];
  }

  public allocateRoute(scope: Construct, route: RouteIR, ctx: GatewayContext): ApiObject[] {
    if (this.options.output === 'Ingress') {
      return ingressParts(route).map(part => new ManifestObject(scope, part.id, {
        apiVersion: INGRESS_API_VERSION,
        kind: 'Ingress',
        name: part.name,
        namespace: route.namespace,
        annotations: () => ingressAnnotations(part, ctx.ir().tlsHosts, this.entryPoints),
        spec: () => ingressSpecFor(this.options.ingressClassName, route, part, ctx.ir().tlsHosts),
      }));
    }
    const objects: ApiObject[] = ingressRouteParts(route).map(part => new ManifestObject(scope, part.id, {
      apiVersion: TRAEFIK_API_VERSION,
      kind: KINDS.ingressRoute,
      name: part.name,
      namespace: route.namespace,
      spec: () => ingressRouteSpec(route, part, ctx.ir().tlsHosts, this.entryPoints),
    }));
    objects.push(...this.serversTransports(scope, route.name, route.namespace, route.backends));
    return objects;
  }

  public allocateTlsHost(scope: Construct, tls: TlsHostIR): ApiObject[] {
    const names = tlsObjectNames(tls);
    const ns = tls.secretNamespace;
    const objects: ApiObject[] = [];
    if (tls.httpsRedirect) {
      objects.push(
        new ManifestObject(scope, 'HttpsRedirectMiddleware', { apiVersion: TRAEFIK_API_VERSION, kind: KINDS.middleware, name: names.redirect, namespace: ns, spec: () => redirectMiddlewareSpec() }),
        new ManifestObject(scope, 'HttpsRedirect', { apiVersion: TRAEFIK_API_VERSION, kind: KINDS.ingressRoute, name: names.redirect, namespace: ns, spec: () => redirectIngressRouteSpec(tls, names.redirect, this.entryPoints) }),
      );
    }
    if (tls.hsts) {
      objects.push(new ManifestObject(scope, 'Hsts', { apiVersion: TRAEFIK_API_VERSION, kind: KINDS.middleware, name: names.hsts, namespace: ns, spec: () => hstsMiddlewareSpec(tls) }));
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
      ...this.serversTransports(scope, name, ctx.namespace, [backend]),
    ];
  }

  /**
   * cert-manager's solver Ingress, read by Traefik's Ingress provider (IngressRoute output too),
   * pinned to the web entry point and ranked above every router, including the host's redirect.
   */
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
      ...(this.name === 'traefik' ? ruleValueProblems(this.name, ir) : []),
      ...tlsNamespaceProblems(this.name, this.options.output, ir),
    ];
  }

  public validateTlsHost(_tls: TlsHostIR | PassthroughIR): string[] {
    return [];
  }

  /** One ServersTransport per re-encrypted backend (IngressRoute output; the Ingress output refuses re-encryption). */
  private serversTransports(scope: Construct, owner: string, namespace: string, backends: readonly BackendIR[]): ApiObject[] {
    if (this.options.output === 'Ingress') return [];
    return backends.filter(b => b.tls).map(b => new ManifestObject(scope, `ServersTransport-${b.service}-${b.port}`, {
      apiVersion: TRAEFIK_API_VERSION,
      kind: KINDS.serversTransport,
      name: serversTransportName(owner, b),
      namespace,
      spec: () => serversTransportSpec(b),
    }));
  }
}

function defaultBackendName(gateway: string): string {
  return joinName([gateway, 'default-backend']);
}
