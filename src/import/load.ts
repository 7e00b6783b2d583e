import { loadAll, YAMLException } from 'js-yaml';
import { KubeObject } from '../controllers/reader';

/**
 * The manifest loader of `cdk8s-gateway import`: YAML text -> the Kubernetes objects the readers
 * look at. Multi-document files, `kind: List` (and `*List` kinds) and Helm-rendered output
 * (`---` separators, `# Source:` comments, empty documents) are understood; kinds no reader looks
 * at (Deployment, ConfigMap...) are skipped without complaint. Everything else that is wrong is an
 * `ImportInputError` naming the file and the document.
 */

/** One YAML source: its name (a path, or `<stdin>`) and its text. */
export interface ManifestSource {
  readonly file: string;
  readonly text: string;
}

/** An object and where it came from. */
export interface LoadedObject {
  readonly object: KubeObject;
  readonly file: string;
  /** 1-based document index in the file. */
  readonly document: number;
  /** 1-based index in a `kind: List` document. */
  readonly item?: number;
}

/** What the loader found. */
export interface LoadResult {
  /** Objects of kinds a reader looks at, in input order. */
  readonly objects: readonly LoadedObject[];
  /** Objects of other kinds (`Kind namespace/name`), skipped. */
  readonly skipped: readonly string[];
}

/** Bad input: unparsable YAML, a document that is not a Kubernetes object, an unsupported apiVersion. */
export class ImportInputError extends Error {
  constructor(public readonly file: string, public readonly document: number, public readonly problem: string, public readonly item?: number) {
    super(`${file}: document ${document}${item !== undefined ? `, item ${item}` : ''}: ${problem}`);
    this.name = 'ImportInputError';
  }
}

/**
 * The kinds some reader looks at, by API group, with the versions we read. A kind of a listed
 * group at another version is refused (an unsupported apiVersion); a kind of an unlisted group
 * (another vendor's `Middleware`...) is skipped.
 */
const READ_KINDS: { readonly [kind: string]: { readonly [group: string]: readonly string[] } } = {
  Ingress: { 'networking.k8s.io': ['v1'], 'extensions': [] },
  IngressClass: { 'networking.k8s.io': ['v1'] },
  Service: { '': ['v1'] },
  Secret: { '': ['v1'] },
  Gateway: { 'gateway.networking.k8s.io': ['v1', 'v1beta1'] },
  GatewayClass: { 'gateway.networking.k8s.io': ['v1', 'v1beta1'] },
  HTTPRoute: { 'gateway.networking.k8s.io': ['v1', 'v1beta1'] },
  GRPCRoute: { 'gateway.networking.k8s.io': ['v1'] },
  TLSRoute: { 'gateway.networking.k8s.io': ['v1alpha2', 'v1alpha3', 'v1'] },
  ReferenceGrant: { 'gateway.networking.k8s.io': ['v1beta1', 'v1'] },
  BackendTLSPolicy: { 'gateway.networking.k8s.io': ['v1alpha3', 'v1'] },
  ListenerSet: { 'gateway.networking.k8s.io': ['v1'], 'gateway.networking.x-k8s.io': ['v1alpha1'] },
  IngressRoute: { 'traefik.io': ['v1alpha1'], 'traefik.containo.us': [] },
  IngressRouteTCP: { 'traefik.io': ['v1alpha1'], 'traefik.containo.us': [] },
  Middleware: { 'traefik.io': ['v1alpha1'], 'traefik.containo.us': [] },
  TraefikService: { 'traefik.io': ['v1alpha1'], 'traefik.containo.us': [] },
  ServersTransport: { 'traefik.io': ['v1alpha1'], 'traefik.containo.us': [] },
  TLSOption: { 'traefik.io': ['v1alpha1'], 'traefik.containo.us': [] },
  KongPlugin: { 'configuration.konghq.com': ['v1'] },
  KongClusterPlugin: { 'configuration.konghq.com': ['v1'] },
  KongConsumer: { 'configuration.konghq.com': ['v1'] },
  KongIngress: { 'configuration.konghq.com': ['v1'] },
  KongUpstreamPolicy: { 'configuration.konghq.com': ['v1beta1'] },
  BackendTrafficPolicy: { 'gateway.envoyproxy.io': ['v1alpha1'] },
  SecurityPolicy: { 'gateway.envoyproxy.io': ['v1alpha1'] },
  ClientTrafficPolicy: { 'gateway.envoyproxy.io': ['v1alpha1'] },
  HTTPRouteFilter: { 'gateway.envoyproxy.io': ['v1alpha1'] },
  Backend: { 'gateway.envoyproxy.io': ['v1alpha1'] },
  EnvoyPatchPolicy: { 'gateway.envoyproxy.io': ['v1alpha1'] },
  EnvoyExtensionPolicy: { 'gateway.envoyproxy.io': ['v1alpha1'] },
  DestinationRule: { 'networking.istio.io': ['v1', 'v1beta1', 'v1alpha3'] },
  VirtualService: { 'networking.istio.io': ['v1', 'v1beta1', 'v1alpha3'] },
  EnvoyFilter: { 'networking.istio.io': ['v1alpha3'] },
  AuthorizationPolicy: { 'security.istio.io': ['v1', 'v1beta1'] },
  RequestAuthentication: { 'security.istio.io': ['v1', 'v1beta1'] },
  Issuer: { 'cert-manager.io': ['v1'] },
  ClusterIssuer: { 'cert-manager.io': ['v1'] },
  Certificate: { 'cert-manager.io': ['v1'] },
};

/** Whether the loader keeps objects of this kind (some reader looks at it). */
export function isReadKind(kind: string): boolean {
  return Object.prototype.hasOwnProperty.call(READ_KINDS, kind);
}

/** Loads every source, in order. Throws `ImportInputError` on the first bad document. */
export function loadManifests(sources: readonly ManifestSource[]): LoadResult {
  const objects: LoadedObject[] = [];
  const skipped: string[] = [];
  for (const source of sources) loadOne(source, objects, skipped);
  return { objects, skipped };
}

function loadOne(source: ManifestSource, objects: LoadedObject[], skipped: string[]): void {
  const { file, text } = source;
  if (typeof text !== 'string') throw new ImportInputError(file, 1, 'the input must be YAML text');
  let documents: unknown[];
  try {
    // js-yaml's default (YAML 1.2 core) schema: no timestamps or other implicit types, duplicate keys refused.
    documents = loadAll(text, { filename: file, maxAliases: 100 });
  } catch (e) {
    if (e instanceof YAMLException) {
      const line = e.mark?.line;
      throw new ImportInputError(file, line === undefined ? 1 : documentAt(text, line), `not valid YAML: ${e.reason}${line !== undefined ? ` (line ${line + 1})` : ''}`);
    }
    throw new ImportInputError(file, 1, `not valid YAML: ${(e as Error).message}`);
  }
  documents.forEach((value, i) => {
    const index = i + 1;
    if (value === null || value === undefined) return; // an empty document (Helm emits them)
    if (isList(value)) {
      const items = (value as { items?: unknown }).items;
      if (items === undefined || items === null) return;
      if (!Array.isArray(items)) throw new ImportInputError(file, index, `${value.kind}.items must be a list of objects`);
      items.forEach((item, j) => accept(item, { file, document: index, item: j + 1 }, objects, skipped));
      return;
    }
    accept(value, { file, document: index }, objects, skipped);
  });
}

/**
 * The 1-based index of the document holding `line` (0-based), counted as js-yaml counts them:
 * each `---` line starts a document, and content before the first one is a document too.
 */
function documentAt(text: string, line: number): number {
  let index = 0;
  for (const l of text.split(/\r?\n/, line + 1)) {
    if (/^---(\s|$)/.test(l)) index++;
    else if (index === 0 && !/^\s*(#.*)?$/.test(l) && !l.startsWith('%')) index = 1;
  }
  return Math.max(index, 1);
}

function isList(value: unknown): value is { kind: string } {
  return isObject(value) && typeof value.kind === 'string' && /List$/.test(value.kind) && 'items' in value && !('metadata' in value && isObject(value.metadata) && 'name' in value.metadata);
}

interface At { readonly file: string; readonly document: number; readonly item?: number }

function accept(value: unknown, at: At, objects: LoadedObject[], skipped: string[]): void {
  const bad = (problem: string) => new ImportInputError(at.file, at.document, problem, at.item);
  if (!isObject(value)) throw bad(`not a Kubernetes object (a ${Array.isArray(value) ? 'list' : typeof value}, expected a mapping with apiVersion, kind and metadata)`);
  const { apiVersion, kind } = value;
  if (typeof apiVersion !== 'string' || apiVersion.length === 0) throw bad('not a Kubernetes object: apiVersion is missing');
  if (typeof kind !== 'string' || kind.length === 0) throw bad('not a Kubernetes object: kind is missing');
  const metadata = value.metadata;
  const name = isObject(metadata) ? metadata.name : undefined;
  if (!isReadKind(kind)) {
    skipped.push(`${kind} ${isObject(metadata) && typeof metadata.namespace === 'string' ? `${metadata.namespace}/` : ''}${typeof name === 'string' ? name : '?'}`);
    return;
  }
  const slash = apiVersion.lastIndexOf('/');
  const group = slash < 0 ? '' : apiVersion.slice(0, slash);
  const version = apiVersion.slice(slash + 1);
  const groups = READ_KINDS[kind];
  if (!Object.prototype.hasOwnProperty.call(groups, group)) {
    skipped.push(`${kind} (${apiVersion}) ${typeof name === 'string' ? name : '?'}`);
    return;
  }
  if (!groups[group].includes(version)) {
    const supported = Object.entries(groups).flatMap(([g, vs]) => vs.map(v => (g === '' ? v : `${g}/${v}`)));
    throw bad(`${kind} ${apiVersion} is not supported (supported: ${supported.join(', ')}); convert it first (e.g. kubectl convert)`);
  }
  if (!isObject(metadata)) throw bad(`${kind}: metadata is missing`);
  if (typeof name !== 'string' || name.length === 0) throw bad(`${kind}: metadata.name is missing`);
  if (metadata.namespace !== undefined && typeof metadata.namespace !== 'string') throw bad(`${kind} ${name}: metadata.namespace must be a string`);
  for (const field of ['annotations', 'labels'] as const) {
    const map = metadata[field];
    if (map === undefined || map === null) continue;
    if (!isObject(map)) throw bad(`${kind} ${name}: metadata.${field} must be a mapping`);
    for (const [k, v] of Object.entries(map)) {
      if (typeof v !== 'string') throw bad(`${kind} ${name}: metadata.${field}['${k}'] is ${JSON.stringify(v)}, not a string (quote it: the API server refuses non-string values)`);
    }
  }
  if (value.spec !== undefined && value.spec !== null && !isObject(value.spec)) throw bad(`${kind} ${name}: spec must be a mapping`);
  objects.push({ object: value as unknown as KubeObject, ...at });
}

function isObject(v: unknown): v is Record<string, any> {
  return v !== null && typeof v === 'object' && !Array.isArray(v);
}
