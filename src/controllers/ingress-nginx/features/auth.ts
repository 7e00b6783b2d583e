import { Emitted, NGINX_HEADER_NAME, NginxFeature, emit, quoted, refuse } from './emitted';
import { GatewayIR, RouteIR } from '../../../ir/model';
import { RenderProblem } from '../../renderer';

/**
 * The auth cache key: every input of the auth decision we can name. ingress-nginx prefixes it
 * with the server name and the auth URL path, and the auth subrequest carries all request
 * headers plus X-Original-URL / X-Original-Method, so a key of only `$http_authorization` would
 * let a cookie-authenticated user's cached 2xx admit anyone without an Authorization header.
 * Client address, method, host, URI (path and query), Authorization and Cookie are all in the
 * key; an auth service that decides on other headers must not use the cache. Only nginx
 * variable characters ([A-Za-z0-9-_$]), as ingress-nginx's NGINXVariable check requires.
 */
export const AUTH_CACHE_KEY = '$remote_addr$request_method$host$request_uri$http_authorization$http_cookie';

/** The 2xx answers that grant access (nginx auth_request); 401 / 403 are never cached. */
export const AUTH_CACHE_STATUSES = [200, 201, 202, 203, 204];

const DURATION_UNITS: ReadonlyArray<[string, number]> = [['d', 86400], ['h', 3600], ['m', 60]];

/** nginx duration in the largest exact unit (`5m`, `90s`). */
export function nginxDuration(seconds: number): string {
  for (const [unit, size] of DURATION_UNITS) {
    if (seconds % size === 0) return `${seconds / size}${unit}`;
  }
  return `${seconds}s`;
}

/**
 * External auth: `auth-url` (+ `auth-response-headers`, `auth-signin`, `auth-cache-key` +
 * `auth-cache-duration`). auth-url and auth-signin are High-risk annotations, accepted by
 * ingress-nginx's default `annotations-risk-level` (High). ingress-nginx appends
 * `?rd=<original URL>` to the sign-in URL.
 *
 * Basic auth: `auth-type: basic`, `auth-secret` (same namespace), `auth-secret-type: auth-file`
 * (htpasswd lines under the key `auth`), `auth-realm`.
 */
export const AUTH: NginxFeature = {
  annotations(route: RouteIR): Emitted[] {
    const a = route.policies.auth;
    if (!a) return [];
    if (a.kind === 'external') {
      const out = [emit('authUrl', a.url, 'externalAuth', 'auth', a.source)];
      if (a.responseHeaders.length > 0) {
        out.push(emit('authResponseHeaders', a.responseHeaders.join(', '), 'externalAuthResponseHeaders', 'auth.responseHeaders', a.source));
      }
      if (a.signinUrl) out.push(emit('authSignin', a.signinUrl, 'externalAuthSignin', 'auth.signinUrl', a.source));
      if (a.cacheSeconds !== undefined) {
        out.push(emit('authCacheKey', AUTH_CACHE_KEY, 'externalAuthCache', 'auth.cache', a.source));
        out.push(emit('authCacheDuration', `${AUTH_CACHE_STATUSES.join(' ')} ${nginxDuration(a.cacheSeconds)}`, 'externalAuthCache', 'auth.cache', a.source));
      }
      return out;
    }
    // Basic auth of any consumer (no Secret) is refused by the matrix: nothing to emit.
    if (a.kind === 'basic' && a.secretName !== undefined) {
      const out = [
        emit('authType', 'basic', 'basicAuth', 'auth', a.source),
        emit('authSecret', a.secretName, 'basicAuth', 'auth', a.source),
        emit('authSecretType', 'auth-file', 'basicAuth', 'auth', a.source),
      ];
      if (a.realm !== undefined) out.push(emit('authRealm', a.realm, 'basicAuth', 'auth', a.source));
      return out;
    }
    return [];
  },

  problems(route: RouteIR, gw: GatewayIR): RenderProblem[] {
    const a = route.policies.auth;
    if (a?.kind !== 'external') return [];
    const bad = a.responseHeaders.filter(h => !NGINX_HEADER_NAME.test(h));
    return bad.length === 0 ? [] : [refuse(gw, a.source, 'externalAuthResponseHeaders', 'auth.responseHeaders',
      `auth-response-headers accepts only letters, digits, '-' and '_' in header names (${quoted(bad)} given)`)];
  },
};
