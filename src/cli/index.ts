import * as fs from 'fs';
import * as path from 'path';
import { parseCommandArgs } from './args';
import { checkCommand } from './check';
import { CONTROLLER_NAMES } from '../capabilities/features';
import { ImportOptionError, ReaderRegistry, runImport } from '../import/importer';
import { ImportInputError, ManifestSource } from '../import/load';
import { RouteReport } from '../report';
import { modelOfSources } from '../report/model';

/**
 * The `cdk8s-gateway` command line. `main` returns the exit status instead of exiting, so tests run
 * it in-process. Commands are a table: `report` and `check` (route tables, diffs, checks) join it.
 */

/** Where the CLI writes and reads (tests pass their own). */
export interface CliIo {
  readonly stdout: (line: string) => void;
  readonly stderr: (line: string) => void;
  /** Directory relative paths are resolved against. */
  readonly cwd: string;
  /** Text of standard input, for the file `-`. */
  readonly stdin?: () => string;
}

export interface CliContext {
  readonly io: CliIo;
  /** Reader registry (tests only). */
  readonly registry?: ReaderRegistry;
}

export const EXIT = { ok: 0, badInput: 2, incomplete: 3 } as const;

const CONTROLLERS = CONTROLLER_NAMES.join(', ');

const USAGE = [
  'Usage: cdk8s-gateway <command> [options]',
  '',
  'Commands:',
  '  import [--from auto|<controller>] [--to <controller>] [--out DIR] FILE|DIR...',
  '      Reads Kubernetes manifests (files, or directories searched for *.yaml / *.yml; - for stdin) and',
  '      writes a cdk8s app using cdk8s-gateway (DIR/main.ts, default ./imported) and a migration report',
  '      (DIR/MIGRATION.md) naming every setting that cannot move and what the target controller refuses.',
  '  report [--format md|json|mermaid] [--from auto|<controller>] FILE|DIR...',
  '      Prints what the manifests do: per gateway and host, each match -> backends, policies, TLS, canaries.',
  '  report --diff [--format md|json|text] OLD NEW',
  '      Prints the routes, TLS hosts and policies added, removed or changed from OLD to NEW (files or dirs).',
  '  check [--controllers all|<list>] APP',
  '      Runs a cdk8s app (a .js or .ts entry) once per controller and prints what each would refuse.',
  '',
  `Controllers: ${CONTROLLERS}.`,
  'Exit status: 0 everything imported and the target accepts it; 2 bad input or usage;',
  '             3 imported, but some settings cannot move or the target refuses them (see MIGRATION.md).',
];

type Command = (args: string[], ctx: CliContext) => number;

const COMMANDS: { readonly [name: string]: Command } = {
  import: importCommand,
  report: reportCommand,
  check: checkCommand,
};

/** Runs the CLI with `argv` (without node and the script) and returns the exit status. */
export function main(argv: readonly string[], ctx: CliContext = { io: processIo() }): number {
  const [command, ...rest] = argv;
  if (command === undefined || command === '--help' || command === '-h' || command === 'help') {
    USAGE.forEach(l => (command === undefined ? ctx.io.stderr(l) : ctx.io.stdout(l)));
    return command === undefined ? EXIT.badInput : EXIT.ok;
  }
  const run = COMMANDS[command];
  if (!run) {
    ctx.io.stderr(`cdk8s-gateway: unknown command '${command}' (commands: ${Object.keys(COMMANDS).join(', ')})`);
    USAGE.forEach(l => ctx.io.stderr(l));
    return EXIT.badInput;
  }
  return run([...rest], ctx);
}

function importCommand(args: string[], ctx: CliContext): number {
  const { io } = ctx;
  const parsed = parseCommandArgs(args, {
    from: { type: 'string', default: 'auto' },
    to: { type: 'string' },
    out: { type: 'string', default: 'imported' },
    help: { type: 'boolean', short: 'h' },
  });
  if (parsed instanceof Error) {
    io.stderr(`cdk8s-gateway import: ${parsed.message}`);
    io.stderr(USAGE[3]);
    return EXIT.badInput;
  }
  const { values, positionals } = parsed;
  if (values.help) {
    USAGE.slice(2, 7).concat(['', USAGE.find(l => l.startsWith('Controllers:'))!]).forEach(l => io.stdout(l));
    return EXIT.ok;
  }
  if (positionals.length === 0) {
    io.stderr('cdk8s-gateway import: give at least one FILE or DIR');
    io.stderr(USAGE[3]);
    return EXIT.badInput;
  }
  let sources: ManifestSource[];
  try {
    sources = readSources(positionals, io);
  } catch (e) {
    io.stderr(`cdk8s-gateway import: ${(e as Error).message}`);
    return EXIT.badInput;
  }
  let run;
  try {
    run = runImport(sources, { from: values.from, to: values.to, registry: ctx.registry });
  } catch (e) {
    if (e instanceof ImportInputError || e instanceof ImportOptionError) {
      io.stderr(`cdk8s-gateway import: ${e.message}`);
      return EXIT.badInput;
    }
    throw e;
  }
  const out = path.resolve(io.cwd, values.out!);
  fs.mkdirSync(out, { recursive: true });
  const mainFile = path.join(out, 'main.ts');
  const report = path.join(out, 'MIGRATION.md');
  fs.writeFileSync(mainFile, run.code);
  fs.writeFileSync(report, run.report);
  const shown = (p: string) => path.relative(io.cwd, p) || p;
  io.stdout(run.summary);
  io.stdout(`Wrote ${shown(mainFile)} and ${shown(report)}.`);
  const unmapped = run.items.filter(i => i.reason !== undefined).length;
  if (run.exitCode !== EXIT.ok && (unmapped > 0 || run.refused.length > 0)) {
    io.stdout(`${unmapped} setting${unmapped === 1 ? '' : 's'} cannot move and ${run.to} refuses ${run.refused.length}: see ${shown(report)}.`);
  }
  return run.exitCode;
}

/** Files as given; directories searched recursively for *.yaml / *.yml (sorted); `-` is stdin. */
export function readSources(paths: readonly string[], io: CliIo): ManifestSource[] {
  const out: ManifestSource[] = [];
  for (const p of paths) {
    if (p === '-') {
      out.push({ file: '<stdin>', text: io.stdin ? io.stdin() : fs.readFileSync(0, 'utf8') });
      continue;
    }
    const abs = path.resolve(io.cwd, p);
    let stat;
    try {
      stat = fs.statSync(abs);
    } catch {
      throw new Error(`${p}: no such file or directory`);
    }
    if (stat.isDirectory()) {
      const files = yamlFiles(abs);
      if (files.length === 0) throw new Error(`${p}: no *.yaml or *.yml file in this directory`);
      for (const f of files) out.push({ file: path.relative(io.cwd, f) || f, text: fs.readFileSync(f, 'utf8') });
    } else {
      out.push({ file: p, text: fs.readFileSync(abs, 'utf8') });
    }
  }
  return out;
}

function yamlFiles(dir: string): string[] {
  const out: string[] = [];
  for (const entry of fs.readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) out.push(...yamlFiles(full));
    else if (/\.ya?ml$/.test(entry.name)) out.push(full);
  }
  return out;
}

function processIo(): CliIo {
  return {
    stdout: line => process.stdout.write(`${line}\n`),
    stderr: line => process.stderr.write(`${line}\n`),
    cwd: process.cwd(),
  };
}

function reportCommand(args: string[], ctx: CliContext): number {
  const { io } = ctx;
  const fail = (message: string) => {
    io.stderr(`cdk8s-gateway report: ${message}`);
    io.stderr(USAGE[7]);
    io.stderr(USAGE[9]);
    return EXIT.badInput;
  };
  const parsed = parseCommandArgs(args, {
    format: { type: 'string' },
    from: { type: 'string', default: 'auto' },
    diff: { type: 'boolean', default: false },
  });
  if (parsed instanceof Error) return fail(parsed.message);
  const { values, positionals } = parsed;
  const formats = values.diff ? ['md', 'json', 'text'] : ['md', 'json', 'mermaid'];
  const format = values.format ?? 'md';
  if (!formats.includes(format)) return fail(`--format ${format}: use one of ${formats.join(', ')}`);
  if (values.diff && positionals.length !== 2) return fail('--diff takes exactly two paths: OLD NEW');
  if (positionals.length === 0) return fail('give at least one FILE or DIR');
  try {
    const reportOf = (paths: string[]) => RouteReport._ofModel(modelOfSources(readSources(paths, io), { from: values.from }));
    if (values.diff) {
      const d = RouteReport.diff(reportOf([positionals[0]]), reportOf([positionals[1]]));
      const text = format === 'json' ? d.toJson() : format === 'text' ? `${d.toLines().join('\n')}\n` : d.toMarkdown();
      io.stdout(text.replace(/\n$/, ''));
      return EXIT.ok;
    }
    const report = reportOf(positionals);
    const text = format === 'json' ? report.toJson() : format === 'mermaid' ? report.toMermaid() : report.toMarkdown();
    io.stdout(text.replace(/\n$/, ''));
    return EXIT.ok;
  } catch (e) {
    if (e instanceof ImportInputError || e instanceof ImportOptionError || /no such file|no \*\.yaml/.test((e as Error).message)) return fail((e as Error).message);
    throw e;
  }
}
