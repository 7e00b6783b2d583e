import { RouteIR } from '../../../ir/model';
import { EdgeAuthIR } from '../../../ir/policies';
import { JwtRule, Source } from '../api';

export type Jwt = Extract<EdgeAuthIR, { kind: 'jwt' }>;

/** Istio's outputClaimToHeaders header pattern. */
const OUTPUT_HEADER = /^[-_A-Za-z0-9]+$/;

export function jwtOf(route: RouteIR): Jwt | undefined {
  const a = route.policies.auth;
  return a?.kind === 'jwt' ? a : undefined;
}

/**
 * A RequestAuthentication rule: tokens from this issuer are validated (signature from the JWKS,
 * audiences) and claims copied to request headers. On its own it only rejects invalid tokens.
 */
export function jwtRule(a: Jwt): JwtRule {
  return {
    issuer: a.issuer,
    jwksUri: a.jwksUri,
    audiences: a.audiences.length > 0 ? [...a.audiences] : undefined,
    outputClaimToHeaders: a.claimsToHeaders.length > 0 ? a.claimsToHeaders.map(c => ({ header: c.header, claim: c.claim })) : undefined,
  };
}

/** The DENY rule's source: requests without a valid token from this issuer. */
export function missingPrincipal(a: Jwt): Source {
  return { notRequestPrincipals: [`${a.issuer}/*`] };
}

/** The JWT configuration every route of the gateway must agree on for one issuer. */
export function issuerConfig(a: Jwt): string {
  return JSON.stringify(jwtRule(a));
}

export function jwtProblem(a: Jwt): { prop: string; reason: string } | undefined {
  if (a.issuer.includes('*')) return { prop: 'auth.issuer', reason: 'Istio reads \'*\' in a request principal as a wildcard' };
  const bad = a.claimsToHeaders.find(c => !OUTPUT_HEADER.test(c.header));
  if (bad) return { prop: 'auth.claimsToHeaders', reason: `Istio accepts only letters, digits, '-' and '_' in header names, not '${bad.header}'` };
  return undefined;
}
