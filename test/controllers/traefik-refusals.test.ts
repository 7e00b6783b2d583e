import { ApiGateway, Backend, CanaryTraffic, ClientIp, Controller, IpAccess, PathMatch, Redirect, RedirectStatus, SessionAffinity, TraefikOutput } from '../../src';
import { newChart, synthError } from '../util';

/** The synth error of one Traefik (IngressRoute) gateway, as its message lines. */
type GatewayOptions = { clientIp?: ClientIp; defaults?: { sessionAffinity?: SessionAffinity } };

function errorsOf(options: GatewayOptions, build: (gw: ApiGateway) => void): string[] | undefined {
  const chart = newChart();
  build(new ApiGateway(chart, 'gw', { controller: Controller.traefik(), ...options }));
  return synthError(chart)?.split('\n').slice(1).map(l => l.trim());
}

const AFFINITY_ELSEWHERE = ' Supported by: Controller.ingressNginx(), Controller.traefik({ output: TraefikOutput.INGRESS }), '
  + 'Controller.gatewayApi({ experimentalChannel: true }), Controller.envoyGateway().';

describe('Traefik: exact refusals', () => {
  test('session affinity over several backends or a canary split: the weighted round robin has no cookie', () => {
    expect(errorsOf({}, gw => {
      gw.addRoute('two', { hosts: ['two.example.com'], backends: [Backend.service('a', 80), Backend.service('b', 80)], sessionAffinity: SessionAffinity.cookie({ name: 's' }) });
      const stable = gw.addRoute('r', { hosts: ['api.example.com'], match: { path: PathMatch.prefix('/v1') }, backend: Backend.service('v1', 80), sessionAffinity: SessionAffinity.cookie({ name: 's' }) });
      gw.addCanary('c', { stable, canary: Backend.service('v2', 80), traffic: CanaryTraffic.weight(10) });
      gw.addRoute('one', { hosts: ['one.example.com'], backend: Backend.service('a', 80), sessionAffinity: SessionAffinity.cookie({ name: 's' }) });
    })).toEqual([
      "[test/gw/two] Cookie session affinity (sessionAffinity) is not supported by controller 'traefik': with several backends Traefik picks the Service per "
      + `request without a cookie, so clients would not stick to one backend; use a single backend.${AFFINITY_ELSEWHERE}`,
      "[test/gw/c] Cookie session affinity (sessionAffinity) is not supported by controller 'traefik': the stable route [test/gw/r] has session affinity, but the "
      + 'TraefikService that splits or mirrors its traffic picks stable or canary per request without a cookie, so clients would not stick to one backend; drop '
      + `the affinity, or canary a route without it.${AFFINITY_ELSEWHERE}`,
    ]);
  });

  test('gateway default affinity over several backends names the default', () => {
    expect(errorsOf({ defaults: { sessionAffinity: SessionAffinity.cookie({ name: 's' }) } }, gw => {
      gw.addRoute('two', { hosts: ['two.example.com'], backends: [Backend.service('a', 80), Backend.service('b', 80)] });
    })?.[0]).toBe("[test/gw/two] Cookie session affinity (defaults.sessionAffinity) is not supported by controller 'traefik': with several backends Traefik picks "
      + `the Service per request without a cookie, so clients would not stick to one backend; use a single backend.${AFFINITY_ELSEWHERE}`);
  });

  test('a deny list behind trusted X-Forwarded-For hops; an allow list there reads the forwarded address', () => {
    expect(errorsOf({ clientIp: ClientIp.xForwardedFor({ trustedHops: 1 }) }, gw => {
      gw.addRoute('deny', { hosts: ['deny.example.com'], backend: Backend.service('a', 80), ipAccess: IpAccess.deny(['10.0.0.0/8']) });
      gw.addRoute('allow', { hosts: ['allow.example.com'], backend: Backend.service('a', 80), ipAccess: IpAccess.allow(['10.0.0.0/8']) });
    })).toEqual([
      "[test/gw/deny] IP deny list (ipAccess) is not supported by controller 'traefik': a deny list is a ClientIP() router condition, which reads the TCP peer and "
      + "never X-Forwarded-For, so with the gateway's clientIp it would test the load balancer's address; use IpAccess.allow(). Supported by: "
      + 'Controller.ingressNginx(), Controller.kong(), Controller.kong({ mode: KongMode.GATEWAY_API }), Controller.envoyGateway(), Controller.istio().',
    ]);
    expect(errorsOf({}, gw => {
      gw.addRoute('deny', { hosts: ['deny.example.com'], backend: Backend.service('a', 80), ipAccess: IpAccess.deny(['10.0.0.0/8']) });
    })).toBeUndefined();
  });
});

// Audit (issue #12): Redirect.toUrl on Traefik's Ingress output needs the route's one backend.
describe('Traefik Ingress output: a fixed-URL redirect', () => {
  function ingressErrors(build: (gw: ApiGateway) => void): string[] | undefined {
    const chart = newChart();
    build(new ApiGateway(chart, 'gw', { controller: Controller.traefik({ output: TraefikOutput.INGRESS }) }));
    return synthError(chart)?.split('\n').slice(1).map(l => l.trim());
  }

  test('without a backend is refused: an Ingress path needs a Service', () => {
    expect(ingressErrors(gw => {
      gw.addRoute('r', { hosts: ['a.example.com'], redirect: Redirect.toUrl('https://www.example.com/moved') });
    })).toEqual([
      "[test/gw/r] Redirect to a fixed URL (path and query dropped) (redirect) is not supported by controller 'traefik-ingress': an Ingress path needs a "
      + 'backend Service even when the redirect Middleware answers every request, and the Traefik Ingress provider cannot target noop@internal; give the '
      + 'route one backend (it receives nothing) or use TraefikOutput.INGRESS_ROUTE. Supported by: Controller.ingressNginx(), Controller.traefik(), '
        + 'Controller.kong(), Controller.kong({ mode: KongMode.GATEWAY_API }), Controller.envoyGateway().',
    ]);
  });

  test('with a backend renders; 303 is refused as on IngressRoute', () => {
    expect(ingressErrors(gw => {
      gw.addRoute('r', { hosts: ['a.example.com'], backend: Backend.service('svc', 80), redirect: Redirect.toUrl('https://www.example.com/moved') });
    })).toBeUndefined();
    expect(ingressErrors(gw => {
      gw.addRoute('r', { hosts: ['a.example.com'], backend: Backend.service('svc', 80), redirect: Redirect.toUrl('https://www.example.com/moved', { statusCode: RedirectStatus.SEE_OTHER }) });
    })?.[0]).toMatch(/^\[test\/gw\/r\] Redirect to a fixed URL \(path and query dropped\) \(redirect\.statusCode\) is not supported by controller 'traefik-ingress': Traefik redirects answer 301\/308/);
  });
});
