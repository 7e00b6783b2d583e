import { ControllerName } from '../../../capabilities/features';
import { PoliciesIR } from '../../../ir/policies';
import { ServiceSideIR } from '../../../ir/service-side';

/** The standard `appProtocol` values Gateway API implementations read on a Service port (GEP-1911). */
export const APP_PROTOCOLS = {
  h2c: 'kubernetes.io/h2c',
  websocket: 'kubernetes.io/ws',
} as const;

/**
 * The backend port's `appProtocol` for the route's backend protocol: cleartext HTTP/2
 * (`kubernetes.io/h2c`) and, on the portable column, WebSocket (`kubernetes.io/ws`; Envoy
 * Gateway and Istio upgrade WebSockets with nothing set). gRPC is a GRPCRoute, HTTPS a
 * BackendTLSPolicy: neither needs an appProtocol.
 */
export function appProtocolServiceSide(policies: PoliciesIR, column: ControllerName): ServiceSideIR | undefined {
  const protocol = policies.backendProtocol?.protocol;
  const where = 'Gateway API reads it from the appProtocol of the Service port';
  if (protocol === 'H2C') {
    return { annotations: {}, appProtocol: APP_PROTOCOLS.h2c, features: [{ feature: 'backendH2c', prop: 'backendProtocol', where }] };
  }
  if (protocol === 'WEBSOCKET' && column === 'gateway-api') {
    return { annotations: {}, appProtocol: APP_PROTOCOLS.websocket, features: [{ feature: 'backendWebsocket', prop: 'backendProtocol', where }] };
  }
  return undefined;
}

/** Joins the core's and an extension's Service-side settings. */
export function mergeServiceSide(a: ServiceSideIR | undefined, b: ServiceSideIR | undefined): ServiceSideIR | undefined {
  if (!a || !b) return a ?? b;
  return {
    annotations: { ...a.annotations, ...b.annotations },
    appProtocol: a.appProtocol ?? b.appProtocol,
    features: [...a.features, ...b.features],
  };
}
