import { PolicyFeature } from '../../../capabilities/areas/policies';
import { HstsIR, RouteIR } from '../../../ir/model';
import { RenderProblem } from '../../renderer';
import { LIMITS } from '../api';
import { MAX_CORS_MAX_AGE } from './cors';
import { gepDurationProblem } from './duration';
import { grpcMatch, RouteKind } from './grpc-route';
import { RegexStyle } from './http-route';
import { coreRenders, isActive, PolicyContext, refuse } from './policy-context';
import { redirectFeatures, redirectProp, schemeOnly } from './redirect';
import { retryProblem } from './retry';
import { rewriteFeatures } from './rewrite';
import { coreRedirect, coreRewrite, rulePolicies } from './rule-policies';
import { sessionPersistenceProblem } from './session-persistence';
import { IDEMPOTENT_ONLY_HINT, nonIdempotentRetryAt } from '../../../checks/retries';

export interface CoreCheckOptions {
  readonly gatewaySource: string;
  /** The ApiGateway attaches to an existing Gateway (its listeners are unknown here). */
  readonly attached: boolean;
  /** The listeners an attached ApiGateway names (empty: every listener). */
  readonly attachedSections: readonly string[];
  /** The listener port an attached ApiGateway names, if any. */
  readonly attachedPort?: number;
  readonly httpPort: number;
  readonly httpsPort: number;
  readonly regex: RegexStyle;
  /** How many parentRefs a scheme-only redirect's parts need (one per listener of a scheme). */
  readonly listenerRefCount: (route: RouteIR, scheme: 'http' | 'https') => number;
  /** The route's hosts no HTTPS listener serves (no TlsHost covers them). */
  readonly hostsWithoutHttpsListener: (route: RouteIR) => string[];
  /** The HSTS header the core adds to the route's rules (merged into its response header filter). */
  readonly hsts: (route: RouteIR) => HstsIR | undefined;
}

const GRPC_ROUTE = 'a gRPC route renders as a GRPCRoute';

/**
 * Values of the standard fields the core renders that Gateway API cannot express exactly on this
 * route. Only features whose cell is supported are checked (the others already fail with the
 * standard message).
 */
export function policyProblems(
  route: RouteIR, c: PolicyContext, o: CoreCheckOptions, kind: RouteKind, extensionFilterCount: number,
): RenderProblem[] {
  const out: RenderProblem[] = [];
  const p = route.policies;
  const checks = (f: PolicyFeature) => coreRenders(c, f) && isActive(c, f);
  const no = (f: PolicyFeature, source: string, prop: string, reason: string) => {
    out.push(refuse(c.controller, o.gatewaySource, f, source, prop, reason));
  };
  const grpc = kind === 'GRPCRoute';

  const t = p.timeouts;
  if (t) {
    for (const [set, ms, prop] of [['timeoutRequest', t.requestMs, 'timeouts.request'], ['timeoutBackendRequest', t.backendRequestMs, 'timeouts.backendRequest']] as const) {
      const f = ms === 0 ? 'timeoutDisabled' : set;
      if (ms === undefined || !checks(f)) continue;
      if (grpc) no(f, t.source, prop, `${GRPC_ROUTE}, which has no timeouts`);
      else if (gepDurationProblem(ms)) no(f, t.source, prop, gepDurationProblem(ms)!);
    }
  }

  if (p.cors && checks('cors')) {
    if (grpc) no('cors', p.cors.source, 'cors', `${GRPC_ROUTE}, which has no CORS filter`);
    else if ((p.cors.maxAgeSeconds ?? 0) > MAX_CORS_MAX_AGE) no('cors', p.cors.source, 'cors.maxAge', `Gateway API's maxAge is at most ${MAX_CORS_MAX_AGE} seconds`);
  }

  const redirect = coreRedirect(route, c);
  if (redirect && redirectFeatures(redirect).every(f => isActive(c, f))) {
    const feature = redirectFeatures(redirect)[0];
    const prop = redirectProp(redirect);
    const scheme = schemeOnly(redirect);
    if (!redirect.scheme && redirect.port === undefined && !o.attached && (o.httpPort !== 80 || o.httpsPort !== 443)) {
      no(feature, redirect.source, prop, `without a scheme or port, Gateway API redirects to the listener's port (${o.httpPort} or ${o.httpsPort}), not the scheme's default port; set the redirect's port (and scheme) explicitly`);
    }
    if (scheme && o.attached && (route.backends.length > 0 || (o.attachedSections.length === 0 && o.attachedPort === undefined))) {
      no('redirectScheme', redirect.source, 'redirect', route.backends.length > 0
        ? `a ${scheme} redirect that keeps a backend needs its own HTTPRoute on the ${scheme === 'https' ? 'HTTP' : 'HTTPS'} listener and another on the ${scheme.toUpperCase()} ones, but the listeners of an attached Gateway are unknown here; put the redirect and the backend on separate ApiGateways attached to the right listeners (attachTo.sectionName)`
        : `the redirect must attach only to the ${scheme === 'https' ? 'HTTP' : 'HTTPS'} listener (attached to the ${scheme.toUpperCase()} one it would redirect to itself), but the listeners of an attached Gateway are unknown here; name that listener in attachTo.sectionName`);
    }
    const unserved = o.hostsWithoutHttpsListener(route);
    if (scheme === 'https' && !o.attached && route.backends.length > 0 && (o.listenerRefCount(route, 'https') === 0 || unserved.length > 0)) {
      // The backend is served on HTTPS listeners only (the listeners of the TlsHosts covering
      // the route's hosts, as for every route): a host without one would be redirected to an
      // HTTPS listener that does not serve it.
      out.push({
        source: redirect.source,
        message: `Route.redirect: Redirect.toHttps() serves the backend over HTTPS only, but no TlsHost covers ${route.hosts.length > 0 ? unserved.join(', ') : 'this route (it has no hosts)'}, so the Gateway has no HTTPS listener for it; add a TlsHost for the route's hosts`,
      });
    }
    if (scheme === 'http' && !o.attached && (o.listenerRefCount(route, 'https') === 0 || unserved.length > 0)) {
      // A redirect to http attaches to the HTTPS listeners of its hosts; without a TlsHost there
      // is none, and the HTTPRoute would attach nowhere (a dead object).
      no('redirectScheme', redirect.source, 'redirect', route.hosts.length > 0
        ? `${unserved.map(h => `'${h}'`).join(', ')} ${unserved.length === 1 ? 'has' : 'have'} no TlsHost, so the Gateway has no HTTPS listener for ${unserved.length === 1 ? 'it' : 'them'} and a redirect to http would never apply`
        : 'the route has no hosts and no TlsHost covers it, so the Gateway has no HTTPS listener for it and a redirect to http would never apply');
    }
    if (scheme && !o.attached) {
      for (const s of route.backends.length > 0 ? ['http', 'https'] as const : [scheme === 'https' ? 'http' as const : 'https' as const]) {
        const n = o.listenerRefCount(route, s);
        if (n > LIMITS.parentRefsPerRoute) {
          no('redirectScheme', redirect.source, 'redirect', `the route would attach to ${n} HTTPS listeners but an HTTPRoute takes at most ${LIMITS.parentRefsPerRoute} parentRefs; give the route fewer or wildcard TLS hostnames`);
        }
      }
    }
  }

  const rewrite = coreRewrite(route, c);
  if (rewrite && grpc) {
    for (const f of rewriteFeatures(rewrite).filter(isActiveFor(c))) no(f, rewrite.source, 'rewrite', `${GRPC_ROUTE}, which has no URLRewrite filter`);
  }

  const r = p.retries;
  if (r && checks('retries')) {
    if (grpc) {
      no('retries', r.source, 'retries', `${GRPC_ROUTE}, which has no retry field`);
    } else {
      const problem = retryProblem(r);
      if (problem && isActive(c, problem.feature)) no(problem.feature, r.source, problem.prop, problem.reason);
      const methods = nonIdempotentRetryAt(route);
      if (methods && isActive(c, methods.feature)) {
        no(methods.feature, r.source, methods.prop, `Gateway API leaves retrying POST and PATCH once the backend may have received them to the implementation; ${IDEMPOTENT_ONLY_HINT}`);
      }
    }
  }

  const s = p.sessionAffinity;
  if (s && checks('sessionAffinityCookie')) {
    const problem = sessionPersistenceProblem(s);
    if (problem) no('sessionAffinityCookie', s.source, 'sessionAffinity', problem);
  }

  if (grpc && isActive(c, 'backendGrpc')) {
    route.matches.forEach((m, i) => {
      const problem = grpcMatch(m, o.regex).problem;
      if (problem) out.push(refuse(c.controller, o.gatewaySource, 'backendGrpc', route.source, route.matches.length > 1 ? `matches[${i}]` : 'match', problem));
    });
  }

  const filters = rulePolicies(route, c, [], o.hsts(route)).filters.length + extensionFilterCount;
  if (filters > LIMITS.filtersPerRule) {
    out.push({
      source: route.source,
      message: `Route: its policies need ${filters} filters per rule but Gateway API allows ${LIMITS.filtersPerRule} (request headers, response headers, redirect, rewrite, CORS, mirror and each implementation filter take one each); drop some of its policies`,
    });
  }
  return out;
}

function isActiveFor(c: PolicyContext): (f: PolicyFeature) => boolean {
  return f => isActive(c, f);
}
