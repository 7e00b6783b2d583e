import { HstsIR, RouteIR } from '../../../ir/model';
import { RouteFilter, RouteRetry, RouteTimeouts, SessionPersistence } from '../api';
import { corsFilter } from './cors';
import { headerModifierFilters } from './header-modifiers';
import { coreRenders, PolicyContext } from './policy-context';
import { redirectFeatures, redirectFilter } from './redirect';
import { routeRetry } from './retry';
import { rewriteFeatures, rewriteFilter } from './rewrite';
import { sessionPersistence } from './session-persistence';
import { routeTimeouts } from './timeouts';
import { RedirectIR, RewriteIR } from '../../../ir/policies';

/** The standard fields one route's policies render to, shared by every rule that serves it. */
export interface RulePolicies {
  /** Standard filters, then the extension's. */
  readonly filters: RouteFilter[];
  readonly timeouts?: RouteTimeouts;
  readonly retry?: RouteRetry;
  readonly sessionPersistence?: SessionPersistence;
}

/** The route's redirect, when the core renders it (an extension may take a redirect over as a whole). */
export function coreRedirect(route: RouteIR, c: PolicyContext): RedirectIR | undefined {
  const r = route.policies.redirect;
  return r && redirectFeatures(r).every(f => coreRenders(c, f)) ? r : undefined;
}

export function coreRewrite(route: RouteIR, c: PolicyContext): RewriteIR | undefined {
  const w = route.policies.rewrite;
  return w && rewriteFeatures(w).every(f => coreRenders(c, f)) ? w : undefined;
}

/**
 * Rule fields for a route's served traffic. Backend-only fields (timeouts, retry, session
 * persistence) are left out of a rule without backends: a redirect is answered at the gateway.
 * `hsts`: the HSTS header of the route's TlsHosts, merged into the response header filter.
 */
export function rulePolicies(route: RouteIR, c: PolicyContext, extensionFilters: readonly RouteFilter[], hsts?: HstsIR): RulePolicies {
  const p = route.policies;
  const renders = (f: Parameters<typeof coreRenders>[1]) => coreRenders(c, f);
  const filters: RouteFilter[] = [];
  if (p.cors && renders('cors')) filters.push(corsFilter(p.cors));
  filters.push(...headerModifierFilters(p.headers, renders, hsts));
  // A redirect that keeps a backend (Redirect.toHttps()) is rendered on separate objects.
  const redirect = coreRedirect(route, c);
  if (redirect && route.backends.length === 0) filters.push(redirectFilter(redirect));
  const rewrite = coreRewrite(route, c);
  if (rewrite) filters.push(rewriteFilter(rewrite));
  filters.push(...extensionFilters);
  const served = route.backends.length > 0;
  return {
    filters,
    timeouts: served ? routeTimeouts(p.timeouts, renders) : undefined,
    retry: served && p.retries && renders('retries') ? routeRetry(p.retries) : undefined,
    sessionPersistence: served && p.sessionAffinity && renders('sessionAffinityCookie') ? sessionPersistence(p.sessionAffinity) : undefined,
  };
}
