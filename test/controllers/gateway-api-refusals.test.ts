import { Duration } from 'cdk8s';
import {
  ApiGateway, Backend, BackendProtocol, CaCertificates, CanaryTraffic, ClientAuth, Controller, HeaderMatch, HttpMethod, PathMatch, QueryParamMatch,
  Retries, SameSite, SessionAffinity, TlsCertificate,
} from '../../src';
import { newChart, synthError } from '../util';

/** The synth error of one portable Gateway API gateway, as its message lines. */
function errorsOf(build: (gw: ApiGateway) => void, experimentalChannel = false): string[] | undefined {
  const chart = newChart();
  build(new ApiGateway(chart, 'gw', { controller: Controller.gatewayApi({ gatewayClassName: 'example', experimentalChannel }) }));
  return synthError(chart)?.split('\n').slice(1).map(l => l.trim());
}

const GRPC_ELSEWHERE = 'Supported by: Controller.ingressNginx(), Controller.traefik(), Controller.traefik({ output: TraefikOutput.INGRESS }), '
  + 'Controller.kong(), Controller.kong({ mode: KongMode.GATEWAY_API }), Controller.envoyGateway(), Controller.istio().';
const AFFINITY_ELSEWHERE = 'Supported by: Controller.ingressNginx(), Controller.traefik(), Controller.traefik({ output: TraefikOutput.INGRESS }), Controller.envoyGateway().';

describe('Gateway API: values the portable API cannot express, exact refusals', () => {
  test('a GRPCRoute match has no query parameters and no method', () => {
    expect(errorsOf(gw => {
      const grpc = { backend: Backend.service('g', 80), backendProtocol: BackendProtocol.GRPC };
      gw.addRoute('q', { hosts: ['q.example.com'], match: { path: PathMatch.prefix('/pkg.Svc'), queryParams: [QueryParamMatch.exact('a', 'b')] }, ...grpc });
      gw.addRoute('m', { hosts: ['m.example.com'], match: { path: PathMatch.prefix('/pkg.Svc'), method: HttpMethod.POST }, ...grpc });
    })).toEqual([
      `[test/gw/q] gRPC backend (match) is not supported by controller 'gateway-api': gRPC requests have no query parameters to match. ${GRPC_ELSEWHERE}`,
      "[test/gw/m] gRPC backend (match) is not supported by controller 'gateway-api': gRPC calls are always POST, so a method match cannot be expressed on a "
      + `GRPCRoute. ${GRPC_ELSEWHERE}`,
    ]);
  });

  test('session persistence cookie attributes are the implementation\'s (GEP-1619), and its TTL a GEP-2257 duration', () => {
    expect(errorsOf(gw => {
      const route = (id: string, affinity: SessionAffinity) => gw.addRoute(id, { hosts: [`${id}.example.com`], backend: Backend.service('svc', 80), sessionAffinity: affinity });
      route('a', SessionAffinity.cookie({ name: 's', secure: false }));
      route('b', SessionAffinity.cookie({ name: 's', httpOnly: false }));
      route('c', SessionAffinity.cookie({ name: 's', sameSite: SameSite.LAX }));
      route('d', SessionAffinity.cookie({ name: 's', ttl: Duration.hours(100_000) }));
      route('e', SessionAffinity.cookie({ name: 's', sameSite: SameSite.STRICT, ttl: Duration.hours(99_999) }));
    }, true)).toEqual([
      "[test/gw/a] Cookie session affinity (sessionAffinity) is not supported by controller 'gateway-api': Gateway API implementations set Secure on the cookie "
      + `(GEP-1619); leave \`secure\` at true. ${AFFINITY_ELSEWHERE}`,
      "[test/gw/b] Cookie session affinity (sessionAffinity) is not supported by controller 'gateway-api': Gateway API implementations set HttpOnly on the cookie "
      + `(GEP-1619); leave \`httpOnly\` at true. ${AFFINITY_ELSEWHERE}`,
      "[test/gw/c] Cookie session affinity (sessionAffinity) is not supported by controller 'gateway-api': Gateway API implementations set SameSite=Strict on the "
      + `cookie (GEP-1619), not Lax. ${AFFINITY_ELSEWHERE}`,
      "[test/gw/d] Cookie session affinity (sessionAffinity) is not supported by controller 'gateway-api': the TTL is longer than the largest Gateway API duration "
      + `(99999h). ${AFFINITY_ELSEWHERE}`,
    ]);
  });

  test('client certificates per port: every TlsHost must agree; listener names from hostnames must not collide', () => {
    expect(errorsOf(gw => {
      gw.addRoute('r', { hosts: ['a.example.com', 'b.example.com', 'a-b.example.com', 'a.b.example.com'], backend: Backend.service('svc', 80) });
      const ca = ClientAuth.required(CaCertificates.fromConfigMap('ca'));
      gw.addTlsHost('a', { hosts: ['a.example.com'], certificate: TlsCertificate.fromSecret('a'), clientAuth: ca });
      gw.addTlsHost('b', { hosts: ['b.example.com'], certificate: TlsCertificate.fromSecret('b') });
      gw.addTlsHost('c', { hosts: ['a-b.example.com'], certificate: TlsCertificate.fromSecret('c'), clientAuth: ca });
      gw.addTlsHost('d', { hosts: ['a.b.example.com'], certificate: TlsCertificate.fromSecret('c'), clientAuth: ca });
    })).toEqual([
      "[test/gw/b] Client certificate verification (mTLS) (clientAuth) is not supported by controller 'gateway-api': Gateway API validates client certificates "
      + 'for every HTTPS listener of a port (Gateway spec.tls.frontend), and [test/gw/a] sets it while this TlsHost does not; give every TlsHost of the gateway the '
      + 'same clientAuth, or choose Controller.envoyGateway() (per listener). Supported by: Controller.ingressNginx(), Controller.traefik(), '
      + 'Controller.traefik({ output: TraefikOutput.INGRESS }), Controller.envoyGateway(), Controller.istio().',
      "[test/gw/d] TlsHost.hosts: 'a.b.example.com' and 'a-b.example.com' both need the Gateway listener 'https-a-b-example-com' (names are derived from the "
      + "hostname with '.' replaced by '-'); rename one of the hosts or serve it from another ApiGateway",
    ]);
  });

  test('a canary rendered into the stable rule serves all its hosts, and adds no 17th header condition', () => {
    expect(errorsOf(gw => {
      const stable = gw.addRoute('r', { hosts: ['a.example.com', 'b.example.com'], backend: Backend.service('v1', 80) });
      gw.addCanary('c', { stable, hosts: ['a.example.com'], canary: Backend.service('v2', 80), traffic: CanaryTraffic.weight(10) });
      const headers = Array.from({ length: 16 }, (_, i) => HeaderMatch.exact(`x-h${i}`, 'v'));
      const full = gw.addRoute('h', { hosts: ['h.example.com'], match: { headers }, backend: Backend.service('v1', 80) });
      gw.addCanary('hc', { stable: full, canary: Backend.service('v2', 80), traffic: CanaryTraffic.header('x-canary', 'yes') });
      // 15 header conditions leave room for the canary's.
      const room = gw.addRoute('k', { hosts: ['k.example.com'], match: { headers: headers.slice(1) }, backend: Backend.service('v1', 80) });
      gw.addCanary('kc', { stable: room, canary: Backend.service('v2', 80), traffic: CanaryTraffic.header('x-canary', 'yes') });
    })).toEqual([
      "[test/gw/c] CanarySplit.hosts: on gateway-api a weighted split or a mirror is rendered into the stable route's own HTTPRoute rule, which serves every host "
      + "of [test/gw/r] (a.example.com, b.example.com); omit 'hosts' to canary all of them, or give the canaried hosts a Route of their own",
      "[test/gw/hc] CanarySplit.traffic: the stable match already has 16 header conditions, the most an HTTPRoute match holds, so the canary's condition cannot "
      + 'be added; use a weighted canary or fewer header conditions',
    ]);
  });
});

describe('Gateway API retries (experimental channel): exact refusals', () => {
  test('a backoff longer than the largest GEP-2257 duration', () => {
    expect(errorsOf(gw => {
      gw.addRoute('r', { hosts: ['r.example.com'], match: { method: HttpMethod.GET }, backend: Backend.service('svc', 80), retries: Retries.of({ attempts: 2, backoff: Duration.hours(100_000) }) });
    }, true)?.[0]).toMatch(/^\[test\/gw\/r\] Retry backoff \(retries\.backoff\) is not supported by controller 'gateway-api': it is longer than the largest Gateway API duration \(99999h\)\. Supported by: /);
  });
});
