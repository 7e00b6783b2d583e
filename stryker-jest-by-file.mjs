// A StrykerJS test runner for `npm run mutation`: Stryker's jest runner, except that a mutant run
// loads only the test files holding the tests that cover the mutant.
//
// Stryker's jest runner runs every test file on every mutant and picks the covering tests with a
// test-name pattern: jest still loads each file (and the whole library it imports) to find the
// names, which cost most of each mutant's time here. The same tests run, with the same names and
// results; the other files are just not loaded. A mutant without a test filter (static or
// uncovered) runs every file, as before.
import fs from 'fs';
import path from 'path';
import { commonTokens, declareFactoryPlugin, PluginKind, tokens } from '@stryker-mutator/api/plugin';
import { strykerPlugins as jestPlugins } from '@stryker-mutator/jest-runner';

const jestFactory = jestPlugins.find(p => p.kind === PluginKind.TestRunner && p.name === 'jest').factory;

/** Test id -> test files, written by the dry run for the runners started after it (after a timeout). */
const MAP_FILE = '.stryker-test-files.json';

const escapeRegExp = s => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

class JestByFileRunner {
  constructor(inner) {
    this.inner = inner;
    this.testFiles = undefined;
    this.filesOf = undefined;
    // The jest runner passes `testFiles` through to jest (as exact paths, no related-tests search).
    const adapter = inner.jestTestAdapter;
    inner.jestTestAdapter = { run: settings => adapter.run(this.testFiles ? { ...settings, testFiles: this.testFiles } : settings) };
  }

  init() { return this.inner.init(); }
  dispose() { return this.inner.dispose?.(); }
  capabilities() { return this.inner.capabilities(); }

  async dryRun(options) {
    const result = await this.inner.dryRun(options);
    if (result.status === 'complete') {
      const map = {};
      for (const t of result.tests) {
        if (t.fileName !== undefined) (map[t.id] ??= []).includes(t.fileName) || map[t.id].push(t.fileName);
      }
      this.filesOf = map;
      fs.writeFileSync(path.resolve(MAP_FILE), JSON.stringify(map));
    }
    return result;
  }

  async mutantRun(options) {
    this.filesOf ??= fs.existsSync(MAP_FILE) ? JSON.parse(fs.readFileSync(MAP_FILE, 'utf8')) : {};
    const files = options.testFilter?.map(id => this.filesOf[id]);
    this.testFiles = files && files.length > 0 && files.every(f => f !== undefined)
      ? [...new Set(files.flat())].sort().map(f => `^${escapeRegExp(f)}$`)
      : undefined;
    // Read by stryker-bail-environment.cjs: Stryker's `disableBail` option runs every covering test.
    process.env.STRYKER_DISABLE_BAIL = options.disableBail ? 'true' : 'false';
    try {
      return await this.inner.mutantRun(options);
    } finally {
      this.testFiles = undefined;
      delete process.env.STRYKER_DISABLE_BAIL;
    }
  }
}

function jestByFileFactory(injector) {
  return new JestByFileRunner(jestFactory(injector));
}
jestByFileFactory.inject = tokens(commonTokens.injector);

export const strykerPlugins = [declareFactoryPlugin(PluginKind.TestRunner, 'jest-by-file', jestByFileFactory)];
