/**
 * Tests of the conformance oracle itself: it accepts known-good manifests of every kind the
 * library emits, catches each class of error the API server would reject, loads no CRD dir
 * silently, compiles (or knowingly skips) every CEL rule in the pinned CRDs, and is fast.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import * as celMod from './cel';
import * as f from './fixtures';
import * as conformance from './index';

function messages(obj: any, opts?: conformance.CheckOptions): string[] {
  return conformance.checkManifest(obj, opts).map((i) => `${i.path}: ${i.message}`);
}

function expectIssue(obj: any, pattern: RegExp, opts?: conformance.CheckOptions): void {
  const msgs = messages(obj, opts);
  if (!msgs.some((m) => pattern.test(m))) {
    throw new Error(`expected an issue matching ${pattern}, got:\n${msgs.join('\n') || '(none)'}`);
  }
}

describe('CRD directory', () => {
  const saved = process.env.CRD_DIR;
  afterEach(() => {
    if (saved === undefined) delete process.env.CRD_DIR;
    else process.env.CRD_DIR = saved;
  });

  test('resolves to a directory holding the official CRDs', () => {
    const dir = conformance.crdDir();
    expect(fs.existsSync(path.join(dir, 'gateway-api', 'standard'))).toBe(true);
  });

  test('CRD_DIR pointing at an empty directory fails loudly', () => {
    const empty = fs.mkdtempSync(path.join(os.tmpdir(), 'no-crds-'));
    try {
      process.env.CRD_DIR = empty;
      expect(() => conformance.crdDir()).toThrow(/Official CRDs not found: set CRD_DIR, place \.\.\/shared\/crds beside the checkout, or run `npm run crds`\./);
      expect(() => conformance.checkManifest(f.httpRoute())).toThrow(/Official CRDs not found/);
      // core kinds need no CRD, but custom resources never pass silently
      expect(() => conformance.expectConformant([f.gateway()])).toThrow(/Official CRDs not found/);
    } finally {
      fs.rmSync(empty, { recursive: true, force: true });
    }
  });

  test('CRD_DIR is honoured', () => {
    process.env.CRD_DIR = conformance.crdDir();
    expect(conformance.crdDir()).toBe(path.resolve(process.env.CRD_DIR));
    expect(conformance.checkManifest(f.httpRoute())).toEqual([]);
  });
});

describe('valid manifests pass', () => {
  test.each(Object.entries(f.VALID))('%s', (_name, make) => {
    expect(conformance.checkManifest(make())).toEqual([]);
  });

  test('all together via expectConformant', () => {
    expect(() => conformance.expectConformant(Object.values(f.VALID).map((m) => m()))).not.toThrow();
  });

  test('the same Gateway API objects also pass against the experimental channel', () => {
    const objs = [f.gateway(), f.httpRoute(), f.grpcRoute(), f.tlsRoute(), f.referenceGrant(), f.backendTlsPolicy()];
    expect(conformance.checkManifests(objs, { gatewayApiChannel: 'experimental' })).toEqual([]);
  });

  test('undefined fields are ignored, as when the manifest is written out', () => {
    const r = f.httpRoute();
    r.spec.rules[1].filters = undefined;
    r.metadata.labels = undefined;
    expect(conformance.checkManifest(r)).toEqual([]);
  });

  test('the caller object is not mutated (defaults go to a clone)', () => {
    const route = f.httpRoute();
    const before = JSON.stringify(route);
    conformance.checkManifest(route);
    expect(JSON.stringify(route)).toBe(before);
  });
});

describe('Gateway API errors are caught', () => {
  test('backendRef to a Service without port (CEL)', () => {
    const r = f.httpRoute();
    delete r.spec.rules[1].backendRefs[0].port;
    expectIssue(r, /^spec\.rules\[1\]\.backendRefs\[0\]: Must have port for Service reference/);
  });

  test('17 rules (maxItems 16)', () => {
    const r = f.httpRoute();
    r.spec.rules = Array.from({ length: 17 }, (_, i) => ({
      matches: [{ path: { type: 'PathPrefix', value: `/p${i}` } }],
      backendRefs: [{ name: 'web', port: 80 }],
    }));
    expectIssue(r, /^spec\.rules: must NOT have more than 16 items \(maxItems\)/);
  });

  test('misspelt field (additionalProperties)', () => {
    const r = f.httpRoute();
    r.spec.hostname = r.spec.hostnames;
    expectIssue(r, /^spec\.hostname: unknown field "hostname"/);
    const b = f.httpRoute();
    b.spec.rules[0].backendRefs[0].weigth = 5;
    expectIssue(b, /^spec\.rules\[0\]\.backendRefs\[0\]\.weigth: unknown field/);
    const t = f.traefikIngressRoute();
    t.spec.entrypoints = ['web'];
    expectIssue(t, /^spec\.entrypoints: unknown field/);
    const c = f.certificate();
    c.spec.dnsName = ['x.example.com'];
    expectIssue(c, /^spec\.dnsName: unknown field/);
    const s = f.envoySecurityPolicy();
    s.spec.cors.allowOrigin = ['https://a.example.com'];
    expectIssue(s, /^spec\.cors\.allowOrigin: unknown field/);
  });

  test('two listeners with the same name (list-map uniqueness and CEL)', () => {
    const g = f.gateway();
    g.spec.listeners[1].name = 'http';
    expectIssue(g, /^spec\.listeners\[1\]: Duplicate value: \{"name":"http"\} \(x-kubernetes-list-type: map/);
    expectIssue(g, /^spec\.listeners: Listener name must be unique within the Gateway/);
  });

  test('HTTPS listener with tls mode Passthrough (CEL)', () => {
    const g = f.gateway();
    g.spec.listeners[1].tls = { mode: 'Passthrough' };
    expectIssue(g, /^spec\.listeners: tls mode must be Terminate for protocol HTTPS/);
  });

  test('Exact path containing // (CEL)', () => {
    const r = f.httpRoute();
    r.spec.rules[1].matches[0].path.value = '/a//b';
    expectIssue(r, /^spec\.rules\[1\]\.matches\[0\]\.path: must not contain '\/\/' when type one of \['Exact', 'PathPrefix'\]/);
  });

  test('RequestRedirect together with backendRefs (CEL)', () => {
    const r = f.redirectRoute();
    r.spec.rules[0].backendRefs = [{ name: 'web', port: 80 }];
    expectIssue(r, /^spec\.rules\[0\]: RequestRedirect filter must not be used together with backendRefs/);
  });

  test('defaults are applied before CEL (group defaults to "" so the port rule fires)', () => {
    const r = f.grpcRoute();
    delete r.spec.rules[0].backendRefs[0].port;
    expectIssue(r, /Must have port for Service reference/);
  });

  test('listener with tls on plain HTTP and hostname pattern errors', () => {
    const g = f.gateway();
    g.spec.listeners[0].tls = { mode: 'Terminate', certificateRefs: [{ name: 'x' }] };
    g.spec.listeners[0].hostname = 'UPPER.example.com';
    expectIssue(g, /tls must not be specified for protocols \['HTTP', 'TCP', 'UDP'\]/);
    expectIssue(g, /^spec\.listeners\[0\]\.hostname: must match pattern/);
  });

  test('TLSRoute hostname that is an IP (isIP)', () => {
    const t = f.tlsRoute();
    t.spec.hostnames = ['10.0.0.1'];
    expectIssue(t, /^spec\.hostnames: Hostnames cannot contain an IP \(CEL rule: self\.all\(h, !isIP\(h\)\)\)/);
  });

  test('experimental-only field is rejected by the standard channel only', () => {
    const r = f.httpRoute();
    r.spec.rules[1].retry = { attempts: 2 };
    expectIssue(r, /^spec\.rules\[1\]\.retry: unknown field "retry"/);
    expect(conformance.checkManifest(r, { gatewayApiChannel: 'experimental' })).toEqual([]);
  });

  test('apiVersion that is not served', () => {
    const t = f.tlsRoute();
    t.apiVersion = 'gateway.networking.k8s.io/v1alpha2';
    expectIssue(t, /^apiVersion: version gateway\.networking\.k8s\.io\/v1alpha2 of TLSRoute is not served/);
  });

  test('apiVersion that does not exist for a known kind', () => {
    const r = f.httpRoute();
    r.apiVersion = 'gateway.networking.k8s.io/v2';
    expectIssue(r, /no schema for gateway\.networking\.k8s\.io\/v2\/HTTPRoute .*version v2 is not defined \(served versions: v1, v1beta1\)/);
  });

  test('unknown kind', () => {
    expectIssue({ apiVersion: 'example.com/v1', kind: 'Widget', metadata: { name: 'w' }, spec: {} }, /^: no schema for example\.com\/v1\/Widget/);
    expectIssue({ apiVersion: 'gateway.networking.k8s.io/v1', kind: 'HttpRoute', metadata: { name: 'w' } }, /no schema for gateway\.networking\.k8s\.io\/v1\/HttpRoute/);
    expectIssue({ apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name: 'd' } }, /no schema for apps\/v1\/Deployment/);
  });

  test('type errors block CEL, like the API server', () => {
    const r = f.httpRoute();
    r.spec.rules[0].backendRefs[0].port = '8080';
    expectIssue(r, /^spec\.rules\[0\]\.backendRefs\[0\]\.port: must be integer \(type\)/);
    expectIssue(r, /CEL\) were not checked because the object has type errors/);
  });
});

describe('ObjectMeta errors are caught', () => {
  test('invalid name, namespace, label and annotation', () => {
    const r = f.httpRoute();
    r.metadata.name = 'Shop_Route';
    r.metadata.namespace = 'apps.prod';
    r.metadata.labels = { 'bad key/x/y': 'v', 'ok': 'not ok!' };
    r.metadata.annotations = { 'example.com/replicas': 3 };
    expectIssue(r, /^metadata\.name: Invalid value: "Shop_Route": a lowercase RFC 1123 subdomain/);
    expectIssue(r, /^metadata\.namespace: Invalid value: "apps\.prod": a lowercase RFC 1123 label/);
    expectIssue(r, /^metadata\.labels\["bad key\/x\/y"\]: Invalid value: key/);
    expectIssue(r, /^metadata\.labels\["ok"\]: Invalid value: "not ok!"/);
    expectIssue(r, /^metadata\.annotations\["example\.com\/replicas"\]: Invalid value: annotation values must be strings, got number/);
  });

  test('missing name, oversize annotations, namespace on a cluster-scoped object', () => {
    const r = f.httpRoute();
    delete r.metadata.name;
    r.metadata.annotations = { big: 'x'.repeat(262145) };
    expectIssue(r, /^metadata\.name: Required value/);
    expectIssue(r, /^metadata\.annotations: Too long: may not be more than 262144 bytes/);
    const ci = f.clusterIssuer();
    ci.metadata.namespace = 'apps';
    expectIssue(ci, /^metadata\.namespace: namespace must not be set on a cluster-scoped object/);
  });
});

describe('Ingress and core kinds', () => {
  test('host that is an IP address', () => {
    const i = f.ingress();
    i.spec.rules[0].host = '192.168.0.1';
    expectIssue(i, /^spec\.rules\[0\]\.host: Invalid value: "192\.168\.0\.1": must be a DNS name, not an IP address/);
    i.spec.rules[0].host = '::1';
    expectIssue(i, /must be a DNS name, not an IP address/);
  });

  test('uppercase host', () => {
    const i = f.ingress();
    i.spec.rules[0].host = 'Shop.Example.com';
    expectIssue(i, /^spec\.rules\[0\]\.host: Invalid value: "Shop\.Example\.com": a lowercase RFC 1123 subdomain/);
  });

  test('wildcard rules', () => {
    for (const h of ['*', '*.*.example.com', 'a.*.example.com', '*example.com']) {
      const i = f.ingress();
      i.spec.rules[0].host = h;
      expectIssue(i, /wildcard DNS-1123 subdomain/);
    }
    const t = f.ingress();
    t.spec.tls[0].hosts = ['*.*.example.com'];
    expectIssue(t, /^spec\.tls\[0\]\.hosts\[0\]: Invalid value: "\*\.\*\.example\.com": a wildcard DNS-1123 subdomain/);
  });

  test('service name starting with a digit (DNS-1035 label)', () => {
    const i = f.ingress();
    i.spec.rules[0].http.paths[0].backend.service.name = '1api';
    expectIssue(i, /^spec\.rules\[0\]\.http\.paths\[0\]\.backend\.service\.name: Invalid value: "1api": a DNS-1035 label/);
  });

  test('paths, pathType and port rules', () => {
    const i = f.ingress();
    const paths = i.spec.rules[0].http.paths;
    paths[0].path = '/a/../b';
    paths[1].path = 'relative';
    paths.push({ path: '/x', backend: { service: { name: 'web', port: { number: 80, name: 'http' } } } });
    paths.push({ path: '/y', pathType: 'Regex', backend: { service: { name: 'web', port: { number: 70000 } } } });
    paths.push({ path: '/z', pathType: 'Prefix', backend: { service: { name: 'web', port: { name: 'Http--x' } }, resource: { kind: 'Bucket', name: 'b' } } });
    paths.push({ path: '/w/', pathType: 'Exact', backend: {} });
    expectIssue(i, /paths\[0\]\.path: Invalid value: "\/a\/\.\.\/b": must not contain '\/\.\.\/'/);
    expectIssue(i, /paths\[1\]\.path: Invalid value: "relative": must be an absolute path/);
    expectIssue(i, /paths\[2\]\.pathType: Required value: pathType must be specified/);
    expectIssue(i, /paths\[2\]\.backend\.service\.port: Invalid value: cannot set both port name & port number/);
    expectIssue(i, /paths\[3\]\.pathType: Unsupported value: "Regex"/);
    expectIssue(i, /paths\[3\]\.backend\.service\.port\.number: Invalid value: 70000: must be between 1 and 65535/);
    expectIssue(i, /paths\[4\]\.backend: Invalid value: cannot set both resource and service backends/);
    expectIssue(i, /paths\[4\]\.backend\.service\.port\.name: Invalid value: "Http--x"/);
    expectIssue(i, /paths\[5\]\.backend: Invalid value: resource or service backend is required/);
    const e = f.ingress();
    e.spec.rules[1].http.paths[0].path = '/a/.';
    expectIssue(e, /cannot end with '\/\.'/);
    const p = f.ingress();
    p.spec.rules[1].http.paths = [];
    expectIssue(p, /^spec\.rules\[1\]\.http\.paths: Required value: paths must be non-empty/);
  });

  test('spec, class, tls secret and unknown fields', () => {
    const i = f.ingress();
    i.spec = {};
    expectIssue(i, /^spec: Invalid value: either `defaultBackend` or `rules` must be specified/);
    const c = f.ingress();
    c.metadata.annotations['kubernetes.io/ingress.class'] = 'traefik';
    c.spec.tls[0].secretName = 'Shop_TLS';
    c.spec.rules[0].http.paths[0].backend.service.prot = 1;
    c.spec.ingressClassName = 'nginx';
    expectIssue(c, /kubernetes\.io\/ingress\.class"\]: Invalid value: "traefik": must match `ingressClassName`/);
    expectIssue(c, /^spec\.tls\[0\]\.secretName: Invalid value: "Shop_TLS"/);
    expectIssue(c, /^spec\.rules\[0\]\.http\.paths\[0\]\.backend\.service\.prot: unknown field "prot"/);
    const d = f.ingress();
    d.spec.defaultBackend = { service: { name: 'web', port: { number: 80 } } };
    d.spec.rules = undefined;
    delete d.spec.rules;
    expect(conformance.checkManifest(d)).toEqual([]);
  });

  test('Service rules', () => {
    const s = f.service();
    s.metadata.name = '9api';
    s.spec.ports.push({ name: 'http', port: 0 });
    s.spec.ports.push({ port: 81 });
    s.spec.type = 'Internal';
    s.spec.selector = { 'app/x/y': 'api' };
    expectIssue(s, /^metadata\.name: Invalid value: "9api": a DNS-1035 label/);
    expectIssue(s, /^spec\.ports\[2\]\.name: Duplicate value: "http"/);
    expectIssue(s, /^spec\.ports\[2\]\.port: Invalid value: 0: must be between 1 and 65535/);
    expectIssue(s, /^spec\.ports\[3\]\.name: Required value/);
    expectIssue(s, /^spec\.type: Unsupported value: "Internal"/);
    expectIssue(s, /^spec\.selector\["app\/x\/y"\]: Invalid value: key/);
  });

  test('Secret and ConfigMap rules', () => {
    const s = f.secret();
    s.data = { 'tls.crt': 'not base64!', 'bad/key': 'YQ==' };
    s.stringData = { n: 5 };
    expectIssue(s, /^data\["tls\.crt"\]: Invalid value: data values must be base64-encoded strings/);
    expectIssue(s, /^data\["bad\/key"\]: Invalid value: "bad\/key": a valid config key/);
    expectIssue(s, /^stringData\.n: must be string \(type\)/);
    expectIssue(s, /^data\["tls\.key"\]: Required value: type kubernetes\.io\/tls requires key tls\.key/);
    const c = f.configMap();
    c.data = { 'a b': 'x' };
    c.metadata.name = 'UPPER';
    expectIssue(c, /^data\["a b"\]: Invalid value: "a b": a valid config key/);
    expectIssue(c, /^metadata\.name: Invalid value: "UPPER"/);
  });
});

describe('reporting', () => {
  test('expectConformant throws a readable list of every issue', () => {
    const r = f.httpRoute();
    delete r.spec.rules[1].backendRefs[0].port;
    const i = f.ingress();
    i.spec.rules[0].host = '10.1.2.3';
    let err: Error | undefined;
    try {
      conformance.expectConformant([r, i, f.service()]);
    } catch (e) {
      err = e as Error;
    }
    expect(err).toBeDefined();
    expect(err!.message).toMatch(/^2 conformance issue\(s\)/);
    expect(err!.message).toContain('  - HTTPRoute/shop spec.rules[1].backendRefs[0]: Must have port for Service reference');
    expect(err!.message).toContain('  - Ingress/shop spec.rules[0].host: Invalid value: "10.1.2.3": must be a DNS name, not an IP address');
  });

  test('non-object inputs are issues, not crashes', () => {
    expect(conformance.checkManifests([null, 'x', []]).map((i) => i.message)).toEqual([
      'manifest must be a JSON object, got null',
      'manifest must be a JSON object, got string',
      'manifest must be a JSON object, got array',
    ]);
    expectIssue({ kind: 'HTTPRoute', metadata: { name: 'x' } }, /^apiVersion: Invalid value: undefined/);
  });
});

/**
 * Every x-kubernetes-validations rule in every pinned CRD (both Gateway API channels) must be
 * compiled and evaluated, or be on this list with its reason. A CRD update that adds a rule this
 * oracle cannot handle makes this test fail instead of silently weakening the oracle.
 */
const OLD_SELF = 'transition rule: uses oldSelf, which is only bound on update (never on create)';
const EXPECTED_SKIPPED: ReadonlyArray<[string, string]> = [
  ['self == oldSelf', OLD_SELF],
  ['self.plugin == oldSelf.plugin', OLD_SELF],
  ['(!has(oldSelf.spec) || !has(oldSelf.spec.controlPlaneRef)) || has(self.spec.controlPlaneRef)', OLD_SELF],
  [
    "(!has(oldSelf.spec) || !has(oldSelf.spec.controlPlaneRef)) ? true : (!has(self.status) || !self.status.conditions.exists(c, c.type == 'Programmed' && c.status == 'True')) ? true : oldSelf.spec.controlPlaneRef == self.spec.controlPlaneRef",
    OLD_SELF,
  ],
  [
    "(!has(self.spec) || !has(self.spec.controlPlaneRef)) ? true : (!has(self.status) || !self.status.conditions.exists(c, c.type == 'Programmed' && c.status == 'True')) ? true : oldSelf.spec.controlPlaneRef == self.spec.controlPlaneRef",
    OLD_SELF,
  ],
  ['self.spec.type == oldSelf.spec.type', OLD_SELF],
  ['self.spec.prefix == oldSelf.spec.prefix', OLD_SELF],
  ['!has(oldSelf.spec.controlPlaneRef) || has(self.spec.controlPlaneRef)', OLD_SELF],
  [
    "(!has(self.status) || !self.status.conditions.exists(c, c.type == 'Programmed' && c.status == 'True') || !has(self.spec.controlPlaneRef)) ? true : oldSelf.spec.controlPlaneRef == self.spec.controlPlaneRef",
    OLD_SELF,
  ],
];

/** A value shaped like the schema (required fields only, or every field), for smoke-evaluating rules. */
function sample(s: any, depth: number, all: boolean): any {
  if (!s || typeof s !== 'object') return 'a';
  if (s.default !== undefined) return JSON.parse(JSON.stringify(s.default));
  if (s['x-kubernetes-int-or-string']) return 1;
  if (Array.isArray(s.enum) && s.enum.length > 0) return s.enum[0];
  switch (s.type) {
    case 'object': {
      const o: any = {};
      if (s.properties && depth < 8) {
        for (const [k, v] of Object.entries(s.properties)) {
          if (all || (s.required ?? []).includes(k)) o[k] = sample(v, depth + 1, all);
        }
      } else if (s.additionalProperties && typeof s.additionalProperties === 'object' && depth < 8) {
        o.key = sample(s.additionalProperties, depth + 1, all);
      }
      return o;
    }
    case 'array':
      return depth < 8 && s.items ? [sample(s.items, depth + 1, all)] : [];
    case 'integer':
      return Math.max(1, s.minimum ?? 1);
    case 'number':
      return 1.5;
    case 'boolean':
      return true;
    default:
      return 'a';
  }
}

describe('CEL rule coverage', () => {
  const audit = conformance.auditCelRules();

  test('every rule compiles, except exactly the expected skip list', () => {
    const errors = audit.filter((a) => a.status === 'error').map((a) => `${a.reason}: ${a.rule}`);
    expect(errors).toEqual([]);
    const skipped = audit
      .filter((a) => a.status === 'skipped')
      .map((a) => [a.rule, a.reason] as [string, string])
      .sort();
    expect(skipped).toEqual([...EXPECTED_SKIPPED].sort());
    const total = audit.reduce((n, a) => n + a.locations.length, 0);
    expect(audit.length).toBeGreaterThan(300); // unique rule texts in the pinned CRDs
    expect(total).toBeGreaterThan(1500); // rule occurrences (all versions, both channels)
  });

  test('every compiled rule evaluates without missing functions, overloads or variables', () => {
    const bad = new Set<string>();
    let evaluated = 0;
    for (const a of audit) {
      if (a.status !== 'compiled') continue;
      evaluated++;
      for (const all of [false, true]) {
        const tree = celMod.buildCelTree(a.schema, false);
        for (const i of celMod.checkCel(sample(a.schema, 0, all), tree)) {
          if (/evaluation error \((unbound function|found no matching overload|no such overload|unresolved attribute)/.test(i.message)) {
            bad.add(`${a.locations[0].crd} ${a.locations[0].path}: ${i.message}`);
          }
        }
      }
    }
    expect([...bad]).toEqual([]);
    expect(evaluated).toBe(audit.length - EXPECTED_SKIPPED.length);
  });

  test('Kubernetes library functions behave', () => {
    const run = (rule: string, self: any): unknown => {
      const c = celMod.compileRule(rule);
      expect(c.compileError).toBeUndefined();
      return c.evaluate!({ self });
    };
    expect(run('isIP(self)', '10.0.0.1')).toBe(true);
    expect(run('isIP(self)', 'fe80::1')).toBe(true);
    expect(run('isIP(self)', 'example.com')).toBe(false);
    expect(run("url(self).getScheme() in ['http', 'https']", 'https://x.example.com/jwks')).toBe(true);
    expect(run('isURL(self)', 'ghcr.io/org/plugin:1.0')).toBe(false);
    expect(run("isURL('http://' + self) && url('http://' + self).getScheme() == 'http'", 'ghcr.io/org/plugin:1.0')).toBe(true);
    expect(run('format.dns1123Label().validate(self) == null', 'http')).toBe(true);
    expect(run('format.dns1123Label().validate(self) == null', 'Http_1')).toBe(false);
    expect(run("self.lowerAscii() == 'abc' && self.split('B').size() == 2", 'aBc')).toBe(true);
    expect(run("duration(self) >= duration('1ms')", '1h30m')).toBe(true);
    expect(run('self.__namespace__ == "x"', new Map([['__namespace__', 'x']]))).toBe(true);
  });

  test('property names are escaped the Kubernetes way', () => {
    expect(celMod.escapeCelName('namespace')).toBe('__namespace__');
    expect(celMod.escapeCelName('x-y')).toBe('x__dash__y');
    expect(celMod.escapeCelName('a.b/c')).toBe('a__dot__b__slash__c');
    expect(celMod.escapeCelName('a__b')).toBe('a__underscores__b');
    expect(celMod.escapeCelName('jwks_uri')).toBe('jwks_uri');
    expect(celMod.escapeCelName('1abc')).toBeUndefined();
  });
});

describe('performance', () => {
  test('2000 HTTPRoutes', () => {
    const routes = Array.from({ length: 2000 }, (_, i) => {
      const r = f.httpRoute();
      r.metadata.name = `route-${i}`;
      r.spec.hostnames = [`h${i}.example.com`];
      return r;
    });
    conformance.checkManifest(routes[0]); // compile outside the timing
    const t0 = process.hrtime.bigint();
    const issues = conformance.checkManifests(routes);
    const ms = Number(process.hrtime.bigint() - t0) / 1e6;
    const per = ms / routes.length;
    // eslint-disable-next-line no-console
    console.log(`conformance: validated ${routes.length} HTTPRoutes in ${ms.toFixed(0)} ms (${per.toFixed(3)} ms/object; target <= 4)`);
    expect(issues).toEqual([]);
    expect(per).toBeLessThan(20);
  });
});
