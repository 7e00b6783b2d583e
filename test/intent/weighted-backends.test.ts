import { ApiGateway, Backend, BackendTls, Controller, KongMode } from '../../src';
import { unsupportedMessage } from '../../src/capabilities/check';
import { ControllerName } from '../../src/capabilities/features';
import { routeTable, routeTableOf, tableDiff } from '../../src/checks/route-table';
import { readerFor } from '../../src/import/readers';
import { CONTROLLERS, newChart, synthConformant, synthError } from '../util';

/*
 * Weighted backends (`Backend.service(..., { weight })`): rendered where a controller splits one
 * route's traffic by weight, read back to the same weights, refused where it cannot.
 */

const weighted = (...weights: number[]) => weights.map((weight, i) => Backend.service(`v${i + 1}`, 8080, { weight }));

function render(controller: ControllerName, backends: Backend[]) {
  const chart = newChart();
  const gw = new ApiGateway(chart, 'gw', { controller: CONTROLLERS[controller]() });
  gw.addRoute('r', { hosts: ['a.example.com'], backends });
  return { chart, gw };
}

describe.each<ControllerName>(['ingress-nginx', 'traefik', 'kong-gateway-api', 'gateway-api', 'envoy-gateway', 'istio'])('%s', controller => {
  test('two weighted backends are read back with their weights (the route table is the intent\'s)', () => {
    const { chart, gw } = render(controller, weighted(3, 1));
    const objects = synthConformant(chart);
    const read = readerFor(controller)!.read(objects);
    expect(tableDiff(routeTable(gw._gatewayIr()), routeTableOf(read.gateways))).toEqual([]);
    expect(read.items.filter(i => i.reason !== undefined)).toEqual([]);
    expect(routeTableOf(read.gateways).routes[0].backends.map(b => `${b.service}=${b.weight}`)).toEqual(['v1=3', 'v2=1']);
  });

  test('a weight of 0 is kept: that backend receives nothing', () => {
    const { chart, gw } = render(controller, weighted(0, 5));
    const read = readerFor(controller)!.read(synthConformant(chart));
    expect(tableDiff(routeTable(gw._gatewayIr()), routeTableOf(read.gateways))).toEqual([]);
    expect(routeTableOf(read.gateways).routes[0].backends.map(b => `${b.service}=${b.weight}`)).toEqual(['v1=0', 'v2=1']);
  });
});

describe.each<ControllerName>(['traefik', 'kong-gateway-api', 'gateway-api', 'envoy-gateway', 'istio'])('%s: three backends', controller => {
  test('are rendered and read back with their weights', () => {
    const { chart, gw } = render(controller, weighted(70, 30, 0));
    const read = readerFor(controller)!.read(synthConformant(chart));
    expect(tableDiff(routeTable(gw._gatewayIr()), routeTableOf(read.gateways))).toEqual([]);
  });
});

test('Gateway API writes backendRefs weights only when they differ', () => {
  const weights = (backends: Backend[]) => {
    const { chart } = render('gateway-api', backends);
    const route = synthConformant(chart).find(o => o.kind === 'HTTPRoute');
    return route.spec.rules[0].backendRefs.map((r: { weight?: number }) => r.weight);
  };
  expect(weights(weighted(7, 7))).toEqual([undefined, undefined]);
  expect(weights([Backend.service('a', 80), Backend.service('b', 80)])).toEqual([undefined, undefined]);
  expect(weights(weighted(7, 0, 3))).toEqual([7, 0, 3]);
});

test('ingress-nginx: the second backend is a canary Ingress with the weights', () => {
  const { chart } = render('ingress-nginx', weighted(9, 1));
  const split = synthConformant(chart).find(o => o.metadata.name === 'gw-r-split');
  expect(split.metadata.annotations).toEqual({
    'nginx.ingress.kubernetes.io/canary': 'true',
    'nginx.ingress.kubernetes.io/canary-weight': '1',
    'nginx.ingress.kubernetes.io/canary-weight-total': '10',
  });
  expect(split.spec.rules[0].http.paths[0].backend.service.name).toBe('v2');
});

test('ingress-nginx refuses three backends and two backends of different tls, with the standard message', () => {
  const three = render('ingress-nginx', weighted(1, 2, 3)).chart;
  expect(synthError(three)).toContain(`[test/gw/r] ${unsupportedMessage('ingress-nginx', 'weightedBackends', 'backends',
    'ingress-nginx splits a path between two Services only (the stable Ingress and one canary Ingress); 3 backends given')}`);
  const equalThree = render('ingress-nginx', [Backend.service('a', 80), Backend.service('b', 80), Backend.service('c', 80)]).chart;
  expect(synthError(equalThree)).toContain(unsupportedMessage('ingress-nginx', 'multipleBackends', 'backends',
    'ingress-nginx splits a path between two Services only (the stable Ingress and one canary Ingress); 3 backends given'));
  const tls = render('ingress-nginx', [
    Backend.service('a', 8443, { tls: BackendTls.verify({ hostname: 'a.internal' }) }),
    Backend.service('b', 8080),
  ]).chart;
  expect(synthError(tls)).toContain(unsupportedMessage('ingress-nginx', 'backendTls', 'backends',
    "the second backend is a canary Ingress, which takes the first Ingress's backend-protocol and proxy-ssl-* settings, so both backends must have the same tls"));
});

test('Kong Gateway API refuses weights above its target weight bound (65535), unless they are all equal', () => {
  const kong = () => Controller.kong({ mode: KongMode.GATEWAY_API });
  const chart = newChart();
  new ApiGateway(chart, 'gw', { controller: kong() }).addRoute('r', { backends: weighted(70_000, 1) });
  expect(synthError(chart)).toContain(`[test/gw/r] ${unsupportedMessage('kong-gateway-api', 'weightedBackends', 'backends',
    'Kong upstream target weights are at most 65535 (70000 / 1 given); scale the weights down')}`);
  const equal = newChart();
  new ApiGateway(equal, 'gw', { controller: kong() }).addRoute('r', { backends: weighted(70_000, 70_000) });
  expect(synthError(equal)).toBeUndefined();
});

test('Traefik Ingress output and Kong Ingress refuse weighted backends', () => {
  for (const controller of ['traefik-ingress', 'kong'] as const) {
    const { chart } = render(controller, weighted(3, 1));
    expect(synthError(chart)).toContain(`[test/gw/r] ${unsupportedMessage(controller, 'weightedBackends')}`);
  }
});

test('a CanarySplit needs a stable route with one backend: weighted backends are the other way to split', () => {
  const chart = newChart();
  const gw = new ApiGateway(chart, 'gw', { controller: Controller.istio() });
  const r = gw.addRoute('r', { backends: weighted(3, 1) });
  expect(() => gw.addCanary('c', { stable: r, canary: Backend.service('v3', 8080), traffic: { } as never })).toThrow(/has 2 backends/);
});
