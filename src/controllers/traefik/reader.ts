import { TRAEFIK_ANNOTATION_CATALOG } from './annotation-catalog';
import { ANNOTATION_PREFIX, ANNOTATIONS, CRD_PROVIDER, DEFAULT_TLS_OPTION, KINDS, MATCHERS, SERVICE_ANNOTATIONS } from './constants';
import { MiddlewareRead } from './read/middlewares';
import { assembleRouters, isTraefik, readService, readTransport, Router, ServiceRead, TraefikContext } from './read/routers';
import { anyDepthHostOf, parseRule, readRule, regexOfSearch, RuleRead, quoteMeta } from './read/rule';
import { RouteTable, RouteEntry, TlsEntry, withoutListenerLayout } from '../../checks/route-table';
import { hostPatternCovers } from '../../core/hosts';
import { BackendHeadersIR, BackendIR, GatewayIR, PassthroughIR, PathIR } from '../../ir/model';
import { HeaderOpsIR, PoliciesIR } from '../../ir/policies';
import { annotationField, ingressBackend, isIngressFor, isRecord, ItemLog, namespaceOf, rawAnnotationItem, servicePorts } from '../common/read';
import { ControllerReader, KubeObject, ReadOptions, ReadResult } from '../reader';

/** Traefik CRD kinds a reader accepts. */
const CRD_KINDS: readonly string[] = [
  KINDS.ingressRoute, KINDS.ingressRouteTcp, KINDS.middleware, KINDS.traefikService, KINDS.serversTransport, KINDS.tlsOption,
];

/**
 * Reads Traefik Proxy v3 CRDs (the `traefik` column): IngressRoutes (rules parsed, see
 * read/rule.ts), Middlewares, TraefikServices (weighted canaries, mirroring), ServersTransports
 * (connect timeout, backend TLS), TLSOptions and IngressRouteTCP passthrough. One RouteIR per
 * router; an HTTPS upgrade's plain-HTTP twin, deny twins (`ClientIP`) and TLS hosts' redirect
 * routers fold back into the route / TLS host they come from.
 */
export class TraefikReader implements ControllerReader {
  public readonly name = 'traefik' as const;

  public accepts(o: KubeObject): boolean {
    return isTraefik(o) && CRD_KINDS.includes(o.kind);
  }

  public read(objects: readonly KubeObject[], options: ReadOptions = {}): ReadResult {
    const defaultNs = options.defaultNamespace ?? 'default';
    const log = new ItemLog(defaultNs);
    const ctx = new TraefikContext(objects, defaultNs, log);
    const routers: Router[] = [];
    const passthrough: PassthroughIR[] = [];
    const accepted = objects.filter(o => this.accepts(o)).sort((a, b) => (log.ref(a) < log.ref(b) ? -1 : 1));
    for (const o of accepted) {
      if (o.kind === KINDS.ingressRoute) routers.push(...ingressRouteRouters(o, ctx));
      if (o.kind === KINDS.ingressRouteTcp) passthrough.push(...tcpRoutes(o, ctx));
    }
    const strictSni = readDefaultTlsOption(accepted, ctx);
    readLeftovers(accepted, ctx);
    const gateway = withStrictSni(assembleRouters(routers, passthrough, ctx, 'Traefik IngressRoutes'), strictSni);
    return { gateways: routers.length + passthrough.length > 0 ? [gateway] : [], items: log.sorted() };
  }

  public normalize(table: RouteTable): RouteTable {
    return normalizeTraefik(table);
  }
}

/**
 * Reads Ingresses of the Traefik class with `traefik.ingress.kubernetes.io/*` annotations (the
 * `traefik-ingress` column), the Middlewares and TLSOptions they reference, and the IngressRoute
 * objects this library adds in that mode (a TLS host's HTTPS redirect).
 */
export class TraefikIngressReader implements ControllerReader {
  public readonly name = 'traefik-ingress' as const;
  /** The Ingress output writes IngressRoutes / Middlewares for what an Ingress cannot say (e.g. a TlsHost's redirect). */
  public readonly alsoReads = ['traefik'] as const;

  constructor(private readonly ingressClassName = 'traefik') {}

  public accepts(o: KubeObject): boolean {
    if (isTraefik(o)) return CRD_KINDS.includes(o.kind);
    return isIngressFor(o, this.ingressClassName, ANNOTATION_PREFIX);
  }

  public read(objects: readonly KubeObject[], options: ReadOptions = {}): ReadResult {
    const defaultNs = options.defaultNamespace ?? 'default';
    const log = new ItemLog(defaultNs);
    const ctx = new TraefikContext(objects, defaultNs, log);
    const ports = servicePorts(objects, defaultNs);
    const routers: Router[] = [];
    const accepted = objects.filter(o => this.accepts(o)).sort((a, b) => (log.ref(a) < log.ref(b) ? -1 : 1));
    let defaultBackend: { backend: BackendIR; source: string } | undefined;
    for (const o of accepted) {
      if (o.kind === KINDS.ingressRoute) routers.push(...ingressRouteRouters(o, ctx));
      if (o.kind !== 'Ingress') continue;
      const read = ingressRouters(o, ctx, ports);
      routers.push(...read.routers);
      if (read.defaultBackend) defaultBackend = read.defaultBackend;
    }
    const strictSni = readDefaultTlsOption(accepted, ctx);
    readLeftovers(accepted, ctx);
    const gateway = withStrictSni(assembleRouters(routers, [], ctx, `IngressClass ${this.ingressClassName}`), strictSni);
    const withDefault = defaultBackend
      ? { ...gateway, defaultBackend: defaultBackend.backend, defaultBackendSource: defaultBackend.source } : gateway;
    return { gateways: routers.length > 0 || defaultBackend ? [withDefault] : [], items: log.sorted() };
  }

  public normalize(table: RouteTable): RouteTable {
    return normalizeTraefik(table);
  }
}

/**
 * The TLSOption named `default` (every router without a TLSOption of its own uses it, whatever its
 * namespace): `sniStrict: true` alone is the gateway's strict SNI (features: renderer
 * allocateGateway); any other setting there would change the instance's default TLS parameters,
 * which the intent does not model.
 */
function readDefaultTlsOption(accepted: readonly KubeObject[], ctx: TraefikContext): boolean {
  const options = accepted.filter(o => o.kind === KINDS.tlsOption && o.metadata.name === DEFAULT_TLS_OPTION);
  let strict = false;
  for (const o of options) {
    ctx.referenced.add(o);
    const spec = (o as { spec?: unknown }).spec;
    if (options.length === 1 && isRecord(spec) && Object.keys(spec).length === 1 && spec.sniStrict === true) {
      strict = true;
      ctx.log.mapped(o, 'spec.sniStrict', true, 'ApiGateway strictSni');
    } else {
      ctx.log.unmapped(o, 'spec', spec, options.length > 1
        ? 'Traefik drops every TLSOption named default when there are several'
        : 'the default TLSOption applies to every router without a TLSOption; only sniStrict: true alone (ApiGateway strictSni) is modelled');
    }
  }
  return strict;
}

function withStrictSni(gateway: GatewayIR, strictSni: boolean): GatewayIR {
  return strictSni ? { ...gateway, strictSni: true } : gateway;
}

/**
 * Middlewares, TraefikServices, ServersTransports and TLSOptions no router references have no
 * effect and are listed as such (e.g. a TLS host's redirect Middleware when routes redirect all
 * its hosts themselves); annotations of the CRD
 * objects other than the provider class are unmapped too.
 */
function readLeftovers(accepted: readonly KubeObject[], ctx: TraefikContext): void {
  for (const o of accepted) {
    if (o.kind !== 'Ingress') {
      for (const [k, v] of Object.entries(o.metadata.annotations ?? {})) {
        if (k === 'kubernetes.io/ingress.class') ctx.log.mapped(o, annotationField(k), v, 'the controller\'s ingressClassName');
        else ctx.log.unmapped(o, annotationField(k), v, 'annotations of Traefik CRD objects are not modelled');
      }
    }
    if (o.kind === KINDS.ingressRoute || o.kind === KINDS.ingressRouteTcp || o.kind === 'Ingress' || ctx.referenced.has(o)) continue;
    ctx.log.mapped(o, 'spec', undefined, `no effect: no router read references this ${o.kind}`);
  }
}

/** The routers of one IngressRoute. */
function ingressRouteRouters(o: KubeObject, ctx: TraefikContext): Router[] {
  const { log } = ctx;
  const ns = namespaceOf(o, ctx.defaultNs);
  const spec = isRecord(o.spec) ? o.spec : {};
  const tls = spec.tls;
  const secretName = isRecord(tls) && typeof tls.secretName === 'string' ? tls.secretName : undefined;
  let tlsOption: KubeObject | undefined;
  if (isRecord(tls)) {
    for (const k of Object.keys(tls)) {
      if (k === 'secretName') {log.mapped(o, 'spec.tls.secretName', tls[k], 'TlsHost (certificate)');} else if (k === 'options' && typeof tls.options?.name === 'string') {
        tlsOption = ctx.get(KINDS.tlsOption, tls.options.namespace ?? ns, tls.options.name);
        if (tlsOption) log.mapped(o, 'spec.tls.options', tls.options.name, 'TlsHost (minTlsVersion / clientAuth)');
        else log.unmapped(o, 'spec.tls.options', tls.options.name, 'TLSOption not among the objects read');
      } else {log.unmapped(o, `spec.tls.${k}`, tls[k], k === 'certResolver' ? 'Traefik\'s own ACME resolver: use a cert-manager issuer (TlsCertificate.fromIssuer)' : `tls '${k}' is not modelled`);}
    }
    if (Object.keys(tls).length === 0) log.mapped(o, 'spec.tls', tls, 'HTTPS with Traefik\'s default certificate (Redirect.toHttps() on a host without TlsHost)');
  }
  const eps = Array.isArray(spec.entryPoints) ? spec.entryPoints : [];
  log.mapped(o, 'spec.entryPoints', eps.join(','), tls !== undefined ? 'served over HTTPS (the websecure entry point)' : 'served over plain HTTP (the web entry point)');
  for (const k of Object.keys(spec)) if (!['tls', 'entryPoints', 'routes'].includes(k)) log.unmapped(o, `spec.${k}`, spec[k], `IngressRoute '${k}' is not modelled`);
  const out: Router[] = [];
  (Array.isArray(spec.routes) ? spec.routes : []).forEach((r: any, i: number) => {
    const field = `spec.routes[${i}]`;
    const rules = readMatch(o, `${field}.match`, r?.match, log);
    if (!rules) return;
    const mws = (Array.isArray(r.middlewares) ? r.middlewares : []).map((m: any, j: number) => {
      const mo = typeof m?.name === 'string' ? resolveMiddleware(m.name, m.namespace ?? ns, ctx) : undefined;
      if (!mo) { log.unmapped(o, `${field}.middlewares[${j}]`, m?.name, 'Middleware not among the objects read'); return undefined; }
      log.mapped(o, `${field}.middlewares[${j}]`, m.name, 'Route policies');
      return ctx.middleware(mo);
    }).filter((m: unknown) => m !== undefined);
    const services = Array.isArray(r.services) ? r.services : [];
    const reads = services.map((s: any, j: number) => readService(s, ns, ctx, o, `${field}.services[${j}]`));
    if (reads.length === 0 || reads.some((x: ServiceRead | undefined) => !x)) { if (reads.length === 0) log.unmapped(o, `${field}.services`, undefined, 'no service'); return; }
    const service = merge(reads as ServiceRead[]);
    if (r.priority !== undefined) log.mapped(o, `${field}.priority`, r.priority, 'the precedence of the match (derived from it)');
    if (r.kind !== undefined) log.mapped(o, `${field}.kind`, r.kind, 'a routing rule');
    for (const k of Object.keys(r)) if (!['match', 'middlewares', 'services', 'priority', 'kind'].includes(k)) log.unmapped(o, `${field}.${k}`, r[k], `route '${k}' is not modelled`);
    rules.forEach((rule, n) => out.push({
      o,
      field: rules.length > 1 ? `${field} (alternative ${n + 1})` : field,
      namespace: ns,
      tls: tls !== undefined,
      secretName,
      tlsOption,
      rule,
      match: r.match,
      priority: r.priority,
      middlewares: mws,
      service,
    }));
  });
  return out;
}

/** A Middleware of an IngressRoute: `name` in its namespace, or `<ns>-<name>@kubernetescrd`. */
function resolveMiddleware(name: string, ns: string, ctx: TraefikContext): KubeObject | undefined {
  if (name.includes('@')) return ctx.byCrdReference(name);
  return ctx.get(KINDS.middleware, ns, name);
}

/** Several services of one router: weighted round robin. */
function merge(reads: readonly ServiceRead[]): ServiceRead {
  if (reads.length === 1) return reads[0];
  return {
    ...reads[0],
    backends: reads.flatMap(r => r.backends),
    protocol: reads.find(r => r.protocol)?.protocol,
    connectMs: reads.find(r => r.connectMs !== undefined)?.connectMs,
    split: undefined,
    mirror: undefined,
  };
}

/**
 * A router's rule as one match, or, for a top-level OR of whole matches
 * (`Host(`a`) && Path(`/x`) || Host(`b`) && Path(`/y`)`), one match per alternative.
 */
function readMatch(o: KubeObject, field: string, match: unknown, log: ItemLog): RuleRead[] | undefined {
  if (typeof match !== 'string') { log.unmapped(o, field, match, 'no rule'); return undefined; }
  let rules: RuleRead[] | string;
  try {
    const node = parseRule(match);
    const whole = readRule(node);
    const alternatives = typeof whole === 'string' && node.op === 'or' ? node.args.map(readRule) : [];
    rules = typeof whole !== 'string' ? [whole]
      : alternatives.length > 0 && alternatives.every(a => typeof a !== 'string') ? alternatives as RuleRead[] : whole;
  } catch (e) {
    rules = `not a Traefik v3 rule: ${(e as Error).message}`;
  }
  if (typeof rules === 'string') { log.unmapped(o, field, match, rules); return undefined; }
  log.mapped(o, field, match, rules.length > 1 ? 'Route.hosts and matches (one route per alternative)' : 'Route.hosts and match');
  return rules;
}

/** `HostSNI(`a`)`, or the intent's `**.x` of `HostSNIRegexp(`(?i)^.+\.x$`)`; undefined for anything else. */
function sniHostOf(term: string): string | undefined {
  const exact = /^HostSNI\(`([^`]+)`\)$/.exec(term);
  if (exact) return exact[1];
  const regexp = /^HostSNIRegexp\(`([^`]+)`\)$/.exec(term);
  return regexp ? anyDepthHostOf(regexp[1]) : undefined;
}

/** IngressRouteTCP with TLS passthrough: `HostSNI` per host, one service. */
function tcpRoutes(o: KubeObject, ctx: TraefikContext): PassthroughIR[] {
  const { log } = ctx;
  const spec = isRecord(o.spec) ? o.spec : {};
  const ns = namespaceOf(o, ctx.defaultNs);
  if (spec.tls?.passthrough !== true) { log.unmapped(o, 'spec.tls', spec.tls, 'only TLS passthrough TCP routers are modelled'); return []; }
  const out: PassthroughIR[] = [];
  (Array.isArray(spec.routes) ? spec.routes : []).forEach((r: any, i: number) => {
    const m = typeof r?.match === 'string' ? r.match.split('||').map((s: string) => sniHostOf(s.trim())) : [];
    const svc = Array.isArray(r?.services) && r.services.length === 1 ? r.services[0] : undefined;
    if (m.length === 0 || m.some((h: string | undefined) => h === undefined) || typeof svc?.name !== 'string' || typeof svc.port !== 'number') {
      log.unmapped(o, `spec.routes[${i}]`, r?.match, 'HostSNI alternatives to one service are modelled');
      return;
    }
    log.mapped(o, `spec.routes[${i}]`, r.match, 'TlsHost passthrough');
    out.push({ mode: 'Passthrough', source: log.ref(o), name: o.metadata.name, hosts: [...new Set(m as string[])].sort(), backend: { service: svc.name, namespace: ns, port: svc.port, weight: 1 } });
  });
  log.mapped(o, 'spec.tls', spec.tls, 'TlsHost passthrough');
  log.mapped(o, 'spec.entryPoints', spec.entryPoints, 'the websecure entry point');
  return out;
}

/** The routers of one Ingress (one per rule host and path group), and its default backend. */
function ingressRouters(
  o: KubeObject, ctx: TraefikContext, ports: ReadonlyMap<string, number>,
): { routers: Router[]; defaultBackend?: { backend: BackendIR; source: string } } {
  const { log } = ctx;
  const ns = namespaceOf(o, ctx.defaultNs);
  const a = o.metadata.annotations ?? {};
  const spec = isRecord(o.spec) ? o.spec : {};
  const tls = a[ANNOTATIONS.tls] === 'true';
  let regexPaths = false;
  let tlsOption: KubeObject | undefined;
  const mws: Router['middlewares'][number][] = [];
  const mwNames: string[] = [];
  let priority: number | undefined;
  for (const key of Object.keys(a).sort()) {
    const v = String(a[key]);
    const field = annotationField(key);
    switch (key) {
      case ANNOTATIONS.priority: priority = Number(v); log.mapped(o, field, v, 'the precedence of the match (derived from it)'); break;
      case ANNOTATIONS.entryPoints: log.mapped(o, field, v, 'the controller\'s entry points (web / websecure)'); break;
      case ANNOTATIONS.tls:
        if (v === 'true' || v === 'false') log.mapped(o, field, v, 'served over HTTPS (TlsHost)'); else log.unmapped(o, field, v, 'not \'true\' or \'false\'');
        break;
      case ANNOTATIONS.pathMatcher:
        if (v === MATCHERS.pathRegexp) { regexPaths = true; log.mapped(o, field, v, 'match.path (RegularExpression)'); } else {log.unmapped(o, field, v, 'only PathRegexp ImplementationSpecific paths are read');}
        break;
      case ANNOTATIONS.tlsOptions:
        tlsOption = findTlsOption(v, ctx);
        if (tlsOption) log.mapped(o, field, v, 'TlsHost (minTlsVersion / clientAuth)'); else log.unmapped(o, field, v, 'TLSOption not among the objects read');
        break;
      case ANNOTATIONS.middlewares:
        for (const ref of v.split(',').map(s => s.trim()).filter(s => s !== '')) {
          const m = ctx.byCrdReference(ref);
          if (!m) { log.unmapped(o, field, ref, 'Middleware not among the objects read (or not from the kubernetescrd provider)'); continue; }
          mws.push(ctx.middleware(m));
          mwNames.push(m.metadata.name);
        }
        log.mapped(o, field, v, 'Route policies (one Middleware per policy)');
        break;
      case 'kubernetes.io/ingress.class': log.mapped(o, field, v, 'the controller\'s ingressClassName'); break;
      default: rawAnnotationItem(o, key, v, log, TRAEFIK_ANNOTATION_CATALOG, 'Traefik');
    }
  }
  for (const k of Object.keys(spec)) if (!['ingressClassName', 'rules', 'tls', 'defaultBackend'].includes(k)) log.unmapped(o, `spec.${k}`, spec[k], `Ingress '${k}' is not modelled`);
  if (spec.ingressClassName !== undefined) log.mapped(o, 'spec.ingressClassName', spec.ingressClassName, 'the controller\'s ingressClassName');
  const secrets = new Map<string, string>();
  (Array.isArray(spec.tls) ? spec.tls : []).forEach((t: any, i: number) => {
    if (typeof t?.secretName !== 'string') { log.unmapped(o, `spec.tls[${i}]`, t, 'a TLS entry without secretName is not modelled'); return; }
    for (const h of Array.isArray(t.hosts) ? t.hosts : []) secrets.set(h, t.secretName);
    log.mapped(o, `spec.tls[${i}]`, t.secretName, 'TlsHost (certificate)');
  });
  let defaultBackend: { backend: BackendIR; source: string } | undefined;
  if (spec.defaultBackend !== undefined) {
    const b = ingressBackend(spec.defaultBackend, ns, ports);
    if (typeof b === 'string') {log.unmapped(o, 'spec.defaultBackend', spec.defaultBackend, b);} else { defaultBackend = { backend: b, source: log.ref(o) }; log.mapped(o, 'spec.defaultBackend', `${b.service}:${b.port}`, 'ApiGateway.defaultBackend'); }
  }
  const routers: Router[] = [];
  const own = backendOwnHeaders(spec, mws, mwNames, ns, ports);
  if (own) log.mapped(o, annotationField(ANNOTATIONS.middlewares), mwNames[mwNames.length - 1], 'Backend headers (HeaderRules) of the path\'s one backend');
  const routerMiddlewares = own ? mws.slice(0, -1) : mws;
  (Array.isArray(spec.rules) ? spec.rules : []).forEach((rule: any, i: number) => {
    const host = typeof rule?.host === 'string' ? rule.host : undefined;
    if (host !== undefined) log.mapped(o, `spec.rules[${i}].host`, host, 'Route.hosts');
    const paths: any[] = Array.isArray(rule?.http?.paths) ? rule.http.paths : [];
    const read = paths.map((p, j) => {
      const at = `spec.rules[${i}].http.paths[${j}]`;
      const b = ingressBackend(p?.backend, ns, ports);
      if (typeof b === 'string') { log.unmapped(o, `${at}.backend`, p?.backend, b); return undefined; }
      log.mapped(o, `${at}.backend`, `${b.service}:${b.port}`, 'Route.backends');
      return { at, path: p?.path ?? '/', type: p?.pathType, backend: b };
    }).filter((x): x is NonNullable<typeof x> => x !== undefined);
    // Exact `/v1` + Prefix `/v1/` to the same backend: the element-wise prefix `/v1`.
    const used = new Set<number>();
    read.forEach((p, j) => {
      if (used.has(j)) return;
      let path: PathIR | string;
      const twin = p.type === 'Exact' ? read.findIndex((q, k) => !used.has(k) && k !== j && q.type === 'Prefix' && q.path === `${p.path}/` && sameBackend(q.backend, p.backend)) : -1;
      if (twin >= 0) {
        used.add(twin);
        path = { kind: 'Prefix', value: p.path };
        log.mapped(o, read[twin].at, `${read[twin].type} ${read[twin].path}`, `match.path (Prefix ${p.path}, with the Exact path)`);
      } else {
        path = ingressPath(p.path, p.type, regexPaths);
      }
      used.add(j);
      if (typeof path === 'string') { log.unmapped(o, p.at, `${p.type} ${p.path}`, path); return; }
      log.mapped(o, p.at, `${p.type} ${p.path}`, `match.path (${path.kind} ${path.value})`);
      const ruleRead: RuleRead = { hosts: host ? [host] : [], path, hasPath: true, headers: [], queryParams: [], notClients: [], clients: [] };
      routers.push({
        o,
        field: p.at,
        namespace: ns,
        tls,
        secretName: host ? secrets.get(host) : undefined,
        tlsOption,
        rule: ruleRead,
        priority,
        middlewares: routerMiddlewares,
        service: serviceTransport(own ? { ...p.backend, headers: own } : p.backend, ctx),
      });
    });
  });
  return { routers, defaultBackend };
}

/**
 * An Ingress backend with the ServersTransport its Service names (`service.serverstransport:
 * <namespace>-<name>@kubernetescrd`): its TLS settings are the backend's BackendTls, its dial
 * timeout the route's connect timeout, and the backend is the Service handed over (the library
 * writes that annotation on such a Service only). The Service's `service.serversscheme: https`
 * beside it is not read (the reader reads no other Service annotation yet).
 */
function serviceTransport(backend: BackendIR, ctx: TraefikContext): ServiceRead {
  const svc = ctx.objects.find(o => o.kind === 'Service' && o.apiVersion === 'v1' && o.metadata.name === backend.service && namespaceOf(o, ctx.defaultNs) === backend.namespace);
  const ref = svc?.metadata.annotations?.[SERVICE_ANNOTATIONS.serversTransport];
  if (!svc || ref === undefined) return { backends: [backend] };
  const field = annotationField(SERVICE_ANNOTATIONS.serversTransport);
  const transport = ctx.byCrdReference(ref, KINDS.serversTransport);
  if (!transport) { ctx.log.unmapped(svc, field, ref, 'ServersTransport not among the objects read'); return { backends: [backend] }; }
  const t = readTransport(transport, ctx);
  ctx.log.mapped(svc, field, ref, t.tls ? 'BackendTls' : 'Route.timeouts (connect)');
  return { backends: [{ ...backend, serviceKnown: true, ...(t.tls ? { tls: t.tls } : {}) }], connectMs: t.connectMs };
}

/**
 * The renderer puts a backend's own header rules last in `router.middlewares` (innermost, as an
 * IngressRoute service middleware), named `<route>-<service>-<port>-headers`: read as that
 * backend's HeaderRules when every path of the Ingress goes to that backend and the Middleware
 * holds only custom headers (no HSTS, nothing else). Otherwise it stays a route policy.
 */
function backendOwnHeaders(
  spec: Record<string, any>, mws: readonly MiddlewareRead[], names: readonly string[], ns: string, ports: ReadonlyMap<string, number>,
): BackendHeadersIR | undefined {
  const last = mws[mws.length - 1];
  const h = last?.policies.headers;
  if (!last || !h || last.failed || last.hsts || last.hostOnly || Object.keys(last.policies).length !== 1) return undefined;
  const backends = (Array.isArray(spec.rules) ? spec.rules : [])
    .flatMap((rule: any) => (Array.isArray(rule?.http?.paths) ? rule.http.paths : []))
    .map((p: any) => ingressBackend(p?.backend, ns, ports));
  const b = backends[0];
  if (b === undefined || typeof b === 'string' || !backends.every((x: BackendIR | string) => typeof x !== 'string' && sameBackend(x, b))) return undefined;
  if (!names[names.length - 1].endsWith(`-${b.service}-${b.port}-headers`)) return undefined;
  const side = (ops: HeaderOpsIR | undefined) => (ops && (ops.set.length > 0 || ops.add.length > 0 || ops.remove.length > 0) ? ops : undefined);
  const request = side(h.request);
  const response = side(h.response);
  return request || response ? { ...(request ? { request } : {}), ...(response ? { response } : {}) } : undefined;
}

function findTlsOption(ref: string, ctx: TraefikContext): KubeObject | undefined {
  const [id, provider] = ref.split('@');
  if (provider !== undefined && provider !== CRD_PROVIDER) return undefined;
  const o = ctx.objects.find(x => isTraefik(x) && x.kind === KINDS.tlsOption && `${namespaceOf(x, ctx.defaultNs)}-${x.metadata.name}` === id);
  return o && ctx.get(KINDS.tlsOption, namespaceOf(o, ctx.defaultNs), o.metadata.name);
}

function sameBackend(a: BackendIR, b: BackendIR): boolean {
  return a.service === b.service && a.port === b.port && a.namespace === b.namespace;
}

/** An Ingress path read by Traefik's Ingress provider. */
function ingressPath(path: unknown, type: unknown, regex: boolean): PathIR | string {
  if (typeof path !== 'string') return 'no path';
  if (type === 'Exact') return { kind: 'Exact', value: path };
  if (type === 'Prefix' || (type === 'ImplementationSpecific' && !regex)) {
    // Traefik's PathPrefix is character-wise: `/api` also matches `/apix`.
    return path === '/' ? { kind: 'Prefix', value: '/' } : { kind: 'RegularExpression', value: `${quoteMeta(path)}.*` };
  }
  if (type === 'ImplementationSpecific') {
    const body = path.startsWith('/{0}') ? path.slice(4) : path;
    return { kind: 'RegularExpression', value: regexOfSearch(body) };
  }
  return 'unknown pathType';
}

/**
 * Equivalences of the Traefik output (features/redirect.ts, features/backend.ts, features/tls.ts):
 * - redirects: `permanent: true` answers 301 / 308 and `false` 302 / 307 by method, so 308 reads
 *   as 301 and 307 as 302;
 * - backend protocols: HTTP and WebSocket need nothing; gRPC is h2c, gRPC over TLS is https;
 *   a re-encrypted backend is https whatever the protocol (except H2C, refused with TLS);
 * - a TLS host whose plain-HTTP traffic a catch-all route already redirects to HTTPS redirects
 *   whatever its own `httpsRedirect` says (no second redirect router is rendered);
 * - `RouteProtocols.HTTP_ONLY` is every route a Traefik TLS host does not serve (those hosts
 *   always redirect): a router on the web entry point only.
 */
function normalizeTraefik(table: RouteTable): RouteTable {
  const routes = table.routes.map((e): RouteEntry => ({
    ...withoutHttpOnly(e), policies: normalPolicies(e.policies, e.backends.length > 0 && e.backends.every(b => b.tls)),
  }));
  const tls = table.tls.map((t): TlsEntry => (routes.some(e => wholeRedirect(e, t.host)) ? { ...t, httpsRedirect: true } : t));
  return withoutListenerLayout({ ...table, routes, tls });
}

function withoutHttpOnly(e: RouteEntry): RouteEntry {
  if (e.protocols !== 'http') return e;
  const { protocols: _, ...rest } = e;
  return rest;
}

function normalPolicies(p: PoliciesIR, allTls: boolean): PoliciesIR {
  const out: { -readonly [K in keyof PoliciesIR]: PoliciesIR[K] } = { ...p };
  const code = p.redirect?.statusCode;
  if (p.redirect && (code === 308 || code === 307)) out.redirect = { ...p.redirect, statusCode: code === 308 ? 301 : 302 };
  const proto = p.backendProtocol?.protocol;
  if (proto === 'HTTP' || proto === 'WEBSOCKET' || (allTls && proto !== 'H2C')) delete out.backendProtocol;
  else if (proto === 'GRPC') out.backendProtocol = { ...p.backendProtocol!, protocol: 'H2C' };
  else if (proto === 'GRPCS') out.backendProtocol = { ...p.backendProtocol!, protocol: 'HTTPS' };
  return out;
}

function wholeRedirect(e: RouteEntry, host: string): boolean {
  const r = e.policies.redirect;
  if (!r || r.scheme !== 'https' || r.host !== undefined || r.port !== undefined || r.path !== undefined) return false;
  const m = e.match;
  if (m.path.kind !== 'Prefix' || m.path.value !== '/' || m.headers.length > 0 || m.queryParams.length > 0 || m.method) return false;
  return e.host === '' || hostPatternCovers(e.host, host);
}
