import { execFileSync } from 'child_process';
import * as path from 'path';
import { PolicyFeature } from '../src/capabilities/areas/policies';
import { ControllerName } from '../src/capabilities/features';
import { CAPABILITIES } from '../src/capabilities/matrix';
import { isSupported } from '../src/capabilities/support';
import { emitters, PolicyEmitters, refusedKinds } from '../src/controllers/common/policy-emitters';
import { envoyGatewayExtension } from '../src/controllers/envoy-gateway/extension';
import { POLICY_EMITTERS as ENVOY_POLICY_EMITTERS } from '../src/controllers/envoy-gateway/features/policies';
import { STANDARD } from '../src/controllers/gateway-api/extension';
import { POLICY_EMITTERS as GATEWAY_API_POLICY_EMITTERS } from '../src/controllers/gateway-api/features/rule-policies';
import { POLICY_EMITTERS as NGINX_POLICY_EMITTERS, POLICY_FEATURES as NGINX_POLICY_FEATURES } from '../src/controllers/ingress-nginx/features/policies';
import { istioExtension } from '../src/controllers/istio/extension';
import { POLICY_EMITTERS as ISTIO_POLICY_EMITTERS } from '../src/controllers/istio/features/policies';
import { KONG_GATEWAY_API_POLICY_EMITTERS, KONG_POLICY_EMITTERS } from '../src/controllers/kong/features/policies';
import { kongGatewayApiExtension } from '../src/controllers/kong/gateway-api-extension';
import { POLICY_EMITTERS as TRAEFIK_POLICY_EMITTERS } from '../src/controllers/traefik/features/policies';
import { PoliciesIR } from '../src/ir/policies';

/**
 * The import-graph rules of .dependency-cruiser.cjs (see src/controllers/README.md), checked on
 * src/ with dependency-cruiser's CLI (the package is ESM-only; jest runs CommonJS).
 */
const root = path.resolve(__dirname, '..');

interface Violation {
  readonly from: string;
  readonly to: string;
  readonly rule: { readonly name: string };
  readonly cycle?: ReadonlyArray<{ readonly name: string }>;
}

interface CruiseResult {
  readonly modules: ReadonlyArray<{ readonly source: string }>;
  readonly summary: { readonly violations: readonly Violation[]; readonly totalCruised: number };
}

function cruise(): CruiseResult {
  const out = execFileSync(path.join(root, 'node_modules', '.bin', 'depcruise'),
    ['src', '--config', '.dependency-cruiser.cjs', '--output-type', 'json'],
    { cwd: root, encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
  return JSON.parse(out) as CruiseResult;
}

function describeViolation(v: Violation): string {
  const cycle = v.cycle && v.cycle.length > 0 ? ` (cycle: ${[v.from, ...v.cycle.map(c => c.name)].join(' -> ')})` : '';
  return `${v.rule.name}: ${v.from} -> ${v.to}${cycle}`;
}

describe('import graph of src/', () => {
  const result = cruise();

  test('every TypeScript module of src/ is cruised (the TypeScript parser is active)', () => {
    const sources = result.modules.map(m => m.source);
    expect(sources).toContain('src/index.ts');
    expect(sources).toContain('src/controllers/gateway-api/renderer.ts');
    expect(sources).toContain('src/ir/model.ts');
    expect(sources.filter(s => s.startsWith('src/')).length).toBeGreaterThan(100);
  });

  test('no rule of .dependency-cruiser.cjs is broken', () => {
    expect(result.summary.violations.map(describeViolation)).toEqual([]);
  });
});

describe('policy emitter maps', () => {
  test('ingress-nginx refuses exactly the header rules, which the matrix refuses feature by feature', () => {
    expect(refusedKinds(NGINX_POLICY_EMITTERS)).toEqual(['headers']);
    const headerFeatures = ['requestHeaderSet', 'requestHeaderAdd', 'requestHeaderRemove', 'responseHeaderSet', 'responseHeaderAdd', 'responseHeaderRemove'] as const;
    for (const f of headerFeatures) expect(isSupported(CAPABILITIES['ingress-nginx'][f], true)).toBe(false);
  });

  test('the ingress-nginx renderer runs every emitter of its map, in map order', () => {
    expect(NGINX_POLICY_FEATURES).toEqual(emitters(NGINX_POLICY_EMITTERS));
    expect(NGINX_POLICY_FEATURES).toHaveLength(Object.keys(NGINX_POLICY_EMITTERS).length - 1);
  });
});

/** The matrix features of each policy kind of the IR. */
const KIND_FEATURES: { readonly [K in keyof PoliciesIR]-?: RegExp } = {
  rateLimit: /^rateLimit/,
  timeouts: /^timeout/,
  bodySize: /^bodySize$/,
  cors: /^cors$/,
  headers: /^(request|response)Header/,
  redirect: /^redirect(Scheme|Host|Port|Path|Prefix)$/,
  rewrite: /^rewrite(Prefix|FullPath|Host)$/,
  ipAccess: /^ip(Allow|Deny)$/,
  retries: /^retr(ies|y)/,
  sessionAffinity: /^sessionAffinity/,
  backendProtocol: /^backend(Https|Grpc|Grpcs|H2c|Websocket)$/,
  auth: /^(externalAuth|jwtAuth|jwtClaims|apiKeyAuth|basicAuth)/,
  concurrencyLimit: /^concurrency/,
};

function featuresOf(kind: keyof PoliciesIR): PolicyFeature[] {
  return (Object.keys(CAPABILITIES['ingress-nginx']) as PolicyFeature[]).filter(f => KIND_FEATURES[kind].test(f));
}

function supportedFeatures(column: ControllerName, kind: keyof PoliciesIR): PolicyFeature[] {
  return featuresOf(kind).filter(f => isSupported((CAPABILITIES[column] as Record<string, Parameters<typeof isSupported>[0]>)[f], true));
}

describe('policy emitter maps of every renderer', () => {
  const maps: Array<[string, PolicyEmitters<unknown>, ControllerName]> = [
    ['ingress-nginx', NGINX_POLICY_EMITTERS, 'ingress-nginx'],
    ['traefik', TRAEFIK_POLICY_EMITTERS, 'traefik'],
    ['kong', KONG_POLICY_EMITTERS, 'kong'],
    ['kong-gateway-api', KONG_GATEWAY_API_POLICY_EMITTERS, 'kong-gateway-api'],
    ['gateway-api', GATEWAY_API_POLICY_EMITTERS, 'gateway-api'],
    ['envoy-gateway', ENVOY_POLICY_EMITTERS, 'envoy-gateway'],
    ['istio', ISTIO_POLICY_EMITTERS, 'istio'],
  ];

  test('every kind has matrix features', () => {
    for (const kind of Object.keys(KIND_FEATURES) as Array<keyof PoliciesIR>) expect([kind, featuresOf(kind).length > 0]).toEqual([kind, true]);
  });

  test.each(maps)('%s: a refused kind has no supported feature, every other kind has one', (_name, map, column) => {
    for (const kind of Object.keys(map) as Array<keyof PoliciesIR>) {
      const refused = refusedKinds(map).includes(kind);
      expect([kind, supportedFeatures(column, kind).length > 0]).toEqual([kind, !refused]);
    }
  });

  test('traefik-ingress supports nothing of a kind the Traefik map refuses', () => {
    for (const kind of refusedKinds(TRAEFIK_POLICY_EMITTERS)) expect(supportedFeatures('traefik-ingress', kind)).toEqual([]);
  });

  test.each([
    ['envoy-gateway', ENVOY_POLICY_EMITTERS, envoyGatewayExtension().handles],
    ['istio', ISTIO_POLICY_EMITTERS, istioExtension().handles],
    ['kong-gateway-api', KONG_GATEWAY_API_POLICY_EMITTERS, kongGatewayApiExtension({ ingressClassName: 'kong' }).handles],
  ] as const)('%s renders the features it takes from the core through an emitter of its map', (_name, map, handles) => {
    expect(handles.size).toBeGreaterThan(0);
    for (const f of handles) {
      const kind = (Object.keys(KIND_FEATURES) as Array<keyof PoliciesIR>).find(k => KIND_FEATURES[k].test(f))!;
      expect([f, map[kind] === STANDARD || refusedKinds(map as PolicyEmitters<unknown>).includes(kind)]).toEqual([f, false]);
    }
  });
});
