import { unsupportedMessage } from '../../../capabilities/check';
import { joinName } from '../../../core/names';
import { GatewayIR, HstsIR, RouteIR, TlsHostIR } from '../../../ir/model';
import { certificateFor, hstsHeaderValue, disagreement } from '../../common/tls';
import { RenderProblem } from '../../renderer';
import { ANNOTATIONS, HTTP_ONLY, HTTPS_ONLY, PLUGINS, REFUSE_PLAIN_HTTP_STATUS, TLS_HTTPS_REDIRECT_STATUS } from '../constants';

/** The KongPlugin a TlsHost with HSTS owns; its name carries the plugin type, which is immutable. */
export function hstsPluginName(tls: TlsHostIR): string {
  return joinName([tls.name, 'hsts', PLUGINS.responseTransformer]);
}

/** `Strict-Transport-Security:<value>`, as Kong's transformers read a header. */
export function hstsHeaderPair(hsts: HstsIR): string {
  return `Strict-Transport-Security:${hstsHeaderValue(hsts)}`;
}

/** `response-transformer` with replace + add: the header is set whether or not the backend sent one. */
export function hstsPluginConfig(tls: TlsHostIR): Record<string, unknown> {
  const header = [hstsHeaderPair(tls.hsts!)];
  return { add: { headers: header }, replace: { headers: header } };
}

/** The TlsHosts of the route's hosts (those with a certificate). */
function routeTlsHosts(hosts: readonly string[], tlsHosts: readonly TlsHostIR[]): TlsHostIR[] {
  return hosts.map(h => certificateFor(h, tlsHosts)).filter((t): t is TlsHostIR => t !== undefined);
}

/** The HSTS setting of the route's hosts (they all agree: `kongTlsProblems`), if any. */
export function routeHsts(hosts: readonly string[], tlsHosts: readonly TlsHostIR[]): HstsIR | undefined {
  return routeTlsHosts(hosts, tlsHosts).find(t => t.hsts)?.hsts;
}

/**
 * Kong runs one plugin instance per type on a route. A route whose `headerRules.response` renders
 * its own `response-transformer` KongPlugin carries the HSTS header in that plugin (see
 * features/headers.ts); only a route without one references the TlsHost's HSTS plugin.
 */
export function hstsInRoutePlugin(route: RouteIR): boolean {
  return route.policies.headers?.response !== undefined;
}

/**
 * Whether the route's own setting decides its protocols: `Redirect.toHttps()` (features/redirect.ts),
 * `RouteProtocols.HTTPS_ONLY` (426, below) or `RouteProtocols.HTTP_ONLY`.
 */
export function routeSetsProtocols(route: RouteIR): boolean {
  return route.policies.redirect?.scheme === 'https' || route.protocols !== undefined;
}

/**
 * The TlsHost's default HTTPS redirect: the route accepts `https` only and Kong redirects plain
 * HTTP with 308. Left out when the route has its own `Redirect.toHttps()`: the route's
 * annotations (features/redirect.ts) set the same keys with the route's status code, so one
 * redirect is rendered and the explicit setting decides its status (it also wins over a TlsHost's
 * `httpsRedirect: false`).
 */
export function kongTlsRedirectAnnotations(route: RouteIR, hosts: readonly string[], tlsHosts: readonly TlsHostIR[]): Record<string, string> {
  // RouteProtocols.HTTPS_ONLY: Kong answers plain HTTP with the status itself, 426 Upgrade Required (no Location).
  if (route.protocols === 'https') return { [ANNOTATIONS.protocols]: HTTPS_ONLY, [ANNOTATIONS.httpsRedirectStatusCode]: REFUSE_PLAIN_HTTP_STATUS };
  // RouteProtocols.HTTP_ONLY: the Kong route matches plain HTTP only (its hosts do not redirect: checks/tls.ts).
  if (route.protocols === 'http') return { [ANNOTATIONS.protocols]: HTTP_ONLY };
  const tls = routeTlsHosts(hosts, tlsHosts);
  if (routeSetsProtocols(route) || tls.length === 0 || !tls[0].httpsRedirect) return {};
  return { [ANNOTATIONS.protocols]: HTTPS_ONLY, [ANNOTATIONS.httpsRedirectStatusCode]: TLS_HTTPS_REDIRECT_STATUS };
}

/** The TlsHost-owned KongPlugins an Ingress for `hosts` references (HSTS). */
export function tlsPluginNames(route: RouteIR, hosts: readonly string[], tlsHosts: readonly TlsHostIR[]): string[] {
  if (hstsInRoutePlugin(route)) return [];
  const hsts = routeTlsHosts(hosts, tlsHosts).find(t => t.hsts);
  return hsts ? [hstsPluginName(hsts)] : [];
}

/** Whether an Ingress of the output references the TlsHost's HSTS KongPlugin (a route's, or a header canary's). */
export function hstsPluginReferenced(tls: TlsHostIR, ir: GatewayIR): boolean {
  const name = hstsPluginName(tls);
  const routes = new Map(ir.routes.map(r => [r.source, r]));
  return ir.routes.some(r => tlsPluginNames(r, r.hosts, ir.tlsHosts).includes(name))
    || ir.canaries.some(c => tlsPluginNames(routes.get(c.route)!, c.hosts, ir.tlsHosts).includes(name));
}

function redirectNeed(h: string, tlsHosts: readonly TlsHostIR[]): string {
  const t = certificateFor(h, tlsHosts);
  return t && t.httpsRedirect ? 'the HTTPS redirect' : t ? 'HTTPS and plain HTTP' : 'plain HTTP';
}

/**
 * Kong applies `konghq.com/protocols` and plugins to the whole route: a route (Ingress or
 * HTTPRoute) cannot mix a redirected host with one served over plain HTTP, nor hosts with
 * different HSTS settings. A route with its own `Redirect.toHttps()` or `RouteProtocols.HTTPS_ONLY`
 * decides for every host.
 */
export function kongTlsProblems(controller: 'kong' | 'kong-gateway-api', ir: GatewayIR, checkHsts: boolean): RenderProblem[] {
  const problems: RenderProblem[] = [];
  const what = controller === 'kong' ? 'Ingress' : 'HTTPRoute';
  for (const route of ir.routes) {
    const redirect = !routeSetsProtocols(route) && route.hosts.length > 0 && route.hosts.some(h => certificateFor(h, ir.tlsHosts)?.httpsRedirect)
      ? disagreement(route.hosts, h => redirectNeed(h, ir.tlsHosts)) : undefined;
    if (redirect) {
      problems.push({
        source: route.source,
        message: unsupportedMessage(controller, 'httpsRedirect', 'httpsRedirect',
          `konghq.com/protocols applies to a whole ${what}, and this route serves '${redirect.host}' (${redirect.value}) and '${redirect.otherHost}' (${redirect.otherValue}); put them on separate routes`),
      });
    }
    const hsts = checkHsts ? disagreement(route.hosts, h => {
      const t = certificateFor(h, ir.tlsHosts);
      return t ? (t.hsts ? hstsHeaderValue(t.hsts) : 'no HSTS') : undefined;
    }) : undefined;
    if (hsts) {
      problems.push({
        source: route.source,
        message: unsupportedMessage(controller, 'hsts', 'hsts',
          `plugins apply to a whole ${what}, and this route serves '${hsts.host}' (${hsts.value}) and '${hsts.otherHost}' (${hsts.otherValue}); put them on separate routes`),
      });
    }
  }
  return problems;
}
