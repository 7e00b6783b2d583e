import { Emitted, NginxFeature, emit, refuse } from './emitted';
import { GatewayIR, MatchIR, RouteIR } from '../../../ir/model';
import { IngressPath } from '../../common/ingress';
import { RenderProblem } from '../../renderer';

/**
 * Path rewrites with `rewrite-target`. ingress-nginx renders
 * `rewrite "(?i)<path>" <target> break;` in the location, and as soon as one Ingress of a host
 * has a rewrite-target every location of that host becomes a case-insensitive regex
 * (`location ~* "^<path>"`), exactly as with use-regex. So a rewriting route's paths are
 * rendered as regexes that keep their meaning:
 *
 * - the literal part is matched case-sensitively (`(?-i)` right after the leading '/'), with '.'
 *   escaped (strict path validation leaves only `[A-Za-z0-9._-/]` in literal paths);
 * - Prefix `/api` (element-wise) is `/(?-i)api(/|$)(.*)`: `$1` is the separator, `$2` the rest;
 * - Exact `/status` is `/(?-i)status$`; a regex path keeps its own form (`p$`).
 *
 * Targets: replacing the prefix with `/` is `/$2` (`/api` -> `/`, `/api/x` -> `/x`); with `/new`
 * it is `/new$1$2` (`/api` -> `/new`, `/api/x` -> `/new/x`); a full path replacement is the
 * literal path. The query string is kept by nginx. Other routes on the host must not have
 * literal paths (see paths.ts).
 */

/** Characters a literal target may contain: rewrite-target's RegexPathWithCapture without '$'. */
const TARGET = /^\/[-._~a-zA-Z0-9/:]*$/;

export function rewritesPath(route: RouteIR): boolean {
  return route.policies.rewrite?.path !== undefined;
}

function literalRegex(path: string): string {
  const rest = path.slice(1).replace(/\./g, '\\.');
  return `/${/[A-Za-z]/.test(rest) ? '(?-i)' : ''}${rest}`;
}

/** The regex location of one match of a rewriting route. */
export function rewritePath(route: RouteIR, m: MatchIR): IngressPath {
  const kind = route.policies.rewrite?.path?.kind;
  const p = m.path;
  let path: string;
  if (p.kind === 'RegularExpression') {
    path = `${p.value}$`;
  } else if (p.kind === 'Exact') {
    path = `${literalRegex(p.value)}$`;
  } else if (p.value === '/') {
    path = '/(.*)';
  } else if (kind === 'prefix') {
    path = `${literalRegex(p.value)}(/|$)(.*)`;
  } else {
    path = `${literalRegex(p.value)}(/.*)?$`;
  }
  return { path, pathType: 'ImplementationSpecific' };
}

/** The rewrite-target value for the route's (single Prefix match, or any) paths. */
export function rewriteTarget(route: RouteIR): string | undefined {
  const modifier = route.policies.rewrite?.path;
  if (!modifier) return undefined;
  if (modifier.kind === 'full') return modifier.value;
  const prefix = route.matches[0]?.path;
  if (prefix?.kind === 'Prefix' && prefix.value === '/') return modifier.value === '/' ? '/$1' : `${modifier.value}/$1`;
  return modifier.value === '/' ? '/$2' : `${modifier.value}$1$2`;
}

export const REWRITE: NginxFeature = {
  annotations(route: RouteIR): Emitted[] {
    const w = route.policies.rewrite;
    if (!w) return [];
    const out: Emitted[] = [];
    const target = rewriteTarget(route);
    if (target !== undefined && w.path) {
      out.push(emit('rewriteTarget', target, w.path.kind === 'prefix' ? 'rewritePrefix' : 'rewriteFullPath', 'rewrite', w.source));
    }
    if (w.host) out.push(emit('upstreamVhost', w.host, 'rewriteHost', 'rewrite', w.source));
    return out;
  },

  problems(route: RouteIR, gw: GatewayIR): RenderProblem[] {
    const w = route.policies.rewrite;
    if (!w?.path) return [];
    const feature = w.path.kind === 'prefix' ? 'rewritePrefix' : 'rewriteFullPath';
    const out: RenderProblem[] = [];
    if (!TARGET.test(w.path.value)) {
      out.push(refuse(gw, w.source, feature, 'rewrite',
        `rewrite-target accepts only letters, digits and '-', '.', '_', '~', '/', ':' in a literal path ('${w.path.value}' given)`));
    }
    const first = route.matches[0]?.path;
    if (w.path.kind === 'prefix' && first?.kind === 'Prefix' && first.value === '/' && w.path.value !== '/') {
      out.push(refuse(gw, w.source, feature, 'rewrite',
        `rewrite-target cannot put '${w.path.value}' in front of every path exactly ('/' would become '${w.path.value}/'); match a more specific prefix`));
    }
    return out;
  },
};
