import { ApiObject } from 'cdk8s';
import { Construct } from 'constructs';
import type { ApiGateway } from './api-gateway';
import { backendWarningsFor } from './app-checks';
import { Backend } from './backend';
import { isApiGateway } from './owner';
import { cipherSuitesIR, ClientAuth, Hsts, TlsCipherSuite, TlsMode, TlsVersion, tlsVersionIR } from './tls-options';
import { Certificate, CertificateOptions, OwnedCertificateProps, secretKey, SecretUse, secretUseProblems } from '../cert-manager/certificate';
import { IIssuer, IssuerKind } from '../cert-manager/issuer';
import { register } from '../core/app-registry';
import { fail, listProblem, optionsOf, pathOf, show } from '../core/errors';
import { joinName } from '../core/names';
import { checkCertificateName, checkHost, checkNamespace, checkObjectName } from '../core/validate';
import { addWarnings } from '../core/warnings';
import { ClientAuthIR, HstsIR, PassthroughIR, TlsHostIR } from '../ir/model';

/** Options for `TlsCertificate.fromSecret()`. */
export interface SecretCertificateOptions {
  /**
   * Namespace of the Secret. Another namespace than the gateway's needs a ReferenceGrant on
   * Gateway API (generated) and is not expressible on Ingress-based controllers.
   * @default - the gateway's namespace
   */
  readonly namespace?: string;
}

/** Options for `TlsCertificate.fromIssuer()`. */
export interface IssuedCertificateOptions extends CertificateOptions {
  /**
   * The Secret cert-manager writes the certificate to, in the gateway's namespace.
   * @default - `<gateway>-<TlsHost id>-cert`
   */
  readonly secretName?: string;
}

/**
 * Where a TLS certificate comes from.
 * @example edge.addTlsHost('api-tls', { hosts: ['api.example.com'], certificate: TlsCertificate.fromSecret('api-tls-cert') })
 */
export class TlsCertificate {
  /**
   * An existing `kubernetes.io/tls` Secret (keys `tls.crt` and `tls.key`), managed elsewhere.
   * @example TlsCertificate.fromSecret('api-tls-cert')
   */
  public static fromSecret(secretName: string, options: SecretCertificateOptions = {}): TlsCertificate {
    return new TlsCertificate(secretName, optionsOf('TlsCertificate.fromSecret', options).namespace);
  }

  /**
   * A certificate cert-manager obtains and renews from `issuer`: the TlsHost creates a
   * cert-manager `Certificate` for exactly its hostnames, writing a Secret in the gateway's
   * namespace that the controller's objects reference. With an ACME `AcmeSolver.http01()`
   * solver, the challenge is answered through this gateway's controller.
   *
   * Why a `Certificate` object rather than cert-manager's ingress-shim / gateway-shim
   * annotations: the shims derive one Certificate per annotated object, while a host set here
   * may be spread over several Ingresses (one per route), and the annotation is object-wide
   * (it would also take over every other Secret in that Ingress or Gateway).
   *
   * @example TlsCertificate.fromIssuer(letsEncrypt)
   */
  public static fromIssuer(issuer: IIssuer, options: IssuedCertificateOptions = {}): TlsCertificate {
    const o = optionsOf('TlsCertificate.fromIssuer', options);
    return new TlsCertificate(o.secretName, undefined, issuer, o);
  }

  private constructor(
    /** The Secret's name (for `fromIssuer` without `secretName`: derived by the TlsHost). */
    public readonly secretName?: string,
    /** The Secret's namespace, if set explicitly. */
    public readonly namespace?: string,
    /** The cert-manager issuer, for `fromIssuer`. */
    public readonly issuer?: IIssuer,
    private readonly issuedOptions?: IssuedCertificateOptions,
  ) {}

  /** @internal */
  public _issuedOptions(): IssuedCertificateOptions | undefined {
    return this.issuedOptions;
  }
}

/** Options for `ApiGateway.addTlsHost()`. */
export interface TlsHostOptions {
  /**
   * The hostnames served over HTTPS with this certificate (or passed through). Each must be served
   * by a route, unless passed through. Terminated hosts are certificate names: `*.example.com`
   * (exactly one label) but never `**.`; a `*.example.com` certificate also serves a route for
   * `**.example.com` (its deeper names cannot be in any certificate). Passthrough hosts route by
   * SNI and take `**.example.com` (one or more labels) like route hosts.
   */
  readonly hosts: string[];

  /**
   * The certificate for all of `hosts`.
   * @default - none; required unless `mode` is `TlsMode.passthrough()`
   */
  readonly certificate?: TlsCertificate;

  /**
   * Terminate TLS at the gateway, or pass it through to a backend.
   * @default TlsMode.terminate()
   */
  readonly mode?: TlsMode;

  /**
   * Redirect plain-HTTP requests for these hosts to HTTPS. `false` serves them over HTTP too.
   * A route's own `Redirect.toHttps()` decides for that route's matches (its status code; it
   * redirects even when this is `false`): only one redirect is rendered per host and match.
   * @default true
   */
  readonly httpsRedirect?: boolean;

  /**
   * Send a `Strict-Transport-Security` header. Merged into a route's own `headerRules.response`
   * where the controller takes one response-header filter / plugin / middleware per route; a
   * route setting Strict-Transport-Security itself through `headerRules` is refused.
   * @default - no HSTS header
   */
  readonly hsts?: Hsts;

  /**
   * The lowest TLS version clients may use for these hosts.
   * @default - the controller's default (TLS 1.2 on every supported controller)
   */
  readonly minTlsVersion?: TlsVersion;

  /**
   * Verify client certificates (mutual TLS). The CA object lives in the gateway's namespace.
   * @default - no client certificate is requested
   */
  readonly clientAuth?: ClientAuth;

  /**
   * The TLS 1.2 cipher suites clients may negotiate for these hosts (TLS 1.3 suites are not
   * configurable). The order is not a preference: Traefik (Go) chooses its own order.
   * @default - the controller's default list
   * @example [TlsCipherSuite.TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256, TlsCipherSuite.TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384]
   */
  readonly cipherSuites?: TlsCipherSuite[];

  /**
   * Whether clients may resume TLS sessions with session tickets (stateless resumption, RFC 5077 /
   * TLS 1.3 tickets). `false` forces a full handshake for every connection that would resume by
   * ticket; `true` saves handshakes, at the cost of forward secrecy for as long as the ticket key lives.
   * @default - the controller's default (Traefik: tickets on; Envoy Gateway: no resumption)
   */
  readonly sessionTickets?: boolean;
}

/** Props for `TlsHost`. */
export interface TlsHostProps extends TlsHostOptions {
  /** The gateway that terminates (or passes through) TLS for these hosts. */
  readonly gateway: ApiGateway;
}

/**
 * TLS for a set of hostnames: terminated with one certificate (from a Secret, or issued by
 * cert-manager), or passed through to one backend.
 *
 * Ingress controllers get a `tls` entry on every Ingress serving those hosts; Gateway API gets
 * an HTTPS listener per hostname on the Gateway (and a ReferenceGrant when the Secret lives in
 * another namespace). Plain-HTTP requests are redirected to HTTPS unless `httpsRedirect: false`.
 *
 * @example
 * api.addTlsHost('api-tls', {
 *   hosts: ['api.example.com'],
 *   certificate: TlsCertificate.fromIssuer(letsEncrypt),
 *   hsts: Hsts.enable(),
 * });
 */
export class TlsHost extends Construct {
  /** The gateway. */
  public readonly gateway: ApiGateway;
  /** The hostnames, sorted. */
  public readonly hosts: string[];
  /** The certificate (undefined for passthrough). */
  public readonly certificate?: TlsCertificate;
  /** The name of the Secret holding the certificate (undefined for passthrough). */
  public readonly secretName?: string;
  /** The cert-manager Certificate this TlsHost created, for `TlsCertificate.fromIssuer()`. */
  public readonly issuedCertificate?: Certificate;
  /** Objects this construct created (e.g. a Certificate, a ReferenceGrant); shared objects are on the routes / gateway. */
  public readonly apiObjects: ApiObject[];
  /** @internal */
  public readonly _ir: TlsHostIR | PassthroughIR;

  constructor(scope: Construct, id: string, props: TlsHostProps) {
    const path = pathOf(scope, id, 'TlsHost');
    if (!props || !isApiGateway(props.gateway)) fail(path, 'TlsHost.gateway: must be an ApiGateway');
    const gateway = props.gateway;
    const hostsProblem = props.hosts === undefined ? undefined : listProblem('TlsHost.hosts', props.hosts, 'hostnames');
    if (hostsProblem) fail(path, hostsProblem);
    if (!props.hosts || props.hosts.length === 0) fail(path, 'TlsHost.hosts: at least one hostname is required');
    // Terminated hosts are certificate names (`*.` only); passthrough hosts route by SNI (`**.` too).
    const passthrough = props.mode instanceof TlsMode && props.mode.mode === 'Passthrough';
    for (const [i, host] of props.hosts.entries()) {
      const problem = passthrough ? checkHost(host) : checkCertificateName(host);
      if (problem) fail(path, `TlsHost.hosts[${i}]: ${problem}`);
    }
    const hosts = [...new Set(props.hosts)].sort();
    if (hosts.length !== props.hosts.length) fail(path, 'TlsHost.hosts: lists a hostname twice');
    if (hosts.length > 100) fail(path, `TlsHost.hosts: ${hosts.length} hostnames; a certificate covers at most 100 names, split them over several TlsHosts`);
    const mode = props.mode ?? TlsMode.terminate();
    if (!(mode instanceof TlsMode)) fail(path, 'TlsHost.mode: must be TlsMode.terminate() or TlsMode.passthrough(backend)');
    const name = gateway._childName(id, path, 'TlsHost');

    if (mode.mode === 'Passthrough') {
      const httpLevel = (['certificate', 'httpsRedirect', 'hsts', 'minTlsVersion', 'clientAuth', 'cipherSuites', 'sessionTickets'] as const).filter(p => props[p] !== undefined);
      if (httpLevel.length > 0) {
        fail(path, `TlsHost.${httpLevel[0]}: a passthrough host is not terminated at the gateway, so it takes no ${httpLevel.join(', ')}; the backend holds the certificate (remove ${httpLevel.length > 1 ? 'them' : 'it'}, or use TlsMode.terminate())`);
      }
      if (!(mode.backend instanceof Backend)) fail(path, 'TlsHost.mode: TlsMode.passthrough() needs a backend created with Backend.service() or Backend.fromService()');
      const { ir: backend, problem } = mode.backend._toIR(gateway.namespace);
      if (problem) fail(path, `TlsHost.mode.backend: ${problem}`);
      if (backend!.tls) fail(path, 'TlsHost.mode.backend: a passthrough backend receives the client\'s TLS connection as is; remove its tls option');
      if (backend!.namespace !== gateway.namespace) fail(path, `TlsHost.mode.backend: the passthrough backend must be in the gateway's namespace '${gateway.namespace}' (got '${backend!.namespace}')`);
      super(scope, id);
      this.gateway = gateway;
      this.hosts = hosts;
      this._ir = { mode: 'Passthrough', source: this.node.path, name, hosts, backend: backend! };
      this.apiObjects = gateway._registerTlsHost(this);
      this.node.addValidation({ validate: () => gateway._problemsFor(this.node.path) });
      addWarnings(this, 'backends', () => backendWarningsFor(gateway, this.node.path));
      return;
    }

    const cert = props.certificate;
    if (!(cert instanceof TlsCertificate)) fail(path, 'TlsHost.certificate: must be created with TlsCertificate.fromSecret() or TlsCertificate.fromIssuer()');
    const issuer = cert.issuer;
    const secretName = cert.secretName ?? joinName([name, 'cert'], 253);
    const secretProblem = checkObjectName(secretName) ?? (cert.namespace !== undefined ? checkNamespace(cert.namespace) : undefined);
    if (secretProblem) fail(path, `TlsHost.certificate: ${secretProblem}`);
    const secretNamespace = cert.namespace ?? gateway.namespace;
    if (issuer && issuer.issuerKind === IssuerKind.ISSUER && issuer.issuerNamespace !== secretNamespace) {
      fail(path, `TlsHost.certificate: Issuer '${issuer.issuerName}' lives in namespace '${issuer.issuerNamespace}' and only serves certificates there, but this gateway's certificates are in '${secretNamespace}'; use a ClusterIssuer, or an Issuer in '${secretNamespace}'`);
    }
    if (props.httpsRedirect !== undefined && typeof props.httpsRedirect !== 'boolean') fail(path, 'TlsHost.httpsRedirect: must be true or false');
    if (props.sessionTickets !== undefined && typeof props.sessionTickets !== 'boolean') fail(path, `TlsHost.sessionTickets: ${show(props.sessionTickets)} must be true or false`);
    let hsts: HstsIR | undefined;
    if (props.hsts !== undefined) {
      if (!(props.hsts instanceof Hsts)) fail(path, 'TlsHost.hsts: must be created with Hsts.enable()');
      const r = props.hsts._toIR('TlsHost.hsts');
      if (r.problem) fail(path, r.problem);
      hsts = r.ir;
    }
    const minTlsVersion = props.minTlsVersion === undefined ? undefined : tlsVersionIR(props.minTlsVersion);
    if (props.minTlsVersion !== undefined && !minTlsVersion) fail(path, `TlsHost.minTlsVersion: ${show(props.minTlsVersion)} is not a TlsVersion (TLS_1_2 or TLS_1_3)`);
    let cipherSuites: string[] | undefined;
    if (props.cipherSuites !== undefined) {
      const r = cipherSuitesIR(props.cipherSuites, minTlsVersion);
      if (r.problem) fail(path, r.problem);
      cipherSuites = r.ir;
    }
    let clientAuth: ClientAuthIR | undefined;
    if (props.clientAuth !== undefined) {
      if (!(props.clientAuth instanceof ClientAuth)) fail(path, 'TlsHost.clientAuth: must be created with ClientAuth.required() or ClientAuth.optional()');
      const r = props.clientAuth._toIR('TlsHost.clientAuth');
      if (r.problem) fail(path, r.problem);
      if (secretNamespace !== gateway.namespace) {
        fail(path, `TlsHost.clientAuth: client certificate verification needs the certificate Secret in the gateway's namespace '${gateway.namespace}' (its CA lives there too), not '${secretNamespace}'`);
      }
      clientAuth = r.ir;
    }

    super(scope, id);
    this.gateway = gateway;
    this.hosts = hosts;
    this.certificate = cert;
    this.secretName = secretName;
    const objects: ApiObject[] = [];
    if (issuer) {
      const owned: OwnedCertificateProps = {
        ...cert._issuedOptions(),
        issuer,
        dnsNames: hosts,
        secretName,
        namespace: secretNamespace,
        owner: { source: this.node.path, prop: 'TlsHost.certificate', gateway: gateway._gatewayLink() },
      };
      this.issuedCertificate = new Certificate(this, 'Certificate', owned);
      objects.push(this.issuedCertificate.apiObject);
    } else {
      register<SecretUse>(this, 'certificate-secret', secretKey(secretNamespace, secretName), { source: this.node.path, label: 'TlsHost', names: hosts, writer: false });
    }
    this._ir = {
      mode: 'Terminate',
      source: this.node.path,
      name,
      hosts,
      secretName,
      secretNamespace,
      managedCertificate: issuer !== undefined,
      httpsRedirect: props.httpsRedirect ?? true,
      hsts,
      minTlsVersion,
      clientAuth,
      ...(cipherSuites ? { cipherSuites } : {}),
      ...(props.sessionTickets !== undefined ? { sessionTickets: props.sessionTickets } : {}),
    };
    objects.push(...gateway._registerTlsHost(this));
    this.apiObjects = objects;
    this.node.addValidation({ validate: () => this.problems() });
  }

  private problems(): string[] {
    const out = [...this.gateway._problemsFor(this.node.path)];
    if (this._ir.mode !== 'Terminate') return out;
    if (this.issuedCertificate) {
      out.push(...this.issuedCertificate._problems());
    } else {
      out.push(...secretUseProblems(this, secretKey(this._ir.secretNamespace, this._ir.secretName),
        { source: this.node.path, label: 'TlsHost', names: this.hosts, writer: false }, 'TlsHost.certificate'));
    }
    return out;
  }
}
