import { Chart } from 'cdk8s';
import { AcmeServer, AcmeSolver, ApiGateway, Backend, ClusterIssuer, Controller, IssuerType, PathMatch, TlsCertificate } from '../../src';

/**
 * The primer's cert-manager scenario, written once as controller-neutral intent: a ClusterIssuer
 * `letsencrypt-prod` (ACME, HTTP-01) and api.example.com served over HTTPS with a certificate
 * cert-manager obtains and renews automatically. Plain HTTP is redirected to HTTPS.
 *
 * The HTTP-01 solver follows the gateway: an Ingress of the gateway's class on ingress-nginx,
 * Kong and Traefik, an HTTPRoute on the Gateway's `http` listener on Gateway API.
 */
export function certManagerScenario(chart: Chart, controller: Controller): ApiGateway {
  const letsEncrypt = new ClusterIssuer(chart, 'letsencrypt-prod', {
    type: IssuerType.acme({
      server: AcmeServer.letsEncryptProduction(),
      // Your team's address. ACME servers refuse placeholder domains such as example.com.
      email: 'platform-team@shop.dev',
      solvers: [AcmeSolver.http01()],
    }),
  });

  const edge = new ApiGateway(chart, 'edge', { controller });
  edge.addRoute('api', {
    hosts: ['api.example.com'],
    match: { path: PathMatch.prefix('/v1') },
    backend: Backend.service('api-v1', 8080),
  });
  edge.addTlsHost('api-tls', {
    hosts: ['api.example.com'],
    certificate: TlsCertificate.fromIssuer(letsEncrypt, { secretName: 'api-tls-auto' }),
  });
  return edge;
}
