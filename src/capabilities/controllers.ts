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

/**
 * The factory call a user writes to get each column: error messages list these ("Supported by:
 * Controller.kong({ mode: KongMode.GATEWAY_API })"), never the internal column ids.
 */
export const CONTROLLER_CALLS: { readonly [c in ControllerName]: string } = {
  'ingress-nginx': 'Controller.ingressNginx()',
  'traefik': 'Controller.traefik()',
  'traefik-ingress': 'Controller.traefik({ output: TraefikOutput.INGRESS })',
  'kong': 'Controller.kong()',
  'kong-gateway-api': 'Controller.kong({ mode: KongMode.GATEWAY_API })',
  'gateway-api': 'Controller.gatewayApi()',
  'envoy-gateway': 'Controller.envoyGateway()',
  'istio': 'Controller.istio()',
};

/** The factory call for a column, with `experimentalChannel: true` where the feature needs it. */
export function controllerCall(controller: ControllerName, experimentalChannel = false): string {
  const call = CONTROLLER_CALLS[controller];
  if (!experimentalChannel) return call;
  return call.endsWith('()') ? `${call.slice(0, -1)}{ experimentalChannel: true })` : call.replace(/ \}\)$/, ', experimentalChannel: true })');
}
