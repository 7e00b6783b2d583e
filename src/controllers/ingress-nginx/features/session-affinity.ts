import { Emitted, NginxFeature, emit, refuse } from './emitted';
import { GatewayIR, RouteIR } from '../../../ir/model';
import { SessionAffinityIR } from '../../../ir/policies';
import { RenderProblem } from '../../renderer';

/** session-cookie-name: BasicCharsRegex. */
const COOKIE_NAME = /^[-._~a-zA-Z0-9/:]+$/;
/** session-cookie-path: URLIsValidRegex. */
const COOKIE_PATH = /^[-._~a-zA-Z0-9/:?&=]+$/;

function key(a: SessionAffinityIR | undefined): string {
  return a ? JSON.stringify({ ...a, source: undefined }) : 'none';
}

/**
 * `affinity: cookie` with the cookie's name, path (always explicit: ingress-nginx otherwise uses
 * the location path, a regex under use-regex), Secure flag, SameSite and Max-Age (none: a session
 * cookie). ingress-nginx always sets HttpOnly. Affinity belongs to the upstream, i.e. the backend
 * Service port, not to the Ingress: every route using that port must declare the same affinity.
 */
export const SESSION_AFFINITY: NginxFeature = {
  annotations(route: RouteIR): Emitted[] {
    const a = route.policies.sessionAffinity;
    if (!a) return [];
    const at = (name: Parameters<typeof emit>[0], value: string) => emit(name, value, 'sessionAffinityCookie', 'sessionAffinity', a.source);
    const out = [
      at('affinity', 'cookie'),
      at('sessionCookieName', a.cookieName),
      at('sessionCookiePath', a.path ?? '/'),
      at('sessionCookieSecure', String(a.secure)),
    ];
    if (a.sameSite) out.push(at('sessionCookieSameSite', a.sameSite));
    if (a.ttlSeconds !== undefined) out.push(at('sessionCookieMaxAge', String(a.ttlSeconds)));
    return out;
  },

  problems(route: RouteIR, gw: GatewayIR): RenderProblem[] {
    const a = route.policies.sessionAffinity;
    if (!a) return [];
    const out: RenderProblem[] = [];
    const no = (prop: string, reason: string) => out.push(refuse(gw, a.source, 'sessionAffinityCookie', prop, reason));
    if (!COOKIE_NAME.test(a.cookieName)) no('sessionAffinity.name', `session-cookie-name accepts only letters, digits and '-', '.', '_', '~', '/', ':' ('${a.cookieName}' given)`);
    if (a.path !== undefined && !COOKIE_PATH.test(a.path)) no('sessionAffinity.path', `session-cookie-path accepts only letters, digits and '-', '.', '_', '~', '/', ':', '?', '&', '=' ('${a.path}' given)`);
    if (!a.httpOnly) no('sessionAffinity.httpOnly', 'it always marks the affinity cookie HttpOnly');
    return out;
  },
};

/**
 * ingress-nginx keeps session affinity on the upstream (namespace, Service, port): the first
 * Ingress that declares it decides for every location using that upstream. Routes sharing a
 * backend must therefore agree, or some of them would silently get (or lose) stickiness.
 */
export function affinityConflicts(gw: GatewayIR): RenderProblem[] {
  const byBackend = new Map<string, RouteIR[]>();
  for (const route of gw.routes) {
    for (const b of route.backends) {
      const k = `${b.namespace}/${b.service}:${b.port}`;
      const list = byBackend.get(k) ?? [];
      if (!list.includes(route)) list.push(route);
      byBackend.set(k, list);
    }
  }
  const out: RenderProblem[] = [];
  for (const [backend, routes] of byBackend) {
    if (routes.length < 2 || !routes.some(r => r.policies.sessionAffinity)) continue;
    const first = key(routes[0].policies.sessionAffinity);
    if (routes.every(r => key(r.policies.sessionAffinity) === first)) continue;
    for (const r of routes) {
      const a = r.policies.sessionAffinity;
      if (!a) continue;
      const others = routes.filter(o => o !== r).map(o => o.source);
      out.push(refuse(gw, a.source, 'sessionAffinityCookie', 'sessionAffinity',
        `it keeps session affinity per backend Service port, and ${backend} is also used by [${others.join(', ')}] with ${routes.some(o => !o.policies.sessionAffinity) ? 'no or another' : 'another'} affinity; give every route to that backend the same SessionAffinity`));
    }
  }
  return out;
}
