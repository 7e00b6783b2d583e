import { BackendSpec, CanarySpec, CaseSpec, HeaderSpec, MatchSpec, PathSpec, RouteSpec } from './intent';
import { ControllerName } from '../../src/capabilities/features';
import { suffixWildcard } from '../../src/controllers/common/wildcard';

/**
 * "Every routing setting the user asked for is at its place": expectations built from the
 * generated case (not from the library's IR), checked as key and value where each controller
 * reads them: a header's name and value on one match entry, the path's type and value, the method
 * in the method field, canary weights on the backends. Returns one line per setting not found.
 */
export function misplacedSettings(controller: ControllerName, spec: CaseSpec, objects: any[]): string[] {
  const out: string[] = [];
  const check = FAMILY[controller];
  spec.routes.forEach((r, i) => {
    for (const m of r.matches) {
      if (isCatchAll(m)) continue; // subsumed by an unconditional match: nothing to place
      for (const problem of check.match(objects, m, r, spec)) out.push(`[r${i}] ${describe(m)}: ${problem}`);
    }
  });
  spec.canaries.forEach((c, i) => {
    const split = weights(c);
    if (split) for (const problem of check.weights(objects, c, spec.routes[c.route], split)) out.push(`[c${i}] weights ${split.stable}:${split.canary}: ${problem}`);
  });
  return out;
}

function describe(m: MatchSpec): string {
  return JSON.stringify({ path: m.path, headers: m.headers, query: m.query, method: m.method });
}

function isCatchAll(m: MatchSpec): boolean {
  return (m.path === undefined || (m.path.kind === 'prefix' && m.path.value === '/')) && m.headers.length === 0 && m.query.length === 0 && !m.method;
}

/** A prefix is matched on segment boundaries: a trailing slash is not part of it. */
const prefix = (v: string) => (v.length > 1 ? v.replace(/\/+$/, '') || '/' : v);
/** A regex as written, without the anchors a controller may add or drop. */
const unanchored = (v: string) => v.replace(/^\^/, '').replace(/\$$/, '');
const sameName = (a: unknown, b: string) => typeof a === 'string' && a.toLowerCase() === b.toLowerCase();

/** The stable:canary split a weight-based canary asks for, or undefined for a condition-based one. */
function weights(c: CanarySpec): { stable: number; canary: number } | undefined {
  const t = c.traffic;
  if (t.kind === 'weight') return { stable: 100 - t.percent, canary: t.percent };
  if (t.kind === 'weights') return { stable: t.stable, canary: t.canary };
  if (t.kind === 'parse') { const p = Number(t.text.trim()); return { stable: 100 - p, canary: p }; }
  return undefined;
}
const sameRatio = (stable: unknown, canary: unknown, want: { stable: number; canary: number }) =>
  typeof stable === 'number' && typeof canary === 'number' && stable * want.canary === canary * want.stable && (stable > 0 || canary > 0);

/** A backend reference (HTTPRoute backendRef, Traefik service) to this Service port. */
const same = (ref: any, b: BackendSpec | undefined) => b !== undefined && ref?.name === b.service && ref.port === b.port;

interface Family {
  match(objects: any[], m: MatchSpec, r: RouteSpec, spec: CaseSpec): string[];
  weights(objects: any[], c: CanarySpec, stable: RouteSpec, want: { stable: number; canary: number }): string[];
}

// ---------------------------------------------------------------------------------------------
// Gateway API: HTTPRoute / GRPCRoute rules[].matches[]

function grpc(r: RouteSpec, spec: CaseSpec): boolean {
  return (r.policies.backendProtocol ?? spec.defaults?.backendProtocol) === 'GRPC' && r.backends.length > 0;
}

function httpPath(p: PathSpec | undefined): (x: any) => boolean {
  if (!p) return x => x?.path === undefined || (x.path.type === 'PathPrefix' && x.path.value === '/');
  if (p.kind === 'exact') return x => x?.path?.type === 'Exact' && x.path.value === p.value;
  if (p.kind === 'prefix') return x => (p.value === '/' ? x?.path === undefined || (x.path.type === 'PathPrefix' && x.path.value === '/') : x?.path?.type === 'PathPrefix' && x.path.value === prefix(p.value));
  return x => x?.path?.type === 'RegularExpression' && unanchored(x.path.value) === unanchored(p.value);
}

function httpHeader(h: HeaderSpec): (x: any) => boolean {
  return h.kind === 'exact'
    ? x => sameName(x?.name, h.name) && (x.type === undefined || x.type === 'Exact') && x.value === h.value
    : x => sameName(x?.name, h.name) && x.type === 'RegularExpression' && unanchored(x.value) === unanchored(h.value);
}

const GATEWAY_API: Family = {
  match(objects, m, r, spec) {
    const isGrpc = grpc(r, spec);
    const entries = objects.filter(o => o.kind === (isGrpc ? 'GRPCRoute' : 'HTTPRoute'))
      .flatMap(o => (o.spec?.rules ?? []).flatMap((rule: any) => rule.matches ?? []));
    const ok = (x: any) => (isGrpc || httpPath(m.path)(x))
      && m.headers.every(h => (x.headers ?? []).some(httpHeader(h)))
      && m.query.every(q => (x.queryParams ?? []).some((y: any) => y.name === q.name && y.value === q.value && (y.type === undefined || y.type === 'Exact')))
      && (isGrpc || x.method === m.method);
    return entries.some(ok) ? [] : [`no ${isGrpc ? 'GRPCRoute' : 'HTTPRoute'} match has exactly these ${isGrpc ? 'headers' : 'path, headers, query parameters and method'}`];
  },
  weights(objects, c, stable, want) {
    const refs = objects.filter(o => o.kind === 'HTTPRoute' || o.kind === 'GRPCRoute')
      .flatMap(o => (o.spec?.rules ?? []).map((rule: any) => rule.backendRefs ?? []));
    const found = refs.some((b: any[]) => {
      const s = b.find(x => same(x, stable.backends[0]));
      const k = b.find(x => same(x, c.canary));
      return s && k && sameRatio(s.weight ?? 1, k.weight ?? 1, want);
    });
    return found ? [] : ['no rule sends stable and canary traffic in this ratio'];
  },
};

// ---------------------------------------------------------------------------------------------
// Ingress (ingress-nginx, Kong Ingress, Traefik Ingress): rules[].http.paths[] and annotations

function ingressPath(controller: ControllerName, p: PathSpec): (x: any) => boolean {
  // ingress-nginx in regex mode (use-regex, e.g. with a rewrite): the path as an anchored regex,
  // case-sensitive through `(?-i)`.
  const plain = (v: string) => v.replace(/\(\?-i\)/g, '').replace(/\\/g, '');
  const asRegex = (regex: string) => (x: any) => controller === 'ingress-nginx' && x.pathType === 'ImplementationSpecific'
    && typeof x.path === 'string' && plain(x.path) === regex;
  if (p.kind === 'exact') return x => (x.pathType === 'Exact' && x.path === p.value) || asRegex(`${p.value}$`)(x);
  if (p.kind === 'prefix') {
    const v = prefix(p.value);
    // Traefik's Prefix is a string prefix: `/a` is `Exact /a` plus `Prefix /a/`.
    if (controller === 'traefik-ingress' && v !== '/') return x => x.pathType === 'Prefix' && x.path === `${v}/`;
    // A prefix rewrite captures the rest of the path: `/a(/|$)(.*)`.
    const root = v === '/' ? '' : v;
    return x => (x.pathType === 'Prefix' && x.path === v) || asRegex(`${root}(/.*)?$`)(x) || asRegex(`${root}(/|$)(.*)`)(x);
  }
  return x => x.pathType === 'ImplementationSpecific' && typeof x.path === 'string' && x.path.replace(/\(\?-i\)/g, '').includes(unanchored(p.value));
}

function ingressFamily(controller: ControllerName): Family {
  return {
    match(objects, m, r) {
      const ingresses = objects.filter(o => o.kind === 'Ingress' && o.metadata?.annotations?.['nginx.ingress.kubernetes.io/canary'] === undefined);
      const hosts = r.hosts && r.hosts.length > 0 ? r.hosts : [undefined];
      const problems: string[] = [];
      for (const host of hosts) {
        // Kong writes the intent's `**.x` as its suffix wildcard `*.x`.
        const written = host !== undefined && controller === 'kong' ? suffixWildcard(host) : host;
        const candidates = ingresses.filter(o => (o.spec?.rules ?? []).some((rule: any) => rule.host === written
          && (m.path === undefined || (rule.http?.paths ?? []).some(ingressPath(controller, m.path)))));
        if (candidates.length === 0) { problems.push(`no Ingress rule for host ${host ?? '(any)'} has this path type and path`); continue; }
        const annotated = candidates.some(o => {
          const a = o.metadata?.annotations ?? {};
          const headersOk = m.headers.every(h => Object.entries(a).some(([k, v]) => k.toLowerCase() === `konghq.com/headers.${h.name.toLowerCase()}`
            && (h.kind === 'exact' ? v === h.value : typeof v === 'string' && v.includes(unanchored(h.value)))));
          const methodOk = !m.method || String(a['konghq.com/methods'] ?? '').split(',').includes(m.method);
          return headersOk && methodOk;
        });
        if (!annotated) problems.push(`no Ingress for host ${host ?? '(any)'} with this path carries the header / method annotations`);
      }
      return problems;
    },
    weights(objects, c, _stable, want) {
      // A route's second backend is a canary Ingress too (`<route>-split`): not this canary's.
      const canary = objects.find(o => o.kind === 'Ingress' && o.metadata?.annotations?.['nginx.ingress.kubernetes.io/canary'] === 'true' && !String(o.metadata?.name).endsWith('-split')
        && (o.spec?.rules ?? []).some((rule: any) => (rule.http?.paths ?? []).some((p: any) => p.backend?.service?.name === c.canary.service)));
      const a = canary?.metadata?.annotations ?? {};
      const w = Number(a['nginx.ingress.kubernetes.io/canary-weight']);
      const total = Number(a['nginx.ingress.kubernetes.io/canary-weight-total'] ?? 100);
      return sameRatio(total - w, w, want) ? [] : [`canary Ingress weight ${w}/${total}`];
    },
  };
}

// ---------------------------------------------------------------------------------------------
// Traefik IngressRoute: routes[].match expressions and weighted TraefikServices

/** A Traefik rule argument: backquoted, or double-quoted with Go escapes. */
const arg = (v: string) => [`\`${v}\``, JSON.stringify(v)];

const TRAEFIK: Family = {
  match(objects, m) {
    const rules: string[] = objects.filter(o => o.kind === 'IngressRoute').flatMap(o => (o.spec?.routes ?? []).map((x: any) => String(x.match)));
    const terms: string[][] = [];
    if (m.path) {
      const p = m.path;
      terms.push(p.kind === 'exact' ? arg(p.value).map(a => `Path(${a})`)
        : p.kind === 'prefix' ? [...arg(prefix(p.value)).map(a => `PathPrefix(${a})`), ...arg(`${prefix(p.value)}/`).map(a => `PathPrefix(${a})`)]
          : arg(unanchored(p.value)).flatMap(a => [`PathRegexp(${a}`, `PathRegexp(${a.replace(/^(.)/, '$1^').replace(/(.)$/, '$$$1')}`]));
    }
    for (const h of m.headers) {
      // Header names are case-insensitive: Traefik rules carry them lowercased.
      const names = [...arg(h.name), ...arg(h.name.toLowerCase())];
      terms.push(h.kind === 'exact' ? arg(h.value).flatMap(v => names.map(n => `Header(${n}, ${v})`))
        : names.flatMap(n => [`HeaderRegexp(${n}, \`${unanchored(h.value)}`, `HeaderRegexp(${n}, \`^${unanchored(h.value)}`]));
    }
    for (const q of m.query) terms.push(arg(q.value).flatMap(v => arg(q.name).map(n => `Query(${n}, ${v})`)));
    if (m.method) terms.push([`Method(\`${m.method}\`)`]);
    const ok = rules.some(rule => terms.every(alts => alts.some(t => rule.includes(t))));
    return ok ? [] : ['no IngressRoute rule has all of these Path / Header / Query / Method terms'];
  },
  weights(objects, c, stable, want) {
    const ok = objects.filter(o => o.kind === 'TraefikService').some(o => {
      const s = (o.spec?.weighted?.services ?? []) as any[];
      const a = s.find(x => same(x, stable.backends[0]));
      const b = s.find(x => same(x, c.canary));
      return a && b && sameRatio(a.weight, b.weight, want);
    });
    return ok ? [] : ['no weighted TraefikService splits stable and canary in this ratio'];
  },
};

const FAMILY: { readonly [c in ControllerName]: Family } = {
  'ingress-nginx': ingressFamily('ingress-nginx'),
  'kong': ingressFamily('kong'),
  'traefik-ingress': ingressFamily('traefik-ingress'),
  'traefik': TRAEFIK,
  'gateway-api': GATEWAY_API,
  'kong-gateway-api': GATEWAY_API,
  'envoy-gateway': GATEWAY_API,
  'istio': GATEWAY_API,
};
