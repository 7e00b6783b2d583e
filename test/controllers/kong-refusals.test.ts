import { ApiGateway, Backend, Controller, HeaderMatch, HeaderRules, KongMode, RouteOptions } from '../../src';
import { newChart, synthError } from '../util';

/** The synth error of one Kong gateway with one route `r` on r.example.com, as its message lines. */
function errorsOf(mode: KongMode, options: RouteOptions): string[] | undefined {
  const chart = newChart();
  new ApiGateway(chart, 'gw', { controller: Controller.kong({ mode }) })
    .addRoute('r', { hosts: ['r.example.com'], backend: Backend.service('svc', 80), ...options });
  return synthError(chart)?.split('\n').slice(1).map(l => l.trim());
}

const HEADER_MATCH = "[test/gw/r] Header match (match.headers[0]) is not supported by controller 'kong': ";
const HEADER_MATCH_ELSEWHERE = ' Supported by: Controller.traefik(), Controller.kong({ mode: KongMode.GATEWAY_API }), Controller.gatewayApi(), '
  + 'Controller.envoyGateway(), Controller.istio().';

describe('Kong: exact refusals', () => {
  test('header matches that cannot be a konghq.com/headers.<name> annotation (Kong Ingress)', () => {
    const long = `x-${'a'.repeat(54)}`;
    expect(errorsOf(KongMode.INGRESS, { match: { headers: [HeaderMatch.exact(long, 'v')] } })).toEqual([
      `${HEADER_MATCH}header '${long}' cannot form a valid konghq.com/headers.<name> annotation key (letters, digits, '-', '_' and '.', at most 55 characters).`
      + HEADER_MATCH_ELSEWHERE,
    ]);
    expect(errorsOf(KongMode.INGRESS, { match: { headers: [HeaderMatch.exact('x-tenant', 'a,b')] } })).toEqual([
      `${HEADER_MATCH}Kong splits header values at ',' into alternatives, so 'a,b' would match differently.${HEADER_MATCH_ELSEWHERE}`,
    ]);
    expect(errorsOf(KongMode.INGRESS, { match: { headers: [HeaderMatch.exact('x-tenant', '~*blue')] } })).toEqual([
      `${HEADER_MATCH}Kong reads a value starting with '~*' as a regex ('~*blue' given).${HEADER_MATCH_ELSEWHERE}`,
    ]);
    // The longest name that fits.
    expect(errorsOf(KongMode.INGRESS, { match: { headers: [HeaderMatch.exact(long.slice(1), 'v')] } })).toBeUndefined();
  });

  test('adding a Host request header (Kong can only replace it)', () => {
    expect(errorsOf(KongMode.INGRESS, { headerRules: HeaderRules.of({ request: { add: { host: 'a.example.com' } } }) })).toEqual([
      "[test/gw/r] Append request headers (headerRules.request.add) is not supported by controller 'kong': header 'host': Kong's request-transformer can only "
      + 'replace the Host header; use set. Supported by: Controller.kong({ mode: KongMode.GATEWAY_API }), Controller.gatewayApi(), Controller.envoyGateway(), '
      + 'Controller.istio().',
    ]);
    expect(errorsOf(KongMode.INGRESS, { headerRules: HeaderRules.of({ request: { set: { host: 'a.example.com' } } }) })).toBeUndefined();
  });
});
