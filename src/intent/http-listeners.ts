import { show } from '../core/errors';

/** How an owned Gateway (Gateway API) lays out its plain-HTTP listeners. */
export enum HttpListeners {
  /** One HTTP listener without a hostname (`http`), shared by every host. */
  SHARED = 'shared',
  /**
   * One HTTP listener per hostname the gateway's routes and TlsHosts use (`http-<host>`, with
   * that hostname), so each host's plain-HTTP attachments are its own; the listener without a
   * hostname (`http`) is kept only for a route without hosts or a default backend. Requests are
   * served exactly as with `SHARED`: a route with a wildcard host also attaches to the listeners
   * of the hostnames it covers.
   */
  PER_HOST = 'per-host',
}

/**
 * Validates `ApiGateway.httpListeners`: the IR's value (undefined: shared), or the problem.
 * @internal
 */
export function httpListenersIR(value: unknown): { ir?: 'per-host'; problem?: string } {
  if (value === undefined || value === HttpListeners.SHARED) return {};
  if (value === HttpListeners.PER_HOST) return { ir: 'per-host' };
  return { problem: `ApiGateway.httpListeners: ${show(value)} is not an HttpListeners value (SHARED, PER_HOST)` };
}
