import * as kplus from 'cdk8s-plus-27';
import { ApiGateway, Backend, BackendProtocol, Controller, HttpMethod, PathMatch, Rewrite, RouteOptions, RouteProtocols, TlsCertificate } from '../../src';
import { newChart, synthConformant, synthError } from '../util';

/** A Kong Ingress gateway with a gRPC route `rpc` to a handed-over Service, and a plain route `web` on the same host. */
function gateway(protocol: BackendProtocol, options: RouteOptions = {}, tls?: { httpsRedirect: boolean }) {
  const chart = newChart();
  const gw = new ApiGateway(chart, 'gw', { controller: Controller.kong() });
  const svc = new kplus.Service(chart, 'svc', { metadata: { name: 'rpc' }, ports: [{ port: 9001 }] });
  gw.addRoute('rpc', { hosts: ['a.example.com'], match: { path: PathMatch.prefix('/pkg.Orders') }, backend: Backend.fromService(svc), backendProtocol: protocol, ...options });
  gw.addRoute('web', { hosts: ['a.example.com'], backend: Backend.service('web', 80) });
  if (tls) gw.addTlsHost('tls', { hosts: ['a.example.com'], certificate: TlsCertificate.fromSecret('a'), httpsRedirect: tls.httpsRedirect });
  return chart;
}

const GRPC_REFUSED = (feature: string, reason: string) => `[test/gw/rpc] ${feature} (backendProtocol) is not supported by controller 'kong': `
  + `a gRPC route is konghq.com/protocols: grpc,grpcs on its Ingress, so ${reason}; use KongMode.GATEWAY_API (GRPCRoute).`;

describe('Kong Ingress: gRPC backends', () => {
  test.each([[BackendProtocol.GRPC, 'grpc'], [BackendProtocol.GRPCS, 'grpcs']])('%s: the route\'s own Ingress accepts grpc,grpcs; the Service says %s', (protocol, upstream) => {
    const objects = synthConformant(gateway(protocol));
    const ingresses = objects.filter(o => o.kind === 'Ingress');
    // The gRPC route does not share the plain route's Ingress (the protocols annotation is Ingress-wide).
    expect(ingresses.map(o => [o.metadata.name, o.metadata.annotations?.['konghq.com/protocols']])).toEqual([['gw-rpc', 'grpc,grpcs'], ['gw-web', undefined]]);
    expect(objects.find(o => o.kind === 'Service' && o.metadata.name === 'rpc').metadata.annotations).toEqual({ 'konghq.com/protocol': upstream });
  });

  test('a TlsHost without the HTTPS redirect serves the gRPC route over both', () => {
    const objects = synthConformant(gateway(BackendProtocol.GRPC, {}, { httpsRedirect: false }));
    expect(objects.find(o => o.kind === 'Ingress' && o.metadata.name === 'gw-rpc').metadata.annotations).toEqual({ 'konghq.com/protocols': 'grpc,grpcs' });
  });

  test('refused where the Ingress-wide protocols or Kong\'s gRPC route rules conflict', () => {
    const errors = (chart: ReturnType<typeof gateway>) => synthError(chart)?.split('\n').slice(1).map(l => l.trim().replace(/ Supported by: .*$/, ''));
    expect(errors(gateway(BackendProtocol.GRPC, {}, { httpsRedirect: true }))).toEqual([GRPC_REFUSED('gRPC backend',
      "it cannot take the HTTPS redirect of the TlsHost of 'a.example.com' (Kong answers plain gRPC on a TLS-only route with an error, not a redirect); set httpsRedirect: false on that TlsHost")]);
    expect(errors(gateway(BackendProtocol.GRPCS, { protocols: RouteProtocols.HTTPS_ONLY }))).toEqual([GRPC_REFUSED('gRPC over TLS backend', 'it cannot also set RouteProtocols')]);
    expect(errors(gateway(BackendProtocol.GRPC, { match: { path: PathMatch.prefix('/pkg.Orders'), method: HttpMethod.POST } })))
      .toEqual([GRPC_REFUSED('gRPC backend', 'it cannot match methods (Kong refuses methods on gRPC routes)')]);
    expect(errors(gateway(BackendProtocol.GRPC, { rewrite: Rewrite.replacePrefix('/') })))
      .toEqual([GRPC_REFUSED('gRPC backend', 'it cannot rewrite the path (Kong refuses strip_path on gRPC routes)')]);
  });

  test('a Service named only is refused, naming Backend.fromService', () => {
    const chart = newChart();
    new ApiGateway(chart, 'gw', { controller: Controller.kong() })
      .addRoute('rpc', { hosts: ['a.example.com'], backend: Backend.service('rpc', 9001), backendProtocol: BackendProtocol.GRPCS });
    expect(synthError(chart)).toContain("Kong reads it from the konghq.com/protocol annotation on the Service, and Backend.service('rpc', 9001) names the Service only; hand the Service over with Backend.fromService(service)");
  });
});
