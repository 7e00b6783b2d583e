import { unsupportedMessage } from '../../../capabilities/check';
import { GatewayIR } from '../../../ir/model';
import { IpAccessIR } from '../../../ir/policies';
import { RenderProblem } from '../../renderer';
import { MIDDLEWARE_TYPES, NO_CLIENT_ADDRESSES, REMOTE_ADDR_STRATEGY } from '../constants';

/** `Middleware.spec.ipAllowList` wire type. */
export interface IpAllowListSpec {
  readonly sourceRange: string[];
  readonly ipStrategy: { readonly depth: number };
  readonly rejectStatusCode?: number;
}

/**
 * Allow list: `ipAllowList` on the client address: the TCP peer (`ipStrategy.depth: 0`), or the
 * gateway's `ClientIp.xForwardedFor({ trustedHops })` as `depth` (the N-th X-Forwarded-For entry
 * from the right). Other clients get 403.
 */
export function ipAllowSpec(ip: IpAccessIR): Record<string, IpAllowListSpec> {
  return { [MIDDLEWARE_TYPES.ipAllowList]: { sourceRange: [...ip.allow], ipStrategy: { depth: ip.clientIpHops ?? REMOTE_ADDR_STRATEGY.depth } } };
}

/**
 * A deny list is a `!ClientIP()` router condition, and Traefik's ClientIP matcher reads only the
 * TCP peer: behind trusted X-Forwarded-For hops it would test the load balancer's address.
 */
export function ipDenyProblems(controller: 'traefik', ir: GatewayIR): RenderProblem[] {
  return ir.routes.flatMap(route => {
    const ip = route.policies.ipAccess;
    if (!ip || ip.deny.length === 0 || !ip.clientIpHops) return [];
    return [{
      source: route.source,
      message: unsupportedMessage(controller, 'ipDeny', ip.source === ir.source ? 'defaults.ipAccess' : 'ipAccess',
        'a deny list is a ClientIP() router condition, which reads the TCP peer and never X-Forwarded-For, so with the gateway\'s clientIp it would test the load balancer\'s address; use IpAccess.allow()'),
    }];
  });
}

/**
 * Deny list. Traefik Proxy has no deny middleware, so each router of the route gets a
 * `!ClientIP(...)` condition. That alone would let a denied client fall through to a
 * lower-priority router (another route's prefix, the default backend) and be served there, so
 * every router also gets a twin with the same match and priority restricted to the denied
 * clients, whose only middleware refuses everyone: an ipAllowList admitting only the
 * unspecified addresses (no TCP peer has them), answering 403. The twin serves
 * `noop@internal`, which it never reaches.
 */
export function ipDenySpec(): Record<string, IpAllowListSpec> {
  return {
    [MIDDLEWARE_TYPES.ipAllowList]: { sourceRange: [...NO_CLIENT_ADDRESSES], ipStrategy: { ...REMOTE_ADDR_STRATEGY }, rejectStatusCode: 403 },
  };
}
