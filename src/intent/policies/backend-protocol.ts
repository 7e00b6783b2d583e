/** The protocol the proxy speaks to the backend. */
export enum BackendProtocol {
  /** HTTP/1.1 (the default everywhere). */
  HTTP = 'HTTP',
  /** HTTPS (re-encryption without certificate verification settings; see TLS for verification). */
  HTTPS = 'HTTPS',
  /** gRPC over cleartext HTTP/2. */
  GRPC = 'GRPC',
  /** gRPC over TLS. */
  GRPCS = 'GRPCS',
  /** Cleartext HTTP/2 (h2c). */
  H2C = 'H2C',
  /** HTTP/1.1 with WebSocket upgrades (long-lived connections). */
  WEBSOCKET = 'WEBSOCKET',
}
