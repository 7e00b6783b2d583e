import { Duration } from 'cdk8s';
import { ApiGateway, Backend, Controller, PathMatch, RateLimit, Timeouts, TraefikOutput } from '../src';
import { newChart, synthConformant, synthError } from './util';

type Make = (objectPerRoute?: boolean) => { chart: ReturnType<typeof newChart>; gw: ApiGateway };

function gateway(controller: () => Controller): Make {
  return objectPerRoute => {
    const chart = newChart();
    return { chart, gw: new ApiGateway(chart, 'edge', { controller: controller(), objectPerRoute }) };
  };
}

const nginx = gateway(() => Controller.ingressNginx());
const gatewayApi = gateway(() => Controller.gatewayApi({ gatewayClassName: 'example' }));
const envoy = gateway(() => Controller.envoyGateway());

const route = (gw: ApiGateway, id: string, host: string, path: string, extra: Record<string, unknown> = {}) =>
  gw.addRoute(id, { hosts: [host], match: { path: PathMatch.prefix(path) }, backend: Backend.service(`svc-${id}`, 8080), ...extra });

const ofKind = (objects: any[], kind: string) => objects.filter(o => o.kind === kind);

describe('output grouping (ingress-nginx)', () => {
  test('GIVEN routes of one host and settings WHEN synthesized THEN they share the Ingress of the first, each path to its backend', () => {
    const { chart, gw } = nginx();
    const a = route(gw, 'a', 'api.example.com', '/a');
    const b = route(gw, 'b', 'api.example.com', '/b');
    route(gw, 'c', 'www.example.com', '/c');
    const ingresses = ofKind(synthConformant(chart), 'Ingress');
    expect(ingresses.map(o => o.metadata.name)).toEqual(['edge-a', 'edge-c']);
    expect(ingresses[0].spec.rules).toEqual([{
      host: 'api.example.com',
      http: {
        paths: [
          { path: '/a', pathType: 'Prefix', backend: { service: { name: 'svc-a', port: { number: 8080 } } } },
          { path: '/b', pathType: 'Prefix', backend: { service: { name: 'svc-b', port: { number: 8080 } } } },
        ],
      },
    }]);
    expect(b.apiObjects).toEqual(a.apiObjects);
  });

  test('GIVEN routes whose annotations differ WHEN synthesized THEN each annotation set has its own Ingress', () => {
    const { chart, gw } = nginx();
    route(gw, 'a', 'api.example.com', '/a');
    route(gw, 'b', 'api.example.com', '/b', { timeouts: Timeouts.of({ read: Duration.seconds(5) }) });
    route(gw, 'c', 'api.example.com', '/c', { rawAnnotations: { 'example.com/owner': 'team-c' } });
    route(gw, 'd', 'api.example.com', '/d');
    const ingresses = ofKind(synthConformant(chart), 'Ingress');
    expect(ingresses.map(o => [o.metadata.name, o.spec.rules[0].http.paths.map((p: any) => p.path)])).toEqual([
      ['edge-a', ['/a', '/d']], ['edge-b', ['/b']], ['edge-c', ['/c']],
    ]);
    expect(ingresses[2].metadata.annotations).toEqual({ 'example.com/owner': 'team-c' });
  });

  test('GIVEN objectPerRoute WHEN synthesized THEN one Ingress per route', () => {
    const { chart, gw } = nginx(true);
    route(gw, 'a', 'api.example.com', '/a');
    route(gw, 'b', 'api.example.com', '/b');
    expect(ofKind(synthConformant(chart), 'Ingress').map(o => o.metadata.name)).toEqual(['edge-a', 'edge-b']);
  });

  test('GIVEN more paths than a shared Ingress holds WHEN synthesized THEN the next route opens another', () => {
    const { chart, gw } = nginx();
    for (let i = 0; i < 101; i++) route(gw, `r${i}`, 'api.example.com', `/p${i}`);
    const ingresses = ofKind(synthConformant(chart), 'Ingress');
    expect(ingresses.map(o => [o.metadata.name, o.spec.rules[0].http.paths.length])).toEqual([['edge-r0', 100], ['edge-r100', 1]]);
  });

  test('GIVEN a non-boolean objectPerRoute THEN the error names the prop', () => {
    expect(() => new ApiGateway(newChart(), 'edge', { controller: Controller.ingressNginx(), objectPerRoute: 'yes' as any }))
      .toThrow("[test/edge] ApiGateway.objectPerRoute: 'yes' must be true or false");
  });
});

describe('output grouping (Gateway API)', () => {
  test('GIVEN routes of one host WHEN synthesized THEN one HTTPRoute holds their rules in route-name order, 16 at most', () => {
    const { chart, gw } = gatewayApi();
    route(gw, 'b', 'api.example.com', '/b');
    route(gw, 'a', 'api.example.com', '/a');
    for (let i = 0; i < 15; i++) route(gw, `r${String(i).padStart(2, '0')}`, 'api.example.com', `/r${i}`);
    const routes = ofKind(synthConformant(chart), 'HTTPRoute');
    expect(routes.map(o => [o.metadata.name, o.spec.rules.length])).toEqual([['edge-b', 16], ['edge-r14', 1]]);
    expect(routes[0].spec.rules.slice(0, 2).map((r: any) => r.backendRefs[0].name)).toEqual(['svc-a', 'svc-b']);
  });

  test('GIVEN objectPerRoute WHEN synthesized THEN one HTTPRoute per route', () => {
    const { chart, gw } = gatewayApi(true);
    route(gw, 'a', 'api.example.com', '/a');
    route(gw, 'b', 'api.example.com', '/b');
    expect(ofKind(synthConformant(chart), 'HTTPRoute').map(o => o.metadata.name)).toEqual(['edge-a', 'edge-b']);
  });

  test('GIVEN an Envoy Gateway route with a policy object WHEN synthesized THEN its HTTPRoute, which the policy targets, is its own', () => {
    const { chart, gw } = envoy();
    route(gw, 'a', 'api.example.com', '/a');
    route(gw, 'b', 'api.example.com', '/b', { rateLimit: RateLimit.perClientIp({ requests: 10 }) });
    route(gw, 'c', 'api.example.com', '/c');
    const objects = synthConformant(chart);
    expect(ofKind(objects, 'HTTPRoute').map(o => [o.metadata.name, o.spec.rules.length])).toEqual([['edge-a', 2], ['edge-b', 1]]);
    expect(ofKind(objects, 'BackendTrafficPolicy').map(o => o.spec.targetRefs.map((t: any) => t.name))).toEqual([['edge-b']]);
  });

  test('GIVEN grouped routes WHEN validated THEN the shared object is not reported as rendered twice', () => {
    const { chart, gw } = gatewayApi();
    route(gw, 'a', 'api.example.com', '/a');
    route(gw, 'b', 'api.example.com', '/b');
    expect(synthError(chart)).toBeUndefined();
  });
});

describe('output grouping (Kong, Traefik)', () => {
  const kong = gateway(() => Controller.kong());
  const traefik = gateway(() => Controller.traefik());
  const traefikIngress = gateway(() => Controller.traefik({ output: TraefikOutput.INGRESS }));

  test('GIVEN Kong routes of one host, one with a plugin WHEN synthesized THEN the others share an Ingress', () => {
    const { chart, gw } = kong();
    route(gw, 'a', 'api.example.com', '/a');
    route(gw, 'b', 'api.example.com', '/b', { rateLimit: RateLimit.perClientIp({ requests: 10 }) });
    route(gw, 'c', 'api.example.com', '/c');
    const ingresses = ofKind(synthConformant(chart), 'Ingress');
    expect(ingresses.map(o => [o.metadata.name, o.spec.rules[0].http.paths.map((p: any) => p.backend.service.name)])).toEqual([
      ['edge-a', ['svc-a', 'svc-c']], ['edge-b', ['svc-b']],
    ]);
  });

  test('GIVEN Traefik routes of one host WHEN synthesized THEN one IngressRoute holds their routers, each with its priority', () => {
    const { chart, gw } = traefik();
    route(gw, 'a', 'api.example.com', '/a');
    route(gw, 'b', 'api.example.com', '/bb');
    const routes = ofKind(synthConformant(chart), 'IngressRoute');
    expect(routes.map(o => o.metadata.name)).toEqual(['edge-a']);
    expect(routes[0].spec.routes.map((r: any) => r.services[0].name)).toEqual(['svc-a', 'svc-b']);
    expect(new Set(routes[0].spec.routes.map((r: any) => r.priority)).size).toBe(2);
  });

  test('GIVEN Traefik Ingress routes of different priorities WHEN synthesized THEN only equal priorities share an Ingress', () => {
    const { chart, gw } = traefikIngress();
    route(gw, 'a', 'api.example.com', '/a');
    route(gw, 'b', 'api.example.com', '/bb');
    route(gw, 'c', 'api.example.com', '/c');
    const ingresses = ofKind(synthConformant(chart), 'Ingress');
    // Each prefix is two Traefik paths (the path itself, and below it).
    expect(ingresses.map(o => [o.metadata.name, o.spec.rules[0].http.paths.map((p: any) => p.backend.service.name)])).toEqual([
      ['edge-a', ['svc-a', 'svc-a', 'svc-c', 'svc-c']], ['edge-b', ['svc-b', 'svc-b']],
    ]);
  });
});
