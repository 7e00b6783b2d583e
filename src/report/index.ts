import { Chart } from 'cdk8s';
import { Change, diffLines, diffMarkdown, diffModels } from './diff';
import { toJson, toMarkdown, toMermaid } from './formats';
import { modelOfObjects, modelOfSources, objectsOfJson, ReportModel } from './model';

/** Options for reading manifests into a `RouteReport`. */
export interface RouteReportOptions {
  /**
   * The controller whose manifests are read: a capability column id (`ingress-nginx`, `traefik`,
   * `traefik-ingress`, `kong`, `kong-gateway-api`, `gateway-api`, `envoy-gateway`, `istio`), or
   * `auto` to let every reader take the objects it recognises.
   * @default 'auto'
   */
  readonly sourceController?: string;

  /**
   * Namespace of objects that name none.
   * @default 'default'
   */
  readonly defaultNamespace?: string;
}

/**
 * What a gateway does, read from its manifests: per gateway and host, every match with its
 * backends and weights, the policies in effect, TLS, canaries, mirrors, and the settings the
 * readers could not map. Works on synthesized output of every controller and on hand-written
 * manifests the readers understand; deterministic.
 *
 * @example
 * const report = RouteReport.fromChart(chart);
 * fs.writeFileSync('routes.md', report.toMarkdown());
 */
export class RouteReport {
  /** Reads YAML text (one or more documents, `kind: List` included). */
  public static fromManifests(yamlText: string, options: RouteReportOptions = {}): RouteReport {
    if (typeof yamlText !== 'string') throw new Error(`RouteReport.fromManifests: yamlText must be YAML text, got ${yamlText === null ? 'null' : typeof yamlText}`);
    return new RouteReport(modelOfSources([{ file: '<manifests>', text: yamlText }], readOptions(options)));
  }

  /** Reads what a chart synthesizes (`chart.toJson()`). */
  public static fromChart(chart: Chart, options: RouteReportOptions = {}): RouteReport {
    if (!chart || typeof (chart as Chart).toJson !== 'function') throw new Error('RouteReport.fromChart: chart must be a cdk8s Chart');
    return new RouteReport(modelOfObjects(objectsOfJson(chart.toJson()), readOptions(options)));
  }

  /** What changed from `before` to `after`: added, removed and changed routes, TLS and policies. */
  public static diff(before: RouteReport, after: RouteReport): RouteReportDiff {
    if (!(before instanceof RouteReport) || !(after instanceof RouteReport)) throw new Error('RouteReport.diff: before and after must be RouteReports');
    return RouteReportDiff._of(before.model, after.model);
  }

  /** @internal */
  public static _ofModel(model: ReportModel): RouteReport {
    return new RouteReport(model);
  }

  private constructor(private readonly model: ReportModel) {}

  /** Markdown for a pull-request comment: a section per gateway and host, a table of matches. */
  public toMarkdown(): string {
    return toMarkdown(this.model);
  }

  /** JSON for tools: gateways with their route table entries, TLS, passthrough, and unmapped items. */
  public toJson(): string {
    return toJson(this.model);
  }

  /** A Mermaid flowchart (host -> match -> backend) that GitHub renders in Markdown. */
  public toMermaid(): string {
    return toMermaid(this.model);
  }

  /** Number of route entries (host + match) across all gateways. */
  public get routeCount(): number {
    return this.model.gateways.reduce((n, g) => n + g.table.routes.length, 0);
  }

  /** Settings the readers could not map, as `Kind namespace/name field: reason` lines. */
  public get unmapped(): string[] {
    return this.model.unmapped.map(i => `${i.object} ${i.field}: ${i.reason}`);
  }

  /** @internal */
  public get _model(): ReportModel {
    return this.model;
  }
}

/** The changes between two route reports. */
export class RouteReportDiff {
  /** @internal */
  public static _of(before: ReportModel, after: ReportModel): RouteReportDiff {
    return new RouteReportDiff(diffModels(before, after));
  }

  private constructor(private readonly changes: readonly Change[]) {}

  /** Whether nothing changed. */
  public get empty(): boolean {
    return this.changes.length === 0;
  }

  /** Markdown for a CI comment: a summary line and a table of changes. */
  public toMarkdown(): string {
    return diffMarkdown(this.changes);
  }

  /** One line per change: `+` added, `-` removed, `~` changed. */
  public toLines(): string[] {
    return diffLines(this.changes);
  }

  /** The changes as JSON. */
  public toJson(): string {
    return `${JSON.stringify(this.changes, undefined, 2)}\n`;
  }
}

function optionsOf(options: RouteReportOptions | undefined | null): RouteReportOptions {
  if (options === undefined || options === null) return {};
  if (typeof options !== 'object') throw new Error('RouteReport: options must be an object');
  if (options.sourceController !== undefined && typeof options.sourceController !== 'string') throw new Error('RouteReport: options.sourceController must be a string');
  if (options.defaultNamespace !== undefined && typeof options.defaultNamespace !== 'string') throw new Error('RouteReport: options.defaultNamespace must be a string');
  return options;
}

function readOptions(options: RouteReportOptions): { from?: string; defaultNamespace?: string } {
  const o = optionsOf(options);
  return { from: o.sourceController, defaultNamespace: o.defaultNamespace };
}
