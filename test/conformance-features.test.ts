import * as fs from 'fs';
import * as path from 'path';
import { Chart, Testing } from 'cdk8s';
import * as lib from '../src';
import { CONFORMANCE_ROWS, ConformanceRow } from './conformance-features';
import { CONTROLLERS, synthError } from './util';
import { CONTROLLER_NAMES, ControllerName, FEATURES } from '../src/capabilities/features';
import { CAPABILITIES } from '../src/capabilities/matrix';

const README = path.join(__dirname, '..', 'README.md');
const BEGIN = '<!-- conformance-features:begin (generated from test/conformance-features.ts) -->';
const END = '<!-- conformance-features:end -->';
const GATEWAY_COLUMNS: readonly ControllerName[] = ['kong-gateway-api', 'gateway-api', 'envoy-gateway', 'istio'];

/** One column's verdict for a row: ✅ every cell supported, 🧪 with the experimental channel, ❌ otherwise; ⏳ another branch changes it. */
function verdict(row: ConformanceRow, c: ControllerName): string {
  let v: string;
  if (row.cells === 'gateway') {v = GATEWAY_COLUMNS.includes(c) ? '✅' : '— (Ingress)';} else if (row.cells.length === 0) {v = '❌';} else {
    const cells = row.cells.map(f => CAPABILITIES[c][f]);
    v = row.refusedOn?.[c] !== undefined ? '❌' : cells.every(s => s.supported) ? '✅' : cells.every(s => s.supported || s.experimental !== undefined) ? '🧪' : '❌';
  }
  return row.inProgress ? `${v} ⏳` : v;
}

function table(): string {
  const head = `| Conformance feature | Intent | Capability rows | ${CONTROLLER_NAMES.join(' | ')} |`;
  const sep = `|---|---|---|${CONTROLLER_NAMES.map(() => '---').join('|')}|`;
  const rows = CONFORMANCE_ROWS.map(r => {
    const cells = r.cells === 'gateway' ? 'a Gateway API controller' : r.cells.length === 0 ? 'not expressible' : r.cells.map(f => FEATURES[f].title).join('; ');
    return `| \`${r.feature}\` | \`${r.api}\`${r.inProgress ? ` (in progress: ${r.inProgress})` : ''} | ${cells} | ${CONTROLLER_NAMES.map(c => verdict(r, c)).join(' | ')} |`;
  });
  return [BEGIN, head, sep, ...rows, END].join('\n');
}

describe('README: Gateway API conformance features', () => {
  test('every feature name is listed once', () => {
    const names = CONFORMANCE_ROWS.map(r => r.feature);
    expect(names.filter((n, i) => names.indexOf(n) !== i)).toEqual([]);
    const readme = fs.readFileSync(README, 'utf8');
    for (const n of names) expect([n, readme.split(`| \`${n}\` |`).length - 1]).toEqual([n, 1]);
  });

  test('every intent API named is exported by src/index.ts', () => {
    const exported = new Set(Object.keys(lib));
    for (const r of CONFORMANCE_ROWS) for (const e of r.exports) expect([r.feature, e, exported.has(e)]).toEqual([r.feature, e, true]);
    // The API text names what `exports` lists, and nothing unlisted that looks like an export.
    for (const r of CONFORMANCE_ROWS) for (const e of r.exports) expect([r.feature, r.api.includes(e)]).toEqual([r.feature, true]);
  });

  test('the README table is generated from the rows and the capability matrix', () => {
    const readme = fs.readFileSync(README, 'utf8');
    const start = readme.indexOf(BEGIN);
    const end = readme.indexOf(END);
    const current = start >= 0 && end > start ? readme.slice(start, end + END.length) : '';
    if (process.env.UPDATE_CONFORMANCE_TABLE === '1' && current !== '') fs.writeFileSync(README, readme.replace(current, table()));
    else expect(current).toEqual(table()); // regenerate with UPDATE_CONFORMANCE_TABLE=1 npx jest test/conformance-features.test.ts
  });

  test('the redirect status-code rows: every ✅ column renders the code, every ❌ one refuses it (the refusedOn reason where given)', () => {
    const codes: Record<string, lib.RedirectStatus> = {
      HTTPRoute303RedirectStatusCode: lib.RedirectStatus.SEE_OTHER,
      HTTPRoute307RedirectStatusCode: lib.RedirectStatus.TEMPORARY_REDIRECT,
      HTTPRoute308RedirectStatusCode: lib.RedirectStatus.PERMANENT_REDIRECT,
    };
    for (const [feature, statusCode] of Object.entries(codes)) {
      const row = CONFORMANCE_ROWS.find(r => r.feature === feature)!;
      for (const c of CONTROLLER_NAMES) {
        const chart = new Chart(Testing.app(), 'shop');
        const gw = new lib.ApiGateway(chart, 'edge', { controller: CONTROLLERS[c]() });
        gw.addRoute('api', { hosts: ['api.shop.dev'], backend: lib.Backend.service('api', 80) });
        gw.addRoute('moved', { hosts: ['api.shop.dev'], match: { path: lib.PathMatch.prefix('/moved') }, redirect: lib.Redirect.to({ statusCode }) });
        const error = synthError(chart);
        expect([feature, c, error === undefined]).toEqual([feature, c, verdict(row, c) === '✅']);
        const reason = row.refusedOn?.[c];
        if (reason) expect(error).toContain(reason);
      }
    }
  });
});

