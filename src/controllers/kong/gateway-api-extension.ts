import { GatewayApiExtension, NO_EXTENSION } from '../gateway-api/extension';

/** Kong plugins (KongPlugin + ExtensionRef filters) for Kong's Gateway API mode. Filled in by the policies work. */
export function kongGatewayApiExtension(): GatewayApiExtension {
  return NO_EXTENSION;
}
