import { Chart, Duration } from 'cdk8s';
import { ApiGateway, Backend, BodySize, Controller, Cors, EdgeAuth, RateLimit, Redirect, Timeouts, TlsCertificate } from '../../src';

/**
 * The primer's nginx annotation block, written once as typed, controller-neutral policies:
 *
 *   proxy-connect-timeout: "10", proxy-read-timeout: "120", proxy-send-timeout: "120"
 *   proxy-body-size: "50m"
 *   limit-rps: "10", limit-connections: "5"
 *   enable-cors: "true", cors-allow-origin: "https://web.example.com"
 *   ssl-redirect / force-ssl-redirect: "true"
 *   auth-url (external auth) copying X-User-ID / X-User-Email to the backend
 *
 * (The block's configuration-snippet is not carried over: snippets are never emitted.)
 */
export function primerPoliciesScenario(chart: Chart, controller: Controller): ApiGateway {
  const edge = new ApiGateway(chart, 'edge', { controller });

  edge.addRoute('api', {
    hosts: ['api.example.com'],
    backend: Backend.service('api-v1', 8080),
    timeouts: Timeouts.of({ connect: Duration.seconds(10), read: Duration.seconds(120), send: Duration.seconds(120) }),
    bodySize: BodySize.mebibytes(50),
    // The block sets no limit-burst-multiplier: ingress-nginx's default lets a client burst to 5 x the rate.
    rateLimit: RateLimit.perClientIp({ requests: 10, burst: 50, concurrentConnections: 5 }),
    cors: Cors.allow({ origins: ['https://web.example.com'] }),
    redirect: Redirect.toHttps(),
    auth: EdgeAuth.external({
      url: 'http://auth-service.auth.svc.cluster.local/verify',
      responseHeaders: ['X-User-ID', 'X-User-Email'],
    }),
  });
  edge.addTlsHost('api-tls', { hosts: ['api.example.com'], certificate: TlsCertificate.fromSecret('api-tls-cert') });
  return edge;
}
