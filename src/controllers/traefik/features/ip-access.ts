import { IpAccessIR } from '../../../ir/policies';
import { MIDDLEWARE_TYPES, NO_CLIENT_ADDRESSES, REMOTE_ADDR_STRATEGY } from '../constants';

/** `Middleware.spec.ipAllowList` wire type. */
export interface IpAllowListSpec {
  readonly sourceRange: string[];
  readonly ipStrategy: { readonly depth: number };
  readonly rejectStatusCode?: number;
}

/**
 * Allow list: `ipAllowList` on the TCP peer address (`ipStrategy.depth: 0`; behind a load
 * balancer enable the PROXY protocol on the entry point). Other clients get 403.
 */
export function ipAllowSpec(ip: IpAccessIR): Record<string, IpAllowListSpec> {
  return { [MIDDLEWARE_TYPES.ipAllowList]: { sourceRange: [...ip.allow], ipStrategy: { ...REMOTE_ADDR_STRATEGY } } };
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
