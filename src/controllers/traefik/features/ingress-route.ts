import { hostSlug, joinName } from '../../../core/names';
import { BackendIR, GatewayIR, RouteIR } from '../../../ir/model';
import { DEFAULT_BACKEND_PRIORITY, KINDS, ROUTE_KIND_RULE } from '../constants';
import { stableRouteServices } from './canary';
import { routePriority } from './priority';
import { catchAllRule, matchRule } from './rule';
import { EntryPoints, entryPointFor } from './tls';
import { certificateFor } from '../../common/tls';

/** `traefik.io/v1alpha1` IngressRoute wire types: only the fields we emit. */
export interface IngressRouteService {
  readonly name: string;
  /** Default `Service`; a `TraefikService` takes no port. */
  readonly kind?: typeof KINDS.traefikService;
  readonly port?: number;
  readonly namespace?: string;
  readonly weight?: number;
}

export interface IngressRouteSpec {
  readonly entryPoints: string[];
  readonly routes: Array<{
    readonly kind: typeof ROUTE_KIND_RULE;
    readonly match: string;
    readonly priority: number;
    readonly services: IngressRouteService[];
  }>;
  readonly tls?: { readonly secretName: string };
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
  return hostParts(route.name, route.hosts);
}

/** One IngressRoute per host (or one for every host), named `<name>` or `<name>-<host-slug>`. */
export function hostParts(name: string, hosts: readonly string[]): IngressRoutePart[] {
  if (hosts.length <= 1) return [{ id: 'Resource', name, host: hosts[0] }];
  return hosts.map((host, i) => ({
    // The raw host keeps ids unique even when two hosts give the same slug (reported by validate).
    id: i === 0 ? 'Resource' : `Host-${host}`,
    name: joinName([name, hostSlug(host)]),
    host,
  }));
}

/**
 * The route's Services. Several backends: Traefik load-balances the listed services with
 * weighted round robin (weight 1 when unset), so weights are written only when they differ.
 */
export function services(route: RouteIR): IngressRouteService[] {
  const weighted = new Set(route.backends.map(b => b.weight)).size > 1;
  return route.backends.map(b => service(b, route.namespace, weighted));
}

export function service(b: BackendIR, namespace: string, weighted: boolean): IngressRouteService {
  return {
    name: b.service,
    port: b.port,
    // Never differs today: the capability matrix refuses cross-namespace backends.
    namespace: b.namespace !== namespace ? b.namespace : undefined,
    weight: weighted ? b.weight : undefined,
  };
}

/**
 * A match whose traffic a canary splits or mirrors is served by the canary's TraefikService
 * (read at synth: canaries may be declared after their stable route).
 */
export function ingressRouteSpec(route: RouteIR, part: IngressRoutePart, ir: GatewayIR, entryPoints: EntryPoints): IngressRouteSpec {
  const tls = certificateFor(part.host, ir.tlsHosts);
  const hosts = part.host === undefined ? [] : [part.host];
  return {
    entryPoints: [entryPointFor(tls, entryPoints)],
    routes: route.matches.map((m, i) => ({
      kind: ROUTE_KIND_RULE,
      match: matchRule(hosts, m),
      priority: routePriority(part.host, m),
      services: stableRouteServices(ir, route, i, part.host) ?? services(route),
    })),
    tls: tls ? { secretName: tls.secretName } : undefined,
  };
}

/** The gateway default backend: a catch-all below every route, on the web entry point. */
export function defaultBackendSpec(backend: BackendIR, namespace: string, entryPoints: EntryPoints): IngressRouteSpec {
  return {
    entryPoints: [entryPoints.web],
    routes: [{
      kind: ROUTE_KIND_RULE,
      match: catchAllRule(),
      priority: DEFAULT_BACKEND_PRIORITY,
      services: [service(backend, namespace, false)],
    }],
  };
}
