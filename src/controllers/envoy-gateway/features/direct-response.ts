import { ApiObject } from 'cdk8s';
import { Construct } from 'constructs';
import { unsupportedMessage } from '../../../capabilities/check';
import { ManifestObject } from '../../../core/manifest-object';
import { DirectResponseIR, GatewayIR, isNoBackendAnswer, RouteIR } from '../../../ir/model';
import { RedirectIR } from '../../../ir/policies';
import { HttpRouteFilter } from '../../gateway-api/extension';
import { RenderProblem } from '../../renderer';
import { EG_GROUP, EG_VERSION, KIND } from '../constants';

/** `HTTPRouteFilter.spec.directResponse` (gateway.envoyproxy.io/v1alpha1). */
export interface DirectResponseSpec {
  readonly statusCode: number;
  readonly body?: { readonly type: 'Inline'; readonly inline: string };
  readonly contentType?: string;
  /** Response headers (`set` replaces the value Envoy wrote, e.g. its own `Location` on a 3xx). */
  readonly header?: { readonly set: ReadonlyArray<{ readonly name: string; readonly value: string }> };
}

/** The response header a fixed-URL redirect sets (`Redirect.toUrl`). */
export const LOCATION = 'Location';

/**
 * The answer Envoy Gateway renders as an HTTPRouteFilter: every direct response except Gateway
 * API's own rule without backends (500 with the implementation's body), which stays standard;
 * and a fixed-URL redirect (`Redirect.toUrl`), its status with `Location` set to the URL.
 */
function filtered(route: RouteIR): DirectResponseSpec | undefined {
  const r = route.directResponse;
  if (r && !isNoBackendAnswer(r)) return directResponseSpec(r);
  const url = route.policies.redirect?.url;
  return url !== undefined ? urlRedirectSpec(url, route.policies.redirect!.statusCode) : undefined;
}

/**
 * `Redirect.toUrl(url, { statusCode })`: a direct response with the redirect status. Envoy writes
 * its own `Location` on a 3xx direct response (the request's URL); `header.set` replaces it
 * (Envoy Gateway renders `set` as a route response header that overwrites), so the `Location` is
 * exactly the URL, the request's path and query dropped. No body: the redirect has none.
 */
export function urlRedirectSpec(url: string, statusCode: RedirectIR['statusCode']): DirectResponseSpec {
  return { statusCode, header: { set: [{ name: LOCATION, value: url }] } };
}

export function directResponseSpec(r: DirectResponseIR): DirectResponseSpec {
  return {
    statusCode: r.statusCode,
    ...(r.body !== undefined ? { body: { type: 'Inline' as const, inline: r.body }, contentType: r.contentType } : {}),
  };
}

/** The route's HTTPRouteFilter (named after the route), when it answers directly or redirects to a fixed URL. */
export function directResponseObjects(scope: Construct, route: RouteIR): ApiObject[] {
  const r = filtered(route);
  if (!r) return [];
  return [new ManifestObject(scope, KIND.httpRouteFilter, {
    apiVersion: EG_VERSION,
    kind: KIND.httpRouteFilter,
    name: route.name,
    namespace: route.namespace,
    spec: () => ({ directResponse: r }),
  })];
}

/**
 * The ExtensionRef filter of every rule serving a route that answers directly. A fixed-URL
 * redirect's rule keeps its one backend (which receives nothing): Envoy Gateway's direct
 * response replaces the forwarding action of the rule.
 */
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

/**
 * Envoy reads a response header value as a format string too, where `%` starts a command
 * operator: a URL with `%` (percent-encoding) would not come out as written.
 */
export const URL_PERCENT_REASON = 'Envoy reads a response header value as a format string, where \'%\' starts a command operator, so the Location would not be sent as written; leave \'%\' (percent-encoding) out of the URL';
