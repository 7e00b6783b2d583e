import { RouteIR } from '../../../ir/model';
import { RouteKind } from '../../gateway-api/extension';
import { BackendTrafficPolicySpec } from '../api';
import { requestBuffer } from './body-size';
import { connectTimeout } from './connect-timeout';
import { rateLimitSpec } from './rate-limit';
import { retrySpec } from './retry';
import { loadBalancer } from './session-affinity';
import { targetRefs } from './targets';

/** Whether the route needs a BackendTrafficPolicy (decided from the IR alone, at allocation). */
export function needsBackendTrafficPolicy(route: RouteIR): boolean {
  const p = route.policies;
  return p.rateLimit !== undefined || p.timeouts?.connectMs !== undefined || p.bodySize !== undefined
    || p.retries !== undefined || p.sessionAffinity !== undefined;
}

/** One BackendTrafficPolicy per route, targeting every object that serves it. */
export function backendTrafficPolicySpec(route: RouteIR, kind: RouteKind, names: readonly string[]): BackendTrafficPolicySpec {
  const p = route.policies;
  return {
    targetRefs: targetRefs(kind, names),
    rateLimit: p.rateLimit ? rateLimitSpec(p.rateLimit) : undefined,
    timeout: p.timeouts?.connectMs !== undefined ? connectTimeout(p.timeouts.connectMs) : undefined,
    requestBuffer: p.bodySize ? requestBuffer(p.bodySize.maxBytes) : undefined,
    retry: p.retries ? retrySpec(p.retries) : undefined,
    loadBalancer: p.sessionAffinity ? loadBalancer(p.sessionAffinity) : undefined,
  };
}
