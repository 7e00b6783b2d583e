/** Hand-written wire types for the Istio security fields this library emits (checked against the CRDs in tests). */

export interface GatewayTargetRef {
  readonly group: string;
  readonly kind: 'Gateway';
  readonly name: string;
}

export interface Operation {
  readonly hosts?: string[];
  readonly notHosts?: string[];
  readonly methods?: string[];
  readonly paths?: string[];
  readonly notPaths?: string[];
}

export interface Source {
  readonly notRequestPrincipals?: string[];
  readonly remoteIpBlocks?: string[];
  readonly notRemoteIpBlocks?: string[];
}

export interface AuthorizationRule {
  /** Absent in a CUSTOM policy's rules: they select requests by operation only. */
  readonly from?: Array<{ readonly source: Source }>;
  readonly to?: Array<{ readonly operation: Operation }>;
}

export interface AuthorizationPolicySpec {
  readonly targetRefs: GatewayTargetRef[];
  readonly action: 'DENY' | 'CUSTOM';
  /** The mesh's extension provider a CUSTOM policy delegates to. */
  readonly provider?: { readonly name: string };
  readonly rules: AuthorizationRule[];
}

export interface JwtRule {
  readonly issuer: string;
  readonly jwksUri: string;
  readonly audiences?: string[];
  readonly outputClaimToHeaders?: Array<{ readonly header: string; readonly claim: string }>;
}

export interface RequestAuthenticationSpec {
  readonly targetRefs: GatewayTargetRef[];
  readonly jwtRules: JwtRule[];
}
