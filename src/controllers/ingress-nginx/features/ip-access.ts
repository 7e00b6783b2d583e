import { Emitted, NginxFeature, emit } from './emitted';
import { RouteIR } from '../../../ir/model';

/**
 * `allowlist-source-range` / `denylist-source-range` (nginx `allow` / `deny`, answered with 403).
 * The client address is the one ingress-nginx sees: behind a load balancer, configure
 * `use-forwarded-headers` / `use-proxy-protocol` on the controller.
 */
export const IP_ACCESS: NginxFeature = {
  annotations(route: RouteIR): Emitted[] {
    const a = route.policies.ipAccess;
    if (!a) return [];
    const out: Emitted[] = [];
    if (a.allow.length > 0) out.push(emit('allowlistSourceRange', a.allow.join(','), 'ipAllow', 'ipAccess', a.source));
    if (a.deny.length > 0) out.push(emit('denylistSourceRange', a.deny.join(','), 'ipDeny', 'ipAccess', a.source));
    return out;
  },
  problems: () => [],
};
