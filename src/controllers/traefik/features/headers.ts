import { unsupportedMessage } from '../../../capabilities/check';
import { GatewayIR } from '../../../ir/model';
import { HeaderOpsIR, HeaderRulesIR } from '../../../ir/policies';
import { RenderProblem } from '../../renderer';
import { MIDDLEWARE_TYPES } from '../constants';

/** The `Middleware.spec.headers` fields for custom headers. */
export interface CustomHeadersSpec {
  readonly customRequestHeaders?: Record<string, string>;
  readonly customResponseHeaders?: Record<string, string>;
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

export function customHeadersSpec(h: HeaderRulesIR): Record<string, CustomHeadersSpec> {
  return { [MIDDLEWARE_TYPES.headers]: { customRequestHeaders: custom(h.request), customResponseHeaders: custom(h.response) } };
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
