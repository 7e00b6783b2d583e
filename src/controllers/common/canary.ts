import { CanaryIR, GatewayIR } from '../../ir/model';

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
