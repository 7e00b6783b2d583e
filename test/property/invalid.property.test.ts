import { Testing } from 'cdk8s';
import { checkManifests, formatIssues } from '../conformance';
import { fixture, invalidCaseArb, InvalidCase, notOurs, positions, replaceAt, SITES } from './invalid';
import { assertWithSeed, RUNS, seedFor } from './run';

/** Runs one invalid call (and synth, if the call was accepted); throws unless every failure is ours. */
function check(c: InvalidCase): void {
  const site = SITES[c.site];
  const f = fixture(c.controller);
  const valid = site.args(f);
  const where = positions(valid);
  const path = where[c.position % where.length];
  const args = replaceAt(valid, path, c.garbage) as unknown[];
  let stage = 'call';
  try {
    site.call(f, args);
    stage = 'synth';
    const objects = Testing.synth(f.chart);
    const issues = checkManifests(objects, { gatewayApiChannel: 'experimental' });
    if (issues.length > 0) throw new Error(`INVALID OUTPUT accepted:\n${formatIssues(issues)}`);
  } catch (e) {
    const problem = (e as Error).message?.startsWith('INVALID OUTPUT') ? (e as Error).message : notOurs(e);
    if (problem) throw new Error(`${site.name} on ${c.controller}, args${path.map(p => `[${JSON.stringify(p)}]`).join('')} = ${show(c.garbage)} (${stage}):\n${problem}`);
  }
}

function show(v: unknown): string {
  try {
    return typeof v === 'function' ? `function ${v.name}` : typeof v === 'symbol' || typeof v === 'bigint' ? String(v) : JSON.stringify(v) ?? String(v);
  } catch {
    return Object.prototype.toString.call(v);
  }
}

describe('random invalid inputs to every public constructor and factory', () => {
  test(`${RUNS} cases: accepted into valid objects, or refused with the library's own errors`, () => {
    assertWithSeed('invalid inputs', invalidCaseArb, check, seedFor('invalid'));
  });
});
