import { backendTrafficFields } from './policies';
import { targetRefs } from './targets';
import { RouteIR } from '../../../ir/model';
import { RouteKind, RuleSections } from '../../gateway-api/extension';
import { BackendTrafficPolicySpec } from '../api';

/** Whether the route needs a BackendTrafficPolicy (decided from the IR alone, at allocation). */
export function needsBackendTrafficPolicy(route: RouteIR): boolean {
  return backendTrafficFields(route) !== undefined;
}

/** One BackendTrafficPolicy per route, targeting every object that serves it (fields: features/policies.ts). */
export function backendTrafficPolicySpec(
  route: RouteIR, kind: RouteKind, names: readonly string[], sections?: RuleSections,
): BackendTrafficPolicySpec {
  return { targetRefs: targetRefs(kind, names, sections), ...backendTrafficFields(route) };
}
