import { PolicyFeature } from '../../../capabilities/areas/policies';
import { GatewayIR, RouteIR } from '../../../ir/model';
import { TimeoutsIR } from '../../../ir/policies';
import { RenderProblem } from '../../renderer';
import { AnnotationName } from '../annotations';
import { Emitted, NginxFeature, emit, refuse } from './emitted';

const TIMEOUTS: ReadonlyArray<{ field: 'connectMs' | 'readMs' | 'sendMs'; name: AnnotationName; feature: PolicyFeature; prop: string }> = [
  { field: 'connectMs', name: 'proxyConnectTimeout', feature: 'timeoutConnect', prop: 'timeouts.connect' },
  { field: 'readMs', name: 'proxyReadTimeout', feature: 'timeoutRead', prop: 'timeouts.read' },
  { field: 'sendMs', name: 'proxySendTimeout', feature: 'timeoutSend', prop: 'timeouts.send' },
];

/**
 * nginx `proxy_connect_timeout` / `proxy_read_timeout` / `proxy_send_timeout`, in whole seconds
 * (ingress-nginx reads the annotations as integers). gRPC backends inherit them as
 * `grpc_*_timeout`. Whole-request and per-attempt timeouts are refused by the matrix.
 */
export const TIMEOUT: NginxFeature = {
  annotations(route: RouteIR): Emitted[] {
    const t = route.policies.timeouts;
    if (!t) return [];
    return TIMEOUTS.flatMap(({ field, name, feature, prop }) => {
      const ms = t[field];
      return ms === undefined || ms % 1000 !== 0 ? [] : [emit(name, String(ms / 1000), feature, prop, t.source)];
    });
  },

  problems(route: RouteIR, gw: GatewayIR): RenderProblem[] {
    const t: TimeoutsIR | undefined = route.policies.timeouts;
    if (!t) return [];
    return TIMEOUTS.flatMap(({ field, feature, prop }) => {
      const ms = t[field];
      return ms === undefined || ms % 1000 === 0 ? [] : [refuse(gw, t.source, feature, prop, `it takes whole seconds (${ms} ms given)`)];
    });
  },
};
