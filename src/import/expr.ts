/**
 * The expressions of an import plan: a tiny, data-only subset of TypeScript (literals, calls of
 * public static factories, object and array literals, enum members, references to constructs
 * declared earlier, the target controller). The code generator prints them; `buildApp`
 * evaluates them against the real classes, so a test can re-render an import without
 * compiling the generated code.
 */
export type Expr =
  | { readonly kind: 'literal'; readonly value: string | number | boolean }
  /** `Class.factory(args)`, e.g. `PathMatch.prefix('/v1')`, `Duration.seconds(5)`. */
  | { readonly kind: 'call'; readonly callee: string; readonly args: readonly Expr[] }
  /** Properties in the order written; undefined-valued ones are left out when built. */
  | { readonly kind: 'object'; readonly props: ReadonlyArray<readonly [string, Expr]> }
  | { readonly kind: 'array'; readonly items: readonly Expr[] }
  /** `Enum.MEMBER`. */
  | { readonly kind: 'enum'; readonly type: string; readonly member: string }
  /** A construct declared by an earlier statement (`const <name> = ...`). */
  | { readonly kind: 'ref'; readonly name: string }
  /** The controller the app is built for. */
  | { readonly kind: 'controller' };

export const lit = (value: string | number | boolean): Expr => ({ kind: 'literal', value });
export const call = (callee: string, ...args: Expr[]): Expr => ({ kind: 'call', callee, args });
export const arr = (items: readonly Expr[]): Expr => ({ kind: 'array', items });
export const enumOf = (type: string, member: string): Expr => ({ kind: 'enum', type, member });
export const ref = (name: string): Expr => ({ kind: 'ref', name });
export const CONTROLLER: Expr = { kind: 'controller' };

/** An object literal from (key, value) pairs; pairs whose value is undefined are dropped. */
export function obj(props: ReadonlyArray<readonly [string, Expr | undefined]>): Expr {
  return { kind: 'object', props: props.filter((p): p is readonly [string, Expr] => p[1] !== undefined) };
}

/** Whether an object expression has no property (so a trailing options argument can go). */
export function isEmptyObject(e: Expr): boolean {
  return e.kind === 'object' && e.props.length === 0;
}

/** `callee(...args)` with a trailing options object left out when empty. */
export function callWithOptions(callee: string, args: readonly Expr[], options: Expr): Expr {
  return call(callee, ...args, ...(isEmptyObject(options) ? [] : [options]));
}

/** A cdk8s Duration in the largest unit that keeps it whole. */
export function duration(ms: number): Expr {
  if (ms % 86_400_000 === 0 && ms >= 86_400_000) return call('Duration.days', lit(ms / 86_400_000));
  if (ms % 3_600_000 === 0 && ms >= 3_600_000) return call('Duration.hours', lit(ms / 3_600_000));
  if (ms % 60_000 === 0 && ms >= 60_000) return call('Duration.minutes', lit(ms / 60_000));
  if (ms % 1000 === 0) return call('Duration.seconds', lit(ms / 1000));
  return call('Duration.millis', lit(ms));
}

/** Every class name an expression calls or an enum it names (for the import line). */
export function namesUsed(e: Expr, out: Set<string>): void {
  switch (e.kind) {
    case 'call': out.add(e.callee.split('.')[0]); e.args.forEach(a => namesUsed(a, out)); break;
    case 'object': e.props.forEach(([, v]) => namesUsed(v, out)); break;
    case 'array': e.items.forEach(i => namesUsed(i, out)); break;
    case 'enum': out.add(e.type); break;
    default: break;
  }
}
