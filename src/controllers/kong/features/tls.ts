import { unsupportedMessage } from '../../../capabilities/check';
import { joinName } from '../../../core/names';
import { hstsHeaderValue } from '../../../intent/tls-options';
import { GatewayIR, TlsHostIR } from '../../../ir/model';
import { certificateFor, disagreement } from '../../common/tls';
import { RenderProblem } from '../../renderer';
import { ANNOTATIONS, HTTPS_ONLY, HTTPS_REDIRECT_STATUS, RESPONSE_TRANSFORMER } from '../annotations';

/** The KongPlugin a TlsHost with HSTS owns; its name carries the plugin type, which is immutable. */
export function hstsPluginName(tls: TlsHostIR): string {
  return joinName([tls.name, 'hsts', RESPONSE_TRANSFORMER]);
}

/** `response-transformer` with replace + add: the header is set whether or not the backend sent one. */
export function hstsPluginConfig(tls: TlsHostIR): Record<string, unknown> {
  const header = [`Strict-Transport-Security:${hstsHeaderValue(tls.hsts!)}`];
  return { add: { headers: header }, replace: { headers: header } };
}

/**
 * Route-wide settings from the TlsHosts of the route's hosts: HTTPS-only with a redirect
 * status, and the HSTS plugin. Kong reads both per route, i.e. per Ingress (or HTTPRoute).
 */
export function kongTlsAnnotations(hosts: readonly string[], tlsHosts: readonly TlsHostIR[], withPlugins: boolean): Record<string, string> {
  const out: Record<string, string> = {};
  const tls = hosts.map(h => certificateFor(h, tlsHosts)).filter((t): t is TlsHostIR => t !== undefined);
  if (tls.length > 0 && tls[0].httpsRedirect) {
    out[ANNOTATIONS.protocols] = HTTPS_ONLY;
    out[ANNOTATIONS.httpsRedirectStatusCode] = HTTPS_REDIRECT_STATUS;
  }
  const hsts = tls.find(t => t.hsts);
  if (withPlugins && hsts) out[ANNOTATIONS.plugins] = hstsPluginName(hsts);
  return out;
}

function redirectNeed(h: string, tlsHosts: readonly TlsHostIR[]): string {
  const t = certificateFor(h, tlsHosts);
  return t && t.httpsRedirect ? 'the HTTPS redirect' : t ? 'HTTPS and plain HTTP' : 'plain HTTP';
}

/**
 * Kong applies `konghq.com/protocols` and plugins to the whole route: a route (Ingress or
 * HTTPRoute) cannot mix a redirected host with one served over plain HTTP, nor hosts with
 * different HSTS settings.
 */
export function kongTlsProblems(controller: 'kong' | 'kong-gateway-api', ir: GatewayIR, checkHsts: boolean): RenderProblem[] {
  const problems: RenderProblem[] = [];
  const what = controller === 'kong' ? 'Ingress' : 'HTTPRoute';
  for (const route of ir.routes) {
    const redirect = route.hosts.length > 0 && route.hosts.some(h => certificateFor(h, ir.tlsHosts)?.httpsRedirect)
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
