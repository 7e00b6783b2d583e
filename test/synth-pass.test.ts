import { ApiObject, Chart, Testing } from 'cdk8s';
import { ApiGateway, Backend, Controller, PathMatch, Warnings } from '../src';
import { synthError } from './util';
import type * as appChecks from '../src/intent/app-checks';

// Validation results are memoised for a synth pass (src/core/synth-pass.ts): whatever changes
// between two synths must still be seen by the second.
describe('validation memoised per synth pass', () => {
  function app() {
    const chart = Testing.chart();
    const edge = new ApiGateway(chart, 'edge', { controller: Controller.ingressNginx() });
    edge.addRoute('api', { hosts: ['api.example.com'], match: { path: PathMatch.prefix('/') }, backend: Backend.service('api', 8080) });
    return { chart, edge };
  }
  const service = (chart: Chart, id: string, port: number, labels?: Record<string, string>) => new ApiObject(chart, id, {
    apiVersion: 'v1', kind: 'Service', metadata: { name: 'api' }, spec: { ports: [{ port }], ...(labels ? { selector: labels } : {}) },
  });

  test('a Service added after a synth is checked by the next synth', () => {
    const { chart } = app();
    expect(synthError(chart)).toBeUndefined();
    service(chart, 'svc', 9090);
    expect(synthError(chart)).toMatch(/\[test\/edge\/api\] Route\.backends: Service '.*\/api' port 8080 does not exist/);
  });

  test('a route added after a synth is validated by the next synth', () => {
    const { chart, edge } = app();
    service(chart, 'svc', 8080);
    expect(synthError(chart)).toBeUndefined();
    edge.addRoute('other', { hosts: ['api.example.com'], match: { path: PathMatch.prefix('/x') }, backend: Backend.service('api', 8081) });
    expect(synthError(chart)).toMatch(/\[test\/edge\/other\] Route\.backends: Service '.*\/api' port 8081 does not exist/);
  });

  test('the strict backends environment variable is read again by the next synth', () => {
    const { chart } = app();
    const before = process.env.CDK8S_GATEWAY_STRICT_BACKENDS;
    try {
      delete process.env.CDK8S_GATEWAY_STRICT_BACKENDS;
      expect(synthError(chart)).toBeUndefined();
      process.env.CDK8S_GATEWAY_STRICT_BACKENDS = 'true';
      expect(synthError(chart)).toMatch(/is not defined in this app, and strict backend checks are on/);
    } finally {
      if (before === undefined) delete process.env.CDK8S_GATEWAY_STRICT_BACKENDS; else process.env.CDK8S_GATEWAY_STRICT_BACKENDS = before;
    }
  });

  test('Warnings.of() after a synth sees a Service added since', () => {
    const { chart } = app();
    expect(synthError(chart)).toBeUndefined();
    expect(Warnings.of(chart).ids).not.toContain('service-without-endpoints');
    service(chart, 'svc', 8080, { app: 'api' });
    expect(Warnings.of(chart).ids).toContain('service-without-endpoints');
  });

  test("the first synth computes each construct's problems once, though it is the first to read the strict flags", () => {
    // Fresh modules: no earlier test has read the flags' environment variables.
    jest.isolateModules(() => {
      /* eslint-disable @typescript-eslint/no-require-imports */
      const lib: typeof import('../src') = require('../src');
      const checks: typeof appChecks = require('../src/intent/app-checks');
      const { App: FreshApp, Testing: FreshTesting }: typeof import('cdk8s') = require('cdk8s');
      /* eslint-enable @typescript-eslint/no-require-imports */
      const chart = FreshTesting.chart();
      const edge = new lib.ApiGateway(chart, 'edge', { controller: lib.Controller.ingressNginx() });
      for (const id of ['api', 'other']) {
        edge.addRoute(id, { hosts: ['api.example.com'], match: { path: lib.PathMatch.prefix(`/${id}`) }, backend: lib.Backend.service(id, 8080) });
      }
      const spy = jest.spyOn(checks, 'backendProblemsFor');
      // `synthYaml` validates the app twice; the second pass reuses the first's results.
      (chart.node.root as InstanceType<typeof FreshApp>).synthYaml();
      expect(spy.mock.calls.map(([, source]) => source).sort()).toEqual(['test/edge', 'test/edge/api', 'test/edge/other']);
    });
  });
});
