import { Duration } from 'cdk8s';
import { bool, cidrList, durationMs, policyFail, PolicyError, positiveInt } from './common';
import { optionsOf, show } from '../../core/errors';
import { checkHeaderName, checkObjectName } from '../../core/validate';
import { DistributedStoreIR, RateLimitIR, RateLimitKey } from '../../ir/policies';
import { CaCertificates, caProblem } from '../ca';

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

  /**
   * Connect to Redis over TLS, verifying its certificate (for the endpoint's host name) against
   * the CAs the proxy trusts: Traefik's system CAs, Kong's `lua_ssl_trusted_certificate`.
   * @default false - plain TCP (credentials from `secretName` travel unencrypted: warns `redis-plaintext-credentials`)
   */
  readonly tls?: boolean;

  /**
   * The Redis logical database the counters live in (`SELECT n`).
   * @default 0
   */
  readonly database?: number;

  /**
   * How long the proxy waits for Redis when connecting, sending a command and reading its answer
   * (one value for the three).
   * @default - the controller's default (Traefik: 5 s to connect, 3 s to read or write; Kong: 2 s)
   */
  readonly timeout?: Duration;

  /**
   * The CA that verifies Redis's certificate, instead of the CAs the proxy trusts (needs `tls`).
   * Traefik reads a Secret (`ca.crt` or `tls.ca`) in the route's namespace.
   * @default - the CAs the proxy trusts (see `tls`)
   */
  readonly ca?: CaCertificates;

  /**
   * Secret (kubernetes.io/tls: `tls.crt` / `tls.key`, in the route's namespace) holding the client
   * certificate presented to Redis (needs `tls`).
   * @default - no client certificate
   */
  readonly clientCertificateSecret?: string;
}

/** The largest Redis database index accepted (a 32-bit signed integer: Redis's own limit is its `databases` setting). */
const REDIS_MAX_DATABASE = 2147483647;

/** Shared rate-limit counters. */
export class DistributedRateLimit {
  /**
   * A Redis every proxy replica uses (`host:port`): Kong's `redis` policy, Traefik's `redis`.
   * @example DistributedRateLimit.redis('redis.infra.svc.cluster.local:6380', { secretName: 'redis-auth', tls: true, database: 2, timeout: Duration.millis(500) })
   * @example DistributedRateLimit.redis('redis.infra.svc.cluster.local:6380', { tls: true, ca: CaCertificates.fromSecret('redis-ca'), clientCertificateSecret: 'redis-client' })
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
    const tls = bool('DistributedRateLimit.redis.tls', o.tls, false);
    if (tls && /^[\d.]+:\d+$/.test(endpoint)) {
      policyFail('DistributedRateLimit.redis.tls', `the certificate is verified for the endpoint's host name, and ${endpoint} names an IP address; use the host name the certificate carries`);
    }
    let database: number | undefined;
    if (o.database !== undefined) {
      if (typeof o.database !== 'number' || !Number.isInteger(o.database) || o.database < 0 || o.database > REDIS_MAX_DATABASE) {
        policyFail('DistributedRateLimit.redis.database', `${show(o.database)} must be a whole number from 0 to ${REDIS_MAX_DATABASE}`);
      }
      // Database 0 is what an unset database means: one spelling.
      database = o.database === 0 ? undefined : o.database;
    }
    const timeoutMs = durationMs('DistributedRateLimit.redis.timeout', o.timeout);
    if (o.ca !== undefined) {
      const problem = caProblem(o.ca, 'DistributedRateLimit.redis.ca');
      if (problem) throw new PolicyError(problem);
      if (!tls) policyFail('DistributedRateLimit.redis.ca', 'verifies Redis\'s certificate, which needs tls: true');
    }
    let clientCertificateSecret: string | undefined;
    if (o.clientCertificateSecret !== undefined) {
      const problem = typeof o.clientCertificateSecret === 'string' ? checkObjectName(o.clientCertificateSecret) : `${show(o.clientCertificateSecret)} must be a Secret name`;
      if (problem) policyFail('DistributedRateLimit.redis.clientCertificateSecret', problem);
      if (!tls) policyFail('DistributedRateLimit.redis.clientCertificateSecret', 'is presented over TLS, which needs tls: true');
      clientCertificateSecret = o.clientCertificateSecret;
    }
    return new DistributedRateLimit({
      kind: 'redis',
      endpoint,
      secretName: o.secretName,
      ...(tls ? { tls } : {}),
      ...(database !== undefined ? { database } : {}),
      ...(timeoutMs !== undefined ? { timeoutMs } : {}),
      ...(o.ca !== undefined ? { ca: (o.ca as CaCertificates)._toIR() } : {}),
      ...(clientCertificateSecret !== undefined ? { clientCertificateSecret } : {}),
    });
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
