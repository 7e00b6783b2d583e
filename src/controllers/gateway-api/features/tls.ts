import { unsupportedMessage } from '../../../capabilities/check';
import { ControllerName } from '../../../capabilities/features';
import { hstsHeaderValue } from '../../../intent/tls-options';
import { BackendIR, GatewayIR, PassthroughIR, RouteIR, TlsHostIR } from '../../../ir/model';
import { certificateFor, coveringEntry, disagreement } from '../../common/tls';
import { RenderProblem } from '../../renderer';
import { BackendTlsPolicySpec, HTTP_LISTENER, HttpRouteFilter, HttpRouteSpec, LIMITS, ParentReference, TlsRouteSpec } from '../api';
import { httpsListenerName, passthroughListenerName } from './gateway';

/**
 * The listeners an HTTPRoute part attaches to (by `sectionName`), from the TLS of its hosts:
 * a host with a certificate attaches to its HTTPS listener, and to the HTTP listener only when
 * its redirect is off; a host without TLS attaches to the HTTP listener. A route without hosts
 * attaches to the whole Gateway, as before (on the HTTP listener, the redirect route of a TLS
 * host still wins: Gateway API ranks the longer matching hostname first).
 */
export function attachedSections(hosts: readonly string[], tlsHosts: readonly TlsHostIR[]): string[] | undefined {
  if (hosts.length === 0) return undefined;
  const sections = new Set<string>();
  for (const h of hosts) {
    const tls = certificateFor(h, tlsHosts);
    if (!tls) {
      sections.add(HTTP_LISTENER);
      continue;
    }
    sections.add(httpsListenerName(coveringEntry(tls, h)));
    if (!tls.httpsRedirect) sections.add(HTTP_LISTENER);
  }
  return [...sections].sort();
}

export function sectionRefs(sections: readonly string[] | undefined, base: ParentReference): ParentReference[] {
  if (!sections) return [base];
  return sections.map(sectionName => ({ ...base, sectionName }));
}

/** The `Strict-Transport-Security` header for the route's TLS hosts (they must agree, see tlsRouteProblems). */
export function hstsFilters(hosts: readonly string[], tlsHosts: readonly TlsHostIR[]): HttpRouteFilter[] | undefined {
  const hsts = hosts.map(h => certificateFor(h, tlsHosts)?.hsts).find(x => x !== undefined);
  if (!hsts) return undefined;
  return [{ type: 'ResponseHeaderModifier', responseHeaderModifier: { set: [{ name: 'Strict-Transport-Security', value: hstsHeaderValue(hsts) }] } }];
}

/**
 * The HTTP-to-HTTPS redirect of a TlsHost: an HTTPRoute on the HTTP listener only (on the HTTPS
 * listener it would loop) for its hostnames, answering every request with a 301 to https. 301
 * and `scheme` are what the Gateway API redirect guide uses; the port is written only when
 * HTTPS is not on 443.
 */
export function redirectRouteSpec(hosts: readonly string[], gatewayName: string, httpsPort: number): HttpRouteSpec {
  return {
    parentRefs: [{ name: gatewayName, sectionName: HTTP_LISTENER }],
    hostnames: [...hosts],
    rules: [{ filters: [{ type: 'RequestRedirect', requestRedirect: { scheme: 'https', port: httpsPort !== 443 ? httpsPort : undefined, statusCode: 301 } }] }],
  };
}

/** A TLSRoute per passthrough TlsHost, attached to each hostname's TLS listener. */
export function tlsRouteSpec(tls: PassthroughIR, gatewayName: string): TlsRouteSpec {
  return {
    parentRefs: tls.hosts.map(h => ({ name: gatewayName, sectionName: passthroughListenerName(h) })),
    hostnames: [...tls.hosts],
    rules: [{ backendRefs: [{ name: tls.backend.service, port: tls.backend.port }] }],
  };
}

/** BackendTLSPolicy v1: one per Service (it applies to every route using it), one targetRef. */
export function backendTlsPolicySpec(b: BackendIR): BackendTlsPolicySpec {
  const tls = b.tls!;
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
  return `TLS verified for '${b.tls.hostname}' against ${b.tls.ca ? `${b.tls.ca.kind} '${b.tls.ca.name}'` : 'the system CAs'}`;
}

function redirectNeed(h: string, tlsHosts: readonly TlsHostIR[]): string {
  const t = certificateFor(h, tlsHosts);
  return t && t.httpsRedirect ? 'the HTTPS redirect' : t ? 'HTTPS and plain HTTP' : 'plain HTTP';
}

/**
 * An HTTPRoute attaches to listeners as a whole, so its hosts cannot mix a redirected host with
 * one served over plain HTTP: the HTTP-listener attachment would serve the redirected host too,
 * ahead of its redirect (same hostname, longer path).
 */
export function redirectAttachmentProblems(controller: ControllerName, route: RouteIR, tlsHosts: readonly TlsHostIR[]): RenderProblem[] {
  const problems: RenderProblem[] = [];
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

/** Portable Gateway API validates client certificates per port: every TLS host of the gateway must agree. */
export function frontendTlsProblems(ir: GatewayIR): RenderProblem[] {
  const withAuth = ir.tlsHosts.find(t => t.clientAuth);
  if (!withAuth) return [];
  const key = (t: TlsHostIR) => JSON.stringify(t.clientAuth ?? null);
  return ir.tlsHosts.filter(t => key(t) !== key(withAuth)).map(t => ({
    source: t.source,
    message: unsupportedMessage('gateway-api', 'clientCertificateAuth', 'clientAuth',
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
