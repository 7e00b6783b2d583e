import { conditionAnnotations, conditionKey, headerAnnotationProblem, kongPath } from './matches';
import { unsupportedMessage } from '../../../capabilities/check';
import { CanaryIR, GatewayIR, MatchIR, RouteIR, TlsHostIR } from '../../../ir/model';
import { IngressSpec, ingressSpec } from '../../common/ingress';
import { suffixWildcard } from '../../common/wildcard';
import { RenderProblem } from '../../renderer';
import { ANNOTATIONS } from '../constants';

/**
 * A header canary's matches, grouped like the stable route's Ingresses (header and method
 * conditions are Ingress-wide annotations).
 */
export function canaryGroups(canary: CanaryIR, route: RouteIR): MatchIR[][] {
  if (canary.traffic.kind !== 'header') return [];
  const groups = new Map<string, MatchIR[]>();
  for (const i of canary.matchIndexes) {
    const m = route.matches[i];
    const key = conditionKey(m);
    const list = groups.get(key);
    if (list) list.push(m); else groups.set(key, [m]);
  }
  return [...groups.values()];
}

/**
 * The stable match's own conditions plus `konghq.com/headers.<name>: <value>`. Kong ranks a
 * route with more header conditions above one with fewer, so the canary Ingress wins for
 * requests that carry the header, on the same hosts and paths.
 */
export function canaryAnnotations(canary: CanaryIR, m: MatchIR): Record<string, string> {
  const out = { ...conditionAnnotations(m) };
  if (canary.traffic.kind === 'header') out[`${ANNOTATIONS.headerPrefix}${canary.traffic.name}`] = canary.traffic.value;
  return out;
}

export function canarySpec(className: string, canary: CanaryIR, matches: readonly MatchIR[], tlsHosts: readonly TlsHostIR[]): IngressSpec {
  return ingressSpec(className, canary.hosts.map(suffixWildcard), matches.map(kongPath), canary.canary, tlsHosts);
}

/** An annotation key's name part: at most 63 characters of [-A-Za-z0-9_.], alphanumeric at both ends. */
/** The header must form a `konghq.com/headers.<name>` key, and its value must read as one literal. */
export function canaryHeaderProblems(ir: GatewayIR): RenderProblem[] {
  const problems: RenderProblem[] = [];
  for (const canary of ir.canaries) {
    const t = canary.traffic;
    if (t.kind !== 'header') continue;
    const reason = headerAnnotationProblem(t.name, t.value);
    if (reason) problems.push({ source: canary.source, message: unsupportedMessage('kong', 'canaryHeader', 'traffic', reason) });
  }
  return problems;
}
