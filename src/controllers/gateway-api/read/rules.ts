import { ItemLog } from './items';
import { grpcMatch, httpMatch, parseGepDuration, parseHsts } from './values';
import { BackendHeadersIR, BackendIR, CATCH_ALL_MATCH, DirectResponseIR, HstsIR, MatchIR } from '../../../ir/model';
import { CorsIR, HeaderOpsIR, PathModifierIR, PoliciesIR, RedirectIR, RetriesIR, RetryCondition } from '../../../ir/policies';
import { KubeObject } from '../../reader';
import { HSTS_HEADER } from '../features/header-modifiers';
import { RegexStyle } from '../features/http-route';
import type { FilterReading } from '../read-extension';

type Mutable<T> = { -readonly [k in keyof T]: T[k] };

/** One rule of an HTTPRoute / GRPCRoute, read. */
export interface RuleRead {
  readonly index: number;
  /** Never empty (no matches: every request). */
  readonly matches: MatchIR[];
  readonly backends: BackendIR[];
  /** Some backendRef names an explicit weight (weighted canaries do). */
  readonly weighted: boolean;
  /** The standard (and ExtensionRef) policies, with `source` set to the route object. */
  readonly policies: PoliciesIR;
  /** The HSTS header set by the response header filter (the TLS host's setting). */
  readonly hsts?: HstsIR;
  readonly mirror?: { readonly backend: BackendIR; readonly percent: number };
  /** Every RequestMirror of the rule, in order (`mirror` is the first). */
  readonly mirrors: ReadonlyArray<{ readonly backend: BackendIR; readonly percent: number }>;
  /** The rule only redirects, changing only the scheme (`Redirect.toHttps()`). */
  readonly schemeRedirect?: 'http' | 'https';
  /** `rules[].name`. */
  readonly name?: string;
  /** The rule answers itself (an implementation's filter, or no backendRefs and no filter: 500). */
  readonly directResponse?: DirectResponseIR;
}

export interface RuleContext {
  readonly log: ItemLog;
  readonly regex: RegexStyle;
  readonly source: string;
  /** A backendRef as a backend (undefined: refused, with its item written). */
  backend(ref: any, field: string): BackendIR | undefined;
  /** An ExtensionRef filter, read by the implementation's extension. */
  extensionFilter(filter: any): FilterReading | undefined;
  /** The appProtocol of the backend's Service port, when the Service is among the objects read. */
  appProtocol?(backend: BackendIR): string | undefined;
}

/** Service port appProtocols the renderers write (features/app-protocol.ts), as backend protocols. */
export const APP_PROTOCOLS: Readonly<Record<string, 'H2C' | 'WEBSOCKET'>> = { 'kubernetes.io/h2c': 'H2C', 'kubernetes.io/ws': 'WEBSOCKET' };

const RULE_FIELDS = ['name', 'matches', 'filters', 'backendRefs', 'timeouts', 'retry', 'sessionPersistence'];

/** Reads one rule; every field gets an item. */
export function readRule(object: KubeObject, kind: 'HTTPRoute' | 'GRPCRoute', rule: any, index: number, c: RuleContext): RuleRead {
  const log = c.log;
  const at = `spec.rules[${index}]`;
  log.unknownKeys(object, at, rule, RULE_FIELDS);
  const name = typeof rule?.name === 'string' ? rule.name as string : undefined;
  if (rule?.name !== undefined) log.mapped(object, `${at}.name`, 'Route.ruleName (rules named <name>, <name>-2, ... are one route\'s)', rule.name);

  const matches: MatchIR[] = [];
  const rawMatches: any[] = Array.isArray(rule?.matches) && rule.matches.length > 0 ? rule.matches : [undefined];
  rawMatches.forEach((m, j) => {
    const r = kind === 'GRPCRoute' ? grpcMatch(m, c.regex) : httpMatch(m, c.regex);
    for (const p of r.problems) log.unmapped(object, `${at}.matches[${j}].${p.field}`, p.reason, p.value);
    if (r.match && r.problems.length === 0) {
      matches.push(r.match);
      if (m !== undefined) log.mapped(object, `${at}.matches[${j}]`, kind === 'GRPCRoute' ? 'Route.matches (gRPC service / method as a path)' : 'Route.matches', m);
    }
  });
  if (rule?.matches === undefined || (Array.isArray(rule.matches) && rule.matches.length === 0)) {
    if (matches.length === 0) matches.push(CATCH_ALL_MATCH);
  }

  const backends: BackendIR[] = [];
  let weighted = false;
  ((rule?.backendRefs ?? []) as any[]).forEach((ref, j) => {
    const field = `${at}.backendRefs[${j}]`;
    log.unknownKeys(object, field, ref, ['group', 'kind', 'name', 'namespace', 'port', 'weight', 'filters']);
    const b = c.backend(ref, field);
    if (!b) return;
    if (ref.weight !== undefined) weighted = true;
    const headers = backendHeaders(object, field, ref.filters, log);
    backends.push({ ...b, weight: typeof ref.weight === 'number' ? ref.weight : 1, ...(headers ? { headers } : {}) });
  });

  const policies: Mutable<PoliciesIR> = {};
  // Every backend's Service port says h2c (or ws): the route's backend protocol, read on the
  // Services, which the intent then holds by name and ports (Backend.fromServicePorts).
  const protocols = backends.map(b => APP_PROTOCOLS[c.appProtocol?.(b) ?? '']);
  if (kind === 'HTTPRoute' && protocols.length > 0 && protocols[0] !== undefined && protocols.every(p => p === protocols[0])) {
    policies.backendProtocol = { source: c.source, protocol: protocols[0] };
    backends.forEach((b, i) => { backends[i] = { ...b, serviceKnown: true }; });
  }
  let hsts: HstsIR | undefined;
  let mirror: RuleRead['mirror'];
  const mirrors: Array<NonNullable<RuleRead['mirror']>> = [];
  const source = c.source;
  let directResponse: DirectResponseIR | undefined;
  ((rule?.filters ?? []) as any[]).forEach((f, j) => {
    const field = `${at}.filters[${j}]`;
    switch (f?.type) {
      case 'RequestHeaderModifier': {
        const ops = headerOps(f.requestHeaderModifier);
        policies.headers = { ...policies.headers, source, request: ops };
        log.mapped(object, field, 'Route.headerRules.request', f.requestHeaderModifier);
        break;
      }
      case 'ResponseHeaderModifier': {
        const mod = f.responseHeaderModifier ?? {};
        const hstsEntry = ((mod.set ?? []) as any[]).find(h => typeof h?.name === 'string' && h.name.toLowerCase() === HSTS_HEADER.toLowerCase());
        const parsed = hstsEntry ? parseHsts(hstsEntry.value) : undefined;
        if (parsed) {
          hsts = parsed;
          log.mapped(object, `${field}.responseHeaderModifier.set[${HSTS_HEADER}]`, 'TlsHost.hsts', hstsEntry.value);
        }
        const rest = { ...mod, set: parsed ? (mod.set as any[]).filter(h => h !== hstsEntry) : mod.set };
        const ops = headerOps(rest);
        if (ops.set.length + ops.add.length + ops.remove.length > 0) {
          policies.headers = { ...policies.headers, source, response: ops };
          log.mapped(object, field, 'Route.headerRules.response', rest);
        }
        break;
      }
      case 'RequestRedirect': {
        const r = redirect(f.requestRedirect ?? {}, source);
        log.unknownKeys(object, `${field}.requestRedirect`, f.requestRedirect, ['scheme', 'hostname', 'port', 'path', 'statusCode']);
        if (typeof r === 'string') { log.unmapped(object, field, r, f.requestRedirect); break; }
        policies.redirect = r;
        log.mapped(object, field, 'Route.redirect', f.requestRedirect);
        break;
      }
      case 'URLRewrite': {
        const w = f.urlRewrite ?? {};
        log.unknownKeys(object, `${field}.urlRewrite`, w, ['hostname', 'path']);
        const path = pathModifier(w.path);
        if (typeof path === 'string') { log.unmapped(object, field, path, w); break; }
        policies.rewrite = { source, ...(path ? { path } : {}), ...(w.hostname ? { host: w.hostname } : {}) };
        log.mapped(object, field, 'Route.rewrite', w);
        break;
      }
      case 'CORS': {
        const cors = corsPolicy(f.cors ?? {}, source);
        log.unknownKeys(object, `${field}.cors`, f.cors, ['allowOrigins', 'allowMethods', 'allowHeaders', 'exposeHeaders', 'allowCredentials', 'maxAge']);
        // '*' alone (any method / header) is the intent's '*', which it allows without credentials only.
        const wild = (['allowMethods', 'allowHeaders', 'exposeHeaders'] as const)
          .find(k => Array.isArray(f.cors?.[k]) && f.cors[k].includes('*') && (f.cors[k].length > 1 || f.cors.allowCredentials === true));
        if (wild) { log.unmapped(object, `${field}.cors.${wild}`, 'the intent allows \'*\' alone and without credentials (browsers read it literally on credentialed requests)', f.cors[wild]); break; }
        policies.cors = cors;
        log.mapped(object, field, 'Route.cors', f.cors);
        break;
      }
      case 'RequestMirror': {
        const m = f.requestMirror ?? {};
        log.unknownKeys(object, `${field}.requestMirror`, m, ['backendRef', 'percent', 'fraction']);
        const b = c.backend(m.backendRef, `${field}.requestMirror.backendRef`);
        let percent = typeof m.percent === 'number' ? m.percent : 100;
        if (m.fraction !== undefined) {
          const { numerator, denominator = 100 } = m.fraction;
          const p = (numerator * 100) / denominator;
          if (!Number.isInteger(p)) { log.unmapped(object, `${field}.requestMirror.fraction`, 'the intent mirrors a whole percentage of the requests', m.fraction); break; }
          percent = p;
        }
        if (b) {
          mirror = mirror ?? { backend: b, percent };
          mirrors.push({ backend: b, percent });
          log.mapped(object, field, 'Route.mirrors or CanarySplit.mirror (TrafficMirror)', m);
        }
        break;
      }
      case 'ExtensionRef': {
        const r = c.extensionFilter(f.extensionRef ?? {});
        if (!r) {
          log.unmapped(object, field, 'an implementation-specific filter this controller\'s reader does not know', f.extensionRef);
        } else if ('reason' in r) {
          log.unmapped(object, field, r.reason, f.extensionRef);
        } else {
          const headers = policies.headers && r.policies.headers ? { ...policies.headers, ...r.policies.headers } : undefined;
          Object.assign(policies, r.policies, headers ? { headers } : {});
          if (r.hsts) hsts = r.hsts;
          if (r.directResponse) directResponse = r.directResponse;
          log.mapped(object, field, r.to, f.extensionRef);
        }
        break;
      }
      default:
        log.unmapped(object, field, `a '${f?.type}' filter has no intent meaning`, f);
    }
  });

  const t = rule?.timeouts;
  if (t !== undefined) {
    log.unknownKeys(object, `${at}.timeouts`, t, ['request', 'backendRequest']);
    // "0s" turns a timeout off: Timeouts.of({ request: Duration.seconds(0) }) says the same.
    const requestMs = parseGepDuration(t.request);
    const backendRequestMs = parseGepDuration(t.backendRequest);
    if (t.request !== undefined && parseGepDuration(t.request) === undefined) log.unmapped(object, `${at}.timeouts.request`, 'not a Gateway API duration', t.request);
    if (t.backendRequest !== undefined && parseGepDuration(t.backendRequest) === undefined) log.unmapped(object, `${at}.timeouts.backendRequest`, 'not a Gateway API duration', t.backendRequest);
    if (requestMs !== undefined || backendRequestMs !== undefined) {
      policies.timeouts = {
        ...policies.timeouts,
        source,
        ...(requestMs !== undefined ? { requestMs } : {}),
        ...(backendRequestMs !== undefined ? { backendRequestMs } : {}),
      };
      log.mapped(object, `${at}.timeouts`, 'Route.timeouts (request, backendRequest)', t);
    }
  }
  const retry = rule?.retry;
  if (retry !== undefined) {
    log.unknownKeys(object, `${at}.retry`, retry, ['attempts', 'codes', 'backoff']);
    policies.retries = retries(retry, source);
    log.mapped(object, `${at}.retry`, 'Route.retries', retry);
  }
  const sp = rule?.sessionPersistence;
  if (sp !== undefined) {
    log.unknownKeys(object, `${at}.sessionPersistence`, sp, ['sessionName', 'type', 'absoluteTimeout', 'cookieConfig']);
    const ttl = sp.absoluteTimeout !== undefined ? parseGepDuration(sp.absoluteTimeout) : undefined;
    if ((sp.type ?? 'Cookie') !== 'Cookie' || typeof sp.sessionName !== 'string') {
      log.unmapped(object, `${at}.sessionPersistence`, 'the intent keeps sessions with a named cookie only', sp);
    } else if (sp.absoluteTimeout !== undefined && (ttl === undefined || ttl % 1000 !== 0)) {
      log.unmapped(object, `${at}.sessionPersistence.absoluteTimeout`, 'the intent sets a cookie lifetime in whole seconds', sp.absoluteTimeout);
    } else {
      // GEP-1619: implementations set Secure, HttpOnly and SameSite=Strict.
      policies.sessionAffinity = {
        source,
        cookieName: sp.sessionName,
        secure: true,
        httpOnly: true,
        sameSite: 'Strict',
        ...(ttl !== undefined && sp.cookieConfig?.lifetimeType === 'Permanent' ? { ttlSeconds: ttl / 1000 } : {}),
      };
      log.mapped(object, `${at}.sessionPersistence`, 'Route.sessionAffinity (SessionAffinity.cookie)', sp);
    }
  }
  if (kind === 'GRPCRoute' && backends.length > 0) policies.backendProtocol = { source, protocol: 'GRPC' };

  // A rule that names no backend and has no filter answers 500 (Gateway API conformance:
  // HTTPRouteNoBackendRefs): the intent's DirectResponse.fixed({ statusCode: 500 }). One whose
  // every backend is refused answers 500 too, but that is not what its author meant.
  const refs = (rule?.backendRefs ?? []) as unknown[];
  const filters = (rule?.filters ?? []) as unknown[];
  if (kind === 'HTTPRoute' && refs.length === 0 && filters.length === 0 && Object.keys(policies).length === 0 && backends.length === 0) {
    directResponse = { statusCode: 500 };
    log.mapped(object, `${at}`, 'Route.respond (DirectResponse.fixed({ statusCode: 500 }): a rule without backends answers 500)', rule?.matches);
  }
  if (directResponse && (backends.length > 0 || policies.redirect || Object.keys(policies).length > 0 || mirrors.length > 0)) {
    log.unmapped(object, `${at}`, 'a rule that answers itself and also forwards, redirects or carries policies: the intent\'s responding route has none of them', rule?.matches);
    directResponse = undefined;
    matches.length = 0;
  }
  const served = backends.length > 0 || policies.redirect !== undefined || directResponse !== undefined;
  if (!served && matches.length > 0) {
    log.unmapped(object, `${at}`, refs.length > 0 ? 'none of its backends can be used, so the gateway answers its requests with 500' : 'a rule with neither backends nor a redirect answers 500', rule?.matches);
    matches.length = 0;
  }
  const r = policies.redirect;
  const schemeRedirect = r && r.scheme && !r.host && r.port === undefined && !r.path && backends.length === 0 ? r.scheme : undefined;
  return { index, matches, backends, weighted, policies, hsts, mirror, mirrors, schemeRedirect, name, ...(directResponse ? { directResponse } : {}) };
}

/** A backendRef's header modifier filters as the backend's own header rules; other filters are unmapped. */
function backendHeaders(object: KubeObject, field: string, filters: unknown, log: ItemLog): BackendHeadersIR | undefined {
  if (filters === undefined) return undefined;
  let headers: Mutable<BackendHeadersIR> | undefined;
  ((Array.isArray(filters) ? filters : [filters]) as any[]).forEach((f, k) => {
    const at = `${field}.filters[${k}]`;
    const side = f?.type === 'RequestHeaderModifier' ? 'request' : f?.type === 'ResponseHeaderModifier' ? 'response' : undefined;
    if (!side) {
      log.unmapped(object, at, `a '${f?.type}' filter on one backend has no intent meaning (a backend takes header rules only)`, f);
      return;
    }
    const modifier = f[`${side}HeaderModifier`];
    log.unknownKeys(object, `${at}.${side}HeaderModifier`, modifier, ['set', 'add', 'remove']);
    const ops = headerOps(modifier);
    if (ops.set.length + ops.add.length + ops.remove.length === 0) return;
    headers = { ...headers, [side]: ops };
    log.mapped(object, at, `Backend headers (HeaderRules.${side})`, modifier);
  });
  return headers;
}

function headerOps(m: any): HeaderOpsIR {
  const pairs = (xs: unknown) => ((Array.isArray(xs) ? xs : []) as any[])
    .filter(h => typeof h?.name === 'string' && typeof h?.value === 'string')
    .map(h => ({ name: h.name.toLowerCase(), value: h.value as string }))
    .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  const remove = ((Array.isArray(m?.remove) ? m.remove : []) as unknown[]).filter((x): x is string => typeof x === 'string').map(x => x.toLowerCase());
  return { set: pairs(m?.set), add: pairs(m?.add), remove: [...new Set(remove)].sort() };
}

function pathModifier(p: any): PathModifierIR | undefined | string {
  if (p === undefined) return undefined;
  if (p.type === 'ReplaceFullPath' && typeof p.replaceFullPath === 'string') return { kind: 'full', value: p.replaceFullPath };
  if (p.type === 'ReplacePrefixMatch' && typeof p.replacePrefixMatch === 'string') return { kind: 'prefix', value: p.replacePrefixMatch };
  return `a '${p.type}' path modifier has no intent meaning`;
}

const STATUS = [301, 302, 303, 307, 308];

function redirect(r: any, source: string): RedirectIR | string {
  const path = pathModifier(r.path);
  if (typeof path === 'string') return path;
  const statusCode = r.statusCode ?? 302;
  if (!STATUS.includes(statusCode)) return `the intent redirects with 301, 302, 303, 307 or 308, not ${statusCode}`;
  if (r.scheme !== undefined && r.scheme !== 'http' && r.scheme !== 'https') return `the intent redirects to http or https, not '${r.scheme}'`;
  return {
    source,
    ...(r.scheme ? { scheme: r.scheme } : {}),
    ...(r.hostname ? { host: r.hostname } : {}),
    ...(r.port !== undefined ? { port: r.port } : {}),
    ...(path ? { path } : {}),
    statusCode,
  };
}

function corsPolicy(c: any, source: string): CorsIR {
  const list = (xs: unknown) => [...new Set(((Array.isArray(xs) ? xs : []) as unknown[]).filter((x): x is string => typeof x === 'string'))].sort();
  return {
    source,
    // The filter's `*.` is greedy to the left: the intent's `**.` (one or more labels).
    origins: list(list(c.allowOrigins).map(o => o.replace('://*.', '://**.'))),
    methods: list(((c.allowMethods ?? []) as string[]).map(m => (typeof m === 'string' ? m.toUpperCase() : m))),
    headers: list(c.allowHeaders),
    exposeHeaders: list(c.exposeHeaders),
    credentials: c.allowCredentials === true,
    ...(typeof c.maxAge === 'number' ? { maxAgeSeconds: c.maxAge } : {}),
  };
}

/**
 * `retry`: Gateway API implementations retry a failed connection whenever a retry stanza is set
 * (the request never reached the backend), and the listed status codes.
 */
function retries(r: any, source: string): RetriesIR {
  const codes = [...new Set(((r.codes ?? []) as unknown[]).filter((x): x is number => typeof x === 'number'))].sort((a, b) => a - b);
  const conditions: RetryCondition[] = ['connect-failure'];
  const backoffMs = r.backoff !== undefined ? parseGepDuration(r.backoff) : undefined;
  return { source, attempts: typeof r.attempts === 'number' ? r.attempts : 1, statusCodes: codes, conditions, ...(backoffMs ? { backoffMs } : {}) };
}
