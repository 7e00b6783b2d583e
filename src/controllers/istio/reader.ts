import { KIND, LISTENER_OPTION, OPTIONAL_MUTUAL } from './constants';
import { hostPatterns, pathPatterns } from './features/scope';
import { MatchIR, PathIR } from '../../ir/model';
import { EdgeAuthIR, IpAccessIR, PoliciesIR } from '../../ir/policies';
import { ianaCipherName } from '../common/tls';
import { ExtensionReadContext, ExtensionReading, gatewayApiReader, GatewayApiReadExtension, GROUP, ListenerOptionsReading, ReadRouteObject } from '../gateway-api/read-extension';
import { ControllerReader, KubeObject } from '../reader';

type Mutable<T> = { -readonly [k in keyof T]: T[k] };
type Jwt = Extract<EdgeAuthIR, { kind: 'jwt' }>;

const SECURITY_GROUP = 'security.istio.io';
const NETWORKING_GROUP = 'networking.istio.io';

/** Istio kinds the intent has no equivalent for (read as unmapped whole objects). */
const UNMODELLED: Record<string, string> = {
  PeerAuthentication: 'mesh mTLS between workloads is not an edge setting',
  VirtualService: 'Istio\'s own routing API: this reader reads the Gateway API routes (convert the VirtualService to an HTTPRoute first)',
  DestinationRule: 'Istio\'s load balancing / connection pool / TLS origination API is not modelled (a BackendTLSPolicy re-encrypts)',
  EnvoyFilter: 'raw Envoy configuration: the intent never emits it',
  Gateway: 'Istio\'s own Gateway: this reader reads Gateway API Gateways',
  ServiceEntry: 'external services of the mesh are not modelled',
  Sidecar: 'mesh sidecar scoping is not an edge setting',
  WorkloadEntry: 'mesh workloads are not modelled',
  WasmPlugin: 'Wasm extensions are not modelled',
  Telemetry: 'telemetry is not modelled',
  ProxyConfig: 'proxy configuration is not modelled',
};

/**
 * Istio's security policies read back (the reading side of `istioExtension`): a DENY
 * AuthorizationPolicy on a Gateway protects the routes of that Gateway whose every request its
 * rule's operations match (hosts, methods, paths; the `not` lists subtract other routes'
 * requests): a missing principal of an issuer is `EdgeAuth.jwt` (with the issuer's
 * RequestAuthentication), a refused client address `IpAccess`. An ALLOW policy is read the same
 * way for the routes it lists; it also refuses every other request of the Gateway, which the
 * intent cannot say.
 */
export const istioReadExtension: GatewayApiReadExtension = {
  accepts: (o: KubeObject) => typeof o?.apiVersion === 'string'
    && ((o.apiVersion.startsWith(`${SECURITY_GROUP}/`) && (o.kind === KIND.requestAuthentication || o.kind === KIND.authorizationPolicy || o.kind in UNMODELLED))
      || (o.apiVersion.startsWith(`${NETWORKING_GROUP}/`) && o.kind in UNMODELLED)),
  read: (objects, ctx) => read(objects, ctx),
  readListenerTlsOptions: (g, field, options, ctx) => readListenerTlsOptions(g, field, options, ctx),
};

/**
 * An HTTPS listener's Istio options: the cipher list (OpenSSL names Istio knows, read as IANA
 * names) and OPTIONAL_MUTUAL (an optional client certificate). Other keys and values are unmapped.
 */
function readListenerTlsOptions(
  g: KubeObject, field: string, options: Readonly<Record<string, unknown>>, ctx: ExtensionReadContext,
): ListenerOptionsReading {
  let cipherSuites: string[] | undefined;
  let optionalClientCertificate: boolean | undefined;
  for (const [key, value] of Object.entries(options)) {
    const at = `${field}.${key}`;
    if (key === LISTENER_OPTION.cipherSuites && typeof value === 'string') {
      const names = value.split(',').map(n => n.trim());
      const iana = names.map(ianaCipherName);
      if (names.length > 0 && iana.every(n => n !== undefined) && new Set(iana).size === iana.length) {
        cipherSuites = iana as string[];
        ctx.mapped(g, at, 'TlsHost.cipherSuites', value);
      } else {
        ctx.unmapped(g, at, 'the intent lists distinct TLS 1.2 suites by name (TlsCipherSuite); this list has others, repeats or cipher expressions', value);
      }
    } else if (key === LISTENER_OPTION.terminateMode && value === OPTIONAL_MUTUAL) {
      optionalClientCertificate = true;
      ctx.mapped(g, at, 'TlsHost.clientAuth (ClientAuth.optional)', value);
    } else {
      ctx.unmapped(g, at, 'an Istio listener option the intent does not model', value);
    }
  }
  return { ...(cipherSuites ? { cipherSuites } : {}), ...(optionalClientCertificate ? { optionalClientCertificate } : {}) };
}

interface Operation {
  readonly hosts?: string[];
  readonly notHosts?: string[];
  readonly methods?: string[];
  readonly paths?: string[];
  readonly notPaths?: string[];
}

function read(objects: readonly KubeObject[], ctx: ExtensionReadContext): ExtensionReading {
  const routePolicies = new Map<string, Mutable<PoliciesIR>>();
  const ns = (o: KubeObject) => o.metadata.namespace ?? ctx.defaultNamespace;
  // Issuers validated per Gateway (`namespace/name`).
  const issuers = new Map<string, Map<string, Omit<Jwt, 'source'>>>();
  for (const o of objects) {
    if (o.kind in UNMODELLED && o.kind !== KIND.requestAuthentication && o.kind !== KIND.authorizationPolicy) {
      ctx.unmapped(o, 'spec', UNMODELLED[o.kind], o.kind);
    }
  }
  for (const o of objects.filter(x => x.kind === KIND.requestAuthentication)) {
    const spec = o.spec ?? {};
    for (const key of Object.keys(spec).sort()) {
      if (key !== 'targetRefs' && key !== 'jwtRules') ctx.unmapped(o, `spec.${key}`, key === 'selector' ? 'a policy on workloads by label: the intent attaches policies to the Gateway of its routes' : 'a RequestAuthentication field the intent does not model', spec[key]);
    }
    const gateways = gatewayTargets(o, ctx);
    ((spec.jwtRules ?? []) as any[]).forEach((r, i) => {
      const field = `spec.jwtRules[${i}]`;
      const extra = Object.keys(r ?? {}).filter(k => !['issuer', 'jwksUri', 'audiences', 'outputClaimToHeaders'].includes(k));
      if (!r?.issuer || !r.jwksUri || extra.length > 0) {
        ctx.unmapped(o, field, extra.length > 0 ? `the token rule's ${extra.join(', ')} is not modelled` : 'the intent validates tokens against a remote JWKS (jwksUri)', r);
        return;
      }
      const jwt: Omit<Jwt, 'source'> = {
        kind: 'jwt',
        issuer: r.issuer,
        jwksUri: r.jwksUri,
        audiences: [...(r.audiences ?? [])].sort(),
        claimsToHeaders: ((r.outputClaimToHeaders ?? []) as any[])
          .map(c => ({ claim: c.claim, header: c.header }))
          .sort((a, b) => (a.header < b.header ? -1 : 1)),
      };
      for (const g of gateways) {
        let m = issuers.get(g);
        if (!m) { m = new Map(); issuers.set(g, m); }
        m.set(jwt.issuer, jwt);
      }
      ctx.mapped(o, field, 'EdgeAuth.jwt (issuer, jwksUri, audiences, claimsToHeaders) of the routes whose AuthorizationPolicy requires it', r);
    });
  }
  for (const o of objects.filter(x => x.kind === KIND.authorizationPolicy)) {
    const spec = o.spec ?? {};
    for (const key of Object.keys(spec).sort()) {
      if (!['targetRefs', 'action', 'rules', ...(spec.action === 'CUSTOM' ? ['provider'] : [])].includes(key)) ctx.unmapped(o, `spec.${key}`, key === 'selector' ? 'a policy on workloads by label: the intent attaches policies to the Gateway of its routes' : 'an AuthorizationPolicy field the intent does not model', spec[key]);
    }
    const action = spec.action ?? 'ALLOW';
    if (action === 'CUSTOM') {
      readCustom(o, ctx, routePolicies);
      continue;
    }
    if (action !== 'DENY' && action !== 'ALLOW') {
      ctx.unmapped(o, 'spec.action', `a ${action} policy has no intent meaning`, action);
      continue;
    }
    const gateways = gatewayTargets(o, ctx);
    const routes = ctx.routes.filter(r => r.gateways.some(g => gateways.includes(g)));
    const allowed = new Set<string>();
    ((spec.rules ?? []) as any[]).forEach((rule, i) => {
      const field = `spec.rules[${i}]`;
      const extra = Object.keys(rule ?? {}).filter(k => k !== 'from' && k !== 'to');
      if (extra.length > 0) { ctx.unmapped(o, `${field}.${extra[0]}`, 'conditions on request attributes are not modelled', rule[extra[0]]); return; }
      const policy = rulePolicy(rule, action, gateways, issuers, ns(o));
      if (typeof policy === 'string') { ctx.unmapped(o, field, policy, rule); return; }
      const covered = coveredRoutes(o, ctx, field, rule, routes);
      if (!covered) return;
      for (const r of covered) {
        const p = routePolicies.get(r.ref) ?? {};
        if (policy.auth) p.auth = { ...policy.auth, source: r.ref };
        if (policy.ipAccess) p.ipAccess = { ...policy.ipAccess, source: r.ref };
        routePolicies.set(r.ref, p);
        allowed.add(r.ref);
      }
      ctx.mapped(o, field, `${policy.auth ? 'Route.auth (EdgeAuth.jwt)' : `Route.ipAccess (IpAccess.${policy.ipAccess!.allow.length > 0 ? 'allow' : 'deny'})`} of ${covered.map(r => r.ref).join(', ')}`, rule);
    });
    if (action === 'ALLOW') {
      const denied = routes.filter(r => !allowed.has(r.ref));
      if (denied.length > 0) ctx.unmapped(o, 'spec.action', `an ALLOW policy on the Gateway refuses every request it does not allow, so ${denied.map(r => r.ref).join(', ')} would be refused entirely, which the intent cannot say`, action);
    }
  }
  return { routePolicies };
}

/**
 * A CUSTOM AuthorizationPolicy: the routes whose every request its rules select (by operation
 * only) are authorized by the named extension provider (`EdgeAuth.externalProvider`).
 */
function readCustom(o: KubeObject, ctx: ExtensionReadContext, routePolicies: Map<string, Mutable<PoliciesIR>>): void {
  const spec = o.spec ?? {};
  const provider = spec.provider?.name;
  if (typeof provider !== 'string' || Object.keys(spec.provider).length !== 1) {
    ctx.unmapped(o, 'spec.provider', 'a CUSTOM policy names the extension provider that decides (provider.name)', spec.provider);
    return;
  }
  ctx.mapped(o, 'spec.action', 'Route.auth (EdgeAuth.externalProvider)', spec.action);
  ctx.mapped(o, 'spec.provider', 'EdgeAuth.externalProvider name', spec.provider);
  const gateways = gatewayTargets(o, ctx);
  const routes = ctx.routes.filter(r => r.gateways.some(g => gateways.includes(g)));
  ((spec.rules ?? []) as any[]).forEach((rule, i) => {
    const field = `spec.rules[${i}]`;
    const extra = Object.keys(rule ?? {}).filter(k => k !== 'to');
    if (extra.length > 0) {
      const reason = 'the intent sends every request of a route to the provider (conditions on the source or request attributes are not modelled)';
      ctx.unmapped(o, `${field}.${extra[0]}`, reason, rule[extra[0]]);
      return;
    }
    const covered = coveredRoutes(o, ctx, field, rule, routes);
    if (!covered) return;
    for (const r of covered) {
      const p = routePolicies.get(r.ref) ?? {};
      p.auth = { kind: 'externalProvider', provider, source: r.ref };
      routePolicies.set(r.ref, p);
    }
    ctx.mapped(o, field, `Route.auth (EdgeAuth.externalProvider('${provider}')) of ${covered.map(r => r.ref).join(', ')}`, rule);
  });
}

/**
 * The routes whose every request one rule's operations (`to`; absent: every request) select;
 * undefined (reported as unmapped) when it selects none as a whole or uses unmodelled operations.
 */
function coveredRoutes(
  o: KubeObject, ctx: ExtensionReadContext, field: string, rule: any, routes: readonly ReadRouteObject[],
): ReadRouteObject[] | undefined {
  const ops: Operation[] | undefined = rule?.to === undefined ? undefined : (rule.to as any[]).map(t => t?.operation ?? {});
  const badOp = (ops ?? []).find(op => Object.keys(op).some(k => !['hosts', 'notHosts', 'methods', 'paths', 'notPaths'].includes(k)));
  if (badOp) { ctx.unmapped(o, `${field}.to`, 'operations on ports or other attributes are not modelled', badOp); return undefined; }
  const covered: ReadRouteObject[] = [];
  for (const r of routes) {
    const entries = entriesOf(r);
    const others = othersOf(r, routes);
    const inScope = entries.filter(e => ops === undefined || ops.some(op => covers(op, e.host, e.match, others)));
    if (inScope.length === entries.length) {covered.push(r);} else if (inScope.length > 0 && !r.redirectOnly) {
      ctx.unmapped(o, `${field}.to`, `it applies to some of the requests of ${r.ref} only, which a route policy cannot say`, rule.to);
    }
  }
  if (covered.length === 0) {
    ctx.unmapped(o, field, 'it applies to none of the routes read (as a whole)', rule);
    return undefined;
  }
  return covered;
}

/** The Gateways (`namespace/name`) a policy targets. */
function gatewayTargets(o: KubeObject, ctx: ExtensionReadContext): string[] {
  const ns = o.metadata.namespace ?? ctx.defaultNamespace;
  const out: string[] = [];
  ((o.spec?.targetRefs ?? []) as any[]).forEach((t, i) => {
    if (t?.kind === 'Gateway' && (t.group ?? GROUP) === GROUP) {
      out.push(`${ns}/${t.name}`);
      ctx.mapped(o, `spec.targetRefs[${i}]`, 'the routes of the Gateway it targets', t);
    } else {
      ctx.unmapped(o, `spec.targetRefs[${i}]`, 'the intent attaches Istio policies to the Gateway of its routes', t);
    }
  });
  if (out.length === 0 && o.spec?.targetRefs === undefined && o.spec?.selector === undefined) {
    ctx.unmapped(o, 'metadata.namespace', 'a policy without target applies to every workload of its namespace (or the mesh): not an edge setting', ns);
  }
  return out;
}

/** What one rule requires: a principal of an issuer, or client addresses. */
function rulePolicy(
  rule: any, action: 'DENY' | 'ALLOW', gateways: readonly string[], issuers: Map<string, Map<string, Omit<Jwt, 'source'>>>, _ns: string,
): { auth?: Omit<Jwt, 'source'>; ipAccess?: Omit<IpAccessIR, 'source'> } | string {
  const from = rule.from ?? [];
  if (from.length !== 1) return 'the intent reads one source condition per rule (a token issuer or client addresses)';
  const source = from[0]?.source ?? {};
  const keys = Object.keys(source);
  if (keys.length !== 1) return 'the intent reads one source condition per rule (a token issuer or client addresses)';
  const key = keys[0];
  const values: string[] = source[key] ?? [];
  const principalKey = action === 'DENY' ? 'notRequestPrincipals' : 'requestPrincipals';
  if (key === principalKey) {
    const issuer = values.length === 1 && values[0].endsWith('/*') ? values[0].slice(0, -2) : undefined;
    if (!issuer) return 'the intent requires a token of one issuer (`<issuer>/*`)';
    const jwt = gateways.map(g => issuers.get(g)?.get(issuer)).find(x => x !== undefined);
    if (!jwt) return `no RequestAuthentication on the Gateway validates tokens of '${issuer}'`;
    return { auth: jwt };
  }
  const sorted = [...values].sort();
  if ((action === 'DENY' && key === 'notRemoteIpBlocks') || (action === 'ALLOW' && key === 'remoteIpBlocks')) return { ipAccess: { allow: sorted, deny: [] } };
  if (action === 'DENY' && key === 'remoteIpBlocks') return { ipAccess: { allow: [], deny: sorted } };
  if (key === 'ipBlocks' || key === 'notIpBlocks') return 'the intent filters by the original client address (remoteIpBlocks), not the address of the last proxy (ipBlocks)';
  return `a '${key}' condition has no intent meaning`;
}

interface Entry {
  /** undefined: the route serves every host. */
  readonly host?: string;
  readonly match: MatchIR;
}

function entriesOf(r: ReadRouteObject): Entry[] {
  const hosts: Array<string | undefined> = r.hosts.length > 0 ? [...r.hosts] : [undefined];
  return hosts.flatMap(host => r.matches.map(match => ({ host, match })));
}

/** Whether an Istio path pattern (exact, `prefix*`, `*suffix`, `*`) matches a path. */
function patternMatches(pattern: string, path: string): boolean {
  if (pattern === '*') return true;
  if (pattern.endsWith('*')) return path.startsWith(pattern.slice(0, -1));
  if (pattern.startsWith('*')) return path.endsWith(pattern.slice(1));
  return pattern === path;
}

/** Whether every request path of a route path is matched by one of `patterns`. */
function pathCovered(p: PathIR, patterns: readonly string[]): boolean {
  if (p.kind === 'RegularExpression') return patterns.includes('*');
  if (p.kind === 'Exact') return patterns.some(x => patternMatches(x, p.value));
  const base = p.value === '/' ? '' : p.value;
  const self = p.value === '/' ? '/' : p.value;
  const subtree = patterns.some(x => x === '*' || (x.endsWith('*') && `${base}/`.startsWith(x.slice(0, -1))));
  return subtree && patterns.some(x => patternMatches(x, self));
}

/**
 * Whether an operation matches every request one host + match of a route serves. `notHosts`
 * subtracts hosts; `notPaths` naming other routes' paths are theirs (more specific routes take
 * those requests), so they do not make this route's coverage partial.
 */
function covers(op: Operation, host: string | undefined, m: MatchIR, others: Others): boolean {
  if (op.hosts !== undefined && (host === undefined || !hostPatterns(host).every(h => op.hosts!.includes(h)))) return false;
  if (host !== undefined && op.notHosts?.includes(host)) return false;
  if (op.methods !== undefined && (m.method === undefined || !op.methods.includes(m.method))) return false;
  if (op.paths !== undefined && !pathCovered(m.path, op.paths)) return false;
  const base = m.path.kind === 'RegularExpression' ? undefined : m.path.value;
  if (base !== undefined && (op.notPaths ?? []).some(x => patternMatches(x, base) && !others.paths.has(x))) return false;
  return true;
}

/** Path patterns of the other routes of the Gateway. */
interface Others {
  readonly paths: ReadonlySet<string>;
}

function othersOf(r: ReadRouteObject, routes: readonly ReadRouteObject[]): Others {
  const rest = routes.filter(x => x !== r);
  return {
    paths: new Set(rest.flatMap(x => x.matches.flatMap(m => pathPatterns(m.path) ?? []))),
  };
}

/** The istio column. */
export const ISTIO_READER: ControllerReader = {
  ...gatewayApiReader('istio', istioReadExtension),
  gatewayClass: { controllerNamePrefix: 'istio.io/', defaultClassName: 'istio' },
};
