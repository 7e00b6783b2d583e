import { hostSlug, joinName } from '../../../core/names';
import { BackendIR, GatewayIR, RouteIR } from '../../../ir/model';
import { DEFAULT_BACKEND_PRIORITY, KINDS, NOOP_SERVICE, ROUTE_KIND_RULE } from '../constants';
import { serviceSettings } from './backend';
import { routeMirrorServiceName, stableRouteServices } from './canary';
import { backendHeadersName } from './headers';
import { MiddlewarePlan, routerChain } from './middlewares';
import { routePriority } from './priority';
import { isHttpsUpgrade } from './redirect';
import { and, catchAllRule, fromClients, matchRule, notFromClients } from './rule';
import { service } from './service';
import { EntryPoints, ingressRouteTls, listenerFor, serversTransportName } from './tls';
import { IngressRoutePart, IngressRouteRoute, IngressRouteService, IngressRouteSpec, RouterVariant } from '../api';


/**
 * One IngressRoute per (route, host): the priority depends on the host (exact / wildcard), and
 * the entry point and TLS of an IngressRoute apply to all its routes, while hosts of one route
 * may differ in TLS. A route without hosts gives one IngressRoute without a Host condition.
 * `Redirect.toHttps()` with a backend adds, per host, `<name>-http` on the web entry point
 * (entry point and TLS are per IngressRoute, so the redirecting router needs its own object).
 * Decided from the RouteIR only, so the set is fixed at allocation.
 */
export function ingressRouteParts(route: RouteIR): IngressRoutePart[] {
  const parts = hostParts(route.name, route.hosts);
  if (!isHttpsUpgrade(route)) return parts;
  return [...parts, ...parts.map(p => ({
    id: p.id === 'Resource' ? 'HttpRedirect' : `HttpRedirect-${p.host}`,
    name: joinName([p.name, 'http']),
    host: p.host,
    variant: 'http' as const,
  }))];
}

/** One IngressRoute per host (or one for every host), named `<name>` or `<name>-<host-slug>`. */
export function hostParts(name: string, hosts: readonly string[]): IngressRoutePart[] {
  if (hosts.length <= 1) return [{ id: 'Resource', name, host: hosts[0], variant: 'serve' }];
  return hosts.map((host, i) => ({
    // The raw host keeps ids unique even when two hosts give the same slug (reported by validate).
    id: i === 0 ? 'Resource' : `Host-${host}`,
    name: joinName([name, hostSlug(host)]),
    host,
    variant: 'serve' as const,
  }));
}

/**
 * The route's Services. Several backends: Traefik load-balances the listed services with
 * weighted round robin (weight 1 when unset), so weights are written only when they differ.
 * Without backend (a redirect), Traefik's `noop@internal`: the redirect answers first.
 */
export function services(route: RouteIR, serversTransport?: string): IngressRouteService[] {
  if (route.backends.length === 0) return [noop()];
  const weighted = new Set(route.backends.map(b => b.weight)).size > 1;
  const settings = (b: BackendIR) => serviceSettings(route, b, serversTransport, tb => serversTransportName(route.name, tb));
  // A backend's own header rules: its headers Middleware on its service entry (Traefik v3.7 service middlewares).
  const own = (b: BackendIR) => (b.headers ? { middlewares: [{ name: backendHeadersName(route, b) }] } : {});
  return route.backends.map(b => Object.assign(service(b, route.namespace, weighted), settings(b), own(b)));
}

function noop(): IngressRouteService {
  return { name: NOOP_SERVICE, kind: KINDS.traefikService };
}

/** What an IngressRoute spec needs beyond the route and the part. */
export interface IngressRouteContext {
  /** The whole gateway, read at synth (TlsHosts and canaries may be declared after the route). */
  readonly ir: GatewayIR;
  readonly entryPoints: EntryPoints;
  readonly middlewares: readonly MiddlewarePlan[];
  readonly serversTransport?: string;
}

/**
 * One `routes[]` entry per match, in the user's order. With an IP deny list each entry excludes
 * the denied clients and is followed by its deny twin (same match and priority, only the denied
 * clients, answered 403: see ip-access.ts).
 */
export function ingressRouteSpec(route: RouteIR, part: IngressRoutePart, ctx: IngressRouteContext): IngressRouteSpec {
  const listener = listenerFor(route, part.host, part.variant, ctx.ir.tlsHosts, ctx.entryPoints);
  const hosts = part.host === undefined ? [] : [part.host];
  const deny = route.policies.ipAccess?.deny ?? [];
  const refs = (variant: RouterVariant) => {
    const names = routerChain(ctx.middlewares, route, variant, listener);
    return names.length > 0 ? names.map(name => ({ name })) : undefined;
  };
  const routes = route.matches.flatMap((m, i) => {
    const rule = matchRule(hosts, m);
    const priority = routePriority(part.host, m);
    const main: IngressRouteRoute = {
      kind: ROUTE_KIND_RULE,
      match: deny.length > 0 ? and(rule, notFromClients(deny)) : rule,
      priority,
      middlewares: refs(part.variant),
      // A match whose traffic a canary splits or mirrors is served by the canary's TraefikService.
      // A route with its own mirrors is served by its mirroring TraefikService.
      services: stableRouteServices(ctx.ir, route, i, part.host)
        ?? (route.mirrors ? [{ name: routeMirrorServiceName(route), kind: KINDS.traefikService }] : services(route, ctx.serversTransport)),
    };
    if (deny.length === 0) return [main];
    const denied: IngressRouteRoute = { kind: ROUTE_KIND_RULE, match: and(rule, fromClients(deny)), priority, middlewares: refs('deny'), services: [noop()] };
    return [main, denied];
  });
  return { entryPoints: [listener.entryPoint], routes, tls: ingressRouteTls(listener) };
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
