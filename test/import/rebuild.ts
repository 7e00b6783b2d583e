import { ApiGateway } from '../../src';
import { ControllerName } from '../../src/capabilities/features';
import { routeTable, RouteTable } from '../../src/checks/route-table';
import { buildApp } from '../../src/import/build';
import { generateCode } from '../../src/import/codegen';
import { planImport } from '../../src/import/plan';
import { newChart } from '../util';

/**
 * A gateway through the importer: the TypeScript its plan prints, the errors of building the plan
 * again, and the route tables of the original and of the rebuilt gateway (equal when nothing is lost).
 */
export interface Rebuilt {
  readonly code: string;
  readonly errors: readonly string[];
  readonly before: RouteTable;
  readonly after: RouteTable | undefined;
}

export function rebuild(gw: ApiGateway, controller: ControllerName): Rebuilt {
  const plan = planImport({ gateways: [gw._gatewayIr()], issuersBySecret: new Map() });
  const code = generateCode(plan, { controller, importFrom: 'cdk8s-gateway' });
  const rebuilt = newChart();
  const built = buildApp(rebuilt, plan, controller);
  const again = rebuilt.node.findAll().find((c): c is ApiGateway => c instanceof ApiGateway);
  return { code, errors: built.errors, before: routeTable(gw._gatewayIr()), after: again && routeTable(again._gatewayIr()) };
}
