import { unsupportedMessage } from '../../../capabilities/check';
import { goDuration } from '../../../core/duration';
import { GatewayIR } from '../../../ir/model';
import { ConcurrencyLimitIR, DistributedStoreIR, RateLimitIR, RateLimitWindow } from '../../../ir/policies';
import { RenderProblem } from '../../renderer';
import { MIDDLEWARE_TYPES, REMOTE_ADDR_STRATEGY } from '../constants';

/** `Middleware.spec.rateLimit` wire type (fields we emit). */
export interface RateLimitSpec {
  readonly average: number;
  readonly period: string;
  readonly burst?: number;
  readonly sourceCriterion: { readonly ipStrategy?: { readonly depth: number }; readonly requestHeaderName?: string };
  readonly redis?: RedisSpec;
}

/** `rateLimit.redis` (Traefik v3.4+). */
export interface RedisSpec {
  readonly endpoints: string[];
  readonly secret?: string;
  readonly db?: number;
  readonly tls?: { readonly insecureSkipVerify: false; readonly caSecret?: string; readonly certSecret?: string };
  readonly dialTimeout?: string;
  readonly readTimeout?: string;
  readonly writeTimeout?: string;
}

/** Traefik's `period` (a Go duration) for each window: a day is 24 hours. */
export const TRAEFIK_PERIODS: { readonly [w in RateLimitWindow]: string } = { second: '1s', minute: '1m', hour: '1h', day: '24h' };

/**
 * Traefik's token bucket per source: `average` requests per `period`, bucket size `burst`.
 * - The rate is always >= 1 (0 would disable the limit in Traefik; refused by RateLimit).
 * - `burst` is always written: the intent's unset burst is one period's worth (`average`), where
 *   Traefik's own default (1) would space every request by period/average.
 * - Per client IP: `ipStrategy.depth: 0`, the TCP peer address, or the gateway's trusted
 *   X-Forwarded-For hops as `depth`.
 *   Per header: `requestHeaderName`; requests without the header share one bucket.
 * - Redis (Traefik v3.4+): every Traefik instance shares the counters; the Secret holds
 *   `username` / `password`. Without Redis, limits are per Traefik instance. TLS is
 *   `tls.insecureSkipVerify: false` (verified with the system CAs, or the `ca` Secret as
 *   `tls.caSecret`, for the endpoint's host), and a client certificate as `tls.certSecret`;
 *   the intent's one timeout is written as the dial, read and write timeouts alike.
 * Consumers and exempt CIDRs are refused by the capability matrix; concurrent connections are an
 * inFlightReq Middleware of their own (clientInFlightReqSpec).
 */
export function rateLimitSpec(rl: RateLimitIR): Record<string, RateLimitSpec> {
  const redis = rl.distributed?.kind === 'redis' && rl.distributed.endpoint ? redisSpec(rl.distributed, rl.distributed.endpoint) : undefined;
  return {
    [MIDDLEWARE_TYPES.rateLimit]: {
      average: rl.requests,
      period: TRAEFIK_PERIODS[rl.per],
      burst: rl.burst ?? rl.requests,
      sourceCriterion: rl.key === 'header' ? { requestHeaderName: rl.header } : { ipStrategy: { depth: rl.clientIpHops ?? REMOTE_ADDR_STRATEGY.depth } },
      redis,
    },
  };
}

function redisSpec(store: DistributedStoreIR, endpoint: string): RedisSpec {
  const timeout = store.timeoutMs === undefined ? undefined : goDuration(store.timeoutMs, 'single-unit');
  return {
    endpoints: [endpoint],
    secret: store.secretName,
    db: store.database,
    tls: store.tls ? { insecureSkipVerify: false, caSecret: store.ca?.name, certSecret: store.clientCertificateSecret } : undefined,
    dialTimeout: timeout,
    readTimeout: timeout,
    writeTimeout: timeout,
  };
}

/** `Middleware.spec.inFlightReq` wire type. */
export interface InFlightReqSpec {
  readonly amount: number;
  readonly sourceCriterion: { readonly ipStrategy?: { readonly depth: number }; readonly requestHost?: true };
}

/**
 * `inFlightReq`: at most `amount` requests in progress per source; one more is answered 429.
 * Per client IP: `ipStrategy.depth` (0, the TCP peer, or the gateway's trusted hops), as the
 * rate limit; per host: `requestHost: true` (also Traefik's default, written out). Each Traefik
 * instance counts on its own. A route as a whole is refused by the matrix (no such criterion).
 */
export function inFlightReqSpec(cl: ConcurrencyLimitIR): Record<string, InFlightReqSpec> {
  return {
    [MIDDLEWARE_TYPES.inFlightReq]: {
      amount: cl.maxRequests,
      sourceCriterion: cl.key === 'host' ? { requestHost: true } : { ipStrategy: { depth: cl.clientIpHops ?? REMOTE_ADDR_STRATEGY.depth } },
    },
  };
}

/**
 * `RateLimit.perClientIp({ concurrentConnections })`: requests in progress per client address,
 * the limit ConcurrencyLimit.perClientIp() renders, in a Middleware of its own (role
 * `inflightreq-client`) so that it stands beside a route's ConcurrencyLimit.perHost() (a second
 * inFlightReq, per host).
 */
export function clientInFlightReqSpec(rl: RateLimitIR, connections: number): Record<string, InFlightReqSpec> {
  return inFlightReqSpec({ source: rl.source, key: 'clientIp', maxRequests: connections, clientIpHops: rl.clientIpHops });
}

/** rateLimit.redis.tls.caSecret reads a Secret: a CA in a ConfigMap is refused. */
export function redisProblems(controller: 'traefik' | 'traefik-ingress', ir: GatewayIR): RenderProblem[] {
  const problems: RenderProblem[] = [];
  const seen = new Set<string>();
  for (const route of ir.routes) {
    const rl = route.policies.rateLimit;
    const ca = rl?.distributed?.ca;
    if (!rl || ca?.kind !== 'ConfigMap' || seen.has(rl.source)) continue;
    seen.add(rl.source);
    problems.push({
      source: rl.source,
      message: unsupportedMessage(controller, 'rateLimitRedisCa', rl.source === ir.source ? 'defaults.rateLimit.distributed.ca' : 'rateLimit.distributed.ca',
        `rateLimit.redis.tls.caSecret reads a Secret, not a ConfigMap ('${ca.name}'); use CaCertificates.fromSecret()`),
    });
  }
  return problems;
}
