import { headerModifierFilters } from './header-modifiers';
import { BackendIR, CATCH_ALL_MATCH, MatchIR, PathIR } from '../../../ir/model';
import { suffixWildcard } from '../../common/wildcard';
import { BackendRef, HttpRouteFilter, HttpRouteMatch, HttpRouteSpec, LIMITS, ParentReference, RouteFilter, RuleExtras } from '../api';

export function chunk<T>(items: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

/** One HTTPRoute's share of a route: some hostnames, some matches (with their indexes in the route). */
export interface RoutePart {
  readonly hosts: readonly string[];
  readonly matches: readonly MatchIR[];
  /** Index of each of `matches` in the route's matches. */
  readonly indexes: readonly number[];
}

/**
 * How one route is split over HTTPRoute objects to stay inside the CRD limits: hostnames in
 * groups of 16, matches in groups of 128 per object (two rules of 64). Splitting is lossless:
 * hostnames and matches are ORed, and precedence does not depend on which object holds a rule.
 */
export function routeParts(route: { readonly hosts: readonly string[]; readonly matches: readonly MatchIR[] }): RoutePart[] {
  // Nearly every route fits one object.
  if (route.hosts.length <= LIMITS.hostnamesPerRoute && route.matches.length <= LIMITS.matchesPerRoute) {
    return [{ hosts: route.hosts, indexes: route.matches.map((_, i) => i), matches: route.matches }];
  }
  const hostGroups = route.hosts.length > 0 ? chunk(route.hosts, LIMITS.hostnamesPerRoute) : [[]];
  const indexGroups = chunk(route.matches.map((_, i) => i), LIMITS.matchesPerRoute);
  return hostGroups.flatMap(hosts => indexGroups.map(indexes => ({ hosts, indexes, matches: indexes.map(i => route.matches[i]) })));
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

/**
 * A route's backendRefs. Gateway API shares traffic in proportion to `weight` (1 when unset), so
 * weights are written only when they differ: equal shares stay as a careful engineer writes them.
 */
export function backendRefs(backends: readonly BackendIR[], routeNamespace: string): BackendRef[] {
  const weighted = new Set(backends.map(b => b.weight)).size > 1;
  return backends.map(b => {
    const ref = backendRef(b, routeNamespace, weighted ? b.weight : undefined);
    // The backend's own header changes: RequestHeaderModifier / ResponseHeaderModifier filters of its backendRef.
    const filters = b.headers ? headerModifierFilters({ source: '', ...b.headers }, () => true) : [];
    return filters.length > 0 ? { ...ref, filters } : ref;
  });
}

export function backendRef(b: BackendIR, routeNamespace: string, weight?: number): BackendRef {
  return { name: b.service, namespace: b.namespace !== routeNamespace ? b.namespace : undefined, port: b.port, weight };
}

/**
 * How the rule of one match is served when it differs from the route's plain backends (a
 * canary's weights or mirror). Matches with equal `key` share rules.
 */
export interface RuleTreatment {
  readonly key: string;
  readonly backendRefs: BackendRef[];
  readonly filters?: HttpRouteFilter[];
}

/** Rules of a part: matches grouped by treatment (first appearance order), 64 per rule. */
export type Treatment = (index: number) => RuleTreatment | undefined;

function ruleGroups(part: RoutePart, treatment: Treatment): Array<{ matches: MatchIR[]; treatment?: RuleTreatment }> {
  const groups = new Map<string, { matches: MatchIR[]; treatment?: RuleTreatment }>();
  part.matches.forEach((m, j) => {
    const t = treatment(part.indexes[j]);
    const key = t?.key ?? '';
    const group = groups.get(key);
    if (group) group.matches.push(m); else groups.set(key, { matches: [m], treatment: t });
  });
  return [...groups.values()].flatMap(g => chunk(g.matches, LIMITS.matchesPerRule).map(matches => ({ matches, treatment: g.treatment })));
}

/** How many rules a part renders to (at most 16 fit one HTTPRoute). */
export function ruleCount(part: RoutePart, treatment: (index: number) => RuleTreatment | undefined): number {
  return ruleGroups(part, treatment).length;
}

/**
 * An HTTPRoute for one part of a route. Every rule carries the route's `extras` (policy filters,
 * backends, timeouts...); a canary's treatment of some matches (weights, a mirror) replaces the
 * backends and adds its filters to their rules. Matches are ORed, so splitting them over rules
 * changes nothing.
 */
export function httpRouteSpec(
  parentRefs: ParentReference[] | undefined,
  part: RoutePart,
  extras: RuleExtras,
  regex: RegexStyle,
  treatment: Treatment = () => undefined,
): HttpRouteSpec {
  const isCatchAll = part.matches.length === 1 && isDefaultMatch(part.matches[0]);
  return {
    parentRefs,
    hostnames: part.hosts.length > 0 ? part.hosts.map(suffixWildcard) : undefined,
    rules: ruleGroups(part, treatment).map(g => {
      const filters: RouteFilter[] = [...(extras.filters ?? []), ...((g.treatment?.filters ?? []) as unknown as RouteFilter[])];
      // Object.assign rather than a spread between literal keys (V8's slow path), same key order.
      return Object.assign({ matches: isCatchAll ? undefined : g.matches.map(m => match(m, regex)) }, extras, {
        filters: filters.length > 0 ? filters : undefined,
        backendRefs: g.treatment?.backendRefs ?? extras.backendRefs,
      });
    }),
  };
}

/** Every request: what a default backend serves. */
export const CATCH_ALL: MatchIR = CATCH_ALL_MATCH;

/** Groups of at most 16 hostnames, the HTTPRoute (and our own object-name) limit. */
export function hostChunks(hosts: readonly string[]): string[][] {
  return chunk(hosts, LIMITS.hostnamesPerRoute);
}

/** Prefix '/' with no other condition: Gateway API's default match, left implicit. */
export function isDefaultMatch(m: MatchIR): boolean {
  return m.path.kind === 'Prefix' && m.path.value === '/' && m.headers.length === 0 && m.queryParams.length === 0 && !m.method;
}

/** The name of the i-th rule (from 0) of an object serving a route named `ruleName`. */
export function ruleNameAt(ruleName: string, i: number): string {
  return i === 0 ? ruleName : `${ruleName}-${i + 1}`;
}

/**
 * The spec with its rules named after the route's `ruleName` (`rules[].name`, unique within the
 * object: `<ruleName>`, `<ruleName>-2`, ...); unchanged without one.
 */
export function withRuleNames<S extends { readonly rules?: readonly object[] }>(spec: S, ruleName: string | undefined): S {
  if (ruleName === undefined || !spec.rules) return spec;
  return { ...spec, rules: spec.rules.map((r, i) => ({ name: ruleNameAt(ruleName, i), ...r })) };
}
