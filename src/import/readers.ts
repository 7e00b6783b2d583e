import { ControllerName } from '../capabilities/features';
import { ENVOY_GATEWAY_READER } from '../controllers/envoy-gateway/reader';
import { GATEWAY_API_READER } from '../controllers/gateway-api/reader';
import { INGRESS_NGINX_READER } from '../controllers/ingress-nginx/reader';
import { ISTIO_READER } from '../controllers/istio/reader';
import { KONG_GATEWAY_API_READER } from '../controllers/kong/gateway-api-reader';
import { KongIngressReader } from '../controllers/kong/reader';
import { ControllerReader } from '../controllers/reader';
import { TraefikIngressReader, TraefikReader } from '../controllers/traefik/reader';

/**
 * The reader of each output column (`src/controllers/<name>/reader.ts`). The import, report and
 * assertions layers find readers here; a column without one cannot be read back yet.
 */
const READERS: { readonly [c in ControllerName]?: ControllerReader } = {
  'ingress-nginx': INGRESS_NGINX_READER,
  'gateway-api': GATEWAY_API_READER,
  'envoy-gateway': ENVOY_GATEWAY_READER,
  'istio': ISTIO_READER,
  'kong-gateway-api': KONG_GATEWAY_API_READER,
  'traefik': new TraefikReader(),
  'traefik-ingress': new TraefikIngressReader(),
  'kong': new KongIngressReader(),
};

/** The reader of a column, if it has one. */
export function readerFor(controller: ControllerName): ControllerReader | undefined {
  return READERS[controller];
}

/** Columns that have a reader, in matrix order. */
export function readableControllers(): ControllerName[] {
  return Object.keys(READERS) as ControllerName[];
}
