import { GatewayApiExtension, NO_EXTENSION } from '../gateway-api/extension';

/** EnvoyGateway policies where Gateway API has no field. Filled in by the policies work. */
export function envoyGatewayExtension(): GatewayApiExtension {
  return NO_EXTENSION;
}
