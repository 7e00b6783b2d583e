import { ControllerName } from '../../capabilities/features';
import { CanaryIR, GatewayIR } from '../../ir/model';
import { PoliciesIR } from '../../ir/policies';
import { RenderProblem } from '../renderer';

/**
 * Whether a canary changes the stable route's own traffic (weights, mirroring) rather than only
 * adding a more specific route for its header / cookie condition.
 */
export function changesStableRoute(c: CanaryIR): boolean {
  return c.traffic.kind === 'weight' || c.mirror !== undefined;
}

/**
 * The canary over one (route, match, host) that changes the stable route's own traffic, if any.
 * `host` undefined: the route serves every host. Read at synth, from the whole gateway's IR.
 */
export function stableRouteCanary(ir: GatewayIR, route: string, matchIndex: number, host?: string): CanaryIR | undefined {
  const list = ir.canariesByRoute.get(route);
  if (!list) return undefined;
  return list.find(c => changesStableRoute(c) && c.matchIndexes.includes(matchIndex) && (host === undefined || c.hosts.includes(host)));
}

/** A literal for a regular expression: every metacharacter escaped. */
export function escapeRegex(literal: string): string {
  return literal.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * A header / cookie canary is rendered as routing objects of its own (a more specific route). On
 * controllers where those objects would not carry the stable route's policies (auth, rate limits,
 * CORS, header rules...), canary traffic would bypass them: refuse it rather than open a hole.
 */
export function canaryPolicyProblems(controller: ControllerName, ir: GatewayIR): RenderProblem[] {
  const routes = new Map(ir.routes.map(r => [r.source, r]));
  const problems: RenderProblem[] = [];
  for (const canary of ir.canaries) {
    if (canary.traffic.kind === 'weight') continue;
    const route = routes.get(canary.route);
    if (!route) continue;
    const kinds = (Object.keys(route.policies) as Array<keyof PoliciesIR>).filter(k => k !== 'backendProtocol' && route.policies[k] !== undefined);
    if (kinds.length === 0) continue;
    problems.push({
      source: canary.source,
      message: `CanarySplit.traffic: on ${controller} a ${canary.traffic.kind} canary is served by routing objects of its own, which would not carry the policies of [${route.source}] (${kinds.sort().join(', ')}), so canary traffic would bypass them; use a weighted canary (CanaryTraffic.weight), or a Route with the same policies for the canary`,
    });
  }
  return problems;
}
