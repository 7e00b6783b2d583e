import * as fs from 'fs';
import * as path from 'path';
import { runImport } from '../../src/import/importer';

/*
 * The README's "Migrating from ingress-nginx" example stays true: the input block, imported to
 * envoy-gateway, gives exactly the main.ts block, and every line of the MIGRATION.md excerpt
 * (but the `...` elision) is a line of the report.
 */

const README = fs.readFileSync(path.join(__dirname, '..', '..', 'README.md'), 'utf8');

function block(name: string): string {
  const at = README.indexOf(`<!-- import-example: ${name} -->`);
  expect(at).toBeGreaterThan(0);
  const m = /```[a-z]*\n([^]*?)\n```/.exec(README.slice(at));
  return m![1];
}

test('README: the import example', () => {
  const run = runImport([{ file: 'ingress.yaml', text: block('input') }], { to: 'envoy-gateway' });
  expect(run.code).toEqual(`${block('main.ts')}\n`);
  const report = new Set(run.report.split('\n'));
  const missing = block('MIGRATION.md').split('\n').filter(l => l !== '...' && !report.has(l));
  expect(missing).toEqual([]);
  expect(run.exitCode).toBe(3);
});
