import { RateLimitIR } from '../../../ir/policies';
import { MIDDLEWARE_TYPES, REMOTE_ADDR_STRATEGY } from '../constants';

/** `Middleware.spec.rateLimit` wire type (fields we emit). */
export interface RateLimitSpec {
  readonly average: number;
  readonly period: string;
  readonly burst?: number;
  readonly sourceCriterion: { readonly ipStrategy?: { readonly depth: number }; readonly requestHeaderName?: string };
  readonly redis?: { readonly endpoints: string[]; readonly secret?: string };
}

/**
 * Traefik's token bucket per source: `average` requests per `period`, bucket size `burst`.
 * - The rate is always >= 1 (0 would disable the limit in Traefik; refused by RateLimit).
 * - `burst` unset: Traefik's default and minimum, 1 (requests must be spaced by period/average;
 *   Traefik delays a request by up to half that spacing before answering 429).
 * - Per client IP: `ipStrategy.depth: 0`, the TCP peer address (X-Forwarded-For is not read).
 *   Per header: `requestHeaderName`; requests without the header share one bucket.
 * - Redis (Traefik v3.4+): every Traefik instance shares the counters; the Secret holds
 *   `username` / `password`. Without Redis, limits are per Traefik instance.
 * Consumers, concurrent connections and exempt CIDRs are refused by the capability matrix.
 */
export function rateLimitSpec(rl: RateLimitIR): Record<string, RateLimitSpec> {
  const redis = rl.distributed?.kind === 'redis' && rl.distributed.endpoint
    ? { endpoints: [rl.distributed.endpoint], secret: rl.distributed.secretName }
    : undefined;
  return {
    [MIDDLEWARE_TYPES.rateLimit]: {
      average: rl.requests,
      period: rl.per === 'minute' ? '1m' : '1s',
      burst: rl.burst,
      sourceCriterion: rl.key === 'header' ? { requestHeaderName: rl.header } : { ipStrategy: { ...REMOTE_ADDR_STRATEGY } },
      redis,
    },
  };
}
