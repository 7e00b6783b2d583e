import { TlsHostIR } from '../../../ir/model';
import { OPENSSL_CIPHER_NAMES } from '../../common/tls';
import { LISTENER_OPTION, OPTIONAL_MUTUAL } from '../constants';

/**
 * The `tls.options` of a TlsHost's HTTPS listeners: its TLS 1.2 cipher suites by OpenSSL name
 * (Istio's server `cipherSuites`), and OPTIONAL_MUTUAL for a client certificate verified only when
 * presented (Istio ignores the frontend validation mode; the CA still comes from spec.tls.frontend).
 */
export function listenerTlsOptions(tls: TlsHostIR): Readonly<Record<string, string>> | undefined {
  const out: Record<string, string> = {};
  if (tls.cipherSuites) out[LISTENER_OPTION.cipherSuites] = tls.cipherSuites.map(c => OPENSSL_CIPHER_NAMES[c]).join(',');
  if (tls.clientAuth && !tls.clientAuth.required) out[LISTENER_OPTION.terminateMode] = OPTIONAL_MUTUAL;
  return Object.keys(out).length > 0 ? out : undefined;
}
