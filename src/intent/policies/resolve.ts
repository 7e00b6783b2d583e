import { BackendProtocol } from './backend-protocol';
import { BodySize } from './body-size';
import { ConcurrencyLimit } from './concurrency-limit';
import { Cors } from './cors';
import { EdgeAuth } from './edge-auth';
import { HeaderRules } from './header-rules';
import { IpAccess } from './ip-access';
import { RateLimit } from './rate-limit';
import { Redirect } from './redirect';
import { Retries } from './retries';
import { Rewrite } from './rewrite';
import { RoutePolicies } from './route-policies';
import { SessionAffinity } from './session-affinity';
import { Timeouts } from './timeouts';
import { fail, show } from '../../core/errors';
import { PoliciesIR } from '../../ir/policies';

type Convertible = { _toIR(source: string): unknown };

const KINDS: Array<[keyof RoutePolicies, new (...args: never[]) => Convertible, string]> = [
  ['rateLimit', RateLimit as never, 'RateLimit.perClientIp() / perHeader() / perConsumer()'],
  ['timeouts', Timeouts as never, 'Timeouts.of()'],
  ['bodySize', BodySize as never, 'BodySize.mebibytes() (or bytes / kibibytes / gibibytes)'],
  ['cors', Cors as never, 'Cors.allow()'],
  ['headerRules', HeaderRules as never, 'HeaderRules.of()'],
  ['ipAccess', IpAccess as never, 'IpAccess.allow() / deny()'],
  ['retries', Retries as never, 'Retries.of()'],
  ['sessionAffinity', SessionAffinity as never, 'SessionAffinity.cookie()'],
  ['auth', EdgeAuth as never, 'EdgeAuth.external() / jwt() / apiKey() / basic()'],
  ['concurrencyLimit', ConcurrencyLimit as never, 'ConcurrencyLimit.perClientIp() / perHost() / perRoute()'],
];

const IR_KEY: Record<string, keyof PoliciesIR> = { headerRules: 'headers' };

/**
 * The policies in force on a route: each of its own, else the gateway's default of that kind.
 * Checks that every value was made by its factory (a plain object would otherwise be dropped).
 */
export function resolvePolicies(
  construct: string,
  path: string,
  own: RoutePolicies & { redirect?: Redirect; rewrite?: Rewrite },
  defaults: PoliciesIR | undefined,
): PoliciesIR {
  if (defaults === undefined && !hasAny(own as Record<string, unknown>)) return NO_POLICIES;
  const out: Record<string, unknown> = { ...(defaults ?? {}) };
  for (const [key, type, factory] of KINDS) {
    const value = own[key];
    if (value === undefined) continue;
    if (!(value instanceof type)) fail(path, `${construct}.${key}: must be created with ${factory}`);
    out[IR_KEY[key] ?? key] = (value as Convertible)._toIR(path);
  }
  if (own.backendProtocol !== undefined) {
    if (!Object.values(BackendProtocol).includes(own.backendProtocol)) fail(path, `${construct}.backendProtocol: ${show(own.backendProtocol)} is not a BackendProtocol`);
    out.backendProtocol = { source: path, protocol: own.backendProtocol };
  }
  if (own.redirect !== undefined) {
    if (!(own.redirect instanceof Redirect)) fail(path, `${construct}.redirect: must be created with Redirect.to() or Redirect.toHttps()`);
    out.redirect = own.redirect._toIR(path);
  }
  if (own.rewrite !== undefined) {
    if (!(own.rewrite instanceof Rewrite)) fail(path, `${construct}.rewrite: must be created with Rewrite.replacePrefix(), replaceFullPath() or hostname()`);
    out.rewrite = own.rewrite._toIR(path);
  }
  const p = out as PoliciesIR;
  if (p.concurrencyLimit?.key === 'clientIp' && p.rateLimit?.concurrentConnections !== undefined) {
    fail(path, `${construct}.concurrencyLimit: ConcurrencyLimit.perClientIp() and rateLimit.concurrentConnections (${p.rateLimit.source === path ? 'this route' : `from ${p.rateLimit.source}`}) `
      + 'both limit the requests in progress per client address; keep one');
  }
  return p;
}

const NO_POLICIES: PoliciesIR = Object.freeze({});
const KEYS = [...KINDS.map(([key]) => key), 'backendProtocol', 'redirect', 'rewrite'] as const;

/** Most routes carry no policy: skip the per-kind checks for them (hot path at 10k routes). */
function hasAny(own: Record<string, unknown>): boolean {
  for (const key of KEYS) if (own[key] !== undefined) return true;
  return false;
}
