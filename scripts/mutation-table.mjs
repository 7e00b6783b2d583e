#!/usr/bin/env node
// Per-file mutation scores of a `npm run mutation` run, read from Stryker's event recorder
// (reports/mutation/<name>-events/): works on a finished run and on one stopped before its end.
//
//   node scripts/mutation-table.mjs <name>                 # markdown table, one row per mutated file
//   node scripts/mutation-table.mjs <name> --survivors     # and every surviving / uncovered mutant
//   node scripts/mutation-table.mjs <name> --survivors=paths.ts   # only the survivors of files matching
//
// <name> is the run's MUTATION_NAME (default `mutation`). The score is Stryker's:
// (killed + timed out) / (killed + timed out + survived + no coverage); mutants the TypeScript
// checker rejects (CompileError) and static mutants left out by `ignoreStatic` are not counted.
import fs from 'fs';
import path from 'path';

const args = process.argv.slice(2);
const name = args.find(a => !a.startsWith('--')) ?? 'mutation';
const survivorsArg = args.find(a => a.startsWith('--survivors'));
const dir = path.resolve('reports', 'mutation', `${name}-events`);
if (!fs.existsSync(dir)) {
  console.error(`no event records in ${dir}: run \`MUTATION_NAME=${name} npm run mutation\` first`);
  process.exit(1);
}

const read = f => JSON.parse(fs.readFileSync(path.join(dir, f), 'utf8'));
const files = fs.readdirSync(dir).sort();

/** mutant id -> { mutant, status } : the plan first (every instrumented mutant), then each result. */
const mutants = new Map();
for (const f of files.filter(f => f.endsWith('-onMutationTestingPlanReady.json'))) {
  for (const p of read(f).mutantPlans) {
    mutants.set(p.mutant.id, { ...p.mutant, status: p.plan === 'EarlyResult' ? p.mutant.status : undefined });
  }
}
for (const f of files.filter(f => f.endsWith('-onMutantTested.json'))) {
  const m = read(f);
  mutants.set(m.id, { ...(mutants.get(m.id) ?? {}), ...m });
}

const COLUMNS = ['Killed', 'Timeout', 'Survived', 'NoCoverage', 'CompileError', 'Ignored', 'RuntimeError'];
const rows = new Map();
for (const m of mutants.values()) {
  const file = path.relative(process.cwd(), m.fileName);
  const row = rows.get(file) ?? { instrumented: 0, tested: 0, ...Object.fromEntries(COLUMNS.map(c => [c, 0])) };
  row.instrumented++;
  if (m.status !== undefined && m.status !== 'Pending') {
    row.tested++;
    row[m.status] = (row[m.status] ?? 0) + 1;
  }
  rows.set(file, row);
}

const score = r => {
  const detected = r.Killed + r.Timeout;
  const valid = detected + r.Survived + r.NoCoverage;
  return valid === 0 ? 'none' : `${(100 * detected / valid).toFixed(1)} %`;
};
const total = { instrumented: 0, tested: 0, ...Object.fromEntries(COLUMNS.map(c => [c, 0])) };
console.log('| file | tested / instrumented | score | killed | timed out | survived | no coverage | rejected by the type check | static (not run) |');
console.log('|---|---|---|---|---|---|---|---|---|');
for (const [file, r] of [...rows].sort(([a], [b]) => a.localeCompare(b))) {
  for (const k of Object.keys(total)) total[k] += r[k];
  const low = score(r) !== 'none' && parseFloat(score(r)) < 80 ? ' **(< 80 %)**' : '';
  console.log(`| ${path.basename(file)} | ${r.tested} / ${r.instrumented} | ${score(r)}${low} | ${r.Killed} | ${r.Timeout} | ${r.Survived} | ${r.NoCoverage} | ${r.CompileError} | ${r.Ignored} |`);
}
console.log(`| **all ${rows.size} files** | ${total.tested} / ${total.instrumented} | ${score(total)} | ${total.Killed} | ${total.Timeout} | ${total.Survived} | ${total.NoCoverage} | ${total.CompileError} | ${total.Ignored} |`);
if (total.RuntimeError > 0) console.log(`\n${total.RuntimeError} mutant(s) ended in a runtime error (counted nowhere above).`);

if (survivorsArg !== undefined) {
  const only = survivorsArg.includes('=') ? survivorsArg.split('=')[1] : '';
  const sources = new Map();
  /** The mutated span of the source (Stryker's lines are 1-based, its columns too). */
  const original = (file, { start, end }) => {
    if (!sources.has(file)) sources.set(file, fs.existsSync(file) ? fs.readFileSync(file, 'utf8').split('\n') : []);
    const lines = sources.get(file).slice(start.line - 1, end.line);
    if (lines.length === 0) return '';
    lines[lines.length - 1] = lines[lines.length - 1].slice(0, end.column - 1);
    lines[0] = lines[0].slice(start.column - 1);
    return lines.join('\n    ');
  };
  const left = [...mutants.values()]
    .filter(m => (m.status === 'Survived' || m.status === 'NoCoverage') && m.fileName.includes(only))
    .sort((a, b) => a.fileName.localeCompare(b.fileName) || a.location.start.line - b.location.start.line || a.location.start.column - b.location.start.column);
  console.log(`\n${left.length} surviving or uncovered mutant(s):`);
  for (const m of left) {
    const { start } = m.location;
    const file = path.relative(process.cwd(), m.fileName);
    console.log(`\n${file}:${start.line}:${start.column} ${m.status} ${m.mutatorName} (id ${m.id}, ${m.coveredBy?.length ?? 0} covering tests)`);
    console.log(`  - ${original(m.fileName, m.location)}`);
    console.log(`  + ${m.replacement.split('\n').join('\n    ')}`);
  }
}
