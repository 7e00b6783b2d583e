import { MatchIR } from '../../../ir/model';

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
 *   1. host: exact host (2) > wildcard host (1) > no host (0)
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
 * kind + below <= 7,024,756 < host unit 10,000,000). The maximum (~27M) stays far below
 * MaxInt32 - 1000, the range Traefik reserves for its internal routers, and never reaches 0
 * (which Traefik reads as "use the rule length"). The gateway default backend uses priority 1.
 */
export function routePriority(host: string | undefined, m: MatchIR, extraHeaders = 0): number {
  const hostRank = host === undefined ? 0 : host.startsWith('*.') ? 1 : 2;
  const kindRank = m.path.kind === 'Exact' ? 3 : m.path.kind === 'Prefix' ? 2 : 1;
  return hostRank * 10_000_000
    + kindRank * 2_000_000
    + Math.min(m.path.value.length, MAX_PATH) * 1_000
    + (m.method ? 400 : 0)
    + Math.min(m.headers.length + extraHeaders, MAX_CONDITIONS + 1) * 20
    + Math.min(m.queryParams.length, MAX_CONDITIONS);
}

/**
 * The lowest priority of a host's rank (exact 2, wildcard 1): above every router of a less
 * specific host (their maximum stays below the next rank's unit), below every router declared
 * for this host (their path kind alone adds at least 2,000,000). The TlsHost's HTTPS-redirect
 * router uses it, so a route's own routers for the host always win over that fallback.
 */
export function hostFallbackPriority(host: string): number {
  return (host.startsWith('*.') ? 1 : 2) * 10_000_000 + 1;
}
