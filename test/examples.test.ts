import * as fs from 'fs';
import * as path from 'path';
import { App, Testing } from 'cdk8s';
import { CONTROLLERS, newChart, synthConformant, synthError } from './util';
import { canaryScenario, canaryWeight } from '../examples/canary/intent';
import { certManagerScenario } from '../examples/cert-manager/intent';
import { primerScenario } from '../examples/primer/intent';
import { CanaryTraffic } from '../src';
import { unsupportedMessage } from '../src/capabilities/check';
import { CONTROLLER_NAMES } from '../src/capabilities/features';
import { CAPABILITIES } from '../src/capabilities/matrix';

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

describe("the canary example (examples/canary): the primer's 90/10 canary on every controller that can split by weight", () => {
  /** [stable, canary] weights as rendered, whatever the controller's idiom. */
  function split(objects: any[]): [number, number] {
    const nginx = objects.find(o => o.metadata.annotations?.['nginx.ingress.kubernetes.io/canary'] === 'true');
    if (nginx) {
      const a = nginx.metadata.annotations;
      const weight = Number(a['nginx.ingress.kubernetes.io/canary-weight']);
      return [Number(a['nginx.ingress.kubernetes.io/canary-weight-total']) - weight, weight];
    }
    const traefik = objects.find(o => o.kind === 'TraefikService');
    const refs = traefik ? traefik.spec.weighted.services : objects.find(o => o.kind === 'HTTPRoute' && o.metadata.name === 'edge-api-v1').spec.rules[0].backendRefs;
    expect(refs.map((r: any) => r.name)).toEqual(['api-v1', 'api-v2']);
    return [refs[0].weight, refs[1].weight];
  }

  const canSplit = CONTROLLER_NAMES.filter(c => CAPABILITIES[c].canaryWeight.supported);
  const examples = fs.readdirSync(path.join(__dirname, '..', 'examples', 'canary'), { withFileTypes: true }).filter(d => d.isDirectory()).map(d => d.name).sort();

  test('there is an app for exactly the controllers that can split by weight', () => {
    expect(examples).toEqual([...canSplit].sort());
  });

  test.each(canSplit)('%s', (controller) => {
    const chart = newChart('shop');
    canaryScenario(chart, CONTROLLERS[controller](), canaryWeight(chart.node.root as App));
    expect(split(synthConformant(chart))).toEqual([90, 10]);
  });

  test.each(CONTROLLER_NAMES.filter(c => !canSplit.includes(c)))('%s is skipped: it fails with the standard message', (controller) => {
    const chart = newChart('shop');
    canaryScenario(chart, CONTROLLERS[controller](), CanaryTraffic.weight(10));
    expect(synthError(chart)).toContain(`[test/edge/api-v2-canary] ${unsupportedMessage(controller, 'canaryWeight', 'traffic')}`);
  });

  test('the weight comes from the app context, else CANARY_WEIGHT, else 10', () => {
    const weightOf = (app: App) => canaryWeight(app)._toIR().ir;
    const saved = process.env.CANARY_WEIGHT;
    try {
      delete process.env.CANARY_WEIGHT;
      expect(weightOf(Testing.app())).toEqual({ kind: 'weight', stable: 90, canary: 10 });
      process.env.CANARY_WEIGHT = '25';
      expect(weightOf(Testing.app())).toEqual({ kind: 'weight', stable: 75, canary: 25 });
      const app = Testing.app();
      app.node.setContext('canaryWeight', 50);
      expect(weightOf(app)).toEqual({ kind: 'weight', stable: 50, canary: 50 });
      process.env.CANARY_WEIGHT = 'ten';
      expect(canaryWeight(Testing.app())._toIR().problem).toBe('CanaryTraffic.parseWeight("ten"): "ten" is not a whole percentage from 0 to 100');
    } finally {
      if (saved === undefined) delete process.env.CANARY_WEIGHT; else process.env.CANARY_WEIGHT = saved;
    }
  });
});

describe("the primer's cert-manager scenario (examples/cert-manager) renders conformant YAML on every controller", () => {
  test.each(CONTROLLER_NAMES)('%s', (controller) => {
    // GIVEN / WHEN
    const chart = newChart('shop');
    certManagerScenario(chart, CONTROLLERS[controller]());
    const objects = synthConformant(chart);
    // THEN: the ClusterIssuer solves HTTP-01 through this controller, and the Secret the
    // Certificate writes is the one the controller's objects read.
    const issuer = objects.find(o => o.kind === 'ClusterIssuer');
    expect(issuer.metadata).toEqual({ name: 'letsencrypt-prod' });
    expect(issuer.spec.acme.server).toBe('https://acme-v02.api.letsencrypt.org/directory');
    const [solver] = issuer.spec.acme.solvers;
    expect(solver.selector).toEqual({ dnsNames: ['api.example.com'] });
    expect(Object.keys(solver.http01)).toEqual([controller.includes('gateway') || controller === 'istio' ? 'gatewayHTTPRoute' : 'ingress']);
    const cert = objects.find(o => o.kind === 'Certificate');
    expect(cert.spec).toMatchObject({ secretName: 'api-tls-auto', dnsNames: ['api.example.com'], issuerRef: { kind: 'ClusterIssuer', name: 'letsencrypt-prod' } });
    const readers = objects.filter(o => o.kind !== 'Certificate' && JSON.stringify(o.spec).includes('"api-tls-auto"'));
    expect(readers.length).toBeGreaterThan(0);
  });
});
