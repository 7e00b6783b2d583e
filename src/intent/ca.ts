import { checkObjectName } from '../core/validate';
import { CaRefIR } from '../ir/model';

/** The kind of object holding a CA bundle. */
export enum CaSource {
  /** A Secret with the key `ca.crt`. */
  SECRET = 'Secret',
  /** A ConfigMap with the key `ca.crt`. */
  CONFIG_MAP = 'ConfigMap',
}

/**
 * PEM-encoded CA certificates (key `ca.crt`) used as trust anchors: to verify client
 * certificates at the edge, or a backend's certificate when re-encrypting.
 *
 * Controllers read different kinds: ingress-nginx and Traefik client verification read Secrets,
 * Gateway API's portable (Core) form is a ConfigMap. A kind the controller cannot read fails at
 * synth with the standard message.
 *
 * @example CaCertificates.fromConfigMap('partner-ca')
 */
export class CaCertificates {
  /** A Secret holding the CA bundle under `ca.crt`. */
  public static fromSecret(name: string): CaCertificates {
    return new CaCertificates(CaSource.SECRET, name);
  }

  /** A ConfigMap holding the CA bundle under `ca.crt`. */
  public static fromConfigMap(name: string): CaCertificates {
    return new CaCertificates(CaSource.CONFIG_MAP, name);
  }

  private constructor(
    /** Secret or ConfigMap. */
    public readonly source: CaSource,
    /** The object's name. */
    public readonly name: string,
  ) {}

  /** @internal */
  public _problem(): string | undefined {
    return checkObjectName(this.name);
  }

  /** @internal */
  public _toIR(): CaRefIR {
    return { kind: this.source === CaSource.SECRET ? 'Secret' : 'ConfigMap', name: this.name };
  }
}

/** Validates a CaCertificates prop value, naming the prop. @internal */
export function caProblem(ca: unknown, prop: string): string | undefined {
  if (!(ca instanceof CaCertificates)) return `${prop}: must be created with CaCertificates.fromSecret() or CaCertificates.fromConfigMap()`;
  const p = ca._problem();
  return p ? `${prop}: ${p}` : undefined;
}
