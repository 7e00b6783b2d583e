#!/usr/bin/env bash
# The issue's "done" check, by hand (needs the npm registry, so not part of `npm test`): a fresh cdk8s
# app on the newest cdk8s-plus line installs this package's `npm pack` tarball, type-checks with library
# checks on, and synthesizes with one of its cdk8s-plus Services as a backend.
#   scripts/check-fresh-app.sh [cdk8s-plus line]   default: cdk8s-plus-34, the newest line (2026-12)
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
line="${1:-cdk8s-plus-34}"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
echo "fresh app in $work with $line"

(cd "$root" && npx projen compile >/dev/null && npm pack --pack-destination "$work" >/dev/null)
cd "$work"
echo '{ "name": "fresh-app", "version": "0.0.0", "private": true }' > package.json
npm install --no-audit --no-fund --silent cdk8s@^2.70 constructs@^10 "$line" typescript@~5.9 ts-node @types/node@^20
npm install --no-audit --no-fund ./cdk8s-gateway-*.tgz 2>&1 | grep -E '^added'
if npm ls cdk8s-plus-27 >/dev/null 2>&1 && [ "$line" != cdk8s-plus-27 ]; then echo "cdk8s-plus-27 was installed"; exit 1; fi

cat > main.ts <<TS
import { App, Chart } from 'cdk8s';
import * as kplus from '$line';
import { ApiGateway, Backend, Controller, PathMatch } from 'cdk8s-gateway';

const app = new App();
const chart = new Chart(app, 'shop', { namespace: 'shop' });
const api = new kplus.Deployment(chart, 'api', { containers: [{ image: 'ghcr.io/example/api:1.0', portNumber: 8080 }] });
const svc = api.exposeViaService({ ports: [{ port: 8080 }] });
const edge = new ApiGateway(chart, 'edge', { controller: Controller.envoyGateway() });
edge.addRoute('api', { hosts: ['api.example.com'], match: { path: PathMatch.prefix('/v1') }, backend: Backend.fromService(svc) });
app.synth();
TS
echo '{ "compilerOptions": { "target": "ES2022", "module": "commonjs", "strict": true, "skipLibCheck": false, "types": ["node"] } }' > tsconfig.json
printf 'language: typescript\napp: npx ts-node main.ts\n' > cdk8s.yaml
npx tsc --noEmit -p .
"$root/node_modules/.bin/cdk8s" synth --no-check-upgrade >/dev/null
service=$(node -e "const y=require('fs').readFileSync('dist/shop.k8s.yaml','utf8'); const m=y.match(/kind: Service\n[^]*?name: (\S+)/); console.log(m ? m[1] : '')")
grep -q "name: $service" <(sed -n '/kind: HTTPRoute/,$p' dist/shop.k8s.yaml) || { echo "the HTTPRoute does not send to Service $service"; exit 1; }
echo "OK: $line Service $service is the HTTPRoute's backend; cdk8s-gateway added without cdk8s-plus-27"
