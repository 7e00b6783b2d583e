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
import { emitters, PolicyEmitters, REFUSED } from '../../common/policy-emitters';
import { ExtensionPolicyEmitters, extensionEmitters, STANDARD } from '../../gateway-api/extension';
import { RenderProblem } from '../../renderer';
import { CONFIGURATION_V1, KINDS } from '../constants';
import { TopLevelObject } from '../kong-object';
import { redirectAnnotations, redirectUrlPlugins } from './redirect';
import { rewriteAnnotations } from './rewrite';

/**
 * Where one policy kind lands on Kong. Every hook is decided from the RouteIR alone; plugin
 * configs are pure and read at synth.
 */
export interface KongPolicyEmitter {
  /** The route's KongPlugins for this kind. `hsts`: the route's TlsHost HSTS, read at synth. */
  readonly plugins?: (route: RouteIR, hsts?: () => HstsIR | undefined) => PluginSpec[];
  /** Annotations on the route's Ingresses (Ingress mode). */
  readonly ingressAnnotations?: (route: RouteIR) => Record<string, string>;
}

const RATE_LIMIT: KongPolicyEmitter = { plugins: route => (route.policies.rateLimit ? [rateLimitPlugin(route.policies.rateLimit)] : []) };
const BODY_SIZE: KongPolicyEmitter = { plugins: route => (route.policies.bodySize ? [bodySizePlugin(route.policies.bodySize)] : []) };
const CORS: KongPolicyEmitter = { plugins: route => (route.policies.cors ? [corsPlugin(route.policies.cors)] : []) };
const IP_ACCESS: KongPolicyEmitter = { plugins: route => (route.policies.ipAccess ? [ipRestrictionPlugin(route.policies.ipAccess)] : []) };
const AUTH: KongPolicyEmitter = { plugins: route => authPlugins(route) };
const RESPONSE_HEADERS: KongPolicyEmitter = {
  plugins: (route, hsts) => (route.policies.headers?.response ? [responseHeadersPlugin(route.policies.headers.response, hsts)] : []),
};

/**
 * Every policy kind of the IR on Kong Ingress: KongPlugins, Ingress annotations, annotations on
 * the backend's Service (timeouts and the upstream protocol, features/service.ts), or refused by
 * the matrix (retries; Kong OSS has no sticky sessions: they need Kong Enterprise). WebSocket backends need nothing: Kong
 * proxies upgrades natively, hence an emitter without output.
 */
export const KONG_POLICY_EMITTERS: PolicyEmitters<KongPolicyEmitter> = {
  rateLimit: RATE_LIMIT,
  // Timeouts are annotations on the backend's Service (features/service.ts), nothing on the route.
  timeouts: {},
  bodySize: BODY_SIZE,
  cors: CORS,
  headers: {
    plugins: (route, hsts) => [
      ...(route.policies.headers?.request ? [requestHeadersPlugin(route.policies.headers.request)] : []),
      ...RESPONSE_HEADERS.plugins!(route, hsts),
    ],
  },
  redirect: { ingressAnnotations: redirectAnnotations, plugins: redirectUrlPlugins },
  rewrite: { ingressAnnotations: rewriteAnnotations },
  ipAccess: IP_ACCESS,
  retries: REFUSED,
  sessionAffinity: REFUSED,
  backendProtocol: {},
  auth: AUTH,
  concurrencyLimit: REFUSED,
};

/**
 * Every policy kind of the IR on Kong's Gateway API mode: KongPlugins referenced by ExtensionRef
 * filters, the standard (request headers, URL rewrites, GRPCRoute; KIC makes its own
 * request-transformer from the RequestHeaderModifier filter, so a second one on the route would
 * conflict), or refused by the matrix.
 */
export const KONG_GATEWAY_API_POLICY_EMITTERS: ExtensionPolicyEmitters<KongPolicyEmitter> = {
  rateLimit: RATE_LIMIT,
  // Timeouts are annotations on the backend's Service (features/service.ts), nothing on the route.
  timeouts: {},
  bodySize: BODY_SIZE,
  cors: CORS,
  headers: RESPONSE_HEADERS,
  // Redirect.toHttps(): HTTPRoute annotations (gateway-api-extension.ts routeAnnotations); Redirect.toUrl(): the redirect plugin.
  redirect: { plugins: redirectUrlPlugins },
  rewrite: STANDARD,
  ipAccess: IP_ACCESS,
  retries: REFUSED,
  sessionAffinity: REFUSED,
  backendProtocol: STANDARD,
  auth: AUTH,
  concurrencyLimit: REFUSED,
};

const EMITTERS: Readonly<Record<KongColumn, readonly KongPolicyEmitter[]>> = {
  'kong': emitters(KONG_POLICY_EMITTERS),
  'kong-gateway-api': extensionEmitters(KONG_GATEWAY_API_POLICY_EMITTERS),
};

/** The KongPlugins a route needs in a column, sorted by plugin type. */
export function routePlugins(route: RouteIR, column: KongColumn, hsts?: () => HstsIR | undefined): PluginSpec[] {
  const out = EMITTERS[column].flatMap(e => e.plugins?.(route, hsts) ?? []);
  return out.sort((a, b) => (a.plugin < b.plugin ? -1 : a.plugin > b.plugin ? 1 : 0));
}

/** The annotations the route's policies put on its Ingresses (Ingress mode), in map order. */
export function policyAnnotations(route: RouteIR): Record<string, string> {
  return Object.assign({}, ...EMITTERS.kong.map(e => e.ingressAnnotations?.(route) ?? {}));
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
