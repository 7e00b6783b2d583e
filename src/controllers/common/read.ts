import { KINDS as CERT_MANAGER_KINDS, GROUP as CERT_MANAGER_GROUP } from '../../cert-manager/api';
import { BackendIR, GatewayIR, HstsIR, MatchIR, RouteIR, CanaryIR, TlsHostIR, PassthroughIR } from '../../ir/model';
import type { AnnotationCatalog } from '../raw-annotations';
import { KubeObject, objectRef, ReadItem, sortItems } from '../reader';

/**
 * Helpers shared by the readers of Ingress-based and CRD-based controllers (Traefik, Kong):
 * the item log, Ingress backends and TLS, cert-manager Certificates and the assembly of a
 * GatewayIR. Pure; no controller strings.
 */

/** Collects the mapped / unmapped items of one read. */
export class ItemLog {
  private readonly items: ReadItem[] = [];

  constructor(private readonly defaultNamespace: string) {}

  public ref(o: KubeObject): string {
    return objectRef(o, this.defaultNamespace);
  }

  public mapped(o: KubeObject, field: string, value: unknown, to: string): void {
    this.items.push(strip({ object: this.ref(o), field, value: text(value), to }));
  }

  public unmapped(o: KubeObject, field: string, value: unknown, reason: string): void {
    this.items.push(strip({ object: this.ref(o), field, value: text(value), reason }));
  }

  public sorted(): ReadItem[] {
    return sortItems(this.items);
  }
}

function strip(i: ReadItem): ReadItem {
  return i.value === undefined ? { object: i.object, field: i.field, ...(i.to !== undefined ? { to: i.to } : { reason: i.reason }) } : i;
}

/** A field value as text for an item (objects as JSON, absent as undefined). */
export function text(value: unknown): string | undefined {
  if (value === undefined) return undefined;
  return typeof value === 'string' ? value : JSON.stringify(value);
}

/** `metadata.annotations['key']`. */
export function annotationField(key: string): string {
  return `metadata.annotations['${key}']`;
}

/** The namespace of an object. */
export function namespaceOf(o: KubeObject, defaultNamespace: string): string {
  return o.metadata.namespace ?? defaultNamespace;
}

/** A plain object (not null, not an array). */
export function isRecord(v: unknown): v is Record<string, any> {
  return v !== null && typeof v === 'object' && !Array.isArray(v);
}

/** Secrets written by cert-manager Certificates: `namespace/secretName`. */
export function managedSecrets(objects: readonly KubeObject[], defaultNamespace: string): Set<string> {
  const out = new Set<string>();
  for (const o of objects) {
    if (o.kind !== CERT_MANAGER_KINDS.certificate || !String(o.apiVersion).startsWith(`${CERT_MANAGER_GROUP}/`)) continue;
    const secret = o.spec?.secretName;
    if (typeof secret === 'string') out.add(`${namespaceOf(o, defaultNamespace)}/${secret}`);
  }
  return out;
}

/** Named Service ports (`namespace/service/portName` -> number), to resolve Ingress `port.name`. */
export function servicePorts(objects: readonly KubeObject[], defaultNamespace: string): Map<string, number> {
  const out = new Map<string, number>();
  for (const o of objects) {
    if (o.kind !== 'Service' || o.apiVersion !== 'v1' || !Array.isArray(o.spec?.ports)) continue;
    for (const p of o.spec.ports) {
      if (typeof p?.name === 'string' && typeof p.port === 'number') out.set(`${namespaceOf(o, defaultNamespace)}/${o.metadata.name}/${p.name}`, p.port);
    }
  }
  return out;
}

/**
 * An Ingress backend (`service.name` + `port.number`, or `port.name` resolved from the Services
 * given). Returns the backend, or the reason it cannot be read.
 */
export function ingressBackend(backend: any, namespace: string, ports: ReadonlyMap<string, number>): BackendIR | string {
  const svc = backend?.service;
  if (!isRecord(svc) || typeof svc.name !== 'string') return 'only Service backends are modelled (resource backends are not)';
  const port = svc.port;
  if (typeof port?.number === 'number') return { service: svc.name, namespace, port: port.number, weight: 1 };
  if (typeof port?.name === 'string') {
    const n = ports.get(`${namespace}/${svc.name}/${port.name}`);
    if (n !== undefined) return { service: svc.name, namespace, port: n, weight: 1 };
    return `named port '${port.name}' of Service '${svc.name}': give the Service to resolve it, or use a port number`;
  }
  return 'the backend names no port';
}

/** `max-age=N[; includeSubDomains][; preload]` as HSTS, or undefined when it is not exactly that. */
export function parseHsts(value: string): HstsIR | undefined {
  const parts = value.split(';').map(p => p.trim()).filter(p => p !== '');
  const age = /^max-age=(\d+)$/i.exec(parts[0] ?? '');
  if (!age) return undefined;
  const rest = parts.slice(1).map(p => p.toLowerCase());
  if (rest.some(p => p !== 'includesubdomains' && p !== 'preload') || new Set(rest).size !== rest.length) return undefined;
  return { maxAgeSeconds: Number(age[1]), includeSubdomains: rest.includes('includesubdomains'), preload: rest.includes('preload') };
}

/**
 * An annotation outside the keys a renderer writes: a documented key of `catalog` (or another
 * tool's key) is a raw annotation; refused, invalid and unknown keys under the catalog's prefixes
 * are unmapped.
 */
export function rawAnnotationItem(o: KubeObject, key: string, value: string, log: ItemLog, catalog: AnnotationCatalog, what: string): void {
  const field = annotationField(key);
  const known = catalog.lookup(key);
  if (!catalog.prefixes.some(p => key.startsWith(p))) log.mapped(o, field, value, `Route.rawAnnotations['${key}']`);
  else if (!known) log.unmapped(o, field, value, `unknown ${what} annotation '${key}'`);
  else if (known.refused) log.unmapped(o, field, value, known.refused);
  else if (known.value && !known.value.test(value)) log.unmapped(o, field, value, `not ${known.value.name}`);
  else log.mapped(o, field, value, `Route.rawAnnotations['${key}']`);
}

/** An address as a CIDR (the intent's normal form). */
export function cidr(address: string): string {
  return address.includes('/') ? address : address.includes(':') ? `${address}/128` : `${address}/32`;
}

/**
 * Whether `o` is an Ingress for the controller: its class (`spec.ingressClassName`, else the
 * legacy `kubernetes.io/ingress.class` annotation) is `className`, or it names none and carries an
 * annotation under `prefix`.
 */
export function isIngressFor(o: KubeObject, className: string, prefix: string): boolean {
  if (o.kind !== 'Ingress' || !String(o.apiVersion).startsWith('networking.k8s.io/')) return false;
  const cls = o.spec?.ingressClassName ?? o.metadata.annotations?.['kubernetes.io/ingress.class'];
  if (cls !== undefined) return cls === className;
  return Object.keys(o.metadata.annotations ?? {}).some(k => k.startsWith(prefix));
}

/** Sorted, de-duplicated. */
export function uniqueSorted(values: Iterable<string>): string[] {
  return [...new Set(values)].sort();
}

/** A match with only a path. */
export function pathMatch(path: MatchIR['path']): MatchIR {
  return { path, headers: [], queryParams: [] };
}

/** The pieces of a gateway a reader found, assembled into one GatewayIR. */
export interface GatewayParts {
  readonly source: string;
  readonly name: string;
  readonly namespace: string;
  readonly routes: readonly RouteIR[];
  readonly tlsHosts?: readonly TlsHostIR[];
  readonly passthroughHosts?: readonly PassthroughIR[];
  readonly canaries?: readonly CanaryIR[];
  readonly defaultBackend?: BackendIR;
  readonly defaultBackendSource?: string;
}

export function gatewayOf(p: GatewayParts): GatewayIR {
  const canaries = p.canaries ?? [];
  const byRoute = new Map<string, CanaryIR[]>();
  for (const c of canaries) byRoute.set(c.route, [...(byRoute.get(c.route) ?? []), c]);
  return {
    source: p.source,
    name: p.name,
    namespace: p.namespace,
    routes: p.routes,
    tlsHosts: p.tlsHosts ?? [],
    passthroughHosts: p.passthroughHosts ?? [],
    canaries,
    canariesByRoute: byRoute,
    defaultBackend: p.defaultBackend,
    defaultBackendSource: p.defaultBackendSource,
  };
}

/** Object name stems: `<namespace>-<name>[-n]`, unique within a gateway. */
export class Names {
  private readonly used = new Set<string>();

  public next(stem: string): string {
    let name = stem;
    for (let i = 2; this.used.has(name); i++) name = `${stem}-${i}`;
    this.used.add(name);
    return name;
  }
}
