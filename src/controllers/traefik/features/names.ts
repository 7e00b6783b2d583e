import { GatewayIR } from '../../../ir/model';
import { RenderProblem } from '../../renderer';

/**
 * Object names this renderer derives (`<route>-<host>`, `<route>-01`, `<gateway>-default-backend`)
 * are not reserved by the gateway, which only claims each route's own name: a route named
 * `api-01` and the second Ingress of a route named `api` would be the same object, and one would
 * silently replace the other. Any name produced twice in a namespace is an error.
 */
export function nameCollisionProblems(
  ir: GatewayIR,
  namesOf: (route: GatewayIR['routes'][number]) => string[],
  defaultBackendName: string | undefined,
): RenderProblem[] {
  const owners = new Map<string, string>();
  const problems: RenderProblem[] = [];
  const claim = (namespace: string, name: string, source: string) => {
    const key = `${namespace}/${name}`;
    const owner = owners.get(key);
    if (owner === undefined) {
      owners.set(key, source);
      return;
    }
    problems.push({
      source,
      message: owner === source
        ? `Route.hosts: two of this route's hosts give the same object name '${name}' (hosts differing only in '.' and '-'); put one of them on another route`
        : `Route.name: this route renders an object named '${name}' in namespace '${namespace}', which [${owner}] also renders; give one of them another id or 'name'`,
    });
  };
  if (defaultBackendName !== undefined && ir.defaultBackendSource !== undefined) claim(ir.namespace, defaultBackendName, ir.defaultBackendSource);
  for (const route of ir.routes) {
    for (const name of namesOf(route)) claim(route.namespace, name, route.source);
  }
  return problems;
}
