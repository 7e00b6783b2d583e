import { list, policyFail, record, sortedUnique } from './common';
import { show } from '../../core/errors';
import { checkHeaderName, checkHeaderValue } from '../../core/validate';
import { HeaderOpsIR, HeaderRulesIR } from '../../ir/policies';

/** Changes to the headers of a request or response. */
export interface HeaderOperations {
  /**
   * Headers to set, replacing any existing value.
   * @default - none
   */
  readonly set?: Record<string, string>;

  /**
   * Headers to add, keeping existing values (appended).
   * @default - none
   */
  readonly add?: Record<string, string>;

  /**
   * Headers to remove.
   * @default - none
   */
  readonly remove?: string[];
}

/** Options for `HeaderRules.of()`. */
export interface HeaderRulesOptions {
  /**
   * Changes to the request sent to the backend.
   * @default - none
   */
  readonly request?: HeaderOperations;

  /**
   * Changes to the response sent to the client.
   * @default - none
   */
  readonly response?: HeaderOperations;
}

/**
 * Request and response header changes. Names and values are validated (no CR/LF, RFC 7230
 * names), so no header can smuggle configuration into a proxy.
 * @example HeaderRules.of({ response: { set: { 'x-frame-options': 'DENY' }, remove: ['server'] } })
 */
export class HeaderRules {
  /** Set, add or remove request and response headers. */
  public static of(options: HeaderRulesOptions): HeaderRules {
    if (!options || (!options.request && !options.response)) policyFail('HeaderRules.of', 'set request or response operations');
    return new HeaderRules(ops('HeaderRules.request', options.request), ops('HeaderRules.response', options.response));
  }

  private constructor(private readonly request?: HeaderOpsIR, private readonly response?: HeaderOpsIR) {}

  /** @internal */
  public _toIR(source: string): HeaderRulesIR {
    return { source, request: this.request, response: this.response };
  }
}

function ops(field: string, o: HeaderOperations | undefined): HeaderOpsIR | undefined {
  if (o === undefined) return undefined;
  if (o === null || typeof o !== 'object' || Array.isArray(o)) policyFail(field, `must be an object with set, add and / or remove, got ${show(o)}`);
  const pairs = (kind: string, values: Record<string, string> | undefined) => Object.entries(record(`${field}.${kind}`, values)).map(([name, value]) => {
    const nameProblem = checkHeaderName(name);
    if (nameProblem) policyFail(`${field}.${kind}`, nameProblem);
    const valueProblem = checkHeaderValue(value);
    if (valueProblem) policyFail(`${field}.${kind}['${name}']`, valueProblem);
    return { name: name.toLowerCase(), value };
  }).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  const set = pairs('set', o.set);
  const add = pairs('add', o.add);
  const remove = list(`${field}.remove`, o.remove).map((name, i) => {
    const problem = checkHeaderName(name);
    if (problem) policyFail(`${field}.remove[${i}]`, problem);
    return name.toLowerCase();
  });
  const all = [...set.map(p => p.name), ...add.map(p => p.name), ...remove];
  const dup = all.find((n, i) => all.indexOf(n) !== i);
  if (dup) policyFail(field, `header '${dup}' appears in more than one operation (names are case-insensitive)`);
  if (all.length === 0) policyFail(field, 'set at least one of set, add, remove');
  if (set.length > 16 || add.length > 16 || remove.length > 16) policyFail(field, 'at most 16 headers per operation');
  return { set, add, remove: sortedUnique(remove) };
}
