import { PolicyFeature } from '../../../capabilities/areas/policies';
import { HstsIR } from '../../../ir/model';
import { HeaderOpsIR, HeaderRulesIR } from '../../../ir/policies';
import { hstsHeaderValue } from '../../common/tls';
import { HeaderModifier, RouteFilter } from '../api';

function modifier(ops: HeaderOpsIR | undefined, side: 'request' | 'response', renders: (f: PolicyFeature) => boolean): HeaderModifier | undefined {
  if (!ops) return undefined;
  const f = (op: 'Set' | 'Add' | 'Remove') => `${side}Header${op}` as PolicyFeature;
  const set = renders(f('Set')) && ops.set.length > 0 ? ops.set.map(h => ({ name: h.name, value: h.value })) : undefined;
  const add = renders(f('Add')) && ops.add.length > 0 ? ops.add.map(h => ({ name: h.name, value: h.value })) : undefined;
  const remove = renders(f('Remove')) && ops.remove.length > 0 ? [...ops.remove] : undefined;
  return set || add || remove ? { set, add, remove } : undefined;
}

/** The header HSTS sets (TLS's spelling; header names are case-insensitive). */
export const HSTS_HEADER = 'Strict-Transport-Security';

/**
 * `RequestHeaderModifier` / `ResponseHeaderModifier` filters. Names are lowercase and sorted;
 * `add` appends to existing values, `set` replaces them (the Gateway API meanings).
 *
 * `hsts`: the HSTS of the route's TlsHosts. Gateway API allows one filter of each type per rule
 * (CEL), so it is one more `set` entry of the route's own ResponseHeaderModifier when the route
 * has one, else a ResponseHeaderModifier of its own. A header rule on Strict-Transport-Security
 * together with HSTS is refused before rendering (the gateway's validation).
 */
export function headerModifierFilters(headers: HeaderRulesIR | undefined, renders: (f: PolicyFeature) => boolean, hsts?: HstsIR): RouteFilter[] {
  const out: RouteFilter[] = [];
  const request = modifier(headers?.request, 'request', renders);
  if (request) out.push({ type: 'RequestHeaderModifier', requestHeaderModifier: request });
  let response = modifier(headers?.response, 'response', renders);
  if (hsts) {
    const set = [...(response?.set ?? []), { name: HSTS_HEADER, value: hstsHeaderValue(hsts) }]
      .sort((a, b) => (a.name.toLowerCase() < b.name.toLowerCase() ? -1 : a.name.toLowerCase() > b.name.toLowerCase() ? 1 : 0));
    response = { ...response, set };
  }
  if (response) out.push({ type: 'ResponseHeaderModifier', responseHeaderModifier: response });
  return out;
}
