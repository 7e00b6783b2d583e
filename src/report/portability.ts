import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { cell } from './formats';
import { CONTROLLER_NAMES } from '../capabilities/controllers';

/** The environment variable `PortabilityCheck` sets to each controller's id when it runs an app. */
const CONTROLLER_ENV = 'EDGE_CONTROLLER';

/** Options for `PortabilityCheck.ofApp()`. */
export interface PortabilityCheckOptions {
  /**
   * Controller ids to try.
   * @default - all 8 columns
   */
  readonly controllers?: string[];

  /**
   * Seconds each run of the app may take.
   * @default 120
   */
  readonly timeoutSeconds?: number;
}

/** What one controller made of the app. */
export interface ControllerOutcome {
  /** The controller id. */
  readonly controller: string;
  /** Whether the app synthesized. */
  readonly ok: boolean;
  /** The standard refusal messages (`[path] feature (prop) is not supported by controller ...`). */
  readonly refusals: string[];
  /**
   * Other failure output (an app that failed for another reason), trimmed.
   * @default - none
   */
  readonly error?: string;
}

/**
 * Runs a cdk8s app once per controller and collects what each would refuse. The app picks its
 * controller with `Controller.fromName(process.env.EDGE_CONTROLLER ?? 'ingress-nginx')`; each run
 * synthesizes into a temporary directory (`CDK8S_OUTDIR`), so the app's own `dist` is untouched.
 * A `.ts` entry runs through ts-node (transpile only), a `.js` entry with node.
 *
 * @example PortabilityCheck.ofApp('main.ts').toMarkdown()
 */
export class PortabilityCheck {
  /** Runs the app at `entry` (a file path) for each controller. */
  public static ofApp(entry: string, options: PortabilityCheckOptions = {}): PortabilityCheck {
    if (typeof entry !== 'string' || entry.length === 0) throw new Error('PortabilityCheck.ofApp: entry must be the path of the app\'s entry file');
    const controllers = options.controllers ?? [...CONTROLLER_NAMES];
    if (!Array.isArray(controllers)) throw new Error('PortabilityCheck.ofApp: options.controllers must be a list of controller ids');
    for (const c of controllers) {
      if (!(CONTROLLER_NAMES as readonly string[]).includes(c)) throw new Error(`PortabilityCheck.ofApp: options.controllers: '${c}' is not a controller: use ${CONTROLLER_NAMES.join(', ')}`);
    }
    const abs = path.resolve(entry);
    if (!fs.existsSync(abs)) throw new Error(`PortabilityCheck.ofApp: ${entry}: no such file`);
    const timeout = (options.timeoutSeconds ?? 120) * 1000;
    return new PortabilityCheck(controllers.map(c => runOnce(abs, c, timeout)));
  }

  private constructor(
    /** One outcome per controller, in the order tried. */
    public readonly outcomes: ControllerOutcome[],
  ) {}

  /** Controllers that accept everything the app asks for. */
  public get portableTo(): string[] {
    return this.outcomes.filter(o => o.ok).map(o => o.controller);
  }

  /**
   * A Markdown matrix: one row per refused setting (`[construct path] feature (prop)`), one column
   * per controller ('refused' or 'ok'); then each controller's messages.
   */
  public toMarkdown(): string {
    const rows = new Map<string, Set<string>>();
    for (const o of this.outcomes) {
      for (const r of o.refusals) {
        const key = r.replace(/ is not supported by controller .*$/s, '');
        rows.set(key, (rows.get(key) ?? new Set()).add(o.controller));
      }
    }
    const names = this.outcomes.map(o => o.controller);
    const out = ['# Portability', '', `| Setting | ${names.join(' | ')} |`, `|---|${names.map(() => '---').join('|')}|`];
    const status = this.outcomes.map(o => (o.error ? 'error' : o.ok ? 'ok' : `${o.refusals.length} refused`));
    out.push(`| (synth) | ${status.join(' | ')} |`);
    for (const key of [...rows.keys()].sort()) {
      out.push(`| ${cell(key)} | ${names.map(n => (rows.get(key)!.has(n) ? 'refused' : 'ok')).join(' | ')} |`);
    }
    out.push('');
    for (const o of this.outcomes) {
      if (o.ok) continue;
      out.push(`## ${o.controller}`, '');
      for (const r of o.refusals) out.push(`- ${r}`);
      if (o.error) out.push('```', o.error, '```');
      out.push('');
    }
    return out.join('\n');
  }
}

const REFUSAL = /\[[^\]]*\] .* is not supported by controller '[^']+': .*/g;

function runOnce(entry: string, controller: string, timeout: number): ControllerOutcome {
  const outdir = fs.mkdtempSync(path.join(os.tmpdir(), 'cdk8s-gateway-check-'));
  try {
    const args = entry.endsWith('.ts') ? ['-r', require.resolve('ts-node/register/transpile-only', { paths: [path.dirname(entry), process.cwd()] }), entry] : [entry];
    const run = spawnSync(process.execPath, args, {
      cwd: path.dirname(entry),
      env: { ...process.env, [CONTROLLER_ENV]: controller, CDK8S_OUTDIR: outdir },
      encoding: 'utf8',
      timeout,
    });
    const output = `${run.stdout ?? ''}\n${run.stderr ?? ''}`;
    const refusals = [...new Set(output.match(REFUSAL) ?? [])].sort();
    const failed = run.status !== 0 || run.error !== undefined;
    const error = failed && refusals.length === 0 ? (run.error?.message ?? output.trim()).split('\n').slice(0, 20).join('\n') : undefined;
    return { controller, ok: !failed, refusals, ...(error !== undefined ? { error } : {}) };
  } finally {
    fs.rmSync(outdir, { recursive: true, force: true });
  }
}
