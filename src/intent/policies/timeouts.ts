import { Duration } from 'cdk8s';
import { durationMs, durationMsOrZero, policyFail } from './common';
import { TimeoutsIR } from '../../ir/policies';

/** Options for `Timeouts.of()`. Each maps to exactly one controller setting, or is refused. */
export interface TimeoutsOptions {
  /**
   * Time to establish the connection to the backend.
   * @default - the controller's default
   */
  readonly connect?: Duration;

  /**
   * Longest wait between two successive reads from the backend (nginx `proxy_read_timeout`).
   * @default - the controller's default
   */
  readonly read?: Duration;

  /**
   * Longest wait between two successive writes to the backend (nginx `proxy_send_timeout`).
   * @default - the controller's default
   */
  readonly send?: Duration;

  /**
   * The whole request, from receipt to the end of the response (Gateway API `timeouts.request`).
   * Zero (`Duration.seconds(0)`) turns the timeout off, as Gateway API defines `0s`; only
   * controllers that can turn it off accept it.
   * @default - the controller's default
   */
  readonly request?: Duration;

  /**
   * One request to the backend, per attempt (Gateway API `timeouts.backendRequest`). Must not
   * exceed `request` (unless `request` is zero). Zero turns the timeout off, as for `request`.
   * @default - the controller's default
   */
  readonly backendRequest?: Duration;
}

/**
 * Request timeouts. Nothing is approximated: a controller without the exact setting refuses
 * it at synth.
 * @example Timeouts.of({ connect: Duration.seconds(10), read: Duration.seconds(120), send: Duration.seconds(120) })
 */
export class Timeouts {
  /** The given timeouts; those not set keep the controller's defaults. */
  public static of(options: TimeoutsOptions): Timeouts {
    if (!options || typeof options !== 'object') policyFail('Timeouts.of', 'options are required');
    const ir: Omit<TimeoutsIR, 'source'> = {
      connectMs: durationMs('Timeouts.connect', options.connect),
      readMs: durationMs('Timeouts.read', options.read),
      sendMs: durationMs('Timeouts.send', options.send),
      requestMs: durationMsOrZero('Timeouts.request', options.request),
      backendRequestMs: durationMsOrZero('Timeouts.backendRequest', options.backendRequest),
    };
    if (Object.values(ir).every(v => v === undefined)) policyFail('Timeouts.of', 'set at least one timeout');
    // A zero request timeout is off: any backend request timeout fits in it.
    if (ir.requestMs !== undefined && ir.requestMs > 0 && ir.backendRequestMs !== undefined && ir.backendRequestMs > ir.requestMs) {
      policyFail('Timeouts.backendRequest', `${options.backendRequest!.toHumanString()} is longer than the whole request timeout (${options.request!.toHumanString()})`);
    }
    return new Timeouts(ir);
  }

  private constructor(private readonly ir: Omit<TimeoutsIR, 'source'>) {}

  /** @internal */
  public _toIR(source: string): TimeoutsIR {
    return { ...this.ir, source };
  }
}
