// The jest test environment of `npm run mutation` (stryker.config.js): jest's node environment,
// except that during a mutant run the tests after the first failure are skipped. One failing
// test kills the mutant; Stryker's other test runners stop there too (its `disableBail` option),
// but its jest runner cannot tell jest to. The dry run (no active mutant) runs every test, and so
// does a mutant run with Stryker's `disableBail` option.
const { TestEnvironment } = require('jest-environment-node');

/** The mutant a test failed for, shared by the test files of one runner process. */
let killed;

class BailEnvironment extends TestEnvironment {
  async handleTestEvent(event) {
    const mutant = process.env.__STRYKER_ACTIVE_MUTANT__;
    if (mutant === undefined || process.env.STRYKER_DISABLE_BAIL === 'true') return;
    if (event.name === 'test_done' && event.test.errors.length > 0) killed = mutant;
    if (event.name === 'test_start' && killed === mutant) event.test.mode = 'skip';
  }
}

module.exports = BailEnvironment;
