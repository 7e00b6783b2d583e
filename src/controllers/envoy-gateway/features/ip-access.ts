import { IpAccessIR } from '../../../ir/policies';
import { AuthorizationSpec } from '../api';

/**
 * `authorization` on the client address (as Envoy Gateway detects it: the peer, or
 * X-Forwarded-For per ClientTrafficPolicy `clientIPDetection`): an allow list denies everyone
 * else, a deny list allows everyone else.
 */
export function authorization(ip: IpAccessIR): AuthorizationSpec | undefined {
  if (ip.allow.length > 0) return { defaultAction: 'Deny', rules: [{ action: 'Allow', principal: { clientCIDRs: [...ip.allow] } }] };
  if (ip.deny.length > 0) return { defaultAction: 'Allow', rules: [{ action: 'Deny', principal: { clientCIDRs: [...ip.deny] } }] };
  return undefined;
}
