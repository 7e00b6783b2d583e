import { conditionKey } from './matches';
import { KongColumn, PluginSpec, policyProp } from './plugin';
import { PolicyFeature } from '../../../capabilities/areas/policies';
import { unsupportedMessage } from '../../../capabilities/check';
import { GatewayIR, RouteIR } from '../../../ir/model';
import { RateLimitIR, RateLimitKey } from '../../../ir/policies';
import { routeParts } from '../../gateway-api/extension';
import { RenderProblem } from '../../renderer';
import { PLUGINS, REDIS_SECRET_KEYS } from '../constants';

const LIMIT_BY: Record<RateLimitKey, string> = { clientIp: 'ip', header: 'header', consumer: 'consumer' };

/**
 * `rate-limiting`: a fixed window of one second or one minute, counted per client IP, per
 * header value or per consumer; `policy: local` (per Kong node) or `redis` (shared), with the
 * Redis credentials patched in from the user's Secret so they never appear in the KongPlugin.
 * Redis TLS is `ssl` with `ssl_verify` and `server_name` (the endpoint's host); `timeout` (ms)
 * covers connecting, sending and reading.
 */
export function rateLimitPlugin(rl: RateLimitIR): PluginSpec {
  const redis = rl.distributed?.kind === 'redis' ? rl.distributed : undefined;
  return {
    plugin: PLUGINS.rateLimiting,
    config: () => {
      const endpoint = redis?.endpoint;
      const colon = endpoint ? endpoint.lastIndexOf(':') : -1;
      return {
        [rl.per]: rl.requests,
        limit_by: LIMIT_BY[rl.key],
        header_name: rl.key === 'header' ? rl.header : undefined,
        policy: endpoint ? 'redis' : 'local',
        redis: endpoint ? {
          host: endpoint.slice(0, colon),
          port: Number(endpoint.slice(colon + 1)),
          database: redis?.database,
          // ssl_verify checks the certificate against lua_ssl_trusted_certificate, server_name the host.
          ...(redis?.tls ? { ssl: true, ssl_verify: true, server_name: endpoint.slice(0, colon) } : {}),
          timeout: redis?.timeoutMs,
        } : undefined,
      };
    },
    configPatches: () => {
      const secret = redis?.endpoint ? redis.secretName : undefined;
      return secret ? REDIS_SECRET_KEYS.map(key => ({ path: `/redis/${key}`, valueFrom: { secretKeyRef: { name: secret, key } } })) : undefined;
    },
  };
}

const KEY_FEATURE: Record<RateLimitKey, PolicyFeature> = {
  clientIp: 'rateLimitPerClientIp', header: 'rateLimitPerHeader', consumer: 'rateLimitPerConsumer',
};

/**
 * How many Kong routes KIC makes of this route. Ingress mode: one per Ingress (set of header /
 * method conditions) and host. Gateway API mode: one per HTTPRoute and set of method / header /
 * query conditions (all hostnames of an HTTPRoute share a Kong route).
 */
export function kongRouteCount(route: RouteIR, column: KongColumn): number {
  if (column === 'kong') {
    return new Set(route.matches.map(conditionKey)).size * Math.max(1, route.hosts.length);
  }
  return routeParts(route).reduce((n, part) => n + new Set(part.matches.map(m => JSON.stringify([m.method, m.headers, m.queryParams]))).size, 0);
}

/**
 * Kong keeps a rate-limit counter per Kong route the plugin is attached to (also in Redis): a
 * route KIC splits into several Kong routes would let a client make that many times the limit.
 */
export function rateLimitScopeProblems(column: KongColumn, ir: GatewayIR): RenderProblem[] {
  const problems: RenderProblem[] = [];
  for (const route of ir.routes) {
    const rl = route.policies.rateLimit;
    if (!rl) continue;
    const count = kongRouteCount(route, column);
    if (count <= 1) continue;
    const split = column === 'kong'
      ? 'one per host and per set of header / method conditions'
      : 'one per HTTPRoute and per set of method / header / query conditions';
    problems.push({
      source: route.source,
      message: unsupportedMessage(column, KEY_FEATURE[rl.key], policyProp(ir, rl.source, 'rateLimit'),
        `Kong counts a rate limit per Kong route and KIC renders this route as ${count} Kong routes (${split}), so a client could make ${count} times the limit; give each host or condition set its own route`),
    });
  }
  return problems;
}

/**
 * Kong counts per consumer only when an authentication plugin on the same route identified one;
 * otherwise `limit_by: consumer` silently falls back to the client IP.
 */
export function rateLimitProblems(column: KongColumn, ir: GatewayIR): RenderProblem[] {
  const problems: RenderProblem[] = [];
  for (const route of ir.routes) {
    const rl = route.policies.rateLimit;
    if (rl?.key !== 'consumer') continue;
    const auth = route.policies.auth?.kind;
    if (auth === 'apiKey' || auth === 'basic' || auth === 'jwtConsumerKeys') continue;
    problems.push({
      source: route.source,
      message: unsupportedMessage(column, 'rateLimitPerConsumer', policyProp(ir, rl.source, 'rateLimit'),
        'Kong knows the consumer only when an authentication plugin on the same route identified it (without one, limit_by: consumer falls back to the client IP); add EdgeAuth.apiKey() or EdgeAuth.basic() to this route'),
    });
  }
  return problems;
}
