import { Chart, Testing } from 'cdk8s';
import { original, planOf, sortedYaml } from './scenario-util';
import { ApiGateway } from '../../src';
import { ControllerName } from '../../src/capabilities/features';
import { routeTableOf, tableDiff } from '../../src/checks/route-table';
import { buildApp } from '../../src/import/build';
import { generateCode } from '../../src/import/codegen';
import { SCENARIOS } from '../scenarios';

/**
 * intent -> IR -> plan -> constructs again: for every scenario that synthesizes on the column, the
 * plan built directly against a fresh chart gives the same route table and the same YAML.
 */

const COLUMNS: ControllerName[] = ['ingress-nginx', 'envoy-gateway'];
/** Scenario x column pairs that synthesize (the others are refused on that column by design). */
const MAIN = COLUMNS.flatMap(c => Object.keys(SCENARIOS).map(s => [c, s] as const)).filter(([c, s]) => original(s, c) !== undefined);
/** Scenarios both columns refuse (both wildcard depths on one gateway): on Traefik, which renders them. */
const EXTRA = Object.keys(SCENARIOS).filter(s => !MAIN.some(([, m]) => m === s) && original(s, 'traefik') !== undefined).map(s => ['traefik' as ControllerName, s] as const);
const CASES = [...MAIN, ...EXTRA];

describe.each(CASES)('%s: scenario %s', (controller, name) => {
  test('the plan rebuilds the same routing and the same YAML', () => {
    const o = original(name, controller)!;
    const plan = planOf(o);
    const chart = new Chart(Testing.app(), 'imported');
    const built = buildApp(chart, plan, controller);
    expect(built.errors).toEqual([]);
    const rebuilt = chart.node.findAll().filter((c): c is ApiGateway => c instanceof ApiGateway);
    const diff = tableDiff(routeTableOf(o.gateways.map(g => g._gatewayIr())), routeTableOf(rebuilt.map(g => g._gatewayIr())));
    expect(diff).toEqual([]);
    expect(sortedYaml(Testing.synth(chart))).toEqual(sortedYaml(o.objects));
    // Deterministic code.
    expect(generateCode(planOf(o), { controller })).toEqual(generateCode(plan, { controller }));
  });
});

test('every scenario is re-rendered on at least one of the two columns (else on Traefik)', () => {
  const covered = new Set(CASES.map(([, s]) => s));
  expect(Object.keys(SCENARIOS).filter(s => !covered.has(s))).toEqual([]);
  expect(CASES.length).toBeGreaterThan(60);
});
