import { ControllerName } from '../controllers';
import { CapabilityArea, native, no, Support, yes } from '../support';

/** TLS termination and certificates, passthrough, re-encryption, client certificates, HTTPS defaults. */
export type TlsFeature =
  | 'tlsTermination'
  | 'crossNamespaceCertificate'
  | 'automaticCertificate'
  | 'tlsPassthrough'
  | 'httpsRedirect'
  | 'plainHttpOnTlsHost'
  | 'hsts'
  | 'minTlsVersion'
  | 'clientCertificateAuth'
  | 'optionalClientCertificate'
  | 'backendTls'
  | 'backendTlsSystemCa'
  | 'backendTlsInsecure'
  | 'backendTlsInsecureServerName'
  | 'tlsCipherSuites'
  | 'clientCertificateSeveralCas'
  | 'backendTlsClientCertificate'
  | 'tlsSessionTickets'
  | 'httpsOnlyRoute'
  | 'httpOnlyRoute'
  // issue #17 (parity): refuse handshakes without a known SNI
  | 'strictSni';

const INGRESS_SECRET_NAMESPACE = no('an Ingress can only use TLS Secrets in its own namespace');
const GRANT = yes('with a generated ReferenceGrant');
const CERT_INGRESS = yes('a cert-manager Certificate per TlsHost; HTTP-01 through an Ingress of the gateway\'s class');
const CERT_TRAEFIK_CRD = yes('a cert-manager Certificate per TlsHost; HTTP-01 through Traefik\'s Ingress provider (it must be enabled)');
const CERT_GATEWAY = yes('a cert-manager Certificate per TlsHost; HTTP-01 through an HTTPRoute on the Gateway (cert-manager\'s Gateway API support must be enabled)');
const TRAEFIK_ONE_SCHEME = no('a Traefik router serves either HTTP or HTTPS and a TLS host gets HTTPS routers only; keep the HTTPS redirect');
const HEADER_FILTER = yes('ResponseHeaderModifier filter on the host\'s HTTPRoutes');
const KONG_MTLS = no('client certificate verification needs the mtls-auth plugin, which is Kong Enterprise only');
const KIC_NO_FRONTEND = no('KIC 3.5 (built on Gateway API v1.3) does not implement Gateway frontend client-certificate validation');
/** Traefik Ingress output: the route's ServersTransport, named on the backend's handed-over Service. */
const TRAEFIK_INGRESS_SERVICE = (field: string) => yes(`ServersTransport ${field}, named by traefik.ingress.kubernetes.io/service.serverstransport on the Service (Backend.fromService / fromServicePorts)`);
const KONG_SERVICE = no("Kong sends the upstream Host as SNI and checks the backend certificate against it (proxy_ssl_name $upstream_host), and KIC's Ingress routes keep the client's Host; konghq.com/host-header, the only name KIC reads on the Service, also replaces the Host header sent (and is ignored while the Host is kept), so Kong cannot verify for BackendTls hostname or send serverName as SNI; BackendProtocol.HTTPS with Backend.fromService re-encrypts without verification");
const KONG_INSECURE = no("KIC skips verification with konghq.com/tls-verify: false beside konghq.com/protocol: https on the Service, but Kong then sends the client's Host as SNI where BackendTls.insecureSkipVerify() sends none, and BackendTls is refused on Kong (it cannot verify for the hostname asked); BackendProtocol.HTTPS with Backend.fromService is Kong's unverified re-encryption");
const KIC_BTLS = no('KIC 3.5 reads BackendTLSPolicy as v1alpha3, which the Gateway API v1.6 standard CRDs do not serve');
const KONG_CIPHERS = no('Kong sets cipher suites only globally (ssl_cipher_suite / ssl_ciphers in kong.conf)');
const GW_ALWAYS_VERIFIES = no('a BackendTLSPolicy always verifies the backend certificate (a CA or the system CAs); Gateway API has no way to skip verification');
const EG_BACKEND_RESOURCE = no('skipping verification needs an Envoy Gateway Backend resource (tls.insecureSkipVerify) in place of the Service, which resolves the backend by DNS rather than by its endpoints; use BackendTls.verify()');
const KONG_CLIENT_CERT = no("KIC reads the certificate Kong presents to a backend from konghq.com/client-cert on the Service (a kubernetes.io/tls Secret), but only with BackendTls, which Kong cannot render as asked: it verifies, and sends as SNI, the client's Host rather than the hostname or serverName given");
const GW_CLIENT_CERT = no("a BackendTLSPolicy has no client certificate; Gateway API's is gateway-wide (Gateway spec.tls.backend.clientCertificateRef), for every backend of the gateway");
const EG_CLIENT_CERT = no("a BackendTLSPolicy has no client certificate; Envoy Gateway's are gateway-wide (EnvoyProxy backendTLS.clientCertificateRef) or need a Backend resource in place of the Service (tls.clientCertificateRef)");
const ISTIO_CLIENT_CERT = no('a client certificate to the backend needs a DestinationRule (tls.mode MUTUAL, credentialName) for the Service, which changes all mesh traffic to it');
const KONG_TICKETS = no('Kong sets session tickets only globally (ssl_session_tickets in kong.conf)');
const GW_HTTP_LISTENER = yes('attached to the Gateway\'s HTTP listener only (parentRefs sectionName: http)');
const NO_REJECT_426 = (how: string) => no(`plain HTTP cannot be answered with 426 per route: ${how}; use Redirect.toHttps() to redirect instead`);
const ISTIO_DESTINATION_RULE = no('skipping verification needs a DestinationRule (tls.insecureSkipVerify) for the Service, which changes all mesh traffic to it; use BackendTls.verify()');

export const TLS: CapabilityArea<TlsFeature> = {
  features: {
    tlsTermination: { title: 'TLS termination', prop: 'certificate' },
    crossNamespaceCertificate: { title: 'Certificate Secret in another namespace', prop: 'certificate' },
    automaticCertificate: { title: 'Automatic certificate (cert-manager)', prop: 'certificate' },
    tlsPassthrough: { title: 'TLS passthrough', prop: 'mode' },
    httpsRedirect: { title: 'HTTP to HTTPS redirect', prop: 'httpsRedirect' },
    plainHttpOnTlsHost: { title: 'Plain HTTP alongside HTTPS', prop: 'httpsRedirect' },
    hsts: { title: 'HSTS', prop: 'hsts' },
    minTlsVersion: { title: 'Minimum TLS version per host', prop: 'minTlsVersion' },
    clientCertificateAuth: { title: 'Client certificate verification (mTLS)', prop: 'clientAuth' },
    optionalClientCertificate: { title: 'Optional client certificate', prop: 'clientAuth' },
    backendTls: { title: 'Re-encryption to HTTPS backends', prop: 'backend.tls' },
    backendTlsSystemCa: { title: 'Backend certificate checked against system CAs', prop: 'backend.tls' },
    backendTlsInsecure: { title: 'Backend certificate left unverified (unsafe opt-in)', prop: 'backend.tls' },
    backendTlsInsecureServerName: { title: 'SNI to an unverified backend', prop: 'backend.tls' },
    tlsCipherSuites: { title: 'TLS 1.2 cipher suites per host', prop: 'cipherSuites' },
    clientCertificateSeveralCas: { title: 'Client certificates from several CA sources', prop: 'clientAuth.additionalCas' },
    backendTlsClientCertificate: { title: 'Client certificate presented to HTTPS backends', prop: 'backend.tls.clientCertificateSecret' },
    tlsSessionTickets: { title: 'TLS session tickets per host', prop: 'sessionTickets' },
    httpsOnlyRoute: { title: 'HTTPS-only route refusing plain HTTP (426)', prop: 'protocols' },
    httpOnlyRoute: { title: 'HTTP-only route (not served over HTTPS)', prop: 'protocols' },
    strictSni: { title: 'Strict SNI (no default certificate)', prop: 'strictSni' },
  },
  matrix: {
    'ingress-nginx': {
      tlsTermination: yes(),
      crossNamespaceCertificate: INGRESS_SECRET_NAMESPACE,
      automaticCertificate: CERT_INGRESS,
      tlsPassthrough: yes('needs the controller flag --enable-ssl-passthrough'),
      httpsRedirect: yes('ssl-redirect, 308'),
      plainHttpOnTlsHost: yes(),
      hsts: no('ingress-nginx sets HSTS only globally (ConfigMap hsts, hsts-max-age...)'),
      minTlsVersion: no('ingress-nginx sets TLS versions only globally (ConfigMap ssl-protocols)'),
      clientCertificateAuth: yes('auth-tls-secret; CA from a Secret'),
      optionalClientCertificate: yes(),
      backendTls: yes('backend-protocol HTTPS + proxy-ssl-*; CA from a Secret'),
      backendTlsSystemCa: no('ingress-nginx verifies backends only against a CA Secret (proxy-ssl-secret)'),
      backendTlsInsecure: yes('backend-protocol: HTTPS with proxy-ssl-verify: off (nginx\'s default): no certificate check, no SNI'),
      backendTlsInsecureServerName: no('ingress-nginx reads proxy-ssl-name / proxy-ssl-server-name only when proxy-ssl-secret names a Secret (the CA that verifies, or the client certificate), and an unverified backend without a client certificate has none; use BackendTls.verify()'),
      tlsCipherSuites: yes('ssl-ciphers (OpenSSL names), a server-level annotation written on every Ingress of the host'),
      clientCertificateSeveralCas: no('auth-tls-secret names one Secret; put every CA certificate into its ca.crt'),
      backendTlsClientCertificate: yes('proxy-ssl-secret (tls.crt, tls.key) with proxy-ssl-verify off: unverified backends only (with verification it is the CA Secret)'),
      tlsSessionTickets: no('ingress-nginx sets session tickets only globally (ConfigMap ssl-session-tickets)'),
      httpsOnlyRoute: NO_REJECT_426('ingress-nginx either redirects (ssl-redirect, force-ssl-redirect) or serves plain HTTP, and a fixed status needs a server snippet'),
      httpOnlyRoute: no('an Ingress is served on the HTTP and the HTTPS port (HTTPS with the controller\'s default certificate when no TLS Secret names the host), and ingress-nginx has no annotation keeping a location off HTTPS (it would take a server snippet)'),
      strictSni: no('ingress-nginx answers a handshake without SNI, or for a name no Ingress has a certificate for, with its default certificate (--default-ssl-certificate or a self-signed one); no annotation or Ingress field refuses it'),
    },
    'traefik': {
      tlsTermination: yes(),
      crossNamespaceCertificate: no('IngressRoute TLS Secrets must live in the IngressRoute namespace'),
      automaticCertificate: CERT_TRAEFIK_CRD,
      tlsPassthrough: yes('IngressRouteTCP'),
      httpsRedirect: yes('redirectScheme router on the web entry point; 301, 308 for non-GET'),
      plainHttpOnTlsHost: TRAEFIK_ONE_SCHEME,
      hsts: yes('headers Middleware'),
      minTlsVersion: yes('TLSOption'),
      clientCertificateAuth: yes('TLSOption clientAuth; CA from a Secret'),
      optionalClientCertificate: yes(),
      backendTls: yes('ServersTransport'),
      backendTlsSystemCa: yes(),
      backendTlsInsecure: yes('ServersTransport insecureSkipVerify'),
      backendTlsInsecureServerName: yes('ServersTransport serverName'),
      tlsCipherSuites: yes('TLSOption cipherSuites (Go names)'),
      clientCertificateSeveralCas: yes('TLSOption clientAuth.secretNames'),
      backendTlsClientCertificate: yes('ServersTransport certificatesSecrets'),
      tlsSessionTickets: yes('TLSOption disableSessionTickets'),
      httpsOnlyRoute: NO_REJECT_426('Traefik has no middleware answering a fixed status, and a route left off the web entry point lets plain HTTP fall through to other routers of the host'),
      httpOnlyRoute: native('a router of a host without a TlsHost (or of no host) is on the web entry point only; Traefik TLS hosts always redirect, so an HTTP-only route is never on one'),
      strictSni: yes('the TLSOption named `default` (sniStrict: true), in the gateway\'s namespace: Traefik checks strict SNI with its default TLS options, instance-wide'),
    },
    'traefik-ingress': {
      tlsTermination: yes(),
      crossNamespaceCertificate: INGRESS_SECRET_NAMESPACE,
      automaticCertificate: CERT_INGRESS,
      tlsPassthrough: no('the Traefik Ingress provider cannot pass TLS through; use TraefikOutput.INGRESS_ROUTE'),
      httpsRedirect: yes('redirect IngressRoute + Middleware (needs the Traefik CRD provider); 301, 308 for non-GET'),
      plainHttpOnTlsHost: TRAEFIK_ONE_SCHEME,
      hsts: yes('headers Middleware (needs the Traefik CRD provider)'),
      minTlsVersion: yes('TLSOption (needs the Traefik CRD provider)'),
      clientCertificateAuth: yes('TLSOption clientAuth (needs the Traefik CRD provider); CA from a Secret'),
      optionalClientCertificate: yes(),
      backendTls: TRAEFIK_INGRESS_SERVICE('serverName + rootCAs (CA from a Secret or ConfigMap)'),
      backendTlsSystemCa: TRAEFIK_INGRESS_SERVICE('serverName, no rootCAs (system roots)'),
      backendTlsInsecure: TRAEFIK_INGRESS_SERVICE('insecureSkipVerify'),
      backendTlsInsecureServerName: TRAEFIK_INGRESS_SERVICE('insecureSkipVerify + serverName'),
      tlsCipherSuites: yes('TLSOption cipherSuites (Go names; needs the Traefik CRD provider)'),
      clientCertificateSeveralCas: yes('TLSOption clientAuth.secretNames (needs the Traefik CRD provider)'),
      backendTlsClientCertificate: TRAEFIK_INGRESS_SERVICE('certificatesSecrets'),
      tlsSessionTickets: yes('TLSOption disableSessionTickets (needs the Traefik CRD provider)'),
      httpsOnlyRoute: NO_REJECT_426('Traefik has no middleware answering a fixed status, and a route left off the web entry point lets plain HTTP fall through to other routers of the host'),
      httpOnlyRoute: native('router.entrypoints: web, as for every Ingress of a host without a TlsHost (or of no host); Traefik TLS hosts always redirect, so an HTTP-only route is never on one'),
      strictSni: yes('the TLSOption named `default` (sniStrict: true), in the gateway\'s namespace (needs the Traefik CRD provider): Traefik checks strict SNI with its default TLS options, instance-wide'),
    },
    'kong': {
      tlsTermination: yes(),
      crossNamespaceCertificate: INGRESS_SECRET_NAMESPACE,
      automaticCertificate: CERT_INGRESS,
      tlsPassthrough: no("KIC's Ingress translation has no TLS passthrough (only the deprecated TCPIngress, which this library does not emit); use a Gateway API controller"),
      httpsRedirect: yes('HTTPS-only route, 308'),
      plainHttpOnTlsHost: yes(),
      hsts: yes('response-transformer KongPlugin'),
      minTlsVersion: no('Kong sets TLS versions only globally (ssl_protocols in kong.conf)'),
      clientCertificateAuth: KONG_MTLS,
      optionalClientCertificate: KONG_MTLS,
      backendTls: KONG_SERVICE,
      backendTlsSystemCa: KONG_SERVICE,
      backendTlsInsecure: KONG_INSECURE,
      backendTlsInsecureServerName: KONG_SERVICE,
      tlsCipherSuites: KONG_CIPHERS,
      clientCertificateSeveralCas: KONG_MTLS,
      backendTlsClientCertificate: KONG_CLIENT_CERT,
      tlsSessionTickets: KONG_TICKETS,
      httpsOnlyRoute: yes('konghq.com/protocols: https + konghq.com/https-redirect-status-code: "426"'),
      httpOnlyRoute: yes('konghq.com/protocols: http (on an Ingress of its own)'),
      strictSni: no('Kong answers a handshake without SNI, or for a name with no certificate, with its default certificate; no plugin, annotation or KongIngress field refuses it'),
    },
    'kong-gateway-api': {
      tlsTermination: yes(),
      crossNamespaceCertificate: GRANT,
      automaticCertificate: CERT_GATEWAY,
      tlsPassthrough: no('KIC 3.5 reads TLSRoute as v1alpha2, which the Gateway API v1.6 standard CRDs no longer serve'),
      httpsRedirect: yes('HTTPS-only route (konghq.com/protocols on the HTTPRoute), 308: KIC renders a RequestRedirect without a hostname as a relative Location'),
      plainHttpOnTlsHost: yes(),
      hsts: HEADER_FILTER,
      minTlsVersion: no('Kong sets TLS versions only globally (ssl_protocols in kong.conf)'),
      clientCertificateAuth: KIC_NO_FRONTEND,
      optionalClientCertificate: KIC_NO_FRONTEND,
      backendTls: KIC_BTLS,
      backendTlsSystemCa: KIC_BTLS,
      backendTlsInsecure: KIC_BTLS,
      backendTlsInsecureServerName: KIC_BTLS,
      tlsCipherSuites: KONG_CIPHERS,
      clientCertificateSeveralCas: KIC_NO_FRONTEND,
      backendTlsClientCertificate: KIC_BTLS,
      tlsSessionTickets: KONG_TICKETS,
      httpsOnlyRoute: yes('konghq.com/protocols: https + konghq.com/https-redirect-status-code: "426" on the HTTPRoute'),
      httpOnlyRoute: yes('konghq.com/protocols: http on the HTTPRoute (KIC serves a route on both proxy ports whatever its listener), attached to the HTTP listener'),
      strictSni: no('Kong answers a handshake without SNI, or for a name with no certificate, with its default certificate; no plugin, annotation or Gateway field refuses it'),
    },
    'gateway-api': {
      tlsTermination: yes(),
      crossNamespaceCertificate: GRANT,
      automaticCertificate: CERT_GATEWAY,
      tlsPassthrough: yes('TLS listener + TLSRoute'),
      httpsRedirect: yes('HTTPRoute with RequestRedirect on the HTTP listener, 301'),
      plainHttpOnTlsHost: yes(),
      hsts: HEADER_FILTER,
      minTlsVersion: no('Gateway API has no portable TLS version field (listener tls.options are implementation-specific); choose Controller.envoyGateway()'),
      clientCertificateAuth: yes('Gateway spec.tls.frontend: one CA ConfigMap, required, for every TLS host of the gateway'),
      optionalClientCertificate: no("Gateway API's AllowInsecureFallback also admits invalid certificates, which is not 'verified when presented'"),
      backendTls: yes('BackendTLSPolicy; CA from a ConfigMap'),
      backendTlsSystemCa: no('wellKnownCACertificates is implementation-specific in Gateway API; choose Controller.envoyGateway() or Controller.istio()'),
      backendTlsInsecure: GW_ALWAYS_VERIFIES,
      backendTlsInsecureServerName: GW_ALWAYS_VERIFIES,
      tlsCipherSuites: no('Gateway API has no portable cipher field (listener tls.options are implementation-specific); choose Controller.envoyGateway() or Controller.istio()'),
      clientCertificateSeveralCas: yes('Gateway spec.tls.frontend caCertificateRefs'),
      backendTlsClientCertificate: GW_CLIENT_CERT,
      tlsSessionTickets: no('Gateway API has no portable session resumption field (listener tls.options are implementation-specific); choose Controller.envoyGateway()'),
      httpsOnlyRoute: NO_REJECT_426('Gateway API has no direct response, and a route attached to the HTTPS listener only lets plain HTTP fall through to other routes of the host'),
      httpOnlyRoute: GW_HTTP_LISTENER,
      strictSni: no('Gateway API has no field for refusing handshakes without a matching SNI; what a listener does then is implementation-specific'),
    },
    'envoy-gateway': {
      tlsTermination: yes(),
      crossNamespaceCertificate: GRANT,
      automaticCertificate: CERT_GATEWAY,
      tlsPassthrough: yes('TLS listener + TLSRoute'),
      httpsRedirect: yes('HTTPRoute with RequestRedirect on the HTTP listener, 301'),
      plainHttpOnTlsHost: yes(),
      hsts: HEADER_FILTER,
      minTlsVersion: yes('ClientTrafficPolicy per listener'),
      clientCertificateAuth: yes('ClientTrafficPolicy per listener; CA from a Secret or ConfigMap'),
      optionalClientCertificate: yes(),
      backendTls: yes('BackendTLSPolicy; CA from a ConfigMap'),
      backendTlsSystemCa: yes(),
      backendTlsInsecure: EG_BACKEND_RESOURCE,
      backendTlsInsecureServerName: EG_BACKEND_RESOURCE,
      tlsCipherSuites: yes('ClientTrafficPolicy tls.ciphers per listener (BoringSSL names)'),
      clientCertificateSeveralCas: yes('ClientTrafficPolicy clientValidation.caCertificateRefs'),
      backendTlsClientCertificate: EG_CLIENT_CERT,
      tlsSessionTickets: yes('ClientTrafficPolicy tls.session.resumption.stateless per listener (turning tickets on; off is Envoy Gateway\'s default and is not written)'),
      httpsOnlyRoute: NO_REJECT_426('a route attached to the HTTPS listener only lets plain HTTP fall through to other routes of the host (a 426 HTTPRouteFilter directResponse on the HTTP listener is not rendered yet)'),
      httpOnlyRoute: GW_HTTP_LISTENER,
      strictSni: no('Envoy Gateway\'s ClientTrafficPolicy tls settings have no strict-SNI field (what a handshake matching no HTTPS listener hostname gets is not configurable per gateway)'),
    },
    'istio': {
      tlsTermination: yes(),
      crossNamespaceCertificate: GRANT,
      automaticCertificate: CERT_GATEWAY,
      tlsPassthrough: yes('TLS listener + TLSRoute'),
      httpsRedirect: yes('HTTPRoute with RequestRedirect on the HTTP listener, 301'),
      plainHttpOnTlsHost: yes(),
      hsts: HEADER_FILTER,
      minTlsVersion: no('Istio 1.30 reads two listener tls.options (gateway.istio.io/tls-cipher-suites, tls-terminate-mode) and no TLS version; its minimum is mesh-wide (MeshConfig tlsDefaults)'),
      clientCertificateAuth: yes('Gateway spec.tls.frontend: one CA ConfigMap or Secret, required, for every TLS host of the gateway (Istio 1.30 converts it to server TLS MUTUAL)'),
      optionalClientCertificate: yes('the same, plus the HTTPS listeners\' option gateway.istio.io/tls-terminate-mode: OPTIONAL_MUTUAL (Istio ignores the frontend validation mode)'),
      backendTls: yes('BackendTLSPolicy; CA from a ConfigMap'),
      backendTlsSystemCa: yes(),
      backendTlsInsecure: ISTIO_DESTINATION_RULE,
      backendTlsInsecureServerName: ISTIO_DESTINATION_RULE,
      tlsCipherSuites: yes('HTTPS listener option gateway.istio.io/tls-cipher-suites (OpenSSL names; Istio 1.30 copies them to the server\'s cipherSuites)'),
      clientCertificateSeveralCas: no('Istio 1.30 takes one caCertificateRef from Gateway spec.tls.frontend and rejects more ("only one caCertificateRef is supported"); put every CA certificate into one bundle'),
      backendTlsClientCertificate: ISTIO_CLIENT_CERT,
      tlsSessionTickets: no('Istio 1.30 reads two listener tls.options (gateway.istio.io/tls-cipher-suites, tls-terminate-mode) and no session resumption setting'),
      httpsOnlyRoute: NO_REJECT_426('Gateway API has no direct response, and a route attached to the HTTPS listener only lets plain HTTP fall through to other routes of the host'),
      httpOnlyRoute: GW_HTTP_LISTENER,
      strictSni: no('Istio has no Gateway API field or annotation for refusing handshakes without a matching SNI'),
    },
  },
};

/** Where a CA bundle is used. */
export type CaUsage = 'clientAuth' | 'backendTls';

/**
 * The CA object kinds each controller reads, per usage: a finer grain than a matrix cell (the
 * cell says whether the feature exists; this says from which kind of object). Typed total.
 */
export const CA_KINDS: { readonly [c in ControllerName]: { readonly [u in CaUsage]: ReadonlyArray<'Secret' | 'ConfigMap'> } } = {
  'ingress-nginx': { clientAuth: ['Secret'], backendTls: ['Secret'] },
  'traefik': { clientAuth: ['Secret'], backendTls: ['Secret', 'ConfigMap'] },
  'traefik-ingress': { clientAuth: ['Secret'], backendTls: ['Secret', 'ConfigMap'] },
  'kong': { clientAuth: [], backendTls: [] },
  'kong-gateway-api': { clientAuth: [], backendTls: [] },
  'gateway-api': { clientAuth: ['ConfigMap'], backendTls: ['ConfigMap'] },
  'envoy-gateway': { clientAuth: ['Secret', 'ConfigMap'], backendTls: ['ConfigMap'] },
  'istio': { clientAuth: ['ConfigMap', 'Secret'], backendTls: ['ConfigMap'] },
};

/** Why a CA kind is refused, or undefined when the controller reads it (or lacks the feature: the matrix reports that). */
export function caKindReason(controller: ControllerName, usage: CaUsage, kind: 'Secret' | 'ConfigMap', cell: Support): string | undefined {
  if (!cell.supported) return undefined;
  const allowed = CA_KINDS[controller][usage];
  if (allowed.includes(kind)) return undefined;
  const where = usage === 'clientAuth' ? 'client certificate CA' : 'backend CA';
  return `the ${where} must be in a ${allowed.join(' or ')} on this controller, not a ${kind} (use CaCertificates.from${allowed[0] === 'Secret' ? 'Secret' : 'ConfigMap'}())`;
}
