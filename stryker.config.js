// StrykerJS configuration for `npm run mutation` (not part of `npm test`).
// MUTATE=<comma-separated globs> narrows the mutated files, e.g.
//   MUTATE=src/controllers/kong/features/rate-limit.ts npm run mutation
// Each mutant runs only the tests that cover it (coverageAnalysis perTest). The property tests
// (test/property) are left out: each covers nearly every line, so every mutant would run them.
const fs = require('fs');
const path = require('path');

// The tests run in a sandbox copy (.stryker-tmp/sandbox-*), where `../shared/crds` does not resolve.
if (process.env.CRD_DIR === undefined) {
  const dir = [path.resolve(__dirname, '..', 'shared', 'crds'), path.resolve(__dirname, '.crds')].find(d => fs.existsSync(d));
  if (dir) process.env.CRD_DIR = dir;
}

// MUTATION_TESTS=<comma-separated test file globs> narrows the tests (default: every test but the properties),
// e.g. MUTATION_TESTS=test/capabilities.test.ts for the score of the capability tests alone.
const tests = process.env.MUTATION_TESTS?.split(',').map(s => `<rootDir>/${s.trim()}`).filter(s => s !== '<rootDir>/');

// MUTATION_NAME=<name> names the reports (reports/mutation/<name>.json, .html, <name>-events/), so that
// runs over different files do not overwrite each other.
const name = process.env.MUTATION_NAME ?? 'mutation';

const mutate = (process.env.MUTATE ?? 'src/controllers/**/*.ts')
  .split(',').map(s => s.trim()).filter(Boolean);

/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
module.exports = {
  packageManager: 'npm',
  // Stryker's jest runner, loading only the test files whose tests cover the mutant (see the file).
  plugins: ['@stryker-mutator/*', path.resolve(__dirname, 'stryker-jest-by-file.mjs')],
  testRunner: 'jest-by-file',
  jest: {
    projectType: 'custom',
    config: {
      testPathIgnorePatterns: ['/node_modules/', '<rootDir>/test/property/'],
      ...(tests && tests.length > 0 ? { testMatch: tests } : {}),
      reporters: ['default'],
      // jest's node environment, skipping a mutant's tests after its first failure (see the file).
      testEnvironment: path.resolve(__dirname, 'stryker-bail-environment.cjs'),
      // Type-checking is the TypeScript checker's job here: ts-jest only transpiles (much faster).
      transform: { '^.+\\.[t]sx?$': ['ts-jest', { tsconfig: 'test/tsconfig.json', isolatedModules: true }] },
    },
    enableFindRelatedTests: false,
  },
  checkers: ['typescript'],
  tsconfigFile: 'tsconfig.json',
  typescriptChecker: { prioritizePerformanceOverAccuracy: true },
  coverageAnalysis: 'perTest',
  mutate,
  // The machine is shared: one test runner at a time.
  concurrency: Number(process.env.STRYKER_CONCURRENCY ?? 1),
  // A mutant's time limit is 1.5 x its covering tests' time in the dry run + this margin; a
  // mutant that loops (or slows a test down that much) counts as detected (timed out).
  timeoutMS: 10_000,
  // The first run (every test, with per-test coverage) takes minutes on a busy machine.
  dryRunTimeoutMinutes: 30,
  // The event recorder writes each mutant's result as it is tested: a run stopped before its end
  // still leaves the results of the mutants it tested (reports/mutation/<name>-events/*-onMutantTested.json).
  reporters: ['clear-text', 'progress', 'html', 'json', 'event-recorder'],
  htmlReporter: { fileName: `reports/mutation/${name}.html` },
  jsonReporter: { fileName: `reports/mutation/${name}.json` },
  eventReporter: { baseDir: `reports/mutation/${name}-events` },
  thresholds: { high: 90, low: 80, break: null },
  ignoreStatic: true,
  tempDirName: '.stryker-tmp',
};
