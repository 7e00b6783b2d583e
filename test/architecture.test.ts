import { execFileSync } from 'child_process';
import * as path from 'path';
import { CAPABILITIES } from '../src/capabilities/matrix';
import { isSupported } from '../src/capabilities/support';
import { emitters, refusedKinds } from '../src/controllers/common/policy-emitters';
import { POLICY_EMITTERS as NGINX_POLICY_EMITTERS, POLICY_FEATURES as NGINX_POLICY_FEATURES } from '../src/controllers/ingress-nginx/features/policies';

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
