import { IConstruct } from 'constructs';

/** Throws a user error for a single malformed value, naming the construct path. */
export function fail(scopePath: string, message: string): never {
  throw new Error(`[${scopePath}] ${message}`);
}

/**
 * Path a construct will have once created: used before `super()` has run. Also checks the id,
 * which becomes part of every message about the construct: a non-empty string without control
 * characters (`construct` names the class in the error).
 */
export function pathOf(scope: IConstruct, id: string, construct = 'Construct'): string {
  if (!scope || typeof scope !== 'object' || !scope.node) {
    throw new Error(`${construct}: scope must be a construct (a Chart, an ApiGateway...), got ${show(scope)}`);
  }
  if (typeof id !== 'string' || id.length === 0 || /[\x00-\x1f\x7f]/.test(id)) {
    fail(scope.node.path || '<root>', `${construct}: construct id ${show(id)} must be a non-empty string without control characters`);
  }
  const safe = id.includes('/') ? id.replace(/\//g, '--') : id; // as constructs sanitizes it
  const parent = parentPath(scope);
  return parent ? `${parent}/${safe}` : safe;
}

/** Construct paths of scopes that get children (constructs never move; it recomputes the path on every read). */
const PATHS = new WeakMap<IConstruct, string>();

function parentPath(scope: IConstruct): string {
  let path = PATHS.get(scope);
  if (path === undefined) {
    path = scope.node.path;
    PATHS.set(scope, path);
  }
  return path;
}

/**
 * Any value as text for an error message, without ever throwing (symbols, objects without a
 * prototype, bigints, functions); long text is cut.
 */
export function show(value: unknown): string {
  let text: string;
  try {
    text = typeof value === 'string' ? `'${value}'`
      : typeof value === 'function' ? `a function${value.name ? ` (${value.name})` : ''}`
        : Array.isArray(value) || (typeof value === 'object' && value !== null && [Object.prototype, null].includes(Object.getPrototypeOf(value))) ? JSON.stringify(value)
          : typeof value === 'object' && value !== null ? `a ${(value as object).constructor?.name ?? 'object'}`
            : String(value);
  } catch {
    text = Object.prototype.toString.call(value);
  }
  text = text.replace(/[\x00-\x1f\x7f]/g, c => (c === '\n' ? '\\n' : c === '\r' ? '\\r' : c === '\t' ? '\\t' : `\\x${c.charCodeAt(0).toString(16).padStart(2, '0')}`));
  return text.length > 120 ? `${text.slice(0, 117)}...` : text;
}

/** An options argument: `{}` when omitted or null, an error naming the factory when not an object. */
export function optionsOf<T extends object>(factory: string, options: T | undefined): T {
  if (options === undefined || options === null) return {} as T;
  if (typeof options !== 'object' || Array.isArray(options)) throw new Error(`${factory}: options must be an object, got ${show(options)}`);
  return options;
}

/**
 * Checks a list from a JavaScript or Python caller: an array without holes, `undefined` or `null`
 * elements (array methods skip holes, so a validator would never see them). Returns the problem,
 * starting with the field (`Route.hosts[1]: ...`), or undefined.
 */
export function listProblem(field: string, value: unknown, items: string): string | undefined {
  if (!Array.isArray(value)) return `${field}: must be an array of ${items}, got ${show(value)}`;
  for (let i = 0; i < value.length; i++) {
    if (!(i in value)) return `${field}[${i}]: is a hole in the array (a stray comma?); the array must hold ${items} only`;
    if (value[i] === undefined || value[i] === null) return `${field}[${i}]: is ${String(value[i])}; the array must hold ${items} only`;
  }
  return undefined;
}

/** Thrown for states the capability matrix should make unreachable. */
export function internalError(message: string): never {
  throw new Error(`cdk8s-gateway internal error: ${message}. Please report this with the program that triggered it.`);
}
