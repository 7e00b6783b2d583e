import { GatewayApiExtension, NO_EXTENSION } from '../gateway-api/extension';

/** Istio policies where Gateway API has no field. Filled in by the policies work. */
export function istioExtension(): GatewayApiExtension {
  return NO_EXTENSION;
}
