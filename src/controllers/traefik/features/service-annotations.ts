import { crdReference } from './middlewares';
import { policyServersTransport } from './policies';
import { joinName } from '../../../core/names';
import { RouteIR } from '../../../ir/model';
import { PoliciesIR } from '../../../ir/policies';
import { ServiceSideIR } from '../../../ir/service-side';
import { SERVER_SCHEMES, SERVICE_ANNOTATIONS } from '../constants';

const where = (key: string) => `the Traefik Ingress provider reads it from the ${key} annotation on the Service`;

/**
 * The ServersTransport of a route on the Ingress output (connect timeout), when it needs one: the
 * route renders it, and the route's backends' Services name it (service.serverstransport). One
 * Service names one ServersTransport, so two routes needing one for the same Service disagree on
 * that annotation and are refused (checks/service-side.ts).
 */
export function ingressTransportName(route: RouteIR): string | undefined {
  return policyServersTransport(route) !== undefined ? joinName([route.name, 'transport']) : undefined;
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
    annotations[SERVICE_ANNOTATIONS.serversTransport] = crdReference(route!.namespace, transport);
    features.push({ feature: 'timeoutConnect', prop: 'timeouts.connect', where: `${where(SERVICE_ANNOTATIONS.serversTransport)} (a ServersTransport)` });
  }
  return features.length > 0 ? { annotations, features } : undefined;
}
