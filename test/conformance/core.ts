/**
 * Rules for objects that have no CRD: ObjectMeta (all objects) and the core kinds
 * networking.k8s.io/v1 Ingress, v1 Service, v1 Secret, v1 ConfigMap.
 * Ported from k8s.io/kubernetes pkg/apis/{networking,core}/validation and
 * apimachinery's ValidateObjectMeta, as summarised in shared/reference/validation-rules.md §1.
 */
import * as AjvModule from 'ajv';
import * as n from './names';
import { ajvIssues } from './schema';

export interface RawIssue {
  readonly path: string;
  readonly message: string;
}

const AjvClass: any = (AjvModule as any).default ?? AjvModule;
let coreAjv: any;
function ajv(): any {
  if (!coreAjv) coreAjv = new AjvClass({ strict: false, allErrors: true, unicodeRegExp: false, validateSchema: false });
  return coreAjv;
}

function isObj(v: unknown): v is Record<string, any> {
  return v !== null && typeof v === 'object' && !Array.isArray(v);
}

function push(out: RawIssue[], path: string, errs: string[], prefix = ''): void {
  for (const e of errs) out.push({ path, message: `Invalid value: ${prefix}${e}` });
}

// ---------------------------------------------------------------------------------------------
// ObjectMeta
// ---------------------------------------------------------------------------------------------

const OBJECT_META_FIELDS = new Set([
  'name', 'generateName', 'namespace', 'selfLink', 'uid', 'resourceVersion', 'generation', 'creationTimestamp',
  'deletionTimestamp', 'deletionGracePeriodSeconds', 'labels', 'annotations', 'ownerReferences', 'finalizers',
  'managedFields',
]);

export const TOTAL_ANNOTATION_SIZE_LIMIT_B = 256 * 1024;

export interface MetaOptions {
  /** Name rule: DNS-1123 subdomain (default; all custom resources) or DNS-1035 label (Service). */
  readonly nameRule?: 'subdomain' | 'dns1035';
  readonly namespaced: boolean;
}

export function validateObjectMeta(obj: any, opts: MetaOptions): RawIssue[] {
  const out: RawIssue[] = [];
  const meta = obj?.metadata;
  if (!isObj(meta)) {
    out.push({ path: 'metadata', message: 'Required value: metadata must be an object with a name' });
    return out;
  }
  for (const k of Object.keys(meta)) {
    if (!OBJECT_META_FIELDS.has(k)) out.push({ path: `metadata.${k}`, message: `unknown field "${k}" in ObjectMeta` });
  }
  const name = meta.name;
  if (name === undefined || name === '') {
    if (typeof meta.generateName !== 'string' || meta.generateName === '') {
      out.push({ path: 'metadata.name', message: 'Required value: name or generateName is required' });
    }
  } else if (typeof name !== 'string') {
    out.push({ path: 'metadata.name', message: `Invalid value: name must be a string, got ${typeof name}` });
  } else if (opts.nameRule === 'dns1035') {
    push(out, 'metadata.name', n.isDNS1035Label(name), `${JSON.stringify(name)}: `);
  } else {
    push(out, 'metadata.name', n.isDNS1123Subdomain(name), `${JSON.stringify(name)}: `);
  }
  if (meta.namespace !== undefined) {
    if (!opts.namespaced) {
      out.push({ path: 'metadata.namespace', message: 'namespace must not be set on a cluster-scoped object (it would be dropped)' });
    } else if (typeof meta.namespace !== 'string') {
      out.push({ path: 'metadata.namespace', message: 'Invalid value: namespace must be a string' });
    } else {
      push(out, 'metadata.namespace', n.isDNS1123Label(meta.namespace), `${JSON.stringify(meta.namespace)}: `);
    }
  }
  if (meta.labels !== undefined) out.push(...validateLabels(meta.labels, 'metadata.labels'));
  if (meta.annotations !== undefined) {
    const ann = meta.annotations;
    if (!isObj(ann)) {
      out.push({ path: 'metadata.annotations', message: 'Invalid value: annotations must be a map of string to string' });
    } else {
      let total = 0;
      for (const [k, v] of Object.entries(ann)) {
        const p = `metadata.annotations[${JSON.stringify(k)}]`;
        push(out, p, n.isQualifiedName(k.toLowerCase()), `${JSON.stringify(k)}: `);
        if (typeof v !== 'string') {
          out.push({ path: p, message: `Invalid value: annotation values must be strings, got ${v === null ? 'null' : typeof v} (${JSON.stringify(v)})` });
          total += k.length + String(v).length;
        } else {
          total += k.length + v.length;
        }
      }
      if (total > TOTAL_ANNOTATION_SIZE_LIMIT_B) {
        out.push({ path: 'metadata.annotations', message: `Too long: may not be more than ${TOTAL_ANNOTATION_SIZE_LIMIT_B} bytes (is ${total})` });
      }
    }
  }
  if (meta.finalizers !== undefined) {
    if (!Array.isArray(meta.finalizers)) {out.push({ path: 'metadata.finalizers', message: 'Invalid value: must be a list of strings' });} else {
      meta.finalizers.forEach((f: unknown, i: number) => {
        if (typeof f !== 'string') out.push({ path: `metadata.finalizers[${i}]`, message: 'Invalid value: must be a string' });
        else push(out, `metadata.finalizers[${i}]`, n.isQualifiedName(f));
      });
    }
  }
  return out;
}

export function validateLabels(labels: unknown, path: string): RawIssue[] {
  const out: RawIssue[] = [];
  if (!isObj(labels)) {
    out.push({ path, message: 'Invalid value: must be a map of string to string' });
    return out;
  }
  for (const [k, v] of Object.entries(labels)) {
    const p = `${path}[${JSON.stringify(k)}]`;
    push(out, p, n.isQualifiedName(k), `key ${JSON.stringify(k)}: `);
    if (typeof v !== 'string') out.push({ path: p, message: `Invalid value: label values must be strings, got ${typeof v}` });
    else push(out, p, n.isValidLabelValue(v), `${JSON.stringify(v)}: `);
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// Closed schemas for the core kinds (unknown fields are rejected by kubectl's strict field validation)
// ---------------------------------------------------------------------------------------------

const STR = { type: 'string' };
const INT = { type: 'integer' };
const BOOL = { type: 'boolean' };
const STR_MAP = { type: 'object', additionalProperties: { type: 'string' } };
const OPEN = { type: 'object' };
const closed = (properties: Record<string, unknown>, required?: string[]): any => ({
  type: 'object',
  additionalProperties: false,
  properties,
  ...(required ? { required } : {}),
});

const INGRESS_BACKEND = closed({
  service: closed({ name: STR, port: closed({ name: STR, number: INT }) }, ['name']),
  resource: closed({ apiGroup: STR, kind: STR, name: STR }, ['kind', 'name']),
});

const INGRESS_SCHEMA = closed({
  apiVersion: STR,
  kind: STR,
  metadata: OPEN,
  spec: closed({
    ingressClassName: STR,
    defaultBackend: INGRESS_BACKEND,
    tls: { type: 'array', items: closed({ hosts: { type: 'array', items: STR }, secretName: STR }) },
    rules: {
      type: 'array',
      items: closed({
        host: STR,
        http: closed(
          { paths: { type: 'array', items: closed({ path: STR, pathType: STR, backend: INGRESS_BACKEND }, ['backend']) } },
          ['paths'],
        ),
      }),
    },
  }),
  status: OPEN,
});

const SERVICE_SCHEMA = closed({
  apiVersion: STR,
  kind: STR,
  metadata: OPEN,
  spec: closed({
    allocateLoadBalancerNodePorts: BOOL,
    clusterIP: STR,
    clusterIPs: { type: 'array', items: STR },
    externalIPs: { type: 'array', items: STR },
    externalName: STR,
    externalTrafficPolicy: { enum: ['Cluster', 'Local'] },
    healthCheckNodePort: INT,
    internalTrafficPolicy: { enum: ['Cluster', 'Local'] },
    ipFamilies: { type: 'array', items: { enum: ['IPv4', 'IPv6'] } },
    ipFamilyPolicy: { enum: ['SingleStack', 'PreferDualStack', 'RequireDualStack'] },
    loadBalancerClass: STR,
    loadBalancerIP: STR,
    loadBalancerSourceRanges: { type: 'array', items: STR },
    ports: {
      type: 'array',
      items: closed(
        {
          appProtocol: STR,
          name: STR,
          nodePort: INT,
          port: INT,
          protocol: { enum: ['TCP', 'UDP', 'SCTP'] },
          targetPort: { anyOf: [INT, STR] },
        },
        ['port'],
      ),
    },
    publishNotReadyAddresses: BOOL,
    selector: STR_MAP,
    sessionAffinity: { enum: ['None', 'ClientIP'] },
    sessionAffinityConfig: closed({ clientIP: closed({ timeoutSeconds: INT }) }),
    trafficDistribution: STR,
    type: { enum: ['ClusterIP', 'NodePort', 'LoadBalancer', 'ExternalName'] },
  }),
  status: OPEN,
});

const SECRET_SCHEMA = closed({
  apiVersion: STR,
  kind: STR,
  metadata: OPEN,
  data: STR_MAP,
  stringData: STR_MAP,
  type: STR,
  immutable: BOOL,
});

const CONFIGMAP_SCHEMA = closed({
  apiVersion: STR,
  kind: STR,
  metadata: OPEN,
  data: STR_MAP,
  binaryData: STR_MAP,
  immutable: BOOL,
});

const validators = new Map<object, any>();
function schemaIssues(schema: object, obj: unknown): RawIssue[] {
  let v = validators.get(schema);
  if (!v) {
    v = ajv().compile(schema);
    validators.set(schema, v);
  }
  return v(obj) ? [] : ajvIssues(v.errors, obj).map((i) => ({ path: i.path, message: i.message }));
}

// ---------------------------------------------------------------------------------------------
// Ingress (ValidateIngressCreate / ValidateIngressSpec)
// ---------------------------------------------------------------------------------------------

const SUPPORTED_PATH_TYPES = ['Exact', 'Prefix', 'ImplementationSpecific'];
const INVALID_PATH_SEQUENCES = ['//', '/./', '/../', '%2f', '%2F'];
const INVALID_PATH_SUFFIXES = ['/..', '/.'];

function validateHost(host: string, path: string, out: RawIssue[], checkIP: boolean): void {
  if (checkIP && n.isIPAddress(host)) {
    out.push({ path, message: `Invalid value: ${JSON.stringify(host)}: must be a DNS name, not an IP address` });
  }
  if (host.includes('*')) push(out, path, n.isWildcardDNS1123Subdomain(host), `${JSON.stringify(host)}: `);
  else push(out, path, n.isDNS1123Subdomain(host), `${JSON.stringify(host)}: `);
}

function validateIngressBackend(b: any, path: string, out: RawIssue[]): void {
  if (!isObj(b)) {
    out.push({ path, message: 'Required value: backend is required' });
    return;
  }
  const hasService = b.service !== undefined;
  const hasResource = b.resource !== undefined;
  if (hasService && hasResource) out.push({ path, message: 'Invalid value: cannot set both resource and service backends' });
  else if (!hasService && !hasResource) out.push({ path, message: 'Invalid value: resource or service backend is required' });
  if (isObj(b.service)) {
    const s = b.service;
    if (typeof s.name === 'string') {
      push(out, `${path}.service.name`, n.isDNS1035Label(s.name), `${JSON.stringify(s.name)}: `);
    }
    const port = s.port;
    const p = `${path}.service.port`;
    if (!isObj(port)) {
      out.push({ path: p, message: 'Required value: port name or number is required' });
    } else {
      const hasName = port.name !== undefined && port.name !== '';
      const hasNumber = port.number !== undefined && port.number !== 0;
      if (hasName && hasNumber) out.push({ path: p, message: 'Invalid value: cannot set both port name & port number' });
      else if (!hasName && !hasNumber) out.push({ path: p, message: 'Required value: port name or number is required' });
      if (hasName && typeof port.name === 'string') push(out, `${p}.name`, n.isValidPortName(port.name), `${JSON.stringify(port.name)}: `);
      if (hasNumber) push(out, `${p}.number`, n.isValidPortNum(port.number), `${JSON.stringify(port.number)}: `);
    }
  }
  if (isObj(b.resource)) {
    const r = b.resource;
    if (r.kind === '' || r.kind === undefined) out.push({ path: `${path}.resource.kind`, message: 'Required value' });
    if (r.name === '' || r.name === undefined) out.push({ path: `${path}.resource.name`, message: 'Required value' });
    if (typeof r.apiGroup === 'string' && r.apiGroup !== '') {
      push(out, `${path}.resource.apiGroup`, n.isDNS1123Subdomain(r.apiGroup), `${JSON.stringify(r.apiGroup)}: `);
    }
  }
}

export function validateIngress(obj: any): RawIssue[] {
  const out = schemaIssues(INGRESS_SCHEMA, obj);
  out.push(...validateObjectMeta(obj, { namespaced: true }));
  const spec = obj.spec;
  if (!isObj(spec)) {
    out.push({ path: 'spec', message: 'Invalid value: either `defaultBackend` or `rules` must be specified' });
    return out;
  }
  const rules: unknown[] = Array.isArray(spec.rules) ? spec.rules : [];
  if (rules.length === 0 && spec.defaultBackend === undefined) {
    out.push({ path: 'spec', message: 'Invalid value: either `defaultBackend` or `rules` must be specified' });
  }
  if (typeof spec.ingressClassName === 'string') {
    push(out, 'spec.ingressClassName', n.isDNS1123Subdomain(spec.ingressClassName), `${JSON.stringify(spec.ingressClassName)}: `);
    const ann = obj.metadata?.annotations?.['kubernetes.io/ingress.class'];
    if (ann !== undefined && ann !== spec.ingressClassName) {
      out.push({
        path: 'metadata.annotations["kubernetes.io/ingress.class"]',
        message: `Invalid value: ${JSON.stringify(ann)}: must match \`ingressClassName\` (${JSON.stringify(spec.ingressClassName)}) when both are specified`,
      });
    }
  }
  if (spec.defaultBackend !== undefined) validateIngressBackend(spec.defaultBackend, 'spec.defaultBackend', out);
  rules.forEach((rule: any, i) => {
    const rp = `spec.rules[${i}]`;
    if (!isObj(rule)) return;
    if (typeof rule.host === 'string' && rule.host !== '') validateHost(rule.host, `${rp}.host`, out, true);
    if (rule.http === undefined) return;
    const paths: unknown[] = Array.isArray(rule.http?.paths) ? rule.http.paths : [];
    if (paths.length === 0) out.push({ path: `${rp}.http.paths`, message: 'Required value: paths must be non-empty' });
    paths.forEach((hp: any, j) => {
      const pp = `${rp}.http.paths[${j}]`;
      if (!isObj(hp)) return;
      const pathType = hp.pathType;
      const p = typeof hp.path === 'string' ? hp.path : '';
      if (pathType === undefined || pathType === '') {
        out.push({ path: `${pp}.pathType`, message: 'Required value: pathType must be specified' });
      } else if (!SUPPORTED_PATH_TYPES.includes(pathType)) {
        out.push({
          path: `${pp}.pathType`,
          message: `Unsupported value: ${JSON.stringify(pathType)}: supported values: "Exact", "ImplementationSpecific", "Prefix"`,
        });
      } else if (pathType === 'Exact' || pathType === 'Prefix') {
        if (!p.startsWith('/')) out.push({ path: `${pp}.path`, message: `Invalid value: ${JSON.stringify(p)}: must be an absolute path` });
        for (const seq of INVALID_PATH_SEQUENCES) {
          if (p.includes(seq)) out.push({ path: `${pp}.path`, message: `Invalid value: ${JSON.stringify(p)}: must not contain '${seq}'` });
        }
        for (const suf of INVALID_PATH_SUFFIXES) {
          if (p.endsWith(suf)) out.push({ path: `${pp}.path`, message: `Invalid value: ${JSON.stringify(p)}: cannot end with '${suf}'` });
        }
      } else if (p.length > 0 && !p.startsWith('/')) {
        out.push({ path: `${pp}.path`, message: `Invalid value: ${JSON.stringify(p)}: must be an absolute path` });
      }
      validateIngressBackend(hp.backend, `${pp}.backend`, out);
    });
  });
  const tls: unknown[] = Array.isArray(spec.tls) ? spec.tls : [];
  tls.forEach((t: any, i) => {
    if (!isObj(t)) return;
    (Array.isArray(t.hosts) ? t.hosts : []).forEach((h: unknown, j: number) => {
      if (typeof h === 'string') validateHost(h, `spec.tls[${i}].hosts[${j}]`, out, false);
    });
    if (typeof t.secretName === 'string' && t.secretName !== '') {
      push(out, `spec.tls[${i}].secretName`, n.isDNS1123Subdomain(t.secretName), `${JSON.stringify(t.secretName)}: `);
    }
  });
  return out;
}

// ---------------------------------------------------------------------------------------------
// Service (ValidateService, subset)
// ---------------------------------------------------------------------------------------------

export function validateService(obj: any): RawIssue[] {
  const out = schemaIssues(SERVICE_SCHEMA, obj);
  out.push(...validateObjectMeta(obj, { namespaced: true, nameRule: 'dns1035' }));
  const spec = isObj(obj.spec) ? obj.spec : {};
  const type = spec.type ?? 'ClusterIP';
  const ports: unknown[] = Array.isArray(spec.ports) ? spec.ports : [];
  const headless = spec.clusterIP === 'None';
  if (ports.length === 0 && !headless && type !== 'ExternalName') {
    out.push({ path: 'spec.ports', message: 'Required value: at least one port is required' });
  }
  if (type === 'ExternalName') {
    if (typeof spec.externalName !== 'string' || spec.externalName === '') {
      out.push({ path: 'spec.externalName', message: 'Required value: externalName is required for type ExternalName' });
    } else {
      push(out, 'spec.externalName', n.isDNS1123Subdomain(spec.externalName.replace(/\.$/, '')), `${JSON.stringify(spec.externalName)}: `);
    }
  }
  const seenNames = new Set<string>();
  const seenPorts = new Set<string>();
  ports.forEach((sp: any, i) => {
    const p = `spec.ports[${i}]`;
    if (!isObj(sp)) return;
    if (ports.length > 1 && (sp.name === undefined || sp.name === '')) {
      out.push({ path: `${p}.name`, message: 'Required value: name is required when there is more than one port' });
    }
    if (typeof sp.name === 'string' && sp.name !== '') {
      push(out, `${p}.name`, n.isValidPortName(sp.name), `${JSON.stringify(sp.name)}: `);
      if (seenNames.has(sp.name)) out.push({ path: `${p}.name`, message: `Duplicate value: ${JSON.stringify(sp.name)}` });
      seenNames.add(sp.name);
    }
    push(out, `${p}.port`, n.isValidPortNum(sp.port), `${JSON.stringify(sp.port)}: `);
    const key = `${sp.port}/${sp.protocol ?? 'TCP'}`;
    if (seenPorts.has(key)) out.push({ path: p, message: `Duplicate value: port ${key}` });
    seenPorts.add(key);
    if (sp.nodePort !== undefined && sp.nodePort !== 0) {
      if (type === 'ClusterIP' || type === 'ExternalName') {
        out.push({ path: `${p}.nodePort`, message: `Forbidden: may not be used when \`type\` is '${type}'` });
      } else {push(out, `${p}.nodePort`, n.isValidPortNum(sp.nodePort), `${JSON.stringify(sp.nodePort)}: `);}
    }
    if (typeof sp.targetPort === 'number') {
      push(out, `${p}.targetPort`, n.isValidPortNum(sp.targetPort), `${JSON.stringify(sp.targetPort)}: `);
    } else if (typeof sp.targetPort === 'string') {
      push(out, `${p}.targetPort`, n.isValidPortName(sp.targetPort), `${JSON.stringify(sp.targetPort)}: `);
    }
  });
  if (spec.selector !== undefined) out.push(...validateLabels(spec.selector, 'spec.selector'));
  return out;
}

// ---------------------------------------------------------------------------------------------
// Secret / ConfigMap
// ---------------------------------------------------------------------------------------------

export const MAX_SECRET_SIZE = 1024 * 1024;

export function validateSecret(obj: any): RawIssue[] {
  const out = schemaIssues(SECRET_SCHEMA, obj);
  out.push(...validateObjectMeta(obj, { namespaced: true }));
  const keys = new Set<string>();
  let size = 0;
  for (const field of ['data', 'stringData'] as const) {
    const m = obj[field];
    if (!isObj(m)) continue;
    for (const [k, v] of Object.entries(m)) {
      const p = `${field}[${JSON.stringify(k)}]`;
      push(out, p, n.isConfigMapKey(k), `${JSON.stringify(k)}: `);
      keys.add(k);
      if (typeof v === 'string') {
        if (field === 'data' && !n.isBase64(v)) out.push({ path: p, message: 'Invalid value: data values must be base64-encoded strings' });
        size += field === 'data' ? Math.floor((v.length * 3) / 4) : Buffer.byteLength(v);
      }
    }
  }
  if (size > MAX_SECRET_SIZE) out.push({ path: 'data', message: `Too long: may not be more than ${MAX_SECRET_SIZE} bytes` });
  if (obj.type === 'kubernetes.io/tls') {
    for (const k of ['tls.crt', 'tls.key']) {
      if (!keys.has(k)) out.push({ path: `data[${JSON.stringify(k)}]`, message: `Required value: type kubernetes.io/tls requires key ${k}` });
    }
  }
  if (obj.type === 'kubernetes.io/basic-auth' && !keys.has('username') && !keys.has('password')) {
    out.push({ path: 'data', message: 'Required value: type kubernetes.io/basic-auth requires username or password' });
  }
  return out;
}

export function validateConfigMap(obj: any): RawIssue[] {
  const out = schemaIssues(CONFIGMAP_SCHEMA, obj);
  out.push(...validateObjectMeta(obj, { namespaced: true }));
  const seen = new Set<string>();
  for (const field of ['data', 'binaryData'] as const) {
    const m = obj[field];
    if (!isObj(m)) continue;
    for (const [k, v] of Object.entries(m)) {
      const p = `${field}[${JSON.stringify(k)}]`;
      push(out, p, n.isConfigMapKey(k), `${JSON.stringify(k)}: `);
      if (seen.has(k)) out.push({ path: p, message: `Invalid value: duplicate of key ${JSON.stringify(k)} present in data and binaryData` });
      seen.add(k);
      if (field === 'binaryData' && typeof v === 'string' && !n.isBase64(v)) {
        out.push({ path: p, message: 'Invalid value: binaryData values must be base64-encoded strings' });
      }
    }
  }
  return out;
}

/** Core kinds implemented here, keyed by `${apiVersion}/${kind}`. */
export const CORE_KINDS: ReadonlyMap<string, (obj: any) => RawIssue[]> = new Map([
  ['networking.k8s.io/v1/Ingress', validateIngress],
  ['v1/Service', validateService],
  ['v1/Secret', validateSecret],
  ['v1/ConfigMap', validateConfigMap],
]);
