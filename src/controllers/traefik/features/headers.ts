import { unsupportedMessage } from '../../../capabilities/check';
import { joinName } from '../../../core/names';
import { BackendIR, GatewayIR, HstsIR, RouteIR } from '../../../ir/model';
import { HeaderOpsIR, HeaderRulesIR } from '../../../ir/policies';
import { RenderProblem } from '../../renderer';
import { MIDDLEWARE_TYPES } from '../constants';
import { hostHstsNeed, hstsHeadersFields } from './tls';
import { disagreement } from '../../common/tls';

/** The `Middleware.spec.headers` fields for custom headers (and HSTS, see `customHeadersSpec`). */
export interface CustomHeadersSpec {
  readonly customRequestHeaders?: Record<string, string>;
  readonly customResponseHeaders?: Record<string, string>;
  readonly stsSeconds?: number;
  readonly stsIncludeSubdomains?: boolean;
  readonly stsPreload?: boolean;
}

/**
 * Traefik's custom headers map a name to a value: a value replaces the header (set), `""`
 * deletes it (remove). There is no append (`add` is refused by the capability matrix).
 */
function custom(ops: HeaderOpsIR | undefined): Record<string, string> | undefined {
  if (!ops) return undefined;
  const entries: Array<[string, string]> = [...ops.set.map(s => [s.name, s.value] as [string, string]), ...ops.remove.map(n => [n, ''] as [string, string])];
  if (entries.length === 0) return undefined;
  return Object.fromEntries(entries.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}

export function hasCustomHeaders(h: HeaderRulesIR | undefined): boolean {
  return h !== undefined && (custom(h.request) !== undefined || custom(h.response) !== undefined);
}

/**
 * The route's `headers` Middleware. A router takes one `headers` middleware per route here, so
 * the HSTS of the route's TlsHost (`hsts`, read at synth) is merged into it rather than added as
 * the TlsHost's own HSTS middleware (features/middlewares.ts `routerChain`). A header rule on
 * Strict-Transport-Security together with HSTS is refused before rendering (gateway validation).
 */
export function customHeadersSpec(h: HeaderRulesIR, hsts?: HstsIR): Record<string, CustomHeadersSpec> {
  return {
    [MIDDLEWARE_TYPES.headers]: {
      customRequestHeaders: custom(h.request),
      customResponseHeaders: custom(h.response),
      ...(hsts ? hstsHeadersFields(hsts) : {}),
    },
  };
}

/**
 * - Removing the request's `Host`: Traefik keeps the host outside the header map (`req.Host`),
 *   so deleting the header does nothing.
 * - Setting `Host` while `rewrite` also sets the host: two middlewares would write it and the
 *   later would silently win.
 */
export function headerProblems(controller: 'traefik' | 'traefik-ingress', ir: GatewayIR): RenderProblem[] {
  const problems: RenderProblem[] = [];
  for (const route of ir.routes) {
    const h = route.policies.headers;
    if (!h?.request) continue;
    const prefix = h.source === ir.source ? 'defaults.' : '';
    if (h.request.remove.includes('host')) {
      problems.push({
        source: h.source,
        message: unsupportedMessage(controller, 'requestHeaderRemove', `${prefix}headerRules.request.remove`,
          'Traefik keeps the request host outside the header list, so the Host header cannot be removed'),
      });
    }
    if (h.request.set.some(s => s.name === 'host') && route.policies.rewrite?.host) {
      problems.push({
        source: h.source,
        message: unsupportedMessage(controller, 'requestHeaderSet', `${prefix}headerRules.request.set`,
          `the route also rewrites the host (Rewrite.hostname('${route.policies.rewrite.host}')); set the Host in one place only`),
      });
    }
  }
  return problems;
}

/**
 * A route's own `headers` Middleware carries the HSTS of its TlsHosts (`customHeadersSpec`) and
 * is shared by all its hosts, so the hosts it serves over HTTPS must agree on HSTS.
 */
export function hstsMergeProblems(controller: 'traefik' | 'traefik-ingress', ir: GatewayIR): RenderProblem[] {
  const problems: RenderProblem[] = [];
  for (const route of ir.routes) {
    if (!hasCustomHeaders(route.policies.headers)) continue;
    const d = disagreement(route.hosts, h => hostHstsNeed(route, h, ir.tlsHosts));
    if (!d) continue;
    problems.push({
      source: route.source,
      message: unsupportedMessage(controller, 'hsts', 'hsts',
        `the route's headerRules and its TlsHosts' HSTS share one headers Middleware for all the route's hosts, and '${d.host}' (${d.value}) and '${d.otherHost}' (${d.otherValue}) differ; put them on separate routes`),
    });
  }
  return problems;
}

/** The `headers` Middleware of a backend's own header rules: `<route>-<service>-<port>-headers`. */
export function backendHeadersName(route: RouteIR, b: BackendIR): string {
  return joinName([route.name, b.service, String(b.port), 'headers']);
}

/** A backend's own header rules as a `headers` Middleware spec (set and remove; never HSTS). */
export function backendHeadersSpec(b: BackendIR): Record<string, CustomHeadersSpec> {
  return customHeadersSpec({ source: '', ...b.headers });
}

/**
 * A backend's header rules (an IngressRoute service's middleware, or the last of an Ingress
 * router's middlewares): Traefik's headers middleware replaces or
 * deletes values (no append), and the Host is not a header there (removing it does nothing;
 * the route's `Rewrite.hostname` sets it).
 */
export function backendHeaderProblems(controller: 'traefik' | 'traefik-ingress', ir: GatewayIR): RenderProblem[] {
  const problems: RenderProblem[] = [];
  for (const route of ir.routes) {
    route.backends.forEach((b, i) => {
      const at = route.backends.length > 1 ? `backends[${i}]` : 'backend';
      for (const side of ['request', 'response'] as const) {
        const ops = b.headers?.[side];
        if (!ops) continue;
        const feature = side === 'request' ? 'backendRequestHeaders' : 'backendResponseHeaders';
        if (ops.add.length > 0) {
          problems.push({ source: route.source, message: unsupportedMessage(controller, feature, `${at}.headers.${side}.add`, 'Traefik\'s headers middleware replaces values; it cannot append') });
        }
        if (side === 'request' && [...ops.set.map(h => h.name), ...ops.remove].includes('host')) {
          problems.push({
            source: route.source,
            message: unsupportedMessage(controller, feature, `${at}.headers.request`, 'Traefik keeps the request host outside the header list; set it with the route\'s Rewrite.hostname'),
          });
        }
      }
    });
  }
  return problems;
}
