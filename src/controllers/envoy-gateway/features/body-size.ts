import { BackendProtocolIR } from '../../../ir/policies';

const UNITS: Array<[number, string]> = [[1024 ** 4, 'Ti'], [1024 ** 3, 'Gi'], [1024 ** 2, 'Mi'], [1024, 'Ki']];

/** A byte count as the largest exact binary Kubernetes quantity (`50Mi`, `1536Ki`, `1000`). */
export function quantity(bytes: number): string {
  for (const [size, unit] of UNITS) {
    if (bytes % size === 0) return `${bytes / size}${unit}`;
  }
  return String(bytes);
}

/** `requestBuffer.limit`: the whole request is buffered, larger ones get 413. */
export function requestBuffer(maxBytes: number): { limit: string } {
  return { limit: quantity(maxBytes) };
}

/** Buffering whole requests cannot coexist with protocols that stream. */
export function bodySizeProblem(protocol: BackendProtocolIR | undefined): string | undefined {
  if (protocol?.protocol === 'WEBSOCKET') return 'Envoy Gateway enforces it by buffering the whole request (requestBuffer), which disables WebSocket upgrades';
  if (protocol?.protocol === 'GRPC') return 'Envoy Gateway enforces it by buffering the whole request (requestBuffer), which breaks streaming gRPC calls';
  return undefined;
}
