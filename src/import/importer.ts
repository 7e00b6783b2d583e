import { generateCode } from './codegen';
import { ImportInputError, loadManifests, ManifestSource } from './load';
import { ImportPlan, planImport } from './plan';
import { readableControllers, readerFor } from './readers';
import { migrationReport, refusals, ReportInput, summaryLine } from './report';
import { CONTROLLER_NAMES, ControllerName } from '../capabilities/features';
import { isCertManagerObject, issuersBySecret, readCertManager } from '../cert-manager/reader';
import { ControllerReader, KubeObject, objectRef, ReadItem, sortItems } from '../controllers/reader';
import { GatewayIR } from '../ir/model';

/**
 * The import pipeline behind `Importer.importManifests()` and `cdk8s-gateway import`:
 * load -> pick readers -> read -> plan -> code + report.
 */

/** Where readers are found (the registry; tests pass their own). */
export interface ReaderRegistry {
  readerFor(controller: ControllerName): ControllerReader | undefined;
  readableControllers(): ControllerName[];
}

export const DEFAULT_REGISTRY: ReaderRegistry = {
  readerFor: c => readerFor(c),
  readableControllers: () => readableControllers(),
};

export interface ImportRunOptions {
  /** 'auto' (default) or a column id. */
  readonly from?: string;
  /** A column id; default: the (first) column read. */
  readonly to?: string;
  /** Module the generated code imports from. Default 'cdk8s-gateway'. */
  readonly importFrom?: string;
  /** Namespace of objects that name none. Default 'default'. */
  readonly defaultNamespace?: string;
  /** Reader registry. Default: src/import/readers.ts. */
  readonly registry?: ReaderRegistry;
}

export interface ImportRun {
  readonly code: string;
  readonly report: string;
  readonly summary: string;
  readonly items: readonly ReadItem[];
  readonly refused: readonly string[];
  readonly from: readonly ControllerName[];
  readonly to: ControllerName;
  readonly plan: ImportPlan;
  readonly gateways: readonly GatewayIR[];
  /** 0: everything imported and the target accepts it; 3: unmapped items, refusals, or nothing to import. */
  readonly exitCode: number;
}

/** Options that make no sense (an unknown controller, a column without a reader). */
export class ImportOptionError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ImportOptionError';
  }
}

/** Kinds readers take as context (never "not read"). */
const CONTEXT_KINDS = new Set(['Service', 'IngressClass', 'GatewayClass', 'ReferenceGrant', 'Secret']);

export function runImport(sources: readonly ManifestSource[], options: ImportRunOptions = {}): ImportRun {
  const registry = options.registry ?? DEFAULT_REGISTRY;
  const defaultNamespace = options.defaultNamespace ?? 'default';
  const from = options.from ?? 'auto';
  if (from !== 'auto' && !isColumn(from)) throw new ImportOptionError(`--from '${from}' is not a controller: use auto or one of ${CONTROLLER_NAMES.join(', ')}`);
  if (options.to !== undefined && !isColumn(options.to)) throw new ImportOptionError(`--to '${options.to}' is not a controller: use one of ${CONTROLLER_NAMES.join(', ')}`);
  const candidates: ControllerReader[] = from === 'auto'
    ? registry.readableControllers().map(c => registry.readerFor(c)!).filter(r => r !== undefined)
    : [registry.readerFor(from as ControllerName) ?? noReader(from, registry)];

  const loaded = loadManifests(sources);
  const objects = loaded.objects.map(l => l.object);
  checkUnique(loaded.objects);

  // Each object goes to one reader: the most specific that accepts it (the portable Gateway API
  // reader last), then matrix order.
  const ordered = [...candidates].sort((a, b) => rank(a) - rank(b));
  const assigned = new Map<ControllerReader, KubeObject[]>();
  const unclaimed: KubeObject[] = [];
  const notRead: ReadItem[] = [];
  for (const o of objects) {
    const reader = ordered.find(r => safeAccepts(r, o));
    if (reader) {
      assigned.set(reader, [...(assigned.get(reader) ?? []), o]);
    } else {
      unclaimed.push(o);
      if (!CONTEXT_KINDS.has(o.kind) && !isCertManagerObject(o)) {
        notRead.push({
          object: objectRef(o, defaultNamespace),
          field: '(object)',
          reason: from === 'auto'
            ? `no reader accepts it (readers: ${candidates.map(r => r.name).join(', ') || 'none'}); its controller cannot be read yet, or it belongs to another controller`
            : `the ${from} reader does not accept it (--from ${from})`,
        });
      }
    }
  }
  const notReadSet = new Set(unclaimed.filter(o => !CONTEXT_KINDS.has(o.kind) && !isCertManagerObject(o)));
  const used = candidates.filter(r => assigned.has(r));
  const gateways: GatewayIR[] = [];
  const items: ReadItem[] = [...notRead];
  for (const reader of used) {
    const result = reader.read([...assigned.get(reader)!, ...unclaimed], { defaultNamespace });
    gateways.push(...result.gateways);
    items.push(...result.items);
  }
  const certManager = readCertManager(objects, { defaultNamespace });
  items.push(...certManager.items);
  const plan = planImport({ gateways, certManager, issuersBySecret: issuersBySecret(objects, defaultNamespace) });
  for (const n of plan.notes) items.push({ object: n.object, field: n.field, reason: n.reason });

  const fromColumns = used.map(r => r.name);
  const to: ControllerName = (options.to as ControllerName | undefined) ?? fromColumns[0] ?? (from !== 'auto' ? from as ControllerName : 'ingress-nginx');
  const sortedItems = sortItems(items);
  const refused = plan.statements.length > 0 ? refusals(plan, to) : [];
  const reportInput: ReportInput = {
    files: sources.map(s => s.file),
    from: fromColumns,
    to,
    items: sortedItems,
    objects: loaded.objects.filter(l => !notReadSet.has(l.object))
      .map(l => objectRef(l.object, defaultNamespace)),
    skipped: loaded.skipped,
    refused,
    counts: {
      gateways: gateways.length,
      routes: gateways.reduce((n, g) => n + g.routes.length, 0),
      tlsHosts: gateways.reduce((n, g) => n + g.tlsHosts.length + g.passthroughHosts.length, 0),
      canaries: gateways.reduce((n, g) => n + g.canaries.length, 0),
      issuers: certManager.issuers.length,
    },
  };
  const code = generateCode(plan, {
    controller: to,
    importFrom: options.importFrom,
    header: [
      `Generated by \`cdk8s-gateway import\` (${fromColumns.join(', ') || 'nothing read'} -> ${to}). See MIGRATION.md for what`,
      'could not move; `cdk8s-gateway import:` comments mark it in the code.',
    ],
  });
  const unmapped = sortedItems.some(i => i.reason !== undefined);
  const nothing = plan.statements.length === 0;
  return {
    code,
    report: migrationReport(reportInput),
    summary: nothing ? `Nothing to import: no object ${from === 'auto' ? 'any reader' : `the ${from} reader`} accepts. ${summaryLine(reportInput)}` : summaryLine(reportInput),
    items: sortedItems,
    refused,
    from: fromColumns,
    to,
    plan,
    gateways,
    exitCode: unmapped || refused.length > 0 || nothing ? 3 : 0,
  };
}

function isColumn(s: string): s is ControllerName {
  return (CONTROLLER_NAMES as readonly string[]).includes(s);
}

function noReader(from: string, registry: ReaderRegistry): never {
  throw new ImportOptionError(`--from ${from}: no reader for this controller yet (readable: ${registry.readableControllers().join(', ') || 'none'})`);
}

function rank(r: ControllerReader): number {
  return (r.name === 'gateway-api' ? 100 : 0) + CONTROLLER_NAMES.indexOf(r.name);
}

function safeAccepts(r: ControllerReader, o: KubeObject): boolean {
  try {
    return r.accepts(o);
  } catch {
    return false;
  }
}

/** Two documents with the same kind, namespace and name: the second would silently win in a cluster. */
function checkUnique(objects: ReturnType<typeof loadManifests>['objects']): void {
  const seen = new Map<string, string>();
  for (const l of objects) {
    const key = `${l.object.apiVersion.split('/')[0]} ${objectRef(l.object)}`;
    const where = `${l.file}: document ${l.document}${l.item !== undefined ? `, item ${l.item}` : ''}`;
    const first = seen.get(key);
    if (first) throw new ImportInputError(l.file, l.document, `${objectRef(l.object)} is defined twice (first in ${first})`, l.item);
    seen.set(key, where);
  }
}
