// `npm run matrix`: rewrites the capability matrix in README.md from src/capabilities/matrix.ts.
import * as fs from 'fs';
import * as path from 'path';
import { capabilityTable } from '../src/capabilities/table';

const readme = path.join(__dirname, '..', 'README.md');
const text = fs.readFileSync(readme, 'utf8');
const begin = '<!-- capability-matrix:begin -->';
const end = '<!-- capability-matrix:end -->';
const start = text.indexOf(begin);
const stop = text.indexOf(end);
if (start < 0 || stop < start) throw new Error(`README.md has no ${begin} ... ${end} block`);
fs.writeFileSync(readme, `${text.slice(0, start + begin.length)}\n${capabilityTable()}\n${text.slice(stop)}`);
console.log('README.md capability matrix updated');
