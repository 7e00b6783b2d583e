import { routeTransportName, serviceSettings } from './backend';
import { routePriority } from './priority';
import { canaryCondition, matchRule } from './rule';
import { service } from './service';
import { EntryPoints, backendTlsSettings, ingressRouteTls, listenerFor, listenerHsts, serversTransportName, tlsObjectNames } from './tls';
import { unsupportedMessage } from '../../../capabilities/check';
import { joinName } from '../../../core/names';
import { BackendIR, CanaryIR, GatewayIR, RouteIR } from '../../../ir/model';
import { changesStableRoute, stableRouteCanary } from '../../common/canary';
import { RenderProblem } from '../../renderer';
import { IngressRoutePart, IngressRouteService, IngressRouteSpec } from '../api';
import { KINDS, ROUTE_KIND_RULE } from '../constants';

/** `traefik.io/v1alpha1` TraefikService wire types: only the fields we emit. */
export interface MirrorService {
  readonly name: string;
  readonly port: number;
  readonly namespace?: string;
  readonly percent: number;
  /** `https` for a re-encrypted mirror backend. */
  readonly scheme?: string;
  readonly serversTransport?: string;
}

export interface TraefikServiceSpec {
  readonly weighted?: { readonly services: IngressRouteService[] };
  readonly mirroring?: IngressRouteService & { readonly mirrors: MirrorService[] };
}

/** The weighted TraefikService of a weight canary: `<canary>`. */
export function weightedServiceName(c: CanaryIR): string {
  return c.name;
}

/** The mirroring TraefikService over the stable route's traffic: `<canary>-mirror`. */
export function mirrorServiceName(c: CanaryIR): string {
  return joinName([c.name, 'mirror']);
}

/** The mirroring TraefikService over a header / cookie canary's own route: `<canary>-canary-mirror`. */
export function canaryMirrorServiceName(c: CanaryIR): string {
  return joinName([c.name, 'canary-mirror']);
}

function traefikService(name: string): IngressRouteService {
  return { name, kind: KINDS.traefikService };
}

/**
 * The services of a stable route's (match, host) whose traffic a canary splits or mirrors: its
 * TraefikService. Undefined when no canary changes it.
 */
export function stableRouteServices(ir: GatewayIR, route: RouteIR, matchIndex: number, host: string | undefined): IngressRouteService[] | undefined {
  const c = stableRouteCanary(ir, route.source, matchIndex, host);
  if (!c) return undefined;
  return [traefikService(c.mirror ? mirrorServiceName(c) : weightedServiceName(c))];
}

/**
 * Weighted round robin between stable and canary. Traefik skips a child of weight 0, so
 * `weight(0)` and `weight(100)` send every request to one side. A re-encrypted backend keeps its
 * `https` scheme and ServersTransport: the stable one's is the route's (`routeName`), the
 * canary's is the canary's own.
 */
export function weightedSpec(c: CanaryIR, route: RouteIR): TraefikServiceSpec {
  if (c.traffic.kind !== 'weight') return {};
  return {
    weighted: {
      services: [
        { ...service(c.stable, c.namespace, false, route.name), ...forwarding(route, c.stable, route.name), weight: c.traffic.stable },
        { ...service(c.canary, c.namespace, false, c.name), ...forwarding(route, c.canary, c.name), weight: c.traffic.canary },
      ],
    },
  };
}

/** Serves `main` and copies `percent` of its requests to the mirror backend. */
export function mirrorSpec(c: CanaryIR, main: 'split' | 'stable' | 'canary', route: RouteIR): TraefikServiceSpec {
  if (!c.mirror) return {};
  const target: IngressRouteService = main === 'split'
    ? traefikService(weightedServiceName(c))
    : main === 'stable' ? { ...service(c.stable, c.namespace, false, route.name), ...forwarding(route, c.stable, route.name) }
      : { ...service(c.canary, c.namespace, false, c.name), ...forwarding(route, c.canary, c.name) };
  return {
    mirroring: {
      ...target,
      // The copies speak the route's backend protocol too.
      mirrors: [{
        ...mirrorTarget(c.mirror.backend, c.namespace, c.name), scheme: forwarding(route, c.mirror.backend, c.name).scheme, percent: c.mirror.percent,
      }],
    },
  };
}

function mirrorTarget(b: BackendIR, namespace: string, tlsOwner: string): Omit<MirrorService, 'percent'> {
  return { name: b.service, port: b.port, namespace: b.namespace !== namespace ? b.namespace : undefined, ...backendTlsSettings(b, tlsOwner) };
}

/** The backends a canary owns a ServersTransport for (re-encrypted canary / mirror backends). */
export function canaryTlsBackends(c: CanaryIR): BackendIR[] {
  return [c.canary, ...(c.mirror ? [c.mirror.backend] : [])].filter(b => b.tls);
}

/**
 * The IngressRoute of a header / cookie canary for one of its hosts: per match, the stable
 * route's rule AND the canary condition, one header-condition above the stable route's
 * priority, to the canary (through its mirror when mirroring). It listens where the stable
 * route's router for the host does, with the same TLS settings (certificate, TLSOption, the
 * TlsHost's HSTS middleware): canary requests never skip them. (A stable route with policies
 * refuses header / cookie canaries: canaryPolicyProblems.)
 */
export function canaryIngressRouteSpec(
  c: CanaryIR, route: RouteIR, part: IngressRoutePart, ir: GatewayIR, entryPoints: EntryPoints,
): IngressRouteSpec {
  const listener = listenerFor(route, part.host, 'serve', ir.tlsHosts, entryPoints);
  const hosts = part.host === undefined ? [] : [part.host];
  const condition = canaryCondition(c.traffic);
  const services = c.mirror
    ? [traefikService(canaryMirrorServiceName(c))]
    : [{ ...service(c.canary, c.namespace, false, c.name), ...forwarding(route, c.canary, c.name) }];
  const hsts = listenerHsts(listener) && typeof listener.tls === 'object' ? [{ name: tlsObjectNames(listener.tls).hsts }] : undefined;
  return {
    entryPoints: [listener.entryPoint],
    routes: c.matchIndexes.map(i => {
      const m = route.matches[i];
      return {
        kind: ROUTE_KIND_RULE,
        match: condition ? `${matchRule(hosts, m)} && ${condition}` : matchRule(hosts, m),
        priority: routePriority(part.host, m, 1),
        middlewares: hsts,
        services,
      };
    }),
    tls: ingressRouteTls(listener),
  };
}

/**
 * The scheme and ServersTransport of one backend carrying the route's traffic in a canary's
 * TraefikService or IngressRoute, as the route's own services have them (`serviceSettings`): the
 * backend protocol, the route's connect timeout, or a re-encrypted backend's own transport (named
 * after `tlsOwner`). Sticky cookies are not carried over: see `canaryAffinityProblems`.
 */
function forwarding(route: RouteIR, b: BackendIR, tlsOwner: string): { scheme?: string; serversTransport?: string } {
  const s = serviceSettings(route, b, routeTransportName(route), x => serversTransportName(tlsOwner, x));
  return { scheme: s.scheme, serversTransport: s.serversTransport };
}

/**
 * Sticky cookies live on a Service's load balancer (its pods). A weighted or mirroring
 * TraefikService in front of the stable route picks stable or canary per request without a
 * cookie of its own, so clients would not stick: refuse session affinity on a route whose traffic
 * a canary splits or mirrors. (Header / cookie canaries with policies are refused by
 * `canaryPolicyProblems`.)
 */
export function canaryAffinityProblems(controller: 'traefik', ir: GatewayIR): RenderProblem[] {
  const routes = new Map(ir.routes.map(r => [r.source, r]));
  const problems: RenderProblem[] = [];
  for (const c of ir.canaries) {
    const route = routes.get(c.route);
    const s = route?.policies.sessionAffinity;
    if (!route || !s || !changesStableRoute(c)) continue;
    problems.push({
      source: c.source,
      message: unsupportedMessage(controller, 'sessionAffinityCookie', s.source === ir.source ? 'defaults.sessionAffinity' : 'sessionAffinity',
        `the stable route [${route.source}] has session affinity, but the TraefikService that splits or mirrors its traffic picks stable or canary per request `
        + 'without a cookie, so clients would not stick to one backend; drop the affinity, or canary a route without it'),
    });
  }
  return problems;
}

/** The mirroring TraefikService of a route's own mirrors (`Route.mirrors`): `<route>-mirrors`. */
export function routeMirrorServiceName(route: RouteIR): string {
  return joinName([route.name, 'mirrors']);
}

/**
 * `Route.mirrors`: serves the route's one backend (`main`, its service entry as the route's
 * routers would write it) and copies each mirror's percent of the requests to it. Traefik's
 * `percent` defaults to 0, so it is always written.
 */
export function routeMirrorSpec(route: RouteIR, main: IngressRouteService): TraefikServiceSpec {
  return {
    mirroring: {
      ...main,
      mirrors: (route.mirrors ?? []).map(m => ({
        ...mirrorTarget(m.backend, route.namespace, route.name), scheme: forwarding(route, m.backend, route.name).scheme, percent: m.percent,
      })),
    },
  };
}

/**
 * A mirroring TraefikService serves one service (or TraefikService): a route with several
 * backends would need a weighted TraefikService in between, which is not rendered.
 */
export function routeMirrorProblems(ir: GatewayIR): RenderProblem[] {
  return ir.routes.filter(r => r.mirrors && r.backends.length > 1).map(r => ({
    source: r.source,
    message: unsupportedMessage('traefik', 'routeMirror', 'mirrors',
      'a mirroring TraefikService is rendered in front of a route with one backend; split the route, or use a Gateway API controller'),
  }));
}
