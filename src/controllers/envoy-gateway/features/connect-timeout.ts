import { gepDuration } from '../../gateway-api/features/duration';

/** `timeout.tcp.connectTimeout`: establishing the connection to the backend (TCP and TLS handshakes). */
export function connectTimeout(ms: number): { tcp: { connectTimeout: string } } | undefined {
  const d = gepDuration(ms);
  return d ? { tcp: { connectTimeout: d } } : undefined;
}
