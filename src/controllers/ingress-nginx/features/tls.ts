import { unsupportedMessage } from '../../../capabilities/check';
import { BackendIR, GatewayIR, RouteIR, TlsHostIR } from '../../../ir/model';
import { certificateFor, disagreement } from '../../common/tls';
import { RenderProblem } from '../../renderer';
import { ANNOTATIONS } from '../annotations';

/**
 * TLS annotations of a route's Ingress. `ssl-redirect` and the client-certificate settings
 * apply to the whole Ingress (ingress-nginx reads client verification per server, from the
 * first Ingress of the host), so the route's TLS hosts must agree on them (`tlsProblems`).
 */
export function tlsAnnotations(route: RouteIR, tlsHosts: readonly TlsHostIR[]): Record<string, string> {
  const out: Record<string, string> = {};
  const tls = route.hosts.map(h => certificateFor(h, tlsHosts)).filter((t): t is TlsHostIR => t !== undefined);
  if (tls.length > 0) {
    out[ANNOTATIONS.sslRedirect] = tls[0].httpsRedirect ? 'true' : 'false';
    const auth = tls[0].clientAuth;
    if (auth) {
      out[ANNOTATIONS.authTlsSecret] = `${tls[0].secretNamespace}/${auth.ca.name}`;
      out[ANNOTATIONS.authTlsVerifyClient] = auth.required ? 'on' : 'optional';
    }
  }
  Object.assign(out, backendTlsAnnotations(route.backends[0]));
  return out;
}

/** Re-encryption: HTTPS to the backend, verified against a CA Secret of the backend's namespace. */
export function backendTlsAnnotations(b: BackendIR): Record<string, string> {
  if (!b.tls) return {};
  const out: Record<string, string> = {
    [ANNOTATIONS.backendProtocol]: 'HTTPS',
    [ANNOTATIONS.proxySslVerify]: 'on',
    [ANNOTATIONS.proxySslName]: b.tls.hostname,
    [ANNOTATIONS.proxySslServerName]: 'on',
  };
  // A CA is required on ingress-nginx (the matrix refuses the system trust store).
  if (b.tls.ca) out[ANNOTATIONS.proxySslSecret] = `${b.namespace}/${b.tls.ca.name}`;
  return out;
}

function clientAuthKey(t: TlsHostIR | undefined): string | undefined {
  if (!t) return undefined;
  return t.clientAuth ? `${t.clientAuth.required ? 'required' : 'optional'} client certificates from ${t.clientAuth.ca.kind} '${t.clientAuth.ca.name}'` : 'no client certificate';
}

export function tlsProblems(ir: GatewayIR): RenderProblem[] {
  const problems: RenderProblem[] = [];
  for (const route of ir.routes) {
    const redirect = disagreement(route.hosts, h => {
      const t = certificateFor(h, ir.tlsHosts);
      return t ? (t.httpsRedirect ? 'the HTTPS redirect' : 'no HTTPS redirect') : undefined;
    });
    if (redirect) {
      problems.push({
        source: route.source,
        message: unsupportedMessage('ingress-nginx', 'plainHttpOnTlsHost', 'httpsRedirect',
          `ssl-redirect applies to a whole Ingress, and this route serves '${redirect.host}' (${redirect.value}) and '${redirect.otherHost}' (${redirect.otherValue}); put them on separate routes`),
      });
    }
    const auth = disagreement(route.hosts, h => clientAuthKey(certificateFor(h, ir.tlsHosts)));
    if (auth) {
      problems.push({
        source: route.source,
        message: unsupportedMessage('ingress-nginx', 'clientCertificateAuth', 'clientAuth',
          `auth-tls-* annotations apply to a whole Ingress, and this route serves '${auth.host}' (${auth.value}) and '${auth.otherHost}' (${auth.otherValue}); put them on separate routes`),
      });
    }
  }
  return problems;
}
