import { Chart, Testing } from 'cdk8s';
import { ApiGateway } from '../../src';
import { routeTableOf, tableDiff } from '../../src/checks/route-table';
import { buildApp } from '../../src/import/build';
import { planImport } from '../../src/import/plan';
import { BackendIR, CanaryIR, GatewayIR, MatchIR, RouteIR } from '../../src/ir/model';

/*
 * A route whose rewrite replaces the matched prefix, with several path matches (an Ingress with
 * several paths and Kong's strip-path, or a prefix-stripping annotation), is one route per path:
 * the library replaces the prefix of a route's one match.
 */

const SOURCE = 'Ingress default/echo';
const backend = (service: string): BackendIR => ({ service, namespace: 'default', port: 80, weight: 1 });
const prefix = (value: string): MatchIR => ({ path: { kind: 'Prefix', value }, headers: [], queryParams: [] });

function gateway(route: RouteIR, canaries: CanaryIR[] = []): GatewayIR {
  return {
    source: 'IngressClass kong',
    name: 'kong',
    namespace: 'default',
    routes: [route],
    tlsHosts: [],
    passthroughHosts: [],
    canaries,
    canariesByRoute: new Map(canaries.length ? [[route.source, canaries]] : []),
  };
}

const STRIPPING: RouteIR = {
  source: SOURCE,
  name: 'echo',
  namespace: 'default',
  hosts: ['echo.example.com'],
  matches: [prefix('/foo'), prefix('/bar')],
  backends: [backend('echo')],
  policies: { rewrite: { source: SOURCE, path: { kind: 'prefix', value: '/' } } },
};

function rebuild(gw: GatewayIR) {
  const plan = planImport({ gateways: [gw] });
  const chart = new Chart(Testing.app(), 'imported');
  const built = buildApp(chart, plan, 'envoy-gateway');
  const rebuilt = chart.node.findAll().filter((c): c is ApiGateway => c instanceof ApiGateway).map(g => g._gatewayIr());
  return { plan, errors: built.errors, rebuilt };
}

test('several prefix matches with a prefix rewrite: one route per match, each rewriting its own prefix', () => {
  const { plan, errors, rebuilt } = rebuild(gateway(STRIPPING));
  expect(errors).toEqual([]);
  expect(plan.statements.filter(s => s.method === 'addRoute').map(s => s.id)).toEqual(['echo-1', 'echo-2']);
  expect(rebuilt[0].routes.map(r => [r.matches.map(m => m.path.value), r.policies.rewrite?.path])).toEqual([
    [['/foo'], { kind: 'prefix', value: '/' }],
    [['/bar'], { kind: 'prefix', value: '/' }],
  ]);
  expect(tableDiff(routeTableOf([gateway(STRIPPING)]), routeTableOf(rebuilt))).toEqual([]);
});

test('a canary over one match of a split route is a canary of that match\'s route', () => {
  const canary: CanaryIR = {
    source: 'Ingress default/echo-canary',
    name: 'echo-canary',
    namespace: 'default',
    route: SOURCE,
    hosts: ['echo.example.com'],
    allHosts: true,
    matchIndexes: [1],
    stable: backend('echo'),
    canary: backend('echo-v2'),
    traffic: { kind: 'header', name: 'x-canary', value: 'always' },
  };
  const { plan, errors, rebuilt } = rebuild(gateway(STRIPPING, [canary]));
  expect(errors).toEqual([]);
  const canaries = plan.statements.filter(s => s.method === 'addCanary');
  expect(canaries.map(s => s.id)).toEqual(['echo-canary']);
  expect(JSON.stringify(canaries[0].props)).toContain('"echo2Route"');
  expect(tableDiff(routeTableOf([gateway(STRIPPING, [canary])]), routeTableOf(rebuilt))).toEqual([]);
});

test('one match, or no prefix rewrite: the route is kept whole', () => {
  const plain: RouteIR = { ...STRIPPING, policies: {} };
  expect(planImport({ gateways: [gateway(plain)] }).statements.filter(s => s.method === 'addRoute').map(s => s.id)).toEqual(['echo']);
  const full: RouteIR = { ...STRIPPING, policies: { rewrite: { source: SOURCE, path: { kind: 'full', value: '/x' } } } };
  expect(planImport({ gateways: [gateway(full)] }).statements.filter(s => s.method === 'addRoute').map(s => s.id)).toEqual(['echo']);
});
