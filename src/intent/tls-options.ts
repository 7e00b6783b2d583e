import { Duration } from 'cdk8s';
import { Backend } from './backend';
import { CaCertificates, caProblem } from './ca';
import { show } from '../core/errors';
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

/**
 * Client certificate verification at the edge (mutual TLS): clients present a certificate
 * signed by one of the CA certificates. The CA object lives in the gateway's namespace.
 *
 * @example ClientAuth.required(CaCertificates.fromSecret('partner-ca'))
 */
export class ClientAuth {
  /** Every client must present a valid certificate; connections without one are refused. */
  public static required(ca: CaCertificates): ClientAuth {
    return new ClientAuth(true, ca);
  }

  /**
   * A certificate is requested and verified when the client presents one; clients without a
   * certificate are let through (the backend decides). An invalid certificate is refused.
   */
  public static optional(ca: CaCertificates): ClientAuth {
    return new ClientAuth(false, ca);
  }

  private constructor(
    /** Whether a valid certificate is required (false: verified when presented). */
    public readonly certificateRequired: boolean,
    /** The trust anchors. */
    public readonly ca: CaCertificates,
  ) {}

  /** @internal */
  public _toIR(prop: string): { ir?: ClientAuthIR; problem?: string } {
    const p = caProblem(this.ca, `${prop}.ca`);
    if (p) return { problem: p };
    return { ir: { required: this.certificateRequired, ca: this.ca._toIR() } };
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
