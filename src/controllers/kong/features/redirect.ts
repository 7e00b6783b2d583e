import { policyProp } from './plugin';
import { unsupportedMessage } from '../../../capabilities/check';
import { GatewayIR, RouteIR } from '../../../ir/model';
import { RenderProblem } from '../../renderer';
import { ANNOTATIONS, HTTPS_ONLY, HTTPS_REDIRECT_CODES } from '../constants';

/**
 * HTTPS redirect on Kong Ingress: the route accepts only `https`, and Kong answers plain-HTTP
 * requests with a redirect to the same URL over HTTPS, with the given status. On a TlsHost's
 * host this replaces the TlsHost's default redirect (features/tls.ts): one redirect, the route's
 * status code.
 */
export function redirectAnnotations(route: RouteIR): Record<string, string> {
  const r = route.policies.redirect;
  if (r?.scheme !== 'https') return {};
  return { [ANNOTATIONS.protocols]: HTTPS_ONLY, [ANNOTATIONS.httpsRedirectStatusCode]: String(r.statusCode) };
}

/** Ingress mode (Kong's Gateway API mode has no scheme redirect at all: the matrix refuses it). */
export function redirectProblems(ir: GatewayIR): RenderProblem[] {
  const problems: RenderProblem[] = [];
  for (const route of ir.routes) {
    const r = route.policies.redirect;
    // Host, port and path redirects are refused by the matrix whatever their scheme.
    if (!r?.scheme || r.host || r.port !== undefined || r.path) continue;
    const problem = (prop: string, reason: string) => problems.push({
      source: r.source,
      message: unsupportedMessage('kong', 'redirectScheme', policyProp(ir, r.source, prop), reason),
    });
    if (r.scheme !== 'https') {
      problem('redirect.scheme', `Kong only redirects plain HTTP to HTTPS ('${r.scheme}' given)`);
    } else if (!HTTPS_REDIRECT_CODES.includes(r.statusCode)) {
      problem('redirect.statusCode', `Kong redirects plain HTTP to HTTPS with ${HTTPS_REDIRECT_CODES.join(', ')} only (${r.statusCode} given)`);
    }
    if (r.scheme === 'https' && route.backends.length === 0) {
      problem('redirect', 'Kong redirects only plain-HTTP requests and forwards HTTPS ones, so the route needs a backend; use Redirect.toHttps() with a backend');
    }
  }
  return problems;
}
