import { gepDuration } from '../../gateway-api/extension';

/** `timeout.tcp.connectTimeout`: establishing the connection to the backend (TCP and TLS handshakes). */
export function connectTimeout(ms: number): { tcp: { connectTimeout: string } } | undefined {
  const d = gepDuration(ms);
  return d ? { tcp: { connectTimeout: d } } : undefined;
}
