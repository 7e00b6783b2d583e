import { rewritePath, rewritesPath } from './rewrite';
import { PolicyFeature } from '../../../capabilities/areas/policies';
import { RoutingFeature } from '../../../capabilities/areas/routing';
import { unsupportedMessage } from '../../../capabilities/check';
import { GatewayIR, MatchIR, RouteIR } from '../../../ir/model';
import { IngressPath } from '../../common/ingress';
import { RenderProblem } from '../../renderer';

/**
 * ingress-nginx prepends `^` to regex locations; we append `$` so the pattern matches the whole
 * path, as on every other controller.
 */
export function nginxPath(m: MatchIR): IngressPath {
  switch (m.path.kind) {
    case 'Exact': return { path: m.path.value, pathType: 'Exact' };
    case 'Prefix': return { path: m.path.value, pathType: 'Prefix' };
    case 'RegularExpression': return { path: `${m.path.value}$`, pathType: 'ImplementationSpecific' };
  }
}

/** The route's Ingress paths: a rewriting route's paths are all regexes (see rewrite.ts). */
export function nginxPaths(route: RouteIR): IngressPath[] {
  return rewritesPath(route) ? route.matches.map(m => rewritePath(route, m)) : route.matches.map(nginxPath);
}

export function usesRegex(route: RouteIR): boolean {
  return route.matches.some(m => m.path.kind === 'RegularExpression');
}

/** Whether ingress-nginx renders the route's locations (and so every location of its hosts) as regexes. */
export function regexLocations(route: RouteIR): boolean {
  return usesRegex(route) || rewritesPath(route);
}

/** strict-validate-path-type (default on since v1.12) rejects other characters in Exact/Prefix paths. */
const STRICT_PATH = /^\/[A-Za-z0-9._\-/]*$/;

/**
 * ingress-nginx's Ingress inspector (always on, at admission and at sync) refuses a whole Ingress
 * whose host, path or TLS secret matches one of these patterns (internal/ingress/inspector/rules.go).
 */
const INSPECTOR_DENY: ReadonlyArray<readonly [RegExp, string]> = [
  [/alias\s*[\s\S]*;/, "an 'alias ...;' directive"],
  [/root\s*[\s\S]*;/, "a 'root ...;' directive"],
  [/\/etc\/(passwd|shadow|group|nginx|ingress-controller)/, "'/etc/passwd', '/etc/shadow', '/etc/group', '/etc/nginx' or '/etc/ingress-controller'"],
  [/\/var\/run\/secrets/, "'/var/run/secrets'"],
  [/_by_lua/, "'_by_lua'"],
];

/** What the inspector's deny-list finds in a path, else undefined. */
export function inspectorDenied(path: string): string | undefined {
  return INSPECTOR_DENY.find(([re]) => re.test(path))?.[1];
}

interface RegexCause {
  readonly source: string;
  readonly feature: RoutingFeature | PolicyFeature;
  readonly prop: string;
  readonly what: string;
}

function regexCause(route: RouteIR): RegexCause | undefined {
  const w = route.policies.rewrite;
  if (w?.path) {
    return {
      source: w.source,
      feature: w.path.kind === 'prefix' ? 'rewritePrefix' : 'rewriteFullPath',
      prop: 'rewrite',
      what: 'rewrite-target',
    };
  }
  if (usesRegex(route)) return { source: route.source, feature: 'regexPath', prop: 'match.path', what: 'use-regex' };
  return undefined;
}

export function pathProblems(ir: GatewayIR): RenderProblem[] {
  const problems: RenderProblem[] = [];
  const regexHosts = new Map<string, RegexCause[]>();
  const literalHosts = new Map<string, string>();
  for (const route of ir.routes) {
    route.matches.forEach((m, i) => {
      const prop = route.matches.length > 1 ? `matches[${i}].path` : 'match.path';
      const denied = inspectorDenied(m.path.value);
      if (denied) {
        const feature = m.path.kind === 'Exact' ? 'exactPath' : m.path.kind === 'Prefix' ? 'prefixPath' : 'regexPath';
        problems.push({
          source: route.source,
          message: unsupportedMessage('ingress-nginx', feature, prop,
            `its Ingress inspector refuses every Ingress whose paths contain ${denied} (a guard against configuration injection), so '${m.path.value}' would be rejected with the whole object`),
        });
        return;
      }
      if (m.path.kind !== 'RegularExpression' && !STRICT_PATH.test(m.path.value)) {
        problems.push({
          source: route.source,
          message: unsupportedMessage('ingress-nginx', m.path.kind === 'Exact' ? 'exactPath' : 'prefixPath', prop,
            `its strict path validation accepts only letters, digits, '.', '_', '-' and '/' in Exact and Prefix paths ('${m.path.value}' given)`),
        });
      }
    });
    const cause = regexCause(route);
    // A rewriting route renders its own literal paths as equivalent regexes; only other
    // routes' literal paths would change meaning.
    const literal = !rewritesPath(route) && route.matches.some(m => m.path.kind !== 'RegularExpression');
    for (const host of route.hosts.length > 0 ? route.hosts : ['']) {
      if (cause) regexHosts.set(host, [...(regexHosts.get(host) ?? []), cause]);
      if (literal && !literalHosts.has(host)) literalHosts.set(host, route.source);
    }
  }
  for (const [host, causes] of regexHosts) {
    const other = literalHosts.get(host);
    if (!other) continue;
    for (const cause of causes) {
      problems.push({
        source: cause.source,
        message: unsupportedMessage('ingress-nginx', cause.feature, cause.prop,
          `${cause.what} turns every path of host '${host || '*'}' into a case-insensitive regex, which would change the literal paths of [${other}]; put ${cause.what === 'use-regex' ? 'regex' : 'rewriting'} routes on their own host`),
      });
    }
  }
  return problems;
}
