import { CONTROLLERS, newChart, synthConformant } from './util';
import { primerScenario } from '../examples/primer/intent';
import { CONTROLLER_NAMES } from '../src/capabilities/features';

describe("the primer's scenario (examples/primer) renders conformant YAML on every controller", () => {
  test.each(CONTROLLER_NAMES)('%s', (controller) => {
    const chart = newChart('shop');
    primerScenario(chart, CONTROLLERS[controller]());
    const objects = synthConformant(chart);
    const text = JSON.stringify(objects);
    for (const expected of ['api.example.com', 'web.example.com', 'api-v1', 'api-v2', 'web-frontend', 'api-tls-cert']) {
      expect(text).toContain(expected);
    }
  });
});
