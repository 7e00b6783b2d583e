import { CONFIGURATION_GROUP, KINDS } from './constants';
import { ConsumerRegistry } from './features/auth';
import { allocatePolicyObjects, pluginNames, policyProblems } from './features/policies';
import { redirectAnnotations, redirectProblems } from './features/redirect';
import { gatewayRewriteProblems } from './features/rewrite';
import { hstsInRoutePlugin, kongTlsProblems, kongTlsRedirectAnnotations, routeHsts } from './features/tls';
import { PolicyFeature } from '../../capabilities/areas/policies';
import { unsupportedMessage } from '../../capabilities/check';
import { CanaryIR, RouteIR } from '../../ir/model';
import { GatewayApiExtension, HttpRouteFilter } from '../gateway-api/extension';
import { RenderProblem } from '../renderer';
import { kongServiceSide } from './features/service';

/** Kong's upstream target weight bound (`kong/db/schema/entities/targets.lua`). */
const KONG_MAX_TARGET_WEIGHT = 65535;

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
  'redirectUrl',
  // Not a plugin: route annotations (konghq.com/protocols + https-redirect-status-code, routeAnnotations below).
  'redirectScheme',
]);

export interface KongGatewayApiExtensionOptions {
  /** The class KongConsumers are annotated with (`kubernetes.io/ingress.class`). */
  readonly ingressClassName: string;
  /** The ApiGateway attaches to a Gateway it does not own (its listeners are unknown). */
  readonly attached?: boolean;
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
    validate: (ir) => [...policyProblems('kong-gateway-api', ir), ...redirectProblems('kong-gateway-api', ir, options.attached), ...gatewayRewriteProblems('kong-gateway-api', ir), ...ir.routes.flatMap(backendWeightProblems)],
    // The route's response-transformer KongPlugin carries HSTS (see features/tls.ts).
    hstsInExtension: hstsInRoutePlugin,
    // Kong matches a regex from the start only: the core anchors the end.
    regexStyle: 'anchored',
    // KIC renders a RequestRedirect without hostname as a relative Location: a TlsHost's
    // redirect, a route's own Redirect.toHttps() and RouteProtocols.HTTPS_ONLY are
    // konghq.com/protocols on the HTTPRoute, whole-route like Kong's Ingresses.
    tlsRedirectInExtension: true,
    // RouteProtocols.HTTP_ONLY is konghq.com/protocols: http (KIC serves every route on both ports).
    routeProtocolsInExtension: true,
    routeAnnotations: (route, hosts, tlsHosts) => ({ ...kongTlsRedirectAnnotations(route, hosts, tlsHosts), ...redirectAnnotations(route) }),
    tlsProblems: ir => kongTlsProblems('kong-gateway-api', ir, false),
    // KIC 3.5 reads BackendTLSPolicy and TLSRoute only in older, unserved versions.
    v1TlsPolicies: false,
    canaryProblems: canaryWeightProblems,
    // Timeouts and the upstream protocol: konghq.com/* annotations on the backend's Service.
    serviceSide: policies => kongServiceSide(policies, 'kong-gateway-api'),
  };
}

/** KIC gives each endpoint of a backend `weight / endpoints` as a Kong target weight (0-65535). */
function canaryWeightProblems(canary: CanaryIR): RenderProblem[] {
  if (canary.traffic.kind !== 'weight' || Math.max(canary.traffic.stable, canary.traffic.canary) <= KONG_MAX_TARGET_WEIGHT) return [];
  return [{
    source: canary.source,
    message: unsupportedMessage('kong-gateway-api', 'canaryWeight', 'traffic',
      `Kong upstream target weights are at most ${KONG_MAX_TARGET_WEIGHT} (${canary.traffic.stable} / ${canary.traffic.canary} given); scale the weights down`),
  }];
}

/** A route's weighted backends become Kong target weights, bounded like a canary's. */
function backendWeightProblems(route: RouteIR): RenderProblem[] {
  const weights = route.backends.map(b => b.weight);
  if (new Set(weights).size <= 1 || Math.max(...weights) <= KONG_MAX_TARGET_WEIGHT) return [];
  return [{
    source: route.source,
    message: unsupportedMessage('kong-gateway-api', 'weightedBackends', 'backends',
      `Kong upstream target weights are at most ${KONG_MAX_TARGET_WEIGHT} (${weights.join(' / ')} given); scale the weights down`),
  }];
}
