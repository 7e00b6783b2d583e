import { GatewayIR, RouteIR } from '../../../ir/model';
import { AuthorizationPolicySpec, AuthorizationRule } from '../api';
import { DENY } from '../constants';
import { deniedAddresses } from './ip-access';
import { jwtOf, missingPrincipal } from './jwt';
import { scope, Signature } from './scope';
import { GatewayTarget, targetRefs } from './target';

export function needsAuthorizationPolicy(route: RouteIR): boolean {
  return jwtOf(route) !== undefined || route.policies.ipAccess !== undefined;
}

/**
 * One DENY AuthorizationPolicy per route: a rule per condition (no valid token from the issuer;
 * a refused client address), each limited to the route's requests. Rules are ORed.
 */
export function authorizationPolicySpec(route: RouteIR, ir: GatewayIR, gw: GatewayTarget, signature: Signature): AuthorizationPolicySpec {
  const { operations } = scope(route, ir, signature);
  const ops = operations ?? [];
  // An operation with no condition is every request: the rule then needs no `to`.
  const to = ops.length === 0 || ops.some(o => Object.values(o).every(v => v === undefined))
    ? undefined
    : ops.map(operation => ({ operation }));
  const rules: AuthorizationRule[] = [];
  const jwt = jwtOf(route);
  if (jwt) rules.push({ from: [{ source: missingPrincipal(jwt) }], to });
  const ip = route.policies.ipAccess ? deniedAddresses(route.policies.ipAccess) : undefined;
  if (ip) rules.push({ from: [{ source: ip }], to });
  return { targetRefs: targetRefs(gw), action: DENY, rules };
}
