import { hostSlug, joinName } from '../../../core/names';
import { BackendIR, RouteIR, TlsHostIR } from '../../../ir/model';
import { DEFAULT_BACKEND_PRIORITY, ROUTE_KIND_RULE } from '../constants';
import { routePriority } from './priority';
import { catchAllRule, matchRule } from './rule';
import { EntryPoints, entryPointFor, needsTlsOption, serversTransportName, tlsObjectNames } from './tls';
import { certificateFor } from '../../common/tls';

/** `traefik.io/v1alpha1` IngressRoute wire types: only the fields we emit. */
export interface IngressRouteService {
  readonly name: string;
  readonly port: number;
  readonly namespace?: string;
  readonly weight?: number;
  /** `https` for re-encryption. */
  readonly scheme?: string;
  /** ServersTransport of the same namespace. */
  readonly serversTransport?: string;
}

export interface IngressRouteSpec {
  readonly entryPoints: string[];
  readonly routes: Array<{
    readonly kind: typeof ROUTE_KIND_RULE;
    readonly match: string;
    readonly priority: number;
    readonly middlewares?: Array<{ readonly name: string }>;
    readonly services: IngressRouteService[];
  }>;
  readonly tls?: { readonly secretName: string; readonly options?: { readonly name: string } };
}

/** One IngressRoute to allocate for a route. */
export interface IngressRoutePart {
  readonly id: string;
  readonly name: string;
  /** The host it serves; undefined: every host. */
  readonly host?: string;
}

/**
 * One IngressRoute per (route, host): the priority depends on the host (exact / wildcard), and
 * the entry point and TLS of an IngressRoute apply to all its routes, while hosts of one route
 * may differ in TLS. A route without hosts gives one IngressRoute without a Host condition.
 * Decided from the RouteIR only, so the set is fixed at allocation.
 */
export function ingressRouteParts(route: RouteIR): IngressRoutePart[] {
  if (route.hosts.length <= 1) return [{ id: 'Resource', name: route.name, host: route.hosts[0] }];
  return route.hosts.map((host, i) => ({
    // The raw host keeps ids unique even when two hosts give the same slug (reported by validate).
    id: i === 0 ? 'Resource' : `Host-${host}`,
    name: joinName([route.name, hostSlug(host)]),
    host,
  }));
}

/**
 * The route's Services. Several backends: Traefik load-balances the listed services with
 * weighted round robin (weight 1 when unset), so weights are written only when they differ.
 */
export function services(route: RouteIR): IngressRouteService[] {
  const weighted = new Set(route.backends.map(b => b.weight)).size > 1;
  return route.backends.map(b => service(b, route.namespace, weighted, route.name));
}

/** `owner`: the name stem of the object that owns the backend's ServersTransport. */
function service(b: BackendIR, namespace: string, weighted: boolean, owner: string): IngressRouteService {
  return {
    name: b.service,
    port: b.port,
    // Never differs today: the capability matrix refuses cross-namespace backends.
    namespace: b.namespace !== namespace ? b.namespace : undefined,
    weight: weighted ? b.weight : undefined,
    scheme: b.tls ? 'https' : undefined,
    serversTransport: b.tls ? serversTransportName(owner, b) : undefined,
  };
}

export function ingressRouteSpec(route: RouteIR, part: IngressRoutePart, tlsHosts: readonly TlsHostIR[], entryPoints: EntryPoints): IngressRouteSpec {
  const tls = certificateFor(part.host, tlsHosts);
  const hosts = part.host === undefined ? [] : [part.host];
  const middlewares = tls?.hsts ? [{ name: tlsObjectNames(tls).hsts }] : undefined;
  return {
    entryPoints: [entryPointFor(tls, entryPoints)],
    routes: route.matches.map(m => ({
      kind: ROUTE_KIND_RULE,
      match: matchRule(hosts, m),
      priority: routePriority(part.host, m),
      middlewares,
      services: services(route),
    })),
    tls: tls ? { secretName: tls.secretName, options: needsTlsOption(tls) ? { name: tlsObjectNames(tls).tlsOption } : undefined } : undefined,
  };
}

/** The gateway default backend: a catch-all below every route, on the web entry point. */
export function defaultBackendSpec(backend: BackendIR, namespace: string, entryPoints: EntryPoints, owner: string): IngressRouteSpec {
  return {
    entryPoints: [entryPoints.web],
    routes: [{
      kind: ROUTE_KIND_RULE,
      match: catchAllRule(),
      priority: DEFAULT_BACKEND_PRIORITY,
      services: [service(backend, namespace, false, owner)],
    }],
  };
}
