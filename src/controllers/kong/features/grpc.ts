import { unsupportedMessage } from '../../../capabilities/check';
import { FeatureKind } from '../../../capabilities/features';
import { GatewayIR, RouteIR } from '../../../ir/model';
import { certificateFor } from '../../common/tls';
import { RenderProblem } from '../../renderer';
import { ANNOTATIONS } from '../constants';

/** `konghq.com/protocols` of a gRPC route on Kong Ingress: KIC's gRPC guide accepts both cleartext and TLS gRPC. */
export const GRPC_PROTOCOLS = 'grpc,grpcs';

/** Whether the route's backend speaks gRPC (cleartext or TLS). */
export function isGrpcRoute(route: RouteIR): boolean {
  const p = route.policies.backendProtocol?.protocol;
  return p === 'GRPC' || p === 'GRPCS';
}

/**
 * Kong Ingress: a gRPC route accepts the gRPC protocols (an Ingress-wide annotation; a route with
 * a backend protocol has policies, so it never shares an Ingress). The upstream protocol is
 * `konghq.com/protocol` on the Service (features/service.ts).
 */
export function grpcIngressAnnotations(route: RouteIR): Record<string, string> {
  return isGrpcRoute(route) ? { [ANNOTATIONS.protocols]: GRPC_PROTOCOLS } : {};
}

/**
 * What a gRPC route cannot carry on Kong Ingress: `konghq.com/protocols` is `grpc,grpcs`, so no
 * HTTPS redirect (the route's own, or its TlsHost's) nor RouteProtocols, and Kong refuses
 * `methods` and `strip_path` on gRPC routes.
 */
export function grpcIngressProblems(ir: GatewayIR): RenderProblem[] {
  const problems: RenderProblem[] = [];
  for (const route of ir.routes) {
    const p = route.policies.backendProtocol;
    if (!p || !isGrpcRoute(route)) continue;
    const feature: FeatureKind = p.protocol === 'GRPC' ? 'backendGrpc' : 'backendGrpcs';
    const refuse = (reason: string) => problems.push({
      source: p.source,
      message: unsupportedMessage('kong', feature, 'backendProtocol', `a gRPC route is konghq.com/protocols: ${GRPC_PROTOCOLS} on its Ingress, so ${reason}; use KongMode.GATEWAY_API (GRPCRoute)`),
    });
    const redirected = route.hosts.find(h => certificateFor(h, ir.tlsHosts)?.httpsRedirect);
    if (route.protocols !== undefined) refuse('it cannot also set RouteProtocols');
    else if (route.policies.redirect) refuse('it cannot also redirect');
    else if (redirected !== undefined) refuse(`it cannot take the HTTPS redirect of the TlsHost of '${redirected}' (Kong answers plain gRPC on a TLS-only route with an error, not a redirect); set httpsRedirect: false on that TlsHost`);
    if (route.matches.some(m => m.method !== undefined)) refuse('it cannot match methods (Kong refuses methods on gRPC routes)');
    if (route.policies.rewrite) refuse('it cannot rewrite the path (Kong refuses strip_path on gRPC routes)');
  }
  return problems;
}
