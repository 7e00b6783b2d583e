import { HeaderMatchIR, PathIR, QueryParamMatchIR } from '../../../ir/model';
import { COOKIE_HEADER, MATCHERS } from '../constants';

/**
 * Traefik v3 rule expressions (`Host(`a`) && (Path(`/v1`) || PathPrefix(`/v1/`))`) parsed into a
 * tree, then read as the intent's conditions: what features/rule.ts writes, and what hand-written
 * rules commonly say. Anything else is returned as a reason.
 */
export type RuleNode =
  | { readonly op: 'and' | 'or'; readonly args: readonly RuleNode[] }
  | { readonly op: 'not'; readonly arg: RuleNode }
  | { readonly op: 'call'; readonly name: string; readonly args: readonly string[] };

/** Parses a rule; throws an Error with the position on a syntax error. */
export function parseRule(rule: string): RuleNode {
  let i = 0;
  const ws = () => { while (i < rule.length && /\s/.test(rule[i])) i++; };
  const fail = (what: string): never => { throw new Error(`${what} at character ${i + 1}`); };
  const literal = (): string => {
    const q = rule[i];
    if (q === '`') {
      const end = rule.indexOf('`', i + 1);
      if (end < 0) fail('unterminated `');
      const v = rule.slice(i + 1, end);
      i = end + 1;
      return v;
    }
    if (q === '"' || q === '\'') {
      let v = '';
      for (i++; i < rule.length && rule[i] !== q; i++) {
        if (rule[i] === '\\' && i + 1 < rule.length) i++;
        v += rule[i];
      }
      if (rule[i] !== q) fail(`unterminated ${q}`);
      i++;
      return v;
    }
    return fail('expected a string');
  };
  const primary = (): RuleNode => {
    ws();
    if (rule[i] === '!') { i++; return { op: 'not', arg: primary() }; }
    if (rule[i] === '(') {
      i++;
      const e = or();
      ws();
      if (rule[i] !== ')') fail('expected )');
      i++;
      return e;
    }
    const m = /^[A-Za-z][A-Za-z0-9]*/.exec(rule.slice(i));
    if (!m) return fail('expected a matcher');
    i += m[0].length;
    ws();
    if (rule[i] !== '(') fail('expected (');
    i++;
    const args: string[] = [];
    ws();
    while (rule[i] !== ')') {
      args.push(literal());
      ws();
      if (rule[i] === ',') { i++; ws(); } else if (rule[i] !== ')') {fail('expected , or )');}
    }
    i++;
    return { op: 'call', name: m[0], args };
  };
  const chain = (op: 'and' | 'or', token: string, next: () => RuleNode) => (): RuleNode => {
    const args = [next()];
    for (;;) {
      ws();
      if (rule.startsWith(token, i)) { i += 2; args.push(next()); } else {break;}
    }
    return args.length === 1 ? args[0] : { op, args };
  };
  const and = chain('and', '&&', primary);
  const or = chain('or', '||', and);
  const e = or();
  ws();
  if (i < rule.length) fail('unexpected text');
  return e;
}

/** What a canary condition selects (features/rule.ts `canaryCondition`). */
export type CanaryCondition =
  | { readonly kind: 'header-present'; readonly name: string }
  | { readonly kind: 'cookie'; readonly name: string };

/** A rule read as the intent's conditions. */
export interface RuleRead {
  /** Empty: every host. */
  readonly hosts: string[];
  readonly path: PathIR;
  /** Whether the rule had a path condition (a rule of only `Host` is a TLS host's redirect router). */
  readonly hasPath: boolean;
  readonly method?: string;
  readonly headers: HeaderMatchIR[];
  readonly queryParams: QueryParamMatchIR[];
  /** `!ClientIP(c)` terms: an IP deny list. */
  readonly notClients: string[];
  /** `ClientIP(c)` (or several ORed): the deny router of a deny list. */
  readonly clients: string[];
  /** An unanchored HeaderRegexp a canary uses. */
  readonly canary?: CanaryCondition;
}

/** Reads a parsed rule; returns the reason when it is not one the intent can express. */
export function readRule(node: RuleNode): RuleRead | string {
  const terms = node.op === 'and' ? node.args : [node];
  const out = {
    hosts: [] as string[],
    headers: [] as HeaderMatchIR[],
    queryParams: [] as QueryParamMatchIR[],
    notClients: [] as string[],
    clients: [] as string[],
  };
  let path: PathIR | undefined;
  let method: string | undefined;
  let canary: CanaryCondition | undefined;
  let hostSeen = false;
  for (const t of terms) {
    const calls = t.op === 'or' && t.args.every(isCall) ? t.args as Call[] : isCall(t) ? [t] : undefined;
    if (calls && calls.every(c => c.name === MATCHERS.host || (c.name === MATCHERS.hostRegexp && c.args.length === 1 && anyDepthHostOf(c.args[0])))) {
      if (hostSeen) return 'two Host conditions ANDed';
      hostSeen = true;
      out.hosts.push(...calls.flatMap(c => (c.name === MATCHERS.host ? c.args.map(h => h.toLowerCase()) : [anyDepthHostOf(c.args[0])!])));
      continue;
    }
    if (calls && calls.every(c => c.name === MATCHERS.clientIp && c.args.length === 1)) {
      out.clients.push(...calls.map(c => c.args[0]));
      continue;
    }
    if (t.op === 'not' && isCall(t.arg) && t.arg.name === MATCHERS.clientIp && t.arg.args.length === 1) {
      out.notClients.push(t.arg.args[0]);
      continue;
    }
    const p = pathOf(t);
    if (p !== undefined) {
      if (typeof p === 'string') return p;
      if (path) return 'two path conditions ANDed';
      path = p;
      continue;
    }
    if (!isCall(t)) return `'${show(t)}': only Host alternatives, the Path / PathPrefix pair of a prefix, ClientIP alternatives and !ClientIP are read inside ORs and NOTs`;
    const [a, b] = t.args;
    switch (t.name) {
      case MATCHERS.method:
        if (method !== undefined || t.args.length !== 1) return 'one Method per rule';
        method = a.toUpperCase();
        break;
      case MATCHERS.header:
        if (t.args.length !== 2) return 'Header takes a name and a value';
        out.headers.push({ name: a.toLowerCase(), kind: 'Exact', value: b });
        break;
      case MATCHERS.headerRegexp: {
        if (t.args.length !== 2) return 'HeaderRegexp takes a name and a pattern';
        const whole = fullyAnchored(b);
        if (whole !== undefined) { out.headers.push({ name: a.toLowerCase(), kind: 'RegularExpression', value: whole }); break; }
        const c = canaryOf(a, b);
        if (!c || canary) return `HeaderRegexp(\`${a}\`, \`${b}\`) searches the value (unanchored); the intent's header regexes match the whole value`;
        canary = c;
        break;
      }
      case MATCHERS.query:
        if (t.args.length !== 2) return 'Query takes a name and a value';
        out.queryParams.push({ name: a, value: b });
        break;
      default:
        return `the ${t.name} matcher has no intent equivalent`;
    }
  }
  const byName = (x: { name: string }, y: { name: string }) => (x.name < y.name ? -1 : x.name > y.name ? 1 : 0);
  return {
    ...out,
    hosts: [...new Set(out.hosts)].sort(),
    headers: out.headers.sort(byName),
    queryParams: out.queryParams.sort(byName),
    path: path ?? { kind: 'Prefix', value: '/' },
    hasPath: path !== undefined,
    method,
    canary,
  };
}

type Call = Extract<RuleNode, { op: 'call' }>;

function isCall(n: RuleNode): n is Call {
  return n.op === 'call';
}

function show(n: RuleNode): string {
  if (n.op === 'call') return `${n.name}(${n.args.map(a => `\`${a}\``).join(', ')})`;
  if (n.op === 'not') return `!${show(n.arg)}`;
  return `(${n.args.map(show).join(n.op === 'and' ? ' && ' : ' || ')})`;
}

/** `^X$` -> X (a whole-value regex), else undefined. */
export function fullyAnchored(pattern: string): string | undefined {
  return pattern.startsWith('^') && pattern.endsWith('$') && !pattern.endsWith('\\$') && pattern.length >= 2 ? pattern.slice(1, -1) : undefined;
}

/** Go regexp QuoteMeta. */
export function quoteMeta(s: string): string {
  return s.replace(/[\\.+*?()|[\]{}^$]/g, '\\$&');
}

/**
 * A path condition: Path (Exact), `PathPrefix(`/`)`, the element-wise prefix pair
 * `(Path(`/v1`) || PathPrefix(`/v1/`))`, a lone PathPrefix (character-wise: a regex), PathRegexp
 * (an unanchored search: anchored unless it already is). Undefined: not a path condition.
 */
function pathOf(t: RuleNode): PathIR | string | undefined {
  if (t.op === 'or' && t.args.length === 2 && t.args.every(isCall)) {
    const [x, y] = t.args as Call[];
    if (x.name === MATCHERS.path && y.name === MATCHERS.pathPrefix && x.args.length === 1 && y.args.length === 1 && y.args[0] === `${x.args[0]}/`) {
      return { kind: 'Prefix', value: x.args[0] };
    }
    return undefined;
  }
  if (!isCall(t) || t.args.length !== 1) return undefined;
  const v = t.args[0];
  switch (t.name) {
    case MATCHERS.path: return { kind: 'Exact', value: v };
    case MATCHERS.pathPrefix: return v === '/' ? { kind: 'Prefix', value: '/' } : { kind: 'RegularExpression', value: `${quoteMeta(v)}.*` };
    case MATCHERS.pathRegexp: return { kind: 'RegularExpression', value: regexOfSearch(v) };
    default: return undefined;
  }
}

/** An unanchored Go regexp search as a whole-path regex. */
export function regexOfSearch(v: string): string {
  const whole = fullyAnchored(v);
  if (whole !== undefined) return whole;
  const start = v.startsWith('^');
  const end = v.endsWith('$') && !v.endsWith('\\$');
  const body = v.slice(start ? 1 : 0, end ? -1 : undefined);
  return `${start ? '' : '.*'}(?:${body})${end ? '' : '.*'}`;
}

/** The canary conditions of features/rule.ts. */
function canaryOf(name: string, pattern: string): CanaryCondition | undefined {
  if (pattern === '.*') return { kind: 'header-present', name: name.toLowerCase() };
  if (name.toLowerCase() === COOKIE_HEADER.toLowerCase()) {
    const m = /^\(\^\|;\\s\*\)(.+)=always\(;\|\$\)$/.exec(pattern);
    if (m) {
      const cookie = m[1].replace(/\\(.)/g, '$1');
      if (quoteMeta(cookie) === m[1]) return { kind: 'cookie', name: cookie };
    }
  }
  return undefined;
}

/**
 * The intent's any-depth wildcard `**.example.com` of the renderer's `HostRegexp` form
 * (`(?i)^.+\.example\.com$`, see `anyDepthHostRegexp`), or undefined for any other pattern.
 */
export function anyDepthHostOf(pattern: string): string | undefined {
  const m = /^\(\?i\)\^\.\+\\\.(.+)\$$/.exec(pattern);
  if (!m) return undefined;
  const suffix = m[1].replace(/\\\./g, '.');
  return /^[a-z0-9-]+(\.[a-z0-9-]+)+$/.test(suffix) && quoteMeta(suffix) === m[1] ? `**.${suffix}` : undefined;
}
