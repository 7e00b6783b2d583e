import * as fs from 'fs';
import { corpusDir, mappedLines, readLines, routeLines, unmappedLines } from './read-corpus';
import { routeTableOf } from '../../src/checks/route-table';
import { GATEWAY_API_READER } from '../../src/controllers/gateway-api/reader';
import { KubeObject } from '../../src/controllers/reader';
import { readerFor } from '../../src/import/readers';

const NS = 'gateway-conformance-infra';
const V1 = `${NS}/infra-backend-v1:8080`;
const V2 = `${NS}/infra-backend-v2:8080`;
const V3 = `${NS}/infra-backend-v3:8080`;

const read = (file: string) => readLines('gateway-api', file);

describe('gateway-api reader: corpus (Gateway API conformance manifests)', () => {
  test('the corpus has at least 20 manifests and every one is read', () => {
    const files = fs.readdirSync(corpusDir('gateway-api')).filter(f => f.endsWith('.yaml'));
    expect(files.length).toBeGreaterThanOrEqual(20);
    for (const f of files) expect(read(f).result.gateways.length).toBeGreaterThan(0);
  });

  test('01 simple route: every request of the Gateway to one Service', () => {
    const r = read('01-simple-same-namespace.yaml');
    expect(r.routes).toEqual([`${NS} * Prefix:/ -> ${V1}`]);
    expect(r.unmapped).toEqual([]);
    expect(r.mapped).toEqual(expect.arrayContaining([
      `Gateway ${NS}/same-namespace spec.gatewayClassName -> Controller (gatewayClassName)`,
      `Gateway ${NS}/same-namespace spec.listeners[0] -> ApiGateway (plain HTTP)`,
      `HTTPRoute ${NS}/gateway-conformance-infra-test spec.parentRefs[0] -> ApiGateway (the Gateway the route attaches to)`,
    ]));
  });

  test('02 matches of one rule are ORed, a match without path is PathPrefix /', () => {
    expect(read('02-matching.yaml').routes).toEqual([
      `${NS} * Prefix:/ -> ${V1}`,
      `${NS} * Prefix:/ h:version=one -> ${V1}`,
      `${NS} * Prefix:/ h:version=two -> ${V2}`,
      `${NS} * Prefix:/v2 -> ${V2}`,
    ]);
  });

  test('03 header matches: names lowercased, AND within a match, regex kept', () => {
    const r = read('03-header-matching.yaml');
    expect(r.routes).toEqual([
      `${NS} * Prefix:/ h:color=orange h:version=two -> ${V2}`,
      `${NS} * Prefix:/ h:user-agent~.*Mobile.* -> ${V3}`,
      `${NS} * Prefix:/ h:version=one -> ${V1}`,
    ]);
    expect(r.unmapped).toEqual([]);
  });

  test('04 query matches: exact ones map, a RegularExpression one is unmapped and its rule dropped', () => {
    const r = read('04-query-param-matching.yaml');
    expect(r.routes).toEqual([
      `${NS} * Prefix:/ q:animal=whale -> ${V1}`,
      `${NS} * Prefix:/path1 q:animal=dolphin -> ${V2}`,
    ]);
    expect(r.unmapped).toEqual([
      `HTTPRoute ${NS}/query-param-matching spec.rules[2].matches[0].queryParams[0].type: the intent matches query parameters by exact value only`,
    ]);
  });

  test('05 method matches', () => {
    expect(read('05-method-matching.yaml').routes).toEqual([
      `${NS} * Prefix:/ POST -> ${V1}`,
      `${NS} * Prefix:/path1 GET -> ${V2}`,
    ]);
  });

  test('06 exact paths; a PathPrefix with a trailing slash is the prefix without it', () => {
    expect(read('06-exact-path-matching.yaml').routes).toEqual([
      `${NS} * Exact:/one -> ${V1}`,
      `${NS} * Exact:/two -> ${V2}`,
      `${NS} * Prefix:/three -> ${V2}`,
    ]);
  });

  test('07 weights: three weighted backends stay a split; two weighted backends are a weighted canary', () => {
    const r = read('07-weight.yaml');
    expect(r.routes).toEqual([
      // The route table writes a weighted canary as the weighted split it is (CanaryIR: see the reader's canaries).
      `${NS} canary.example.com Prefix:/ -> ${V1}@9,${V2}`,
      `${NS} weights.example.com Prefix:/ -> ${V1}@7,${V2}@3,${V3}@0`,
    ]);
    expect(r.unmapped).toEqual([]);
  });

  test('08 a mirror without a canary is the route\'s mirror; request header rules map with lowercase names', () => {
    const r = read('08-request-mirror.yaml');
    expect(r.routes).toEqual([
      `${NS} * Prefix:/headers -> ${V1} {"headers":{"request":{"set":[{"name":"x-header-set","value":"set-overwrites-values"}],"add":[{"name":"x-header-add","value":"header-val-1"}],"remove":["x-header-remove"]}}}`,
      `${NS} * Prefix:/mirror -> ${V1} mirror ${V2} 100%`,
    ]);
    expect(r.unmapped).toEqual([]);
    // One verdict per field: the mirror filter is mapped once.
    expect(r.mapped.filter(l => l.includes('spec.rules[0].filters[0]')).length).toBe(1);
  });

  test('09 HTTPS listeners: a hostname-less listener serves its routes\' hostnames, sectionName narrows a hostless route', () => {
    const r = read('09-https-listener.yaml');
    expect(r.routes).toEqual([
      `${NS} app.wildcard.org Prefix:/ -> ${V3}`,
      `${NS} example.org Prefix:/ -> ${V1}`,
      `${NS} second-example.org Prefix:/ -> ${V2}`,
    ]);
    expect(r.table.tls).toEqual([
      { host: '*.wildcard.org', secret: `${NS}/wildcard-certificate`, managedCertificate: false, httpsRedirect: false },
      { host: 'example.org', secret: `${NS}/tls-validity-checks-certificate`, managedCertificate: false, httpsRedirect: false },
      { host: 'second-example.org', secret: `${NS}/tls-validity-checks-certificate`, managedCertificate: false, httpsRedirect: false },
    ]);
    expect(r.unmapped).toEqual([
      `HTTPRoute ${NS}/httproute-https-test-no-hostname spec.parentRefs: it is attached to HTTPS listeners only and nothing redirects plain HTTP for second-example.org: the intent serves a TLS host's routes over plain HTTP too, unless the host redirects to HTTPS (TlsHost.httpsRedirect)`,
      `HTTPRoute ${NS}/wildcard spec.parentRefs: it is attached to HTTPS listeners only and nothing redirects plain HTTP for app.wildcard.org: the intent serves a TLS host's routes over plain HTTP too, unless the host redirects to HTTPS (TlsHost.httpsRedirect)`,
    ]);
    expect(r.mapped).toContain(`HTTPRoute ${NS}/httproute-https-test-no-hostname spec.parentRefs -> Route.hosts (second-example.org: the hostnames of the listeners it attaches to)`);
  });

  test('10 a granted cross-namespace backend', () => {
    const r = read('10-reference-grant.yaml');
    expect(r.routes).toEqual([`${NS} * Prefix:/ -> gateway-conformance-web-backend/web-backend:8080`]);
    expect(r.unmapped).toEqual([]);
  });

  test('11 a cross-namespace backend without its grant: the cluster refuses it, nothing is routed', () => {
    const r = read('11-invalid-reference-grant.yaml');
    expect(r.routes).toEqual([]);
    expect(r.unmapped).toEqual([
      `HTTPRoute ${NS}/invalid-reference-grant spec.rules[0]: none of its backends can be used, so the gateway answers its requests with 500`,
      `HTTPRoute ${NS}/invalid-reference-grant spec.rules[0].backendRefs[0]: no ReferenceGrant in 'gateway-conformance-app-backend' lets HTTPRoutes of '${NS}' use the Service 'app-backend-v1': the cluster refuses it`,
    ]);
  });

  test('12 redirects: scheme, host, full path; the status defaults to 302', () => {
    expect(read('12-redirect-scheme.yaml').routes).toEqual([
      `${NS} * Exact:/full-path ->  {"redirect":{"path":{"kind":"full","value":"/one"},"statusCode":301}}`,
      `${NS} * Prefix:/scheme ->  {"redirect":{"scheme":"https","statusCode":302}}`,
      `${NS} * Prefix:/scheme-and-host-and-status ->  {"redirect":{"scheme":"https","host":"example.org","statusCode":302}}`,
    ]);
  });

  test('13 rewrites: prefix, full path, host', () => {
    expect(read('13-rewrite-path.yaml').routes).toEqual([
      `${NS} * Prefix:/full/one -> ${V1} {"rewrite":{"path":{"kind":"full","value":"/one"}}}`,
      `${NS} * Prefix:/prefix/one -> ${V1} {"rewrite":{"path":{"kind":"prefix","value":"/one"}}}`,
      `${NS} * Prefix:/rewrite-host -> ${V2} {"rewrite":{"host":"one.example.org"}}`,
    ]);
  });

  test('14 response header rules', () => {
    expect(read('14-response-header-modifier.yaml').routes).toEqual([
      `${NS} * Prefix:/multiple -> ${V1} {"headers":{"response":{"set":[],"add":[{"name":"x-header-add-1","value":"header-add-1"}],"remove":["x-header-remove-1"]}}}`,
      `${NS} * Prefix:/set -> ${V1} {"headers":{"response":{"set":[{"name":"x-header-set","value":"set-overwrites-values"}],"add":[],"remove":[]}}}`,
    ]);
  });

  test('15 timeouts in milliseconds; 0s (off) is a zero timeout', () => {
    const r = read('15-timeouts.yaml');
    expect(r.routes).toEqual([
      `${NS} * Prefix:/backend-timeout -> ${V1} {"timeouts":{"requestMs":10000,"backendRequestMs":1000}}`,
      `${NS} * Prefix:/disable-request-timeout -> ${V1} {"timeouts":{"requestMs":0}}`,
      `${NS} * Prefix:/request-timeout -> ${V1} {"timeouts":{"requestMs":500}}`,
    ]);
    expect(r.unmapped).toEqual([]);
  });

  // The route table's normal form: 502 / 503 / 504 is gateway-error, a failed or reset connection one condition.
  test('16 retries (experimental): codes, failed connections always retried, the backoff', () => {
    const r = read('16-retry.yaml');
    expect(r.routes).toEqual([
      `${NS} * Prefix:/retry/backoff -> ${V3} {"retries":{"attempts":2,"statusCodes":[],"conditions":["connect-failure","gateway-error"],"backoffMs":100}}`,
      `${NS} * Prefix:/retry/code-500-attempts-3 -> ${V3} {"retries":{"attempts":3,"statusCodes":[500],"conditions":["connect-failure"]}}`,
    ]);
    expect(r.unmapped).toEqual([]);
  });

  test('17 CORS: a full filter maps; allowMethods ["*"] (no credentials) is the intent\'s any method', () => {
    const r = read('17-cors.yaml');
    expect(r.routes).toEqual([
      `${NS} * Prefix:/cors-1 -> ${V1} {"cors":{"origins":["https://**.bar.com","https://www.foo.com"],"methods":["GET","OPTIONS"],"headers":["x-header-1","x-header-2"],"exposeHeaders":["x-header-3"],"credentials":true,"maxAgeSeconds":3600}}`,
      `${NS} * Prefix:/cors-2 -> ${V1} {"cors":{"origins":["https://www.foo.com"],"methods":["*"],"headers":[],"exposeHeaders":[],"credentials":false}}`,
    ]);
    expect(r.unmapped).toEqual([]);
  });

  test('18 GRPCRoute: service / method as paths, backend protocol GRPC; a regex method is unmapped', () => {
    const r = read('18-grpc-exact-method.yaml');
    expect(r.routes).toEqual([
      `${NS} * Exact:/gateway_api_conformance.echo_basic.grpcecho.GrpcEcho/Echo -> ${NS}/grpc-infra-backend-v1:8080 {"backendProtocol":{"protocol":"GRPC"}}`,
      `${NS} * Prefix:/gateway_api_conformance.echo_basic.grpcecho.GrpcEcho h:version=two -> ${NS}/grpc-infra-backend-v2:8080 {"backendProtocol":{"protocol":"GRPC"}}`,
    ]);
    expect(r.unmapped).toEqual([
      `GRPCRoute ${NS}/exact-matching spec.rules[2].matches[0].method.type: the intent matches gRPC services and methods by exact name only`,
    ]);
  });

  test('19 TLSRoute on a passthrough listener', () => {
    const r = read('19-tlsroute-passthrough.yaml');
    expect(r.table.passthrough).toEqual([{ host: 'abc.example.com', backend: { service: 'tcp-backend', namespace: NS, port: 8443, weight: 1 } }]);
    expect(r.unmapped).toEqual([]);
  });

  test('20 BackendTLSPolicy: re-encryption with a CA ConfigMap; a per-port policy is unmapped', () => {
    const r = read('20-backend-tls-policy.yaml');
    expect(r.table.routes.map(e => e.backends)).toEqual([[{ service: 'backendtlspolicy-test', namespace: NS, port: 443, weight: 1, tls: { hostname: 'abc.example.com', ca: 'ConfigMap/backend-tls-checks-certificate' } }]]);
    expect(r.unmapped).toEqual([
      `BackendTLSPolicy ${NS}/per-port-policy spec.targetRefs[0].sectionName: the intent re-encrypts to a whole Service (all its ports)`,
    ]);
  });

  test('21 client certificates for every HTTPS listener; perPort unmapped', () => {
    const r = read('21-client-certificate-validation.yaml');
    expect(r.table.tls).toEqual([{
      host: 'second-example.org',
      secret: `${NS}/tls-validity-checks-certificate`,
      managedCertificate: false,
      httpsRedirect: false,
      clientAuth: { required: true, ca: 'ConfigMap/tls-validity-checks-ca-certificate' },
    }]);
    expect(r.unmapped).toEqual([
      `Gateway ${NS}/client-validation-default spec.tls.frontend.perPort: a field the intent does not model`,
      `HTTPRoute ${NS}/client-certificate-validation-https-test spec.parentRefs: it is attached to HTTPS listeners only and nothing redirects plain HTTP for second-example.org: the intent serves a TLS host's routes over plain HTTP too, unless the host redirects to HTTPS (TlsHost.httpsRedirect)`,
    ]);
  });

  test('22 a granted certificate Secret in another namespace, an ungranted one refused; the HTTPS redirect HTTPRoute is the TLS host\'s', () => {
    const r = read('22-secret-reference-grant.yaml');
    expect(r.routes).toEqual([`${NS} granted.example.org Prefix:/ -> ${V1}`]);
    expect(r.table.tls).toEqual([{ host: 'granted.example.org', secret: 'gateway-conformance-web-backend/certificate', managedCertificate: false, httpsRedirect: true }]);
    expect(r.unmapped).toEqual([
      `Gateway ${NS}/gateway-secret-reference-grant spec.listeners[2].tls.certificateRefs[0]: no ReferenceGrant in 'gateway-conformance-web-backend' lets Gateways of '${NS}' use the Secret 'other-certificate': the cluster refuses it`,
    ]);
    expect(r.mapped).toContain(`HTTPRoute ${NS}/https-redirect spec.rules[0].filters[0] -> TlsHost.httpsRedirect (the default)`);
  });

  test('23 hostile and unmodelled fields are unmapped, never dropped', () => {
    const r = read('23-hostile.yaml');
    expect(r.routes).toEqual([`${NS} * Prefix:/app -> ${NS}/app:8080`]);
    expect(r.unmapped).toEqual([
      `Gateway ${NS}/hostile spec.addresses: a Gateway field the intent does not model (the platform team owns it)`,
      `Gateway ${NS}/hostile spec.infrastructure: a Gateway field the intent does not model (the platform team owns it)`,
      `Gateway ${NS}/hostile spec.listeners[1]: a TCP listener has no intent meaning`,
      `HTTPRoute ${NS}/hostile spec.parentRefs[0].port: an imported ApiGateway owns its Gateway and attaches each route to the listeners of its hosts; write attachTo.port to attach to an existing Gateway by port`,
      `HTTPRoute ${NS}/hostile spec.rules[0].backendRefs[0].filters[0]: a 'URLRewrite' filter on one backend has no intent meaning (a backend takes header rules only)`,
      `HTTPRoute ${NS}/hostile spec.rules[0].backendRefs[1]: a backend of kind 'ServiceImport' is not a Service`,
      `HTTPRoute ${NS}/hostile spec.rules[0].filters[0]: an implementation-specific filter this controller's reader does not know`,
      `HTTPRoute ${NS}/orphan spec.parentRefs: the route is attached to no Gateway, so it serves nothing`,
    ]);
  });
});

const GW = { apiVersion: 'gateway.networking.k8s.io/v1', kind: 'Gateway', metadata: { name: 'edge', namespace: 'edge' }, spec: { gatewayClassName: 'c', listeners: [{ name: 'http', port: 80, protocol: 'HTTP' }] } };
const route = (name: string, spec: object, namespace = 'edge'): KubeObject => ({ apiVersion: 'gateway.networking.k8s.io/v1', kind: 'HTTPRoute', metadata: { name, namespace }, spec: { parentRefs: [{ name: 'edge', ...(namespace !== 'edge' ? { namespace: 'edge' } : {}) }], ...spec } });

describe('gateway-api reader: tricky mappings', () => {
  test('a header / cookie / presence condition over another route\'s matches folds back into a canary', () => {
    const objects = [
      GW,
      route('web', { hostnames: ['web.example.com'], rules: [{ matches: [{ path: { type: 'PathPrefix', value: '/app' } }], backendRefs: [{ name: 'web', port: 80 }] }] }),
      route('web-canary', { hostnames: ['web.example.com'], rules: [{ matches: [{ path: { type: 'PathPrefix', value: '/app' }, headers: [{ name: 'x-canary', value: 'always' }] }], backendRefs: [{ name: 'web-v2', port: 80 }] }] }),
      route('api', { hostnames: ['api.example.com'], rules: [{ backendRefs: [{ name: 'api', port: 80 }] }] }),
      route('api-canary', { hostnames: ['api.example.com'], rules: [{ matches: [{ headers: [{ name: 'cookie', type: 'RegularExpression', value: '(.*;\\s*)?beta_user=always(;.*)?' }] }], backendRefs: [{ name: 'api-v2', port: 80 }] }] }),
      route('shop', { hostnames: ['shop.example.com'], rules: [{ backendRefs: [{ name: 'shop', port: 80 }] }] }),
      route('shop-canary', { hostnames: ['shop.example.com'], rules: [{ matches: [{ headers: [{ name: 'x-beta', type: 'RegularExpression', value: '.*' }] }], backendRefs: [{ name: 'shop-v2', port: 80 }] }] }),
    ];
    const result = GATEWAY_API_READER.read(objects);
    expect(routeLines(routeTableOf(result.gateways)).sort()).toEqual([
      'edge api.example.com Prefix:/ -> edge/api:80 canary api-v2:80 {"kind":"cookie","name":"beta_user"}',
      'edge shop.example.com Prefix:/ -> edge/shop:80 canary shop-v2:80 {"kind":"header-present","name":"x-beta"}',
      // The route table writes a header canary as the more specific route it stands for.
      'edge web.example.com Prefix:/app -> edge/web:80',
      'edge web.example.com Prefix:/app h:x-canary=always -> edge/web-v2:80',
    ]);
    expect(result.gateways[0].canaries.map(c => `${c.route} ${c.canary.service} ${JSON.stringify(c.traffic)}`).sort()).toEqual([
      'HTTPRoute edge/api api-v2 {"kind":"cookie","name":"beta_user"}',
      'HTTPRoute edge/shop shop-v2 {"kind":"header-present","name":"x-beta"}',
      'HTTPRoute edge/web web-v2 {"kind":"header","name":"x-canary","value":"always"}',
    ]);
    expect(mappedLines(result.items)).toContain('HTTPRoute edge/web-canary spec.rules -> CanarySplit (header) of HTTPRoute edge/web');
    expect(unmappedLines(result.items)).toEqual([]);
  });

  test('a route with other policies than the stable one is a route of its own, not a canary', () => {
    const objects = [
      GW,
      route('web', { hostnames: ['web.example.com'], rules: [{ backendRefs: [{ name: 'web', port: 80 }] }] }),
      route('web-beta', { hostnames: ['web.example.com'], rules: [{ matches: [{ headers: [{ name: 'x-canary', value: 'always' }] }], filters: [{ type: 'RequestHeaderModifier', requestHeaderModifier: { set: [{ name: 'x-beta', value: '1' }] } }], backendRefs: [{ name: 'web-v2', port: 80 }] }] }),
    ];
    expect(routeLines(routeTableOf(GATEWAY_API_READER.read(objects).gateways)).sort()).toEqual([
      'edge web.example.com Prefix:/ -> edge/web:80',
      'edge web.example.com Prefix:/ h:x-canary=always -> edge/web-v2:80 {"headers":{"request":{"set":[{"name":"x-beta","value":"1"}],"add":[],"remove":[]}}}',
    ]);
  });

  test('HSTS in a response header filter is the TLS host\'s; a scheme-only redirect HTTPRoute beside a served one is the route\'s own redirect', () => {
    const gw = {
      ...GW,
      spec: {
        gatewayClassName: 'c',
        listeners: [
          { name: 'http', port: 80, protocol: 'HTTP' },
          { name: 'https-a', port: 443, protocol: 'HTTPS', hostname: 'a.example.com', tls: { certificateRefs: [{ kind: 'Secret', name: 'a-cert' }] } },
        ],
      },
    };
    const objects: KubeObject[] = [
      gw,
      route('a', {
        hostnames: ['a.example.com'],
        parentRefs: [{ name: 'edge', sectionName: 'https-a' }],
        rules: [{
          filters: [{ type: 'ResponseHeaderModifier', responseHeaderModifier: { set: [{ name: 'Strict-Transport-Security', value: 'max-age=31536000; includeSubDomains' }, { name: 'x-frame-options', value: 'DENY' }] } }],
          backendRefs: [{ name: 'a', port: 80 }],
        }],
      }),
      route('a-redirect', { hostnames: ['a.example.com'], parentRefs: [{ name: 'edge', sectionName: 'http' }], rules: [{ filters: [{ type: 'RequestRedirect', requestRedirect: { scheme: 'https', statusCode: 308 } }] }] }),
    ];
    const result = GATEWAY_API_READER.read(objects);
    const table = routeTableOf(result.gateways);
    expect(routeLines(table)).toEqual([
      'edge a.example.com Prefix:/ -> edge/a:80 {"headers":{"response":{"set":[{"name":"x-frame-options","value":"DENY"}],"add":[],"remove":[]}},"redirect":{"scheme":"https","statusCode":308}}',
    ]);
    // The route redirects every plain-HTTP request itself: the table's normal form says the host redirects.
    expect(table.tls).toEqual([{ host: 'a.example.com', secret: 'edge/a-cert', managedCertificate: false, httpsRedirect: true, hsts: { maxAgeSeconds: 31536000, includeSubdomains: true, preload: false } }]);
    expect(mappedLines(result.items)).toEqual(expect.arrayContaining([
      'HTTPRoute edge/a spec.rules[0].filters[0].responseHeaderModifier.set[Strict-Transport-Security] -> TlsHost.hsts',
      'HTTPRoute edge/a-redirect spec.rules -> Route.redirect of HTTPRoute edge/a (plain HTTP side)',
    ]));
    expect(unmappedLines(result.items)).toEqual([]);
  });

  test('routes of a namespace the Gateway does not admit are refused; a ReferenceGrant without names grants every Service', () => {
    const objects: KubeObject[] = [
      GW,
      route('other', { rules: [{ backendRefs: [{ name: 'x', port: 80 }] }] }, 'team-b'),
      route('mine', { rules: [{ backendRefs: [{ name: 'y', port: 80, namespace: 'shared' }] }] }),
      { apiVersion: 'gateway.networking.k8s.io/v1beta1', kind: 'ReferenceGrant', metadata: { name: 'all', namespace: 'shared' }, spec: { from: [{ group: 'gateway.networking.k8s.io', kind: 'HTTPRoute', namespace: 'edge' }], to: [{ group: '', kind: 'Service' }] } },
    ];
    const result = GATEWAY_API_READER.read(objects);
    expect(routeLines(routeTableOf(result.gateways))).toEqual(['edge * Prefix:/ -> shared/y:80']);
    expect(unmappedLines(result.items)).toEqual([
      'HTTPRoute team-b/other spec.parentRefs[0]: the Gateway \'edge/edge\' does not admit routes from namespace \'team-b\': the cluster refuses the attachment',
    ]);
  });

  test('routes attached to a Gateway not in the input get a gateway for that parent', () => {
    const result = GATEWAY_API_READER.read([route('lonely', { rules: [{ backendRefs: [{ name: 'x', port: 80 }] }] }, 'apps')]);
    expect(result.gateways.map(g => `${g.namespace}/${g.name} ${g.source}`)).toEqual(['edge/edge Gateway edge/edge']);
    expect(routeLines(routeTableOf(result.gateways))).toEqual(['apps * Prefix:/ -> apps/x:80']);
  });

  test('the registry serves this reader for the gateway-api column', () => {
    expect(readerFor('gateway-api')).toBe(GATEWAY_API_READER);
    expect(GATEWAY_API_READER.accepts(GW)).toBe(true);
    expect(GATEWAY_API_READER.accepts({ apiVersion: 'v1', kind: 'Service', metadata: { name: 's' } })).toBe(false);
  });
});
