import { roundTripProblems } from './property/roundtrip';
import { CONTROLLERS, newChart, synthConformant, synthError } from './util';
import { ApiGateway, Backend, RateLimit, RateLimitPeriod } from '../src';
import { ControllerName } from '../src/capabilities/features';
import { KongIngressReader } from '../src/controllers/kong/reader';
import { TraefikReader } from '../src/controllers/traefik/reader';

/*
 * Issue #17 (rate-limit windows) and #16 item 6 (bursts): per hour and per day where the controller
 * counts them, and the unset burst rendered as its defined meaning (one period's worth) instead of
 * each controller's own default. Each rendering reads back to the same intent.
 */

const WINDOWED: readonly ControllerName[] = ['traefik', 'traefik-ingress', 'kong', 'kong-gateway-api', 'envoy-gateway'];

function render(controller: ControllerName, period: RateLimitPeriod, burst?: number) {
  const chart = newChart();
  const gw = new ApiGateway(chart, 'gw', { controller: CONTROLLERS[controller]() });
  gw.addRoute('r', { hosts: ['api.example.com'], backend: Backend.service('svc', 80), rateLimit: RateLimit.perClientIp({ requests: 500, period, burst }) });
  return { gw, objects: synthConformant(chart) };
}

/** The one rate-limit spec of the output, as each controller writes it. */
function limitOf(controller: ControllerName, objects: any[]): unknown {
  if (controller.startsWith('traefik')) {
    const { average, period, burst } = objects.find(o => o.kind === 'Middleware' && o.spec.rateLimit).spec.rateLimit;
    return { average, period, burst };
  }
  if (controller.startsWith('kong')) {
    const { second, minute, hour, day } = objects.find(o => o.kind === 'KongPlugin' && o.plugin === 'rate-limiting').config;
    return { second, minute, hour, day };
  }
  return objects.find(o => o.kind === 'BackendTrafficPolicy').spec.rateLimit.local.rules.map((r: any) => r.limit);
}

const EXPECTED: { readonly [c: string]: (period: 'hour' | 'day') => unknown } = {
  'traefik': p => ({ average: 500, period: p === 'hour' ? '1h' : '24h', burst: 500 }),
  'traefik-ingress': p => ({ average: 500, period: p === 'hour' ? '1h' : '24h', burst: 500 }),
  'kong': p => ({ second: undefined, minute: undefined, hour: p === 'hour' ? 500 : undefined, day: p === 'day' ? 500 : undefined }),
  'kong-gateway-api': p => ({ second: undefined, minute: undefined, hour: p === 'hour' ? 500 : undefined, day: p === 'day' ? 500 : undefined }),
  'envoy-gateway': p => [0, 1].map(() => ({ requests: 500, unit: p === 'hour' ? 'Hour' : 'Day' })),
};

describe('rate limits per hour and per day', () => {
  test.each(WINDOWED.flatMap(c => [[c, RateLimitPeriod.HOUR], [c, RateLimitPeriod.DAY]] as const))('%s per %s: rendered exactly and read back', (controller, period) => {
    const { gw, objects } = render(controller, period);
    expect(limitOf(controller, objects)).toEqual(EXPECTED[controller](period));
    expect(roundTripProblems(controller, gw, objects)).toEqual([]);
  });

  test.each(['ingress-nginx', 'gateway-api', 'istio'] as const)('%s refuses a limit per hour with the standard message', (controller) => {
    const chart = newChart();
    new ApiGateway(chart, 'gw', { controller: CONTROLLERS[controller]() })
      .addRoute('r', { backend: Backend.service('svc', 80), rateLimit: RateLimit.perClientIp({ requests: 500, period: RateLimitPeriod.HOUR }) });
    expect(synthError(chart)).toContain(`[test/gw/r] Rate limit per hour or day (rateLimit.period) is not supported by controller '${controller}'`);
  });
});

describe('the unset burst is one period\'s worth on every controller with a bucket', () => {
  test('a burst equal to the rate is the unset burst (one spelling, one IR)', () => {
    expect(RateLimit.perClientIp({ requests: 10, burst: 10 })._toIR('x')).toEqual(RateLimit.perClientIp({ requests: 10 })._toIR('x'));
  });

  test.each(['ingress-nginx', 'traefik', 'traefik-ingress', 'envoy-gateway'] as const)('%s: unset and burst = requests render the same and read back', (controller) => {
    const unset = render(controller, RateLimitPeriod.MINUTE);
    const explicit = render(controller, RateLimitPeriod.MINUTE, 500);
    expect(explicit.objects).toEqual(unset.objects);
    expect(roundTripProblems(controller, unset.gw, unset.objects)).toEqual([]);
    if (controller === 'ingress-nginx') {
      expect(unset.objects[0].metadata.annotations['nginx.ingress.kubernetes.io/limit-burst-multiplier']).toBe('1');
    }
    if (controller.startsWith('traefik')) expect(limitOf(controller, unset.objects)).toEqual({ average: 500, period: '1m', burst: 500 });
  });

  test('reading Traefik: an absent burst is Traefik\'s default 1, below the rate: unmapped, never a silent bucket of one period', () => {
    const middleware = (rateLimit: object) => [
      { apiVersion: 'traefik.io/v1alpha1', kind: 'Middleware', metadata: { name: 'rl', namespace: 'default' }, spec: { rateLimit } },
      {
        apiVersion: 'traefik.io/v1alpha1',
        kind: 'IngressRoute',
        metadata: { name: 'r', namespace: 'default' },
        spec: { entryPoints: ['web'], routes: [{ kind: 'Rule', match: 'Host(`a.example.com`)', middlewares: [{ name: 'rl' }], services: [{ name: 'svc', port: 80 }] }] },
      },
    ];
    const reasons = (rateLimit: object) => new TraefikReader().read(middleware(rateLimit)).items.filter(i => i.reason).map(i => `${i.field}: ${i.reason}`);
    expect(reasons({ average: 100, period: '1m' })).toEqual([
      'spec.rateLimit.burst: absent, so Traefik\'s default 1 is below one period\'s worth (100), the intent\'s smallest burst',
    ]);
    // average 1: Traefik's default burst is one period's worth; 3600 seconds is an hour.
    expect(reasons({ average: 1, period: 3600 })).toEqual([]);
    expect(reasons({ average: 5, period: '2h' })).toEqual(['spec.rateLimit.average: the intent limits whole requests per second, minute, hour or day (period 1s, 1m, 1h or 24h)']);
  });

  test('reading Kong: month and year windows stay unmapped', () => {
    const plugin = { apiVersion: 'configuration.konghq.com/v1', kind: 'KongPlugin', metadata: { name: 'rl', namespace: 'default' }, plugin: 'rate-limiting', config: { month: 5 } };
    const ingress = {
      apiVersion: 'networking.k8s.io/v1',
      kind: 'Ingress',
      metadata: { name: 'r', namespace: 'default', annotations: { 'konghq.com/plugins': 'rl' } },
      spec: { ingressClassName: 'kong', rules: [{ host: 'a.example.com', http: { paths: [{ path: '/', pathType: 'Prefix', backend: { service: { name: 'svc', port: { number: 80 } } } }] } }] },
    };
    const read = new KongIngressReader().read([plugin, ingress]);
    expect(read.items.filter(i => i.reason).map(i => `${i.field}: ${i.reason}`)).toContain('config.month: the intent limits per second, minute, hour or day, one window per route');
  });
});
