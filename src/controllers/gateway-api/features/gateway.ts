import { hostSlug, joinName } from '../../../core/names';
import { GatewayIR } from '../../../ir/model';
import { HTTP_LISTENER, Listener } from '../api';

export interface ListenerPorts {
  readonly http: number;
  readonly https: number;
}

/**
 * An HTTP listener for every host, and an HTTPS listener per TLS hostname (a listener takes one
 * hostname). Listeners admit routes from the gateway's namespace only, unless routes were
 * declared in other namespaces: then exactly those namespaces, by name.
 */
export function listeners(ir: GatewayIR, ports: ListenerPorts): Listener[] {
  const namespaces = new Set<string>([ir.namespace, ...ir.routes.map(r => r.namespace)]);
  const allowedRoutes: Listener['allowedRoutes'] = namespaces.size === 1 ? undefined : {
    namespaces: {
      from: 'Selector',
      selector: { matchExpressions: [{ key: 'kubernetes.io/metadata.name', operator: 'In', values: [...namespaces].sort() }] },
    },
  };
  const out: Listener[] = [{ name: HTTP_LISTENER, port: ports.http, protocol: 'HTTP', allowedRoutes }];
  const https = ir.tlsHosts.flatMap(t => t.hosts.map(host => ({ host, t }))).sort((a, b) => (a.host < b.host ? -1 : 1));
  for (const { host, t } of https) {
    out.push({
      name: httpsListenerName(host),
      hostname: host,
      port: ports.https,
      protocol: 'HTTPS',
      tls: {
        mode: 'Terminate',
        certificateRefs: [{ kind: 'Secret', name: t.secretName, namespace: t.secretNamespace !== ir.namespace ? t.secretNamespace : undefined }],
      },
      allowedRoutes,
    });
  }
  return out;
}

/** The name of the HTTPS listener for one TLS hostname. */
export function httpsListenerName(host: string): string {
  return joinName(['https', hostSlug(host)]);
}

/** The HTTPS listener hostnames of an owned Gateway, sorted. */
export function httpsListenerHosts(ir: GatewayIR): string[] {
  return ir.tlsHosts.flatMap(t => t.hosts).sort();
}
