import { RouterVariant } from './middlewares';
import { isHttpsRedirectOnly, isHttpsUpgrade } from './redirect';
import { RouteIR, TlsHostIR } from '../../../ir/model';
import { certificateFor } from '../../common/tls';

export interface EntryPoints {
  readonly web: string;
  readonly websecure: string;
}

/**
 * A TLS router only serves HTTPS, a plain one only HTTP: hosts with a certificate are served on
 * the websecure entry point, the others on web.
 */
export function entryPointFor(tls: TlsHostIR | undefined, entryPoints: EntryPoints): string {
  return tls ? entryPoints.websecure : entryPoints.web;
}

/** Where one router listens, and with which certificate. */
export interface Listener {
  readonly entryPoint: string;
  /**
   * TLS: the host's certificate, `'default'` for Traefik's default certificate (TLSStore
   * `default`), or undefined for a plain-HTTP router.
   */
  readonly tls?: TlsHostIR | 'default';
}

/**
 * The listener of one router of `route` for `host`:
 * - `Redirect.toHttps()` with a backend: the serving router is on websecure (with the host's
 *   certificate, else Traefik's default certificate: the route asks for HTTPS), its `http`
 *   twin on web;
 * - a redirect to https without backend: web (its purpose is to redirect plain HTTP);
 * - otherwise (and deny twins, like the router they shadow): websecure with the host's
 *   certificate when a TlsHost covers it, else web.
 * Resolved at synth: TlsHosts may be added after the routes they cover.
 */
export function listenerFor(
  route: RouteIR, host: string | undefined, variant: RouterVariant, tlsHosts: readonly TlsHostIR[], entryPoints: EntryPoints,
): Listener {
  if (variant === 'http' || isHttpsRedirectOnly(route)) return { entryPoint: entryPoints.web };
  const cert = certificateFor(host, tlsHosts);
  if (isHttpsUpgrade(route)) return { entryPoint: entryPoints.websecure, tls: cert ?? 'default' };
  return { entryPoint: entryPointFor(cert, entryPoints), tls: cert };
}
