import { show } from '../core/errors';
import { checkHeaderName, checkHeaderValue, checkLiteralPath, checkRegex } from '../core/validate';
import { HeaderMatchIR, MatchIR, PathIR, QueryParamMatchIR } from '../ir/model';

/**
 * How a request path is matched.
 *
 * Semantics are the same on every controller; where a controller's native matcher differs,
 * the renderer compensates (e.g. Traefik's character-wise `PathPrefix` is rendered element-wise).
 */
export class PathMatch {
  /**
   * The path must equal `path` exactly.
   * @example PathMatch.exact('/healthz')
   */
  public static exact(path: string): PathMatch {
    return new PathMatch('Exact', path);
  }

  /**
   * Element-wise prefix: `/v1` matches `/v1` and `/v1/users`, never `/v1beta`.
   * A trailing `/` is ignored (`/v1/` is the same prefix as `/v1`).
   * @example PathMatch.prefix('/v1')
   */
  public static prefix(path: string): PathMatch {
    const normalized = typeof path === 'string' && path.length > 1 && path.endsWith('/') ? path.replace(/\/+$/, '') || '/' : path;
    return new PathMatch('Prefix', normalized, path);
  }

  /**
   * A regular expression that must match the WHOLE path (it is anchored on every controller).
   * Use the RE2 subset (no look-around, no back-references); it must match from the leading '/'.
   * A leading `^` and trailing `$` are accepted and implied.
   * Note: ingress-nginx evaluates it case-insensitively.
   * @example PathMatch.regex('/users/[0-9]+')
   */
  public static regex(pattern: string): PathMatch {
    const stripped = typeof pattern === 'string' ? pattern.replace(/^\^/, '').replace(/(?<!\\)\$$/, '') : pattern;
    return new PathMatch('RegularExpression', stripped, pattern);
  }

  private constructor(
    /** @internal */ public readonly _kind: PathIR['kind'],
    /** @internal */ public readonly _value: string,
    private readonly original: string = _value,
  ) {}

  /** The path or pattern as written. */
  public get value(): string {
    return this.original;
  }

  /** @internal */
  public _problem(): string | undefined {
    return this._kind === 'RegularExpression' ? checkRegex(this._value, true) : checkLiteralPath(this.original);
  }

  /** @internal */
  public _toIR(): PathIR {
    return { kind: this._kind, value: this._value };
  }
}

/** A condition on one request header. Names compare case-insensitively. */
export class HeaderMatch {
  /**
   * The header must be present with exactly this value.
   * @example HeaderMatch.exact('x-env', 'staging')
   */
  public static exact(name: string, headerValue: string): HeaderMatch {
    return new HeaderMatch(name, 'Exact', headerValue);
  }

  /**
   * The header value must fully match this RE2 regular expression.
   * @example HeaderMatch.regex('user-agent', '.*Mobile.*')
   */
  public static regex(name: string, pattern: string): HeaderMatch {
    return new HeaderMatch(name, 'RegularExpression', pattern);
  }

  private constructor(
    /** The header name. */
    public readonly name: string,
    /** @internal */ public readonly _kind: 'Exact' | 'RegularExpression',
    /** The exact value, or the regular expression. */
    public readonly value: string,
  ) {}

  /** @internal */
  public _problem(): string | undefined {
    const nameProblem = checkHeaderName(this.name);
    if (nameProblem) return nameProblem;
    const valueProblem = this._kind === 'Exact' ? checkHeaderValue(this.value) : checkRegex(this.value, false);
    return valueProblem ? `header '${this.name}' value ${valueProblem}` : undefined;
  }

  /** @internal */
  public _toIR(): HeaderMatchIR {
    return { name: this.name.toLowerCase(), kind: this._kind, value: this.value };
  }
}

/** A condition on one query parameter (exact value). */
export class QueryParamMatch {
  /**
   * The query parameter must be present with exactly this value.
   * @example QueryParamMatch.exact('version', '2')
   */
  public static exact(name: string, paramValue: string): QueryParamMatch {
    return new QueryParamMatch(name, paramValue);
  }

  private constructor(
    /** The query parameter name. */
    public readonly name: string,
    /** The exact value. */
    public readonly value: string,
  ) {}

  /** @internal */
  public _problem(): string | undefined {
    const nameProblem = checkHeaderName(this.name);
    if (nameProblem) return nameProblem;
    const valueProblem = checkHeaderValue(this.value, 1024);
    return valueProblem ? `query parameter '${this.name}' value ${valueProblem}` : undefined;
  }

  /** @internal */
  public _toIR(): QueryParamMatchIR {
    return { name: this.name, value: this.value };
  }
}

/** HTTP methods a route can match. */
export enum HttpMethod {
  /** GET */
  GET = 'GET',
  /** HEAD */
  HEAD = 'HEAD',
  /** POST */
  POST = 'POST',
  /** PUT */
  PUT = 'PUT',
  /** DELETE */
  DELETE = 'DELETE',
  /** CONNECT */
  CONNECT = 'CONNECT',
  /** OPTIONS */
  OPTIONS = 'OPTIONS',
  /** TRACE */
  TRACE = 'TRACE',
  /** PATCH */
  PATCH = 'PATCH',
}

/** One way a request can match a route. All conditions must hold. */
export interface RouteMatch {
  /**
   * Path condition.
   * @default PathMatch.prefix('/')
   */
  readonly path?: PathMatch;

  /**
   * Header conditions (all must hold).
   * @default - no header condition
   */
  readonly headers?: HeaderMatch[];

  /**
   * Query parameter conditions (all must hold).
   * @default - no query parameter condition
   */
  readonly queryParams?: QueryParamMatch[];

  /**
   * Method condition.
   * @default - any method
   */
  readonly method?: HttpMethod;
}

const METHODS = new Set<string>(Object.values(HttpMethod));

/**
 * Validates one RouteMatch and returns its IR, or a problem naming the offending sub-prop.
 * @internal
 */
export function matchToIR(m: RouteMatch, at: string): { ir?: MatchIR; problem?: string } {
  if (m === null || typeof m !== 'object') return { problem: `${at}: must be a RouteMatch object` };
  const path = m.path ?? PathMatch.prefix('/');
  if (!(path instanceof PathMatch)) return { problem: `${at}.path: must be created with PathMatch.exact(), PathMatch.prefix() or PathMatch.regex()` };
  const pathProblem = path._problem();
  if (pathProblem) return { problem: `${at}.path: ${pathProblem}` };

  const headers = m.headers ?? [];
  if (!Array.isArray(headers)) return { problem: `${at}.headers: must be an array of HeaderMatch` };
  if (headers.length > 16) return { problem: `${at}.headers: at most 16 header conditions per match (got ${headers.length})` };
  const seen = new Set<string>();
  for (const [i, h] of headers.entries()) {
    if (!(h instanceof HeaderMatch)) return { problem: `${at}.headers[${i}]: must be created with HeaderMatch.exact() or HeaderMatch.regex()` };
    const p = h._problem();
    if (p) return { problem: `${at}.headers[${i}]: ${p}` };
    const key = h.name.toLowerCase();
    if (seen.has(key)) return { problem: `${at}.headers[${i}]: header '${h.name}' is matched twice (names are case-insensitive); combine the conditions` };
    seen.add(key);
  }

  const query = m.queryParams ?? [];
  if (!Array.isArray(query)) return { problem: `${at}.queryParams: must be an array of QueryParamMatch` };
  if (query.length > 16) return { problem: `${at}.queryParams: at most 16 query parameter conditions per match (got ${query.length})` };
  const seenQ = new Set<string>();
  for (const [i, q] of query.entries()) {
    if (!(q instanceof QueryParamMatch)) return { problem: `${at}.queryParams[${i}]: must be created with QueryParamMatch.exact()` };
    const p = q._problem();
    if (p) return { problem: `${at}.queryParams[${i}]: ${p}` };
    if (seenQ.has(q.name)) return { problem: `${at}.queryParams[${i}]: parameter '${q.name}' is matched twice` };
    seenQ.add(q.name);
  }

  if (m.method !== undefined && !METHODS.has(m.method)) {
    return { problem: `${at}.method: ${show(m.method)} is not an HttpMethod (${[...METHODS].join(', ')})` };
  }

  const byName = <T extends { name: string }>(a: T, b: T) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0);
  return {
    ir: {
      path: path._toIR(),
      headers: headers.map(h => h._toIR()).sort(byName),
      queryParams: query.map(q => q._toIR()).sort(byName),
      method: m.method,
    },
  };
}
