import { routeTable } from '../../src/checks/route-table';
import { BackendIR, CanaryIR, GatewayIR, RouteIR, TlsHostIR } from '../../src/ir/model';

const backend = (service: string): BackendIR => ({ service, namespace: 'ns', port: 80, weight: 1 });
const route = (policies: RouteIR['policies'] = {}): RouteIR => ({
  source: 'r',
  name: 'r',
  namespace: 'ns',
  hosts: ['a.example.com'],
  matches: [{ path: { kind: 'Prefix', value: '/' }, headers: [], queryParams: [] }],
  backends: [backend('stable')],
  policies,
});
const gateway = (routes: RouteIR[], canaries: CanaryIR[] = [], tlsHosts: TlsHostIR[] = []): GatewayIR => ({
  source: 'g', name: 'g', namespace: 'ns', routes, tlsHosts, passthroughHosts: [], canaries, canariesByRoute: new Map(),
});
const canary = (mirror?: CanaryIR['mirror']): CanaryIR => ({
  source: 'c',
  name: 'c',
  namespace: 'ns',
  route: 'r',
  hosts: ['a.example.com'],
  allHosts: true,
  matchIndexes: [0],
  stable: backend('stable'),
  canary: backend('canary'),
  traffic: { kind: 'header', name: 'x-canary', value: 'on' },
  mirror,
});
const tls = (host: string): TlsHostIR => ({
  mode: 'Terminate', source: host, name: host, hosts: [host], secretName: 's', secretNamespace: 'ns', managedCertificate: false, httpsRedirect: true,
});

describe('route table normal form', () => {
  test('a header canary without mirror is the more specific route to the canary, with the stable route\'s policies', () => {
    const t = routeTable(gateway([route({ bodySize: { source: 'r', maxBytes: 10 } })], [canary()]));
    expect(t.routes.map(e => [e.match.headers, e.backends[0].service, e.policies, e.canary])).toEqual([
      [[{ name: 'x-canary', kind: 'Exact', value: 'on' }], 'canary', { bodySize: { maxBytes: 10 } }, undefined],
      [[], 'stable', { bodySize: { maxBytes: 10 } }, undefined],
    ]);
  });

  test('a mirrored header canary stays a canary', () => {
    const t = routeTable(gateway([route()], [canary({ backend: backend('shadow'), percent: 5 })]));
    expect(t.routes).toHaveLength(1);
    expect(t.routes[0].canary?.traffic).toEqual({ kind: 'header', name: 'x-canary', value: 'on' });
  });

  test('a TLS entry covered by the same wildcard entry is dropped; one with other settings stays', () => {
    expect(routeTable(gateway([], [], [tls('*.example.com'), tls('a.example.com'), tls('a.b.example.com')])).tls.map(t => t.host))
      .toEqual(['*.example.com', 'a.b.example.com']);
    expect(routeTable(gateway([], [], [tls('*.example.com'), { ...tls('a.example.com'), secretName: 'other' }])).tls.map(t => t.host))
      .toEqual(['*.example.com', 'a.example.com']);
  });

  test('retry codes a condition covers, and gateway-error next to 5xx, are dropped', () => {
    const t = routeTable(gateway([route({ retries: { source: 'r', attempts: 2, statusCodes: [429, 503], conditions: ['5xx', 'gateway-error'] } })]));
    expect(t.routes[0].policies.retries).toEqual({ attempts: 2, statusCodes: [429], conditions: ['5xx'] });
  });
});
