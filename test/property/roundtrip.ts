import { ApiGateway } from '../../src';
import { ControllerName } from '../../src/capabilities/features';
import { RouteTable, routeTable, routeTableOf, tableDiff } from '../../src/checks/route-table';
import { readerFor } from '../../src/import/readers';

/** Round trips checked so far (per test file), for the test's own floor on the count. */
export const ROUND_TRIPS = { checked: 0 };

/**
 * The round-trip property (issue: import): reading back what a controller's renderer emitted gives
 * the route table of the intent (src/checks/route-table.ts), and our own output has no unmapped
 * item. Returns the problems (empty when the column has no reader yet).
 */
export function roundTripProblems(controller: ControllerName, gateway: ApiGateway, objects: readonly any[]): string[] {
  const reader = readerFor(controller);
  if (!reader) return [];
  ROUND_TRIPS.checked++;
  const read = reader.read(objects);
  const problems: string[] = [];
  const normalize = (t: RouteTable) => (reader.normalize ? reader.normalize(t) : t);
  const intent = gateway._gatewayIr();
  const diff = tableDiff(normalize(routeTable(reader.expressed ? reader.expressed(intent) : intent)), normalize(routeTableOf(read.gateways)));
  if (diff.length > 0) problems.push(`round trip: the read-back route table differs ('-' intent only, '+' read only):\n    ${diff.join('\n    ')}`);
  const unmapped = read.items.filter(i => i.reason !== undefined);
  if (unmapped.length > 0) problems.push(`round trip: our own output has unmapped items:\n    ${unmapped.map(i => `${i.object} ${i.field}: ${i.reason}`).join('\n    ')}`);
  return problems;
}
