import { hostPatternCovers } from '../../../core/hosts';
import { hostSlug, joinName } from '../../../core/names';
import { GatewayIR, TlsHostIR } from '../../../ir/model';
import { fromSuffixWildcard, suffixWildcard } from '../../common/wildcard';
import { CoreObjectRef, GatewayTls, HTTP_LISTENER, Listener } from '../api';

export interface ListenerPorts {
  readonly http: number;
  readonly https: number;
}

/** The HTTPS listener of a TLS-terminated hostname (a TlsHost's hostname, wildcards included). */
export function httpsListenerName(host: string): string {
  return joinName(['https', hostSlug(host)]);
}

/** The plain-HTTP listener of a hostname (`HttpListeners.PER_HOST`), named after its Gateway API hostname. */
export function httpListenerName(hostname: string): string {
  return joinName(['http', hostSlug(hostname)]);
}

/** One plain-HTTP listener of the owned Gateway. */
export interface HttpListenerPlan {
  readonly name: string;
  /** Its Gateway API hostname (`*.s`: any depth); none: every host. */
  readonly hostname?: string;
}

/**
 * The owned Gateway's plain-HTTP listeners: `http` without a hostname (`HttpListeners.SHARED`),
 * or (`PER_HOST`) one per hostname of the routes and TlsHosts, sorted by hostname, after `http`
 * when a route without hosts or the default backend needs it (or nothing else would listen).
 * Requests go to the most specific listener of their host, so each listener must receive every
 * route that can serve its hostnames: see `httpSections`.
 */
export function httpListenerPlans(ir: GatewayIR): HttpListenerPlan[] {
  if (ir.httpListeners !== 'per-host') return [{ name: HTTP_LISTENER }];
  const hostnames = new Set<string>();
  for (const r of ir.routes) for (const h of r.hosts) hostnames.add(suffixWildcard(h));
  // A TlsHost name is a certificate name; its redirect HTTPRoute lists it as written.
  for (const t of ir.tlsHosts) for (const h of t.hosts) hostnames.add(h);
  const named = [...hostnames].sort().map(hostname => ({ name: httpListenerName(hostname), hostname }));
  const catchAll = named.length === 0 || ir.defaultBackend !== undefined || ir.routes.some(r => r.hosts.length === 0);
  return catchAll ? [{ name: HTTP_LISTENER }, ...named] : named;
}

/**
 * The plain-HTTP listeners an object serving `host` attaches to (every one for an object without
 * hosts): with one shared listener, `http`; per host, the listener of every hostname the host
 * matches (its own, and those of more specific hostnames under a wildcard, which take their
 * requests first), else the listener without a hostname.
 */
export function httpSections(plans: readonly HttpListenerPlan[]): (host: string | undefined) => string[] {
  return host => {
    if (host === undefined) return plans.map(p => p.name);
    const named = plans.filter(p => p.hostname !== undefined && hostPatternCovers(host, fromSuffixWildcard(p.hostname)));
    return (named.length > 0 ? named : plans.filter(p => p.hostname === undefined)).map(p => p.name);
  };
}

/** The TLS listener of a passthrough hostname. */
export function passthroughListenerName(host: string): string {
  return joinName(['tls', hostSlug(host)]);
}

/**
 * The HTTP listener(s) (`httpListenerPlans`), an HTTPS listener per TLS-terminated hostname and a TLS
 * (passthrough) listener per passthrough hostname, on the HTTPS port (a listener takes one
 * hostname; HTTPS and TLS listeners share a port, distinguished by SNI). Listeners admit routes
 * from the gateway's namespace only, unless routes were declared in other namespaces: then
 * exactly those namespaces, by name.
 */
export function listeners(
  ir: GatewayIR, ports: ListenerPorts, tlsOptions?: (t: TlsHostIR) => Readonly<Record<string, string>> | undefined,
): Listener[] {
  const namespaces = new Set<string>([ir.namespace, ...ir.routes.map(r => r.namespace)]);
  const allowedRoutes: Listener['allowedRoutes'] = namespaces.size === 1 ? undefined : {
    namespaces: {
      from: 'Selector',
      selector: { matchExpressions: [{ key: 'kubernetes.io/metadata.name', operator: 'In', values: [...namespaces].sort() }] },
    },
  };
  const out: Listener[] = httpListenerPlans(ir).map(p => ({ name: p.name, hostname: p.hostname, port: ports.http, protocol: 'HTTP', allowedRoutes }));
  const secure: Array<{ host: string; listener: Listener }> = [];
  for (const t of ir.tlsHosts) {
    for (const host of t.hosts) {
      secure.push({
        host,
        listener: {
          name: httpsListenerName(host),
          hostname: host,
          port: ports.https,
          protocol: 'HTTPS',
          tls: {
            mode: 'Terminate',
            certificateRefs: [{ kind: 'Secret', name: t.secretName, namespace: t.secretNamespace !== ir.namespace ? t.secretNamespace : undefined }],
            options: tlsOptions?.(t),
          },
          allowedRoutes,
        },
      });
    }
  }
  for (const t of ir.passthroughHosts) {
    for (const host of t.hosts) {
      secure.push({
        host,
        listener: { name: passthroughListenerName(host), hostname: suffixWildcard(host), port: ports.https, protocol: 'TLS', tls: { mode: 'Passthrough' }, allowedRoutes },
      });
    }
  }
  secure.sort((a, b) => (a.host < b.host ? -1 : a.host > b.host ? 1 : 0));
  return [...out, ...secure.map(s => s.listener)];
}

/**
 * Portable client-certificate validation: `spec.tls.frontend.default`, which applies to every
 * HTTPS listener of the Gateway (the renderer refuses TlsHosts that disagree).
 */
export function frontendTls(ir: GatewayIR): GatewayTls | undefined {
  const auth = ir.tlsHosts.find(t => t.clientAuth)?.clientAuth;
  if (!auth) return undefined;
  const refs: CoreObjectRef[] = [auth.ca, ...auth.additionalCas ?? []].map(c => ({ group: '', kind: c.kind, name: c.name }));
  return { frontend: { default: { validation: { caCertificateRefs: refs, mode: 'AllowValidOnly' } } } };
}
