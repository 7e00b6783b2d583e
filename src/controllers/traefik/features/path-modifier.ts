import { PathModifierIR } from '../../../ir/policies';

/**
 * Go regular-expression helpers shared by redirects (redirectRegex, which matches the whole
 * request URL) and rewrites (replacePathRegex, which matches the escaped path). Traefik applies
 * them with Go's `Regexp.ReplaceAllString`, so replacements use `${n}` and a literal `$` is `$$`.
 */

/** Escapes Go regexp metacharacters (Go's `regexp.QuoteMeta`). */
export function quoteMeta(s: string): string {
  return s.replace(/[\\.+*?()|[\]{}^$]/g, '\\$&');
}

/** A literal inside a Go replacement template: `$` is written `$$`. */
export function literalReplacement(s: string): string {
  return s.replace(/\$/g, '$$$$');
}

/** The replacement template reference to capture group `n`. */
export function group(n: number): string {
  return '${' + n + '}';
}

export interface PathRewrite {
  /** Regex fragment matching the whole path (not anchored). */
  readonly pattern: string;
  /** Replacement template producing the new path. */
  readonly replacement: string;
  /** Capture groups the fragment opens. */
  readonly groups: number;
}

/**
 * A path fragment and replacement implementing one path modifier with Gateway API semantics:
 *
 * - full: the whole path becomes `value` (the fragment matches any path).
 * - prefix: the matched prefix `prefix` (element-wise; our Prefix values have no trailing '/',
 *   except '/') is replaced by `value`, a trailing '/' of `value` being ignored, and an empty
 *   result being '/': `/foo/bar` → `/xyz/bar`, `/foo` → `/xyz`, `/foo/` → `/xyz/`; with `/`:
 *   `/foo/bar` → `/bar`, `/foo` → `/`.
 *
 * `chars` is the class of path characters: `[^?]` inside a URL (the query follows), `.` for a
 * bare path. Groups are numbered from `first`.
 */
export function pathRewrite(modifier: PathModifierIR, prefix: string | undefined, first: number, chars: string): PathRewrite {
  if (modifier.kind === 'full') {
    return { pattern: `${chars}*`, replacement: literalReplacement(modifier.value), groups: 0 };
  }
  const p = prefix ?? '/';
  const r = modifier.value.replace(/\/+$/, '');
  if (p === '/') {
    // Every path is '/' + rest: the rest is kept after the new prefix.
    return { pattern: `(/${chars}*)`, replacement: literalReplacement(r) + group(first), groups: 1 };
  }
  if (r !== '') {
    // The suffix after the prefix is '' or starts with '/': appended to the new prefix.
    return { pattern: `${quoteMeta(p)}((?:/${chars}*)?)`, replacement: literalReplacement(r) + group(first), groups: 1 };
  }
  // New prefix '/': the path's own leading '/' is captured so an empty suffix still gives '/'.
  return { pattern: `(/)${quoteMeta(p.slice(1))}(?:/(${chars}*))?`, replacement: group(first) + group(first + 1), groups: 2 };
}
