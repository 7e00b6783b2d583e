import { RouteIR } from '../../../ir/model';
import { RouteKind } from '../../gateway-api/extension';
import { SecurityPolicySpec } from '../api';
import { apiKeyAuth } from './api-key';
import { basicAuth } from './basic-auth';
import { extAuthSpec } from './ext-auth';
import { authorization } from './ip-access';
import { jwtSpec } from './jwt';
import { targetRefs } from './targets';

/** Whether the route needs a SecurityPolicy (decided from the IR alone, at allocation). */
export function needsSecurityPolicy(route: RouteIR): boolean {
  return route.policies.auth !== undefined || route.policies.ipAccess !== undefined;
}

/** One SecurityPolicy per route: its authentication and its client address filter. */
export function securityPolicySpec(route: RouteIR, kind: RouteKind, names: readonly string[]): SecurityPolicySpec {
  const a = route.policies.auth;
  return {
    targetRefs: targetRefs(kind, names),
    extAuth: a?.kind === 'external' ? extAuthSpec(a, route) : undefined,
    jwt: a?.kind === 'jwt' ? jwtSpec(a) : undefined,
    apiKeyAuth: a?.kind === 'apiKey' ? apiKeyAuth(a) : undefined,
    basicAuth: a?.kind === 'basic' ? basicAuth(a) : undefined,
    authorization: route.policies.ipAccess ? authorization(route.policies.ipAccess) : undefined,
  };
}
