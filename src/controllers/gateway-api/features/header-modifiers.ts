import { PolicyFeature } from '../../../capabilities/areas/policies';
import { HeaderOpsIR, HeaderRulesIR } from '../../../ir/policies';
import { HeaderModifier, RouteFilter } from '../api';

function modifier(ops: HeaderOpsIR | undefined, side: 'request' | 'response', renders: (f: PolicyFeature) => boolean): HeaderModifier | undefined {
  if (!ops) return undefined;
  const f = (op: 'Set' | 'Add' | 'Remove') => `${side}Header${op}` as PolicyFeature;
  const set = renders(f('Set')) && ops.set.length > 0 ? ops.set.map(h => ({ name: h.name, value: h.value })) : undefined;
  const add = renders(f('Add')) && ops.add.length > 0 ? ops.add.map(h => ({ name: h.name, value: h.value })) : undefined;
  const remove = renders(f('Remove')) && ops.remove.length > 0 ? [...ops.remove] : undefined;
  return set || add || remove ? { set, add, remove } : undefined;
}

/**
 * `RequestHeaderModifier` / `ResponseHeaderModifier` filters. Names are lowercase and sorted;
 * `add` appends to existing values, `set` replaces them (the Gateway API meanings).
 */
export function headerModifierFilters(headers: HeaderRulesIR | undefined, renders: (f: PolicyFeature) => boolean): RouteFilter[] {
  const out: RouteFilter[] = [];
  const request = modifier(headers?.request, 'request', renders);
  if (request) out.push({ type: 'RequestHeaderModifier', requestHeaderModifier: request });
  const response = modifier(headers?.response, 'response', renders);
  if (response) out.push({ type: 'ResponseHeaderModifier', responseHeaderModifier: response });
  return out;
}
