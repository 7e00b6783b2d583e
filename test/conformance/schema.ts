/**
 * Loads the official CRDs, indexes them by group/version/kind, and compiles each version's
 * `openAPIV3Schema` with ajv 8 (cached), following shared/reference/toolchain.md
 * ("Validating manifests against the official CRDs").
 */
import * as crypto from 'crypto';
import * as fs from 'fs';
import * as net from 'net';
import * as os from 'os';
import * as path from 'path';
import * as AjvModule from 'ajv';
import * as YAML from 'yaml';
import * as celMod from './cel';
import { crdDir, listYamlFiles } from './crd-dir';
import { isBase64 } from './names';

export type GatewayApiChannel = 'standard' | 'experimental';
export const GATEWAY_API_GROUP = 'gateway.networking.k8s.io';

export interface CrdVersion {
  readonly group: string;
  readonly version: string;
  readonly kind: string;
  readonly plural: string;
  readonly scope: 'Namespaced' | 'Cluster';
  readonly served: boolean;
  readonly deprecated: boolean;
  /** Gateway API channel (only for group gateway.networking.k8s.io). */
  readonly channel?: GatewayApiChannel;
  /** File, relative to the CRD dir. */
  readonly file: string;
  readonly schema: any;
}

export interface CrdIndex {
  readonly dir: string;
  readonly versions: readonly CrdVersion[];
  /** key: `${channel}|${group}/${version}/${kind}`, channel '' for non Gateway API groups. */
  readonly byKey: ReadonlyMap<string, CrdVersion>;
  /** key: `${channel}|${group}/${kind}` -> served versions list (for messages). */
  readonly kinds: ReadonlyMap<string, CrdVersion[]>;
}

const CACHE_FORMAT = 1;

function channelOf(crd: any, rel: string): GatewayApiChannel | undefined {
  if (crd?.spec?.group !== GATEWAY_API_GROUP) return undefined;
  const ann = crd?.metadata?.annotations?.['gateway.networking.k8s.io/channel'];
  if (ann === 'experimental' || ann === 'standard') return ann;
  return rel.split(path.sep).includes('experimental') ? 'experimental' : 'standard';
}

function parseCrdFiles(dir: string, files: string[], contents: string[]): CrdVersion[] {
  const out: CrdVersion[] = [];
  files.forEach((f, i) => {
    const rel = path.relative(dir, f);
    const docs = YAML.parseAllDocuments(contents[i]);
    for (const d of docs as YAML.Document[]) {
      if (d.errors && d.errors.length > 0) {
        throw new Error(`CRD file ${f} does not parse: ${d.errors[0].message}`);
      }
      const o = d.toJS({ maxAliasCount: -1 });
      if (!o || o.kind !== 'CustomResourceDefinition' || !String(o.apiVersion ?? '').startsWith('apiextensions.k8s.io/')) continue;
      const spec = o.spec ?? {};
      for (const v of spec.versions ?? []) {
        const schema = v.schema?.openAPIV3Schema ?? spec.validation?.openAPIV3Schema;
        if (!schema) throw new Error(`CRD ${o.metadata?.name} version ${v.name} in ${f} has no openAPIV3Schema`);
        out.push({
          group: spec.group,
          version: v.name,
          kind: spec.names.kind,
          plural: spec.names.plural,
          scope: spec.scope === 'Cluster' ? 'Cluster' : 'Namespaced',
          served: v.served !== false,
          deprecated: v.deprecated === true,
          channel: channelOf(o, rel),
          file: rel,
          schema,
        });
      }
    }
  });
  return out;
}

/**
 * Parsing ~7 MB of YAML takes about a second; jest loads this module once per test file, so the
 * parsed index is cached on disk (keyed by a hash of the CRD files' names and contents).
 */
function loadVersions(dir: string): CrdVersion[] {
  const files = listYamlFiles(dir);
  const contents = files.map((f) => fs.readFileSync(f, 'utf8'));
  const h = crypto.createHash('sha256');
  h.update(`v${CACHE_FORMAT}\0`);
  files.forEach((f, i) => {
    h.update(path.relative(dir, f));
    h.update('\0');
    h.update(contents[i]);
    h.update('\0');
  });
  const cacheDir = path.join(os.tmpdir(), 'cdk8s-gateway-conformance-cache');
  const cacheFile = path.join(cacheDir, `crd-index-${h.digest('hex').slice(0, 32)}.json`);
  try {
    return JSON.parse(fs.readFileSync(cacheFile, 'utf8')) as CrdVersion[];
  } catch {
    // no (usable) cache: parse below
  }
  const versions = parseCrdFiles(dir, files, contents);
  try {
    fs.mkdirSync(cacheDir, { recursive: true });
    const tmp = `${cacheFile}.${process.pid}.tmp`;
    fs.writeFileSync(tmp, JSON.stringify(versions));
    fs.renameSync(tmp, cacheFile);
  } catch {
    // cache is an optimisation only
  }
  return versions;
}

export function gvkKey(channel: string, group: string, version: string, kind: string): string {
  return `${channel}|${group}/${version}/${kind}`;
}

let cachedIndex: CrdIndex | undefined;
let dirMemo: { readonly env: string | undefined; readonly dir: string } | undefined;

/** {@link crdDir}, re-resolved whenever `CRD_DIR` changes (resolution walks the directory tree). */
function currentCrdDir(): string {
  const env = process.env.CRD_DIR;
  if (dirMemo && dirMemo.env === env) return dirMemo.dir;
  const dir = crdDir();
  dirMemo = { env, dir };
  return dir;
}

/** The CRD index for the current CRD dir (parsed once per dir). */
export function getIndex(): CrdIndex {
  const dir = currentCrdDir();
  if (cachedIndex && cachedIndex.dir === dir) return cachedIndex;
  const versions = loadVersions(dir);
  if (versions.length === 0) {
    throw new Error(`Official CRDs not found: ${dir} holds YAML files but no CustomResourceDefinition.`);
  }
  const byKey = new Map<string, CrdVersion>();
  const kinds = new Map<string, CrdVersion[]>();
  for (const v of versions) {
    const ch = v.channel ?? '';
    byKey.set(gvkKey(ch, v.group, v.version, v.kind), v);
    const k = `${ch}|${v.group}/${v.kind}`;
    kinds.set(k, [...(kinds.get(k) ?? []), v]);
  }
  cachedIndex = { dir, versions, byKey, kinds };
  return cachedIndex;
}

/** Forgets the cached index and compiled validators (tests). */
export function resetCaches(): void {
  cachedIndex = undefined;
  dirMemo = undefined;
  compiledByVersion.clear();
}

export type LookupResult =
  | { readonly found: CrdVersion }
  | { readonly notFound: string };

export function lookup(apiVersion: string, kind: string, channel: GatewayApiChannel): LookupResult {
  const idx = getIndex();
  const slash = apiVersion.indexOf('/');
  const group = slash < 0 ? '' : apiVersion.slice(0, slash);
  const version = slash < 0 ? apiVersion : apiVersion.slice(slash + 1);
  const ch = group === GATEWAY_API_GROUP ? channel : '';
  const hit = idx.byKey.get(gvkKey(ch, group, version, kind));
  if (hit) return { found: hit };
  const sameKind = idx.kinds.get(`${ch}|${group}/${kind}`);
  const where = group === GATEWAY_API_GROUP ? ` in the Gateway API ${channel} channel` : '';
  if (sameKind) {
    const served = sameKind.filter((v) => v.served).map((v) => v.version);
    return {
      notFound: `no schema for ${apiVersion}/${kind}${where}: version ${version} is not defined (served versions: ${served.join(', ') || 'none'})`,
    };
  }
  return { notFound: `no schema for ${apiVersion}/${kind}${where}` };
}

// ---------------------------------------------------------------------------------------------
// ajv
// ---------------------------------------------------------------------------------------------

const DATE_TIME_RE = /^\d{4}-\d{2}-\d{2}[Tt ]\d{2}:\d{2}:\d{2}(\.\d+)?([Zz]|[+-]\d{2}:\d{2})$/;

/** Formats the Kubernetes apiserver knows; unknown ones are ignored there (no-ops here). */
const FORMATS: Record<string, true | RegExp | ((s: string) => boolean)> = {
  'int32': true,
  'int64': true,
  'float': true,
  'double': true,
  'password': true,
  'byte': (s) => isBase64(s),
  'date-time': DATE_TIME_RE,
  'datetime': DATE_TIME_RE,
  'date': /^\d{4}-\d{2}-\d{2}$/,
  'ipv4': (s) => net.isIPv4(s),
  'ipv6': (s) => net.isIPv6(s),
  'cidr': (s) => {
    const i = s.indexOf('/');
    return i > 0 && net.isIP(s.slice(0, i)) !== 0 && /^\d{1,3}$/.test(s.slice(i + 1));
  },
  'uri': true,
  'hostname': true,
  'email': true,
  'uuid': /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i,
  'duration': true,
  'mac': true,
  'bsonobjectid': true,
  'uuid3': true,
  'uuid4': true,
  'uuid5': true,
  'isbn': true,
  'isbn10': true,
  'isbn13': true,
  'creditcard': true,
  'ssn': true,
  'hexcolor': true,
  'rgbcolor': true,
};

// Without esModuleInterop, `import * as` yields module.exports (the class, which also has `.default`).
const AjvClass: any = (AjvModule as any).default ?? AjvModule;

let ajvInstance: any;
function ajv(): any {
  if (!ajvInstance) {
    ajvInstance = new AjvClass({
      strict: false,
      allErrors: true,
      useDefaults: true,
      unicodeRegExp: false,
      formats: FORMATS,
      validateSchema: false,
      addUsedSchema: false,
      inlineRefs: true,
      messages: true,
    });
  }
  return ajvInstance;
}

type Mode = 'structural' | 'branch';

/**
 * Converts a Kubernetes structural schema into a plain JSON schema for ajv:
 *  - drops `description`, `nullable` (nullable: true becomes an explicit null type) and `x-kubernetes-*`;
 *  - `x-kubernetes-int-or-string` -> `anyOf: [integer, string]`;
 *  - closes objects (`additionalProperties: false`) unless `x-kubernetes-preserve-unknown-fields`, so that
 *    misspelt / unknown fields (which the API server would prune or reject) are reported. Value-validation
 *    branches (allOf/anyOf/oneOf/not) are never closed.
 */
export function toAjvSchema(s: any, mode: Mode = 'structural'): any {
  if (s === null || typeof s !== 'object' || Array.isArray(s)) return s;
  const out: any = {};
  const childMode: Mode = mode;
  for (const [k, v] of Object.entries(s)) {
    if (k === 'description' || k === 'nullable' || k.startsWith('x-kubernetes-')) continue;
    switch (k) {
      case 'properties': {
        const props: any = {};
        for (const [pk, pv] of Object.entries(v as object)) props[pk] = toAjvSchema(pv, childMode);
        out.properties = props;
        break;
      }
      case 'patternProperties': {
        const props: any = {};
        for (const [pk, pv] of Object.entries(v as object)) props[pk] = toAjvSchema(pv, childMode);
        out.patternProperties = props;
        break;
      }
      case 'items':
        out.items = Array.isArray(v) ? v.map((x) => toAjvSchema(x, childMode)) : toAjvSchema(v, childMode);
        break;
      case 'additionalProperties':
        out.additionalProperties = typeof v === 'object' && v !== null ? toAjvSchema(v, childMode) : v;
        break;
      case 'allOf':
      case 'anyOf':
      case 'oneOf':
        out[k] = (v as any[]).map((x) => toAjvSchema(x, 'branch'));
        break;
      case 'not':
        out.not = toAjvSchema(v, 'branch');
        break;
      default:
        out[k] = v;
    }
  }
  if (s['x-kubernetes-int-or-string'] === true) {
    delete out.type;
    if (!out.anyOf) out.anyOf = [{ type: 'integer' }, { type: 'string' }];
  }
  if (s.nullable === true) {
    if (typeof out.type === 'string') out.type = [out.type, 'null'];
    if (Array.isArray(out.enum) && !out.enum.includes(null)) out.enum = [...out.enum, null];
    if (s['x-kubernetes-int-or-string'] === true) out.anyOf = [...out.anyOf, { type: 'null' }];
  }
  if (mode === 'structural') {
    const preserve = s['x-kubernetes-preserve-unknown-fields'] === true;
    if (s['x-kubernetes-embedded-resource'] === true && out.properties) {
      out.properties = { apiVersion: { type: 'string' }, kind: { type: 'string' }, metadata: { type: 'object' }, ...out.properties };
    }
    if (!preserve && out.additionalProperties === undefined && (out.properties || s.type === 'object')) {
      out.additionalProperties = false;
    }
  }
  return out;
}

export interface CompiledVersion {
  readonly validate: any; // ajv ValidateFunction
  readonly celTree: celMod.CelNode;
}

const compiledByVersion = new Map<CrdVersion, CompiledVersion>();

/** Compiles (once) the ajv validator and the CEL tree for a CRD version. */
export function compileVersion(v: CrdVersion): CompiledVersion {
  const hit = compiledByVersion.get(v);
  if (hit) return hit;
  const raw = v.schema;
  const schema = toAjvSchema(raw, 'structural');
  // `metadata` is validated by the ObjectMeta rules (core.ts); keep any CRD constraints on it, unclosed.
  if (schema.properties && raw.properties?.metadata) {
    schema.properties.metadata = toAjvSchema(raw.properties.metadata, 'branch');
  }
  // Every object carries apiVersion/kind/metadata even if the CRD schema forgets to declare them.
  schema.properties = { apiVersion: { type: 'string' }, kind: { type: 'string' }, metadata: { type: 'object' }, ...schema.properties };
  schema.additionalProperties = raw['x-kubernetes-preserve-unknown-fields'] === true ? undefined : false;
  if (schema.additionalProperties === undefined) delete schema.additionalProperties;
  const validate = ajv().compile(schema);
  const celTree = celMod.buildCelTree(raw, true);
  const c: CompiledVersion = { validate, celTree };
  compiledByVersion.set(v, c);
  return c;
}

export interface SchemaIssue {
  readonly path: string;
  readonly message: string;
  /** A type error: Kubernetes does not run CEL rules when these are present. */
  readonly blocking: boolean;
}

function decodePointer(p: string): string[] {
  if (p === '') return [];
  return p
    .slice(1)
    .split('/')
    .map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'));
}

/** Renders a JSON pointer as `spec.rules[0].backendRefs[1]`. */
export function pointerToPath(p: string): string {
  let out = '';
  for (const seg of decodePointer(p)) {
    if (/^\d+$/.test(seg)) out += `[${seg}]`;
    else out = celMod.childPath(out, seg);
  }
  return out;
}

/** Turns ajv errors into readable issues, dropping the per-branch noise of failed anyOf/oneOf. */
export function ajvIssues(errors: any[] | null | undefined, root?: unknown): SchemaIssue[] {
  if (!errors || errors.length === 0) return [];
  const branchRoots = errors
    .filter((e) => e.keyword === 'anyOf' || e.keyword === 'oneOf' || e.keyword === 'not')
    .map((e) => `${e.schemaPath}/`);
  const out: SchemaIssue[] = [];
  const seen = new Set<string>();
  for (const e of errors) {
    if (branchRoots.some((r) => String(e.schemaPath).startsWith(r))) continue;
    let p = pointerToPath(e.instancePath);
    let message: string;
    switch (e.keyword) {
      case 'additionalProperties':
        p = celMod.childPath(p, e.params.additionalProperty);
        message = `unknown field "${e.params.additionalProperty}" (not in the schema; additionalProperties)`;
        break;
      case 'required':
        p = celMod.childPath(p, e.params.missingProperty);
        message = `Required value: field "${e.params.missingProperty}" is required (required)`;
        break;
      case 'enum':
        message = `Unsupported value: ${JSON.stringify(valueAt(root, e.instancePath))}: supported values: ${(e.params.allowedValues as unknown[])
          .map((x) => JSON.stringify(x))
          .join(', ')} (enum)`;
        break;
      case 'anyOf':
        message = 'must match at least one of the allowed schemas (anyOf; e.g. integer or string)';
        break;
      default:
        message = `${e.message} (${e.keyword})`;
    }
    const key = `${p}\0${message}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push({ path: p, message, blocking: e.keyword === 'type' });
  }
  return out;
}

function valueAt(root: unknown, pointer: string): unknown {
  let cur: any = root;
  for (const seg of decodePointer(pointer)) cur = cur == null ? undefined : cur[seg];
  return cur;
}

/** Validates `obj` (a deep clone: ajv applies defaults to it in place) against a CRD version. */
export function validateWithSchema(clone: any, v: CrdVersion): SchemaIssue[] {
  const c = compileVersion(v);
  const ok = c.validate(clone);
  return ok ? [] : ajvIssues(c.validate.errors, clone);
}

/** All CRD versions in the index, both Gateway API channels included. */
export function allVersions(): readonly CrdVersion[] {
  return getIndex().versions;
}
