import { ApiObject, Chart } from 'cdk8s';
import { Construct } from 'constructs';
import { appProblemsFor, registerGateway } from './app-checks';
import { Backend } from './backend';
import { CanarySplit, CanarySplitOptions } from './canary';
import { Controller } from './controller';
import { brandApiGateway } from './owner';
import { resolvePolicies } from './policies/resolve';
import { RoutePolicies } from './policies/route-policies';
import { Route, RouteOptions } from './route';
import { TlsHost, TlsHostOptions } from './tls-host';
import { ControllerName } from '../capabilities/features';
import { Http01Solver } from '../cert-manager/api';
import { GatewayLink } from '../cert-manager/internal';
import { canaryConflicts, claimProblems } from '../checks/claims';
import { featureProblems } from '../checks/features';
import { OwnerKind, ownerProblems } from '../checks/owners';
import { tlsCoverageProblems } from '../checks/tls';
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
    const checks = [
      ...featureProblems(ir, controller, experimental),
      ...[...ir.tlsHosts, ...ir.passthroughHosts].flatMap(t => this._renderer.validateTlsHost(t).map(message => ({ source: t.source, message }))),
      ...canaryConflicts(ir),
      ...claimProblems(ir),
      ...tlsCoverageProblems(ir),
      ...ownerProblems(this._ownedObjects()),
      ...this._renderer.validate(ir),
    ];
    for (const p of checks) add(p.source, p.message);
    this.cache = { version: this.version, ir, problems };
    return this.cache;
  }
}

function byRoute(canaries: readonly CanaryIR[]): ReadonlyMap<string, readonly CanaryIR[]> {
  const out = new Map<string, CanaryIR[]>();
  for (const c of canaries) {
    const list = out.get(c.route);
    if (list) list.push(c); else out.set(c.route, [c]);
  }
  return out;
}

