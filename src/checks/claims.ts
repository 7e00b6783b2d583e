import { describeMatch, EVERY_REQUEST, matchKey } from './match-key';
import { Problem } from './problem';
import { BackendIR, GatewayIR, MatchIR, RouteIR } from '../ir/model';

/** One host + match a gateway routes somewhere: what the controller's routing table holds. */
export interface RoutingClaim {
  readonly source: string;
  /** '' for every host. */
  readonly host: string;
  /** `matchKey` of the match. */
  readonly key: string;
  /** What the requests go to (equal targets do not conflict). */
  readonly target: string;
  /** The default backend's claim on every request no route matches. */
  readonly defaultBackend: boolean;
  /** The host + match in words, for a route's claim (a getter: only conflicts read it). */
  readonly what: string;
}

/** A route's claim on one host + match; its words are built only when a message needs them. */
class RouteClaim implements RoutingClaim {
  public readonly defaultBackend = false;
  constructor(
    public readonly source: string, public readonly host: string, public readonly key: string,
    public readonly target: string, private readonly match: MatchIR,
  ) {}
  public get what(): string {
    return `host '${this.host || '*'}' with ${this.match.path.kind} path '${this.match.path.value}'`;
  }
}

/** What a route does with matching requests, for comparing two routes. */
export function claimTarget(route: RouteIR): string {
  if (route.policies.redirect) return `redirect ${JSON.stringify({ ...route.policies.redirect, source: undefined })}`;
  return route.backends.map(backendTarget).join(',');
}

function backendTarget(b: BackendIR): string {
  return `${b.namespace}/${b.service}:${b.port}`;
}

/** The gateway's claims: the default backend's first, then every host x match of every route. */
export function routingClaims(ir: GatewayIR): RoutingClaim[] {
  const claims: RoutingClaim[] = [];
  if (ir.defaultBackend && ir.defaultBackendSource) {
    claims.push({ source: ir.defaultBackendSource, host: '', key: matchKey(EVERY_REQUEST), target: backendTarget(ir.defaultBackend), defaultBackend: true, what: 'every request' });
  }
  for (const route of ir.routes) {
    const target = claimTarget(route);
    for (const m of route.matches) {
      const key = matchKey(m);
      for (const host of route.hosts.length > 0 ? route.hosts : ['']) claims.push(new RouteClaim(route.source, host, key, target, m));
    }
  }
  return claims;
}

/**
 * Two routes of one gateway claiming the same host + match: for different targets controllers
 * resolve this silently (oldest object wins, or alphabetical order); for the same target one of
 * the two is refused (ingress-nginx's admission) or dead. Either way an error.
 */
export function claimProblems(ir: GatewayIR): Problem[] {
  const problems: Problem[] = [];
  const claims = new Map<string, { source: string; target: string }>();
  for (const c of routingClaims(ir)) {
    const k = `${c.host}\n${c.key}`;
    const prior = claims.get(k);
    if (!prior) {
      claims.set(k, { source: c.source, target: c.target });
    } else if (prior.source !== c.source && prior.target !== c.target) {
      problems.push({ source: c.source, message: `Route.match: ${c.what} is already routed by [${prior.source}] to a different backend; remove one of the routes or make their matches differ` });
    } else if (prior.source !== c.source && !c.defaultBackend) {
      // Identical duplicates: ingress-nginx's admission refuses a second Ingress for a host and
      // path; elsewhere one of them is dead configuration whose policies silently never apply.
      problems.push({
        source: c.source,
        message: `Route.match: ${c.what} is already routed by [${prior.source}] to the same target; the controller would refuse or ignore one of the two `
          + '(with whatever policies it carries), so remove one of the routes',
      });
    }
  }
  return problems;
}

/**
 * One canary per host + match: two would fight over the same requests (ingress-nginx admits
 * only one canary Ingress per host and path; elsewhere one would silently win).
 */
export function canaryConflicts(ir: GatewayIR): Problem[] {
  const out: Problem[] = [];
  const routes = new Map(ir.routes.map(r => [r.source, r]));
  const owners = new Map<string, string>();
  for (const canary of ir.canaries) {
    const route = routes.get(canary.route);
    if (!route) continue;
    let reported = false;
    for (const i of canary.matchIndexes) {
      const m = route.matches[i];
      for (const host of canary.hosts.length > 0 ? canary.hosts : ['']) {
        const key = `${host}\n${matchKey(m)}`;
        const owner = owners.get(key);
        if (owner === undefined) {
          owners.set(key, canary.source);
        } else if (owner !== canary.source && !reported) {
          reported = true;
          out.push({ source: canary.source, message: `CanarySplit.stable: host '${host || '*'}' with ${describeMatch(m)} already has a canary, [${owner}]; a host + match takes one canary (combine them, or narrow 'hosts' / 'match')` });
        }
      }
    }
  }
  return out;
}
