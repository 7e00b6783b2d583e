import * as fs from 'fs';
import * as path from 'path';
import { parseArgs } from 'util';
import { CONTROLLER_NAMES } from '../capabilities/features';
import { ImportOptionError, ReaderRegistry, runImport } from '../import/importer';
import { ImportInputError, ManifestSource } from '../import/load';

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
  '',
  `Controllers: ${CONTROLLERS}.`,
  'Exit status: 0 everything imported and the target accepts it; 2 bad input or usage;',
  '             3 imported, but some settings cannot move or the target refuses them (see MIGRATION.md).',
];

type Command = (args: string[], ctx: CliContext) => number;

const COMMANDS: { readonly [name: string]: Command } = {
  import: importCommand,
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
  let parsed;
  try {
    parsed = parseArgs({
      args,
      allowPositionals: true,
      strict: true,
      options: {
        from: { type: 'string', default: 'auto' },
        to: { type: 'string' },
        out: { type: 'string', default: 'imported' },
        help: { type: 'boolean', short: 'h' },
      },
    });
  } catch (e) {
    io.stderr(`cdk8s-gateway import: ${(e as Error).message}`);
    io.stderr(USAGE[3]);
    return EXIT.badInput;
  }
  const { values, positionals } = parsed;
  if (values.help) {
    USAGE.slice(2, 7).concat(['', USAGE[8]]).forEach(l => io.stdout(l));
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
