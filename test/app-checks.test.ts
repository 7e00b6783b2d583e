import { App, Chart, Testing } from 'cdk8s';
import { ApiGateway, Backend, Controller, GatewayParentKind, KongMode, PathMatch, Redirect, TlsCertificate, TlsMode, TraefikOutput } from '../src';
import { synthError } from './util';

/** Whole-app checks: what no single ApiGateway can see. */
describe('whole-app checks across every ApiGateway of an App', () => {
  const api = (gw: ApiGateway, id: string, service: string, path = '/v1') =>
    gw.addRoute(id, { hosts: ['api.example.com'], match: { path: PathMatch.prefix(path) }, backend: Backend.service(service, 8080) });

  test('two gateways of the same controller and IngressClass cannot route one host + match to different backends', () => {
    // GIVEN two teams' charts in one app, both on ingress-nginx class 'nginx'
    const app = Testing.app();
    const a = new ApiGateway(new Chart(app, 'team-a', { namespace: 'a' }), 'edge', { controller: Controller.ingressNginx() });
    const b = new ApiGateway(new Chart(app, 'team-b', { namespace: 'b' }), 'edge', { controller: Controller.ingressNginx() });
    // WHEN
    api(a, 'v1', 'api-a');
    api(b, 'v1', 'api-b');
    // THEN the later route is named, with the earlier one and the shared class
    const error = synthError(app);
    expect(error).toContain("[team-b/edge/v1] Route.match: host 'api.example.com' with Prefix path '/v1' is already routed by [team-a/edge/v1] of another ApiGateway [team-a/edge] "
      + "on the same ingress-nginx IngressClass 'nginx' to a different backend, and the controller would silently keep only one of them");
    expect(error!.split('\n')).toHaveLength(2);
  });

  test('different IngressClasses, different controllers, or different matches do not conflict', () => {
    const app = Testing.app();
    const chart = new Chart(app, 'c', { namespace: 'edge' });
    const nginx = new ApiGateway(chart, 'public', { controller: Controller.ingressNginx() });
    const internal = new ApiGateway(chart, 'internal', { controller: Controller.ingressNginx({ ingressClassName: 'nginx-internal' }) });
    const traefik = new ApiGateway(chart, 'traefik', { controller: Controller.traefik() });
    const other = new ApiGateway(chart, 'other', { controller: Controller.ingressNginx() });
    api(nginx, 'v1', 'api-a');
    api(internal, 'v1', 'api-b');
    api(traefik, 'v1', 'api-c');
    api(other, 'v2', 'api-d', '/v2');
    expect(synthError(app)).toBeUndefined();
  });

  test('the same target on two gateways is not a conflict (e.g. a route kept while moving it)', () => {
    const app = Testing.app();
    const chart = new Chart(app, 'c', { namespace: 'edge' });
    api(new ApiGateway(chart, 'old', { controller: Controller.kong() }), 'v1', 'api');
    api(new ApiGateway(chart, 'new', { controller: Controller.kong() }), 'v1', 'api');
    expect(synthError(app)).toBeUndefined();
  });

  test('Traefik IngressRoute and Ingress outputs share one Traefik', () => {
    const app = Testing.app();
    const chart = new Chart(app, 'c', { namespace: 'edge' });
    api(new ApiGateway(chart, 'crd', { controller: Controller.traefik() }), 'v1', 'api-a');
    api(new ApiGateway(chart, 'ing', { controller: Controller.traefik({ output: TraefikOutput.INGRESS }) }), 'v1', 'api-b');
    expect(synthError(app)).toContain("[c/ing/v1] Route.match: host 'api.example.com' with Prefix path '/v1' is already routed by [c/crd/v1]");
  });

  test('Gateway API: routes of two ApiGateways attached to the same parent, or Gateways of one class', () => {
    const app = Testing.app();
    const chart = new Chart(app, 'c', { namespace: 'edge' });
    const attach = { name: 'shared', namespace: 'infra', kind: GatewayParentKind.GATEWAY };
    api(new ApiGateway(chart, 'a', { controller: Controller.envoyGateway({ attachTo: attach }) }), 'v1', 'api-a');
    api(new ApiGateway(chart, 'b', { controller: Controller.envoyGateway({ attachTo: { ...attach, sectionName: 'https' } }) }), 'v1', 'api-b');
    api(new ApiGateway(chart, 'k1', { controller: Controller.kong({ mode: KongMode.GATEWAY_API }) }), 'v1', 'api-a');
    api(new ApiGateway(chart, 'k2', { controller: Controller.kong({ mode: KongMode.GATEWAY_API }) }), 'v1', 'api-b');
    const error = synthError(app);
    expect(error).toContain("[c/b/v1] Route.match: host 'api.example.com' with Prefix path '/v1' is already routed by [c/a/v1] of another ApiGateway [c/a] on the same envoy-gateway Gateway 'infra/shared'");
    expect(error).toContain("[c/k2/v1] Route.match: host 'api.example.com' with Prefix path '/v1' is already routed by [c/k1/v1] of another ApiGateway [c/k1] on the same kong-gateway-api GatewayClass 'kong'");
  });

  test('two default backends of one IngressClass conflict; a redirect differs from a backend', () => {
    const app = Testing.app();
    const a = new ApiGateway(new Chart(app, 'a', { namespace: 'a' }), 'edge', { controller: Controller.ingressNginx(), defaultBackend: Backend.service('nf-a', 80) });
    new ApiGateway(new Chart(app, 'b', { namespace: 'b' }), 'edge', { controller: Controller.ingressNginx(), defaultBackend: Backend.service('nf-b', 80) });
    a.addRoute('moved', { hosts: ['old.example.com'], redirect: Redirect.toHttps(), backend: Backend.service('old', 80) });
    const error = synthError(app);
    expect(error).toContain('[b/edge] ApiGateway.defaultBackend: the default backend (every request no route matches) is already routed by [a/edge] of another ApiGateway [a/edge]');
  });

  test('two gateways rendering the same object (same kind, namespace and name) are refused', () => {
    const app = new App();
    // Same gateway name and namespace in two charts: every derived object name collides.
    const one = new ApiGateway(new Chart(app, 'one', { namespace: 'edge' }), 'edge', { controller: Controller.istio() });
    const two = new ApiGateway(new Chart(app, 'two', { namespace: 'edge' }), 'edge', { controller: Controller.istio({ gatewayClassName: 'istio-internal' }) });
    api(one, 'api', 'api-a', '/a');
    api(two, 'api', 'api-b', '/b');
    const error = synthError(app);
    expect(error).toContain("[two/edge] ApiGateway.name: renders Gateway 'edge' in namespace 'edge', which [one/edge] of another ApiGateway also renders, so one would replace the other");
    expect(error).toContain("[two/edge/api] Route.name: renders HTTPRoute 'edge-api' in namespace 'edge', which [one/edge/api] of another ApiGateway also renders");
  });

  test('the check is computed once per change and follows constructs added later', () => {
    const app = Testing.app();
    const chart = new Chart(app, 'c', { namespace: 'edge' });
    const a = new ApiGateway(chart, 'a', { controller: Controller.ingressNginx() });
    const b = new ApiGateway(chart, 'b', { controller: Controller.ingressNginx() });
    api(a, 'v1', 'api-a');
    expect(synthError(app)).toBeUndefined();
    api(b, 'v1', 'api-b');
    expect(synthError(app)).toContain('[c/b/v1] Route.match');
  });
});

describe('whole-app TLS checks', () => {
  test('a host passed through by one gateway and terminated by another on the same class is refused', () => {
    const app = Testing.app();
    const chart = new Chart(app, 'c', { namespace: 'edge' });
    const a = new ApiGateway(chart, 'a', { controller: Controller.ingressNginx() });
    a.addTlsHost('pass', { hosts: ['db.example.com'], mode: TlsMode.passthrough(Backend.service('db', 5432)) });
    const b = new ApiGateway(chart, 'b', { controller: Controller.ingressNginx() });
    b.addRoute('web', { hosts: ['db.example.com'], backend: Backend.service('web', 80) });
    b.addTlsHost('tls', { hosts: ['db.example.com'], certificate: TlsCertificate.fromSecret('db-cert') });
    expect(synthError(app)).toMatch(/\[c\/b\/tls\] TlsHost.hosts: \[c\/b\/tls\] terminates TLS for 'db.example.com' but \[c\/a\/pass\] of another ApiGateway \[c\/a\] on the same .* passes TLS through for it/);
  });

  test('two certificates for one host on gateways of one class are refused; other classes are fine', () => {
    const build = (classB: string) => {
      const app = Testing.app();
      const chart = new Chart(app, 'c', { namespace: 'edge' });
      for (const [id, cls, secret] of [['a', 'nginx', 'one'], ['b', classB, 'two']]) {
        const gw = new ApiGateway(chart, id, { controller: Controller.ingressNginx({ ingressClassName: cls }) });
        gw.addRoute('web', { name: `${id}-web`, hosts: ['www.example.com'], match: { path: PathMatch.prefix(`/${id}`) }, backend: Backend.service('web', 80) });
        gw.addTlsHost('tls', { hosts: ['www.example.com'], certificate: TlsCertificate.fromSecret(secret) });
      }
      return synthError(app);
    };
    expect(build('nginx')).toMatch(/\[c\/b\/tls\] TlsHost.hosts: .* terminates TLS for 'www.example.com' but \[c\/a\/tls\] .* uses another certificate \(edge\/one\)/);
    expect(build('nginx-internal')).toBeUndefined();
  });
});
