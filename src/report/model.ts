import { CONTROLLER_NAMES } from '../capabilities/controllers';
import { ControllerName } from '../capabilities/features';
import { issuersBySecret } from '../cert-manager/reader';
import { BackendEntry, RouteEntry, RouteTable, routeTableOf, TlsEntry } from '../checks/route-table';
import { KubeObject, ReadItem, sortItems } from '../controllers/reader';
import { ImportOptionError, readWith } from '../import/importer';
import { isReadKind, loadManifests, ManifestSource } from '../import/load';
import { readableControllers, readerFor } from '../import/readers';
import { MatchIR } from '../ir/model';

/**
 * The report model: what a set of manifests does, read back through the controllers' readers
 * (src/import/readers.ts) into the semantic route table (src/checks/route-table.ts). Plain,
 * sorted data; `RouteReport` (index.ts) renders it as Markdown, JSON or Mermaid, and
 * `GatewayAssertions` queries it.
 */
export interface ReportModel {
  /** One per gateway a reader found, sorted by controller (matrix order), namespace, name. */
  readonly gateways: readonly GatewaySection[];
  /** Settings the readers could not map, sorted by object then field. */
  readonly unmapped: readonly ReadItem[];
}

export interface GatewaySection {
  readonly controller: ControllerName;
  /** `namespace/name` of the gateway as the reader names it. */
  readonly gateway: string;
  readonly table: RouteTable;
  /** The cert-manager issuer of each TLS Secret (`namespace/name` -> `ClusterIssuer/name`). */
  readonly issuers: { readonly [secret: string]: string };
}

/** Options of the report's reading. */
export interface ReadModelOptions {
  /** 'auto' (every reader) or a column id. */
  readonly from?: string;
  /** Namespace of objects that name none. */
  readonly defaultNamespace?: string;
}

/** The model of YAML sources (files, or the text of a chart). */
export function modelOfSources(sources: readonly ManifestSource[], options: ReadModelOptions = {}): ReportModel {
  return modelOfObjects(loadManifests(sources).objects.map(l => l.object), options);
}

/** The model of parsed objects (e.g. `Chart.toJson()`); kinds no reader looks at are skipped. */
export function modelOfObjects(all: readonly KubeObject[], options: ReadModelOptions = {}): ReportModel {
  const defaultNamespace = options.defaultNamespace ?? 'default';
  const from = options.from ?? 'auto';
  if (from !== 'auto' && !(CONTROLLER_NAMES as readonly string[]).includes(from)) {
    throw new ImportOptionError(`from '${from}' is not a controller: use auto or one of ${CONTROLLER_NAMES.join(', ')}`);
  }
  const columns = from === 'auto' ? readableControllers() : [from as ControllerName];
  const candidates = columns.map(c => readerFor(c)).filter(r => r !== undefined);
  const objects = all.filter(o => o && typeof o.kind === 'string' && isReadKind(o.kind));
  const read = readWith(candidates, objects, { defaultNamespace, from });
  const issuerOf = issuersBySecret(objects, defaultNamespace);
  const gateways: GatewaySection[] = [];
  for (const reader of read.used) {
    for (const g of read.byReader.get(reader) ?? []) {
      const table = reader.normalize ? reader.normalize(routeTableOf([g])) : routeTableOf([g]);
      const issuers: { [secret: string]: string } = {};
      for (const t of table.tls) {
        const i = issuerOf.get(t.secret);
        if (i) issuers[t.secret] = `${i.kind}/${i.namespace ? `${i.namespace}/` : ''}${i.name}`;
      }
      gateways.push({ controller: reader.name, gateway: `${g.namespace}/${g.name}`, table, issuers });
    }
  }
  gateways.sort((a, b) => CONTROLLER_NAMES.indexOf(a.controller) - CONTROLLER_NAMES.indexOf(b.controller) || compare(a.gateway, b.gateway));
  return { gateways, unmapped: sortItems(read.items.filter(i => i.reason !== undefined)) };
}

/** The objects of a chart's JSON (`Chart.toJson()`), as the readers take them. */
export function objectsOfJson(json: readonly unknown[]): KubeObject[] {
  return json.filter(o => o !== null && typeof o === 'object' && typeof (o as KubeObject).kind === 'string') as KubeObject[];
}

// ---- text of entries (shared by every format and by assertions) ----

/** `Prefix /v1 GET header x-env=canary query tab=1`. */
export function matchText(m: MatchIR): string {
  const parts = [`${m.path.kind} ${m.path.value}`];
  if (m.method) parts.push(m.method);
  for (const h of m.headers) parts.push(`header ${h.name}${h.kind === 'Exact' ? '=' : '~'}${h.value}`);
  for (const q of m.queryParams) parts.push(`query ${q.name}=${q.value}`);
  return parts.join(' ');
}

/** `shop/api-v1:8080` (with ` weight 9` when the route splits traffic). */
export function backendText(b: BackendEntry, split = false): string {
  const tls = !b.tls ? '' : b.tls.insecureSkipVerify ? ` (TLS UNVERIFIED${b.tls.hostname ? `, SNI ${b.tls.hostname}` : ''})` : ` (TLS ${b.tls.hostname}${b.tls.ca ? `, CA ${b.tls.ca}` : ''})`;
  return `${b.namespace}/${b.service}:${b.port}${split ? ` weight ${b.weight}` : ''}${tls}`;
}

/** The backends of an entry, or what answers instead (a redirect). */
export function backendsText(r: RouteEntry): string[] {
  if (r.backends.length === 0) {
    if (r.directResponse) return [`(answers ${r.directResponse.statusCode}${r.directResponse.body !== undefined ? ` with a ${r.directResponse.contentType} body` : ''})`];
    return r.policies.redirect ? ['(redirect)'] : ['(none)'];
  }
  return r.backends.map(b => backendText(b, r.backends.length > 1));
}

/** Canary and mirror of an entry, as text. */
export function trafficText(r: RouteEntry): string[] {
  const out: string[] = [];
  if (r.canary) {
    const t = r.canary.traffic;
    const how = t.kind === 'weight' ? `weight ${t.canary} of ${t.stable + t.canary}`
      : t.kind === 'header' ? `header ${t.name}=${t.value}` : t.kind === 'header-present' ? `header ${t.name} present` : `cookie ${t.name}=always`;
    out.push(`canary ${backendText(r.canary.backend)} (${how})`);
  }
  for (const m of [...(r.mirror ? [r.mirror] : []), ...(r.mirrors ?? [])]) out.push(`mirror ${backendText(m.backend)} (${m.percent}%)`);
  return out;
}

/** Each policy in effect as `name: value` (sorted by name). */
export function policiesText(r: RouteEntry): string[] {
  const p = r.policies as { readonly [k: string]: unknown };
  return Object.keys(p).sort().map(k => `${k}: ${compactJson(p[k])}`);
}

/** TLS of a host as text: certificate or issuer, redirect, HSTS, minimum version, client auth. */
export function tlsText(t: TlsEntry, issuer?: string): string {
  const parts = [issuer ? `issuer ${issuer} (Secret ${t.secret})` : `certificate ${t.secret}`];
  if (t.httpsRedirect) parts.push('HTTPS redirect');
  if (t.hsts) parts.push(`HSTS max-age=${t.hsts.maxAgeSeconds}${t.hsts.includeSubdomains ? '; includeSubDomains' : ''}${t.hsts.preload ? '; preload' : ''}`);
  if (t.minTlsVersion) parts.push(`min TLS ${t.minTlsVersion}`);
  if (t.clientAuth) parts.push(`client certificates ${t.clientAuth.required ? 'required' : 'optional'} (CA ${t.clientAuth.ca})`);
  return parts.join(', ');
}

/** A host's name for people: '' is every host of the gateway. */
export function hostText(host: string): string {
  return host === '' ? '(any host)' : host;
}

/** The hosts of a table, sorted, each with its routes, TLS and passthrough. */
export function hostsOf(table: RouteTable): string[] {
  const hosts = new Set<string>();
  table.routes.forEach(r => hosts.add(r.host));
  table.tls.forEach(t => hosts.add(t.host));
  table.passthrough.forEach(p => hosts.add(p.host));
  return [...hosts].sort(compare);
}

/** JSON with sorted keys, on one line. */
export function compactJson(value: unknown): string {
  return JSON.stringify(sortedKeys(value));
}

/** A deep copy with object keys sorted (deterministic JSON). */
export function sortedKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortedKeys);
  if (value !== null && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const k of Object.keys(value).sort()) {
      const v = (value as Record<string, unknown>)[k];
      if (v !== undefined) out[k] = sortedKeys(v);
    }
    return out;
  }
  return value;
}

export function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
