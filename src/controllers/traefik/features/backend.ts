import { unsupportedMessage } from '../../../capabilities/check';
import { joinName } from '../../../core/names';
import { BackendIR, GatewayIR, RouteIR } from '../../../ir/model';
import { SessionAffinityIR } from '../../../ir/policies';
import { RenderProblem } from '../../renderer';
import { ServiceSettings, StickyCookie } from '../api';
import { SERVER_SCHEMES } from '../constants';


/** `ServersTransport.spec` (fields we emit). */
export interface ServersTransportSpec {
  readonly forwardingTimeouts: { readonly dialTimeout: string };
}

/**
 * Whether the route needs its own ServersTransport for the connect timeout (decided from the
 * RouteIR: allocation). A re-encrypted backend has a ServersTransport of its own, which carries
 * the connect timeout too (features/tls.ts), so only backends without tls use the route's.
 */
export function needsServersTransport(route: RouteIR): boolean {
  return route.backends.some(b => !b.tls) && route.policies.timeouts?.connectMs !== undefined;
}

/** The name of the route's own ServersTransport (connect timeout), when it has one. */
export function routeTransportName(route: RouteIR): string | undefined {
  return needsServersTransport(route) ? joinName([route.name, 'transport']) : undefined;
}

/** Milliseconds as a Go duration (whole seconds when exact). */
export function goDuration(ms: number): string {
  return ms % 1000 === 0 ? `${ms / 1000}s` : `${ms}ms`;
}

/** Connect timeout: `forwardingTimeouts.dialTimeout` of a ServersTransport of the route's namespace. */
export function serversTransportSpec(route: RouteIR): ServersTransportSpec {
  return { forwardingTimeouts: { dialTimeout: goDuration(route.policies.timeouts!.connectMs!) } };
}

/**
 * The server scheme: HTTPS and gRPC over TLS → `https` (HTTP/2 is negotiated with ALPN), gRPC
 * and h2c → `h2c`. HTTP and WebSocket need nothing (Traefik proxies upgrades natively). A backend
 * with `tls` (re-encryption) is always `https`, gRPC included (h2c with tls is refused by Route).
 */
function scheme(route: RouteIR, b: BackendIR): string | undefined {
  if (b.tls) return SERVER_SCHEMES.https;
  switch (route.policies.backendProtocol?.protocol) {
    case 'HTTPS':
    case 'GRPCS':
      return SERVER_SCHEMES.https;
    case 'GRPC':
    case 'H2C':
      return SERVER_SCHEMES.h2c;
    default:
      return undefined;
  }
}

/**
 * Sticky sessions: `sticky.cookie` on the service's load balancer (its pods). Secure and
 * HttpOnly are always written (Traefik's defaults are false, ours true); no `maxAge` gives a
 * session cookie.
 */
function sticky(s: SessionAffinityIR): { cookie: StickyCookie } {
  return {
    cookie: { name: s.cookieName, secure: s.secure, httpOnly: s.httpOnly, sameSite: s.sameSite, maxAge: s.ttlSeconds, path: s.path },
  };
}

/**
 * The settings of one backend's service entry. `serversTransport`: the route's own (connect
 * timeout); a re-encrypted backend uses its own ServersTransport instead (`tlsTransport`).
 */
export function serviceSettings(
  route: RouteIR, b: BackendIR, serversTransport: string | undefined, tlsTransport: (b: BackendIR) => string,
): ServiceSettings {
  const affinity = route.policies.sessionAffinity;
  return {
    scheme: scheme(route, b),
    serversTransport: b.tls ? tlsTransport(b) : serversTransport,
    sticky: affinity ? sticky(affinity) : undefined,
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
