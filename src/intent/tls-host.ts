import { ApiObject } from 'cdk8s';
import { Construct } from 'constructs';
import { ApiGateway } from './api-gateway';
import { fail, optionsOf, pathOf } from '../core/errors';
import { checkHost, checkNamespace, checkObjectName } from '../core/validate';
import { TlsHostIR } from '../ir/model';

/** Options for `TlsCertificate.fromSecret()`. */
export interface SecretCertificateOptions {
  /**
   * Namespace of the Secret. Another namespace than the gateway's needs a ReferenceGrant on
   * Gateway API (generated) and is not expressible on Ingress-based controllers.
   * @default - the gateway's namespace
   */
  readonly namespace?: string;
}

/** Where a TLS certificate comes from. */
export class TlsCertificate {
  /**
   * An existing `kubernetes.io/tls` Secret (keys `tls.crt` and `tls.key`).
   * @example TlsCertificate.fromSecret('api-tls-cert')
   */
  public static fromSecret(secretName: string, options: SecretCertificateOptions = {}): TlsCertificate {
    return new TlsCertificate(secretName, optionsOf('TlsCertificate.fromSecret', options).namespace);
  }

  private constructor(
    /** The Secret's name. */
    public readonly secretName: string,
    /** The Secret's namespace, if set explicitly. */
    public readonly namespace?: string,
  ) {}
}

/** Options for `ApiGateway.addTlsHost()`. */
export interface TlsHostOptions {
  /** The hostnames served over HTTPS with this certificate. Each must be served by a route. */
  readonly hosts: string[];

  /** The certificate for all of `hosts`. */
  readonly certificate: TlsCertificate;
}

/** Props for `TlsHost`. */
export interface TlsHostProps extends TlsHostOptions {
  /** The gateway that terminates TLS for these hosts. */
  readonly gateway: ApiGateway;
}

/**
 * Terminates TLS for a set of hostnames with one certificate.
 *
 * Ingress controllers get a `tls` entry on every Ingress serving those hosts; Gateway API gets
 * an HTTPS listener per hostname on the Gateway (and a ReferenceGrant when the Secret lives in
 * another namespace).
 */
export class TlsHost extends Construct {
  /** The gateway. */
  public readonly gateway: ApiGateway;
  /** The hostnames, sorted. */
  public readonly hosts: string[];
  /** The certificate. */
  public readonly certificate: TlsCertificate;
  /** Objects this construct created (e.g. a ReferenceGrant); shared objects are on the routes / gateway. */
  public readonly apiObjects: ApiObject[];
  /** @internal */
  public readonly _ir: TlsHostIR;

  constructor(scope: Construct, id: string, props: TlsHostProps) {
    const path = pathOf(scope, id, 'TlsHost');
    if (!props || !(props.gateway instanceof ApiGateway)) fail(path, 'TlsHost.gateway: must be an ApiGateway');
    if (!Array.isArray(props.hosts) || props.hosts.length === 0) fail(path, 'TlsHost.hosts: at least one hostname is required');
    for (const [i, host] of props.hosts.entries()) {
      const problem = checkHost(host);
      if (problem) fail(path, `TlsHost.hosts[${i}]: ${problem}`);
    }
    if (!(props.certificate instanceof TlsCertificate)) fail(path, 'TlsHost.certificate: must be created with TlsCertificate.fromSecret()');
    const secretProblem = checkObjectName(props.certificate.secretName)
      ?? (props.certificate.namespace !== undefined ? checkNamespace(props.certificate.namespace) : undefined);
    if (secretProblem) fail(path, `TlsHost.certificate: ${secretProblem}`);
    const hosts = [...new Set(props.hosts)].sort();
    if (hosts.length !== props.hosts.length) fail(path, 'TlsHost.hosts: lists a hostname twice');
    if (hosts.length > 100) fail(path, `TlsHost.hosts: ${hosts.length} hostnames; a certificate covers at most 100 names, split them over several TlsHosts`);

    super(scope, id);
    this.gateway = props.gateway;
    this.hosts = hosts;
    this.certificate = props.certificate;
    this._ir = {
      source: this.node.path,
      name: this.gateway._childName(this.node.id, this.node.path, 'TlsHost'),
      hosts,
      secretName: props.certificate.secretName,
      secretNamespace: props.certificate.namespace ?? this.gateway.namespace,
    };
    this.apiObjects = this.gateway._registerTlsHost(this);
    this.node.addValidation({ validate: () => this.gateway._problemsFor(this.node.path) });
  }
}
