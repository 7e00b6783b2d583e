/**
 * cert-manager v1.21 (`cert-manager.io/v1`) wire names and types: only what this library emits.
 * Checked against the official CRDs in tests.
 */
export const GROUP = 'cert-manager.io';
export const V1 = `${GROUP}/v1`;

export const KINDS = {
  certificate: 'Certificate',
  issuer: 'Issuer',
  clusterIssuer: 'ClusterIssuer',
} as const;

/** Let's Encrypt's ACME v2 directories. */
export const LETS_ENCRYPT = {
  production: 'https://acme-v02.api.letsencrypt.org/directory',
  staging: 'https://acme-staging-v02.api.letsencrypt.org/directory',
} as const;

export const LIMITS = {
  /** Let's Encrypt issues at most 100 identifiers per certificate. */
  dnsNamesPerCertificate: 100,
  /** cert-manager refuses a `duration` below one hour... */
  minDurationSeconds: 3600,
  /** ...and a `renewBefore` below five minutes. */
  minRenewBeforeSeconds: 300,
} as const;

export interface ObjectRef {
  readonly name: string;
}

export interface SecretKeySelector {
  readonly name: string;
  readonly key: string;
}

/** A Gateway API parent reference in an http01 `gatewayHTTPRoute` solver. */
export interface SolverParentRef {
  readonly group?: string;
  readonly kind?: string;
  readonly name: string;
  readonly namespace?: string;
  readonly sectionName?: string;
  readonly port?: number;
}

/** `acme.solvers[].http01`: exactly one of the two. */
export interface Http01Solver {
  readonly ingress?: {
    readonly ingressClassName: string;
    /** Only `metadata.annotations` / `metadata.labels` may be set. */
    readonly ingressTemplate?: { readonly metadata: { readonly annotations: Record<string, string> } };
  };
  readonly gatewayHTTPRoute?: { readonly parentRefs: SolverParentRef[] };
}

export interface SolverSelectorSpec {
  readonly dnsNames?: string[];
  readonly dnsZones?: string[];
}

export interface SolverSpec {
  readonly selector?: SolverSelectorSpec;
  readonly http01?: Http01Solver;
  readonly dns01?: Record<string, unknown>;
}

export interface IssuerSpec {
  readonly acme?: {
    readonly server: string;
    readonly email?: string;
    readonly privateKeySecretRef: ObjectRef;
    readonly solvers: SolverSpec[];
  };
  readonly selfSigned?: Record<string, never>;
  readonly ca?: { readonly secretName: string };
}

export interface CertificateSpec {
  readonly secretName: string;
  readonly dnsNames: string[];
  readonly issuerRef: { readonly group: string; readonly kind: string; readonly name: string };
  readonly duration?: string;
  readonly renewBefore?: string;
  readonly privateKey?: { readonly algorithm: string; readonly size?: number };
}
