import { Duration } from 'cdk8s';
import {
  AcmeServer, AcmeSolver, ApiGateway, Backend, CaCertificates, CanarySplit, CanaryTraffic, Certificate, ClusterIssuer, Controller, Cors,
  DistributedRateLimit, Dns01Provider, EdgeAuth, HeaderRules, Hsts, HttpMethod, IssuerType, Redirect, Retries, Route, SessionAffinity, TlsCertificate,
  TlsHost, TrafficMirror, DirectResponse, DirectResponseOptions, UrlRedirectOptions,
} from '../src';
import { notOurs } from './property/invalid';
import { newChart, synthError } from './util';

/*
 * Regression tests for the invalid inputs the property tests (test/property/invalid.ts) found
 * throwing a TypeError (or an unformatted message) from inside the library. Each now fails with
 * the library's own error naming the construct path or the factory field, and the prop.
 */

function thrown(fn: () => unknown): Error {
  try {
    fn();
  } catch (e) {
    return e as Error;
  }
  throw new Error('expected a throw');
}

const gateway = () => new ApiGateway(newChart(), 'edge', { controller: Controller.ingressNginx() });
const svc = Backend.service('api', 80);

describe('invalid inputs fail with the library\'s own errors', () => {
  test.each<[string, () => unknown, string | RegExp]>([
    // Construct ids become part of every path and message.
    ['a non-string id', () => gateway().addRoute(true as any, { backend: svc }), '[test/edge] Route: construct id true must be a non-empty string without control characters'],
    ['an empty id', () => new ApiGateway(newChart(), '', { controller: Controller.istio() }), "[test] ApiGateway: construct id '' must be a non-empty string"],
    ['an id with a line break', () => gateway().addTlsHost('a\r\nb', { hosts: ['a.example.com'], certificate: TlsCertificate.fromSecret('c') }),
      "[test/edge] TlsHost: construct id 'a\\r\\nb' must be a non-empty string without control characters"],
    ['a symbol id', () => gateway().addCanary(Symbol.for('s') as any, {} as any), '[test/edge] CanarySplit: construct id Symbol(s) must be'],
    ['an id that is no object name', () => gateway().addRoute('é', { backend: svc }), "[test/edge/é] Route: construct id 'é' does not give a valid object name"],
    ['a TlsHost id that is no object name', () => gateway().addTlsHost('X)j', { hosts: ['a.example.com'], certificate: TlsCertificate.fromSecret('c') }),
      "[test/edge/X)j] TlsHost: construct id 'X)j' does not give a valid object name; use an id of letters, digits and '-'"],
    // Props and options that are null or not objects.
    ['props undefined', () => new Route(gateway(), 'r', undefined as any), '[test/edge/r] Route.gateway: must be an ApiGateway'],
    ['CanarySplit props null', () => new CanarySplit(gateway(), 'c', null as any), '[test/edge/c] CanarySplit.stable: must be the Route'],
    ['TlsHost props undefined', () => new TlsHost(gateway(), 't', undefined as any), '[test/edge/t] TlsHost.gateway: must be an ApiGateway'],
    ['ApiGateway.defaults null', () => new ApiGateway(newChart(), 'gw', { controller: Controller.istio(), defaults: null as any }),
      '[test/gw] ApiGateway.defaults: must be a RoutePolicies object, got null'],
    ['Controller options null', () => Controller.kong(null as any), /^$/],
    ['Controller options a string', () => Controller.traefik('x' as any), "Controller.traefik: options must be an object, got 'x'"],
    ['Controller.gatewayApi attachTo a string', () => Controller.gatewayApi({ attachTo: 'shared' as any }), 'Controller.gatewayApi.attachTo: must be a GatewayAttachment object'],
    ['experimentalChannel a string', () => Controller.envoyGateway({ experimentalChannel: 'no' as any }), "Controller.envoyGateway.experimentalChannel: 'no' must be true or false"],
    ['Backend.service options null', () => Backend.service('a', 80, null as any), /^$/],
    ['Backend.fromServicePorts with a null port', () => Backend.fromServicePorts('a', [null as any]), "Backend.fromService('a').ports[0]: is null; the array must hold Service ports ({ port, name }) only"],
    ['Redirect.toHttps options null', () => Redirect.toHttps(null as any), /^$/],
    ['DistributedRateLimit.redis options null', () => DistributedRateLimit.redis('redis:6379', null as any), /^$/],
    ['HeaderRules request null', () => HeaderRules.of({ request: null as any, response: { remove: ['x-a'] } }), 'HeaderRules.request: must be an object with set, add and / or remove, got null'],
    ['HeaderRules set a string', () => HeaderRules.of({ request: { set: 'abc' as any } }), "HeaderRules.request.set: must be an object mapping header names to values, got 'abc'"],
    // Lists that are not arrays.
    ['Cors.methods true', () => Cors.allow({ origins: ['https://a.example.com'], methods: true as any }), 'Cors.methods: must be an array of HTTP methods, got true'],
    ['Cors.headers an object', () => Cors.allow({ origins: ['https://a.example.com'], headers: {} as any }), 'Cors.headers: must be an array of header names, got {}'],
    ['HeaderRules remove true', () => HeaderRules.of({ request: { remove: true as any } }), 'HeaderRules.request.remove: must be an array of header names, got true'],
    ['Retries.on true', () => Retries.of({ attempts: 1, on: true as any }), 'Retries.on: must be an array of RetryOn values, got true'],
    ['Retries.statusCodes a number', () => Retries.of({ attempts: 1, statusCodes: 503 as any }), 'Retries.statusCodes: must be an array of HTTP status codes, got 503'],
    ['EdgeAuth responseHeaders a string', () => EdgeAuth.external({ url: 'https://a.example.com/x', responseHeaders: 'x-user' as any }), "EdgeAuth.external.responseHeaders: must be an array of header names, got 'x-user'"],
    ['EdgeAuth audiences an object', () => EdgeAuth.jwt({ issuer: 'i', jwksUri: 'https://a.example.com/j', audiences: {} as any }), 'EdgeAuth.jwt.audiences: must be an array of audiences, got {}'],
    ['EdgeAuth claimsToHeaders true', () => EdgeAuth.jwt({ issuer: 'i', jwksUri: 'https://a.example.com/j', claimsToHeaders: true as any }), 'EdgeAuth.jwt.claimsToHeaders: must be an array'],
    ['EdgeAuth.apiKey without options', () => EdgeAuth.apiKey(undefined as any), 'EdgeAuth.apiKey.secretName: undefined is not a valid object name'],
    // issue #17: external auth extras
    ['EdgeAuth requestHeaders a string', () => EdgeAuth.external({ url: 'https://a.example.com/x', requestHeaders: 'cookie' as any }), "EdgeAuth.external.requestHeaders: must be an array of header names, got 'cookie'"],
    ['EdgeAuth requestHeaders empty', () => EdgeAuth.external({ url: 'https://a.example.com/x', requestHeaders: [] }), 'EdgeAuth.external.requestHeaders: is empty'],
    ['EdgeAuth requestHeaders not a token', () => EdgeAuth.external({ url: 'https://a.example.com/x', requestHeaders: ['x user'] }), 'EdgeAuth.external.requestHeaders[0]: '],
    ['EdgeAuth requestHeaders twice in two cases', () => EdgeAuth.external({ url: 'https://a.example.com/x', requestHeaders: ['Cookie', 'cookie'] }), 'names a header twice'],
    ['EdgeAuth forwardBody a number', () => EdgeAuth.external({ url: 'https://a.example.com/x', forwardBody: 1024 as any }), 'EdgeAuth.external.forwardBody: must be created with BodySize'],
    ['EdgeAuth ca a string', () => EdgeAuth.external({ url: 'https://a.example.com/x', ca: 'auth-ca' as any }), 'EdgeAuth.external.ca: must be created with CaCertificates.fromSecret()'],
    ['EdgeAuth ca on plain http', () => EdgeAuth.external({ url: 'http://auth.auth.svc/x', ca: CaCertificates.fromSecret('auth-ca') }), 'EdgeAuth.external.ca: verifies an https auth service; the url is plain http'],
    ['EdgeAuth clientCertificateSecret null', () => EdgeAuth.external({ url: 'https://a.example.com/x', clientCertificateSecret: null as any }), 'EdgeAuth.external.clientCertificateSecret: '],
    ['EdgeAuth.apiKey anyConsumer with a secretName', () => EdgeAuth.apiKey({ anyConsumer: true, secretName: 'keys' }),
      'EdgeAuth.apiKey.anyConsumer: accepts the keys of every consumer, so there is no secretName; leave one of them out'],
    ['EdgeAuth.apiKey anyConsumer a string', () => EdgeAuth.apiKey({ anyConsumer: 'yes' as any }), "EdgeAuth.apiKey.anyConsumer: 'yes' must be true or false"],
    ['EdgeAuth.apiKey anyConsumer false without a secretName', () => EdgeAuth.apiKey({ anyConsumer: false }), 'EdgeAuth.apiKey.secretName: undefined is not a valid object name'],
    ['EdgeAuth.apiKey queryParameter with a space', () => EdgeAuth.apiKey({ secretName: 'keys', queryParameter: 'api key' }),
      "EdgeAuth.apiKey.queryParameter: 'api key' must be a query parameter name of letters, digits, '-', '_', '.' or '~' (1 to 64)"],
    ['EdgeAuth.apiKey queryParameter null', () => EdgeAuth.apiKey({ secretName: 'keys', queryParameter: null as any }), 'EdgeAuth.apiKey.queryParameter: null must be a query parameter name'],
    ['EdgeAuth.apiKey removeKey a string', () => EdgeAuth.apiKey({ secretName: 'keys', removeKey: 'true' as any }), "EdgeAuth.apiKey.removeKey: 'true' must be true or false"],
    ['EdgeAuth clientCertificateSecret on plain http', () => EdgeAuth.external({ url: 'http://auth.auth.svc/x', clientCertificateSecret: 'c' }), 'EdgeAuth.external.clientCertificateSecret: is presented to an https auth service'],
    // Booleans that are not booleans (were rendered into annotations as text).
    ['Cors.credentials a string', () => Cors.allow({ origins: ['https://a.example.com'], credentials: 'a\r\nb' as any }), "Cors.credentials: 'a\\r\\nb' must be true or false"],
    ['SessionAffinity.secure a function', () => SessionAffinity.cookie({ name: 'c', secure: (() => 1) as any }), /SessionAffinity.cookie.secure: a function.* must be true or false/],
    ['SessionAffinity.httpOnly a number', () => SessionAffinity.cookie({ name: 'c', httpOnly: 1 as any }), 'SessionAffinity.cookie.httpOnly: 1 must be true or false'],
    // Values that cannot be turned into text.
    ['a bigint weight text', () => CanaryTraffic.parseWeight(10n as any), /^$/],
    ['a method that is an object', () => gateway().addRoute('r', { match: { method: Object.create(null) }, backend: svc }), '[test/edge/r] Route.match.method: {} is not an HttpMethod'],
    ['a method that is a symbol', () => gateway().addRoute('r', { match: { method: Symbol.for('GET') as unknown as HttpMethod }, backend: svc }), '[test/edge/r] Route.match.method: Symbol(GET) is not an HttpMethod'],
    ['a Duration where a list is expected', () => Retries.of({ attempts: 1, on: Duration.seconds(1) as any }), 'Retries.on: must be an array of RetryOn values, got a Duration'],
    // Retry timing and the non-idempotent opt-in (issue #17).
    ['Retries.nonIdempotent a string', () => Retries.of({ attempts: 1, nonIdempotent: 'yes' as any }), "Retries.nonIdempotent: 'yes' must be true or false"],
    ['Retries.nonIdempotent null', () => Retries.of({ attempts: 1, nonIdempotent: null as any }), 'Retries.nonIdempotent: null must be true or false'],
    ['Retries.backoff a number', () => Retries.of({ attempts: 1, backoff: 100 as any }), 'Retries.backoff: must be a cdk8s Duration, e.g. Duration.seconds(30)'],
    ['Retries.window NaN', () => Retries.of({ attempts: 1, window: Duration.seconds(NaN) }), /^Retries\.window: /],
    ['Retries.maxBackoff without backoff', () => Retries.of({ attempts: 1, maxBackoff: Duration.seconds(1) }), 'Retries.maxBackoff: needs backoff (the wait before the first retry)'],
    ['Retries.maxBackoff below backoff', () => Retries.of({ attempts: 1, backoff: Duration.seconds(2), maxBackoff: Duration.seconds(1) }), 'Retries.maxBackoff: 1 second must be at least backoff (2 seconds)'],
    // TLS and cert-manager (found after merging the TLS work).
    ['minTlsVersion an object', () => gateway().addTlsHost('t', { hosts: ['a.example.com'], certificate: TlsCertificate.fromSecret('c'), minTlsVersion: {} as any }),
      '[test/edge/t] TlsHost.minTlsVersion: {} is not a TlsVersion'],
    ['TlsCertificate.fromIssuer options null', () => TlsCertificate.fromIssuer(ClusterIssuer.fromName('le'), null as any), /^$/],
    ['AcmeSolver.http01Gateway options null', () => AcmeSolver.http01Gateway('edge', null as any), /^$/],
    ['Certificate.privateKeyAlgorithm a symbol', () => new Certificate(newChart(), 'c', {
      issuer: ClusterIssuer.fromName('le'), dnsNames: ['a.shop.dev'], secretName: 's', privateKeyAlgorithm: Symbol.for('x') as any,
    }), '[test/c] Certificate.privateKeyAlgorithm: Symbol(x) is not a PrivateKeyAlgorithm'],
    ['Dns01Provider.route53 region an object', () => AcmeSolver.dns01(Dns01Provider.route53({ region: {} as any })), 'AcmeSolver.dns01: route53.region: {} must be a non-empty value'],
    ['Dns01Provider.webhook config with a class instance', () => AcmeSolver.dns01(Dns01Provider.webhook({ groupName: 'acme.shop.dev', solverName: 'd', config: { at: new Date(0) } })),
      'AcmeSolver.dns01: webhook.config: must be plain JSON data'],
    ['EdgeAuth.jwt issuer too long (Envoy Gateway bounds it)', () => EdgeAuth.jwt({ issuer: 'x'.repeat(254), jwksUri: 'https://a.example.com/j' }), 'EdgeAuth.jwt.issuer: is 254 characters long; at most 253'],
    ['EdgeAuth.jwt too many audiences', () => EdgeAuth.jwt({ issuer: 'i', jwksUri: 'https://a.example.com/j', audiences: Array.from({ length: 9 }, (_, i) => `a${i}`) }),
      "EdgeAuth.jwt.audiences: 9 audiences; at most 8 (Envoy Gateway's limit)"],
  ])('%s', (_name, fn, expected) => {
    let error: Error | undefined;
    try {
      fn();
    } catch (e) {
      error = e as Error;
    }
    if (expected instanceof RegExp && expected.source === '^$') {
      // Accepted at the call (optional options): nothing to throw.
      expect(error).toBeUndefined();
      return;
    }
    expect(error).toBeDefined();
    expect(notOurs(error)).toBeUndefined();
    if (typeof expected === 'string') expect(error!.message).toContain(expected);
    else expect(error!.message).toMatch(expected);
  });

  test('a bigint canary weight text fails at the CanarySplit, naming it', () => {
    const gw = gateway();
    const stable = gw.addRoute('r', { backend: svc });
    const error = thrown(() => gw.addCanary('c', { stable, canary: Backend.service('v2', 80), traffic: CanaryTraffic.parseWeight(10n as any) }));
    expect(notOurs(error)).toBeUndefined();
    expect(error.message).toBe('[test/edge/c] CanarySplit.traffic: CanaryTraffic.parseWeight(10): 10 is not a whole percentage from 0 to 100');
  });

  test('Hsts flags that are not booleans are refused where the TlsHost is declared (Traefik failed serializing)', () => {
    const error = thrown(() => gateway().addTlsHost('t', { hosts: ['a.example.com'], certificate: TlsCertificate.fromSecret('c'), hsts: Hsts.enable({ includeSubdomains: {} as any }) }));
    expect(notOurs(error)).toBeUndefined();
    expect(error.message).toContain('TlsHost.hsts.includeSubdomains: {} must be true or false');
  });

  test('Dns01Provider.route53(null) renders ambient credentials instead of failing serialization', () => {
    const chart = newChart();
    new ClusterIssuer(chart, 'i', { type: IssuerType.acme({ server: AcmeServer.letsEncryptStaging(), solvers: [AcmeSolver.dns01(Dns01Provider.route53(null as any))] }) });
    expect(synthError(chart)).toBeUndefined();
  });

  test('a route id with a line break no longer breaks the validation message into lines', () => {
    const chart = newChart();
    const gw = new ApiGateway(chart, 'edge', { controller: Controller.ingressNginx() });
    expect(() => gw.addRoute('x\n', { backend: svc })).toThrow('[test/edge] Route: construct id \'x\\n\' must be');
    expect(synthError(chart)).toBeUndefined();
  });
});

/** `[<hole>, value]`, what `[, value]` gives in JavaScript. */
function holey<T>(value: T): T[] {
  const a: T[] = [];
  a[1] = value;
  return a;
}

describe('lists from JavaScript and Python callers: holes, undefined / null elements, non-arrays', () => {
  test.each<[string, () => unknown, string]>([
    ['a hole in Cors.origins', () => Cors.allow({ origins: holey('https://a.example.com') }), 'Cors.origins[0]: is a hole in the array (a stray comma?); the array must hold origins only'],
    ['null in Cors.methods', () => Cors.allow({ origins: ['https://a.example.com'], methods: ['GET', null as any] }), 'Cors.methods[1]: is null; the array must hold HTTP methods only'],
    ['a hole in Cors.exposeHeaders', () => Cors.allow({ origins: ['https://a.example.com'], exposeHeaders: holey('x-a') }),
      'Cors.exposeHeaders[0]: is a hole in the array (a stray comma?); the array must hold header names only'],
    ['a string for HeaderRules remove', () => HeaderRules.of({ request: { remove: 'x-a' as any } }), "HeaderRules.request.remove: must be an array of header names, got 'x-a'"],
    ['a hole in EdgeAuth.jwt audiences', () => EdgeAuth.jwt({ issuer: 'https://i.example.com', jwksUri: 'https://i.example.com/j', audiences: holey('a') }),
      'EdgeAuth.jwt.audiences[0]: is a hole in the array (a stray comma?); the array must hold audiences only'],
    ['undefined in Retries.statusCodes', () => Retries.of({ attempts: 1, statusCodes: [503, undefined as any] }), 'Retries.statusCodes[1]: is undefined; the array must hold HTTP status codes only'],
    ['a hole in Route.hosts', () => gateway().addRoute('r', { hosts: holey('a.example.com'), backend: svc }),
      '[test/edge/r] Route.hosts[0]: is a hole in the array (a stray comma?); the array must hold hostnames only'],
    ['null in Route.backends', () => gateway().addRoute('r', { backends: [svc, null as any] }), '[test/edge/r] Route.backends[1]: is null; the array must hold Backend values only'],
    ['a Set for Route.matches', () => gateway().addRoute('r', { matches: new Set([{}]) as any, backend: svc }), '[test/edge/r] Route.matches: must be an array of RouteMatch objects, got a Set'],
    ['a hole in match headers', () => gateway().addRoute('r', { match: { headers: holey(undefined as any) }, backend: svc }),
      '[test/edge/r] Route.match.headers[0]: is a hole in the array (a stray comma?); the array must hold HeaderMatch values only'],
    ['an array-like TlsHost.hosts', () => gateway().addTlsHost('t', { hosts: { 0: 'a.example.com', length: 1 } as any, certificate: TlsCertificate.fromSecret('c') }),
      '[test/edge/t] TlsHost.hosts: must be an array of hostnames, got {"0":"a.example.com","length":1}'],
    ['a hole in Certificate.dnsNames', () => new Certificate(newChart(), 'c', { issuer: ClusterIssuer.fromName('le'), dnsNames: holey('a.example.com'), secretName: 'c' }),
      '[test/c] Certificate.dnsNames[0]: is a hole in the array (a stray comma?); the array must hold DNS names only'],
    ['null among ACME solvers', () => new ClusterIssuer(newChart(), 'le', { type: IssuerType.acme({ server: AcmeServer.letsEncryptStaging(), solvers: [null as any] }) }),
      '[test/le] ClusterIssuer.type.solvers[0]: is null; the array must hold AcmeSolver values only'],
    ['a hole in a solver selector', () => AcmeSolver.dns01(Dns01Provider.cloudflare({ apiToken: { name: 'cf', key: 't' } }), { selector: { dnsZones: holey('shop.dev') } }),
      'AcmeSolver.dns01.selector.dnsZones[0]: is a hole in the array (a stray comma?); the array must hold DNS zones only'],
  ])('%s', (_name, fn, message) => {
    const e = thrown(fn);
    expect(notOurs(e)).toBeUndefined();
    expect(e.message).toBe(message);
  });
});

describe('backend weights from JavaScript and Python callers', () => {
  const weighted = (weight: unknown) => gateway().addRoute('r', { backends: [Backend.service('a', 80, { weight: weight as number }), svc] });
  test.each<[string, unknown, string]>([
    ['null', null, "[test/edge/r] Route.backends[0]: Backend.service('a', 80): weight: null is not a whole number from 0 to 1,000,000"],
    ['NaN', NaN, "[test/edge/r] Route.backends[0]: Backend.service('a', 80): weight: NaN is not a whole number from 0 to 1,000,000"],
    ['a string', '10', "[test/edge/r] Route.backends[0]: Backend.service('a', 80): weight: '10' is not a whole number from 0 to 1,000,000"],
    ['a fraction', 0.5, "[test/edge/r] Route.backends[0]: Backend.service('a', 80): weight: 0.5 is not a whole number from 0 to 1,000,000"],
    ['negative', -1, "[test/edge/r] Route.backends[0]: Backend.service('a', 80): weight: -1 is not a whole number from 0 to 1,000,000"],
    ['too large', 1_000_001, "[test/edge/r] Route.backends[0]: Backend.service('a', 80): weight: 1000001 is not a whole number from 0 to 1,000,000"],
  ])('a weight that is %s', (_name, weight, message) => {
    const e = thrown(() => weighted(weight));
    expect(notOurs(e)).toBeUndefined();
    expect(e.message).toBe(message);
  });

  test('every weight 0: an error naming the route', () => {
    const e = thrown(() => gateway().addRoute('r', { backends: [Backend.service('a', 80, { weight: 0 }), Backend.service('b', 80, { weight: 0 })] }));
    expect(e.message).toBe("[test/edge/r] Route.backends: every backend of route 'edge-r' has weight 0, so no backend would receive traffic; give at least one a weight above 0");
  });

  test('a weight where it has no meaning (default backend, canary, mirror, passthrough) is refused, naming the field', () => {
    const w = () => Backend.service('x', 80, { weight: 5 });
    expect(thrown(() => new ApiGateway(newChart(), 'gw', { controller: Controller.istio(), defaultBackend: w() })).message)
      .toContain("Backend.service('x', 80): weight: only a route's backends take a weight");
    const gw = gateway();
    const stable = gw.addRoute('r', { backend: svc });
    expect(thrown(() => gw.addCanary('c', { stable, canary: w(), traffic: CanaryTraffic.weight(10) })).message)
      .toBe("[test/edge/c] CanarySplit.canary: Backend.service('x', 80): weight: only a route's backends take a weight (a share of the route's traffic); remove it here");
  });
});

describe('backend header rules from JavaScript and Python callers', () => {
  const headed = (headers: unknown) => gateway().addRoute('r', { backends: [Backend.service('a', 80, { headers: headers as HeaderRules }), svc] });
  test.each<[string, unknown, string]>([
    ['null', null, "[test/edge/r] Route.backends[0]: Backend.service('a', 80): headers: must be created with HeaderRules.of(), got null"],
    ['a plain object', { request: { set: { a: 'b' } } }, "[test/edge/r] Route.backends[0]: Backend.service('a', 80): headers: must be created with HeaderRules.of(), got {\"request\":{\"set\":{\"a\":\"b\"}}}"],
    ['a string', 'x-a: b', "[test/edge/r] Route.backends[0]: Backend.service('a', 80): headers: must be created with HeaderRules.of(), got 'x-a: b'"],
  ])('headers that are %s', (_name, headers, message) => {
    const e = thrown(() => headed(headers));
    expect(notOurs(e)).toBeUndefined();
    expect(e.message).toBe(message);
  });

  test('a value with a line break is refused by HeaderRules.of, naming the header', () => {
    const e = thrown(() => Backend.service('a', 80, { headers: HeaderRules.of({ request: { set: { 'x-a': 'b\r\nx-b: c' } } }) }));
    expect(notOurs(e)).toBeUndefined();
    expect(e.message).toContain("HeaderRules.request.set['x-a']");
  });

  test('header rules where they have no meaning (default backend) are refused, naming the field', () => {
    expect(thrown(() => new ApiGateway(newChart(), 'gw', { controller: Controller.istio(), defaultBackend: Backend.service('x', 80, { headers: HeaderRules.of({ request: { remove: ['x-a'] } }) }) })).message)
      .toContain("Backend.service('x', 80): headers: only a route's backends take header rules");
  });
});

describe('route mirrors from JavaScript and Python callers', () => {
  const mirrored = (mirrors: unknown, extra: object = {}) => gateway().addRoute('r', { backend: svc, mirrors: mirrors as TrafficMirror[], ...extra });
  test.each<[string, () => unknown, string]>([
    ['not an array', () => mirrored('x'), "[test/edge/r] Route.mirrors: must be an array of TrafficMirror values, got 'x'"],
    ['null inside', () => mirrored([null]), '[test/edge/r] Route.mirrors[0]: is null; the array must hold TrafficMirror values only'],
    ['a plain object', () => mirrored([{ backend: svc, percent: 5 }]), '[test/edge/r] Route.mirrors[0]: must be created with TrafficMirror.to()'],
    ['a NaN percent', () => mirrored([TrafficMirror.to(Backend.service('s', 80), { percent: NaN })]), '[test/edge/r] Route.mirrors[0]: percent NaN is not a whole percentage from 0 to 100'],
    ['the route\'s own backend', () => mirrored([TrafficMirror.to(Backend.service('api', 80))]),
      '[test/edge/r] Route.mirrors[0]: edge/api:80 is a backend of the route, which would receive its requests twice; mirror to a shadow Service'],
    ['one backend twice', () => mirrored([TrafficMirror.to(Backend.service('s', 80)), TrafficMirror.to(Backend.service('s', 80), { percent: 5 })]),
      '[test/edge/r] Route.mirrors[1]: mirrors to edge/s:80 twice'],
    ['a weighted mirror backend', () => mirrored([TrafficMirror.to(Backend.service('s', 80, { weight: 2 }))]),
      "[test/edge/r] Route.mirrors[0]: Backend.service('s', 80): weight: only a route's backends take a weight (a share of the route's traffic); remove it here"],
    ['five mirrors', () => mirrored([1, 2, 3, 4, 5].map(i => TrafficMirror.to(Backend.service(`s${i}`, 80)))), '[test/edge/r] Route.mirrors: at most 4 mirrors per route (got 5)'],
    ['a redirect without backend', () => gateway().addRoute('r', { redirect: Redirect.to({ host: 'b.example.com' }), mirrors: [TrafficMirror.to(Backend.service('s', 80))] }),
      '[test/edge/r] Route.mirrors: a route that redirects without a backend forwards nothing, so there is nothing to mirror; remove the mirrors or the redirect'],
  ])('%s', (_name, fn, message) => {
    const e = thrown(fn);
    expect(notOurs(e)).toBeUndefined();
    expect(e.message).toBe(message);
  });

  test('a mirrored route cannot be a canary\'s stable route', () => {
    const gw = gateway();
    const stable = gw.addRoute('r', { backend: svc, mirrors: [TrafficMirror.to(Backend.service('s', 80))] });
    expect(thrown(() => gw.addCanary('c', { stable, canary: Backend.service('v2', 80), traffic: CanaryTraffic.weight(10) })).message)
      .toBe('[test/edge/c] CanarySplit.stable: [test/edge/r] mirrors its requests (Route.mirrors); a canary of a mirrored route is not supported: mirror with CanarySplit.mirror instead');
  });
});

describe('direct responses from JavaScript and Python callers', () => {
  const responding = (respond: unknown, extra: object = {}) => gateway().addRoute('r', { respond: respond as DirectResponse, ...extra });
  const fixed = (options: unknown) => () => DirectResponse.fixed(options as DirectResponseOptions);
  test.each<[string, () => unknown, string]>([
    ['options undefined', fixed(undefined), 'DirectResponse.fixed: options are required, got undefined'],
    ['options null', fixed(null), 'DirectResponse.fixed: options are required, got null'],
    ['options an array', fixed([500]), 'DirectResponse.fixed: options are required, got [500]'],
    ['no status', fixed({}), 'DirectResponse.statusCode: undefined must be a whole number from 200 to 299 or 400 to 599 (use Redirect for 3xx)'],
    ['a NaN status', fixed({ statusCode: NaN }), 'DirectResponse.statusCode: NaN must be a whole number from 200 to 299 or 400 to 599 (use Redirect for 3xx)'],
    ['a status as text', fixed({ statusCode: '503' }), "DirectResponse.statusCode: '503' must be a whole number from 200 to 299 or 400 to 599 (use Redirect for 3xx)"],
    ['a 3xx status', fixed({ statusCode: 302 }), 'DirectResponse.statusCode: 302 must be a whole number from 200 to 299 or 400 to 599 (use Redirect for 3xx)'],
    ['a 1xx status', fixed({ statusCode: 101 }), 'DirectResponse.statusCode: 101 must be a whole number from 200 to 299 or 400 to 599 (use Redirect for 3xx)'],
    ['a 600 status', fixed({ statusCode: 600 }), 'DirectResponse.statusCode: 600 must be a whole number from 200 to 299 or 400 to 599 (use Redirect for 3xx)'],
    ['a body that is no string', fixed({ statusCode: 503, body: 42 }), 'DirectResponse.body: 42 must be a string'],
    ['an empty body', fixed({ statusCode: 503, body: '' }), 'DirectResponse.body: must not be empty (leave it out for no body of ours)'],
    ['a body with NUL', fixed({ statusCode: 503, body: 'a\0b' }), 'DirectResponse.body: must not contain control characters other than tab, line feed and carriage return'],
    ['a body with ESC', fixed({ statusCode: 503, body: '\x1b[31mred' }), 'DirectResponse.body: must not contain control characters other than tab, line feed and carriage return'],
    ['a lone surrogate', fixed({ statusCode: 503, body: 'a\ud800b' }), 'DirectResponse.body: must be valid Unicode text (a lone surrogate)'],
    ['a body over 4096 bytes', fixed({ statusCode: 503, body: 'é'.repeat(2049) }), 'DirectResponse.body: is 4098 bytes long; at most 4096 bytes (UTF-8)'],
    ['a body on a 204', fixed({ statusCode: 204, body: 'x' }), 'DirectResponse.body: a 204 response has no body'],
    ['a content type without body', fixed({ statusCode: 503, contentType: 'text/html' }), 'DirectResponse.contentType: describes the body: set body too, or leave contentType out'],
    ['a content type with a line break', fixed({ statusCode: 503, body: 'x', contentType: 'text/html\r\nx-evil: 1' }),
      "DirectResponse.contentType: 'text/html\\r\\nx-evil: 1' must be a media type such as 'text/html; charset=utf-8' (at most 256 characters)"],
    ['a content type that is no media type', fixed({ statusCode: 503, body: 'x', contentType: 'html' }),
      "DirectResponse.contentType: 'html' must be a media type such as 'text/html; charset=utf-8' (at most 256 characters)"],
    ['a plain object as respond', () => responding({ statusCode: 503 }), '[test/edge/r] Route.respond: must be created with DirectResponse.fixed(), got {"statusCode":503}'],
    ['respond with a backend', () => responding(DirectResponse.fixed({ statusCode: 503 }), { backend: svc }),
      '[test/edge/r] Route.backend: a route that responds itself (respond) forwards nothing and takes no backend; remove one of them'],
    ['respond with a redirect', () => responding(DirectResponse.fixed({ statusCode: 503 }), { redirect: Redirect.to({ host: 'b.example.com' }) }),
      '[test/edge/r] Route.redirect: a route that responds itself (respond) forwards nothing and takes no redirect; remove one of them'],
    ['respond with a policy', () => responding(DirectResponse.fixed({ statusCode: 503 }), { headerRules: HeaderRules.of({ response: { set: { 'x-a': 'b' } } }) }),
      '[test/edge/r] Route.headerRules: a route that responds itself (respond) forwards nothing and takes no headerRules; remove one of them'],
    ['respond with mirrors', () => responding(DirectResponse.fixed({ statusCode: 503 }), { mirrors: [TrafficMirror.to(Backend.service('s', 80))] }),
      '[test/edge/r] Route.mirrors: a route that responds itself (respond) forwards nothing and takes no mirrors; remove one of them'],
  ])('%s', (_name, fn, message) => {
    const e = thrown(fn);
    expect(notOurs(e)).toBeUndefined();
    expect(e.message).toBe(message);
  });

  test('a body of exactly 4096 bytes, tabs and line breaks are fine; the content type defaults to plain text', () => {
    const gw = new ApiGateway(newChart(), 'edge', { controller: Controller.envoyGateway() });
    const r = gw.addRoute('r', { respond: DirectResponse.fixed({ statusCode: 503, body: `a\tb\r\n${'x'.repeat(4090)}` }) });
    expect(r._ir.directResponse).toEqual({ statusCode: 503, body: `a\tb\r\n${'x'.repeat(4090)}`, contentType: 'text/plain; charset=utf-8' });
  });

  test('a canary of a responding route is refused', () => {
    const gw = gateway();
    const stable = gw.addRoute('r', { respond: DirectResponse.fixed({ statusCode: 503 }) });
    expect(notOurs(thrown(() => gw.addCanary('c', { stable, canary: Backend.service('v2', 80), traffic: CanaryTraffic.weight(10) })))).toBeUndefined();
  });

  test('Envoy Gateway refuses a body with \'%\' (a command operator), naming the field', () => {
    const chart = newChart();
    new ApiGateway(chart, 'edge', { controller: Controller.envoyGateway() }).addRoute('r', { respond: DirectResponse.fixed({ statusCode: 503, body: '100% down' }) });
    expect(synthError(chart)).toContain("[test/edge/r] Direct response (fixed status and body) (respond.body) is not supported by controller 'envoy-gateway': Envoy reads a direct response body as a format string");
  });
});

describe('fixed-URL redirects from JavaScript and Python callers', () => {
  const url = (value: unknown, options?: unknown) => () => Redirect.toUrl(value as string, options as UrlRedirectOptions);
  test.each<[string, () => unknown, string]>([
    ['undefined', url(undefined), 'Redirect.toUrl: undefined must be an absolute http or https URL'],
    ['a number', url(42), 'Redirect.toUrl: 42 must be an absolute http or https URL'],
    ['a relative URL', url('/moved'), "Redirect.toUrl: '/moved' must be an absolute http or https URL (scheme://host[:port][/path][?query]), without user info"],
    ['another scheme', url('ftp://files.example.com/a'), "Redirect.toUrl: 'ftp://files.example.com/a' must be an absolute http or https URL (scheme://host[:port][/path][?query]), without user info"],
    ['user info', url('https://user@www.example.com/'), "Redirect.toUrl: 'https://user@www.example.com/' must be an absolute http or https URL (scheme://host[:port][/path][?query]), without user info"],
    ['a space', url('https://www.example.com/a b'), "Redirect.toUrl: 'https://www.example.com/a b' must not contain whitespace or control characters"],
    ['a line break', url('https://www.example.com/\r\nx: y'), "Redirect.toUrl: 'https://www.example.com/\\r\\nx: y' must not contain whitespace or control characters"],
    ['an nginx variable', url('https://www.example.com$request_uri'), "Redirect.toUrl: 'https://www.example.com$request_uri' must not contain $ ; { } quotes \\ ` < > ^ or | (percent-encode them)"],
    ['non-ASCII', url('https://www.example.com/é'), "Redirect.toUrl: 'https://www.example.com/é' must be ASCII (percent-encode other characters, write the host as its A-label)"],
    ['a wildcard host', url('https://*.example.com/'), "Redirect.toUrl: '*.example.com' must not be a wildcard"],
    ['a bad port', url('https://www.example.com:99999/'), 'Redirect.toUrl: port 99999 must be an integer from 1 to 65535'],
    ['a fragment', url('https://www.example.com/a#top'), "Redirect.toUrl: 'https://www.example.com/a#top' must not have a fragment"],
    ['too long', url(`https://www.example.com/${'a'.repeat(2048)}`), 'Redirect.toUrl: is 2072 characters long; at most 2048'],
    ['options not an object', url('https://www.example.com/', 'x'), "Redirect.toUrl: options must be an object, got 'x'"],
    ['a status that is no redirect', url('https://www.example.com/', { statusCode: 200 }), 'Redirect.toUrl.statusCode: 200 is not a redirect status (301, 302, 303, 307, 308)'],
    ['two backends', () => gateway().addRoute('r', { backends: [svc, Backend.service('b', 80)], redirect: Redirect.toUrl('https://www.example.com/') }),
      '[test/edge/r] Route.backends: a route that redirects to a fixed URL (Redirect.toUrl) names at most one backend, which receives nothing'],
    ['mirrors', () => gateway().addRoute('r', { backend: svc, redirect: Redirect.toUrl('https://www.example.com/'), mirrors: [TrafficMirror.to(Backend.service('s', 80))] }),
      '[test/edge/r] Route.mirrors: a route that redirects without a backend forwards nothing, so there is nothing to mirror; remove the mirrors or the redirect'],
  ])('%s', (_name, fn, message) => {
    const e = thrown(fn);
    expect(notOurs(e)).toBeUndefined();
    expect(e.message).toBe(message);
  });

  test('a canary of a route that redirects to a fixed URL is refused', () => {
    const gw = gateway();
    const stable = gw.addRoute('r', { backend: svc, redirect: Redirect.toUrl('https://www.example.com/') });
    expect(thrown(() => gw.addCanary('c', { stable, canary: Backend.service('v2', 80), traffic: CanaryTraffic.weight(10) })).message)
      .toBe('[test/edge/c] CanarySplit.stable: [test/edge/r] redirects every request to a fixed URL (Redirect.toUrl); its backend receives nothing, so there is no traffic to split');
  });

  test('ingress-nginx needs the route\'s backend (an Ingress path names a Service)', () => {
    const chart = newChart();
    new ApiGateway(chart, 'edge', { controller: Controller.ingressNginx() }).addRoute('r', { redirect: Redirect.toUrl('https://www.example.com/') });
    expect(synthError(chart)).toContain("[test/edge/r] Redirect to a fixed URL (path and query dropped) (redirect) is not supported by controller 'ingress-nginx': an Ingress path needs a backend Service");
  });

  test('ingress-nginx refuses a URL its annotation validator rejects (\'%\', \'+\')', () => {
    const chart = newChart();
    new ApiGateway(chart, 'edge', { controller: Controller.ingressNginx() }).addRoute('r', { backend: svc, redirect: Redirect.toUrl('https://www.example.com/a%20b') });
    expect(synthError(chart)).toContain('permanent-redirect');
  });
});

// Issue #12 / #17: the listener layout and the route's protocols, as a JS / Python caller may pass them.
describe('ApiGateway.httpListeners and Route.protocols name the field', () => {
  test.each<[string, () => unknown, string]>([
    ['httpListeners null', () => new ApiGateway(newChart(), 'gw', { controller: Controller.istio(), httpListeners: null as any }),
      '[test/gw] ApiGateway.httpListeners: null is not an HttpListeners value (SHARED, PER_HOST)'],
    ['httpListeners NaN', () => new ApiGateway(newChart(), 'gw', { controller: Controller.istio(), httpListeners: NaN as any }),
      '[test/gw] ApiGateway.httpListeners: NaN is not an HttpListeners value (SHARED, PER_HOST)'],
    ['httpListeners true', () => new ApiGateway(newChart(), 'gw', { controller: Controller.istio(), httpListeners: true as any }),
      '[test/gw] ApiGateway.httpListeners: true is not an HttpListeners value (SHARED, PER_HOST)'],
    ['protocols NaN', () => gateway().addRoute('r', { backend: svc, protocols: NaN as any }),
      '[test/edge/r] Route.protocols: NaN is not a RouteProtocols value (HTTPS_ONLY, HTTP_ONLY)'],
    ['protocols an array', () => gateway().addRoute('r', { backend: svc, protocols: ['http-only'] as any }),
      '[test/edge/r] Route.protocols: ["http-only"] is not a RouteProtocols value (HTTPS_ONLY, HTTP_ONLY)'],
  ])('%s', (_, fn, expected) => {
    const e = thrown(fn);
    expect(e.message).toContain(expected);
    expect(e).not.toBeInstanceOf(TypeError);
  });
});
