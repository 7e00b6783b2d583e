import { Emitted, NginxFeature, emit } from './emitted';
import { RouteIR } from '../../../ir/model';

const UNITS: ReadonlyArray<[string, number]> = [['g', 1024 ** 3], ['m', 1024 ** 2], ['k', 1024]];

/**
 * nginx size in the largest unit that is exact: `50m` is 50 MiB (nginx `k` / `m` / `g` are
 * powers of 1024), a plain number is bytes. ingress-nginx's SizeRegex also allows a `b` suffix,
 * which nginx itself does not parse, so it is never emitted.
 */
export function nginxSize(bytes: number): string {
  for (const [unit, size] of UNITS) {
    if (bytes % size === 0) return `${bytes / size}${unit}`;
  }
  return String(bytes);
}

/** `proxy-body-size` (nginx `client_max_body_size`): larger bodies get 413. */
export const BODY_SIZE: NginxFeature = {
  annotations(route: RouteIR): Emitted[] {
    const b = route.policies.bodySize;
    return b ? [emit('proxyBodySize', nginxSize(b.maxBytes), 'bodySize', 'bodySize', b.source)] : [];
  },
  problems: () => [],
};
