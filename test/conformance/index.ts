/**
 * Test-time conformance oracle: checks generated Kubernetes manifests against the official
 * upstream CRDs (OpenAPI schema via ajv + CEL rules via @bufbuild/cel + list-type invariants)
 * and against the API server's rules for the core kinds we emit (Ingress, Service, Secret,
 * ConfigMap) and ObjectMeta.
 *
 *   import * as conformance from './conformance';
 *   conformance.expectConformant(Testing.synth(chart));
 */
import * as celMod from './cel';
import * as core from './core';
import { crdDir as resolveCrdDir } from './crd-dir';
import * as schema from './schema';

export interface ConformanceIssue {
  /** `kind/name` of the offending object. */
  readonly object: string;
  /** Path inside the object, e.g. `spec.rules[0].backendRefs[0]` (empty for the whole object). */
  readonly path: string;
  readonly message: string;
}

export interface CheckOptions {
  /** Gateway API channel whose CRDs validate `gateway.networking.k8s.io` objects (default: standard). */
  readonly gatewayApiChannel?: schema.GatewayApiChannel;
}

/** The resolved CRD directory (throws the "Official CRDs not found" error if there is none). */
export function crdDir(): string {
  return resolveCrdDir();
}

function objectId(obj: any): string {
  const kind = obj && typeof obj.kind === 'string' && obj.kind !== '' ? obj.kind : '<no kind>';
  const name = obj?.metadata?.name;
  return `${kind}/${typeof name === 'string' && name !== '' ? name : '<no name>'}`;
}

/**
 * Checks one object. Never mutates it: the object is first normalised through a JSON round trip
 * (as when it is written out: `undefined` fields disappear), and defaults are applied to that copy.
 */
export function checkManifest(input: any, opts: CheckOptions = {}): ConformanceIssue[] {
  const channel = opts.gatewayApiChannel ?? 'standard';
  const id = objectId(input);
  const issue = (path: string, message: string): ConformanceIssue => ({ object: id, path, message });

  if (input === null || typeof input !== 'object' || Array.isArray(input)) {
    return [issue('', `manifest must be a JSON object, got ${Array.isArray(input) ? 'array' : input === null ? 'null' : typeof input}`)];
  }
  let obj: any;
  try {
    obj = JSON.parse(JSON.stringify(input));
  } catch (e) {
    return [issue('', `manifest is not JSON-serialisable: ${(e as Error).message}`)];
  }
  const out: ConformanceIssue[] = [];
  const { apiVersion, kind } = obj;
  if (typeof apiVersion !== 'string' || !/^([a-z0-9.-]+\/)?v[0-9]+((alpha|beta)[0-9]+)?$/.test(apiVersion)) {
    out.push(issue('apiVersion', `Invalid value: ${JSON.stringify(apiVersion)}: apiVersion must be "<group>/<version>" or "v1"-style`));
  }
  if (typeof kind !== 'string' || !/^[A-Z][A-Za-z0-9]*$/.test(kind)) {
    out.push(issue('kind', `Invalid value: ${JSON.stringify(kind)}: kind must be a CamelCase string`));
  }
  if (out.length > 0) return out;

  const coreRule = core.CORE_KINDS.get(`${apiVersion}/${kind}`);
  if (coreRule) {
    return coreRule(obj).map((i) => issue(i.path, i.message));
  }

  const found = schema.lookup(apiVersion, kind, channel);
  if ('notFound' in found) return [issue('', found.notFound)];
  const v = found.found;
  if (!v.served) {
    out.push(issue('apiVersion', `version ${apiVersion} of ${kind} is not served (served: false in ${v.file})`));
    return out;
  }

  out.push(...core.validateObjectMeta(obj, { namespaced: v.scope === 'Namespaced' }).map((i) => issue(i.path, i.message)));

  const clone = obj; // already a private copy; ajv writes defaults into it
  const schemaIssues = schema.validateWithSchema(clone, v);
  out.push(...schemaIssues.map((i) => issue(i.path, i.message)));
  if (schemaIssues.some((i) => i.blocking)) {
    out.push(issue('', 'some validation rules (CEL) were not checked because the object has type errors; correct them first'));
  } else {
    const c = schema.compileVersion(v);
    out.push(...celMod.checkCel(clone, c.celTree).map((i) => issue(i.path, i.message)));
  }
  return out;
}

/** Checks many objects (e.g. `Testing.synth(chart)`). */
export function checkManifests(objs: any[], opts: CheckOptions = {}): ConformanceIssue[] {
  if (!Array.isArray(objs)) return [{ object: '<input>', path: '', message: 'expected an array of manifests' }];
  const out: ConformanceIssue[] = [];
  for (const o of objs) out.push(...checkManifest(o, opts));
  return out;
}

/** Formats issues one per line: `Kind/name spec.path: message`. */
export function formatIssues(issues: readonly ConformanceIssue[]): string {
  return issues.map((i) => `  - ${i.object}${i.path ? ` ${i.path}` : ''}: ${i.message}`).join('\n');
}

/** Throws an Error listing every issue if any object does not conform. */
export function expectConformant(objs: any[], opts: CheckOptions = {}): void {
  const issues = checkManifests(objs, opts);
  if (issues.length > 0) {
    throw new Error(`${issues.length} conformance issue(s) against the official CRDs / Kubernetes rules:\n${formatIssues(issues)}`);
  }
}

/** Every CEL rule in every CRD of the CRD dir, with its status ('compiled' | 'skipped' | 'error'). */
export function auditCelRules(): celMod.RuleAudit[] {
  const out = new Map<string, celMod.RuleAudit>();
  for (const v of schema.allVersions()) {
    const crd = `${v.kind}.${v.group}/${v.version}${v.channel ? ` (${v.channel})` : ''}`;
    celMod.collectRules(v.schema, crd, out);
  }
  return [...out.values()];
}

export { resetCaches } from './schema';
export type { GatewayApiChannel } from './schema';
