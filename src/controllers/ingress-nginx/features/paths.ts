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

export function usesRegex(route: RouteIR): boolean {
  return route.matches.some(m => m.path.kind === 'RegularExpression');
}

/** strict-validate-path-type (default on since v1.12) rejects other characters in Exact/Prefix paths. */
const STRICT_PATH = /^\/[A-Za-z0-9._\-/]*$/;

export function pathProblems(ir: GatewayIR): RenderProblem[] {
  const problems: RenderProblem[] = [];
  const regexHosts = new Map<string, string>();
  const literalHosts = new Map<string, string>();
  for (const route of ir.routes) {
    route.matches.forEach((m, i) => {
      const prop = route.matches.length > 1 ? `matches[${i}].path` : 'match.path';
      if (m.path.kind !== 'RegularExpression' && !STRICT_PATH.test(m.path.value)) {
        problems.push({
          source: route.source,
          message: unsupportedMessage('ingress-nginx', m.path.kind === 'Exact' ? 'exactPath' : 'prefixPath', prop,
            `its strict path validation accepts only letters, digits, '.', '_', '-' and '/' in Exact and Prefix paths ('${m.path.value}' given)`),
        });
      }
    });
    for (const host of route.hosts.length > 0 ? route.hosts : ['']) {
      if (usesRegex(route) && !regexHosts.has(host)) regexHosts.set(host, route.source);
      if (route.matches.some(m => m.path.kind !== 'RegularExpression') && !literalHosts.has(host)) literalHosts.set(host, route.source);
    }
  }
  for (const [host, source] of regexHosts) {
    const other = literalHosts.get(host);
    if (other) {
      problems.push({
        source,
        message: unsupportedMessage('ingress-nginx', 'regexPath', 'match.path',
          `use-regex turns every path of host '${host || '*'}' into a case-insensitive regex, which would change the literal paths of [${other}]; put regex routes on their own host`),
      });
    }
  }
  return problems;
}
