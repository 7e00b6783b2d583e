import { rebuild } from './import/rebuild';
import { roundTripProblems } from './property/roundtrip';
import { CONTROLLERS, newChart, synthConformant } from './util';
import { ApiGateway, Backend, BasicAuthOptions, EdgeAuth } from '../src';
import { ControllerName } from '../src/capabilities/features';
import { routeTable } from '../src/checks/route-table';
import { KONG_GATEWAY_API_READER } from '../src/controllers/kong/gateway-api-reader';
import { KongIngressReader } from '../src/controllers/kong/reader';

/*
 * Basic auth of any consumer (issue #17): the basic-auth credentials of any consumer the
 * controller knows (Kong consumers managed elsewhere), like EdgeAuth.apiKey({ anyConsumer }). The
 * capability cells (rendered fields and literal refusals) are in test/capabilities.test.ts; this
 * file covers whole outputs, readers, the round trip, the codegen and bad inputs.
 */

const KONG: ControllerName[] = ['kong', 'kong-gateway-api'];

function gatewayWith(controller: ControllerName, options: BasicAuthOptions) {
  const chart = newChart();
  const gw = new ApiGateway(chart, 'edge', { controller: CONTROLLERS[controller]() });
  gw.addRoute('r', { hosts: ['api.example.com'], backend: Backend.service('api', 80), auth: EdgeAuth.basic(options) });
  return { chart, gw };
}

test('the intent: anyConsumer has no Secret', () => {
  expect(routeTable(gatewayWith('kong', { anyConsumer: true, realm: 'partners' }).gw._gatewayIr()).routes[0].policies.auth).toEqual({ kind: 'basic', realm: 'partners' });
});

test.each(KONG)('%s, any consumer: only the basic-auth plugin, no KongConsumer, no acl', (controller) => {
  const out = synthConformant(gatewayWith(controller, { anyConsumer: true, realm: 'partners' }).chart);
  expect(out.filter(o => o.apiVersion.startsWith('configuration.konghq.com/') || o.kind === 'Secret').map(o => `${o.kind}/${o.metadata.name}`)).toEqual(['KongPlugin/edge-r-basic-auth']);
  expect(out.find(o => o.kind === 'KongPlugin')).toMatchObject({ plugin: 'basic-auth', config: { realm: 'partners' } });
});

test.each<[ControllerName, BasicAuthOptions]>([
  ['kong', { anyConsumer: true, realm: 'partners' }],
  ['kong', { anyConsumer: true }],
  ['kong-gateway-api', { anyConsumer: true, realm: 'partners' }],
  ['kong-gateway-api', { secretName: 'users' }],
])('%s reads %j back to the same route table', (controller, options) => {
  const { chart, gw } = gatewayWith(controller, options);
  expect(roundTripProblems(controller, gw, synthConformant(chart))).toEqual([]);
});

test('import codegen prints anyConsumer, and building the plan gives the same intent', () => {
  const r = rebuild(gatewayWith('kong', { anyConsumer: true, realm: 'partners' }).gw, 'kong');
  expect(r.code).toContain("EdgeAuth.basic({ anyConsumer: true, realm: 'partners' })");
  expect(r.errors).toEqual([]);
  expect(r.after).toEqual(r.before);
});

describe('readers: basic-auth without an acl is any consumer; an acl of another group is not modelled', () => {
  const plugin = (name: string, type: string, config: object) => ({ apiVersion: 'configuration.konghq.com/v1', kind: 'KongPlugin', metadata: { name, namespace: 'apps' }, plugin: type, config });
  const ingress = (plugins: string) => ({
    apiVersion: 'networking.k8s.io/v1',
    kind: 'Ingress',
    metadata: { name: 'web', namespace: 'apps', annotations: { 'konghq.com/plugins': plugins } },
    spec: { ingressClassName: 'kong', rules: [{ host: 'api.example.com', http: { paths: [{ path: '/', pathType: 'Prefix', backend: { service: { name: 'web', port: { number: 80 } } } }] } }] },
  });
  const httpRoute = (plugins: string[]) => ({
    apiVersion: 'gateway.networking.k8s.io/v1',
    kind: 'HTTPRoute',
    metadata: { name: 'web', namespace: 'apps' },
    spec: {
      parentRefs: [{ name: 'kong' }],
      hostnames: ['api.example.com'],
      rules: [{ filters: plugins.map(name => ({ type: 'ExtensionRef', extensionRef: { group: 'configuration.konghq.com', kind: 'KongPlugin', name } })), backendRefs: [{ name: 'web', port: 80 }] }],
    },
  });
  const basic = plugin('basic', 'basic-auth', { realm: 'partners' });
  const acl = plugin('acl', 'acl', { allow: ['other-group'] });
  test('kong', () => {
    const any = new KongIngressReader().read([ingress('basic'), basic]);
    expect(any.gateways[0].routes[0].policies.auth).toEqual({ kind: 'basic', source: expect.any(String), secretName: undefined, realm: 'partners' });
    const other = new KongIngressReader().read([ingress('basic,acl'), basic, acl]);
    expect(other.gateways[0].routes[0].policies.auth).toBeUndefined();
  });
  test('kong-gateway-api', () => {
    const any = KONG_GATEWAY_API_READER.read([httpRoute(['basic']), basic]);
    expect(any.gateways[0].routes[0].policies.auth).toMatchObject({ kind: 'basic', realm: 'partners' });
    expect(any.gateways[0].routes[0].policies.auth).not.toHaveProperty('secretName', expect.anything());
    const other = KONG_GATEWAY_API_READER.read([httpRoute(['acl', 'basic']), basic, acl]);
    expect(other.gateways[0]?.routes[0]?.policies.auth).toBeUndefined();
  });
});

describe('bad inputs name the field', () => {
  test.each<[string, () => unknown, string]>([
    ['anyConsumer with a secretName', () => EdgeAuth.basic({ anyConsumer: true, secretName: 'users' }),
      'EdgeAuth.basic.anyConsumer: accepts the credentials of every consumer, so there is no secretName; leave one of them out'],
    ['anyConsumer a string', () => EdgeAuth.basic({ anyConsumer: 'yes' as any }), "EdgeAuth.basic.anyConsumer: 'yes' must be true or false"],
    ['anyConsumer null', () => EdgeAuth.basic({ anyConsumer: null as any, secretName: 'users' }), 'EdgeAuth.basic.anyConsumer: null must be true or false'],
    ['anyConsumer false without a secretName', () => EdgeAuth.basic({ anyConsumer: false }), 'EdgeAuth.basic.secretName: undefined is not a valid object name'],
    ['no options', () => EdgeAuth.basic(undefined as any), 'EdgeAuth.basic.secretName: undefined is not a valid object name'],
  ])('%s', (_, f, expected) => {
    expect(f).toThrow(expected);
  });
});
