import { EdgeAuthIR } from '../../../ir/policies';
import { JwtSpec } from '../api';
import { JWT_PROVIDER, LIMITS } from '../constants';

type Jwt = Extract<EdgeAuthIR, { kind: 'jwt' }>;

/**
 * `jwt` with one provider: a request without a valid token (from the Authorization bearer header
 * or the `access_token` query parameter) is refused; claims are copied to request headers.
 */
export function jwtSpec(a: Jwt): JwtSpec {
  return {
    providers: [{
      name: JWT_PROVIDER,
      issuer: a.issuer,
      audiences: a.audiences.length > 0 ? [...a.audiences] : undefined,
      remoteJWKS: { uri: a.jwksUri },
      claimToHeaders: a.claimsToHeaders.length > 0 ? a.claimsToHeaders.map(c => ({ claim: c.claim, header: c.header })) : undefined,
    }],
  };
}

export function jwtProblem(a: Jwt): { prop: string; reason: string } | undefined {
  if (!a.jwksUri.startsWith('https://')) return { prop: 'auth.jwksUri', reason: 'Envoy Gateway fetches a remote JWKS over HTTPS only' };
  if (a.audiences.length > LIMITS.audiencesPerProvider) return { prop: 'auth.audiences', reason: `Envoy Gateway accepts at most ${LIMITS.audiencesPerProvider} audiences` };
  return undefined;
}
