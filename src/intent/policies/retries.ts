import { Duration } from 'cdk8s';
import { durationMs, list, policyFail, positiveInt } from './common';
import { show } from '../../core/errors';
import { RetriesIR, RetryCondition } from '../../ir/policies';

/** Failures that trigger a retry. */
export enum RetryOn {
  /** The connection to the backend could not be established. */
  CONNECT_FAILURE = 'connect-failure',
  /** The backend reset the connection before responding. */
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
}

/**
 * Retry failed backend requests. Retries repeat non-idempotent requests only where the
 * controller does; keep attempts low.
 * @example Retries.of({ attempts: 2, on: [RetryOn.CONNECT_FAILURE], statusCodes: [503] })
 */
export class Retries {
  /** Retry up to `attempts` times on the given conditions. */
  public static of(options: RetriesOptions): Retries {
    if (!options || typeof options !== 'object') policyFail('Retries.of', 'options are required');
    const attempts = positiveInt('Retries.attempts', options.attempts, 10);
    const statusCodes = list('Retries.statusCodes', options.statusCodes).map((c, i) => {
      if (!Number.isInteger(c) || c < 400 || c > 599) policyFail(`Retries.statusCodes[${i}]`, `${show(c)} must be an HTTP status from 400 to 599`);
      return c;
    });
    const on = list('Retries.on', options.on ?? (statusCodes.length > 0 ? [] : [RetryOn.CONNECT_FAILURE]));
    on.forEach((c, i) => {
      if (!Object.values(RetryOn).includes(c)) policyFail(`Retries.on[${i}]`, `${show(c)} is not a RetryOn`);
    });
    return new Retries({
      attempts,
      statusCodes: [...new Set(statusCodes)].sort((a, b) => a - b),
      conditions: [...new Set(on as string[] as RetryCondition[])].sort(),
      perTryTimeoutMs: durationMs('Retries.perTryTimeout', options.perTryTimeout),
    });
  }

  private constructor(private readonly ir: Omit<RetriesIR, 'source'>) {}

  /** @internal */
  public _toIR(source: string): RetriesIR {
    return { ...this.ir, source };
  }
}
