import { parseArgs, ParseArgsConfig } from 'util';

type Options = NonNullable<ParseArgsConfig['options']>;
type Parsed<O extends Options> = ReturnType<typeof parseArgs<{ args: string[]; options: O; allowPositionals: true; strict: true }>>;

/**
 * A command's arguments, parsed strictly with positionals allowed (`util.parseArgs`), or the
 * parser's error (an unknown option, a missing value) for the command to report with its usage.
 */
export function parseCommandArgs<O extends Options>(args: string[], options: O): Parsed<O> | Error {
  try {
    return parseArgs({ args, options, allowPositionals: true, strict: true });
  } catch (e) {
    return e instanceof Error ? e : new Error(String(e));
  }
}
