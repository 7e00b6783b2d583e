import { App, Chart } from 'cdk8s';
import { ApiGateway, Backend, CanaryTraffic, Controller, Route } from '../../src';
import { primerScenario } from '../primer/intent';

/**
 * The primer's Gateway API canary, written once as controller-neutral intent: on top of the
 * primer's routes, api.example.com /v1 sends `traffic` (90/10 by default) between the stable
 * api-v1 and the canary api-v2.
 */
export function canaryScenario(chart: Chart, controller: Controller, traffic: CanaryTraffic): ApiGateway {
  const edge = primerScenario(chart, controller);
  const apiV1 = edge.node.findChild('api-v1') as Route;

  edge.addCanary('api-v2-canary', {
    stable: apiV1,
    canary: Backend.service('api-v2', 8080),
    traffic,
  });
  return edge;
}

/**
 * Promotion from CI: the canary weight is a value the pipeline sets. cdk8s has no `--context`
 * flag, so a pipeline exports `CANARY_WEIGHT=25` before `cdk8s synth`; tests (or a wrapper
 * script) can set the app's context `canaryWeight` instead, which wins. `parseWeight` accepts a
 * whole percentage only; anything else fails the synth naming the CanarySplit.
 */
export function canaryWeight(app: App, fallback = '10'): CanaryTraffic {
  const fromContext: unknown = app.node.tryGetContext('canaryWeight');
  const text = fromContext !== undefined ? String(fromContext) : process.env.CANARY_WEIGHT ?? fallback;
  return CanaryTraffic.parseWeight(text);
}
