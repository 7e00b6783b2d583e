import * as fc from 'fast-check';
import { checkCase, REASONS, STATS } from './check';
import { caseArb } from './intent';
import { ROUND_TRIPS } from './roundtrip';
import { ControllerName, CONTROLLER_NAMES } from '../../src/capabilities/features';
import { readerFor } from '../../src/import/readers';

/**
 * `npm test` runs a fixed number of cases with a fixed seed per controller (reproducible, fast);
 * `npm run fuzz` sets FUZZ=1 and runs many more with a random seed. Both honour FUZZ_RUNS and
 * FUZZ_SEED; a failure prints the seed and the shrunk counterexample, so
 * `FUZZ_SEED=<seed> FUZZ_RUNS=<n> npm run fuzz` replays it.
 */
export const FUZZ = process.env.FUZZ === '1';
export const RUNS = Number(process.env.FUZZ_RUNS ?? (FUZZ ? 10_000 : 1_000));
const FIXED_SEED = 20260601;

export function seedFor(controller: ControllerName | string): number {
  if (process.env.FUZZ_SEED !== undefined) return Number(process.env.FUZZ_SEED);
  if (FUZZ) return Math.floor(Math.random() * 2 ** 31);
  const i = (CONTROLLER_NAMES as readonly string[]).indexOf(controller);
  return FIXED_SEED + (i >= 0 ? i : 100);
}

/** Runs `property` and rethrows a failure with how to replay it. */
export function assertWithSeed<T>(name: string, arb: fc.Arbitrary<T>, predicate: (value: T) => void, seed: number, numRuns = RUNS): void {
  try {
    fc.assert(fc.property(arb, predicate), { seed, numRuns, includeErrorInReport: true });
  } catch (e) {
    const message = (e as Error).message;
    // eslint-disable-next-line no-console
    console.error(`${name}: property failed with seed ${seed}; replay with FUZZ_SEED=${seed} FUZZ_RUNS=${numRuns}`);
    throw new Error(`${name}: replay with FUZZ_SEED=${seed} FUZZ_RUNS=${numRuns}\n${message}`);
  }
}

/** The valid-intent property for one controller. */
export function runValidIntents(controller: ControllerName): void {
  describe(`random valid intents on ${controller}`, () => {
    test(`${RUNS} cases: conformant and deterministic, or refused with our messages as the matrix predicts`, () => {
      const seed = seedFor(controller);
      assertWithSeed(controller, caseArb(controller), spec => checkCase(controller, spec), seed);
      // A property that mostly fails its cases would test little: most cases must synthesize.
      expect(STATS.cases).toBeGreaterThanOrEqual(RUNS);
      expect(STATS.synthesized).toBeGreaterThanOrEqual(RUNS * 0.2);
      // Every synthesized case of a column with a reader is read back (round trip).
      if (readerFor(controller)) expect(ROUND_TRIPS.checked).toBe(STATS.synthesized + STATS.ungroupedSynthesized);
      // Grouped and one-object-per-route outputs are compared on a third of the multi-route cases.
      expect(STATS.ungroupedSynthesized).toBeGreaterThan(0);
      if (process.env.FUZZ_STATS) {
        // eslint-disable-next-line no-console
        console.log(`${controller}: ${JSON.stringify(STATS)}\n${[...REASONS].sort((a, b) => b[1] - a[1]).slice(0, 25).map(([k, n]) => `${n} ${k}`).join('\n')}`);
      }
    });
  });
}
