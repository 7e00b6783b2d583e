import { IngressSource } from './source';
import { BackendTlsIR, ClientAuthIR } from '../../../ir/model';
import { ianaCipherName } from '../../common/tls';

const PROXY_SSL = ['proxy-ssl-verify', 'proxy-ssl-secret', 'proxy-ssl-name', 'proxy-ssl-server-name'];
const PROXY_SSL_UNMODELLED = ['proxy-ssl-ciphers', 'proxy-ssl-protocols', 'proxy-ssl-verify-depth'];

/**
 * Re-encryption to the backend, verified: `backend-protocol: HTTPS` with `proxy-ssl-verify: on`,
 * a CA Secret of the Ingress's namespace (`proxy-ssl-secret`), `proxy-ssl-name` sent as SNI
 * (`proxy-ssl-server-name: on`). `backend-protocol: HTTPS` with `proxy-ssl-verify: off` and no other
 * proxy-ssl-* is the unsafe opt-in `BackendTls.insecureSkipVerify()`, with a `proxy-ssl-secret` of
 * the Ingress's namespace its client certificate. A verified backend's `proxy-ssl-secret` reads as
 * its CA only: nginx also presents the Secret's tls.crt / tls.key when it holds them, which the
 * Ingress does not show. Anything else is not `Backend.tls`.
 */
export function backendTls(src: IngressSource): BackendTlsIR | undefined {
  for (const k of PROXY_SSL_UNMODELLED) if (src.has(k)) src.unmapped(k, 'Backend.tls does not model it');
  if (!PROXY_SSL.some(k => src.has(k))) return undefined;
  const protocol = src.peek('backend-protocol')?.toUpperCase();
  const verify = src.valid('proxy-ssl-verify');
  const secret = src.valid('proxy-ssl-secret');
  const name = src.valid('proxy-ssl-name');
  const sni = src.valid('proxy-ssl-server-name');
  const [ns, ca] = secret?.includes('/') ? secret.split('/', 2) : [src.namespace, secret];
  if (protocol === 'HTTPS' && verify?.toLowerCase() === 'off' && name === undefined && sni === undefined && (secret === undefined || ns === src.namespace)) {
    src.mapped('proxy-ssl-verify', 'Backend.tls (BackendTls.insecureSkipVerify(): HTTPS, certificate not verified)');
    if (secret === undefined) return { insecureSkipVerify: true };
    // Unverified, the Secret's only use is the client certificate nginx presents (tls.crt, tls.key).
    src.mapped('proxy-ssl-secret', `Backend.tls clientCertificateSecret '${ca}'`);
    return { insecureSkipVerify: true, clientCertificateSecret: ca };
  }
  let reason: string | undefined;
  if (protocol !== 'HTTPS') reason = 'proxy-ssl-* verify only an HTTPS backend (backend-protocol: HTTPS); gRPC and plain HTTP backends are not verified';
  else if (verify?.toLowerCase() === 'off' && ns !== src.namespace) reason = `the client certificate Secret is in namespace '${ns}': Backend.tls reads a Secret of the backend's namespace`;
  else if (verify?.toLowerCase() !== 'on') reason = 'without proxy-ssl-verify: on the backend certificate is not verified (BackendProtocol.HTTPS is what that means)';
  else if (!ca) reason = 'proxy-ssl-verify without proxy-ssl-secret: nginx has no CA to verify against';
  else if (ns !== src.namespace) reason = `the CA Secret is in namespace '${ns}': Backend.tls reads a CA of the backend's namespace`;
  else if (!name) reason = "without proxy-ssl-name nginx verifies the upstream's generated name, not a hostname";
  else if (sni?.toLowerCase() !== 'on') reason = 'without proxy-ssl-server-name: on no SNI is sent; Backend.tls sends its hostname as SNI';
  if (reason) {
    src.unmappedAll(PROXY_SSL, reason);
    return undefined;
  }
  const to = `Backend.tls (hostname '${name}', CA Secret '${ca}')`;
  for (const k of PROXY_SSL) src.mapped(k, to);
  return { hostname: name!, ca: { kind: 'Secret', name: ca! } };
}

const CLIENT_AUTH_UNMODELLED = ['auth-tls-verify-depth', 'auth-tls-pass-certificate-to-upstream', 'auth-tls-error-page', 'auth-tls-match-cn'];

/** Client certificates (`auth-tls-secret` + `auth-tls-verify-client`, default `on`). */
export function clientAuth(src: IngressSource, secretNamespace: string | undefined): ClientAuthIR | undefined {
  for (const k of CLIENT_AUTH_UNMODELLED) if (src.has(k)) src.unmapped(k, 'TlsHost.clientAuth does not model it');
  const secret = src.valid('auth-tls-secret');
  const verify = (src.valid('auth-tls-verify-client') ?? 'on').toLowerCase();
  if (secret === undefined) {
    src.unmappedAll(['auth-tls-verify-client'], 'has no effect without auth-tls-secret');
    return undefined;
  }
  const [ns, name] = secret.includes('/') ? secret.split('/', 2) : [src.namespace, secret];
  let reason: string | undefined;
  if (secretNamespace === undefined) {reason = 'none of the Ingress\'s hosts has a certificate';} else if (ns !== secretNamespace) {reason = `the CA Secret is in namespace '${ns}': TlsHost.clientAuth reads a CA beside the certificate Secret (namespace '${secretNamespace}')`;} else if (verify === 'optional_no_ca') {reason = 'optional_no_ca accepts certificates that fail verification';} else if (verify === 'off') {
    src.mapped('auth-tls-secret', 'nothing (auth-tls-verify-client: off)');
    src.mapped('auth-tls-verify-client', 'nothing (off)');
    return undefined;
  }
  if (reason) {
    src.unmappedAll(['auth-tls-secret', 'auth-tls-verify-client'], reason);
    return undefined;
  }
  const required = verify === 'on';
  src.mapped('auth-tls-secret', `TlsHost.clientAuth.ca (Secret '${name}')`);
  src.mapped('auth-tls-verify-client', `TlsHost.clientAuth (${required ? 'required' : 'optional'})`);
  return { required, ca: { kind: 'Secret', name } };
}

/**
 * `ssl-ciphers` as the TlsHost's cipher suites: OpenSSL names joined by ':' that TlsCipherSuite
 * knows. Cipher strings with classes or operators (`HIGH:!aNULL`, `@STRENGTH`) are not a list of
 * suites and are not imported.
 */
export function cipherSuites(src: IngressSource, hasCertificate: boolean): string[] | undefined {
  const v = src.valid('ssl-ciphers');
  if (v === undefined) return undefined;
  const names = v.split(':');
  const iana = names.map(ianaCipherName);
  let reason: string | undefined;
  if (!hasCertificate) reason = 'none of the Ingress\'s hosts has a certificate';
  else if (iana.some(c => c === undefined)) reason = 'TlsHost.cipherSuites models a list of the TLS 1.2 suites of TlsCipherSuite (OpenSSL names), not cipher classes or operators';
  else if (new Set(iana).size !== iana.length) reason = 'a cipher is listed twice';
  if (reason) {
    src.unmapped('ssl-ciphers', reason);
    return undefined;
  }
  src.mapped('ssl-ciphers', 'TlsHost.cipherSuites');
  return iana as string[];
}
