
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
    expect(ingresses.map(o => [o.metadata.name, o.spec.rules[0].http.paths.length])).toEqual([['edge-a', 2], ['edge-b', 1]]);
  });
});
