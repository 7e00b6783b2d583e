// The published surface: what `npm pack` ships, what the typings export, and the docs every public
// member carries in the .jsii assembly. Reads the build output: run `npx projen compile` first
// (`npm test` does).
import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import * as ts from 'typescript';

const root = path.join(__dirname, '..');
const REPO = 'https://github.com/cdk8s-gateway/cdk8s-gateway';

function built(file: string): string {
  const p = path.join(root, file);
  if (!fs.existsSync(p)) throw new Error(`${file} not found: run \`npx projen compile\` first`);
  return p;
}

describe('npm pack', () => {
  const files: string[] = JSON.parse(execFileSync('npm', ['pack', '--dry-run', '--json', '--ignore-scripts'], { cwd: root, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }))[0].files.map((f: any) => f.path).sort();

  test('ships lib/, .jsii, API.md, README, CHANGELOG, LICENSE and the per-controller docs', () => {
    built('.jsii');
    const controllerDocs = fs.readdirSync(path.join(root, 'src', 'controllers'), { withFileTypes: true })
      .filter(d => d.isDirectory() && fs.existsSync(path.join(root, 'src', 'controllers', d.name, 'README.md')))
      .map(d => `src/controllers/${d.name}/README.md`);
    expect(controllerDocs.length).toBeGreaterThanOrEqual(6);
    for (const f of ['lib/index.js', 'lib/index.d.ts', '.jsii', 'API.md', 'README.md', 'CHANGELOG.md', 'LICENSE', 'package.json', ...controllerDocs]) {
      expect(files).toContain(f);
    }
  });

  test('ships nothing repo-only: no sources, tests, examples, scripts or CI', () => {
    // Bundled dependencies (the import loader's YAML parser) ship under node_modules/, with their own dependencies.
    const json = (file: string) => JSON.parse(fs.readFileSync(built(file), 'utf8'));
    const bundled: string[] = json('package.json').bundledDependencies ?? [];
    const shipped = new Set(bundled.flatMap(d => [d, ...Object.keys(json(`node_modules/${d}/package.json`).dependencies ?? {})]));
    const shipsBundled = (f: string) => shipped.has(/^node_modules\/((?:@[^/]+\/)?[^/]+)\//.exec(f)?.[1] ?? '');
    const repoOnly = files.filter(f => !shipsBundled(f)
      && !/^(lib\/.*\.(js|d\.ts)|bin\/cdk8s-gateway|src\/controllers\/[^/]+\/README\.md|\.jsii|API\.md|README\.md|CHANGELOG\.md|LICENSE|package\.json)$/.test(f));
    expect(repoOnly).toEqual([]);
  });
});

describe('typings', () => {
  const assembly = JSON.parse(fs.readFileSync(built('.jsii'), 'utf8'));
  const jsiiTypes = Object.keys(assembly.types).map(fqn => fqn.replace(/^cdk8s-gateway\./, '')).sort();

  test('lib/index.d.ts exports exactly the jsii types: internal helpers are stripped', () => {
    const program = ts.createProgram([built('lib/index.d.ts')], { noEmit: true });
    const checker = program.getTypeChecker();
    const exported = checker.getExportsOfModule(checker.getSymbolAtLocation(program.getSourceFile(built('lib/index.d.ts'))!)!).map(s => s.name).sort();
    expect(exported).toEqual(jsiiTypes);
  });

  test('an app on the newest cdk8s-plus line compiles against the typings, library checks on', () => {
    const file = path.join(__dirname, 'compat', 'consumer-of-lib.ts');
    const declarations = (fs.readdirSync(path.join(root, 'lib'), { recursive: true }) as string[])
      .filter(f => f.endsWith('.d.ts')).map(f => path.join(root, 'lib', f));
    expect(declarations.length).toBeGreaterThan(50);
    const program = ts.createProgram([file, ...declarations], {
      strict: true,
      noEmit: true,
      skipLibCheck: false,
      target: ts.ScriptTarget.ES2022,
      module: ts.ModuleKind.Node16,
      moduleResolution: ts.ModuleResolutionKind.Node16,
      types: ['node'],
    });
    // Our declaration files and the app are checked in full; other packages' declarations only as far
    // as they are used (checking all of cdk8s-plus's k8s.d.ts would triple the time and test nothing of ours).
    const ours = [file, ...declarations].map(f => program.getSourceFile(f)!);
    const diagnostics = [
      ...program.getOptionsDiagnostics(),
      ...program.getGlobalDiagnostics(),
      ...ours.flatMap(sf => [...program.getSyntacticDiagnostics(sf), ...program.getSemanticDiagnostics(sf)]),
    ].map(d => `${d.file ? path.relative(root, d.file.fileName) : ''}: ${ts.flattenDiagnosticMessageText(d.messageText, '\n')}`);
    expect(diagnostics).toEqual([]);
  });
});

describe('the .jsii assembly documents the public API', () => {
  const assembly = JSON.parse(fs.readFileSync(built('.jsii'), 'utf8'));
  const types: [string, any][] = Object.entries(assembly.types).map(([fqn, t]) => [fqn.replace(/^cdk8s-gateway\./, ''), t]);

  test('stability is experimental until 1.0', () => {
    expect(assembly.docs?.stability).toBe('experimental');
  });

  test('every public type, property, method and enum member has a summary', () => {
    const missing: string[] = [];
    for (const [name, t] of types) {
      if (!t.docs?.summary) missing.push(name);
      for (const p of t.properties ?? []) if (!p.docs?.summary) missing.push(`${name}.${p.name}`);
      for (const m of t.methods ?? []) if (!m.docs?.summary) missing.push(`${name}.${m.name}()`);
      for (const m of t.members ?? []) if (!m.docs?.summary) missing.push(`${name}.${m.name}`);
    }
    expect(missing).toEqual([]);
  });

  test('every optional property has a @default', () => {
    const missing: string[] = [];
    for (const [name, t] of types) {
      for (const p of t.properties ?? []) {
        if (p.optional && (t.datatype || t.kind === 'interface') && p.docs?.default === undefined) missing.push(`${name}.${p.name}`);
      }
    }
    expect(missing).toEqual([]);
  });

  test('the main entry points have an @example', () => {
    const entryPoints = ['ApiGateway', 'Route', 'TlsHost', 'CanarySplit', 'Backend', 'Controller', 'TlsCertificate', 'ClusterIssuer', 'Issuer', 'Certificate'];
    expect(entryPoints.filter(n => !assembly.types[`cdk8s-gateway.${n}`]?.docs?.example)).toEqual([]);
  });
});

describe('README', () => {
  const readme = fs.readFileSync(path.join(root, 'README.md'), 'utf8');
  const links = [...readme.matchAll(/\]\(([^)\s]+)\)/g)].map(m => m[1]);

  test('links work on the npm page too: in-page anchors or absolute URLs, repository files exist', () => {
    expect(links.length).toBeGreaterThan(0);
    expect(links.filter(l => !l.startsWith('#') && !/^https?:\/\//.test(l))).toEqual([]);
    const missing = links.filter(l => l.startsWith(`${REPO}/`))
      .map(l => l.slice(REPO.length + 1).replace(/^(blob|tree)\/main\//, '').replace(/#.*$/, ''))
      .filter(p => !fs.existsSync(path.join(root, p)));
    expect(missing).toEqual([]);
  });
});
