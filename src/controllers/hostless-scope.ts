import { ControllerName } from '../capabilities/features';
import { WARNING_IDS, WarningSpec } from '../core/warnings';
import { GatewayIR } from '../ir/model';

/**
 * Which requests of named hosts a route without hosts (or the gateway's default backend) does not
 * reach on each controller, although the intent, the route table and the Gateway API and Kong
 * outputs serve it for every host. Typed total: a new controller does not compile until it
 * decides. Feeds the `hostless-route-scope` warning.
 *
 * - `named`: every host some rule names (ingress-nginx puts rules without a host, and an Ingress
 *   that has only a `defaultBackend`, on its default server, which answers only the hosts no
 *   Ingress names; a named host gets a server of its own, without them).
 * - `tls`: the hostnames of terminating TlsHosts (a Traefik router without a host is on the `web`
 *   entry point only, so HTTPS requests reach only the TlsHosts' routers).
 */
const TRAEFIK_WEB_ONLY = 'a Traefik router without a host is on the web entry point only';

/**
 * `defaultBackend`: whether the default backend is rendered like a hostless route there (the
 * Traefik Ingress output's `defaultBackend` router takes the entry points of Traefik's own
 * configuration, so it is not judged).
 */
const SCOPE: {
  readonly [c in ControllerName]: { readonly misses: 'named' | 'tls'; readonly why: string; readonly defaultBackend: boolean } | undefined
} = {
  'ingress-nginx': {
    misses: 'named',
    why: 'ingress-nginx serves rules without a host on its default server only, which answers only hosts no Ingress names',
    defaultBackend: true,
  },
  'traefik': { misses: 'tls', why: TRAEFIK_WEB_ONLY, defaultBackend: true },
  'traefik-ingress': { misses: 'tls', why: TRAEFIK_WEB_ONLY, defaultBackend: false },
  'kong': undefined,
  'kong-gateway-api': undefined,
  'gateway-api': undefined,
  'envoy-gateway': undefined,
  'istio': undefined,
};

/** The hostnames each kind of scope misses, per gateway IR (every hostless route of a gateway reads them). */
const MISSED = new WeakMap<GatewayIR, { readonly named: readonly string[]; readonly tls: readonly string[] }>();

function missedHosts(ir: GatewayIR): { readonly named: readonly string[]; readonly tls: readonly string[] } {
  let missed = MISSED.get(ir);
  if (!missed) {
    const tls = new Set(ir.tlsHosts.flatMap(t => t.hosts));
    const named = new Set([...tls, ...ir.routes.flatMap(r => r.hosts), ...ir.passthroughHosts.flatMap(p => p.hosts)]);
    missed = { named: [...named].sort(), tls: [...tls].sort() };
    MISSED.set(ir, missed);
  }
  return missed;
}

/** At most this many hostnames are named in a message. */
const SHOWN = 5;

/**
 * `hostless-route-scope`: a route without hosts (`prop` 'hosts') or the gateway's default backend
 * (`prop` 'defaultBackend') on a controller where named hosts of the gateway do not reach it.
 * `defaultBackend` is only checked where the table says it is rendered like a hostless route.
 */
export function hostlessScopeWarnings(controller: ControllerName, ir: GatewayIR, prop: 'hosts' | 'defaultBackend'): WarningSpec[] {
  const scope = SCOPE[controller];
  if (!scope || (prop === 'defaultBackend' && !scope.defaultBackend)) return [];
  const sorted = missedHosts(ir)[scope.misses];
  if (sorted.length === 0) return [];
  const shown = sorted.slice(0, SHOWN).map(h => `'${h}'`).join(', ') + (sorted.length > SHOWN ? ` and ${sorted.length - SHOWN} more` : '');
  const requests = scope.misses === 'named' ? `requests for ${shown} (named by this gateway)` : `HTTPS requests for ${shown} (TlsHosts of this gateway)`;
  const message = prop === 'hosts'
    ? `hosts: a route without hosts serves every host (as Gateway API and Kong serve it), but ${scope.why}, so ${requests} never reach it; `
      + 'list the hosts it should serve in hosts, or acknowledge this warning'
    : `defaultBackend: the default backend answers every request no route matches (as on Gateway API and Kong), but ${scope.why}, so ${requests} `
      + 'that no route matches get the controller\'s own default answer; give those hosts a catch-all route (PathMatch.prefix(\'/\')), or acknowledge this warning';
  return [{
    id: WARNING_IDS.hostlessRouteScope,
    message,
  }];
}
