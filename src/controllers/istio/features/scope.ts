import { isWildcardHost } from '../../../core/hosts';
import { GatewayIR, MatchIR, PathIR, RouteIR } from '../../../ir/model';
import { suffixWildcard } from '../../common/wildcard';
import { CATCH_ALL } from '../../gateway-api/extension';
import { Operation } from '../api';

/**
 * Istio policies attach to the whole Gateway, so each is scoped to the requests its route serves
 * with `to[].operation`: the route's hosts (also with any port: `host:*`, or a client could step
 * around a DENY), its paths and methods. Requests a more specific route of the same gateway takes
 * are subtracted (`notHosts`, `notPaths`) unless that route carries the same policy; where that
 * cannot be written exactly, the route is refused. Routes other ApiGateways attach to the same
 * Gateway are not known here.
 */

/** What another route must share with this one for an overlap to be harmless. */
export type Signature = (route: RouteIR) => string;

type Rank = [number, number, number, number, number];

function rank(m: MatchIR): Rank {
  const p = m.path;
  // Exact before Prefix; a regular-expression path is never ranked (refused on the route itself, or before comparing: scope()).
  const type = p.kind === 'Exact' ? 1 : 0;
  return [type, p.value.length, m.method ? 1 : 0, m.headers.length, m.queryParams.length];
}

function compare(a: Rank, b: Rank): number {
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return a[i] - b[i];
  return 0;
}

/** Whether prefix `p` (Gateway API, element-wise) covers path `x`. */
function covers(p: string, x: string): boolean {
  return p === '/' || x === p || x.startsWith(`${p}/`);
}

/** Whether some request can match both paths (regular expressions: assumed so). */
function pathsOverlap(a: PathIR, b: PathIR): boolean {
  if (a.kind === 'RegularExpression' || b.kind === 'RegularExpression') return true;
  if (a.kind === 'Exact' && b.kind === 'Exact') return a.value === b.value;
  if (a.kind === 'Exact') return covers(b.value, a.value);
  if (b.kind === 'Exact') return covers(a.value, b.value);
  return covers(a.value, b.value) || covers(b.value, a.value);
}

function isPure(m: MatchIR): boolean {
  return m.path.kind !== 'RegularExpression' && !m.method && m.headers.length === 0 && m.queryParams.length === 0;
}

/** Istio path patterns for a Gateway API path (undefined: every path). */
export function pathPatterns(p: PathIR): string[] | undefined {
  if (p.kind === 'Exact') return [p.value];
  if (p.value === '/') return undefined;
  return [p.value, `${p.value}/*`];
}

/** Istio host patterns for a hostname, with and without a port. */
export function hostPatterns(host: string): string[] {
  const h = suffixWildcard(host);
  return [h, `${h}:*`];
}

/** Why the route's own matches cannot be reproduced in an AuthorizationPolicy operation. */
export function ownScopeProblem(route: RouteIR): string | undefined {
  if (route.hosts.some(isWildcardHost)) {
    return `Istio cannot match a wildcard host together with a port (${route.hosts.find(isWildcardHost)}:443), so clients could step around the policy; list the hostnames`;
  }
  for (const m of route.matches) {
    if (m.path.kind === 'RegularExpression') return 'Istio\'s AuthorizationPolicy cannot match a regular-expression path, so the policy cannot be scoped to this route';
    if (m.headers.length > 0) return 'Istio\'s AuthorizationPolicy operation cannot match request headers, so the policy cannot be scoped to this route';
    if (m.queryParams.length > 0) return 'Istio\'s AuthorizationPolicy cannot match query parameters, so the policy cannot be scoped to this route';
  }
  return undefined;
}

interface Others {
  readonly routes: ReadonlyArray<{ source: string; hosts: readonly string[]; matches: readonly MatchIR[] }>;
}

function others(route: RouteIR, ir: GatewayIR, signature: Signature): Others {
  const sig = signature(route);
  const routes: Array<{ source: string; hosts: readonly string[]; matches: readonly MatchIR[] }> = ir.routes
    .filter(r => r.source !== route.source && signature(r) !== sig)
    .map(r => ({ source: r.source, hosts: r.hosts, matches: r.matches }));
  if (ir.defaultBackend && ir.defaultBackendSource) routes.push({ source: ir.defaultBackendSource, hosts: [], matches: [CATCH_ALL] });
  return { routes };
}

/**
 * The operations a route's policy applies to, or the reason they cannot be written exactly.
 * `signature` identifies routes carrying the same policy (their overlap needs no subtraction).
 */
export function scope(route: RouteIR, ir: GatewayIR, signature: Signature): { operations?: Operation[]; problem?: string } {
  const own = ownScopeProblem(route);
  if (own) return { problem: own };
  const { routes } = others(route, ir, signature);
  const notHosts = new Set<string>();
  // Host groups: every host (the route has none), or each of its hostnames.
  const groups: Array<string | undefined> = route.hosts.length > 0 ? [...route.hosts] : [undefined];
  for (const b of routes) {
    if (route.hosts.length === 0) {
      const wildcard = b.hosts.find(isWildcardHost);
      if (wildcard) return { problem: `route [${b.source}] takes every request for '${wildcard}' (a more specific hostname), which Istio cannot subtract together with a port; give this route hostnames, or [${b.source}] the same policy` };
      b.hosts.forEach(h => notHosts.add(h));
    }
  }
  const operations: Operation[] = [];
  for (const m of route.matches) {
    // hosts (undefined: all) -> notPaths, grouped so hosts with the same subtractions share an operation.
    const byNotPaths = new Map<string, { hosts: string[]; notPaths: string[] }>();
    for (const host of groups) {
      const notPaths = new Set<string>();
      for (const b of routes) {
        const shares = host === undefined ? b.hosts.length === 0 : b.hosts.includes(host);
        if (!shares) continue;
        for (const bm of b.matches) {
          if (!pathsOverlap(m.path, bm.path)) continue;
          if (m.method && bm.method && m.method !== bm.method) continue;
          if (bm.path.kind === 'RegularExpression') {
            return { problem: `route [${b.source}] has a regular-expression path that may take some of this route's requests (precedence is implementation-specific); give it the same policy, or make the paths disjoint` };
          }
          const c = compare(rank(bm), rank(m));
          if (c < 0) continue;
          if (c === 0 || !isPure(bm)) {
            return { problem: `route [${b.source}] (${bm.path.kind} '${bm.path.value}'${bm.method ? ` ${bm.method}` : ''}) takes some of the requests this route matches, and Istio cannot subtract them exactly; give it the same policy, or make the routes' hosts or paths disjoint` };
          }
          pathPatterns(bm.path)?.forEach(p => notPaths.add(p));
        }
      }
      const sorted = [...notPaths].sort();
      const key = sorted.join('\n');
      const entry = byNotPaths.get(key) ?? { hosts: [], notPaths: sorted };
      if (host !== undefined) entry.hosts.push(host);
      byNotPaths.set(key, entry);
    }
    for (const { hosts, notPaths } of byNotPaths.values()) {
      operations.push({
        hosts: hosts.length > 0 ? hosts.flatMap(hostPatterns) : undefined,
        notHosts: notHosts.size > 0 ? [...notHosts].sort().flatMap(hostPatterns) : undefined,
        methods: m.method ? [m.method] : undefined,
        paths: pathPatterns(m.path),
        notPaths: notPaths.length > 0 ? notPaths : undefined,
      });
    }
  }
  return { operations };
}
