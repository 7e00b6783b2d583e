import { readFileSync } from 'fs';
import { join } from 'path';
import { parseAllDocuments } from 'yaml';
import { routeTableOf, RouteTable } from '../../src/checks/route-table';
import { ControllerReader, KubeObject, ReadItem } from '../../src/controllers/reader';

/** The objects of one corpus file (`test/import/corpus/<column>/<file>`). */
export function corpus(column: string, file: string): KubeObject[] {
  const text = readFileSync(join(__dirname, 'corpus', column, file), 'utf8');
  return parseAllDocuments(text).map(d => d.toJS()).filter(o => o !== null) as KubeObject[];
}

/** A corpus file read: its route table and items (unmapped ones as `field: reason`). */
export function readCorpus(
  reader: ControllerReader, column: string, file: string,
): { table: RouteTable; items: readonly ReadItem[]; unmapped: string[] } {
  const objects = corpus(column, file);
  const read = reader.read(objects);
  return {
    table: routeTableOf(read.gateways),
    items: read.items,
    unmapped: read.items.filter(i => i.reason !== undefined).map(i => `${i.object} ${i.field}: ${i.reason}`),
  };
}

/** Route entries as `host match -> backends` lines, for compact literal expectations. */
export function routeLines(table: RouteTable): string[] {
  return table.routes.map(e => {
    const m = e.match;
    const cond = [
      `${m.path.kind} ${m.path.value}`,
      ...(m.method ? [m.method] : []),
      ...m.headers.map(h => `${h.name}${h.kind === 'Exact' ? '=' : '~'}${h.value}`),
      ...m.queryParams.map(q => `?${q.name}=${q.value}`),
    ].join(' ');
    const backends = e.backends.map(b => `${b.service}:${b.port}${b.weight !== 1 ? `*${b.weight}` : ''}`).join(',') || '-';
    const canary = e.canary ? ` canary ${e.canary.backend.service}:${e.canary.backend.port} ${JSON.stringify(e.canary.traffic)}` : '';
    const mirror = [...(e.mirror ? [e.mirror] : []), ...(e.mirrors ?? [])].map(x => ` mirror ${x.backend.service}:${x.backend.port} ${x.percent}%`).join('');
    return `${e.namespace} ${e.host || '*'} ${cond} -> ${backends}${canary}${mirror}`;
  });
}
