import { BackendIR, CATCH_ALL_MATCH, MatchIR, PathIR, RouteIR } from '../../../ir/model';
import { BackendRef, HttpRouteFilter, HttpRouteMatch, HttpRouteSpec, LIMITS, ParentReference } from '../api';

function chunk<T>(items: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

/**
 * How one route is split over HTTPRoute objects to stay inside the CRD limits: hostnames in
 * groups of 16, matches in groups of 128 per object (two rules of 64). Splitting is lossless:
 * hostnames and matches are ORed, and precedence does not depend on which object holds a rule.
 */
export function routeParts(route: RouteIR): Array<{ hosts: readonly string[]; matches: readonly MatchIR[] }> {
  const hostGroups = route.hosts.length > 0 ? chunk(route.hosts, LIMITS.hostnamesPerRoute) : [[]];
  const matchGroups = chunk(route.matches, LIMITS.matchesPerRoute);
  return hostGroups.flatMap(hosts => matchGroups.map(matches => ({ hosts, matches })));
}

export type RegexStyle = 'as-is' | 'anchored';

function path(p: PathIR, regex: RegexStyle): HttpRouteMatch['path'] {
  switch (p.kind) {
    case 'Exact': return { type: 'Exact', value: p.value };
    case 'Prefix': return { type: 'PathPrefix', value: p.value };
    // Envoy and Istio match RE2 against the whole path already; other implementations get anchors.
    case 'RegularExpression': return { type: 'RegularExpression', value: regex === 'anchored' ? `^${p.value}$` : p.value };
  }
}

function match(m: MatchIR, regex: RegexStyle): HttpRouteMatch {
  return {
    path: path(m.path, regex),
    headers: m.headers.length > 0 ? m.headers.map(h => (h.kind === 'Exact'
      ? { name: h.name, value: h.value }
      : { type: 'RegularExpression' as const, name: h.name, value: regex === 'anchored' ? `^${h.value}$` : h.value })) : undefined,
    queryParams: m.queryParams.length > 0 ? m.queryParams.map(q => ({ name: q.name, value: q.value })) : undefined,
    method: m.method,
  };
}

export function backendRefs(backends: readonly BackendIR[], routeNamespace: string): BackendRef[] {
  return backends.map(b => ({ name: b.service, namespace: b.namespace !== routeNamespace ? b.namespace : undefined, port: b.port }));
}

/** `filters`: applied to every rule (e.g. the HSTS header of the route's TLS hosts). */
export function httpRouteSpec(
  parentRefs: ParentReference[],
  part: { hosts: readonly string[]; matches: readonly MatchIR[] },
  backends: readonly BackendIR[],
  routeNamespace: string,
  regex: RegexStyle,
  filters?: HttpRouteFilter[],
): HttpRouteSpec {
  const refs = backendRefs(backends, routeNamespace);
  const isCatchAll = part.matches.length === 1 && isDefaultMatch(part.matches[0]);
  return {
    parentRefs,
    hostnames: part.hosts.length > 0 ? [...part.hosts] : undefined,
    rules: isCatchAll
      ? [{ filters, backendRefs: refs }]
      : chunk(part.matches, LIMITS.matchesPerRule).map(ms => ({ matches: ms.map(m => match(m, regex)), filters, backendRefs: refs })),
  };
}

/** Every request: what a default backend serves. */
export const CATCH_ALL: MatchIR = CATCH_ALL_MATCH;

/** Groups of at most 16 hostnames, the HTTPRoute (and our own object-name) limit. */
export function hostChunks(hosts: readonly string[]): string[][] {
  return chunk(hosts, LIMITS.hostnamesPerRoute);
}

/** Prefix '/' with no other condition: Gateway API's default match, left implicit. */
function isDefaultMatch(m: MatchIR): boolean {
  return m.path.kind === 'Prefix' && m.path.value === '/' && m.headers.length === 0 && m.queryParams.length === 0 && !m.method;
}
