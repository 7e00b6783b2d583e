import { HeaderMatchIR, HstsIR, MatchIR, PathIR, QueryParamMatchIR } from '../../../ir/model';
import { HttpRouteMatch } from '../api';
import { RegexStyle } from '../features/http-route';

const GEP_DURATION = /^([0-9]{1,5}(h|m|s|ms)){1,4}$/;
const UNIT_MS: Record<string, number> = { h: 3_600_000, m: 60_000, s: 1000, ms: 1 };

/** A GEP-2257 duration (`1h30m`, `500ms`) in milliseconds, or undefined when it is not one. */
export function parseGepDuration(text: unknown): number | undefined {
  if (typeof text !== 'string' || !GEP_DURATION.test(text)) return undefined;
  let ms = 0;
  for (const m of text.matchAll(/([0-9]+)(ms|h|m|s)/g)) ms += Number(m[1]) * UNIT_MS[m[2]];
  return ms;
}

/** `max-age=N[; includeSubDomains][; preload]` as HSTS, or undefined when it is another value. */
export function parseHsts(value: unknown): HstsIR | undefined {
  if (typeof value !== 'string') return undefined;
  const parts = value.split(';').map(p => p.trim()).filter(p => p.length > 0);
  const age = /^max-age=([0-9]+)$/i.exec(parts[0] ?? '');
  if (!age) return undefined;
  const rest = parts.slice(1).map(p => p.toLowerCase());
  const includeSubdomains = rest.includes('includesubdomains');
  const preload = rest.includes('preload');
  if (rest.length !== Number(includeSubdomains) + Number(preload)) return undefined;
  return { maxAgeSeconds: Number(age[1]), includeSubdomains, preload };
}

/** A literal prefix without its trailing slash ('/' stays), as the intent keeps it. */
function prefixValue(value: string): string {
  return value.length > 1 && value.endsWith('/') ? value.replace(/\/+$/, '') || '/' : value;
}

/** A regular expression without the anchors some implementations need (the intent matches whole values). */
export function unanchored(value: string, style: RegexStyle): string {
  if (style !== 'anchored') return value.replace(/^\^/, '').replace(/(?<!\\)\$$/, '');
  return value.startsWith('^') && value.endsWith('$') && !value.endsWith('\\$') ? value.slice(1, -1) : value;
}

export interface MatchReading {
  readonly match?: MatchIR;
  /** Parts of the match that cannot move: `field` relative to the match. */
  readonly problems: ReadonlyArray<{ readonly field: string; readonly reason: string; readonly value?: unknown }>;
}

const byName = <T extends { name: string }>(a: T, b: T) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0);

type Problems = Array<{ field: string; reason: string; value?: unknown }>;

/** Header matches (shared by HTTPRoute and GRPCRoute). */
export function headerMatches(headers: unknown, style: RegexStyle, problems: Problems): HeaderMatchIR[] {
  if (!Array.isArray(headers)) return [];
  const out: HeaderMatchIR[] = [];
  headers.forEach((h: any, i) => {
    const type = h?.type ?? 'Exact';
    if (typeof h?.name !== 'string' || typeof h?.value !== 'string') {
      problems.push({ field: `headers[${i}]`, reason: 'a header match needs a name and a value', value: h });
    } else if (type === 'Exact') {
      out.push({ name: h.name.toLowerCase(), kind: 'Exact', value: h.value });
    } else if (type === 'RegularExpression') {
      out.push({ name: h.name.toLowerCase(), kind: 'RegularExpression', value: unanchored(h.value, style) });
    } else {
      problems.push({ field: `headers[${i}].type`, reason: `'${type}' is not a header match type of Gateway API`, value: type });
    }
  });
  return out.sort(byName);
}

/** An HTTPRoute match as the IR's match (path defaults to PathPrefix '/'). */
export function httpMatch(m: HttpRouteMatch | undefined, style: RegexStyle): MatchReading {
  const problems: Array<{ field: string; reason: string; value?: unknown }> = [];
  const p: any = m?.path ?? {};
  const type = p.type ?? 'PathPrefix';
  const value: string = typeof p.value === 'string' ? p.value : '/';
  let path: PathIR | undefined;
  if (type === 'Exact') path = { kind: 'Exact', value };
  else if (type === 'PathPrefix') path = { kind: 'Prefix', value: prefixValue(value) };
  else if (type === 'RegularExpression') path = { kind: 'RegularExpression', value: unanchored(value, style) };
  else problems.push({ field: 'path.type', reason: `'${type}' is not a path match type of Gateway API`, value: type });
  const headers = headerMatches(m?.headers, style, problems);
  const queryParams: QueryParamMatchIR[] = [];
  ((m?.queryParams ?? []) as any[]).forEach((q, i) => {
    if ((q?.type ?? 'Exact') !== 'Exact') {
      problems.push({ field: `queryParams[${i}].type`, reason: 'the intent matches query parameters by exact value only', value: q?.type });
    } else if (typeof q?.name === 'string' && typeof q?.value === 'string') {
      queryParams.push({ name: q.name, value: q.value });
    }
  });
  queryParams.sort(byName);
  if (!path) return { problems };
  return { match: { path, headers, queryParams, ...(m?.method ? { method: m.method } : {}) }, problems };
}

/** A GRPCRoute match as a path match: `/service/method` (Exact), `/service` (Prefix), or '/'. */
export function grpcMatch(m: any, style: RegexStyle): MatchReading {
  const problems: Array<{ field: string; reason: string; value?: unknown }> = [];
  const method = m?.method;
  let path: PathIR = { kind: 'Prefix', value: '/' };
  if (method !== undefined) {
    if ((method.type ?? 'Exact') !== 'Exact') {
      problems.push({ field: 'method.type', reason: 'the intent matches gRPC services and methods by exact name only', value: method.type });
      return { problems };
    }
    if (method.service && method.method) {path = { kind: 'Exact', value: `/${method.service}/${method.method}` };} else if (method.service) {path = { kind: 'Prefix', value: `/${method.service}` };} else if (method.method) {
      problems.push({ field: 'method.method', reason: 'a method of any service cannot be written as a path match', value: method.method });
      return { problems };
    }
  }
  const headers = headerMatches(m?.headers, style, problems);
  return { match: { path, headers, queryParams: [] }, problems };
}
