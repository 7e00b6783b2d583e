import { TlsHostIR } from '../../../ir/model';

export interface EntryPoints {
  readonly web: string;
  readonly websecure: string;
}

/**
 * The certificate covering `host`, if any: a host is covered when a TlsHost lists it (as
 * `tlsEntries` in common/ingress.ts decides). Must be called lazily (at synth): TlsHosts may be
 * added after the routes they cover.
 */
export function tlsHostFor(host: string | undefined, tlsHosts: readonly TlsHostIR[]): TlsHostIR | undefined {
  return host === undefined ? undefined : tlsHosts.find(t => t.hosts.includes(host));
}

/**
 * A TLS router only serves HTTPS, a plain one only HTTP: hosts with a certificate are served on
 * the websecure entry point, the others on web.
 */
export function entryPointFor(tls: TlsHostIR | undefined, entryPoints: EntryPoints): string {
  return tls ? entryPoints.websecure : entryPoints.web;
}
