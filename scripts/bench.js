#!/usr/bin/env node
// `npm run bench`: synth cost of cdk8s-gateway, per controller, at 1k and 10k routes (N/10 hosts,
// 100k with BENCH_SIZES=100000), side by side with:
//   - plain: the same routes written the way a user would without us: cdk8s-plus-27 `kplus.Ingress`
//     (one per host) for Ingress outputs, hand-written objects grouped per host through `ApiObject`
//     (HTTPRoutes of at most 16 rules, Traefik IngressRoutes) for the others;
//   - floor: raw cdk8s `ApiObject`s carrying our own output, object for object.
// Every measure runs in a fresh process (peak RSS is the process's); min / median / max over
// BENCH_RUNS processes. BENCH_CONTROLLERS=a,b selects controllers; BENCH_LIB=path measures another
// build of the library (e.g. a copy of lib/ from before a change). Not a timed test: the machine
// may be shared, so the load average is printed with the table, and each cell is timed twice: wall
// clock and the process's CPU time (user + system, all threads), which a busy machine disturbs less.
const { execFileSync } = require('child_process');
const fs = require('fs');
const os = require('os');
const path = require('path');

const ALL = ['ingress-nginx', 'traefik', 'traefik-ingress', 'kong', 'kong-gateway-api', 'gateway-api', 'envoy-gateway', 'istio'];
const CONTROLLERS = process.env.BENCH_CONTROLLERS ? process.env.BENCH_CONTROLLERS.split(',') : ALL;
const SIZES = (process.env.BENCH_SIZES || '1000,10000').split(',').map(Number);
const RUNS = Number(process.env.BENCH_RUNS || 3);
const LIB = path.resolve(process.env.BENCH_LIB || path.join(__dirname, '..', 'lib'));
const INGRESS_OUTPUTS = new Set(['ingress-nginx', 'traefik-ingress', 'kong']);

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

/** The benchmark's routes: route i on host i % hosts, path /svc<i / hosts>, Service svc-i. */
function routes(n) {
  const hosts = Math.max(1, Math.floor(n / 10));
  const out = [];
  for (let i = 0; i < n; i++) out.push({ i, host: `h${i % hosts}.example.com`, path: `/svc${Math.floor(i / hosts)}`, service: `svc-${i}` });
  return out;
}

function byHost(rs) {
  const hosts = new Map();
  for (const r of rs) {
    const list = hosts.get(r.host);
    if (list) list.push(r); else hosts.set(r.host, [r]);
  }
  return hosts;
}

const slug = host => host.replace(/\./g, '-');

/** What a user writes without us: one object per host (HTTPRoutes split at 16 rules). */
function plainApp(cdk8s, kplus, chart, controller, rs) {
  if (INGRESS_OUTPUTS.has(controller)) {
    const className = controller === 'ingress-nginx' ? 'nginx' : controller === 'kong' ? 'kong' : 'traefik';
    for (const [host, list] of byHost(rs)) {
      const ing = new kplus.Ingress(chart, slug(host), { className });
      // IngressBackend.fromService reads only the Service's name and ports.
      for (const r of list) ing.addHostRule(host, r.path, kplus.IngressBackend.fromService({ name: r.service, ports: [{ port: 8080 }] }), kplus.HttpIngressPathType.PREFIX);
    }
    return;
  }
  if (controller === 'traefik') {
    for (const [host, list] of byHost(rs)) {
      new cdk8s.ApiObject(chart, slug(host), {
        apiVersion: 'traefik.io/v1alpha1',
        kind: 'IngressRoute',
        metadata: { name: slug(host) },
        spec: {
          entryPoints: ['web'],
          routes: list.map(r => ({ kind: 'Rule', match: `Host(\`${host}\`) && PathPrefix(\`${r.path}\`)`, services: [{ name: r.service, port: 8080 }] })),
        },
      });
    }
    return;
  }
  new cdk8s.ApiObject(chart, 'gateway', {
    apiVersion: 'gateway.networking.k8s.io/v1',
    kind: 'Gateway',
    metadata: { name: 'edge' },
    spec: { gatewayClassName: 'bench', listeners: [{ name: 'http', port: 80, protocol: 'HTTP' }] },
  });
  for (const [host, list] of byHost(rs)) {
    for (let c = 0; c < list.length; c += 16) {
      const name = c === 0 ? slug(host) : `${slug(host)}-${c / 16 + 1}`;
      new cdk8s.ApiObject(chart, name, {
        apiVersion: 'gateway.networking.k8s.io/v1',
        kind: 'HTTPRoute',
        metadata: { name },
        spec: {
          parentRefs: [{ name: 'edge', sectionName: 'http' }],
          hostnames: [host],
          rules: list.slice(c, c + 16).map(r => ({ matches: [{ path: { type: 'PathPrefix', value: r.path } }], backendRefs: [{ name: r.service, port: 8080 }] })),
        },
      });
    }
  }
}

function child(mode, controller, n, file) {
  const cdk8s = require('cdk8s');
  const rs = routes(n);
  let manifests;
  if (mode === 'floor') manifests = JSON.parse(fs.readFileSync(file, 'utf8'));
  // Libraries load before the clock starts, ours as users load it.
  const lib = mode === 'ours' ? require(LIB) : undefined;
  const kplus = mode === 'plain' && INGRESS_OUTPUTS.has(controller) ? require('cdk8s-plus-27') : undefined;
  const start = process.hrtime.bigint();
  const cpu = process.cpuUsage();
  const app = new cdk8s.App();
  const chart = new cdk8s.Chart(app, 'bench', { namespace: 'bench' });
  if (mode === 'ours') {
    const gw = new lib.ApiGateway(chart, 'edge', { controller: controllerFor(lib, controller) });
    for (const r of rs) {
      gw.addRoute(`r${r.i}`, { hosts: [r.host], match: { path: lib.PathMatch.prefix(r.path) }, backend: lib.Backend.service(r.service, 8080) });
    }
  } else if (mode === 'floor') {
    manifests.forEach((m, i) => new cdk8s.ApiObject(chart, `o${i}`, m));
  } else {
    plainApp(cdk8s, kplus, chart, controller, rs);
  }
  const yaml = app.synthYaml();
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  const used = process.cpuUsage(cpu);
  if (mode === 'ours' && file) fs.writeFileSync(file, JSON.stringify(chart.toJson()));
  return { ms, cpu: (used.user + used.system) / 1000, rss: process.resourceUsage().maxRSS / 1024, bytes: yaml.length, objects: chart.node.findAll().filter(c => c instanceof cdk8s.ApiObject).length };
}

if (process.argv[2] === '--child') {
  const [, , , mode, controller, n, file] = process.argv;
  process.stdout.write(JSON.stringify(child(mode, controller, Number(n), file)));
  process.exit(0);
}

// --trace-deopt is too noisy; V8's dictionary ("slow") mode shows as a time and RSS jump at scale.
const run = (...args) => JSON.parse(execFileSync(process.execPath, ['--max-old-space-size=4096', __filename, '--child', ...args], { encoding: 'utf8', maxBuffer: 1 << 26 }));
const stats = xs => { const s = [...xs].sort((a, b) => a - b); return { min: s[0], med: s[Math.floor(s.length / 2)], max: s[s.length - 1] }; };
const f = x => x.toFixed(0).padStart(6);
const trio = s => `${f(s.min)} ${f(s.med)} ${f(s.max)}`;
const load = () => os.loadavg().map(x => x.toFixed(1)).join(' ');

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'cdk8s-gateway-bench-'));
const rows = [];
console.log(`cdk8s-gateway bench: ${RUNS} fresh processes per cell, node ${process.version}, ${os.cpus().length} CPUs, load ${load()}, lib ${path.relative(process.cwd(), LIB) || '.'}`);
console.log('times in ms (min med max), wall then CPU; plain = cdk8s-plus-27 Ingress per host or hand-written ApiObjects per host; floor = raw ApiObjects of our output');
console.log('controller        routes      |      ours (min med max) |     plain (min med max) |     floor (min med max) | ours/plain ours/floor | RSS MiB ours plain floor (x plain, x floor) | objects ours/plain | yaml KB ours/plain');
for (const controller of CONTROLLERS) {
  const perSize = {};
  for (const n of SIZES) {
    const file = path.join(tmp, `${controller}-${n}.json`);
    const ours = [], plain = [], floor = [];
    for (let r = 0; r < RUNS; r++) {
      ours.push(run('ours', controller, String(n), file));
      plain.push(run('plain', controller, String(n), ''));
      floor.push(run('floor', controller, String(n), file));
    }
    const rss = [ours, plain, floor].map(xs => stats(xs.map(x => x.rss)).med);
    for (const measure of ['ms', 'cpu']) {
      const o = stats(ours.map(x => x[measure])), p = stats(plain.map(x => x[measure])), fl = stats(floor.map(x => x[measure]));
      if (measure === 'ms') perSize[n] = o.med;
      const row = { controller, n, measure, ours: o, plain: p, floor: fl, vsPlain: o.med / p.med, vsFloor: o.med / fl.med, rssPlain: rss[0] / rss[1], rssFloor: rss[0] / rss[2] };
      rows.push(row);
      console.log(`${controller.padEnd(17)} ${String(n).padStart(6)} ${measure.padStart(4)} | ${trio(o)}    | ${trio(p)}    | ${trio(fl)}    | ${row.vsPlain.toFixed(2).padStart(10)} ${row.vsFloor.toFixed(2).padStart(10)} | `
        + `${rss.map(x => x.toFixed(0).padStart(5)).join(' ')} (${row.rssPlain.toFixed(2)}x, ${row.rssFloor.toFixed(2)}x)${' '.repeat(10)} | ${String(ours[0].objects).padStart(7)}/${String(plain[0].objects).padEnd(7)} | `
        + `${(ours[0].bytes / 1024).toFixed(0)}/${(plain[0].bytes / 1024).toFixed(0)}  (load ${load()})`);
    }
  }
  if (SIZES.length >= 2) {
    const [a, b] = [SIZES[0], SIZES[SIZES.length - 1]];
    console.log(`${controller.padEnd(17)} growth ${a} -> ${b} routes: ${(perSize[b] / perSize[a]).toFixed(2)}x time for ${(b / a).toFixed(0)}x routes`);
  }
}
fs.rmSync(tmp, { recursive: true, force: true });
const worst = (key, measure) => Math.max(...rows.filter(r => r.measure === measure).map(r => r[key])).toFixed(2);
console.log(`\nworst median ratios, wall: ours/plain ${worst('vsPlain', 'ms')}, ours/floor ${worst('vsFloor', 'ms')}; CPU: ours/plain ${worst('vsPlain', 'cpu')}, ours/floor ${worst('vsFloor', 'cpu')} (targets <= 1.25); `
  + `RSS ours/plain ${worst('rssPlain', 'ms')}, ours/floor ${worst('rssFloor', 'ms')} (target <= 1.3); load now ${load()}`);
