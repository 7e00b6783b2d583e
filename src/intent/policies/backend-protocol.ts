/** The protocol the proxy speaks to the backend. */
export enum BackendProtocol {
  /** HTTP/1.1 (the default everywhere). */
  HTTP = 'HTTP',
  /**
   * HTTPS (re-encryption). How the backend's certificate is checked is the backend's `tls`
   * (`BackendTls.verify(...)`, or the explicit `BackendTls.insecureSkipVerify()`); without it, it
   * is the controller's default, which differs: ingress-nginx and Kong accept any certificate
   * (warning `backend-tls-unverified`), Traefik checks its system roots (warning `controller-default`).
   */
  HTTPS = 'HTTPS',
  /** gRPC over cleartext HTTP/2. */
  GRPC = 'GRPC',
  /** gRPC over TLS (the backend's certificate is checked as for `HTTPS`). */
  GRPCS = 'GRPCS',
  /** Cleartext HTTP/2 (h2c). */
  H2C = 'H2C',
  /** HTTP/1.1 with WebSocket upgrades (long-lived connections). */
  WEBSOCKET = 'WEBSOCKET',
}
