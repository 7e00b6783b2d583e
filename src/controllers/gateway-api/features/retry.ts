import { RetriesIR } from '../../../ir/policies';
import { RouteRetry } from '../api';
import { gepDuration } from './duration';

/** The status codes every implementation must retry (GEP-1731); others are optional. */
export const PORTABLE_RETRY_CODES: readonly number[] = [500, 502, 503, 504];

/** `RetryOn.GATEWAY_ERROR`. */
export const GATEWAY_ERROR_CODES: readonly number[] = [502, 503, 504];

/**
 * Experimental `rules[].retry`: `attempts` retries after the first try, `codes` from the status
 * codes and `gateway-error`, `backoff` the minimum wait (Retries.backoff). Connection failures are retried by every implementation whenever a
 * retry stanza is set (the request never reached the backend); resets and `5xx` are refused in
 * validation.
 */
export function routeRetry(r: RetriesIR): RouteRetry {
  const codes = new Set<number>(r.statusCodes);
  if (r.conditions.includes('gateway-error')) GATEWAY_ERROR_CODES.forEach(c => codes.add(c));
  return {
    attempts: r.attempts,
    codes: codes.size > 0 ? [...codes].sort((a, b) => a - b) : undefined,
    backoff: r.backoffMs !== undefined ? gepDuration(r.backoffMs) : undefined,
  };
}

/** Why Gateway API cannot retry exactly as asked, or undefined. */
export function retryProblem(r: RetriesIR): { feature: 'retries' | 'retryStatusCodes' | 'retryBackoff'; prop: string; reason: string } | undefined {
  if (r.backoffMs !== undefined && gepDuration(r.backoffMs) === undefined) {
    return { feature: 'retryBackoff', prop: 'retries.backoff', reason: 'it is longer than the largest Gateway API duration (99999h)' };
  }
  if (r.conditions.includes('reset')) {
    return { feature: 'retries', prop: 'retries.on', reason: 'Gateway API leaves retrying after a connection reset (the request may have been processed) to the implementation' };
  }
  if (r.conditions.includes('5xx')) {
    return { feature: 'retries', prop: 'retries.on', reason: 'Gateway API guarantees retries only on 500, 502, 503 and 504 (other 5xx codes are optional for implementations); list those status codes instead' };
  }
  const other = r.statusCodes.filter(c => !PORTABLE_RETRY_CODES.includes(c));
  if (other.length > 0) {
    return { feature: 'retryStatusCodes', prop: 'retries.statusCodes', reason: `Gateway API guarantees retries only on 500, 502, 503 and 504; ${other.join(', ')} ${other.length === 1 ? 'is' : 'are'} optional for implementations` };
  }
  return undefined;
}
