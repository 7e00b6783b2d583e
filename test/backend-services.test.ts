import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { ApiObject, App, Chart, Include, Testing } from 'cdk8s';
import * as kplus27 from 'cdk8s-plus-27';
import * as kplus34 from 'cdk8s-plus-34';
import { ApiGateway, Backend, CanaryTraffic, Warnings } from '../src';
import { CONTROLLERS, synthError } from './util';
import { ControllerName } from '../src/capabilities/features';

const ALL = Object.keys(CONTROLLERS) as ControllerName[];

function appOf(context: Record<string, unknown> = {}): App {
  const app = Testing.app();
  for (const [k, v] of Object.entries(context)) app.node.setContext(k, v);
  return app;
}

/** A raw Service in namespace 'shop' with ports 8080 ('http') and 9090, selecting app=api. */
function rawService(chart: Chart, selector: Record<string, string> | null = { app: 'api' }): ApiObject {
  return new ApiObject(chart, 'api-svc', {
    apiVersion: 'v1',
    kind: 'Service',
    metadata: { name: 'api', namespace: 'shop' },
    spec: { selector: selector ?? undefined, ports: [{ name: 'http', port: 8080, targetPort: 8080 }, { port: 9090 }] },
  });
}

function deployment(chart: Chart, labels: Record<string, string>, namespace = 'shop'): ApiObject {
  return new ApiObject(chart, `deploy-${Object.values(labels).join('-')}-${namespace}`, {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name: 'api', namespace },
    spec: { selector: { matchLabels: labels }, template: { metadata: { labels }, spec: { containers: [{ name: 'api', image: 'api:1' }] } } },
  });
}

const WRONG_PORT = (prop: string, servicePath: string, ports = "8080 ('http'), 9090") => `${prop}: Service 'shop/api' port 8081 does not exist: the Service [${servicePath}] this app defines has the ports ${ports}, `
  + 'so every request routed there would fail (502/503); use one of its ports, or add the port to the Service';
const NO_ENDPOINTS = (prop: string, servicePath: string, labels = 'app=api') => `${prop}: the Service [${servicePath}] ('shop/api') selects pods labelled ${labels}, but no workload of this app `
  + "(Deployment, StatefulSet, DaemonSet, ReplicaSet, Job, CronJob, Pod) in namespace 'shop' has those labels, so it may have no endpoints (502/503); "
  + 'fix the selector or the pod labels, or acknowledge this warning if the pods are deployed elsewhere';

describe('backends checked against the Services of the app', () => {
  test.each(ALL)('%s: a port the Service (another chart, raw ApiObject) does not have is refused', (c) => {
    const app = appOf();
    rawService(new Chart(app, 'workloads'));
    const gw = new ApiGateway(new Chart(app, 'edge', { namespace: 'shop' }), 'edge', { controller: CONTROLLERS[c]() });
    gw.addRoute('api', { hosts: ['api.shop.dev'], backend: Backend.service('api', 8081) });
    expect(synthError(app)).toContain(`[edge/edge/api] ${WRONG_PORT('Route.backends', 'workloads/api-svc')}`);
  });

  test.each(ALL)('%s: a port the Service has, with a workload its selector matches, is accepted without warnings', (c) => {
    const app = appOf();
    const workloads = new Chart(app, 'workloads');
    rawService(workloads);
    deployment(workloads, { app: 'api', tier: 'web' });
    const edge = new Chart(app, 'edge', { namespace: 'shop' });
    const gw = new ApiGateway(edge, 'edge', { controller: CONTROLLERS[c]() });
    gw.addRoute('api', { hosts: ['api.shop.dev'], backend: Backend.service('api', 9090) });
    expect(synthError(app)).toBeUndefined();
    expect(Warnings.of(app).all.filter(w => w.id === 'service-without-endpoints')).toEqual([]);
  });

  test.each(ALL)('%s: a Service whose selector matches no workload of the app warns on the route', (c) => {
    const app = appOf();
    const workloads = new Chart(app, 'workloads');
    rawService(workloads);
    deployment(workloads, { app: 'api' }, 'other'); // same labels, another namespace
    deployment(workloads, { app: 'web' });
    const gw = new ApiGateway(new Chart(app, 'edge', { namespace: 'shop' }), 'edge', { controller: CONTROLLERS[c]() });
    gw.addRoute('api', { hosts: ['api.shop.dev'], backend: Backend.service('api', 8080) });
    expect(Warnings.of(app).all.filter(w => w.id === 'service-without-endpoints')).toEqual([
      { id: 'service-without-endpoints', path: 'edge/edge/api', message: NO_ENDPOINTS('Route.backends', 'workloads/api-svc') },
    ]);
    expect(synthError(app)).toBeUndefined();
  });

  test.each(ALL)('%s: a Service absent from the app is allowed, and refused with strict backend checks', (c) => {
    for (const strict of [false, true]) {
      const app = appOf(strict ? { [ApiGateway.STRICT_BACKENDS_CONTEXT]: true } : {});
      const gw = new ApiGateway(new Chart(app, 'edge', { namespace: 'shop' }), 'edge', { controller: CONTROLLERS[c]() });
      gw.addRoute('api', { hosts: ['api.shop.dev'], backend: Backend.service('orders', 8080) });
      const error = synthError(app);
      if (!strict) {expect(error).toBeUndefined();} else {
        expect(error).toContain("[edge/edge/api] Route.backends: Service 'shop/orders' port 8080 is not defined in this app, and strict backend checks are on ('cdk8s-gateway:strict-backends'); "
          + "define the Service in the app (a cdk8s-plus Service, an ApiObject or Include'd YAML), or fix the name or namespace");
      }
    }
  });

  test('a Service of the same name in another namespace is not the backend\'s Service', () => {
    const app = appOf();
    rawService(new Chart(app, 'workloads'));
    const gw = new ApiGateway(new Chart(app, 'edge', { namespace: 'edge' }), 'edge', { controller: CONTROLLERS['gateway-api']() });
    gw.addRoute('api', { hosts: ['api.shop.dev'], backend: Backend.service('api', 8081) });
    expect(synthError(app)).toBeUndefined();
    gw.addRoute('shop', { hosts: ['shop.dev'], backend: Backend.service('api', 8081, { namespace: 'shop' }) });
    expect(synthError(app)).toContain(`[edge/edge/shop] ${WRONG_PORT('Route.backends', 'workloads/api-svc')}`);
  });

  test('a Service without selector (endpoints managed by hand) does not warn', () => {
    const app = appOf();
    rawService(new Chart(app, 'workloads'), null);
    const gw = new ApiGateway(new Chart(app, 'edge', { namespace: 'shop' }), 'edge', { controller: CONTROLLERS['ingress-nginx']() });
    gw.addRoute('api', { backend: Backend.service('api', 8080) });
    expect(Warnings.of(app).ids).toEqual([]);
  });

  test.each(ALL)('%s: cdk8s-plus-27 and cdk8s-plus-34 Services and Deployments', (c) => {
    for (const [line, kplus] of [['27', kplus27], ['34', kplus34]] as const) {
      const k = kplus as typeof kplus34;
      const app = appOf();
      const workloads = new Chart(app, 'workloads', { namespace: 'shop' });
      const deploy = new k.Deployment(workloads, 'api', { containers: [{ image: 'api:1', portNumber: 8080, securityContext: { ensureNonRoot: false } }] });
      deploy.exposeViaService({ name: 'api', ports: [{ port: 8080 }] });
      const orphan = new k.Service(workloads, 'orphan', { metadata: { name: 'orphan' }, ports: [{ port: 80 }] });
      orphan.selectLabel('app', 'gone');
      const gw = new ApiGateway(new Chart(app, 'edge', { namespace: 'shop' }), 'edge', { controller: CONTROLLERS[c]() });
      const route = gw.addRoute('api', { hosts: ['api.shop.dev'], backend: Backend.service('api', 8080) });
      gw.addRoute('orphan', { hosts: ['orphan.shop.dev'], backend: Backend.service('orphan', 80) });
      expect([line, Warnings.of(route).all]).toEqual([line, []]);
      expect([line, Warnings.of(app).all.filter(w => w.id === 'service-without-endpoints').map(w => [w.path, w.message])]).toEqual([line, [
        ['edge/edge/orphan', NO_ENDPOINTS('Route.backends', 'workloads/orphan/Resource', 'app=gone').replace(/'shop\/api'/, "'shop/orphan'")],
      ]]);
      expect([line, synthError(app)]).toEqual([line, undefined]);
      gw.addRoute('typo', { hosts: ['typo.shop.dev'], backend: Backend.service('api', 8081) });
      expect([line, synthError(app)]).toEqual([line, expect.stringContaining(`[edge/edge/typo] ${WRONG_PORT('Route.backends', 'workloads/api/apiService/Resource', '8080')}`)]);
    }
  });

  test.each(ALL)('%s: a Service pulled in with Include is checked, on canaries and the default backend too', (c) => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'backend-services-'));
    const file = path.join(dir, 'api.yaml');
    fs.writeFileSync(file, [
      'apiVersion: v1', 'kind: Service', 'metadata:', '  name: api', '  namespace: shop', 'spec:', '  selector:', '    app: api', '  ports:', '    - port: 8080', '---',
      'apiVersion: apps/v1', 'kind: StatefulSet', 'metadata:', '  name: api', '  namespace: shop', 'spec:', '  serviceName: api', '  selector:', '    matchLabels:', '      app: api',
      '  template:', '    metadata:', '      labels:', '        app: api', '    spec:', '      containers:', '        - name: api', '          image: api:1', '',
    ].join('\n'));
    const app = appOf();
    new Include(new Chart(app, 'workloads'), 'included', { url: file });
    const gw = new ApiGateway(new Chart(app, 'edge', { namespace: 'shop' }), 'edge', { controller: CONTROLLERS[c](), defaultBackend: Backend.service('api', 8081) });
    const stable = gw.addRoute('api', { hosts: ['api.shop.dev'], backend: Backend.service('api', 8080) });
    gw.addCanary('v2', { stable, canary: Backend.service('api', 8082), traffic: CanaryTraffic.weight(10) });
    const error = synthError(app) ?? '';
    fs.rmSync(dir, { recursive: true });
    expect(error).toContain(`[edge/edge] ${WRONG_PORT('ApiGateway.defaultBackend', 'workloads/included/api-service-shop', '8080')}`);
    expect(error).toContain(`[edge/edge/v2] ${WRONG_PORT('CanarySplit.canary', 'workloads/included/api-service-shop', '8080').replace('port 8081', 'port 8082')}`);
    expect(error).not.toContain('[edge/edge/api]');
    expect(Warnings.of(app).ids).not.toContain('service-without-endpoints');
  });
});
