import { ApiObject } from 'cdk8s';
import { Construct } from 'constructs';
import { apiKeyAuth } from './api-key';
import { basicAuth } from './basic-auth';
import { requestBuffer } from './body-size';
import { circuitBreaker } from './circuit-breaker';
import { connectTimeout } from './connect-timeout';
import { allocateExtAuth, extAuthSpec } from './ext-auth';
import { authorization } from './ip-access';
import { jwtSpec } from './jwt';
import { rateLimitSpec } from './rate-limit';
import { retrySpec } from './retry';
import { loadBalancer } from './session-affinity';
import { RouteIR } from '../../../ir/model';
import { ExtensionPolicyEmitters, extensionEmitters, STANDARD } from '../../gateway-api/extension';
import { BackendTrafficPolicySpec, SecurityPolicySpec } from '../api';

type BackendTrafficFields = Omit<BackendTrafficPolicySpec, 'targetRefs'>;
type SecurityFields = Omit<SecurityPolicySpec, 'targetRefs'>;

/**
 * Where one policy kind lands on Envoy Gateway, beyond the standard fields. Each hook returns
 * undefined when the route has no such policy (decided from the RouteIR alone, at allocation),
 * else its fields (pure).
 */
export interface EnvoyGatewayPolicyEmitter {
  /** Fields of the route's BackendTrafficPolicy. */
  readonly backendTraffic?: (route: RouteIR) => Partial<BackendTrafficFields> | undefined;
  /** Fields of the route's SecurityPolicy. */
  readonly security?: (route: RouteIR) => Partial<SecurityFields> | undefined;
  /** Objects of the route's own (e.g. a Backend for an external auth service). Called once, at allocation; content lazy. */
  readonly objects?: (scope: Construct, route: RouteIR) => ApiObject[];
}

/**
 * Every policy kind of the IR on Envoy Gateway: a BackendTrafficPolicy or SecurityPolicy field,
 * or the standard (filters and rule fields the core renders). The connect timeout is Envoy
 * Gateway's; the request timeouts stay standard.
 */
export const POLICY_EMITTERS: ExtensionPolicyEmitters<EnvoyGatewayPolicyEmitter> = {
  rateLimit: { backendTraffic: route => (route.policies.rateLimit ? { rateLimit: rateLimitSpec(route.policies.rateLimit) } : undefined) },
  timeouts: {
    backendTraffic: route => {
      const ms = route.policies.timeouts?.connectMs;
      return ms === undefined ? undefined : { timeout: connectTimeout(ms) };
    },
  },
  bodySize: { backendTraffic: route => (route.policies.bodySize ? { requestBuffer: requestBuffer(route.policies.bodySize.maxBytes) } : undefined) },
  cors: STANDARD,
  headers: STANDARD,
  redirect: STANDARD,
  rewrite: STANDARD,
  ipAccess: { security: route => (route.policies.ipAccess ? { authorization: authorization(route.policies.ipAccess) } : undefined) },
  retries: { backendTraffic: route => (route.policies.retries ? { retry: retrySpec(route.policies.retries) } : undefined) },
  sessionAffinity: {
    backendTraffic: route => (route.policies.sessionAffinity ? { loadBalancer: loadBalancer(route.policies.sessionAffinity) } : undefined),
  },
  backendProtocol: STANDARD,
  auth: {
    security: route => {
      const a = route.policies.auth;
      if (!a) return undefined;
      return {
        extAuth: a.kind === 'external' ? extAuthSpec(a, route) : undefined,
        jwt: a.kind === 'jwt' ? jwtSpec(a) : undefined,
        apiKeyAuth: a.kind === 'apiKey' ? apiKeyAuth(a) : undefined,
        basicAuth: a.kind === 'basic' ? basicAuth(a) : undefined,
      };
    },
    objects: (scope, route) => (route.policies.auth?.kind === 'external' ? allocateExtAuth(scope, route, route.policies.auth) : []),
  },
  concurrencyLimit: {
    backendTraffic: route => (route.policies.concurrencyLimit?.key === 'route' ? { circuitBreaker: circuitBreaker(route.policies.concurrencyLimit) } : undefined),
  },
};

const EMITTERS: readonly EnvoyGatewayPolicyEmitter[] = extensionEmitters(POLICY_EMITTERS);

function merged<T>(parts: ReadonlyArray<Partial<T> | undefined>): Partial<T> | undefined {
  const present = parts.filter((p): p is Partial<T> => p !== undefined);
  return present.length === 0 ? undefined : Object.assign({}, ...present);
}

/** The fields of the route's BackendTrafficPolicy; undefined: the route needs none. */
export function backendTrafficFields(route: RouteIR): Partial<BackendTrafficFields> | undefined {
  return merged(EMITTERS.map(e => e.backendTraffic?.(route)));
}

/** The fields of the route's SecurityPolicy; undefined: the route needs none. */
export function securityFields(route: RouteIR): Partial<SecurityFields> | undefined {
  return merged(EMITTERS.map(e => e.security?.(route)));
}

/** The objects the route's policies own besides its two policies. */
export function policyObjects(scope: Construct, route: RouteIR): ApiObject[] {
  return EMITTERS.flatMap(e => e.objects?.(scope, route) ?? []);
}
