import { App, Chart } from 'cdk8s';
import { buildApp } from './build';
import { GATEWAY_CLASS_PLACEHOLDER } from './codegen';
import { ImportPlan } from './plan';
import { ControllerName } from '../capabilities/features';
import { ReadItem } from '../controllers/reader';

/**
 * The migration report (MIGRATION.md): per input object and per annotation / field, where it went
 * (the reader's `to`) or why it cannot move; and what the target controller refuses, as the
 * library's own synth messages, obtained by building the plan against that controller.
 */

/** The chart id the report builds the plan in (paths in refusal messages start with it). */
export const REPORT_CHART = 'imported';

/**
 * What the target controller refuses of a plan: errors thrown while creating constructs, then
 * the validation errors of synth, each `[path] message` followed by ` (from <input objects>)`.
 */
export function refusals(plan: ImportPlan, target: ControllerName): string[] {
  const app = new App();
  const chart = new Chart(app, REPORT_CHART);
  const built = buildApp(chart, plan, target);
  const messages = [...built.errors];
  try {
    chart.toJson();
  } catch (e) {
    messages.push(...validationMessages(e instanceof Error ? e.message : String(e)));
  }
  const sources = sourcesByPath(plan);
  return [...new Set(messages)].map(m => {
    const path = /^\[([^\]]+)\]/.exec(m)?.[1];
    const from = path !== undefined ? longestPrefix(sources, path) : undefined;
    return from ? `${m} (from ${from.join(', ')})` : m;
  });
}

const HEADER = 'Validation failed with the following errors:';

/** The `[path] message` entries of a cdk8s validation error (other errors: the message itself). */
export function validationMessages(message: string): string[] {
  if (!message.startsWith(HEADER)) return [message];
  return message.slice(HEADER.length).split(/\n(?= {2}\[)/).map(s => s.trim()).filter(s => s.length > 0);
}

function sourcesByPath(plan: ImportPlan): Map<string, readonly string[]> {
  const out = new Map<string, readonly string[]>();
  const idOfVar = new Map<string, string>();
  for (const s of plan.statements) {
    if (s.value) continue;
    const path = s.construct ? `${REPORT_CHART}/${s.id}` : `${REPORT_CHART}/${idOfVar.get(s.on!) ?? s.on}/${s.id}`;
    if (s.construct && s.variable) idOfVar.set(s.variable, s.id);
    out.set(path, s.sources);
  }
  return out;
}

function longestPrefix(map: ReadonlyMap<string, readonly string[]>, path: string): readonly string[] | undefined {
  for (let p = path; p.length > 0; p = p.slice(0, Math.max(0, p.lastIndexOf('/')))) {
    const hit = map.get(p);
    if (hit) return hit;
    if (!p.includes('/')) break;
  }
  return undefined;
}

/** What the report is written from. */
export interface ReportInput {
  /** Input files, as given. */
  readonly files: readonly string[];
  /** The readers used (columns). */
  readonly from: readonly ControllerName[];
  readonly to: ControllerName;
  /** Every mapped and unmapped item (readers', cert-manager's and the plan's). */
  readonly items: readonly ReadItem[];
  /** Objects read (`Kind namespace/name`), in order. */
  readonly objects: readonly string[];
  /** Objects of kinds no reader looks at. */
  readonly skipped: readonly string[];
  readonly refused: readonly string[];
  readonly counts: {
    readonly gateways: number; readonly routes: number; readonly tlsHosts: number; readonly canaries: number; readonly issuers: number;
  };
}

/** MIGRATION.md. */
export function migrationReport(r: ReportInput): string {
  const unmapped = r.items.filter(i => i.reason !== undefined);
  const out: string[] = [];
  out.push('# Migration report', '');
  out.push(`Imported by \`cdk8s-gateway import\` from ${r.files.length > 0 ? r.files.map(f => `\`${f}\``).join(', ') : 'the given YAML'}`
    + ` (read as ${r.from.length > 0 ? r.from.join(', ') : 'nothing'}), generated for **${r.to}**.`, '');
  out.push(summaryLine(r), '');
  if (r.to === 'gateway-api') {
    out.push(`The portable Gateway API output needs your cluster's GatewayClass: \`main.ts\` names '${GATEWAY_CLASS_PLACEHOLDER}'; replace it.`, '');
  }
  out.push(`## Cannot move (${unmapped.length})`, '');
  if (unmapped.length === 0) out.push('Every annotation and field was imported with its meaning.');
  for (const i of unmapped) out.push(`- \`${i.object}\` ${code(i.field)}${i.value !== undefined ? ` = ${code(i.value)}` : ''}: ${i.reason}`);
  out.push('');
  out.push(`## Refused by ${r.to} (${r.refused.length})`, '');
  if (r.refused.length === 0) out.push(`${r.to} accepts everything that was imported.`);
  for (const m of r.refused) out.push(`- ${m}`);
  out.push('');
  const byObject = new Map<string, ReadItem[]>();
  for (const i of r.items) byObject.set(i.object, [...(byObject.get(i.object) ?? []), i]);
  const objects = [...new Set([...r.objects, ...byObject.keys()])];
  out.push(`## Per object (${objects.length})`, '');
  for (const o of objects) {
    const items = byObject.get(o) ?? [];
    out.push(`### ${o}`, '');
    if (items.length === 0) {
      out.push('Read as context (no setting of its own).', '');
      continue;
    }
    out.push('| Field | Value | Went to |', '| --- | --- | --- |');
    for (const i of items) out.push(`| ${cell(code(i.field))} | ${i.value !== undefined ? cell(code(i.value)) : ''} | ${cell(i.to ?? `**cannot move**: ${i.reason}`)} |`);
    out.push('');
  }
  if (r.skipped.length > 0) {
    out.push(`## Skipped (${r.skipped.length})`, '', 'Objects of kinds no reader looks at:', '');
    for (const s of r.skipped) out.push(`- ${s}`);
    out.push('');
  }
  return `${out.join('\n').replace(/\n+$/, '')}\n`;
}

/** One line: what was read, what cannot move, what the target refuses. */
export function summaryLine(r: ReportInput): string {
  const c = r.counts;
  const mapped = r.items.filter(i => i.to !== undefined).length;
  const unmapped = r.items.filter(i => i.reason !== undefined).length;
  const plural = (n: number, w: string) => `${n} ${w}${n === 1 ? '' : 's'}`;
  return `Read ${plural(r.objects.length, 'object')}: ${plural(c.gateways, 'gateway')}, ${plural(c.routes, 'route')}, ${plural(c.tlsHosts, 'TLS host')}, `
    + `${c.canaries} canar${c.canaries === 1 ? 'y' : 'ies'}, ${plural(c.issuers, 'issuer')}; ${plural(mapped, 'setting')} imported, ${unmapped} cannot move; `
    + `${r.to} refuses ${r.refused.length}.`;
}

function code(s: string): string {
  const one = s.replace(/\r?\n/g, '\\n');
  return one.includes('`') ? `\`\` ${one} \`\`` : `\`${one}\``;
}

function cell(s: string): string {
  return s.replace(/\|/g, '\\|');
}
