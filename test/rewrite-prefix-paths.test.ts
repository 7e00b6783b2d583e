import { ApiGateway, Backend, PathMatch, Rewrite } from '../src';
import { CONTROLLERS, newChart, synthConformant, synthError } from './util';
import { ControllerName } from '../src/capabilities/features';

/**
 * `Rewrite.replacePrefix` forwards the path Gateway API's ReplacePrefixMatch defines, on every
 * controller, trailing slashes included. Each controller's output is executed by a small model of
 * what that controller does with it (nginx `rewrite` with the location's regex, Traefik's
 * replacePathRegex, Kong's strip_path, Gateway API's ReplacePrefixMatch), and the forwarded path
 * must be the one the table says (the README's table, written out by hand).
 */
interface Case { readonly prefix: string; readonly replace: string; readonly rows: ReadonlyArray<readonly [string, string]> }

const CASES: readonly Case[] = [
  { prefix: '/v1', replace: '/', rows: [['/v1', '/'], ['/v1/', '/'], ['/v1/x', '/x'], ['/v1/x/', '/x/']] },
  { prefix: '/v1', replace: '/v2', rows: [['/v1', '/v2'], ['/v1/', '/v2/'], ['/v1/x', '/v2/x'], ['/v1/x/', '/v2/x/']] },
  // A trailing '/' of the new prefix is ignored: no '//'.
  { prefix: '/v1', replace: '/v2/', rows: [['/v1', '/v2'], ['/v1/', '/v2/'], ['/v1/x', '/v2/x'], ['/v1/x/', '/v2/x/']] },
  { prefix: '/', replace: '/', rows: [['/', '/'], ['/x', '/x'], ['/x/', '/x/']] },
];

/** Cases a controller refuses (with the standard message), by `prefix -> replace`. */
const REFUSED: { readonly [c in ControllerName]?: readonly string[] } = {
  kong: ['/v1 -> /v2', '/v1 -> /v2/'],
};

type Forward = (objects: any[], request: string) => string | undefined;

/** ingress-nginx: `location ~* "^<path>"` then `rewrite "(?i)<path>" <rewrite-target> break;` (the whole URI is replaced). */
const nginx: Forward = (objects, request) => {
  const ingress = objects.find(o => o.kind === 'Ingress');
  const target: string = ingress.metadata.annotations['nginx.ingress.kubernetes.io/rewrite-target'];
  for (const p of ingress.spec.rules[0].http.paths) {
    const m = new RegExp(`^${String(p.path).replace(/\(\?-i\)/g, '')}`).exec(request);
    if (m) return target.replace(/\$(\d)/g, (_, n) => m[Number(n)] ?? '');
  }
  return undefined;
};

/** Traefik: replacePathRegex is Go's ReplaceAllString over the path (`${n}` references). */
const traefik: Forward = (objects, request) => {
  const spec = objects.find(o => o.kind === 'Middleware' && o.spec.replacePathRegex)?.spec.replacePathRegex;
  if (!spec) return undefined;
  return request.replace(new RegExp(spec.regex), String(spec.replacement).replace(/\$\{(\d+)\}/g, '$$$1'));
};

/** Kong Ingress: strip_path removes what the route matched (KIC: `<prefix>/` and `~<prefix>$`); an empty rest is '/'. */
const kong: Forward = (objects, request) => {
  const ingress = objects.find(o => o.kind === 'Ingress');
  if (ingress.metadata.annotations?.['konghq.com/strip-path'] !== 'true') return request;
  const prefix: string = ingress.spec.rules[0].http.paths[0].path;
  if (prefix === '/') return request;
  if (request === prefix) return '/';
  return request.startsWith(`${prefix}/`) ? `/${request.slice(prefix.length + 1)}` : undefined;
};

/**
 * Gateway API: ReplacePrefixMatch replaces the matched prefix (element-wise) with the new one,
 * the new prefix's trailing '/' ignored, an empty result being '/'.
 */
const gatewayApi: Forward = (objects, request) => {
  const rule = objects.find(o => o.kind === 'HTTPRoute').spec.rules[0];
  // A rule without matches matches every path (Prefix '/').
  const prefix: string = rule.matches?.[0]?.path?.value ?? '/';
  const modifier = rule.filters?.find((f: any) => f.type === 'URLRewrite')?.urlRewrite.path;
  if (modifier?.type !== 'ReplacePrefixMatch') return request;
  const matched = prefix === '/' ? '' : prefix.replace(/\/$/, '');
  if (request !== matched && !request.startsWith(`${matched}/`)) return undefined;
  const rest = request.slice(matched.length);
  return `${String(modifier.replacePrefixMatch).replace(/\/$/, '')}${rest}` || '/';
};

const FORWARD: { readonly [c in ControllerName]: Forward } = {
  'ingress-nginx': nginx,
  'traefik': traefik,
  'traefik-ingress': traefik,
  'kong': kong,
  'kong-gateway-api': gatewayApi,
  'gateway-api': gatewayApi,
  'envoy-gateway': gatewayApi,
  'istio': gatewayApi,
};

const cells = (Object.keys(CONTROLLERS) as ControllerName[]).flatMap(c => CASES.map(k => [c, `${k.prefix} -> ${k.replace}`, k] as const));

describe('Rewrite.replacePrefix forwards the paths of the table on every controller', () => {
  test.each(cells)('%s: prefix %s', (controller, name, k) => {
    const chart = newChart();
    new ApiGateway(chart, 'gw', { controller: CONTROLLERS[controller]() }).addRoute('r', {
      hosts: ['a.example.com'], match: { path: PathMatch.prefix(k.prefix) }, backend: Backend.service('svc', 80), rewrite: Rewrite.replacePrefix(k.replace),
    });
    if (REFUSED[controller]?.includes(name)) {
      expect(synthError(chart)).toContain("Rewrite the matched prefix (rewrite) is not supported by controller 'kong'");
      return;
    }
    const objects = synthConformant(chart);
    expect(k.rows.map(([request]) => [request, FORWARD[controller](objects, request)])).toEqual(k.rows.map(r => [...r]));
  });
});
