import { ApiGateway, Backend, Controller, PathMatch, Rewrite, RouteOptions } from '../../src';
import { newChart, synthConformant, synthError } from '../util';

const SUPPORTED_ELSEWHERE = 'Supported by: Controller.traefik(), Controller.traefik({ output: TraefikOutput.INGRESS }), Controller.kong(), '
  + 'Controller.kong({ mode: KongMode.GATEWAY_API }), Controller.gatewayApi(), Controller.envoyGateway(), Controller.istio().';

/** Routes on one ingress-nginx gateway: the synth error's lines, or the synthesized objects. */
function synth(routes: { [id: string]: RouteOptions }): { errors?: string[]; objects?: any[] } {
  const chart = newChart();
  const gw = new ApiGateway(chart, 'gw', { controller: Controller.ingressNginx() });
  for (const [id, options] of Object.entries(routes)) gw.addRoute(id, { backend: Backend.service('svc', 80), ...options });
  const error = synthError(chart);
  if (error) return { errors: error.split('\n').slice(1).map(l => l.trim()) };
  return { objects: synthConformant(chart) };
}

describe('ingress-nginx path validation: exact refusals', () => {
  test('strict-validate-path-type: an Exact or Prefix path with other characters is refused, naming the match', () => {
    expect(synth({ r: { hosts: ['api.example.com'], match: { path: PathMatch.prefix('/a@b') } } }).errors).toEqual([
      "[test/gw/r] Prefix path match (match.path) is not supported by controller 'ingress-nginx': its strict path validation accepts only "
      + `letters, digits, '.', '_', '-' and '/' in Exact and Prefix paths ('/a@b' given). ${SUPPORTED_ELSEWHERE}`,
    ]);
    expect(synth({ r: { hosts: ['api.example.com'], matches: [{ path: PathMatch.exact('/ok') }, { path: PathMatch.exact('/a~b') }] } }).errors).toEqual([
      "[test/gw/r] Exact path match (matches[1].path) is not supported by controller 'ingress-nginx': its strict path validation accepts only "
      + `letters, digits, '.', '_', '-' and '/' in Exact and Prefix paths ('/a~b' given). ${SUPPORTED_ELSEWHERE}`,
    ]);
  });

  test('every character the strict validation accepts renders as given, and a regex path is not subject to it', () => {
    const { objects } = synth({
      r: { hosts: ['api.example.com'], matches: [{ path: PathMatch.exact('/A-z_0.9/x') }, { path: PathMatch.prefix('/') }] },
      re: { hosts: ['re.example.com'], match: { path: PathMatch.regex('/items/[0-9]+~') } },
    });
    const paths = (name: string) => objects!.find(o => o.metadata.name === name).spec.rules[0].http.paths.map((p: any) => [p.pathType, p.path]);
    expect(paths('gw-r')).toEqual([['Exact', '/A-z_0.9/x'], ['Prefix', '/']]);
    expect(paths('gw-re')).toEqual([['ImplementationSpecific', '/items/[0-9]+~$']]);
  });

  test('a regex route sharing a host with literal paths is refused, naming the route it would change', () => {
    const regexCell = 'Supported by: Controller.traefik(), Controller.traefik({ output: TraefikOutput.INGRESS }), Controller.kong(), '
      + 'Controller.kong({ mode: KongMode.GATEWAY_API }), Controller.envoyGateway(), Controller.istio().';
    expect(synth({
      web: { hosts: ['api.example.com'], match: { path: PathMatch.prefix('/web') } },
      items: { hosts: ['api.example.com'], match: { path: PathMatch.regex('/items/[0-9]+') } },
    }).errors).toEqual([
      "[test/gw/items] Regular-expression path match (match.path) is not supported by controller 'ingress-nginx': use-regex turns every path of host "
      + `'api.example.com' into a case-insensitive regex, which would change the literal paths of [test/gw/web]; put regex routes on their own host. ${regexCell}`,
    ]);
    // Hostless routes share the catch-all host, named '*'.
    expect(synth({
      web: { match: { path: PathMatch.prefix('/web') } },
      items: { match: { path: PathMatch.regex('/items/[0-9]+') } },
    }).errors?.[0]).toContain("use-regex turns every path of host '*' into a case-insensitive regex, which would change the literal paths of [test/gw/web];");
    // Literal paths on other hosts are not concerned.
    expect(synth({
      web: { hosts: ['web.example.com'], match: { path: PathMatch.prefix('/web') } },
      items: { hosts: ['api.example.com'], match: { path: PathMatch.regex('/items/[0-9]+') } },
    }).errors).toBeUndefined();
    // A route mixing regex and literal matches changes its own literal paths.
    expect(synth({
      items: { hosts: ['api.example.com'], matches: [{ path: PathMatch.regex('/items/[0-9]+') }, { path: PathMatch.prefix('/api') }] },
    }).errors?.[0]).toContain("use-regex turns every path of host 'api.example.com' into a case-insensitive regex, which would change the literal paths of [test/gw/items];");
  });

  test('a full-path rewrite sharing a host with literal paths is refused as the rewrite', () => {
    expect(synth({
      web: { hosts: ['api.example.com'], match: { path: PathMatch.prefix('/web') } },
      st: { hosts: ['api.example.com'], match: { path: PathMatch.exact('/status') }, rewrite: Rewrite.replaceFullPath('/healthz') },
    }).errors?.[0]).toMatch(/^\[test\/gw\/st\] Rewrite the whole path \(rewrite\) is not supported by controller 'ingress-nginx': rewrite-target turns every path of host 'api.example.com' into a case-insensitive regex, which would change the literal paths of \[test\/gw\/web\]; put rewriting routes on their own host\. Supported by: /);
  });
});
