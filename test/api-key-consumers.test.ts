import { rebuild } from './import/rebuild';
import { roundTripProblems } from './property/roundtrip';
import { CONTROLLERS, newChart, synthConformant, synthError } from './util';
import { ApiGateway, ApiKeyAuthOptions, Backend, EdgeAuth } from '../src';
import { ControllerName } from '../src/capabilities/features';
import { routeTable } from '../src/checks/route-table';

/*
 * API keys (issue #17): the key of any consumer the controller knows (Kong consumers managed
 * elsewhere), the key in a query parameter, the key removed before the backend. The capability
 * cells (rendered fields and literal refusals) are in test/capabilities.test.ts; this file covers
 * whole outputs, the refusals a renderer decides from the value, the round trip and the codegen.
 */

function gatewayWith(controller: ControllerName, options: ApiKeyAuthOptions) {
  const chart = newChart();
  const gw = new ApiGateway(chart, 'edge', { controller: CONTROLLERS[controller]() });
  gw.addRoute('r', { hosts: ['api.example.com'], backend: Backend.service('api', 80), auth: EdgeAuth.apiKey(options) });
  return { chart, gw };
}

describe('EdgeAuth.apiKey: any consumer, key location, key removal', () => {
  test('the intent: the header is read unless only a query parameter is named; anyConsumer has no Secret', () => {
    const ir = (o: ApiKeyAuthOptions) => routeTable(gatewayWith('kong', o).gw._gatewayIr()).routes[0].policies.auth;
    expect(ir({ anyConsumer: true })).toEqual({ kind: 'apiKey', header: 'x-api-key' });
    expect(ir({ secretName: 'keys', queryParameter: 'key' })).toEqual({ kind: 'apiKey', secretName: 'keys', queryParameter: 'key' });
    expect(ir({ secretName: 'keys', header: 'ApiKey', queryParameter: 'apiKey', removeKey: true }))
      .toEqual({ kind: 'apiKey', secretName: 'keys', header: 'apikey', queryParameter: 'apiKey', removeKey: true });
  });

  test('Kong, any consumer: only the key-auth plugin, no KongConsumer, no acl', () => {
    const { chart } = gatewayWith('kong', { anyConsumer: true, header: 'apikey', queryParameter: 'apikey', removeKey: true });
    const out = synthConformant(chart);
    expect(out.map(o => `${o.kind}/${o.metadata.name}`).sort()).toEqual(['Ingress/edge-r', 'KongPlugin/edge-r-key-auth']);
    expect(out.find(o => o.kind === 'KongPlugin')).toMatchObject({
      plugin: 'key-auth',
      config: { key_names: ['apikey'], key_in_header: true, key_in_query: true, key_in_body: false, hide_credentials: true },
    });
  });

  test('Kong: the query parameter\'s spelling serves both places (query names are case-sensitive, header names are not); query only reads no header', () => {
    const both = synthConformant(gatewayWith('kong', { secretName: 'keys', header: 'ApiKey', queryParameter: 'apiKey' }).chart);
    expect(both.find(o => o.kind === 'KongPlugin' && o.plugin === 'key-auth').config.key_names).toEqual(['apiKey']);
    const query = synthConformant(gatewayWith('kong', { secretName: 'keys', queryParameter: 'key' }).chart);
    expect(query.find(o => o.kind === 'KongPlugin' && o.plugin === 'key-auth').config)
      .toEqual({ key_names: ['key'], key_in_header: false, key_in_query: true, key_in_body: false });
  });

  test.each<ControllerName>(['kong', 'kong-gateway-api'])('%s refuses a query parameter named unlike the header, and one Kong cannot read', (controller) => {
    expect(synthError(gatewayWith(controller, { secretName: 'keys', header: 'x-api-key', queryParameter: 'key' }).chart)).toContain(
      `[test/edge/r] API key in a query parameter (auth.queryParameter) is not supported by controller '${controller}': Kong's key-auth looks for the same key_names `
      + "in headers and in the query string, so the query parameter must be named like the header ('x-api-key', 'key' given).");
    expect(synthError(gatewayWith(controller, { secretName: 'keys', queryParameter: 'api.key' }).chart)).toContain(
      `[test/edge/r] API key in a query parameter (auth.queryParameter) is not supported by controller '${controller}': Kong's key-auth reads key names `
      + "of letters, digits, '_' and '-' only ('api.key' given).");
  });

  test('Envoy Gateway: the header first, then the query parameter; sanitize removes the key', () => {
    const out = synthConformant(gatewayWith('envoy-gateway', { secretName: 'keys', header: 'x-api-key', queryParameter: 'key', removeKey: true }).chart);
    expect(out.find(o => o.kind === 'SecurityPolicy').spec.apiKeyAuth).toEqual({
      credentialRefs: [{ name: 'keys' }],
      extractFrom: [{ headers: ['x-api-key'] }, { params: ['key'] }],
      sanitize: true,
    });
  });

  test.each<[ControllerName, ApiKeyAuthOptions]>([
    ['kong', { anyConsumer: true, header: 'apikey', queryParameter: 'apikey', removeKey: true }],
    ['kong', { secretName: 'keys', queryParameter: 'key' }],
    ['kong-gateway-api', { anyConsumer: true, queryParameter: 'apiKey' }],
    ['kong-gateway-api', { secretName: 'keys', header: 'apikey', removeKey: true }],
    ['envoy-gateway', { secretName: 'keys', header: 'x-api-key', queryParameter: 'key', removeKey: true }],
    ['envoy-gateway', { secretName: 'keys', queryParameter: 'key' }],
  ])('%s reads %j back to the same route table', (controller, options) => {
    const { chart, gw } = gatewayWith(controller, options);
    expect(roundTripProblems(controller, gw, synthConformant(chart))).toEqual([]);
  });

  test('import codegen prints the options, and building the plan gives the same intent', () => {
    const r = rebuild(gatewayWith('kong', { anyConsumer: true, queryParameter: 'apikey', removeKey: true }).gw, 'kong');
    expect(r.code).toContain("EdgeAuth.apiKey({ anyConsumer: true, queryParameter: 'apikey', removeKey: true })");
    expect(r.errors).toEqual([]);
    expect(r.after).toEqual(r.before);
  });
});
