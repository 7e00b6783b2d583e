import { ApiObject } from 'cdk8s';
import { Construct } from 'constructs';
import { KIND, SECURITY_VERSION } from './constants';
import { authorizationPolicySpec, customAuthorizationPolicySpec, externalProviderOf, needsAuthorizationPolicy } from './features/authorization-policy';
import { issuerConfig, jwtOf, jwtProblem } from './features/jwt';
import { listenerTlsOptions } from './features/listener-tls';
import { requestAuthenticationOf } from './features/policies';
import { requestAuthenticationSpec } from './features/request-authentication';
import { scope, Signature } from './features/scope';
import { GatewayTarget } from './features/target';
import { PolicyFeature } from '../../capabilities/areas/policies';
import { ManifestObject } from '../../core/manifest-object';
import { joinName } from '../../core/names';
import { GatewayIR, RouteIR } from '../../ir/model';
import { GatewayApiExtension, isActive, PolicyContext, refuse } from '../gateway-api/extension';
import { GatewayContext, RenderProblem } from '../renderer';

/** Where an attached ApiGateway's routes go (Istio policies target that Gateway). */
export interface IstioExtensionOptions {
  readonly attachTo?: { readonly kind: 'Gateway' | 'ListenerSet'; readonly name: string; readonly namespace?: string };
  readonly experimentalChannel?: boolean;
}

const HANDLES: ReadonlySet<PolicyFeature> = new Set<PolicyFeature>(['jwtAuth', 'jwtClaimsToHeaders', 'ipAllow', 'ipDeny', 'externalAuthProvider']);

/** Routes with the same signature carry the same Istio policy, so their overlaps need no subtraction. */
const signature: Signature = (route: RouteIR) => {
  const jwt = jwtOf(route);
  const ip = route.policies.ipAccess;
  const provider = externalProviderOf(route);
  return JSON.stringify({ jwt: jwt ? issuerConfig(jwt) : null, allow: ip?.allow ?? [], deny: ip?.deny ?? [], ...(provider ? { provider } : {}) });
};

/**
 * Istio security policies where Gateway API has no field: per route, a RequestAuthentication for
 * its JWT issuer and one DENY AuthorizationPolicy (missing principal, refused client address),
 * both targeting the Gateway and scoped to the route's hosts, paths and methods.
 */
export function istioExtension(options: IstioExtensionOptions = {}): GatewayApiExtension {
  const c: PolicyContext = { controller: 'istio', experimentalChannel: options.experimentalChannel ?? false, handles: HANDLES };
  const target = (ctx: GatewayContext): GatewayTarget => (options.attachTo
    ? { name: options.attachTo.name, namespace: options.attachTo.namespace ?? ctx.namespace }
    : { name: ctx.name, namespace: ctx.namespace });
  return {
    handles: HANDLES,
    // Istio 1.30.3 reads Gateway spec.tls.frontend (resolveGatewayTLS / buildTLS in
    // pilot/pkg/config/kube/gateway/conversion.go): one CA ConfigMap or Secret, server TLS MUTUAL.
    frontendValidation: true,
    listenerTlsOptions,
    allocateRoute: (scope_: Construct, route: RouteIR, _names, ctx: GatewayContext): ApiObject[] => {
      const gw = target(ctx);
      // Policies live in the Gateway's namespace; a route from another namespace keeps its names apart.
      const name = (suffix: string) => joinName(route.namespace === gw.namespace ? [route.name, suffix] : [route.namespace, route.name, suffix]);
      const out: ApiObject[] = [];
      const jwt = requestAuthenticationOf(route);
      if (jwt) {
        out.push(new ManifestObject(scope_, KIND.requestAuthentication, {
          apiVersion: SECURITY_VERSION,
          kind: KIND.requestAuthentication,
          name: name('jwt'),
          namespace: gw.namespace,
          spec: () => requestAuthenticationSpec(jwt, gw),
        }));
      }
      if (externalProviderOf(route) !== undefined) {
        out.push(new ManifestObject(scope_, `${KIND.authorizationPolicy}-custom`, {
          apiVersion: SECURITY_VERSION,
          kind: KIND.authorizationPolicy,
          name: name('ext-authz'),
          namespace: gw.namespace,
          spec: () => customAuthorizationPolicySpec(route, ctx.ir(), gw, signature),
        }));
      }
      if (needsAuthorizationPolicy(route)) {
        out.push(new ManifestObject(scope_, KIND.authorizationPolicy, {
          apiVersion: SECURITY_VERSION,
          kind: KIND.authorizationPolicy,
          name: name('authz'),
          namespace: gw.namespace,
          spec: () => authorizationPolicySpec(route, ctx.ir(), gw, signature),
        }));
      }
      return out;
    },
    ruleFilters: () => [],
    validate: (ir: GatewayIR) => problems(ir, c, options),
  };
}

function problems(ir: GatewayIR, c: PolicyContext, options: IstioExtensionOptions): RenderProblem[] {
  const out: RenderProblem[] = [];
  const issuers = new Map<string, { config: string; source: string }>();
  let provider: { name: string; source: string } | undefined;
  for (const route of ir.routes) {
    const jwt = jwtOf(route);
    const ip = route.policies.ipAccess;
    const ext = route.policies.auth?.kind === 'externalProvider' ? route.policies.auth : undefined;
    const used: Array<{ feature: PolicyFeature; source: string; prop: string }> = [];
    if (ext) used.push({ feature: 'externalAuthProvider', source: ext.source, prop: 'auth' });
    if (jwt) used.push({ feature: 'jwtAuth', source: jwt.source, prop: 'auth' });
    if (ip) used.push({ feature: ip.allow.length > 0 ? 'ipAllow' : 'ipDeny', source: ip.source, prop: 'ipAccess' });
    const active = used.filter(u => isActive(c, u.feature));
    if (active.length === 0) continue;
    const first = active[0];
    const no = (source: string, prop: string, reason: string, feature = first.feature) => {
      out.push(refuse(c.controller, ir.source, feature, source, prop, reason));
    };
    if (options.attachTo?.kind === 'ListenerSet') {
      no(route.source, first.prop, `Istio policies attach to a Gateway, and this ApiGateway attaches to the ListenerSet '${options.attachTo.name}'`);
      continue;
    }
    if (ext && isActive(c, 'externalAuthProvider')) {
      // Istio runs one extension provider per workload: CUSTOM policies naming different
      // providers on one Gateway are refused by istiod.
      if (provider && provider.name !== ext.provider) {
        no(ext.source, 'auth', `Istio runs one external authorization provider per Gateway workload, and [${provider.source}] uses '${provider.name}' on this Gateway; use the same provider, or separate Gateways`, 'externalAuthProvider');
      } else if (!provider) {
        provider = { name: ext.provider, source: ext.source };
      }
      if (route.policies.cors) {
        no(ext.source, 'auth', 'Istio asks the external authorization provider before a CORS preflight is answered, so the preflights of this route\'s CORS policy would need the provider\'s approval; answer CORS in the backend, or use Controller.envoyGateway() with EdgeAuth.external()', 'externalAuthProvider');
      }
    }
    if (jwt && isActive(c, 'jwtAuth')) {
      const problem = jwtProblem(jwt);
      if (problem) no(jwt.source, problem.prop, problem.reason, 'jwtAuth');
      const prior = issuers.get(jwt.issuer);
      if (prior && prior.config !== issuerConfig(jwt)) {
        no(jwt.source, 'auth', `Istio applies every RequestAuthentication of a Gateway to all its routes, and [${prior.source}] configures the issuer '${jwt.issuer}' differently (JWKS, audiences or claims), so a token accepted for one route would be accepted for the other; use the same settings, or separate Gateways`, 'jwtAuth');
      } else if (!prior) {
        issuers.set(jwt.issuer, { config: issuerConfig(jwt), source: jwt.source });
      }
      if (route.policies.cors) {
        no(jwt.source, 'auth', 'Istio authorizes a request before its CORS preflight is answered, and a preflight carries no token, so with this route\'s CORS policy every preflight would be refused; answer CORS in the backend, or use Controller.envoyGateway()', 'jwtAuth');
      }
      // Request principals are `<issuer>/<subject>`, matched here by the prefix `<issuer>/`.
      const nested = ir.routes.map(jwtOf).find(o => o !== undefined && o.issuer.startsWith(`${jwt.issuer}/`));
      if (nested) {
        no(jwt.source, 'auth.issuer', `Istio matches request principals by the prefix '${jwt.issuer}/', which tokens of the issuer '${nested.issuer}' (also trusted on this Gateway) share; use issuers that are not prefixes of each other`, 'jwtAuth');
      }
    }
    const s = scope(route, ir, signature);
    if (s.problem) no(route.source, first.prop, `Istio attaches it to the whole Gateway and limits it to this route's requests by host, path and method; ${s.problem}`);
  }
  return out;
}
