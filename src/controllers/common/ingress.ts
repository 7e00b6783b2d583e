import { ApiObject } from 'cdk8s';
import { Construct } from 'constructs';
import { certificateFor } from './tls';
import { ManifestObject } from '../../core/manifest-object';
import { joinName } from '../../core/names';
import { BackendIR, TlsHostIR } from '../../ir/model';
import { GatewayContext } from '../renderer';

/** `networking.k8s.io/v1` Ingress wire types: only the fields we emit. */
export interface IngressPath {
  readonly path: string;
  readonly pathType: 'Exact' | 'Prefix' | 'ImplementationSpecific';
}

export interface IngressServiceBackend {
  readonly service: { readonly name: string; readonly port: { readonly number: number } };
}

export interface IngressSpec {
  readonly ingressClassName: string;
  readonly defaultBackend?: IngressServiceBackend;
  readonly rules?: Array<{
    readonly host?: string;
    readonly http: { readonly paths: Array<IngressPath & { readonly backend: IngressServiceBackend }> };
  }>;
  readonly tls?: Array<{ readonly hosts: string[]; readonly secretName: string }>;
}

export const INGRESS_API_VERSION = 'networking.k8s.io/v1';

/** Paths x hosts of an Ingress shared by routes: far below the API server's object size for any path. */
export const INGRESS_PATH_CAPACITY = 100;

export function serviceBackend(b: BackendIR): IngressServiceBackend {
  return { service: { name: b.service, port: { number: b.port } } };
}

/**
 * An Ingress spec routing `paths` on each of `hosts` (none: any host) to one backend, with a
 * `tls` entry per certificate covering those hosts.
 */
export function ingressSpec(
  className: string, hosts: readonly string[], paths: readonly IngressPath[], backend: BackendIR, tls: readonly TlsHostIR[],
): IngressSpec {
  return groupedIngressSpec(className, hosts, [{ paths, backend }], tls);
}

/** One route's share of an Ingress: its paths, to its backend. */
export interface IngressRoutePaths {
  readonly paths: readonly IngressPath[];
  readonly backend: BackendIR;
}

/**
 * The spec of an Ingress shared by routes of the same hosts: on each host, every route's paths
 * to its own backend, in declaration order.
 */
export function groupedIngressSpec(
  className: string, hosts: readonly string[], routes: ReadonlyArray<IngressRoutePaths>, tls: readonly TlsHostIR[],
): IngressSpec {
  const httpPaths = routes.flatMap(r => r.paths.map(p => ({ ...p, backend: serviceBackend(r.backend) })));
  const rules = (hosts.length > 0 ? hosts : [undefined]).map(host => ({ host, http: { paths: httpPaths } }));
  return { ingressClassName: className, rules, tls: tlsEntries(hosts, tls) };
}

/** TLS entries for the hosts that have a certificate, one per Secret, sorted. */
export function tlsEntries(hosts: readonly string[], tlsHosts: readonly TlsHostIR[]): IngressSpec['tls'] {
  const bySecret = new Map<string, string[]>();
  for (const host of hosts) {
    const tls = certificateFor(host, tlsHosts);
    if (!tls) continue;
    const list = bySecret.get(tls.secretName) ?? [];
    list.push(host);
    bySecret.set(tls.secretName, list);
  }
  const entries = [...bySecret].sort(([a], [b]) => (a < b ? -1 : 1)).map(([secretName, h]) => ({ hosts: h.sort(), secretName }));
  return entries.length > 0 ? entries : undefined;
}

/** The anchored form of a route regex: our regexes always match the whole path or value. */
export function anchored(pattern: string): string {
  return `^${pattern}$`;
}

/** The gateway-wide default backend as an Ingress with only `defaultBackend`. */
export function defaultBackendIngress(
  scope: Construct, className: string, backend: BackendIR, ctx: GatewayContext, annotations?: () => Record<string, string> | undefined,
): ApiObject[] {
  return [new ManifestObject(scope, 'DefaultBackend', {
    apiVersion: INGRESS_API_VERSION,
    kind: 'Ingress',
    name: joinName([ctx.name, 'default-backend']),
    namespace: ctx.namespace,
    annotations,
    spec: () => ({ ingressClassName: className, defaultBackend: serviceBackend(backend) }),
  })];
}
