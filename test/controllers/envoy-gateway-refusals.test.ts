import { Duration, Testing } from 'cdk8s';
import { ApiGateway, Backend, Controller, HttpMethod, PathMatch, Redirect, RedirectStatus, Retries, RouteOptions, SessionAffinity } from '../../src';
import { roundTripProblems } from '../property/roundtrip';
import { newChart, synthConformant, synthError } from '../util';

/** The synth error of one Envoy Gateway gateway with the given routes (each on <id>.example.com), as its message lines. */
function errorsOf(routes: Record<string, RouteOptions>): string[] | undefined {
  const chart = newChart();
  const gw = new ApiGateway(chart, 'gw', { controller: Controller.envoyGateway() });
  for (const [id, options] of Object.entries(routes)) gw.addRoute(id, { hosts: [`${id}.example.com`], backend: Backend.service('svc', 80), ...options });
  return synthError(chart)?.split('\n').slice(1).map(l => l.trim());
}

const TOO_LONG = Duration.hours(100_000);
const LONGEST = Duration.hours(99_999);
const AFFINITY_ELSEWHERE = ' Supported by: Controller.ingressNginx(), Controller.traefik(), Controller.traefik({ output: TraefikOutput.INGRESS }), '
  + 'Controller.gatewayApi({ experimentalChannel: true }).';

describe('Envoy Gateway: durations beyond GEP-2257 and cookie attributes, exact refusals', () => {
  test('retry per-attempt timeout, backoff and maximum backoff', () => {
    const get = { match: { method: HttpMethod.GET } };
    expect(errorsOf({
      a: { ...get, retries: Retries.of({ attempts: 2, perTryTimeout: TOO_LONG }) },
      b: { ...get, retries: Retries.of({ attempts: 2, backoff: TOO_LONG }) },
      c: { ...get, retries: Retries.of({ attempts: 2, backoff: Duration.millis(100), maxBackoff: TOO_LONG }) },
      ok: { ...get, retries: Retries.of({ attempts: 2, perTryTimeout: LONGEST, backoff: Duration.millis(100), maxBackoff: LONGEST }) },
    })).toEqual([
      "[test/gw/a] Per-attempt timeout (retries.perTryTimeout) is not supported by controller 'envoy-gateway': the per-attempt timeout is longer than the "
      + 'largest duration (99999h). Supported by: none.',
      "[test/gw/b] Retry backoff (retries.backoff) is not supported by controller 'envoy-gateway': it is longer than the largest duration (99999h). Supported by: "
      + 'Controller.traefik(), Controller.traefik({ output: TraefikOutput.INGRESS }), Controller.gatewayApi({ experimentalChannel: true }), '
      + 'Controller.istio({ experimentalChannel: true }).',
      "[test/gw/c] Retry backoff cap (retries.maxBackoff) is not supported by controller 'envoy-gateway': it is longer than the largest duration (99999h). "
      + 'Supported by: none.',
    ]);
  });

  test('session affinity cookie path and TTL', () => {
    expect(errorsOf({
      a: { sessionAffinity: SessionAffinity.cookie({ name: 's', path: '/a;b' }) },
      b: { sessionAffinity: SessionAffinity.cookie({ name: 's', ttl: TOO_LONG }) },
      ok: { sessionAffinity: SessionAffinity.cookie({ name: 's', path: '/a', ttl: LONGEST }) },
    })).toEqual([
      "[test/gw/a] Cookie session affinity (sessionAffinity) is not supported by controller 'envoy-gateway': the cookie path '/a;b' contains ';', ',' or "
      + `whitespace, which would end the cookie attribute.${AFFINITY_ELSEWHERE}`,
      "[test/gw/b] Cookie session affinity (sessionAffinity) is not supported by controller 'envoy-gateway': the TTL is longer than the largest duration "
      + `(99999h).${AFFINITY_ELSEWHERE}`,
    ]);
  });
});

// egfill (issue #12): Redirect.toUrl on Envoy Gateway, a direct response whose Location is exactly the URL.
describe('Envoy Gateway: Redirect.toUrl', () => {
  const objectsOf = (options: RouteOptions) => {
    const chart = newChart();
    new ApiGateway(chart, 'gw', { controller: Controller.envoyGateway() }).addRoute('r', { hosts: ['a.example.com'], ...options });
    return Testing.synth(chart);
  };

  test('an HTTPRouteFilter with the status and header.set Location alone (no body); a route without backend is a rule without backendRefs', () => {
    const objects = objectsOf({ redirect: Redirect.toUrl('https://www.example.com/moved?from=a', { statusCode: RedirectStatus.SEE_OTHER }) });
    expect(objects.find(o => o.kind === 'HTTPRouteFilter')?.spec).toEqual({
      directResponse: { statusCode: 303, header: { set: [{ name: 'Location', value: 'https://www.example.com/moved?from=a' }] } },
    });
    expect(objects.find(o => o.kind === 'HTTPRoute')?.spec.rules).toEqual([{
      filters: [{ type: 'ExtensionRef', extensionRef: { group: 'gateway.envoyproxy.io', kind: 'HTTPRouteFilter', name: 'gw-r' } }],
    }]);
  });

  test.each([
    ['without backend', {}],
    ['with its one backend (which receives nothing)', { backend: Backend.service('svc', 80) }],
    ['under a path, temporary', { match: { path: PathMatch.prefix('/old') }, backend: Backend.service('svc', 80) }],
  ])('renders conformant and reads back to the same route table: %s', (_name, extra: RouteOptions) => {
    const chart = newChart();
    const gw = new ApiGateway(chart, 'gw', { controller: Controller.envoyGateway() });
    const status = extra.match ? RedirectStatus.TEMPORARY_REDIRECT : RedirectStatus.MOVED_PERMANENTLY;
    gw.addRoute('r', { hosts: ['a.example.com'], redirect: Redirect.toUrl('https://www.example.com/moved?from=a', { statusCode: status }), ...extra });
    expect(roundTripProblems('envoy-gateway', gw, synthConformant(chart))).toEqual([]);
  });

  test('a URL with % is refused (Envoy reads header values as format strings)', () => {
    expect(errorsOf({ r: { redirect: Redirect.toUrl('https://www.example.com/a%20b') } })).toEqual([
      "[test/gw/r] Redirect to a fixed URL (path and query dropped) (redirect) is not supported by controller 'envoy-gateway': Envoy reads a response header "
      + "value as a format string, where '%' starts a command operator, so the Location would not be sent as written; leave '%' (percent-encoding) out of the URL. "
      + 'Supported by: Controller.ingressNginx(), Controller.traefik(), Controller.traefik({ output: TraefikOutput.INGRESS }), Controller.kong(), '
      + 'Controller.kong({ mode: KongMode.GATEWAY_API }).',
    ]);
  });
});
