import { ApiObject, Chart, Duration } from 'cdk8s';
import { Construct } from 'constructs';
import { CertificateSpec, KINDS, LIMITS, V1 } from './api';
import { CertificateUse, GatewayLink } from './internal';
import { IIssuer, IssuerBase, issuerRef, IssuerKind } from './issuer';
import { entries, register } from '../core/app-registry';
import { goDuration } from '../core/duration';
import { fail, listProblem, pathOf, show } from '../core/errors';
import { wildcardCovers } from '../core/hosts';
import { ManifestObject } from '../core/manifest-object';
import { checkCertificateName, checkNamespace, checkObjectName, nonFiniteDuration } from '../core/validate';

/** Private key algorithms cert-manager can generate. */
export enum PrivateKeyAlgorithm {
  /** RSA (sizes 2048, 3072, 4096, ...). */
  RSA = 'RSA',
  /** ECDSA (curve P-256, P-384 or P-521 by size 256, 384, 521). */
  ECDSA = 'ECDSA',
  /** Ed25519 (no size). Not accepted by every client or CA (Let's Encrypt refuses it). */
  ED25519 = 'Ed25519',
}

/** Certificate settings shared by `Certificate` and `TlsCertificate.fromIssuer()`. */
export interface CertificateOptions {
  /**
   * Requested lifetime. At least one hour; the CA may shorten it (Let's Encrypt: 90 days).
   * @default - the issuer's default (90 days for cert-manager)
   */
  readonly duration?: Duration;

  /**
   * How long before expiry cert-manager renews. At least five minutes, less than `duration`.
   * @default - cert-manager's default (a third of the lifetime)
   */
  readonly renewBefore?: Duration;

  /**
   * The private key algorithm.
   * @default - cert-manager's default (RSA)
   */
  readonly privateKeyAlgorithm?: PrivateKeyAlgorithm;

  /**
   * The key size: 2048-8192 for RSA, 256 / 384 / 521 for ECDSA; none for Ed25519.
   * @default - cert-manager's default for the algorithm (RSA 2048, ECDSA 256)
   */
  readonly privateKeySize?: number;
}

/** Props for `Certificate`. */
export interface CertificateProps extends CertificateOptions {
  /** The issuer: a ClusterIssuer, or an Issuer of the same namespace. */
  readonly issuer: IIssuer;

  /** The names (1 to 100; `*.` wildcards need a DNS-01 solver). */
  readonly dnsNames: string[];

  /**
   * The Secret cert-manager writes the key pair to. One Certificate per Secret: two writers
   * would keep replacing each other's certificate.
   */
  readonly secretName: string;

  /**
   * The namespace of the Certificate and its Secret.
   * @default - the chart's namespace, else 'default'
   */
  readonly namespace?: string;

  /**
   * The Certificate object's name.
   * @default - the secret name
   */
  readonly name?: string;
}

/** What a TlsHost passes when it allocates its Certificate. @internal */
export interface OwnedCertificateProps extends CertificateProps {
  readonly owner: { readonly source: string; readonly prop: string; readonly gateway: GatewayLink };
}

/** A Secret with a known writer or reader, for the "one Secret, one host set" rule. @internal */
export interface SecretUse {
  readonly source: string;
  readonly label: string;
  /** Sorted. */
  readonly names: readonly string[];
  /** Written by a Certificate (vs read by a TlsHost with a Secret managed elsewhere). */
  readonly writer: boolean;
}

/** The app-wide key of a Secret. @internal */
export function secretKey(namespace: string, name: string): string {
  return `${namespace}/${name}`;
}

/**
 * Problems of one Secret use with the other uses of the same Secret: two writers, or a reader
 * naming hosts the writer's certificate does not cover. @internal
 */
export function secretUseProblems(scope: Construct, key: string, me: SecretUse, prop: string): string[] {
  const all = entries<SecretUse>(scope, 'certificate-secret', key);
  const secret = key.split('/')[1];
  const out: string[] = [];
  const writers = all.filter(u => u.writer);
  if (me.writer) {
    const first = writers[0];
    if (first && first.source !== me.source) {
      out.push(`${prop}: Secret '${secret}' is already written by ${first.label} [${first.source}] for [${first.names.join(', ')}]; two certificates writing one Secret replace each other endlessly (and burn ACME rate limits) — give this one its own secret name`);
    }
  } else if (writers.length > 0) {
    const w = writers[0];
    const uncovered = me.names.filter(h => !w.names.some(n => wildcardCovers(n, h)));
    if (uncovered.length > 0) {
      out.push(`${prop}: Secret '${secret}' holds the certificate ${w.label} [${w.source}] issues for [${w.names.join(', ')}], which does not cover ${uncovered.map(h => `'${h}'`).join(', ')}; use a certificate for this host set (e.g. TlsCertificate.fromIssuer)`);
    }
  }
  return out;
}

/**
 * A cert-manager `Certificate`: cert-manager obtains a certificate for `dnsNames` from the
 * issuer and keeps it, renewed, in the Secret `secretName`.
 *
 * TlsHosts with `TlsCertificate.fromIssuer()` create one of these for you.
 *
 * @example
 * new Certificate(chart, 'api', {
 *   issuer,
 *   dnsNames: ['api.shop.dev'],
 *   secretName: 'api-tls',
 * });
 */
export class Certificate extends Construct {
  /** The Secret cert-manager writes. */
  public readonly secretName: string;
  /** The names, sorted. */
  public readonly dnsNames: string[];
  /** The Certificate's (and the Secret's) namespace. */
  public readonly namespace: string;
  /** The issuer. */
  public readonly issuer: IIssuer;
  /** The rendered object (escape hatch). */
  public readonly apiObject: ApiObject;
  private readonly use: CertificateUse;

  constructor(scope: Construct, id: string, props: CertificateProps) {
    const path = pathOf(scope, id, 'Certificate');
    const owner = (props as OwnedCertificateProps | undefined)?.owner;
    const label = owner ? owner.prop : 'Certificate';
    const err = (prop: string, problem: string): never => fail(owner?.source ?? path, owner ? `${label}: ${problem}` : `Certificate.${prop}: ${problem}`);
    if (!props || typeof props !== 'object') fail(path, 'Certificate: props are required');
    const issuer = props.issuer;
    if (!issuer || typeof issuer.issuerName !== 'string' || !Object.values(IssuerKind).includes(issuer.issuerKind)) {
      err('issuer', 'must be a ClusterIssuer, an Issuer, or ClusterIssuer.fromName() / Issuer.fromName()');
    }
    const namesProblem = props.dnsNames === undefined ? undefined : listProblem('dnsNames', props.dnsNames, 'DNS names');
    if (namesProblem) err(namesProblem.slice(0, namesProblem.indexOf(': ')), namesProblem.slice(namesProblem.indexOf(': ') + 2));
    if (!props.dnsNames || props.dnsNames.length === 0) err('dnsNames', 'at least one name is required');
    for (const [i, n] of props.dnsNames.entries()) {
      const p = checkCertificateName(n);
      if (p) err(`dnsNames[${i}]`, p);
    }
    const dnsNames = [...new Set(props.dnsNames)].sort();
    if (dnsNames.length !== props.dnsNames.length) err('dnsNames', 'lists a name twice');
    if (dnsNames.length > LIMITS.dnsNamesPerCertificate) {
      err('dnsNames', `${dnsNames.length} names; a certificate holds at most ${LIMITS.dnsNamesPerCertificate} (Let's Encrypt's limit), split them over several certificates`);
    }
    const secretProblem = checkObjectName(props.secretName);
    if (secretProblem) err('secretName', secretProblem);
    if (props.name !== undefined && checkObjectName(props.name)) err('name', checkObjectName(props.name)!);
    const spec = certificateSettings(props, err);

    super(scope, id);
    const namespace = props.namespace ?? Chart.of(this).namespace ?? 'default';
    const nsProblem = checkNamespace(namespace);
    if (nsProblem) err('namespace', nsProblem);
    if (issuer.issuerKind === IssuerKind.ISSUER && issuer.issuerNamespace !== namespace) {
      err('issuer', `Issuer '${issuer.issuerName}' lives in namespace '${issuer.issuerNamespace}' and only serves Certificates there, but this certificate is in '${namespace}'; use a ClusterIssuer, or an Issuer in '${namespace}'`);
    }

    this.secretName = props.secretName;
    this.dnsNames = dnsNames;
    this.namespace = namespace;
    this.issuer = issuer;
    this.use = {
      source: owner?.source ?? this.node.path,
      prop: owner ? label : 'Certificate.issuer',
      namespace,
      secretName: props.secretName,
      dnsNames,
      gateway: owner?.gateway,
    };
    if (issuer instanceof IssuerBase) issuer._use(this.use);
    register<SecretUse>(this, 'certificate-secret', secretKey(namespace, props.secretName), {
      source: this.use.source, label: owner ? 'TlsHost' : 'Certificate', names: dnsNames, writer: true,
    });

    this.apiObject = new ManifestObject(this, 'Resource', {
      apiVersion: V1,
      kind: KINDS.certificate,
      name: props.name ?? props.secretName,
      namespace,
      spec: (): CertificateSpec => ({
        secretName: props.secretName,
        dnsNames: [...dnsNames],
        issuerRef: issuerRef(issuer),
        ...spec,
      }),
    });
    // A TlsHost reports its certificate's problems itself, on its own path.
    if (!owner) this.node.addValidation({ validate: () => this._problems() });
  }

  /** Problems with the issuer's solvers and with other users of the Secret. @internal */
  public _problems(): string[] {
    const out = this.issuer instanceof IssuerBase ? this.issuer._problemsFor(this.use) : [];
    out.push(...secretUseProblems(this, secretKey(this.namespace, this.secretName),
      { source: this.use.source, label: 'Certificate', names: this.dnsNames, writer: true }, this.use.prop === 'Certificate.issuer' ? 'Certificate.secretName' : this.use.prop));
    return out;
  }
}

function certificateSettings(o: CertificateOptions, err: (prop: string, problem: string) => never): Partial<CertificateSpec> {
  const seconds = (d: Duration | undefined, prop: string): number | undefined => {
    if (d === undefined) return undefined;
    if (!(d instanceof Duration)) err(prop, 'must be a cdk8s Duration');
    const infinite = nonFiniteDuration(d);
    if (infinite) err(prop, infinite);
    const s = d.toSeconds({ integral: false });
    if (!Number.isInteger(s) || s <= 0) err(prop, `must be a positive whole number of seconds (got ${s})`);
    return s;
  };
  const duration = seconds(o.duration, 'duration');
  const renewBefore = seconds(o.renewBefore, 'renewBefore');
  if (duration !== undefined && duration < LIMITS.minDurationSeconds) err('duration', `${duration}s is below cert-manager's minimum of one hour`);
  if (renewBefore !== undefined && renewBefore < LIMITS.minRenewBeforeSeconds) err('renewBefore', `${renewBefore}s is below cert-manager's minimum of five minutes`);
  if (renewBefore !== undefined && renewBefore >= (duration ?? 90 * 86400)) {
    err('renewBefore', `must be shorter than the certificate's lifetime (${goDuration((duration ?? 90 * 86400) * 1000)}${duration === undefined ? ', cert-manager\'s default' : ''})`);
  }
  let privateKey: CertificateSpec['privateKey'];
  if (o.privateKeyAlgorithm !== undefined || o.privateKeySize !== undefined) {
    const algorithm = o.privateKeyAlgorithm ?? PrivateKeyAlgorithm.RSA;
    if (!Object.values(PrivateKeyAlgorithm).includes(algorithm)) err('privateKeyAlgorithm', `${show(algorithm)} is not a PrivateKeyAlgorithm`);
    const size = o.privateKeySize;
    if (size !== undefined) {
      const ok = algorithm === PrivateKeyAlgorithm.RSA ? Number.isInteger(size) && size >= 2048 && size <= 8192
        : algorithm === PrivateKeyAlgorithm.ECDSA ? [256, 384, 521].includes(size) : false;
      if (!ok) {
        err('privateKeySize', algorithm === PrivateKeyAlgorithm.ED25519 ? 'Ed25519 keys have no size; omit it'
          : algorithm === PrivateKeyAlgorithm.RSA ? `${show(size)} is not an RSA key size cert-manager accepts (2048 to 8192)` : `${show(size)} is not an ECDSA size (256, 384 or 521)`);
      }
    }
    privateKey = { algorithm, size };
  }
  return {
    duration: duration !== undefined ? goDuration(duration * 1000) : undefined,
    renewBefore: renewBefore !== undefined ? goDuration(renewBefore * 1000) : undefined,
    privateKey,
  };
}
