import { ApiObject, Chart, JsonPatch, Testing } from 'cdk8s';
import { ApiGateway, Backend, Controller, PathMatch, TlsCertificate, TraefikOutput } from '../src';
import { newChart, synthConformant } from './util';

describe('escape hatches', () => {
  test('a route exposes its objects; the primary one is its Resource child', () => {
    const chart = newChart();
    const gw = new ApiGateway(chart, 'edge', { controller: Controller.ingressNginx() });
    const route = gw.addRoute('api', { hosts: ['api.example.com'], backend: Backend.service('api', 8080) });
    expect(route.apiObjects).toHaveLength(1);
    expect(ApiObject.of(route)).toBe(route.apiObjects[0]);
  });

  test('addJsonPatch on a rendered object survives synth, applied after rendering', () => {
    const chart = newChart();
    const gw = new ApiGateway(chart, 'edge', { controller: Controller.envoyGateway() });
    const route = gw.addRoute('api', { hosts: ['api.example.com'], backend: Backend.service('api', 8080) });
    route.apiObjects[0].addJsonPatch(JsonPatch.add('/spec/rules/0/backendRefs/0/weight', 5));
    gw.apiObjects[0].addJsonPatch(JsonPatch.add('/metadata/labels', { team: 'edge' }));
    const [gateway, httpRoute] = synthConformant(chart);
    expect(httpRoute.spec.rules[0].backendRefs[0]).toEqual({ name: 'api', port: 8080, weight: 5 });
    expect(gateway.metadata.labels).toEqual({ team: 'edge' });
  });

  test('annotations set by the user win over rendered ones, and rendered ones follow later constructs', () => {
    const chart = newChart();
    const gw = new ApiGateway(chart, 'edge', { controller: Controller.traefik({ output: TraefikOutput.INGRESS }) });
    const route = gw.addRoute('api', { hosts: ['api.example.com'], match: { path: PathMatch.exact('/x') }, backend: Backend.service('api', 8080) });
    route.apiObjects[0].metadata.addAnnotation('traefik.ingress.kubernetes.io/router.priority', '7');
    const before = Testing.synth(chart)[0];
    expect(before.metadata.annotations['traefik.ingress.kubernetes.io/router.priority']).toBe('7');
    expect(before.metadata.annotations['traefik.ingress.kubernetes.io/router.tls']).toBeUndefined();
    // A TlsHost declared after the route still reaches the route's object.
    gw.addTlsHost('tls', { hosts: ['api.example.com'], certificate: TlsCertificate.fromSecret('api-cert') });
    const after = synthConformant(chart)[0];
    expect(after.metadata.annotations['traefik.ingress.kubernetes.io/router.tls']).toBe('true');
    expect(after.spec.tls).toEqual([{ hosts: ['api.example.com'], secretName: 'api-cert' }]);
  });
});

describe('determinism', () => {
  test('the same program synthesizes byte-identical YAML', () => {
    const build = () => {
      const app = Testing.app();
      const chart = new Chart(app, 'c', { namespace: 'edge' });
      const gw = new ApiGateway(chart, 'edge', { controller: Controller.istio() });
      for (const host of ['b.example.com', 'a.example.com']) {
        gw.addRoute(host.split('.')[0], { hosts: [host], match: { path: PathMatch.prefix('/x') }, backend: Backend.service('svc', 80, { namespace: 'shared' }) });
      }
      gw.addTlsHost('tls', { hosts: ['b.example.com', 'a.example.com'], certificate: TlsCertificate.fromSecret('cert', { namespace: 'certs' }) });
      return app.synthYaml();
    };
    expect(build()).toBe(build());
  });
});
