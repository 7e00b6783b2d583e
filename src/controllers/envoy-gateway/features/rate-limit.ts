import { RateLimitIR, RateLimitWindow } from '../../../ir/policies';
import { RateLimitRule, RateLimitSpec, RateLimitUnit } from '../api';
import { ALL_IPV4, ALL_IPV6, LIMITS } from '../constants';

/** `limit.unit` for each window (Envoy's token bucket holds one unit's worth: the intent's unset burst). */
export const ENVOY_UNITS: { readonly [w in RateLimitWindow]: RateLimitUnit } = { second: 'Second', minute: 'Minute', hour: 'Hour', day: 'Day' };

/**
 * `rateLimit`: one bucket per client address (a Distinct rule per address family) or per value of
 * a header. Local limits count per Envoy replica; `DistributedRateLimit.controllerStore()` uses
 * `global` (the rate-limit service configured for Envoy Gateway), shared by the whole route.
 */
export function rateLimitSpec(rl: RateLimitIR): RateLimitSpec | undefined {
  const limit = { requests: rl.requests, unit: ENVOY_UNITS[rl.per] };
  const global = rl.distributed?.kind === 'controller';
  const shared = global ? true : undefined;
  let rules: RateLimitRule[];
  if (rl.key === 'header' && rl.header) {
    rules = [{ clientSelectors: [{ headers: [{ name: rl.header, type: 'Distinct' }] }], limit, shared }];
  } else if (rl.key === 'clientIp') {
    rules = [ALL_IPV4, ALL_IPV6].map(value => ({ clientSelectors: [{ sourceCIDR: { type: 'Distinct' as const, value } }], limit, shared }));
  } else {
    return undefined;
  }
  return global ? { global: { rules } } : { local: { rules } };
}

export function rateLimitProblem(rl: RateLimitIR): string | undefined {
  return rl.requests > LIMITS.maxRequests ? `Envoy Gateway counts at most ${LIMITS.maxRequests} requests per period` : undefined;
}
