// Type-checked by test/package.test.ts against the built typings (lib/*.d.ts) with skipLibCheck off:
// what an app on the newest cdk8s-plus line writes with the published package.
import { App, Chart } from 'cdk8s';
import * as kplus from 'cdk8s-plus-34';
import { ApiGateway, Backend, Controller, PathMatch, TlsCertificate } from '../../lib';

const app = new App();
const chart = new Chart(app, 'shop', { namespace: 'shop' });
const api = new kplus.Service(chart, 'api', { ports: [{ port: 8080 }] });
const edge = new ApiGateway(chart, 'edge', { controller: Controller.gatewayApi({ gatewayClassName: 'example' }) });
edge.addRoute('api', { hosts: ['api.example.com'], match: { path: PathMatch.prefix('/v1') }, backend: Backend.fromService(api) });
edge.addTlsHost('api-tls', { hosts: ['api.example.com'], certificate: TlsCertificate.fromSecret('api-tls-cert') });
app.synth();
