import { GROUP, RouteKind, RuleSections } from '../../gateway-api/extension';
import { PolicyTargetRef } from '../api';

/**
 * Policies attach to the route's own HTTPRoutes (GRPCRoutes), never to the whole Gateway; to
 * their named rules (`sectionName`) when the route names its rules, so that an object holding
 * rules of several routes can carry different policies per rule.
 */
export function targetRefs(kind: RouteKind, names: readonly string[], sections?: RuleSections): PolicyTargetRef[] {
  if (sections) return sections().flatMap(o => o.sections.map(sectionName => ({ group: GROUP, kind, name: o.name, sectionName })));
  return names.map(name => ({ group: GROUP, kind, name }));
}
