import { ApiObject } from 'cdk8s';
import { Construct } from 'constructs';
import { EG_VERSION, KIND } from './constants';
import { RenderProblem } from '../renderer';
import { backendTrafficPolicySpec, needsBackendTrafficPolicy } from './features/backend-traffic-policy';
import { bodySizeProblem } from './features/body-size';
import { circuitBreakerProblem } from './features/circuit-breaker';
import { clientTrafficPolicySpec, gatewayClientTrafficPolicySpec, needsClientTrafficPolicy, sessionTicketsProblem } from './features/client-traffic-policy';
import { directResponseFilters, directResponseObjects, directResponseProblems, URL_PERCENT_REASON } from './features/direct-response';
import { extAuthExtrasProblems, extAuthProblem } from './features/ext-auth';
import { jwtProblem } from './features/jwt';
import { policyObjects } from './features/policies';
import { rateLimitProblem } from './features/rate-limit';
import { backoffProblem, EVERY_METHOD, retryProblem } from './features/retry';
import { needsSecurityPolicy, securityPolicySpec } from './features/security-policy';
import { sessionAffinityProblem } from './features/session-affinity';
import { PolicyFeature } from '../../capabilities/areas/policies';
import { unsupportedMessage } from '../../capabilities/check';
import { IDEMPOTENT_ONLY_HINT, nonIdempotentRetryAt } from '../../checks/retries';
import { ManifestObject } from '../../core/manifest-object';
import { joinName } from '../../core/names';
import { GatewayIR, RouteIR, TlsHostIR } from '../../ir/model';
import { GatewayApiExtension, gepDuration, RouteKind, RuleSections, isActive, PolicyContext, refuse } from '../gateway-api/extension';

/** Everything Envoy Gateway renders through its own policies rather than standard fields. */
const HANDLES: ReadonlySet<PolicyFeature> = new Set<PolicyFeature>([
  'rateLimitPerClientIp', 'rateLimitPerHeader', 'rateLimitControllerStore',
  'timeoutConnect', 'bodySize',
  'retries', 'retryStatusCodes', 'retryPerTryTimeout', 'sessionAffinityCookie',
  'externalAuth', 'externalAuthResponseHeaders', 'jwtAuth', 'jwtClaimsToHeaders', 'apiKeyAuth', 'basicAuth',
  'ipAllow', 'ipDeny',
  'concurrencyPerRoute',
  // Redirect.toUrl: an HTTPRouteFilter direct response setting Location (features/direct-response.ts).
  'redirectUrl',
]);

/**
 * Envoy Gateway policies where Gateway API has no field: a BackendTrafficPolicy and a
 * SecurityPolicy per route (named after it, targeting the HTTPRoutes / GRPCRoutes that serve it),
 * plus a Backend or ReferenceGrant for the external auth service; a ClientTrafficPolicy per
 * TlsHost with a minimum TLS version or client certificates.
 */
export function envoyGatewayExtension(experimentalChannel = false): GatewayApiExtension {
  const c: PolicyContext = { controller: 'envoy-gateway', experimentalChannel, handles: HANDLES };
  return {
    handles: HANDLES,
    allocateRoute: (scope: Construct, route: RouteIR, names: readonly string[], _ctx, kind: RouteKind, sections?: RuleSections): ApiObject[] => {
      const out: ApiObject[] = [];
      if (needsBackendTrafficPolicy(route)) {
        out.push(new ManifestObject(scope, KIND.backendTrafficPolicy, {
          apiVersion: EG_VERSION,
          kind: KIND.backendTrafficPolicy,
          name: route.name,
          namespace: route.namespace,
          spec: () => backendTrafficPolicySpec(route, kind, names, sections),
        }));
      }
      if (needsSecurityPolicy(route)) {
        out.push(new ManifestObject(scope, KIND.securityPolicy, {
          apiVersion: EG_VERSION,
          kind: KIND.securityPolicy,
          name: route.name,
          namespace: route.namespace,
          spec: () => securityPolicySpec(route, kind, names, sections),
        }));
      }
      out.push(...policyObjects(scope, route));
      out.push(...directResponseObjects(scope, route));
      return out;
    },
    ruleFilters: directResponseFilters,
    validate: (ir: GatewayIR) => [
      ...ir.routes.flatMap(route => [...problems(route, ir.source, c), ...concurrencyProblems(route, ir, c)]),
      ...ir.tlsHosts.flatMap(t => {
        const reason = sessionTicketsProblem(t);
        return reason ? [{ source: t.source, message: unsupportedMessage('envoy-gateway', 'tlsSessionTickets', 'sessionTickets', reason) }] : [];
      }),
      ...directResponseProblems(ir),
    ],
    // Minimum TLS version and client certificates per TlsHost: a ClientTrafficPolicy targeting
    // its HTTPS listeners (Gateway API has no per-listener field for either).
    allocateTlsHost: (scope: Construct, tls: TlsHostIR, ctx): ApiObject[] => {
      if (!needsClientTrafficPolicy(tls)) return [];
      return [new ManifestObject(scope, KIND.clientTrafficPolicy, {
        apiVersion: EG_VERSION,
        kind: KIND.clientTrafficPolicy,
        name: tls.name,
        namespace: ctx.namespace,
        spec: () => clientTrafficPolicySpec(tls, ctx.name, ctx.clientIp),
      })];
    },
    // The client address from X-Forwarded-For: a ClientTrafficPolicy on the whole Gateway.
    allocateGateway: (scope: Construct, ctx): ApiObject[] => {
      const clientIp = ctx.clientIp;
      if (!clientIp?.trustedHops) return [];
      return [new ManifestObject(scope, KIND.clientTrafficPolicy, {
        apiVersion: EG_VERSION,
        kind: KIND.clientTrafficPolicy,
        name: joinName([ctx.name, 'client-ip']),
        namespace: ctx.namespace,
        spec: () => gatewayClientTrafficPolicySpec(clientIp, ctx.name),
      })];
    },
    attachedGatewayProblems: (ir: GatewayIR): RenderProblem[] => (ir.clientIp?.trustedHops ? [{
      source: ir.source,
      message: unsupportedMessage('envoy-gateway', 'clientIpForwardedFor', 'clientIp',
        'Envoy Gateway detects the client address per Gateway (ClientTrafficPolicy), and this ApiGateway attaches to a Gateway it does not own; set clientIPDetection on that Gateway\'s ClientTrafficPolicy, or let this ApiGateway own its Gateway (remove attachTo)'),
    }] : []),
  };
}

/** A route-wide concurrency limit needs one circuit-breaker counter: one backend in one rule. */
function concurrencyProblems(route: RouteIR, ir: GatewayIR, c: PolicyContext): RenderProblem[] {
  const cl = route.policies.concurrencyLimit;
  if (cl?.key !== 'route' || !isActive(c, 'concurrencyPerRoute')) return [];
  const reason = circuitBreakerProblem(route, ir);
  return reason ? [refuse(c.controller, ir.source, 'concurrencyPerRoute', cl.source, 'concurrencyLimit', reason)] : [];
}

function problems(route: RouteIR, gatewaySource: string, c: PolicyContext): RenderProblem[] {
  const out: RenderProblem[] = [];
  const no = (f: PolicyFeature, source: string, prop: string, reason: string) => {
    if (isActive(c, f)) out.push(refuse(c.controller, gatewaySource, f, source, prop, reason));
  };
  const p = route.policies;
  const rl = p.rateLimit;
  if (rl && rateLimitProblem(rl)) no(rl.key === 'header' ? 'rateLimitPerHeader' : 'rateLimitPerClientIp', rl.source, 'rateLimit.requests', rateLimitProblem(rl)!);
  if (p.timeouts?.connectMs !== undefined && gepDuration(p.timeouts.connectMs) === undefined) {
    no('timeoutConnect', p.timeouts.source, 'timeouts.connect', 'it is longer than the largest duration (99999h)');
  }
  if (p.bodySize && bodySizeProblem(p.backendProtocol)) no('bodySize', p.bodySize.source, 'bodySize', bodySizeProblem(p.backendProtocol)!);
  if (p.retries && retryProblem(p.retries)) no('retryPerTryTimeout', p.retries.source, 'retries.perTryTimeout', retryProblem(p.retries)!);
  const backoff = p.retries && backoffProblem(p.retries);
  if (backoff) no(backoff.feature, p.retries!.source, backoff.prop, backoff.reason);
  const everyMethod = nonIdempotentRetryAt(route);
  if (everyMethod) no(everyMethod.feature, p.retries!.source, everyMethod.prop, `${EVERY_METHOD} ${IDEMPOTENT_ONLY_HINT}`);
  if (p.sessionAffinity && sessionAffinityProblem(p.sessionAffinity)) no('sessionAffinityCookie', p.sessionAffinity.source, 'sessionAffinity', sessionAffinityProblem(p.sessionAffinity)!);
  const a = p.auth;
  if (a?.kind === 'external' && extAuthProblem(a)) no('externalAuth', a.source, 'auth.url', extAuthProblem(a)!);
  if (a?.kind === 'external') for (const x of extAuthExtrasProblems(a)) no(x.feature, a.source, x.prop, x.reason);
  if (a?.kind === 'jwt' && jwtProblem(a)) no('jwtAuth', a.source, jwtProblem(a)!.prop, jwtProblem(a)!.reason);
  if (p.redirect?.url?.includes('%')) no('redirectUrl', p.redirect.source, 'redirect', URL_PERCENT_REASON);
  return out;
}
