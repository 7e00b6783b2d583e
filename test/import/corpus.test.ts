import * as fs from 'fs';
import * as path from 'path';
import { Chart, Testing } from 'cdk8s';
import { ApiGateway } from '../../src';
import { CONTROLLER_NAMES, ControllerName } from '../../src/capabilities/features';
import { routeTableOf, tableDiff } from '../../src/checks/route-table';
import { buildApp } from '../../src/import/build';
import { runImport } from '../../src/import/importer';
import { readerFor } from '../../src/import/readers';

/*
 * The import corpus (issue 10 §6): realistic manifests under test/import/corpus/<column>/.
 * For every file:
 * 1. imported with its column's reader, built against its own controller, synthesized and read
 *    back: the route table equals the first read's (the import says what the input means);
 *    (hosts of objects the plan notes as not exactly expressible are left out of the comparison);
 * 2. imported to its own controller and to envoy-gateway: the lines of the report that say what
 *    cannot move or what the target refuses equal `<file>.to-<target>.txt` beside it (written by
 *    hand, or with UPDATE_CORPUS=1 and then read through before committing). A file its own
 *    controller refuses to render again is not re-rendered: its refusal is in that list.
 * A corpus directory of a column without a registered reader fails: a corpus must be checked.
 */

const CORPUS = path.join(__dirname, 'corpus');
const TARGET: ControllerName = 'envoy-gateway';

const columns = fs.existsSync(CORPUS) ? fs.readdirSync(CORPUS).filter(d => fs.statSync(path.join(CORPUS, d)).isDirectory()).sort() : [];
const files = (column: string) => fs.readdirSync(path.join(CORPUS, column)).filter(f => /\.ya?ml$/.test(f)).sort();

test('every corpus directory is a column with a registered reader', () => {
  expect(columns.filter(c => !(CONTROLLER_NAMES as readonly string[]).includes(c))).toEqual([]);
  const unread = columns.filter(c => readerFor(c as ControllerName) === undefined);
  if (unread.length > 0) {
    throw new Error(`corpus directories without a reader: ${unread.map(c => `test/import/corpus/${c}/`).join(', ')}; register the column's reader in src/import/readers.ts`);
  }
  expect(columns.length).toBeGreaterThan(0);
});

const CASES = columns.filter(c => readerFor(c as ControllerName) !== undefined).flatMap(c => files(c).map(f => [c as ControllerName, f] as const));

/** What the report says cannot move or is refused, one line each. */
function reportLines(report: string): string[] {
  const lines = report.split('\n');
  const section = (title: RegExp) => {
    const start = lines.findIndex(l => title.test(l));
    if (start < 0) return [];
    const end = lines.findIndex((l, i) => i > start && l.startsWith('## '));
    return lines.slice(start, end < 0 ? undefined : end).filter(l => l.startsWith('- ') || l.startsWith('## '));
  };
  return [...section(/^## Cannot move/), ...section(/^## Refused by/)];
}

/** The report lines of `file` imported to `to`, checked against `<file>.to-<to>.txt` beside it. */
function expectReport(column: ControllerName, file: string, to: ControllerName, run: ReturnType<typeof runImport>): void {
  const actual = `${reportLines(run.report).join('\n')}\n`;
  const expectedFile = path.join(CORPUS, column, `${file.replace(/\.ya?ml$/, '')}.to-${to}.txt`);
  if (process.env.UPDATE_CORPUS === '1') fs.writeFileSync(expectedFile, actual);
  if (!fs.existsSync(expectedFile)) throw new Error(`missing ${path.relative(process.cwd(), expectedFile)}; its content would be:\n${actual}`);
  expect(actual).toEqual(fs.readFileSync(expectedFile, 'utf8'));
  expect(run.exitCode).toBe(actual.includes('\n- ') ? 3 : 0);
}

const read = (column: ControllerName, file: string) => ({ file: `corpus/${column}/${file}`, text: fs.readFileSync(path.join(CORPUS, column, file), 'utf8') });

/** Files their own controller renders again (the others list its refusals in `<file>.to-<column>.txt`). */
const RENDERABLE = CASES.filter(([column, file]) => runImport([read(column, file)], { from: column, to: column }).refused.length === 0);

test('most corpus files re-render on their own controller', () => {
  expect(RENDERABLE.length).toBeGreaterThanOrEqual(CASES.length * 0.8);
});

for (const [column, file] of CASES) {
  describe(`corpus ${column}/${file}`, () => {
    const source = read(column, file);

    test(`imported to ${column} (its own controller): what cannot move and what is refused`, () => {
      expectReport(column, file, column, runImport([source], { from: column, to: column }));
    });

    if (RENDERABLE.some(([c, f]) => c === column && f === file)) {
      test('re-rendered to its own controller, the routing reads back the same', () => {
        const run = runImport([source], { from: column, to: column });
        expect(run.gateways.length).toBeGreaterThan(0);
        const chart = new Chart(Testing.app(), 'imported');
        expect(buildApp(chart, run.plan, column).errors).toEqual([]);
        // Services handed over by name and ports (settings read on them): applied as a user would.
        const services = chart.node.findAll().filter((c): c is ApiGateway => c instanceof ApiGateway).flatMap(g => g.serviceSettings()).map(s => ({
          apiVersion: 'v1',
          kind: 'Service',
          metadata: { name: s.name, namespace: s.namespace, annotations: s.annotations },
          spec: { ports: (s.ports ?? []).map(p => ({ port: p.port, appProtocol: p.appProtocol })) },
        }));
        const again = readerFor(column)!.read([...Testing.synth(chart), ...services]);
        // Hosts of objects the plan could not express exactly (a note in the report) are left out.
        const noted = new Set(run.plan.notes.map(n => n.object));
        const lossy = new Set(run.gateways.flatMap(g => g.routes.filter(r => noted.has(r.source.split(' ').slice(0, 2).join(' '))).flatMap(r => r.hosts)));
        const table = (gateways: typeof run.gateways) => {
          const t = routeTableOf(gateways);
          return { ...t, routes: t.routes.filter(r => !lossy.has(r.host)) };
        };
        expect(tableDiff(table(run.gateways), table(again.gateways))).toEqual([]);
        // Our own output reads back without anything unmapped.
        expect(again.items.filter(i => i.reason !== undefined)).toEqual([]);
      });
    }

    test(`imported to ${TARGET}: what cannot move and what is refused`, () => {
      expectReport(column, file, TARGET, runImport([source], { from: column, to: TARGET }));
    });
  });
}
