import { Chart, Testing } from 'cdk8s';
import {
  AcmeServer, AcmeSolver, ApiGateway, Backend, ClusterIssuer, Controller, DistributedRateLimit, HttpMethod, IpAccess, IssuerType, PathMatch,
  RateLimit, Redirect, Retries, Rewrite, TlsCertificate, Warnings,
} from '../src';
import { CONTROLLERS, synthError } from './util';
import { ControllerName } from '../src/capabilities/features';

const ALL = Object.keys(CONTROLLERS) as ControllerName[];
/** Columns that render a local per-client-IP rate limit. */
const RATE_LIMITED: ControllerName[] = ['ingress-nginx', 'traefik', 'traefik-ingress', 'kong', 'kong-gateway-api', 'envoy-gateway'];

function chartOf(context: Record<string, unknown> = {}): Chart {
  const app = Testing.app();
  for (const [k, v] of Object.entries(context)) app.node.setContext(k, v);
  return new Chart(app, 'test', { namespace: 'edge' });
}

const REPLICA = 'rateLimit: 10 requests per second is counted by each proxy replica, so N replicas allow N x 10; '
  + 'set distributed (DistributedRateLimit.redis() or controllerStore()) for one shared count, or size the limit per replica';
const CLIENT_IP = (prop: string) => `${prop}: reads the client IP address; behind a load balancer or another proxy that is the proxy's address (one "client" for everyone) `
  + 'unless the controller takes the address from the PROXY protocol or from X-Forwarded-For set by trusted hops; declare it with the gateway\'s clientIp '
  + '(ClientIp.xForwardedFor({ trustedHops }) or ClientIp.tcpPeer()), or configure the controller, then acknowledge this warning';

describe('warnings: rate limits and client addresses', () => {
  test.each(RATE_LIMITED)('%s: a local per-client-IP limit warns per replica, client IP and, on Kong only, the fixed-window burst', (c) => {
    const chart = chartOf();
    const gw = new ApiGateway(chart, 'edge', { controller: CONTROLLERS[c]() });
    gw.addRoute('api', { hosts: ['api.shop.dev'], backend: Backend.service('api', 80), rateLimit: RateLimit.perClientIp({ requests: 10 }) });
    const warnings = Warnings.of(chart).all;
    expect(warnings.map(w => [w.path, w.id])).toEqual([
      ['test/edge/api', 'client-ip-behind-proxy'],
      ...(c.startsWith('kong') ? [['test/edge/api', 'controller-default']] : []),
      ['test/edge/api', 'rate-limit-per-replica'],
    ]);
    expect(warnings[0].message).toBe(CLIENT_IP('rateLimit'));
    expect(warnings[warnings.length - 1].message).toBe(REPLICA);
    // Valid: the synth succeeds and prints nothing in quiet mode.
    expect(synthError(chart)).toBeUndefined();
  });

  test('the unset-burst warning states the intent\'s meaning and what Kong does instead', () => {
    const chart = chartOf();
    const gw = new ApiGateway(chart, 'edge', { controller: Controller.kong() });
    gw.addRoute('api', { backend: Backend.service('api', 80), rateLimit: RateLimit.perHeader('x-api-key', { requests: 10 }) });
    expect(Warnings.of(chart).all.filter(w => w.id === 'controller-default').map(w => w.message)).toEqual([
      'rateLimit.burst: unset means a bucket of one period\'s worth, refilled smoothly, but Kong counts fixed windows: a window\'s requests may all arrive at once, '
      + 'so up to twice the rate can pass across a window boundary; this controller cannot size a bucket: acknowledge this warning, or choose a controller with a token bucket',
    ]);
  });

  test.each(RATE_LIMITED)('%s: a distributed per-header limit warns about nothing but Kong\'s fixed windows', (c) => {
    const chart = chartOf();
    const gw = new ApiGateway(chart, 'edge', { controller: CONTROLLERS[c]() });
    const distributed = c === 'envoy-gateway' ? DistributedRateLimit.controllerStore() : DistributedRateLimit.redis('redis.infra:6379');
    const burst = ['ingress-nginx', 'traefik', 'traefik-ingress'].includes(c) ? 20 : undefined;
    gw.addRoute('api', { backend: Backend.service('api', 80), rateLimit: RateLimit.perHeader('x-api-key', { requests: 10, burst, distributed }) });
    expect(Warnings.of(chart).ids.filter(id => id !== 'controller-default')).toEqual([]);
    expect(Warnings.of(chart).ids.includes('controller-default')).toBe(c.startsWith('kong'));
  });

  test.each(ALL)('%s: an IP allow-list warns that it reads the client IP', (c) => {
    const chart = chartOf();
    const gw = new ApiGateway(chart, 'edge', { controller: CONTROLLERS[c]() });
    gw.addRoute('admin', { backend: Backend.service('admin', 80), ipAccess: IpAccess.allow(['10.0.0.0/8']) });
    expect(Warnings.of(chart).all).toEqual([{ id: 'client-ip-behind-proxy', path: 'test/edge/admin', message: CLIENT_IP('ipAccess') }]);
  });

  test('gateway defaults warn once, on the gateway, not on every route', () => {
    const chart = chartOf();
    const gw = new ApiGateway(chart, 'edge', { controller: Controller.ingressNginx(), defaults: { ipAccess: IpAccess.deny(['192.0.2.0/24']) } });
    gw.addRoute('a', { hosts: ['a.shop.dev'], backend: Backend.service('a', 80) });
    gw.addRoute('b', { hosts: ['b.shop.dev'], backend: Backend.service('b', 80) });
    expect(Warnings.of(chart).all).toEqual([{ id: 'client-ip-behind-proxy', path: 'test/edge', message: CLIENT_IP('defaults.ipAccess') }]);
  });
});

describe('warnings: unsafe escape hatches', () => {
  test('ingress-nginx: a Critical-risk raw annotation allowed with allowUnsafe warns', () => {
    const chart = chartOf();
    const gw = new ApiGateway(chart, 'edge', { controller: Controller.ingressNginx() });
    gw.addRoute('api', {
      backend: Backend.service('api', 80),
      allowUnsafe: true,
      rawAnnotations: { 'nginx.ingress.kubernetes.io/configuration-snippet': 'more_set_headers "x-a: b";', 'nginx.ingress.kubernetes.io/proxy-buffer-size': '16k' },
    });
    expect(Warnings.of(chart).all).toEqual([{
      id: 'unsafe-raw-annotation',
      path: 'test/edge/api',
      message: 'rawAnnotations[\'nginx.ingress.kubernetes.io/configuration-snippet\']: a Critical-risk annotation emitted because allowUnsafe is set: '
        + 'it injects raw ingress-nginx configuration that this library cannot check and that the controller refuses unless its risk settings are raised; prefer a typed prop',
    }]);
  });

  test.each(['traefik-ingress', 'kong'] as ControllerName[])('%s: raw annotations of low risk do not warn', (c) => {
    const chart = chartOf();
    const gw = new ApiGateway(chart, 'edge', { controller: CONTROLLERS[c]() });
    gw.addRoute('api', { backend: Backend.service('api', 80), allowUnsafe: true, rawAnnotations: { 'external-dns.alpha.kubernetes.io/hostname': 'api.shop.dev' } });
    expect(Warnings.of(chart).all).toEqual([]);
  });
});

describe('warnings: HTTPS redirect without TLS', () => {
  const REDIRECTING: ControllerName[] = ALL;
  test.each(REDIRECTING)('%s: Redirect.toHttps() for a host no TlsHost serves warns; with a TlsHost it does not', (c) => {
    const chart = chartOf();
    const gw = new ApiGateway(chart, 'edge', { controller: CONTROLLERS[c]() });
    gw.addRoute('to-https', { hosts: ['a.shop.dev', 'b.shop.dev'], redirect: Redirect.toHttps() });
    gw.addRoute('app', { hosts: ['a.shop.dev', 'b.shop.dev'], backend: Backend.service('app', 80) });
    expect(Warnings.of(chart).all).toEqual([{
      id: 'https-redirect-without-tls',
      path: 'test/edge/to-https',
      message: 'redirect: redirects \'a.shop.dev\', \'b.shop.dev\' to HTTPS, but no TlsHost of this gateway terminates TLS for them '
        + '(clients would get the controller\'s default certificate, or no answer); add a TlsHost, or remove the redirect',
    }]);
    gw.addTlsHost('tls', { hosts: ['*.shop.dev'], certificate: TlsCertificate.fromSecret('shop-tls') });
    expect(Warnings.of(chart).all).toEqual([]);
  });

  test('a catch-all HTTPS redirect on a gateway without TLS warns', () => {
    const chart = chartOf();
    const gw = new ApiGateway(chart, 'edge', { controller: Controller.envoyGateway() });
    gw.addRoute('to-https', { redirect: Redirect.toHttps() });
    expect(Warnings.of(chart).all.map(w => w.message)).toEqual([
      'redirect: redirects every host to HTTPS, but no TlsHost of this gateway terminates TLS; add a TlsHost for the hosts, or remove the redirect',
    ]);
  });
});

describe('warnings: literal paths with \'$\'', () => {
  test.each(ALL)('%s: a trailing \'$\' in a match path and \'$1\' in a rewrite warn (both are literal)', (c) => {
    const chart = chartOf();
    const gw = new ApiGateway(chart, 'edge', { controller: CONTROLLERS[c]() });
    gw.addRoute('r', { match: { path: PathMatch.prefix('/v1$') }, rewrite: Rewrite.replacePrefix('/$1'), backend: Backend.service('a', 80) });
    expect(Warnings.of(chart).all.filter(w => w.id === 'literal-path-dollar').map(w => w.message)).toEqual([
      "match.path: '/v1$' ends with '$', which is matched literally here, not an end anchor; use PathMatch.exact() or PathMatch.regex() if you meant one",
      "rewrite: '/$1' contains '$' followed by a digit or '{', which is matched and written literally here, not a capture reference; use PathMatch.regex() with Rewrite if you meant one",
    ]);
  });
});

describe('warnings: retrying non-idempotent requests', () => {
  const RETRYING: ControllerName[] = ['ingress-nginx', 'traefik', 'traefik-ingress', 'envoy-gateway'];
  test.each(RETRYING)('%s: Retries.nonIdempotent warns where it is declared (route or gateway defaults); without it nothing warns', (c) => {
    const chart = chartOf();
    const gw = new ApiGateway(chart, 'edge', { controller: CONTROLLERS[c](), defaults: { retries: Retries.of({ attempts: 1, statusCodes: [503], nonIdempotent: true }) } });
    gw.addRoute('orders', { hosts: ['shop.dev'], backend: Backend.service('orders', 80), retries: Retries.of({ attempts: 2, statusCodes: [502], nonIdempotent: true }) });
    // Envoy retries every method: without the opt-in only a route matching GET may retry a status.
    gw.addRoute('safe', { hosts: ['safe.shop.dev'], match: c === 'envoy-gateway' ? { method: HttpMethod.GET } : undefined, backend: Backend.service('safe', 80), retries: Retries.of({ attempts: 2, statusCodes: [502] }) });
    const message = (prefix: string) => `${prefix}retries.nonIdempotent: POST, PATCH and other non-idempotent requests are sent again after the backend may have processed them `
      + '(a reset, a retried status code), so an order or a payment can happen twice; make the backend deduplicate (idempotency keys), or acknowledge this warning';
    expect(Warnings.of(chart).all.filter(w => w.id === 'retry-non-idempotent')).toEqual([
      { path: 'test/edge', id: 'retry-non-idempotent', message: message('defaults.') },
      { path: 'test/edge/orders', id: 'retry-non-idempotent', message: message('') },
    ]);
    expect(synthError(chart)).toBeUndefined();
  });
});

describe('warnings: ACME', () => {
  test('an ACME issuer without an email warns', () => {
    const chart = chartOf();
    new ClusterIssuer(chart, 'le', { type: IssuerType.acme({ server: AcmeServer.letsEncryptStaging(), solvers: [AcmeSolver.http01()] }) });
    expect(Warnings.of(chart).all).toEqual([{
      id: 'acme-without-email',
      path: 'test/le',
      message: 'ClusterIssuer.type.email: unset, so the ACME account has no contact and the CA cannot reach you about its certificates (revocations, policy changes); set email',
    }]);
  });

  test('more than 25 Let\'s Encrypt production certificates under one registered domain warn, on every issuer involved', () => {
    const chart = chartOf();
    const solvers = [AcmeSolver.http01()];
    const a = new ClusterIssuer(chart, 'le-a', { type: IssuerType.acme({ server: AcmeServer.letsEncryptProduction(), email: 'ops@shop.dev', solvers }) });
    const b = new ClusterIssuer(chart, 'le-b', { type: IssuerType.acme({ server: AcmeServer.letsEncryptProduction(), email: 'ops@shop.dev', solvers }) });
    const staging = new ClusterIssuer(chart, 'le-staging', { type: IssuerType.acme({ server: AcmeServer.letsEncryptStaging(), email: 'ops@shop.dev', solvers }) });
    const gw = new ApiGateway(chart, 'edge', { controller: Controller.ingressNginx() });
    for (let i = 0; i < 26; i++) {
      const host = `h${i}.shop.co.uk`;
      gw.addRoute(`r${i}`, { hosts: [host], backend: Backend.service('app', 80) });
      gw.addTlsHost(`t${i}`, { hosts: [host], certificate: TlsCertificate.fromIssuer(i < 13 ? a : i < 25 ? b : staging) });
    }
    // 25 from production: at the threshold, no warning yet.
    expect(Warnings.of(chart).all).toEqual([]);
    gw.addRoute('extra', { hosts: ['extra.shop.co.uk'], backend: Backend.service('app', 80) });
    gw.addTlsHost('extra-tls', { hosts: ['extra.shop.co.uk'], certificate: TlsCertificate.fromIssuer(b) });
    const message = '26 certificates under the registered domain \'shop.co.uk\' come from Let\'s Encrypt production in this app, which issues at most 50 new certificates '
      + 'per registered domain per week (this warning starts above 25): a fresh cluster or a re-issue of all of them can hit the limit; share certificates (a wildcard TlsHost) or spread issuance';
    expect(Warnings.of(chart).all).toEqual([
      { id: 'certificates-per-registered-domain', path: 'test/le-a', message },
      { id: 'certificates-per-registered-domain', path: 'test/le-b', message },
    ]);
  });
});

describe('warnings: the channel', () => {
  function warned(chart: Chart) {
    const gw = new ApiGateway(chart, 'edge', { controller: Controller.ingressNginx() });
    gw.addRoute('admin', { backend: Backend.service('admin', 80), ipAccess: IpAccess.allow(['10.0.0.0/8']) });
    return gw;
  }

  test('strict mode (app context) turns every warning into a synth error naming the construct', () => {
    const chart = chartOf({ [Warnings.STRICT_CONTEXT]: true });
    warned(chart);
    expect(synthError(chart)).toBe('Validation failed with the following errors:\n  [test/edge/admin] warning client-ip-behind-proxy: '
      + `${CLIENT_IP('ipAccess')} (an error because 'cdk8s-gateway:strict' is set)`);
  });

  test('strict mode from the environment (cdk8s synth has no --context flag)', () => {
    const chart = chartOf();
    warned(chart);
    process.env.CDK8S_GATEWAY_STRICT = 'true';
    try {
      expect(synthError(chart)).toContain('[test/edge/admin] warning client-ip-behind-proxy: ');
    } finally {
      delete process.env.CDK8S_GATEWAY_STRICT;
    }
  });

  test('an acknowledged warning is not reported, not even in strict mode', () => {
    const chart = chartOf({ [Warnings.STRICT_CONTEXT]: true });
    const gw = warned(chart);
    Warnings.of(gw).acknowledge('client-ip-behind-proxy');
    expect(Warnings.of(chart).all).toEqual([]);
    expect(synthError(chart)).toBeUndefined();
  });

  test('each warning is printed once to stderr, however often the app is synthesized', () => {
    const chart = chartOf({ [Warnings.QUIET_CONTEXT]: false });
    warned(chart);
    const quiet = process.env.CDK8S_GATEWAY_QUIET;
    delete process.env.CDK8S_GATEWAY_QUIET;
    const lines: string[] = [];
    const spy = jest.spyOn(process.stderr, 'write').mockImplementation((chunk: string | Uint8Array) => {
      lines.push(String(chunk));
      return true;
    });
    try {
      Testing.synth(chart);
      Testing.synth(chart);
    } finally {
      spy.mockRestore();
      if (quiet !== undefined) process.env.CDK8S_GATEWAY_QUIET = quiet;
    }
    expect(lines).toEqual([`[WARNING] [test/edge/admin] client-ip-behind-proxy: ${CLIENT_IP('ipAccess')}\n`]);
  });

  test('Warnings.of refuses what is not a construct, acknowledge what is not an id', () => {
    expect(() => Warnings.of(undefined as never)).toThrow('Warnings.of: scope must be a construct (an App, a Chart, an ApiGateway...)');
    expect(() => Warnings.of(chartOf()).acknowledge('')).toThrow('Warnings.acknowledge: id must be a warning id such as \'rate-limit-per-replica\'');
  });
});

describe('warnings: Redis credentials over plain TCP', () => {
  const REDIS: ControllerName[] = ['traefik', 'traefik-ingress', 'kong', 'kong-gateway-api'];
  test.each(REDIS)('%s: a Redis Secret without tls warns where it is declared; with tls, or without a Secret, nothing warns', (c) => {
    const chart = chartOf();
    const gw = new ApiGateway(chart, 'edge', {
      controller: CONTROLLERS[c](),
      defaults: { rateLimit: RateLimit.perHeader('x-api-key', { requests: 10, distributed: DistributedRateLimit.redis('redis.infra:6379', { secretName: 'redis-auth' }) }) },
    });
    gw.addRoute('tls', { hosts: ['a.example.com'], backend: Backend.service('a', 80), rateLimit: RateLimit.perHeader('x-api-key', { requests: 5, distributed: DistributedRateLimit.redis('redis.infra:6380', { secretName: 'redis-auth', tls: true }) }) });
    gw.addRoute('open', { hosts: ['b.example.com'], backend: Backend.service('b', 80), rateLimit: RateLimit.perHeader('x-api-key', { requests: 5, distributed: DistributedRateLimit.redis('redis.infra:6379') }) });
    gw.addRoute('inherits', { hosts: ['c.example.com'], backend: Backend.service('c', 80) });
    expect(Warnings.of(chart).all.filter(w => w.id === 'redis-plaintext-credentials')).toEqual([{
      path: 'test/edge',
      id: 'redis-plaintext-credentials',
      message: 'defaults.rateLimit.distributed: the Redis credentials from Secret \'redis-auth\' are sent to redis.infra:6379 over plain TCP, '
        + 'readable by anyone on the network path; set tls: true on DistributedRateLimit.redis() (a Redis serving TLS), or acknowledge this warning',
    }]);
    expect(synthError(chart)).toBeUndefined();
  });
});
