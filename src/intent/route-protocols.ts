import { show } from '../core/errors';

/**
 * The schemes a route is served on, when it differs from what its hosts' TlsHost says (HTTPS,
 * with plain HTTP redirected or also served).
 */
export enum RouteProtocols {
  /**
   * HTTPS only, and plain HTTP is refused rather than redirected: a plain-HTTP request matching
   * the route gets `426 Upgrade Required` and reaches no backend (no other route either). To
   * redirect instead, use `Redirect.toHttps()`.
   */
  HTTPS_ONLY = 'https-only',
}

/**
 * Validates `Route.protocols`: the IR's scheme list, or the problem.
 * @internal
 */
export function routeProtocolsIR(value: unknown, redirects: boolean): { ir?: 'https'; problem?: string } {
  if (value === undefined) return {};
  if (value !== RouteProtocols.HTTPS_ONLY) return { problem: `Route.protocols: ${show(value)} is not a RouteProtocols value (HTTPS_ONLY)` };
  if (redirects) return { problem: 'Route.protocols: HTTPS_ONLY refuses plain HTTP, and the route\'s redirect answers it; remove one of them (Redirect.toHttps() redirects instead of refusing)' };
  return { ir: 'https' };
}
