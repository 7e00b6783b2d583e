import { CONTROLLERS, newChart, synthConformant } from './util';
import { certManagerScenario } from '../examples/cert-manager/intent';
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
