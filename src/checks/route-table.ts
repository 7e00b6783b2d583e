import { IDEMPOTENT_METHODS, retriesAfterDelivery } from './retries';
import { hostPatternCovers, wildcardCovers } from '../core/hosts';
import { BackendIR, CanaryTrafficIR, GatewayIR, MatchIR, MirrorIR, RouteIR } from '../ir/model';
import { EdgeAuthIR, HeaderOpsIR, PoliciesIR, RetryCondition } from '../ir/policies';

/**
 * The semantic route table of a gateway: what it does, independent of how the intent was grouped
 * into constructs or objects. One entry per (namespace, host, match) a route serves, with its
 * backends, policies, canary and mirror; TLS per hostname; passthrough per hostname.
 *
 * Two gateways that serve the same requests the same way have equal tables (`tableKey`), whatever
 * their construct names, sources, route grouping or object names. This is the normal form of the
 * round trip (render -> read -> same table), of `report` and of `GatewayAssertions`.
 */
export interface RouteTable {
  readonly routes: readonly RouteEntry[];
  readonly tls: readonly TlsEntry[];
  readonly passthrough: readonly PassthroughEntry[];
  readonly defaultBackend?: BackendEntry;
  /** Strict SNI: handshakes without a known SNI are refused (GatewayIR.strictSni). */
  readonly strictSni?: true;
  /**
   * `per-host`: the owned Gateway listens for plain HTTP per hostname (`HttpListeners.PER_HOST`).
   * Requests are served the same way; it is carried so that a round trip proves the layout is
   * read back (controllers without listeners leave it out: `withoutListenerLayout`).
   */
  readonly httpListeners?: 'per-host';
}

/** The table of a controller without listeners (Ingress-based): the listener layout means nothing there. */
export function withoutListenerLayout(table: RouteTable): RouteTable {
  if (table.httpListeners === undefined) return table;
  const { httpListeners: _, ...rest } = table;
  return rest;
}

/** A backend, without the weight's scale: weights are reduced to their smallest integer ratio. */
export interface BackendEntry {
  readonly service: string;
  readonly namespace: string;
  readonly port: number;
  readonly weight: number;
  readonly tls?: { readonly hostname?: string; readonly ca?: string; readonly insecureSkipVerify?: true; readonly clientCertificateSecret?: string };
  /** The backend's own header changes (`Backend` headers), empty operations left out. */
  readonly headers?: { readonly request?: HeaderOpsEntry; readonly response?: HeaderOpsEntry };
}

/** Header operations without empty lists. */
export interface HeaderOpsEntry {
  readonly set?: HeaderOpsIR['set'];
  readonly add?: HeaderOpsIR['add'];
  readonly remove?: HeaderOpsIR['remove'];
}

export interface RouteEntry {
  /** The routing object's namespace. */
  readonly namespace: string;
  /** One hostname, or '' for a route that serves every host of the gateway. */
  readonly host: string;
  readonly match: MatchIR;
  /** Sorted by namespace, service, port. Empty for a redirect or a direct response. */
  readonly backends: readonly BackendEntry[];
  /** The policies in force, without `source`. */
  readonly policies: PoliciesIR;
  readonly canary?: { readonly backend: BackendEntry; readonly traffic: CanaryTrafficIR };
  readonly mirror?: { readonly backend: BackendEntry; readonly percent: number };
  /** The name of the rule serving it (Gateway API `rules[].name`). */
  readonly ruleName?: string;
  /** The route's own mirrors (`Route.mirrors`), sorted. */
  readonly mirrors?: ReadonlyArray<{ readonly backend: BackendEntry; readonly percent: number }>;
  /** `https`: plain HTTP refused (`RouteProtocols.HTTPS_ONLY`); `http`: plain HTTP only (`RouteProtocols.HTTP_ONLY`). */
  readonly protocols?: 'https' | 'http';
  /** The gateway's own answer (`Route.respond`): status, and body with its content type. */
  readonly directResponse?: { readonly statusCode: number; readonly body?: string; readonly contentType?: string };
}

export interface TlsEntry {
  readonly host: string;
  /** `namespace/name` of the certificate Secret. */
  readonly secret: string;
  readonly managedCertificate: boolean;
  readonly httpsRedirect: boolean;
  readonly hsts?: { readonly maxAgeSeconds: number; readonly includeSubdomains: boolean; readonly preload: boolean };
  readonly minTlsVersion?: string;
  readonly clientAuth?: { readonly required: boolean; readonly ca: string; readonly additionalCas?: readonly string[] };
  readonly cipherSuites?: readonly string[];
  readonly sessionTickets?: boolean;
}

export interface PassthroughEntry {
  readonly host: string;
  readonly backend: BackendEntry;
}

/** The route table of one gateway. */
export function routeTable(ir: GatewayIR): RouteTable {
  return routeTableOf([ir]);
}

/**
 * The route table of several gateways read as one (e.g. a reader that found one gateway per
 * namespace for what was rendered from one ApiGateway). Entries are sorted and de-duplicated.
 */
export function routeTableOf(gateways: readonly GatewayIR[]): RouteTable {
  const routes: RouteEntry[] = [];
  const tls: TlsEntry[] = [];
  const passthrough: PassthroughEntry[] = [];
  let defaultBackend: BackendEntry | undefined;
  let httpListeners: 'per-host' | undefined;
  let strictSni: true | undefined;
  for (const ir of gateways) {
    // Without a hostname the per-host layout is the one listener without a hostname: the same Gateway.
    if (ir.routes.some(r => r.hosts.length > 0) || ir.tlsHosts.length > 0) httpListeners ??= ir.httpListeners;
    if (ir.strictSni) strictSni = true;
    const routesBySource = new Map(ir.routes.map(r => [r.source, r]));
    // Several canaries may split one (host, match): each header canary is a route of its own,
    // at most one other canary (weights, mirroring, a header-presence or cookie rule) stays on it.
    const canaryOf = new Map<string, CanaryAt[]>();
    for (const c of ir.canaries) {
      const route = routesBySource.get(c.route);
      if (!route) continue;
      const hosts = c.allHosts ? hostsOf(route) : c.hosts;
      for (const host of hosts) {
        for (const i of c.matchIndexes) {
          const key = entryKey(route.namespace, host, route.matches[i]);
          const entry = { backend: backendEntry(c.canary, 1), canary: c.canary, traffic: c.traffic, mirror: c.mirror };
          canaryOf.set(key, [...canaryOf.get(key) ?? [], entry]);
        }
      }
    }
    for (const route of ir.routes) {
      for (const host of hostsOf(route)) {
        for (const match of route.matches) {
          const canaries = canaryOf.get(entryKey(route.namespace, host, match)) ?? [];
          let onEntry: CanaryAt | undefined;
          for (const canary of canaries) {
            const split = headerRoute(match, canary);
            // A header canary without mirror is a more specific route to the canary backend, with
            // the stable route's policies: the same requests are served the same way.
            if (split) routes.push(routeEntry({ ...route, backends: [canary.canary] }, host, split));
            else onEntry = canary;
          }
          routes.push(routeEntry(route, host, match, onEntry));
        }
      }
    }
    for (const t of ir.tlsHosts) {
      for (const host of t.hosts) {
        tls.push(strip({
          host,
          secret: `${t.secretNamespace}/${t.secretName}`,
          managedCertificate: t.managedCertificate,
          httpsRedirect: t.httpsRedirect,
          hsts: t.hsts,
          minTlsVersion: t.minTlsVersion,
          clientAuth: t.clientAuth ? strip({
            required: t.clientAuth.required,
            ca: `${t.clientAuth.ca.kind}/${t.clientAuth.ca.name}`,
            additionalCas: t.clientAuth.additionalCas?.map(c => `${c.kind}/${c.name}`),
          }) : undefined,
          cipherSuites: t.cipherSuites,
          sessionTickets: t.sessionTickets,
        }));
      }
    }
    for (const p of ir.passthroughHosts) {
      for (const host of p.hosts) passthrough.push({ host, backend: backendEntry(p.backend, 1) });
    }
    if (ir.defaultBackend) defaultBackend = backendEntry(ir.defaultBackend, 1);
  }
  return strip({
    routes: uniqueSorted(routes),
    tls: uniqueSorted(withoutCoveredHosts(tls.map(t => (!t.httpsRedirect && redirectedAsAWhole(t.host, routes) ? { ...t, httpsRedirect: true } : t))),
    ),
    passthrough: uniqueSorted(passthrough),
    defaultBackend,
    httpListeners,
    strictSni,
  });
}

/** A canonical text of a table (or any entry): equal texts, equal meaning. */
export function tableKey(value: unknown): string {
  return canonicalJson(value);
}

/** The differences between two tables, as human-readable lines ('-' only in `a`, '+' only in `b`). */
export function tableDiff(a: RouteTable, b: RouteTable): string[] {
  const lines: string[] = [];
  const side = (name: string, xs: readonly unknown[], ys: readonly unknown[]) => {
    const left = new Set(xs.map(canonicalJson));
    const right = new Set(ys.map(canonicalJson));
    for (const x of left) if (!right.has(x)) lines.push(`- ${name} ${x}`);
    for (const y of right) if (!left.has(y)) lines.push(`+ ${name} ${y}`);
  };
  side('route', a.routes, b.routes);
  side('tls', a.tls, b.tls);
  side('passthrough', a.passthrough, b.passthrough);
  side('defaultBackend', a.defaultBackend ? [a.defaultBackend] : [], b.defaultBackend ? [b.defaultBackend] : []);
  side('httpListeners', a.httpListeners ? [a.httpListeners] : [], b.httpListeners ? [b.httpListeners] : []);
  side('strictSni', a.strictSni ? [true] : [], b.strictSni ? [true] : []);
  return lines;
}

/**
 * Whether the routes of `host` redirect its plain-HTTP requests to HTTPS themselves (their own
 * redirect, keeping host, port and path): one on a catch-all match (see `routeRedirectOver` in
 * controllers/common/tls.ts), or every route serving the host. A TlsHost's `httpsRedirect` then
 * changes nothing for the requests the host routes.
 */
function redirectedAsAWhole(host: string, routes: readonly RouteEntry[]): boolean {
  const serving = routes.filter(r => r.host === '' || hostPatternCovers(r.host, host));
  const toHttps = (r: RouteEntry) => {
    const red = r.policies.redirect;
    return red !== undefined && red.scheme === 'https' && !red.host && !red.path && red.port === undefined;
  };
  const catchAll = (r: RouteEntry) => r.match.path.kind === 'Prefix' && r.match.path.value === '/' && r.match.headers.length === 0 && r.match.queryParams.length === 0 && !r.match.method;
  return serving.some(r => toHttps(r) && catchAll(r)) || (serving.length > 0 && serving.every(toHttps));
}

/**
 * A host served with the same certificate and settings as a one-label wildcard entry covering it
 * says nothing more (Ingress-based controllers list each served host in `spec.tls`, where the
 * intent named the wildcard).
 */
function withoutCoveredHosts(tls: readonly TlsEntry[]): TlsEntry[] {
  const settings = (t: TlsEntry) => canonicalJson({ ...t, host: undefined });
  const wildcards = tls.filter(t => t.host.startsWith('*.')).map(t => ({ host: t.host, settings: settings(t) }));
  if (wildcards.length === 0) return [...tls];
  return tls.filter(t => t.host.startsWith('*.') || !wildcards.some(w => wildcardCovers(w.host, t.host) && w.settings === settings(t)));
}

function hostsOf(route: RouteIR): readonly string[] {
  return route.hosts.length > 0 ? route.hosts : [''];
}

function entryKey(namespace: string, host: string, match: MatchIR): string {
  return canonicalJson([namespace, host, match]);
}

interface CanaryAt { readonly backend: BackendEntry; readonly canary: BackendIR; readonly traffic: CanaryTrafficIR; readonly mirror?: MirrorIR }

/** The match of a header canary's requests, when it can stand as a route of its own. */
function headerRoute(match: MatchIR, canary: CanaryAt): MatchIR | undefined {
  const t = canary.traffic;
  if (t.kind !== 'header' || canary.mirror || match.headers.some(h => h.name.toLowerCase() === t.name)) return undefined;
  const headers = [...match.headers, { name: t.name, kind: 'Exact' as const, value: t.value }]
    .sort((a, b) => compare(a.name.toLowerCase(), b.name.toLowerCase()));
  return { ...match, headers };
}

function routeEntry(route: RouteIR, host: string, match: MatchIR, canary?: CanaryAt): RouteEntry {
  // A weighted canary of a one-backend route is a weighted split between the two backends: the
  // same requests go to the same places whether it was declared as backends with weights or as
  // a CanarySplit (a Traefik weighted TraefikService, Gateway API backendRefs weights).
  const split = canary && canary.traffic.kind === 'weight' && route.backends.length === 1
    ? mergeBackends([{ ...route.backends[0], weight: canary.traffic.stable }, { ...canary.canary, weight: canary.traffic.canary }])
    : undefined;
  const own = split ?? route.backends;
  const divisor = gcdOf(own.map(b => b.weight));
  const backends = own.map(b => backendEntry(b, divisor)).sort((x, y) => compare(canonicalJson(x), canonicalJson(y)));
  return strip({
    namespace: route.namespace,
    host,
    match,
    backends,
    policies: normalPolicies(withoutSource(route.policies) as PoliciesIR, route.backends.length > 0 && route.backends.every(b => b.tls), match),
    canary: canary && !split ? { backend: canary.backend, traffic: reduceTraffic(canary.traffic) } : undefined,
    // The mirror of a weighted canary folded into a split copies every request of the entry:
    // the split's own mirror, as the route's mirrors are.
    mirror: canary?.mirror && !split ? { backend: backendEntry(canary.mirror.backend, 1), percent: canary.mirror.percent } : undefined,
    mirrors: mirrorEntries([...(route.mirrors ?? []), ...(split && canary?.mirror ? [canary.mirror] : [])]),
    ruleName: route.ruleName,
    protocols: route.protocols,
    directResponse: route.directResponse ? { ...route.directResponse } : undefined,
  });
}

/**
 * Policies with documented defaults spelled out or left out compare equal: `backendProtocol`
 * HTTP (the default) and WEBSOCKET (HTTP/1.1 with upgrades, what every controller that supports
 * it proxies by default) are the absence of a protocol, and so is HTTPS to backends that all have
 * `tls` (re-encryption is HTTPS); a session cookie's path '/' is the
 * documented default path. `gateway-error` is status 502, 503 or 504, whether named or listed
 * as codes; `5xx` covers `gateway-error` and every listed 5xx status. Retrying non-idempotent
 * methods (`nonIdempotent`) means nothing when the retries never repeat a delivered request
 * (connection failures only) or the match admits one idempotent method only. External auth URLs compare in a
 * normal form (`normalAuth`).
 */
const GATEWAY_ERRORS: readonly number[] = [502, 503, 504];
const CORS_BROWSER_MAX_AGE_SECONDS = 5;

function normalPolicies(p: PoliciesIR, reencrypted: boolean, match: MatchIR): PoliciesIR {
  let out = p;
  const implied = (proto: string) => proto === 'HTTP' || proto === 'WEBSOCKET' || (proto === 'HTTPS' && reencrypted);
  if (p.backendProtocol && implied(p.backendProtocol.protocol)) {
    const { backendProtocol: _, ...rest } = out;
    out = rest;
  }
  if (p.sessionAffinity?.path === '/') {
    const { path: _, ...rest } = p.sessionAffinity;
    out = { ...out, sessionAffinity: rest as PoliciesIR['sessionAffinity'] };
  }
  if (p.retries) {
    let conditions: RetryCondition[] = [...p.retries.conditions];
    let statusCodes = [...p.retries.statusCodes];
    if (GATEWAY_ERRORS.every(c => statusCodes.includes(c))) conditions.push('gateway-error');
    if (conditions.includes('gateway-error')) statusCodes = statusCodes.filter(c => !GATEWAY_ERRORS.includes(c));
    // `5xx` covers `gateway-error` and every listed 5xx status.
    if (conditions.includes('5xx')) {
      conditions = conditions.filter(c => c !== 'gateway-error');
      statusCodes = statusCodes.filter(c => c < 500 || c > 599);
    }
    conditions = [...new Set(conditions)].sort();
    const { nonIdempotent, ...retries } = p.retries;
    const idempotentMatch = match.method !== undefined && IDEMPOTENT_METHODS.includes(match.method);
    const matters = nonIdempotent === true && retriesAfterDelivery(p.retries) && !idempotentMatch;
    out = { ...out, retries: { ...retries, conditions, statusCodes, ...(matters ? { nonIdempotent } : {}) } };
  }
  if (p.auth) out = { ...out, auth: normalAuth(p.auth) };
  // ReplacePrefixMatch ignores a trailing '/' of the new prefix ('/v2/' is '/v2').
  const rw = p.rewrite?.path;
  if (rw?.kind === 'prefix' && rw.value.length > 1 && rw.value.endsWith('/')) {
    out = { ...out, rewrite: { ...p.rewrite!, path: { ...rw, value: rw.value.replace(/\/+$/, '') || '/' } } };
  }
  // An unset CORS maxAge means no Access-Control-Max-Age header: browsers then cache a preflight
  // for 5 seconds, what an explicit 5 says (ingress-nginx renders it, having a default of its own).
  if (p.cors?.maxAgeSeconds === CORS_BROWSER_MAX_AGE_SECONDS) {
    const { maxAgeSeconds: _, ...rest } = p.cors;
    out = { ...out, cors: rest as PoliciesIR['cors'] };
  }
  // A rate limit's concurrentConnections is the requests in progress per client address: the
  // same limit as ConcurrencyLimit.perClientIp() (the intent allows one of the two on a route).
  // Beside a per-host or per-route concurrency limit it stays where it is: the table carries both.
  const connections = p.rateLimit?.concurrentConnections;
  if (connections !== undefined && p.concurrencyLimit === undefined) {
    const { concurrentConnections: _, ...rateLimit } = p.rateLimit!;
    const hops = p.rateLimit!.clientIpHops;
    // Sources are already stripped here (withoutSource).
    const concurrencyLimit = { key: 'clientIp', maxRequests: connections, ...(hops ? { clientIpHops: hops } : {}) } as PoliciesIR['concurrencyLimit'];
    out = { ...out, rateLimit, concurrencyLimit };
  }
  return out;
}

/**
 * Authentication in a normal form: an in-cluster auth URL names its Service by its full DNS name
 * and port (`http://auth.auth.svc:8080/` and `http://auth.auth.svc.cluster.local:8080/` are one
 * service), an https URL leaves out port 443, the path defaults to '/'.
 */
function normalAuth(a: EdgeAuthIR): EdgeAuthIR {
  if (a.kind !== 'external') return a;
  const svc = /^http:\/\/([a-z0-9-]+)\.([a-z0-9-]+)\.svc(\.cluster\.local)?(:(\d{1,5}))?(\/[^?#]*)?$/.exec(a.url);
  if (svc) return { ...a, url: `http://${svc[1]}.${svc[2]}.svc.cluster.local:${svc[5] ?? 80}${svc[6] ?? '/'}` };
  const https = /^https:\/\/([a-z0-9.-]+)(:(\d{1,5}))?(\/[^?#]*)?$/.exec(a.url);
  if (https) return { ...a, url: `https://${https[1]}${https[3] && https[3] !== '443' ? `:${https[3]}` : ''}${https[4] ?? '/'}` };
  return a;
}

function mirrorEntries(mirrors: readonly MirrorIR[]): RouteEntry['mirrors'] {
  if (mirrors.length === 0) return undefined;
  return mirrors.map(m => ({ backend: backendEntry(m.backend, 1), percent: m.percent })).sort((x, y) => compare(canonicalJson(x), canonicalJson(y)));
}

/** Backends naming the same Service port (and TLS) once, their weights added. */
function mergeBackends(backends: readonly BackendIR[]): BackendIR[] {
  const byKey = new Map<string, BackendIR>();
  for (const b of backends) {
    const key = canonicalJson({ ...b, weight: undefined });
    const prior = byKey.get(key);
    byKey.set(key, prior ? { ...prior, weight: prior.weight + b.weight } : b);
  }
  return [...byKey.values()];
}

function backendEntry(b: BackendIR, divisor: number): BackendEntry {
  return strip({
    service: b.service,
    namespace: b.namespace,
    port: b.port,
    weight: divisor > 0 ? b.weight / divisor : b.weight,
    tls: b.tls ? strip({ hostname: b.tls.hostname, ca: b.tls.ca ? `${b.tls.ca.kind}/${b.tls.ca.name}` : undefined, insecureSkipVerify: b.tls.insecureSkipVerify, clientCertificateSecret: b.tls.clientCertificateSecret }) : undefined,
    headers: b.headers && (opsEntry(b.headers.request) || opsEntry(b.headers.response))
      ? strip({ request: opsEntry(b.headers.request), response: opsEntry(b.headers.response) }) : undefined,
  });
}

function opsEntry(ops: HeaderOpsIR | undefined): HeaderOpsEntry | undefined {
  if (!ops || ops.set.length + ops.add.length + ops.remove.length === 0) return undefined;
  return strip({
    set: ops.set.length > 0 ? ops.set : undefined,
    add: ops.add.length > 0 ? ops.add : undefined,
    remove: ops.remove.length > 0 ? ops.remove : undefined,
  });
}

/** Weights as their smallest integer ratio (90/10 and 9/1 mean the same split). */
function reduceTraffic(t: CanaryTrafficIR): CanaryTrafficIR {
  if (t.kind !== 'weight') return t;
  const d = gcdOf([t.stable, t.canary]);
  return d > 0 ? { kind: 'weight', stable: t.stable / d, canary: t.canary / d } : t;
}

function gcdOf(ns: readonly number[]): number {
  const gcd = (a: number, b: number): number => (b === 0 ? a : gcd(b, a % b));
  return ns.reduce((acc, n) => gcd(acc, Math.abs(n)), 0);
}

/** A deep copy without `source` keys (construct paths differ between a program and its reading). */
export function withoutSource(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(withoutSource);
  if (value !== null && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) {
      if (k === 'source' || v === undefined) continue;
      out[k] = withoutSource(v);
    }
    return out;
  }
  return value;
}

/** Removes undefined-valued keys (shallow), so that absent and undefined compare equal. */
function strip<T extends object>(o: T): T {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(o)) if (v !== undefined) out[k] = v;
  return out as T;
}

function uniqueSorted<T>(xs: readonly T[]): T[] {
  const byKey = new Map<string, T>();
  for (const x of xs) byKey.set(canonicalJson(x), x);
  return [...byKey.keys()].sort(compare).map(k => byKey.get(k)!);
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** JSON with object keys sorted at every level and undefined values dropped. */
function canonicalJson(value: unknown): string {
  return JSON.stringify(value, (_k, v) => {
    if (v !== null && typeof v === 'object' && !Array.isArray(v)) {
      const sorted: Record<string, unknown> = {};
      for (const k of Object.keys(v).sort()) if (v[k] !== undefined) sorted[k] = v[k];
      return sorted;
    }
    return v;
  });
}
