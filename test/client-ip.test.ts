import { roundTripProblems } from './property/roundtrip';
import { CONTROLLERS, newChart, synthConformant, synthError } from './util';
import { ApiGateway, Backend, ClientIp, Controller, IpAccess, RateLimit, TlsCertificate, TlsVersion, Warnings } from '../src';

/*
 * Issue #17: the client address behind a load balancer, declared once per gateway
 * (ApiGatewayProps.clientIp) and used by every policy that reads it.
 */

function gateway(controller: Controller, clientIp?: ClientIp) {
  const chart = newChart();
  const gw = new ApiGateway(chart, 'gw', { controller, clientIp });
  gw.addRoute('r', {
    hosts: ['api.example.com'],
    backend: Backend.service('svc', 80),
    rateLimit: RateLimit.perClientIp({ requests: 10 }),
    ipAccess: IpAccess.allow(['10.0.0.0/8']),
  });
  return { chart, gw };
}

describe('ClientIp.xForwardedFor: rendered where the controller reads X-Forwarded-For per gateway', () => {
  test.each(['traefik', 'traefik-ingress'] as const)('%s: ipStrategy.depth on the rate limit and the allow list; reads back', (c) => {
    const { chart, gw } = gateway(CONTROLLERS[c](), ClientIp.xForwardedFor({ trustedHops: 2 }));
    const objects = synthConformant(chart);
    const middlewares = objects.filter(o => o.kind === 'Middleware');
    expect(middlewares.map(m => m.spec.rateLimit?.sourceCriterion ?? m.spec.ipAllowList?.ipStrategy)).toEqual(
      expect.arrayContaining([{ depth: 2 }, { ipStrategy: { depth: 2 } }]));
    expect(roundTripProblems(c, gw, objects)).toEqual([]);
  });

  test('envoy-gateway: one ClientTrafficPolicy on the Gateway, repeated on per-listener TLS policies; reads back', () => {
    const { chart, gw } = gateway(Controller.envoyGateway(), ClientIp.xForwardedFor({ trustedHops: 1 }));
    gw.addTlsHost('tls', { hosts: ['api.example.com'], certificate: TlsCertificate.fromSecret('api-cert'), minTlsVersion: TlsVersion.TLS_1_3 });
    const objects = synthConformant(chart);
    const ctps = objects.filter(o => o.kind === 'ClientTrafficPolicy');
    expect(ctps.map(o => [o.metadata.name, o.spec.targetRefs, o.spec.clientIPDetection])).toEqual([
      ['gw-client-ip', [{ group: 'gateway.networking.k8s.io', kind: 'Gateway', name: 'gw' }], { xForwardedFor: { numTrustedHops: 1 } }],
      ['gw-tls', [{ group: 'gateway.networking.k8s.io', kind: 'Gateway', name: 'gw', sectionName: 'https-api-example-com' }], { xForwardedFor: { numTrustedHops: 1 } }],
    ]);
    expect(roundTripProblems('envoy-gateway', gw, objects)).toEqual([]);
  });

  test('envoy-gateway attached to a Gateway it does not own refuses the setting', () => {
    const chart = newChart();
    new ApiGateway(chart, 'gw', { controller: Controller.envoyGateway({ attachTo: { name: 'shared', namespace: 'infra' } } as any), clientIp: ClientIp.xForwardedFor({ trustedHops: 1 }) })
      .addRoute('r', { backend: Backend.service('svc', 80), ipAccess: IpAccess.allow(['10.0.0.0/8']) });
    expect(synthError(chart)).toContain('[test/gw] Client IP from X-Forwarded-For (trusted hops) (clientIp) is not supported by controller \'envoy-gateway\': Envoy Gateway detects the client address per Gateway');
  });

  test('traefik: a deny list is a ClientIP() condition on the TCP peer, so it is refused behind trusted hops', () => {
    const chart = newChart();
    new ApiGateway(chart, 'gw', { controller: Controller.traefik(), clientIp: ClientIp.xForwardedFor({ trustedHops: 1 }) })
      .addRoute('r', { backend: Backend.service('svc', 80), ipAccess: IpAccess.deny(['10.0.0.0/8']) });
    expect(synthError(chart)).toContain('[test/gw/r] IP deny list (ipAccess) is not supported by controller \'traefik\': a deny list is a ClientIP() router condition');
  });
});

describe('warnings and bad input', () => {
  test.each(['traefik', 'envoy-gateway', 'ingress-nginx'] as const)('%s: a declared client address (xForwardedFor or tcpPeer) silences client-ip-behind-proxy', (c) => {
    const declared = c === 'ingress-nginx' ? ClientIp.tcpPeer() : ClientIp.xForwardedFor({ trustedHops: 1 });
    expect(Warnings.of(gateway(CONTROLLERS[c](), declared).chart).ids).not.toContain('client-ip-behind-proxy');
    expect(Warnings.of(gateway(CONTROLLERS[c]()).chart).ids).toContain('client-ip-behind-proxy');
  });

  test('ClientIp.tcpPeer() renders exactly like the default', () => {
    for (const c of ['traefik', 'envoy-gateway', 'ingress-nginx', 'kong'] as const) {
      expect(synthConformant(gateway(CONTROLLERS[c](), ClientIp.tcpPeer()).chart)).toEqual(synthConformant(gateway(CONTROLLERS[c]()).chart));
    }
  });

  test.each([0, -1, 1.5, 11, NaN, Infinity, '2', null, undefined])('trustedHops %p is refused naming the field', (hops) => {
    expect(() => ClientIp.xForwardedFor({ trustedHops: hops as any })).toThrow(/ClientIp\.xForwardedFor\.trustedHops: .* must be a whole number from 1 to 10/);
  });

  test('options and the prop from JavaScript: the library\'s error, never a TypeError', () => {
    expect(() => ClientIp.xForwardedFor(undefined as any)).toThrow(/ClientIp\.xForwardedFor/);
    expect(() => ClientIp.xForwardedFor(null as any)).toThrow(/ClientIp\.xForwardedFor/);
    expect(() => new ApiGateway(newChart(), 'gw', { controller: Controller.traefik(), clientIp: { trustedHops: 1 } as any }))
      .toThrow(/\[test\/gw\] ApiGateway.clientIp: must be created with ClientIp.tcpPeer\(\) or ClientIp.xForwardedFor\(\)/);
  });
});
