import { runImport } from './importer';

/** Options for `Importer.importManifests()`. */
export interface ImportOptions {
  /**
   * The controller whose manifests are read: a capability column id (`ingress-nginx`, `traefik`,
   * `traefik-ingress`, `kong`, `kong-gateway-api`, `gateway-api`, `envoy-gateway`, `istio`), or
   * `auto` to let every reader take the objects it recognises.
   * @default 'auto'
   */
  readonly from?: string;

  /**
   * The controller the generated app targets (a capability column id). The report lists what it
   * would refuse, as the library's synth messages.
   * @default - the controller that was read
   */
  readonly to?: string;

  /**
   * Namespace of objects that name none.
   * @default 'default'
   */
  readonly defaultNamespace?: string;

  /**
   * The module the generated code imports the constructs from.
   * @default 'cdk8s-gateway'
   */
  readonly importFrom?: string;
}

/** What happened to one annotation or field of an input object. */
export interface ImportItem {
  /** The input object: `Kind namespace/name` (cluster-scoped: `Kind name`). */
  readonly object: string;
  /** The annotation key or field path, e.g. `metadata.annotations['nginx.ingress.kubernetes.io/limit-rps']`. */
  readonly field: string;
  /**
   * The input value, as text.
   * @default - none (a whole object or section)
   */
  readonly value?: string;
  /**
   * Where the setting went in the intent, e.g. `Route.rateLimit (RateLimit.perClientIp requests)`.
   * @default - none: the setting cannot move (see `reason`)
   */
  readonly to?: string;
  /**
   * Why the setting cannot move.
   * @default - none: the setting was imported (see `to`)
   */
  readonly reason?: string;
}

/** The result of an import. */
export interface ImportResult {
  /** The generated cdk8s app (TypeScript, `main.ts`). */
  readonly code: string;
  /** The migration report (Markdown, `MIGRATION.md`). */
  readonly report: string;
  /** A one-line summary. */
  readonly summary: string;
  /** Every mapped and unmapped annotation or field, sorted by object then field. */
  readonly items: ImportItem[];
  /** What the target controller refuses: the standard synth messages of the generated intent. */
  readonly refused: string[];
  /** The controllers that were read. */
  readonly sourceControllers: string[];
  /** The controller the app targets. */
  readonly targetController: string;
  /**
   * 0 when everything was imported and the target accepts it; 3 when some setting cannot move,
   * the target refuses something, or nothing was found to import. (Bad input throws instead:
   * the CLI exits with 2.)
   */
  readonly exitCode: number;
}

/**
 * Imports existing manifests (Ingress + annotations, Gateway API, Traefik, Kong, cert-manager...)
 * into typed intent: a cdk8s app using this library's constructs, and a migration report naming
 * everything that cannot move. The same as `cdk8s-gateway import`.
 *
 * @example
 * const result = Importer.importManifests(fs.readFileSync('ingress.yaml', 'utf8'), { to: 'envoy-gateway' });
 * fs.writeFileSync('main.ts', result.code);
 */
export class Importer {
  /**
   * Imports the objects of `yamlText` (multi-document YAML, `kind: List`, Helm output; kinds no
   * reader looks at are skipped). Throws on bad input (unparsable YAML, a document that is not a
   * Kubernetes object, an unsupported apiVersion), naming the document, and on an unknown
   * controller name.
   */
  public static importManifests(yamlText: string, options: ImportOptions = {}): ImportResult {
    if (typeof yamlText !== 'string') throw new Error(`Importer.importManifests: yamlText must be a string of YAML, got ${yamlText === null ? 'null' : typeof yamlText}`);
    const o = options ?? {};
    for (const k of ['from', 'to', 'defaultNamespace', 'importFrom'] as const) {
      if (o[k] !== undefined && typeof o[k] !== 'string') throw new Error(`Importer.importManifests: options.${k} must be a string`);
    }
    const run = runImport([{ file: '<input>', text: yamlText }], o);
    return {
      code: run.code,
      report: run.report,
      summary: run.summary,
      items: run.items.map(i => ({ ...i })),
      refused: [...run.refused],
      sourceControllers: [...run.from],
      targetController: run.to,
      exitCode: run.exitCode,
    };
  }

  private constructor() {}
}
