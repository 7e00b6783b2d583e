import * as path from 'path';
import { parseCommandArgs } from './args';
import type { CliContext } from './index';
import { CONTROLLER_NAMES } from '../capabilities/controllers';
import { PortabilityCheck } from '../report/portability';

/** `cdk8s-gateway check [--controllers all|<list>] APP`: exit 0 when every controller accepts the app, 3 otherwise. */
export function checkCommand(args: string[], ctx: CliContext): number {
  const { io } = ctx;
  const usage = 'Usage: cdk8s-gateway check [--controllers all|<comma list>] APP (a .js or .ts entry that uses Controller.fromName(process.env.EDGE_CONTROLLER ?? ...))';
  const parsed = parseCommandArgs(args, { controllers: { type: 'string', default: 'all' } });
  if (parsed instanceof Error) {
    io.stderr(`cdk8s-gateway check: ${parsed.message}`);
    io.stderr(usage);
    return 2;
  }
  const { values, positionals } = parsed;
  if (positionals.length !== 1) {
    io.stderr('cdk8s-gateway check: give exactly one APP entry file');
    io.stderr(usage);
    return 2;
  }
  const controllers = values.controllers === 'all' ? [...CONTROLLER_NAMES] : values.controllers!.split(',').map(s => s.trim()).filter(s => s.length > 0);
  let check;
  try {
    check = PortabilityCheck.ofApp(path.resolve(io.cwd, positionals[0]), { controllers });
  } catch (e) {
    io.stderr(`cdk8s-gateway check: ${(e as Error).message}`);
    return 2;
  }
  io.stdout(check.toMarkdown().replace(/\n$/, ''));
  return check.portableTo.length === controllers.length ? 0 : 3;
}
