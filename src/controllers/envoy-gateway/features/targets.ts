import { GROUP } from '../../gateway-api/api';
import { RouteKind } from '../../gateway-api/features/grpc-route';
import { PolicyTargetRef } from '../api';

/** Policies attach to the route's own HTTPRoutes (GRPCRoutes), never to the whole Gateway. */
export function targetRefs(kind: RouteKind, names: readonly string[]): PolicyTargetRef[] {
  return names.map(name => ({ group: GROUP, kind, name }));
}
