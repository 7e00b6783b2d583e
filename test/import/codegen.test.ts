import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import { parseAllDocuments } from 'yaml';
import { original, planOf, sortedYaml } from './scenario-util';
import { ControllerName } from '../../src/capabilities/features';
import { generateCode } from '../../src/import/codegen';
import { SCENARIOS } from '../scenarios';

/*
 * The generated code itself: for the scenarios (intent -> IR -> plan -> TypeScript), the code
 * type-checks against src with the project's compiler settings (one tsc run), and a few apps run
 * under ts-node (transpile-only) synthesize the same YAML as the original intent.
 */

const ROOT = path.resolve(__dirname, '..', '..');
const DIR = path.join(ROOT, 'test-reports', `import-codegen-${process.pid}`);
const COLUMNS: ControllerName[] = ['ingress-nginx', 'envoy-gateway'];
/** Run under ts-node: one of each kind (issuers + TLS, canaries, policies) per column. */
const RUN: ReadonlyArray<[ControllerName, string]> = [
  ['ingress-nginx', 'tls-issuer-http01'],
  ['envoy-gateway', 'canary-header-mirror-other-namespace'],
  ['envoy-gateway', 'resilience'],
];

let ran = false;
const generated = new Map<string, { file: string; controller: ControllerName; name: string }>();

beforeAll(() => {
  fs.rmSync(DIR, { recursive: true, force: true });
  for (const controller of COLUMNS) {
    for (const name of Object.keys(SCENARIOS)) {
      const o = original(name, controller);
      if (!o) continue;
      const dir = path.join(DIR, `${controller}--${name}`);
      fs.mkdirSync(dir, { recursive: true });
      const code = generateCode(planOf(o), { controller, importFrom: path.relative(dir, path.join(ROOT, 'src')) });
      fs.writeFileSync(path.join(dir, 'main.ts'), code);
      generated.set(`${controller}--${name}`, { file: path.join(dir, 'main.ts'), controller, name });
    }
  }
  fs.writeFileSync(path.join(DIR, 'tsconfig.json'), JSON.stringify({
    extends: path.join(ROOT, 'tsconfig.json'),
    compilerOptions: { rootDir: ROOT, noEmit: true, types: ['node'] },
    include: ['**/main.ts'],
  }));
});

afterAll(() => fs.rmSync(DIR, { recursive: true, force: true }));

test('the generated apps type-check against src (strict, no unused locals)', () => {
  expect(generated.size).toBeGreaterThan(60);
  let output = '';
  try {
    execFileSync(path.join(ROOT, 'node_modules', '.bin', 'tsc'), ['-p', path.join(DIR, 'tsconfig.json')], { encoding: 'utf8', stdio: 'pipe' });
  } catch (e: any) {
    output = `${e.stdout ?? ''}${e.stderr ?? ''}`;
  }
  expect(output).toBe('');
});

test.each(RUN)('%s: the generated app of %s synthesizes the original YAML (ts-node)', (controller, name) => {
  if (!ran) {
    // One ts-node process runs every app of RUN, each in its own directory (app.synth() writes ./dist).
    const dirs = RUN.map(([c, n]) => path.dirname(generated.get(`${c}--${n}`)!.file));
    const script = `for (const d of ${JSON.stringify(dirs)}) { process.chdir(d); require(d + '/main.ts'); }`;
    execFileSync(path.join(ROOT, 'node_modules', '.bin', 'ts-node'), ['--transpile-only', '-e', script], { cwd: DIR, stdio: 'pipe', env: { ...process.env, TS_NODE_PROJECT: path.join(DIR, 'tsconfig.json') } });
    ran = true;
  }
  const dir = path.dirname(generated.get(`${controller}--${name}`)!.file);
  const yaml = fs.readFileSync(path.join(dir, 'dist', 'imported.k8s.yaml'), 'utf8');
  const objects = parseAllDocuments(yaml).map((d: any) => d.toJS()).filter((x: unknown) => x);
  expect(sortedYaml(objects)).toEqual(sortedYaml(original(name, controller)!.objects));
});
