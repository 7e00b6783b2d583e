import { unsupportedMessage } from '../../../capabilities/check';
import { hostPatternsOverlap, isAnyDepthHost } from '../../../core/hosts';
import { MatchIR, RouteIR } from '../../../ir/model';
import { RenderProblem } from '../../renderer';

/** Upper bounds the intent layer enforces (longer paths / more conditions are refused there). */
const MAX_PATH = 1024;
const MAX_CONDITIONS = 16;

/**
 * Explicit router priority for one (host, match).
 *
 * Why: Traefik tries routers in order of `priority`, which defaults to the LENGTH OF THE RULE
 * string. That is not Gateway API precedence: e.g. Exact `/v1/` (rule ``Path(`/v1/`)``) is shorter
 * than Prefix `/v1` (rule ``(Path(`/v1`) || PathPrefix(`/v1/`))``), so the prefix would take a
 * request for `/v1/` that the exact match must win. Every router we emit therefore carries a
 * priority computed from Gateway API's order of precedence:
 *
 *   1. host: exact host > one-label wildcard (`*.`) > any-depth wildcard (`**.`) > no host
 *   2. path kind: Exact (3) > Prefix (2) > RegularExpression (1)
 *   3. longer path value (at most 1024 characters)
 *   4. a method condition
 *   5. more header conditions (at most 16)
 *   6. more query parameter conditions (at most 16)
 *
 * A header or cookie canary counts its condition as one more header, so it outranks its stable
 * route exactly as Gateway API's "more header matches" rule does (hence up to 17 headers).
 *
 * Each component's unit exceeds the largest possible sum of all lower components, so the order
 * is strictly lexicographic (query <= 16 < header unit 20; headers + query <= 356 < method 400;
 * method + headers + query <= 756 < path unit 1000; path part <= 1,024,756 < kind unit 2,000,000;
 * kind + below <= 7,024,756). Host tiers start at HOST_BASE: each tier's routers lie in
 * [base + 2,001,000, base + 7,024,756], and each tier's fallback (base + 1) lies above the
 * tier below: no host [2.0M, 7.03M], `**.` [7.1M, 12.13M], `*.` fallback 12.5M + 1 and routers
 * [14.5M, 19.53M], exact fallback 20M + 1 and routers [22.0M, 27.03M]. Any-depth wildcards of
 * different depths share a tier: the renderer refuses two that overlap (see
 * `anyDepthOverlapProblems`). The maximum (~27M) stays far below
 * MaxInt32 - 1000, the range Traefik reserves for its internal routers, and never reaches 0
 * (which Traefik reads as "use the rule length"). The gateway default backend uses priority 1.
 */
export function routePriority(host: string | undefined, m: MatchIR, extraHeaders = 0): number {
  const kindRank = m.path.kind === 'Exact' ? 3 : m.path.kind === 'Prefix' ? 2 : 1;
  return hostBase(host)
    + kindRank * 2_000_000
    + Math.min(m.path.value.length, MAX_PATH) * 1_000
    + (m.method ? 400 : 0)
    + Math.min(m.headers.length + extraHeaders, MAX_CONDITIONS + 1) * 20
    + Math.min(m.queryParams.length, MAX_CONDITIONS);
}

/** Where a host's tier starts (see routePriority). */
const HOST_BASE = { none: 0, anyDepth: 5_100_000, oneLabel: 12_500_000, exact: 20_000_000 } as const;

function hostBase(host: string | undefined): number {
  if (host === undefined) return HOST_BASE.none;
  return isAnyDepthHost(host) ? HOST_BASE.anyDepth : host.startsWith('*.') ? HOST_BASE.oneLabel : HOST_BASE.exact;
}

/**
 * The lowest priority of a host's tier (exact, one-label wildcard): above every router of a less
 * specific host (their maximum stays below this tier's base + 1), below every router declared
 * for this host (their path kind alone adds at least 2,000,000). The TlsHost's HTTPS-redirect
 * router uses it, so a route's own routers for the host always win over that fallback.
 */
export function hostFallbackPriority(host: string): number {
  return hostBase(host) + 1;
}

/**
 * Any-depth wildcards of different depths share one priority tier, so where two routes' `**.`
 * hosts overlap (`**.example.com` and `**.api.example.com`), neither would reliably rank first:
 * refused (the same host on both routes is a conflict the whole-gateway checks handle).
 */
export function anyDepthOverlapProblems(routes: readonly RouteIR[]): RenderProblem[] {
  const problems: RenderProblem[] = [];
  const seen: Array<{ host: string; source: string }> = [];
  for (const r of routes) {
    const own = r.hosts.filter(isAnyDepthHost);
    for (const host of own) {
      const other = seen.find(s => s.source !== r.source && s.host !== host && hostPatternsOverlap(s.host, host));
      if (other) {
        problems.push({
          source: r.source,
          message: unsupportedMessage('traefik', 'anyDepthWildcardHost', 'hosts',
            `'${host}' and '${other.host}' of [${other.source}] overlap, and Traefik ranks routers by one priority, where any-depth wildcards of different depths share one tier, so neither would reliably win; use one-label wildcards ('*.') for the deeper names, or one any-depth host`),
        });
        break;
      }
    }
    seen.push(...own.map(host => ({ host, source: r.source })));
  }
  return problems;
}
