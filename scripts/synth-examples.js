#!/usr/bin/env node
// Synthesizes every example app (each folder under examples/ with a cdk8s.yaml) in this one
// process: each app's main.ts is loaded the way `cdk8s synth` runs it (CDK8S_OUTDIR set, no
// construct metadata), so the YAML is the same as `cdk8s synth` in that folder writes, without a
// ts-node process per app. Each app stays runnable alone with `cdk8s synth`.
//
//   node scripts/synth-examples.js           writes examples/**/dist/*.k8s.yaml (committed)
//   node scripts/synth-examples.js --check   synthesizes into a temporary directory and fails,
//                                            naming the file, if the committed YAML differs
//
// Fails if an app throws or writes no manifest.
const fs = require('fs');
const os = require('os');
const path = require('path');

const root = path.resolve(__dirname, '..');
const examplesDir = path.join(root, 'examples');
const check = process.argv.includes('--check');

function findApps(dir) {
  const out = [];
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    if (!entry.isDirectory() || entry.name === 'dist' || entry.name === 'node_modules') continue;
    const sub = path.join(dir, entry.name);
    if (fs.existsSync(path.join(sub, 'cdk8s.yaml'))) out.push(sub);
    out.push(...findApps(sub));
  }
  return out.sort();
}

function manifests(dir) {
  return fs.existsSync(dir) ? fs.readdirSync(dir).filter(f => f.endsWith('.yaml')).sort() : [];
}

const apps = findApps(examplesDir);
if (apps.length === 0) {
  console.error('no example apps found under examples/');
  process.exit(1);
}

// The apps' own tsconfig (cdk8s.yaml: `ts-node -P ../../tsconfig.json`); `tsc -p examples` type-checks them first.
require('ts-node').register({ project: path.join(examplesDir, 'tsconfig.json'), transpileOnly: true });

// The committed YAML is the apps' defaults: a CANARY_WEIGHT exported in the shell (the canary
// apps' promotion input, see examples/canary) does not leak into it.
delete process.env.CANARY_WEIGHT;

const started = Date.now();
const scratch = check ? fs.mkdtempSync(path.join(os.tmpdir(), 'cdk8s-gateway-examples-')) : undefined;
const problems = [];
try {
  for (const app of apps) {
    const rel = path.relative(root, app);
    const committed = path.join(app, 'dist');
    const outdir = check ? path.join(scratch, rel) : committed;
    fs.rmSync(outdir, { recursive: true, force: true });
    process.env.CDK8S_OUTDIR = outdir;
    process.env.CDK8S_RECORD_CONSTRUCT_METADATA = 'false';
    try {
      require(path.join(app, 'main.ts'));
    } catch (e) {
      console.error(`${rel}: synth failed: ${e && e.stack ? e.stack : e}`);
      process.exit(1);
    }
    const files = manifests(outdir);
    if (files.length === 0) {
      console.error(`${rel}: synth wrote no manifest`);
      process.exit(1);
    }
    if (!check) {
      for (const f of files) console.log(`synthesized ${path.relative(root, path.join(outdir, f))}`);
      continue;
    }
    const before = manifests(committed);
    for (const f of files) {
      const file = path.relative(root, path.join(committed, f));
      if (!before.includes(f)) problems.push(`${file}: missing (the app writes it; it is not committed)`);
      else if (fs.readFileSync(path.join(committed, f), 'utf8') !== fs.readFileSync(path.join(outdir, f), 'utf8')) {
        problems.push(`${file}: differs from what the app synthesizes`);
      }
    }
    for (const f of before.filter(b => !files.includes(b))) {
      problems.push(`${path.relative(root, path.join(committed, f))}: committed, but the app no longer writes it`);
    }
  }
} finally {
  if (scratch) fs.rmSync(scratch, { recursive: true, force: true });
}

const seconds = ((Date.now() - started) / 1000).toFixed(1);
if (problems.length > 0) {
  console.error(`The committed example YAML is out of date (${problems.length} file(s)):`);
  for (const p of problems) console.error(`  ${p}`);
  console.error('Run `npm run examples` and commit examples/**/dist/.');
  process.exit(1);
}
console.log(check
  ? `${apps.length} example apps synthesized in ${seconds} s; the committed YAML in examples/**/dist/ is up to date`
  : `${apps.length} example apps synthesized in one process in ${seconds} s; YAML is in examples/**/dist/`);
