import { Emitted, emit } from './emitted';
import { forcesHttps } from './redirect';
import { unsupportedMessage } from '../../../capabilities/check';
import { BackendIR, GatewayIR, RouteIR, TlsHostIR } from '../../../ir/model';
import { certificateFor, disagreement, OPENSSL_CIPHER_NAMES } from '../../common/tls';
import { RenderProblem } from '../../renderer';
import { ANNOTATIONS } from '../annotations';

/**
 * TLS annotations of a route's Ingress. `ssl-redirect` and the client-certificate settings
 * apply to the whole Ingress (ingress-nginx reads client verification per server, from the
 * first Ingress of the host), so the route's TLS hosts must agree on them (`tlsProblems`).
 *
 * One HTTPS redirect per Ingress: a route's own `Redirect.toHttps()` renders
 * `force-ssl-redirect: "true"` (features/redirect.ts), which redirects plain HTTP whatever
 * `ssl-redirect` says. `ssl-redirect` is then left out: with the TlsHost's default it would be
 * the same redirect a second time, and with `httpsRedirect: false` it would contradict the
 * route, whose explicit setting wins for its own paths.
 */
export function tlsAnnotations(route: RouteIR, tlsHosts: readonly TlsHostIR[]): Emitted[] {
  const out: Emitted[] = [];
  const tls = route.hosts.map(h => certificateFor(h, tlsHosts)).filter((t): t is TlsHostIR => t !== undefined);
  if (tls.length > 0) {
    const t = tls[0];
    if (!forcesHttps(route)) {
      out.push(t.httpsRedirect
        ? emit('sslRedirect', 'true', 'httpsRedirect', 'httpsRedirect', t.source)
        : emit('sslRedirect', 'false', 'plainHttpOnTlsHost', 'httpsRedirect', t.source));
    }
    const auth = t.clientAuth;
    if (auth) {
      out.push(emit('authTlsSecret', `${t.secretNamespace}/${auth.ca.name}`, 'clientCertificateAuth', 'clientAuth.ca', t.source));
      out.push(emit('authTlsVerifyClient', auth.required ? 'on' : 'optional', 'clientCertificateAuth', 'clientAuth', t.source));
    }
    if (t.cipherSuites) out.push(emit('sslCiphers', opensslCiphers(t.cipherSuites), 'tlsCipherSuites', 'cipherSuites', t.source));
  }
  if (route.backends[0]) out.push(...backendTlsEmitted(route.backends[0], route.source, 'backend.tls'));
  return out;
}

/**
 * Re-encryption: HTTPS to the backend, verified against a CA Secret of the backend's namespace.
 * `backend-protocol: HTTPS` is also what `BackendProtocol.HTTPS` renders; the route's annotations
 * carry it once (features/backend-protocol.ts leaves it to this function for a backend with tls).
 */
export function backendTlsEmitted(b: BackendIR, source: string, prop: string): Emitted[] {
  if (!b.tls) return [];
  // The unsafe opt-in: HTTPS, unverified. proxy-ssl-verify: off is nginx's default, written out so
  // the Ingress says it (and reads back as BackendTls.insecureSkipVerify(), not BackendProtocol.HTTPS).
  if (b.tls.insecureSkipVerify) {
    const unverified = [
      emit('backendProtocol', 'HTTPS', 'backendTls', prop, source),
      emit('proxySslVerify', 'off', 'backendTlsInsecure', prop, source),
    ];
    // The client certificate (tls.crt, tls.key) of proxy-ssl-secret is presented; verification stays off.
    const cert = b.tls.clientCertificateSecret;
    return cert === undefined ? unverified
      : [...unverified, emit('proxySslSecret', `${b.namespace}/${cert}`, 'backendTlsClientCertificate', `${prop}.clientCertificateSecret`, source)];
  }
  const out: Emitted[] = [
    emit('backendProtocol', 'HTTPS', 'backendTls', prop, source),
    emit('proxySslVerify', 'on', 'backendTls', prop, source),
    emit('proxySslName', b.tls.hostname!, 'backendTls', `${prop}.hostname`, source),
    emit('proxySslServerName', 'on', 'backendTls', prop, source),
  ];
  // A CA is required on ingress-nginx (the matrix refuses the system trust store). nginx also
  // presents the Secret's tls.crt / tls.key, if it holds them (backendClientCertificateProblem).
  if (b.tls.ca) out.push(emit('proxySslSecret', `${b.namespace}/${b.tls.ca.name}`, 'backendTls', `${prop}.ca`, source));
  return out;
}

/** `backendTlsEmitted` as plain annotations (the default backend's Ingress). */
export function backendTlsAnnotations(b: BackendIR): Record<string, string> | undefined {
  const emitted = backendTlsEmitted(b, '', 'defaultBackend.tls');
  if (emitted.length === 0) return undefined;
  return Object.fromEntries(emitted.map(e => [ANNOTATIONS[e.name], e.value]));
}

/** `ssl-ciphers`: the OpenSSL names joined by ':' (the order nginx is given; ssl_prefer_server_ciphers is the ConfigMap's). */
export function opensslCiphers(iana: readonly string[]): string {
  return iana.map(c => OPENSSL_CIPHER_NAMES[c]).join(':');
}

function clientAuthKey(t: TlsHostIR | undefined): string | undefined {
  if (!t) return undefined;
  return t.clientAuth ? `${t.clientAuth.required ? 'required' : 'optional'} client certificates from ${t.clientAuth.ca.kind} '${t.clientAuth.ca.name}'` : 'no client certificate';
}

/**
 * proxy-ssl-secret is one Secret: nginx verifies the backend against its ca.crt and presents its
 * tls.crt / tls.key whenever it holds them. A verified backend's Ingress therefore looks the same
 * with or without a client certificate (it would not read back): only unverified backends name
 * the Secret for the certificate alone.
 */
function backendClientCertificateProblem(b: BackendIR): string | undefined {
  const t = b.tls;
  if (!t || t.insecureSkipVerify || t.clientCertificateSecret === undefined) return undefined;
  return 'proxy-ssl-secret is one Secret: nginx verifies the backend against its ca.crt and presents its tls.crt / tls.key whenever it holds them, '
    + 'so with verification the Ingress cannot say whether a client certificate is presented (it depends on the CA Secret\'s keys); '
    + 'only BackendTls.insecureSkipVerify() names a Secret for the client certificate alone';
}

export function tlsProblems(ir: GatewayIR): RenderProblem[] {
  const problems: RenderProblem[] = [];
  const backends = [
    ...ir.routes.flatMap(r => r.backends.map(b => ({ b, source: r.source }))),
    ...ir.canaries.map(c => ({ b: c.canary, source: c.source })),
    ...(ir.defaultBackend ? [{ b: ir.defaultBackend, source: ir.defaultBackendSource ?? ir.source }] : []),
  ];
  for (const { b, source } of backends) {
    const reason = backendClientCertificateProblem(b);
    if (reason) problems.push({ source, message: unsupportedMessage('ingress-nginx', 'backendTlsClientCertificate', 'backend.tls.clientCertificateSecret', reason) });
  }
  for (const route of ir.routes) {
    // With the route's own Redirect.toHttps() (force-ssl-redirect), every host of the Ingress is
    // redirected: the TlsHosts' httpsRedirect settings are not read, so they need not agree.
    const redirect = forcesHttps(route) ? undefined : disagreement(route.hosts, h => {
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
    // Partial TLS coverage: the Ingress carries ssl-redirect and a tls entry for its TLS hosts
    // only, and ingress-nginx would redirect the others to HTTPS too, where it has only its
    // default certificate for them.
    const plain = route.hosts.find(h => !certificateFor(h, ir.tlsHosts));
    const redirected = route.hosts.find(h => certificateFor(h, ir.tlsHosts)?.httpsRedirect);
    if (!redirect && !forcesHttps(route) && plain !== undefined && redirected !== undefined) {
      problems.push({
        source: route.source,
        message: unsupportedMessage('ingress-nginx', 'httpsRedirect', 'httpsRedirect',
          `ssl-redirect applies to a whole Ingress, and this route serves '${redirected}' (TLS, redirected to HTTPS) and '${plain}' (no TlsHost), which would be redirected `
          + `to HTTPS too and served the controller's default certificate; put them on separate routes, or add a TlsHost for '${plain}'`),
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
    const ciphers = disagreement(route.hosts, h => {
      const t = certificateFor(h, ir.tlsHosts);
      return t ? (t.cipherSuites ? `cipher suites ${opensslCiphers(t.cipherSuites)}` : 'the default cipher suites') : undefined;
    });
    if (ciphers) {
      problems.push({
        source: route.source,
        message: unsupportedMessage('ingress-nginx', 'tlsCipherSuites', 'cipherSuites',
          `ssl-ciphers applies to a whole Ingress, and this route serves '${ciphers.host}' (${ciphers.value}) and '${ciphers.otherHost}' (${ciphers.otherValue}); put them on separate routes`),
      });
    }
    const p = route.policies.backendProtocol;
    const tlsBackend = route.backends.find(b => b.tls);
    if (p && tlsBackend && (p.protocol === 'GRPC' || p.protocol === 'GRPCS')) {
      problems.push({
        source: route.source,
        message: unsupportedMessage('ingress-nginx', 'backendTls', 'backend.tls',
          `it verifies backend certificates with proxy_ssl_* directives, which do not apply to gRPC (backendProtocol ${p.protocol}); remove the backend's tls (BackendProtocol.GRPCS re-encrypts without verification) or use a Gateway API controller`),
      });
    }
  }
  return problems;
}
