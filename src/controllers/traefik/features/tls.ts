import { hostFallbackPriority } from './priority';
import { isHttpsRedirectOnly, isHttpsUpgrade } from './redirect';
import { hostCondition, hostSniCondition } from './rule';
import { goDuration } from '../../../core/duration';
import { joinName } from '../../../core/names';
import { BackendIR, GatewayIR, HstsIR, PassthroughIR, RouteIR, TlsHostIR } from '../../../ir/model';
import { certificateFor, hostsLeftToTlsRedirect } from '../../common/tls';
import { RouterVariant } from '../api';
import { CLIENT_AUTH_TYPES, KINDS, MIDDLEWARE_TYPES, NOOP_SERVICE, ROUTE_KIND_RULE, SERVER_SCHEMES, TLS_VERSIONS } from '../constants';

export interface EntryPoints {
  readonly web: string;
  readonly websecure: string;
}

/**
 * A TLS router only serves HTTPS, a plain one only HTTP: hosts with a certificate are served on
 * the websecure entry point, the others on web.
 */
export function entryPointFor(tls: TlsHostIR | undefined, entryPoints: EntryPoints): string {
  return tls ? entryPoints.websecure : entryPoints.web;
}

/** Where one router listens, and with which certificate. */
export interface Listener {
  readonly entryPoint: string;
  /**
   * TLS: the host's certificate, `'default'` for Traefik's default certificate (TLSStore
   * `default`), or undefined for a plain-HTTP router.
   */
  readonly tls?: TlsHostIR | 'default';
}

/**
 * The listener of one router of `route` for `host`:
 * - `Redirect.toHttps()` with a backend: the serving router is on websecure (with the host's
 *   certificate, else Traefik's default certificate: the route asks for HTTPS), its `http`
 *   twin on web;
 * - a redirect to https without backend: web (its purpose is to redirect plain HTTP);
 * - `RouteProtocols.HTTP_ONLY`: web;
 * - otherwise (and deny twins, like the router they shadow): websecure with the host's
 *   certificate when a TlsHost covers it, else web.
 * Resolved at synth: TlsHosts may be added after the routes they cover.
 */
export function listenerFor(
  route: RouteIR, host: string | undefined, variant: RouterVariant, tlsHosts: readonly TlsHostIR[], entryPoints: EntryPoints,
): Listener {
  // RouteProtocols.HTTP_ONLY: web only (its hosts never have a certificate here: Traefik TLS hosts redirect).
  if (variant === 'http' || isHttpsRedirectOnly(route) || route.protocols === 'http') return { entryPoint: entryPoints.web };
  const cert = certificateFor(host, tlsHosts);
  if (isHttpsUpgrade(route)) return { entryPoint: entryPoints.websecure, tls: cert ?? 'default' };
  return { entryPoint: entryPointFor(cert, entryPoints), tls: cert };
}

/** Names of the objects a TlsHost owns, in its certificate's namespace (where its routes live). */
export function tlsObjectNames(tls: TlsHostIR) {
  return {
    redirect: joinName([tls.name, 'https-redirect']),
    hsts: joinName([tls.name, 'hsts']),
    tlsOption: tls.name,
  };
}

/** Whether a TlsHost needs a TLSOption (Traefik's per-host TLS parameters). */
export function needsTlsOption(tls: TlsHostIR): boolean {
  return tls.minTlsVersion !== undefined || tls.clientAuth !== undefined || tls.cipherSuites !== undefined || tls.sessionTickets !== undefined;
}

/** An IngressRoute's `tls` for a listener: the certificate and the TlsHost's TLSOption, or `{}` (default certificate). */
export function ingressRouteTls(listener: Listener): { readonly secretName?: string; readonly options?: { readonly name: string } } | undefined {
  if (listener.tls === undefined) return undefined;
  if (listener.tls === 'default') return {};
  const t = listener.tls;
  return { secretName: t.secretName, options: needsTlsOption(t) ? { name: tlsObjectNames(t).tlsOption } : undefined };
}

/** `redirectScheme` to https, permanent: 301 for GET/HEAD, 308 otherwise (Traefik's rule). */
export function redirectMiddlewareSpec() {
  return { [MIDDLEWARE_TYPES.redirectScheme]: { scheme: 'https', permanent: true } };
}

/**
 * The plain-HTTP router of a TLS host: everything for its hostnames on the web entry point
 * answers with the redirect.
 *
 * Priority: the lowest of the host's rank (see `hostFallbackPriority`), so it beats every plain
 * router that could match the host from a less specific host (routes without hosts, wildcard
 * routes), while every router a route declares for this host, in particular the plain-HTTP
 * redirect of a route's own `Redirect.toHttps()` (which carries the route's status code and
 * middlewares), wins over it: one redirect answers each request, the route's where it has one.
 * A host whose whole plain-HTTP traffic a route already redirects (`routeRedirectOver`: a
 * catch-all match) is left out: no second redirect router for the same host and match. A route
 * covering the host only through a less specific hostname, on some paths, is refused
 * (`shadowedRedirectProblems`): this router would outrank it. cert-manager's HTTP-01 solver Ingress is ranked
 * above all of these (see ACME_SOLVER_PRIORITY).
 */
export function redirectIngressRouteSpec(tls: TlsHostIR, middleware: string, entryPoints: EntryPoints, ir: GatewayIR) {
  const hosts = hostsLeftToTlsRedirect(tls, ir.routes);
  return {
    entryPoints: [entryPoints.web],
    routes: hosts.map(host => ({
      kind: ROUTE_KIND_RULE,
      match: hostCondition([host])!,
      priority: hostFallbackPriority(host),
      middlewares: [{ name: middleware }],
      services: [{ name: NOOP_SERVICE, kind: KINDS.traefikService }],
    })),
  };
}

/** The `headers` middleware fields of an HSTS setting (Traefik writes them on HTTPS responses only). */
export function hstsHeadersFields(h: HstsIR) {
  return {
    stsSeconds: h.maxAgeSeconds,
    stsIncludeSubdomains: h.includeSubdomains || undefined,
    stsPreload: h.preload || undefined,
  };
}

/** The TlsHost's headers middleware setting `Strict-Transport-Security`. */
export function hstsMiddlewareSpec(tls: TlsHostIR) {
  return { [MIDDLEWARE_TYPES.headers]: hstsHeadersFields(tls.hsts!) };
}

/**
 * The HSTS a router for `host` sends: its TlsHost's, on an HTTPS listener only. Undefined for a
 * plain-HTTP router (Traefik never sends the header over HTTP anyway).
 */
export function listenerHsts(listener: Listener): HstsIR | undefined {
  return typeof listener.tls === 'object' ? listener.tls.hsts : undefined;
}

/**
 * What HSTS each host of a route needs on its HTTPS routers, as a comparable string; undefined
 * for a host served over plain HTTP only. Used when the route's own `headers` middleware carries
 * HSTS (shared by every host of the route, so they must agree).
 */
export function hostHstsNeed(route: RouteIR, host: string, tlsHosts: readonly TlsHostIR[]): string | undefined {
  const t = certificateFor(host, tlsHosts);
  if (t) return t.hsts ? JSON.stringify(hstsHeadersFields(t.hsts)) : 'no HSTS';
  return isHttpsUpgrade(route) ? 'no HSTS' : undefined;
}

/** The HSTS of a route's hosts for its own headers middleware (they agree, see `hostHstsNeed`). */
export function routeHsts(route: RouteIR, tlsHosts: readonly TlsHostIR[]): HstsIR | undefined {
  for (const host of route.hosts) {
    const t = certificateFor(host, tlsHosts);
    if (t?.hsts) return t.hsts;
  }
  return undefined;
}

export function tlsOptionSpec(tls: TlsHostIR) {
  return {
    minVersion: tls.minTlsVersion ? TLS_VERSIONS[tls.minTlsVersion] : undefined,
    clientAuth: tls.clientAuth ? {
      secretNames: [tls.clientAuth.ca, ...tls.clientAuth.additionalCas ?? []].map(c => c.name),
      clientAuthType: tls.clientAuth.required ? CLIENT_AUTH_TYPES.required : CLIENT_AUTH_TYPES.optional,
    } : undefined,
    // Go's names are the IANA names (GO_CIPHER_SUITES lists the ones Traefik accepts).
    cipherSuites: tls.cipherSuites ? [...tls.cipherSuites] : undefined,
    // Written either way: Go's default (tickets on) is then visible, and reads back.
    disableSessionTickets: tls.sessionTickets === undefined ? undefined : !tls.sessionTickets,
  };
}

/** IngressRouteTCP: the TLS stream for these SNI names goes, unterminated, to the backend. */
export function passthroughSpec(tls: PassthroughIR, entryPoints: EntryPoints) {
  return {
    entryPoints: [entryPoints.websecure],
    routes: [{ match: hostSniCondition(tls.hosts), services: [{ name: tls.backend.service, port: tls.backend.port }] }],
    tls: { passthrough: true },
  };
}

/** Name of the ServersTransport for one re-encrypted backend of a route, canary or default backend (`owner`). */
export function serversTransportName(owner: string, b: BackendIR): string {
  return joinName([owner, b.service, String(b.port), 'transport']);
}

/**
 * A re-encrypted backend's ServersTransport: verify its certificate for `hostname` (also sent as
 * SNI) against the CA or the system roots, or, for the unsafe opt-in, `insecureSkipVerify` (with
 * `hostname` as SNI only, if set); the client certificate it presents, if any (`certificatesSecrets`).
 * A service entry names one ServersTransport, so the
 * route's connect timeout (`connectMs`), if any, is in this one too.
 */
export function backendTlsTransportSpec(b: BackendIR, connectMs?: number) {
  const tls = b.tls!;
  return {
    serverName: tls.hostname,
    insecureSkipVerify: tls.insecureSkipVerify,
    rootCAs: tls.ca ? [tls.ca.kind === 'Secret' ? { secret: tls.ca.name } : { configMap: tls.ca.name }] : undefined,
    certificatesSecrets: tls.clientCertificateSecret !== undefined ? [tls.clientCertificateSecret] : undefined,
    forwardingTimeouts: connectMs === undefined ? undefined : { dialTimeout: goDuration(connectMs, 'single-unit') },
  };
}

/** The server scheme and ServersTransport of a re-encrypted backend (`owner`: see serversTransportName). */
export function backendTlsSettings(b: BackendIR, owner: string): { scheme?: string; serversTransport?: string } {
  return b.tls ? { scheme: SERVER_SCHEMES.https, serversTransport: serversTransportName(owner, b) } : {};
}
