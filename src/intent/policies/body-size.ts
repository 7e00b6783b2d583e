import { policyFail, positiveInt } from './common';
import { BodySizeIR } from '../../ir/policies';

/**
 * The largest request body accepted; larger requests get 413.
 * Note: Traefik and Envoy Gateway enforce it by buffering the body.
 * @example BodySize.mebibytes(50)
 */
export class BodySize {
  public static bytes(amount: number): BodySize {
    return new BodySize(positiveInt('BodySize.bytes', amount));
  }

  public static kibibytes(amount: number): BodySize {
    return new BodySize(positiveInt('BodySize.kibibytes', amount) * 1024);
  }

  public static mebibytes(amount: number): BodySize {
    return new BodySize(positiveInt('BodySize.mebibytes', amount) * 1024 * 1024);
  }

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
