import { unsupportedMessage } from '../../capabilities/check';
import { ControllerName } from '../../capabilities/features';
import { GatewayIR, TlsHostIR } from '../../ir/model';
import { RenderProblem } from '../renderer';

/** Whether a certificate name covers `host`: equal, or `*.x` covering exactly one more label. */
export function covers(certHost: string, host: string): boolean {
  if (certHost === host) return true;
  if (!certHost.startsWith('*.') || host.startsWith('*.')) return false;
  const suffix = certHost.slice(1);
  return host.endsWith(suffix) && !host.slice(0, -suffix.length).includes('.');
}

/**
 * The certificate serving `host`, if any: a TlsHost listing it, else one whose wildcard covers it
 * (`*.apps.example.com` also serves a route for `admin.apps.example.com`; leaving that route
 * without TLS would send its HTTPS requests elsewhere). Call it lazily, at synth: TlsHosts may be
 * added after the routes they cover.
 */
export function certificateFor(host: string | undefined, tlsHosts: readonly TlsHostIR[]): TlsHostIR | undefined {
  if (host === undefined) return undefined;
  return tlsHosts.find(t => t.hosts.includes(host)) ?? tlsHosts.find(t => t.hosts.some(h => covers(h, host)));
}

/**
 * Ingress `spec.tls` and IngressRoute `tls.secretName` read Secrets of the object's own namespace
 * only: a route in another namespace than its host's certificate cannot be given TLS.
 */
export function tlsNamespaceProblems(controller: ControllerName, kind: string, ir: GatewayIR): RenderProblem[] {
  const problems: RenderProblem[] = [];
  for (const route of ir.routes) {
    for (const host of route.hosts) {
      const tls = certificateFor(host, ir.tlsHosts);
      if (tls && tls.secretNamespace !== route.namespace) {
        problems.push({
          source: route.source,
          message: unsupportedMessage(controller, 'crossNamespaceCertificate', 'namespace',
            `the route's ${kind} lives in namespace '${route.namespace}' but the certificate Secret '${tls.secretName}' for '${host}' is in '${tls.secretNamespace}', and an ${kind} can only use Secrets of its own namespace`),
        });
      }
    }
  }
  return problems;
}

/** The hostname of `tls` under which `host` is served: itself, or the wildcard covering it. */
export function coveringEntry(tls: TlsHostIR, host: string): string {
  return tls.hosts.includes(host) ? host : tls.hosts.find(h => covers(h, host)) ?? host;
}

/** Hosts of an object grouped by the value an object-wide setting would need for each. */
export interface Disagreement {
  readonly host: string;
  readonly value: string;
  readonly otherHost: string;
  readonly otherValue: string;
}

/**
 * Object-wide settings (an Ingress annotation, an HTTPRoute's filters or attachment) must be
 * the same for every host of the object. `need` gives the setting a host needs, as a
 * comparable string, or undefined when the host does not care. Returns the first conflict.
 */
export function disagreement(hosts: readonly string[], need: (host: string) => string | undefined): Disagreement | undefined {
  let first: { host: string; value: string } | undefined;
  for (const host of hosts) {
    const value = need(host);
    if (value === undefined) continue;
    if (!first) first = { host, value };
    else if (first.value !== value) return { host: first.host, value: first.value, otherHost: host, otherValue: value };
  }
  return undefined;
}
