import { ClientAddressIR } from '../ir/model';
import { PoliciesIR } from '../ir/policies';

/**
 * The policies of a route with the gateway's client address on each policy that reads it (a
 * per-client rate limit or its exempt CIDRs, an IP allow / deny list), so renderers and the route
 * table see it where it matters. The TCP peer (0 hops, or undeclared) adds nothing.
 */
export function withClientAddress(policies: PoliciesIR, clientIp: ClientAddressIR | undefined): PoliciesIR {
  const hops = clientIp?.trustedHops;
  if (!hops) return policies;
  const rl = policies.rateLimit;
  return {
    ...policies,
    ...(rl && (rl.key === 'clientIp' || rl.exemptCidrs.length > 0) ? { rateLimit: { ...rl, clientIpHops: hops } } : {}),
    ...(policies.ipAccess ? { ipAccess: { ...policies.ipAccess, clientIpHops: hops } } : {}),
    ...(policies.concurrencyLimit?.key === 'clientIp' ? { concurrencyLimit: { ...policies.concurrencyLimit, clientIpHops: hops } } : {}),
  };
}
