import { deniedAddresses } from './ip-access';
import { Jwt, jwtOf, missingPrincipal } from './jwt';
import { RouteIR } from '../../../ir/model';
import { REFUSED } from '../../common/policy-emitters';
import { ExtensionPolicyEmitters, extensionEmitters, STANDARD } from '../../gateway-api/extension';
import { Source } from '../api';

/**
 * Where one policy kind lands on Istio, beyond the standard fields. Each hook returns undefined
 * when the route has no such policy (decided from the RouteIR alone, at allocation).
 */
export interface IstioPolicyEmitter {
  /** The JWT issuer of the route's RequestAuthentication. */
  readonly requestAuthentication?: (route: RouteIR) => Jwt | undefined;
  /** A rule of the route's DENY AuthorizationPolicy: the requests it refuses (`source` absent: nothing to refuse). */
  readonly deny?: (route: RouteIR) => { readonly source?: Source } | undefined;
}

/**
 * Every policy kind of the IR on Istio: its security policies (authentication, then the client
 * address filter: the order of the AuthorizationPolicy's rules), the standard, or refused (the
 * matrix: Istio's own fields need an EnvoyFilter, which this library never emits).
 */
export const POLICY_EMITTERS: ExtensionPolicyEmitters<IstioPolicyEmitter> = {
  auth: {
    requestAuthentication: jwtOf,
    deny: route => {
      const jwt = jwtOf(route);
      return jwt ? { source: missingPrincipal(jwt) } : undefined;
    },
  },
  ipAccess: { deny: route => (route.policies.ipAccess ? { source: deniedAddresses(route.policies.ipAccess) } : undefined) },
  rateLimit: REFUSED,
  timeouts: STANDARD,
  bodySize: REFUSED,
  cors: STANDARD,
  headers: STANDARD,
  redirect: STANDARD,
  rewrite: STANDARD,
  retries: STANDARD,
  sessionAffinity: REFUSED,
  backendProtocol: STANDARD,
  concurrencyLimit: REFUSED,
};

const EMITTERS: readonly IstioPolicyEmitter[] = extensionEmitters(POLICY_EMITTERS);

/** The JWT issuer of the route's RequestAuthentication, if it needs one. */
export function requestAuthenticationOf(route: RouteIR): Jwt | undefined {
  for (const e of EMITTERS) {
    const jwt = e.requestAuthentication?.(route);
    if (jwt) return jwt;
  }
  return undefined;
}

/** The rules of the route's DENY AuthorizationPolicy, in map order; undefined: the route needs none. */
export function denyRules(route: RouteIR): Array<{ readonly source?: Source }> | undefined {
  const rules = EMITTERS.map(e => e.deny?.(route)).filter((r): r is { readonly source?: Source } => r !== undefined);
  return rules.length === 0 ? undefined : rules;
}
