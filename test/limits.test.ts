import { Duration, Testing } from 'cdk8s';
import { ApiGateway, Backend, DistributedRateLimit, RateLimit } from '../src';
import { roundTripProblems } from './property/roundtrip';
import { CONTROLLERS, newChart } from './util';
import { ControllerName } from '../src/capabilities/features';
import { issuersBySecret, readCertManager } from '../src/cert-manager/reader';
import { routeTableOf } from '../src/checks/route-table';
import { generateCode } from '../src/import/codegen';
import { planImport } from '../src/import/plan';
import { readerFor } from '../src/import/readers';

/**
 * Issue #17, limits: the Redis store's connection settings (and, below, concurrency limits) read
 * back to the same intent on every column that renders them, and print as compiling intent code.
 */

function synthGateway(controller: ControllerName, addRoutes: (gw: ApiGateway) => void): { gw: ApiGateway; objects: any[] } {
  const chart = newChart();
  const gw = new ApiGateway(chart, 'edge', { controller: CONTROLLERS[controller]() });
  addRoutes(gw);
  return { gw, objects: Testing.synth(chart) };
}

function codeOf(controller: ControllerName, gw: ApiGateway, objects: any[]): string {
  const plan = planImport({ gateways: [gw._gatewayIr()], certManager: readCertManager(objects), issuersBySecret: issuersBySecret(objects) });
  return generateCode(plan, { controller, importFrom: 'cdk8s-gateway' });
}

describe('Redis connection settings', () => {
  const REDIS: ControllerName[] = ['traefik', 'traefik-ingress', 'kong', 'kong-gateway-api'];
  const store = () => DistributedRateLimit.redis('redis.infra.svc.cluster.local:6380', { secretName: 'redis-auth', tls: true, database: 2, timeout: Duration.millis(1500) });

  test.each(REDIS)('%s: TLS, database and timeout read back to the same store; the code prints them', (c) => {
    const { gw, objects } = synthGateway(c, g => g.addRoute('api', {
      hosts: ['api.example.com'], backend: Backend.service('api', 80), rateLimit: RateLimit.perHeader('x-api-key', { requests: 10, distributed: store() }),
    }));
    expect(roundTripProblems(c, gw, objects)).toEqual([]);
    const read = routeTableOf(readerFor(c)!.read(objects).gateways);
    expect(read.routes.map(r => r.policies.rateLimit?.distributed)).toEqual([
      { kind: 'redis', endpoint: 'redis.infra.svc.cluster.local:6380', secretName: 'redis-auth', tls: true, database: 2, timeoutMs: 1500 },
    ]);
    expect(codeOf(c, gw, objects)).toContain([
      "distributed: DistributedRateLimit.redis('redis.infra.svc.cluster.local:6380', {",
      "      secretName: 'redis-auth',",
      '      tls: true,',
      '      database: 2,',
      '      timeout: Duration.millis(1500),',
      '    }),',
    ].join('\n'));
  });

  test.each(REDIS)('%s: database 0 is the unset database (one spelling); no setting renders nothing new', (c) => {
    const zero = synthGateway(c, g => g.addRoute('api', {
      hosts: ['api.example.com'],
      backend: Backend.service('api', 80),
      rateLimit: RateLimit.perClientIp({ requests: 10, distributed: DistributedRateLimit.redis('redis:6379', { database: 0, tls: false }) }),
    })).objects;
    const unset = synthGateway(c, g => g.addRoute('api', {
      hosts: ['api.example.com'],
      backend: Backend.service('api', 80),
      rateLimit: RateLimit.perClientIp({ requests: 10, distributed: DistributedRateLimit.redis('redis:6379') }),
    })).objects;
    expect(zero).toEqual(unset);
  });
});
