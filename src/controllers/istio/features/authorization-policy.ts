import { GatewayIR, RouteIR } from '../../../ir/model';
import { AuthorizationPolicySpec, AuthorizationRule } from '../api';
import { CUSTOM, DENY } from '../constants';
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
  const to = routeOperations(route, ir, signature);
  const rules: AuthorizationRule[] = [];
  for (const { source } of denyRules(route) ?? []) if (source) rules.push({ from: [{ source }], to });
  return { targetRefs: targetRefs(gw), action: DENY, rules };
}

/** The route's requests as `to` operations; undefined: every request (an operation with no condition). */
function routeOperations(route: RouteIR, ir: GatewayIR, signature: Signature): AuthorizationRule['to'] {
  const ops = scope(route, ir, signature).operations ?? [];
  return ops.length === 0 || ops.some(o => Object.values(o).every(v => v === undefined))
    ? undefined
    : ops.map(operation => ({ operation }));
}

/** The extension provider a route's external authorization delegates to, if any. */
export function externalProviderOf(route: RouteIR): string | undefined {
  const a = route.policies.auth;
  return a?.kind === 'externalProvider' ? a.provider : undefined;
}

/**
 * One CUSTOM AuthorizationPolicy per route using `EdgeAuth.externalProvider()`: the mesh's
 * extension provider decides on the route's requests (the same scope as the DENY policy). A rule
 * with no condition (`{}`) selects every request, for a route that serves them all.
 */
export function customAuthorizationPolicySpec(route: RouteIR, ir: GatewayIR, gw: GatewayTarget, signature: Signature): AuthorizationPolicySpec {
  const to = routeOperations(route, ir, signature);
  return { targetRefs: targetRefs(gw), action: CUSTOM, provider: { name: externalProviderOf(route)! }, rules: [to ? { to } : {}] };
}
