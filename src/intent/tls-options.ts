import { Duration } from 'cdk8s';
import { Backend } from './backend';
import { CaCertificates, caProblem } from './ca';
import { listProblem, optionsOf, show } from '../core/errors';
import { nonFiniteDuration } from '../core/validate';
import { ClientAuthIR, HstsIR, TlsVersionIR } from '../ir/model';

/** Minimum TLS protocol versions a TlsHost can require. Older versions are never offered. */
export enum TlsVersion {
  /** TLS 1.2 (what every supported controller already uses as its minimum by default). */
  TLS_1_2 = '1.2',
  /** TLS 1.3 only. */
  TLS_1_3 = '1.3',
}

/** @internal */
export function tlsVersionIR(v: unknown): TlsVersionIR | undefined {
  return v === TlsVersion.TLS_1_2 ? '1.2' : v === TlsVersion.TLS_1_3 ? '1.3' : undefined;
}

/** Options for `ClientAuth.required()` and `ClientAuth.optional()`. */
export interface ClientAuthOptions {
  /**
   * More CA bundles trusted besides `ca` (several CA sources, e.g. one per partner, or the old
   * and the new CA while rotating). Each lives in the gateway's namespace.
   * @default - only `ca`
   */
  readonly additionalCas?: CaCertificates[];
}

/**
 * Client certificate verification at the edge (mutual TLS): clients present a certificate
 * signed by one of the CA certificates. The CA objects live in the gateway's namespace.
 *
 * @example ClientAuth.required(CaCertificates.fromSecret('partner-ca'))
 */
export class ClientAuth {
  /** Every client must present a valid certificate; connections without one are refused. */
  public static required(ca: CaCertificates, options: ClientAuthOptions = {}): ClientAuth {
    return new ClientAuth(true, ca, optionsOf('ClientAuth.required', options));
  }

  /**
   * A certificate is requested and verified when the client presents one; clients without a
   * certificate are let through (the backend decides). An invalid certificate is refused.
   */
  public static optional(ca: CaCertificates, options: ClientAuthOptions = {}): ClientAuth {
    return new ClientAuth(false, ca, optionsOf('ClientAuth.optional', options));
  }

  private constructor(
    /** Whether a valid certificate is required (false: verified when presented). */
    public readonly certificateRequired: boolean,
    /** The trust anchors. */
    public readonly ca: CaCertificates,
    private readonly options: ClientAuthOptions = {},
  ) {}

  /** @internal */
  public _toIR(prop: string): { ir?: ClientAuthIR; problem?: string } {
    const p = caProblem(this.ca, `${prop}.ca`);
    if (p) return { problem: p };
    const more = this.options.additionalCas;
    if (more === undefined) return { ir: { required: this.certificateRequired, ca: this.ca._toIR() } };
    const lp = listProblem(`${prop}.additionalCas`, more, 'CaCertificates');
    if (lp) return { problem: lp };
    for (let i = 0; i < more.length; i++) {
      const q = caProblem(more[i], `${prop}.additionalCas[${i}]`);
      if (q) return { problem: q };
    }
    const refs = [this.ca, ...more].map(c => c._toIR());
    const dup = refs.findIndex((r, i) => refs.findIndex(o => o.kind === r.kind && o.name === r.name) !== i);
    if (dup > 0) return { problem: `${prop}.additionalCas[${dup - 1}]: ${refs[dup].kind} '${refs[dup].name}' is already trusted` };
    if (more.length === 0) return { ir: { required: this.certificateRequired, ca: refs[0] } };
    return { ir: { required: this.certificateRequired, ca: refs[0], additionalCas: refs.slice(1) } };
  }
}

/** Options for `Hsts.enable()`. */
export interface HstsOptions {
  /**
   * How long browsers remember to use HTTPS only. Whole seconds.
   * @default Duration.days(365)
   */
  readonly maxAge?: Duration;

  /**
   * Also cover every subdomain of the host (`includeSubDomains`).
   * @default false
   */
  readonly includeSubdomains?: boolean;

  /**
   * Ask to be put on browsers' preload lists (`preload`). Needs `includeSubdomains` and a
   * `maxAge` of at least one year; removal from the lists takes months.
   * @default false
   */
  readonly preload?: boolean;
}

/** The ONE YEAR minimum the HSTS preload list requires. */
const PRELOAD_MIN_SECONDS = 31_536_000;

/**
 * HTTP Strict Transport Security: a `Strict-Transport-Security` header on HTTPS responses.
 * Opt-in, because it outlives the configuration: browsers keep refusing plain HTTP for `maxAge`.
 *
 * @example Hsts.enable({ maxAge: Duration.days(365), includeSubdomains: true })
 */
export class Hsts {
  /** Sends `Strict-Transport-Security: max-age=<maxAge>[; includeSubDomains][; preload]`. */
  public static enable(options: HstsOptions = {}): Hsts {
    return new Hsts(options);
  }

  private constructor(private readonly options: HstsOptions) {}

  /** @internal */
  public _toIR(prop: string): { ir?: HstsIR; problem?: string } {
    const o = this.options ?? {};
    let seconds = PRELOAD_MIN_SECONDS;
    if (o.maxAge !== undefined) {
      if (!(o.maxAge instanceof Duration)) return { problem: `${prop}.maxAge: must be a cdk8s Duration` };
      const infinite = nonFiniteDuration(o.maxAge);
      if (infinite) return { problem: `${prop}.maxAge: ${infinite}` };
      seconds = o.maxAge.toSeconds();
      if (!Number.isInteger(seconds) || seconds <= 0) return { problem: `${prop}.maxAge: must be a positive whole number of seconds (got ${seconds})` };
    }
    for (const k of ['includeSubdomains', 'preload'] as const) {
      if (o[k] !== undefined && typeof o[k] !== 'boolean') return { problem: `${prop}.${k}: ${show(o[k])} must be true or false` };
    }
    const includeSubdomains = o.includeSubdomains ?? false;
    const preload = o.preload ?? false;
    if (preload && !includeSubdomains) return { problem: `${prop}.preload: the HSTS preload list requires includeSubdomains: true` };
    if (preload && seconds < PRELOAD_MIN_SECONDS) return { problem: `${prop}.preload: the HSTS preload list requires a maxAge of at least one year (${PRELOAD_MIN_SECONDS} seconds; got ${seconds})` };
    return { ir: { maxAgeSeconds: seconds, includeSubdomains, preload } };
  }
}

/** How a TlsHost handles TLS connections. */
export class TlsMode {
  /** TLS ends at the gateway, which routes the decrypted HTTP requests (the default). */
  public static terminate(): TlsMode {
    return new TlsMode('Terminate');
  }

  /**
   * TLS connections are passed through, unterminated, to one backend chosen by SNI: the backend
   * holds the certificate. No HTTP-level routing or policy applies to these hosts, so no Route
   * may serve them and the TlsHost takes no certificate, redirect, HSTS or client verification.
   * The backend must be in the gateway's namespace.
   */
  public static passthrough(backend: Backend): TlsMode {
    return new TlsMode('Passthrough', backend);
  }

  private constructor(
    /** `Terminate` or `Passthrough`. */
    public readonly mode: string,
    /** The passthrough backend. */
    public readonly backend?: Backend,
  ) {}
}

/**
 * TLS 1.2 cipher suites, by their IANA names. Every controller that takes a cipher list renders
 * the names in its own vocabulary (Go names for Traefik, OpenSSL names for ingress-nginx,
 * BoringSSL names for Envoy Gateway). TLS 1.3 suites are not configurable on these controllers.
 * Only suites with forward secrecy or AES are listed; RC4, 3DES and CBC-SHA256 suites are not.
 */
export enum TlsCipherSuite {
  /** ECDHE-ECDSA-AES128-GCM-SHA256. */
  TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256 = 'TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256',
  /** ECDHE-RSA-AES128-GCM-SHA256. */
  TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256 = 'TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256',
  /** ECDHE-ECDSA-AES256-GCM-SHA384. */
  TLS_ECDHE_ECDSA_WITH_AES_256_GCM_SHA384 = 'TLS_ECDHE_ECDSA_WITH_AES_256_GCM_SHA384',
  /** ECDHE-RSA-AES256-GCM-SHA384. */
  TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384 = 'TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384',
  /** ECDHE-ECDSA-CHACHA20-POLY1305. */
  TLS_ECDHE_ECDSA_WITH_CHACHA20_POLY1305_SHA256 = 'TLS_ECDHE_ECDSA_WITH_CHACHA20_POLY1305_SHA256',
  /** ECDHE-RSA-CHACHA20-POLY1305. */
  TLS_ECDHE_RSA_WITH_CHACHA20_POLY1305_SHA256 = 'TLS_ECDHE_RSA_WITH_CHACHA20_POLY1305_SHA256',
  /** ECDHE-ECDSA-AES128-SHA (CBC). */
  TLS_ECDHE_ECDSA_WITH_AES_128_CBC_SHA = 'TLS_ECDHE_ECDSA_WITH_AES_128_CBC_SHA',
  /** ECDHE-RSA-AES128-SHA (CBC). */
  TLS_ECDHE_RSA_WITH_AES_128_CBC_SHA = 'TLS_ECDHE_RSA_WITH_AES_128_CBC_SHA',
  /** ECDHE-ECDSA-AES256-SHA (CBC). */
  TLS_ECDHE_ECDSA_WITH_AES_256_CBC_SHA = 'TLS_ECDHE_ECDSA_WITH_AES_256_CBC_SHA',
  /** ECDHE-RSA-AES256-SHA (CBC). */
  TLS_ECDHE_RSA_WITH_AES_256_CBC_SHA = 'TLS_ECDHE_RSA_WITH_AES_256_CBC_SHA',
  /** AES128-GCM-SHA256 (RSA key exchange: no forward secrecy). */
  TLS_RSA_WITH_AES_128_GCM_SHA256 = 'TLS_RSA_WITH_AES_128_GCM_SHA256',
  /** AES256-GCM-SHA384 (RSA key exchange: no forward secrecy). */
  TLS_RSA_WITH_AES_256_GCM_SHA384 = 'TLS_RSA_WITH_AES_256_GCM_SHA384',
  /** AES128-SHA (RSA key exchange, CBC). */
  TLS_RSA_WITH_AES_128_CBC_SHA = 'TLS_RSA_WITH_AES_128_CBC_SHA',
  /** AES256-SHA (RSA key exchange, CBC). */
  TLS_RSA_WITH_AES_256_CBC_SHA = 'TLS_RSA_WITH_AES_256_CBC_SHA',
}

const CIPHER_SUITES: ReadonlySet<string> = new Set(Object.values(TlsCipherSuite));

/**
 * Validates `TlsHost.cipherSuites`: a non-empty list of TlsCipherSuite values without holes or
 * repeats. Returns the IANA names in the given order, or the problem.
 * @internal
 */
export function cipherSuitesIR(value: unknown, minTlsVersion: TlsVersionIR | undefined): { ir?: string[]; problem?: string } {
  const field = 'TlsHost.cipherSuites';
  const p = listProblem(field, value, 'TlsCipherSuite values');
  if (p) return { problem: p };
  const list = value as unknown[];
  if (list.length === 0) return { problem: `${field}: is empty; omit it for the controller's default list, or name at least one TlsCipherSuite` };
  const bad = list.findIndex(c => typeof c !== 'string' || !CIPHER_SUITES.has(c));
  if (bad >= 0) return { problem: `${field}[${bad}]: ${show(list[bad])} is not a TlsCipherSuite (IANA names such as TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256)` };
  const dup = list.findIndex((c, i) => list.indexOf(c) !== i);
  if (dup >= 0) return { problem: `${field}[${dup}]: ${show(list[dup])} is listed twice` };
  if (minTlsVersion === '1.3') return { problem: `${field}: cipher suites apply to TLS 1.2 only, and minTlsVersion TLS_1_3 refuses TLS 1.2; remove one of them` };
  return { ir: list as string[] };
}
