import { ApiObject } from 'cdk8s';
import { Construct } from 'constructs';
import { unsupportedMessage } from '../../../capabilities/check';
import { ManifestObject } from '../../../core/manifest-object';
import { DirectResponseIR, GatewayIR, isNoBackendAnswer, RouteIR } from '../../../ir/model';
import { HttpRouteFilter } from '../../gateway-api/extension';
import { RenderProblem } from '../../renderer';
import { EG_GROUP, EG_VERSION, KIND } from '../constants';

/** `HTTPRouteFilter.spec.directResponse` (gateway.envoyproxy.io/v1alpha1). */
export interface DirectResponseSpec {
  readonly statusCode: number;
  readonly body?: { readonly type: 'Inline'; readonly inline: string };
  readonly contentType?: string;
}

/**
 * The answer Envoy Gateway renders as an HTTPRouteFilter: every direct response except Gateway
 * API's own rule without backends (500 with the implementation's body), which stays standard.
 */
function filtered(route: RouteIR): DirectResponseIR | undefined {
  const r = route.directResponse;
  return r && !isNoBackendAnswer(r) ? r : undefined;
}

export function directResponseSpec(r: DirectResponseIR): DirectResponseSpec {
  return {
    statusCode: r.statusCode,
    ...(r.body !== undefined ? { body: { type: 'Inline' as const, inline: r.body }, contentType: r.contentType } : {}),
  };
}

/** The route's HTTPRouteFilter (named after the route), when it answers directly. */
export function directResponseObjects(scope: Construct, route: RouteIR): ApiObject[] {
  const r = filtered(route);
  if (!r) return [];
  return [new ManifestObject(scope, KIND.httpRouteFilter, {
    apiVersion: EG_VERSION,
    kind: KIND.httpRouteFilter,
    name: route.name,
    namespace: route.namespace,
    spec: () => ({ directResponse: directResponseSpec(r) }),
  })];
}

/** The ExtensionRef filter of every rule serving a route that answers directly. */
export function directResponseFilters(route: RouteIR): HttpRouteFilter[] {
  if (!filtered(route)) return [];
  return [{ type: 'ExtensionRef', extensionRef: { group: EG_GROUP, kind: KIND.httpRouteFilter, name: route.name } }];
}

/**
 * Envoy reads a direct response body as a format string, where `%` starts a command operator
 * (`%REQ(...)%`): a literal `%` would not come out as written.
 */
export function directResponseProblems(ir: GatewayIR): RenderProblem[] {
  return ir.routes.flatMap(route => (route.directResponse?.body?.includes('%') ? [{
    source: route.source,
    message: unsupportedMessage('envoy-gateway', 'directResponse', 'respond.body',
      'Envoy reads a direct response body as a format string, where \'%\' starts a command operator, so the body would not be sent as written; leave \'%\' out of the body'),
  }] : []));
}
