import { backendRef, RoutePart, routeParts, RuleTreatment } from './http-route';
import { CANARY_COOKIE_VALUE, CanaryIR, CanaryTrafficIR, GatewayIR, HeaderMatchIR, MatchIR, MirrorIR, RouteIR } from '../../../ir/model';
import { escapeRegex, stableRouteCanary } from '../../common/canary';
import { HttpRouteFilter } from '../api';

/** The header Gateway API matches cookies on. */
const COOKIE_HEADER = 'cookie';

/**
 * The extra header condition of a header / cookie canary. Presence and cookie need a
 * `RegularExpression` match (implementation-specific), written for a whole-value match as
 * Envoy / Istio evaluate it: `.*` for any value of a present header; for the cookie, the pair
 * `<name>=always` at a `;` boundary of the Cookie header.
 */
export function canaryHeader(t: CanaryTrafficIR): HeaderMatchIR | undefined {
  switch (t.kind) {
    case 'weight': return undefined;
    case 'header': return { name: t.name, kind: 'Exact', value: t.value };
    case 'header-present': return { name: t.name, kind: 'RegularExpression', value: '.*' };
    case 'cookie': return { name: COOKIE_HEADER, kind: 'RegularExpression', value: `(.*;\\s*)?${escapeRegex(t.name)}=${CANARY_COOKIE_VALUE}(;.*)?` };
  }
}

/** A stable match with the canary's condition added (headers kept sorted by name). */
function withCondition(m: MatchIR, header: HeaderMatchIR): MatchIR {
  return { ...m, headers: [...m.headers, header].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0)) };
}

/** The HTTPRoutes of a header / cookie canary: its hosts, the stable matches plus its condition. */
export function canaryRouteParts(canary: CanaryIR, route: RouteIR): RoutePart[] {
  const header = canaryHeader(canary.traffic);
  if (!header) return [];
  return routeParts({ hosts: canary.hosts, matches: canary.matchIndexes.map(i => withCondition(route.matches[i], header)) });
}

/** `RequestMirror` to the canary's mirror backend (percent left out at 100: the portable form). */
export function mirrorFilters(canary: CanaryIR): HttpRouteFilter[] | undefined {
  if (!canary.mirror) return undefined;
  return [requestMirror(canary.mirror, canary.namespace)];
}

/** A RequestMirror filter (`percent` unless 100); one per mirror, the filter may repeat. */
export function requestMirror(m: MirrorIR, namespace: string): HttpRouteFilter {
  return {
    type: 'RequestMirror',
    requestMirror: { backendRef: backendRef(m.backend, namespace), percent: m.percent === 100 ? undefined : m.percent },
  };
}

/**
 * How the stable route's rule for one match is served when a canary splits or mirrors its
 * traffic: weighted backendRefs (a weight of 0 is kept, so promotion changes only numbers) and
 * the mirror filter. Read at synth: canaries may be declared after their stable route.
 */
export function stableTreatment(ir: GatewayIR, route: RouteIR, matchIndex: number): RuleTreatment | undefined {
  const c = stableRouteCanary(ir, route.source, matchIndex);
  if (!c) return undefined;
  const ns = route.namespace;
  return {
    key: c.source,
    backendRefs: c.traffic.kind === 'weight'
      ? [backendRef(c.stable, ns, c.traffic.stable), backendRef(c.canary, ns, c.traffic.canary)]
      : [backendRef(c.stable, ns)],
    filters: mirrorFilters(c),
  };
}

/** The canary's own rules: to the canary backend, mirrored like the stable route's. */
export function canaryTreatment(canary: CanaryIR): RuleTreatment {
  return { key: canary.source, backendRefs: [backendRef(canary.canary, canary.namespace)], filters: mirrorFilters(canary) };
}
