import { KONG_ANNOTATION_CATALOG } from './annotation-catalog';
import { ANNOTATIONS, CONFIGURATION_GROUP, EXACT_REGEX_PRIORITY, HTTP_ONLY, HTTPS_ONLY, HTTPS_REDIRECT_CODES, KINDS, PREFIX, REFUSE_PLAIN_HTTP_STATUS, REGEX_PATH_PREFIX } from './constants';
import { GRPC_PROTOCOLS } from './features/grpc';
import { authOf, credentialSecret, PluginRead, readPlugin, strings } from './read/plugins';
import { RouteTable, RouteEntry, TlsEntry, withoutListenerLayout } from '../../checks/route-table';
import { wildcardCovers } from '../../core/hosts';
import { BackendIR, CanaryIR, HeaderMatchIR, HstsIR, MatchIR, PathIR, RouteIR, TlsHostIR } from '../../ir/model';
import { BackendProtocolIR, PoliciesIR, RedirectIR } from '../../ir/policies';
import {
  annotationField, gatewayOf, ingressBackend, isIngressFor, rawAnnotationItem, isRecord, ItemLog, managedSecrets, namespaceOf, Names, servicePorts,
} from '../common/read';
import { readSuffixWildcards } from '../common/wildcard';
import { ControllerReader, KubeObject, ReadOptions, ReadResult } from '../reader';

/**
 * Reads Kong Ingress Controller 3.x manifests in Ingress mode (the `kong` column): Ingresses of
 * the Kong class with `konghq.com/*` annotations, the KongPlugins / KongClusterPlugins they
 * reference, KongConsumers and their credential Secrets. One RouteIR per (Ingress, host,
 * backend); header canaries (an Ingress repeating another's hosts and paths with one more header
 * condition and another backend) become CanarySplits.
 */
export class KongIngressReader implements ControllerReader {
  public readonly name = 'kong' as const;

  constructor(private readonly ingressClassName = 'kong') {}

  public accepts(o: KubeObject): boolean {
    if (o.apiVersion === `${CONFIGURATION_GROUP}/v1`) return o.kind === KINDS.plugin || o.kind === KINDS.consumer || o.kind === CLUSTER_PLUGIN;
    return isIngressFor(o, this.ingressClassName, PREFIX);
  }

  public read(objects: readonly KubeObject[], options: ReadOptions = {}): ReadResult {
    const defaultNs = options.defaultNamespace ?? 'default';
    const log = new ItemLog(defaultNs);
    const ctx = new Context(objects, defaultNs, log);
    const ingresses = objects.filter(o => o.kind === 'Ingress' && this.accepts(o)).sort(byRef(log));
    const reads = ingresses.map(o => readIngress(o, ctx));
    for (const o of objects) {
      if (o.apiVersion !== `${CONFIGURATION_GROUP}/v1`) continue;
      if ((o.kind === KINDS.plugin || o.kind === CLUSTER_PLUGIN) && !ctx.isRead(o)) {
        if (o.metadata.labels?.global === 'true') ctx.plugin(o);
        else log.mapped(o, 'plugin', o.plugin, 'no effect: no Ingress read references this plugin');
      }
      if (o.kind === KINDS.consumer) readConsumer(o, ctx);
    }
    // Kong's `*.s` matches any depth: the intent's `**.s` (read last, see readSuffixWildcards).
    return { gateways: assemble(reads, ctx, this.ingressClassName).map(readSuffixWildcards), items: log.sorted() };
  }

  /**
   * Equivalences of the Kong Ingress output (features/redirect.ts, features/tls.ts):
   * - a TLS host whose every route redirects plain HTTP to HTTPS redirects whatever its own
   *   `httpsRedirect` says, and a route's redirect to HTTPS with 308 on such a host is the TLS
   *   host's default redirect (both are `konghq.com/protocols: https` + 308); a route refusing
   *   plain HTTP (`RouteProtocols.HTTPS_ONLY`, 426) replaces the redirect for its own matches,
   *   so it counts as HTTPS-only too;
   * - HTTP and WebSocket backends are both plain HTTP (Kong proxies upgrades natively).
   */
  public normalize(table: RouteTable): RouteTable {
    return normalizeRedirects(table, (p: PoliciesIR) => {
      const proto = p.backendProtocol?.protocol;
      return proto === 'HTTP' || proto === 'WEBSOCKET' ? without(p, 'backendProtocol') : p;
    });
  }
}

const CLUSTER_PLUGIN = 'KongClusterPlugin';

function byRef(log: ItemLog) {
  return (a: KubeObject, b: KubeObject) => (log.ref(a) < log.ref(b) ? -1 : log.ref(a) > log.ref(b) ? 1 : 0);
}

/** Objects and caches shared by one read. */
class Context {
  public readonly ports: Map<string, number>;
  public readonly managed: Set<string>;
  public readonly consumers: KubeObject[];
  public readonly secrets = new Map<string, KubeObject>();
  public readonly services = new Map<string, KubeObject>();
  private readonly serviceReads = new Map<KubeObject, PoliciesIR>();
  private readonly plugins = new Map<string, KubeObject>();
  private readonly pluginReads = new Map<KubeObject, PluginRead>();

  constructor(objects: readonly KubeObject[], public readonly defaultNs: string, public readonly log: ItemLog) {
    this.ports = servicePorts(objects, defaultNs);
    this.managed = managedSecrets(objects, defaultNs);
    this.consumers = objects.filter(o => o.kind === KINDS.consumer && o.apiVersion === `${CONFIGURATION_GROUP}/v1`);
    for (const o of objects) {
      if (o.kind === 'Secret' && o.apiVersion === 'v1') this.secrets.set(`${namespaceOf(o, defaultNs)}/${o.metadata.name}`, o);
      if (o.kind === 'Service' && o.apiVersion === 'v1') this.services.set(`${namespaceOf(o, defaultNs)}/${o.metadata.name}`, o);
      if (o.apiVersion !== `${CONFIGURATION_GROUP}/v1`) continue;
      if (o.kind === KINDS.plugin) this.plugins.set(`${namespaceOf(o, defaultNs)}/${o.metadata.name}`, o);
      if (o.kind === CLUSTER_PLUGIN) this.plugins.set(`*/${o.metadata.name}`, o);
    }
  }

  /** A plugin by the name an Ingress gives (its namespace's KongPlugin, else a KongClusterPlugin). */
  public find(namespace: string, name: string): KubeObject | undefined {
    return this.plugins.get(`${namespace}/${name}`) ?? this.plugins.get(`*/${name}`);
  }

  /** The policies a backend Service's `konghq.com/*` annotations set (read once per Service). */
  public servicePolicies(b: BackendIR): PoliciesIR {
    const o = this.services.get(`${b.namespace}/${b.service}`);
    if (!o) return {};
    let r = this.serviceReads.get(o);
    if (!r) {
      r = readServiceAnnotations(o, this.log);
      this.serviceReads.set(o, r);
    }
    return r;
  }

  public isRead(o: KubeObject): boolean {
    return this.pluginReads.has(o);
  }

  public plugin(o: KubeObject): PluginRead {
    let r = this.pluginReads.get(o);
    if (!r) {
      r = readPlugin(o, this.log);
      this.pluginReads.set(o, r);
    }
    return r;
  }
}

function readConsumer(o: KubeObject, ctx: Context): void {
  for (const field of Object.keys(o)) {
    if (field === 'apiVersion' || field === 'kind' || field === 'metadata') continue;
    const valid = field === 'username' ? typeof o[field] === 'string' : field === 'credentials' ? strings(o[field]) !== undefined : false;
    if (valid) ctx.log.mapped(o, field, o[field], 'Route.auth (the consumer of the route\'s credential Secret)');
    else if (field === 'username' || field === 'credentials') ctx.log.unmapped(o, field, o[field], `not ${field === 'username' ? 'a name' : 'a list of Secret names'}`);
    else ctx.log.unmapped(o, field, o[field], `KongConsumer '${field}' is not modelled by the intent`);
  }
  const cls = o.metadata.annotations?.[ANNOTATIONS.ingressClass];
  if (cls !== undefined) ctx.log.mapped(o, annotationField(ANNOTATIONS.ingressClass), cls, 'the controller\'s ingressClassName');
}

/** Service protocols (`konghq.com/protocol`) as backend protocols. */
const SERVICE_PROTOCOLS: Record<string, BackendProtocolIR['protocol']> = { http: 'HTTP', https: 'HTTPS', grpc: 'GRPC', grpcs: 'GRPCS', ws: 'WEBSOCKET', wss: 'HTTPS' };
/** Service timeouts (milliseconds) as the intent's: Kong's read / write timeouts are between two successive reads / writes. */
const SERVICE_TIMEOUTS: Record<string, 'connectMs' | 'readMs' | 'sendMs'> = { 'connect-timeout': 'connectMs', 'read-timeout': 'readMs', 'write-timeout': 'sendMs' };

/** The `konghq.com/*` annotations KIC reads on a backend Service. */
function readServiceAnnotations(o: KubeObject, log: ItemLog): PoliciesIR {
  const source = log.ref(o);
  const policies: { -readonly [K in keyof PoliciesIR]: PoliciesIR[K] } = {};
  const timeouts: { connectMs?: number; readMs?: number; sendMs?: number } = {};
  for (const [key, value] of Object.entries(o.metadata.annotations ?? {}).sort(([a], [b]) => (a < b ? -1 : 1))) {
    if (!key.startsWith(PREFIX)) continue;
    const name = key.slice(PREFIX.length);
    const field = annotationField(key);
    const protocol = name === 'protocol' ? SERVICE_PROTOCOLS[value] : undefined;
    if (protocol) {
      policies.backendProtocol = { source, protocol };
      log.mapped(o, field, value, `Route.backendProtocol (${protocol})`);
    } else if (SERVICE_TIMEOUTS[name] && /^\d{1,9}$/.test(value)) {
      timeouts[SERVICE_TIMEOUTS[name]] = Number(value);
      log.mapped(o, field, value, `Route.timeouts (${SERVICE_TIMEOUTS[name]})`);
    } else {
      log.unmapped(o, field, value, name === 'protocol' ? `protocol '${value}' is not an HTTP backend protocol` : `Service annotation '${key}' is not modelled by the intent`);
    }
  }
  if (Object.keys(timeouts).length > 0) policies.timeouts = { source, ...timeouts };
  return policies;
}

/** One Ingress as read. */
interface IngressRead {
  readonly o: KubeObject;
  readonly namespace: string;
  readonly source: string;
  /** Alternatives of the Ingress-wide conditions (comma lists of methods / header values). */
  readonly conditions: ReadonlyArray<{ readonly method?: string; readonly headers: readonly HeaderMatchIR[] }>;
  readonly entries: ReadonlyArray<{ readonly host?: string; readonly path: PathIR; readonly backend: BackendIR }>;
  readonly policies: PoliciesIR;
  /** Only HTTPS accepted: plain HTTP is redirected with this status. */
  readonly httpsRedirect?: RedirectIR['statusCode'];
  /** Only HTTPS accepted: plain HTTP is refused with 426 (RouteProtocols.HTTPS_ONLY). */
  readonly refusesPlainHttp?: true;
  /** Only plain HTTP accepted (RouteProtocols.HTTP_ONLY). */
  readonly plainHttpOnly?: true;
  readonly hsts?: HstsIR;
  readonly tls: ReadonlyArray<{ readonly host: string; readonly secretName: string }>;
  readonly defaultBackend?: BackendIR;
  /** Whether the Ingress has policies of its own (not only TLS settings). */
  readonly ownPolicies: boolean;
}

function readIngress(o: KubeObject, ctx: Context): IngressRead {
  const { log } = ctx;
  const namespace = namespaceOf(o, ctx.defaultNs);
  const source = log.ref(o);
  const a = o.metadata.annotations ?? {};
  const policies: { -readonly [K in keyof PoliciesIR]: PoliciesIR[K] } = {};
  let methods: string[] = [];
  const headerAlternatives: HeaderMatchIR[][] = [];
  let httpsRedirect: RedirectIR['statusCode'] | undefined;
  let refusesPlainHttp: true | undefined;
  let plainHttpOnly: true | undefined;
  let hsts: HstsIR | undefined;
  let ownPolicies = false;

  const protocols = a[ANNOTATIONS.protocols];
  const status = a[ANNOTATIONS.httpsRedirectStatusCode];
  for (const key of Object.keys(a).sort()) {
    const value = String(a[key]);
    const field = annotationField(key);
    if (key === ANNOTATIONS.methods) {
      methods = value.split(',').map(m => m.trim().toUpperCase()).filter(m => m !== '');
      log.mapped(o, field, value, 'match.method');
    } else if (key.startsWith(ANNOTATIONS.headerPrefix)) {
      const name = key.slice(ANNOTATIONS.headerPrefix.length).toLowerCase();
      const values = value.split(',').map(v => v.trim());
      if (values.some(v => v.startsWith('~*'))) {
        log.unmapped(o, field, value, 'Kong header regexes (~*) are case-insensitive PCRE searches; the intent\'s header regexes match the whole value');
      } else {
        headerAlternatives.push(values.map(v => ({ name, kind: 'Exact' as const, value: v })));
        log.mapped(o, field, value, values.length > 1 ? 'match.headers (one match per value)' : 'match.headers');
      }
    } else if (key === ANNOTATIONS.regexPriority) {
      if (value === EXACT_REGEX_PRIORITY) {
        log.mapped(o, field, value, 'the precedence of Exact paths (implied by match.path)');
      } else {
        log.unmapped(o, field, value, 'an explicit order among regex paths; the intent ranks matches by specificity');
      }
    } else if (key === ANNOTATIONS.plugins) {
      for (const name of value.split(',').map(s => s.trim()).filter(s => s !== '')) {
        const p = ctx.find(namespace, name);
        if (!p) { log.unmapped(o, field, name, `KongPlugin '${name}' is not among the objects read`); continue; }
        const r = ctx.plugin(p);
        if (r.hsts) hsts = r.hsts;
        if (Object.keys(r.policies).length > 0 || r.credential || r.aclGroup) ownPolicies = true;
        const headers = r.policies.headers && policies.headers ? { ...policies.headers, ...r.policies.headers, source } : undefined;
        Object.assign(policies, r.policies, headers ? { headers } : {});
      }
      auth(o, value, namespace, source, ctx, policies);
      log.mapped(o, field, value, 'Route policies (one KongPlugin per policy)');
    } else if (key === ANNOTATIONS.protocols) {
      if (value.trim() === HTTPS_ONLY) {
        const code = Number(status ?? 426);
        if ((HTTPS_REDIRECT_CODES as readonly number[]).includes(code)) {
          httpsRedirect = code as RedirectIR['statusCode'];
          log.mapped(o, field, value, 'Route.redirect (Redirect.toHttps()) or TlsHost httpsRedirect');
        } else if (String(code) === REFUSE_PLAIN_HTTP_STATUS) {
          refusesPlainHttp = true;
          log.mapped(o, field, value, 'Route.protocols (RouteProtocols.HTTPS_ONLY: plain HTTP refused with 426)');
        } else {
          log.unmapped(o, field, value, `plain HTTP is refused with ${code} (not a redirect); the intent redirects with 301, 302, 307 or 308`);
        }
      } else if (value.trim() === HTTP_ONLY) {
        plainHttpOnly = true;
        log.mapped(o, field, value, 'Route.protocols (RouteProtocols.HTTP_ONLY: HTTPS not served by the route)');
      } else if (value.split(',').map(s => s.trim()).sort().join(',') === GRPC_PROTOCOLS) {
        log.mapped(o, field, value, 'Route.backendProtocol (gRPC: the route accepts grpc and grpcs; the protocol is the Service\'s konghq.com/protocol)');
      } else if (value.split(',').map(s => s.trim()).sort().join(',') === 'http,https') {
        log.mapped(o, field, value, 'served over HTTP and HTTPS (the default)');
      } else {
        log.unmapped(o, field, value, 'only https (with a redirect or 426), http, http,https or grpc,grpcs are modelled');
      }
    } else if (key === ANNOTATIONS.httpsRedirectStatusCode) {
      if (protocols?.trim() === HTTPS_ONLY) log.mapped(o, field, value, value === REFUSE_PLAIN_HTTP_STATUS ? 'Route.protocols (426: plain HTTP refused)' : 'Route.redirect statusCode');
      else log.unmapped(o, field, value, 'without konghq.com/protocols: https Kong never redirects');
    } else if (key === ANNOTATIONS.stripPath) {
      if (value === 'true') {
        policies.rewrite = { source, path: { kind: 'prefix', value: '/' } };
        ownPolicies = true;
        log.mapped(o, field, value, 'Route.rewrite (Rewrite.replacePrefix(\'/\'))');
      } else if (value === 'false') {
        log.mapped(o, field, value, 'no rewrite (the default)');
      } else {
        log.unmapped(o, field, value, 'not \'true\' or \'false\'');
      }
    } else if (key === ANNOTATIONS.ingressClass) {
      log.mapped(o, field, value, 'the controller\'s ingressClassName');
    } else {
      rawAnnotationItem(o, key, value, log, KONG_ANNOTATION_CATALOG, 'Kong');
    }
  }

  const conditions = expand(methods, headerAlternatives);
  const entries: Array<{ host?: string; path: PathIR; backend: BackendIR }> = [];
  const spec = isRecord(o.spec) ? o.spec : {};
  for (const field of Object.keys(spec)) {
    if (!['ingressClassName', 'rules', 'tls', 'defaultBackend'].includes(field)) log.unmapped(o, `spec.${field}`, spec[field], `Ingress '${field}' is not modelled`);
  }
  if (spec.ingressClassName !== undefined) log.mapped(o, 'spec.ingressClassName', spec.ingressClassName, 'the controller\'s ingressClassName');
  (Array.isArray(spec.rules) ? spec.rules : []).forEach((rule: any, i: number) => {
    const host = typeof rule?.host === 'string' ? rule.host : undefined;
    if (host !== undefined) log.mapped(o, `spec.rules[${i}].host`, host, 'Route.hosts');
    (Array.isArray(rule?.http?.paths) ? rule.http.paths : []).forEach((p: any, j: number) => {
      const at = `spec.rules[${i}].http.paths[${j}]`;
      if (!isRecord(p)) { log.unmapped(o, at, p, 'not an Ingress path'); return; }
      const path = kongPathOf(p);
      const backend = ingressBackend(p.backend, namespace, ctx.ports);
      if (typeof path === 'string') { log.unmapped(o, at, p.path, path); return; }
      if (typeof backend === 'string') { log.unmapped(o, `${at}.backend`, p.backend, backend); return; }
      log.mapped(o, at, `${p.pathType} ${p.path}`, `match.path (${path.kind} ${path.value})`);
      log.mapped(o, `${at}.backend`, `${backend.service}:${backend.port}`, 'Route.backends');
      entries.push({ host, path, backend });
    });
  });
  const tls: Array<{ host: string; secretName: string }> = [];
  (Array.isArray(spec.tls) ? spec.tls : []).forEach((t: any, i: number) => {
    if (typeof t?.secretName !== 'string') { log.unmapped(o, `spec.tls[${i}]`, t, 'a TLS entry without secretName uses Kong\'s default certificate; not modelled'); return; }
    for (const h of Array.isArray(t.hosts) ? t.hosts : []) tls.push({ host: h, secretName: t.secretName });
    log.mapped(o, `spec.tls[${i}]`, t.secretName, 'TlsHost (certificate)');
  });
  let defaultBackend: BackendIR | undefined;
  if (spec.defaultBackend !== undefined) {
    const b = ingressBackend(spec.defaultBackend, namespace, ctx.ports);
    if (typeof b === 'string') {log.unmapped(o, 'spec.defaultBackend', spec.defaultBackend, b);} else { defaultBackend = b; log.mapped(o, 'spec.defaultBackend', `${b.service}:${b.port}`, 'ApiGateway.defaultBackend'); }
  }
  const refusal = { ...(refusesPlainHttp ? { refusesPlainHttp } : {}), ...(plainHttpOnly ? { plainHttpOnly } : {}) };
  return { o, namespace, source, conditions, entries, policies, httpsRedirect, ...refusal, hsts, tls, defaultBackend, ownPolicies };
}

/** key-auth / basic-auth + acl of an Ingress's plugins as EdgeAuth. */
function auth(o: KubeObject, value: string, namespace: string, source: string, ctx: Context, policies: { auth?: PoliciesIR['auth'] }): void {
  const reads = value.split(',').map(s => ctx.find(namespace, s.trim())).filter((p): p is KubeObject => p !== undefined).map(p => ctx.plugin(p));
  const credential = reads.find(r => r.credential)?.credential;
  const group = reads.find(r => r.aclGroup !== undefined)?.aclGroup;
  if (!credential) {
    if (group !== undefined) ctx.log.unmapped(o, annotationField(ANNOTATIONS.plugins), value, 'an acl plugin without key-auth / basic-auth has no intent equivalent');
    return;
  }
  const secret = credentialSecret(group, namespace, ctx.consumers, ctx.secrets);
  const isSecret = group !== undefined && !secret.includes(' ');
  const a = authOf(credential, secret, isSecret, source, group === undefined);
  if (typeof a === 'string') ctx.log.unmapped(o, annotationField(ANNOTATIONS.plugins), value, a);
  else policies.auth = a;
}

/** Every combination of the method and header alternatives. */
function expand(methods: readonly string[], headers: ReadonlyArray<readonly HeaderMatchIR[]>): Array<{ method?: string; headers: HeaderMatchIR[] }> {
  let combos: HeaderMatchIR[][] = [[]];
  for (const alternatives of headers) combos = combos.flatMap(c => alternatives.map(h => [...c, h]));
  const sorted = combos.map(c => [...c].sort((x, y) => (x.name < y.name ? -1 : x.name > y.name ? 1 : 0)));
  const ms: Array<string | undefined> = methods.length > 0 ? [...methods] : [undefined];
  return ms.flatMap(method => sorted.map(h => ({ method, headers: h })));
}

/** A Kong Ingress path as the intent's, or why it cannot be one. */
function kongPathOf(p: any): PathIR | string {
  const path = p?.path ?? '/';
  const type = p?.pathType;
  if (typeof path !== 'string' || !path.startsWith('/')) return 'not an absolute path';
  if (type === 'ImplementationSpecific' && path.startsWith(REGEX_PATH_PREFIX)) {
    const re = path.slice(REGEX_PATH_PREFIX.length);
    // Kong anchors regex paths at the start; `$` ends them.
    const body = re.startsWith('^') ? re.slice(1) : re;
    if (body.endsWith('$') && !body.endsWith('\\$')) return { kind: 'RegularExpression', value: body.slice(0, -1) };
    return { kind: 'RegularExpression', value: `${body}.*` };
  }
  const trimmed = path.length > 1 ? path.replace(/\/+$/, '') || '/' : path;
  if (type === 'Exact') return { kind: 'Exact', value: path };
  if (type === 'Prefix') return { kind: 'Prefix', value: trimmed };
  return 'ImplementationSpecific paths are character-wise prefixes in Kong; use Prefix or Exact';
}

/** Header canaries, routes, TLS hosts and default backends of the Ingresses read, per IngressClass. */
function assemble(reads: readonly IngressRead[], ctx: Context, cls: string) {
  const names = new Names();
  const routes: RouteIR[] = [];
  const canaries: CanaryIR[] = [];
  const canaryOf = new Map<IngressRead, IngressRead>();
  for (const b of reads) {
    const stable = reads.find(a => a !== b && isHeaderCanary(a, b));
    if (stable) canaryOf.set(b, stable);
  }
  const routesOf = new Map<IngressRead, RouteIR[]>();
  for (const r of reads) {
    if (canaryOf.has(r) || r.entries.length === 0) continue;
    const groups = new Map<string, { host?: string; backend: BackendIR; paths: PathIR[] }>();
    for (const e of r.entries) {
      const key = JSON.stringify([e.host ?? '', e.backend.service, e.backend.port]);
      const g = groups.get(key) ?? { host: e.host, backend: e.backend, paths: [] };
      if (!g.paths.some(p => p.kind === e.path.kind && p.value === e.path.value)) g.paths.push(e.path);
      groups.set(key, g);
    }
    const list: RouteIR[] = [];
    for (const g of groups.values()) {
      const route: RouteIR = {
        source: r.source,
        name: names.next(`${r.o.metadata.name}`),
        namespace: r.namespace,
        hosts: g.host !== undefined ? [g.host] : [],
        matches: g.paths.flatMap(path => r.conditions.map(c => ({
          path, headers: c.headers, queryParams: [], ...(c.method ? { method: c.method } : {}),
        }))),
        // Settings read on the Service: the backend is that Service, handed over (serviceKnown).
        backends: [Object.keys(ctx.servicePolicies(g.backend)).length > 0 ? { ...g.backend, serviceKnown: true } : g.backend],
        policies: { ...ctx.servicePolicies(g.backend), ...withRedirect(r) },
        ...(r.refusesPlainHttp ? { protocols: 'https' as const } : r.plainHttpOnly ? { protocols: 'http' as const } : {}),
      };
      list.push(route);
    }
    // Several routes from one Ingress: each needs its own source (canaries name their route by it).
    if (list.length > 1) list.forEach((x, i) => { list[i] = { ...x, source: `${r.source} (${x.hosts[0] ?? '*'} -> ${x.backends[0].service}:${x.backends[0].port})` }; });
    routesOf.set(r, list);
    routes.push(...list);
  }
  for (const [b, a] of canaryOf) {
    const extra = b.conditions[0].headers.find(h => !a.conditions[0].headers.some(x => x.name === h.name))!;
    for (const route of routesOf.get(a) ?? []) {
      const host = route.hosts[0];
      const paths = b.entries.filter(e => e.host === host).map(e => e.path);
      const canaried = (m: MatchIR) => paths.some(p => p.kind === m.path.kind && p.value === m.path.value);
      const matchIndexes = route.matches.map((m, i) => (canaried(m) ? i : -1)).filter(i => i >= 0);
      if (matchIndexes.length === 0) continue;
      canaries.push({
        source: b.source,
        name: names.next(b.o.metadata.name),
        namespace: b.namespace,
        route: route.source,
        hosts: route.hosts,
        allHosts: true,
        matchIndexes,
        stable: route.backends[0],
        canary: b.entries[0].backend,
        traffic: { kind: 'header', name: extra.name, value: extra.value },
      });
    }
  }
  // TLS: one TlsHost per (namespace, host); redirected when every Ingress serving the host is HTTPS-only (redirecting or refusing).
  const tlsHosts: TlsHostIR[] = [];
  const seen = new Set<string>();
  for (const r of reads) {
    for (const t of r.tls) {
      const key = `${r.namespace}/${t.host}`;
      if (seen.has(key)) continue;
      seen.add(key);
      // A wildcard certificate also serves the one-label hosts under it that list it (same Secret).
      const serving = reads.filter(x => x.namespace === r.namespace && x.entries.some(e => e.host === t.host
        || (e.host !== undefined && wildcardCovers(t.host, e.host) && x.tls.some(y => y.host === e.host && y.secretName === t.secretName))));
      tlsHosts.push({
        mode: 'Terminate',
        source: r.source,
        name: names.next(`tls-${t.host.replace(/\*/g, 'wildcard')}`),
        hosts: [t.host],
        secretName: t.secretName,
        secretNamespace: r.namespace,
        managedCertificate: ctx.managed.has(`${r.namespace}/${t.secretName}`),
        // A route refusing plain HTTP (426) stands in for the redirect on its matches, as it replaces it on render.
        httpsRedirect: serving.length > 0 && serving.every(x => x.httpsRedirect !== undefined || x.refusesPlainHttp),
        hsts: serving.find(x => x.hsts)?.hsts,
      });
    }
  }
  const defaults = reads.filter(r => r.defaultBackend);
  const namespace = reads[0]?.namespace ?? ctx.defaultNs;
  const gateway = gatewayOf({
    source: `IngressClass ${cls}`,
    name: cls,
    namespace,
    routes,
    tlsHosts,
    canaries,
    defaultBackend: defaults[0]?.defaultBackend,
    defaultBackendSource: defaults[0]?.source,
  });
  return reads.length > 0 ? [gateway] : [];
}

/** The Ingress's policies with its HTTPS redirect (decided against TLS hosts by `normalize`). */
function withRedirect(r: IngressRead): PoliciesIR {
  // A fixed-URL redirect (the redirect plugin) on a redirecting TLS host: the 308 is the host's.
  if (r.httpsRedirect === undefined || r.policies.redirect?.url !== undefined) return r.policies;
  return { ...r.policies, redirect: { source: r.source, scheme: 'https', statusCode: r.httpsRedirect } };
}

/**
 * `b` is a header canary of `a`: same namespace and conditions plus one exact header, hosts and
 * paths among `a`'s, one backend each and different, and no policies on either (Kong's header
 * canaries copy no policy: canaryPolicyProblems), the same HTTPS redirect.
 */
function isHeaderCanary(a: IngressRead, b: IngressRead): boolean {
  if (a.namespace !== b.namespace || a.ownPolicies || b.ownPolicies) return false;
  if (a.httpsRedirect !== b.httpsRedirect || a.refusesPlainHttp !== b.refusesPlainHttp || a.plainHttpOnly !== b.plainHttpOnly) return false;
  if (a.entries.length === 0 || b.entries.length === 0) return false;
  if (a.conditions.length !== 1 || b.conditions.length !== 1) return false;
  const [ca, cb] = [a.conditions[0], b.conditions[0]];
  if (ca.method !== cb.method || cb.headers.length !== ca.headers.length + 1) return false;
  if (!ca.headers.every(h => cb.headers.some(x => x.name === h.name && x.value === h.value))) return false;
  const backends = (r: IngressRead) => new Set(r.entries.map(e => `${e.backend.service}:${e.backend.port}`));
  const [ba, bb] = [backends(a), backends(b)];
  if (ba.size !== 1 || bb.size !== 1 || [...ba][0] === [...bb][0]) return false;
  return b.entries.every(e => a.entries.some(x => x.host === e.host && x.path.kind === e.path.kind && x.path.value === e.path.value));
}

/** A copy without one key. */
export function without<T extends object, K extends keyof T>(o: T, key: K): T {
  const out = { ...o };
  delete out[key];
  return out;
}

/** The HTTPS-only redirects of a route entry (scheme https, nothing else changed). */
function httpsOnly(e: RouteEntry): boolean {
  const r = e.policies.redirect;
  return r !== undefined && r.scheme === 'https' && r.host === undefined && r.port === undefined && r.path === undefined;
}

/** See `KongIngressReader.normalize`. */
export function normalizeRedirects(table: RouteTable, policies: (p: PoliciesIR) => PoliciesIR): RouteTable {
  const exact = new Set(table.tls.map(t => t.host));
  // The TLS entry serving a route host: its own, else a wildcard one label up.
  const tlsHost = (host: string) => {
    if (exact.has(host)) return host;
    const dot = host.indexOf('.');
    return dot > 0 && exact.has(`*${host.slice(dot)}`) ? `*${host.slice(dot)}` : undefined;
  };
  const tls = table.tls.map((t): TlsEntry => {
    const serving = table.routes.filter(e => e.host !== '' && tlsHost(e.host) === t.host);
    return serving.length > 0 && serving.every(e => httpsOnly(e) || e.protocols === 'https') ? { ...t, httpsRedirect: true } : t;
  });
  const redirected = new Set(tls.filter(t => t.httpsRedirect).map(t => t.host));
  const routes = table.routes.map((e): RouteEntry => {
    let p = policies(e.policies);
    const t = e.host === '' ? undefined : tlsHost(e.host);
    if (t !== undefined && redirected.has(t) && httpsOnly(e) && e.policies.redirect!.statusCode === 308) p = without(p, 'redirect');
    return { ...e, policies: p };
  });
  return withoutListenerLayout({ ...table, routes, tls });
}
