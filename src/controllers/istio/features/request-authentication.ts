import { RequestAuthenticationSpec } from '../api';
import { Jwt, jwtRule } from './jwt';
import { GatewayTarget, targetRefs } from './target';

/**
 * A RequestAuthentication on the Gateway for the route's issuer. Istio applies it to every route
 * of the Gateway: a request carrying an invalid token from this issuer is refused on any route.
 */
export function requestAuthenticationSpec(a: Jwt, gw: GatewayTarget): RequestAuthenticationSpec {
  return { targetRefs: targetRefs(gw), jwtRules: [jwtRule(a)] };
}
