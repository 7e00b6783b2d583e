import { domainToASCII } from 'url';
import { ApiObject, Chart } from 'cdk8s';
import { Construct } from 'constructs';
import { AcmeServer, AcmeSolver, SelectorIR, selectorWire, SolverIR } from './acme';
import { GROUP as CM_GROUP, Http01Solver, IssuerSpec, KINDS, LETS_ENCRYPT, SolverSpec, V1 } from './api';
import { CertificateUse, GatewayLink } from './internal';
import { CERTIFICATES_PER_DOMAIN_THRESHOLD, crowdedDomains, LETS_ENCRYPT_CERTIFICATES_PER_DOMAIN, registeredDomain } from '../checks/warnings';
import { entries, register } from '../core/app-registry';
import { fail, listProblem, pathOf } from '../core/errors';
import { isWildcardHost } from '../core/hosts';
import { ManifestObject } from '../core/manifest-object';
import { joinName } from '../core/names';
import { checkHost, checkLabelName, checkNamespace, checkObjectName } from '../core/validate';
import { addWarnings, WARNING_IDS, WarningSpec } from '../core/warnings';

/** The two cert-manager issuer kinds. */
export enum IssuerKind {
  /** A namespaced `Issuer`: only Certificates of its namespace can use it. */
  ISSUER = 'Issuer',
  /** A cluster-scoped `ClusterIssuer`: usable from every namespace. */
  CLUSTER_ISSUER = 'ClusterIssuer',
}

/** A cert-manager issuer that certificates can reference: one defined here, or an existing one. */
export interface IIssuer {
  /** The issuer's name. */
  readonly issuerName: string;
  /** Issuer or ClusterIssuer. */
  readonly issuerKind: IssuerKind;
  /**
   * The namespace of an `Issuer`.
   * @default - none: a ClusterIssuer
   */
  readonly issuerNamespace?: string;
}

/** Options for `IssuerType.acme()`. */
export interface AcmeIssuerOptions {
  /** The ACME directory: `AcmeServer.letsEncryptProduction()`, `letsEncryptStaging()` or `custom(url)`. No default. */
  readonly server: AcmeServer;

  /**
   * Contact address registered with the ACME account. Placeholder domains (example.com/.org/.net,
   * .invalid, .test, .example, .localhost, .local, localhost) are refused: Let's Encrypt rejects them
   * and the issuer never becomes Ready.
   * @default - no contact address
   */
  readonly email?: string;

  /**
   * The Secret holding the ACME account's private key (cert-manager creates it). Must differ
   * between issuers of different servers. A ClusterIssuer's lives in cert-manager's cluster
   * resource namespace (default `cert-manager`).
   * @default - `<issuer name>-acme-account-key`
   */
  readonly accountKeySecretName?: string;

  /** How names are validated. cert-manager picks, per name, the most specific matching solver. */
  readonly solvers: AcmeSolver[];
}

/** Options for `IssuerType.ca()`. */
export interface CaIssuerOptions {
  /**
   * A `kubernetes.io/tls` Secret with the CA's certificate and key. A ClusterIssuer's lives in
   * cert-manager's cluster resource namespace (default `cert-manager`).
   */
  readonly secretName: string;
}

/** What an issuer is: an ACME account, a self-signing issuer, or a CA. */
export class IssuerType {
  /**
   * An ACME CA such as Let's Encrypt.
   * @example IssuerType.acme({ server: AcmeServer.letsEncryptProduction(), email: 'platform@shop.dev', solvers: [AcmeSolver.http01()] })
   */
  public static acme(options: AcmeIssuerOptions): IssuerType {
    return new IssuerType('acme', options);
  }

  /** Signs each certificate with its own key: for bootstrapping a CA, or tests. */
  public static selfSigned(): IssuerType {
    return new IssuerType('selfSigned');
  }

  /** Signs with a CA key pair from a Secret (an internal PKI). */
  public static ca(options: CaIssuerOptions): IssuerType {
    return new IssuerType('ca', undefined, options);
  }

  private constructor(
    /** `acme`, `selfSigned` or `ca`. */
    public readonly kind: string,
    private readonly acmeOptions?: AcmeIssuerOptions,
    private readonly caOptions?: CaIssuerOptions,
  ) {}

  /** @internal */
  public _acme(): AcmeIssuerOptions | undefined {
    return this.acmeOptions;
  }

  /** @internal */
  public _ca(): CaIssuerOptions | undefined {
    return this.caOptions;
  }
}

/** Props shared by `ClusterIssuer` and `Issuer`. */
export interface IssuerBaseProps {
  /** ACME, self-signed or CA. */
  readonly type: IssuerType;

  /**
   * The object name.
   * @default - the construct id, lowercased
   */
  readonly name?: string;
}

/** Props for `ClusterIssuer`. */
export interface ClusterIssuerProps extends IssuerBaseProps {}

/** Props for `Issuer`. */
export interface IssuerProps extends IssuerBaseProps {
  /**
   * The issuer's namespace: only Certificates (and TlsHosts of gateways) in it can use it.
   * @default - the chart's namespace, else 'default'
   */
  readonly namespace?: string;
}

/** Where ClusterIssuer Secrets live, for the account-key uniqueness check. */
const CLUSTER_RESOURCE_NAMESPACE = '<cluster resource namespace>';

const PLACEHOLDER_DOMAIN = /(^|\.)example\.(com|org|net)$|(^|\.)(invalid|test|example|localhost|local)$/;

function emailProblem(email: string): string | undefined {
  if (typeof email !== 'string' || /[\s\r\n]/.test(email)) return `'${email}' is not an email address`;
  const at = email.lastIndexOf('@');
  if (at <= 0 || at === email.length - 1 || !/^[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]+$/.test(email.slice(0, at))) return `'${email}' is not an email address`;
  const domain = email.slice(at + 1).toLowerCase();
  if (PLACEHOLDER_DOMAIN.test(domain)) {
    return `'${email}' uses the placeholder domain '${domain}', which ACME servers refuse (invalidContact), so the issuer would never become Ready; use a real address`;
  }
  const ascii = /[^\x00-\x7f]/.test(domain) ? domainToASCII(domain) : '';
  if (ascii) return `'${email}' has an internationalized domain; write it in its A-label (punycode) spelling '${email.slice(0, at + 1)}${ascii}'`;
  if (checkHost(domain) || isWildcardHost(domain) || !domain.includes('.')) return `'${email}' has no valid domain`;
  return undefined;
}

/** One solver entry as rendered, with its selector. */
interface RenderedSolver {
  readonly index: number;
  readonly ir: SolverIR;
  readonly selector: SelectorIR;
  /** For http01-follow entries: the gateway they follow. */
  readonly gateway?: GatewayLink;
}

/**
 * The shared implementation of `ClusterIssuer` and `Issuer`.
 */
export abstract class IssuerBase extends Construct implements IIssuer {
  /** The issuer's name. */
  public readonly issuerName: string;
  /** Issuer or ClusterIssuer. */
  public readonly issuerKind: IssuerKind;
  /** The namespace of an Issuer; undefined for a ClusterIssuer. */
  public readonly issuerNamespace?: string;
  /** The rendered object (escape hatch). */
  public readonly apiObject: ApiObject;

  private readonly type: IssuerType;
  private readonly users: CertificateUse[] = [];
  private readonly kindLabel: string;

  protected constructor(scope: Construct, id: string, kind: IssuerKind, props: IssuerBaseProps, issuerNamespace?: string) {
    const label = kind === IssuerKind.CLUSTER_ISSUER ? 'ClusterIssuer' : 'Issuer';
    const path = pathOf(scope, id, label);
    if (!props || !(props.type instanceof IssuerType)) fail(path, `${label}.type: must be created with IssuerType.acme(), IssuerType.selfSigned() or IssuerType.ca()`);
    const name = props.name ?? id.toLowerCase();
    const nameProblem = checkObjectName(name);
    if (nameProblem) fail(path, props.name !== undefined ? `${label}.name: ${nameProblem}` : `${label}: construct id '${id}' does not give a valid object name (${nameProblem}); set 'name'`);
    checkType(path, label, props.type);
    super(scope, id);
    this.kindLabel = label;
    this.issuerName = name;
    this.issuerKind = kind;
    this.type = props.type;
    if (kind === IssuerKind.ISSUER) {
      const ns = issuerNamespace ?? Chart.of(this).namespace ?? 'default';
      const nsProblem = checkNamespace(ns);
      if (nsProblem) fail(this.node.path, `Issuer.namespace: ${nsProblem}`);
      this.issuerNamespace = ns;
    }
    const acme = props.type._acme();
    if (acme) {
      register(this, 'acme-account-key', `${this.issuerNamespace ?? CLUSTER_RESOURCE_NAMESPACE}/${this.accountKeySecret()}`,
        { source: this.node.path, server: acme.server.url, label: `${label} '${name}'` });
      if (acme.server.url === LETS_ENCRYPT.production) register(this, 'lets-encrypt-production', 'issuers', this);
      addWarnings(this, 'acme', () => this.acmeWarnings());
    }
    this.apiObject = new ManifestObject(this, 'Resource', {
      apiVersion: V1,
      kind: kind === IssuerKind.CLUSTER_ISSUER ? KINDS.clusterIssuer : KINDS.issuer,
      name,
      namespace: this.issuerNamespace,
      clusterScoped: kind === IssuerKind.CLUSTER_ISSUER,
      spec: () => this.renderSpec(),
    });
    this.node.addValidation({ validate: () => this.problems() });
  }

  /** `Issuer 'x'` / `ClusterIssuer 'x'` and the construct path, for messages. @internal */
  public _describe(): string {
    return `${this.kindLabel} '${this.issuerName}' [${this.node.path}]`;
  }

  /** Records a certificate issued by this issuer (called when the certificate is created). @internal */
  public _use(use: CertificateUse): void {
    this.users.push(use);
  }

  /**
   * Problems of one certificate's names with this issuer's solvers, as cert-manager would pick
   * them (the most specific selector wins; ties go to the first solver). @internal
   */
  public _problemsFor(use: CertificateUse): string[] {
    const acme = this.type._acme();
    if (!acme) return [];
    const rendered = this.renderedSolvers();
    const out: string[] = [];
    for (const name of use.dnsNames) {
      const chosen = pick(rendered, name);
      if (!chosen) {
        out.push(name.startsWith('*.')
          ? `${use.prop}: '${name}' is a wildcard, which ACME HTTP-01 cannot validate, and no DNS-01 solver of ${this._describe()} covers it, so its order would stay pending; add an AcmeSolver.dns01() solver covering it`
          : `${use.prop}: no solver of ${this._describe()} matches '${name}', so its order would stay pending; add a solver (or widen a selector) for it`);
        continue;
      }
      const at = `solvers[${chosen.index}]`;
      if (name.startsWith('*.') && chosen.ir.type !== 'dns01') {
        out.push(`${use.prop}: '${name}' is a wildcard, which ACME HTTP-01 cannot validate, and ${this._describe()} would use its HTTP-01 solver (${at}) for it; add an AcmeSolver.dns01() solver covering it`);
        continue;
      }
      const port = chosen.ir.type === 'http01-follow' ? use.gateway?.http01Port() : undefined;
      if (port !== undefined && port !== 80) {
        out.push(`${use.prop}: ${this._describe()} would validate '${name}' over HTTP-01 through the HTTP listener of ${use.gateway!.description} on port ${port}, `
          + 'but ACME servers connect to port 80 only, so the order would never validate; use httpPort: 80 (the default), or an AcmeSolver.dns01() solver');
        continue;
      }
      const mismatch = explicitSolverMismatch(chosen.ir, use);
      if (mismatch) out.push(`${use.prop}: ${this._describe()} would solve '${name}' with ${at}, ${mismatch}`);
    }
    return out;
  }

  /** `acme-without-email`, and `certificates-per-registered-domain` over every Let's Encrypt production issuer of the app. */
  private acmeWarnings(): WarningSpec[] {
    const acme = this.type._acme();
    if (!acme) return [];
    const out: WarningSpec[] = [];
    if (acme.email === undefined) {
      out.push({
        id: WARNING_IDS.acmeWithoutEmail,
        message: `${this.kindLabel}.type.email: unset, so the ACME account has no contact and the CA cannot reach you about its certificates (revocations, policy changes); set email`,
      });
    }
    if (acme.server.url === LETS_ENCRYPT.production) {
      const issuers = entries<IssuerBase>(this, 'lets-encrypt-production', 'issuers');
      const mine = new Set(this.users.flatMap(u => u.dnsNames.map(registeredDomain)));
      for (const { domain, count } of crowdedDomains(issuers.flatMap(i => i.users.map(u => u.dnsNames)))) {
        if (!mine.has(domain)) continue;
        out.push({
          id: WARNING_IDS.certificatesPerDomain,
          message: `${count} certificates under the registered domain '${domain}' come from Let's Encrypt production in this app, `
            + `which issues at most ${LETS_ENCRYPT_CERTIFICATES_PER_DOMAIN} new certificates per registered domain per week (this warning starts above ${CERTIFICATES_PER_DOMAIN_THRESHOLD}): `
            + 'a fresh cluster or a re-issue of all of them can hit the limit; share certificates (a wildcard TlsHost) or spread issuance',
        });
      }
    }
    return out;
  }

  private accountKeySecret(): string {
    return this.type._acme()?.accountKeySecretName ?? joinName([this.issuerName, 'acme-account-key'], 253);
  }

  /** The solver entries as rendered: `http01()` becomes one entry per gateway, selecting its names. */
  private renderedSolvers(): RenderedSolver[] {
    const acme = this.type._acme();
    if (!acme) return [];
    const out: RenderedSolver[] = [];
    acme.solvers.forEach((s, index) => {
      const ir = s._ir;
      if (ir.type !== 'http01-follow') {
        out.push({ index, ir, selector: ir.selector });
        return;
      }
      const byGateway = new Map<string, { link: GatewayLink; names: Set<string> }>();
      for (const u of this.users) {
        if (!u.gateway) continue;
        const names = u.dnsNames.filter(n => !n.startsWith('*.'));
        if (names.length === 0) continue;
        const entry = byGateway.get(u.gateway.key) ?? { link: u.gateway, names: new Set<string>() };
        names.forEach(n => entry.names.add(n));
        byGateway.set(u.gateway.key, entry);
      }
      for (const key of [...byGateway.keys()].sort()) {
        const { link, names } = byGateway.get(key)!;
        out.push({ index, ir, gateway: link, selector: { dnsNames: [...names].sort(), dnsZones: [] } });
      }
    });
    return out;
  }

  private renderSpec(): IssuerSpec {
    const acme = this.type._acme();
    if (acme) {
      return {
        acme: {
          server: acme.server.url,
          email: acme.email,
          privateKeySecretRef: { name: this.accountKeySecret() },
          solvers: this.renderedSolvers().map(r => solverWire(r)),
        },
      };
    }
    const ca = this.type._ca();
    if (ca) return { ca: { secretName: ca.secretName } };
    // cert-manager selects the issuer type by the presence of this (empty) object.
    return { selfSigned: {} };
  }

  private problems(): string[] {
    const acme = this.type._acme();
    if (!acme) return [];
    const out: string[] = [];
    const rendered = this.renderedSolvers();
    acme.solvers.forEach((s, i) => {
      if (s._ir.type === 'http01-follow' && !rendered.some(r => r.index === i)) {
        out.push(`${this.kindLabel}.type.solvers[${i}]: AcmeSolver.http01() follows the gateways of the TlsHosts that use this issuer, but no TlsHost uses it for a non-wildcard name; use it from a TlsHost (TlsCertificate.fromIssuer) or name the class with AcmeSolver.http01Ingress()`);
      }
    });
    // One name, two gateways: the first solver would win and the other gateway's challenge fail.
    const seen = new Map<string, string>();
    for (const r of rendered) {
      if (!r.gateway) continue;
      for (const n of r.selector.dnsNames) {
        const other = seen.get(n);
        if (other && other !== r.gateway.description) {
          out.push(`${this.kindLabel}.type.solvers[${r.index}]: '${n}' is served by both ${other} and ${r.gateway.description}; HTTP-01 can only answer through one of them — issue it from one gateway, or use a DNS-01 solver for it`);
        }
        seen.set(n, r.gateway.description);
      }
    }
    const key = `${this.issuerNamespace ?? CLUSTER_RESOURCE_NAMESPACE}/${this.accountKeySecret()}`;
    for (const e of entries<{ source: string; server: string; label: string }>(this, 'acme-account-key', key)) {
      if (e.source !== this.node.path && e.server !== acme.server.url) {
        out.push(`${this.kindLabel}.type.accountKeySecretName: '${this.accountKeySecret()}' is also the account key of ${e.label} [${e.source}] for another ACME server (${e.server}); an account key registered with one server fails on another, so give each server its own`);
      }
    }
    return out;
  }
}

function checkType(path: string, label: string, type: IssuerType): void {
  const acme = type._acme();
  if (type.kind === 'acme') {
    if (!acme || typeof acme !== 'object') fail(path, `${label}.type: IssuerType.acme() needs options`);
    if (!(acme.server instanceof AcmeServer)) fail(path, `${label}.type.server: must be AcmeServer.letsEncryptProduction(), AcmeServer.letsEncryptStaging() or AcmeServer.custom(url); there is no default`);
    const serverProblem = acme.server._problem();
    if (serverProblem) fail(path, `${label}.type.server: ${serverProblem}`);
    if (acme.email !== undefined) {
      const p = emailProblem(acme.email);
      if (p) fail(path, `${label}.type.email: ${p}`);
    }
    if (acme.accountKeySecretName !== undefined) {
      const p = checkObjectName(acme.accountKeySecretName);
      if (p) fail(path, `${label}.type.accountKeySecretName: ${p}`);
    }
    const solversProblem = acme.solvers === undefined ? undefined : listProblem(`${label}.type.solvers`, acme.solvers, 'AcmeSolver values');
    if (solversProblem) fail(path, solversProblem);
    if (!Array.isArray(acme.solvers) || acme.solvers.length === 0) {
      fail(path, `${label}.type.solvers: at least one solver is required (AcmeSolver.http01() or AcmeSolver.dns01(...)); without one every order stays pending`);
    }
    acme.solvers.forEach((s, i) => {
      if (!(s instanceof AcmeSolver)) fail(path, `${label}.type.solvers[${i}]: must be created with an AcmeSolver factory`);
    });
    if (acme.solvers.filter(s => s._ir.type === 'http01-follow').length > 1) fail(path, `${label}.type.solvers: AcmeSolver.http01() is listed twice`);
  } else if (type.kind === 'ca') {
    const ca = type._ca();
    const p = ca && typeof ca === 'object' ? checkObjectName(ca.secretName) : 'IssuerType.ca() needs { secretName }';
    if (p) fail(path, `${label}.type.secretName: ${p}`);
  }
}

function matchScore(s: SelectorIR, name: string): number {
  if (s.dnsNames.length === 0 && s.dnsZones.length === 0) return 0;
  if (s.dnsNames.includes(name)) return 1000;
  let best = -1;
  for (const z of s.dnsZones) {
    if (name === z || name.endsWith(`.${z}`)) best = Math.max(best, 1 + z.split('.').length);
  }
  return best;
}

function pick(rendered: readonly RenderedSolver[], name: string): RenderedSolver | undefined {
  let best: RenderedSolver | undefined;
  let bestScore = -1;
  for (const r of rendered) {
    const score = matchScore(r.selector, name);
    if (score > bestScore) {
      best = r;
      bestScore = score;
    }
  }
  return best;
}

/** An explicit HTTP-01 solver must send the challenge through the gateway that serves the name. */
function explicitSolverMismatch(ir: SolverIR, use: CertificateUse): string | undefined {
  if (!use.gateway || (ir.type !== 'http01-ingress' && ir.type !== 'http01-gateway')) return undefined;
  const own = use.gateway.http01();
  if (ir.type === 'http01-ingress') {
    if (own.ingress?.ingressClassName === ir.ingressClassName) return undefined;
    return `an Ingress of class '${ir.ingressClassName}', but the name is served by ${use.gateway.description}${own.ingress ? ` (class '${own.ingress.ingressClassName}')` : ', a Gateway API gateway'}; use AcmeSolver.http01(), which follows the gateway`;
  }
  const ref = own.gatewayHTTPRoute?.parentRefs[0];
  if (ref && ref.name === ir.gatewayName && (ir.namespace === undefined || ir.namespace === ref.namespace)) return undefined;
  return `an HTTPRoute on Gateway '${ir.gatewayName}', but the name is served by ${use.gateway.description}; use AcmeSolver.http01(), which follows the gateway`;
}

function solverWire(r: RenderedSolver): SolverSpec {
  const ir = r.ir;
  const selector = selectorWire(r.selector);
  switch (ir.type) {
    case 'http01-follow': return { selector, http01: r.gateway!.http01() };
    case 'http01-ingress': return { selector, http01: { ingress: { ingressClassName: ir.ingressClassName } } };
    case 'http01-gateway': {
      const http01: Http01Solver = {
        gatewayHTTPRoute: { parentRefs: [{ group: 'gateway.networking.k8s.io', kind: 'Gateway', name: ir.gatewayName, namespace: ir.namespace, sectionName: ir.sectionName }] },
      };
      return { selector, http01 };
    }
    case 'dns01': return { selector, dns01: ir.provider._wire() };
  }
}

class ImportedIssuer implements IIssuer {
  constructor(public readonly issuerName: string, public readonly issuerKind: IssuerKind, public readonly issuerNamespace?: string) {}
}

/**
 * A cluster-scoped cert-manager `ClusterIssuer`, usable by certificates in every namespace.
 *
 * @example
 * new ClusterIssuer(chart, 'letsencrypt-prod', {
 *   type: IssuerType.acme({
 *     server: AcmeServer.letsEncryptProduction(),
 *     email: 'platform@shop.dev',
 *     solvers: [AcmeSolver.http01()],
 *   }),
 * });
 */
export class ClusterIssuer extends IssuerBase {
  /** An existing ClusterIssuer, by name (nothing is emitted; its solvers are not checked). */
  public static fromName(name: string): IIssuer {
    const p = checkObjectName(name);
    if (p) throw new Error(`ClusterIssuer.fromName: ${p}`);
    return new ImportedIssuer(name, IssuerKind.CLUSTER_ISSUER);
  }

  constructor(scope: Construct, id: string, props: ClusterIssuerProps) {
    super(scope, id, IssuerKind.CLUSTER_ISSUER, props);
  }
}

/**
 * A namespaced cert-manager `Issuer`: only certificates of its own namespace can use it.
 *
 * @example
 * new Issuer(chart, 'internal-ca', { type: IssuerType.ca({ secretName: 'internal-ca-key-pair' }) });
 */
export class Issuer extends IssuerBase {
  /** An existing Issuer, by name and namespace (nothing is emitted; its solvers are not checked). */
  public static fromName(name: string, issuerNamespace: string): IIssuer {
    const p = checkObjectName(name) ?? checkLabelName(issuerNamespace);
    if (p) throw new Error(`Issuer.fromName: ${p}`);
    return new ImportedIssuer(name, IssuerKind.ISSUER, issuerNamespace);
  }

  constructor(scope: Construct, id: string, props: IssuerProps) {
    super(scope, id, IssuerKind.ISSUER, props, props?.namespace);
  }
}

/** The issuerRef of a Certificate. @internal */
export function issuerRef(issuer: IIssuer): { group: string; kind: string; name: string } {
  return { group: CM_GROUP, kind: issuer.issuerKind === IssuerKind.CLUSTER_ISSUER ? KINDS.clusterIssuer : KINDS.issuer, name: issuer.issuerName };
}
