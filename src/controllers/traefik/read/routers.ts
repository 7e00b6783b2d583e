import { MiddlewareRead, MutablePolicies, readMiddleware } from './middlewares';
import { RuleRead } from './rule';
import { hostPatternCovers } from '../../../core/hosts';
import { BackendHeadersIR, BackendIR, CanaryIR, CanaryTrafficIR, HstsIR, MatchIR, MirrorIR, PassthroughIR, RouteIR, TlsHostIR, TlsVersionIR } from '../../../ir/model';
import { BackendProtocolIR, HeaderOpsIR, PoliciesIR } from '../../../ir/policies';
import { gatewayOf, isRecord, ItemLog, managedSecrets, namespaceOf, Names } from '../../common/read';
import { KubeObject } from '../../reader';
import { CLIENT_AUTH_TYPES, CRD_PROVIDER, DEFAULT_BACKEND_PRIORITY, GO_CIPHER_SUITES, KINDS, NOOP_SERVICE, SERVER_SCHEMES, TLS_VERSIONS, TRAEFIK_API_VERSION } from '../constants';

/**
 * The routers both Traefik readers find (IngressRoute `routes[]` entries, Ingress paths), read
 * into routes, canaries, TLS hosts and the default backend. Traefik objects of one read share
 * this context: Middlewares, TraefikServices, ServersTransports and TLSOptions by namespace/name.
 */
export class TraefikContext {
  public readonly managed: Set<string>;
  private readonly byKind = new Map<string, KubeObject>();
  private readonly middlewareReads = new Map<KubeObject, MiddlewareRead>();
  /** Objects some router (or TraefikService) referenced. */
  public readonly referenced = new Set<KubeObject>();

  constructor(public readonly objects: readonly KubeObject[], public readonly defaultNs: string, public readonly log: ItemLog) {
    this.managed = managedSecrets(objects, defaultNs);
    for (const o of objects) {
      if (isTraefik(o)) this.byKind.set(`${o.kind}/${namespaceOf(o, defaultNs)}/${o.metadata.name}`, o);
    }
  }

  public get(kind: string, namespace: string, name: string): KubeObject | undefined {
    const o = this.byKind.get(`${kind}/${namespace}/${name}`);
    if (o) this.referenced.add(o);
    return o;
  }

  /** A Middleware (or another `kind`) by its `<namespace>-<name>@kubernetescrd` reference (Ingress and Service annotations). */
  public byCrdReference(ref: string, kind: string = KINDS.middleware): KubeObject | undefined {
    const [id, provider] = ref.split('@');
    if (provider !== undefined && provider !== CRD_PROVIDER) return undefined;
    for (const [key, o] of this.byKind) {
      if (key.startsWith(`${kind}/`) && `${namespaceOf(o, this.defaultNs)}-${o.metadata.name}` === id) { this.referenced.add(o); return o; }
    }
    return undefined;
  }

  public middleware(o: KubeObject): MiddlewareRead {
    let r = this.middlewareReads.get(o);
    if (!r) {
      r = readMiddleware(o, this.log);
      this.middlewareReads.set(o, r);
    }
    return r;
  }
}

export function isTraefik(o: KubeObject): boolean {
  return o.apiVersion === TRAEFIK_API_VERSION || o.apiVersion === 'traefik.containo.us/v1alpha1';
}

/** What a router forwards to. */
export interface ServiceRead {
  readonly backends: BackendIR[];
  readonly noop?: boolean;
  readonly protocol?: BackendProtocolIR['protocol'];
  readonly affinity?: PoliciesIR['sessionAffinity'];
  readonly connectMs?: number;
  /** A weighted TraefikService of two services: the second is a canary. */
  readonly split?: { readonly stable: BackendIR; readonly canary: BackendIR; readonly stableWeight: number; readonly canaryWeight: number };
  readonly mirror?: MirrorIR;
  /** Every mirror of a mirroring TraefikService (`mirror` is the only one, when there is one). */
  readonly mirrors?: MirrorIR[];
}

/** One router as read. */
export interface Router {
  readonly o: KubeObject;
  readonly field: string;
  readonly namespace: string;
  /** HTTPS router (a TLS section / router.tls). */
  readonly tls: boolean;
  readonly secretName?: string;
  readonly tlsOption?: KubeObject;
  readonly rule: RuleRead;
  /** The rule as written (an IngressRoute's `match`), for what cannot move. */
  readonly match?: string;
  readonly priority?: number;
  readonly middlewares: readonly MiddlewareRead[];
  readonly service: ServiceRead;
}

/** Milliseconds of a Go duration (`30s`, `500ms`, `1m`), or undefined. */
export function goMs(v: unknown): number | undefined {
  const m = /^(\d+)(ms|s|m)$/.exec(String(v));
  if (!m) return undefined;
  return Number(m[1]) * (m[2] === 'ms' ? 1 : m[2] === 's' ? 1000 : 60_000);
}

/** A services[] entry (Service kind) as a backend and its per-service settings. */
export function readService(s: any, namespace: string, ctx: TraefikContext, o: KubeObject, field: string): ServiceRead | undefined {
  const { log } = ctx;
  if (!isRecord(s) || typeof s.name !== 'string') { log.unmapped(o, field, s, 'not a service reference'); return undefined; }
  const ns = typeof s.namespace === 'string' ? s.namespace : namespace;
  if (s.kind === KINDS.traefikService) {
    if (s.name === NOOP_SERVICE) { log.mapped(o, field, s.name, 'a route without backend (its redirect answers)'); return { backends: [], noop: true }; }
    const ts = ctx.get(KINDS.traefikService, ns, s.name);
    if (!ts) { log.unmapped(o, field, s.name, `TraefikService '${s.name}' is not among the objects read`); return undefined; }
    log.mapped(o, field, s.name, 'Route.backends (through a TraefikService)');
    return readTraefikService(ts, ctx);
  }
  if (typeof s.port !== 'number') { log.unmapped(o, `${field}.port`, s.port, 'named ports need the Service; use a port number'); return undefined; }
  let backend: BackendIR = { service: s.name, namespace: ns, port: s.port, weight: typeof s.weight === 'number' ? s.weight : 1 };
  let protocol: ServiceRead['protocol'];
  let connectMs: number | undefined;
  log.mapped(o, field, `${s.name}:${s.port}`, 'Route.backends');
  if (s.weight !== undefined) log.mapped(o, `${field}.weight`, s.weight, 'Route.backends (weight)');
  const transport = typeof s.serversTransport === 'string' ? ctx.get(KINDS.serversTransport, ns, s.serversTransport) : undefined;
  if (s.serversTransport !== undefined && !transport) log.unmapped(o, `${field}.serversTransport`, s.serversTransport, 'ServersTransport not among the objects read');
  if (transport) {
    const t = readTransport(transport, ctx);
    connectMs = t.connectMs;
    if (t.tls) backend = { ...backend, tls: t.tls };
    log.mapped(o, `${field}.serversTransport`, s.serversTransport, t.tls ? 'BackendTls' : 'Route.timeouts (connect)');
  }
  if (s.scheme === SERVER_SCHEMES.https) {
    if (!backend.tls) protocol = 'HTTPS';
    log.mapped(o, `${field}.scheme`, s.scheme, backend.tls ? 'BackendTls' : 'Route.backendProtocol (HTTPS)');
  } else if (s.scheme === SERVER_SCHEMES.h2c) {
    protocol = 'H2C';
    log.mapped(o, `${field}.scheme`, s.scheme, 'Route.backendProtocol (H2C / GRPC)');
  } else if (s.scheme !== undefined && s.scheme !== 'http') {
    log.unmapped(o, `${field}.scheme`, s.scheme, 'unknown scheme');
  }
  let affinity: ServiceRead['affinity'];
  if (s.sticky !== undefined) {
    const c = s.sticky?.cookie;
    if (isRecord(c) && typeof c.name === 'string' && Object.keys(c).every(k => ['name', 'secure', 'httpOnly', 'sameSite', 'maxAge', 'path'].includes(k))) {
      affinity = {
        source: log.ref(o),
        cookieName: c.name,
        secure: c.secure === true,
        httpOnly: c.httpOnly === true,
        sameSite: c.sameSite,
        ttlSeconds: typeof c.maxAge === 'number' ? c.maxAge : undefined,
        path: c.path,
      };
      log.mapped(o, `${field}.sticky`, s.sticky, 'Route.sessionAffinity');
    } else {
      log.unmapped(o, `${field}.sticky`, s.sticky, 'a named cookie (name, secure, httpOnly, sameSite, maxAge, path) is modelled');
    }
  }
  if (s.middlewares !== undefined) {
    const headers = serviceHeaders(s.middlewares, ns, ctx, o, `${field}.middlewares`);
    if (headers) backend = { ...backend, headers };
  }
  for (const k of Object.keys(s)) {
    if (!['name', 'port', 'namespace', 'kind', 'weight', 'scheme', 'serversTransport', 'sticky', 'middlewares'].includes(k)) log.unmapped(o, `${field}.${k}`, s[k], `service '${k}' is not modelled`);
  }
  return { backends: [backend], protocol, connectMs, affinity };
}

/** A service's own middlewares (Traefik v3.7): headers Middlewares are the backend's header rules; anything else is unmapped. */
function serviceHeaders(refs: unknown, ns: string, ctx: TraefikContext, o: KubeObject, field: string): BackendHeadersIR | undefined {
  const { log } = ctx;
  if (!Array.isArray(refs)) { log.unmapped(o, field, refs, 'not a list of Middleware references'); return undefined; }
  let headers: { request?: HeaderOpsIR; response?: HeaderOpsIR } | undefined;
  refs.forEach((m: any, j: number) => {
    const at = `${field}[${j}]`;
    const mo = typeof m?.name === 'string' ? ctx.get(KINDS.middleware, typeof m.namespace === 'string' ? m.namespace : ns, m.name) : undefined;
    if (!mo) { log.unmapped(o, at, m?.name, 'Middleware not among the objects read'); return; }
    const read = ctx.middleware(mo);
    const h = read.policies.headers;
    const only = !read.failed && Object.keys(read.policies).length === 1 && h && !read.hsts;
    if (!only || (headers?.request && h.request) || (headers?.response && h.response)) {
      log.unmapped(o, at, m.name, 'a service middleware other than one headers Middleware per side (a backend\'s own header rules) is not modelled');
      return;
    }
    headers = { ...headers, ...(h.request ? { request: h.request } : {}), ...(h.response ? { response: h.response } : {}) };
    log.mapped(o, at, m.name, 'Backend headers (HeaderRules)');
  });
  return headers;
}

export function readTransport(o: KubeObject, ctx: TraefikContext): { connectMs?: number; tls?: BackendIR['tls'] } {
  const spec = isRecord(o.spec) ? o.spec : {};
  const { log } = ctx;
  let connectMs: number | undefined;
  let tls: BackendIR['tls'];
  const insecure = spec.insecureSkipVerify === true;
  if (insecure) {
    tls = typeof spec.serverName === 'string' ? { hostname: spec.serverName, insecureSkipVerify: true } : { insecureSkipVerify: true };
    log.mapped(o, 'spec.insecureSkipVerify', true, 'BackendTls.insecureSkipVerify()');
  }
  for (const k of Object.keys(spec)) {
    if (k === 'insecureSkipVerify') {
      if (!insecure) log.mapped(o, 'spec.insecureSkipVerify', spec[k], 'nothing (verified, the default)');
    } else if (insecure && k === 'serverName' && typeof spec[k] === 'string') {
      log.mapped(o, 'spec.serverName', spec[k], 'BackendTls.insecureSkipVerify() serverName (SNI only)');
    } else if (insecure && k === 'rootCAs') {
      log.unmapped(o, 'spec.rootCAs', spec[k], 'Traefik ignores the CAs when insecureSkipVerify is true');
    } else if (k === 'certificatesSecrets') {
      // Read after the loop: the client certificate joins whichever tls the transport has.
    } else if (k === 'forwardingTimeouts' && isRecord(spec[k])) {
      for (const t of Object.keys(spec[k])) {
        const ms = t === 'dialTimeout' ? goMs(spec[k][t]) : undefined;
        if (ms !== undefined) { connectMs = ms; log.mapped(o, `spec.forwardingTimeouts.${t}`, spec[k][t], 'Route.timeouts (connect)'); } else {log.unmapped(o, `spec.forwardingTimeouts.${t}`, spec[k][t], 'only the dial (connect) timeout is modelled on Traefik');}
      }
    } else if (k === 'serverName' && typeof spec[k] === 'string') {
      const roots = Array.isArray(spec.rootCAs) ? spec.rootCAs : [];
      const ca = roots.length === 1 && typeof roots[0]?.secret === 'string' ? { kind: 'Secret' as const, name: roots[0].secret }
        : roots.length === 1 && typeof roots[0]?.configMap === 'string' ? { kind: 'ConfigMap' as const, name: roots[0].configMap } : undefined;
      tls = { hostname: spec[k], ca };
      log.mapped(o, 'spec.serverName', spec[k], 'BackendTls hostname');
    } else if (k === 'rootCAs') {
      if (spec.serverName === undefined || !Array.isArray(spec[k]) || spec[k].length !== 1) log.unmapped(o, 'spec.rootCAs', spec[k], 'one CA (Secret or ConfigMap) with a serverName is modelled');
      else log.mapped(o, 'spec.rootCAs', spec[k], 'BackendTls ca');
    } else {
      log.unmapped(o, `spec.${k}`, spec[k], `ServersTransport '${k}' is not modelled`);
    }
  }
  const certs = spec.certificatesSecrets;
  if (certs !== undefined) {
    if (tls && Array.isArray(certs) && certs.length === 1 && typeof certs[0] === 'string') {
      tls = { ...tls, clientCertificateSecret: certs[0] };
      log.mapped(o, 'spec.certificatesSecrets', certs, 'BackendTls clientCertificateSecret');
    } else {
      log.unmapped(o, 'spec.certificatesSecrets', certs, 'one client certificate Secret of a transport with a serverName or insecureSkipVerify is modelled');
    }
  }
  return { connectMs, tls };
}

function readTraefikService(o: KubeObject, ctx: TraefikContext): ServiceRead | undefined {
  const ns = namespaceOf(o, ctx.defaultNs);
  const spec = isRecord(o.spec) ? o.spec : {};
  if (isRecord(spec.weighted) && Array.isArray(spec.weighted.services)) {
    const parts = spec.weighted.services.map((s: any, i: number) => readService(s, ns, ctx, o, `spec.weighted.services[${i}]`));
    if (parts.some((p: ServiceRead | undefined) => !p || p.backends.length !== 1 || p.split || p.mirror)) return undefined;
    const first = parts[0] as ServiceRead;
    const backends = (parts as ServiceRead[]).map(p => p.backends[0]);
    if (backends.length === 2) {
      const [stable, canary] = backends;
      return {
        ...first,
        backends: [{ ...stable, weight: 1 }],
        split: { stable: { ...stable, weight: 1 }, canary: { ...canary, weight: 1 }, stableWeight: stable.weight, canaryWeight: canary.weight },
      };
    }
    return { ...first, backends };
  }
  if (isRecord(spec.mirroring)) {
    const { mirrors, ...main } = spec.mirroring;
    const m = readService(main, ns, ctx, o, 'spec.mirroring');
    const list = Array.isArray(mirrors) ? mirrors : [];
    if (!m || list.length === 0 || list.some(x => typeof x?.percent !== 'number')) {
      ctx.log.unmapped(o, 'spec.mirroring.mirrors', mirrors, 'mirrors with a percent each are modelled');
      return undefined;
    }
    const read: MirrorIR[] = [];
    for (const [i, x] of list.entries()) {
      const { percent, ...target } = x;
      const mirrored = readService(target, ns, ctx, o, `spec.mirroring.mirrors[${i}]`);
      if (!mirrored || mirrored.backends.length !== 1) return undefined;
      ctx.log.mapped(o, `spec.mirroring.mirrors[${i}].percent`, percent, 'Route.mirrors or CanarySplit.mirror percent');
      read.push({ backend: { ...mirrored.backends[0], weight: 1 }, percent });
    }
    // One mirror may be a canary's (CanarySplit.mirror); several are the route's own.
    return { ...m, ...(read.length === 1 ? { mirror: read[0] } : {}), mirrors: read };
  }
  ctx.log.unmapped(o, 'spec', spec, 'only weighted and mirroring TraefikServices are modelled');
  return undefined;
}

/** A TLSOption as the TLS host's minimum version and client certificates. */
function tlsOptionOf(o: KubeObject, ctx: TraefikContext, secretNs: string): Pick<TlsHostIR, 'minTlsVersion' | 'clientAuth' | 'cipherSuites' | 'sessionTickets'> {
  const spec = isRecord(o.spec) ? o.spec : {};
  const out: { minTlsVersion?: TlsVersionIR; clientAuth?: TlsHostIR['clientAuth']; cipherSuites?: string[]; sessionTickets?: boolean } = {};
  for (const k of Object.keys(spec)) {
    if (k === 'disableSessionTickets' && typeof spec[k] === 'boolean') {
      out.sessionTickets = !spec[k];
      ctx.log.mapped(o, 'spec.disableSessionTickets', spec[k], `TlsHost sessionTickets: ${!spec[k]}`);
    } else if (k === 'cipherSuites' && Array.isArray(spec[k]) && spec[k].length > 0 && spec[k].every((c: unknown) => typeof c === 'string' && GO_CIPHER_SUITES.has(c))) {
      out.cipherSuites = [...spec[k]];
      ctx.log.mapped(o, 'spec.cipherSuites', spec[k], 'TlsHost cipherSuites');
    } else if (k === 'cipherSuites') {
      ctx.log.unmapped(o, 'spec.cipherSuites', spec[k], 'TlsHost.cipherSuites models the TLS 1.2 suites of TlsCipherSuite');
    } else if (k === 'minVersion') {
      const v = (Object.keys(TLS_VERSIONS) as TlsVersionIR[]).find(x => TLS_VERSIONS[x] === spec[k]);
      if (v) { out.minTlsVersion = v; ctx.log.mapped(o, 'spec.minVersion', spec[k], 'TlsHost minTlsVersion'); } else {ctx.log.unmapped(o, 'spec.minVersion', spec[k], 'TLS 1.2 or 1.3 are modelled');}
    } else if (k === 'clientAuth' && isRecord(spec[k]) && Array.isArray(spec[k].secretNames) && spec[k].secretNames.length >= 1
      && spec[k].secretNames.every((n: unknown) => typeof n === 'string') && new Set(spec[k].secretNames).size === spec[k].secretNames.length) {
      const type = spec[k].clientAuthType;
      const required = type === CLIENT_AUTH_TYPES.required ? true : type === CLIENT_AUTH_TYPES.optional ? false : undefined;
      if (required === undefined) { ctx.log.unmapped(o, 'spec.clientAuth', spec[k], 'client certificates are required or verified when presented'); continue; }
      const [first, ...more] = (spec[k].secretNames as string[]).map(name => ({ kind: 'Secret' as const, name }));
      out.clientAuth = more.length > 0 ? { required, ca: first, additionalCas: more } : { required, ca: first };
      ctx.log.mapped(o, 'spec.clientAuth', spec[k], 'TlsHost clientAuth');
    } else {
      ctx.log.unmapped(o, `spec.${k}`, spec[k], `TLSOption '${k}' is not modelled`);
    }
  }
  void secretNs;
  return out;
}

/** Policies of a router: its middlewares, deny list, service settings. */
function policiesOf(r: Router): { policies: PoliciesIR; hsts?: HstsIR } {
  const p: MutablePolicies = {};
  let hsts: HstsIR | undefined;
  for (const m of r.middlewares) {
    if (m.hsts) hsts = m.hsts;
    const { ipAccess, headers, ...rest } = m.policies;
    if (ipAccess) p.ipAccess = { ...ipAccess, deny: p.ipAccess?.deny ?? [] };
    if (headers) {
      p.headers = { ...p.headers, ...headers, request: headers.request ?? p.headers?.request, response: headers.response ?? p.headers?.response };
    }
    if (rest.rewrite && p.rewrite) rest.rewrite = { ...p.rewrite, ...rest.rewrite };
    // Two inFlightReq Middlewares, one per client and one per host: the per-client one is the
    // rate limit's concurrentConnections (features/policies.ts RATE_LIMIT, `inflightreq-client`).
    const perClient = [p.concurrencyLimit, rest.concurrencyLimit].find(c => c?.key === 'clientIp');
    const other = [p.concurrencyLimit, rest.concurrencyLimit].find(c => c !== undefined && c.key !== 'clientIp');
    if (p.concurrencyLimit && rest.concurrencyLimit && perClient && other && p.rateLimit?.key === 'clientIp' && p.rateLimit.concurrentConnections === undefined
      && (perClient.clientIpHops ?? 0) === (p.rateLimit.clientIpHops ?? 0)) {
      p.rateLimit = { ...p.rateLimit, concurrentConnections: perClient.maxRequests };
      rest.concurrencyLimit = other;
    }
    Object.assign(p, rest);
  }
  const source = p.ipAccess?.source ?? `${r.o.kind} ${r.namespace}/${r.o.metadata.name}`;
  if (r.rule.notClients.length > 0) p.ipAccess = { source, allow: p.ipAccess?.allow ?? [], deny: [...new Set(r.rule.notClients)].sort() };
  if (r.service.protocol) p.backendProtocol = { source, protocol: r.service.protocol };
  if (r.service.affinity) p.sessionAffinity = r.service.affinity;
  if (r.service.connectMs !== undefined) p.timeouts = { source, connectMs: r.service.connectMs };
  return { policies: strip(p), hsts };
}

function strip<T extends object>(o: T): T {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(o)) if (v !== undefined) out[k] = v;
  return out as T;
}

const key = (r: Router, host: string) => JSON.stringify([r.namespace, host, matchOf(r.rule)]);

function matchOf(rule: RuleRead): MatchIR {
  return { path: rule.path, headers: rule.headers, queryParams: rule.queryParams, ...(rule.method ? { method: rule.method } : {}) };
}

/** A catch-all route of `host` redirecting to HTTPS (the renderer then writes no TLS redirect router). */
function redirectsWholeHost(route: RouteIR, host: string): boolean {
  const m = route.matches[0];
  const served = route.hosts.length === 0 || route.hosts.some(x => hostPatternCovers(x, host));
  return served && isHttpsRedirect(route.policies) && route.matches.length === 1
    && m.path.kind === 'Prefix' && m.path.value === '/' && m.headers.length === 0 && m.queryParams.length === 0 && m.method === undefined;
}

function isHttpsRedirect(p: PoliciesIR): boolean {
  const r = p.redirect;
  return r !== undefined && r.scheme === 'https' && r.host === undefined && r.port === undefined && r.path === undefined;
}

/** Routers into one gateway (routes, canaries, TLS hosts, default backend). */
export function assembleRouters(routers: readonly Router[], passthrough: readonly PassthroughIR[], ctx: TraefikContext, source: string) {
  const names = new Names();
  // Deny twins: `ClientIP` conditions, refused by an all-refusing ipAllowList, serving nothing.
  const plain = routers.filter(r => {
    if (r.rule.clients.length === 0) return true;
    if (!r.service.noop || !r.middlewares.some(m => m.denyAll)) {
      ctx.log.unmapped(r.o, `${r.field}.match`, r.match ?? '', 'a router only for some client addresses has no intent equivalent (IpAccess.allow is an ipAllowList Middleware)');
    }
    return false;
  });
  // TLS hosts' redirect routers: only a Host condition, a scheme redirect to https, no backend.
  const tlsRedirect = new Set<string>();
  const rest: Router[] = [];
  let defaultBackend: { backend: BackendIR; source: string } | undefined;
  for (const r of plain) {
    const { policies } = policiesOf(r);
    if (r.service.noop && !r.tls && !r.rule.hasPath && r.rule.hosts.length === 1 && Object.keys(policies).length === 1 && isHttpsRedirect(policies)) {
      tlsRedirect.add(`${r.namespace}/${r.rule.hosts[0]}`);
      continue;
    }
    if (r.priority === DEFAULT_BACKEND_PRIORITY && r.rule.hosts.length === 0 && r.service.backends.length === 1 && Object.keys(policies).length === 0
      && JSON.stringify(matchOf(r.rule)) === JSON.stringify({ path: { kind: 'Prefix', value: '/' }, headers: [], queryParams: [] })) {
      defaultBackend = { backend: r.service.backends[0], source: ctx.log.ref(r.o) };
      continue;
    }
    rest.push(r);
  }
  // HTTPS upgrades: the web twin redirects, the websecure router serves: one route.
  const byKey = new Map<string, Router[]>();
  for (const r of rest) {
    if (r.rule.canary) continue;
    for (const h of r.rule.hosts.length > 0 ? r.rule.hosts : ['']) {
      const k = key(r, h);
      byKey.set(k, [...(byKey.get(k) ?? []), r]);
    }
  }
  const routes: RouteIR[] = [];
  const routeOf = new Map<string, RouteIR>();
  const hstsOf = new Map<string, HstsIR>();
  const handled = new Set<Router>();
  for (const r of rest) {
    if (handled.has(r) || r.rule.canary) continue;
    const hosts = r.rule.hosts;
    const twins = [...new Set((hosts.length > 0 ? hosts : ['']).flatMap(h => byKey.get(key(r, h)) ?? []))];
    let main = r;
    let redirect: PoliciesIR['redirect'];
    if (twins.length === 2) {
      const web = twins.find(t => !t.tls);
      const secure = twins.find(t => t.tls);
      const wp = web && policiesOf(web).policies;
      if (web && secure && wp && isHttpsRedirect(wp)) { main = secure; redirect = wp.redirect; twins.forEach(t => handled.add(t)); }
    }
    handled.add(r);
    const { policies, hsts } = policiesOf(main);
    const svc = main.service;
    const route: RouteIR = {
      source: `${ctx.log.ref(main.o)} ${main.field}`,
      name: names.next(main.o.metadata.name),
      namespace: main.namespace,
      hosts: [...hosts],
      matches: [matchOf(main.rule)],
      backends: svc.split ? [svc.split.stable] : svc.backends,
      policies: redirect ? { ...policies, redirect } : policies,
    };
    routes.push(route);
    for (const h of hosts.length > 0 ? hosts : ['']) {
      routeOf.set(key(main, h), route);
      if (hsts && main.tls && h !== '') hstsOf.set(`${main.namespace}/${h}`, hsts);
    }
  }
  // Canaries: weighted / mirroring TraefikServices of routes, and header / cookie canary routers.
  const canaries: CanaryIR[] = [];
  for (const route of routes) {
    const r = rest.find(x => `${ctx.log.ref(x.o)} ${x.field}` === route.source)!;
    const s = r.service;
    if (s.split) {
      const traffic: CanaryTrafficIR = { kind: 'weight', stable: s.split.stableWeight, canary: s.split.canaryWeight };
      canaries.push(canaryIr(route, s.split.stable, s.split.canary, traffic, s.mirror, names));
    }
  }
  // Exact-header canaries with mirroring: both the stable and the canary router are mirrored;
  // the canary's match is the stable one's plus one exact header.
  const routerOf = (route: RouteIR) => rest.find(x => `${ctx.log.ref(x.o)} ${x.field}` === route.source)!;
  for (const x of [...routes]) {
    const rx = routerOf(x);
    if (!rx.service.mirror || rx.service.split || x.backends.length !== 1) continue;
    const stable = routes.find(y => y !== x && y.namespace === x.namespace && JSON.stringify(y.hosts) === JSON.stringify(x.hosts)
      && routerOf(y).service.mirror && extraHeader(y.matches[0], x.matches[0]) !== undefined && Object.keys(y.policies).every(k => k === 'backendProtocol'));
    if (!stable) continue;
    const h = extraHeader(stable.matches[0], x.matches[0])!;
    routes.splice(routes.indexOf(x), 1);
    canaries.push(canaryIr(stable, stable.backends[0], x.backends[0], { kind: 'header', name: h.name, value: h.value }, rx.service.mirror, names));
  }
  for (const r of rest) {
    const c = r.rule.canary;
    if (!c) continue;
    const hosts = r.rule.hosts.length > 0 ? r.rule.hosts : [''];
    const stable = routeOf.get(key(r, hosts[0]));
    const backend = r.service.backends[0];
    if (!stable || !backend) {
      ctx.log.unmapped(r.o, `${r.field}.match`, '', 'a header / cookie condition with no route for the same host and match to be a canary of');
      continue;
    }
    const traffic: CanaryTrafficIR = c.kind === 'cookie' ? { kind: 'cookie', name: c.name } : { kind: 'header-present', name: c.name };
    canaries.push(canaryIr(stable, stable.backends[0], backend, traffic, r.service.mirror, names));
  }
  // A route's own mirrors (Route.mirrors): its router's mirroring TraefikService, when no canary
  // of the route owns that mirror.
  routes.forEach((route, i) => {
    const svc = routerOf(route).service;
    if (!svc.mirrors || svc.split || canaries.some(c => c.route === route.source && c.mirror)) return;
    routes[i] = { ...route, mirrors: svc.mirrors };
  });
  // TLS hosts: per (namespace, host) served over HTTPS with a certificate.
  const tlsHosts: TlsHostIR[] = [];
  const seen = new Set<string>();
  for (const r of routers) {
    if (!r.tls || r.secretName === undefined) continue;
    for (const routeHost of r.rule.hosts) {
      // A router for `**.x` serves the certificate name `*.x` (no certificate names every depth).
      const h = routeHost.startsWith('**.') ? routeHost.slice(1) : routeHost;
      const k = `${r.namespace}/${h}`;
      if (seen.has(k)) continue;
      seen.add(k);
      // A TLS host's redirect router for `*.x` also redirects the names it covers.
      const redirected = tlsRedirect.has(k) || (h.includes('.') && !h.startsWith('*.') && tlsRedirect.has(`${r.namespace}/*${h.slice(h.indexOf('.'))}`));
      // Routers are not namespaced: a route of any namespace that redirects the whole host answers its plain HTTP.
      if (!redirected && !routes.some(x => redirectsWholeHost(x, h))) {
        // Only HTTPS routers: plain HTTP to the host reaches no router of these objects. The intent's
        // TlsHost either redirects plain HTTP (taken) or serves it (never taken: it would expose more).
        ctx.log.unmapped(r.o, 'spec.tls', h, 'only HTTPS routers and no redirect router: plain HTTP is not answered by these objects (unless the web entry point redirects); imported as TlsHost with the HTTPS redirect');
      }
      tlsHosts.push({
        mode: 'Terminate',
        source: ctx.log.ref(r.o),
        name: names.next(`tls-${h.replace(/\*/g, 'wildcard')}`),
        hosts: [h],
        secretName: r.secretName,
        secretNamespace: r.namespace,
        managedCertificate: ctx.managed.has(`${r.namespace}/${r.secretName}`),
        httpsRedirect: true,
        hsts: hstsOf.get(k) ?? hstsOf.get(`${r.namespace}/${routeHost}`),
        ...(r.tlsOption ? tlsOptionOf(r.tlsOption, ctx, r.namespace) : {}),
      });
    }
  }
  return gatewayOf({
    source,
    name: 'traefik',
    namespace: routers[0]?.namespace ?? ctx.defaultNs,
    routes,
    tlsHosts,
    canaries,
    passthroughHosts: passthrough,
    defaultBackend: defaultBackend?.backend,
    defaultBackendSource: defaultBackend?.source,
  });
}

/** The one exact header `m` has beyond `base` (otherwise equal), if so. */
function extraHeader(base: MatchIR, m: MatchIR): MatchIR['headers'][number] | undefined {
  if (m.headers.length !== base.headers.length + 1) return undefined;
  const extra = m.headers.filter(h => !base.headers.some(b => b.name === h.name && b.kind === h.kind && b.value === h.value));
  if (extra.length !== 1 || extra[0].kind !== 'Exact') return undefined;
  const rest = { ...m, headers: m.headers.filter(h => h !== extra[0]) };
  return JSON.stringify(rest) === JSON.stringify(base) ? extra[0] : undefined;
}

function canaryIr(
  route: RouteIR, stable: BackendIR, canary: BackendIR, traffic: CanaryTrafficIR, mirror: MirrorIR | undefined, names: Names,
): CanaryIR {
  return {
    source: route.source,
    name: names.next(`${route.name}-canary`),
    namespace: route.namespace,
    route: route.source,
    hosts: route.hosts,
    allHosts: true,
    matchIndexes: [0],
    stable: { ...stable, weight: 1 },
    canary: { ...canary, weight: 1 },
    traffic,
    ...(mirror ? { mirror } : {}),
  };
}
