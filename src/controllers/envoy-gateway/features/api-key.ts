import { EdgeAuthIR } from '../../../ir/policies';
import { SecurityPolicySpec } from '../api';

type ApiKey = Extract<EdgeAuthIR, { kind: 'apiKey' }>;

/**
 * `apiKeyAuth`: the key is read from the header and compared with the values of the Opaque Secret
 * (each data key is a client id, its value that client's API key).
 */
export function apiKeyAuth(a: ApiKey): NonNullable<SecurityPolicySpec['apiKeyAuth']> {
  return { credentialRefs: [{ name: a.secretName }], extractFrom: [{ headers: [a.header] }] };
}
