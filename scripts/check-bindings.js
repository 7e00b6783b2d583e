#!/usr/bin/env node
// Generates the Python, Java, .NET and Go bindings from .jsii with `jsii-pacmak --code-only` into a
// temporary directory (nothing is packaged or published), then checks them:
// - every language produced its sources;
// - the Python compiles (`python3 -m compileall`), and no Python name needed a keyword escape;
// - the README's Python example parses and uses only classes, methods and keyword arguments the
//   generated Python has (the jsii Python runtime is not installable here, so it is not run);
// - no identifier needed an escape in C# (`@namespace`), Java or Go (`type_`): reserved-word
//   collisions get clean names.
// Java, .NET and Go are not compiled here: their jsii runtimes and the cdk8s/constructs packages come
// from Maven Central, NuGet and the Go proxy, which this project's CI cannot reach.
const { execFileSync } = require('child_process');
const fs = require('fs');
const os = require('os');
const path = require('path');

const root = path.resolve(__dirname, '..');
if (!fs.existsSync(path.join(root, '.jsii'))) {
  console.error('.jsii not found: run `npx projen compile` first');
  process.exit(1);
}

const LANGUAGES = { python: '.py', java: '.java', dotnet: '.cs', go: '.go' };
// Identifiers pacmak escapes with a trailing underscore when a name is a keyword of the target language.
const JAVA_KEYWORDS = ['abstract', 'assert', 'boolean', 'break', 'byte', 'case', 'catch', 'char', 'class', 'const', 'continue', 'default', 'do', 'double', 'else', 'enum', 'extends', 'final', 'finally', 'float', 'for', 'goto', 'if', 'implements', 'import', 'instanceof', 'int', 'interface', 'long', 'native', 'new', 'package', 'private', 'protected', 'public', 'return', 'short', 'static', 'strictfp', 'super', 'switch', 'synchronized', 'this', 'throw', 'throws', 'transient', 'try', 'void', 'volatile', 'while'];
const GO_KEYWORDS = ['break', 'case', 'chan', 'const', 'continue', 'default', 'defer', 'else', 'fallthrough', 'for', 'func', 'go', 'goto', 'if', 'import', 'interface', 'map', 'package', 'range', 'return', 'select', 'struct', 'switch', 'type', 'var'];

function files(dir, ext) {
  const out = [];
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) out.push(...files(p, ext));
    else if (e.name.endsWith(ext)) out.push(p);
  }
  return out;
}

/** Code lines only: comment lines (docs quote examples such as `@example`) are skipped. */
function codeLines(file, commentPrefixes) {
  return fs.readFileSync(file, 'utf8').split('\n')
    .map((text, i) => ({ text, line: i + 1 }))
    .filter(l => !commentPrefixes.some(c => l.text.trimStart().startsWith(c)));
}

const out = fs.mkdtempSync(path.join(os.tmpdir(), 'cdk8s-gateway-bindings-'));
const problems = [];
try {
  const started = Date.now();
  execFileSync(path.join(root, 'node_modules', '.bin', 'jsii-pacmak'),
    ['--code-only', ...Object.keys(LANGUAGES).flatMap(l => ['--target', l]), '--outdir', out],
    { cwd: root, stdio: ['ignore', 'ignore', 'inherit'], env: { ...process.env, JSII_SILENCE_WARNING_END_OF_LIFE_NODE_VERSION: '20' } });
  const seconds = ((Date.now() - started) / 1000).toFixed(1);

  const counts = {};
  for (const [lang, ext] of Object.entries(LANGUAGES)) {
    const dir = path.join(out, lang);
    counts[lang] = fs.existsSync(dir) ? files(dir, ext).length : 0;
    if (counts[lang] === 0) problems.push(`${lang}: jsii-pacmak generated no ${ext} file`);
  }

  // Python: byte-compile every generated file, and look for keyword escapes in the AST.
  const py = path.join(out, 'python');
  if (counts.python > 0) {
    const script = [
      'import ast, keyword, pathlib, sys',
      'bad = []',
      'for f in sorted(pathlib.Path(sys.argv[1]).rglob("*.py")):',
      '    tree = ast.parse(f.read_text(), str(f))',
      '    for n in ast.walk(tree):',
      '        names = [a.arg for a in n.args.args + n.args.kwonlyargs] if isinstance(n, (ast.FunctionDef, ast.AsyncFunctionDef)) else []',
      '        names += [n.name] if isinstance(n, (ast.FunctionDef, ast.ClassDef)) else []',
      '        bad += [f"{f}:{n.lineno}: {x}" for x in names if x.endswith("_") and keyword.iskeyword(x.rstrip("_"))]',
      'print("\\n".join(bad))',
    ].join('\n');
    try {
      execFileSync('python3', ['-m', 'compileall', '-q', py], { stdio: ['ignore', 'ignore', 'inherit'] });
      const escaped = execFileSync('python3', ['-c', script, py], { encoding: 'utf8' }).trim();
      if (escaped) problems.push(`python: keyword-escaped names:\n${escaped}`);
    } catch (e) {
      problems.push(`python: the generated bindings do not compile with python3 (${e.message.split('\n')[0]})`);
    }
  }

  // README's Python example: valid Python whose names exist in the generated module: the imported
  // classes, the methods called on them (or on objects they build) and their keyword arguments.
  const readme = fs.readFileSync(path.join(root, 'README.md'), 'utf8');
  const block = readme.match(/<!-- python-primer[^>]*-->\s*```python\n([\s\S]*?)```/);
  if (!block) problems.push('README.md: the Python example (<!-- python-primer --> then a ```python block) is missing');
  else if (counts.python > 0) {
    const example = path.join(out, 'readme_example.py');
    fs.writeFileSync(example, block[1]);
    const script = [
      'import ast, sys',
      'gen = ast.parse(open(sys.argv[1]).read())',
      'classes = {n.name for n in gen.body if isinstance(n, ast.ClassDef)}',
      'defs, params = set(), set()',
      'for n in ast.walk(gen):',
      '    if isinstance(n, ast.FunctionDef):',
      '        defs.add(n.name); params.update(a.arg for a in n.args.args + n.args.kwonlyargs)',
      'ex = ast.parse(open(sys.argv[2]).read())',
      'ours = set()',
      'bad = []',
      'for n in ex.body:',
      '    if isinstance(n, ast.ImportFrom) and n.module == "cdk8s_gateway":',
      '        for a in n.names:',
      '            ours.add(a.name)',
      '            if a.name not in classes: bad.append(f"class {a.name}")',
      '    if isinstance(n, ast.Assign) and isinstance(n.value, ast.Call) and isinstance(n.value.func, ast.Name) and n.value.func.id in ours:',
      '        ours.update(t.id for t in n.targets if isinstance(t, ast.Name))',
      'for n in ast.walk(ex):',
      '    if not isinstance(n, ast.Call): continue',
      '    f = n.func',
      '    mine = (isinstance(f, ast.Name) and f.id in ours) or (isinstance(f, ast.Attribute) and isinstance(f.value, ast.Name) and f.value.id in ours)',
      '    if not mine: continue',
      '    if isinstance(f, ast.Attribute) and f.attr not in defs: bad.append(f"method {f.attr}")',
      '    bad += [f"keyword argument {k.arg}" for k in n.keywords if k.arg not in params]',
      'print("\\n".join(bad))',
    ].join('\n');
    try {
      const unknown = execFileSync('python3', ['-c', script, path.join(py, 'src', 'cdk8s_gateway', '__init__.py'), example], { encoding: 'utf8' }).trim();
      if (unknown) problems.push(`README.md Python example: not in the generated bindings:\n${unknown}`);
    } catch (e) {
      problems.push(`README.md Python example: ${e.message.split('\n')[0]}`);
    }
  }

  // C#: verbatim identifiers (`@namespace`) in code.
  for (const f of counts.dotnet ? files(path.join(out, 'dotnet'), '.cs') : []) {
    for (const l of codeLines(f, ['//', '['])) {
      const m = l.text.match(/(?<![\w"])@([A-Za-z_]\w*)/);
      if (m) problems.push(`dotnet: ${path.relative(out, f)}:${l.line}: escaped identifier @${m[1]}`);
    }
  }
  // Java and Go: keyword + '_' identifiers.
  for (const [lang, ext, keywords] of [['java', '.java', JAVA_KEYWORDS], ['go', '.go', GO_KEYWORDS]]) {
    const re = new RegExp(`\\b(${keywords.join('|')})_\\b`);
    for (const f of counts[lang] ? files(path.join(out, lang), ext) : []) {
      for (const l of codeLines(f, ['//', '*', '/*'])) {
        const m = l.text.match(re);
        if (m) problems.push(`${lang}: ${path.relative(out, f)}:${l.line}: escaped identifier ${m[0]}`);
      }
    }
  }

  if (problems.length === 0) {
    console.log(`bindings generated in ${seconds} s: ${Object.entries(counts).map(([l, n]) => `${l} ${n} files`).join(', ')}; Python compiles; no escaped names; the README's Python example matches`);
  }
} finally {
  fs.rmSync(out, { recursive: true, force: true });
}
if (problems.length > 0) {
  console.error(`bindings check failed:\n${problems.map(p => `  ${p}`).join('\n')}`);
  process.exit(1);
}
