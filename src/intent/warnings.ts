import { IConstruct } from 'constructs';
import { acknowledge, allWarnings, QUIET_CONTEXT, STRICT_CONTEXT } from '../core/warnings';

/** A setting that is valid but risky or surprising, found at synth. */
export interface SynthWarning {
  /** Stable id of the warning (see the README's warnings table), e.g. 'rate-limit-per-replica'. */
  readonly id: string;
  /** Path of the construct that declared the setting. */
  readonly path: string;
  /** What is risky and what to do about it. */
  readonly message: string;
}

/**
 * Warnings about settings that are valid but risky or surprising (per-replica rate limits,
 * unsafe escape hatches, ACME issuers without an email...).
 *
 * Each warning is printed once to stderr during `cdk8s synth`. Set the app context key
 * `Warnings.STRICT_CONTEXT` (`'cdk8s-gateway:strict'`) to `true`, or the environment variable
 * `CDK8S_GATEWAY_STRICT=true` (cdk8s synth has no `--context` flag), to make every warning a synth
 * error, e.g. in CI. Acknowledge a warning you have weighed with `Warnings.of(scope).acknowledge(id)`.
 *
 * @example
 * const warnings = Warnings.of(chart).all; // in a test
 * expect(warnings.map(w => w.id)).toEqual(['rate-limit-per-replica']);
 */
export class Warnings {
  /** App context key that turns warnings into synth errors. */
  public static readonly STRICT_CONTEXT = STRICT_CONTEXT;
  /** App context key that stops warnings being printed (they stay readable, and strict mode still applies). */
  public static readonly QUIET_CONTEXT = QUIET_CONTEXT;

  /** The warnings of `scope` (an App, a Chart, an ApiGateway, a Route...) and everything under it. */
  public static of(scope: IConstruct): Warnings {
    if (!scope || typeof scope !== 'object' || !scope.node) throw new Error('Warnings.of: scope must be a construct (an App, a Chart, an ApiGateway...)');
    return new Warnings(scope);
  }

  private constructor(private readonly scope: IConstruct) {}

  /** Every warning under the scope, in construct-tree order, acknowledged ones left out. */
  public get all(): SynthWarning[] {
    return allWarnings(this.scope).map(w => ({ id: w.id, path: w.path, message: w.message }));
  }

  /** The distinct ids of `all`, sorted. */
  public get ids(): string[] {
    return [...new Set(allWarnings(this.scope).map(w => w.id))].sort();
  }

  /**
   * Silences warnings with `id` on the scope and everything under it (not printed, not an error
   * in strict mode, not in `all`).
   */
  public acknowledge(id: string): void {
    if (typeof id !== 'string' || id.length === 0) throw new Error('Warnings.acknowledge: id must be a warning id such as \'rate-limit-per-replica\'');
    acknowledge(this.scope, id);
  }
}
