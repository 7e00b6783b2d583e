import { unsupportedMessage } from '../../../capabilities/check';
import { joinName } from '../../../core/names';
import { BackendIR, GatewayIR, RouteIR } from '../../../ir/model';
import { RenderProblem } from '../../renderer';
import { ServiceSettings } from '../api';
import { SERVER_SCHEMES } from '../constants';
import { policyServersTransport, policyServiceSettings, ServersTransportSpec } from './policies';


/**
 * Whether the route needs its own ServersTransport for the connect timeout (decided from the
 * RouteIR: allocation). A re-encrypted backend has a ServersTransport of its own, which carries
 * the connect timeout too (features/tls.ts), so only backends without tls use the route's.
 */
export function needsServersTransport(route: RouteIR): boolean {
  return route.backends.some(b => !b.tls) && policyServersTransport(route) !== undefined;
}

/** The name of the route's own ServersTransport (connect timeout), when it has one. */
export function routeTransportName(route: RouteIR): string | undefined {
  return needsServersTransport(route) ? joinName([route.name, 'transport']) : undefined;
}

/** The route's own ServersTransport (connect timeout; see features/policies.ts). */
export function serversTransportSpec(route: RouteIR): ServersTransportSpec {
  return policyServersTransport(route)!;
}

/**
 * The settings of one backend's service entry: the route's policies (scheme of the backend
 * protocol, sticky cookie, the route's ServersTransport `serversTransport`), except that a
 * re-encrypted backend is always `https` (gRPC included: h2c with tls is refused by Route) and
 * uses its own ServersTransport (`tlsTransport`).
 */
export function serviceSettings(
  route: RouteIR, b: BackendIR, serversTransport: string | undefined, tlsTransport: (b: BackendIR) => string,
): ServiceSettings {
  const p = policyServiceSettings(route);
  return {
    scheme: b.tls ? SERVER_SCHEMES.https : p.scheme,
    serversTransport: b.tls ? tlsTransport(b) : serversTransport,
    sticky: p.sticky,
  };
}

/**
 * Several backends with session affinity: Traefik load-balances the listed services with a
 * weighted round robin that has no cookie of its own, so a client would stick to a pod within
 * each Service but still alternate between the Services.
 */
export function backendProblems(controller: 'traefik', ir: GatewayIR): RenderProblem[] {
  const problems: RenderProblem[] = [];
  for (const route of ir.routes) {
    const s = route.policies.sessionAffinity;
    if (!s || route.backends.length <= 1) continue;
    problems.push({
      source: route.source,
      message: unsupportedMessage(controller, 'sessionAffinityCookie', s.source === ir.source ? 'defaults.sessionAffinity' : 'sessionAffinity',
        'with several backends Traefik picks the Service per request without a cookie, so clients would not stick to one backend; use a single backend'),
    });
  }
  return problems;
}
