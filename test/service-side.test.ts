import { Chart, Duration } from 'cdk8s';
import * as kplus27 from 'cdk8s-plus-27';
import * as kplus34 from 'cdk8s-plus-34';
import { ApiGateway, Backend, BackendProtocol, BackendTls, CaCertificates, Controller, KongMode, SessionAffinity, Timeouts, TraefikOutput, Warnings } from '../src';
import { newChart, synthConformant, synthError } from './util';
import { readerFor } from '../src/import/readers';

/** The Service objects of a synthesized chart, by name. */
function services(objects: any[]): Record<string, any> {
  return Object.fromEntries(objects.filter(o => o.kind === 'Service').map(o => [o.metadata.name, o]));
}

function plusService(chart: Chart, line: 27 | 34 = 27): kplus27.Service | kplus34.Service {
  const props = { metadata: { name: 'api' }, ports: [{ port: 8080, name: 'http' }, { port: 9090, name: 'grpc' }] };
  return line === 27 ? new kplus27.Service(chart, 'api-svc', props) : new kplus34.Service(chart, 'api-svc', props);
}

describe('Service-side settings written to a Service handed over with Backend.fromService', () => {
  test.each([27, 34] as const)('Kong Ingress: timeouts and the upstream protocol become konghq.com annotations (cdk8s-plus-%s)', line => {
    // GIVEN
    const chart = newChart();
    const svc = plusService(chart, line);
    const gw = new ApiGateway(chart, 'gw', { controller: Controller.kong() });
    // WHEN
    gw.addRoute('r', {
      backend: Backend.fromService(svc, { port: 8080 }),
      timeouts: Timeouts.of({ connect: Duration.seconds(5), read: Duration.seconds(120), send: Duration.millis(1500) }),
      backendProtocol: BackendProtocol.HTTPS,
    });
    // THEN
    const api = services(synthConformant(chart)).api;
    expect(api.metadata.annotations).toEqual({
      'konghq.com/connect-timeout': '5000',
      'konghq.com/read-timeout': '120000',
      'konghq.com/write-timeout': '1500',
      'konghq.com/protocol': 'https',
    });
    expect(gw.serviceSettings()).toEqual([{
      name: 'api',
      namespace: 'edge',
      annotations: { 'konghq.com/connect-timeout': '5000', 'konghq.com/protocol': 'https', 'konghq.com/read-timeout': '120000', 'konghq.com/write-timeout': '1500' },
    }]);
    expect(Warnings.of(chart).ids).not.toContain('service-settings');
  });

  test('Kong Gateway API mode writes the same annotations on the backendRef Service', () => {
    const chart = newChart();
    const svc = plusService(chart);
    new ApiGateway(chart, 'gw', { controller: Controller.kong({ mode: KongMode.GATEWAY_API }) })
      .addRoute('r', { backend: Backend.fromService(svc, { port: 8080 }), timeouts: Timeouts.of({ read: Duration.seconds(30) }) });
    expect(services(synthConformant(chart)).api.metadata.annotations).toEqual({ 'konghq.com/read-timeout': '30000' });
  });

  test('Gateway API: h2c and WebSocket set the backend port appProtocol, and only that port', () => {
    const chart = newChart();
    const svc = plusService(chart);
    const gw = new ApiGateway(chart, 'gw', { controller: Controller.gatewayApi({ gatewayClassName: 'example' }) });
    gw.addRoute('h2c', { backend: Backend.fromService(svc, { port: 9090 }), backendProtocol: BackendProtocol.H2C });
    const objects = synthConformant(chart);
    expect(services(objects).api.spec.ports).toEqual([
      expect.not.objectContaining({ appProtocol: expect.anything() }),
      expect.objectContaining({ port: 9090, appProtocol: 'kubernetes.io/h2c' }),
    ]);
    expect(services(objects).api.metadata.annotations).toBeUndefined();
    expect(gw.serviceSettings()).toEqual([{ name: 'api', namespace: 'edge', ports: [{ port: 9090, appProtocol: 'kubernetes.io/h2c' }] }]);

    const ws = newChart();
    const wsSvc = plusService(ws);
    new ApiGateway(ws, 'gw', { controller: Controller.gatewayApi({ gatewayClassName: 'example' }) })
      .addRoute('ws', { backend: Backend.fromService(wsSvc, { port: 8080 }), backendProtocol: BackendProtocol.WEBSOCKET });
    expect(services(synthConformant(ws)).api.spec.ports[0]).toEqual(expect.objectContaining({ port: 8080, appProtocol: 'kubernetes.io/ws' }));
  });

  test('Envoy Gateway upgrades WebSockets natively: no appProtocol', () => {
    const chart = newChart();
    const svc = plusService(chart);
    const gw = new ApiGateway(chart, 'gw', { controller: Controller.envoyGateway() });
    gw.addRoute('ws', { backend: Backend.fromService(svc, { port: 8080 }), backendProtocol: BackendProtocol.WEBSOCKET });
    expect(services(synthConformant(chart)).api.spec.ports[0].appProtocol).toBeUndefined();
    expect(gw.serviceSettings()).toEqual([]);
  });

  test('Traefik Ingress output: server scheme and sticky cookie on the Service', () => {
    const chart = newChart();
    const svc = plusService(chart);
    new ApiGateway(chart, 'gw', { controller: Controller.traefik({ output: TraefikOutput.INGRESS }) }).addRoute('r', {
      backend: Backend.fromService(svc, { port: 9090 }),
      backendProtocol: BackendProtocol.GRPC,
      sessionAffinity: SessionAffinity.cookie({ name: 'route', ttl: Duration.hours(1) }),
    });
    expect(services(synthConformant(chart)).api.metadata.annotations).toEqual({
      'traefik.ingress.kubernetes.io/service.serversscheme': 'h2c',
      'traefik.ingress.kubernetes.io/service.sticky.cookie': 'true',
      'traefik.ingress.kubernetes.io/service.sticky.cookie.httponly': 'true',
      'traefik.ingress.kubernetes.io/service.sticky.cookie.maxage': '3600',
      'traefik.ingress.kubernetes.io/service.sticky.cookie.name': 'route',
      'traefik.ingress.kubernetes.io/service.sticky.cookie.secure': 'true',
    });
  });
});

describe('Service-side settings for a Service described by name and ports', () => {
  test('Backend.fromServicePorts: listed by serviceSettings() with a service-settings warning, nothing written', () => {
    const chart = newChart();
    const gw = new ApiGateway(chart, 'gw', { controller: Controller.kong() });
    gw.addRoute('r', { backend: Backend.fromServicePorts('api', [{ port: 8080 }]), timeouts: Timeouts.of({ read: Duration.seconds(120) }) });
    synthConformant(chart);
    expect(gw.serviceSettings()).toEqual([{ name: 'api', namespace: 'edge', annotations: { 'konghq.com/read-timeout': '120000' } }]);
    expect(Warnings.of(chart).all.filter(w => w.id === 'service-settings')).toEqual([{
      id: 'service-settings',
      path: 'test/gw',
      message: "Service 'edge/api' (Backend.fromServicePorts) needs settings that controller 'kong' reads on the Service: annotation konghq.com/read-timeout: \"120000\"; "
        + 'apply ApiGateway.serviceSettings() to that Service (or pass the Service construct to Backend.fromService), then acknowledge this warning',
    }]);
  });

  test('no settings: no warning, an empty list', () => {
    const chart = newChart();
    const gw = new ApiGateway(chart, 'gw', { controller: Controller.kong() });
    gw.addRoute('r', { backend: Backend.fromServicePorts('api', [{ port: 8080 }]) });
    synthConformant(chart);
    expect(gw.serviceSettings()).toEqual([]);
    expect(Warnings.of(chart).ids.filter(id => id !== 'controller-default')).toEqual([]);
  });

  test('a controller without Service-side settings lists none', () => {
    const chart = newChart();
    const gw = new ApiGateway(chart, 'gw', { controller: Controller.ingressNginx() });
    gw.addRoute('r', { backend: Backend.fromServicePorts('api', [{ port: 8080 }]), timeouts: Timeouts.of({ read: Duration.seconds(120) }) });
    expect(gw.serviceSettings()).toEqual([]);
  });
});

describe('refusals and conflicts', () => {
  test('Backend.service names the Service only: the standard message names Backend.fromService', () => {
    const chart = newChart();
    new ApiGateway(chart, 'gw', { controller: Controller.kong() })
      .addRoute('r', { backend: Backend.service('api', 8080), timeouts: Timeouts.of({ read: Duration.seconds(120) }) });
    expect(synthError(chart)).toContain(
      "[test/gw/r] Read timeout (timeouts.read) is not supported by controller 'kong': Kong reads it from the konghq.com/read-timeout annotation on the Service, "
      + "and Backend.service('api', 8080) names the Service only; hand the Service over with Backend.fromService(service) "
      + '(or Backend.fromServicePorts(name, ports) and apply ApiGateway.serviceSettings() to it). Supported by: Controller.ingressNginx(), Controller.kong({ mode: KongMode.GATEWAY_API }).');
  });

  test('Gateway API h2c by name only: refused with the fix', () => {
    const chart = newChart();
    new ApiGateway(chart, 'gw', { controller: Controller.gatewayApi({ gatewayClassName: 'example' }) })
      .addRoute('r', { backend: Backend.service('api', 9090), backendProtocol: BackendProtocol.H2C });
    expect(synthError(chart)).toContain("h2c backend (backendProtocol) is not supported by controller 'gateway-api': Gateway API reads it from the appProtocol of the Service port, and Backend.service('api', 9090) names the Service only");
  });

  test('two routes asking different annotations of one Service fail, naming both', () => {
    const chart = newChart();
    const svc = plusService(chart);
    const gw = new ApiGateway(chart, 'gw', { controller: Controller.kong() });
    gw.addRoute('a', { hosts: ['a.example.com'], backend: Backend.fromService(svc, { port: 8080 }), timeouts: Timeouts.of({ read: Duration.seconds(120) }) });
    gw.addRoute('b', { hosts: ['b.example.com'], backend: Backend.fromService(svc, { port: 9090 }), timeouts: Timeouts.of({ read: Duration.seconds(30) }) });
    const error = synthError(chart);
    expect(error).toContain("[test/gw/a] Route.backends: Service 'edge/api' needs the annotations konghq.com/read-timeout: \"120000\" for this route and konghq.com/read-timeout: \"30000\" for [test/gw/b]; "
      + "controller 'kong' reads them on the Service, for every route to it: give both routes the same settings, or separate Services");
    expect(error).toContain('[test/gw/b] Route.backends: Service \'edge/api\' needs the annotations konghq.com/read-timeout: "30000" for this route');
  });

  test('a route without the setting on the same Service conflicts too (the annotation would change it)', () => {
    const chart = newChart();
    const gw = new ApiGateway(chart, 'gw', { controller: Controller.kong() });
    gw.addRoute('a', { hosts: ['a.example.com'], backend: Backend.fromServicePorts('api', [{ port: 8080 }]), timeouts: Timeouts.of({ read: Duration.seconds(120) }) });
    gw.addRoute('b', { hosts: ['b.example.com'], backend: Backend.service('api', 8080) });
    expect(synthError(chart)).toContain('for this route and none for [test/gw/b]');
  });

  test('two routes on one port asking different appProtocols fail; other ports are free', () => {
    const chart = newChart();
    const gw = new ApiGateway(chart, 'gw', { controller: Controller.gatewayApi({ gatewayClassName: 'example' }) });
    const ports = [{ port: 8080 }, { port: 9090 }];
    gw.addRoute('a', { hosts: ['a.example.com'], backend: Backend.fromServicePorts('api', ports, { port: 9090 }), backendProtocol: BackendProtocol.H2C });
    gw.addRoute('b', { hosts: ['b.example.com'], backend: Backend.fromServicePorts('api', ports, { port: 8080 }) });
    expect(synthError(chart)).toBeUndefined();
    gw.addRoute('c', { hosts: ['c.example.com'], backend: Backend.fromServicePorts('api', ports, { port: 9090 }), backendProtocol: BackendProtocol.WEBSOCKET });
    expect(synthError(chart)).toContain("Route.backends: Service 'edge/api' port 9090 needs appProtocol kubernetes.io/h2c for this route and kubernetes.io/ws for [test/gw/c]");
  });

  test('the same settings on two routes of one Service are fine', () => {
    const chart = newChart();
    const svc = plusService(chart);
    const gw = new ApiGateway(chart, 'gw', { controller: Controller.kong() });
    for (const id of ['a', 'b']) gw.addRoute(id, { hosts: [`${id}.example.com`], backend: Backend.fromService(svc, { port: 8080 }), timeouts: Timeouts.of({ read: Duration.seconds(120) }) });
    expect(services(synthConformant(chart)).api.metadata.annotations).toEqual({ 'konghq.com/read-timeout': '120000' });
  });
});

describe('readers read the Service-side settings back from the Services among the manifests', () => {
  test.each([
    ['gateway-api', Controller.gatewayApi({ gatewayClassName: 'example' }), { backendProtocol: BackendProtocol.H2C }, 9090],
    ['kong', Controller.kong(), { timeouts: Timeouts.of({ read: Duration.seconds(120) }), backendProtocol: BackendProtocol.HTTPS }, 8080],
  ] as const)('%s: render -> read gives the same policies, the backend held as a handed-over Service', (column, controller, policies, port) => {
    const chart = newChart();
    const svc = plusService(chart);
    new ApiGateway(chart, 'gw', { controller }).addRoute('r', { hosts: ['a.example.com'], backend: Backend.fromService(svc, { port }), ...policies });
    const objects = synthConformant(chart);
    const read = readerFor(column)!.read(objects);
    const routes = read.gateways.flatMap(g => g.routes);
    expect(routes.map(r => r.backends)).toEqual([[{ service: 'api', namespace: 'edge', port, weight: 1, serviceKnown: true }]]);
    const expected = column === 'kong'
      ? { backendProtocol: { protocol: 'HTTPS' }, timeouts: { readMs: 120000 } }
      : { backendProtocol: { protocol: 'H2C' } };
    const strip = (p: any) => JSON.parse(JSON.stringify(p, (k, v) => (k === 'source' ? undefined : v)));
    expect(strip(routes[0].policies)).toEqual(expected);
    // Without the Service among the manifests, nothing is read from it.
    const alone = readerFor(column)!.read(objects.filter(o => o.kind !== 'Service'));
    expect(alone.gateways.flatMap(g => g.routes)[0].policies.backendProtocol).toBeUndefined();
  });
});

// Issue #12 (trsvc): the Traefik Ingress output's connect timeout, a ServersTransport the Service names.
describe('Traefik Ingress output: the connect timeout through service.serverstransport', () => {
  const traefikIngress = () => Controller.traefik({ output: TraefikOutput.INGRESS });

  test('the route renders its ServersTransport, the handed-over Service names it, and it reads back', () => {
    const chart = newChart();
    const svc = plusService(chart);
    new ApiGateway(chart, 'gw', { controller: traefikIngress() })
      .addRoute('r', { hosts: ['a.example.com'], backend: Backend.fromService(svc, { port: 8080 }), timeouts: Timeouts.of({ connect: Duration.seconds(5) }) });
    const objects = synthConformant(chart);
    expect(services(objects).api.metadata.annotations).toEqual({ 'traefik.ingress.kubernetes.io/service.serverstransport': 'edge-gw-r-transport@kubernetescrd' });
    const transport = objects.find(o => o.kind === 'ServersTransport');
    expect(transport.metadata).toEqual({ name: 'gw-r-transport', namespace: 'edge' });
    expect(transport.spec).toEqual({ forwardingTimeouts: { dialTimeout: '5s' } });
    const read = readerFor('traefik-ingress')!.read(objects);
    const routes = read.gateways.flatMap(g => g.routes);
    expect(routes.map(r => r.backends)).toEqual([[{ service: 'api', namespace: 'edge', port: 8080, weight: 1, serviceKnown: true }]]);
    expect(routes[0].policies.timeouts?.connectMs).toBe(5000);
    expect(read.items.filter(i => i.reason)).toEqual([]);
    // Without the Service among the manifests, the ServersTransport has no effect.
    const alone = readerFor('traefik-ingress')!.read(objects.filter(o => o.kind !== 'Service'));
    expect(alone.gateways.flatMap(g => g.routes)[0].policies.timeouts).toBeUndefined();
  });

  test('Backend.service names the Service only: refused, naming Backend.fromService', () => {
    const chart = newChart();
    new ApiGateway(chart, 'gw', { controller: traefikIngress() })
      .addRoute('r', { backend: Backend.service('api', 8080), timeouts: Timeouts.of({ connect: Duration.seconds(5) }) });
    expect(synthError(chart)).toContain(
      "[test/gw/r] Connect timeout (timeouts.connect) is not supported by controller 'traefik-ingress': the Traefik Ingress provider reads it from the "
      + "traefik.ingress.kubernetes.io/service.serverstransport annotation on the Service (a ServersTransport), and Backend.service('api', 8080) names the Service only; "
      + 'hand the Service over with Backend.fromService(service)');
  });

  test('one Service names one ServersTransport: two routes with connect timeouts to it are refused', () => {
    const chart = newChart();
    const svc = plusService(chart);
    const gw = new ApiGateway(chart, 'gw', { controller: traefikIngress() });
    gw.addRoute('a', { hosts: ['a.example.com'], backend: Backend.fromService(svc, { port: 8080 }), timeouts: Timeouts.of({ connect: Duration.seconds(5) }) });
    gw.addRoute('b', { hosts: ['b.example.com'], backend: Backend.fromService(svc, { port: 9090 }), timeouts: Timeouts.of({ connect: Duration.seconds(2) }) });
    expect(synthError(chart)).toContain("[test/gw/a] Route.backends: Service 'edge/api' needs the annotations "
      + 'traefik.ingress.kubernetes.io/service.serverstransport: "edge-gw-a-transport@kubernetescrd" for this route and '
      + 'traefik.ingress.kubernetes.io/service.serverstransport: "edge-gw-b-transport@kubernetescrd" for [test/gw/b]');
  });
});

// Issue #12 (trsvc): backend TLS on the Traefik Ingress output, the same ServersTransport.
describe('Traefik Ingress output: backend TLS through service.serverstransport', () => {
  const traefikIngress = () => Controller.traefik({ output: TraefikOutput.INGRESS });

  test('CA, server name and client certificate in the route\'s ServersTransport with the connect timeout; https on the Service; read back', () => {
    const chart = newChart();
    const svc = plusService(chart);
    const tls = BackendTls.verify({ hostname: 'api.internal', ca: CaCertificates.fromSecret('api-ca'), clientCertificateSecret: 'gw-client' });
    new ApiGateway(chart, 'gw', { controller: traefikIngress() })
      .addRoute('r', { hosts: ['a.example.com'], backend: Backend.fromService(svc, { port: 8080, tls }), timeouts: Timeouts.of({ connect: Duration.seconds(3) }) });
    const objects = synthConformant(chart);
    expect(services(objects).api.metadata.annotations).toEqual({
      'traefik.ingress.kubernetes.io/service.serversscheme': 'https',
      'traefik.ingress.kubernetes.io/service.serverstransport': 'edge-gw-r-transport@kubernetescrd',
    });
    expect(objects.find(o => o.kind === 'ServersTransport').spec).toEqual({
      serverName: 'api.internal',
      rootCAs: [{ secret: 'api-ca' }],
      certificatesSecrets: ['gw-client'],
      forwardingTimeouts: { dialTimeout: '3s' },
    });
    const read = readerFor('traefik-ingress')!.read(objects);
    const route = read.gateways.flatMap(g => g.routes)[0];
    const tlsRead = { hostname: 'api.internal', ca: { kind: 'Secret', name: 'api-ca' }, clientCertificateSecret: 'gw-client' };
    expect(route.backends).toEqual([{ service: 'api', namespace: 'edge', port: 8080, weight: 1, serviceKnown: true, tls: tlsRead }]);
    expect(route.policies.timeouts?.connectMs).toBe(3000);
  });

  test('Backend.service names the Service only: refused, naming Backend.fromService', () => {
    const chart = newChart();
    new ApiGateway(chart, 'gw', { controller: traefikIngress() })
      .addRoute('r', { backend: Backend.service('api', 8443, { tls: BackendTls.verify({ hostname: 'api.internal' }) }) });
    const error = synthError(chart);
    expect(error).toContain("[test/gw/r] Re-encryption to HTTPS backends (backend.tls) is not supported by controller 'traefik-ingress': the Traefik Ingress provider reads it from the "
      + "traefik.ingress.kubernetes.io/service.serverstransport annotation on the Service (a ServersTransport), and Backend.service('api', 8443) names the Service only");
    expect(error).toContain("Backend certificate checked against system CAs (backend.tls) is not supported by controller 'traefik-ingress'");
  });

  test('the default backend takes no Service-side settings: its TLS is refused', () => {
    const chart = newChart();
    new ApiGateway(chart, 'gw', { controller: traefikIngress(), defaultBackend: Backend.service('fallback', 8443, { tls: BackendTls.verify({ hostname: 'f.internal' }) }) });
    expect(synthError(chart)).toContain("Re-encryption to HTTPS backends (defaultBackend.tls) is not supported by controller 'traefik-ingress': the Traefik Ingress provider reads backend TLS from a ServersTransport");
  });
});
