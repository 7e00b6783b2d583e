import { IConstruct } from 'constructs';

/**
 * Builds the one error format every check in the library uses:
 * `[<construct path>] <Construct>.<prop>: <problem>. <fix>`.
 * Immediate throws carry the path themselves; `node.addValidation` messages do not,
 * because cdk8s prefixes them with `[path]` already.
 */
export function fieldError(construct: string, prop: string, problem: string, fix?: string): string {
  return `${construct}.${prop}: ${problem}${fix ? `. ${fix}` : ''}`;
}

/** Throws a user error for a single malformed value, naming the construct path. */
export function fail(scopePath: string, message: string): never {
  throw new Error(`[${scopePath}] ${message}`);
}

/** Path a construct will have once created: used before `super()` has run. */
export function pathOf(scope: IConstruct, id: string): string {
  return scope.node.path ? `${scope.node.path}/${id}` : id;
}

/** Thrown for states the capability matrix should make unreachable. */
export function internalError(message: string): never {
  throw new Error(`cdk8s-gateway internal error: ${message}. Please report this with the program that triggered it.`);
}
