import { hostSlug, joinName } from '../../../core/names';
import { GatewayIR, TlsHostIR } from '../../../ir/model';
import { suffixWildcard } from '../../common/wildcard';
import { CoreObjectRef, GatewayTls, HTTP_LISTENER, Listener } from '../api';

export interface ListenerPorts {
  readonly http: number;
  readonly https: number;
}

/** The HTTPS listener of a TLS-terminated hostname (a TlsHost's hostname, wildcards included). */
export function httpsListenerName(host: string): string {
  return joinName(['https', hostSlug(host)]);
}

/** The TLS listener of a passthrough hostname. */
export function passthroughListenerName(host: string): string {
  return joinName(['tls', hostSlug(host)]);
}

/**
 * An HTTP listener for every host, an HTTPS listener per TLS-terminated hostname and a TLS
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
  const out: Listener[] = [{ name: HTTP_LISTENER, port: ports.http, protocol: 'HTTP', allowedRoutes }];
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
