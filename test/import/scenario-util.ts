import { Chart, Testing, Yaml } from 'cdk8s';
import { ApiGateway } from '../../src';
import { ControllerName } from '../../src/capabilities/features';
import { issuersBySecret, readCertManager } from '../../src/cert-manager/reader';
import { ImportPlan, planImport } from '../../src/import/plan';
import { SCENARIOS } from '../scenarios';
import { CONTROLLERS } from '../util';

/** A scenario synthesized on a column: its chart, objects and gateways. */
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
