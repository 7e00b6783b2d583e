import * as fs from 'fs';
import * as path from 'path';
import { parseAllDocuments } from 'yaml';
import { routeTableOf, RouteTable } from '../../src/checks/route-table';
import { KubeObject, ReadItem, ReadResult } from '../../src/controllers/reader';
import { readerFor } from '../../src/import/readers';
import { ControllerName } from '../../src/capabilities/features';

/** The corpus directory of a column. */
export function corpusDir(column: string): string {
  return path.join(__dirname, 'corpus', column);
}

/** The objects of one corpus file (every YAML document). */
export function corpusObjects(column: string, file: string): KubeObject[] {
  const text = fs.readFileSync(path.join(corpusDir(column), file), 'utf8');
  return parseAllDocuments(text).map(d => d.toJSON()).filter(o => o !== null) as KubeObject[];
}

/** Reads a corpus file with its column's reader. */
export function readCorpus(column: ControllerName, file: string): { result: ReadResult; table: RouteTable } {
  const reader = readerFor(column)!;
  const result = reader.read(corpusObjects(column, file));
  return { result, table: routeTableOf(result.gateways) };
}

/** Unmapped items as `object field: reason` lines (sorted). */
export function unmappedLines(items: readonly ReadItem[]): string[] {
  return items.filter(i => i.reason !== undefined).map(i => `${i.object} ${i.field}: ${i.reason}`);
}

/** Mapped items as `object field -> to` lines (sorted). */
export function mappedLines(items: readonly ReadItem[]): string[] {
  return items.filter(i => i.to !== undefined).map(i => `${i.object} ${i.field} -> ${i.to}`);
}
