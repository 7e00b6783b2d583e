import { Controller, GatewayAssertions } from '../src';
import { primerChart as primerOn } from './report/primer';
import { CONTROLLER_NAMES } from '../src/capabilities/controllers';


// The README's test, written once: it passes unchanged on all 8 columns.
describe.each(CONTROLLER_NAMES.map(c => [c]))('primer on %s', controller => {
  const routes = GatewayAssertions.fromChart(primerOn(controller));

  test('routes, backends and TLS read back from the synthesized manifests', () => {
    routes.hasRoute({ host: 'api.example.com', path: '/v1/users', backend: 'api-v1:8080' });
    routes.hasRoute({ host: 'api.example.com', path: '/v2', method: 'GET', backend: 'shop/api-v2:8080' });
    routes.hasRoute({ host: 'web.example.com', path: '/', backend: 'web-frontend' });
    routes.hasTls('api.example.com', { secret: 'api-tls-cert' });
    expect(routes.routeFor('api.example.com', '/v2/orders')).toEqual({
      host: 'api.example.com', match: 'Prefix /v2', backends: ['shop/api-v2:8080'], policies: {}, traffic: [],
    });
  });

  test('failures name the nearest routes', () => {
    expect(() => routes.hasRoute({ host: 'api.example.com', path: '/v3' })).toThrow(
      'No route serves api.example.com/v3.\nNearest routes:\n  api.example.com Prefix /v1 -> shop/api-v1:8080\n  api.example.com Prefix /v2 -> shop/api-v2:8080\n  web.example.com Prefix / -> shop/web-frontend:80');
    expect(() => routes.hasRoute({ host: 'api.example.com', path: '/v1', backend: 'api-v2' })).toThrow(
      'The route serving api.example.com/v1 (Prefix /v1) sends to shop/api-v1:8080, not api-v2.');
    // (traefik-ingress cannot redirect per host: its TLS line has no 'HTTPS redirect')
    expect(() => routes.hasTls('web.example.com')).toThrow('No TLS for web.example.com. TLS hosts:\n  api.example.com: certificate shop/api-tls-cert');
    expect(() => routes.hasPolicy('api.example.com', '/v1', 'timeouts')).toThrow('The route serving api.example.com/v1 (Prefix /v1) has no timeouts policy; it has none.');
  });
});

test('the primer is read on every column (all 8 have a reader)', () => {
  expect(CONTROLLER_NAMES).toHaveLength(8);
});

test('bad inputs name the field', () => {
  const routes = GatewayAssertions.fromChart(primerOn('ingress-nginx'));
  expect(() => routes.hasRoute(null as any)).toThrow('GatewayAssertions.hasRoute: expected must be an object');
  expect(() => routes.hasRoute({ host: 'a', path: 3 } as any)).toThrow('GatewayAssertions.hasRoute: path must be a string');
  expect(() => routes.hasRoute({ host: 'api.example.com', path: '/v1', backend: 'a/b/c' })).toThrow("backend 'a/b/c' must be service, service:port or namespace/service:port");
  expect(() => GatewayAssertions.fromChart(undefined as any)).toThrow('GatewayAssertions.fromChart: chart must be a cdk8s Chart');
  expect(() => Controller.fromName('nginx')).toThrow("Controller.fromName: 'nginx' is not a controller: use one of ingress-nginx, traefik");
});
