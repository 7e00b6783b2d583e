import { unsupportedMessage } from '../../../capabilities/check';
import { ControllerName, FeatureKind } from '../../../capabilities/features';
import { BackendIR, CanaryIR, GatewayIR, MatchIR, RouteIR } from '../../../ir/model';
import { suffixWildcard } from '../../common/wildcard';
import { RenderProblem } from '../../renderer';
import { GrpcRouteMatch, GrpcRouteSpec, LIMITS, ParentReference, RouteFilter, SessionPersistence } from '../api';
import { backendRefs, chunk, RegexStyle } from './http-route';

const SERVICE = /^[A-Za-z_][A-Za-z_0-9]*(\.[A-Za-z_][A-Za-z_0-9]*)*$/;
const METHOD = /^[A-Za-z_][A-Za-z_0-9]*$/;

/** The kind of object a route renders to: a GRPCRoute for a gRPC backend (unless an extension handles it). */
export type RouteKind = 'HTTPRoute' | 'GRPCRoute';

/**
 * A route match as a GRPCRoute match: path Exact `/pkg.Service/Method` becomes
 * `method: {service, method}`, Prefix `/pkg.Service` becomes `method: {service}` (every method of
 * the service), Prefix `/` no method condition. gRPC requests carry no query and are always POST.
 */
export function grpcMatch(m: MatchIR, regex: RegexStyle): { match?: GrpcRouteMatch; problem?: string } {
  if (m.queryParams.length > 0) return { problem: 'gRPC requests have no query parameters to match' };
  if (m.method) return { problem: 'gRPC calls are always POST, so a method match cannot be expressed on a GRPCRoute' };
  let method: GrpcRouteMatch['method'];
  const p = m.path;
  const segments = p.value.split('/').slice(1);
  if (p.kind === 'Prefix' && p.value === '/') {
    method = undefined;
  } else if (p.kind === 'Prefix' && segments.length === 1 && SERVICE.test(segments[0])) {
    method = { service: segments[0] };
  } else if (p.kind === 'Exact' && segments.length === 2 && SERVICE.test(segments[0]) && METHOD.test(segments[1])) {
    method = { service: segments[0], method: segments[1] };
  } else {
    return { problem: `a GRPCRoute matches a service (path prefix /package.Service) or a method (exact path /package.Service/Method), not the ${p.kind} path '${p.value}'` };
  }
  const headers = m.headers.length > 0 ? m.headers.map(h => (h.kind === 'Exact'
    ? { name: h.name, value: h.value }
    : { type: 'RegularExpression' as const, name: h.name, value: regex === 'anchored' ? `^${h.value}$` : h.value })) : undefined;
  return { match: method || headers ? { method, headers } : undefined };
}

export interface GrpcRuleExtras {
  readonly filters?: RouteFilter[];
  readonly sessionPersistence?: SessionPersistence;
}

/** A GRPCRoute for one part of a route (unmappable matches are refused in validation, never rendered). */
export function grpcRouteSpec(
  parentRefs: ParentReference[] | undefined,
  part: { hosts: readonly string[]; matches: readonly MatchIR[] },
  backends: readonly BackendIR[],
  routeNamespace: string,
  regex: RegexStyle,
  extras: GrpcRuleExtras,
): GrpcRouteSpec {
  const refs = backendRefs(backends, routeNamespace);
  const matches = part.matches.map(m => grpcMatch(m, regex)).filter(r => r.problem === undefined).map(r => r.match);
  const rule = { filters: extras.filters, backendRefs: refs, sessionPersistence: extras.sessionPersistence };
  return {
    parentRefs,
    hostnames: part.hosts.length > 0 ? part.hosts.map(suffixWildcard) : undefined,
    // A match with no condition is every gRPC call: a rule without matches.
    rules: matches.some(m => m === undefined)
      ? [rule]
      : chunk(matches as GrpcRouteMatch[], LIMITS.matchesPerRule).map(ms => ({ matches: ms, ...rule })),
  };
}

/**
 * Canaries are rendered into HTTPRoute rules (weights, mirrors) or as HTTPRoutes of their own
 * (header / cookie conditions). A stable route rendered as a GRPCRoute gets neither, so its
 * canary would silently receive nothing: refuse it.
 */
export function grpcCanaryProblems(controller: ControllerName, ir: GatewayIR, kindOf: (route: RouteIR) => RouteKind): RenderProblem[] {
  const routes = new Map(ir.routes.map(r => [r.source, r]));
  const features: { readonly [k in CanaryIR['traffic']['kind']]: FeatureKind } = {
    'weight': 'canaryWeight', 'header': 'canaryHeader', 'header-present': 'canaryHeaderPresence', 'cookie': 'canaryCookie',
  };
  const problems: RenderProblem[] = [];
  for (const canary of ir.canaries) {
    const route = routes.get(canary.route);
    if (!route || kindOf(route) !== 'GRPCRoute') continue;
    problems.push({
      source: canary.source,
      message: unsupportedMessage(controller, features[canary.traffic.kind], 'stable',
        `the stable route [${route.source}] has backendProtocol GRPC and is rendered as a GRPCRoute, which this library does not split, condition or mirror; canary the gRPC service with a separate gateway or a mesh`),
    });
  }
  return problems;
}

/**
 * GRPCRoute `backendRefs[].filters` are implementation-specific (only HTTPRoute's request side
 * has a conformance feature), so the portable column refuses a gRPC route's backend headers.
 */
export function grpcBackendHeaderProblems(route: RouteIR): RenderProblem[] {
  const i = route.backends.findIndex(b => b.headers?.request);
  if (i < 0) return [];
  return [{
    source: route.source,
    message: unsupportedMessage('gateway-api', 'backendRequestHeaders', `${route.backends.length > 1 ? `backends[${i}]` : 'backend'}.headers.request`,
      'GRPCRoute backendRefs[].filters are implementation-specific (the conformance feature HTTPRouteBackendRequestHeaderModification covers HTTPRoute only); choose Controller.envoyGateway() or Controller.istio()'),
  }];
}
