import { cell } from './formats';
import { backendsText, backendText, compactJson, compare, hostText, matchText, policiesText, ReportModel, tlsText, trafficText } from './model';
import { RouteEntry } from '../checks/route-table';

/** One change between two reports. */
export interface Change {
  readonly change: 'added' | 'removed' | 'changed';
  readonly kind: 'route' | 'tls' | 'passthrough' | 'default backend';
  readonly host: string;
  /** The match text of a route, '' for TLS, passthrough and the default backend. */
  readonly match: string;
  /** What was served before (absent when added). */
  readonly before?: readonly string[];
  /** What is served now (absent when removed). */
  readonly after?: readonly string[];
}

/**
 * The changes between two models, by meaning: routes keyed by (namespace, host, match), TLS and
 * passthrough by host. Gateway names and controllers do not count, so a migration from one
 * controller to another that serves the same requests the same way has no change.
 */
export function diffModels(a: ReportModel, b: ReportModel): Change[] {
  const changes: Change[] = [];
  const routes = (m: ReportModel) => keyed(m.gateways.flatMap(g => g.table.routes), r => ({ key: `${r.namespace} ${r.host} ${compactJson(r.match)}`, host: r.host, match: matchText(r.match), lines: routeLines(r) }));
  const tls = (m: ReportModel) => keyed(m.gateways.flatMap(g => g.table.tls.map(t => ({ t, issuer: g.issuers[t.secret] }))), x => ({ key: x.t.host, host: x.t.host, match: '', lines: [tlsText(x.t, x.issuer)] }));
  const pass = (m: ReportModel) => keyed(m.gateways.flatMap(g => g.table.passthrough), p => ({ key: p.host, host: p.host, match: '', lines: [backendText(p.backend)] }));
  const dflt = (m: ReportModel) => keyed(m.gateways.flatMap(g => (g.table.defaultBackend ? [g.table.defaultBackend] : [])), d => ({ key: '', host: '', match: '', lines: [backendText(d)] }));
  compareMaps(routes(a), routes(b), 'route', changes);
  compareMaps(tls(a), tls(b), 'tls', changes);
  compareMaps(pass(a), pass(b), 'passthrough', changes);
  compareMaps(dflt(a), dflt(b), 'default backend', changes);
  return changes;
}

/** The changes as Markdown for a CI comment (a summary line and one table). */
export function diffMarkdown(changes: readonly Change[]): string {
  const count = (c: Change['change']) => changes.filter(x => x.change === c).length;
  const out = ['# Route changes', ''];
  if (changes.length === 0) return [...out, 'No change: both sides serve the same requests the same way.', ''].join('\n');
  out.push(`${count('added')} added, ${count('removed')} removed, ${count('changed')} changed.`, '');
  out.push('| Change | Host | What | Before | After |', '|---|---|---|---|---|');
  for (const c of changes) {
    const what = c.kind === 'route' ? c.match : c.kind;
    out.push(`| ${c.change} | ${cell(hostText(c.host))} | ${cell(what)} | ${(c.before ?? []).map(cell).join('<br>') || '-'} | ${(c.after ?? []).map(cell).join('<br>') || '-'} |`);
  }
  out.push('');
  return out.join('\n');
}

/** The changes as plain lines (`+`, `-`, `~`), for logs. */
export function diffLines(changes: readonly Change[]): string[] {
  return changes.map(c => {
    const mark = c.change === 'added' ? '+' : c.change === 'removed' ? '-' : '~';
    const what = c.kind === 'route' ? c.match : c.kind;
    const body = c.change === 'added' ? c.after!.join('; ') : c.change === 'removed' ? c.before!.join('; ') : `${c.before!.join('; ')} => ${c.after!.join('; ')}`;
    return `${mark} ${hostText(c.host)} ${what}: ${body}`;
  });
}

interface Keyed { readonly host: string; readonly match: string; readonly lines: readonly string[] }

function keyed<T>(xs: readonly T[], entry: (x: T) => Keyed & { readonly key: string }): Map<string, Keyed> {
  const out = new Map<string, Keyed>();
  for (const x of xs) {
    const { key, ...e } = entry(x);
    const prev = out.get(key);
    // The same key in two gateways: both are listed (a conflict the readers report as two gateways).
    out.set(key, { ...e, lines: [...(prev?.lines ?? []), ...e.lines] });
  }
  return out;
}

function compareMaps(a: Map<string, Keyed>, b: Map<string, Keyed>, kind: Change['kind'], changes: Change[]): void {
  const order = (k: string) => sortKey(a.get(k) ?? b.get(k)!);
  const keys = [...new Set([...a.keys(), ...b.keys()])].sort((x, y) => compare(order(x), order(y)) || compare(x, y));
  for (const k of keys) {
    const before = a.get(k);
    const after = b.get(k);
    const { host, match } = (before ?? after)!;
    if (!before) {
      changes.push({ change: 'added', kind, host, match, after: after!.lines });
    } else if (!after) {
      changes.push({ change: 'removed', kind, host, match, before: before.lines });
    } else if (compactJson(before.lines) !== compactJson(after.lines)) {
      changes.push({ change: 'changed', kind, host, match, ...changedLines(before.lines, after.lines) });
    }
  }
}

/** Of a changed entry, the lines that differ (shared lines left out, so the change stands out). */
function changedLines(before: readonly string[], after: readonly string[]): { before: string[]; after: string[] } {
  const b = before.filter(l => !after.includes(l));
  const a = after.filter(l => !before.includes(l));
  return { before: b.length > 0 ? b : ['-'], after: a.length > 0 ? a : ['-'] };
}

function sortKey(k: Keyed): string {
  return `${k.host}\u0000${k.match}`;
}

/** A route as lines: backends (with weights), canary and mirror, then each policy. */
function routeLines(r: RouteEntry): string[] {
  return [...backendsText(r).map(b => `to ${b}`), ...trafficText(r), ...policiesText(r)];
}
