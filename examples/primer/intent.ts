import { Chart } from 'cdk8s';
import { ApiGateway, Backend, Controller, PathMatch, TlsCertificate } from '../../src';

/**
 * The primer's scenario, written once as controller-neutral intent:
 * api.example.com /v1 -> api-v1:8080 and /v2 -> api-v2:8080 (TLS from Secret api-tls-cert),
 * web.example.com / -> web-frontend:80.
 */
export function primerScenario(chart: Chart, controller: Controller): ApiGateway {
  const edge = new ApiGateway(chart, 'edge', { controller });

  edge.addRoute('api-v1', {
    hosts: ['api.example.com'],
    match: { path: PathMatch.prefix('/v1') },
    backend: Backend.service('api-v1', 8080),
  });
  edge.addRoute('api-v2', {
    hosts: ['api.example.com'],
    match: { path: PathMatch.prefix('/v2') },
    backend: Backend.service('api-v2', 8080),
  });
  edge.addRoute('web', {
    hosts: ['web.example.com'],
    backend: Backend.service('web-frontend', 80),
  });

  edge.addTlsHost('api-tls', {
    hosts: ['api.example.com'],
    certificate: TlsCertificate.fromSecret('api-tls-cert'),
  });
  return edge;
}
