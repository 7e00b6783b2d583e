import { Chart, Testing, Yaml } from 'cdk8s';
import { ApiGateway } from '../../src';
import { ControllerName } from '../../src/capabilities/features';
import { issuersBySecret, readCertManager } from '../../src/cert-manager/reader';
import { routeTableOf, tableDiff } from '../../src/checks/route-table';
import { buildApp } from '../../src/import/build';
import { generateCode } from '../../src/import/codegen';
import { ImportPlan, planImport } from '../../src/import/plan';
import { SCENARIOS } from '../scenarios';
import { CONTROLLERS } from '../util';

/**
 * intent -> IR -> plan -> constructs again: for every scenario that synthesizes on the column, the
 * plan built directly against a fresh chart gives the same route table and the same YAML.
 */

export interface Original {
  readonly chart: Chart;
  readonly objects: any[];
  readonly gateways: ApiGateway[];
}

export function original(name: string, controller: ControllerName): Original | undefined {
  const chart = new Chart(Testing.app(), 'scenario', { namespace: 'edge' });
  SCENARIOS[name](chart, CONTROLLERS[controller]());
  let objects: any[];
  try {
    objects = Testing.synth(chart);
  } catch {
    return undefined; // refused on this column
  }
  const gateways = chart.node.findAll().filter((c): c is ApiGateway => c instanceof ApiGateway);
  return { chart, objects, gateways };
}

export function planOf(o: Original): ImportPlan {
  return planImport({
    gateways: o.gateways.map(g => g._gatewayIr()),
    certManager: readCertManager(o.objects),
    issuersBySecret: issuersBySecret(o.objects),
  });
}

/** Documents sorted by kind, namespace and name: object order is not meaning. */
export function sortedYaml(objects: readonly any[]): string {
  const k = (o: any) => `${o.kind}/${o.metadata?.namespace ?? ''}/${o.metadata?.name}`;
  return Yaml.stringify(...[...objects].sort((a, b) => (k(a) < k(b) ? -1 : k(a) > k(b) ? 1 : 0)));
}

const COLUMNS: ControllerName[] = ['ingress-nginx', 'envoy-gateway'];
const CASES = COLUMNS.flatMap(c => Object.keys(SCENARIOS).map(s => [c, s] as const));

describe.each(CASES)('%s: scenario %s', (controller, name) => {
  test('the plan rebuilds the same routing and the same YAML', () => {
    const o = original(name, controller);
    if (!o) {
      // Refused on this column: the plan of the same intent is refused too (built for the column).
      return;
    }
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

test('every scenario synthesizes on at least one of the two columns', () => {
  for (const name of Object.keys(SCENARIOS)) {
    expect(COLUMNS.some(c => original(name, c) !== undefined)).toBe(true);
  }
});
