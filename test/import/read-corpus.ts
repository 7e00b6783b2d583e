import * as fs from 'fs';
import * as path from 'path';
import { parseAllDocuments } from 'yaml';
import { ControllerName } from '../../src/capabilities/features';
import { routeTableOf, RouteTable } from '../../src/checks/route-table';
import { KubeObject, ReadItem, ReadResult } from '../../src/controllers/reader';
import { readerFor } from '../../src/import/readers';

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

/**
 * Route entries as compact lines:
 * `<namespace> <host|*> <Kind>:<path>[ METHOD][ h:name=value|h:name~regex][ q:name=value] -> ns/svc:port[@weight],...[ policies]`.
 */
export function routeLines(table: RouteTable): string[] {
  return table.routes.map(r => {
    const m = r.match;
    const match = `${m.path.kind}:${m.path.value}${m.method ? ` ${m.method}` : ''}${m.headers.map(h => ` h:${h.name}${h.kind === 'Exact' ? '=' : '~'}${h.value}`).join('')}${m.queryParams.map(q => ` q:${q.name}=${q.value}`).join('')}`;
    const backends = r.backends.map(b => `${b.namespace}/${b.service}:${b.port}${b.weight !== 1 ? `@${b.weight}` : ''}`).join(',');
    const policies = Object.keys(r.policies).length > 0 ? ` ${JSON.stringify(r.policies)}` : '';
    const canary = r.canary ? ` canary ${r.canary.backend.service}:${r.canary.backend.port} ${JSON.stringify(r.canary.traffic)}` : '';
    const mirrors = (r.mirrors ?? []).map(x => ` mirror ${x.backend.namespace}/${x.backend.service}:${x.backend.port} ${x.percent}%`).join('');
    return `${r.namespace} ${r.host || '*'} ${match} -> ${backends}${policies}${canary}${mirrors}`;
  });
}

/** A corpus file read, with its route lines (sorted) and its unmapped / mapped items as lines. */
export function readLines(column: ControllerName, file: string) {
  const { result, table } = readCorpus(column, file);
  return { result, table, routes: routeLines(table).sort(), unmapped: unmappedLines(result.items), mapped: mappedLines(result.items) };
}
