import { CONFIGURATION_GROUP, KINDS } from './constants';
import { ConsumerRegistry } from './features/auth';
import { allocatePolicyObjects, pluginNames, policyProblems } from './features/policies';
import { gatewayRewriteProblems } from './features/rewrite';
import { hstsInRoutePlugin, routeHsts } from './features/tls';
import { PolicyFeature } from '../../capabilities/areas/policies';
import { GatewayApiExtension, HttpRouteFilter } from '../gateway-api/extension';

/**
 * The policy features Kong's Gateway API mode renders as KongPlugins referenced by ExtensionRef
 * filters. Everything else supported on the column is a standard filter (request headers,
 * URL rewrites). CORS is here because KIC rejects the standard CORS filter.
 */
export const KONG_PLUGIN_FEATURES: ReadonlySet<PolicyFeature> = new Set<PolicyFeature>([
  'rateLimitPerClientIp', 'rateLimitPerHeader', 'rateLimitPerConsumer', 'rateLimitRedis',
  'bodySize',
  'cors',
  'responseHeaderSet', 'responseHeaderAdd', 'responseHeaderRemove',
  'ipAllow', 'ipDeny',
  'apiKeyAuth', 'basicAuth',
]);

export interface KongGatewayApiExtensionOptions {
  /** The class KongConsumers are annotated with (`kubernetes.io/ingress.class`). */
  readonly ingressClassName: string;
}

/** Kong plugins (KongPlugin + ExtensionRef filters) for Kong's Gateway API mode. */
export function kongGatewayApiExtension(options: KongGatewayApiExtensionOptions): GatewayApiExtension {
  const consumers = new ConsumerRegistry(options.ingressClassName);
  return {
    handles: KONG_PLUGIN_FEATURES,
    allocateRoute: (scope, route, _names, ctx) => allocatePolicyObjects(scope, route, 'kong-gateway-api', consumers, () => routeHsts(route.hosts, ctx.ir().tlsHosts)),
    ruleFilters: (route): HttpRouteFilter[] => pluginNames(route, 'kong-gateway-api').map(name => ({
      type: 'ExtensionRef',
      extensionRef: { group: CONFIGURATION_GROUP, kind: KINDS.plugin, name },
    })),
    validate: (ir) => [...policyProblems('kong-gateway-api', ir), ...gatewayRewriteProblems('kong-gateway-api', ir)],
    // The route's response-transformer KongPlugin carries HSTS (see features/tls.ts).
    hstsInExtension: hstsInRoutePlugin,
  };
}
