import { ApiObject } from 'cdk8s';
import { Construct } from 'constructs';
import { authPlugins, authProblems, ConsumerRegistry } from './auth';
import { bodySizePlugin } from './body-size';
import { corsPlugin } from './cors';
import { headerRuleProblems, requestHeadersPlugin, responseHeadersPlugin } from './headers';
import { ipRestrictionPlugin } from './ip-restriction';
import { KongColumn, pluginObjectName, PluginSpec } from './plugin';
import { rateLimitPlugin, rateLimitProblems, rateLimitScopeProblems } from './rate-limit';
import { GatewayIR, HstsIR, RouteIR } from '../../../ir/model';
import { RenderProblem } from '../../renderer';
import { CONFIGURATION_V1, KINDS } from '../constants';
import { TopLevelObject } from '../kong-object';

/**
 * The KongPlugins a route needs, sorted by plugin type. In Gateway API mode request headers are
 * left to the standard RequestHeaderModifier filter (KIC makes its own request-transformer from
 * it; a second one on the route would conflict).
 */
export function routePlugins(route: RouteIR, column: KongColumn, hsts?: () => HstsIR | undefined): PluginSpec[] {
  const p = route.policies;
  const out: PluginSpec[] = [];
  if (p.rateLimit) out.push(rateLimitPlugin(p.rateLimit));
  if (p.bodySize) out.push(bodySizePlugin(p.bodySize));
  if (p.cors) out.push(corsPlugin(p.cors));
  if (p.headers?.request && column === 'kong') out.push(requestHeadersPlugin(p.headers.request));
  if (p.headers?.response) out.push(responseHeadersPlugin(p.headers.response, hsts));
  if (p.ipAccess) out.push(ipRestrictionPlugin(p.ipAccess));
  out.push(...authPlugins(route));
  return out.sort((a, b) => (a.plugin < b.plugin ? -1 : a.plugin > b.plugin ? 1 : 0));
}

/** The route's KongPlugin names, sorted (what `konghq.com/plugins` and the ExtensionRefs list). */
export function pluginNames(route: RouteIR, column: KongColumn): string[] {
  return routePlugins(route, column).map(s => pluginObjectName(route.name, s.plugin)).sort();
}

/** Drops undefined fields; an empty object renders as nothing. */
function compact(config: Record<string, unknown>): Record<string, unknown> | undefined {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(config)) if (v !== undefined) out[k] = v;
  return Object.keys(out).length > 0 ? out : undefined;
}

/**
 * Allocates the route's KongPlugins and, for key / basic auth, its consumer (once per Secret).
 * `hsts`: the HSTS setting of the route's TlsHost, read at synth (merged into the route's
 * response-transformer, if it has one).
 */
export function allocatePolicyObjects(
  scope: Construct, route: RouteIR, column: KongColumn, consumers: ConsumerRegistry, hsts?: () => HstsIR | undefined,
): ApiObject[] {
  const plugins: ApiObject[] = routePlugins(route, column, hsts).map(spec => new TopLevelObject(scope, `KongPlugin-${spec.plugin}`, {
    apiVersion: CONFIGURATION_V1,
    kind: KINDS.plugin,
    name: pluginObjectName(route.name, spec.plugin),
    namespace: route.namespace,
    fields: {
      plugin: () => spec.plugin,
      config: () => compact(spec.config()),
      configPatches: () => spec.configPatches?.(),
    },
  }));
  return [...plugins, ...consumers.allocate(scope, route)];
}

/** Checks shared by both modes. */
export function policyProblems(column: KongColumn, ir: GatewayIR): RenderProblem[] {
  return [...rateLimitProblems(column, ir), ...rateLimitScopeProblems(column, ir), ...headerRuleProblems(column, ir), ...authProblems(column, ir)];
}
