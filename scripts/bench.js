#!/usr/bin/env node
// `npm run bench`: synth cost of cdk8s-gateway vs the floor (raw cdk8s ApiObjects carrying the
// identical manifests), at 1k and 10k routes (N/10 hosts), per controller, each run in a fresh
// process so peak RSS is comparable. Prints min / median / max over RUNS processes.
const { execFileSync } = require('child_process');
const fs = require('fs');
const os = require('os');
const path = require('path');

const CONTROLLERS = ['ingress-nginx', 'traefik', 'traefik-ingress', 'kong', 'kong-gateway-api', 'gateway-api', 'envoy-gateway', 'istio'];
const SIZES = (process.env.BENCH_SIZES || '1000,10000').split(',').map(Number);
const RUNS = Number(process.env.BENCH_RUNS || 3);

function controllerFor(lib, name) {
  const { Controller, TraefikOutput, KongMode } = lib;
  switch (name) {
    case 'ingress-nginx': return Controller.ingressNginx();
    case 'traefik': return Controller.traefik();
    case 'traefik-ingress': return Controller.traefik({ output: TraefikOutput.INGRESS });
    case 'kong': return Controller.kong();
    case 'kong-gateway-api': return Controller.kong({ mode: KongMode.GATEWAY_API });
    case 'gateway-api': return Controller.gatewayApi({ gatewayClassName: 'bench' });
    case 'envoy-gateway': return Controller.envoyGateway();
    case 'istio': return Controller.istio();
  }
  throw new Error(`unknown controller ${name}`);
}

function child(mode, controller, n, file) {
  const cdk8s = require('cdk8s');
  if (mode === 'ours') {
    // The compiled library (npm run bench compiles first), as users load it.
    const lib = require('../lib');
    const start = process.hrtime.bigint();
    const app = new cdk8s.App();
    const chart = new cdk8s.Chart(app, 'bench', { namespace: 'bench' });
    const gw = new lib.ApiGateway(chart, 'edge', { controller: controllerFor(lib, controller) });
    const hosts = Math.max(1, Math.floor(n / 10));
    for (let i = 0; i < n; i++) {
      gw.addRoute(`r${i}`, {
        hosts: [`h${i % hosts}.example.com`],
        match: { path: lib.PathMatch.prefix(`/svc${Math.floor(i / hosts)}`) },
        backend: lib.Backend.service(`svc-${i}`, 8080),
      });
    }
    const yaml = app.synthYaml();
    const ms = Number(process.hrtime.bigint() - start) / 1e6;
    if (file) fs.writeFileSync(file, JSON.stringify(chart.toJson()));
    return { ms, rss: process.resourceUsage().maxRSS / 1024, bytes: yaml.length };
  }
  const manifests = JSON.parse(fs.readFileSync(file, 'utf8'));
  const start = process.hrtime.bigint();
  const app = new cdk8s.App();
  const chart = new cdk8s.Chart(app, 'bench');
  manifests.forEach((m, i) => new cdk8s.ApiObject(chart, `o${i}`, m));
  const yaml = app.synthYaml();
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  return { ms, rss: process.resourceUsage().maxRSS / 1024, bytes: yaml.length };
}

if (process.argv[2] === '--child') {
  const [, , , mode, controller, n, file] = process.argv;
  process.stdout.write(JSON.stringify(child(mode, controller, Number(n), file)));
  process.exit(0);
}

const run = (...args) => JSON.parse(execFileSync(process.execPath, [__filename, '--child', ...args], { encoding: 'utf8', maxBuffer: 1 << 26 }));
const stats = xs => { const s = [...xs].sort((a, b) => a - b); return { min: s[0], med: s[Math.floor(s.length / 2)], max: s[s.length - 1] }; };
const f = x => x.toFixed(0).padStart(6);

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'cdk8s-gateway-bench-'));
const rows = [];
console.log(`cdk8s-gateway bench: ${RUNS} fresh processes per cell, node ${process.version}`);
console.log('controller        routes   ours ms (min/med/max)   floor ms (min/med/max)  ratio(med)  ratio(max/min)  RSS ours/floor MiB  yaml bytes');
for (const controller of CONTROLLERS) {
  const perSize = {};
  for (const n of SIZES) {
    const file = path.join(tmp, `${controller}-${n}.json`);
    const ours = [], floor = [];
    for (let r = 0; r < RUNS; r++) {
      ours.push(run('ours', controller, String(n), file));
      floor.push(run('floor', controller, String(n), file));
    }
    const o = stats(ours.map(x => x.ms)), fl = stats(floor.map(x => x.ms));
    const rssO = stats(ours.map(x => x.rss)).med, rssF = stats(floor.map(x => x.rss)).med;
    perSize[n] = o.med;
    const row = { controller, n, ours: o, floor: fl, ratio: o.med / fl.med, worst: o.max / fl.min, rssOurs: rssO, rssFloor: rssF, rssRatio: rssO / rssF, bytes: ours[0].bytes };
    rows.push(row);
    console.log(`${controller.padEnd(17)} ${String(n).padStart(6)}  ${f(o.min)} ${f(o.med)} ${f(o.max)}    ${f(fl.min)} ${f(fl.med)} ${f(fl.max)}     ${row.ratio.toFixed(2).padStart(5)}       ${row.worst.toFixed(2).padStart(5)}        ${rssO.toFixed(0).padStart(5)} / ${rssF.toFixed(0).padStart(5)} (${row.rssRatio.toFixed(2)}x)  ${row.bytes}`);
  }
  if (SIZES.length >= 2) {
    const [a, b] = [SIZES[0], SIZES[SIZES.length - 1]];
    console.log(`${controller.padEnd(17)} growth ${a} -> ${b} routes: ${(perSize[b] / perSize[a]).toFixed(2)}x time for ${(b / a).toFixed(0)}x routes`);
  }
}
fs.rmSync(tmp, { recursive: true, force: true });
const worstRatio = Math.max(...rows.map(r => r.ratio));
const worstRss = Math.max(...rows.map(r => r.rssRatio));
console.log(`\nworst median ratio ${worstRatio.toFixed(2)} (target <= 1.25); worst RSS ratio ${worstRss.toFixed(2)} (target <= 1.3)`);
