import { EdgeAuthIR } from '../../../ir/policies';
import { SecurityPolicySpec } from '../api';

type ApiKey = Extract<EdgeAuthIR, { kind: 'apiKey' }>;

/**
 * `apiKeyAuth`: the key is read from the header, else from the query parameter (`extractFrom`
 * sources in order), and compared with the values of the Opaque Secret (each data key is a client
 * id, its value that client's API key); `sanitize` removes it before the backend. Keys of any
 * consumer are refused by the capability matrix (no consumers: the Secret is required).
 */
export function apiKeyAuth(a: ApiKey): NonNullable<SecurityPolicySpec['apiKeyAuth']> {
  return {
    credentialRefs: [{ name: a.secretName! }],
    extractFrom: [
      ...(a.header !== undefined ? [{ headers: [a.header] }] : []),
      ...(a.queryParameter !== undefined ? [{ params: [a.queryParameter] }] : []),
    ],
    sanitize: a.removeKey ? true : undefined,
  };
}
