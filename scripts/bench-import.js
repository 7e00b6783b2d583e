#!/usr/bin/env node
// Times `cdk8s-gateway import` of N annotated ingress-nginx Ingresses (default 1,000) from the
// compiled library (run `npx projen compile` first): load + read + plan + code, then the report
// (which builds the plan against the target and synthesizes it). Prints the median of 5 runs.
const { performance } = require('perf_hooks');
const { loadManifests } = require('../lib/import/load');
const { readerFor } = require('../lib/import/readers');
const { planImport } = require('../lib/import/plan');
const { generateCode } = require('../lib/import/codegen');
const { issuersBySecret, readCertManager } = require('../lib/cert-manager/reader');
const { runImport } = require('../lib/import/importer');

const n = Number(process.argv[2] ?? 1000);
const docs = [];
for (let i = 0; i < n; i++) {
  const host = `app${Math.floor(i / 10)}.shop.dev`;
  docs.push(`apiVersion: networking.k8s.io/v1
kind: Ingress
metadata:
  name: ing-${i}
  namespace: team-${i % 5}
  annotations:
    nginx.ingress.kubernetes.io/limit-rps: "${10 + (i % 50)}"
    nginx.ingress.kubernetes.io/proxy-body-size: "8m"
    nginx.ingress.kubernetes.io/proxy-connect-timeout: "5"
    nginx.ingress.kubernetes.io/enable-cors: "true"
    nginx.ingress.kubernetes.io/cors-allow-origin: "https://shop.dev"
    nginx.ingress.kubernetes.io/ssl-redirect: "true"
spec:
  ingressClassName: nginx
  tls:
    - hosts: [${host}]
      secretName: tls-${Math.floor(i / 10)}
  rules:
    - host: ${host}
      http:
        paths:
          - path: /svc-${i}
            pathType: Prefix
            backend:
              service:
                name: svc-${i}
                port: { number: 8080 }
`);
}
const text = docs.join('---\n');
const reader = readerFor('ingress-nginx');
if (!reader) throw new Error('no ingress-nginx reader registered');

function once() {
  const t0 = performance.now();
  const objects = loadManifests([{ file: 'bench.yaml', text }]).objects.map(o => o.object);
  const t1 = performance.now();
  const read = reader.read(objects);
  const t2 = performance.now();
  const plan = planImport({ gateways: read.gateways, certManager: readCertManager(objects), issuersBySecret: issuersBySecret(objects) });
  const t3 = performance.now();
  const code = generateCode(plan, { controller: 'envoy-gateway' });
  const t4 = performance.now();
  const run = runImport([{ file: 'bench.yaml', text }], { to: 'envoy-gateway' });
  const t5 = performance.now();
  return { load: t1 - t0, read: t2 - t1, plan: t3 - t2, code: t4 - t3, total: t4 - t0, withReport: t5 - t4, lines: code.split('\n').length, routes: run.gateways.reduce((s, g) => s + g.routes.length, 0) };
}

const runs = Array.from({ length: 5 }, once);
const median = k => runs.map(r => r[k]).sort((a, b) => a - b)[2];
console.log(`${n} Ingresses (${(text.length / 1024).toFixed(0)} KiB): load ${median('load').toFixed(0)} ms, read ${median('read').toFixed(0)} ms, plan ${median('plan').toFixed(0)} ms, code ${median('code').toFixed(0)} ms; `
  + `import end to end ${median('total').toFixed(0)} ms (median of 5); with the report (build + synth for envoy-gateway) ${median('withReport').toFixed(0)} ms; `
  + `${runs[0].routes} routes, ${runs[0].lines} lines of code`);
