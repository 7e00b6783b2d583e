import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import * as cdk8s from 'cdk8s';
import * as kplus27 from 'cdk8s-plus-27';
import * as ts from 'typescript';
import * as lib from '../src';

/**
 * The READMEs run: every ```ts block of README.md and of src/controllers/<controller>/README.md is
 * type-checked against the library's source and executed, and every cdk8s App it creates is
 * synthesized (validation included), on the controller the README shows.
 *
 * Blocks are fragments of one story: a block that uses `app`, `chart`, `edge` or `v1` without
 * declaring them gets them from the README's first example (a chart in namespace 'shop', an
 * ApiGateway 'edge' on the README's controller with its route `v1` for api.example.com/v1). Names the block does not
 * import are imported from 'cdk8s-gateway', else from 'cdk8s'.
 */

const ROOT = path.join(__dirname, '..');
const CONTROLLER_OF_README: Record<string, string> = {
  'README.md': 'Controller.ingressNginx()',
  'src/controllers/ingress-nginx/README.md': 'Controller.ingressNginx()',
  'src/controllers/traefik/README.md': 'Controller.traefik()',
  'src/controllers/kong/README.md': 'Controller.kong()',
  'src/controllers/gateway-api/README.md': "Controller.gatewayApi({ gatewayClassName: 'example' })",
  'src/controllers/envoy-gateway/README.md': 'Controller.envoyGateway()',
  'src/controllers/istio/README.md': 'Controller.istio()',
};

interface Block {
  readonly readme: string;
  readonly line: number;
  readonly code: string;
}

function blocksOf(readme: string): Block[] {
  const text = fs.readFileSync(path.join(ROOT, readme), 'utf8');
  const out: Block[] = [];
  const fence = /^```ts\n([\s\S]*?)^```$/gm;
  for (let m = fence.exec(text); m; m = fence.exec(text)) {
    out.push({ readme, line: text.slice(0, m.index).split('\n').length, code: m[1] });
  }
  return out;
}

const READMES = Object.keys(CONTROLLER_OF_README).filter(r => fs.existsSync(path.join(ROOT, r)));
const BLOCKS = READMES.flatMap(blocksOf);

const declares = (code: string, name: string) => new RegExp(`\\b(const|let|var|function|class)\\s+${name}\\b`).test(code);

/** Identifiers the code reads (not property names after '.', not text in strings or comments). */
function identifiers(code: string): Set<string> {
  const scanner = ts.createScanner(ts.ScriptTarget.Latest, true, ts.LanguageVariant.Standard, code);
  const out = new Set<string>();
  let previous = ts.SyntaxKind.Unknown;
  for (let t = scanner.scan(); t !== ts.SyntaxKind.EndOfFileToken; t = scanner.scan()) {
    if (t === ts.SyntaxKind.Identifier && previous !== ts.SyntaxKind.DotToken) out.add(scanner.getTokenValue());
    previous = t;
  }
  return out;
}
const uses = (code: string, name: string) => identifiers(code).has(name);

/** The block as a module: missing imports and the story's `app` / `chart` / `edge` / `v1` added. */
function moduleOf(block: Block): string {
  const code = block.code;
  const imported = new Set<string>();
  for (const m of code.matchAll(/import\s*\{([^}]*)\}\s*from/g)) for (const n of m[1].split(',')) imported.add(n.trim());
  const needed = (names: string[]) => names.filter(n => !imported.has(n) && !declares(code, n));
  const prelude: string[] = [];
  const story: string[] = [];
  const wantsV1 = uses(code, 'v1') && !declares(code, 'v1');
  const wantsEdge = wantsV1 || (uses(code, 'edge') && !declares(code, 'edge'));
  const wantsChart = wantsEdge || (uses(code, 'chart') && !declares(code, 'chart'));
  if (wantsChart) story.push(`const ${declares(code, 'app') ? '__app' : 'app'} = new App();`, `const chart = new Chart(${declares(code, 'app') ? '__app' : 'app'}, 'shop', { namespace: 'shop' });`);
  if (wantsEdge) story.push(`const edge = new ApiGateway(chart, 'edge', { controller: ${CONTROLLER_OF_README[block.readme]} });`);
  // The first example's route, unless the block adds it itself.
  if (wantsEdge && !declares(code, 'v1')) story.push("const v1 = edge.addRoute('api-v1', { hosts: ['api.example.com'], match: { path: PathMatch.prefix('/v1') }, backend: Backend.service('api-v1', 8080) });");
  const all = `${story.join('\n')}\n${code}`;
  const libNames = needed(Object.keys(lib).filter(n => uses(all, n)));
  const cdk8sNames = needed(Object.keys(cdk8s).filter(n => !libNames.includes(n) && uses(all, n)));
  for (const n of [...libNames, ...cdk8sNames]) imported.add(n);
  if (libNames.length > 0) prelude.push(`import { ${libNames.join(', ')} } from 'cdk8s-gateway';`);
  if (cdk8sNames.length > 0) prelude.push(`import { ${cdk8sNames.join(', ')} } from 'cdk8s';`);
  // Imports stay first; the story goes after them.
  const lines = code.split('\n');
  const firstCode = lines.findIndex(l => l.trim() !== '' && !/^import\b/.test(l.trim()));
  const head = firstCode < 0 ? lines : lines.slice(0, firstCode);
  const body = firstCode < 0 ? [] : lines.slice(firstCode);
  return [...prelude, ...head, ...story, ...body, 'export {};'].join('\n');
}

function fileName(i: number): string {
  return path.join(ROOT, 'test', `__readme_${i}.ts`);
}

/** Type-checks every block at once (one program), returns the diagnostics per block. */
function typeCheck(modules: string[]): string[][] {
  const files = new Map(modules.map((m, i) => [fileName(i), m.replace(/from 'cdk8s-gateway'/g, `from '${path.join(ROOT, 'src')}'`)]));
  const options: ts.CompilerOptions = {
    strict: true,
    noEmit: true,
    target: ts.ScriptTarget.ES2020,
    module: ts.ModuleKind.CommonJS,
    esModuleInterop: true,
    skipLibCheck: true,
    types: ['node'],
    noUnusedLocals: false,
    experimentalDecorators: true,
  };
  const host = ts.createCompilerHost(options);
  const readFile = host.readFile.bind(host);
  const fileExists = host.fileExists.bind(host);
  const getSourceFile = host.getSourceFile.bind(host);
  host.readFile = f => files.get(f) ?? readFile(f);
  host.fileExists = f => files.has(f) || fileExists(f);
  host.getSourceFile = (f, v, onError, create) =>
    (files.has(f) ? ts.createSourceFile(f, files.get(f)!, v, true) : getSourceFile(f, v, onError, create));
  const program = ts.createProgram([...files.keys()], options, host);
  return [...files.keys()].map(f => ts.getPreEmitDiagnostics(program, program.getSourceFile(f))
    .map(d => `${d.file && d.start !== undefined ? `line ${d.file.getLineAndCharacterOfPosition(d.start).line + 1}: ` : ''}${ts.flattenDiagnosticMessageText(d.messageText, '\n')}`));
}

/** Runs a module; returns every App it created. */
function run(module: string): cdk8s.App[] {
  const apps: cdk8s.App[] = [];
  class RecordingApp extends cdk8s.App {
    constructor(props?: cdk8s.AppProps) {
      super(props);
      apps.push(this);
    }
  }
  const compilerOptions = { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2020, esModuleInterop: true };
  const js = ts.transpileModule(module, { compilerOptions }).outputText;
  // cdk8s-plus-27: the README's Service-side settings example hands a cdk8s-plus Service over.
  const modules: Record<string, unknown> = { 'cdk8s-gateway': lib, 'cdk8s': { ...cdk8s, App: RecordingApp }, 'cdk8s-plus-27': kplus27 };
  const requireIn = (name: string) => {
    if (!(name in modules)) throw new Error(`README block imports '${name}', which the README test does not provide`);
    return modules[name];
  };
  const exports = {};
  new Function('require', 'exports', 'module', js)(requireIn, exports, { exports });
  return apps;
}

describe('README code blocks', () => {
  const outdir = fs.mkdtempSync(path.join(os.tmpdir(), 'readme-'));
  const modules = BLOCKS.map(moduleOf);
  let diagnostics: string[][] | undefined;
  const before = process.env.CDK8S_OUTDIR;
  beforeAll(() => { process.env.CDK8S_OUTDIR = outdir; });
  afterAll(() => {
    if (before === undefined) delete process.env.CDK8S_OUTDIR; else process.env.CDK8S_OUTDIR = before;
    fs.rmSync(outdir, { recursive: true, force: true });
  });

  test('README.md has TypeScript blocks (the extraction works)', () => {
    expect(BLOCKS.filter(b => b.readme === 'README.md').length).toBeGreaterThanOrEqual(8);
  });

  test.each(BLOCKS.map((b, i) => [`${b.readme}:${b.line}`, i]))('%s compiles and synthesizes', (_where, i) => {
    diagnostics ??= typeCheck(modules);
    expect({ module: modules[i as number], errors: diagnostics[i as number] }).toEqual({ module: modules[i as number], errors: [] });
    const apps = run(modules[i as number]);
    expect(apps.length).toBeGreaterThan(0);
    for (const app of apps) app.synthYaml();
  });
});
