import { roundTripProblems } from './property/roundtrip';
import { expectImportRoundTrip, expectOwnError } from './tls-feature-helpers';
import { CONTROLLERS, newChart, synthConformant, synthError } from './util';
import { ApiGateway, Backend, CaCertificates, DistributedRateLimit, RateLimit, RedisRateLimitOptions } from '../src';
import { ControllerName } from '../src/capabilities/features';
import { routeTable } from '../src/checks/route-table';
import { TraefikReader } from '../src/controllers/traefik/reader';

/*
 * DistributedRateLimit.redis(endpoint, { tls, ca, clientCertificateSecret }) (issue #17): the CA
 * verifying Redis and the client certificate presented to it. The cells are in
 * test/capabilities.test.ts; this file covers both together, the ConfigMap refusal, round trips,
 * the reader, the import codegen and bad inputs.
 */

const ENDPOINT = 'redis.infra.svc.cluster.local:6380';

function redisGateway(controller: ControllerName, options: RedisRateLimitOptions) {
  const chart = newChart();
  const gw = new ApiGateway(chart, 'edge', { controller: CONTROLLERS[controller]() });
  gw.addRoute('r', { hosts: ['api.example.com'], backend: Backend.service('api', 80), rateLimit: RateLimit.perClientIp({ requests: 10, distributed: DistributedRateLimit.redis(ENDPOINT, options) }) });
  return { chart, gw };
}

const BOTH: RedisRateLimitOptions = { tls: true, ca: CaCertificates.fromSecret('redis-ca'), clientCertificateSecret: 'redis-client' };

test('Traefik: tls.caSecret and tls.certSecret beside insecureSkipVerify: false', () => {
  const mw = synthConformant(redisGateway('traefik', BOTH).chart).find(o => o.kind === 'Middleware' && o.metadata.name === 'edge-r-ratelimit');
  expect(mw.spec.rateLimit.redis).toEqual({ endpoints: [ENDPOINT], tls: { insecureSkipVerify: false, caSecret: 'redis-ca', certSecret: 'redis-client' } });
});

test.each<[ControllerName, RedisRateLimitOptions]>([
  ['traefik', BOTH],
  ['traefik', { tls: true, ca: CaCertificates.fromSecret('redis-ca') }],
  ['traefik-ingress', { tls: true, clientCertificateSecret: 'redis-client' }],
])('%s reads %j back to the same route table', (controller, options) => {
  const { chart, gw } = redisGateway(controller, options);
  expect(roundTripProblems(controller, gw, synthConformant(chart))).toEqual([]);
  const store = routeTable(gw._gatewayIr()).routes[0].policies.rateLimit?.distributed;
  expect([store?.ca?.name, store?.clientCertificateSecret]).toEqual([options.ca?.name, options.clientCertificateSecret]);
});

test('Traefik refuses a CA in a ConfigMap (caSecret reads a Secret)', () => {
  expect(synthError(redisGateway('traefik', { tls: true, ca: CaCertificates.fromConfigMap('redis-ca') }).chart)).toContain(
    "[test/edge/r] Rate-limit Redis CA (rateLimit.distributed.ca) is not supported by controller 'traefik': rateLimit.redis.tls.caSecret reads a Secret, "
    + "not a ConfigMap ('redis-ca'); use CaCertificates.fromSecret(). Supported by: Controller.traefik({ output: TraefikOutput.INGRESS }).");
});

test('Kong refuses both, naming its global CA setting', () => {
  const error = synthError(redisGateway('kong', BOTH).chart);
  expect(error).toContain("Rate-limit Redis CA (rateLimit.distributed.ca) is not supported by controller 'kong': Kong verifies Redis with the CAs of its lua_ssl_trusted_certificate setting");
  expect(error).toContain("Rate-limit Redis client certificate (rateLimit.distributed.clientCertificateSecret) is not supported by controller 'kong'");
});

test('Traefik reader: unknown tls keys leave the Redis store unmapped', () => {
  const mw = {
    apiVersion: 'traefik.io/v1alpha1',
    kind: 'Middleware',
    metadata: { name: 'rl', namespace: 'edge' },
    spec: { rateLimit: { average: 10, burst: 10, period: '1s', redis: { endpoints: [ENDPOINT], tls: { insecureSkipVerify: false, caSecret: 'redis-ca', ca: '/etc/ca.pem' } } } },
  };
  const route = {
    apiVersion: 'traefik.io/v1alpha1',
    kind: 'IngressRoute',
    metadata: { name: 'r', namespace: 'edge' },
    spec: { entryPoints: ['web'], routes: [{ kind: 'Rule', match: 'Host(`api.example.com`)', middlewares: [{ name: 'rl' }], services: [{ name: 'api', port: 80 }] }] },
  };
  const result = new TraefikReader().read([mw, route]);
  expect(result.gateways[0].routes[0].policies.rateLimit?.distributed).toBeUndefined();
  expect(result.items.find(i => i.field === 'spec.rateLimit.redis')?.reason).toMatch(/a CA Secret, an optional client certificate Secret/);
});

test('import codegen prints ca and clientCertificateSecret, and building the plan gives the same intent', () => {
  expectImportRoundTrip(redisGateway('traefik', BOTH).gw, 'traefik', "ca: CaCertificates.fromSecret('redis-ca'),\n");
});

describe('bad inputs name the field', () => {
  const redis = (options: unknown) => () => DistributedRateLimit.redis(ENDPOINT, options as RedisRateLimitOptions);
  test.each<[string, () => unknown, string]>([
    ['a CA without tls', redis({ ca: CaCertificates.fromSecret('redis-ca') }), "DistributedRateLimit.redis.ca: verifies Redis's certificate, which needs tls: true"],
    ['a CA as a string', redis({ tls: true, ca: 'redis-ca' }), 'DistributedRateLimit.redis.ca: must be created with CaCertificates.fromSecret() or CaCertificates.fromConfigMap()'],
    ['a CA as null', redis({ tls: true, ca: null }), 'DistributedRateLimit.redis.ca: must be created with CaCertificates.fromSecret()'],
    ['a bad CA name', redis({ tls: true, ca: CaCertificates.fromSecret('Redis CA') }), 'DistributedRateLimit.redis.ca: '],
    ['a client certificate without tls', redis({ clientCertificateSecret: 'redis-client' }), 'DistributedRateLimit.redis.clientCertificateSecret: is presented over TLS, which needs tls: true'],
    ['a client certificate as a number', redis({ tls: true, clientCertificateSecret: 7 }), 'DistributedRateLimit.redis.clientCertificateSecret: 7 must be a Secret name'],
    ['a client certificate as null', redis({ tls: true, clientCertificateSecret: null }), 'DistributedRateLimit.redis.clientCertificateSecret: null must be a Secret name'],
    ['a bad client certificate name', redis({ tls: true, clientCertificateSecret: 'Redis_Client' }), 'DistributedRateLimit.redis.clientCertificateSecret: '],
  ])('%s', (_, f, expected) => expectOwnError(f, expected));
});
