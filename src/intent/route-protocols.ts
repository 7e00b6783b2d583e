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
  /**
   * Plain HTTP only: the route serves plain-HTTP requests, and HTTPS requests matching it are not
   * served by it (another route of the host serves them, or the gateway answers 404). Its hosts
   * must not redirect plain HTTP to HTTPS (a TlsHost with `httpsRedirect: false`, or no TlsHost),
   * and a route without hosts needs a gateway whose TlsHosts do not redirect.
   */
  HTTP_ONLY = 'http-only',
}

/**
 * Validates `Route.protocols`: the IR's scheme, or the problem.
 * @internal
 */
export function routeProtocolsIR(value: unknown, redirect: { readonly scheme?: string } | undefined): { ir?: 'https' | 'http'; problem?: string } {
  if (value === undefined) return {};
  if (value === RouteProtocols.HTTPS_ONLY) {
    if (redirect) return { problem: 'Route.protocols: HTTPS_ONLY refuses plain HTTP, and the route\'s redirect answers it; remove one of them (Redirect.toHttps() redirects instead of refusing)' };
    return { ir: 'https' };
  }
  if (value === RouteProtocols.HTTP_ONLY) {
    if (redirect?.scheme !== undefined) {
      return { problem: `Route.protocols: HTTP_ONLY serves plain HTTP only, and the route's redirect changes the scheme to ${redirect.scheme}; remove one of them` };
    }
    return { ir: 'http' };
  }
  return { problem: `Route.protocols: ${show(value)} is not a RouteProtocols value (HTTPS_ONLY, HTTP_ONLY)` };
}
