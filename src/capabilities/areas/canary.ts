import { CapabilityArea, no, yes } from '../support';

/** Canary traffic shifting (CanarySplit): by weight, header, header presence or cookie; request mirroring. */
export type CanaryFeature =
  | 'canaryWeight'
  | 'canaryHeader'
  | 'canaryHeaderPresence'
  | 'canaryCookie'
  | 'canaryMirror'
  | 'routeMirror';

const TRAEFIK_INGRESS = no('the Traefik Ingress provider routes an Ingress path to one Service, without weights or header conditions; use TraefikOutput.INGRESS_ROUTE');
const REGEX_IMPLEMENTATION_SPECIFIC = no('it needs a regular-expression header match, which is implementation-specific in Gateway API; choose a concrete implementation such as Controller.envoyGateway() or Controller.istio()');
const NGINX_MIRROR = no('ingress-nginx mirrors only through the High-risk mirror-target annotation, always 100% of the requests (no percentage), for every path of the stable Ingress, and a slow mirror slows the original request');
const KONG_MIRROR = no('Kong has no request mirroring (KIC rejects the HTTPRoute RequestMirror filter)');

export const CANARY: CapabilityArea<CanaryFeature> = {
  features: {
    canaryWeight: { title: 'Weighted canary split', prop: 'traffic' },
    canaryHeader: { title: 'Header canary', prop: 'traffic' },
    canaryHeaderPresence: { title: 'Header-presence canary', prop: 'traffic' },
    canaryCookie: { title: 'Cookie canary', prop: 'traffic' },
    canaryMirror: { title: 'Request mirroring', prop: 'mirror' },
    routeMirror: { title: 'Route request mirroring', prop: 'mirrors' },
  },
  matrix: {
    'ingress-nginx': {
      canaryWeight: yes('canary Ingress: canary-weight / canary-weight-total'),
      canaryHeader: yes('canary Ingress: canary-by-header-value; header names of letters, digits and -'),
      canaryHeaderPresence: yes('canary Ingress: canary-by-header-pattern; header names of letters, digits and -'),
      canaryCookie: yes('canary Ingress: canary-by-cookie'),
      canaryMirror: NGINX_MIRROR,
      // Audit (issue #12): a route's own Ingress carries only its paths; the other objections stand.
      routeMirror: no("ingress-nginx mirrors only through the High-risk mirror-target annotation: one target per Ingress, every request (no percentage), and nginx finalizes a request only after its mirror subrequest ends, so a slow or unreachable mirror holds up the client's connection"),
    },
    'traefik': {
      canaryWeight: yes('weighted TraefikService'),
      canaryHeader: yes('higher-priority IngressRoute'),
      canaryHeaderPresence: yes('higher-priority IngressRoute'),
      canaryCookie: yes('higher-priority IngressRoute'),
      canaryMirror: yes('mirroring TraefikService'),
      routeMirror: yes('a mirroring TraefikService `<route>-mirrors` (mirrors[].percent, always written) in front of the route\'s one backend; several backends with mirrors are refused'),
    },
    'traefik-ingress': {
      canaryWeight: TRAEFIK_INGRESS,
      canaryHeader: TRAEFIK_INGRESS,
      canaryHeaderPresence: TRAEFIK_INGRESS,
      canaryCookie: TRAEFIK_INGRESS,
      canaryMirror: no('mirroring needs a TraefikService, which an Ingress cannot reference; use TraefikOutput.INGRESS_ROUTE'),
      routeMirror: no('mirroring needs a TraefikService, which an Ingress cannot reference; use TraefikOutput.INGRESS_ROUTE'),
    },
    'kong': {
      canaryWeight: no('a Kong Ingress path routes to one Service, without weights; use KongMode.GATEWAY_API'),
      canaryHeader: yes('second Ingress with konghq.com/headers.<name>'),
      canaryHeaderPresence: no('Kong Ingress matches a header only by value or by a case-insensitive regex; use KongMode.GATEWAY_API'),
      canaryCookie: no('Kong Ingress can only approximate a cookie condition with a case-insensitive regex over the whole Cookie header, which is not verified through KIC; use Controller.envoyGateway(), Controller.istio() or Traefik'),
      canaryMirror: KONG_MIRROR,
      routeMirror: KONG_MIRROR,
    },
    'kong-gateway-api': {
      canaryWeight: yes("approximate: KIC divides a backend's weight among its endpoints (integer division); weights at most 65535"),
      canaryHeader: yes('more specific rule in its own HTTPRoute'),
      canaryHeaderPresence: yes('more specific rule in its own HTTPRoute'),
      canaryCookie: no('KIC turns a regular-expression header match into a case-insensitive Kong regex (~*), so the cookie name and value would match case-insensitively; use Controller.envoyGateway(), Controller.istio() or Traefik'),
      canaryMirror: KONG_MIRROR,
      routeMirror: KONG_MIRROR,
    },
    'gateway-api': {
      canaryWeight: yes(),
      canaryHeader: yes('more specific rule in its own HTTPRoute'),
      canaryHeaderPresence: REGEX_IMPLEMENTATION_SPECIFIC,
      canaryCookie: REGEX_IMPLEMENTATION_SPECIFIC,
      canaryMirror: yes('RequestMirror filter (Extended)'),
      routeMirror: yes('one RequestMirror filter per mirror on every rule of the route (Extended; percent, repeatable)'),
    },
    'envoy-gateway': {
      canaryWeight: yes(),
      canaryHeader: yes('more specific rule in its own HTTPRoute'),
      canaryHeaderPresence: yes('more specific rule in its own HTTPRoute'),
      canaryCookie: yes('more specific rule in its own HTTPRoute'),
      canaryMirror: yes('RequestMirror filter (Extended)'),
      routeMirror: yes('one RequestMirror filter per mirror on every rule of the route'),
    },
    'istio': {
      canaryWeight: yes(),
      canaryHeader: yes('more specific rule in its own HTTPRoute'),
      canaryHeaderPresence: yes('more specific rule in its own HTTPRoute'),
      canaryCookie: yes('more specific rule in its own HTTPRoute'),
      canaryMirror: yes('RequestMirror filter (Extended)'),
      routeMirror: yes('one RequestMirror filter per mirror on every rule of the route'),
    },
  },
};
