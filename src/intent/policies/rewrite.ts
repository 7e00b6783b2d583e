import { literal, policyFail } from './common';
import { checkHost } from '../../core/validate';
import { RewriteIR } from '../../ir/policies';

/**
 * Change the request before it reaches the backend.
 * @example Rewrite.replacePrefix('/')  // with PathMatch.prefix('/api'): /api/users -> /users
 */
export class Rewrite {
  /** Replace the matched prefix (the route must have exactly one Prefix match). */
  public static replacePrefix(prefix: string): Rewrite {
    return new Rewrite({ path: { kind: 'prefix', value: literal('Rewrite.replacePrefix', prefix) } });
  }

  /** Replace the whole path. */
  public static replaceFullPath(path: string): Rewrite {
    return new Rewrite({ path: { kind: 'full', value: literal('Rewrite.replaceFullPath', path) } });
  }

  /** Replace the Host header sent to the backend. */
  public static hostname(host: string): Rewrite {
    const problem = checkHost(host) ?? (typeof host === 'string' && host.startsWith('*.') ? `'${host}' must not be a wildcard` : undefined);
    if (problem) policyFail('Rewrite.hostname', problem);
    return new Rewrite({ host });
  }

  private constructor(private readonly ir: Omit<RewriteIR, 'source'>) {}

  /** @internal */
  public _toIR(source: string): RewriteIR {
    return { ...this.ir, source };
  }
}
