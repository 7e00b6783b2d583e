import { SessionAffinityIR } from '../../../ir/policies';
import { SessionPersistence } from '../api';
import { gepDuration } from './duration';

/**
 * Experimental `rules[].sessionPersistence` with a cookie: a TTL makes it a permanent cookie
 * (`Max-Age`/`Expires` from `absoluteTimeout`), else a session cookie.
 */
export function sessionPersistence(s: SessionAffinityIR): SessionPersistence {
  const ttl = s.ttlSeconds !== undefined ? gepDuration(s.ttlSeconds * 1000) : undefined;
  return {
    sessionName: s.cookieName,
    type: 'Cookie',
    absoluteTimeout: ttl,
    cookieConfig: ttl ? { lifetimeType: 'Permanent' } : undefined,
  };
}

/**
 * Why Gateway API cannot set the cookie as asked, or undefined. GEP-1619 leaves cookie attributes
 * to the implementation, which SHOULD set Secure, HttpOnly and SameSite=Strict and derives Path
 * from the route's path.
 */
export function sessionPersistenceProblem(s: SessionAffinityIR): string | undefined {
  if (s.path !== undefined) return 'Gateway API derives the cookie path from the route\'s paths; leave `path` unset';
  if (!s.secure) return 'Gateway API implementations set Secure on the cookie (GEP-1619); leave `secure` at true';
  if (!s.httpOnly) return 'Gateway API implementations set HttpOnly on the cookie (GEP-1619); leave `httpOnly` at true';
  if (s.sameSite !== undefined && s.sameSite !== 'Strict') return `Gateway API implementations set SameSite=Strict on the cookie (GEP-1619), not ${s.sameSite}`;
  if (s.ttlSeconds !== undefined && gepDuration(s.ttlSeconds * 1000) === undefined) return 'the TTL is longer than the largest Gateway API duration (99999h)';
  return undefined;
}
