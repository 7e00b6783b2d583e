import { GatewayIR, RouteIR } from '../../../ir/model';
import { AuthorizationPolicySpec, AuthorizationRule } from '../api';
import { DENY } from '../constants';
import { denyRules } from './policies';
import { scope, Signature } from './scope';
import { GatewayTarget, targetRefs } from './target';

export function needsAuthorizationPolicy(route: RouteIR): boolean {
  return denyRules(route) !== undefined;
}

/**
 * One DENY AuthorizationPolicy per route: a rule per condition (no valid token from the issuer;
 * a refused client address; features/policies.ts), each limited to the route's requests. Rules are ORed.
 */
export function authorizationPolicySpec(route: RouteIR, ir: GatewayIR, gw: GatewayTarget, signature: Signature): AuthorizationPolicySpec {
  const { operations } = scope(route, ir, signature);
  const ops = operations ?? [];
  // An operation with no condition is every request: the rule then needs no `to`.
  const to = ops.length === 0 || ops.some(o => Object.values(o).every(v => v === undefined))
    ? undefined
    : ops.map(operation => ({ operation }));
  const rules: AuthorizationRule[] = [];
  for (const { source } of denyRules(route) ?? []) if (source) rules.push({ from: [{ source }], to });
  return { targetRefs: targetRefs(gw), action: DENY, rules };
}
