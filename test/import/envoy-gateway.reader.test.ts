import { mappedLines, readLines, unmappedLines } from './read-corpus';
import { routeTableOf } from '../../src/checks/route-table';
import { ENVOY_GATEWAY_READER } from '../../src/controllers/envoy-gateway/reader';
import { readerFor } from '../../src/import/readers';

const read = (file: string) => readLines('envoy-gateway', file);

describe('envoy-gateway reader: corpus (Envoy Gateway docs examples)', () => {
  test('01 BackendTrafficPolicy: a limit per header value and a connect timeout; a limit for one header value is unmapped', () => {
    const r = read('01-rate-limit.yaml');
    expect(r.routes).toEqual([
      'default one-user.example Prefix:/ -> default/backend:3000',
      'default ratelimit.example Prefix:/ -> default/backend:3000 {"rateLimit":{"key":"header","header":"x-user-id","requests":3,"per":"minute","exemptCidrs":[]},"timeouts":{"connectMs":10000}}',
    ]);
    // Per hour is modelled; a limit for one header value (not every distinct value) is not.
    expect(r.unmapped).toEqual(['BackendTrafficPolicy default/policy-one-user spec.rateLimit: the intent limits per client address (every address) or per value of one header']);
    expect(r.mapped).toEqual(expect.arrayContaining([
      'BackendTrafficPolicy default/policy-httproute spec.rateLimit -> Route.rateLimit (RateLimit.perHeader)',
      'BackendTrafficPolicy default/policy-httproute spec.targetRefs[0] -> the policies of HTTPRoute default/http-ratelimit',
      'BackendTrafficPolicy default/policy-httproute spec.timeout.tcp.connectTimeout -> Route.timeouts.connect',
    ]));
  });

  test('02 SecurityPolicy: JWT with claims to headers; basic auth and a client address allow list', () => {
    const r = read('02-jwt.yaml');
    expect(r.routes).toEqual([
      'default admin.example.com Prefix:/ -> default/admin:3000 {"ipAccess":{"allow":["10.0.0.0/8"],"deny":[]},"auth":{"kind":"basic","secretName":"basic-auth"}}',
      'default www.example.com Prefix:/foo -> default/backend:3000 {"auth":{"kind":"jwt","issuer":"https://foo.bar.com","jwksUri":"https://raw.githubusercontent.com/envoyproxy/gateway/main/examples/kubernetes/jwt/jwks.json","audiences":[],"claimsToHeaders":[{"claim":"sub","header":"x-sub"}]}}',
    ]);
    expect(r.unmapped).toEqual([]);
  });

  test('03 ClientTrafficPolicy on the HTTPS listener: minimum TLS version, client certificates; client IP detection unmapped', () => {
    const r = read('03-client-traffic-policy.yaml');
    expect(r.table.tls).toEqual([{
      host: 'www.example.com',
      secret: 'default/example-cert',
      managedCertificate: false,
      httpsRedirect: false,
      minTlsVersion: '1.3',
      clientAuth: { required: true, ca: 'ConfigMap/example-ca-cert' },
    }]);
    expect(r.unmapped).toEqual([
      'ClientTrafficPolicy default/enable-mtls spec.clientIPDetection: client address detection for some listeners only: the intent declares it per Gateway (ApiGateway.clientIp), with numTrustedHops',
      'HTTPRoute default/backend spec.parentRefs: it is attached to HTTPS listeners only and nothing redirects plain HTTP for www.example.com: the intent serves a TLS host\'s routes over plain HTTP too, unless the host redirects to HTTPS (TlsHost.httpsRedirect)',
    ]);
  });

  test('04 retries map; the circuit breaker and an EnvoyPatchPolicy are unmapped', () => {
    const r = read('04-unmodelled.yaml');
    expect(r.routes).toEqual([
      'default www.example.com Prefix:/ -> default/backend:3000 {"retries":{"attempts":5,"statusCodes":[500],"conditions":["connect-failure"],"perTryTimeoutMs":250,"nonIdempotent":true}}',
    ]);
    expect(r.unmapped).toEqual([
      // maxPendingRequests: 0 also refuses queued requests: not ConcurrencyLimit.perRoute() alone.
      'BackendTrafficPolicy default/retry-and-circuit-breaker spec.circuitBreaker: the intent models maxParallelRequests alone (at least 1), as ConcurrencyLimit.perRoute(); other thresholds change when requests queue or fail',
      'EnvoyPatchPolicy default/custom-response-patch-policy spec: raw Envoy configuration or extensions: the intent never emits them',
    ]);
  });

  test('the registry serves this reader for the envoy-gateway column; it accepts every Envoy Gateway kind', () => {
    expect(readerFor('envoy-gateway')).toBe(ENVOY_GATEWAY_READER);
    expect(ENVOY_GATEWAY_READER.accepts({ apiVersion: 'gateway.envoyproxy.io/v1alpha1', kind: 'EnvoyExtensionPolicy', metadata: { name: 'x' } })).toBe(true);
    expect(ENVOY_GATEWAY_READER.accepts({ apiVersion: 'security.istio.io/v1', kind: 'AuthorizationPolicy', metadata: { name: 'x' } })).toBe(false);
  });
});

describe('envoy-gateway reader: tricky mappings', () => {
  const route = { apiVersion: 'gateway.networking.k8s.io/v1', kind: 'HTTPRoute', metadata: { name: 'r', namespace: 'edge' }, spec: { parentRefs: [{ name: 'gw' }], rules: [{ backendRefs: [{ name: 'svc', port: 80 }] }] } };
  const policy = (kind: string, spec: object) => ({ apiVersion: 'gateway.envoyproxy.io/v1alpha1', kind, metadata: { name: 'p', namespace: 'edge' }, spec: { targetRefs: [{ group: 'gateway.networking.k8s.io', kind: 'HTTPRoute', name: 'r' }], ...spec } });
  const policiesOf = (objects: any[]) => {
    const result = ENVOY_GATEWAY_READER.read(objects);
    return { policies: routeTableOf(result.gateways).routes[0].policies, unmapped: unmappedLines(result.items) };
  };

  test('a per-address limit is two Distinct rules (IPv4, IPv6); global rules are the controller store', () => {
    const rules = ['0.0.0.0/0', '::/0'].map(value => ({ clientSelectors: [{ sourceCIDR: { type: 'Distinct', value } }], limit: { requests: 100, unit: 'Second' }, shared: true }));
    expect(policiesOf([route, policy('BackendTrafficPolicy', { rateLimit: { global: { rules } } })]).policies).toEqual({
      rateLimit: { key: 'clientIp', requests: 100, per: 'second', exemptCidrs: [], distributed: { kind: 'controller' } },
    });
  });

  test('retries on every 5xx code are RetryOn 5xx; the cookie of consistent hashing is session affinity', () => {
    const codes = Array.from({ length: 100 }, (_, i) => 500 + i);
    expect(policiesOf([route, policy('BackendTrafficPolicy', {
      retry: { numRetries: 2, retryOn: { triggers: ['reset', 'retriable-status-codes'], httpStatusCodes: [429, ...codes] } },
      loadBalancer: { type: 'ConsistentHash', consistentHash: { type: 'Cookie', cookie: { name: 'route', ttl: '1h', attributes: { SameSite: 'Lax', Secure: '' } } } },
    })]).policies).toEqual({
      // Envoy retries every method alike: retrying status codes repeats POST and PATCH too.
      retries: { attempts: 2, statusCodes: [429], conditions: ['5xx', 'reset'], nonIdempotent: true },
      sessionAffinity: { cookieName: 'route', ttlSeconds: 3600, secure: true, httpOnly: true, sameSite: 'Lax' },
    });
  });

  test('the retry back-off maps to backoff and maxBackoff; a back-off without a base interval is unmapped', () => {
    expect(policiesOf([route, policy('BackendTrafficPolicy', {
      retry: { numRetries: 1, retryOn: { triggers: ['connect-failure'] }, perRetry: { backOff: { baseInterval: '100ms', maxInterval: '1s' } } },
    })]).policies).toEqual({ retries: { attempts: 1, statusCodes: [], conditions: ['connect-failure'], backoffMs: 100, maxBackoffMs: 1000 } });
    const r = policiesOf([route, policy('BackendTrafficPolicy', { retry: { numRetries: 1, retryOn: { triggers: ['connect-failure'] }, perRetry: { backOff: { maxInterval: '1s' } } } })]);
    expect(r.policies).toEqual({});
  });

  test('external auth to an in-cluster Service or an HTTPS Backend becomes its URL', () => {
    const backend = { apiVersion: 'gateway.envoyproxy.io/v1alpha1', kind: 'Backend', metadata: { name: 'auth', namespace: 'edge' }, spec: { endpoints: [{ fqdn: { hostname: 'auth.example.com', port: 443 } }], tls: { wellKnownCACertificates: 'System', sni: 'auth.example.com' } } };
    expect(policiesOf([route, backend, policy('SecurityPolicy', { extAuth: { http: { backendRefs: [{ group: 'gateway.envoyproxy.io', kind: 'Backend', name: 'auth' }], pathOverride: '/check', headersToBackend: ['x-user'] } } })]).policies).toEqual({
      auth: { kind: 'external', url: 'https://auth.example.com/check', responseHeaders: ['x-user'] },
    });
    expect(policiesOf([route, policy('SecurityPolicy', { extAuth: { http: { backendRefs: [{ name: 'authz', namespace: 'sec', port: 9000 }] } } })]).policies).toEqual({
      auth: { kind: 'external', url: 'http://authz.sec.svc.cluster.local:9000/', responseHeaders: [] },
    });
  });

  test('external auth extras: request headers, the body up to a size, the auth Backend\'s CA and client certificate', () => {
    const backend = {
      apiVersion: 'gateway.envoyproxy.io/v1alpha1',
      kind: 'Backend',
      metadata: { name: 'auth', namespace: 'edge' },
      spec: {
        endpoints: [{ fqdn: { hostname: 'auth.example.com', port: 443 } }],
        tls: { caCertificateRefs: [{ group: '', kind: 'ConfigMap', name: 'auth-ca' }], clientCertificateRef: { group: '', kind: 'Secret', name: 'auth-client' }, sni: 'auth.example.com' },
      },
    };
    const extAuth = {
      http: { backendRefs: [{ group: 'gateway.envoyproxy.io', kind: 'Backend', name: 'auth' }], pathOverride: '/check' },
      headersToExtAuth: ['Cookie', 'authorization'],
      bodyToExtAuth: { maxRequestBytes: 4096 },
    };
    expect(policiesOf([route, backend, policy('SecurityPolicy', { extAuth })]).policies).toEqual({
      auth: {
        kind: 'external',
        url: 'https://auth.example.com/check',
        responseHeaders: [],
        requestHeaders: ['authorization', 'cookie'],
        forwardBodyBytes: 4096,
        ca: { kind: 'ConfigMap', name: 'auth-ca' },
        clientCertificateSecret: 'auth-client',
      },
    });
    // Two CAs, or a body setting besides the size, are not the intent's.
    const twoCas = { ...backend, spec: { ...backend.spec, tls: { ...backend.spec.tls, caCertificateRefs: [{ kind: 'Secret', name: 'a' }, { kind: 'Secret', name: 'b' }] } } };
    expect(policiesOf([route, twoCas, policy('SecurityPolicy', { extAuth })]).policies).toEqual({});
    expect(policiesOf([route, backend, policy('SecurityPolicy', { extAuth: { ...extAuth, bodyToExtAuth: { maxRequestBytes: 10, other: true } } })]).policies).toEqual({});
  });

  test('a policy on a whole Gateway or on a route not in the input is unmapped', () => {
    const onGateway = policy('BackendTrafficPolicy', { targetRefs: [{ group: 'gateway.networking.k8s.io', kind: 'Gateway', name: 'gw' }], timeout: { tcp: { connectTimeout: '5s' } } });
    expect(policiesOf([route, onGateway]).unmapped).toEqual([
      'BackendTrafficPolicy edge/p spec.targetRefs[0]: a policy on a whole Gateway: the intent sets policies per route (ApiGateway.defaults applies them to every route of the gateway); repeat it on each route',
    ]);
  });
});

describe('envoy-gateway reader: direct responses (HTTPRouteFilter)', () => {
  const route = (filters?: object[]) => ({
    apiVersion: 'gateway.networking.k8s.io/v1',
    kind: 'HTTPRoute',
    metadata: { name: 'r', namespace: 'edge' },
    spec: { parentRefs: [{ name: 'gw' }], rules: [{ matches: [{ path: { type: 'PathPrefix', value: '/down' } }], ...(filters ? { filters } : {}) }] },
  });
  const ref = { type: 'ExtensionRef', extensionRef: { group: 'gateway.envoyproxy.io', kind: 'HTTPRouteFilter', name: 'maintenance' } };
  const filter = (directResponse: object) => ({ apiVersion: 'gateway.envoyproxy.io/v1alpha1', kind: 'HTTPRouteFilter', metadata: { name: 'maintenance', namespace: 'edge' }, spec: { directResponse } });
  const readBack = (objects: any[]) => {
    const result = ENVOY_GATEWAY_READER.read(objects);
    return { routes: routeTableOf(result.gateways).routes, unmapped: unmappedLines(result.items), mapped: mappedLines(result.items) };
  };

  test('an inline body with its content type is Route.respond', () => {
    const r = readBack([route([ref]), filter({ statusCode: 503, body: { type: 'Inline', inline: 'Back soon' }, contentType: 'text/html' })]);
    expect(r.routes.map(x => x.directResponse)).toEqual([{ statusCode: 503, body: 'Back soon', contentType: 'text/html' }]);
    expect(r.routes[0].backends).toEqual([]);
    expect(r.unmapped).toEqual([]);
    expect(r.mapped).toEqual(expect.arrayContaining(['HTTPRouteFilter edge/maintenance spec.directResponse -> Route.respond (DirectResponse.fixed)']));
  });

  test('no status is 200 (the CRD default); no body is the controller\'s own body', () => {
    expect(readBack([route([ref]), filter({})]).routes.map(x => x.directResponse)).toEqual([{ statusCode: 200 }]);
  });

  test('a ConfigMap body, a body without content type, a body with \'%\' or response headers are unmapped', () => {
    for (const d of [
      { statusCode: 503, body: { type: 'ValueRef', valueRef: { group: '', kind: 'ConfigMap', name: 'page' } }, contentType: 'text/html' },
      { statusCode: 503, body: { type: 'Inline', inline: 'x' } },
      { statusCode: 503, body: { type: 'Inline', inline: '%REQ(host)%' }, contentType: 'text/plain' },
      { statusCode: 503, header: { set: [{ name: 'retry-after', value: '60' }] } },
    ]) {
      const r = readBack([route([ref]), filter(d)]);
      expect(r.routes).toEqual([]);
      expect(r.unmapped.length).toBeGreaterThanOrEqual(2);
    }
  });

  test('a rule with neither backendRefs nor filters answers 500: DirectResponse.fixed({ statusCode: 500 })', () => {
    const r = readBack([route()]);
    expect(r.routes.map(x => x.directResponse)).toEqual([{ statusCode: 500 }]);
    expect(r.unmapped).toEqual([]);
  });

  // egfill (issue #12): Redirect.toUrl is a direct response whose header.set holds Location alone.
  test('a redirect status with header.set Location alone is Route.redirect (Redirect.toUrl), with or without the rule\'s backend', () => {
    const located = (statusCode: number, value = 'https://www.example.com/moved?from=a') => filter({ statusCode, header: { set: [{ name: 'Location', value }] } });
    const r = readBack([route([ref]), located(307)]);
    expect(r.routes.map(x => x.policies.redirect)).toEqual([{ url: 'https://www.example.com/moved?from=a', statusCode: 307 }]);
    expect(r.routes.map(x => x.directResponse)).toEqual([undefined]);
    expect(r.unmapped).toEqual([]);
    expect(r.mapped).toEqual(expect.arrayContaining(['HTTPRouteFilter edge/maintenance spec.directResponse -> Route.redirect (Redirect.toUrl, status 307)']));
    const withBackend = route([ref]) as any;
    withBackend.spec.rules[0].backendRefs = [{ name: 'svc', port: 80 }];
    const b = readBack([withBackend, { ...located(301), spec: { directResponse: { statusCode: 301, header: { set: [{ name: 'location', value: 'http://old.example.com/' }] } } } }]);
    expect(b.routes.map(x => [x.policies.redirect, x.backends.map(y => y.service)])).toEqual([[{ url: 'http://old.example.com/', statusCode: 301 }, ['svc']]]);
    expect(b.unmapped).toEqual([]);
  });

  test('a Location with another status, with %, that is no absolute URL, or beside a body or another header is unmapped', () => {
    for (const d of [
      { statusCode: 200, header: { set: [{ name: 'Location', value: 'https://www.example.com/' }] } },
      { statusCode: 302, header: { set: [{ name: 'Location', value: 'https://www.example.com/a%20b' }] } },
      { statusCode: 302, header: { set: [{ name: 'Location', value: '/relative' }] } },
      { statusCode: 302, header: { add: [{ name: 'Location', value: 'https://www.example.com/' }] } },
      { statusCode: 302, header: { set: [{ name: 'Location', value: 'https://www.example.com/' }, { name: 'x-a', value: 'b' }] } },
      { statusCode: 302, body: { type: 'Inline', inline: 'moved' }, contentType: 'text/plain', header: { set: [{ name: 'Location', value: 'https://www.example.com/' }] } },
    ]) {
      const r = readBack([route([ref]), filter(d)]);
      expect(r.routes).toEqual([]);
      expect(r.unmapped.length).toBeGreaterThanOrEqual(2);
    }
  });
});
