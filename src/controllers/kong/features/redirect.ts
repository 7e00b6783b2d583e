import { KongColumn, PluginSpec, policyProp } from './plugin';
import { unsupportedMessage } from '../../../capabilities/check';
import { GatewayIR, RouteIR } from '../../../ir/model';
import { certificateFor } from '../../common/tls';
import { RenderProblem } from '../../renderer';
import { ANNOTATIONS, HTTPS_ONLY, HTTPS_REDIRECT_CODES, PLUGINS } from '../constants';

/**
 * HTTPS redirect on Kong (Ingress annotations, or HTTPRoute annotations in Gateway API mode): the route accepts only `https`, and Kong answers plain-HTTP
 * requests with a redirect to the same URL over HTTPS, with the given status. On a TlsHost's
 * host this replaces the TlsHost's default redirect (features/tls.ts): one redirect, the route's
 * status code.
 */
export function redirectAnnotations(route: RouteIR): Record<string, string> {
  const r = route.policies.redirect;
  if (r?.scheme !== 'https') return {};
  return { [ANNOTATIONS.protocols]: HTTPS_ONLY, [ANNOTATIONS.httpsRedirectStatusCode]: String(r.statusCode) };
}

/**
 * `Redirect.toUrl(url, { statusCode })`: Kong's `redirect` plugin (Kong Gateway 3.9+). With
 * `keep_incoming_path: false` (its default, written out) the `Location` is exactly `location`: the
 * request's path and query are dropped. It runs in the access phase after the authentication,
 * IP-restriction and rate-limiting plugins (higher priorities), as Traefik runs a route's
 * middlewares before its redirect.
 */
export function redirectUrlPlugins(route: RouteIR): PluginSpec[] {
  const r = route.policies.redirect;
  if (r?.url === undefined) return [];
  const url = r.url;
  return [{ plugin: PLUGINS.redirect, config: () => ({ location: url, status_code: r.statusCode, keep_incoming_path: false }) }];
}

/** Kong Ingress: an Ingress path needs a backend Service even when the redirect plugin answers every request. */
export function redirectUrlProblems(ir: GatewayIR): RenderProblem[] {
  return ir.routes.filter(route => route.policies.redirect?.url !== undefined && route.backends.length === 0).map(route => ({
    source: route.policies.redirect!.source,
    message: unsupportedMessage('kong', 'redirectUrl', policyProp(ir, route.policies.redirect!.source, 'redirect'),
      'an Ingress path needs a backend Service even when Kong\'s redirect plugin answers every request; give the route one backend (it receives nothing), or use KongMode.GATEWAY_API'),
  }));
}

/**
 * Values of an HTTPS redirect Kong cannot express (both modes: the same route annotations). In
 * Gateway API mode the route's hosts also need a TlsHost: without one the owned Gateway has no
 * HTTPS listener for them, and Kong would redirect plain HTTP to a host it does not serve.
 */
export function redirectProblems(column: KongColumn, ir: GatewayIR, attached = false): RenderProblem[] {
  const problems: RenderProblem[] = [];
  for (const route of ir.routes) {
    const r = route.policies.redirect;
    // Host, port and path redirects are refused by the matrix whatever their scheme.
    if (!r?.scheme || r.host || r.port !== undefined || r.path) continue;
    const problem = (prop: string, reason: string) => problems.push({
      source: r.source,
      message: unsupportedMessage(column, 'redirectScheme', policyProp(ir, r.source, prop), reason),
    });
    if (r.scheme !== 'https') {
      problem('redirect.scheme', `Kong only redirects plain HTTP to HTTPS ('${r.scheme}' given)`);
    } else if (!HTTPS_REDIRECT_CODES.includes(r.statusCode)) {
      problem('redirect.statusCode', `Kong redirects plain HTTP to HTTPS with ${HTTPS_REDIRECT_CODES.join(', ')} only (${r.statusCode} given)`);
    }
    if (r.scheme === 'https' && route.backends.length === 0) {
      problem('redirect', 'Kong redirects only plain-HTTP requests and forwards HTTPS ones, so the route needs a backend; use Redirect.toHttps() with a backend');
    }
    const unserved = route.hosts.filter(h => certificateFor(h, ir.tlsHosts) === undefined);
    if (column === 'kong-gateway-api' && !attached && r.scheme === 'https' && route.backends.length > 0 && (route.hosts.length === 0 || unserved.length > 0)) {
      problems.push({
        source: r.source,
        message: `Route.redirect: Redirect.toHttps() serves the backend over HTTPS only, but no TlsHost covers ${route.hosts.length > 0 ? unserved.join(', ') : 'this route (it has no hosts)'}, so the Gateway has no HTTPS listener for it; add a TlsHost for the route's hosts`,
      });
    }
  }
  return problems;
}
