import { HstsIR, RouteIR } from '../../../ir/model';
import { RouteFilter, RouteRetry, RouteTimeouts, SessionPersistence } from '../api';
import { corsFilter } from './cors';
import type { RouteKind } from './grpc-route';
import { headerModifierFilters } from './header-modifiers';
import { coreRenders, PolicyContext } from './policy-context';
import { redirectFeatures, redirectFilter } from './redirect';
import { routeRetry } from './retry';
import { rewriteFeatures, rewriteFilter } from './rewrite';
import { sessionPersistence } from './session-persistence';
import { routeTimeouts } from './timeouts';
import { RedirectIR, RewriteIR } from '../../../ir/policies';
import { PolicyEmitters, REFUSED } from '../../common/policy-emitters';

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

/** The rule fields a policy kind may set on rules that forward to backends. */
export type BackendRuleFields = Pick<RulePolicies, 'timeouts' | 'retry' | 'sessionPersistence'>;

/**
 * Where one policy kind lands in the standard. `renders(f)`: whether the core renders a feature
 * (no extension took it over).
 */
export interface GatewayApiPolicyEmitter {
  /** Standard filters of every rule serving the route (map order, before the extension's). `hsts`: the route's TlsHost HSTS. */
  readonly filters?: (route: RouteIR, c: PolicyContext, hsts?: HstsIR) => RouteFilter[];
  /** Fields of rules that forward to backends (a rule without backends, a redirect, is answered at the gateway). */
  readonly backendFields?: (route: RouteIR, c: PolicyContext) => Partial<BackendRuleFields>;
  /** The kind of object the route renders to, when this kind decides it. `grpcElsewhere`: an extension handles gRPC backends. */
  readonly routeKind?: (route: RouteIR, grpcElsewhere: boolean) => RouteKind | undefined;
}

/**
 * Every policy kind of the IR and its standard field, or refused: Gateway API has no standard
 * field for it, so the portable column's matrix refuses it and an extension (`handles`) renders
 * it where the implementation has one (rate limits, body size, IP access, authentication).
 */
export const POLICY_EMITTERS: PolicyEmitters<GatewayApiPolicyEmitter> = {
  rateLimit: REFUSED,
  timeouts: { backendFields: (route, c) => ({ timeouts: routeTimeouts(route.policies.timeouts, f => coreRenders(c, f)) }) },
  bodySize: REFUSED,
  cors: { filters: (route, c) => (route.policies.cors && coreRenders(c, 'cors') ? [corsFilter(route.policies.cors)] : []) },
  headers: { filters: (route, c, hsts) => headerModifierFilters(route.policies.headers, f => coreRenders(c, f), hsts) },
  // A redirect that keeps a backend (Redirect.toHttps()) is rendered on separate objects.
  redirect: {
    filters: (route, c) => {
      const redirect = coreRedirect(route, c);
      return redirect && route.backends.length === 0 ? [redirectFilter(redirect)] : [];
    },
  },
  rewrite: {
    filters: (route, c) => {
      const rewrite = coreRewrite(route, c);
      return rewrite ? [rewriteFilter(rewrite)] : [];
    },
  },
  ipAccess: REFUSED,
  retries: { backendFields: (route, c) => ({ retry: route.policies.retries && coreRenders(c, 'retries') ? routeRetry(route.policies.retries) : undefined }) },
  sessionAffinity: {
    backendFields: (route, c) => {
      const s = route.policies.sessionAffinity;
      return { sessionPersistence: s && coreRenders(c, 'sessionAffinityCookie') ? sessionPersistence(s) : undefined };
    },
  },
  // gRPC: a GRPCRoute (unless an extension handles it); the other protocols are the Service port's appProtocol.
  backendProtocol: {
    routeKind: (route, grpcElsewhere) => (route.policies.backendProtocol?.protocol === 'GRPC' && !grpcElsewhere && route.backends.length > 0 ? 'GRPCRoute' : undefined),
  },
  auth: REFUSED,
  concurrencyLimit: REFUSED,
};

/**
 * The emitters (the map's, without the refused kinds) with their policy kinds, in map order: each
 * renders from its own kind only (headers also from the HSTS), so a route runs only the emitters of
 * the kinds it has.
 */
const KEYED_EMITTERS = (Object.keys(POLICY_EMITTERS) as Array<keyof RouteIR['policies']>)
  .filter(k => POLICY_EMITTERS[k] !== REFUSED)
  .map(k => [k, POLICY_EMITTERS[k] as GatewayApiPolicyEmitter] as const);

/** The kind of object a route renders to: a GRPCRoute for a gRPC backend (unless an extension handles it). */
export function routeKind(route: RouteIR, grpcElsewhere: boolean): RouteKind {
  for (const [policy, e] of KEYED_EMITTERS) {
    if (!e.routeKind || route.policies[policy] === undefined) continue;
    const kind = e.routeKind(route, grpcElsewhere);
    if (kind) return kind;
  }
  return 'HTTPRoute';
}

/**
 * Rule fields for a route's served traffic, from every emitter of the map. Backend-only fields
 * are left out of a rule without backends: a redirect is answered at the gateway.
 * `hsts`: the HSTS header of the route's TlsHosts, merged into the response header filter.
 */
export function rulePolicies(route: RouteIR, c: PolicyContext, extensionFilters: readonly RouteFilter[], hsts?: HstsIR): RulePolicies {
  // Only the kinds the route has (most routes have none): an emitter renders nothing without its kind.
  const used = KEYED_EMITTERS.filter(([kind]) => route.policies[kind] !== undefined || (kind === 'headers' && hsts !== undefined)).map(([, e]) => e);
  const filters: RouteFilter[] = [...used.flatMap(e => e.filters?.(route, c, hsts) ?? []), ...extensionFilters];
  const served = route.backends.length > 0;
  const fields: Partial<BackendRuleFields> = served ? Object.assign({}, ...used.map(e => e.backendFields?.(route, c) ?? {})) : {};
  return { filters, timeouts: fields.timeouts, retry: fields.retry, sessionPersistence: fields.sessionPersistence };
}
