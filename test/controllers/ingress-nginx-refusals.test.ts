import { ApiGateway, Backend, BackendTls, CaCertificates, CanaryTraffic, ClientAuth, Controller, PathMatch, TlsCertificate } from '../../src';
import { newChart, synthError } from '../util';

/** The synth error of one ingress-nginx gateway, as its message lines. */
function errorsOf(build: (gw: ApiGateway) => void): string[] | undefined {
  const chart = newChart();
  build(new ApiGateway(chart, 'gw', { controller: Controller.ingressNginx() }));
  return synthError(chart)?.split('\n').slice(1).map(l => l.trim());
}

describe('ingress-nginx: settings that apply to a whole Ingress must agree, exact refusals', () => {
  test('one route over two TlsHosts with different HTTPS redirects and client certificates', () => {
    expect(errorsOf(gw => {
      gw.addRoute('r', { hosts: ['a.example.com', 'b.example.com'], backend: Backend.service('svc', 80) });
      gw.addTlsHost('a', { hosts: ['a.example.com'], certificate: TlsCertificate.fromSecret('a-cert') });
      gw.addTlsHost('b', {
        hosts: ['b.example.com'],
        certificate: TlsCertificate.fromSecret('b-cert'),
        httpsRedirect: false,
        clientAuth: ClientAuth.optional(CaCertificates.fromSecret('ca')),
      });
    })).toEqual([
      "[test/gw/r] Plain HTTP alongside HTTPS (httpsRedirect) is not supported by controller 'ingress-nginx': ssl-redirect applies to a whole Ingress, and this "
      + "route serves 'a.example.com' (the HTTPS redirect) and 'b.example.com' (no HTTPS redirect); put them on separate routes. Supported by: Controller.kong(), "
      + 'Controller.kong({ mode: KongMode.GATEWAY_API }), Controller.gatewayApi(), Controller.envoyGateway(), Controller.istio().',
      "[test/gw/r] Client certificate verification (mTLS) (clientAuth) is not supported by controller 'ingress-nginx': auth-tls-* annotations apply to a whole "
      + "Ingress, and this route serves 'a.example.com' (no client certificate) and 'b.example.com' (optional client certificates from Secret 'ca'); put them on "
      + 'separate routes. Supported by: Controller.traefik(), Controller.traefik({ output: TraefikOutput.INGRESS }), Controller.gatewayApi(), Controller.envoyGateway(), '
      + 'Controller.istio().',
    ]);
  });

  test('a canary backend that speaks TLS unlike its stable backend', () => {
    expect(errorsOf(gw => {
      const stable = gw.addRoute('r', { hosts: ['api.example.com'], match: { path: PathMatch.prefix('/v1') }, backend: Backend.service('api-v1', 80) });
      gw.addCanary('canary', {
        stable,
        canary: Backend.service('api-v2', 8443, { tls: BackendTls.verify({ hostname: 'api.internal', ca: CaCertificates.fromSecret('ca') }) }),
        traffic: CanaryTraffic.weight(10),
      });
    })).toEqual([
      "[test/gw/canary] Re-encryption to HTTPS backends (canary.tls) is not supported by controller 'ingress-nginx': a canary Ingress takes the stable Ingress's "
      + 'backend-protocol and proxy-ssl-* settings, so the canary backend must have the same tls as the stable backend. Supported by: Controller.traefik(), '
      + 'Controller.traefik({ output: TraefikOutput.INGRESS }), Controller.gatewayApi(), Controller.envoyGateway(), Controller.istio().',
    ]);
  });
});
