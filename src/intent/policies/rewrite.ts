import { literal, policyFail } from './common';
import { isWildcardHost } from '../../core/hosts';
import { checkHost } from '../../core/validate';
import { RewriteIR } from '../../ir/policies';

/**
 * Change the request before it reaches the backend.
 * @example Rewrite.replacePrefix('/')  // with PathMatch.prefix('/api'): /api/users -> /users
 */
export class Rewrite {
  /**
   * Replace the matched prefix (the route must have exactly one Prefix match), with Gateway API's
   * ReplacePrefixMatch meaning on every controller. The rest of the path is kept as is, and a
   * trailing '/' of `prefix` is ignored (no '//'). With `PathMatch.prefix('/v1')`:
   *
   * | request | `replacePrefix('/')` | `replacePrefix('/v2')` or `('/v2/')` |
   * |---|---|---|
   * | `/v1` | `/` | `/v2` |
   * | `/v1/` | `/` | `/v2/` |
   * | `/v1/x` | `/x` | `/v2/x` |
   */
  public static replacePrefix(prefix: string): Rewrite {
    const value = literal('Rewrite.replacePrefix', prefix);
    return new Rewrite({ path: { kind: 'prefix', value: value.length > 1 ? value.replace(/\/+$/, '') || '/' : value } });
  }

  /** Replace the whole path. */
  public static replaceFullPath(path: string): Rewrite {
    return new Rewrite({ path: { kind: 'full', value: literal('Rewrite.replaceFullPath', path) } });
  }

  /** Replace the Host header sent to the backend. */
  public static hostname(host: string): Rewrite {
    const problem = checkHost(host) ?? (typeof host === 'string' && isWildcardHost(host) ? `'${host}' must not be a wildcard` : undefined);
    if (problem) policyFail('Rewrite.hostname', problem);
    return new Rewrite({ host });
  }

  private constructor(private readonly ir: Omit<RewriteIR, 'source'>) {}

  /** @internal */
  public _toIR(source: string): RewriteIR {
    return { ...this.ir, source };
  }
}
