import { Http01Solver } from './api';

/**
 * The gateway a certificate's names are served by: what an issuer's `AcmeSolver.http01()`
 * follows. Built by TlsHost from its ApiGateway.
 * @internal
 */
export interface GatewayLink {
  /** Construct path of the ApiGateway. */
  readonly source: string;
  /** Sort key: `<namespace>/<name>`. */
  readonly key: string;
  /** For messages: `ApiGateway 'edge' (ingress-nginx)`. */
  readonly description: string;
  /** The HTTP-01 solver through which this gateway's controller serves the challenge. */
  http01(): Http01Solver;
}

/**
 * One certificate issued by an issuer: a standalone Certificate, or the one a TlsHost owns.
 * @internal
 */
export interface CertificateUse {
  /** Construct path the problems are reported on. */
  readonly source: string;
  /** Prefix of messages: `Certificate.issuer` or `TlsHost.certificate`. */
  readonly prop: string;
  readonly namespace: string;
  readonly secretName: string;
  /** Sorted. */
  readonly dnsNames: readonly string[];
  readonly gateway?: GatewayLink;
}

