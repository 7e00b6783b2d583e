import { arr, call, callWithOptions, CONTROLLER, duration, enumOf, Expr, lit, obj, ref } from './expr';
import { CertificateRead, CertManagerRead, Dns01Read, IssuerRead, IssuerRefRead, SelectorRead, SolverRead } from '../cert-manager/reader';
import {
  BackendIR, BackendTlsIR, CanaryIR, CanaryTrafficIR, DEFAULT_DIRECT_RESPONSE_CONTENT_TYPE, DirectResponseIR, GatewayIR, MatchIR, MirrorIR,
  PassthroughIR, RouteIR, TlsHostIR,
} from '../ir/model';
import { ConcurrencyLimitIR, EdgeAuthIR, HeaderOpsIR, PoliciesIR, RateLimitIR, RedirectIR } from '../ir/policies';

/**
 * The intent plan of an import: the constructs to create, in order, with their arguments as
 * expressions. One plan is both printed as TypeScript (`codegen.ts`) and built directly against a
 * scope (`build.ts`), so what the generated app does is what the tests check.
 */
export interface PlanStatement {
  /** `const <variable> = ...` (only for constructs referenced later). */
  readonly variable?: string;
  /**
   * A plain value instead of a construct: `const <variable>: <type> = <props>;` (policies shared
   * by the routes of one input object).
   */
  readonly value?: { readonly type: string };
  /** `new <construct>(scope, id, props)`... */
  readonly construct?: 'ApiGateway' | 'ClusterIssuer' | 'Issuer' | 'Certificate';
  /** ...or `<on>.<method>(id, props)`. */
  readonly on?: string;
  readonly method?: 'addRoute' | 'addTlsHost' | 'addCanary';
  readonly id: string;
  readonly props: Expr;
  /** Comment lines printed above the statement (`cdk8s-gateway import: ...` for what cannot move). */
  readonly comments: readonly string[];
  /** The input objects it came from (`Kind namespace/name`). */
  readonly sources: readonly string[];
}

/** Something the plan could not express: it reaches the report as an unmapped item. */
export interface PlanNote {
  readonly object: string;
  readonly field: string;
  readonly reason: string;
}

export interface ImportPlan {
  readonly statements: readonly PlanStatement[];
  readonly notes: readonly PlanNote[];
}

/** What the plan is made from. */
export interface PlanInput {
  readonly gateways: readonly GatewayIR[];
  readonly certManager?: CertManagerRead;
  /** The issuer of each cert-manager-managed Secret (`namespace/name`), see `issuersBySecret`. */
  readonly issuersBySecret?: ReadonlyMap<string, IssuerRefRead>;
}

/** The marker of every comment about something that cannot move. */
export const IMPORT_COMMENT = 'cdk8s-gateway import:';

/** IR (+ cert-manager objects) -> the plan. Deterministic: the same input gives the same plan. */
export function planImport(input: PlanInput): ImportPlan {
  return new Planner(input).plan();
}

class Planner {
  private readonly statements: PlanStatement[] = [];
  private readonly notes: PlanNote[] = [];
  private readonly variables = new Set<string>();
  private readonly chartIds = new Set<string>();
  /** Issuer variable by `Kind namespace/name`. */
  private readonly issuerVars = new Map<string, string>();
  /** Names of the managed TLS hosts, by the key of their issuer. */
  private readonly issuersUsed = new Map<string, Set<string>>();
  /** Certificates folded into a TlsHost (`namespace/secretName`). */
  private readonly ownedCertificates = new Map<string, CertificateRead>();

  constructor(private readonly input: PlanInput) {}

  public plan(): ImportPlan {
    const cm = this.input.certManager ?? { issuers: [], certificates: [], items: [] };
    // Issuers used by a managed TLS host: their http01 solver follows the gateway (AcmeSolver.http01()).
    for (const gw of this.input.gateways) {
      for (const t of gw.tlsHosts) {
        const issuer = t.managedCertificate ? this.issuerOf(t) : undefined;
        // Only TLS hosts issued through TlsCertificate.fromIssuer (in the gateway's namespace) make an http01 solver follow.
        if (!issuer || t.secretNamespace !== gw.namespace) continue;
        const names = this.issuersUsed.get(issuerKey(issuer)) ?? new Set<string>();
        t.hosts.forEach(h => names.add(h));
        this.issuersUsed.set(issuerKey(issuer), names);
      }
    }
    for (const c of cm.certificates) this.ownedCertificates.set(`${c.namespace}/${c.secretName}`, c);
    for (const issuer of cm.issuers) this.addIssuer(issuer);
    for (const gw of this.input.gateways) this.addGateway(gw);
    const owned = new Set(this.input.gateways.flatMap(g => g.tlsHosts.filter(t => t.managedCertificate).map(t => `${t.secretNamespace}/${t.secretName}`)));
    for (const c of cm.certificates) if (!owned.has(`${c.namespace}/${c.secretName}`)) this.addCertificate(c);
    // A variable nobody refers to is left out (the generated code compiles with noUnusedLocals).
    const referenced = new Set<string>();
    for (const st of this.statements) {
      if (st.on) referenced.add(st.on);
      refsOf(st.props, referenced);
    }
    const statements = this.statements.map(st => (st.variable && !referenced.has(st.variable) ? { ...st, variable: undefined } : st));
    return { statements, notes: this.notes };
  }

  // ----------------------------------------------------------------------------------------
  // cert-manager

  private issuerOf(t: TlsHostIR): IssuerRefRead | undefined {
    return this.input.issuersBySecret?.get(`${t.secretNamespace}/${t.secretName}`);
  }

  private addIssuer(issuer: IssuerRead): void {
    const id = this.uniqueChartId(issuer.name);
    const variable = this.variable(issuer.name);
    this.issuerVars.set(issuerKey(issuer), variable);
    const comments: string[] = [];
    let type: Expr;
    if (issuer.type === 'selfSigned') {
      type = call('IssuerType.selfSigned');
    } else if (issuer.type === 'ca') {
      type = call('IssuerType.ca', obj([['secretName', lit(issuer.caSecretName!)]]));
    } else {
      const acme = issuer.acme!;
      // An http01 solver for (a subset of) the names of the TLS hosts that use this issuer becomes
      // AcmeSolver.http01(): it follows the controller of those hosts' gateway, whatever the target.
      const used = this.issuersUsed.get(issuerKey(issuer));
      const follows = (s: SolverRead) => used !== undefined && s.type !== 'dns01' && s.selector.dnsZones.length === 0 && s.selector.dnsNames.every(n => used.has(n));
      const solvers: Expr[] = [];
      for (const s of acme.solvers) {
        if (!follows(s)) {
          solvers.push(solverExpr(s));
        } else if (!comments.length) {
          solvers.push(call('AcmeSolver.http01'));
          comments.push('The http01 solver follows the controller of the gateways whose TlsHosts use this issuer (AcmeSolver.http01()).');
        }
      }
      type = call('IssuerType.acme', obj([
        ['server', serverExpr(acme.server)],
        ['email', acme.email !== undefined ? lit(acme.email) : undefined],
        ['accountKeySecretName', acme.accountKeySecretName !== undefined ? lit(acme.accountKeySecretName) : undefined],
        ['solvers', arr(solvers)],
      ]));
    }
    this.statements.push({
      variable,
      construct: issuer.kind,
      id,
      props: obj([
        ['name', id !== issuer.name ? lit(issuer.name) : undefined],
        ['namespace', issuer.namespace !== undefined ? lit(issuer.namespace) : undefined],
        ['type', type],
      ]),
      comments,
      sources: [issuer.source],
    });
  }

  private issuerExpr(r: IssuerRefRead): Expr {
    const variable = this.issuerVars.get(issuerKey(r));
    if (variable) return ref(variable);
    return r.kind === 'ClusterIssuer' ? call('ClusterIssuer.fromName', lit(r.name)) : call('Issuer.fromName', lit(r.name), lit(r.namespace ?? 'default'));
  }

  private certificateOptions(c: CertificateRead | undefined): Array<[string, Expr | undefined]> {
    if (!c) return [];
    return [
      ['duration', c.durationSeconds !== undefined ? duration(c.durationSeconds * 1000) : undefined],
      ['renewBefore', c.renewBeforeSeconds !== undefined ? duration(c.renewBeforeSeconds * 1000) : undefined],
      ['privateKeyAlgorithm', c.privateKeyAlgorithm !== undefined ? enumOf('PrivateKeyAlgorithm', c.privateKeyAlgorithm === 'Ed25519' ? 'ED25519' : c.privateKeyAlgorithm) : undefined],
      ['privateKeySize', c.privateKeySize !== undefined ? lit(c.privateKeySize) : undefined],
    ];
  }

  private addCertificate(c: CertificateRead): void {
    const id = this.uniqueChartId(c.name);
    this.statements.push({
      construct: 'Certificate',
      id,
      props: obj([
        ['issuer', this.issuerExpr(c.issuer)],
        ['dnsNames', arr(c.dnsNames.map(lit))],
        ['secretName', lit(c.secretName)],
        ['namespace', lit(c.namespace)],
        ['name', c.name !== c.secretName ? lit(c.name) : undefined],
        ...this.certificateOptions(c),
      ]),
      comments: [],
      sources: [c.source],
    });
  }

  // ----------------------------------------------------------------------------------------
  // Gateways

  private addGateway(gw: GatewayIR): void {
    const id = this.uniqueChartId(gw.name);
    const gwVar = this.variable(gw.name);
    const comments: string[] = [];
    // The client address is declared per gateway; readers find it on each policy that reads it.
    const readers = gw.routes.flatMap(r => {
      const { rateLimit: rl, ipAccess, concurrencyLimit: cl } = r.policies;
      return [
        rl && (rl.key === 'clientIp' || rl.exemptCidrs.length > 0) ? rl.clientIpHops : null,
        ipAccess ? ipAccess.clientIpHops : null,
        cl?.key === 'clientIp' ? cl.clientIpHops : null,
      ].filter(h => h !== null);
    });
    const depths = [...new Set(readers.map(h => h ?? 0))].sort();
    const hops = depths.length === 1 && depths[0] > 0 ? depths[0] : undefined;
    if (depths.length > 1) {
      comments.push(`${IMPORT_COMMENT} the routes read the client address at different X-Forwarded-For depths (${depths.join(', ')}); the intent declares one per gateway (clientIp): set it and check each route.`);
      this.note(gw.source, 'clientIp', `the routes read the client address at different X-Forwarded-For depths (${depths.join(', ')}); one clientIp per gateway`);
    }
    this.statements.push({
      variable: gwVar,
      construct: 'ApiGateway',
      id,
      props: obj([
        ['controller', CONTROLLER],
        ['namespace', lit(gw.namespace)],
        ['name', id !== gw.name ? lit(gw.name) : undefined],
        ['defaultBackend', gw.defaultBackend ? backendExpr(gw.defaultBackend, gw.namespace) : undefined],
        ['clientIp', hops !== undefined ? call('ClientIp.xForwardedFor', obj([['trustedHops', lit(hops)]])) : undefined],
        ['httpListeners', gw.httpListeners === 'per-host' ? enumOf('HttpListeners', 'PER_HOST') : undefined],
        ['strictSni', gw.strictSni ? lit(true) : undefined],
      ]),
      comments,
      sources: [gw.source, ...(gw.defaultBackendSource ? [gw.defaultBackendSource] : [])],
    });
    const childIds = new Set<string>();
    const childId = (name: string) => unique(idOf(stripPrefix(name, `${gw.name}-`)), childIds);
    const canariesByRoute = new Map<string, CanaryIR[]>();
    for (const c of gw.canaries) canariesByRoute.set(c.route, [...(canariesByRoute.get(c.route) ?? []), c]);
    /** The route variables of each route (one per match when the route is split, see `perMatch`). */
    const routeVars = new Map<string, string[]>();
    const shared = this.sharedPolicies(gw);
    const declared = new Set<string>();
    for (const route of gw.routes) {
      const share = shared.get(route);
      if (share && !declared.has(share.variable)) {
        declared.add(share.variable);
        this.statements.push({
          variable: share.variable,
          value: { type: 'RoutePolicies' },
          id: share.variable,
          props: share.expr,
          comments: [`The policies of ${objectOf(route.source)}, shared by its routes.`],
          sources: [route.source],
        });
      }
      const needsVar = canariesByRoute.has(route.source);
      const split = perMatch(route);
      const notes = this.routeComments(route);
      const variables: string[] = [];
      split.forEach((part, i) => {
        const rid = childId(split.length > 1 ? `${route.name}-${i + 1}` : route.name);
        const variable = needsVar ? this.variable(`${rid}-route`) : undefined;
        if (variable) variables.push(variable);
        this.statements.push({
          variable,
          on: gwVar,
          method: 'addRoute',
          id: rid,
          props: this.routeProps(part, gw.namespace, share?.variable),
          comments: i === 0 ? [
            ...notes,
            ...(split.length > 1 ? [`${route.source} replaces the matched path prefix of each of its ${split.length} paths: one route per path.`] : []),
          ] : [],
          sources: [route.source],
        });
      });
      if (variables.length > 0) routeVars.set(route.source, variables);
    }
    for (const t of gw.tlsHosts) this.addTlsHost(gwVar, gw, t, childId(t.name));
    for (const p of gw.passthroughHosts) this.addPassthrough(gwVar, gw, p, childId(p.name));
    for (const c of gw.canaries) {
      const route = gw.routes.find(r => r.source === c.route);
      const variables = routeVars.get(c.route);
      if (!route || !variables) {
        this.note(c.source, 'canary', `its stable route ${c.route} was not imported`);
        continue;
      }
      // A route split per match: the canary of each of its matches is a canary of that match's route.
      const split = variables.length > 1;
      const indexes = !split && c.matchIndexes.length === route.matches.length ? [undefined] : c.matchIndexes;
      for (const i of indexes) {
        this.statements.push({
          on: gwVar,
          method: 'addCanary',
          id: childId(indexes.length > 1 ? `${c.name}-${i}` : c.name),
          props: obj([
            ['stable', ref(split ? variables[i!] : variables[0])],
            ['canary', backendExpr(c.canary, c.namespace)],
            ['traffic', trafficExpr(c.traffic)],
            ['hosts', c.allHosts ? undefined : arr(c.hosts.map(lit))],
            ['match', i !== undefined && !split ? matchExpr(route.matches[i]) : undefined],
            ['mirror', c.mirror ? mirrorExpr(c.mirror, c.namespace) : undefined],
          ]),
          comments: [],
          sources: [c.source],
        });
      }
    }
  }

  private routeComments(route: RouteIR): string[] {
    const out: string[] = [];
    const p = route.policies;
    if (p.rewrite?.path && p.rewrite.host) {
      out.push(`${IMPORT_COMMENT} ${route.source} rewrites both the path and the host; a Route takes one rewrite: the host rewrite ('${p.rewrite.host}') is not carried over.`);
      this.note(route.source, 'rewrite', `both a path and a host rewrite; a Route takes one rewrite, the host rewrite '${p.rewrite.host}' cannot move`);
    }
    if (p.ipAccess && p.ipAccess.allow.length > 0 && p.ipAccess.deny.length > 0) {
      out.push(`${IMPORT_COMMENT} ${route.source} has both an allow list and a deny list; IpAccess takes one: the deny list (${p.ipAccess.deny.join(', ')}) is not carried over.`);
      this.note(route.source, 'ipAccess', `both an allow and a deny list; IpAccess takes one, the deny list ${p.ipAccess.deny.join(', ')} cannot move`);
    }
    return out;
  }

  /**
   * Policies written once for the routes of one input object that carry the same ones (an
   * annotated Ingress gives one route per path, each with the Ingress's policies).
   */
  private sharedPolicies(gw: GatewayIR): Map<RouteIR, { variable: string; expr: Expr }> {
    const groups = new Map<string, RouteIR[]>();
    for (const r of gw.routes) {
      const props = policyProps(r.policies).filter(([, v]) => v !== undefined);
      if (props.length === 0) continue;
      const key = `${objectOf(r.source)}\u0000${JSON.stringify(props)}`;
      groups.set(key, [...(groups.get(key) ?? []), r]);
    }
    const out = new Map<RouteIR, { variable: string; expr: Expr }>();
    for (const routes of groups.values()) {
      if (routes.length < 2) continue;
      const name = objectOf(routes[0].source).split(/[ /]/).pop() ?? 'shared';
      const share = { variable: this.variable(`${name}-policies`), expr: obj(policyProps(routes[0].policies)) };
      for (const r of routes) out.set(r, share);
    }
    return out;
  }

  private routeProps(route: RouteIR, gatewayNamespace: string, sharedPolicies?: string): Expr {
    const one = route.matches.length === 1;
    const m = route.matches[0];
    const catchAll = one && isCatchAll(m);
    const backends = route.backends;
    return obj([
      ['hosts', route.hosts.length > 0 ? arr(route.hosts.map(lit)) : undefined],
      ['namespace', route.namespace !== gatewayNamespace ? lit(route.namespace) : undefined],
      ['match', one && !catchAll ? matchExpr(m) : undefined],
      ['matches', one ? undefined : arr(route.matches.map(matchExpr))],
      ['backend', backends.length === 1 ? backendExpr(backends[0], route.namespace) : undefined],
      ['backends', backends.length > 1 ? arr(backends.map(b => backendExpr(b, route.namespace, new Set(backends.map(x => x.weight)).size > 1))) : undefined],
      ['ruleName', route.ruleName !== undefined ? lit(route.ruleName) : undefined],
      ['mirrors', route.mirrors && route.mirrors.length > 0 ? arr(route.mirrors.map(x => mirrorExpr(x, route.namespace))) : undefined],
      ['protocols', route.protocols === 'https' ? enumOf('RouteProtocols', 'HTTPS_ONLY') : route.protocols === 'http' ? enumOf('RouteProtocols', 'HTTP_ONLY') : undefined],
      ['respond', route.directResponse ? directResponseExpr(route.directResponse) : undefined],
      ...(sharedPolicies !== undefined ? [['...', ref(sharedPolicies)] as [string, Expr]] : policyProps(route.policies)),
    ]);
  }

  private addTlsHost(gwVar: string, gw: GatewayIR, t: TlsHostIR, id: string): void {
    const comments: string[] = [];
    let certificate: Expr;
    const namespaceOption = obj([['namespace', t.secretNamespace !== gw.namespace ? lit(t.secretNamespace) : undefined]]);
    if (t.managedCertificate) {
      const issuer = this.issuerOf(t);
      if (issuer) {
        const owned = this.ownedCertificates.get(`${t.secretNamespace}/${t.secretName}`);
        if (t.secretNamespace === gw.namespace) {
          certificate = call('TlsCertificate.fromIssuer', this.issuerExpr(issuer), obj([['secretName', lit(t.secretName)], ...this.certificateOptions(owned)]));
        } else {
          // TlsCertificate.fromIssuer issues into the gateway's namespace: a Certificate beside the
          // Secret's readers says the same, and the TlsHost reads its Secret.
          this.statements.push({
            construct: 'Certificate',
            id: this.uniqueChartId(owned?.name ?? `${t.secretNamespace}-${t.secretName}`),
            props: obj([
              ['issuer', this.issuerExpr(issuer)],
              ['dnsNames', arr((owned?.dnsNames ?? t.hosts).map(lit))],
              ['secretName', lit(t.secretName)],
              ['namespace', lit(t.secretNamespace)],
              ['name', owned && owned.name !== t.secretName ? lit(owned.name) : undefined],
              ...this.certificateOptions(owned),
            ]),
            comments: [`cert-manager issues the certificate of ${t.hosts.join(', ')} in namespace '${t.secretNamespace}', outside the gateway's: a Certificate there, read by the TlsHost.`],
            sources: [owned?.source ?? t.source],
          });
          certificate = callWithOptions('TlsCertificate.fromSecret', [lit(t.secretName)], namespaceOption);
        }
      } else {
        certificate = callWithOptions('TlsCertificate.fromSecret', [lit(t.secretName)], namespaceOption);
        comments.push(`${IMPORT_COMMENT} the certificate of ${t.hosts.join(', ')} is managed by cert-manager, but its issuer was not found in the input; the Secret is referenced as is.`);
        this.note(t.source, 'certificate', `managed by cert-manager, but no issuer found for Secret ${t.secretNamespace}/${t.secretName} (no Certificate object or shim annotation in the input)`);
      }
    } else {
      certificate = callWithOptions('TlsCertificate.fromSecret', [lit(t.secretName)], namespaceOption);
    }
    const hsts = t.hsts && callWithOptions('Hsts.enable', [], obj([
      ['maxAge', t.hsts.maxAgeSeconds !== 31_536_000 ? duration(t.hsts.maxAgeSeconds * 1000) : undefined],
      ['includeSubdomains', t.hsts.includeSubdomains ? lit(true) : undefined],
      ['preload', t.hsts.preload ? lit(true) : undefined],
    ]));
    this.statements.push({
      on: gwVar,
      method: 'addTlsHost',
      id,
      props: obj([
        ['hosts', arr(t.hosts.map(lit))],
        ['certificate', certificate],
        ['httpsRedirect', t.httpsRedirect ? undefined : lit(false)],
        ['hsts', hsts],
        ['minTlsVersion', t.minTlsVersion ? enumOf('TlsVersion', t.minTlsVersion === '1.3' ? 'TLS_1_3' : 'TLS_1_2') : undefined],
        ['clientAuth', t.clientAuth ? callWithOptions(t.clientAuth.required ? 'ClientAuth.required' : 'ClientAuth.optional', [caExpr(t.clientAuth.ca)],
          obj([['additionalCas', t.clientAuth.additionalCas ? arr(t.clientAuth.additionalCas.map(caExpr)) : undefined]])) : undefined],
        ['cipherSuites', t.cipherSuites ? arr(t.cipherSuites.map(c => enumOf('TlsCipherSuite', c))) : undefined],
        ['sessionTickets', t.sessionTickets !== undefined ? lit(t.sessionTickets) : undefined],
      ]),
      comments,
      sources: [t.source],
    });
  }

  private addPassthrough(gwVar: string, gw: GatewayIR, p: PassthroughIR, id: string): void {
    this.statements.push({
      on: gwVar,
      method: 'addTlsHost',
      id,
      props: obj([
        ['hosts', arr(p.hosts.map(lit))],
        ['mode', call('TlsMode.passthrough', backendExpr(p.backend, gw.namespace))],
      ]),
      comments: [],
      sources: [p.source],
    });
  }

  // ----------------------------------------------------------------------------------------

  private note(object: string, field: string, reason: string): void {
    this.notes.push({ object, field, reason });
  }

  private uniqueChartId(name: string): string {
    return unique(idOf(name), this.chartIds);
  }

  private variable(name: string): string {
    const base = camel(name);
    const safe = RESERVED.has(base) ? `${base}_` : base;
    return unique(safe, this.variables, '');
  }
}

/** The input object of a source (`Kind namespace/name`, without a reader's suffix such as ` #2`). */
function objectOf(source: string): string {
  return source.split(' ').slice(0, 2).join(' ');
}

function refsOf(e: Expr, out: Set<string>): void {
  if (e.kind === 'ref') out.add(e.name);
  else if (e.kind === 'call') e.args.forEach(a => refsOf(a, out));
  else if (e.kind === 'object') e.props.forEach(([, v]) => refsOf(v, out));
  else if (e.kind === 'array') e.items.forEach(i => refsOf(i, out));
}

function issuerKey(i: { kind: string; name: string; namespace?: string }): string {
  return `${i.kind} ${i.namespace ?? ''}/${i.name}`;
}

/**
 * A route whose rewrite or redirect replaces the matched path prefix, with several matches, is one
 * route per match: each path's own prefix is replaced (what an Ingress with several paths and a
 * prefix-stripping annotation means); a Route replaces the prefix of its one match.
 */
function perMatch(route: RouteIR): RouteIR[] {
  const prefix = route.policies.rewrite?.path?.kind === 'prefix' || route.policies.redirect?.path?.kind === 'prefix';
  if (!prefix || route.matches.length < 2) return [route];
  return route.matches.map(m => ({ ...route, matches: [m] }));
}

function isCatchAll(m: MatchIR): boolean {
  return m.path.kind === 'Prefix' && m.path.value === '/' && m.headers.length === 0 && m.queryParams.length === 0 && m.method === undefined;
}

export function matchExpr(m: MatchIR): Expr {
  const path = m.path.kind === 'Prefix' && m.path.value === '/' ? undefined
    : call(m.path.kind === 'Exact' ? 'PathMatch.exact' : m.path.kind === 'Prefix' ? 'PathMatch.prefix' : 'PathMatch.regex', lit(m.path.value));
  return obj([
    ['path', path],
    ['headers', m.headers.length > 0 ? arr(m.headers.map(h => call(h.kind === 'Exact' ? 'HeaderMatch.exact' : 'HeaderMatch.regex', lit(h.name), lit(h.value)))) : undefined],
    ['queryParams', m.queryParams.length > 0 ? arr(m.queryParams.map(q => call('QueryParamMatch.exact', lit(q.name), lit(q.value)))) : undefined],
    ['method', m.method !== undefined ? enumOf('HttpMethod', m.method) : undefined],
  ]);
}

function caExpr(ca: { kind: 'Secret' | 'ConfigMap'; name: string }): Expr {
  return call(ca.kind === 'Secret' ? 'CaCertificates.fromSecret' : 'CaCertificates.fromConfigMap', lit(ca.name));
}

function backendTlsExpr(tls: BackendTlsIR): Expr {
  const cert = tls.clientCertificateSecret !== undefined ? lit(tls.clientCertificateSecret) : undefined;
  if (tls.insecureSkipVerify) {
    return callWithOptions('BackendTls.insecureSkipVerify', [], obj([['serverName', tls.hostname !== undefined ? lit(tls.hostname) : undefined], ['clientCertificateSecret', cert]]));
  }
  return call('BackendTls.verify', obj([['hostname', lit(tls.hostname!)], ['ca', tls.ca ? caExpr(tls.ca) : undefined], ['clientCertificateSecret', cert]]));
}

/** `DirectResponse.fixed({ statusCode, body, contentType })` (the content type unless the default). */
function directResponseExpr(r: DirectResponseIR): Expr {
  return call('DirectResponse.fixed', obj([
    ['statusCode', lit(r.statusCode)],
    ['body', r.body !== undefined ? lit(r.body) : undefined],
    ['contentType', r.contentType !== undefined && r.contentType !== DEFAULT_DIRECT_RESPONSE_CONTENT_TYPE ? lit(r.contentType) : undefined],
  ]));
}

/** `TrafficMirror.to(Backend.service(...), { percent })` (percent unless 100). */
function mirrorExpr(m: MirrorIR, defaultNamespace: string): Expr {
  return callWithOptions('TrafficMirror.to', [backendExpr(m.backend, defaultNamespace)], obj([['percent', m.percent !== 100 ? lit(m.percent) : undefined]]));
}

/** `Backend.service(...)`, with its weight when the route's backends have different weights. */
export function backendExpr(b: BackendIR, defaultNamespace: string, weighted = false): Expr {
  const options = obj([
    ['namespace', b.namespace !== defaultNamespace ? lit(b.namespace) : undefined],
    ['weight', weighted ? lit(b.weight) : undefined],
    ['tls', b.tls ? backendTlsExpr(b.tls) : undefined],
    ['headers', b.headers ? call('HeaderRules.of', obj([['request', headerOpsExpr(b.headers.request)], ['response', headerOpsExpr(b.headers.response)]])) : undefined],
  ]);
  // A Service whose settings were read from its own annotations: handed over by name and port,
  // so the target controller can write them again (ApiGateway.serviceSettings()).
  if (b.serviceKnown) return callWithOptions('Backend.fromServicePorts', [lit(b.service), arr([obj([['port', lit(b.port)]])])], options);
  return callWithOptions('Backend.service', [lit(b.service), lit(b.port)], options);
}

function trafficExpr(t: CanaryTrafficIR): Expr {
  switch (t.kind) {
    case 'weight': return t.stable + t.canary === 100 ? call('CanaryTraffic.weight', lit(t.canary)) : call('CanaryTraffic.weights', lit(t.stable), lit(t.canary));
    case 'header': return call('CanaryTraffic.header', lit(t.name), lit(t.value));
    case 'header-present': return call('CanaryTraffic.headerPresent', lit(t.name));
    case 'cookie': return call('CanaryTraffic.cookie', lit(t.name));
  }
}

const GIB = 1024 * 1024 * 1024;
const MIB = 1024 * 1024;

function bodySizeExpr(bytes: number): Expr {
  if (bytes % GIB === 0) return call('BodySize.gibibytes', lit(bytes / GIB));
  if (bytes % MIB === 0) return call('BodySize.mebibytes', lit(bytes / MIB));
  if (bytes % 1024 === 0) return call('BodySize.kibibytes', lit(bytes / 1024));
  return call('BodySize.bytes', lit(bytes));
}

const CONCURRENCY_FACTORIES = { clientIp: 'ConcurrencyLimit.perClientIp', host: 'ConcurrencyLimit.perHost', route: 'ConcurrencyLimit.perRoute' } as const;

function concurrencyLimitExpr(c: ConcurrencyLimitIR): Expr {
  return call(CONCURRENCY_FACTORIES[c.key], obj([['maxRequests', lit(c.maxRequests)]]));
}

function rateLimitExpr(r: RateLimitIR): Expr {
  const base: Array<[string, Expr | undefined]> = [
    ['requests', lit(r.requests)],
    ['period', r.per !== 'second' ? enumOf('RateLimitPeriod', r.per.toUpperCase()) : undefined],
    ['burst', r.burst !== undefined ? lit(r.burst) : undefined],
    ['distributed', r.distributed ? (r.distributed.kind === 'controller' ? call('DistributedRateLimit.controllerStore')
      : callWithOptions('DistributedRateLimit.redis', [lit(r.distributed.endpoint ?? '')], obj([
        ['secretName', r.distributed.secretName !== undefined ? lit(r.distributed.secretName) : undefined],
        ['tls', r.distributed.tls ? lit(true) : undefined],
        ['database', r.distributed.database !== undefined ? lit(r.distributed.database) : undefined],
        ['timeout', r.distributed.timeoutMs !== undefined ? duration(r.distributed.timeoutMs) : undefined],
        ['ca', r.distributed.ca !== undefined ? caExpr(r.distributed.ca) : undefined],
        ['clientCertificateSecret', r.distributed.clientCertificateSecret !== undefined ? lit(r.distributed.clientCertificateSecret) : undefined],
      ]))) : undefined],
  ];
  if (r.key === 'header') return call('RateLimit.perHeader', lit(r.header ?? ''), obj(base));
  if (r.key === 'consumer') return call('RateLimit.perConsumer', obj(base));
  return call('RateLimit.perClientIp', obj([
    ...base,
    ['concurrentConnections', r.concurrentConnections !== undefined ? lit(r.concurrentConnections) : undefined],
    ['exemptCidrs', r.exemptCidrs.length > 0 ? arr(r.exemptCidrs.map(lit)) : undefined],
  ]));
}

function headerOpsExpr(o: HeaderOpsIR | undefined): Expr | undefined {
  if (!o) return undefined;
  return obj([
    ['set', o.set.length > 0 ? obj(o.set.map(p => [p.name, lit(p.value)])) : undefined],
    ['add', o.add.length > 0 ? obj(o.add.map(p => [p.name, lit(p.value)])) : undefined],
    ['remove', o.remove.length > 0 ? arr(o.remove.map(lit)) : undefined],
  ]);
}

function authExpr(a: EdgeAuthIR): Expr {
  switch (a.kind) {
    case 'external': return call('EdgeAuth.external', obj([
      ['url', lit(a.url)],
      ['responseHeaders', a.responseHeaders.length > 0 ? arr(a.responseHeaders.map(lit)) : undefined],
      ['signinUrl', a.signinUrl !== undefined ? lit(a.signinUrl) : undefined],
      ['cache', a.cacheSeconds !== undefined ? duration(a.cacheSeconds * 1000) : undefined],
      ['requestHeaders', a.requestHeaders !== undefined ? arr(a.requestHeaders.map(lit)) : undefined],
      ['forwardBody', a.forwardBodyBytes !== undefined ? bodySizeExpr(a.forwardBodyBytes) : undefined],
      ['ca', a.ca !== undefined ? caExpr(a.ca) : undefined],
      ['clientCertificateSecret', a.clientCertificateSecret !== undefined ? lit(a.clientCertificateSecret) : undefined],
    ]));
    case 'jwt': return call('EdgeAuth.jwt', obj([
      ['issuer', lit(a.issuer)],
      ['jwksUri', lit(a.jwksUri)],
      ['audiences', a.audiences.length > 0 ? arr(a.audiences.map(lit)) : undefined],
      ['claimsToHeaders', a.claimsToHeaders.length > 0 ? arr(a.claimsToHeaders.map(c => obj([['claim', lit(c.claim)], ['header', lit(c.header)]]))) : undefined],
    ]));
    case 'apiKey': return call('EdgeAuth.apiKey', obj([
      ['secretName', a.secretName !== undefined ? lit(a.secretName) : undefined],
      ['anyConsumer', a.secretName === undefined ? lit(true) : undefined],
      // The header defaults to x-api-key only without a query parameter.
      ['header', a.header !== undefined && (a.header !== 'x-api-key' || a.queryParameter !== undefined) ? lit(a.header) : undefined],
      ['queryParameter', a.queryParameter !== undefined ? lit(a.queryParameter) : undefined],
      ['removeKey', a.removeKey ? lit(true) : undefined],
    ]));
    case 'basic': return call('EdgeAuth.basic', obj([
      ['secretName', a.secretName !== undefined ? lit(a.secretName) : undefined],
      ['anyConsumer', a.secretName === undefined ? lit(true) : undefined],
      ['realm', a.realm !== undefined ? lit(a.realm) : undefined],
    ]));
    case 'externalProvider': return call('EdgeAuth.externalProvider', lit(a.provider));
    case 'jwtConsumerKeys': return call('EdgeAuth.jwtConsumerKeys', obj([
      ['secretName', a.secretName !== undefined ? lit(a.secretName) : undefined],
      ['anyConsumer', a.secretName === undefined ? lit(true) : undefined],
      ['keyClaim', a.keyClaim !== 'iss' ? lit(a.keyClaim) : undefined],
    ]));
  }
}

const DEFAULT_CORS_METHODS = 'GET,HEAD,POST';
const RETRY_ON: Record<string, string> = { 'connect-failure': 'CONNECT_FAILURE', 'reset': 'RESET', 'gateway-error': 'GATEWAY_ERROR', '5xx': 'SERVER_ERROR' };
const STATUS: Record<number, string> = { 301: 'MOVED_PERMANENTLY', 302: 'FOUND', 303: 'SEE_OTHER', 307: 'TEMPORARY_REDIRECT', 308: 'PERMANENT_REDIRECT' };

/** The RouteOptions properties of a route's policies (redirect and rewrite included). */
export function policyProps(p: PoliciesIR): Array<[string, Expr | undefined]> {
  const t = p.timeouts;
  const ms = (v: number | undefined) => (v !== undefined ? duration(v) : undefined);
  const c = p.cors;
  const r = p.retries;
  const s = p.sessionAffinity;
  const red = p.redirect;
  const rw = p.rewrite;
  const onlyHttps = red && red.scheme === 'https' && red.host === undefined && red.port === undefined && red.path === undefined;
  const defaultRetryOn = r && r.statusCodes.length === 0 && r.conditions.length === 1 && r.conditions[0] === 'connect-failure';
  const noRetryOn = r && r.statusCodes.length > 0 && r.conditions.length === 0;
  return [
    ['rateLimit', p.rateLimit ? rateLimitExpr(p.rateLimit) : undefined],
    ['timeouts', t ? call('Timeouts.of', obj([
      ['connect', ms(t.connectMs)], ['read', ms(t.readMs)], ['send', ms(t.sendMs)], ['request', ms(t.requestMs)], ['backendRequest', ms(t.backendRequestMs)],
    ])) : undefined],
    ['bodySize', p.bodySize ? bodySizeExpr(p.bodySize.maxBytes) : undefined],
    ['cors', c ? call('Cors.allow', obj([
      ['origins', arr(c.origins.map(lit))],
      ['methods', c.methods.join(',') !== DEFAULT_CORS_METHODS ? arr(c.methods.map(lit)) : undefined],
      ['headers', c.headers.length > 0 ? arr(c.headers.map(lit)) : undefined],
      ['exposeHeaders', c.exposeHeaders.length > 0 ? arr(c.exposeHeaders.map(lit)) : undefined],
      ['credentials', c.credentials ? lit(true) : undefined],
      ['maxAge', c.maxAgeSeconds !== undefined ? duration(c.maxAgeSeconds * 1000) : undefined],
    ])) : undefined],
    ['headerRules', p.headers ? call('HeaderRules.of', obj([['request', headerOpsExpr(p.headers.request)], ['response', headerOpsExpr(p.headers.response)]])) : undefined],
    ['ipAccess', p.ipAccess ? (p.ipAccess.allow.length > 0 ? call('IpAccess.allow', arr(p.ipAccess.allow.map(lit))) : call('IpAccess.deny', arr(p.ipAccess.deny.map(lit)))) : undefined],
    ['retries', r ? call('Retries.of', obj([
      ['attempts', lit(r.attempts)],
      ['on', defaultRetryOn || noRetryOn ? undefined : arr(r.conditions.map(x => enumOf('RetryOn', RETRY_ON[x])))],
      ['statusCodes', r.statusCodes.length > 0 ? arr(r.statusCodes.map(lit)) : undefined],
      ['perTryTimeout', ms(r.perTryTimeoutMs)],
      ['backoff', ms(r.backoffMs)],
      ['maxBackoff', ms(r.maxBackoffMs)],
      ['window', ms(r.windowMs)],
      ['nonIdempotent', r.nonIdempotent ? lit(true) : undefined],
    ])) : undefined],
    ['sessionAffinity', s ? call('SessionAffinity.cookie', obj([
      ['name', lit(s.cookieName)],
      ['ttl', s.ttlSeconds !== undefined ? duration(s.ttlSeconds * 1000) : undefined],
      ['path', s.path !== undefined ? lit(s.path) : undefined],
      ['secure', s.secure ? undefined : lit(false)],
      ['httpOnly', s.httpOnly ? undefined : lit(false)],
      ['sameSite', s.sameSite ? enumOf('SameSite', s.sameSite.toUpperCase()) : undefined],
    ])) : undefined],
    ['backendProtocol', p.backendProtocol ? enumOf('BackendProtocol', p.backendProtocol.protocol) : undefined],
    ['auth', p.auth ? authExpr(p.auth) : undefined],
    ['concurrencyLimit', p.concurrencyLimit ? concurrencyLimitExpr(p.concurrencyLimit) : undefined],
    ['redirect', red?.url !== undefined ? urlRedirectExpr(red.url, red.statusCode) : red ? (onlyHttps
      ? callWithOptions('Redirect.toHttps', [], obj([['statusCode', red.statusCode !== 308 ? enumOf('RedirectStatus', STATUS[red.statusCode]) : undefined]]))
      : call('Redirect.to', obj([
        ['scheme', red.scheme !== undefined ? lit(red.scheme) : undefined],
        ['host', red.host !== undefined ? lit(red.host) : undefined],
        ['port', red.port !== undefined ? lit(red.port) : undefined],
        ['path', red.path?.kind === 'full' ? lit(red.path.value) : undefined],
        ['replacePrefix', red.path?.kind === 'prefix' ? lit(red.path.value) : undefined],
        // A status-only redirect (to the same URL) names its status even when it is the default.
        ['statusCode', red.statusCode !== 301 || statusOnly(red) ? enumOf('RedirectStatus', STATUS[red.statusCode]) : undefined],
      ]))) : undefined],
    ['rewrite', rw ? (rw.path ? call(rw.path.kind === 'prefix' ? 'Rewrite.replacePrefix' : 'Rewrite.replaceFullPath', lit(rw.path.value))
      : rw.host !== undefined ? call('Rewrite.hostname', lit(rw.host)) : undefined) : undefined],
  ];
}

function serverExpr(url: string): Expr {
  if (url === 'https://acme-v02.api.letsencrypt.org/directory') return call('AcmeServer.letsEncryptProduction');
  if (url === 'https://acme-staging-v02.api.letsencrypt.org/directory') return call('AcmeServer.letsEncryptStaging');
  return call('AcmeServer.custom', lit(url));
}

function selectorExpr(s: SelectorRead): Expr {
  return obj([['selector', s.dnsNames.length + s.dnsZones.length > 0 ? obj([
    ['dnsNames', s.dnsNames.length > 0 ? arr(s.dnsNames.map(lit)) : undefined],
    ['dnsZones', s.dnsZones.length > 0 ? arr(s.dnsZones.map(lit)) : undefined],
  ]) : undefined]]);
}

function secretKeyExpr(r: { name: string; key: string } | undefined): Expr | undefined {
  return r ? obj([['name', lit(r.name)], ['key', lit(r.key)]]) : undefined;
}

function dns01Expr(d: Dns01Read): Expr {
  const opt = (v: string | undefined) => (v !== undefined ? lit(v) : undefined);
  switch (d.provider) {
    case 'cloudflare': return call('Dns01Provider.cloudflare', obj([['apiToken', secretKeyExpr(d.apiToken)]]));
    case 'route53': return callWithOptions('Dns01Provider.route53', [], obj([
      ['region', opt(d.region)], ['hostedZoneId', opt(d.hostedZoneId)], ['role', opt(d.role)],
      ['accessKeyId', secretKeyExpr(d.accessKeyId)], ['secretAccessKey', secretKeyExpr(d.secretAccessKey)],
    ]));
    case 'cloudDNS': return call('Dns01Provider.googleCloudDns', obj([['project', lit(d.project)], ['serviceAccount', secretKeyExpr(d.serviceAccount)]]));
    case 'rfc2136': return call('Dns01Provider.rfc2136', obj([
      ['nameserver', lit(d.nameserver)], ['tsigKeyName', opt(d.tsigKeyName)],
      ['tsigAlgorithm', d.tsigAlgorithm !== undefined ? enumOf('TsigAlgorithm', TSIG[d.tsigAlgorithm] ?? d.tsigAlgorithm) : undefined],
      ['tsigSecret', secretKeyExpr(d.tsigSecret)],
    ]));
    case 'webhook': return call('Dns01Provider.webhook', obj([['groupName', lit(d.groupName)], ['solverName', lit(d.solverName)], ['config', d.config !== undefined ? jsonExpr(d.config) : undefined]]));
  }
}

const TSIG: Record<string, string> = { HMACMD5: 'HMAC_MD5', HMACSHA1: 'HMAC_SHA1', HMACSHA256: 'HMAC_SHA256', HMACSHA512: 'HMAC_SHA512' };

/** Plain JSON as an expression. */
export function jsonExpr(v: unknown): Expr {
  if (Array.isArray(v)) return arr(v.map(jsonExpr));
  if (v !== null && typeof v === 'object') return obj(Object.entries(v).map(([k, x]) => [k, jsonExpr(x)]));
  if (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean') return lit(v);
  return lit('');
}

function solverExpr(s: SolverRead): Expr {
  const sel = selectorExpr(s.selector);
  switch (s.type) {
    case 'http01-ingress': return callWithOptions('AcmeSolver.http01Ingress', [lit(s.ingressClassName)], sel);
    case 'http01-gateway': return callWithOptions('AcmeSolver.http01Gateway', [lit(s.gatewayName)], obj([
      ['namespace', s.namespace !== undefined ? lit(s.namespace) : undefined],
      ['sectionName', s.sectionName !== undefined ? lit(s.sectionName) : undefined],
      ...(sel.kind === 'object' ? sel.props : []),
    ]));
    case 'dns01': return callWithOptions('AcmeSolver.dns01', [dns01Expr(s.dns01)], sel);
  }
}

// ------------------------------------------------------------------------------------------
// Names

/** A construct id: lowercase letters, digits and '-', starting with a letter or digit. */
export function idOf(name: string): string {
  const id = name.toLowerCase().replace(/[^a-z0-9-]+/g, '-').replace(/-+/g, '-').replace(/^-+|-+$/g, '');
  return (id || 'imported').slice(0, 50).replace(/-+$/, '');
}

function stripPrefix(s: string, prefix: string): string {
  return s.startsWith(prefix) && s.length > prefix.length ? s.slice(prefix.length) : s;
}

function unique(base: string, used: Set<string>, sep = '-'): string {
  let candidate = base;
  for (let i = 2; used.has(candidate); i++) candidate = `${base}${sep}${i}`;
  used.add(candidate);
  return candidate;
}

function camel(name: string): string {
  const parts = name.split(/[^A-Za-z0-9]+/).filter(Boolean);
  const s = parts.map((p, i) => (i === 0 ? p.toLowerCase() : p[0].toUpperCase() + p.slice(1).toLowerCase())).join('');
  return /^[0-9]/.test(s) || s.length === 0 ? `g${s}` : s;
}

const RESERVED = new Set([
  'app', 'chart', 'break', 'case', 'catch', 'class', 'const', 'continue', 'debugger', 'default', 'delete', 'do', 'else', 'enum', 'export', 'extends',
  'false', 'finally', 'for', 'function', 'if', 'import', 'in', 'instanceof', 'new', 'null', 'return', 'super', 'switch', 'this', 'throw', 'true',
  'try', 'typeof', 'var', 'void', 'while', 'with', 'yield', 'let', 'static', 'implements', 'interface', 'package', 'private', 'protected', 'public',
  'await', 'async', 'of', 'Duration', 'App', 'Chart',
]);

/** A redirect that changes nothing but the status: `Redirect.to({ statusCode })`. */
/** `Redirect.toUrl(url, { statusCode })` (the status unless 301). */
function urlRedirectExpr(url: string, statusCode: RedirectIR['statusCode']): Expr {
  return callWithOptions('Redirect.toUrl', [lit(url)], obj([['statusCode', statusCode !== 301 ? enumOf('RedirectStatus', STATUS[statusCode]) : undefined]]));
}

function statusOnly(r: RedirectIR): boolean {
  return r.scheme === undefined && r.host === undefined && r.port === undefined && r.path === undefined;
}
