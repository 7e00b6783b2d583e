import { policyFail, positiveInt } from './common';
import { ConcurrencyKey, ConcurrencyLimitIR } from '../../ir/policies';

/** Options for every `ConcurrencyLimit` factory. */
export interface ConcurrencyLimitOptions {
  /**
   * Requests in progress at the same time (received and not yet answered) for one key: one more
   * is refused at once (Traefik answers 429, nginx and Envoy 503), never queued. At least 1.
   */
  readonly maxRequests: number;
}

/**
 * How many requests may be in progress at once: per client address, per requested host or for the
 * whole route. No request rate is involved (see `RateLimit` for rates). Counted by each proxy
 * replica on its own: with 3 replicas up to 3 x `maxRequests` are in progress.
 */
export class ConcurrencyLimit {
  /**
   * Requests in progress per client IP address (the gateway's `clientIp`: the TCP peer, or the
   * address trusted X-Forwarded-For hops name): ingress-nginx `limit-connections` (nginx
   * `limit_conn` counts requests in progress, each HTTP/2 stream on its own), Traefik
   * `inFlightReq` by `ipStrategy`.
   * @example ConcurrencyLimit.perClientIp({ maxRequests: 10 })
   */
  public static perClientIp(options: ConcurrencyLimitOptions): ConcurrencyLimit {
    return ConcurrencyLimit.of('ConcurrencyLimit.perClientIp', 'clientIp', options);
  }

  /**
   * Requests in progress per requested host (the Host header): Traefik `inFlightReq` by
   * `requestHost`. Each of the route's hosts has its own count.
   * @example ConcurrencyLimit.perHost({ maxRequests: 500 })
   */
  public static perHost(options: ConcurrencyLimitOptions): ConcurrencyLimit {
    return ConcurrencyLimit.of('ConcurrencyLimit.perHost', 'host', options);
  }

  /**
   * Requests in progress on the whole route, whoever sends them: Envoy Gateway's circuit breaker
   * `maxParallelRequests` (counted per backend of the route's rule: a route with one backend).
   * @example ConcurrencyLimit.perRoute({ maxRequests: 200 })
   */
  public static perRoute(options: ConcurrencyLimitOptions): ConcurrencyLimit {
    return ConcurrencyLimit.of('ConcurrencyLimit.perRoute', 'route', options);
  }

  private static of(factory: string, key: ConcurrencyKey, options: ConcurrencyLimitOptions): ConcurrencyLimit {
    if (!options || typeof options !== 'object') policyFail(factory, 'options are required (at least `maxRequests`)');
    // Envoy's circuit-breaker thresholds and Traefik's amount are 32-bit; nginx's limit_conn too.
    return new ConcurrencyLimit({ key, maxRequests: positiveInt(`${factory}.maxRequests`, options.maxRequests, MAX_CONCURRENT) });
  }

  private constructor(private readonly ir: Omit<ConcurrencyLimitIR, 'source'>) {}

  /** @internal */
  public _toIR(source: string): ConcurrencyLimitIR {
    return { ...this.ir, source };
  }
}

/** The largest limit every controller's field takes (a uint32 on Envoy; nginx's limit_conn takes 65535 at most). */
const MAX_CONCURRENT = 65535;
