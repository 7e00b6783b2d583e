import { RouteIR } from '../ir/model';
import { RetriesIR } from '../ir/policies';

/**
 * Methods RFC 9110 defines as idempotent: repeating one has the effect of sending it once, so a
 * retry after the backend may have received it is safe. POST, PATCH, LOCK and the rest are not.
 */
export const IDEMPOTENT_METHODS: readonly string[] = ['DELETE', 'GET', 'HEAD', 'OPTIONS', 'PUT', 'TRACE'];

/**
 * Whether the retry policy may repeat a request the backend already received: after a reset or
 * no answer, or after a response whose status is retried. A failed connection never reached it.
 */
export function retriesAfterDelivery(r: RetriesIR): boolean {
  return r.statusCodes.length > 0 || r.conditions.some(c => c !== 'connect-failure');
}

/** Whether every match of the route names an idempotent method (so no other method reaches it). */
export function onlyIdempotentMethods(route: RouteIR): boolean {
  return route.matches.length > 0 && route.matches.every(m => m.method !== undefined && IDEMPOTENT_METHODS.includes(m.method));
}

/** How to keep retries away from non-idempotent requests. */
export const IDEMPOTENT_ONLY_HINT = 'match only idempotent methods (GET, HEAD, PUT, DELETE, OPTIONS)';

/**
 * For a controller that cannot keep retries away from non-idempotent requests (Envoy retries
 * every method alike; Gateway API leaves it to the implementation): the feature and prop to
 * refuse when the route's retries could repeat a POST or PATCH the user did not opt into
 * (`Retries.nonIdempotent`), or undefined.
 */
export function nonIdempotentRetryAt(route: RouteIR): { feature: 'retries' | 'retryStatusCodes'; prop: string } | undefined {
  const r = route.policies.retries;
  if (!r || r.nonIdempotent || !retriesAfterDelivery(r) || onlyIdempotentMethods(route)) return undefined;
  return r.statusCodes.length > 0 ? { feature: 'retryStatusCodes', prop: 'retries.statusCodes' } : { feature: 'retries', prop: 'retries.on' };
}
