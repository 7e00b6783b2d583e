import { ApiObject } from 'cdk8s';
import { Construct } from 'constructs';
import type { ApiGateway } from './api-gateway';
import { backendWarningsFor } from './app-checks';
import { Backend } from './backend';
import { matchToIR, RouteMatch } from './match';
import { TrafficMirror } from './mirror';
import { Route } from './route';
import { describeMatch, matchKey } from '../checks/match-key';
import { unverifiedBackendTlsWarnings } from '../checks/warnings';
import { fail, listProblem, pathOf, show } from '../core/errors';
import { checkHeaderName, checkHeaderValue, checkHost, checkObjectName } from '../core/validate';
import { addWarnings } from '../core/warnings';
import { BackendIR, CanaryIR, CanaryTrafficIR, MatchIR, MirrorIR } from '../ir/model';

/** Gateway API's bound for a backendRef weight; the bound every controller here accepts. */
const MAX_WEIGHT = 1_000_000;
/** Cookie names every controller can match literally (a subset of the RFC 6265 token). */
const COOKIE_NAME = /^[A-Za-z0-9_.~-]+$/;

/**
 * Which requests of the stable route a canary receives.
 *
 * Every rule means the same on every controller that can express it; the others refuse it at
 * synth with the standard unsupported message (see the README capability matrix).
 */
export class CanaryTraffic {
  /**
   * A percentage of the requests goes to the canary, the rest to the stable backend.
   * `weight(0)` sends everything to the stable backend and `weight(100)` everything to the
   * canary: a blue/green switch.
   * @param percent a whole number from 0 to 100
   * @example CanaryTraffic.weight(10)
   */
  public static weight(percent: number): CanaryTraffic {
    return new CanaryTraffic(`CanaryTraffic.weight(${show(percent)})`, () => {
      if (!isWholeNumber(percent) || percent < 0 || percent > 100) return `${show(percent)} is not a whole percentage from 0 to 100`;
      return { kind: 'weight', stable: 100 - percent, canary: percent };
    });
  }

  /**
   * Relative weights: `canary / (stable + canary)` of the requests go to the canary. Use it for
   * splits finer than a percent (e.g. `weights(999, 1)`).
   * @param stable weight of the stable backend, a whole number from 0 to 1,000,000
   * @param canary weight of the canary backend, a whole number from 0 to 1,000,000
   * @example CanaryTraffic.weights(95, 5)
   */
  public static weights(stable: number, canary: number): CanaryTraffic {
    return new CanaryTraffic(`CanaryTraffic.weights(${show(stable)}, ${show(canary)})`, () => {
      for (const [what, w] of [['stable', stable], ['canary', canary]] as const) {
        if (!isWholeNumber(w) || w < 0 || w > MAX_WEIGHT) return `the ${what} weight ${show(w)} is not a whole number from 0 to ${MAX_WEIGHT.toLocaleString('en-US')}`;
      }
      if (stable === 0 && canary === 0) return 'all weights are zero, so no backend would receive traffic; give the stable or the canary backend a weight above 0';
      return { kind: 'weight', stable, canary };
    });
  }

  /**
   * A weight percentage read from text a pipeline sets (an environment variable, a context
   * value): the text must be a whole number from 0 to 100, optionally surrounded by spaces.
   * Anything else (`'10%'`, `'7.5'`, `''`) fails at synth naming the CanarySplit.
   * @example CanaryTraffic.parseWeight(process.env.CANARY_WEIGHT ?? '0')
   */
  public static parseWeight(text: string): CanaryTraffic {
    return new CanaryTraffic(`CanaryTraffic.parseWeight(${quote(text)})`, () => {
      const trimmed = typeof text === 'string' ? text.trim() : undefined;
      if (trimmed === undefined || !/^[0-9]{1,3}$/.test(trimmed) || Number(trimmed) > 100) {
        return `${typeof text === 'string' ? quote(text) : show(text)} is not a whole percentage from 0 to 100`;
      }
      const percent = Number(trimmed);
      return { kind: 'weight', stable: 100 - percent, canary: percent };
    });
  }

  /**
   * Requests whose header `name` has exactly `headerValue` go to the canary; all others to the
   * stable backend. Header names compare case-insensitively, values case-sensitively.
   * @example CanaryTraffic.header('x-canary', 'always')
   */
  public static header(name: string, headerValue: string): CanaryTraffic {
    return new CanaryTraffic(`CanaryTraffic.header(${quote(name)}, ${quote(headerValue)})`, () => {
      const problem = checkHeaderName(name) ?? (checkHeaderValue(headerValue) ? `header '${name}' value ${checkHeaderValue(headerValue)}` : undefined);
      return problem ?? { kind: 'header', name: name.toLowerCase(), value: headerValue };
    });
  }

  /**
   * Requests that carry header `name`, whatever its value, go to the canary; all others to the
   * stable backend.
   * @example CanaryTraffic.headerPresent('x-beta-tester')
   */
  public static headerPresent(name: string): CanaryTraffic {
    return new CanaryTraffic(`CanaryTraffic.headerPresent(${quote(name)})`, () => {
      return checkHeaderName(name) ?? { kind: 'header-present', name: name.toLowerCase() };
    });
  }

  /**
   * Requests whose cookie `name` has the value `always` go to the canary; all others
   * (including `never`) to the stable backend. This is ingress-nginx's canary cookie
   * convention, rendered the same way on every controller.
   * @param name letters, digits, '-', '_', '.' and '~'
   * @example CanaryTraffic.cookie('canary')
   */
  public static cookie(name: string): CanaryTraffic {
    return new CanaryTraffic(`CanaryTraffic.cookie(${quote(name)})`, () => {
      if (typeof name !== 'string' || !COOKIE_NAME.test(name) || name.length > 256) {
        return `${quote(name)} is not a cookie name this library can match on every controller (letters, digits, '-', '_', '.' and '~', at most 256 characters)`;
      }
      return { kind: 'cookie', name };
    });
  }

  private constructor(
    /** How it was written, for messages. */
    private readonly label: string,
    private readonly resolve: () => CanaryTrafficIR | string,
  ) {}

  /** How the rule was written, e.g. `CanaryTraffic.weight(10)`. */
  public toString(): string {
    return this.label;
  }

  /**
   * Validates the rule; a problem names the factory call.
   * @internal
   */
  public _toIR(): { ir?: CanaryTrafficIR; problem?: string } {
    const out = this.resolve();
    return typeof out === 'string' ? { problem: `${this.label}: ${out}` } : { ir: out };
  }
}

/** Options for `ApiGateway.addCanary()`. */
export interface CanarySplitOptions {
  /**
   * The stable route: its backend is the stable one, and its hosts and matches are the traffic
   * the canary takes a share of. The route must have exactly one backend.
   */
  readonly stable: Route;

  /**
   * The canary backend: a new version of the stable backend.
   * @example Backend.service('api-v2', 8080)
   */
  readonly canary: Backend;

  /**
   * Which requests go to the canary.
   * @example CanaryTraffic.weight(10)
   */
  readonly traffic: CanaryTraffic;

  /**
   * Only some of the stable route's hosts get the canary; each must be one of the route's hosts.
   * On Gateway API a weighted or mirrored canary changes the stable route's own rule, which
   * serves all its hosts, so narrowing is refused there (header and cookie canaries can narrow).
   * @default - every host of the stable route
   */
  readonly hosts?: string[];

  /**
   * Only one of the stable route's matches gets the canary; it must equal one of the route's
   * matches (same path, headers, query parameters and method).
   * @default - every match of the stable route
   */
  readonly match?: RouteMatch;

  /**
   * Also copy a share of the requests (stable and canary bound) to a shadow backend. The shadow
   * may be the canary backend itself: `weight(0)` plus a mirror to the canary is a dark launch.
   * On Gateway API, a weighted or mirrored canary must cover every host of its stable route.
   * @default - no mirroring
   */
  readonly mirror?: TrafficMirror;

  /**
   * Name of the objects the canary adds (a canary Ingress, a TraefikService, an HTTPRoute...).
   * @default - `<gateway name>-<construct id, lowercased>`
   */
  readonly name?: string;
}

/** Props for `CanarySplit`. */
export interface CanarySplitProps extends CanarySplitOptions {}

/**
 * Shifts part of a stable route's traffic to a canary backend: by weight (blue/green as 0 / 100),
 * by header, by header presence or by cookie, optionally mirroring a share of the requests to a
 * shadow backend.
 *
 * Each controller gets its own idiom: a canary Ingress on ingress-nginx, TraefikServices and
 * higher-priority routes on Traefik, backendRef weights and more specific rules on Gateway API.
 * What a controller cannot express fails at synth with the standard unsupported message.
 *
 * @example
 * const v1 = edge.addRoute('api-v1', {
 *   hosts: ['api.example.com'],
 *   match: { path: PathMatch.prefix('/v1') },
 *   backend: Backend.service('api-v1', 8080),
 * });
 * new CanarySplit(chart, 'api-v2-canary', {
 *   stable: v1,
 *   canary: Backend.service('api-v2', 8080),
 *   traffic: CanaryTraffic.weight(10),
 * });
 */
export class CanarySplit extends Construct {
  /** The gateway of the stable route. */
  public readonly gateway: ApiGateway;
  /** The stable route. */
  public readonly stable: Route;
  /** The canary backend. */
  public readonly canary: Backend;
  /** Which requests go to the canary. */
  public readonly traffic: CanaryTraffic;
  /** The mirror, if any. */
  public readonly mirror?: TrafficMirror;
  /** Object name stem. */
  public readonly name: string;
  /** Namespace of the canary's objects: the stable route's. */
  public readonly namespace: string;
  /** The hosts that get the canary, sorted (empty: the stable route serves every host). */
  public readonly hosts: string[];
  /**
   * The objects this canary added on the gateway's controller (the primary one has the id
   * 'Resource'). Weights and mirroring may instead change the stable route's own objects: on
   * Gateway API a weighted canary adds no object of its own (only ReferenceGrants when a backend
   * lives in another namespace); patch the stable route's objects there.
   */
  public readonly apiObjects: ApiObject[];
  /** @internal */
  public readonly _ir: CanaryIR;

  constructor(scope: Construct, id: string, props: CanarySplitProps) {
    const path = pathOf(scope, id, 'CanarySplit');
    if (!props || !(props.stable instanceof Route)) fail(path, 'CanarySplit.stable: must be the Route whose backend is the stable one');
    const route = props.stable;
    const gateway = route.gateway;
    const routeIR = route._ir;
    if (routeIR.backends.length !== 1) {
      fail(path, `CanarySplit.stable: [${routeIR.source}] has ${routeIR.backends.length} backends; a canary splits the traffic of a route with exactly one backend, the stable one`);
    }
    if (routeIR.policies.redirect?.url !== undefined) {
      fail(path, `CanarySplit.stable: [${routeIR.source}] redirects every request to a fixed URL (Redirect.toUrl); its backend receives nothing, so there is no traffic to split`);
    }
    if (routeIR.mirrors) {
      fail(path, `CanarySplit.stable: [${routeIR.source}] mirrors its requests (Route.mirrors); a canary of a mirrored route is not supported: mirror with CanarySplit.mirror instead`);
    }
    if (routeIR.backends[0].headers) {
      fail(path, `CanarySplit.stable: [${routeIR.source}] has a backend with header rules (Backend headers); a canary of that route is not supported: use the route's headerRules, or weighted backends with their own headers instead of a CanarySplit`);
    }
    const stable = routeIR.backends[0];
    const namespace = routeIR.namespace;
    const name = props.name ?? gateway._childName(id, path, 'CanarySplit');
    const nameProblem = checkObjectName(name, 63);
    if (nameProblem) fail(path, `CanarySplit.name: ${nameProblem}`);

    const hosts = canaryHosts(path, props.hosts, routeIR.source, routeIR.hosts);
    const matchIndexes = canaryMatches(path, props.match, routeIR.source, routeIR.matches);

    if (!(props.canary instanceof Backend)) fail(path, 'CanarySplit.canary: must be created with Backend.service() or Backend.fromService()');
    const canaryResult = props.canary._toIR(namespace);
    if (canaryResult.problem) fail(path, `CanarySplit.canary: ${canaryResult.problem}`);
    const canary = canaryResult.ir!;
    if (sameBackend(canary, stable)) {
      fail(path, `CanarySplit.canary: ${backendLabel(canary)} is the stable route's own backend; a canary must be another Service or port`);
    }

    if (!(props.traffic instanceof CanaryTraffic)) {
      fail(path, 'CanarySplit.traffic: must be created with CanaryTraffic.weight(), weights(), parseWeight(), header(), headerPresent() or cookie()');
    }
    const trafficResult = props.traffic._toIR();
    if (trafficResult.problem) fail(path, `CanarySplit.traffic: ${trafficResult.problem}`);
    const traffic = trafficResult.ir!;
    const conditionHeader = traffic.kind === 'header' || traffic.kind === 'header-present' ? traffic.name : traffic.kind === 'cookie' ? 'cookie' : undefined;
    if (conditionHeader !== undefined) {
      for (const i of matchIndexes) {
        if (routeIR.matches[i].headers.some(h => h.name === conditionHeader)) {
          fail(path, `CanarySplit.traffic: ${props.traffic} conditions header '${conditionHeader}', which the stable match ${describeMatch(routeIR.matches[i])} of [${routeIR.source}] already conditions; use another header`);
        }
      }
    }

    let mirror: MirrorIR | undefined;
    if (props.mirror !== undefined) {
      if (!(props.mirror instanceof TrafficMirror)) fail(path, 'CanarySplit.mirror: must be created with TrafficMirror.to()');
      const mirrorResult = props.mirror._toIR(namespace);
      if (mirrorResult.problem) fail(path, `CanarySplit.mirror: ${mirrorResult.problem}`);
      mirror = mirrorResult.ir!;
      if (sameBackend(mirror.backend, stable)) {
        fail(path, `CanarySplit.mirror: ${backendLabel(mirror.backend)} is the stable backend itself, which would receive its requests twice; mirror to a shadow Service`);
      }
    }

    super(scope, id);
    this.gateway = gateway;
    this.stable = route;
    this.canary = props.canary;
    this.traffic = props.traffic;
    this.mirror = props.mirror;
    this.name = name;
    this.namespace = namespace;
    this.hosts = [...hosts];
    this._ir = {
      source: path,
      name,
      namespace,
      route: routeIR.source,
      hosts,
      allHosts: hosts.length === routeIR.hosts.length,
      matchIndexes,
      stable,
      canary,
      traffic,
      mirror,
    };
    this.apiObjects = gateway._registerCanary(this, routeIR);
    this.node.addValidation({ validate: () => gateway._problemsFor(path) });
    addWarnings(this, 'backends', () => backendWarningsFor(gateway, path));
    addWarnings(this, 'backend-tls', () => unverifiedBackendTlsWarnings([['canary.tls', this._ir.canary], ['mirror.backend.tls', this._ir.mirror?.backend]]));
  }
}

/** A string in double quotes (as written in code), anything else through `show`. */
function quote(v: unknown): string {
  return typeof v === 'string' ? JSON.stringify(v) : show(v);
}

function isWholeNumber(n: unknown): n is number {
  return typeof n === 'number' && Number.isInteger(n);
}

function sameBackend(a: BackendIR, b: BackendIR): boolean {
  return a.service === b.service && a.namespace === b.namespace && a.port === b.port;
}

function backendLabel(b: BackendIR): string {
  return `${b.namespace}/${b.service}:${b.port}`;
}

function canaryHosts(path: string, requested: string[] | undefined, routeSource: string, routeHosts: readonly string[]): readonly string[] {
  if (requested === undefined) return routeHosts;
  const hostsProblem = listProblem('CanarySplit.hosts', requested, 'hostnames');
  if (hostsProblem) fail(path, hostsProblem);
  if (requested.length === 0) fail(path, 'CanarySplit.hosts: list at least one host of the stable route, or omit hosts for all of them');
  if (routeHosts.length === 0) {
    fail(path, `CanarySplit.hosts: the stable route [${routeSource}] serves every host, so its canary does too; omit hosts, or give the stable route hosts`);
  }
  for (const [i, host] of requested.entries()) {
    const problem = checkHost(host);
    if (problem) fail(path, `CanarySplit.hosts[${i}]: ${problem}`);
    if (!routeHosts.includes(host)) {
      fail(path, `CanarySplit.hosts[${i}]: no stable route for host '${host}': [${routeSource}] serves ${routeHosts.map(h => `'${h}'`).join(', ')}`);
    }
  }
  const sorted = [...new Set(requested)].sort();
  if (sorted.length !== requested.length) fail(path, 'CanarySplit.hosts: lists a hostname twice');
  return sorted;
}

function canaryMatches(path: string, requested: RouteMatch | undefined, routeSource: string, routeMatches: readonly MatchIR[]): readonly number[] {
  if (requested === undefined) return routeMatches.map((_, i) => i);
  const { ir, problem } = matchToIR(requested, 'match');
  if (problem) fail(path, `CanarySplit.${problem}`);
  const key = matchKey(ir!);
  const index = routeMatches.findIndex(m => matchKey(m) === key);
  if (index < 0) {
    fail(path, `CanarySplit.match: no stable route for ${describeMatch(ir!)}: [${routeSource}] matches ${routeMatches.map(describeMatch).join('; ')}`);
  }
  return [index];
}
