/**
 * Evaluation of CRD `x-kubernetes-validations` (CEL) rules and of the
 * `x-kubernetes-list-type: map|set` uniqueness invariants, with @bufbuild/cel.
 *
 * Mirrors the Kubernetes apiextensions CEL environment closely enough for the
 * rules in the pinned CRDs (see README of the CRD dir):
 *  - `self` is bound to the (already defaulted) value of the schema node;
 *  - objects with declared `properties` become CEL maps whose keys are the
 *    Kubernetes-escaped property names (`namespace` -> `__namespace__`, `-` -> `__dash__`,
 *    `.` -> `__dot__`, `/` -> `__slash__`, `__` -> `__underscores__`, CEL reserved words ->
 *    `__word__`); `additionalProperties` maps and preserve-unknown-fields objects keep raw keys;
 *  - schema `integer` (and integer int-or-string) values are CEL `int` (BigInt); schema `number` is `double`;
 *  - at the root, `self.metadata` exposes only `name` and `generateName` (as in Kubernetes);
 *  - extra libraries: the cel-go `strings` extension (from @bufbuild/cel/ext), Kubernetes `isIP`, `isCIDR`,
 *    `isURL`/`url()` (+ `getScheme`, `getHost`, `getHostname`, `getPort`, `getEscapedPath`, `getQuery`) and
 *    `format.<name>().validate()`.
 *
 * @bufbuild/cel quirks handled here (0.6.1):
 *  - function binding happens when a plan is *evaluated* ("unbound function: x" comes back as a CelError,
 *    planning never fails), so {@link auditRule} walks the parsed AST and checks every call against the
 *    environment's function resolver to make missing functions a compile-time finding;
 *  - `&&`, `||`, `?:`, `[]` and `@not_strictly_false` are planner built-ins, not resolver functions;
 *  - results of `map()`/`filter()` are lazy `ConcatList`s, never compared structurally here;
 *  - it has no optional types, so `format.X().validate(s)` returns `null` when valid and a list of error
 *    strings otherwise (the only rule using it compares against `null`);
 *  - there is no custom opaque type support without protobuf descriptors, so `url()` returns a tagged
 *    CEL map (`{"__url__": ...}`) and the URL accessors are methods on maps.
 */
import * as net from 'net';
import * as cel from '@bufbuild/cel';
import * as celExt from '@bufbuild/cel/ext';
import * as names from './names';

export interface CelIssue {
  readonly path: string;
  readonly message: string;
}

// ---------------------------------------------------------------------------------------------
// Kubernetes CEL libraries (the subset used by the pinned CRDs, plus close relatives)
// ---------------------------------------------------------------------------------------------

const S = cel.CelScalar;
const ANY_MAP = cel.mapType(S.STRING, S.DYN);

function k8sIsIP(s: string): boolean {
  // Kubernetes' isIP uses netip.ParseAddr: no zones, no leading zeros in IPv4.
  return !s.includes('%') && net.isIP(s) !== 0;
}

function k8sIsCIDR(s: string): boolean {
  const i = s.indexOf('/');
  if (i < 0) return false;
  const ip = s.slice(0, i);
  const bits = s.slice(i + 1);
  if (!/^\d{1,3}$/.test(bits) || !k8sIsIP(ip)) return false;
  const max = net.isIPv4(ip) ? 32 : 128;
  return Number(bits) <= max;
}

interface ParsedUrl {
  scheme: string;
  host: string;
  hostname: string;
  port: string;
  path: string;
  query: string;
}

/** Approximates Go's `url.ParseRequestURI` (what Kubernetes' `isURL`/`url()` use). */
function parseRequestUri(s: string): ParsedUrl | undefined {
  if (s.length === 0 || /[\s\x00-\x1f\x7f]/.test(s)) return undefined;
  const m = /^([a-zA-Z][a-zA-Z0-9+.-]*):(.*)$/.exec(s);
  if (!m) {
    if (!s.startsWith('/')) return undefined; // relative references are not request URIs
    const q = s.indexOf('?');
    return { scheme: '', host: '', hostname: '', port: '', path: q < 0 ? s : s.slice(0, q), query: q < 0 ? '' : s.slice(q + 1) };
  }
  const scheme = m[1].toLowerCase();
  let rest = m[2];
  const hashless = rest.indexOf('#');
  if (hashless >= 0) rest = rest.slice(0, hashless);
  let query = '';
  const q = rest.indexOf('?');
  if (q >= 0) {
    query = rest.slice(q + 1);
    rest = rest.slice(0, q);
  }
  if (!rest.startsWith('//')) {
    // opaque (e.g. "mailto:x") or absolute path
    return { scheme, host: '', hostname: '', port: '', path: rest.startsWith('/') ? rest : '', query };
  }
  rest = rest.slice(2);
  const slash = rest.indexOf('/');
  let authority = slash < 0 ? rest : rest.slice(0, slash);
  const path = slash < 0 ? '' : rest.slice(slash);
  const at = authority.lastIndexOf('@');
  if (at >= 0) authority = authority.slice(at + 1);
  let hostname = authority;
  let port = '';
  const v6 = /^\[([^\]]*)\](?::(\d*))?$/.exec(authority);
  if (v6) {
    hostname = v6[1];
    port = v6[2] ?? '';
    if (!net.isIPv6(hostname.split('%')[0])) return undefined;
  } else {
    const c = authority.lastIndexOf(':');
    if (c >= 0) {
      hostname = authority.slice(0, c);
      port = authority.slice(c + 1);
      if (!/^\d*$/.test(port)) return undefined;
    }
    if (/[^A-Za-z0-9\-._~!$&'()*+,;=%]/.test(hostname)) return undefined;
  }
  return { scheme, host: authority, hostname, port, path, query };
}

function urlValue(s: string): Map<string, string> {
  const u = parseRequestUri(s);
  if (!u) throw new Error(`URL parse error during conversion from string: ${s}`);
  return new Map<string, string>([
    ['__url__', s],
    ['scheme', u.scheme],
    ['host', u.host],
    ['hostname', u.hostname],
    ['port', u.port],
    ['path', u.path],
    ['query', u.query],
  ]);
}

function urlField(m: cel.CelMap, field: string): string {
  if (m.get('__url__') === undefined) throw new Error('no such overload: not a URL');
  return String(m.get(field) ?? '');
}

/** Kubernetes `format` library validators (`format.<name>().validate(string)`). */
const FORMATS: Record<string, (s: string) => string[]> = {
  dns1123Label: names.isDNS1123Label,
  dns1123Subdomain: names.isDNS1123Subdomain,
  dns1035Label: names.isDNS1035Label,
  qualifiedName: names.isQualifiedName,
  labelValue: names.isValidLabelValue,
  dns1123LabelPrefix: (s) => names.isDNS1123Label(s.endsWith('-') ? s.slice(0, -1) : s),
  dns1123SubdomainPrefix: (s) => names.isDNS1123Subdomain(s.endsWith('.') ? s.slice(0, -1) : s),
  dns1035LabelPrefix: (s) => names.isDNS1035Label(s.endsWith('-') ? s.slice(0, -1) : s),
  uri: (s) => (parseRequestUri(s) ? [] : ['invalid URI']),
  uuid: (s) => (/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(s) ? [] : ['does not match the UUID format']),
  byte: (s) => (names.isBase64(s) ? [] : ['invalid base64']),
  date: (s) => (/^\d{4}-\d{2}-\d{2}$/.test(s) ? [] : ['invalid date']),
  datetime: (s) => (/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/i.test(s) ? [] : ['invalid datetime']),
};

function formatValue(name: string): Map<string, string> {
  return new Map([['__format__', name]]);
}

const K8S_FUNCS: cel.CelFunc[] = [
  cel.celFunc('isIP', [S.STRING], S.BOOL, (s) => k8sIsIP(s)),
  cel.celFunc('isCIDR', [S.STRING], S.BOOL, (s) => k8sIsCIDR(s)),
  cel.celFunc('isURL', [S.STRING], S.BOOL, (s) => parseRequestUri(s) !== undefined),
  cel.celFunc('url', [S.STRING], ANY_MAP, (s) => urlValue(s)),
  cel.celMethod('getScheme', ANY_MAP, [], S.STRING, function () {
    return urlField(this, 'scheme');
  }),
  cel.celMethod('getHost', ANY_MAP, [], S.STRING, function () {
    return urlField(this, 'host');
  }),
  cel.celMethod('getHostname', ANY_MAP, [], S.STRING, function () {
    return urlField(this, 'hostname');
  }),
  cel.celMethod('getPort', ANY_MAP, [], S.STRING, function () {
    return urlField(this, 'port');
  }),
  cel.celMethod('getEscapedPath', ANY_MAP, [], S.STRING, function () {
    return urlField(this, 'path');
  }),
  cel.celMethod('getQuery', ANY_MAP, [], ANY_MAP, function () {
    const q = urlField(this, 'query');
    const out = new Map<string, string[]>();
    for (const part of q.split('&').filter((p) => p.length > 0)) {
      const [k, v] = part.split('=');
      const key = decodeURIComponent(k);
      out.set(key, [...(out.get(key) ?? []), decodeURIComponent(v ?? '')]);
    }
    return out;
  }),
  ...Object.keys(FORMATS).map((n) => cel.celFunc(`format.${n}`, [], ANY_MAP, () => formatValue(n))),
  cel.celFunc('format.named', [S.STRING], S.DYN, (n) => (FORMATS[n] ? formatValue(n) : null)),
  cel.celMethod('validate', ANY_MAP, [S.STRING], S.DYN, function (s) {
    const name = this.get('__format__');
    const fn = typeof name === 'string' ? FORMATS[name] : undefined;
    if (!fn) throw new Error('no such overload: validate');
    const errs = fn(s);
    return errs.length === 0 ? null : errs;
  }),
];

export const CEL_ENV: ReturnType<typeof cel.celEnv> = cel.celEnv({ funcs: [...celExt.strings, ...K8S_FUNCS] });

/** Call names handled by the planner itself rather than the function resolver. */
const PLANNER_BUILTINS = new Set(['_&&_', '_||_', '_?_:_', '_[_]', '@not_strictly_false', '_[?_]', '_?._']);

// ---------------------------------------------------------------------------------------------
// Rule compilation (cached per rule text)
// ---------------------------------------------------------------------------------------------

type Evaluator = (ctx: { self: cel.CelInput }) => unknown;

export interface CompiledRule {
  readonly rule: string;
  /** Set when the rule is evaluated. */
  readonly evaluate?: Evaluator;
  /** Set when the rule is deliberately not evaluated (with the reason). */
  readonly skipReason?: string;
  /** Set when the rule cannot be compiled (this is reported as an issue, never skipped silently). */
  readonly compileError?: string;
}

const compiled = new Map<string, CompiledRule>();

interface AstScan {
  calls: { name: string; qualified?: string }[];
  idents: Set<string>;
}

function qualifiedName(e: any): string | undefined {
  const k = e?.exprKind;
  if (k?.case === 'identExpr') return k.value.name;
  if (k?.case === 'selectExpr' && !k.value.testOnly) {
    const q = qualifiedName(k.value.operand);
    return q === undefined ? undefined : `${q}.${k.value.field}`;
  }
  return undefined;
}

function scanAst(node: any, out: AstScan): void {
  if (node === null || typeof node !== 'object') return;
  if (Array.isArray(node)) {
    for (const n of node) scanAst(n, out);
    return;
  }
  const k = node.exprKind;
  if (k && typeof k === 'object') {
    if (k.case === 'callExpr') {
      const target = k.value.target;
      const q = target ? qualifiedName(target) : undefined;
      out.calls.push({ name: k.value.function, qualified: q === undefined ? undefined : `${q}.${k.value.function}` });
    } else if (k.case === 'identExpr') {
      out.idents.add(k.value.name);
    }
  }
  for (const [key, v] of Object.entries(node)) {
    if (key === '$typeName') continue;
    if (v && typeof v === 'object') scanAst(v, out);
  }
}

/** Parses and plans one rule (cached); decides whether it is evaluated or skipped, and why. */
export function compileRule(rule: string): CompiledRule {
  const hit = compiled.get(rule);
  if (hit) return hit;
  let result: CompiledRule;
  try {
    const parsed = cel.parse(rule);
    const scan: AstScan = { calls: [], idents: new Set() };
    scanAst(parsed.expr, scan);
    if (scan.idents.has('oldSelf')) {
      result = { rule, skipReason: 'transition rule: uses oldSelf, which is only bound on update (never on create)' };
    } else {
      const unbound = scan.calls.filter(
        (c) =>
          !PLANNER_BUILTINS.has(c.name) &&
          CEL_ENV.funcs.find(c.name) === undefined &&
          (c.qualified === undefined || CEL_ENV.funcs.find(c.qualified) === undefined),
      );
      if (unbound.length > 0) {
        result = { rule, compileError: `unknown function(s): ${[...new Set(unbound.map((c) => c.qualified ?? c.name))].join(', ')}` };
      } else {
        const p = cel.plan(CEL_ENV, parsed) as unknown as Evaluator;
        result = { rule, evaluate: p };
      }
    }
  } catch (e) {
    result = { rule, compileError: `parse error: ${(e as Error).message}` };
  }
  compiled.set(rule, result);
  return result;
}

// ---------------------------------------------------------------------------------------------
// Schema tree for CEL evaluation
// ---------------------------------------------------------------------------------------------

interface RuleRef {
  readonly compiled: CompiledRule;
  readonly message: string;
  readonly messageExpression?: string;
}

interface PropNode {
  readonly node: CelNode;
  /** Escaped CEL name; undefined if Kubernetes makes the property inaccessible from CEL. */
  readonly celName: string | undefined;
  /** The root `metadata` property: only name/generateName are visible. */
  readonly rootMeta: boolean;
}

export interface CelNode {
  props?: Map<string, PropNode>;
  additional?: CelNode;
  items?: CelNode;
  numType: 'int' | 'double' | 'intOrString' | 'dyn';
  nullable: boolean;
  preserve: boolean;
  rules: RuleRef[];
  listType?: 'map' | 'set';
  listMapKeys?: string[];
  /** True if this node or any descendant has rules or list uniqueness checks. */
  active: boolean;
}

const CEL_RESERVED = new Set([
  'true', 'false', 'null', 'in', 'as', 'break', 'const', 'continue', 'else', 'for', 'function', 'if',
  'import', 'let', 'loop', 'package', 'namespace', 'return', 'var', 'void', 'while',
]);

/** Kubernetes' property-name escaping for CEL (apiserver/pkg/cel/escaping.go). */
export function escapeCelName(name: string): string | undefined {
  if (CEL_RESERVED.has(name)) return `__${name}__`;
  if (!/^[a-zA-Z_.\-/][a-zA-Z0-9_.\-/]*$/.test(name)) return undefined;
  return name
    .replace(/__/g, '__underscores__')
    .replace(/\./g, '__dot__')
    .replace(/-/g, '__dash__')
    .replace(/\//g, '__slash__');
}

/** Builds the CEL evaluation tree for a raw (untransformed) CRD structural schema. */
export function buildCelTree(schema: any, isRoot = true): CelNode {
  const s = schema && typeof schema === 'object' ? schema : {};
  const node: CelNode = {
    numType: s['x-kubernetes-int-or-string'] ? 'intOrString' : s.type === 'integer' ? 'int' : s.type === 'number' ? 'double' : 'dyn',
    nullable: s.nullable === true,
    preserve: s['x-kubernetes-preserve-unknown-fields'] === true,
    rules: [],
    active: false,
  };
  for (const r of (s['x-kubernetes-validations'] ?? []) as any[]) {
    node.rules.push({ compiled: compileRule(String(r.rule)), message: r.message, messageExpression: r.messageExpression });
  }
  if (s.properties && typeof s.properties === 'object') {
    node.props = new Map();
    for (const [k, v] of Object.entries(s.properties)) {
      const child = buildCelTree(v, false);
      node.props.set(k, { node: child, celName: escapeCelName(k), rootMeta: isRoot && k === 'metadata' });
      if (child.active) node.active = true;
    }
  }
  if (s.additionalProperties && typeof s.additionalProperties === 'object') {
    node.additional = buildCelTree(s.additionalProperties, false);
    if (node.additional.active) node.active = true;
  }
  if (s.items && typeof s.items === 'object' && !Array.isArray(s.items)) {
    node.items = buildCelTree(s.items, false);
    if (node.items.active) node.active = true;
  }
  const lt = s['x-kubernetes-list-type'];
  if (lt === 'map' || lt === 'set') {
    node.listType = lt;
    node.listMapKeys = s['x-kubernetes-list-map-keys'] ?? [];
  }
  if (node.rules.length > 0 || node.listType) node.active = true;
  return node;
}

// ---------------------------------------------------------------------------------------------
// Evaluation
// ---------------------------------------------------------------------------------------------

const IDENT_RE = /^[A-Za-z_][A-Za-z0-9_]*$/;
export function childPath(path: string, key: string): string {
  if (IDENT_RE.test(key)) return path === '' ? key : `${path}.${key}`;
  return `${path}[${JSON.stringify(key)}]`;
}

function stableJson(v: unknown): string {
  if (v === null || typeof v !== 'object') return JSON.stringify(v) ?? 'undefined';
  if (Array.isArray(v)) return `[${v.map(stableJson).join(',')}]`;
  const o = v as Record<string, unknown>;
  return `{${Object.keys(o)
    .sort()
    .map((k) => `${JSON.stringify(k)}:${stableJson(o[k])}`)
    .join(',')}}`;
}

function convertNumber(v: number, numType: CelNode['numType']): number | bigint {
  if (numType === 'double') return v;
  return Number.isSafeInteger(v) ? BigInt(v) : v;
}

/** Schema-less conversion (preserve-unknown-fields subtrees): raw keys, integral numbers as int. */
function convertDyn(v: unknown): cel.CelInput {
  if (v === null || v === undefined) return null;
  if (typeof v === 'number') return convertNumber(v, 'dyn');
  if (typeof v === 'string' || typeof v === 'boolean') return v;
  if (Array.isArray(v)) return v.map(convertDyn);
  const m = new Map<string, cel.CelInput>();
  for (const [k, x] of Object.entries(v as object)) m.set(k, convertDyn(x));
  return m;
}

function checkList(arr: unknown[], node: CelNode, path: string, issues: CelIssue[]): void {
  if (node.listType === 'set') {
    const seen = new Set<string>();
    arr.forEach((item, i) => {
      const key = stableJson(item);
      if (seen.has(key)) {
        issues.push({ path: `${path}[${i}]`, message: `Duplicate value: ${key} (x-kubernetes-list-type: set)` });
      }
      seen.add(key);
    });
  } else if (node.listType === 'map') {
    const keys = node.listMapKeys ?? [];
    const seen = new Set<string>();
    arr.forEach((item, i) => {
      if (item === null || typeof item !== 'object') return;
      const tuple: Record<string, unknown> = {};
      for (const k of keys) tuple[k] = (item as Record<string, unknown>)[k];
      const key = stableJson(tuple);
      if (seen.has(key)) {
        issues.push({
          path: `${path}[${i}]`,
          message: `Duplicate value: ${key} (x-kubernetes-list-type: map, keys: ${keys.join(', ')})`,
        });
      }
      seen.add(key);
    });
  }
}

/** Rule text for messages (some generated rules are several hundred characters long). */
function shortRule(rule: string): string {
  const oneLine = rule.replace(/\s+/g, ' ').trim();
  return oneLine.length > 200 ? `${oneLine.slice(0, 200)}…` : oneLine;
}

function evaluateRules(value: cel.CelInput, node: CelNode, path: string, issues: CelIssue[]): void {
  for (const r of node.rules) {
    const c = r.compiled;
    if (c.skipReason !== undefined) continue;
    if (c.compileError !== undefined || !c.evaluate) {
      issues.push({ path, message: `CEL rule cannot be compiled (${c.compileError}): ${shortRule(c.rule)}` });
      continue;
    }
    let res: unknown;
    try {
      res = c.evaluate({ self: value });
    } catch (e) {
      res = cel.celError(String((e as Error).message ?? e));
    }
    if (cel.isCelError(res)) {
      issues.push({ path, message: `CEL rule evaluation error (${res.message}) in rule: ${shortRule(c.rule)}` });
    } else if (res !== true) {
      const msg = r.message ?? (r.messageExpression ? `failed rule (messageExpression: ${r.messageExpression})` : undefined);
      issues.push({ path, message: msg ? `${msg} (CEL rule: ${shortRule(c.rule)})` : `failed rule: ${shortRule(c.rule)}` });
    }
  }
}

/**
 * Walks `value` along `node`, converting it to CEL input bottom-up (each node once), checking list
 * uniqueness and evaluating rules. Returns the converted value when `need` (an ancestor's rule
 * will read it) or this node has rules; otherwise `undefined`.
 */
function walk(value: unknown, node: CelNode, path: string, need: boolean, issues: CelIssue[]): cel.CelInput | undefined {
  if (value === null || value === undefined) return null;
  const here = node.rules.length > 0;
  const childNeed = need || here;
  let out: cel.CelInput | undefined;
  if (Array.isArray(value)) {
    if (node.listType) checkList(value, node, path, issues);
    const itemNode = node.items;
    if (itemNode && (childNeed || itemNode.active)) {
      const arr = value.map((x, i) => walk(x, itemNode, `${path}[${i}]`, childNeed, issues));
      out = childNeed ? (arr as cel.CelInput[]) : undefined;
    } else if (childNeed) {
      out = value.map(convertDyn);
    }
  } else if (typeof value === 'object') {
    const obj = value as Record<string, unknown>;
    if (node.props) {
      const m = childNeed ? new Map<string, cel.CelInput>() : undefined;
      for (const key of Object.keys(obj)) {
        const v = obj[key];
        const p = node.props.get(key);
        if (!p) {
          if (node.preserve && m) m.set(key, convertDyn(v));
          continue; // pruned by the API server (ajv reports it)
        }
        if (v === null && !p.node.nullable) continue; // nulls of non-nullable fields are dropped
        if (p.rootMeta) {
          if (m && v && typeof v === 'object') {
            const meta = new Map<string, cel.CelInput>();
            const mv = v as Record<string, unknown>;
            if (typeof mv.name === 'string') meta.set('name', mv.name);
            if (typeof mv.generateName === 'string') meta.set('generateName', mv.generateName);
            m.set('metadata', meta);
          }
          continue;
        }
        if (!childNeed && !p.node.active) continue;
        const cv = walk(v, p.node, childPath(path, key), childNeed, issues);
        if (m && p.celName !== undefined && cv !== undefined) m.set(p.celName, cv);
      }
      out = m;
    } else if (node.additional) {
      const add = node.additional;
      if (childNeed || add.active) {
        const m = childNeed ? new Map<string, cel.CelInput>() : undefined;
        for (const key of Object.keys(obj)) {
          const cv = walk(obj[key], add, childPath(path, key), childNeed, issues);
          if (m && cv !== undefined) m.set(key, cv);
        }
        out = m;
      }
    } else if (childNeed) {
      out = convertDyn(obj);
    }
  } else if (typeof value === 'number') {
    out = convertNumber(value, node.numType);
  } else if (typeof value === 'string' || typeof value === 'boolean') {
    out = value;
  } else {
    out = null;
  }
  if (here && out !== undefined) evaluateRules(out, node, path, issues);
  return out;
}

/** Evaluates all CEL rules and list-type invariants of `tree` against `value` (already defaulted). */
export function checkCel(value: unknown, tree: CelNode, basePath = ''): CelIssue[] {
  const issues: CelIssue[] = [];
  if (tree.active) walk(value, tree, basePath, false, issues);
  return issues;
}

// ---------------------------------------------------------------------------------------------
// Audit: every rule of every CRD either compiles or is skipped with a reason
// ---------------------------------------------------------------------------------------------

export interface RuleLocation {
  readonly crd: string; // e.g. "HTTPRoute.gateway.networking.k8s.io/v1 (standard)"
  readonly path: string; // schema path, e.g. ".spec.rules[]"
}

export interface RuleAudit {
  readonly rule: string;
  readonly message?: string;
  readonly status: 'compiled' | 'skipped' | 'error';
  readonly reason?: string;
  readonly locations: RuleLocation[];
  /** The raw schema node the rule is attached to (for smoke evaluation). */
  readonly schema: any;
}

/** Collects every `x-kubernetes-validations` rule of a schema with its schema path. */
export function collectRules(schema: any, crd: string, out: Map<string, RuleAudit>, path = '', inBranch = false): void {
  if (!schema || typeof schema !== 'object') return;
  for (const r of (schema['x-kubernetes-validations'] ?? []) as any[]) {
    const rule = String(r.rule);
    const key = inBranch ? `[in allOf/anyOf/oneOf/not] ${rule}` : rule;
    let a = out.get(key);
    if (!a) {
      const c = compileRule(rule);
      a = {
        rule,
        message: r.message,
        status: inBranch ? 'skipped' : c.skipReason ? 'skipped' : c.compileError ? 'error' : 'compiled',
        reason: inBranch ? 'rule inside allOf/anyOf/oneOf/not is not evaluated by this oracle' : c.skipReason ?? c.compileError,
        locations: [],
        schema,
      };
      out.set(key, a);
    }
    a.locations.push({ crd, path: path === '' ? '.' : path });
  }
  if (schema.properties) {
    for (const [k, v] of Object.entries(schema.properties)) collectRules(v, crd, out, `${path}.${k}`, inBranch);
  }
  if (schema.items && typeof schema.items === 'object') collectRules(schema.items, crd, out, `${path}[]`, inBranch);
  if (schema.additionalProperties && typeof schema.additionalProperties === 'object') {
    collectRules(schema.additionalProperties, crd, out, `${path}{}`, inBranch);
  }
  for (const k of ['allOf', 'anyOf', 'oneOf']) {
    if (Array.isArray(schema[k])) schema[k].forEach((c: any, i: number) => collectRules(c, crd, out, `${path}/${k}[${i}]`, true));
  }
  if (schema.not) collectRules(schema.not, crd, out, `${path}/not`, true);
}
