import { GROUP, RouteKind } from '../../gateway-api/extension';
import { PolicyTargetRef } from '../api';

/** Policies attach to the route's own HTTPRoutes (GRPCRoutes), never to the whole Gateway. */
export function targetRefs(kind: RouteKind, names: readonly string[]): PolicyTargetRef[] {
  return names.map(name => ({ group: GROUP, kind, name }));
}
