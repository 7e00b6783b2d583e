import { unsupportedMessage } from '../../../capabilities/check';
import { FeatureKind } from '../../../capabilities/features';
import { GatewayIR, RouteIR } from '../../../ir/model';
import { RedirectIR } from '../../../ir/policies';
import { certificateFor } from '../../common/tls';
import { RenderProblem } from '../../renderer';
import { FIXED_URL_REGEX, MIDDLEWARE_TYPES } from '../constants';
import { group, literalReplacement, pathRewrite } from './path-modifier';

/** `Middleware.spec.redirectScheme` / `redirectRegex` wire types. */
export interface RedirectSchemeSpec {
  readonly scheme: string;
  readonly port?: string;
  readonly permanent: boolean;
}

export interface RedirectRegexSpec {
  readonly regex: string;
  readonly replacement: string;
  readonly permanent: boolean;
}

/**
 * Status codes. Traefik has no status field: `permanent: true` answers 301 to GET and 308 to
 * every other method, `permanent: false` 302 to GET and 307 otherwise
 * (pkg/middlewares/redirect/redirect.go). So 301 and 308 both map to `permanent: true`, 302
 * and 307 to `false`: for GET the answer means exactly what was asked (301 ≡ 308 and 302 ≡ 307
 * when the method is GET), and for other methods Traefik always keeps the method, which 301 and
 * 302 allow. 303 (the client must switch to GET) has no equivalent and is refused.
 */
export function isPermanent(r: RedirectIR): boolean {
  return r.statusCode === 301 || r.statusCode === 308;
}

/** A redirect that only changes the scheme (and maybe the port): Traefik's redirectScheme. */
export function isSchemeOnly(r: RedirectIR): boolean {
  return r.scheme !== undefined && r.host === undefined && r.path === undefined;
}

/**
 * `Redirect.toHttps()` on a route that keeps its backend: plain HTTP is redirected, HTTPS is
 * served. Rendered as two routers: the websecure one serves, the web one redirects.
 */
export function isHttpsUpgrade(route: RouteIR): boolean {
  const r = route.policies.redirect;
  return r !== undefined && route.backends.length > 0 && r.scheme === 'https' && isSchemeOnly(r) && r.port === undefined;
}

/** A scheme-only redirect to https without backend: only ever useful on the web entry point. */
export function isHttpsRedirectOnly(route: RouteIR): boolean {
  const r = route.policies.redirect;
  return r !== undefined && route.backends.length === 0 && r.scheme === 'https' && isSchemeOnly(r);
}

/**
 * The redirect Middleware spec.
 *
 * - Scheme (and port) only: `redirectScheme`. It keeps host, path and query, drops the request's
 *   port unless `port` is set, and does nothing for a request that already uses the target
 *   scheme (TLS connection, or `X-Forwarded-Proto` from a trusted proxy).
 * - Anything else: `redirectRegex` over the URL Traefik rebuilds from the request
 *   (`<scheme>://<Host header><request URI>`, the scheme being https only on a TLS connection).
 *   The regex matches every such URL: groups are scheme, host, `:port`, path, `?query`.
 *   Unset parts keep the request's value, except the port, which is the scheme's default unless
 *   `port` is set (as `Redirect.to` documents); the query is always kept.
 */
export function redirectSpec(r: RedirectIR, route: RouteIR): Record<string, RedirectSchemeSpec | RedirectRegexSpec> {
  const permanent = isPermanent(r);
  // Redirect.toUrl: the whole URL Traefik rebuilds from the request is replaced, query included.
  if (r.url !== undefined) return { [MIDDLEWARE_TYPES.redirectRegex]: { regex: FIXED_URL_REGEX, replacement: literalReplacement(r.url), permanent } };
  if (isSchemeOnly(r)) {
    return { [MIDDLEWARE_TYPES.redirectScheme]: { scheme: r.scheme!, port: r.port === undefined ? undefined : String(r.port), permanent } };
  }
  const head = '^(https?)://(\\[[^\\]]*\\]|[^/:]*)(:[0-9]+)?';
  const scheme = r.scheme ?? group(1);
  const host = r.host === undefined ? group(2) : literalReplacement(r.host);
  const port = r.port === undefined ? '' : `:${r.port}`;
  if (r.path === undefined) {
    return { [MIDDLEWARE_TYPES.redirectRegex]: { regex: `${head}([^?]*)(.*)$`, replacement: `${scheme}://${host}${port}${group(4)}${group(5)}`, permanent } };
  }
  // Exactly one Prefix match when the modifier is a prefix (checked by Route).
  const path = pathRewrite(r.path, route.matches[0]?.path.value, 4, '[^?]');
  return {
    [MIDDLEWARE_TYPES.redirectRegex]: {
      regex: `${head}${path.pattern}(.*)$`,
      replacement: `${scheme}://${host}${port}${path.replacement}${group(4 + path.groups)}`,
      permanent,
    },
  };
}

/** The capability cell of a redirect, for messages: its first feature. */
function redirectFeature(r: RedirectIR): FeatureKind {
  if (r.url !== undefined) return 'redirectUrl';
  if (r.host) return 'redirectHost';
  if (r.port !== undefined && !r.scheme) return 'redirectPort';
  if (r.path?.kind === 'full') return 'redirectPath';
  if (r.path?.kind === 'prefix') return 'redirectPrefix';
  return r.scheme ? 'redirectScheme' : 'redirectStatusOnly';
}

/**
 * Redirects Traefik cannot render exactly:
 * - status 303 (no equivalent, see `isPermanent`);
 * - Ingress output, a redirect without backend: an Ingress path needs an existing Service, and
 *   the Ingress provider has no equivalent of `noop@internal` (host / port / path redirects are
 *   refused by the capability matrix already, as they never have a backend; this covers
 *   scheme-only ones and fixed-URL ones, which may name one backend that receives nothing);
 * - a scheme-only redirect to http for a host Traefik serves only over plain HTTP: every request
 *   already has the target scheme, so redirectScheme never answers.
 */
export function redirectProblems(controller: 'traefik' | 'traefik-ingress', ir: GatewayIR): RenderProblem[] {
  const problems: RenderProblem[] = [];
  for (const route of ir.routes) {
    const r = route.policies.redirect;
    if (!r) continue;
    const feature = redirectFeature(r);
    if (r.statusCode === 303) {
      problems.push({
        source: r.source,
        message: unsupportedMessage(controller, feature, 'redirect.statusCode',
          'Traefik redirects answer 301/308 (permanent) or 302/307 (temporary) depending on the request method and cannot send 303; use 302 or 307'),
      });
    }
    if (route.backends.length > 0) continue;
    if (controller === 'traefik-ingress') {
      if (feature === 'redirectScheme') {
        problems.push({
          source: r.source,
          message: unsupportedMessage(controller, feature, 'redirect',
            'an Ingress path needs a backend Service and the Traefik Ingress provider cannot target noop@internal, so a route that only redirects cannot be expressed; give the route a backend (Redirect.toHttps()) or use TraefikOutput.INGRESS_ROUTE'),
        });
      } else if (feature === 'redirectUrl') {
        problems.push({
          source: r.source,
          message: unsupportedMessage(controller, feature, 'redirect',
            'an Ingress path needs a backend Service even when the redirect Middleware answers every request, and the Traefik Ingress provider cannot target noop@internal; give the route one backend (it receives nothing) or use TraefikOutput.INGRESS_ROUTE'),
        });
      }
      continue;
    }
    if (isSchemeOnly(r) && r.scheme === 'http') {
      const plain = route.hosts.length === 0 ? ['*'] : route.hosts.filter(h => !certificateFor(h, ir.tlsHosts));
      if (plain.length > 0) {
        problems.push({
          source: r.source,
          message: unsupportedMessage(controller, feature, 'redirect',
            `host '${plain[0]}' has no TlsHost, so Traefik serves it only over plain HTTP and a redirect to http would never apply`),
        });
      }
    }
  }
  return problems;
}
