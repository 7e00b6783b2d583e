import { App, Chart } from 'cdk8s';
import { primerScenario } from '../../../examples/primer/intent';
import { Backend, Controller, PathMatch, RateLimit } from '../../../src';

// An app for `cdk8s-gateway check`: the controller comes from EDGE_CONTROLLER.
const app = new App();
const chart = new Chart(app, 'primer', { namespace: 'shop' });
const edge = primerScenario(chart, Controller.fromName(process.env.EDGE_CONTROLLER ?? 'ingress-nginx', {
  gatewayApi: { gatewayClassName: 'example-gateway-class' },
}));
edge.addRoute('limited', {
  hosts: ['api.example.com'],
  match: { path: PathMatch.prefix('/limited') },
  backend: Backend.service('api-v1', 8080),
  rateLimit: RateLimit.perClientIp({ requests: 10 }),
});
app.synth();
