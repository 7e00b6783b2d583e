#!/usr/bin/env node
// Synthesizes every example app (each folder under examples/ with a cdk8s.yaml) with the real
// `cdk8s synth`, and says where the YAML went. Fails if an app fails or writes no manifest.
const { execFileSync } = require('child_process');
const fs = require('fs');
const path = require('path');

const root = path.resolve(__dirname, '..');
const cli = path.join(root, 'node_modules', '.bin', 'cdk8s');

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

const apps = findApps(path.join(root, 'examples'));
if (apps.length === 0) {
  console.error('no example apps found under examples/');
  process.exit(1);
}
const env = { ...process.env, TS_NODE_TRANSPILE_ONLY: 'true' };
for (const app of apps) {
  const out = path.join(app, 'dist');
  fs.rmSync(out, { recursive: true, force: true });
  execFileSync(cli, ['synth', '--no-check-upgrade', '--output', 'dist'], { cwd: app, env, stdio: ['ignore', 'ignore', 'inherit'] });
  const files = fs.existsSync(out) ? fs.readdirSync(out).filter(f => f.endsWith('.yaml') || f.endsWith('.k8s.yaml')) : [];
  if (files.length === 0) {
    console.error(`${path.relative(root, app)}: cdk8s synth wrote no manifest`);
    process.exit(1);
  }
  for (const f of files) console.log(`synthesized ${path.relative(root, path.join(out, f))}`);
}
console.log(`${apps.length} example apps synthesized with cdk8s synth; YAML is in examples/**/dist/`);
