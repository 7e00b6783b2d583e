import { unsupportedMessage } from '../../../capabilities/check';
import { GatewayIR, MatchIR } from '../../../ir/model';
import { anchored, IngressPath } from '../../common/ingress';
import { RenderProblem } from '../../renderer';
import { ANNOTATIONS, EXACT_REGEX_PRIORITY, REGEX_PATH_PREFIX } from '../constants';

/** Exact and Prefix are native (KIC renders Prefix element-wise); regexes use Kong's `/~` form, anchored. */
export function kongPath(m: MatchIR): IngressPath {
  switch (m.path.kind) {
    case 'Exact': return { path: m.path.value, pathType: 'Exact' };
    case 'Prefix': return { path: m.path.value, pathType: 'Prefix' };
    case 'RegularExpression': return { path: `${REGEX_PATH_PREFIX}${anchored(m.path.value)}`, pathType: 'ImplementationSpecific' };
  }
}

/**
 * Header and method conditions, and the Exact-path priority, are Ingress-wide annotations:
 * matches differing in them need separate Ingresses.
 */
export function conditionAnnotations(m: MatchIR): Record<string, string> | undefined {
  const out: Record<string, string> = {};
  if (m.path.kind === 'Exact') out[ANNOTATIONS.regexPriority] = EXACT_REGEX_PRIORITY;
  for (const h of m.headers) out[`${ANNOTATIONS.headerPrefix}${h.name}`] = h.value;
  if (m.method) out[ANNOTATIONS.methods] = m.method;
  return Object.keys(out).length > 0 ? out : undefined;
}

export function conditionKey(m: MatchIR): string {
  return JSON.stringify(conditionAnnotations(m) ?? {});
}

/** An annotation key's name part: at most 63 characters of [-A-Za-z0-9_.], alphanumeric at both ends. */
const ANNOTATION_NAME = /^[A-Za-z0-9]([-A-Za-z0-9_.]*[A-Za-z0-9])?$/;

/**
 * Why a header condition cannot be a `konghq.com/headers.<name>: <value>` annotation, if it cannot:
 * the name must form an annotation key, and the value must read as one literal.
 */
export function headerAnnotationProblem(name: string, value: string): string | undefined {
  const namePart = `${ANNOTATIONS.headerPrefix}${name}`.slice(ANNOTATIONS.headerPrefix.indexOf('/') + 1);
  if (!ANNOTATION_NAME.test(namePart) || namePart.length > 63) {
    return `header '${name}' cannot form a valid konghq.com/headers.<name> annotation key (letters, digits, '-', '_' and '.', at most ${63 - 'headers.'.length} characters)`;
  }
  if (value.includes(',')) return `Kong splits header values at ',' into alternatives, so '${value}' would match differently`;
  if (value.startsWith('~*')) return `Kong reads a value starting with '~*' as a regex ('${value}' given)`;
  return undefined;
}

export function headerProblems(ir: GatewayIR): RenderProblem[] {
  const problems: RenderProblem[] = [];
  for (const route of ir.routes) {
    route.matches.forEach((m, i) => {
      m.headers.forEach((h, j) => {
        const prop = `${route.matches.length > 1 ? `matches[${i}]` : 'match'}.headers[${j}]`;
        const reason = headerAnnotationProblem(h.name, h.value);
        if (reason) problems.push({ source: route.source, message: unsupportedMessage('kong', 'headerMatch', prop, reason) });
      });
    });
  }
  return problems;
}
