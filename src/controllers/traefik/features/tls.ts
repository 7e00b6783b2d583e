import { TlsHostIR } from '../../../ir/model';

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
