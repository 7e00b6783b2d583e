import { serversTransportSpec } from './backend';
import { crdReference } from './middlewares';
import { policyServersTransport } from './policies';
import { backendTlsTransportSpec } from './tls';
import { backendTlsFeatures, unsupportedMessage } from '../../../capabilities/check';
import { joinName } from '../../../core/names';
import { GatewayIR, RouteIR } from '../../../ir/model';
import { PoliciesIR } from '../../../ir/policies';
import { ServiceSideIR } from '../../../ir/service-side';
import type { RenderProblem } from '../../renderer';
import { SERVER_SCHEMES, SERVICE_ANNOTATIONS } from '../constants';

const where = (key: string) => `the Traefik Ingress provider reads it from the ${key} annotation on the Service`;

/**
 * The ServersTransport of a route on the Ingress output (connect timeout, backend TLS), when it
 * needs one: the route renders it, and the route's backend's Service names it
 * (service.serverstransport). An Ingress path has one backend (the matrix refuses several), so
 * the route's transport is its backend's. One Service names one ServersTransport, so two routes
 * needing one for the same Service disagree on that annotation and are refused (checks/service-side.ts).
 */
export function ingressTransportName(route: RouteIR): string | undefined {
  return policyServersTransport(route) !== undefined || route.backends.some(b => b.tls) ? joinName([route.name, 'transport']) : undefined;
}

/** The spec of that ServersTransport: the backend's TLS settings (with the connect timeout), or the connect timeout alone. */
export function ingressTransportSpec(route: RouteIR) {
  const b = route.backends.find(x => x.tls);
  return b ? backendTlsTransportSpec(b, route.policies.timeouts?.connectMs) : serversTransportSpec(route);
}

/** The default backend takes no Service-side settings, so its backend TLS has no ServersTransport on the Ingress output. */
export function ingressDefaultBackendTlsProblems(ir: GatewayIR): RenderProblem[] {
  if (!ir.defaultBackend?.tls) return [];
  return [{
    source: ir.defaultBackendSource ?? ir.source,
    message: unsupportedMessage('traefik-ingress', 'backendTls', 'defaultBackend.tls',
      'the Traefik Ingress provider reads backend TLS from a ServersTransport a route\'s handed-over Service names; the default backend has none; use TraefikOutput.INGRESS_ROUTE'),
  }];
}

/**
 * What the Traefik Ingress provider reads on the backend's Service: the server scheme (HTTPS and
 * gRPC over TLS → `https`, gRPC and h2c → `h2c`, as on IngressRoute services), sticky cookies
 * (Secure and HttpOnly always written: Traefik's defaults are false, ours true) and the route's
 * ServersTransport (connect timeout; `route` names it).
 */
export function traefikIngressServiceSide(policies: PoliciesIR, route?: RouteIR): ServiceSideIR | undefined {
  const annotations: Record<string, string> = {};
  const features: Array<{ feature: string; prop: string; where: string }> = [];
  const protocol = policies.backendProtocol?.protocol;
  const scheme = protocol === 'HTTPS' || protocol === 'GRPCS' ? SERVER_SCHEMES.https : protocol === 'GRPC' || protocol === 'H2C' ? SERVER_SCHEMES.h2c : undefined;
  if (scheme) {
    annotations[SERVICE_ANNOTATIONS.serversScheme] = scheme;
    const feature = { HTTPS: 'backendHttps', GRPCS: 'backendGrpcs', GRPC: 'backendGrpc', H2C: 'backendH2c' }[protocol as 'HTTPS' | 'GRPCS' | 'GRPC' | 'H2C'];
    features.push({ feature, prop: 'backendProtocol', where: where(SERVICE_ANNOTATIONS.serversScheme) });
  }
  const s = policies.sessionAffinity;
  if (s) {
    annotations[SERVICE_ANNOTATIONS.stickyCookie] = 'true';
    annotations[SERVICE_ANNOTATIONS.stickyCookieName] = s.cookieName;
    annotations[SERVICE_ANNOTATIONS.stickyCookieSecure] = String(s.secure);
    annotations[SERVICE_ANNOTATIONS.stickyCookieHttpOnly] = String(s.httpOnly);
    if (s.sameSite !== undefined) annotations[SERVICE_ANNOTATIONS.stickyCookieSameSite] = s.sameSite.toLowerCase();
    if (s.ttlSeconds !== undefined) annotations[SERVICE_ANNOTATIONS.stickyCookieMaxAge] = String(s.ttlSeconds);
    if (s.path !== undefined) annotations[SERVICE_ANNOTATIONS.stickyCookiePath] = s.path;
    features.push({ feature: 'sessionAffinityCookie', prop: 'sessionAffinity', where: where(SERVICE_ANNOTATIONS.stickyCookie) });
  }
  const transport = route && ingressTransportName(route);
  if (transport !== undefined) {
    const inTransport = `${where(SERVICE_ANNOTATIONS.serversTransport)} (a ServersTransport)`;
    annotations[SERVICE_ANNOTATIONS.serversTransport] = crdReference(route!.namespace, transport);
    if (policies.timeouts?.connectMs !== undefined) features.push({ feature: 'timeoutConnect', prop: 'timeouts.connect', where: inTransport });
    const tls = route!.backends.find(b => b.tls);
    if (tls) {
      // Re-encrypted: always https, as on IngressRoute services (h2c with tls is refused by Route).
      annotations[SERVICE_ANNOTATIONS.serversScheme] = SERVER_SCHEMES.https;
      for (const feature of backendTlsFeatures(tls)) features.push({ feature, prop: 'backend.tls', where: inTransport });
    }
  }
  return features.length > 0 ? { annotations, features } : undefined;
}
