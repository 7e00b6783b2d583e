import { SessionAffinityIR } from '../../../ir/policies';
import { gepDuration } from '../../gateway-api/extension';
import { LoadBalancerSpec } from '../api';

/**
 * `loadBalancer` consistent hashing on a cookie that Envoy sets when it is missing: `ttl` is its
 * Max-Age (`0s`: a session cookie); Path, Secure and SameSite are cookie attributes. Envoy always
 * marks the cookie HttpOnly.
 */
export function loadBalancer(s: SessionAffinityIR): LoadBalancerSpec {
  const attributes: Record<string, string> = {};
  if (s.path !== undefined) attributes.Path = s.path;
  if (s.sameSite !== undefined) attributes.SameSite = s.sameSite;
  if (s.secure) attributes.Secure = '';
  return {
    type: 'ConsistentHash',
    consistentHash: {
      type: 'Cookie',
      cookie: {
        name: s.cookieName,
        ttl: gepDuration((s.ttlSeconds ?? 0) * 1000) ?? '0s',
        attributes: Object.keys(attributes).length > 0 ? attributes : undefined,
      },
    },
  };
}

export function sessionAffinityProblem(s: SessionAffinityIR): string | undefined {
  if (!s.httpOnly) return 'Envoy always marks the cookie it generates HttpOnly; leave `httpOnly` at true';
  if (s.path !== undefined && /[;,\s]/.test(s.path)) return `the cookie path '${s.path}' contains ';', ',' or whitespace, which would end the cookie attribute`;
  if (s.ttlSeconds !== undefined && gepDuration(s.ttlSeconds * 1000) === undefined) return 'the TTL is longer than the largest duration (99999h)';
  return undefined;
}
