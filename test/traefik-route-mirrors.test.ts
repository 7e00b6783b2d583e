import { roundTripProblems } from './property/roundtrip';
import { CONTROLLERS, newChart, synthConformant, synthError } from './util';
import { ApiGateway, Backend, BackendTls, HeaderRules, TrafficMirror } from '../src';
import { unsupportedMessage } from '../src/capabilities/check';

/*
 * Issue #12: Route.mirrors on Traefik's IngressRoute output, as a mirroring TraefikService
 * `<route>-mirrors` in front of the route's one backend, read back as the route's mirrors.
 */

function gateway() {
  const chart = newChart();
  return { chart, gw: new ApiGateway(chart, 'gw', { controller: CONTROLLERS.traefik() }) };
}

describe('Traefik route mirrors', () => {
  test('several mirrors with their percents; the routers reference the mirroring TraefikService; read back', () => {
    const { chart, gw } = gateway();
    gw.addRoute('r', {
      hosts: ['api.example.com'],
      backend: Backend.service('api', 8080, { headers: HeaderRules.of({ request: { set: { 'x-a': 'b' } } }) }),
      mirrors: [TrafficMirror.to(Backend.service('api-shadow', 8080), { percent: 10 }), TrafficMirror.to(Backend.service('recorder', 9000))],
    });
    const objects = synthConformant(chart);
    expect(objects.find(o => o.kind === 'IngressRoute').spec.routes[0].services).toEqual([{ name: 'gw-r-mirrors', kind: 'TraefikService' }]);
    expect(objects.find(o => o.kind === 'TraefikService' && o.metadata.name === 'gw-r-mirrors').spec).toEqual({
      mirroring: {
        name: 'api',
        port: 8080,
        middlewares: [{ name: 'gw-r-api-8080-headers' }],
        mirrors: [{ name: 'api-shadow', port: 8080, percent: 10 }, { name: 'recorder', port: 9000, percent: 100 }],
      },
    });
    expect(roundTripProblems('traefik', gw, objects)).toEqual([]);
  });

  test('one mirror, re-encrypted: the mirror keeps its scheme and ServersTransport; read back as the route\'s mirror', () => {
    const { chart, gw } = gateway();
    gw.addRoute('r', {
      backend: Backend.service('api', 8080),
      mirrors: [TrafficMirror.to(Backend.service('shadow', 8443, { tls: BackendTls.verify({ hostname: 'shadow.internal' }) }), { percent: 5 })],
    });
    const objects = synthConformant(chart);
    const mirror = objects.find(o => o.kind === 'TraefikService').spec.mirroring.mirrors[0];
    expect(mirror).toEqual({ name: 'shadow', port: 8443, percent: 5, scheme: 'https', serversTransport: expect.any(String) });
    expect(objects.some(o => o.kind === 'ServersTransport' && o.metadata.name === mirror.serversTransport)).toBe(true);
    expect(roundTripProblems('traefik', gw, objects)).toEqual([]);
  });

  test('a route with several backends and mirrors is refused with the standard message', () => {
    const { chart, gw } = gateway();
    gw.addRoute('r', { backends: [Backend.service('a', 80), Backend.service('b', 80)], mirrors: [TrafficMirror.to(Backend.service('m', 80))] });
    expect(synthError(chart)).toContain(`[test/gw/r] ${unsupportedMessage('traefik', 'routeMirror', 'mirrors',
      'a mirroring TraefikService is rendered in front of a route with one backend; split the route, or use a Gateway API controller')}`);
  });
});
