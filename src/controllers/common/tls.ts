import { unsupportedMessage } from '../../capabilities/check';
import { ControllerName } from '../../capabilities/features';
import { hostPatternCovers, tlsNameServes } from '../../core/hosts';
import { GatewayIR, HstsIR, MatchIR, RouteIR, TlsHostIR } from '../../ir/model';
import { RenderProblem } from '../renderer';

/** The `Strict-Transport-Security` header value of an HSTS setting. */
export function hstsHeaderValue(h: HstsIR): string {
  return [`max-age=${h.maxAgeSeconds}`, ...(h.includeSubdomains ? ['includeSubDomains'] : []), ...(h.preload ? ['preload'] : [])].join('; ');
}


/**
 * The certificate serving `host`, if any: a TlsHost listing it, else one whose wildcard covers it
 * (`*.apps.example.com` also serves a route for `admin.apps.example.com`, and one for
 * `**.apps.example.com`; leaving that route without TLS would send its HTTPS requests elsewhere). Call it lazily, at synth: TlsHosts may be
 * added after the routes they cover.
 */
export function certificateFor(host: string | undefined, tlsHosts: readonly TlsHostIR[]): TlsHostIR | undefined {
  if (host === undefined) return undefined;
  return tlsHosts.find(t => t.hosts.includes(host)) ?? tlsHosts.find(t => t.hosts.some(h => tlsNameServes(h, host)));
}

/**
 * Ingress `spec.tls` and IngressRoute `tls.secretName` read Secrets of the object's own namespace
 * only: a route in another namespace than its host's certificate cannot be given TLS.
 */
export function tlsNamespaceProblems(controller: ControllerName, kind: string, ir: GatewayIR): RenderProblem[] {
  const problems: RenderProblem[] = [];
  for (const route of ir.routes) {
    for (const host of route.hosts) {
      const tls = certificateFor(host, ir.tlsHosts);
      if (tls && tls.secretNamespace !== route.namespace) {
        problems.push({
          source: route.source,
          message: unsupportedMessage(controller, 'crossNamespaceCertificate', 'namespace',
            `the route's ${kind} lives in namespace '${route.namespace}' but the certificate Secret '${tls.secretName}' for '${host}' is in '${tls.secretNamespace}', and an ${kind} can only use Secrets of its own namespace`),
        });
      }
    }
  }
  return problems;
}

/** The hostname of `tls` under which `host` is served: itself, or the wildcard covering it. */
export function coveringEntry(tls: TlsHostIR, host: string): string {
  return tls.hosts.includes(host) ? host : tls.hosts.find(h => tlsNameServes(h, host)) ?? host;
}

/** Hosts of an object grouped by the value an object-wide setting would need for each. */
export interface Disagreement {
  readonly host: string;
  readonly value: string;
  readonly otherHost: string;
  readonly otherValue: string;
}

/**
 * Object-wide settings (an Ingress annotation, an HTTPRoute's filters or attachment) must be
 * the same for every host of the object. `need` gives the setting a host needs, as a
 * comparable string, or undefined when the host does not care. Returns the first conflict.
 */
export function disagreement(hosts: readonly string[], need: (host: string) => string | undefined): Disagreement | undefined {
  let first: { host: string; value: string } | undefined;
  for (const host of hosts) {
    const value = need(host);
    if (value === undefined) continue;
    if (!first) first = { host, value };
    else if (first.value !== value) return { host: first.host, value: first.value, otherHost: host, otherValue: value };
  }
  return undefined;
}

/** Prefix '/' with no header, query or method condition: every request of a host. */
export function isCatchAllMatch(m: MatchIR): boolean {
  return m.path.kind === 'Prefix' && m.path.value === '/' && m.headers.length === 0 && m.queryParams.length === 0 && !m.method;
}

/**
 * Whether the route's own policy redirects plain HTTP to HTTPS, keeping host, port default and
 * path (`Redirect.toHttps()`, or `Redirect.to({ scheme: 'https' })`): the same redirect a TlsHost
 * adds by default, so where both apply only one may be rendered. (A redirect to another port is
 * a redirect of its own, rendered as the route says.)
 */
export function redirectsToHttps(route: RouteIR): boolean {
  const r = route.policies.redirect;
  return r !== undefined && r.scheme === 'https' && !r.host && !r.path && r.port === undefined;
}

/** Whether a route hostname `pattern` (a name, `*.suffix`, `**.suffix`, or none: every host) serves `host`. */
function routeHostServes(pattern: string | undefined, host: string): boolean {
  return pattern === undefined || hostPatternCovers(pattern, host);
}

/**
 * How a route's own HTTPS redirect meets the default redirect a TlsHost renders for `host` on
 * controllers where both are separate routing objects on the plain-HTTP side (Gateway API,
 * Traefik), ranked by hostname specificity first, then by match:
 * - `whole`: the route redirects every plain-HTTP request for `host` (a catch-all match): the
 *   TlsHost leaves `host` to it, so one redirect, the route's, answers;
 * - `shadowed`: the route covers `host` only through a less specific hostname (a wildcard, or
 *   no hostname) and only some paths: the TlsHost's redirect for `host` would rank first and
 *   answer with its own status, so the route's explicit setting would be silently ignored;
 * - undefined: no overlap, or the route names `host` and its more specific matches win.
 */
export function routeRedirectOver(route: RouteIR, host: string): 'whole' | 'shadowed' | undefined {
  if (!redirectsToHttps(route)) return undefined;
  const patterns: Array<string | undefined> = route.hosts.length > 0 ? [...route.hosts] : [undefined];
  const serving = patterns.filter(p => routeHostServes(p, host));
  if (serving.length === 0) return undefined;
  if (route.matches.some(isCatchAllMatch)) return 'whole';
  return serving.includes(host) ? undefined : 'shadowed';
}

/** The hosts of a TlsHost whose plain-HTTP traffic no route redirects as a whole (see routeRedirectOver). */
export function hostsLeftToTlsRedirect(tls: TlsHostIR, routes: readonly RouteIR[]): string[] {
  return tls.hosts.filter(h => !routes.some(r => routeRedirectOver(r, h) === 'whole'));
}

/**
 * Routes whose own HTTPS redirect a TlsHost's more specific redirect would shadow (see
 * routeRedirectOver): refused where the two are separate routing objects.
 */
export function shadowedRedirectProblems(controller: ControllerName, ir: GatewayIR): RenderProblem[] {
  const problems: RenderProblem[] = [];
  for (const route of ir.routes) {
    for (const tls of ir.tlsHosts) {
      if (!tls.httpsRedirect) continue;
      const host = tls.hosts.find(h => routeRedirectOver(route, h) === 'shadowed');
      if (!host) continue;
      problems.push({
        source: route.policies.redirect!.source,
        message: unsupportedMessage(controller, 'redirectScheme', route.policies.redirect!.source === ir.source ? 'defaults.redirect' : 'redirect',
          `the route redirects '${host}' to HTTPS through ${route.hosts.length > 0 ? 'a wildcard hostname' : 'no hostname'} on some paths only, while the HTTPS redirect of [${tls.source}] for '${host}' is more specific and would answer first, with its own status; name '${host}' in the route's hosts, redirect every path (a catch-all match), or set httpsRedirect: false on the TlsHost`),
      });
      break;
    }
  }
  return problems;
}

/**
 * TLS 1.2 cipher suites by IANA name -> OpenSSL name. ingress-nginx (`ssl_ciphers`, OpenSSL) and
 * Envoy (`cipher_suites`, BoringSSL, listed in Envoy Gateway's ClientTrafficPolicy CRD) spell
 * these suites the same way. Total over the intent's TlsCipherSuite (test/tls-cipher-suites.test.ts).
 */
export const OPENSSL_CIPHER_NAMES: Readonly<Record<string, string>> = {
  TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256: 'ECDHE-ECDSA-AES128-GCM-SHA256',
  TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256: 'ECDHE-RSA-AES128-GCM-SHA256',
  TLS_ECDHE_ECDSA_WITH_AES_256_GCM_SHA384: 'ECDHE-ECDSA-AES256-GCM-SHA384',
  TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384: 'ECDHE-RSA-AES256-GCM-SHA384',
  TLS_ECDHE_ECDSA_WITH_CHACHA20_POLY1305_SHA256: 'ECDHE-ECDSA-CHACHA20-POLY1305',
  TLS_ECDHE_RSA_WITH_CHACHA20_POLY1305_SHA256: 'ECDHE-RSA-CHACHA20-POLY1305',
  TLS_ECDHE_ECDSA_WITH_AES_128_CBC_SHA: 'ECDHE-ECDSA-AES128-SHA',
  TLS_ECDHE_RSA_WITH_AES_128_CBC_SHA: 'ECDHE-RSA-AES128-SHA',
  TLS_ECDHE_ECDSA_WITH_AES_256_CBC_SHA: 'ECDHE-ECDSA-AES256-SHA',
  TLS_ECDHE_RSA_WITH_AES_256_CBC_SHA: 'ECDHE-RSA-AES256-SHA',
  TLS_RSA_WITH_AES_128_GCM_SHA256: 'AES128-GCM-SHA256',
  TLS_RSA_WITH_AES_256_GCM_SHA384: 'AES256-GCM-SHA384',
  TLS_RSA_WITH_AES_128_CBC_SHA: 'AES128-SHA',
  TLS_RSA_WITH_AES_256_CBC_SHA: 'AES256-SHA',
};

/** The IANA name of an OpenSSL / BoringSSL cipher name this library renders, or undefined. */
export function ianaCipherName(openssl: string): string | undefined {
  return Object.keys(OPENSSL_CIPHER_NAMES).find(k => OPENSSL_CIPHER_NAMES[k] === openssl);
}
