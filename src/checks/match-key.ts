import { MatchIR } from '../ir/model';

/** A canonical string for conflict detection: two matches with equal keys match the same requests. */
export function matchKey(m: MatchIR): string {
  return JSON.stringify([m.path.kind, m.path.value, m.headers.map(h => [h.name, h.kind, h.value]), m.queryParams.map(q => [q.name, q.value]), m.method ?? '']);
}

/** A match in words for messages: `Prefix path '/v1'`, with any other conditions. */
export function describeMatch(m: MatchIR): string {
  const parts = [`${m.path.kind} path '${m.path.value}'`];
  if (m.headers.length > 0) parts.push(`headers ${m.headers.map(h => h.name).join(', ')}`);
  if (m.queryParams.length > 0) parts.push(`query parameters ${m.queryParams.map(q => q.name).join(', ')}`);
  if (m.method) parts.push(`method ${m.method}`);
  return parts.join(' and ');
}

/** The match of a default backend: every request. */
export const EVERY_REQUEST: MatchIR = { path: { kind: 'Prefix', value: '/' }, headers: [], queryParams: [] };
