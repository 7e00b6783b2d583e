import * as fs from 'fs';
import { README, readmeSample, readReadme, withSample } from './readme-sample';

// The README's route-report sample is the primer's report, regenerated here: a change to the
// report's formats or to the primer fails this test until the README is regenerated
// (UPDATE_README=1 npx jest test/report/readme.test.ts).
test('README route-report sample matches the primer report', () => {
  const readme = readReadme();
  const expected = withSample(readme, readmeSample());
  if (process.env.UPDATE_README === '1' && expected !== readme) fs.writeFileSync(README, expected);
  expect(readReadme()).toBe(expected);
});
