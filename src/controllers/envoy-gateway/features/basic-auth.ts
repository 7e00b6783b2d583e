import { EdgeAuthIR } from '../../../ir/policies';
import { SecurityPolicySpec } from '../api';

type Basic = Extract<EdgeAuthIR, { kind: 'basic' }>;

/**
 * `basicAuth`: users from the Secret's `.htpasswd` key (SHA hashes only: `htpasswd -s`). Envoy
 * has no realm setting: its 401 names its own realm, so `realm` (the browser prompt's text) is
 * not rendered (see the README).
 */
export function basicAuth(a: Basic): NonNullable<SecurityPolicySpec['basicAuth']> {
  return { users: { name: a.secretName! } }; // basicAuthAnyConsumer is refused by the matrix
}

