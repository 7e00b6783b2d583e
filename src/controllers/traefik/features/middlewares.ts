import { joinName } from '../../../core/names';
import { GatewayIR, HstsIR, RouteIR, TlsHostIR } from '../../../ir/model';
import { certificateFor } from '../../common/tls';
import { CRD_PROVIDER } from '../constants';
import { policyMiddlewares } from './policies';
import { isHttpsUpgrade } from './redirect';
import { Listener, tlsObjectNames } from './tls';
import { RouterVariant } from '../api';

/**
 * One Middleware per policy kind per route, shared by all the route's IngressRoutes / Ingresses.
 *
 * Order of the chain (a router runs its middlewares in list order, each wrapping the next):
 *  1. headers      - custom request / response headers. First, so response changes reach every
 *                    answer the client gets (403, 429, redirects, 401, 413), and client-sent
 *                    request headers are removed / replaced before anything reads them (the
 *                    auth service, and forwardAuth's copied headers are applied after them, so
 *                    a client cannot spoof an identity header the auth service sets).
 *  2. ipallowlist  - refuse unlisted clients before any work, and before revealing redirects,
 *                    CORS policy or an auth challenge.
 *  3. ratelimit    - count every request of an admitted client, before costly steps, auth
 *                    included: it throttles credential guessing and shields the auth service.
 *     inflightreq-client - requests in progress per client (the rate limit's
 *                    concurrentConnections), right after the rate: a request the rate refuses
 *                    never takes an in-flight slot.
 *     inflightreq  - requests in progress (ConcurrencyLimit), after the client's own: a client
 *                    over its own limit never takes a slot of a per-host limit.
 *  4. cors         - answer preflights (which carry no credentials) before auth would refuse
 *                    them, and add CORS headers to redirects and auth failures so the browser
 *                    can read them.
 *  5. redirect     - before auth: credentials are never asked for on a connection that is being
 *                    redirected (e.g. plain HTTP).
 *  6. auth         - forwardAuth / basicAuth.
 *  7. buffering    - only authenticated requests make Traefik buffer a body.
 *  8. rewrite-path, rewrite-host - after auth (the auth service sees the client's path and
 *                    host), before retry (a retried request is not rewritten twice).
 *  9. retry        - innermost: only the call to the backend is retried.
 * The IP deny list is a rule condition plus a deny router (see ip-access.ts); its Middleware
 * (`ipdeny`) is used only by that router, after `headers`.
 *
 * A route without backend (a redirect) gets only 1-5: the redirect answers every request, so
 * nothing after it would run.
 */
export type MiddlewareRole =
  | 'headers' | 'ipallowlist' | 'ratelimit' | 'cors' | 'redirect' | 'auth' | 'buffering'
  | 'rewrite-path' | 'rewrite-host' | 'retry' | 'ipdeny' | 'inflightreq' | 'inflightreq-client';

export const CHAIN_ORDER: readonly MiddlewareRole[] = [
  'headers', 'ipallowlist', 'ratelimit', 'inflightreq-client', 'inflightreq', 'cors', 'redirect', 'auth', 'buffering', 'rewrite-path', 'rewrite-host', 'retry',
];

/** Roles that act only on requests forwarded to a backend. */
const FORWARDING: ReadonlySet<MiddlewareRole> = new Set(['auth', 'buffering', 'rewrite-path', 'rewrite-host', 'retry']);

export interface MiddlewarePlan {
  readonly role: MiddlewareRole;
  /** Construct id under the route. */
  readonly id: string;
  readonly name: string;
  /** The Middleware spec (one middleware type). Pure. */
  readonly spec: () => unknown;
}

/**
 * The route's Middlewares (from the policy emitter map, features/policies.ts), in chain order
 * (then `ipdeny`). Decided from the RouteIR only, so
 * the set is fixed at allocation. `withDeny`: IngressRoute output (the Ingress provider cannot
 * express a deny list; refused by the capability matrix). `hsts`: the HSTS of the route's
 * TlsHosts, read at synth, merged into the route's `headers` Middleware when it has one.
 */
export function middlewarePlans(route: RouteIR, withDeny: boolean, hsts?: () => HstsIR | undefined): MiddlewarePlan[] {
  const specs = policyMiddlewares(route, hsts);
  const plans = CHAIN_ORDER
    .filter(role => specs[role] !== undefined && (route.backends.length > 0 || !FORWARDING.has(role)))
    .map(role => plan(route, role, specs[role]!));
  if (withDeny && specs.ipdeny) plans.push(plan(route, 'ipdeny', specs.ipdeny));
  return plans;
}

function plan(route: RouteIR, role: MiddlewareRole, spec: () => unknown): MiddlewarePlan {
  return { role, id: `Middleware-${role}`, name: joinName([route.name, role]), spec };
}

/** The middleware names of one router, in chain order. */
export function chainFor(plans: readonly MiddlewarePlan[], route: RouteIR, variant: RouterVariant): string[] {
  const has = (role: MiddlewareRole) => plans.find(pl => pl.role === role);
  if (variant === 'deny') return [has('headers'), has('ipdeny')].filter(isPlan).map(pl => pl.name);
  // The websecure router of an HTTPS upgrade serves: only the web twin redirects.
  const skipRedirect = variant === 'serve' && isHttpsUpgrade(route);
  return plans.filter(pl => pl.role !== 'ipdeny' && !(skipRedirect && pl.role === 'redirect')).map(pl => pl.name);
}

/**
 * The middleware names of one router, with its listener's TLS settings: on an HTTPS listener
 * whose TlsHost sends HSTS, the TlsHost's HSTS `headers` middleware comes first (where the
 * route's `headers` would be), unless the route has its own `headers` middleware, which then
 * carries HSTS itself: one `headers` middleware per router.
 */
export function routerChain(plans: readonly MiddlewarePlan[], route: RouteIR, variant: RouterVariant, listener: Listener): string[] {
  const chain = chainFor(plans, route, variant);
  const tls = listener.tls;
  if (typeof tls === 'object' && tls.hsts && !plans.some(pl => pl.role === 'headers')) return [tlsObjectNames(tls).hsts, ...chain];
  return chain;
}

/**
 * Whether a router may reference the TlsHost's HSTS middleware (see `routerChain`): some route
 * (or canary of one) serving one of its hosts has no `headers` middleware of its own. Errs on
 * the side of keeping the object: a dangling reference would break the router.
 */
export function hstsMiddlewareReferenced(tls: TlsHostIR, ir: GatewayIR, withDeny: boolean): boolean {
  const serves = (r: RouteIR) => r.hosts.some(h => certificateFor(h, ir.tlsHosts) === tls);
  const routes = ir.routes.filter(serves);
  if (ir.canaries.some(c => routes.some(r => r.source === c.route))) return true;
  return routes.some(r => !middlewarePlans(r, withDeny).some(pl => pl.role === 'headers'));
}

function isPlan(p: MiddlewarePlan | undefined): p is MiddlewarePlan {
  return p !== undefined;
}

/** A Middleware as the Ingress provider references it: `<namespace>-<name>@kubernetescrd`. */
export function crdReference(namespace: string, name: string): string {
  return `${namespace}-${name}@${CRD_PROVIDER}`;
}
