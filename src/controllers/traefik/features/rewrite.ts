import { RouteIR } from '../../../ir/model';
import { RewriteIR } from '../../../ir/policies';
import { MIDDLEWARE_TYPES } from '../constants';
import { pathRewrite } from './path-modifier';

/** `Middleware.spec.replacePath` / `replacePathRegex` wire types. */
export interface ReplacePathSpec {
  readonly path: string;
}

export interface ReplacePathRegexSpec {
  readonly regex: string;
  readonly replacement: string;
}

/**
 * Path rewrite Middleware spec.
 * - Whole path: `replacePath` (the query is kept; Traefik records the original path in
 *   `X-Replaced-Path`).
 * - Matched prefix: `replacePathRegex` over the escaped path, anchored, with Gateway API's
 *   ReplacePrefixMatch semantics (see `pathRewrite`). The route has exactly one Prefix match
 *   (checked by Route), so the prefix is known.
 */
export function rewritePathSpec(w: RewriteIR, route: RouteIR): Record<string, ReplacePathSpec | ReplacePathRegexSpec> | undefined {
  if (!w.path) return undefined;
  if (w.path.kind === 'full') return { [MIDDLEWARE_TYPES.replacePath]: { path: w.path.value } };
  const p = pathRewrite(w.path, route.matches[0]?.path.value, 1, '.');
  return { [MIDDLEWARE_TYPES.replacePathRegex]: { regex: `^${p.pattern}$`, replacement: p.replacement } };
}

/**
 * Host rewrite: the headers middleware treats a custom request header named `Host` as the
 * request's host (`req.Host`), which the proxy forwards (IngressRoute services keep
 * `passHostHeader` at its default, true).
 */
export function rewriteHostSpec(w: RewriteIR): Record<string, { customRequestHeaders: Record<string, string> }> | undefined {
  if (!w.host) return undefined;
  return { [MIDDLEWARE_TYPES.headers]: { customRequestHeaders: { Host: w.host } } };
}
