import { unsupportedMessage } from '../../../capabilities/check';
import { ControllerName } from '../../../capabilities/features';
import { BackendIR, GatewayIR, HstsIR, PassthroughIR, RouteIR, TlsHostIR } from '../../../ir/model';
import { certificateFor, coveringEntry, disagreement, hostsLeftToTlsRedirect, hstsHeaderValue, redirectsToHttps } from '../../common/tls';
import { fromSuffixWildcard, suffixWildcard } from '../../common/wildcard';
import { RenderProblem } from '../../renderer';
import { BackendTlsPolicySpec, HTTP_LISTENER, HttpRouteSpec, LIMITS, ParentReference, TlsRouteSpec } from '../api';
import { httpsListenerName, passthroughListenerName } from './gateway';

/**
 * Which side of a route's traffic an object serves, for listener attachment:
 * - `serve`: the route as its hosts' TLS says (routes, GRPCRoutes, canaries, the default backend);
 * - `http` / `https`: one scheme only, for a route's own scheme-only redirect
 *   (`Redirect.toHttps()`): its redirect on the listeners of the other scheme, the backend it
 *   keeps on the listeners of the target scheme.
 */
export type AttachSide = 'serve' | 'http' | 'https';

/** The plain-HTTP listeners serving a host (all of them for undefined): see `httpSections` in gateway.ts. */
export type HttpSectionsOf = (host: string | undefined) => readonly string[];

const SHARED_HTTP: HttpSectionsOf = () => [HTTP_LISTENER];

/** The HTTPS listener serving `host`: its TlsHost's (exact, else a one-label wildcard covering it). */
function httpsSection(host: string, tlsHosts: readonly TlsHostIR[]): string | undefined {
  const tls = certificateFor(host, tlsHosts);
  return tls ? httpsListenerName(coveringEntry(tls, host)) : undefined;
}

/**
 * The one listener-attachment rule of an owned Gateway (by `sectionName`), for every object
 * serving a route's traffic (HTTPRoutes, GRPCRoutes, a redirect's objects, canary HTTPRoutes,
 * the default backend):
 * - `serve`: a host with a certificate attaches to its HTTPS listener, and to the HTTP listener
 *   only when its TlsHost's redirect is off; a host without TLS attaches to the HTTP listener. An
 *   object without hosts attaches to the whole Gateway (undefined): on the HTTP listener the
 *   redirect of a TLS host still wins, Gateway API ranking the more specific hostname first.
 * - `https`: the HTTPS listener of each host (every HTTPS listener when there are no hosts); a
 *   host without one gets none (policy checks refuse a `Redirect.toHttps()` that would leave a
 *   host unserved). An empty list: the object is attached nowhere.
 * - `http`: the HTTP listener(s) of the hosts (all of them without hosts).
 * `http` gives a host's plain-HTTP listeners: `http`, or those of its hostnames (`HttpListeners.PER_HOST`).
 * Sorted, de-duplicated. Resolved at synth: TlsHosts may be added after the routes they cover.
 */
export function listenerSections(
  hosts: readonly string[], tlsHosts: readonly TlsHostIR[], side: AttachSide, http: HttpSectionsOf = SHARED_HTTP,
): string[] | undefined {
  if (side === 'http') return [...new Set(hosts.length === 0 ? http(undefined) : hosts.flatMap(h => http(h)))].sort();
  if (side === 'https') {
    const sections = hosts.length === 0
      ? tlsHosts.flatMap(t => t.hosts.map(httpsListenerName))
      : hosts.map(h => httpsSection(h, tlsHosts)).filter((s): s is string => s !== undefined);
    return [...new Set(sections)].sort();
  }
  if (hosts.length === 0) return undefined;
  const sections = new Set<string>();
  for (const h of hosts) {
    const section = httpsSection(h, tlsHosts);
    if (!section) {
      http(h).forEach(s => sections.add(s));
      continue;
    }
    sections.add(section);
    if (!certificateFor(h, tlsHosts)!.httpsRedirect) http(h).forEach(s => sections.add(s));
  }
  return [...sections].sort();
}

/** The hosts of a route that no HTTPS listener serves (for `Redirect.toHttps()` with a backend). */
export function hostsWithoutHttpsListener(hosts: readonly string[], tlsHosts: readonly TlsHostIR[]): string[] {
  return hosts.filter(h => httpsSection(h, tlsHosts) === undefined);
}

/** `parentRefs` from sections: one per section, the whole Gateway for undefined, none (attached nowhere) for an empty list. */
export function sectionRefs(sections: readonly string[] | undefined, base: ParentReference): ParentReference[] | undefined {
  if (!sections) return [base];
  if (sections.length === 0) return undefined;
  return sections.map(sectionName => ({ ...base, sectionName }));
}

/** The HSTS setting of a route's TLS hosts (they agree, see hstsProblems), if any. */
export function hostsHsts(hosts: readonly string[], tlsHosts: readonly TlsHostIR[]): HstsIR | undefined {
  return hosts.map(h => certificateFor(h, tlsHosts)?.hsts).find(x => x !== undefined);
}

/** The hosts of `hosts` (a chunk of the TlsHost's) whose plain HTTP no route redirects itself. */
export function tlsRedirectHostsLeft(hosts: readonly string[], routes: readonly RouteIR[], tls: TlsHostIR): string[] {
  const left = new Set(hostsLeftToTlsRedirect(tls, routes));
  return hosts.filter(h => left.has(h));
}

/**
 * The HTTP-to-HTTPS redirect of a TlsHost: an HTTPRoute on the HTTP listener only (on the HTTPS
 * listener it would loop) for its hostnames, answering every request with a 301 to https. 301
 * and `scheme` are what the Gateway API redirect guide uses; the port is written only when
 * HTTPS is not on 443.
 *
 * One redirect per host and match: a host whose plain-HTTP traffic a route's own
 * `Redirect.toHttps()` redirects as a whole (`routeRedirectOver`) is left to the route, whose
 * explicit status code decides; the route's more specific matches outrank this catch-all
 * anyway. `hosts` is this object's share of the TlsHost's hosts (16 per HTTPRoute); when the
 * routes take all of them, the object is left out at synth (`tlsRedirectHostsLeft` is empty).
 */
export function redirectRouteSpec(
  hosts: readonly string[], gatewayName: string, httpsPort: number, routes: readonly RouteIR[], tls: TlsHostIR, http: HttpSectionsOf = SHARED_HTTP,
): HttpRouteSpec {
  const hostnames = tlsRedirectHostsLeft(hosts, routes, tls);
  // A TlsHost name `*.s` is a Gateway API wildcard here (any depth): the listeners under it too.
  const sections = [...new Set(hostnames.flatMap(h => http(fromSuffixWildcard(h))))].sort();
  return {
    parentRefs: sections.map(sectionName => ({ name: gatewayName, sectionName })),
    hostnames,
    rules: [{ filters: [{ type: 'RequestRedirect', requestRedirect: { scheme: 'https', port: httpsPort !== 443 ? httpsPort : undefined, statusCode: 301 } }] }],
  };
}

/** A TLSRoute per passthrough TlsHost, attached to each hostname's TLS listener. */
export function tlsRouteSpec(tls: PassthroughIR, gatewayName: string): TlsRouteSpec {
  return {
    parentRefs: tls.hosts.map(h => ({ name: gatewayName, sectionName: passthroughListenerName(h) })),
    hostnames: tls.hosts.map(suffixWildcard),
    rules: [{ backendRefs: [{ name: tls.backend.service, port: tls.backend.port }] }],
  };
}

/**
 * BackendTLSPolicy v1: one per Service (it applies to every route using it), one targetRef.
 * Always verified: `insecureSkipVerify` is refused by the matrix on every Gateway API column,
 * so its `hostname` is set here.
 */
export function backendTlsPolicySpec(b: BackendIR): BackendTlsPolicySpec {
  const tls = { ...b.tls!, hostname: b.tls!.hostname ?? '' };
  return {
    targetRefs: [{ group: '', kind: 'Service', name: b.service }],
    validation: tls.ca
      ? { hostname: tls.hostname, caCertificateRefs: [{ group: '', kind: tls.ca.kind, name: tls.ca.name }] }
      : { hostname: tls.hostname, wellKnownCACertificates: 'System' },
  };
}

/** A comparable description of a backend's TLS, for the one-policy-per-Service rule. */
export function backendTlsKey(b: BackendIR): string {
  if (!b.tls) return 'plain HTTP';
  if (b.tls.insecureSkipVerify) return `TLS not verified${b.tls.hostname ? `, SNI '${b.tls.hostname}'` : ''}`;
  return `TLS verified for '${b.tls.hostname}' against ${b.tls.ca ? `${b.tls.ca.kind} '${b.tls.ca.name}'` : 'the system CAs'}`;
}

function redirectNeed(h: string, tlsHosts: readonly TlsHostIR[]): string {
  const t = certificateFor(h, tlsHosts);
  return t && t.httpsRedirect ? 'the HTTPS redirect' : t ? 'HTTPS and plain HTTP' : 'plain HTTP';
}

/**
 * An HTTPRoute attaches to listeners as a whole, so its hosts cannot mix a redirected host with
 * one served over plain HTTP: the HTTP-listener attachment would serve the redirected host too,
 * ahead of its redirect (same hostname, longer path). A route with its own `Redirect.toHttps()`
 * attaches by scheme instead (its served side to HTTPS listeners only), so it is not concerned.
 */
export function redirectAttachmentProblems(controller: ControllerName, route: RouteIR, tlsHosts: readonly TlsHostIR[]): RenderProblem[] {
  const problems: RenderProblem[] = [];
  if (redirectsToHttps(route)) return problems;
  if (route.hosts.some(h => certificateFor(h, tlsHosts)?.httpsRedirect)) {
    const d = disagreement(route.hosts, h => (redirectNeed(h, tlsHosts) === 'the HTTPS redirect' ? 'https-only' : 'http'));
    if (d) {
      const need = (h: string) => redirectNeed(h, tlsHosts);
      const redirected = need(d.host) === 'the HTTPS redirect' ? d.host : d.otherHost;
      problems.push({
        source: route.source,
        message: unsupportedMessage(controller, 'httpsRedirect', 'httpsRedirect',
          `an HTTPRoute attaches to listeners as a whole, and this route serves '${d.host}' (${need(d.host)}) and '${d.otherHost}' (${need(d.otherHost)}): on the HTTP listener it would serve '${redirected}' ahead of its redirect; put them on separate routes`),
      });
    }
  }
  return problems;
}

/** HTTPRoute filters apply to every host of the route: its TLS hosts must agree on HSTS. */
export function hstsProblems(controller: ControllerName, route: RouteIR, tlsHosts: readonly TlsHostIR[]): RenderProblem[] {
  const problems: RenderProblem[] = [];
  const hsts = disagreement(route.hosts, h => {
    const t = certificateFor(h, tlsHosts);
    return t ? (t.hsts ? hstsHeaderValue(t.hsts) : 'no HSTS') : undefined;
  });
  if (hsts) {
    problems.push({
      source: route.source,
      message: unsupportedMessage(controller, 'hsts', 'hsts',
        `HTTPRoute filters apply to every host of the route, and this route serves '${hsts.host}' (${hsts.value}) and '${hsts.otherHost}' (${hsts.otherValue}); put them on separate routes`),
    });
  }
  return problems;
}

/** Gateway API validates client certificates per port (spec.tls.frontend): every TLS host of the gateway must agree. */
export function frontendTlsProblems(controller: ControllerName, ir: GatewayIR): RenderProblem[] {
  const withAuth = ir.tlsHosts.find(t => t.clientAuth);
  if (!withAuth) return [];
  const key = (t: TlsHostIR) => JSON.stringify(t.clientAuth ?? null);
  return ir.tlsHosts.filter(t => key(t) !== key(withAuth)).map(t => ({
    source: t.source,
    message: unsupportedMessage(controller, 'clientCertificateAuth', 'clientAuth',
      `Gateway API validates client certificates for every HTTPS listener of a port (Gateway spec.tls.frontend), and [${withAuth.source}] sets it while this TlsHost ${t.clientAuth ? 'sets another' : 'does not'}; give every TlsHost of the gateway the same clientAuth, or choose Controller.envoyGateway() (per listener)`),
  }));
}

/** A passthrough TLSRoute names one listener per hostname. */
export function passthroughProblems(ir: GatewayIR): RenderProblem[] {
  return ir.passthroughHosts.filter(t => t.hosts.length > LIMITS.parentRefsPerRoute).map(t => ({
    source: t.source,
    message: `TlsHost.hosts: a passthrough TlsHost renders a TLSRoute attached to one listener per hostname, and a route takes at most ${LIMITS.parentRefsPerRoute} parents (${t.hosts.length} hostnames); split the hostnames over several TlsHosts`,
  }));
}
