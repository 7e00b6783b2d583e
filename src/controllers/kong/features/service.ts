import { PoliciesIR } from '../../../ir/policies';
import { ServiceSideIR } from '../../../ir/service-side';
import { SERVICE_ANNOTATIONS } from '../constants';
import { KongColumn } from './plugin';

/** Kong's upstream protocols for the backend protocols it reads from `konghq.com/protocol` (HTTPS, not verified, as ingress-nginx's backend-protocol). */
const PROTOCOLS: Partial<Record<NonNullable<PoliciesIR['backendProtocol']>['protocol'], string>> = { HTTPS: 'https' };
/** Kong Ingress also needs the gRPC upstream protocols on the Service (with `konghq.com/protocols: grpc,grpcs` on the Ingress, features/grpc.ts). */
const INGRESS_GRPC_PROTOCOLS: Partial<Record<NonNullable<PoliciesIR['backendProtocol']>['protocol'], string>> = { GRPC: 'grpc', GRPCS: 'grpcs' };
const PROTOCOL_FEATURES: Readonly<Record<string, string>> = { https: 'backendHttps', grpc: 'backendGrpc', grpcs: 'backendGrpcs' };

/**
 * What Kong reads on the backend's Service (both Ingress and Gateway API modes: KIC builds one
 * Kong service per Service port and applies the Service's `konghq.com/*` annotations to it):
 * connect / read / write timeouts in milliseconds and the upstream protocol.
 */
export function kongServiceSide(policies: PoliciesIR, column: KongColumn): ServiceSideIR | undefined {
  const annotations: Record<string, string> = {};
  const features: Array<{ feature: string; prop: string; where: string }> = [];
  const t = policies.timeouts;
  const timeout = (ms: number | undefined, key: string, feature: string, prop: string) => {
    if (ms === undefined) return;
    annotations[key] = String(ms);
    features.push({ feature, prop, where: `Kong reads it from the ${key} annotation on the Service` });
  };
  timeout(t?.connectMs, SERVICE_ANNOTATIONS.connectTimeout, 'timeoutConnect', 'timeouts.connect');
  timeout(t?.readMs, SERVICE_ANNOTATIONS.readTimeout, 'timeoutRead', 'timeouts.read');
  timeout(t?.sendMs, SERVICE_ANNOTATIONS.writeTimeout, 'timeoutSend', 'timeouts.send');
  const p = policies.backendProtocol?.protocol;
  const protocol = p ? PROTOCOLS[p] ?? (column === 'kong' ? INGRESS_GRPC_PROTOCOLS[p] : undefined) : undefined;
  if (protocol) {
    annotations[SERVICE_ANNOTATIONS.protocol] = protocol;
    features.push({ feature: PROTOCOL_FEATURES[protocol], prop: 'backendProtocol', where: `Kong reads it from the ${SERVICE_ANNOTATIONS.protocol} annotation on the Service` });
  }
  return features.length > 0 ? { annotations, features } : undefined;
}
