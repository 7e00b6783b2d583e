import { Duration } from 'cdk8s';
import { bool, durationMs, list, policyFail, positiveInt } from './common';
import { show } from '../../core/errors';
import { RetriesIR, RetryCondition } from '../../ir/policies';

/** Failures that trigger a retry. */
export enum RetryOn {
  /** The connection to the backend could not be established. */
  CONNECT_FAILURE = 'connect-failure',
  /**
   * The backend closed or reset the connection, or did not answer in time, before responding
   * (the request may have reached it).
   */
  RESET = 'reset',
  /** 502, 503 or 504 from the backend. */
  GATEWAY_ERROR = 'gateway-error',
  /** Any 5xx from the backend. */
  SERVER_ERROR = '5xx',
}

/** Options for `Retries.of()`. */
export interface RetriesOptions {
  /** Retries after the first attempt (1-10). */
  readonly attempts: number;

  /**
   * Failure classes that trigger a retry.
   * @default [RetryOn.CONNECT_FAILURE] unless `statusCodes` is set
   */
  readonly on?: RetryOn[];

  /**
   * HTTP status codes (400-599) that trigger a retry.
   * @default - none
   */
  readonly statusCodes?: number[];

  /**
   * Timeout of each attempt.
   * @default - no per-attempt timeout
   */
  readonly perTryTimeout?: Duration;

  /**
   * Wait before the first retry. Later retries wait at least as long; the wait grows (with
   * jitter) up to `maxBackoff`.
   * @default - the controller's own: ingress-nginx and Traefik retry at once, Envoy waits 25 ms
   * (a `controller-default` warning says so where the controller has a default of its own)
   */
  readonly backoff?: Duration;

  /**
   * Longest wait between two attempts (at least `backoff`; needs `backoff`).
   * @default - the controller's own: on Traefik the interval grows toward twice `backoff` and each
   * wait varies by ±50% (up to almost three times `backoff`); ten times `backoff` on Envoy Gateway;
   * the implementation's on Gateway API
   */
  readonly maxBackoff?: Duration;

  /**
   * No new attempt starts once this much time has passed since the first one started (the
   * attempt in flight is not cut short; bound that with `perTryTimeout` or `Timeouts`).
   * @default - no limit of its own
   */
  readonly window?: Duration;

  /**
   * Also retry non-idempotent requests (POST, PATCH, LOCK...) after they may have reached the
   * backend (a reset, a retried status code): the backend may process them twice. Connection
   * failures are retried for every method either way (the request never left the proxy).
   * Risky: warns (`retry-non-idempotent`).
   * @default false
   */
  readonly nonIdempotent?: boolean;
}

/**
 * Retry failed backend requests. Non-idempotent requests (POST, PATCH, LOCK) are retried after
 * they may have reached the backend only with `nonIdempotent: true`; controllers that retry
 * every method (Envoy) refuse retries on resets or status codes without it, unless the route
 * matches only idempotent methods. Keep attempts low.
 * @example Retries.of({ attempts: 2, on: [RetryOn.CONNECT_FAILURE, RetryOn.RESET], backoff: Duration.millis(100) })
 */
export class Retries {
  /** Retry up to `attempts` times on the given conditions. */
  public static of(options: RetriesOptions): Retries {
    if (!options || typeof options !== 'object') policyFail('Retries.of', 'options are required');
    const attempts = positiveInt('Retries.attempts', options.attempts, 10);
    const statusCodes = list('Retries.statusCodes', options.statusCodes, 'HTTP status codes').map((c, i) => {
      if (!Number.isInteger(c) || c < 400 || c > 599) policyFail(`Retries.statusCodes[${i}]`, `${show(c)} must be an HTTP status from 400 to 599`);
      return c;
    });
    const on = list('Retries.on', options.on ?? (statusCodes.length > 0 ? [] : [RetryOn.CONNECT_FAILURE]), 'RetryOn values');
    on.forEach((c, i) => {
      if (!Object.values(RetryOn).includes(c)) policyFail(`Retries.on[${i}]`, `${show(c)} is not a RetryOn`);
    });
    const backoffMs = durationMs('Retries.backoff', options.backoff);
    const maxBackoffMs = durationMs('Retries.maxBackoff', options.maxBackoff);
    if (maxBackoffMs !== undefined && backoffMs === undefined) policyFail('Retries.maxBackoff', 'needs backoff (the wait before the first retry)');
    if (maxBackoffMs !== undefined && backoffMs !== undefined && maxBackoffMs < backoffMs) {
      policyFail('Retries.maxBackoff', `${options.maxBackoff!.toHumanString()} must be at least backoff (${options.backoff!.toHumanString()})`);
    }
    const nonIdempotent = bool('Retries.nonIdempotent', options.nonIdempotent, false);
    return new Retries({
      attempts,
      statusCodes: [...new Set(statusCodes)].sort((a, b) => a - b),
      conditions: [...new Set(on as string[] as RetryCondition[])].sort(),
      perTryTimeoutMs: durationMs('Retries.perTryTimeout', options.perTryTimeout),
      backoffMs,
      maxBackoffMs,
      windowMs: durationMs('Retries.window', options.window),
      ...(nonIdempotent ? { nonIdempotent } : {}),
    });
  }

  private constructor(private readonly ir: Omit<RetriesIR, 'source'>) {}

  /** @internal */
  public _toIR(source: string): RetriesIR {
    return { ...this.ir, source };
  }
}
