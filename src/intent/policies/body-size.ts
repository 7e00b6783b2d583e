import { policyFail, positiveInt } from './common';
import { BodySizeIR } from '../../ir/policies';

/**
 * The largest request body accepted; larger requests get 413.
 * Note: Traefik and Envoy Gateway enforce it by buffering the body.
 * @example BodySize.mebibytes(50)
 */
export class BodySize {
  /** A limit in bytes. */
  public static bytes(amount: number): BodySize {
    return new BodySize(positiveInt('BodySize.bytes', amount));
  }

  /** A limit in KiB (1,024 bytes). */
  public static kibibytes(amount: number): BodySize {
    return new BodySize(positiveInt('BodySize.kibibytes', amount) * 1024);
  }

  /** A limit in MiB (1,048,576 bytes). */
  public static mebibytes(amount: number): BodySize {
    return new BodySize(positiveInt('BodySize.mebibytes', amount) * 1024 * 1024);
  }

  /** A limit in GiB (at most 1,024). */
  public static gibibytes(amount: number): BodySize {
    return new BodySize(positiveInt('BodySize.gibibytes', amount, 1024) * 1024 * 1024 * 1024);
  }

  private constructor(/** The limit in bytes. */ public readonly maxBytes: number) {
    if (!Number.isSafeInteger(maxBytes)) policyFail('BodySize', 'is too large');
  }

  /** @internal */
  public _toIR(source: string): BodySizeIR {
    return { source, maxBytes: this.maxBytes };
  }
}
