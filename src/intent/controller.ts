import { CONTROLLER_NAMES, ControllerName } from '../capabilities/features';
import { envoyGatewayExtension } from '../controllers/envoy-gateway/extension';
import { GatewayApiRenderer, ResolvedGatewayOptions } from '../controllers/gateway-api/renderer';
import { IngressNginxRenderer } from '../controllers/ingress-nginx/renderer';
import { istioExtension } from '../controllers/istio/extension';
import { kongGatewayApiExtension } from '../controllers/kong/gateway-api-extension';
import { KongIngressRenderer } from '../controllers/kong/renderer';
import { ControllerRenderer } from '../controllers/renderer';
import { TraefikRenderer } from '../controllers/traefik/renderer';
import { listProblem, optionsOf, show } from '../core/errors';
import { checkNamespace, checkObjectName, checkPort } from '../core/validate';

/** Options for `Controller.ingressNginx()`. */
export interface IngressNginxOptions {
  /**
   * The IngressClass the controller watches. Referenced, never created.
   * @default 'nginx'
   */
  readonly ingressClassName?: string;
}

/** How Traefik configuration is emitted. */
export enum TraefikOutput {
  /** `traefik.io/v1alpha1` IngressRoute CRDs: full matcher language (headers, methods, query). */
  INGRESS_ROUTE = 'IngressRoute',
  /** `networking.k8s.io/v1` Ingress with `traefik.ingress.kubernetes.io/*` annotations. */
  INGRESS = 'Ingress',
}

/** Options for `Controller.traefik()`. */
export interface TraefikOptions {
  /**
   * The kind of objects to emit.
   * @default TraefikOutput.INGRESS_ROUTE
   */
  readonly output?: TraefikOutput;

  /**
   * The IngressClass the Traefik Ingress provider watches (Ingress output only).
   * @default 'traefik'
   */
  readonly ingressClassName?: string;

  /**
   * Entry point for plain HTTP.
   * @default 'web'
   */
  readonly webEntryPoint?: string;

  /**
   * Entry point for HTTPS.
   * @default 'websecure'
   */
  readonly websecureEntryPoint?: string;
}

/** The kind of an existing Gateway API parent that routes attach to. */
export enum GatewayParentKind {
  /** A `Gateway`. */
  GATEWAY = 'Gateway',
  /** A `ListenerSet` (Gateway API v1.5+ standard channel). */
  LISTENER_SET = 'ListenerSet',
}

/** An existing Gateway (or ListenerSet) owned by another team, that routes attach to. */
export interface GatewayAttachment {
  /** Name of the Gateway or ListenerSet. */
  readonly name: string;

  /**
   * Its namespace. It must allow routes from the routes' namespaces (`allowedRoutes`).
   * @default - the ApiGateway's namespace
   */
  readonly namespace?: string;

  /**
   * The listener to attach to. Use `sectionNames` for several.
   * @default - `sectionNames`, else every listener whose hostname matches
   */
  readonly sectionName?: string;

  /**
   * Several listeners to attach to: one `parentRef` each, so the routes serve on all of them
   * (for example an HTTP and an HTTPS listener of the same hostname).
   * @default - `sectionName`, else every listener whose hostname matches
   * @example ['http-shop', 'https-shop']
   */
  readonly sectionNames?: string[];

  /**
   * Attach only to the listeners on this port (`parentRef.port`). With `sectionName(s)`, the
   * named listeners must also be on this port.
   * @default - listeners on every port
   */
  readonly port?: number;

  /**
   * Whether it is a Gateway or a ListenerSet.
   * @default GatewayParentKind.GATEWAY
   */
  readonly kind?: GatewayParentKind;
}

/** Options shared by every controller that renders Gateway API objects. */
export interface GatewayApiOptions {
  /**
   * GatewayClass of the Gateway this ApiGateway owns. Referenced, never created.
   * @default - 'eg' for Envoy Gateway, 'istio' for Istio, 'kong' for Kong; required for Controller.gatewayApi() unless `attachTo` is set
   */
  readonly gatewayClassName?: string;

  /**
   * Attach routes to an existing Gateway or ListenerSet instead of owning one: no Gateway is
   * emitted, and TLS is left to the Gateway's owner (TlsHost is refused).
   * @default - the ApiGateway owns a Gateway
   */
  readonly attachTo?: GatewayAttachment;

  /**
   * Port of the HTTP listener.
   * @default 80
   */
  readonly httpPort?: number;

  /**
   * Port of the HTTPS listeners (one per TLS hostname).
   * @default 443
   */
  readonly httpsPort?: number;

  /**
   * Emit Gateway API experimental-channel fields where a feature needs them (HTTPRoute `retry`,
   * `sessionPersistence`). The cluster must run the experimental CRDs.
   * @default false - experimental-only features fail at synth, naming this option
   */
  readonly experimentalChannel?: boolean;
}

/** How Kong is configured. */
export enum KongMode {
  /** Ingress objects with `konghq.com/*` annotations. */
  INGRESS = 'Ingress',
  /** Kong's Gateway API support: Gateway + HTTPRoute. */
  GATEWAY_API = 'GatewayAPI',
}

/** Options for `Controller.kong()`. */
export interface KongOptions extends GatewayApiOptions {
  /**
   * Ingress objects or Gateway API objects.
   * @default KongMode.INGRESS
   */
  readonly mode?: KongMode;

  /**
   * The IngressClass Kong watches (KIC's `--ingress-class`): Ingress objects use it in Ingress
   * mode, and the KongConsumers emitted for API-key / basic auth are annotated with it in both
   * modes (KIC ignores consumers of other classes).
   * @default 'kong'
   */
  readonly ingressClassName?: string;
}

/** Options for `Controller.fromName()`: the settings of whichever controller the name picks. */
export interface ControllerFromNameOptions {
  /**
   * IngressClass of the Ingress-based columns (`ingress-nginx`, `traefik`, `traefik-ingress`, `kong`).
   * @default - the controller's usual class: 'nginx', 'traefik' or 'kong'
   */
  readonly ingressClassName?: string;

  /**
   * Gateway settings of the Gateway API columns (`kong-gateway-api`, `gateway-api`,
   * `envoy-gateway`, `istio`).
   * @default - the column's defaults (see `GatewayApiOptions`)
   */
  readonly gatewayApi?: GatewayApiOptions;
}

/**
 * The ingress or gateway controller an ApiGateway compiles to.
 *
 * Switching controllers is a one-line change: the same routes render to the new controller's
 * idiomatic objects, and anything it cannot express fails at synth naming the construct, the
 * prop and the controllers that can.
 *
 * @example new ApiGateway(chart, 'edge', { controller: Controller.envoyGateway() })
 */
export class Controller {
  /** ingress-nginx: `networking.k8s.io/v1` Ingress with `nginx.ingress.kubernetes.io/*` annotations. */
  public static ingressNginx(options: IngressNginxOptions = {}): Controller {
    const o = optionsOf('Controller.ingressNginx', options);
    const ingressClassName = className('Controller.ingressNginx', 'ingressClassName', o.ingressClassName ?? 'nginx');
    return new Controller('ingress-nginx', () => new IngressNginxRenderer({ ingressClassName }), () => `ingress-nginx IngressClass '${ingressClassName}'`);
  }

  /** Traefik Proxy v3: IngressRoute CRDs (default) or Ingress. */
  public static traefik(options: TraefikOptions = {}): Controller {
    const o = optionsOf('Controller.traefik', options);
    const output = o.output ?? TraefikOutput.INGRESS_ROUTE;
    if (!Object.values(TraefikOutput).includes(output)) throw new Error(`Controller.traefik.output: ${show(output)} is not a TraefikOutput`);
    const ingressClassName = className('Controller.traefik', 'ingressClassName', o.ingressClassName ?? 'traefik');
    const web = entryPoint('webEntryPoint', o.webEntryPoint ?? 'web');
    const websecure = entryPoint('websecureEntryPoint', o.websecureEntryPoint ?? 'websecure');
    const name: ControllerName = output === TraefikOutput.INGRESS ? 'traefik-ingress' : 'traefik';
    return new Controller(name, () => new TraefikRenderer({ output: output === TraefikOutput.INGRESS ? 'Ingress' : 'IngressRoute', ingressClassName, web, websecure }),
      () => `Traefik of IngressClass '${ingressClassName}'`);
  }

  /** Kong Ingress Controller 3.x, through Ingress (default) or its Gateway API support. */
  public static kong(options: KongOptions = {}): Controller {
    const o = optionsOf('Controller.kong', options);
    const mode = o.mode ?? KongMode.INGRESS;
    if (!Object.values(KongMode).includes(mode)) throw new Error(`Controller.kong.mode: ${show(mode)} is not a KongMode`);
    const ingressClassName = className('Controller.kong', 'ingressClassName', o.ingressClassName ?? 'kong');
    if (mode === KongMode.GATEWAY_API) {
      const gw = resolveGatewayOptions('Controller.kong', o, 'kong');
      return new Controller('kong-gateway-api', () => new GatewayApiRenderer('kong-gateway-api', gw, kongGatewayApiExtension({ ingressClassName, attached: gw.attachTo !== undefined })),
        ns => gatewayDomain('kong-gateway-api', gw, ns));
    }
    return new Controller('kong', () => new KongIngressRenderer({ ingressClassName }), () => `Kong IngressClass '${ingressClassName}'`);
  }

  /**
   * Portable Gateway API (v1.6 standard channel): only what the standard expresses with
   * defined semantics. Pick a concrete implementation for more.
   */
  public static gatewayApi(options: GatewayApiOptions = {}): Controller {
    const o = optionsOf('Controller.gatewayApi', options);
    const gw = resolveGatewayOptions('Controller.gatewayApi', o, undefined);
    return new Controller('gateway-api', () => new GatewayApiRenderer('gateway-api', gw), ns => gatewayDomain('gateway-api', gw, ns));
  }

  /** Envoy Gateway v1.9: Gateway API plus Envoy Gateway policies. */
  public static envoyGateway(options: GatewayApiOptions = {}): Controller {
    const o = optionsOf('Controller.envoyGateway', options);
    const gw = resolveGatewayOptions('Controller.envoyGateway', o, 'eg');
    return new Controller('envoy-gateway', () => new GatewayApiRenderer('envoy-gateway', gw, envoyGatewayExtension(gw.experimentalChannel)),
      ns => gatewayDomain('envoy-gateway', gw, ns));
  }

  /** Istio 1.30 in Gateway API mode: Gateway API plus Istio security policies. */
  public static istio(options: GatewayApiOptions = {}): Controller {
    const o = optionsOf('Controller.istio', options);
    const gw = resolveGatewayOptions('Controller.istio', o, 'istio');
    return new Controller('istio', () => new GatewayApiRenderer('istio', gw, istioExtension({ attachTo: gw.attachTo, experimentalChannel: gw.experimentalChannel })),
      ns => gatewayDomain('istio', gw, ns));
  }

  /**
   * The controller of a capability column, by its id: `ingress-nginx`, `traefik`,
   * `traefik-ingress`, `kong`, `kong-gateway-api`, `gateway-api`, `envoy-gateway` or `istio`.
   * Lets one app target any controller without editing code, e.g. from an environment variable
   * (`cdk8s-gateway check` sets `EDGE_CONTROLLER` for each controller it tries) or an app context key.
   *
   * @example Controller.fromName(process.env.EDGE_CONTROLLER ?? 'ingress-nginx')
   * @example Controller.fromName(app.node.tryGetContext('edgeController') ?? 'ingress-nginx')
   */
  public static fromName(name: string, options: ControllerFromNameOptions = {}): Controller {
    const o = optionsOf('Controller.fromName', options);
    const ingress = o.ingressClassName !== undefined ? { ingressClassName: o.ingressClassName } : {};
    const gateway = o.gatewayApi ?? {};
    switch (name) {
      case 'ingress-nginx': return Controller.ingressNginx(ingress);
      case 'traefik': return Controller.traefik(ingress);
      case 'traefik-ingress': return Controller.traefik({ ...ingress, output: TraefikOutput.INGRESS });
      case 'kong': return Controller.kong(ingress);
      case 'kong-gateway-api': return Controller.kong({ ...gateway, mode: KongMode.GATEWAY_API });
      case 'gateway-api': return Controller.gatewayApi(gateway);
      case 'envoy-gateway': return Controller.envoyGateway(gateway);
      case 'istio': return Controller.istio(gateway);
      default:
        throw new Error(`Controller.fromName: ${show(name)} is not a controller: use one of ${CONTROLLER_NAMES.join(', ')}`);
    }
  }

  private constructor(
    /** The controller's name as used in the capability matrix and error messages. */
    public readonly name: string,
    private readonly factory: () => ControllerRenderer,
    private readonly domain: (gatewayNamespace: string) => string,
  ) {}

  /** @internal */
  public _createRenderer(): ControllerRenderer {
    return this.factory();
  }

  /**
   * The routing table an ApiGateway in `gatewayNamespace` lands in: gateways with the same
   * domain share one controller configuration (see the whole-app checks).
   * @internal
   */
  public _routingDomain(gatewayNamespace: string): string {
    return this.domain(gatewayNamespace);
  }
}

/**
 * Gateway API: routes attached to one parent share its listeners; Gateways of one class may share
 * a data plane (Kong configures every Gateway of its class into one Kong; Envoy Gateway does with
 * `mergeGateways`), so the class is the conservative domain for owned Gateways.
 */
function gatewayDomain(controller: ControllerName, gw: ResolvedGatewayOptions, namespace: string): string {
  const a = gw.attachTo;
  return a ? `${controller} ${a.kind} '${a.namespace ?? namespace}/${a.name}'` : `${controller} GatewayClass '${gw.gatewayClassName}'`;
}

function className(factory: string, prop: string, value: string): string {
  const problem = checkObjectName(value);
  if (problem) throw new Error(`${factory}.${prop}: ${problem}`);
  return value;
}

function entryPoint(prop: string, value: string): string {
  if (typeof value !== 'string' || !/^[A-Za-z0-9][-A-Za-z0-9_]*$/.test(value)) {
    throw new Error(`Controller.traefik.${prop}: ${show(value)} is not a valid entry point name (letters, digits, '-' and '_')`);
  }
  return value;
}

function resolveGatewayOptions(factory: string, options: GatewayApiOptions, defaultClass: string | undefined): ResolvedGatewayOptions {
  const httpPort = options.httpPort ?? 80;
  const httpsPort = options.httpsPort ?? 443;
  for (const [prop, port] of [['httpPort', httpPort], ['httpsPort', httpsPort]] as const) {
    const problem = checkPort(port);
    if (problem) throw new Error(`${factory}.${prop}: ${problem}`);
  }
  if (httpPort === httpsPort) throw new Error(`${factory}: httpPort and httpsPort must differ (both ${httpPort})`);
  if (options.experimentalChannel !== undefined && typeof options.experimentalChannel !== 'boolean') {
    throw new Error(`${factory}.experimentalChannel: ${show(options.experimentalChannel)} must be true or false`);
  }
  const attach = options.attachTo;
  if (attach !== undefined && (attach === null || typeof attach !== 'object')) {
    throw new Error(`${factory}.attachTo: must be a GatewayAttachment object ({ name, namespace, sectionName, kind }), got ${show(attach)}`);
  }
  if (attach) {
    const problem = checkObjectName(attach.name)
      ?? (attach.namespace !== undefined ? checkNamespace(attach.namespace) : undefined)
      ?? (attach.sectionName !== undefined ? checkObjectName(attach.sectionName) : undefined);
    if (problem) throw new Error(`${factory}.attachTo: ${problem}`);
    if (attach.port !== undefined) {
      const portProblem = checkPort(attach.port);
      if (portProblem) throw new Error(`${factory}.attachTo.port: ${portProblem}`);
    }
    if (attach.kind !== undefined && !Object.values(GatewayParentKind).includes(attach.kind)) {
      throw new Error(`${factory}.attachTo.kind: ${show(attach.kind)} is not a GatewayParentKind`);
    }
    if (options.gatewayClassName !== undefined) {
      throw new Error(`${factory}: gatewayClassName and attachTo exclude each other (an attached ApiGateway does not create a Gateway)`);
    }
  }
  const gatewayClassName = attach ? undefined : options.gatewayClassName ?? defaultClass;
  if (!attach) {
    if (gatewayClassName === undefined) {
      throw new Error(`${factory}: gatewayClassName is required when the ApiGateway owns its Gateway (or set attachTo to use an existing Gateway)`);
    }
    className(factory, 'gatewayClassName', gatewayClassName);
  }
  return {
    gatewayClassName,
    attachTo: attach ? {
      kind: attach.kind === GatewayParentKind.LISTENER_SET ? 'ListenerSet' : 'Gateway',
      name: attach.name,
      namespace: attach.namespace,
      sectionNames: attachedSections(factory, attach),
      port: attach.port,
    } : undefined,
    httpPort,
    httpsPort,
    experimentalChannel: options.experimentalChannel ?? false,
  };
}

/** The listeners `attach` names (`sectionName` or `sectionNames`), checked; empty: every listener. */
function attachedSections(factory: string, attach: GatewayAttachment): string[] {
  if (attach.sectionName !== undefined && attach.sectionNames !== undefined) {
    throw new Error(`${factory}.attachTo: set either sectionName or sectionNames, not both`);
  }
  if (attach.sectionNames === undefined) return attach.sectionName !== undefined ? [attach.sectionName] : [];
  const problem = listProblem(`${factory}.attachTo.sectionNames`, attach.sectionNames, 'listener names');
  if (problem) throw new Error(problem);
  if (attach.sectionNames.length === 0) throw new Error(`${factory}.attachTo.sectionNames: name at least one listener (omit it to attach to every listener)`);
  attach.sectionNames.forEach((section, i) => {
    const p = checkObjectName(section);
    if (p) throw new Error(`${factory}.attachTo.sectionNames[${i}]: ${p}`);
  });
  const sorted = [...new Set(attach.sectionNames)].sort();
  if (sorted.length !== attach.sectionNames.length) throw new Error(`${factory}.attachTo.sectionNames: lists a listener twice`);
  return sorted;
}
