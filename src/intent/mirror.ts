import { Backend } from './backend';
import { optionsOf, show } from '../core/errors';
import { MirrorIR } from '../ir/model';

/** Options for `TrafficMirror.to()`. */
export interface TrafficMirrorOptions {
  /**
   * The share of requests copied to the mirror, a whole percentage from 0 to 100.
   * @default 100
   */
  readonly percent?: number;
}

/**
 * A shadow backend that receives a copy of some requests; its responses are discarded.
 * @example TrafficMirror.to(Backend.service('api-shadow', 8080), { percent: 5 })
 */
export class TrafficMirror {
  /** Copies a share of the requests to `backend`. */
  public static to(backend: Backend, options: TrafficMirrorOptions = {}): TrafficMirror {
    return new TrafficMirror(backend, optionsOf('TrafficMirror.to', options).percent ?? 100);
  }

  private constructor(
    /** The shadow backend. */
    public readonly backend: Backend,
    /** The share of requests copied, in percent. */
    public readonly percent: number,
  ) {}

  /** @internal */
  public _toIR(defaultNamespace: string): { ir?: MirrorIR; problem?: string } {
    if (!(this.backend instanceof Backend)) return { problem: 'the mirror backend must be created with Backend.service() or Backend.fromService()' };
    const { ir, problem } = this.backend._toIR(defaultNamespace);
    if (problem) return { problem };
    if (!isWholeNumber(this.percent) || this.percent < 0 || this.percent > 100) {
      return { problem: `percent ${show(this.percent)} is not a whole percentage from 0 to 100` };
    }
    return { ir: { backend: ir!, percent: this.percent } };
  }
}

function isWholeNumber(n: unknown): n is number {
  return typeof n === 'number' && Number.isInteger(n);
}
