import { ApiGateway, Backend, Controller, EdgeAuth, HeaderMatch, IpAccess, PathMatch, QueryParamMatch, RouteOptions } from '../../src';
import { newChart, synthError } from '../util';

/** The synth error of one Istio gateway with the given routes, as its message lines. */
function errorsOf(routes: Record<string, RouteOptions>): string[] | undefined {
  const chart = newChart();
  const gw = new ApiGateway(chart, 'gw', { controller: Controller.istio() });
  for (const [id, options] of Object.entries(routes)) gw.addRoute(id, { backend: Backend.service('svc', 80), ...options });
  return synthError(chart)?.split('\n').slice(1).map(l => l.trim());
}

const allow = IpAccess.allow(['10.0.0.0/8']);
const A = ['api.example.com'];
const SCOPE = (route: string, reason: string) => `[test/gw/${route}] IP allow list (ipAccess) is not supported by controller 'istio': Istio attaches it to the `
  + `whole Gateway and limits it to this route's requests by host, path and method; ${reason}. Supported by: Controller.ingressNginx(), Controller.traefik(), `
  + 'Controller.traefik({ output: TraefikOutput.INGRESS }), Controller.kong(), Controller.kong({ mode: KongMode.GATEWAY_API }), Controller.envoyGateway().';

describe('Istio: policies an AuthorizationPolicy cannot scope to the route, exact refusals', () => {
  test('the route\'s own regex path, header or query match', () => {
    expect(errorsOf({
      re: { hosts: ['re.example.com'], match: { path: PathMatch.regex('/items/[0-9]+') }, ipAccess: allow },
      hd: { hosts: ['hd.example.com'], match: { headers: [HeaderMatch.exact('x-tenant', 'blue')] }, ipAccess: allow },
      qp: { hosts: ['qp.example.com'], match: { queryParams: [QueryParamMatch.exact('debug', '1')] }, ipAccess: allow },
    })).toEqual([
      SCOPE('re', "Istio's AuthorizationPolicy cannot match a regular-expression path, so the policy cannot be scoped to this route"),
      SCOPE('hd', "Istio's AuthorizationPolicy operation cannot match request headers, so the policy cannot be scoped to this route"),
      SCOPE('qp', "Istio's AuthorizationPolicy cannot match query parameters, so the policy cannot be scoped to this route"),
    ]);
  });

  test('another route that takes some of the requests', () => {
    expect(errorsOf({
      r: { hosts: A, match: { path: PathMatch.prefix('/api') }, ipAccess: allow },
      re: { hosts: A, match: { path: PathMatch.regex('/api/[0-9]+') } },
    })).toEqual([
      SCOPE('r', "route [test/gw/re] has a regular-expression path that may take some of this route's requests (precedence is implementation-specific); "
        + 'give it the same policy, or make the paths disjoint'),
    ]);
    // a regular expression is assumed to overlap whatever its text looks like ('/api' is not a prefix of it)
    expect(errorsOf({
      r: { hosts: A, match: { path: PathMatch.prefix('/api') }, ipAccess: allow },
      alt: { hosts: A, match: { path: PathMatch.regex('/(api|web)/.*') } },
    })).toEqual([
      SCOPE('r', "route [test/gw/alt] has a regular-expression path that may take some of this route's requests (precedence is implementation-specific); "
        + 'give it the same policy, or make the paths disjoint'),
    ]);
    expect(errorsOf({
      r: { hosts: A, match: { path: PathMatch.prefix('/api') }, ipAccess: allow },
      same: { hosts: A, match: { path: PathMatch.prefix('/api'), headers: [HeaderMatch.exact('x-tenant', 'blue')] } },
    })).toEqual([
      SCOPE('r', "route [test/gw/same] (Prefix '/api') takes some of the requests this route matches, and Istio cannot subtract them exactly; give it the "
        + "same policy, or make the routes' hosts or paths disjoint"),
    ]);
    expect(errorsOf({
      r: { hosts: A, match: { path: PathMatch.prefix('/api') }, ipAccess: allow },
      query: { hosts: A, match: { path: PathMatch.prefix('/api'), queryParams: [QueryParamMatch.exact('debug', '1')] } },
    })).toEqual([
      SCOPE('r', "route [test/gw/query] (Prefix '/api') takes some of the requests this route matches, and Istio cannot subtract them exactly; give it the "
        + "same policy, or make the routes' hosts or paths disjoint"),
    ]);
  });

  test('JWT issuer with a wildcard, claim headers Istio cannot name', () => {
    expect(errorsOf({
      a: { hosts: ['a.example.com'], auth: EdgeAuth.jwt({ issuer: 'https://*.example.com', jwksUri: 'https://issuer.example.com/jwks' }) },
      b: { hosts: ['b.example.com'], auth: EdgeAuth.jwt({ issuer: 'https://b.example.com', jwksUri: 'https://issuer.example.com/jwks', claimsToHeaders: [{ claim: 'sub', header: 'x.user' }] }) },
    })).toEqual([
      "[test/gw/a] JWT validation (auth.issuer) is not supported by controller 'istio': Istio reads '*' in a request principal as a wildcard. Supported by: "
      + 'Controller.envoyGateway().',
      "[test/gw/b] JWT validation (auth.claimsToHeaders) is not supported by controller 'istio': Istio accepts only letters, digits, '-' and '_' in header "
      + "names, not 'x.user'. Supported by: Controller.envoyGateway().",
    ]);
  });
});
