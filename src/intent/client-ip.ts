import { policyFail } from './policies/common';
import { optionsOf, show } from '../core/errors';
import { ClientAddressIR } from '../ir/model';

/** Options for `ClientIp.xForwardedFor()`. */
export interface XForwardedForOptions {
  /**
   * How many proxies in front of the gateway append to X-Forwarded-For (a cloud load balancer
   * alone: 1; a CDN then a load balancer: 2). The client address is the `trustedHops`-th entry
   * from the right: the address the outermost trusted proxy saw. Entries further left are
   * written by the client and never trusted.
   */
  readonly trustedHops: number;
}

/**
 * Where the gateway reads the client address that per-client rate limits, their exempt CIDRs and
 * IP allow / deny lists key on. Set once per gateway (`ApiGatewayProps.clientIp`).
 */
export class ClientIp {
  /**
   * The TCP peer: clients connect to the proxy directly, or the load balancer keeps their source
   * address (e.g. a Service with `externalTrafficPolicy: Local`, or the PROXY protocol configured
   * on the controller). Renders like the default, and states that the address is the client's.
   */
  public static tcpPeer(): ClientIp {
    return new ClientIp({ trustedHops: 0 });
  }

  /**
   * The address that `trustedHops` proxies in front of the gateway recorded in X-Forwarded-For.
   * @example ClientIp.xForwardedFor({ trustedHops: 1 })
   */
  public static xForwardedFor(options: XForwardedForOptions): ClientIp {
    const o = optionsOf('ClientIp.xForwardedFor', options);
    const hops = o.trustedHops;
    if (typeof hops !== 'number' || !Number.isInteger(hops) || hops < 1 || hops > MAX_TRUSTED_HOPS) {
      policyFail('ClientIp.xForwardedFor.trustedHops', `${show(hops)} must be a whole number from 1 to ${MAX_TRUSTED_HOPS} (for the TCP peer use ClientIp.tcpPeer())`);
    }
    return new ClientIp({ trustedHops: hops });
  }

  private constructor(/** @internal */ public readonly _ir: ClientAddressIR) {}
}

/** More proxies than this in front of one gateway is a mistake, not a topology. */
const MAX_TRUSTED_HOPS = 10;
