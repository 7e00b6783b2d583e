import { joinName } from '../../../core/names';
import { BackendIR, CATCH_ALL_MATCH, PassthroughIR, TlsHostIR } from '../../../ir/model';
import { CLIENT_AUTH_TYPES, NOOP_SERVICE, ROUTE_KIND_RULE, TLS_VERSIONS } from '../constants';
import { routePriority } from './priority';
import { hostCondition, hostSniCondition } from './rule';

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
  return tls.minTlsVersion !== undefined || tls.clientAuth !== undefined;
}

/** `redirectScheme` to https, permanent: 301 for GET/HEAD, 308 otherwise (Traefik's rule). */
export function redirectMiddlewareSpec() {
  return { redirectScheme: { scheme: 'https', permanent: true } };
}

/**
 * The plain-HTTP router of a TLS host: everything for its hostnames on the web entry point
 * answers with the redirect. Priority: that of a catch-all route of the same host, so it beats
 * every plain router that could match the host (routes without hosts, wildcard routes), while
 * cert-manager's HTTP-01 solver Ingress is ranked above it (see ACME_SOLVER_PRIORITY).
 */
export function redirectIngressRouteSpec(tls: TlsHostIR, middleware: string, entryPoints: EntryPoints) {
  return {
    entryPoints: [entryPoints.web],
    routes: tls.hosts.map(host => ({
      kind: ROUTE_KIND_RULE,
      match: hostCondition([host])!,
      priority: routePriority(host, CATCH_ALL_MATCH),
      middlewares: [{ name: middleware }],
      services: [{ ...NOOP_SERVICE }],
    })),
  };
}

/** The headers middleware setting `Strict-Transport-Security` (Traefik writes it on HTTPS responses). */
export function hstsMiddlewareSpec(tls: TlsHostIR) {
  const h = tls.hsts!;
  return {
    headers: {
      stsSeconds: h.maxAgeSeconds,
      stsIncludeSubdomains: h.includeSubdomains || undefined,
      stsPreload: h.preload || undefined,
    },
  };
}

export function tlsOptionSpec(tls: TlsHostIR) {
  return {
    minVersion: tls.minTlsVersion ? TLS_VERSIONS[tls.minTlsVersion] : undefined,
    clientAuth: tls.clientAuth ? {
      secretNames: [tls.clientAuth.ca.name],
      clientAuthType: tls.clientAuth.required ? CLIENT_AUTH_TYPES.required : CLIENT_AUTH_TYPES.optional,
    } : undefined,
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

/** Name of the ServersTransport for one backend of a route (re-encryption settings). */
export function serversTransportName(owner: string, b: BackendIR): string {
  return joinName([owner, b.service, String(b.port), 'transport']);
}

/** Verify the backend's certificate for `hostname` (also sent as SNI), against the CA or the system roots. */
export function serversTransportSpec(b: BackendIR) {
  const tls = b.tls!;
  return {
    serverName: tls.hostname,
    rootCAs: tls.ca ? [tls.ca.kind === 'Secret' ? { secret: tls.ca.name } : { configMap: tls.ca.name }] : undefined,
  };
}
