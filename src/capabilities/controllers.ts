/** The capability columns: a controller, or an output mode of one with different abilities. */
export type ControllerName =
  | 'ingress-nginx'
  | 'traefik'
  | 'traefik-ingress'
  | 'kong'
  | 'kong-gateway-api'
  | 'gateway-api'
  | 'envoy-gateway'
  | 'istio';

export const CONTROLLER_NAMES: readonly ControllerName[] = [
  'ingress-nginx', 'traefik', 'traefik-ingress', 'kong', 'kong-gateway-api', 'gateway-api', 'envoy-gateway', 'istio',
];
