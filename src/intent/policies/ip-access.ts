import { cidrList, policyFail } from './common';
import { IpAccessIR } from '../../ir/policies';

/**
 * Client address filtering. Fails closed: with an allow list, every other address is refused.
 * The client address is the one the proxy sees; behind a load balancer configure the controller
 * to trust forwarded headers.
 * @example IpAccess.allow(['10.0.0.0/8'])
 */
export class IpAccess {
  /** Only these addresses or CIDRs may connect. */
  public static allow(cidrs: string[]): IpAccess {
    const allow = cidrList('IpAccess.allow', cidrs);
    if (allow.length === 0) policyFail('IpAccess.allow', 'at least one address or CIDR is required');
    return new IpAccess(allow, []);
  }

  /** These addresses or CIDRs are refused; everyone else may connect. */
  public static deny(cidrs: string[]): IpAccess {
    const deny = cidrList('IpAccess.deny', cidrs);
    if (deny.length === 0) policyFail('IpAccess.deny', 'at least one address or CIDR is required');
    return new IpAccess([], deny);
  }

  private constructor(private readonly allowed: string[], private readonly denied: string[]) {}

  /** @internal */
  public _toIR(source: string): IpAccessIR {
    return { source, allow: this.allowed, deny: this.denied };
  }
}
