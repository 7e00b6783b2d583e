import { hasTopLevelAlternation } from '../../../core/validate';
import { MatchIR, PathIR } from '../../../ir/model';
import { PathModifierIR } from '../../../ir/policies';

/** One Ingress path read as a match, or why it cannot be. */
export type PathRead =
  | { readonly match: MatchIR; readonly to: string }
  | { readonly reason: string };

function matchOf(path: PathIR): MatchIR {
  return { path, headers: [], queryParams: [] };
}

function describe(p: PathIR): string {
  switch (p.kind) {
    case 'Exact': return `PathMatch.exact('${p.value}')`;
    case 'Prefix': return `PathMatch.prefix('${p.value}')`;
    case 'RegularExpression': return `PathMatch.regex('${p.value}')`;
  }
}

function read(path: PathIR, note = ''): PathRead {
  return { match: matchOf(path), to: `Route.match.path (${describe(path)})${note}` };
}

const REGEX_META = /[.*+?^${}()|[\]\\]/g;

/**
 * A path of a host where no Ingress enables regexes: Exact and Prefix are native
 * (element-wise prefix, a trailing '/' ignored); ImplementationSpecific is nginx's plain
 * `location <path>`, a case-sensitive string prefix (`/foo` also matches `/foobar`).
 */
export function plainPath(path: string, pathType: string): PathRead {
  if (typeof path !== 'string' || !path.startsWith('/')) return { reason: `'${String(path)}' does not start with '/': the API server refuses it` };
  switch (pathType) {
    case 'Exact':
      return read({ kind: 'Exact', value: path });
    case 'Prefix':
      return read({ kind: 'Prefix', value: path.length > 1 ? path.replace(/\/+$/, '') || '/' : path });
    case 'ImplementationSpecific':
      if (path === '/') return read({ kind: 'Prefix', value: '/' }, ' (ImplementationSpecific: nginx prefix location)');
      return read({ kind: 'RegularExpression', value: `${path.replace(REGEX_META, '\\$&')}.*` },
        ` (ImplementationSpecific is a plain nginx prefix location: '${path}' also matches '${path}x...', not only '${path}/...')`);
    default:
      return { reason: `pathType '${String(pathType)}' is not one the API server accepts` };
  }
}

/** Whether a regex ends with an unescaped '$'. */
function anchoredAtEnd(re: string): boolean {
  if (!re.endsWith('$')) return false;
  let slashes = 0;
  for (let i = re.length - 2; i >= 0 && re[i] === '\\'; i--) slashes++;
  return slashes % 2 === 0;
}

/**
 * A path of a host whose locations are regexes (`use-regex` or `rewrite-target` on one of its
 * Ingresses): ingress-nginx writes `location ~* "^<path>"` whatever the pathType, a
 * case-insensitive match of the path's start. `p$` is the regex `p`; anything else matches
 * every path that starts with a match of `p` (`p.*`).
 */
export function regexPath(path: string, cause: string | undefined): PathRead {
  if (typeof path !== 'string' || !path.startsWith('/')) return { reason: `'${String(path)}' does not start with '/'` };
  if (hasTopLevelAlternation(path)) {
    return { reason: `'${path}' has a top-level '|': ingress-nginx's '^' anchors only its first branch, so the other branches match anywhere in the path` };
  }
  const note = `${cause ? `; ${cause} makes every path of this host a case-insensitive regex (location ~* "^${path}")` : ''}`;
  if (path === '/') return read({ kind: 'Prefix', value: '/' }, note);
  const value = anchoredAtEnd(path) ? path.slice(0, -1) : `${path}.*`;
  return read({ kind: 'RegularExpression', value }, ` (matched case-insensitively by nginx, ~*)${note}`);
}

/**
 * The literal path behind a regex the renderer writes for a rewriting route: '/' then, when the
 * rest has letters, `(?-i)` (nginx matches case-insensitively otherwise), then letters, digits,
 * '-', '_', '/' and escaped dots.
 */
export function literalOf(re: string): string | undefined {
  const m = /^\/(\(\?-i\))?((?:[A-Za-z0-9_\-/]|\\\.)*)$/.exec(re);
  if (!m) return undefined;
  if (!m[1] && /[A-Za-z]/.test(m[2])) return undefined;
  return `/${m[2].replace(/\\\./g, '.')}`;
}

type Form =
  | { readonly kind: 'root' } // '/(.*)': Prefix '/', $1 the rest
  | { readonly kind: 'sep'; readonly literal: string } // 'L(/|$)(.*)': Prefix L, $1 separator, $2 rest
  | { readonly kind: 'tail'; readonly literal: string } // 'L(/.*)?$': Prefix L, $1 '/rest' or ''
  | { readonly kind: 'exact'; readonly literal: string } // 'L$'
  | { readonly kind: 'regex'; readonly read: PathRead };

function formOf(path: string): Form {
  if (path === '/(.*)') return { kind: 'root' };
  for (const [suffix, kind] of [['(/|$)(.*)', 'sep'], ['(/.*)?$', 'tail'], ['$', 'exact']] as const) {
    if (!path.endsWith(suffix)) continue;
    const literal = literalOf(path.slice(0, -suffix.length));
    if (literal !== undefined && (kind === 'exact' || literal === '/' || !literal.endsWith('/'))) return { kind, literal };
  }
  return { kind: 'regex', read: regexPath(path, undefined) };
}

function formMatch(f: Form): PathRead {
  switch (f.kind) {
    case 'root': return read({ kind: 'Prefix', value: '/' });
    case 'sep':
    case 'tail': return read({ kind: 'Prefix', value: f.literal });
    case 'exact': return read({ kind: 'Exact', value: f.literal });
    case 'regex': return f.read;
  }
}

/** rewrite-target's literal form (its validation without '$'). */
const LITERAL_TARGET = /^\/[-._~a-zA-Z0-9/:]*$/;

export interface RewriteRead {
  readonly paths: readonly PathRead[];
  readonly rewrite?: PathModifierIR;
  /** Why the rewrite cannot be imported (its paths are then plain regexes). */
  readonly reason?: string;
}

/**
 * The paths and rewrite of an Ingress with `rewrite-target` (every path is a regex; nginx
 * rewrites with `rewrite "(?i)<path>" <target> break`). Imported only where exactly one of
 * `Rewrite.replacePrefix` / `replaceFullPath`:
 *
 * - a literal target replaces the whole path (any match);
 * - `/$2` with `L(/|$)(.*)` paths replaces the prefix L with '/'; `/$1` with `/(.*)` likewise;
 * - `R$1$2` with `L(/|$)(.*)` or `L(/.*)?$` replaces the prefix L with R;
 * - Exact paths (`L$`) go along with any of them (the whole path is the prefix).
 *
 * L is a literal matched case-sensitively (`/(?-i)api`, or no letters).
 */
export function rewritePaths(target: string, paths: readonly string[]): RewriteRead {
  const forms = paths.map(formOf);
  const asRead = forms.map(formMatch);
  const allowed = (kinds: ReadonlyArray<Form['kind']>) => forms.every(f => kinds.includes(f.kind));
  if (LITERAL_TARGET.test(target)) return { paths: asRead, rewrite: { kind: 'full', value: target } };
  if (target === '/$2' && allowed(['sep', 'exact'])) return { paths: asRead, rewrite: { kind: 'prefix', value: '/' } };
  if (target === '/$1' && allowed(['root', 'exact'])) return { paths: asRead, rewrite: { kind: 'prefix', value: '/' } };
  const m = /^(\/[-._~a-zA-Z0-9/:]*)\$1\$2$/.exec(target);
  if (m && m[1] !== '/' && !m[1].endsWith('/') && allowed(['sep', 'tail', 'exact'])) return { paths: asRead, rewrite: { kind: 'prefix', value: m[1] } };
  return {
    paths: paths.map(p => regexPath(p, 'rewrite-target')),
    reason: `'${target}' with the paths ${paths.map(p => `'${p}'`).join(', ')} is not exactly a prefix or full-path replacement: `
      + 'imported are a literal target, or /$2 (R$1$2) with paths L(/|$)(.*) where L is a literal nginx matches case-sensitively (e.g. /(?-i)api, or no letters)',
  };
}
