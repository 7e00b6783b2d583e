import { Emitted, NginxFeature, emit, refuse } from './emitted';
import { GatewayIR, RouteIR } from '../../../ir/model';
import { RenderProblem } from '../../renderer';

/** The status ingress-nginx answers force-ssl-redirect with (its controller-wide `http-redirect-code`). */
export const HTTPS_REDIRECT_STATUS = 308;

function httpsOnly(route: RouteIR): boolean {
  const r = route.policies.redirect;
  return r !== undefined && r.scheme === 'https' && !r.host && r.port === undefined && !r.path;
}

/**
 * Whether the route's Ingress carries `force-ssl-redirect` (its own `Redirect.toHttps()` with a
 * backend). The TlsHost's `ssl-redirect` is then left out (features/tls.ts): one redirect.
 */
export function forcesHttps(route: RouteIR): boolean {
  return httpsOnly(route) && route.backends.length > 0;
}

/**
 * `Redirect.toHttps()`: `force-ssl-redirect: "true"` on the route's Ingress. Plain HTTP requests
 * are redirected with 308 (the controller-wide `http-redirect-code`), HTTPS requests go to the
 * backend. ingress-nginx has no redirect that keeps the request path to another host, port or
 * path (permanent-redirect sends every request to one fixed URL): the matrix refuses those.
 */
export const REDIRECT: NginxFeature = {
  annotations(route: RouteIR): Emitted[] {
    const r = route.policies.redirect;
    // Redirect.toUrl: nginx `return <code> <url>;` before any proxying, so the path's backend gets nothing.
    if (r?.url !== undefined) {
      return [
        emit('permanentRedirect', r.url, 'redirectUrl', 'redirect', r.source),
        emit('permanentRedirectCode', String(r.statusCode), 'redirectUrl', 'redirect.statusCode', r.source),
      ];
    }
    if (!r || !forcesHttps(route)) return [];
    return [emit('forceSslRedirect', 'true', 'redirectScheme', 'redirect', r.source)];
  },

  problems(route: RouteIR, gw: GatewayIR): RenderProblem[] {
    const r = route.policies.redirect;
    if (r?.url !== undefined && route.backends.length === 0) {
      return [refuse(gw, r.source, 'redirectUrl', 'redirect',
        'an Ingress path needs a backend Service even when nginx answers every request itself; give the route one backend (it receives nothing)')];
    }
    if (!r || !r.scheme) return [];
    const out: RenderProblem[] = [];
    if (r.scheme !== 'https') {
      out.push(refuse(gw, r.source, 'redirectScheme', 'redirect.scheme', `it only redirects plain HTTP to HTTPS (force-ssl-redirect); '${r.scheme}' given`));
    } else if (httpsOnly(route) && r.statusCode !== HTTPS_REDIRECT_STATUS) {
      out.push(refuse(gw, r.source, 'redirectScheme', 'redirect.statusCode',
        `it answers the HTTPS redirect with its controller-wide http-redirect-code (308 by default), not per route; ${r.statusCode} given, use RedirectStatus.PERMANENT_REDIRECT`));
    }
    if (httpsOnly(route) && route.backends.length === 0) {
      out.push(refuse(gw, r.source, 'redirectScheme', 'redirect',
        'it redirects to HTTPS from an Ingress that also serves the HTTPS requests, so the route needs a backend'));
    }
    return out;
  },
};
