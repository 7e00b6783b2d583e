import { GatewayIR, RouteIR } from '../../../ir/model';
import { ConcurrencyLimitIR } from '../../../ir/policies';
import { routeParts } from '../../gateway-api/extension';

/** `BackendTrafficPolicy.spec.circuitBreaker` (the field we emit). */
export interface CircuitBreakerSpec {
  readonly maxParallelRequests: number;
}

/**
 * `ConcurrencyLimit.perRoute()`: Envoy's circuit breaker `maxParallelRequests` on the cluster of
 * the route's rule. Envoy counts requests in progress to that cluster (from the moment the
 * router asks for an upstream until the answer is complete; retries have their own threshold)
 * and answers 503 at once above it. Each Envoy replica counts on its own.
 */
export function circuitBreaker(cl: ConcurrencyLimitIR): CircuitBreakerSpec {
  return { maxParallelRequests: cl.maxRequests };
}

/**
 * Envoy Gateway keeps one circuit-breaker counter per backend of each rule: a route with several
 * backends (weights, a canary) or rendered as several rules would allow the limit once per backend
 * and rule. The reason to refuse, else undefined.
 */
export function circuitBreakerProblem(route: RouteIR, ir: GatewayIR): string | undefined {
  const backends = route.backends.length;
  const canaries = ir.canariesByRoute.get(route.source)?.length ?? 0;
  const rules = routeParts(route).length;
  if (backends <= 1 && canaries === 0 && rules <= 1) return undefined;
  const why = canaries > 0 ? 'a canary adds a backend to the route'
    : backends > 1 ? `the route has ${backends} backends`
      : `the route is rendered as ${rules} rules (more hosts or matches than one HTTPRoute rule holds)`;
  return `Envoy Gateway counts circuit-breaker requests per backend of each route rule, and ${why}, so the limit would apply to each separately; give the route one backend and rule`;
}
