import { GROUP } from '../../gateway-api/extension';
import { GatewayTargetRef } from '../api';

/** The Gateway a policy attaches to (policies live in its namespace: targetRefs cannot cross namespaces). */
export interface GatewayTarget {
  readonly name: string;
  readonly namespace: string;
}

export function targetRefs(gw: GatewayTarget): GatewayTargetRef[] {
  return [{ group: GROUP, kind: 'Gateway', name: gw.name }];
}
