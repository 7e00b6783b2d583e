import { securityFields } from './policies';
import { targetRefs } from './targets';
import { RouteIR } from '../../../ir/model';
import { RouteKind, RuleSections } from '../../gateway-api/extension';
import { SecurityPolicySpec } from '../api';

/** Whether the route needs a SecurityPolicy (decided from the IR alone, at allocation). */
export function needsSecurityPolicy(route: RouteIR): boolean {
  return securityFields(route) !== undefined;
}

/** One SecurityPolicy per route: its authentication and its client address filter (fields: features/policies.ts). */
export function securityPolicySpec(route: RouteIR, kind: RouteKind, names: readonly string[], sections?: RuleSections): SecurityPolicySpec {
  return { targetRefs: targetRefs(kind, names, sections), ...securityFields(route) };
}
