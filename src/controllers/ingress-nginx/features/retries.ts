import { Emitted, NginxFeature, emit, refuse } from './emitted';
import { GatewayIR, RouteIR } from '../../../ir/model';
import { RetryCondition } from '../../../ir/policies';
import { RenderProblem } from '../../renderer';

/** The status codes nginx's proxy_next_upstream can retry on. */
export const RETRY_STATUS_CODES: readonly number[] = [403, 404, 429, 500, 502, 503, 504];

/**
 * nginx `proxy_next_upstream` conditions per retry condition. nginx cannot tell a failed
 * connection from a reset: `error` covers errors while connecting, sending the request or
 * reading the response header, `timeout` the same steps timing out, so the two conditions
 * together render `error timeout`, and either one alone is refused. A 5xx other than
 * 500 / 502 / 503 / 504 cannot be retried (refused).
 */
const CONDITIONS: { readonly [c in RetryCondition]: readonly string[] } = {
  'connect-failure': ['error', 'timeout'],
  'reset': ['error', 'timeout'],
  'gateway-error': ['http_502', 'http_503', 'http_504'],
  '5xx': [],
};

/** Token order in the annotation: conditions first, then status codes ascending, then methods. */
const ORDER = ['error', 'timeout', ...RETRY_STATUS_CODES.map(c => `http_${c}`), 'non_idempotent'];

/**
 * `proxy-next-upstream` + `proxy-next-upstream-tries` (tries in total: attempts + 1) +
 * `proxy-next-upstream-timeout` (the retry window, whole seconds). nginx retries only before
 * anything was sent to the client, and re-sends a non-idempotent request (POST, PATCH, LOCK)
 * that reached a backend only with `non_idempotent` (Retries.nonIdempotent).
 */
export const RETRIES: NginxFeature = {
  annotations(route: RouteIR): Emitted[] {
    const r = route.policies.retries;
    if (!r) return [];
    const tokens = new Set<string>([
      ...r.conditions.flatMap(c => CONDITIONS[c]),
      ...r.statusCodes.filter(c => RETRY_STATUS_CODES.includes(c)).map(c => `http_${c}`),
      ...(r.nonIdempotent ? ['non_idempotent'] : []),
    ]);
    const out = [emit('proxyNextUpstreamTries', String(r.attempts + 1), 'retries', 'retries', r.source)];
    const value = ORDER.filter(t => tokens.has(t)).join(' ');
    if (value) out.push(emit('proxyNextUpstream', value, r.statusCodes.length > 0 ? 'retryStatusCodes' : 'retries', 'retries', r.source));
    if (r.windowMs !== undefined && r.windowMs % 1000 === 0) {
      out.push(emit('proxyNextUpstreamTimeout', String(r.windowMs / 1000), 'retryWindow', 'retries.window', r.source));
    }
    return out;
  },

  problems(route: RouteIR, gw: GatewayIR): RenderProblem[] {
    const r = route.policies.retries;
    if (!r) return [];
    const out: RenderProblem[] = [];
    const bad = r.statusCodes.filter(c => !RETRY_STATUS_CODES.includes(c));
    if (bad.length > 0) {
      out.push(refuse(gw, r.source, 'retryStatusCodes', 'retries.statusCodes',
        `proxy-next-upstream retries only on ${RETRY_STATUS_CODES.join(', ')} (${bad.join(', ')} given)`));
    }
    const connect = r.conditions.includes('connect-failure');
    if (connect !== r.conditions.includes('reset')) {
      out.push(refuse(gw, r.source, 'retries', 'retries.on',
        `nginx's 'error' and 'timeout' conditions retry failed connections and resets (or no answer) alike, so RetryOn.${connect ? 'CONNECT_FAILURE' : 'RESET'} cannot be retried alone; `
        + 'set on: [RetryOn.CONNECT_FAILURE, RetryOn.RESET], or retry on status codes only'));
    }
    if (r.windowMs !== undefined && r.windowMs % 1000 !== 0) {
      out.push(refuse(gw, r.source, 'retryWindow', 'retries.window', `proxy-next-upstream-timeout takes whole seconds (${r.windowMs} ms given)`));
    }
    if (r.conditions.includes('5xx')) {
      out.push(refuse(gw, r.source, 'retries', 'retries.on',
        'proxy-next-upstream cannot retry on every 5xx, only on 500, 502, 503 and 504; use RetryOn.GATEWAY_ERROR or statusCodes [500, 502, 503, 504]'));
    }
    return out;
  },
};
