import { ApiObject } from 'cdk8s';
import { Construct } from 'constructs';
import type { ApiGateway } from './api-gateway';
import { backendWarningsFor } from './app-checks';
import { Backend } from './backend';
import { matchToIR, RouteMatch } from './match';
import { TrafficMirror } from './mirror';
import { isApiGateway } from './owner';
import { DirectResponse } from './policies/direct-response';
import { forwardingPolicyOf, withoutForwarding } from './policies/forwarding';

import { Redirect } from './policies/redirect';
import { resolvePolicies } from './policies/resolve';
import { Rewrite } from './policies/rewrite';
import { RoutePolicies } from './policies/route-policies';
import { applyRawAnnotations, rawAnnotationsOf } from './raw-annotations';
import { RouteProtocols, routeProtocolsIR } from './route-protocols';
import { withClientAddress } from '../checks/client-address';
import { matchKey } from '../checks/match-key';
import { httpsRedirectWarnings, literalDollarWarnings, policyWarnings, routeBackendProps, unverifiedBackendTlsWarnings } from '../checks/warnings';
import { hostlessScopeWarnings } from '../controllers/hostless-scope';
import { protocolTlsWarnings, unsetDefaultWarnings } from '../controllers/unset-defaults';
import { fail, listProblem, pathOf, show } from '../core/errors';
import { checkHost, checkNamespace, checkObjectName } from '../core/validate';
import { addPassWarnings, addWarnings } from '../core/warnings';
import { BackendIR, DirectResponseIR, MatchIR, MirrorIR, RouteIR } from '../ir/model';
import { HeaderOpsIR } from '../ir/policies';

/** Gateway API's rule name pattern (a DNS subdomain). */
const RULE_NAME = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/;

/** Options for `ApiGateway.addRoute()`. */
export interface RouteOptions extends RoutePolicies {
  /**
   * Hostnames this route serves: lowercase DNS names, or wildcards in the leftmost label:
   * `*.example.com` matches exactly one label (`a.example.com`, not `a.b.example.com`: the
   * Kubernetes Ingress and certificate meaning), `**.example.com` one or more labels (what
   * Gateway API and Kong call `*.example.com`). Each is rendered where the controller matches
   * exactly that depth and refused elsewhere (see the README's capability matrix).
   * @example ['api.example.com', '*.apps.example.com']
   * @default - every host the gateway serves
   */
  readonly hosts?: string[];

  /**
   * The request condition. Use `matches` for several alternatives.
   * @default - `matches`, else every request (prefix '/')
   */
  readonly match?: RouteMatch;

  /**
   * Alternative request conditions: a request matching any of them is routed.
   * @default - `match`
   */
  readonly matches?: RouteMatch[];

  /**
   * Where matching requests go. Use `backends` to spread traffic over several Services.
   * @default - `backends` (one of the two is required, except with `redirect` or `respond`)
   */
  readonly backend?: Backend;

  /**
   * Several backends, sharing traffic in proportion to their `weight` (equally by default).
   * @example [Backend.service('api-v1', 8080, { weight: 90 }), Backend.service('api-v2', 8080, { weight: 10 })]
   * @default - `backend`
   */
  readonly backends?: Backend[];

  /**
   * Answer matching requests with a redirect instead of forwarding them. A route with a redirect
   * has no backend, except `Redirect.toHttps()` (HTTPS requests go to the backend) and
   * `Redirect.toUrl()` (one backend that receives nothing, for controllers that need a Service
   * behind every path). On the
   * host of a TlsHost, `Redirect.toHttps()` replaces the TlsHost's default HTTPS redirect for this
   * route's matches (one redirect, with this status code), even with `httpsRedirect: false`.
   * @default - no redirect
   */
  readonly redirect?: Redirect;

  /**
   * The schemes the route is served on. `RouteProtocols.HTTPS_ONLY` refuses plain-HTTP requests
   * matching the route with `426 Upgrade Required` (on the host of a TlsHost, in place of its
   * HTTPS redirect for these matches); HTTPS requests are served as usual.
   * `RouteProtocols.HTTP_ONLY` serves the route on plain HTTP only: HTTPS requests matching it
   * are not served by it (its hosts must not redirect plain HTTP to HTTPS).
   * @default - as the hosts' TlsHost says (HTTPS with plain HTTP redirected, or both schemes)
   * @example RouteProtocols.HTTPS_ONLY
   */
  readonly protocols?: RouteProtocols;
  /**
   * Answer matching requests with a fixed status (and optionally a body) from the gateway itself,
   * without a backend: a maintenance page, a 404 for a path. A route that responds has no backend,
   * redirect, rewrite or mirror, and takes no policy (the gateway's defaults do not apply to it).
   * `DirectResponse.fixed({ statusCode: 500 })` is Gateway API's rule without backends.
   * @example DirectResponse.fixed({ statusCode: 404 })
   * @default - requests are forwarded to the backends
   */
  readonly respond?: DirectResponse;

  /**
   * Shadow backends that each receive a copy of a share of the route's requests (their responses
   * are discarded). Each mirror is a different Service port, none of the route's own backends;
   * at most 4. To mirror a canary's traffic, use `CanarySplit.mirror` instead.
   * @example [TrafficMirror.to(Backend.service('api-shadow', 8080), { percent: 10 })]
   * @default - no mirroring
   */
  readonly mirrors?: TrafficMirror[];

  /**
   * Rewrite the path or Host before forwarding.
   * @default - forwarded unchanged
   */
  readonly rewrite?: Rewrite;

  /**
   * Namespace of the route's objects (Ingress / HTTPRoute ...). Backends default to it.
   * @default - the gateway's namespace
   */
  readonly namespace?: string;

  /**
   * Name of the route's objects. Objects split at controller limits get a numeric suffix.
   * @default - `<gateway name>-<construct id, lowercased>`
   */
  readonly name?: string;

  /**
   * Name of the route's rule in Gateway API output (`rules[].name`): status conditions and
   * policies attached by section name (Envoy Gateway's BackendTrafficPolicy and SecurityPolicy of
   * this route target it by `sectionName`) refer to it. Where an object holds several rules of
   * the route (a weighted canary on some matches, more than 64 matches) they are named
   * `<ruleName>`, `<ruleName>-2`, ... Ingress-based controllers have no rule names and refuse it.
   * A lowercase DNS subdomain (letters, digits, '-' and '.'), at most 240 characters.
   * @default - rules are unnamed
   * @example 'checkout'
   */
  readonly ruleName?: string;

  /**
   * Escape hatch: annotations written as given on the route's Ingress objects, for controller
   * settings this library has no typed prop for (e.g. `nginx.ingress.kubernetes.io/proxy-buffer-size`).
   *
   * Keys under the controller's own prefixes must be ones it documents (a typo fails with a
   * did-you-mean); keys this library renders from typed props are refused (set the prop);
   * Critical-risk keys (ingress-nginx `*-snippet`) need `allowUnsafe`; values must be single-line
   * and pass the controller's own validation where it has one. Keys of other tools
   * (`external-dns.alpha.kubernetes.io/hostname`) pass through. Only controllers whose route objects
   * are annotated Ingresses take them (ingress-nginx, `TraefikOutput.INGRESS`, Kong Ingress); the
   * others refuse them at synth with the standard message.
   * @default - none
   */
  readonly rawAnnotations?: Record<string, string>;

  /**
   * Allow Critical-risk keys in `rawAnnotations` (ingress-nginx's `*-snippet` annotations, which
   * inject raw nginx configuration and are refused by the controller unless its administrator
   * enabled them).
   * @default false
   */
  readonly allowUnsafe?: boolean;
}

/** Props for `Route`. */
export interface RouteProps extends RouteOptions {
  /** The gateway this route belongs to. */
  readonly gateway: ApiGateway;
}

/**
 * Routes requests for some hosts and matches to one or more Service backends.
 *
 * @example
 * new Route(chart, 'v1', {
 *   gateway: api,
 *   hosts: ['api.example.com'],
 *   match: { path: PathMatch.prefix('/v1') },
 *   backend: Backend.service('api-v1', 8080),
 * });
 */
export class Route extends Construct {
  /** The gateway. */
  public readonly gateway: ApiGateway;
  /** Object name stem. */
  public readonly name: string;
  /** Namespace of the route's objects. */
  public readonly namespace: string;
  /** Hostnames, sorted (empty: every host). */
  public readonly hosts: string[];
  /** The objects rendered for this route on the gateway's controller. */
  public readonly apiObjects: ApiObject[];
  /** @internal */
  public readonly _ir: RouteIR;

  constructor(scope: Construct, id: string, props: RouteProps) {
    const path = pathOf(scope, id, 'Route');
    if (!props || !isApiGateway(props.gateway)) fail(path, 'Route.gateway: must be an ApiGateway');
    const gateway = props.gateway;
    const namespace = props.namespace ?? gateway.namespace;
    const nsProblem = checkNamespace(namespace);
    if (nsProblem) fail(path, `Route.namespace: ${nsProblem}`);
    const name = props.name ?? gateway._childName(id, path, 'Route');
    const nameProblem = checkObjectName(name, 63);
    if (nameProblem) fail(path, `Route.name: ${nameProblem}`);

    const hosts = props.hosts ?? [];
    const hostsProblem = listProblem('Route.hosts', hosts, 'hostnames');
    if (hostsProblem) fail(path, hostsProblem);
    for (let i = 0; i < hosts.length; i++) {
      const problem = checkHost(hosts[i]);
      if (problem) fail(path, `Route.hosts[${i}]: ${problem}`);
    }
    const sortedHosts = hosts.length > 1 ? [...new Set(hosts)].sort() : [...hosts];
    if (sortedHosts.length !== hosts.length) fail(path, 'Route.hosts: lists a hostname twice');

    if (props.match !== undefined && props.matches !== undefined) fail(path, 'Route: set either match or matches, not both');
    const rawMatches = props.matches ?? [props.match ?? {}];
    const matchesProblem = props.matches !== undefined ? listProblem('Route.matches', rawMatches, 'RouteMatch objects') : undefined;
    if (matchesProblem) fail(path, matchesProblem);
    if (rawMatches.length === 0) fail(path, 'Route.matches: at least one match is required');
    const matches: MatchIR[] = [];
    const seen = new Set<string>();
    for (let i = 0; i < rawMatches.length; i++) {
      const m = rawMatches[i];
      const at = props.matches ? `matches[${i}]` : 'match';
      const { ir, problem } = matchToIR(m, at);
      if (problem) fail(path, `Route.${problem}`);
      if (rawMatches.length > 1) {
        const key = matchKey(ir!);
        if (seen.has(key)) fail(path, `Route.${at}: repeats an earlier match`);
        seen.add(key);
      }
      matches.push(ir!);
    }

    const directResponse = respondOf(path, props);
    let policies = directResponse ? {} : resolvePolicies('Route', path, props, gateway._defaultPolicies);
    if (props.backend !== undefined && props.backends !== undefined) fail(path, 'Route: set either backend or backends, not both');
    const rawBackends = props.backends ?? (props.backend ? [props.backend] : []);
    const backendsProblem = props.backends !== undefined ? listProblem('Route.backends', rawBackends, 'Backend values') : undefined;
    if (backendsProblem) fail(path, backendsProblem);
    const redirect = policies.redirect;
    const httpsOnly = redirect !== undefined && redirect.scheme === 'https' && !redirect.host && redirect.port === undefined && !redirect.path;
    const urlRedirect = redirect?.url !== undefined;
    if (redirect && !httpsOnly && !urlRedirect && rawBackends.length > 0) fail(path, 'Route.redirect: a redirecting route has no backend; remove backend(s) or the redirect');
    if (urlRedirect && rawBackends.length > 1) {
      fail(path, 'Route.backends: a route that redirects to a fixed URL (Redirect.toUrl) names at most one backend, which receives nothing');
    }
    if (!redirect && !directResponse && rawBackends.length === 0) fail(path, 'Route.backend: a backend is required (Backend.service() or Backend.fromService())');
    if (redirect && policies.rewrite) fail(path, 'Route.rewrite: a redirecting route forwards nothing, so it cannot rewrite; remove one of them');
    if (redirect && !httpsOnly) {
      const forwarding = forwardingPolicyOf(props);
      if (forwarding) fail(path, `Route.${forwarding}: a route that redirects without a backend forwards nothing, so ${forwarding} would never apply; remove it, or use a route with a backend`);
      policies = withoutForwarding(policies);
    }
    for (const [prop, modifier] of [['redirect', redirect?.path], ['rewrite', policies.rewrite?.path]] as const) {
      if (modifier?.kind === 'prefix' && (matches.length !== 1 || matches[0].path.kind !== 'Prefix')) {
        fail(path, `Route.${prop}: replacing the matched prefix needs exactly one match with a PathMatch.prefix() path`);
      }
    }
    if (rawBackends.length > 16) fail(path, `Route.backends: at most 16 backends per route (got ${rawBackends.length})`);
    const backends: BackendIR[] = [];
    const seenBackends = new Set<string>();
    for (let i = 0; i < rawBackends.length; i++) {
      const b = rawBackends[i];
      const at = props.backends ? `backends[${i}]` : 'backend';
      if (!(b instanceof Backend)) fail(path, `Route.${at}: must be created with Backend.service() or Backend.fromService()`);
      const { ir, problem } = b._toIR(namespace, true);
      if (problem) fail(path, `Route.${at}: ${problem}`);
      if (rawBackends.length > 1) {
        const key = `${ir!.namespace}/${ir!.service}:${ir!.port}`;
        if (seenBackends.has(key)) fail(path, `Route.${at}: lists ${key} twice`);
        seenBackends.add(key);
      }
      backends.push(ir!);
    }
    if (backends.length > 0 && backends.every(b => b.weight === 0)) {
      fail(path, `Route.backends: every backend of route '${name}' has weight 0, so no backend would receive traffic; give at least one a weight above 0`);
    }

    const mirrors = routeMirrors(path, props.mirrors, namespace, backends, (rawBackends.length === 0 || urlRedirect) && !directResponse);
    backendHeaderOverlap(path, props.backends ? 'backends' : 'backend', backends, policies);

    const ruleName = props.ruleName;
    if (ruleName !== undefined && (typeof ruleName !== 'string' || ruleName.length > 240 || !RULE_NAME.test(ruleName))) {
      fail(path, `Route.ruleName: ${show(ruleName)} must be a lowercase DNS subdomain (letters, digits, '-' and '.', starting and ending with a letter or digit) of at most 240 characters`);
    }

    const protocols = routeProtocolsIR(props.protocols, redirect);
    if (protocols.problem) fail(path, protocols.problem);

    const raw = rawAnnotationsOf(path, gateway._renderer.name, props);

    super(scope, id);
    this.gateway = gateway;
    this.name = name;
    this.namespace = namespace;
    this.hosts = sortedHosts;
    // `path` equals this.node.path, which constructs recomputes on every read.
    policies = withClientAddress(policies, gateway._clientIp);
    this._ir = {
      source: path,
      name,
      namespace,
      hosts: sortedHosts,
      matches,
      backends,
      policies,
      ...(ruleName !== undefined ? { ruleName } : {}),
      ...(mirrors.length > 0 ? { mirrors } : {}),
      ...(protocols.ir ? { protocols: protocols.ir } : {}),
      ...(directResponse ? { directResponse } : {}),
    };
    this.apiObjects = gateway._registerRoute(this, raw.entries.length > 0);
    applyRawAnnotations(this, this.apiObjects, raw);
    this.node.addValidation({ validate: () => gateway._problemsFor(path) });
    const controller = gateway._renderer.name;
    // One producer per route (each producer is a closure and a memo entry per synth pass).
    addPassWarnings(this, 'route', () => [
      ...policyWarnings(this._ir.policies, path, '', gateway._clientIp !== undefined),
      ...unsetDefaultWarnings(controller, this._ir.policies, path),
      ...protocolTlsWarnings(controller, this._ir.policies, this._ir.backends, this._ir.policies.backendProtocol?.source === path ? '' : 'defaults.'),
      ...httpsRedirectWarnings(this._ir, gateway._gatewayIr()),
      ...literalDollarWarnings(this._ir),
      ...raw.warnings,
      ...backendWarningsFor(gateway, path),
      ...unverifiedBackendTlsWarnings(routeBackendProps(this._ir)),
      ...(this._ir.hosts.length === 0 ? hostlessScopeWarnings(controller, gateway._gatewayIr(), 'hosts') : []),
    ]);
    // Gateway defaults are reported once, on the gateway, where they were declared.
    const defaults = gateway._defaultPolicies;
    if (defaults) {
      addWarnings(gateway, 'defaults', () => [
        ...policyWarnings(defaults, gateway.node.path, 'defaults.', gateway._clientIp !== undefined), ...unsetDefaultWarnings(controller, defaults, gateway.node.path, 'defaults.'),
      ]);
    }
  }
}

/** Route props a responding route cannot have besides hosts, matches, names and escape hatches. */
const NOT_WITH_RESPOND = ['backend', 'backends', 'redirect', 'rewrite', 'mirrors', 'rateLimit', 'timeouts', 'bodySize', 'cors', 'headerRules',
  'ipAccess', 'retries', 'sessionAffinity', 'backendProtocol', 'auth'] as const;

/** `Route.respond` as IR: checked, and alone with the route's matching props. */
function respondOf(path: string, props: RouteOptions): DirectResponseIR | undefined {
  const respond = props.respond;
  if (respond === undefined || respond === null) return undefined;
  if (!(respond instanceof DirectResponse)) fail(path, `Route.respond: must be created with DirectResponse.fixed(), got ${show(respond)}`);
  for (const key of NOT_WITH_RESPOND) {
    const value = (props as unknown as Record<string, unknown>)[key];
    if (value !== undefined && value !== null && !(Array.isArray(value) && value.length === 0 && key === 'mirrors')) {
      fail(path, `Route.${key}: a route that responds itself (respond) forwards nothing and takes no ${key}; remove one of them`);
    }
  }
  return respond._toIR();
}

/**
 * A header changed both by the route's headerRules and by one of its backends: the order in
 * which the two apply differs between controllers, so the intent lets one place change it.
 */
function backendHeaderOverlap(path: string, prop: string, backends: readonly BackendIR[], policies: RouteIR['policies']): void {
  const names = (ops: HeaderOpsIR | undefined) => (ops ? [...ops.set.map(h => h.name), ...ops.add.map(h => h.name), ...ops.remove] : []);
  backends.forEach((b, i) => {
    for (const side of ['request', 'response'] as const) {
      const own = new Set(names(policies.headers?.[side]));
      const both = names(b.headers?.[side]).find(n => own.has(n));
      if (both !== undefined) {
        fail(path, `Route.${prop === 'backends' ? `backends[${i}]` : 'backend'}.headers.${side}: header '${both}' is also changed by the route's headerRules; change it in one place`);
      }
    }
  });
}

/** Most mirrors per route: each is a filter of the route's rules (Gateway API allows 16 filters per rule). */
const MAX_MIRRORS = 4;

/** `Route.mirrors` as IR: distinct shadow backends, none of them a backend of the route. */
function routeMirrors(
  path: string, raw: TrafficMirror[] | undefined, namespace: string, backends: readonly BackendIR[], redirectOnly: boolean,
): MirrorIR[] {
  if (raw === undefined) return [];
  const problem = listProblem('Route.mirrors', raw, 'TrafficMirror values');
  if (problem) fail(path, problem);
  if (raw.length === 0) return [];
  if (redirectOnly) fail(path, 'Route.mirrors: a route that redirects without a backend forwards nothing, so there is nothing to mirror; remove the mirrors or the redirect');
  if (raw.length > MAX_MIRRORS) fail(path, `Route.mirrors: at most ${MAX_MIRRORS} mirrors per route (got ${raw.length})`);
  const key = (b: BackendIR) => `${b.namespace}/${b.service}:${b.port}`;
  const own = new Set(backends.map(key));
  const seen = new Set<string>();
  return raw.map((m, i) => {
    const at = `Route.mirrors[${i}]`;
    if (!(m instanceof TrafficMirror)) fail(path, `${at}: must be created with TrafficMirror.to()`);
    const { ir, problem: p } = m._toIR(namespace);
    if (p) fail(path, `${at}: ${p}`);
    const k = key(ir!.backend);
    if (own.has(k)) fail(path, `${at}: ${k} is a backend of the route, which would receive its requests twice; mirror to a shadow Service`);
    if (seen.has(k)) fail(path, `${at}: mirrors to ${k} twice`);
    seen.add(k);
    return ir!;
  });
}
