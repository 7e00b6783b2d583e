import type { ApiGateway } from './api-gateway';

/**
 * The brand an ApiGateway carries, so that its children (Route, TlsHost, CanarySplit) check
 * their `gateway` prop without importing the class: the owner imports its children, the
 * children reference their owner by type only (no import cycle).
 */
const API_GATEWAY = Symbol('cdk8s-gateway.ApiGateway');

/** Marks `gateway` as an ApiGateway (called by its constructor). */
export function brandApiGateway(gateway: ApiGateway): void {
  Object.defineProperty(gateway, API_GATEWAY, { value: true });
}

/** Whether `x` is an ApiGateway (what `instanceof ApiGateway` says, without the import). */
export function isApiGateway(x: unknown): x is ApiGateway {
  return typeof x === 'object' && x !== null && (x as { [API_GATEWAY]?: boolean })[API_GATEWAY] === true;
}
