import { Problem } from './problem';
import { hostPatternCovers, hostPatternsOverlap, tlsNameServes } from '../core/hosts';
import { GatewayIR, RouteIR, TlsHostIR } from '../ir/model';

/**
 * Combinations of a route's policies with TLS that no controller can render with one meaning:
 * - cleartext HTTP/2 (`BackendProtocol.H2C`) to a backend declared with `tls`;
 * - `headerRules.response` on Strict-Transport-Security for a host whose TlsHost sends HSTS:
 *   both would set the same response header (and every controller merges HSTS into the route's
 *   own response header rules: one filter / plugin / middleware).
 */
export function tlsPolicyConflicts(route: RouteIR, tlsHosts: readonly TlsHostIR[]): Problem[] {
  const out: Problem[] = [];
  const p = route.policies;
  if (p.backendProtocol?.protocol === 'H2C' && route.backends.some(b => b.tls)) {
    out.push({ source: route.source, message: 'Route.backendProtocol: BackendProtocol.H2C is cleartext HTTP/2, but the backend declares tls (re-encryption); use BackendProtocol.GRPC (gRPC over the verified TLS connection) or remove the backend\'s tls' });
  }
  const response = p.headers?.response;
  const HSTS = 'strict-transport-security';
  if (response && (response.set.some(h => h.name === HSTS) || response.add.some(h => h.name === HSTS) || response.remove.includes(HSTS))) {
    const tls = route.hosts.map(h => tlsHosts.find(t => t.hosts.some(th => tlsNameServes(th, h)))).find(t => t?.hsts);
    if (tls) {
      out.push({
        source: p.headers!.source,
        message: `${p.headers!.source === route.source ? 'Route' : 'ApiGateway.defaults'}.headerRules.response: sets Strict-Transport-Security, which [${tls.source}] also sends for this route's hosts (hsts); set it in one place only (remove the header rule, or the TlsHost's hsts)`,
      });
    }
  }
  const redirect = p.redirect;
  if (redirect?.scheme === 'http' && route.backends.length === 0) {
    // The TlsHost sends every plain-HTTP request of its hosts back to HTTPS, where this route
    // sends it to HTTP again: the client never gets an answer.
    const tls = route.hosts.map(h => tlsHosts.find(t => t.hosts.some(th => tlsNameServes(th, h)))).find(t => t?.httpsRedirect);
    if (tls) {
      out.push({
        source: redirect.source,
        message: `Route.redirect: redirects to http, but [${tls.source}] redirects plain HTTP of the same hosts back to HTTPS (httpsRedirect), so clients would loop between the two; set httpsRedirect: false on the TlsHost, or keep the route on HTTPS`,
      });
    }
  }
  if (route.protocols === 'http') {
    // RouteProtocols.HTTP_ONLY serves plain HTTP, which a redirecting TlsHost answers with its redirect
    // (a route without hosts serves every host, so any redirecting TlsHost of the gateway).
    const tls = route.hosts.length === 0
      ? tlsHosts.find(t => t.httpsRedirect)
      : route.hosts.map(h => tlsHosts.find(t => t.httpsRedirect && t.hosts.some(th => tlsNameServes(th, h)))).find(t => t !== undefined);
    if (tls) {
      out.push({
        source: route.source,
        message: `Route.protocols: HTTP_ONLY serves the route on plain HTTP only, but [${tls.source}] redirects plain HTTP of ${route.hosts.length === 0 ? 'its hosts (this route has no hosts, so it serves them too)' : 'the same hosts'} to HTTPS (httpsRedirect), so the route would serve nothing; set httpsRedirect: false on the TlsHost, or remove protocols`,
      });
    }
  }
  return out;
}

/**
 * TLS coverage of one gateway: every TLS hostname is served by a route, and by one TlsHost only.
 * Passthrough hosts are the opposite: no HTTP route may serve them (the gateway never sees their
 * requests).
 */
export function tlsCoverageProblems(ir: GatewayIR): Problem[] {
  const problems: Problem[] = [];
  const add = (source: string, message: string) => problems.push({ source, message });
  const tlsOwners = new Map<string, string>();
  for (const tls of [...ir.tlsHosts, ...ir.passthroughHosts]) {
    for (const host of tls.hosts) {
      const owner = tlsOwners.get(host);
      if (owner) add(tls.source, `TlsHost.hosts: '${host}' already has TLS from [${owner}]; a hostname takes one certificate (or one passthrough backend)`);
      tlsOwners.set(host, tls.source);
      if (tls.mode === 'Passthrough') {
        const routed = ir.routes.find(r => r.hosts.some(h => hostPatternsOverlap(host, h)));
        if (routed) {
          add(tls.source, `TlsHost.mode: '${host}' is passed through at the TLS level, so HTTP routing and policies cannot apply to it, but [${routed.source}] routes it; remove the route's host, or terminate TLS (TlsMode.terminate())`);
        }
      } else if (!ir.routes.some(r => r.hosts.some(h => tlsNameServes(host, h)))) {
        // Only a route naming the host (or a host under a wildcard TlsHost) carries the
        // certificate on every controller: Ingress controllers key TLS by rule host, and a
        // route without hosts or with a wider wildcard is not served under this host's TLS.
        const wider = ir.routes.find(r => r.hosts.length === 0 || r.hosts.some(h => hostPatternCovers(h, host)));
        add(tls.source, wider
          ? `TlsHost.hosts: '${host}' is only served by [${wider.source}], whose ${wider.hosts.length === 0 ? 'route has no hosts' : `wildcard '${wider.hosts.find(h => hostPatternCovers(h, host))}' is wider`}, and a certificate applies to the routes naming its host; add '${host}' to a route's hosts, or cover the wildcard with the TlsHost`
          : `TlsHost.hosts: no route serves '${host}'; add a route for it or remove it from the TlsHost`);
      } else if (ir.routes.filter(r => r.hosts.some(h => tlsNameServes(host, h))).every(r => r.protocols === 'http')) {
        const naming = ir.routes.filter(r => r.hosts.some(h => tlsNameServes(host, h)));
        add(tls.source, `TlsHost.hosts: '${host}' is served only by routes on plain HTTP only (RouteProtocols.HTTP_ONLY: ${naming.map(r => `[${r.source}]`).join(', ')}), `
          + 'so its HTTPS requests would reach nothing; serve the host over HTTPS by a route without protocols, or remove the host from the TlsHost');
      } else if (ir.routes.filter(r => r.hosts.some(h => tlsNameServes(host, h))).every(redirectsToHttpsOnly)) {
        // A redirect to HTTPS without a backend serves nothing over HTTPS (Traefik does not even load the certificate).
        const naming = ir.routes.filter(r => r.hosts.some(h => tlsNameServes(host, h)));
        add(tls.source, `TlsHost.hosts: '${host}' is served only by routes that redirect to HTTPS without a backend (${naming.map(r => `[${r.source}]`).join(', ')}), `
          + 'so its HTTPS requests would reach nothing; give the route a backend and use Redirect.toHttps(), or remove the host from the TlsHost');
      }
    }
  }
  return problems;
}

/** The hosts a gateway takes TLS for, each with what it does: the whole-app TLS checks compare them. */
export interface TlsHostEntry {
  readonly host: string;
  readonly source: string;
  readonly mode: 'passes TLS through for' | 'terminates TLS for';
  /** `namespace/name` of the certificate's Secret (terminating hosts). */
  readonly secret?: string;
}

/** Passthrough hosts first, then terminating ones, in declaration order. */
export function tlsHostEntries(ir: GatewayIR): TlsHostEntry[] {
  return [
    ...ir.passthroughHosts.flatMap(p => p.hosts.map(h => ({ host: h, source: p.source, mode: 'passes TLS through for' as const }))),
    ...ir.tlsHosts.flatMap(t => t.hosts.map(h => ({ host: h, source: t.source, mode: 'terminates TLS for' as const, secret: `${t.secretNamespace}/${t.secretName}` }))),
  ];
}

/**
 * A route that only sends plain HTTP to HTTPS (possibly on another port) and serves nothing
 * itself: what it does with HTTPS requests differs between controllers (Traefik and ingress-nginx
 * serve it on plain HTTP only), so it cannot be what a TLS host is served by.
 */
function redirectsToHttpsOnly(r: RouteIR): boolean {
  const d = r.policies.redirect;
  return r.backends.length === 0 && d !== undefined && d.scheme === 'https' && !d.host && !d.path;
}
