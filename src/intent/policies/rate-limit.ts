import { cidrList, policyFail, positiveInt } from './common';
import { optionsOf, show } from '../../core/errors';
import { checkHeaderName, checkObjectName } from '../../core/validate';
import { DistributedStoreIR, RateLimitIR, RateLimitKey } from '../../ir/policies';

/** The window a rate is counted over. */
export enum RateLimitPeriod {
  /** Requests per second. */
  SECOND = 'second',
  /** Requests per minute. */
  MINUTE = 'minute',
  /**
   * Requests per hour. Not on ingress-nginx (it counts per second or per minute only).
   */
  HOUR = 'hour',
  /**
   * Requests per day (24 hours). Not on ingress-nginx (it counts per second or per minute only).
   */
  DAY = 'day',
}

/** Options shared by every `RateLimit` factory. */
export interface RateLimitOptions {
  /** Requests allowed per `period`. Must be at least 1: 0 is never "unlimited" here. */
  readonly requests: number;

  /**
   * The window `requests` is counted over.
   * @default RateLimitPeriod.SECOND
   */
  readonly period?: RateLimitPeriod;

  /**
   * How many requests a client may send at once: the size of its token bucket, which refills at
   * `requests` per `period`. At least `requests` (one period's worth). Rendered explicitly on every
   * controller, so the meaning does not depend on controller defaults; controllers that cannot size
   * the bucket refuse any other value.
   * @default - `requests`: one period's worth may arrive at once, none on top
   */
  readonly burst?: number;

  /**
   * Where counters live. Local limits are per proxy replica: with 3 replicas a client can make
   * 3 x `requests`. A distributed store shares the count between replicas.
   * @default - local to each proxy replica
   */
  readonly distributed?: DistributedRateLimit;
}

/** Options for `RateLimit.perClientIp()`. */
export interface ClientIpRateLimitOptions extends RateLimitOptions {
  /**
   * Concurrent connections allowed per client IP.
   * @default - not limited
   */
  readonly concurrentConnections?: number;

  /**
   * Client addresses or CIDRs never limited.
   * @default - none
   */
  readonly exemptCidrs?: string[];
}

/** Options for `DistributedRateLimit.redis()`. */
export interface RedisRateLimitOptions {
  /**
   * Secret (in the route's namespace) with the Redis `username` / `password`.
   * @default - no authentication
   */
  readonly secretName?: string;
}

/** Shared rate-limit counters. */
export class DistributedRateLimit {
  /**
   * A Redis every proxy replica uses (`host:port`): Kong's `redis` policy, Traefik's `redis`.
   * @example DistributedRateLimit.redis('redis.infra.svc.cluster.local:6379')
   */
  public static redis(endpoint: string, options: RedisRateLimitOptions = {}): DistributedRateLimit {
    if (typeof endpoint !== 'string' || !/^[a-z0-9]([-a-z0-9.]*[a-z0-9])?:\d{1,5}$/.test(endpoint) || Number(endpoint.split(':')[1]) > 65535) {
      policyFail('DistributedRateLimit.redis.endpoint', `${show(endpoint)} must be host:port`);
    }
    const o = optionsOf('DistributedRateLimit.redis', options);
    if (o.secretName !== undefined) {
      const problem = checkObjectName(o.secretName);
      if (problem) policyFail('DistributedRateLimit.redis.secretName', problem);
    }
    return new DistributedRateLimit({ kind: 'redis', endpoint, secretName: o.secretName });
  }

  /**
   * The store the controller itself is configured with: Envoy Gateway's global rate limit
   * (its ratelimit service and Redis, set in the EnvoyGateway configuration).
   */
  public static controllerStore(): DistributedRateLimit {
    return new DistributedRateLimit({ kind: 'controller' });
  }

  private constructor(/** @internal */ public readonly _ir: DistributedStoreIR) {}
}

/**
 * How many requests a client may make. Limits are enforced per proxy replica unless
 * `distributed` is set (see `RateLimitOptions.distributed`).
 */
export class RateLimit {
  /**
   * Limit each client IP address.
   * @example RateLimit.perClientIp({ requests: 10, burst: 50, concurrentConnections: 5 })
   */
  public static perClientIp(options: ClientIpRateLimitOptions): RateLimit {
    const base = RateLimit.base('RateLimit.perClientIp', 'clientIp', options);
    return new RateLimit({
      ...base,
      concurrentConnections: options.concurrentConnections === undefined ? undefined : positiveInt('RateLimit.perClientIp.concurrentConnections', options.concurrentConnections),
      exemptCidrs: cidrList('RateLimit.perClientIp.exemptCidrs', options.exemptCidrs),
    });
  }

  /**
   * Limit each distinct value of a request header (e.g. an API key or tenant header).
   * @example RateLimit.perHeader('x-api-key', { requests: 100, period: RateLimitPeriod.MINUTE })
   */
  public static perHeader(header: string, options: RateLimitOptions): RateLimit {
    const problem = checkHeaderName(header);
    if (problem) policyFail('RateLimit.perHeader.header', problem);
    return new RateLimit({ ...RateLimit.base('RateLimit.perHeader', 'header', options), header: header.toLowerCase() });
  }

  /** Limit each authenticated consumer (needs an authentication policy that identifies consumers). */
  public static perConsumer(options: RateLimitOptions): RateLimit {
    return new RateLimit(RateLimit.base('RateLimit.perConsumer', 'consumer', options));
  }

  private static base(factory: string, key: RateLimitKey, options: RateLimitOptions): Omit<RateLimitIR, 'source'> {
    if (!options || typeof options !== 'object') policyFail(factory, 'options are required (at least `requests`)');
    const requests = positiveInt(`${factory}.requests`, options.requests);
    const period = options.period ?? RateLimitPeriod.SECOND;
    if (!Object.values(RateLimitPeriod).includes(period)) policyFail(`${factory}.period`, `${show(period)} is not a RateLimitPeriod`);
    let burst: number | undefined;
    if (options.burst !== undefined) {
      burst = positiveInt(`${factory}.burst`, options.burst);
      if (burst < requests) policyFail(`${factory}.burst`, `${burst} is below the rate (${requests} per ${period}); a burst is at least one period's worth of requests`);
      // One period's worth is what an unset burst means: the same intent, one spelling.
      if (burst === requests) burst = undefined;
    }
    if (options.distributed !== undefined && !(options.distributed instanceof DistributedRateLimit)) {
      policyFail(`${factory}.distributed`, 'must be created with DistributedRateLimit.redis() or DistributedRateLimit.controllerStore()');
    }
    return { key, requests, per: period, burst, exemptCidrs: [], distributed: options.distributed?._ir };
  }

  private constructor(private readonly ir: Omit<RateLimitIR, 'source'>) {}

  /** @internal */
  public _toIR(source: string): RateLimitIR {
    return { ...this.ir, source };
  }
}
