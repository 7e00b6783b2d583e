import { GROUP, KINDS, LETS_ENCRYPT } from './api';
import { KubeObject, objectRef, ReadItem, ReadOptions, sortItems } from '../controllers/reader';

/**
 * The cert-manager reader: Issuer / ClusterIssuer (ACME http01 / dns01, self-signed, CA) and
 * Certificate objects -> plain data the import code generator turns into `ClusterIssuer` /
 * `Issuer` / `Certificate` constructs (or `TlsCertificate.fromIssuer()` options). Like the
 * controller readers: pure, deterministic, and every field of an object it reads is either
 * mapped (`to`) or unmapped (`reason`).
 */

/** A `{ name, key }` Secret reference. */
export interface SecretKeyRead {
  readonly name: string;
  readonly key: string;
}

/** Which names a solver is used for. */
export interface SelectorRead {
  readonly dnsNames: readonly string[];
  readonly dnsZones: readonly string[];
}

/** The DNS-01 providers the intent models, with their options as the factories take them. */
export type Dns01Read =
  | { readonly provider: 'cloudflare'; readonly apiToken: SecretKeyRead }
  | {
    readonly provider: 'route53';
    readonly region?: string;
    readonly hostedZoneId?: string;
    readonly role?: string;
    readonly accessKeyId?: SecretKeyRead;
    readonly secretAccessKey?: SecretKeyRead;
  }
  | { readonly provider: 'cloudDNS'; readonly project: string; readonly serviceAccount?: SecretKeyRead }
  | { readonly provider: 'rfc2136'; readonly nameserver: string; readonly tsigKeyName?: string; readonly tsigAlgorithm?: string; readonly tsigSecret?: SecretKeyRead }
  | { readonly provider: 'webhook'; readonly groupName: string; readonly solverName: string; readonly config?: unknown };

export type SolverRead =
  | { readonly type: 'http01-ingress'; readonly ingressClassName: string; readonly selector: SelectorRead }
  | { readonly type: 'http01-gateway'; readonly gatewayName: string; readonly namespace?: string; readonly sectionName?: string; readonly selector: SelectorRead }
  | { readonly type: 'dns01'; readonly dns01: Dns01Read; readonly selector: SelectorRead };

export interface AcmeRead {
  readonly server: string;
  readonly email?: string;
  readonly accountKeySecretName?: string;
  readonly solvers: readonly SolverRead[];
}

/** An Issuer or ClusterIssuer the intent can express. */
export interface IssuerRead {
  /** `objectRef` of the input object. */
  readonly source: string;
  readonly kind: 'ClusterIssuer' | 'Issuer';
  readonly name: string;
  /** Issuers only. */
  readonly namespace?: string;
  readonly type: 'acme' | 'selfSigned' | 'ca';
  readonly acme?: AcmeRead;
  /** CA issuers: the CA key pair Secret. */
  readonly caSecretName?: string;
}

/** A reference from a certificate (or a shim annotation) to its issuer. */
export interface IssuerRefRead {
  readonly kind: 'ClusterIssuer' | 'Issuer';
  readonly name: string;
  /** Issuers: the namespace of the certificate that uses it. */
  readonly namespace?: string;
}

export interface CertificateRead {
  readonly source: string;
  readonly name: string;
  readonly namespace: string;
  readonly issuer: IssuerRefRead;
  /** Sorted. */
  readonly dnsNames: readonly string[];
  readonly secretName: string;
  readonly durationSeconds?: number;
  readonly renewBeforeSeconds?: number;
  readonly privateKeyAlgorithm?: 'RSA' | 'ECDSA' | 'Ed25519';
  readonly privateKeySize?: number;
}

export interface CertManagerRead {
  /** Sorted by kind, namespace, name. */
  readonly issuers: readonly IssuerRead[];
  /** Sorted by namespace, name. */
  readonly certificates: readonly CertificateRead[];
  readonly items: readonly ReadItem[];
}

const KNOWN = new Set<string>([KINDS.issuer, KINDS.clusterIssuer, KINDS.certificate]);

/** Whether the object is one of the cert-manager kinds this reader reads. */
export function isCertManagerObject(o: KubeObject): boolean {
  return KNOWN.has(o.kind) && typeof o.apiVersion === 'string' && o.apiVersion.startsWith(`${GROUP}/`);
}

/** Reads the cert-manager objects among `objects` (others are ignored: they are not cert-manager's). */
export function readCertManager(objects: readonly KubeObject[], options: ReadOptions = {}): CertManagerRead {
  const defaultNamespace = options.defaultNamespace ?? 'default';
  const issuers: IssuerRead[] = [];
  const certificates: CertificateRead[] = [];
  const items: ReadItem[] = [];
  for (const o of objects) {
    if (!isCertManagerObject(o)) continue;
    const fields = new FieldReader(objectRef(o, defaultNamespace), o, items);
    if (o.kind === KINDS.certificate) {
      const c = readCertificate(fields, o, defaultNamespace);
      if (c) certificates.push(c);
    } else {
      const i = readIssuer(fields, o, defaultNamespace);
      if (i) issuers.push(i);
    }
    fields.finish();
  }
  const key = (x: { kind?: string; namespace?: string; name: string }) => `${x.kind ?? ''}\u0000${x.namespace ?? ''}\u0000${x.name}`;
  issuers.sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0));
  certificates.sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0));
  return { issuers, certificates, items: sortItems(items) };
}

/** The cert-manager shim annotations on Ingress and Gateway objects. */
export const SHIM_ANNOTATIONS = {
  clusterIssuer: 'cert-manager.io/cluster-issuer',
  issuer: 'cert-manager.io/issuer',
  issuerKind: 'cert-manager.io/issuer-kind',
} as const;

/**
 * The issuer of each TLS Secret that cert-manager writes for these objects: from Certificate
 * objects (`spec.secretName`) and from the ingress-shim / gateway-shim annotations on Ingress
 * (`spec.tls[].secretName`) and Gateway (`listeners[].tls.certificateRefs[]`) objects.
 * Keyed by `namespace/secretName`.
 */
export function issuersBySecret(objects: readonly KubeObject[], defaultNamespace = 'default'): Map<string, IssuerRefRead> {
  const out = new Map<string, IssuerRefRead>();
  for (const o of objects) {
    const ns = o.metadata.namespace ?? defaultNamespace;
    if (isCertManagerObject(o) && o.kind === KINDS.certificate) {
      const ref = o.spec?.issuerRef;
      if (typeof o.spec?.secretName === 'string' && ref && typeof ref.name === 'string') {
        out.set(`${ns}/${o.spec.secretName}`, { kind: ref.kind === KINDS.clusterIssuer ? 'ClusterIssuer' : 'Issuer', name: ref.name, namespace: ref.kind === KINDS.clusterIssuer ? undefined : ns });
      }
      continue;
    }
    const a = o.metadata.annotations ?? {};
    const shim = shimIssuer(a, ns);
    if (!shim) continue;
    const secrets: string[] = [];
    if (o.kind === 'Ingress' && Array.isArray(o.spec?.tls)) {
      for (const t of o.spec.tls) if (t && typeof t.secretName === 'string') secrets.push(`${ns}/${t.secretName}`);
    }
    if (o.kind === 'Gateway' && Array.isArray(o.spec?.listeners)) {
      for (const l of o.spec.listeners) {
        for (const r of l?.tls?.certificateRefs ?? []) if (r && typeof r.name === 'string') secrets.push(`${r.namespace ?? ns}/${r.name}`);
      }
    }
    for (const s of secrets) if (!out.has(s)) out.set(s, shim);
  }
  return out;
}

function shimIssuer(a: { readonly [k: string]: string }, namespace: string): IssuerRefRead | undefined {
  if (a[SHIM_ANNOTATIONS.clusterIssuer]) return { kind: 'ClusterIssuer', name: a[SHIM_ANNOTATIONS.clusterIssuer] };
  if (a[SHIM_ANNOTATIONS.issuer]) {
    const kind = a[SHIM_ANNOTATIONS.issuerKind] === KINDS.clusterIssuer ? 'ClusterIssuer' : 'Issuer';
    return { kind, name: a[SHIM_ANNOTATIONS.issuer], namespace: kind === 'Issuer' ? namespace : undefined };
  }
  return undefined;
}

/**
 * Reads the fields of one object: `take` marks a field mapped (with its intent meaning),
 * `reject` marks it unmapped; `finish` lists every leaf nobody took as unmapped.
 */
class FieldReader {
  private readonly done = new Set<string>();

  constructor(private readonly object: string, private readonly o: KubeObject, private readonly items: ReadItem[]) {}

  /** The value at `path` (dot / [i] notation from the object root). */
  public get(path: string): any {
    let v: any = this.o;
    for (const part of path.replace(/\[(\d+)\]/g, '.$1').split('.')) {
      if (v === null || typeof v !== 'object') return undefined;
      v = v[part];
    }
    return v;
  }

  public take(path: string, to: string): any {
    const v = this.get(path);
    if (v === undefined) return undefined;
    this.mark(path, { to });
    return v;
  }

  public reject(path: string, reason: string): void {
    if (this.get(path) === undefined) return;
    this.mark(path, { reason });
  }

  private mark(path: string, how: { to?: string; reason?: string }): void {
    for (const leaf of leaves(this.get(path), path)) this.done.add(leaf.path);
    this.done.add(path);
    const v = this.get(path);
    this.items.push({ object: this.object, field: path, ...(v !== undefined && typeof v !== 'object' ? { value: String(v) } : v !== undefined ? { value: JSON.stringify(v) } : {}), ...how });
  }

  public finish(): void {
    for (const [k, v] of Object.entries(this.o.metadata.annotations ?? {})) {
      this.items.push({ object: this.object, field: `metadata.annotations['${k}']`, value: v, reason: 'annotations of cert-manager objects are not carried over (add them with an escape hatch: addJsonPatch)' });
    }
    for (const [k, v] of Object.entries(this.o.metadata.labels ?? {})) {
      this.items.push({ object: this.object, field: `metadata.labels['${k}']`, value: v, reason: 'labels of cert-manager objects are not carried over (add them with an escape hatch: addJsonPatch)' });
    }
    for (const leaf of leaves(this.o.spec, 'spec')) {
      if (this.done.has(leaf.path) || [...this.done].some(d => leaf.path.startsWith(`${d}.`) || leaf.path.startsWith(`${d}[`))) continue;
      this.items.push({ object: this.object, field: leaf.path, value: typeof leaf.value === 'object' ? JSON.stringify(leaf.value) : String(leaf.value), reason: 'not modelled by the intent (cert-manager field without an equivalent prop)' });
    }
  }
}

function leaves(v: unknown, path: string): Array<{ path: string; value: unknown }> {
  if (Array.isArray(v)) return v.length === 0 ? [{ path, value: v }] : v.flatMap((x, i) => leaves(x, `${path}[${i}]`));
  if (v !== null && typeof v === 'object') {
    const entries = Object.entries(v);
    return entries.length === 0 ? [{ path, value: v }] : entries.flatMap(([k, x]) => leaves(x, `${path}.${k}`));
  }
  return v === undefined ? [] : [{ path, value: v }];
}

function readIssuer(f: FieldReader, o: KubeObject, defaultNamespace: string): IssuerRead | undefined {
  const kind = o.kind === KINDS.clusterIssuer ? 'ClusterIssuer' : 'Issuer';
  const base = { source: objectRef(o, defaultNamespace), kind, name: o.metadata.name, namespace: kind === 'Issuer' ? o.metadata.namespace ?? defaultNamespace : undefined } as const;
  const spec = o.spec ?? {};
  if (spec.selfSigned !== undefined) {
    f.take('spec.selfSigned', `${kind}.type (IssuerType.selfSigned())`);
    f.reject('spec.selfSigned.crlDistributionPoints', 'CRL distribution points are not modelled');
    return { ...base, type: 'selfSigned' };
  }
  if (spec.ca !== undefined) {
    const secretName = f.take('spec.ca.secretName', `${kind}.type (IssuerType.ca secretName)`);
    if (typeof secretName !== 'string') return undefined;
    return { ...base, type: 'ca', caSecretName: secretName };
  }
  if (spec.acme !== undefined) {
    const server = f.get('spec.acme.server');
    if (typeof server !== 'string') return undefined;
    f.take('spec.acme.server', `${kind}.type (IssuerType.acme server: ${serverLabel(server)})`);
    const email = f.take('spec.acme.email', `${kind}.type (IssuerType.acme email)`);
    const accountKey = f.take('spec.acme.privateKeySecretRef.name', `${kind}.type (IssuerType.acme accountKeySecretName)`);
    const solvers: SolverRead[] = [];
    const list = Array.isArray(spec.acme.solvers) ? spec.acme.solvers : [];
    list.forEach((_s: unknown, i: number) => {
      const s = readSolver(f, `spec.acme.solvers[${i}]`, kind);
      if (s) solvers.push(s);
    });
    return {
      ...base,
      type: 'acme',
      acme: {
        server,
        email: typeof email === 'string' ? email : undefined,
        accountKeySecretName: typeof accountKey === 'string' ? accountKey : undefined,
        solvers,
      },
    };
  }
  for (const k of Object.keys(spec)) f.reject(`spec.${k}`, `a ${k} issuer is not modelled (IssuerType: acme, selfSigned, ca)`);
  return undefined;
}

function serverLabel(url: string): string {
  if (url === LETS_ENCRYPT.production) return 'AcmeServer.letsEncryptProduction()';
  if (url === LETS_ENCRYPT.staging) return 'AcmeServer.letsEncryptStaging()';
  return `AcmeServer.custom('${url}')`;
}

function selectorOf(f: FieldReader, at: string, to: string): SelectorRead {
  const strings = (path: string) => {
    const v = f.take(path, `${to} selector.${path.split('.').pop()}`);
    return Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string').sort() : [];
  };
  return { dnsNames: strings(`${at}.selector.dnsNames`), dnsZones: strings(`${at}.selector.dnsZones`) };
}

function readSolver(f: FieldReader, at: string, kind: string): SolverRead | undefined {
  const to = `${kind}.type (IssuerType.acme solvers)`;
  if (f.get(`${at}.selector.matchLabels`) !== undefined) {
    f.reject(at, 'a solver chosen by Certificate labels (selector.matchLabels) is not modelled (selectors take dnsNames / dnsZones)');
    return undefined;
  }
  const http01 = f.get(`${at}.http01`);
  const dns01 = f.get(`${at}.dns01`);
  if (http01?.ingress !== undefined) {
    const i = http01.ingress;
    const className = i.ingressClassName ?? i.class;
    f.reject(`${at}.http01.ingress.name`, 'solving through an existing named Ingress is not modelled (use AcmeSolver.http01Ingress(className))');
    for (const k of ['podTemplate', 'serviceType', 'ingressTemplate']) f.reject(`${at}.http01.ingress.${k}`, `http01 solver ${k} is not modelled`);
    if (typeof className !== 'string') return undefined;
    f.take(`${at}.http01.ingress.${i.ingressClassName !== undefined ? 'ingressClassName' : 'class'}`, `${to} AcmeSolver.http01Ingress(ingressClassName)`);
    return { type: 'http01-ingress', ingressClassName: className, selector: selectorOf(f, at, to) };
  }
  if (http01?.gatewayHTTPRoute !== undefined) {
    const g = http01.gatewayHTTPRoute;
    const refs = Array.isArray(g.parentRefs) ? g.parentRefs : [];
    for (const k of ['labels', 'serviceType', 'podTemplate']) f.reject(`${at}.http01.gatewayHTTPRoute.${k}`, `http01 solver ${k} is not modelled`);
    refs.slice(1).forEach((_r: unknown, j: number) => f.reject(`${at}.http01.gatewayHTTPRoute.parentRefs[${j + 1}]`, 'one parent per solver (AcmeSolver.http01Gateway takes one Gateway)'));
    const ref = refs[0];
    if (!ref || typeof ref.name !== 'string') return undefined;
    const p = `${at}.http01.gatewayHTTPRoute.parentRefs[0]`;
    if ((ref.kind ?? 'Gateway') !== 'Gateway') {
      f.reject(p, `parent kind ${ref.kind} is not modelled (AcmeSolver.http01Gateway attaches to a Gateway)`);
      return undefined;
    }
    f.take(`${p}.name`, `${to} AcmeSolver.http01Gateway(gatewayName)`);
    f.take(`${p}.namespace`, `${to} AcmeSolver.http01Gateway namespace`);
    f.take(`${p}.sectionName`, `${to} AcmeSolver.http01Gateway sectionName`);
    f.take(`${p}.group`, `${to} AcmeSolver.http01Gateway (the Gateway API group)`);
    f.take(`${p}.kind`, `${to} AcmeSolver.http01Gateway (a Gateway)`);
    f.reject(`${p}.port`, 'a parent port is not modelled');
    return { type: 'http01-gateway', gatewayName: ref.name, namespace: ref.namespace, sectionName: ref.sectionName, selector: selectorOf(f, at, to) };
  }
  if (dns01 !== undefined) {
    const d = readDns01(f, `${at}.dns01`, to);
    return d && { type: 'dns01', dns01: d, selector: selectorOf(f, at, to) };
  }
  f.reject(at, 'a solver without an http01 ingress / gatewayHTTPRoute or a dns01 provider is not modelled');
  return undefined;
}

function secretRef(f: FieldReader, path: string, to: string): SecretKeyRead | undefined {
  const v = f.get(path);
  if (!v || typeof v.name !== 'string' || typeof v.key !== 'string') return undefined;
  f.take(path, to);
  return { name: v.name, key: v.key };
}

function readDns01(f: FieldReader, at: string, to: string): Dns01Read | undefined {
  f.reject(`${at}.cnameStrategy`, 'cnameStrategy is not modelled');
  const d = f.get(at) ?? {};
  if (d.cloudflare !== undefined) {
    f.reject(`${at}.cloudflare.apiKeySecretRef`, 'a Cloudflare global API key is not modelled (use an API token: Dns01Provider.cloudflare({ apiToken }))');
    f.reject(`${at}.cloudflare.email`, 'only used with a global API key, which is not modelled');
    const apiToken = secretRef(f, `${at}.cloudflare.apiTokenSecretRef`, `${to} Dns01Provider.cloudflare apiToken`);
    return apiToken && { provider: 'cloudflare', apiToken };
  }
  if (d.route53 !== undefined) {
    const r = `${at}.route53`;
    const t = `${to} Dns01Provider.route53`;
    f.reject(`${r}.accessKeyID`, 'an inline access key ID is not modelled (use accessKeyIDSecretRef)');
    return {
      provider: 'route53',
      region: f.take(`${r}.region`, `${t} region`),
      hostedZoneId: f.take(`${r}.hostedZoneID`, `${t} hostedZoneId`),
      role: f.take(`${r}.role`, `${t} role`),
      accessKeyId: secretRef(f, `${r}.accessKeyIDSecretRef`, `${t} accessKeyId`),
      secretAccessKey: secretRef(f, `${r}.secretAccessKeySecretRef`, `${t} secretAccessKey`),
    };
  }
  if (d.cloudDNS !== undefined) {
    const project = f.get(`${at}.cloudDNS.project`);
    if (typeof project !== 'string') return undefined;
    f.take(`${at}.cloudDNS.project`, `${to} Dns01Provider.googleCloudDns project`);
    return { provider: 'cloudDNS', project, serviceAccount: secretRef(f, `${at}.cloudDNS.serviceAccountSecretRef`, `${to} Dns01Provider.googleCloudDns serviceAccount`) };
  }
  if (d.rfc2136 !== undefined) {
    const nameserver = f.get(`${at}.rfc2136.nameserver`);
    if (typeof nameserver !== 'string') return undefined;
    const t = `${to} Dns01Provider.rfc2136`;
    f.take(`${at}.rfc2136.nameserver`, `${t} nameserver`);
    return {
      provider: 'rfc2136',
      nameserver,
      tsigKeyName: f.take(`${at}.rfc2136.tsigKeyName`, `${t} tsigKeyName`),
      tsigAlgorithm: f.take(`${at}.rfc2136.tsigAlgorithm`, `${t} tsigAlgorithm`),
      tsigSecret: secretRef(f, `${at}.rfc2136.tsigSecretSecretRef`, `${t} tsigSecret`),
    };
  }
  if (d.webhook !== undefined) {
    const { groupName, solverName } = d.webhook;
    if (typeof groupName !== 'string' || typeof solverName !== 'string') return undefined;
    const t = `${to} Dns01Provider.webhook`;
    f.take(`${at}.webhook.groupName`, `${t} groupName`);
    f.take(`${at}.webhook.solverName`, `${t} solverName`);
    return { provider: 'webhook', groupName, solverName, config: f.take(`${at}.webhook.config`, `${t} config`) };
  }
  f.reject(at, `dns01 provider ${Object.keys(d).join(', ') || '(none)'} is not modelled (Dns01Provider: cloudflare, route53, googleCloudDns, rfc2136, webhook)`);
  return undefined;
}

const ALGORITHMS = new Set(['RSA', 'ECDSA', 'Ed25519']);

function readCertificate(f: FieldReader, o: KubeObject, defaultNamespace: string): CertificateRead | undefined {
  const spec = o.spec ?? {};
  const ref = spec.issuerRef ?? {};
  if (typeof spec.secretName !== 'string' || typeof ref.name !== 'string' || !Array.isArray(spec.dnsNames)) return undefined;
  if (ref.group !== undefined && ref.group !== GROUP) {
    f.reject('spec.issuerRef', `an external issuer (group ${ref.group}) is not modelled`);
    return undefined;
  }
  const namespace = o.metadata.namespace ?? defaultNamespace;
  f.take('spec.secretName', 'Certificate.secretName');
  f.take('spec.dnsNames', 'Certificate.dnsNames');
  f.take('spec.issuerRef', `Certificate.issuer (${ref.kind === KINDS.clusterIssuer ? 'ClusterIssuer' : 'Issuer'} ${ref.name})`);
  const seconds = (path: string, prop: string) => {
    const v = f.get(path);
    const s = typeof v === 'string' ? goDurationSeconds(v) : undefined;
    if (s === undefined) {
      f.reject(path, 'not a whole number of seconds in Go duration syntax');
      return undefined;
    }
    f.take(path, `Certificate.${prop}`);
    return s;
  };
  const durationSeconds = spec.duration !== undefined ? seconds('spec.duration', 'duration') : undefined;
  const renewBeforeSeconds = spec.renewBefore !== undefined ? seconds('spec.renewBefore', 'renewBefore') : undefined;
  let privateKeyAlgorithm: CertificateRead['privateKeyAlgorithm'];
  if (spec.privateKey?.algorithm !== undefined) {
    if (ALGORITHMS.has(spec.privateKey.algorithm)) {
      privateKeyAlgorithm = f.take('spec.privateKey.algorithm', 'Certificate.privateKeyAlgorithm');
    } else {
      f.reject('spec.privateKey.algorithm', `'${spec.privateKey.algorithm}' is not a PrivateKeyAlgorithm`);
    }
  }
  const privateKeySize = typeof spec.privateKey?.size === 'number' ? f.take('spec.privateKey.size', 'Certificate.privateKeySize') : undefined;
  f.reject('spec.privateKey.rotationPolicy', 'the key rotation policy is not modelled (cert-manager 1.18+ rotates by default)');
  f.reject('spec.commonName', 'a common name is not modelled (the names are dnsNames; browsers ignore the CN)');
  return {
    source: objectRef(o, defaultNamespace),
    name: o.metadata.name,
    namespace,
    issuer: { kind: ref.kind === KINDS.clusterIssuer ? 'ClusterIssuer' : 'Issuer', name: ref.name, namespace: ref.kind === KINDS.clusterIssuer ? undefined : namespace },
    dnsNames: [...spec.dnsNames].filter((n): n is string => typeof n === 'string').sort(),
    secretName: spec.secretName,
    durationSeconds,
    renewBeforeSeconds,
    privateKeyAlgorithm,
    privateKeySize,
  };
}

/** Seconds of a Go duration (`2160h`, `1h30m`, `720h0m0s`), if whole. */
export function goDurationSeconds(text: string): number | undefined {
  if (!/^(\d+(\.\d+)?(h|m|s|ms))+$/.test(text)) return undefined;
  const unit: Record<string, number> = { h: 3600, m: 60, s: 1, ms: 0.001 };
  let total = 0;
  for (const [, n, , u] of text.matchAll(/(\d+(\.\d+)?)(h|ms|m|s)/g)) total += Number(n) * unit[u];
  return Number.isInteger(total) ? total : undefined;
}
