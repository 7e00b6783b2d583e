import { predictedErrors } from './controllers/harness';
import { CONTROLLERS, newChart, synthConformant, synthError } from './util';
import { primerPoliciesScenario } from '../examples/primer-policies/intent';
import { CONTROLLER_NAMES } from '../src/capabilities/features';

const P = 'nginx.ingress.kubernetes.io/';

describe("the primer's nginx annotation block as typed policies (examples/primer-policies)", () => {
  test('ingress-nginx renders the whole block', () => {
    const chart = newChart('shop');
    primerPoliciesScenario(chart, CONTROLLERS['ingress-nginx']());
    const [ingress] = synthConformant(chart);
    expect(ingress.metadata.annotations).toEqual({
      [`${P}proxy-connect-timeout`]: '10',
      [`${P}proxy-read-timeout`]: '120',
      [`${P}proxy-send-timeout`]: '120',
      [`${P}proxy-body-size`]: '50m',
      [`${P}limit-rps`]: '10',
      [`${P}limit-burst-multiplier`]: '5',
      [`${P}limit-connections`]: '5',
      [`${P}enable-cors`]: 'true',
      [`${P}cors-allow-origin`]: 'https://web.example.com',
      [`${P}cors-max-age`]: '5',
      [`${P}cors-allow-methods`]: 'GET, HEAD, POST',
      [`${P}cors-allow-headers`]: 'Origin',
      [`${P}cors-allow-credentials`]: 'false',
      [`${P}force-ssl-redirect`]: 'true',
      [`${P}auth-url`]: 'http://auth-service.auth.svc.cluster.local/verify',
      [`${P}auth-response-headers`]: 'X-User-Email, X-User-ID',
    });
  });

  test.each(CONTROLLER_NAMES.filter(c => c !== 'ingress-nginx'))('%s refuses what it cannot express, with the standard messages', (controller) => {
    const chart = newChart('shop');
    primerPoliciesScenario(chart, CONTROLLERS[controller]());
    const predicted = predictedErrors(chart, controller);
    expect(predicted.length).toBeGreaterThan(0);
    const error = synthError(chart);
    for (const message of predicted) expect(error).toContain(message);
  });
});
