import * as fs from 'fs';
import * as path from 'path';
import { CellExpectation, EXPERIMENTAL_SUPPORTED, GONE, SAME, SUPPORTED } from './capability-expectations';
import { CELL_SAMPLES, EXPERIMENTAL } from './capability-samples';
import { idOf, valueAt } from './object-paths';
import { CONTROLLERS, newChart, synthConformant, synthError } from './util';
import { Controller } from '../src';
import { ControllerName, CONTROLLER_NAMES, FEATURE_KINDS, FeatureKind } from '../src/capabilities/features';
import { CAPABILITIES } from '../src/capabilities/matrix';
import { capabilityTable } from '../src/capabilities/table';

/**
 * The expected refusals, one line per unsupported cell: `<controller> <feature>: [<construct path>]
 * <message>`, with the message's reason and "Supported by" list written out (reviewed, not computed).
 */
const GOLDEN = new Map(fs.readFileSync(path.join(__dirname, 'golden', 'unsupported-messages.txt'), 'utf8')
  .split('\n').filter(l => l.length > 0).map(l => {
    const m = /^([a-z-]+) ([A-Za-z0-9]+): (.+)$/.exec(l);
    if (!m) throw new Error(`bad golden line: ${l}`);
    return [`${m[1]} ${m[2]}`, m[3]] as const;
  }));

const cells = CONTROLLER_NAMES.flatMap(c => FEATURE_KINDS.map(f => [c, f] as const));

/** Synthesizes the cell's sample and baseline on a controller and checks the expected fields. */
function expectRendering(controller: () => Controller, feature: FeatureKind, expected: CellExpectation, channel: 'standard' | 'experimental') {
  const a = newChart();
  CELL_SAMPLES[feature].sample(a, controller());
  const b = newChart();
  CELL_SAMPLES[feature].baseline(b, controller());
  const sample = synthConformant(a, { gatewayApiChannel: channel });
  const baseline = synthConformant(b, { gatewayApiChannel: channel });
  if (expected === SAME) {
    expect(sample).toEqual(baseline);
    return;
  }
  for (const [id, fields] of Object.entries(expected)) {
    if (fields === GONE) {
      expect([id, sample.some(o => idOf(o) === id)]).toEqual([id, false]);
      expect([id, baseline.some(o => idOf(o) === id)]).toEqual([id, true]);
      continue;
    }
    for (const [at, value] of Object.entries(fields)) {
      // [id, path, value] so a failure names the field.
      expect([id, at, valueAt(sample, id, at)]).toEqual([id, at, value]);
      expect([id, at, valueAt(baseline, id, at)]).not.toEqual([id, at, value]);
    }
  }
}

describe('capability matrix: every cell renders exactly its fields, or is refused with its literal message', () => {
  test.each(cells)('%s / %s', (controller, feature) => {
    const supported = SUPPORTED[controller]?.[feature];
    const experimental = EXPERIMENTAL_SUPPORTED[controller]?.[feature];
    const refusal = GOLDEN.get(`${controller} ${feature}`);
    // Every cell is decided once here, and the matrix agrees.
    expect([supported !== undefined, refusal !== undefined]).toEqual(supported !== undefined ? [true, false] : [false, true]);
    expect(experimental === undefined || refusal !== undefined).toBe(true);
    const cell = CAPABILITIES[controller][feature];
    expect({ supported: cell.supported, experimental: !cell.supported && cell.experimental !== undefined })
      .toEqual({ supported: supported !== undefined, experimental: experimental !== undefined });
    expect(cell.supported && cell.native === true).toBe(supported === SAME);

    if (supported !== undefined) {
      expectRendering(CONTROLLERS[controller], feature, supported, 'standard');
      return;
    }
    const chart = newChart();
    CELL_SAMPLES[feature].sample(chart, CONTROLLERS[controller]());
    expect(synthError(chart)?.split('\n').map(l => l.trim())).toContain(refusal);
    if (experimental !== undefined) expectRendering(EXPERIMENTAL[controller as ControllerName]!, feature, experimental, 'experimental');
  });
});

test('the golden file has one line per unsupported cell, and the "Supported by" lists agree with the supported cells', () => {
  const decided = new Set(cells.map(([c, f]) => `${c} ${f}`));
  for (const key of GOLDEN.keys()) expect([key, decided.has(key)]).toEqual([key, true]);
  for (const [key, line] of GOLDEN) {
    const [controller, feature] = key.split(' ') as [ControllerName, FeatureKind];
    const others = CONTROLLER_NAMES.flatMap(c => {
      if (c === controller) return [];
      if (SUPPORTED[c]?.[feature] !== undefined) return [c];
      return EXPERIMENTAL_SUPPORTED[c]?.[feature] !== undefined ? [`${c} (experimental channel)`] : [];
    });
    expect(line.endsWith(`Supported by: ${others.length > 0 ? others.join(', ') : 'none'}.`)).toBe(true);
    expect(line).toContain(`is not supported by controller '${controller}': `);
  }
});

test('the README capability matrix is generated from the code', () => {
  const readme = fs.readFileSync(path.join(__dirname, '..', 'README.md'), 'utf8');
  const block = readme.split('<!-- capability-matrix:begin -->')[1]?.split('<!-- capability-matrix:end -->')[0];
  expect(block?.trim()).toBe(capabilityTable().trim());
});

test('every controller column has its scenario suite', () => {
  for (const c of CONTROLLER_NAMES) {
    expect(fs.existsSync(path.join(__dirname, 'controllers', `${c}.test.ts`))).toBe(true);
  }
});

