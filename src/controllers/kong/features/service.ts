import { PoliciesIR } from '../../../ir/policies';
import { ServiceSideIR } from '../../../ir/service-side';
import { SERVICE_ANNOTATIONS } from '../constants';
import { KongColumn } from './plugin';

/** Kong's upstream protocols for the backend protocols it reads from `konghq.com/protocol` (HTTPS, not verified, as ingress-nginx's backend-protocol). */
const PROTOCOLS: Partial<Record<NonNullable<PoliciesIR['backendProtocol']>['protocol'], string>> = { HTTPS: 'https' };

/**
 * What Kong reads on the backend's Service (both Ingress and Gateway API modes: KIC builds one
 * Kong service per Service port and applies the Service's `konghq.com/*` annotations to it):
 * connect / read / write timeouts in milliseconds and the upstream protocol.
 */
export function kongServiceSide(policies: PoliciesIR, _column: KongColumn): ServiceSideIR | undefined {
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
  const protocol = policies.backendProtocol ? PROTOCOLS[policies.backendProtocol.protocol] : undefined;
  if (protocol) {
    annotations[SERVICE_ANNOTATIONS.protocol] = protocol;
    features.push({ feature: 'backendHttps', prop: 'backendProtocol', where: `Kong reads it from the ${SERVICE_ANNOTATIONS.protocol} annotation on the Service` });
  }
  return features.length > 0 ? { annotations, features } : undefined;
}
