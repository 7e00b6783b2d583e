import { RetriesIR } from '../../../ir/policies';
import { gepDuration, GATEWAY_ERROR_CODES } from '../../gateway-api/extension';
import { RetrySpec } from '../api';

const SERVER_ERROR_CODES = Array.from({ length: 100 }, (_, i) => 500 + i);

/**
 * `retry`. Status-based conditions become `retriable-status-codes` with explicit codes (Envoy's
 * own `5xx` and `gateway-error` triggers also retry resets and connection failures, which the
 * route may not have asked for); `connect-failure` and `reset` map to the triggers of that name.
 */
export function retrySpec(r: RetriesIR): RetrySpec {
  const codes = new Set<number>(r.statusCodes);
  if (r.conditions.includes('gateway-error')) GATEWAY_ERROR_CODES.forEach(c => codes.add(c));
  if (r.conditions.includes('5xx')) SERVER_ERROR_CODES.forEach(c => codes.add(c));
  const triggers: string[] = r.conditions.filter(c => c === 'connect-failure' || c === 'reset');
  if (codes.size > 0) triggers.push('retriable-status-codes');
  const timeout = r.perTryTimeoutMs !== undefined ? gepDuration(r.perTryTimeoutMs) : undefined;
  const baseInterval = r.backoffMs !== undefined ? gepDuration(r.backoffMs) : undefined;
  const backOff = baseInterval ? { baseInterval, maxInterval: r.maxBackoffMs !== undefined ? gepDuration(r.maxBackoffMs) : undefined } : undefined;
  return {
    numRetries: r.attempts,
    retryOn: { triggers: triggers.sort(), httpStatusCodes: codes.size > 0 ? [...codes].sort((a, b) => a - b) : undefined },
    perRetry: timeout || backOff ? { timeout, backOff } : undefined,
  };
}

export function retryProblem(r: RetriesIR): string | undefined {
  if (r.perTryTimeoutMs !== undefined && gepDuration(r.perTryTimeoutMs) === undefined) return 'the per-attempt timeout is longer than the largest duration (99999h)';
  return undefined;
}

/** Why the backoff cannot be written (longer than the largest duration), or undefined. */
export function backoffProblem(r: RetriesIR): { feature: 'retryBackoff' | 'retryMaxBackoff'; prop: string; reason: string } | undefined {
  if (r.backoffMs !== undefined && gepDuration(r.backoffMs) === undefined) return { feature: 'retryBackoff', prop: 'retries.backoff', reason: 'it is longer than the largest duration (99999h)' };
  if (r.maxBackoffMs !== undefined && gepDuration(r.maxBackoffMs) === undefined) return { feature: 'retryMaxBackoff', prop: 'retries.maxBackoff', reason: 'it is longer than the largest duration (99999h)' };
  return undefined;
}

/** Envoy retries every method alike. */
export const EVERY_METHOD = 'Envoy retries POST and PATCH like any other method once the backend may have received them; '
  + 'set nonIdempotent: true if repeating them is safe, or';
