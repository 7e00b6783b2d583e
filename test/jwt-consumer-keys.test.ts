import { rebuild } from './import/rebuild';
import { roundTripProblems } from './property/roundtrip';
import { CONTROLLERS, newChart, synthConformant, synthError } from './util';
import { ApiGateway, Backend, EdgeAuth, JwtConsumerKeysOptions, RateLimit } from '../src';
import { ControllerName } from '../src/capabilities/features';
import { routeTable } from '../src/checks/route-table';

/*
 * JWTs verified with keys held by consumers (issue #17): Kong's jwt plugin with KongConsumer
 * credentials, the alternative to a JWKS (EdgeAuth.jwt). The capability cells (rendered fields
 * and literal refusals) are in test/capabilities.test.ts; this file covers whole outputs, the
 * round trip, the codegen and bad inputs.
 */

function gatewayWith(controller: ControllerName, options: JwtConsumerKeysOptions) {
  const chart = newChart();
  const gw = new ApiGateway(chart, 'edge', { controller: CONTROLLERS[controller]() });
  gw.addRoute('r', { hosts: ['api.example.com'], backend: Backend.service('api', 80), auth: EdgeAuth.jwtConsumerKeys(options) });
  return { chart, gw };
}

describe('EdgeAuth.jwtConsumerKeys', () => {
  test('the intent: the key claim defaults to iss; anyConsumer has no Secret', () => {
    const ir = (o: JwtConsumerKeysOptions) => routeTable(gatewayWith('kong', o).gw._gatewayIr()).routes[0].policies.auth;
    expect(ir({ secretName: 'partner-jwt' })).toEqual({ kind: 'jwtConsumerKeys', secretName: 'partner-jwt', keyClaim: 'iss' });
    expect(ir({ anyConsumer: true, keyClaim: 'kid' })).toEqual({ kind: 'jwtConsumerKeys', keyClaim: 'kid' });
  });

  test('Kong, any consumer: only the jwt plugin, exp required, no KongConsumer, no acl', () => {
    const out = synthConformant(gatewayWith('kong', { anyConsumer: true, keyClaim: 'kid' }).chart);
    expect(out.map(o => `${o.kind}/${o.metadata.name}`).sort()).toEqual(['Ingress/edge-r', 'KongPlugin/edge-r-jwt']);
    expect(out.find(o => o.kind === 'KongPlugin')).toMatchObject({ plugin: 'jwt', config: { key_claim_name: 'kid', claims_to_verify: ['exp'] } });
  });

  test('Kong: a per-consumer rate limit counts the consumer the jwt plugin identified', () => {
    const chart = newChart();
    new ApiGateway(chart, 'edge', { controller: CONTROLLERS.kong() }).addRoute('r', {
      backend: Backend.service('api', 80),
      auth: EdgeAuth.jwtConsumerKeys({ secretName: 'partner-jwt' }),
      rateLimit: RateLimit.perConsumer({ requests: 100, distributed: undefined }),
    });
    expect(synthError(chart)).toBeUndefined();
  });

  test('Kong: one Secret cannot hold JWT keys and API keys (one konghq.com/credential label)', () => {
    const chart = newChart();
    const gw = new ApiGateway(chart, 'edge', { controller: CONTROLLERS.kong() });
    gw.addRoute('a', { hosts: ['a.example.com'], backend: Backend.service('api', 80), auth: EdgeAuth.apiKey({ secretName: 'creds' }) });
    gw.addRoute('b', { hosts: ['b.example.com'], backend: Backend.service('api', 80), auth: EdgeAuth.jwtConsumerKeys({ secretName: 'creds' }) });
    expect(synthError(chart)).toContain("[test/edge/b] JWT verified with keys held by consumers (auth.secretName) is not supported by controller 'kong': "
      + "Secret 'creds' is also used for API keys by [test/edge/a]; a Kong credential Secret holds one kind of credential.");
  });

  test.each<[ControllerName, JwtConsumerKeysOptions]>([
    ['kong', { secretName: 'partner-jwt' }],
    ['kong', { anyConsumer: true, keyClaim: 'kid' }],
    ['kong-gateway-api', { secretName: 'partner-jwt', keyClaim: 'sub' }],
    ['kong-gateway-api', { anyConsumer: true }],
  ])('%s reads %j back to the same route table', (controller, options) => {
    const { chart, gw } = gatewayWith(controller, options);
    expect(roundTripProblems(controller, gw, synthConformant(chart))).toEqual([]);
  });

  test('import codegen prints the factory, and building the plan gives the same intent', () => {
    const r = rebuild(gatewayWith('kong', { anyConsumer: true, keyClaim: 'kid' }).gw, 'kong');
    expect(r.code).toContain("EdgeAuth.jwtConsumerKeys({ anyConsumer: true, keyClaim: 'kid' })");
    expect(r.errors).toEqual([]);
    expect(r.after).toEqual(r.before);
  });

  test.each<[string, () => unknown, string]>([
    ['options undefined', () => EdgeAuth.jwtConsumerKeys(undefined as any), 'EdgeAuth.jwtConsumerKeys.secretName: undefined is not a valid object name'],
    ['anyConsumer with a secretName', () => EdgeAuth.jwtConsumerKeys({ anyConsumer: true, secretName: 'k' }),
      'EdgeAuth.jwtConsumerKeys.anyConsumer: accepts the keys of every consumer, so there is no secretName; leave one of them out'],
    ['anyConsumer a number', () => EdgeAuth.jwtConsumerKeys({ anyConsumer: 1 as any }), 'EdgeAuth.jwtConsumerKeys.anyConsumer: 1 must be true or false'],
    ['keyClaim with a space', () => EdgeAuth.jwtConsumerKeys({ secretName: 'k', keyClaim: 'key id' }), "EdgeAuth.jwtConsumerKeys.keyClaim: 'key id' is not a claim name"],
    ['keyClaim a number', () => EdgeAuth.jwtConsumerKeys({ secretName: 'k', keyClaim: 5 as any }), 'EdgeAuth.jwtConsumerKeys.keyClaim: 5 is not a claim name'],
    ['secretName not a name', () => EdgeAuth.jwtConsumerKeys({ secretName: 'Not_A_Name' }), 'EdgeAuth.jwtConsumerKeys.secretName: '],
  ])('bad input: %s', (_, f, message) => {
    expect(f).toThrow(message);
  });
});
