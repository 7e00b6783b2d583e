import { ApiObject, Chart } from 'cdk8s';
import { Construct } from 'constructs';
import { appProblemsFor, backendProblemsFor, backendWarningsFor, definedParents, registerGateway, STRICT_BACKENDS_CONTEXT } from './app-checks';
import { Backend, ServiceSettings } from './backend';
import { CanarySplit, CanarySplitOptions } from './canary';
import { ClientIp } from './client-ip';
import { Controller } from './controller';
import { GatewayAnalysis, gatewayDefaultBackend, gatewayDefaults, OwnedObjects, ownedBy } from './gateway-ir';
import { HttpListeners, httpListenersIR } from './http-listeners';
import { brandApiGateway } from './owner';
import { RoutePolicies } from './policies/route-policies';
import { Route, RouteOptions } from './route';
import { hasServiceObject, writeServiceSideOf } from './service-object';
import { TlsHost, TlsHostOptions } from './tls-host';
import { Http01Solver } from '../cert-manager/api';
import { GatewayLink } from '../cert-manager/internal';
import { Attachment, attachmentProblem } from '../checks/attachment';
import { serviceSettings as serviceSettingsOf, serviceSideUses } from '../checks/service-side';
import { unverifiedBackendTlsWarnings } from '../checks/warnings';
import { hostlessScopeWarnings } from '../controllers/hostless-scope';
import { instanceWideWarnings } from '../controllers/instance-wide';
import { ControllerRenderer, GatewayContext } from '../controllers/renderer';
import { fail, pathOf, show } from '../core/errors';
import { joinName } from '../core/names';
import { passOf } from '../core/synth-pass';
import { checkLabelName, checkNamespace } from '../core/validate';
import { addPassWarnings, addWarnings, WARNING_IDS, WarningSpec } from '../core/warnings';
import { BackendIR, ClientAddressIR, GatewayIR, RouteIR } from '../ir/model';
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

  /**
   * Render every route into objects of its own (one Ingress, HTTPRoute, IngressRoute... per
   * route), as some teams prefer for ownership or per-object escape hatches.
   *
   * By default, routes that can share an object do: same namespace, same hosts, same per-object
   * settings (annotations, plugins, policy objects), split at the kind's limits. A shared object
   * keeps the name of the route that opened it, so adding a route changes one object; every
   * route of a group lists the shared object in its `apiObjects`. Routes with `rawAnnotations`,
   * and routes whose controller renders policy objects targeting their object by name, always
   * get objects of their own. Routing, precedence, canaries, policies and TLS are the same in
   * both modes.
   * @default false
   */
  readonly objectPerRoute?: boolean;

  /**
   * Where the client address comes from, for per-client rate limits, their exempt CIDRs and IP
   * allow / deny lists: set it when the gateway sits behind a load balancer or CDN that records
   * the client in X-Forwarded-For (`ClientIp.xForwardedFor({ trustedHops })`), or to state that
   * the TCP peer is the client (`ClientIp.tcpPeer()`).
   * @default - the TCP peer, with the `client-ip-behind-proxy` warning wherever a policy reads it
   * @example ClientIp.xForwardedFor({ trustedHops: 1 })
   */
  readonly clientIp?: ClientIp;

  /**
   * The plain-HTTP listeners of the Gateway this ApiGateway owns (Gateway API controllers):
   * one shared listener, or one per hostname (`HttpListeners.PER_HOST`), to which each host's
   * routes, its TlsHost's HTTPS redirect and cert-manager's HTTP-01 solver attach. Requests are
   * served the same way either way; Ingress-based controllers have no listeners (their rules are
   * per host already). Refused with `attachTo` (the existing Gateway's owner lays out its listeners).
   * @default HttpListeners.SHARED
   * @example HttpListeners.PER_HOST
   */
  readonly httpListeners?: HttpListeners;

  /**
   * Strict SNI: refuse TLS handshakes that name no host of a TlsHost (no SNI, or a name no
   * certificate covers), instead of answering them with a default certificate. Only Traefik can
   * say it, and only instance-wide: it writes the TLSOption named `default`, which applies to
   * every router of the Traefik instance without a TLSOption of its own (warning
   * `instance-wide-setting`); one gateway per cluster may set it.
   * @default false - the controller's default certificate answers such handshakes
   */
  readonly strictSni?: boolean;
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
  /**
   * App context key (or the environment variable `CDK8S_GATEWAY_STRICT_BACKENDS=true`): every
   * backend's Service must be defined in this app, else synth fails. Without it, a backend whose
   * Service the app does not define is allowed (it may be deployed elsewhere); a Service the app
   * defines is always checked for the backend's port.
   */
  public static readonly STRICT_BACKENDS_CONTEXT = STRICT_BACKENDS_CONTEXT;

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
  /** The declared client address, if any. @internal */
  public readonly _clientIp?: ClientAddressIR;
  /** Strict SNI (`ApiGatewayProps.strictSni`). @internal */
  public readonly _strictSni?: true;
  /** The routing table this gateway's routes land in (whole-app checks). @internal */
  public readonly _routingDomain: string;
  /** The existing parent the routes attach to, if any (whole-app checks). @internal */
  public readonly _attachment?: Attachment;

  private readonly routes: Route[] = [];
  private readonly tlsHosts: TlsHost[] = [];
  private readonly canaries: CanarySplit[] = [];
  private readonly objectNames = new Map<string, string>();
  private readonly defaultBackend?: BackendIR;
  private readonly defaultBackendSource?: string;
  private readonly ctx: GatewayContext;
  private readonly analysis: GatewayAnalysis;

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

    if (props.clientIp !== undefined && !(props.clientIp instanceof ClientIp)) {
      fail(this.node.path, 'ApiGateway.clientIp: must be created with ClientIp.tcpPeer() or ClientIp.xForwardedFor()');
    }
    this._clientIp = props.clientIp?._ir;
    const httpListeners = httpListenersIR(props.httpListeners);
    if (httpListeners.problem) fail(this.node.path, httpListeners.problem);
    if (props.strictSni !== undefined && typeof props.strictSni !== 'boolean') {
      fail(this.node.path, `ApiGateway.strictSni: ${show(props.strictSni)} must be true or false`);
    }
    if (props.strictSni === true) this._strictSni = true;
    this._defaultPolicies = gatewayDefaults(this.node.path, props.defaults);
    this.controller = props.controller;
    this.name = name;
    this.namespace = namespace;
    this._renderer = props.controller._createRenderer();
    this.analysis = new GatewayAnalysis(() => ({
      source: this.node.path,
      name: this.name,
      namespace: this.namespace,
      routes: this.routes.map(r => r._ir),
      tlsHosts: this.tlsHosts.map(t => t._ir),
      canaries: this.canaries.map(c => c._ir),
      defaultBackend: this.defaultBackend,
      defaultBackendSource: this.defaultBackendSource,
      clientIp: this._clientIp,
      httpListeners: httpListeners.ir,
      strictSni: this._strictSni,
    }), this._renderer, () => this._ownedObjects());
    if (props.objectPerRoute !== undefined && typeof props.objectPerRoute !== 'boolean') {
      fail(this.node.path, `ApiGateway.objectPerRoute: ${show(props.objectPerRoute)} must be true or false`);
    }
    const objectPerRoute = props.objectPerRoute === true;
    const ctx = this.ctx = {
      name,
      namespace,
      source: this.node.path,
      objectPerRoute,
      ir: () => this.analysis.current().ir,
      clientIp: this._clientIp,
      strictSni: this._strictSni,
    };
    const objects = this._renderer.allocateGateway(this, ctx);

    this.defaultBackend = gatewayDefaultBackend(this.node.path, props.defaultBackend, namespace);
    if (this.defaultBackend) {
      this.defaultBackendSource = this.node.path;
      objects.push(...this._renderer.allocateDefaultBackend(this, this.defaultBackend, ctx));
    }
    this.apiObjects = objects;
    this._routingDomain = props.controller._routingDomain(namespace);
    registerGateway(this);
    const attachment = this._attachment = this._renderer.attachment?.(namespace);
    if (attachment) {
      this.node.addValidation({
        validate: () => {
          const problem = attachmentProblem(attachment, definedParents(this));
          return problem ? [problem] : [];
        },
      });
    }
    this.node.addValidation({ validate: () => this._problemsFor(this.node.path) });
    addPassWarnings(this, 'service-settings', () => this.serviceSettingsWarnings());
    if (this._strictSni) addWarnings(this, 'instance-wide', () => instanceWideWarnings(this._renderer.name, true));
    if (this.defaultBackend) addWarnings(this, 'backends', () => backendWarningsFor(this, this.node.path));
    if (this.defaultBackend) addPassWarnings(this, 'hostless-scope', () => hostlessScopeWarnings(this._renderer.name, this._gatewayIr(), 'defaultBackend'));
    if (this.defaultBackend) addWarnings(this, 'backend-tls', () => unverifiedBackendTlsWarnings([['defaultBackend.tls', this.defaultBackend]]));
  }

  /** Adds a route to this gateway. */
  public addRoute(id: string, options: RouteOptions): Route {
    return new Route(this, id, propsWithGateway(options, this));
  }

  /** Terminates TLS for some hostnames with one certificate (or passes it through). */
  public addTlsHost(id: string, options: TlsHostOptions): TlsHost {
    return new TlsHost(this, id, propsWithGateway(options, this));
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
   * The settings this gateway's controller reads on the backends' Services (Kong's `konghq.com/*`
   * timeouts and protocol, the Traefik Ingress provider's `traefik.ingress.kubernetes.io/service.*`,
   * a Gateway API port's `appProtocol`), for every Service handed over with
   * `Backend.fromService` or `Backend.fromServicePorts`. A Service construct of this app already
   * carries them; apply them yourself to a Service defined elsewhere.
   *
   * @example
   * for (const s of edge.serviceSettings()) console.log(s.name, s.annotations);
   */
  public serviceSettings(): ServiceSettings[] {
    const side = this._renderer.serviceSide;
    if (!side) return [];
    return serviceSettingsOf(this._gatewayIr(), (policies, route) => side.call(this._renderer, policies, route)).map(s => ({
      name: s.service,
      namespace: s.namespace,
      annotations: Object.keys(s.annotations).length > 0 ? { ...s.annotations } : undefined,
      ports: s.ports.length > 0 ? s.ports.map(p => ({ ...p })) : undefined,
    }));
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

  /**
   * `apart`: the route's objects carry settings of its own the renderer does not see (raw
   * annotations), so it shares them with no other route.
   * @internal
   */
  public _registerRoute(route: Route, apart = false): ApiObject[] {
    this.claimName(route.namespace, route.name, route._ir.source, 'Route');
    this.routes.push(route);
    this.analysis.changed();
    writeServiceSideOf(route._ir.backends, this._renderer.serviceSide?.(route._ir.policies, route._ir));
    return this._renderer.allocateRoute(route, route._ir, apart ? { ...this.ctx, objectPerRoute: true } : this.ctx);
  }

  /** @internal */
  public _registerTlsHost(tls: TlsHost): ApiObject[] {
    this.tlsHosts.push(tls);
    this.analysis.changed();
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
      http01Port: () => this._renderer.http01Port(),
    };
  }

  /** @internal */
  public _registerCanary(canary: CanarySplit, route: RouteIR): ApiObject[] {
    this.claimName(canary.namespace, canary.name, canary._ir.source, 'CanarySplit');
    this.canaries.push(canary);
    this.analysis.changed();
    writeServiceSideOf([canary._ir.canary], this._renderer.serviceSide?.(route.policies, route));
    return this._renderer.allocateCanary(canary, canary._ir, route, this.ctx);
  }

  /**
   * Validation messages for one construct of this gateway (cdk8s prefixes them with its path).
   * All gateway-wide checks run once per change and are shared by every construct; each
   * construct's list is computed once per synth pass (`passOf`).
   * @internal
   */
  public _problemsFor(source: string): string[] {
    // One map per pass for the whole gateway: a key per construct would be a new string per read.
    const bySource = passOf(this).memo(this, 'problems', () => new Map<string, string[]>());
    let problems = bySource.get(source);
    if (problems === undefined) {
      const own = this.analysis.current().problems.get(source);
      const app = appProblemsFor(this, source);
      const backends = backendProblemsFor(this, source);
      problems = own === undefined && app.length === 0 && backends.length === 0 ? [] : [...own ?? [], ...app, ...backends];
      bySource.set(source, problems);
    }
    return problems;
  }

  /** Changes whenever a construct is added (whole-app checks). @internal */
  public get _version(): number {
    return this.analysis.version;
  }

  /** The gateway's IR as of now (whole-app checks). @internal */
  public _gatewayIr(): GatewayIR {
    return this.analysis.current().ir;
  }

  /** Every object this gateway and its constructs render, with the owner. @internal */
  public _ownedObjects(): OwnedObjects {
    return [
      [this.node.path, 'ApiGateway', this.apiObjects ?? []],
      ...ownedBy('Route', this.routes), ...ownedBy('TlsHost', this.tlsHosts), ...ownedBy('CanarySplit', this.canaries),
    ];
  }

  /** `service-settings`: Services described by name and ports that need settings this library cannot write. */
  private serviceSettingsWarnings(): WarningSpec[] {
    const side = this._renderer.serviceSide;
    if (!side) return [];
    const ir = this._gatewayIr();
    const written = new Set(serviceSideUses(ir, () => undefined).filter(u => hasServiceObject(u.backend)).map(u => `${u.backend.namespace}/${u.backend.service}`));
    return serviceSettingsOf(ir, (policies, route) => side.call(this._renderer, policies, route))
      .filter(s => !written.has(`${s.namespace}/${s.service}`))
      .map(s => ({
        id: WARNING_IDS.serviceSettings,
        message: `Service '${s.namespace}/${s.service}' (Backend.fromServicePorts) needs settings that controller '${this._renderer.name}' reads on the Service: `
          + [...Object.entries(s.annotations).map(([k, v]) => `annotation ${k}: ${JSON.stringify(v)}`), ...s.ports.map(p => `port ${p.port} appProtocol: ${p.appProtocol}`)].join(', ')
          + '; apply ApiGateway.serviceSettings() to that Service (or pass the Service construct to Backend.fromService), then acknowledge this warning',
      }));
  }

  private claimName(namespace: string, name: string, source: string, kind: 'Route' | 'CanarySplit') {
    const key = `${namespace}/${name}`;
    const owner = this.objectNames.get(key);
    if (owner) fail(source, `${kind}.name: '${name}' is already used by ${owner} in namespace '${namespace}'; give one of them another id or 'name'`);
    this.objectNames.set(key, source);
  }
}

/**
 * `{ ...options, gateway }`, built the other way round. V8 gives an object cloned by a leading
 * spread a map on which every read of an absent property misses its inline cache, and a route's
 * props are mostly absent properties (its policies, name, namespace...): they made up a good
 * part of a route's construction. The gateway always wins over an `options.gateway`, as before.
 */
function propsWithGateway<T extends object>(options: T, gateway: ApiGateway): T & { gateway: ApiGateway } {
  const props = { gateway, ...options } as T & { gateway: ApiGateway };
  if (props.gateway !== gateway) props.gateway = gateway;
  return props;
}
