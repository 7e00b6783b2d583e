import { LETS_ENCRYPT, SecretKeySelector, SolverSelectorSpec } from './api';
import { listProblem, optionsOf, show } from '../core/errors';
import { isWildcardHost } from '../core/hosts';
import { checkCertificateName, checkHost, checkLabelName, checkObjectName, urlALabelHint } from '../core/validate';

/**
 * The ACME directory an issuer registers with. There is no default: production and staging are
 * named choices, because a staging certificate in production (untrusted) and production rate
 * limits hit while testing are both costly mistakes.
 */
export class AcmeServer {
  /** Let's Encrypt production (`acme-v02`): trusted certificates, strict rate limits. */
  public static letsEncryptProduction(): AcmeServer {
    return new AcmeServer(LETS_ENCRYPT.production, "Let's Encrypt production");
  }

  /** Let's Encrypt staging (`acme-staging-v02`): untrusted test certificates, generous limits. */
  public static letsEncryptStaging(): AcmeServer {
    return new AcmeServer(LETS_ENCRYPT.staging, "Let's Encrypt staging");
  }

  /**
   * Any other ACME v2 directory (ZeroSSL, an internal step-ca ...). Must be an `https://` URL.
   * @example AcmeServer.custom('https://acme.zerossl.com/v2/DV90')
   */
  public static custom(url: string): AcmeServer {
    return new AcmeServer(url, url);
  }

  private constructor(
    /** The directory URL. */
    public readonly url: string,
    /** A human name for messages. */
    public readonly description: string,
  ) {}

  /** @internal */
  public _problem(): string | undefined {
    const idn = urlALabelHint(this.url);
    if (idn) return idn;
    if (typeof this.url !== 'string' || !/^https:\/\/[^\s/?#]+(\/[^\s]*)?$/.test(this.url)) {
      return `${show(this.url)} must be an https:// URL of an ACME v2 directory`;
    }
    if (/[\r\n]/.test(this.url)) return 'must not contain CR or LF';
    return undefined;
  }
}

/** A key of a Secret. For a ClusterIssuer the Secret lives in cert-manager's cluster resource namespace (default `cert-manager`). */
export interface SecretKeyRef {
  /** The Secret's name. */
  readonly name: string;
  /** The key in the Secret. */
  readonly key: string;
}

function secretKeyProblem(ref: SecretKeyRef | undefined, prop: string): string | undefined {
  if (ref === undefined) return undefined;
  if (!ref || typeof ref !== 'object') return `${prop}: must be a { name, key } Secret reference`;
  const nameProblem = checkObjectName(ref.name);
  if (nameProblem) return `${prop}.name: ${nameProblem}`;
  if (typeof ref.key !== 'string' || !/^[-._a-zA-Z0-9]+$/.test(ref.key) || ref.key.length > 253) {
    return `${prop}.key: ${show(ref.key)} is not a valid Secret key (letters, digits, '-', '_' and '.')`;
  }
  return undefined;
}

function secretKeyWire(ref: SecretKeyRef): SecretKeySelector {
  return { name: ref.name, key: ref.key };
}

/** Which names a solver is used for. Without a selector, a solver applies to every name. */
export interface SolverSelector {
  /**
   * Exact names (`*.example.com` for a wildcard); the most specific selector.
   * @default - not restricted by name
   */
  readonly dnsNames?: string[];

  /**
   * DNS zones: a name matches its zone and every name below it; the longest zone wins.
   * @default - not restricted by zone
   */
  readonly dnsZones?: string[];
}

/** @internal */
export interface SelectorIR {
  readonly dnsNames: readonly string[];
  readonly dnsZones: readonly string[];
}

function selectorIR(s: SolverSelector | undefined, prop: string): { ir?: SelectorIR; problem?: string } {
  if (s === undefined) return { ir: { dnsNames: [], dnsZones: [] } };
  if (!s || typeof s !== 'object') return { problem: `${prop}: must be a SolverSelector` };
  const names = s.dnsNames ?? [];
  const zones = s.dnsZones ?? [];
  const listed = listProblem(`${prop}.dnsNames`, names, 'DNS names') ?? listProblem(`${prop}.dnsZones`, zones, 'DNS zones');
  if (listed) return { problem: listed };
  for (const [i, n] of names.entries()) {
    const p = checkCertificateName(n);
    if (p) return { problem: `${prop}.dnsNames[${i}]: ${p}` };
  }
  for (const [i, z] of zones.entries()) {
    const p = checkHost(z);
    if (p || isWildcardHost(z)) return { problem: `${prop}.dnsZones[${i}]: ${p ?? `${show(z)} must be a zone name, without a wildcard`}` };
  }
  if (new Set(names).size !== names.length || new Set(zones).size !== zones.length) return { problem: `${prop}: lists a name or zone twice` };
  if (names.length === 0 && zones.length === 0 && (s.dnsNames !== undefined || s.dnsZones !== undefined)) {
    return { problem: `${prop}: an empty selector matches every name; omit it instead` };
  }
  return { ir: { dnsNames: [...names].sort(), dnsZones: [...zones].sort() } };
}

/** @internal */
export function selectorWire(s: SelectorIR): SolverSelectorSpec | undefined {
  if (s.dnsNames.length === 0 && s.dnsZones.length === 0) return undefined;
  return {
    dnsNames: s.dnsNames.length > 0 ? [...s.dnsNames] : undefined,
    dnsZones: s.dnsZones.length > 0 ? [...s.dnsZones] : undefined,
  };
}

/** Options for `Dns01Provider.cloudflare()`. */
export interface CloudflareDns01Options {
  /** An API token with `Zone:DNS:Edit` on the zones (preferred over global API keys). */
  readonly apiToken: SecretKeyRef;
}

/** Options for `Dns01Provider.route53()`. */
export interface Route53Dns01Options {
  /**
   * The AWS region.
   * @default - cert-manager's default (the region of its ambient credentials)
   */
  readonly region?: string;
  /**
   * The hosted zone to write to.
   * @default - looked up by cert-manager from the name
   */
  readonly hostedZoneId?: string;
  /**
   * A role to assume.
   * @default - no role
   */
  readonly role?: string;
  /**
   * Static credentials: the access key ID, from a Secret.
   * @default - ambient credentials (IRSA / instance profile)
   */
  readonly accessKeyId?: SecretKeyRef;
  /**
   * Static credentials: the secret access key, from a Secret. Required with `accessKeyId`.
   * @default - ambient credentials (IRSA / instance profile)
   */
  readonly secretAccessKey?: SecretKeyRef;
}

/** Options for `Dns01Provider.googleCloudDns()`. */
export interface CloudDnsDns01Options {
  /** The Google Cloud project of the zone. */
  readonly project: string;
  /**
   * A service-account key (JSON), from a Secret.
   * @default - ambient credentials (Workload Identity)
   */
  readonly serviceAccount?: SecretKeyRef;
}

/** TSIG algorithms accepted by cert-manager's RFC 2136 solver. */
export enum TsigAlgorithm {
  /** HMAC-MD5 (legacy; cert-manager's default). */
  HMAC_MD5 = 'HMACMD5',
  /** HMAC-SHA1. */
  HMAC_SHA1 = 'HMACSHA1',
  /** HMAC-SHA256 (recommended). */
  HMAC_SHA256 = 'HMACSHA256',
  /** HMAC-SHA512. */
  HMAC_SHA512 = 'HMACSHA512',
}

/** Options for `Dns01Provider.rfc2136()`. */
export interface Rfc2136Dns01Options {
  /** The authoritative server, `host:port` or `[ipv6]:port` (port defaults to 53). */
  readonly nameserver: string;
  /**
   * TSIG key name; with `tsigSecret`.
   * @default - unsigned updates
   */
  readonly tsigKeyName?: string;
  /**
   * TSIG algorithm.
   * @default TsigAlgorithm.HMAC_MD5 (cert-manager's default)
   */
  readonly tsigAlgorithm?: TsigAlgorithm;
  /**
   * TSIG secret, from a Secret; with `tsigKeyName`.
   * @default - unsigned updates
   */
  readonly tsigSecret?: SecretKeyRef;
}

/** Options for `Dns01Provider.webhook()`. */
export interface WebhookDns01Options {
  /** The API group the webhook registers (e.g. `acme.mycompany.com`). */
  readonly groupName: string;
  /** The solver name within the webhook. */
  readonly solverName: string;
  /**
   * Solver-specific configuration, passed as is.
   * @default - none
   */
  readonly config?: Record<string, any>;
}

/**
 * Where a DNS-01 solver writes the `_acme-challenge` TXT record. DNS-01 is the only way to
 * obtain wildcard certificates from Let's Encrypt.
 */
export class Dns01Provider {
  /** Cloudflare, with an API token. */
  public static cloudflare(options: CloudflareDns01Options): Dns01Provider {
    return new Dns01Provider('cloudflare', () => secretKeyProblem(options?.apiToken, 'cloudflare.apiToken') ?? (options?.apiToken ? undefined : 'cloudflare.apiToken: is required'),
      () => ({ cloudflare: { apiTokenSecretRef: secretKeyWire(options.apiToken) } }));
  }

  /** AWS Route 53, with ambient credentials or static keys from a Secret. */
  public static route53(options: Route53Dns01Options = {}): Dns01Provider {
    return new Dns01Provider('route53', () => {
      const o = options ?? {};
      if ((o.accessKeyId === undefined) !== (o.secretAccessKey === undefined)) return 'route53: set both accessKeyId and secretAccessKey, or neither (ambient credentials)';
      for (const [k, v] of [['region', o.region], ['hostedZoneId', o.hostedZoneId], ['role', o.role]] as const) {
        if (v !== undefined && (typeof v !== 'string' || v.length === 0 || /[\s]/.test(v))) return `route53.${k}: ${show(v)} must be a non-empty value without whitespace`;
      }
      return secretKeyProblem(o.accessKeyId, 'route53.accessKeyId') ?? secretKeyProblem(o.secretAccessKey, 'route53.secretAccessKey');
    }, () => ({
      route53: {
        region: options?.region,
        hostedZoneID: options?.hostedZoneId,
        role: options?.role,
        accessKeyIDSecretRef: options?.accessKeyId ? secretKeyWire(options.accessKeyId) : undefined,
        secretAccessKeySecretRef: options?.secretAccessKey ? secretKeyWire(options.secretAccessKey) : undefined,
      },
    }));
  }

  /** Google Cloud DNS. */
  public static googleCloudDns(options: CloudDnsDns01Options): Dns01Provider {
    return new Dns01Provider('cloudDNS', () => {
      if (!options || typeof options.project !== 'string' || !/^[a-z][-a-z0-9]{4,28}[a-z0-9]$/.test(options.project)) {
        return `cloudDNS.project: ${show(options?.project)} is not a Google Cloud project ID`;
      }
      return secretKeyProblem(options.serviceAccount, 'cloudDNS.serviceAccount');
    }, () => ({
      cloudDNS: { project: options.project, serviceAccountSecretRef: options.serviceAccount ? secretKeyWire(options.serviceAccount) : undefined },
    }));
  }

  /** Any DNS server accepting RFC 2136 dynamic updates (BIND, PowerDNS, Knot...). */
  public static rfc2136(options: Rfc2136Dns01Options): Dns01Provider {
    return new Dns01Provider('rfc2136', () => {
      if (!options || typeof options.nameserver !== 'string' || !/^(\[[0-9a-fA-F:]+\]|[A-Za-z0-9.-]+)(:\d{1,5})?$/.test(options.nameserver)) {
        return `rfc2136.nameserver: ${show(options?.nameserver)} must be host[:port] or [ipv6]:port`;
      }
      if ((options.tsigKeyName === undefined) !== (options.tsigSecret === undefined)) return 'rfc2136: set both tsigKeyName and tsigSecret, or neither';
      if (options.tsigAlgorithm !== undefined && !Object.values(TsigAlgorithm).includes(options.tsigAlgorithm)) return `rfc2136.tsigAlgorithm: ${show(options.tsigAlgorithm)} is not a TsigAlgorithm`;
      if (options.tsigKeyName !== undefined && (typeof options.tsigKeyName !== 'string' || !/^[A-Za-z0-9._-]+\.?$/.test(options.tsigKeyName))) return `rfc2136.tsigKeyName: ${show(options.tsigKeyName)} is not a key name`;
      return secretKeyProblem(options.tsigSecret, 'rfc2136.tsigSecret');
    }, () => ({
      rfc2136: {
        nameserver: options.nameserver,
        tsigKeyName: options.tsigKeyName,
        tsigAlgorithm: options.tsigAlgorithm,
        tsigSecretSecretRef: options.tsigSecret ? secretKeyWire(options.tsigSecret) : undefined,
      },
    }));
  }

  /** An out-of-tree provider through a cert-manager webhook. */
  public static webhook(options: WebhookDns01Options): Dns01Provider {
    return new Dns01Provider('webhook', () => {
      if (!options || checkObjectName(options.groupName) || !options.groupName.includes('.')) return `webhook.groupName: ${show(options?.groupName)} must be an API group (a DNS name such as acme.mycompany.com)`;
      if (checkLabelName(options.solverName)) return `webhook.solverName: ${show(options.solverName)} is not a valid solver name`;
      if (options.config !== undefined && !isPlainJson(options.config)) return 'webhook.config: must be plain JSON data (objects, arrays, strings, finite numbers, booleans, null)';
      return undefined;
    }, () => ({ webhook: { groupName: options.groupName, solverName: options.solverName, config: options.config } }));
  }

  private constructor(
    /** The provider's field name in cert-manager (`cloudflare`, `route53`...). */
    public readonly provider: string,
    private readonly check: () => string | undefined,
    private readonly wire: () => Record<string, unknown>,
  ) {}

  /** @internal */
  public _problem(): string | undefined {
    return this.check();
  }

  /** @internal */
  public _wire(): Record<string, unknown> {
    return this.wire();
  }
}

/** Options shared by the explicit solvers. */
export interface AcmeSolverOptions {
  /**
   * The names this solver is used for.
   * @default - every name (the least specific match)
   */
  readonly selector?: SolverSelector;
}

/** Options for `AcmeSolver.http01Gateway()`. */
export interface Http01GatewayOptions extends AcmeSolverOptions {
  /**
   * Namespace of the Gateway.
   * @default - the namespace of the Certificate being issued
   */
  readonly namespace?: string;

  /**
   * The plain-HTTP listener (port 80) the challenge route attaches to.
   * @default - every listener of the Gateway that admits it
   */
  readonly sectionName?: string;
}

/** @internal */
export type SolverIR =
  | { readonly type: 'http01-follow' }
  | { readonly type: 'http01-ingress'; readonly ingressClassName: string; readonly selector: SelectorIR }
  | { readonly type: 'http01-gateway'; readonly gatewayName: string; readonly namespace?: string; readonly sectionName?: string; readonly selector: SelectorIR }
  | { readonly type: 'dns01'; readonly provider: Dns01Provider; readonly selector: SelectorIR };

/**
 * How an ACME issuer proves control of a name.
 *
 * @example AcmeSolver.http01()
 * @example AcmeSolver.dns01(Dns01Provider.cloudflare({ apiToken: { name: 'cloudflare', key: 'api-token' } }), { selector: { dnsZones: ['example.org'] } })
 */
export class AcmeSolver {
  /**
   * HTTP-01 through the controller of each gateway whose TlsHosts use this issuer: an Ingress
   * of its class for Ingress-based controllers (Traefik IngressRoute too: its Ingress provider
   * serves the challenge), an HTTPRoute on its Gateway's `http` listener for Gateway API. One
   * solver is rendered per gateway, selecting exactly that gateway's names, so one issuer can
   * serve several gateways and controllers. Wildcard names cannot use HTTP-01 (use `dns01`).
   * An issuer whose `http01()` no TlsHost uses is an error: name the class with `http01Ingress`.
   */
  public static http01(): AcmeSolver {
    return new AcmeSolver({ type: 'http01-follow' });
  }

  /**
   * HTTP-01 through an Ingress of the given IngressClass: for issuers also used outside this
   * app. A TlsHost whose names it solves must be on a gateway of that class.
   */
  public static http01Ingress(ingressClassName: string, options: AcmeSolverOptions = {}): AcmeSolver {
    const o = optionsOf('AcmeSolver.http01Ingress', options);
    const problem = checkObjectName(ingressClassName);
    if (problem) throw new Error(`AcmeSolver.http01Ingress: ingressClassName ${problem}`);
    const sel = selectorIR(o.selector, 'AcmeSolver.http01Ingress.selector');
    if (sel.problem) throw new Error(sel.problem);
    return new AcmeSolver({ type: 'http01-ingress', ingressClassName, selector: sel.ir! });
  }

  /**
   * HTTP-01 through an HTTPRoute attached to an existing Gateway (its plain-HTTP listener):
   * for issuers also used outside this app. Needs cert-manager's Gateway API support enabled.
   */
  public static http01Gateway(gatewayName: string, options: Http01GatewayOptions = {}): AcmeSolver {
    const o = optionsOf('AcmeSolver.http01Gateway', options);
    const problem = checkObjectName(gatewayName)
      ?? (o.namespace !== undefined ? checkLabelName(o.namespace) : undefined)
      ?? (o.sectionName !== undefined ? checkObjectName(o.sectionName) : undefined);
    if (problem) throw new Error(`AcmeSolver.http01Gateway: ${problem}`);
    const sel = selectorIR(o.selector, 'AcmeSolver.http01Gateway.selector');
    if (sel.problem) throw new Error(sel.problem);
    return new AcmeSolver({ type: 'http01-gateway', gatewayName, namespace: o.namespace, sectionName: o.sectionName, selector: sel.ir! });
  }

  /** DNS-01 through a DNS provider: works for wildcards and for hosts not reachable from the internet. */
  public static dns01(provider: Dns01Provider, options: AcmeSolverOptions = {}): AcmeSolver {
    const o = optionsOf('AcmeSolver.dns01', options);
    if (!(provider instanceof Dns01Provider)) throw new Error('AcmeSolver.dns01: provider must be created with a Dns01Provider factory, e.g. Dns01Provider.cloudflare()');
    const problem = provider._problem();
    if (problem) throw new Error(`AcmeSolver.dns01: ${problem}`);
    const sel = selectorIR(o.selector, 'AcmeSolver.dns01.selector');
    if (sel.problem) throw new Error(sel.problem);
    return new AcmeSolver({ type: 'dns01', provider, selector: sel.ir! });
  }

  /** @internal */
  public readonly _ir: SolverIR;

  private constructor(ir: SolverIR) {
    this._ir = ir;
  }

  /** The challenge type: `http01` or `dns01`. */
  public get challengeType(): string {
    return this._ir.type === 'dns01' ? 'dns01' : 'http01';
  }
}

/** Plain JSON data: what a webhook solver's `config` can carry into the Issuer. */
function isPlainJson(v: unknown, depth = 0): boolean {
  if (depth > 32) return false;
  if (v === null || typeof v === 'string' || typeof v === 'boolean') return true;
  if (typeof v === 'number') return Number.isFinite(v);
  if (Array.isArray(v)) return v.every(x => isPlainJson(x, depth + 1));
  // cdk8s cannot serialise objects without a prototype.
  if (typeof v === 'object' && Object.getPrototypeOf(v) === Object.prototype) return Object.values(v as object).every(x => isPlainJson(x, depth + 1));
  return false;
}
