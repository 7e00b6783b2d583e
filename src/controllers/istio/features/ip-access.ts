import { IpAccessIR } from '../../../ir/policies';
import { Source } from '../api';

/**
 * The DENY rule's source for a client address filter, on the original client address
 * (`remoteIpBlocks`: X-Forwarded-For as trusted through the gateway's numTrustedProxies): outside
 * the allow list, or inside the deny list.
 */
export function deniedAddresses(ip: IpAccessIR): Source | undefined {
  if (ip.allow.length > 0) return { notRemoteIpBlocks: [...ip.allow] };
  if (ip.deny.length > 0) return { remoteIpBlocks: [...ip.deny] };
  return undefined;
}
