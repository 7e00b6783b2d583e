import { Chart } from 'cdk8s';
import { RouteEntry, TlsEntry } from '../checks/route-table';
import { hostPatternCovers, wildcardCovers } from '../core/hosts';
import { backendsText, compactJson, hostText, matchText, modelOfObjects, modelOfSources, objectsOfJson, ReportModel, sortedKeys, tlsText, trafficText } from '../report/model';

/** A route `GatewayAssertions.hasRoute()` looks for. */
export interface RouteExpectation {
  /** The request's host, e.g. `api.example.com`. */
  readonly host: string;
  /** The request's path, e.g. `/v1/users` (the route that serves it is found as the controller would). */
  readonly path: string;
  /**
   * The request's method.
   * @default - any: routes that match on a method are not considered
   */
  readonly method?: string;
  /**
   * A backend the route sends to: `service`, `service:port` or `namespace/service:port`.
   * @default - any backend
   */
  readonly backend?: string;
}

/** What serves a request: its backends and the policies in effect. */
export interface RouteView {
  /** The host entry that serves the request ('' for every host). */
  readonly host: string;
  /** The match that serves it, e.g. `Prefix /v1`. */
  readonly match: string;
  /** `namespace/service:port` (with ` weight N` when traffic is split). */
  readonly backends: string[];
  /** The policies in effect, by name (`rateLimit`, `timeouts`, `cors`...), as plain data. */
  readonly policies: { [name: string]: any };
  /** Canary and mirror, as text (empty when none). */
  readonly traffic: string[];
}

/** The TLS `GatewayAssertions.hasTls()` looks for. */
export interface TlsExpectation {
  /**
   * The certificate Secret: `name` or `namespace/name`.
   * @default - any Secret
   */
  readonly secret?: string;
  /**
   * The cert-manager issuer: `name`, `ClusterIssuer/name` or `Issuer/namespace/name`.
   * @default - any issuer, or none
   */
  readonly issuer?: string;
}

/**
 * Assertions on what a chart's gateway does, read back from the synthesized manifests through
 * the controllers' readers: the same test passes on every controller that supports the features
 * it checks. Failures name the nearest routes.
 *
 * @example
 * const routes = GatewayAssertions.fromChart(chart);
 * routes.hasRoute({ host: 'api.example.com', path: '/v1', backend: 'api-v1:8080' });
 * routes.hasTls('api.example.com', { secret: 'api-tls-cert' });
 */
export class GatewayAssertions {
  /** Reads what `chart` synthesizes. */
  public static fromChart(chart: Chart): GatewayAssertions {
    if (!chart || typeof (chart as Chart).toJson !== 'function') throw new Error('GatewayAssertions.fromChart: chart must be a cdk8s Chart');
    return new GatewayAssertions(modelOfObjects(objectsOfJson(chart.toJson())));
  }

  /** Reads YAML manifests (e.g. a `dist/*.k8s.yaml` file's text). */
  public static fromManifests(yamlText: string): GatewayAssertions {
    if (typeof yamlText !== 'string') throw new Error('GatewayAssertions.fromManifests: yamlText must be YAML text');
    return new GatewayAssertions(modelOfSources([{ file: '<manifests>', text: yamlText }]));
  }

  private readonly routes: readonly RouteEntry[];
  private readonly tls: readonly { readonly entry: TlsEntry; readonly issuer?: string }[];

  private constructor(model: ReportModel) {
    this.routes = model.gateways.flatMap(g => g.table.routes);
    this.tls = model.gateways.flatMap(g => g.table.tls.map(entry => ({ entry, issuer: g.issuers[entry.secret] })));
  }

  /**
   * What serves a request for `host` and `path` (any method, no headers): the most specific
   * route, as the controllers choose it (exact path, then the longest prefix or expression).
   * Throws, naming the nearest routes, when none does.
   */
  public routeFor(host: string, path: string): RouteView {
    const r = this.serving(host, path, undefined);
    if (!r) throw new Error(`No route serves ${host}${path}.\n${this.nearest(host, path)}`);
    return view(r);
  }

  /** Asserts that a route serves the request and (when given) sends it to `backend`. */
  public hasRoute(expected: RouteExpectation): void {
    const e = expectationOf(expected);
    const r = this.serving(e.host, e.path, e.method);
    const what = `${e.method ? `${e.method} ` : ''}${e.host}${e.path}`;
    if (!r) throw new Error(`No route serves ${what}.\n${this.nearest(e.host, e.path)}`);
    if (e.backend !== undefined && !sendsTo(r, e.backend)) {
      throw new Error(`The route serving ${what} (${matchText(r.match)}) sends to ${backendsText(r).join(', ')}, not ${e.backend}.\n${this.nearest(e.host, e.path)}`);
    }
  }

  /**
   * Asserts that the route serving `host` + `path` has the policy `name` (`rateLimit`,
   * `timeouts`, `cors`, `headers`, `redirect`, `rewrite`, `ipAccess`, `retries`,
   * `sessionAffinity`, `backendProtocol`, `auth`, `bodySize`) and, when `expected` is given, that
   * the policy holds every field of `expected` with the same value.
   */
  public hasPolicy(host: string, path: string, name: string, expected?: { [field: string]: any }): void {
    const v = this.routeFor(host, path);
    const actual = v.policies[name];
    if (actual === undefined) {
      throw new Error(`The route serving ${host}${path} (${v.match}) has no ${name} policy; it has ${Object.keys(v.policies).sort().join(', ') || 'none'}.`);
    }
    if (expected !== undefined && !contains(actual, expected)) {
      throw new Error(`The ${name} policy of the route serving ${host}${path} (${v.match}) is ${compactJson(actual)}, which does not hold ${compactJson(expected)}.`);
    }
  }

  /** Asserts that `host` terminates TLS, with the given certificate Secret or cert-manager issuer. */
  public hasTls(host: string, expected: TlsExpectation = {}): void {
    if (typeof host !== 'string') throw new Error('GatewayAssertions.hasTls: host must be a string');
    const found = this.tls.filter(t => wildcardCovers(t.entry.host, host));
    const ok = found.some(t => (expected.secret === undefined || sameRef(t.entry.secret, expected.secret))
      && (expected.issuer === undefined || (t.issuer !== undefined && sameIssuer(t.issuer, expected.issuer))));
    if (!ok) {
      const all = this.tls.map(t => `  ${t.entry.host}: ${tlsText(t.entry, t.issuer)}`);
      throw new Error(`No TLS for ${host}${expected.secret ? ` with Secret ${expected.secret}` : ''}${expected.issuer ? ` from issuer ${expected.issuer}` : ''}. TLS hosts:\n${all.join('\n') || '  (none)'}`);
    }
  }

  /** The route table as text lines (`host match -> backends`), for debugging a test. */
  public toLines(): string[] {
    return this.routes.map(line);
  }

  private serving(host: string, path: string, method: string | undefined): RouteEntry | undefined {
    if (typeof host !== 'string' || typeof path !== 'string') throw new Error('GatewayAssertions: host and path must be strings');
    const candidates = this.routes.filter(r => (r.host === '' || hostPatternCovers(r.host, host))
      && r.match.headers.length === 0 && r.match.queryParams.length === 0
      && (r.match.method === undefined || r.match.method === method?.toUpperCase())
      && pathMatches(r.match.path, path));
    return candidates.sort((a, b) => rank(b, host) - rank(a, host))[0];
  }

  private nearest(host: string, path: string): string {
    const score = (r: RouteEntry) => (r.host !== '' && hostPatternCovers(r.host, host) ? 1000 : 0) + commonPrefix(r.match.path.value, path);
    const near = [...this.routes].sort((a, b) => score(b) - score(a)).slice(0, 5);
    return `Nearest routes:\n${near.map(r => `  ${line(r)}`).join('\n') || '  (no route at all)'}`;
  }
}

function line(r: RouteEntry): string {
  return `${hostText(r.host)} ${matchText(r.match)} -> ${[...backendsText(r), ...trafficText(r)].join(', ')}`;
}

function view(r: RouteEntry): RouteView {
  return {
    host: r.host,
    match: matchText(r.match),
    backends: backendsText(r),
    policies: sortedKeys(r.policies) as { [name: string]: any },
    traffic: trafficText(r),
  };
}

function pathMatches(p: RouteEntry['match']['path'], path: string): boolean {
  if (p.kind === 'Exact') return p.value === path;
  if (p.kind === 'Prefix') return p.value === '/' || path === p.value || path.startsWith(`${p.value}/`);
  try {
    return new RegExp(`^(?:${p.value})`).test(path);
  } catch {
    return false;
  }
}

/** Higher for more specific: a named host over every host; exact over prefix; longer paths first. */
function rank(r: RouteEntry, host: string): number {
  // Exact host, then one-label wildcard, then the longest any-depth suffix, then no host.
  const hostScore = r.host === host ? 1000 : r.host.startsWith('*.') ? 999 : r.host !== '' ? 1 + r.host.length : 0;
  const kind = r.match.path.kind === 'Exact' ? 2 : r.match.path.kind === 'Prefix' ? 1 : 0;
  return hostScore * 1e6 + kind * 1e4 + r.match.path.value.length + (r.match.method ? 1 : 0);
}

function sendsTo(r: RouteEntry, backend: string): boolean {
  const m = /^(?:([^/]+)\/)?([^:/]+)(?::(\d+))?$/.exec(backend);
  if (!m) throw new Error(`GatewayAssertions.hasRoute: backend '${backend}' must be service, service:port or namespace/service:port`);
  return r.backends.some(b => b.service === m[2] && (m[1] === undefined || b.namespace === m[1]) && (m[3] === undefined || b.port === Number(m[3])));
}

function sameRef(actual: string, expected: string): boolean {
  return expected.includes('/') ? actual === expected : actual.split('/')[1] === expected;
}

function sameIssuer(actual: string, expected: string): boolean {
  if (actual === expected) return true;
  const name = actual.split('/').pop();
  return !expected.includes('/') && name === expected;
}

function contains(actual: unknown, expected: unknown): boolean {
  if (expected !== null && typeof expected === 'object' && !Array.isArray(expected)) {
    if (actual === null || typeof actual !== 'object') return false;
    return Object.entries(expected).every(([k, v]) => contains((actual as Record<string, unknown>)[k], v));
  }
  return compactJson(actual) === compactJson(expected);
}

function commonPrefix(a: string, b: string): number {
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  return i;
}

function expectationOf(e: RouteExpectation): RouteExpectation {
  if (e === null || typeof e !== 'object') throw new Error('GatewayAssertions.hasRoute: expected must be an object { host, path, method?, backend? }');
  for (const k of ['host', 'path'] as const) {
    if (typeof e[k] !== 'string') throw new Error(`GatewayAssertions.hasRoute: ${k} must be a string`);
  }
  for (const k of ['method', 'backend'] as const) {
    if (e[k] !== undefined && typeof e[k] !== 'string') throw new Error(`GatewayAssertions.hasRoute: ${k} must be a string`);
  }
  return e;
}
