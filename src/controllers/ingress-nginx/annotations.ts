/**
 * Every ingress-nginx annotation this library emits. Values are always strings. All are below
 * the High risk level except `proxy-ssl-name` (High: accepted at the default
 * `annotations-risk-level: High`); no Critical (snippet) annotation is ever emitted.
 */
export const PREFIX = 'nginx.ingress.kubernetes.io/';

export const ANNOTATIONS = {
  /** Makes every path of the host a case-insensitive regex (`location ~* "^<path>"`). */
  useRegex: `${PREFIX}use-regex`,
  /** 308 to HTTPS when the Ingress has TLS (also the ConfigMap default; explicit here so a cluster-wide `false` cannot drop it). */
  sslRedirect: `${PREFIX}ssl-redirect`,
  /** L4 passthrough by SNI; needs the controller flag `--enable-ssl-passthrough`; every other annotation of that Ingress is ignored. */
  sslPassthrough: `${PREFIX}ssl-passthrough`,
  /** `<namespace>/<secret>` holding `ca.crt` to verify client certificates (same namespace unless allow-cross-namespace-resources). */
  authTlsSecret: `${PREFIX}auth-tls-secret`,
  /** `on` (required) or `optional`. */
  authTlsVerifyClient: `${PREFIX}auth-tls-verify-client`,
  /** `HTTPS` to re-encrypt to the backend. */
  backendProtocol: `${PREFIX}backend-protocol`,
  /** `<namespace>/<secret>` with `ca.crt` to verify the backend. */
  proxySslSecret: `${PREFIX}proxy-ssl-secret`,
  /** `on`: verify the backend certificate (default off). */
  proxySslVerify: `${PREFIX}proxy-ssl-verify`,
  /** High risk (allowed at the default annotations-risk-level High). The name the backend certificate is verified against. */
  proxySslName: `${PREFIX}proxy-ssl-name`,
  /** `on`: send `proxy-ssl-name` as SNI. */
  proxySslServerName: `${PREFIX}proxy-ssl-server-name`,
} as const;
