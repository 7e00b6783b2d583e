import { routeTableOf } from '../../src/checks/route-table';
import { literalOf, plainPath, regexPath, rewritePaths } from '../../src/controllers/ingress-nginx/read/paths';
import { parseNginxSize } from '../../src/controllers/ingress-nginx/read/policies';
import { INGRESS_NGINX_READER } from '../../src/controllers/ingress-nginx/reader';
import { KubeObject, ReadResult } from '../../src/controllers/reader';

const A = 'nginx.ingress.kubernetes.io/';

interface Rule { host?: string; paths: Array<[path: string, pathType: string, service: string, port?: number | string]> }

function ingress(name: string, annotations: Record<string, string>, rules: Rule[], extra: Record<string, unknown> = {}, namespace = 'default'): KubeObject {
  return {
    apiVersion: 'networking.k8s.io/v1',
    kind: 'Ingress',
    metadata: { name, namespace, annotations: Object.fromEntries(Object.entries(annotations).map(([k, v]) => [k.includes('/') ? k : A + k, v])) },
    spec: {
      ingressClassName: 'nginx',
      rules: rules.map(r => ({
        ...(r.host ? { host: r.host } : {}),
        http: {
          paths: r.paths.map(([path, pathType, service, port = 80]) => ({
            path, pathType, backend: { service: { name: service, port: typeof port === 'number' ? { number: port } : { name: port } } },
          })),
        },
      })),
      ...extra,
    },
  };
}

const read = (...objects: KubeObject[]): ReadResult => INGRESS_NGINX_READER.read(objects);
const item = (r: ReadResult, object: string, field: string) => r.items.find(i => i.object === object && i.field === field);
const ann = (name: string) => `metadata.annotations['${name.includes('/') ? name : A + name}']`;
const table = (r: ReadResult) => routeTableOf(r.gateways);

describe('paths', () => {
  test.each([
    ['/api', 'Prefix', { kind: 'Prefix', value: '/api' }],
    ['/api/', 'Prefix', { kind: 'Prefix', value: '/api' }],
    ['/', 'Prefix', { kind: 'Prefix', value: '/' }],
    ['/healthz', 'Exact', { kind: 'Exact', value: '/healthz' }],
    ['/', 'ImplementationSpecific', { kind: 'Prefix', value: '/' }],
    ['/a.b', 'ImplementationSpecific', { kind: 'RegularExpression', value: '/a\\.b.*' }],
  ])('%s %s on a host without regexes', (p, type, expected) => {
    const r = plainPath(p, type);
    expect('match' in r && r.match.path).toEqual(expected);
  });

  test.each([
    ['/users/[0-9]+$', { kind: 'RegularExpression', value: '/users/[0-9]+' }],
    ['/users/[0-9]+', { kind: 'RegularExpression', value: '/users/[0-9]+.*' }],
    ['/price\\$', { kind: 'RegularExpression', value: '/price\\$.*' }],
    ['/', { kind: 'Prefix', value: '/' }],
  ])('regex location %s', (p, expected) => {
    const r = regexPath(p, undefined);
    expect('match' in r && r.match.path).toEqual(expected);
  });

  test("a top-level '|' is refused: nginx's '^' anchors its first branch only", () => {
    expect(regexPath('/(a|b)', undefined)).toEqual({ match: expect.anything(), to: expect.anything() });
    expect(regexPath('/a|/b', undefined)).toEqual({ reason: expect.stringContaining("top-level '|'") });
  });

  test('literal prefixes inside rewrite regexes must be case-sensitive', () => {
    expect(literalOf('/(?-i)api')).toBe('/api');
    expect(literalOf('/(?-i)v1\\.2')).toBe('/v1.2');
    expect(literalOf('/2024/')).toBe('/2024/');
    expect(literalOf('/v1')).toBeUndefined();
    expect(literalOf('/api')).toBeUndefined();
    expect(literalOf('/api.*')).toBeUndefined();
  });
});

describe('rewrite-target', () => {
  const paths = (r: ReturnType<typeof rewritePaths>) => r.paths.map(p => ('match' in p ? `${p.match.path.kind} ${p.match.path.value}` : p.reason));

  test('/$2 with L(/|$)(.*) replaces the prefix with /', () => {
    const r = rewritePaths('/$2', ['/(?-i)api(/|$)(.*)', '/(?-i)status$']);
    expect(r.rewrite).toEqual({ kind: 'prefix', value: '/' });
    expect(paths(r)).toEqual(['Prefix /api', 'Exact /status']);
  });

  test('R$1$2 replaces the prefix with R', () => {
    const r = rewritePaths('/v2$1$2', ['/(?-i)api(/|$)(.*)', '/(?-i)old(/.*)?$']);
    expect(r.rewrite).toEqual({ kind: 'prefix', value: '/v2' });
    expect(paths(r)).toEqual(['Prefix /api', 'Prefix /old']);
  });

  test('/$1 with /(.*) replaces the root prefix with /', () => {
    expect(rewritePaths('/$1', ['/(.*)']).rewrite).toEqual({ kind: 'prefix', value: '/' });
  });

  test('a literal target replaces the whole path, whatever the match', () => {
    const r = rewritePaths('/index.html', ['/(?-i)app(/.*)?$', '/[a-z]+/edit$']);
    expect(r.rewrite).toEqual({ kind: 'full', value: '/index.html' });
    expect(paths(r)).toEqual(['Prefix /app', 'RegularExpression /[a-z]+/edit']);
  });

  test.each([
    ['/$2', ['/api(/|$)(.*)'], 'case-insensitive literal'],
    ['/$1', ['/something/?(.*)'], 'documentation form'],
    ['/app/$1', ['/(.*)'], "'/' would become '/app/'"],
    ['/$2', ['/(?-i)api(/.*)?$'], '$2 is empty in this form'],
    ['/new/$1', ['/(?-i)api(/|$)(.*)'], '$1 is the separator'],
  ])('%s with %j is not importable (%s)', (target, ps) => {
    const r = rewritePaths(target, ps);
    expect(r.rewrite).toBeUndefined();
    expect(r.reason).toContain('is not exactly a prefix or full-path replacement');
    expect(r.paths.every(p => 'match' in p && p.match.path.kind === 'RegularExpression')).toBe(true);
  });
});

describe('several Ingresses for one host', () => {
  test('rewrite-target on one Ingress makes the literal paths of another a case-insensitive regex', () => {
    const r = read(
      ingress('rw', { 'rewrite-target': '/$2' }, [{ host: 'h.example', paths: [['/(?-i)api(/|$)(.*)', 'ImplementationSpecific', 'api']] }]),
      ingress('web', {}, [{ host: 'h.example', paths: [['/Web', 'Prefix', 'web']] }]),
    );
    expect(table(r).routes.map(e => `${e.match.path.kind} ${e.match.path.value}`)).toEqual(['Prefix /api', 'RegularExpression /Web.*']);
    expect(item(r, 'Ingress default/web', 'spec.rules[0].http.paths[0]')?.to).toContain('rewrite-target on Ingress default/rw makes every path of this host a case-insensitive regex');
  });

  test('the first Ingress keeps a host + path; a later one with another backend is unmapped', () => {
    const r = read(
      ingress('a', {}, [{ host: 'h.example', paths: [['/x', 'Prefix', 'one']] }]),
      ingress('b', {}, [{ host: 'h.example', paths: [['/x', 'Prefix', 'two']] }]),
    );
    expect(table(r).routes.map(e => e.backends[0].service)).toEqual(['one']);
    expect(item(r, 'Ingress default/b', 'spec.rules[0].http.paths[0]')?.reason).toContain('Ingress default/a serves the same host and path');
  });

  test('the first Ingress with a spec.tls entry gives a host its certificate; an exact entry wins over a wildcard', () => {
    const r = read(
      ingress('a', {}, [{ host: 'a.example.com', paths: [['/', 'Prefix', 'a']] }], { tls: [{ hosts: ['*.example.com'], secretName: 'wild' }, { hosts: ['a.example.com'], secretName: 'exact' }] }),
      ingress('b', {}, [{ host: 'a.example.com', paths: [['/b', 'Prefix', 'b']] }], { tls: [{ hosts: ['a.example.com'], secretName: 'other' }] }),
    );
    expect(table(r).tls.map(t => `${t.host} ${t.secret}`)).toEqual(['a.example.com default/exact']);
    expect(item(r, 'Ingress default/a', 'spec.tls[0]')?.to).toContain('nothing (no rule of this Ingress serves these hosts');
    expect(item(r, 'Ingress default/b', 'spec.tls[0]')?.reason).toContain('ingress-nginx takes a host\'s certificate from its first Ingress: a.example.com (uses default/exact of Ingress default/a)');
  });

  test('Ingresses of one host that disagree on ssl-redirect: the TlsHost does not redirect, the redirecting route does', () => {
    const tls = { tls: [{ hosts: ['h.example'], secretName: 'cert' }] };
    const r = read(
      ingress('plain', { 'ssl-redirect': 'false' }, [{ host: 'h.example', paths: [['/public', 'Prefix', 'pub']] }], tls),
      ingress('secure', {}, [{ host: 'h.example', paths: [['/admin', 'Prefix', 'admin']] }]),
    );
    expect(table(r).tls).toEqual([{ host: 'h.example', secret: 'default/cert', managedCertificate: false, httpsRedirect: false }]);
    const byPath = Object.fromEntries(table(r).routes.map(e => [e.match.path.value, e.policies]));
    expect(byPath).toEqual({ '/admin': { redirect: { scheme: 'https', statusCode: 308 } }, '/public': {} });
  });

  test('one gateway per IngressClass; routes keep their namespaces', () => {
    const internal = ingress('i', {}, [{ host: 'i.example', paths: [['/', 'Prefix', 'svc']] }], {}, 'team-a');
    (internal.spec as any).ingressClassName = 'nginx-internal';
    const r = read(
      ingress('a', {}, [{ host: 'a.example', paths: [['/', 'Prefix', 'svc']] }], {}, 'team-a'),
      ingress('b', {}, [{ host: 'b.example', paths: [['/', 'Prefix', 'svc']] }], {}, 'team-b'),
      internal,
    );
    expect(r.gateways.map(g => [g.name, g.routes.map(x => `${x.namespace}/${x.name}`)])).toEqual([
      ['nginx', ['team-a/a', 'team-b/b']],
      ['nginx-internal', ['team-a/i']],
    ]);
  });

  test('the legacy class annotation wins over spec.ingressClassName, as in ingress-nginx', () => {
    const o = ingress('x', { 'kubernetes.io/ingress.class': 'nginx-public' }, [{ paths: [['/', 'Prefix', 'svc']] }]);
    const r = read(o);
    expect(r.gateways.map(g => g.name)).toEqual(['nginx-public']);
    expect(item(r, 'Ingress default/x', 'spec.ingressClassName')?.reason).toContain("reads the kubernetes.io/ingress.class annotation ('nginx-public') first");
  });

  test('an IngressClass of another controller: its Ingresses are not read', () => {
    const cls: KubeObject = { apiVersion: 'networking.k8s.io/v1', kind: 'IngressClass', metadata: { name: 'nginx' }, spec: { controller: 'nginx.org/ingress-controller' } };
    const r = read(cls, ingress('x', {}, [{ paths: [['/', 'Prefix', 'svc']] }]));
    expect(r.gateways).toEqual([]);
    expect(item(r, 'Ingress default/x', 'spec.ingressClassName')?.reason).toBe("IngressClass 'nginx' belongs to controller 'nginx.org/ingress-controller', not ingress-nginx");
  });

  test('an Ingress with rules and defaultBackend: the gateway default backend, with what nginx also does', () => {
    const r = read(ingress('x', {}, [{ host: 'h.example', paths: [['/', 'Prefix', 'svc']] }], { defaultBackend: { service: { name: 'fallback', port: { number: 8080 } } } }));
    expect(table(r).defaultBackend).toEqual({ service: 'fallback', namespace: 'default', port: 8080, weight: 1 });
    expect(item(r, 'Ingress default/x', 'spec.defaultBackend')?.to).toContain("also sends this Ingress's hosts' unmatched paths there");
  });
});

describe('annotations', () => {
  const one = (annotations: Record<string, string>) => read(ingress('x', annotations, [{ host: 'h.example', paths: [['/', 'Prefix', 'svc']] }]));
  const policies = (r: ReadResult) => table(r).routes[0].policies;
  const o = 'Ingress default/x';

  test('a value ingress-nginx refuses is unmapped and not imported', () => {
    const r = one({ 'limit-rps': 'ten' });
    expect(policies(r)).toEqual({});
    expect(item(r, o, ann('limit-rps'))?.reason).toBe('ingress-nginx refuses the value: it must be an integer (strconv.Atoi) (an Ingress with an invalid annotation is not served as written)');
  });

  test('limit-rps and limit-rpm together: the per-second rate is imported, the other named', () => {
    const r = one({ 'limit-rps': '5', 'limit-rpm': '100' });
    // No limit-burst-multiplier: ingress-nginx's default 5 applies, so the burst is 25.
    expect(policies(r).rateLimit).toEqual({ key: 'clientIp', requests: 5, per: 'second', burst: 25, exemptCidrs: [] });
    expect(policies(one({ 'limit-rps': '5', 'limit-burst-multiplier': '1' })).rateLimit).toEqual({ key: 'clientIp', requests: 5, per: 'second', exemptCidrs: [] });
    expect(item(r, o, ann('limit-rpm'))?.reason).toBe('nginx enforces both 5 r/s and 100 r/min; a RateLimit has one rate (limit-rps was imported)');
  });

  test('limit-connections without a rate is ConcurrencyLimit.perClientIp; a burst or allow list without a rate is unmapped', () => {
    const r = one({ 'limit-connections': '3', 'limit-allowlist': '10.0.0.0/8' });
    expect(policies(r)).toEqual({ concurrencyLimit: { key: 'clientIp', maxRequests: 3 } });
    expect(item(r, o, ann('limit-connections'))?.to).toBe('Route.concurrencyLimit (ConcurrencyLimit.perClientIp: 3 requests in progress, per controller replica)');
    expect(item(r, o, ann('limit-allowlist'))?.reason).toContain('only together with a request rate');
    expect(policies(one({ 'limit-connections': '0' }))).toEqual({});
  });

  test('proxy-next-upstream-tries alone: ingress-nginx retries error and timeout', () => {
    const r = one({ 'proxy-next-upstream-tries': '4' });
    expect(policies(r).retries).toEqual({ attempts: 3, statusCodes: [], conditions: ['connect-failure', 'reset'] });
  });

  test('proxy-next-upstream off is no retry', () => {
    const r = one({ 'proxy-next-upstream': 'off' });
    expect(policies(r)).toEqual({});
    expect(item(r, o, ann('proxy-next-upstream'))?.to).toBe('nothing (off: no retry)');
  });

  test('body sizes are 1024-based; 0 (no limit) is unmapped', () => {
    expect(parseNginxSize('8m')).toBe(8 * 1024 * 1024);
    expect(parseNginxSize('2G')).toBe(2 * 1024 ** 3);
    expect(parseNginxSize('512')).toBe(512);
    expect(parseNginxSize('1.5m')).toBeUndefined();
    expect(item(one({ 'proxy-body-size': '0' }), o, ann('proxy-body-size'))?.reason).toContain('0 turns off the body size check');
  });

  test('CORS credentials default to true; cors-* without enable-cors do nothing', () => {
    expect(policies(one({ 'enable-cors': 'true', 'cors-allow-origin': 'https://a.example' })).cors?.credentials).toBe(true);
    const r = one({ 'cors-allow-origin': 'https://a.example' });
    expect(policies(r)).toEqual({});
    expect(item(r, o, ann('cors-allow-origin'))?.reason).toBe('has no effect without enable-cors: "true"');
  });

  test('basic auth with a Secret of another namespace, and auth-map Secrets, are unmapped', () => {
    expect(item(one({ 'auth-type': 'basic', 'auth-secret': 'other/users' }), o, ann('auth-secret'))?.reason).toContain("the Secret is in namespace 'other'");
    expect(item(one({ 'auth-type': 'basic', 'auth-secret': 'users', 'auth-secret-type': 'auth-map' }), o, ann('auth-type'))?.reason).toContain('auth-map Secrets');
  });

  test('the external auth cache imports only with the renderer\'s complete key and 2xx statuses', () => {
    const key = '$remote_addr$request_method$host$request_uri$http_authorization$http_cookie';
    const ok = one({ 'auth-url': 'https://auth.example/check', 'auth-cache-key': key, 'auth-cache-duration': '200 201 202 203 204 5m' });
    expect(policies(ok).auth).toEqual({ kind: 'external', url: 'https://auth.example/check', responseHeaders: [], cacheSeconds: 300 });
    const weak = one({ 'auth-url': 'https://auth.example/check', 'auth-cache-key': '$remote_user$http_authorization', 'auth-cache-duration': '200 202 401 5m' });
    expect(policies(weak).auth).toEqual({ kind: 'external', url: 'https://auth.example/check', responseHeaders: [] });
    expect(item(weak, o, ann('auth-cache-key'))?.reason).toContain('a cached answer could admit another request');
  });

  test('canary rules combined (header and weight) are unmapped as a whole', () => {
    const r = read(
      ingress('x', {}, [{ host: 'h.example', paths: [['/', 'Prefix', 'svc']] }]),
      ingress('c', { 'canary': 'true', 'canary-by-header': 'X-Beta', 'canary-weight': '20' }, [{ host: 'h.example', paths: [['/', 'Prefix', 'next']] }]),
    );
    expect(r.gateways[0].canaries).toEqual([]);
    expect(item(r, 'Ingress default/c', ann('canary-weight'))?.reason).toContain('a CanarySplit has one traffic rule');
  });

  test('canary-by-header alone selects the value always; weight total scales the share', () => {
    const main = ingress('x', {}, [{ host: 'h.example', paths: [['/', 'Prefix', 'svc']] }]);
    const header = read(main, ingress('c', { 'canary': 'true', 'canary-by-header': 'X-Beta' }, [{ host: 'h.example', paths: [['/', 'Prefix', 'next']] }]));
    expect(header.gateways[0].canaries[0].traffic).toEqual({ kind: 'header', name: 'x-beta', value: 'always' });
    const weight = read(main, ingress('c', { 'canary': 'true', 'canary-weight': '3', 'canary-weight-total': '1000' }, [{ host: 'h.example', paths: [['/', 'Prefix', 'next']] }]));
    expect(weight.gateways[0].canaries[0].traffic).toEqual({ kind: 'weight', stable: 997, canary: 3 });
  });

  test('a canary without a main Ingress for its host and path is dropped by ingress-nginx', () => {
    const r = read(ingress('c', { 'canary': 'true', 'canary-weight': '10' }, [{ host: 'h.example', paths: [['/', 'Prefix', 'next']] }]));
    expect(r.gateways[0].canaries).toEqual([]);
    expect(item(r, 'Ingress default/c', 'spec.rules[0].http.paths[0]')?.reason).toBe('no main Ingress serves this host, path and pathType: ingress-nginx drops the canary');
  });

  test('backend-protocol HTTPS without verification is BackendProtocol.HTTPS; proxy-ssl-verify without a CA is unmapped', () => {
    const r = one({ 'backend-protocol': 'HTTPS', 'proxy-ssl-verify': 'on', 'proxy-ssl-name': 'b.svc', 'proxy-ssl-server-name': 'on' });
    expect(policies(r)).toEqual({ backendProtocol: { protocol: 'HTTPS' } });
    expect(item(r, o, ann('proxy-ssl-verify'))?.reason).toBe('proxy-ssl-verify without proxy-ssl-secret: nginx has no CA to verify against');
  });

  test('ssl-passthrough with several backends: only the first is the passthrough backend', () => {
    const r = read(ingress('x', { 'ssl-passthrough': 'true' }, [{ host: 'h.example', paths: [['/', 'Prefix', 'one'], ['/b', 'Prefix', 'two']] }]));
    expect(table(r).passthrough.map(p => p.backend.service)).toEqual(['one']);
    expect(item(r, o, 'spec.rules[0].http.paths[1]')?.reason).toContain('passes the whole TLS stream of the host to one backend');
  });
});

describe('speed', () => {
  /** 1,000 varied annotated Ingresses: policies, TLS, rewrites, canary pairs, hosts shared in pairs. */
  function corpus(): KubeObject[] {
    const out: KubeObject[] = [];
    for (let i = 0; i < 1000; i++) {
      const host = `app${Math.floor(i / 2)}.example.com`;
      const kind = i % 10;
      const a: Record<string, string> = {};
      if (kind === 0) Object.assign(a, { 'limit-rps': String(5 + (i % 7)), 'limit-burst-multiplier': '2', 'limit-allowlist': '10.0.0.0/8' });
      if (kind === 1) Object.assign(a, { 'enable-cors': 'true', 'cors-allow-origin': 'https://a.example, https://b.example', 'cors-max-age': '600' });
      if (kind === 2) Object.assign(a, { 'auth-url': 'https://auth.example/check', 'auth-response-headers': 'X-User', 'auth-signin': 'https://auth.example/start' });
      if (kind === 3) Object.assign(a, { 'proxy-read-timeout': '30', 'proxy-body-size': '10m', 'proxy-next-upstream': 'error timeout http_503', 'proxy-next-upstream-tries': '3' });
      if (kind === 4) Object.assign(a, { 'affinity': 'cookie', 'session-cookie-name': 'sid', 'session-cookie-path': '/', 'session-cookie-secure': 'true' });
      if (kind === 5) Object.assign(a, { 'canary': 'true', 'canary-weight': '10' });
      if (kind === 6) Object.assign(a, { 'rewrite-target': '/$2', 'use-regex': 'true' });
      if (kind === 7) Object.assign(a, { 'configuration-snippet': 'more_set_headers "X: y";', [`x-unknown-${i % 13}`]: '1', 'traefik.ingress.kubernetes.io/router.tls': 'true' });
      if (kind === 8) Object.assign(a, { 'whitelist-source-range': '192.168.0.0/16', 'backend-protocol': 'GRPC', 'force-ssl-redirect': 'true' });
      if (kind === 9) Object.assign(a, { 'auth-type': 'basic', 'auth-secret': 'users', 'auth-realm': 'Members' });
      const path = kind === 6 ? '/(?-i)api(/|$)(.*)' : kind === 5 ? `/p${i - 1}` : `/p${i}`; // a canary shares its main Ingress's host and path
      const type = kind === 6 ? 'ImplementationSpecific' : 'Prefix';
      const extra = i % 3 === 0 ? { tls: [{ hosts: [host], secretName: `${host}-tls` }] } : {};
      out.push(ingress(`ing-${i}`, a, [{ host, paths: [[path, type, `svc-${i % 50}`]] }], extra, `ns-${i % 20}`));
    }
    return out;
  }

  test('reading 1,000 annotated Ingress objects takes well under 2 s', () => {
    const objects = corpus();
    INGRESS_NGINX_READER.read(objects.slice(0, 50)); // warm-up (JIT)
    // The machine is shared: the best of three runs is the reader's own cost.
    const runs = [0, 1, 2].map(() => {
      const start = process.hrtime.bigint();
      const cpu = process.cpuUsage();
      const r = INGRESS_NGINX_READER.read(objects);
      const used = process.cpuUsage(cpu);
      return { r, ms: Number(process.hrtime.bigint() - start) / 1e6, cpuMs: (used.user + used.system) / 1000 };
    });
    const best = Math.min(...runs.map(x => x.ms));
    const { r } = runs[0];
    // eslint-disable-next-line no-console
    console.log(`ingress-nginx reader: 1,000 Ingresses, ${r.items.length} items, ${table(r).routes.length} route entries: `
      + `${runs.map(x => `${x.ms.toFixed(0)} ms (cpu ${x.cpuMs.toFixed(0)} ms)`).join(', ')}; best ${best.toFixed(0)} ms`);
    expect(table(r).routes.length).toBe(900);
    expect(r.gateways.map(g => g.name)).toEqual(['nginx']);
    expect(r.gateways[0].canaries.length).toBe(100);
    expect(r.items.length).toBeGreaterThan(4000);
    // Wall-clock time on a shared machine, and the process's CPU time (what the reader costs).
    expect(best).toBeLessThan(2000);
    expect(Math.min(...runs.map(x => x.cpuMs))).toBeLessThan(1000);
  });
});

describe('context objects', () => {
  test('a cert-manager Certificate writing a TLS Secret makes it a managed certificate; its issuer is a mapped item', () => {
    const certificate: KubeObject = {
      apiVersion: 'cert-manager.io/v1',
      kind: 'Certificate',
      metadata: { name: 'web', namespace: 'default' },
      spec: { secretName: 'web-tls', dnsNames: ['web.example'], issuerRef: { group: 'cert-manager.io', kind: 'ClusterIssuer', name: 'letsencrypt' } },
    };
    const r = read(certificate, ingress('x', {}, [{ host: 'web.example', paths: [['/', 'Prefix', 'web']] }], { tls: [{ hosts: ['web.example'], secretName: 'web-tls' }] }));
    expect(table(r).tls).toEqual([{ host: 'web.example', secret: 'default/web-tls', managedCertificate: true, httpsRedirect: true }]);
    expect(item(r, 'Certificate default/web', 'spec.issuerRef')).toEqual({
      object: 'Certificate default/web',
      field: 'spec.issuerRef',
      value: 'ClusterIssuer/letsencrypt',
      to: "TlsHost.fromIssuer(ClusterIssuer 'letsencrypt') (managed certificate of Secret default/web-tls)",
    });
  });

  test('accepts: ingress-nginx classes, their IngressClasses, and unclassed Ingresses with nginx annotations', () => {
    const plain = ingress('x', {}, [{ paths: [['/', 'Prefix', 'svc']] }]);
    expect(INGRESS_NGINX_READER.accepts(plain)).toBe(true);
    expect(INGRESS_NGINX_READER.accepts({ ...plain, spec: { ...plain.spec, ingressClassName: 'traefik' } })).toBe(false);
    const custom = ingress('x', { 'limit-rps': '5' }, [{ paths: [['/', 'Prefix', 'svc']] }]);
    expect(INGRESS_NGINX_READER.accepts({ ...custom, spec: { ...custom.spec, ingressClassName: 'public' } })).toBe(true);
    expect(INGRESS_NGINX_READER.accepts({ ...custom, spec: { ...custom.spec, ingressClassName: 'kong' } })).toBe(false);
    expect(INGRESS_NGINX_READER.accepts({ apiVersion: 'networking.k8s.io/v1', kind: 'IngressClass', metadata: { name: 'a' }, spec: { controller: 'k8s.io/ingress-nginx' } })).toBe(true);
    expect(INGRESS_NGINX_READER.accepts({ apiVersion: 'v1', kind: 'Service', metadata: { name: 'a' } })).toBe(false);
  });
});
