import { unsupportedMessage } from '../../../capabilities/check';
import { goDuration } from '../../../core/duration';
import { GatewayIR } from '../../../ir/model';
import { RetriesIR } from '../../../ir/policies';
import { RenderProblem } from '../../renderer';
import { MIDDLEWARE_TYPES } from '../constants';

/** `Middleware.spec.retry` wire type (fields we emit). */
export interface RetrySpec {
  readonly attempts: number;
  readonly status?: string[];
  readonly disableRetryOnNetworkError?: boolean;
  readonly initialInterval?: string;
  readonly timeout?: string;
  readonly retryNonIdempotentMethod?: boolean;
}

/** The status codes a retry policy retries on. */
function statusCodes(rt: RetriesIR): number[] {
  const codes = new Set(rt.statusCodes);
  const range = (from: number, to: number) => { for (let c = from; c <= to; c++) codes.add(c); };
  if (rt.conditions.includes('gateway-error')) range(502, 504);
  if (rt.conditions.includes('5xx')) range(500, 599);
  return [...codes].sort((a, b) => a - b);
}

/** Sorted codes as Traefik status ranges: consecutive codes become `from-to`. */
function ranges(codes: readonly number[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < codes.length;) {
    let j = i;
    while (j + 1 < codes.length && codes[j + 1] === codes[j] + 1) j++;
    out.push(i === j ? String(codes[i]) : `${codes[i]}-${codes[j]}`);
    i = j + 1;
  }
  return out;
}

/**
 * Traefik's retry middleware (status codes since v3.7):
 * - `attempts` counts every try, the first included: our retries + 1.
 * - Network-error retries happen only when the request reached the proxy but no byte was sent
 *   to the backend, i.e. the connection failed: RetryOn.CONNECT_FAILURE. Without it,
 *   `disableRetryOnNetworkError: true`.
 * - `status`: the statusCodes, 502-504 for RetryOn.GATEWAY_ERROR, 500-599 for
 *   RetryOn.SERVER_ERROR. Status retries apply to idempotent methods only (not POST, PATCH,
 *   LOCK) and replay bodies up to 2 MiB (Traefik's defaults).
 * - `initialInterval`: Retries.backoff (Traefik's interval grows toward twice it, each wait ±50%);
 *   `timeout`: Retries.window; `retryNonIdempotentMethod`: Retries.nonIdempotent.
 * A reset after the request was sent is never retried by Traefik (refused below).
 */
export function retrySpec(rt: RetriesIR): Record<string, RetrySpec> {
  const status = ranges(statusCodes(rt));
  return {
    [MIDDLEWARE_TYPES.retry]: {
      attempts: rt.attempts + 1,
      status: status.length > 0 ? status : undefined,
      disableRetryOnNetworkError: rt.conditions.includes('connect-failure') ? undefined : true,
      initialInterval: rt.backoffMs === undefined ? undefined : goDuration(rt.backoffMs, 'single-unit'),
      timeout: rt.windowMs === undefined ? undefined : goDuration(rt.windowMs, 'single-unit'),
      retryNonIdempotentMethod: rt.nonIdempotent ? true : undefined,
    },
  };
}

export function retryProblems(controller: 'traefik' | 'traefik-ingress', ir: GatewayIR): RenderProblem[] {
  const problems: RenderProblem[] = [];
  for (const route of ir.routes) {
    const rt = route.policies.retries;
    if (!rt || route.backends.length === 0) continue;
    const prop = rt.source === ir.source ? 'defaults.retries.on' : 'retries.on';
    if (rt.conditions.includes('reset')) {
      problems.push({
        source: rt.source,
        message: unsupportedMessage(controller, 'retries', prop,
          'Traefik retries a request only when nothing was sent to the backend (RetryOn.CONNECT_FAILURE), never after a reset'),
      });
    } else if (!rt.conditions.includes('connect-failure') && statusCodes(rt).length === 0) {
      problems.push({
        source: rt.source,
        message: unsupportedMessage(controller, 'retries', prop, 'no condition is set, and Traefik rejects a retry middleware that retries on nothing'),
      });
    }
  }
  return problems;
}
