import { IngressSource } from './source';
import { CANARY_COOKIE_VALUE, CanaryTrafficIR } from '../../../ir/model';
import { ANY_VALUE_PATTERN } from '../annotations';

const CANARY_KEYS = ['canary-weight', 'canary-weight-total', 'canary-by-header', 'canary-by-header-value', 'canary-by-header-pattern', 'canary-by-cookie'];

/**
 * The traffic rule of a canary Ingress. ingress-nginx decides per request: header, then cookie,
 * then weight; a CanarySplit has one rule, so only one of them (a weight of 0 is none) imports.
 *
 * - `canary-by-header: n` + `canary-by-header-value: v`: header n equal to v;
 * - `canary-by-header: n` + `canary-by-header-pattern: .*`: header n present;
 * - `canary-by-header: n` alone: header n equal to `always` (`never` and others go to stable);
 * - `canary-by-cookie: n`: cookie n equal to `always`;
 * - `canary-weight: w` (+ `canary-weight-total: t`, default 100): w of t requests.
 */
export function canaryTraffic(src: IngressSource): { traffic: CanaryTrafficIR } | { reason: string } {
  const header = src.valid('canary-by-header');
  const value = src.valid('canary-by-header-value');
  const pattern = src.valid('canary-by-header-pattern');
  const cookie = src.valid('canary-by-cookie');
  const weight = src.int('canary-weight');
  const total = src.int('canary-weight-total') ?? 100;
  const rules = [header !== undefined, cookie !== undefined, weight !== undefined && weight > 0].filter(x => x).length;
  const fail = (reason: string) => {
    src.unmappedAll(['canary', ...CANARY_KEYS], reason);
    return { reason };
  };
  if (rules > 1) return fail('it combines header, cookie and weight rules (nginx tries them in that order); a CanarySplit has one traffic rule');
  if (weight !== undefined && (total <= 0 || weight > total)) return fail(`canary-weight ${weight} of canary-weight-total ${total} is not a share`);
  if (header !== undefined) {
    const name = header.toLowerCase();
    if (value !== undefined && pattern !== undefined) src.unmapped('canary-by-header-pattern', 'ignored: canary-by-header-value is set');
    if (value !== undefined) {
      src.mapped('canary', `CanarySplit (CanaryTraffic.header('${name}', '${value}'))`);
      src.mapped('canary-by-header', `CanarySplit.traffic header '${name}'`);
      src.mapped('canary-by-header-value', `CanarySplit.traffic value '${value}'`);
      unusedWeight(src);
      return { traffic: { kind: 'header', name, value } };
    }
    if (pattern !== undefined) {
      if (pattern !== ANY_VALUE_PATTERN) return fail(`canary-by-header-pattern '${pattern}' is a PCRE the intent cannot express exactly (only '${ANY_VALUE_PATTERN}', header present)`);
      src.mapped('canary', `CanarySplit (CanaryTraffic.headerPresent('${name}'))`);
      src.mapped('canary-by-header', `CanarySplit.traffic header '${name}'`);
      src.mapped('canary-by-header-pattern', 'CanarySplit.traffic (any value: header present)');
      unusedWeight(src);
      return { traffic: { kind: 'header-present', name } };
    }
    src.mapped('canary', `CanarySplit (CanaryTraffic.header('${name}', 'always'))`);
    src.mapped('canary-by-header', `CanarySplit.traffic header '${name}' equal to 'always' (nginx's convention)`);
    unusedWeight(src);
    return { traffic: { kind: 'header', name, value: 'always' } };
  }
  if (cookie !== undefined) {
    src.mapped('canary', `CanarySplit (CanaryTraffic.cookie('${cookie}'))`);
    src.mapped('canary-by-cookie', `CanarySplit.traffic cookie '${cookie}' equal to '${CANARY_COOKIE_VALUE}'`);
    unusedWeight(src);
    return { traffic: { kind: 'cookie', name: cookie } };
  }
  const w = weight ?? 0;
  src.mapped('canary', `CanarySplit (CanaryTraffic.weights(${total - w}, ${w}))`);
  if (weight !== undefined) src.mapped('canary-weight', `CanarySplit.traffic canary weight ${w} of ${total}`);
  if (src.has('canary-weight-total')) src.mapped('canary-weight-total', `CanarySplit.traffic total ${total}`);
  return { traffic: { kind: 'weight', stable: total - w, canary: w } };
}

function unusedWeight(src: IngressSource): void {
  if (src.has('canary-weight')) src.mapped('canary-weight', 'nothing (0: requests failing the condition stay on the stable backend)');
  if (src.has('canary-weight-total')) src.mapped('canary-weight-total', 'nothing (no weight)');
}
