import { ApiGateway, Backend, TlsCertificate, TlsMode } from '../../src';
import { ControllerName } from '../../src/capabilities/features';
import { routeTableOf } from '../../src/checks/route-table';
import { KubeObject } from '../../src/controllers/reader';
import { anyDepthHostOf } from '../../src/controllers/traefik/read/rule';
import { readerFor } from '../../src/import/readers';
import { CONTROLLERS, newChart, synthConformant } from '../util';

/**
 * Wildcard depth on import (issue #16 item 6): an Ingress's `*.x` is one label and stays `*.x`;
 * Gateway API's and Kong's `*.x` match any depth and read as `**.x`; Traefik's HostRegexp form of
 * `**.x` reads back as `**.x`. Certificate names (TlsHost) stay `*.x` everywhere.
 */

function renderAndRead(controller: ControllerName, routeHost: string) {
  const chart = newChart();
  const gw = new ApiGateway(chart, 'edge', { controller: CONTROLLERS[controller]() });
  gw.addRoute('apps', { hosts: [routeHost], backend: Backend.service('apps', 8080) });
  gw.addTlsHost('tls', { hosts: ['*.apps.example.com'], certificate: TlsCertificate.fromSecret('apps-cert') });
  const objects = synthConformant(chart);
  const read = readerFor(controller)!.read(objects);
  const table = routeTableOf(read.gateways);
  return { objects, table, unmapped: read.items.filter(i => i.reason !== undefined) };
}

describe('rendered wildcards read back with their depth', () => {
  test.each<[ControllerName, string]>([
    ['ingress-nginx', '*.apps.example.com'],
    ['traefik', '*.apps.example.com'],
    ['traefik-ingress', '*.apps.example.com'],
    ['traefik', '**.apps.example.com'],
    ['kong', '**.apps.example.com'],
    ['kong-gateway-api', '**.apps.example.com'],
    ['gateway-api', '**.apps.example.com'],
    ['envoy-gateway', '**.apps.example.com'],
    ['istio', '**.apps.example.com'],
  ])('%s: route host %s, certificate *.apps.example.com', (controller, host) => {
    const { table, unmapped } = renderAndRead(controller, host);
    expect(unmapped).toEqual([]);
    expect(table.routes.map(r => r.host)).toEqual([host]);
    expect(table.tls.map(t => t.host)).toEqual(['*.apps.example.com']);
  });

  test('Gateway API writes the any-depth host as its own suffix wildcard, and the listener keeps the certificate name', () => {
    const { objects } = renderAndRead('gateway-api', '**.apps.example.com');
    expect(objects.find(o => o.kind === 'HTTPRoute' && o.metadata.name === 'edge-apps').spec.hostnames).toEqual(['*.apps.example.com']);
    expect(objects.find(o => o.kind === 'Gateway').spec.listeners.map((l: any) => l.hostname)).toEqual([undefined, '*.apps.example.com']);
  });

  test('Kong writes the any-depth host as its suffix wildcard on the Ingress rule and its TLS entry', () => {
    const { objects } = renderAndRead('kong', '**.apps.example.com');
    const ingress = objects.find(o => o.kind === 'Ingress' && o.metadata.name === 'edge-apps');
    expect(ingress.spec.rules.map((r: any) => r.host)).toEqual(['*.apps.example.com']);
    expect(ingress.spec.tls).toEqual([{ hosts: ['*.apps.example.com'], secretName: 'apps-cert' }]);
  });

  test('Traefik writes the any-depth host as an anchored, case-insensitive HostRegexp', () => {
    const { objects } = renderAndRead('traefik', '**.apps.example.com');
    const route = objects.find(o => o.kind === 'IngressRoute' && o.metadata.name === 'edge-apps');
    expect(route.spec.routes[0].match).toBe('HostRegexp(`(?i)^.+\\.apps\\.example\\.com$`) && PathPrefix(`/`)');
    // Between routes without hosts (at most 7,024,756) and one-label wildcards (from 12,500,001).
    expect(route.spec.routes[0].priority).toBe(9_101_000);
  });

  test.each<ControllerName>(['traefik', 'gateway-api'])('%s: an any-depth passthrough host reads back as **.', controller => {
    const chart = newChart();
    const gw = new ApiGateway(chart, 'edge', { controller: CONTROLLERS[controller]() });
    gw.addTlsHost('pass', { hosts: ['**.pass.example.net'], mode: TlsMode.passthrough(Backend.service('tcp', 443)) });
    const read = readerFor(controller)!.read(synthConformant(chart));
    expect(read.gateways.flatMap(g => g.passthroughHosts.flatMap(p => p.hosts))).toEqual(['**.pass.example.net']);
  });
});

describe('hand-written objects', () => {
  const httpRoute = (hostnames: string[]): KubeObject => ({
    apiVersion: 'gateway.networking.k8s.io/v1',
    kind: 'HTTPRoute',
    metadata: { name: 'apps', namespace: 'edge' },
    spec: { parentRefs: [{ name: 'gw' }], hostnames, rules: [{ backendRefs: [{ name: 'apps', port: 80 }] }] },
  });

  test('a Gateway API *.x hostname is the intent\'s **.x; exact hostnames stay', () => {
    const read = readerFor('gateway-api')!.read([httpRoute(['*.apps.example.com', 'www.example.com'])]);
    expect(read.gateways.flatMap(g => g.routes.flatMap(r => r.hosts))).toEqual(['**.apps.example.com', 'www.example.com']);
  });

  test('an ingress-nginx *.x rule host stays one label', () => {
    const ingress: KubeObject = {
      apiVersion: 'networking.k8s.io/v1',
      kind: 'Ingress',
      metadata: { name: 'apps', namespace: 'edge' },
      spec: {
        ingressClassName: 'nginx',
        rules: [{ host: '*.apps.example.com', http: { paths: [{ path: '/', pathType: 'Prefix', backend: { service: { name: 'apps', port: { number: 80 } } } }] } }],
      },
    };
    const read = readerFor('ingress-nginx')!.read([ingress]);
    expect(read.gateways.flatMap(g => g.routes.flatMap(r => r.hosts))).toEqual(['*.apps.example.com']);
  });

  test('only the HostRegexp form the renderer writes is an any-depth host', () => {
    expect(anyDepthHostOf('(?i)^.+\\.apps\\.example\\.com$')).toBe('**.apps.example.com');
    expect(anyDepthHostOf('^.+\\.apps\\.example\\.com$')).toBeUndefined(); // case-sensitive
    expect(anyDepthHostOf('(?i)^[a-z]+\\.apps\\.example\\.com$')).toBeUndefined(); // one label, letters only
    expect(anyDepthHostOf('(?i)^.+\\.apps.example\\.com$')).toBeUndefined(); // an unescaped dot matches any character
    expect(anyDepthHostOf('(?i)^.+\\.com$')).toBeUndefined(); // one label below the wildcard: not a valid host
  });
});
