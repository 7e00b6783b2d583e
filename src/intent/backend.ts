import { ApiObject } from 'cdk8s';
import { Construct } from 'constructs';
import { CaCertificates, caProblem } from './ca';
import { HeaderRules } from './policies/header-rules';
import { rememberServiceObject, ServiceObject } from './service-object';
import { listProblem, optionsOf, show } from '../core/errors';
import { isWildcardHost } from '../core/hosts';
import { checkHost, checkNamespace, checkObjectName, checkPort, checkServiceName } from '../core/validate';
import { BackendHeadersIR, BackendIR, BackendTlsIR } from '../ir/model';

/** Options for `BackendTls.verify()`. */
export interface BackendTlsOptions {
  /**
   * The name the backend's certificate must carry. It is also sent as SNI. A DNS name, no
   * wildcard (e.g. `api.shop.svc.cluster.local` or the name in the backend's certificate).
   */
  readonly hostname: string;

  /**
   * The CA certificates that sign the backend's certificate, in the backend's namespace.
   * @default - the proxy's system trust store (well-known public CAs)
   */
  readonly ca?: CaCertificates;

  /**
   * A client certificate the gateway presents to the backend (mutual TLS to the upstream): the
   * name of a `kubernetes.io/tls` Secret (`tls.crt`, `tls.key`) in the backend's namespace.
   * @default - no client certificate
   * @example 'gateway-client-cert'
   */
  readonly clientCertificateSecret?: string;
}

/** Options for `BackendTls.insecureSkipVerify()`. */
export interface InsecureBackendTlsOptions {
  /**
   * The name sent as SNI (a DNS name, no wildcard), for backends that choose their certificate
   * by SNI. It is not verified.
   * @default - no SNI
   */
  readonly serverName?: string;

  /**
   * A client certificate the gateway presents to the backend: the name of a `kubernetes.io/tls`
   * Secret (`tls.crt`, `tls.key`) in the backend's namespace.
   * @default - no client certificate
   */
  readonly clientCertificateSecret?: string;
}

/**
 * How the gateway connects to a backend that serves HTTPS (re-encryption): verified, unless
 * `insecureSkipVerify()` says otherwise in as many words.
 *
 * Declared on the backend rather than on the TlsHost: whether a Service port speaks TLS is a
 * property of the Service (Gateway API's BackendTLSPolicy targets the Service, for every route
 * using it), independent of whether clients reach the gateway over HTTPS.
 *
 * @example Backend.service('payments', 8443, { tls: BackendTls.verify({ hostname: 'payments.internal', ca: CaCertificates.fromConfigMap('internal-ca') }) })
 */
export class BackendTls {
  /** Connect with TLS, verify the backend's certificate for `hostname` against `ca` (or the system trust store). */
  public static verify(options: BackendTlsOptions): BackendTls {
    return new BackendTls(options);
  }

  /**
   * UNSAFE: connect with TLS and accept whatever certificate the backend presents, unverified.
   * Anyone who can intercept the traffic between the proxy and the backend can read and change
   * it. For backends with self-signed certificates while migrating; synth warns
   * (`backend-tls-unverified`, an error in strict mode). Prefer `verify()` with the backend's CA.
   *
   * @example Backend.service('legacy', 8443, { tls: BackendTls.insecureSkipVerify() })
   */
  public static insecureSkipVerify(options: InsecureBackendTlsOptions = {}): BackendTls {
    return new BackendTls(undefined, optionsOf('BackendTls.insecureSkipVerify', options));
  }

  private constructor(private readonly options: BackendTlsOptions | undefined, private readonly insecure?: InsecureBackendTlsOptions) {}

  /** The name the backend's certificate is verified against (undefined for `insecureSkipVerify()`). */
  public get hostname(): string | undefined {
    return this.insecure ? undefined : this.options?.hostname;
  }

  /** Whether the backend's certificate is left unverified (created with `insecureSkipVerify()`). */
  public get skipsVerification(): boolean {
    return this.insecure !== undefined;
  }

  /** @internal */
  public _toIR(): { ir?: BackendTlsIR; problem?: string } {
    if (this.insecure) {
      const cert = clientCertificateIR(this.insecure.clientCertificateSecret);
      if (cert.problem) return { problem: cert.problem };
      const name = this.insecure.serverName;
      if (name === undefined) return { ir: { insecureSkipVerify: true, ...cert.ir } };
      const p = checkHost(name);
      if (p) return { problem: `tls.serverName: ${p}` };
      if (isWildcardHost(name)) return { problem: `tls.serverName: '${name}' must be a concrete name, not a wildcard (it is sent as SNI)` };
      return { ir: { hostname: name, insecureSkipVerify: true, ...cert.ir } };
    }
    const o = this.options;
    if (!o || typeof o !== 'object') return { problem: 'tls: BackendTls.verify() needs options with a hostname' };
    const hostProblem = checkHost(o.hostname);
    if (hostProblem) return { problem: `tls.hostname: ${hostProblem}` };
    if (isWildcardHost(o.hostname)) return { problem: `tls.hostname: '${o.hostname}' must be a concrete name, not a wildcard (it is sent as SNI)` };
    if (o.ca !== undefined) {
      const p = caProblem(o.ca, 'tls.ca');
      if (p) return { problem: p };
    }
    const cert = clientCertificateIR(o.clientCertificateSecret);
    if (cert.problem) return { problem: cert.problem };
    return { ir: { hostname: o.hostname, ca: o.ca?._toIR(), ...cert.ir } };
  }
}

/** Validates `tls.clientCertificateSecret` (a Secret name), as the IR's field or the problem. */
function clientCertificateIR(secret: unknown): { ir?: { clientCertificateSecret: string }; problem?: string } {
  if (secret === undefined) return {};
  if (typeof secret !== 'string') return { problem: `tls.clientCertificateSecret: must be a Secret name, got ${show(secret)}` };
  const p = checkObjectName(secret);
  if (p) return { problem: `tls.clientCertificateSecret: ${p}` };
  return { ir: { clientCertificateSecret: secret } };
}

/** The `tls` option shared by every Backend factory. */
export interface BackendTlsOption {
  /**
   * The backend serves HTTPS: the gateway re-encrypts and verifies its certificate.
   * @default - plain HTTP to the backend
   */
  readonly tls?: BackendTls;
}

/** The options shared by every Backend factory: TLS and the backend's share of a route's traffic. */
export interface BackendCommonOptions extends BackendTlsOption {
  /**
   * The backend's relative weight among the backends of its route: it receives
   * `weight / (sum of the route's weights)` of the requests. A whole number from 0 to 1,000,000;
   * 0 sends it nothing, while at least one backend of the route has a weight above 0. Only a
   * route's `backends` take a weight.
   * @default 1 (the route's backends share its traffic equally)
   * @example Backend.service('api-v2', 8080, { weight: 90 })
   */
  readonly weight?: number;

  /**
   * Header changes made only on the requests this backend receives (and on its responses),
   * after the route's own `headerRules`; for example a header telling a canary version apart.
   * A header may be changed by the route or by its backends, not both. Only a route's `backends`
   * take header rules.
   * @default - none
   * @example Backend.service('api-v2', 8080, { weight: 10, headers: HeaderRules.of({ request: { set: { 'x-version': 'v2' } } }) })
   */
  readonly headers?: HeaderRules;
}

/** Gateway API's bound for a backendRef weight, which every controller here accepts. */
const MAX_BACKEND_WEIGHT = 1_000_000;

/** Options for `Backend.service()`. */
export interface ServiceBackendOptions extends BackendCommonOptions {
  /**
   * Namespace of the Service. A namespace other than the route's needs a ReferenceGrant on
   * Gateway API (generated for you) and is not expressible on Ingress-based controllers.
   * @default - the route's namespace
   */
  readonly namespace?: string;
}

/** Options for `Backend.fromService()`. */
export interface FromServiceOptions extends BackendCommonOptions {
  /**
   * The Service port to send traffic to; it must be one of the Service's ports.
   * @default - the Service's only port (an error if it has several)
   */
  readonly port?: number;
}

/** Options for `Backend.fromServicePorts()`. */
export interface ServicePortsBackendOptions extends FromServiceOptions, ServiceBackendOptions {}

/** A port of a Service, as `Backend.fromServicePorts` and `Backend.fromService` read it. */
export interface ServicePortRef {
  /** The Service port number (not the target port). */
  readonly port: number;
  /**
   * The port's name.
   * @default - unnamed
   */
  readonly name?: string;
}

/** The metadata of a Service, as `Backend.fromService` reads it. */
export interface ServiceRefMetadata {
  /**
   * The Service's namespace.
   * @default - the namespace of the route using the backend
   */
  readonly namespace?: string;
}

/**
 * What `Backend.fromService` reads from a Service: its name, its ports and its namespace.
 *
 * A `Service` of every cdk8s-plus line (cdk8s-plus-27 up to the newest) has this shape, so it can
 * be passed as it is, and this library does not depend on any cdk8s-plus line. From languages
 * other than TypeScript, whose interfaces are nominal, use `Backend.fromServicePorts` or
 * implement this interface.
 */
export interface IServiceRef {
  /** The Service's name. */
  readonly name: string;
  /** The Service's ports. */
  readonly ports: ServicePortRef[];
  /**
   * The Service's metadata: only `namespace` is read.
   * @default - the namespace of the route using the backend
   */
  readonly metadata?: ServiceRefMetadata;
}

/**
 * Where a route sends traffic: a Kubernetes Service port.
 * @example Backend.service('api-v1', 8080)
 */
export class Backend {
  /**
   * A Service referenced by name and port. Nothing checks the Service exists; prefer
   * `fromService` when the Service is defined in the same app.
   */
  public static service(name: string, port: number, options: ServiceBackendOptions = {}): Backend {
    const o = optionsOf('Backend.service', options);
    return new Backend(name, port, o.namespace, `Backend.service(${show(name)}, ${show(port)})`, o.tls, o.weight, false, undefined, o.headers);
  }

  /**
   * A Service defined in the same app, e.g. a `Service` of any cdk8s-plus line; the port is
   * checked against the Service's ports, so a typo cannot become a 502.
   *
   * Settings the controller reads on the Service itself (Kong's `konghq.com/*` timeouts and
   * protocol, the Traefik Ingress provider's server scheme, a Gateway API port's `appProtocol`)
   * are written to it when it is a construct of this app (its `ApiObject`), and listed by
   * `ApiGateway.serviceSettings()` in every case.
   *
   * @example Backend.fromService(new kplus.Service(chart, 'api', { ports: [{ port: 8080 }] }))
   */
  public static fromService(service: IServiceRef, options: FromServiceOptions = {}): Backend {
    if (!service || typeof service !== 'object' || typeof service.name !== 'string' || !Array.isArray(service.ports)) {
      throw new Error(`Backend.fromService: service must be a Service (any cdk8s-plus line, or an IServiceRef), got ${show(service)}`);
    }
    const metadata: unknown = service.metadata;
    const namespace: unknown = metadata !== null && typeof metadata === 'object' ? (metadata as ServiceRefMetadata).namespace : undefined;
    if (namespace !== undefined && typeof namespace !== 'string') {
      throw new Error(`Backend.fromService(${show(service.name)}): metadata.namespace must be a string, got ${show(namespace)}`);
    }
    const backend = Backend.fromServicePorts(service.name, service.ports.map(p => (p !== null && typeof p === 'object' ? { port: p.port, name: p.name } : p)), {
      ...optionsOf('Backend.fromService', options), namespace,
    });
    const object = apiObjectOf(service);
    if (!object) return backend;
    return new Backend(backend.serviceName, backend.port, backend.namespace, backend.label, backend.tls, backend.givenWeight, true,
      { object, portIndex: service.ports.findIndex(p => p.port === backend.port) }, backend.givenHeaders);
  }

  /**
   * A Service described by its name and ports, e.g. one defined outside this app or, from
   * languages other than TypeScript, a cdk8s-plus `Service`. The port is checked the same way as
   * by `fromService`.
   *
   * Settings the controller reads on the Service itself are not written anywhere: apply what
   * `ApiGateway.serviceSettings()` lists to the Service (a `service-settings` warning says so).
   *
   * @example Backend.fromServicePorts('api', [{ port: 8080, name: 'http' }], { port: 8080 })
   */
  public static fromServicePorts(name: string, ports: ServicePortRef[], options: ServicePortsBackendOptions = {}): Backend {
    const label = `Backend.fromService(${show(name)})`;
    const o = optionsOf(label, options);
    const portsProblem = ports === undefined ? undefined : listProblem(`${label}.ports`, ports, 'Service ports ({ port, name })');
    if (portsProblem) throw new Error(portsProblem);
    if (!Array.isArray(ports) || ports.length === 0) {
      throw new Error(`${label}: the Service has no ports; add a port to the Service before routing to it`);
    }
    const bad = ports.findIndex(p => p === null || typeof p !== 'object' || checkPort(p.port) !== undefined);
    if (bad >= 0) throw new Error(`${label}.ports[${bad}]: ${show(ports[bad])} is not a Service port ({ port: 1-65535, name })`);
    const numbers = ports.map(p => p.port);
    let port = o.port;
    if (port === undefined) {
      if (numbers.length > 1) {
        throw new Error(`${label}: the Service has several ports (${numbers.join(', ')}); choose one with the 'port' option`);
      }
      port = numbers[0];
    } else if (!numbers.includes(port)) {
      throw new Error(`${label}: port ${show(port)} is not a port of Service ${show(name)} (its ports: ${numbers.join(', ')})`);
    }
    return new Backend(name, port, o.namespace, label, o.tls, o.weight, true, undefined, o.headers);
  }

  private constructor(
    /** The Service name. */
    public readonly serviceName: string,
    /** The Service port. */
    public readonly port: number,
    /** The Service namespace, if set explicitly. */
    public readonly namespace: string | undefined,
    private readonly label: string,
    /** Re-encryption to the backend, if it serves HTTPS. */
    public readonly tls?: BackendTls,
    /** The weight given in the options, if any. */
    private readonly givenWeight?: number,
    private readonly serviceKnown: boolean = false,
    private readonly serviceObject?: ServiceObject,
    /** The header rules given in the options, if any. */
    private readonly givenHeaders?: HeaderRules,
  ) {}

  private headersIR(): BackendHeadersIR | string | undefined {
    return backendHeadersIR(this.givenHeaders);
  }

  /** The backend's relative weight among its route's backends (1 unless given). */
  public get weight(): number {
    return this.givenWeight ?? 1;
  }

  /**
   * Whether a weight was given; only a route's `backends` take one.
   * @internal
   */
  public get _hasWeight(): boolean {
    return this.givenWeight !== undefined;
  }

  /**
   * Validates and resolves against the namespace of the route using it.
   * @internal
   */
  public _toIR(defaultNamespace: string, weighted = false): { ir?: BackendIR; problem?: string } {
    if (!weighted && this.givenWeight !== undefined) {
      return { problem: `${this.label}: weight: only a route's backends take a weight (a share of the route's traffic); remove it here` };
    }
    if (!weighted && this.givenHeaders !== undefined) {
      return { problem: `${this.label}: headers: only a route's backends take header rules; set them on the route's backend, or the route's headerRules` };
    }
    const headers = this.headersIR();
    if (typeof headers === 'string') return { problem: `${this.label}: headers: ${headers}` };
    const problem = checkServiceName(this.serviceName)
      ?? (checkPort(this.port) ? `port ${checkPort(this.port)}` : undefined)
      ?? (this.namespace !== undefined ? checkNamespace(this.namespace) : undefined)
      ?? (this.givenWeight !== undefined && (typeof this.givenWeight !== 'number' || !Number.isInteger(this.givenWeight) || this.givenWeight < 0 || this.givenWeight > MAX_BACKEND_WEIGHT)
        ? `weight: ${show(this.givenWeight)} is not a whole number from 0 to ${MAX_BACKEND_WEIGHT.toLocaleString('en-US')}` : undefined);
    if (problem) return { problem: `${this.label}: ${problem}` };
    let tls: BackendTlsIR | undefined;
    if (this.tls !== undefined) {
      if (!(this.tls instanceof BackendTls)) return { problem: `${this.label}: tls: must be created with BackendTls.verify() or BackendTls.insecureSkipVerify()` };
      const r = this.tls._toIR();
      if (r.problem) return { problem: `${this.label}: ${r.problem}` };
      tls = r.ir;
    }
    const ir: BackendIR = {
      service: this.serviceName,
      namespace: this.namespace ?? defaultNamespace,
      port: this.port,
      weight: this.weight,
      tls,
      ...(headers ? { headers } : {}),
    };
    if (!this.serviceKnown) return { ir };
    const known: BackendIR = { ...ir, serviceKnown: true };
    if (this.serviceObject) rememberServiceObject(known, this.serviceObject);
    return { ir: known };
  }
}

/** `Backend` header rules as IR, a problem, or undefined when none were given. */
function backendHeadersIR(rules: unknown): BackendHeadersIR | string | undefined {
  if (rules === undefined) return undefined;
  if (!(rules instanceof HeaderRules)) return `must be created with HeaderRules.of(), got ${show(rules)}`;
  const { request, response } = rules._toIR('');
  if (response && [...response.set, ...response.add].some(h => h.name === 'strict-transport-security')) {
    return 'Strict-Transport-Security is a TlsHost setting (hsts), not a backend\'s';
  }
  return { ...(request ? { request } : {}), ...(response ? { response } : {}) };
}

/** The ApiObject of a Service construct (a cdk8s-plus Service, or a Service ApiObject), else undefined. */
function apiObjectOf(service: IServiceRef): ApiObject | undefined {
  if (!Construct.isConstruct(service)) return undefined;
  try {
    const object = ApiObject.of(service);
    return object.kind === 'Service' && object.apiVersion === 'v1' ? object : undefined;
  } catch {
    return undefined;
  }
}

/** A setting of one Service port, as `ApiGateway.serviceSettings()` lists it. */
export interface ServicePortSettings {
  /** The Service port number. */
  readonly port: number;
  /** The port's `appProtocol` (e.g. `kubernetes.io/h2c`). */
  readonly appProtocol: string;
}

/**
 * What the gateway's controller reads on one Service rather than on the routing objects (Kong's
 * `konghq.com/*` timeouts and protocol, the Traefik Ingress provider's
 * `traefik.ingress.kubernetes.io/service.*`, a Gateway API port's `appProtocol`).
 */
export interface ServiceSettings {
  /** The Service's name. */
  readonly name: string;
  /** The Service's namespace. */
  readonly namespace: string;
  /**
   * Annotations to set on the Service.
   * @default - none
   */
  readonly annotations?: { [key: string]: string };
  /**
   * Settings of the Service's ports.
   * @default - none
   */
  readonly ports?: ServicePortSettings[];
}
