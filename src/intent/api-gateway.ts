import { ApiObject, Chart } from 'cdk8s';
import { Construct } from 'constructs';
import { appProblemsFor, OwnerKind, registerGateway } from './app-checks';
import { Backend } from './backend';
import { CanarySplit, CanarySplitOptions } from './canary';
import { Controller } from './controller';
import { describeMatch, matchKey } from './match';
import { brandApiGateway } from './owner';
import { resolvePolicies } from './policies/resolve';
import { RoutePolicies } from './policies/route-policies';
import { Route, RouteOptions } from './route';
import { TlsHost, TlsHostOptions } from './tls-host';
import { backendTlsFeatures, caKindMessage, canaryFeatures, checkFeatures, routeFeatures, tlsFeatures } from '../capabilities/check';
import { policyFeatures } from '../capabilities/detect-policies';
import { ControllerName } from '../capabilities/features';
import { Http01Solver } from '../cert-manager/api';
import { GatewayLink } from '../cert-manager/internal';
import { ControllerRenderer, GatewayContext } from '../controllers/renderer';
import { fail, pathOf, show } from '../core/errors';
import { joinName } from '../core/names';
import { checkLabelName, checkNamespace } from '../core/validate';
import { BackendIR, CanaryIR, GatewayIR, PassthroughIR, RouteIR, TlsHostIR } from '../ir/model';
import { PoliciesIR } from '../ir/policies';

/** Props for `ApiGateway`. */
export interface ApiGatewayProps {
  /** The controller to compile to, e.g. `Controller.ingressNginx()` or `Controller.envoyGateway()`. */
  readonly controller: Controller;

  /**
   * Namespace of the gateway's objects; routes default to it.
   * @default - the chart's namespace, else 'default'
   */
  readonly namespace?: string;

  /**
   * Name of the gateway (the Gateway object on Gateway API, and the prefix of derived names).
   * @default - the construct id, lowercased
   */
  readonly name?: string;

  /**
   * Policies applied to every route of this gateway unless the route sets its own of the same kind.
   * @default - none
   */
  readonly defaults?: RoutePolicies;

  /**
   * Where requests that match no route go.
   * @default - the controller's own default (usually a 404)
   */
  readonly defaultBackend?: Backend;
}

/**
 * One edge entry point on one controller: routes, TLS hosts and defaults, compiled into the
 * controller's idiomatic objects at synth.
 *
 * @example
 * const api = new ApiGateway(chart, 'edge', { controller: Controller.ingressNginx() });
 * api.addRoute('v1', {
 *   hosts: ['api.example.com'],
 *   match: { path: PathMatch.prefix('/v1') },
 *   backend: Backend.service('api-v1', 8080),
 * });
 */
export class ApiGateway extends Construct {
  /** The controller this gateway compiles to. */
  public readonly controller: Controller;
  /** The gateway's name. */
  public readonly name: string;
  /** The gateway's namespace. */
  public readonly namespace: string;
  /** Gateway-level objects (e.g. the Gateway API Gateway, the default-backend route). */
  public readonly apiObjects: ApiObject[];
  /** @internal */
  public readonly _renderer: ControllerRenderer;
  /** @internal */
  public readonly _defaultPolicies?: PoliciesIR;
  /** The routing table this gateway's routes land in (whole-app checks). @internal */
  public readonly _routingDomain: string;

  private readonly routes: Route[] = [];
  private readonly tlsHosts: TlsHost[] = [];
  private readonly canaries: CanarySplit[] = [];
  private readonly objectNames = new Map<string, string>();
  private readonly defaultBackend?: BackendIR;
  private readonly defaultBackendSource?: string;
  private version = 0;
  private readonly ctx: GatewayContext;
  private cache?: { version: number; ir: GatewayIR; problems: Map<string, string[]> };

  constructor(scope: Construct, id: string, props: ApiGatewayProps) {
    const path = pathOf(scope, id, 'ApiGateway');
    if (!props || !(props.controller instanceof Controller)) fail(path, 'ApiGateway.controller: must be created with a Controller factory, e.g. Controller.ingressNginx()');
    const name = props.name ?? id.toLowerCase();
    const nameProblem = checkLabelName(name);
    if (nameProblem) {
      fail(path, props.name !== undefined
        ? `ApiGateway.name: ${nameProblem}`
        : `ApiGateway: construct id '${id}' does not give a valid object name (${nameProblem}); use an id of letters, digits and '-', or set 'name'`);
    }
    super(scope, id);
    brandApiGateway(this);
    const namespace = props.namespace ?? Chart.of(this).namespace ?? 'default';
    const nsProblem = checkNamespace(namespace);
    if (nsProblem) fail(this.node.path, `ApiGateway.namespace: ${nsProblem}`);

    if (props.defaults !== undefined) {
      if (props.defaults === null || typeof props.defaults !== 'object') fail(this.node.path, `ApiGateway.defaults: must be a RoutePolicies object, got ${show(props.defaults)}`);
      const d = props.defaults as RoutePolicies & { redirect?: unknown; rewrite?: unknown };
      if (d.redirect !== undefined || d.rewrite !== undefined) fail(this.node.path, 'ApiGateway.defaults: redirect and rewrite belong to a route, not to gateway defaults');
      this._defaultPolicies = resolvePolicies('ApiGateway.defaults', this.node.path, props.defaults, undefined);
    }
    this.controller = props.controller;
    this.name = name;
    this.namespace = namespace;
    this._renderer = props.controller._createRenderer();
    const ctx = this.ctx = this.context();
    const objects = this._renderer.allocateGateway(this, ctx);

    if (props.defaultBackend !== undefined) {
      if (!(props.defaultBackend instanceof Backend)) fail(this.node.path, 'ApiGateway.defaultBackend: must be created with Backend.service() or Backend.fromService()');
      const { ir, problem } = props.defaultBackend._toIR(namespace);
      if (problem) fail(this.node.path, `ApiGateway.defaultBackend: ${problem}`);
      this.defaultBackend = ir;
      this.defaultBackendSource = this.node.path;
      objects.push(...this._renderer.allocateDefaultBackend(this, ir!, ctx));
    }
    this.apiObjects = objects;
    this._routingDomain = props.controller._routingDomain(namespace);
    registerGateway(this);
    this.node.addValidation({ validate: () => this._problemsFor(this.node.path) });
  }

  /** Adds a route to this gateway. */
  public addRoute(id: string, options: RouteOptions): Route {
    return new Route(this, id, { ...options, gateway: this });
  }

  /** Terminates TLS for some hostnames with one certificate (or passes it through). */
  public addTlsHost(id: string, options: TlsHostOptions): TlsHost {
    return new TlsHost(this, id, { ...options, gateway: this });
  }

  /**
   * Shifts part of a route's traffic to a canary backend (by weight, header or cookie), and
   * optionally mirrors a share of it. `options.stable` must be a route of this gateway.
   * @example
   * edge.addCanary('api-v2', {
   *   stable: apiV1,
   *   canary: Backend.service('api-v2', 8080),
   *   traffic: CanaryTraffic.weight(10),
   * });
   */
  public addCanary(id: string, options: CanarySplitOptions): CanarySplit {
    if (options && options.stable instanceof Route && options.stable.gateway !== this) {
      fail(`${this.node.path}/${id}`, `CanarySplit.stable: [${options.stable.node.path}] belongs to another gateway ([${options.stable.gateway.node.path}]); add the canary there`);
    }
    return new CanarySplit(this, id, options);
  }

  /**
   * Object name stem for a child construct: `<gateway>-<id>`, checked so an id cannot produce
   * an invalid Kubernetes name.
   * @internal
   */
  public _childName(id: string, path = `${this.node.path}/${id}`, construct: 'Route' | 'TlsHost' | 'CanarySplit' = 'Route'): string {
    const segment = id.toLowerCase();
    if (checkLabelName(segment)) {
      fail(path, `${construct}: construct id '${id}' does not give a valid object name; use an id of letters, digits and '-'${construct === 'TlsHost' ? '' : ", or set 'name'"}`);
    }
    return joinName([this.name, segment]);
  }

  /** @internal */
  public _registerRoute(route: Route): ApiObject[] {
    this.claimName(route.namespace, route.name, route._ir.source, 'Route');
    this.routes.push(route);
    this.version++;
    return this._renderer.allocateRoute(route, route._ir, this.ctx);
  }

  /** @internal */
  public _registerTlsHost(tls: TlsHost): ApiObject[] {
    this.tlsHosts.push(tls);
    this.version++;
    const ir = tls._ir;
    return ir.mode === 'Passthrough'
      ? this._renderer.allocatePassthroughHost(tls, ir, this.ctx)
      : this._renderer.allocateTlsHost(tls, ir, this.ctx);
  }

  /** What an ACME `AcmeSolver.http01()` solver follows for this gateway's hosts. @internal */
  public _gatewayLink(): GatewayLink {
    return {
      source: this.node.path,
      key: `${this.namespace}/${this.name}`,
      description: `ApiGateway '${this.name}' [${this.node.path}] (${this._renderer.name})`,
      http01: (): Http01Solver => this._renderer.http01Solver(this.ctx),
    };
  }

  /** @internal */
  public _registerCanary(canary: CanarySplit, route: RouteIR): ApiObject[] {
    this.claimName(canary.namespace, canary.name, canary._ir.source, 'CanarySplit');
    this.canaries.push(canary);
    this.version++;
    return this._renderer.allocateCanary(canary, canary._ir, route, this.ctx);
  }

  /**
   * Validation messages for one construct of this gateway (cdk8s prefixes them with its path).
   * All gateway-wide checks run once per change and are shared by every construct.
   * @internal
   */
  public _problemsFor(source: string): string[] {
    return [...this.analyse().problems.get(source) ?? [], ...appProblemsFor(this, source)];
  }

  /** Changes whenever a construct is added (whole-app checks). @internal */
  public get _version(): number {
    return this.version;
  }

  /** The gateway's IR as of now (whole-app checks). @internal */
  public _gatewayIr(): GatewayIR {
    return this.analyse().ir;
  }

  /** Every object this gateway and its constructs render, with the owner. @internal */
  public _ownedObjects(): Array<[string, OwnerKind, ApiObject[]]> {
    return [
      [this.node.path, 'ApiGateway', this.apiObjects ?? []],
      ...this.routes.map(r => [r._ir.source, 'Route', r.apiObjects] as [string, OwnerKind, ApiObject[]]),
      ...this.tlsHosts.map(t => [t._ir.source, 'TlsHost', t.apiObjects] as [string, OwnerKind, ApiObject[]]),
      ...this.canaries.map(c => [c._ir.source, 'CanarySplit', c.apiObjects] as [string, OwnerKind, ApiObject[]]),
    ];
  }

  private claimName(namespace: string, name: string, source: string, kind: 'Route' | 'CanarySplit') {
    const key = `${namespace}/${name}`;
    const owner = this.objectNames.get(key);
    if (owner) fail(source, `${kind}.name: '${name}' is already used by ${owner} in namespace '${namespace}'; give one of them another id or 'name'`);
    this.objectNames.set(key, source);
  }

  private context(): GatewayContext {
    return {
      name: this.name,
      namespace: this.namespace,
      source: this.node.path,
      ir: () => this.analyse().ir,
    };
  }

  private analyse(): { ir: GatewayIR; problems: Map<string, string[]> } {
    if (this.cache && this.cache.version === this.version) return this.cache;
    const ir: GatewayIR = {
      source: this.node.path,
      name: this.name,
      namespace: this.namespace,
      routes: this.routes.map(r => r._ir),
      tlsHosts: this.tlsHosts.map(t => t._ir).filter((t): t is TlsHostIR => t.mode === 'Terminate'),
      passthroughHosts: this.tlsHosts.map(t => t._ir).filter((t): t is PassthroughIR => t.mode === 'Passthrough'),
      defaultBackend: this.defaultBackend,
      defaultBackendSource: this.defaultBackendSource,
      canaries: this.canaries.map(c => c._ir),
      canariesByRoute: byRoute(this.canaries.map(c => c._ir)),
    };
    const problems = new Map<string, string[]>();
    const add = (source: string, message: string) => {
      const list = problems.get(source);
      if (!list) problems.set(source, [message]);
      else if (!list.includes(message)) list.push(message);
    };
    const controller = this._renderer.name as ControllerName;

    const experimental = this._renderer.experimentalChannel ?? false;
    for (const route of ir.routes) {
      for (const m of checkFeatures(controller, routeFeatures(route), experimental)) add(route.source, m);
      route.backends.forEach((b, i) => {
        const m = caKindMessage(controller, 'backendTls', b.tls?.ca, `${route.backends.length > 1 ? `backends[${i}]` : 'backend'}.tls.ca`);
        if (m) add(route.source, m);
      });
      // A policy inherited from the gateway's defaults is reported once, on the gateway.
      // BackendProtocol.HTTPS on a route whose backends all declare tls says nothing more than
      // the re-encryption does (rendered once, from backend.tls): it is not a feature of its own.
      const reencrypted = route.backends.length > 0 && route.backends.every(b => b.tls);
      for (const u of policyFeatures(route.policies, this.node.path)) {
        if (u.feature === 'backendHttps' && reencrypted) continue;
        for (const m of checkFeatures(controller, [u], experimental)) add(u.source, m);
      }
      for (const m of tlsPolicyConflicts(route, ir.tlsHosts)) add(m.source, m.message);
    }
    for (const tls of [...ir.tlsHosts, ...ir.passthroughHosts]) {
      for (const m of checkFeatures(controller, tlsFeatures(tls, ir.namespace), experimental)) add(tls.source, m);
      if (tls.mode === 'Terminate') {
        const m = caKindMessage(controller, 'clientAuth', tls.clientAuth?.ca, 'clientAuth.ca');
        if (m) add(tls.source, m);
      }
      for (const m of this._renderer.validateTlsHost(tls)) add(tls.source, m);
    }
    if (ir.defaultBackend && ir.defaultBackendSource) {
      const used: Parameters<typeof checkFeatures>[1] = [{ feature: 'defaultBackend', prop: 'defaultBackend' }];
      if (ir.defaultBackend.namespace !== ir.namespace) used.push({ feature: 'crossNamespaceBackend', prop: 'defaultBackend' });
      for (const f of backendTlsFeatures(ir.defaultBackend)) used.push({ feature: f, prop: 'defaultBackend.tls' });
      for (const m of checkFeatures(controller, used, experimental)) add(ir.defaultBackendSource, m);
      const m = caKindMessage(controller, 'backendTls', ir.defaultBackend.tls?.ca, 'defaultBackend.tls.ca');
      if (m) add(ir.defaultBackendSource, m);
    }

    for (const canary of ir.canaries) {
      for (const m of checkFeatures(controller, canaryFeatures(canary), experimental)) add(canary.source, m);
      for (const [b, prop] of [[canary.canary, 'canary.tls.ca'], [canary.mirror?.backend, 'mirror.backend.tls.ca']] as const) {
        const m = caKindMessage(controller, 'backendTls', b?.tls?.ca, prop);
        if (m) add(canary.source, m);
      }
    }
    for (const [source, message] of canaryConflicts(ir)) add(source, message);

    // Two routes claiming the same host + match: controllers resolve this silently
    // (oldest object wins, or alphabetical order), so it is always an error here.
    const claims = new Map<string, { source: string; target: string }>();
    const claim = (source: string, host: string, key: string, target: string, what: string) => {
      const k = `${host}\n${key}`;
      const prior = claims.get(k);
      if (!prior) {
        claims.set(k, { source, target });
      } else if (prior.source !== source && prior.target !== target) {
        add(source, `Route.match: ${what} is already routed by [${prior.source}] to a different backend; remove one of the routes or make their matches differ`);
      }
    };
    if (ir.defaultBackend && ir.defaultBackendSource) {
      const b = ir.defaultBackend;
      claim(ir.defaultBackendSource, '', matchKey({ path: { kind: 'Prefix', value: '/' }, headers: [], queryParams: [] }), `${b.namespace}/${b.service}:${b.port}`, 'every request');
    }
    for (const route of ir.routes) {
      const target = route.policies.redirect ? `redirect ${JSON.stringify({ ...route.policies.redirect, source: undefined })}` : route.backends.map(b => `${b.namespace}/${b.service}:${b.port}`).join(',');
      for (const m of route.matches) {
        for (const host of route.hosts.length > 0 ? route.hosts : ['']) {
          claim(route.source, host, matchKey(m), target, `host '${host || '*'}' with ${m.path.kind} path '${m.path.value}'`);
        }
      }
    }

    // Every TLS hostname must be served by a route, and by one TlsHost only. Passthrough hosts
    // are the opposite: no HTTP route may serve them (the gateway never sees their requests).
    const tlsOwners = new Map<string, string>();
    for (const tls of [...ir.tlsHosts, ...ir.passthroughHosts]) {
      for (const host of tls.hosts) {
        const owner = tlsOwners.get(host);
        if (owner) add(tls.source, `TlsHost.hosts: '${host}' already has TLS from [${owner}]; a hostname takes one certificate (or one passthrough backend)`);
        tlsOwners.set(host, tls.source);
        if (tls.mode === 'Passthrough') {
          const routed = ir.routes.find(r => r.hosts.some(h => h === host || hostCovers(host, h)));
          if (routed) {
            add(tls.source, `TlsHost.mode: '${host}' is passed through at the TLS level, so HTTP routing and policies cannot apply to it, but [${routed.source}] routes it; remove the route's host, or terminate TLS (TlsMode.terminate())`);
          }
        } else if (!ir.routes.some(r => r.hosts.some(h => hostCovers(host, h)))) {
          // Only a route naming the host (or a host under a wildcard TlsHost) carries the
          // certificate on every controller: Ingress controllers key TLS by rule host, and a
          // route without hosts or with a wider wildcard is not served under this host's TLS.
          const wider = ir.routes.find(r => r.hosts.length === 0 || r.hosts.some(h => hostCovers(h, host)));
          add(tls.source, wider
            ? `TlsHost.hosts: '${host}' is only served by [${wider.source}], whose ${wider.hosts.length === 0 ? 'route has no hosts' : `wildcard '${wider.hosts.find(h => hostCovers(h, host))}' is wider`}, and a certificate applies to the routes naming its host; add '${host}' to a route's hosts, or cover the wildcard with the TlsHost`
            : `TlsHost.hosts: no route serves '${host}'; add a route for it or remove it from the TlsHost`);
        } else if (ir.routes.filter(r => r.hosts.some(h => hostCovers(host, h))).every(redirectsToHttpsOnly)) {
          // A redirect to HTTPS without a backend serves nothing over HTTPS (Traefik does not even load the certificate).
          const naming = ir.routes.filter(r => r.hosts.some(h => hostCovers(host, h)));
          add(tls.source, `TlsHost.hosts: '${host}' is served only by routes that redirect to HTTPS without a backend (${naming.map(r => `[${r.source}]`).join(', ')}), `
            + 'so its HTTPS requests would reach nothing; give the route a backend and use Redirect.toHttps(), or remove the host from the TlsHost');
        }
      }
    }

    // Renderers derive names for split objects (`<route>-02`, `<route>-<host>`); two constructs
    // must never render the same object, or one would silently replace the other.
    const owners = new Map<string, string>();
    for (const [source, kind, objects] of this._ownedObjects()) {
      for (const o of objects) {
        const key = `${o.apiGroup}/${o.kind}/${o.metadata.namespace ?? ''}/${o.name}`;
        const owner = owners.get(key);
        if (owner === undefined) {
          owners.set(key, source);
        } else {
          add(source, owner === source
            ? `${kind}.hosts: renders two ${o.kind} objects named '${o.name}' (hosts that differ only in '.' and '-' give the same name); put one of them on another route`
            : `${kind}${kind === 'TlsHost' ? '' : '.name'}: renders ${o.kind} '${o.name}' in namespace '${o.metadata.namespace}', which [${owner}] also renders; `
              + `give one of them another id${kind === 'TlsHost' ? '' : " or 'name'"}`);
        }
      }
    }

    for (const p of this._renderer.validate(ir)) add(p.source, p.message);
    this.cache = { version: this.version, ir, problems };
    return this.cache;
  }
}

/**
 * Combinations of a route's policies with TLS that no controller can render with one meaning:
 * - cleartext HTTP/2 (`BackendProtocol.H2C`) to a backend declared with `tls`;
 * - `headerRules.response` on Strict-Transport-Security for a host whose TlsHost sends HSTS:
 *   both would set the same response header (and every controller merges HSTS into the route's
 *   own response header rules: one filter / plugin / middleware).
 */
function tlsPolicyConflicts(route: RouteIR, tlsHosts: readonly TlsHostIR[]): Array<{ source: string; message: string }> {
  const out: Array<{ source: string; message: string }> = [];
  const p = route.policies;
  if (p.backendProtocol?.protocol === 'H2C' && route.backends.some(b => b.tls)) {
    out.push({ source: route.source, message: 'Route.backendProtocol: BackendProtocol.H2C is cleartext HTTP/2, but the backend declares tls (re-encryption); use BackendProtocol.GRPC (gRPC over the verified TLS connection) or remove the backend\'s tls' });
  }
  const response = p.headers?.response;
  const HSTS = 'strict-transport-security';
  if (response && (response.set.some(h => h.name === HSTS) || response.add.some(h => h.name === HSTS) || response.remove.includes(HSTS))) {
    const tls = route.hosts.map(h => tlsHosts.find(t => t.hosts.some(th => hostCovers(th, h)))).find(t => t?.hsts);
    if (tls) {
      out.push({
        source: p.headers!.source,
        message: `${p.headers!.source === route.source ? 'Route' : 'ApiGateway.defaults'}.headerRules.response: sets Strict-Transport-Security, which [${tls.source}] also sends for this route's hosts (hsts); set it in one place only (remove the header rule, or the TlsHost's hsts)`,
      });
    }
  }
  return out;
}

/**
 * A route that only sends plain HTTP to HTTPS (possibly on another port) and serves nothing
 * itself: what it does with HTTPS requests differs between controllers (Traefik and ingress-nginx
 * serve it on plain HTTP only), so it cannot be what a TLS host is served by.
 */
function redirectsToHttpsOnly(r: RouteIR): boolean {
  const d = r.policies.redirect;
  return r.backends.length === 0 && d !== undefined && d.scheme === 'https' && !d.host && !d.path;
}

/** Whether `pattern` (possibly `*.x`) covers `host`. */
function hostCovers(pattern: string, host: string): boolean {
  if (pattern === host) return true;
  return pattern.startsWith('*.') && host.endsWith(pattern.slice(1)) && !host.slice(0, -pattern.length + 1).includes('.');
}

function byRoute(canaries: readonly CanaryIR[]): ReadonlyMap<string, readonly CanaryIR[]> {
  const out = new Map<string, CanaryIR[]>();
  for (const c of canaries) {
    const list = out.get(c.route);
    if (list) list.push(c); else out.set(c.route, [c]);
  }
  return out;
}

/**
 * One canary per host + match: two would fight over the same requests (ingress-nginx admits
 * only one canary Ingress per host and path; elsewhere one would silently win).
 */
function canaryConflicts(ir: GatewayIR): Array<[string, string]> {
  const out: Array<[string, string]> = [];
  const routes = new Map(ir.routes.map(r => [r.source, r]));
  const owners = new Map<string, string>();
  for (const canary of ir.canaries) {
    const route = routes.get(canary.route);
    if (!route) continue;
    let reported = false;
    for (const i of canary.matchIndexes) {
      const m = route.matches[i];
      for (const host of canary.hosts.length > 0 ? canary.hosts : ['']) {
        const key = `${host}\n${matchKey(m)}`;
        const owner = owners.get(key);
        if (owner === undefined) {
          owners.set(key, canary.source);
        } else if (owner !== canary.source && !reported) {
          reported = true;
          out.push([canary.source, `CanarySplit.stable: host '${host || '*'}' with ${describeMatch(m)} already has a canary, [${owner}]; a host + match takes one canary (combine them, or narrow 'hosts' / 'match')`]);
        }
      }
    }
  }
  return out;
}
