import { Emitted, NginxFeature, emit, refuse } from './emitted';
import { GatewayIR, RouteIR } from '../../../ir/model';
import { RenderProblem } from '../../renderer';

/** ingress-nginx's `limit-burst-multiplier` when the annotation is absent. */
export const NGINX_DEFAULT_BURST_MULTIPLIER = 5;

/**
 * Rate limits per client address, counted by each controller replica on its own (nginx
 * `limit_req` / `limit_conn` zones live in one pod's shared memory): with 3 replicas behind a
 * load balancer a client can make up to 3 x the rate.
 *
 * - `limit-rps` / `limit-rpm`: the rate (nginx `limit_req_zone ... rate=<n>r/s|r/m`).
 * - `limit-burst-multiplier`: nginx `burst` = rate x multiplier, so the burst must be a whole
 *   multiple of the rate. Always written: the intent's unset burst (one period's worth) is 1,
 *   where ingress-nginx's own default (NGINX_DEFAULT_BURST_MULTIPLIER) would allow 5 x the rate.
 * - `limit-connections`: concurrent connections per client address.
 * - `limit-allowlist`: addresses never limited.
 */
export const RATE_LIMIT: NginxFeature = {
  annotations(route: RouteIR): Emitted[] {
    const rl = route.policies.rateLimit;
    if (!rl || rl.key !== 'clientIp' || rl.distributed) return [];
    const out = [emit(rl.per === 'second' ? 'limitRps' : 'limitRpm', String(rl.requests), 'rateLimitPerClientIp', 'rateLimit', rl.source)];
    if (rl.burst === undefined) {
      out.push(emit('limitBurstMultiplier', '1', 'rateLimitPerClientIp', 'rateLimit', rl.source));
    } else if (rl.burst % rl.requests === 0) {
      out.push(emit('limitBurstMultiplier', String(rl.burst / rl.requests), 'rateLimitBurst', 'rateLimit.burst', rl.source));
    }
    if (rl.concurrentConnections !== undefined) {
      out.push(emit('limitConnections', String(rl.concurrentConnections), 'rateLimitConnections', 'rateLimit.concurrentConnections', rl.source));
    }
    if (rl.exemptCidrs.length > 0) {
      out.push(emit('limitAllowlist', rl.exemptCidrs.join(','), 'rateLimitExemptCidrs', 'rateLimit.exemptCidrs', rl.source));
    }
    return out;
  },

  problems(route: RouteIR, gw: GatewayIR): RenderProblem[] {
    const rl = route.policies.rateLimit;
    if (!rl || rl.burst === undefined || rl.burst % rl.requests === 0) return [];
    const lower = Math.floor(rl.burst / rl.requests) * rl.requests;
    return [refuse(gw, rl.source, 'rateLimitBurst', 'rateLimit.burst',
      `its burst is the rate times a whole limit-burst-multiplier, and ${rl.burst} is not a multiple of ${rl.requests}; use ${lower} or ${lower + rl.requests}`)];
  },
};

/**
 * `limit-connections` alone: requests in progress per client address. nginx's `limit_conn`
 * counts a connection only while it has a request whose header was read (each HTTP/2 stream
 * separately), so it is the number of requests in progress; over the limit nginx answers 503
 * (the controller-wide `limit-conn-status-code`). No rate annotation is needed.
 */
export const CONCURRENCY_LIMIT: NginxFeature = {
  annotations(route: RouteIR): Emitted[] {
    const cl = route.policies.concurrencyLimit;
    if (cl?.key !== 'clientIp') return [];
    return [emit('limitConnections', String(cl.maxRequests), 'concurrencyPerClientIp', 'concurrencyLimit', cl.source)];
  },
  problems: () => [],
};
