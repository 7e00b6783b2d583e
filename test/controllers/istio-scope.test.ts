import { ApiGateway, Backend, Controller, HttpMethod, IpAccess, PathMatch, RouteOptions } from '../../src';
import { newChart, synthConformant, synthError } from '../util';

/**
 * How an Istio policy is limited to its route's requests (features/scope.ts): the exact `to`
 * operations of the route's DENY AuthorizationPolicy, host by host and path by path, and the
 * overlaps with other routes it subtracts, ignores or refuses. Hand-written expectations.
 */

const allow = IpAccess.allow(['10.0.0.0/8']);
const FROM = [{ source: { notRemoteIpBlocks: ['10.0.0.0/8'] } }];
const A = ['a.example.com'];
const hostsOf = (...hosts: string[]) => hosts.flatMap(h => [h, `${h}:*`]);

function gateway(routes: Record<string, RouteOptions>, defaultBackend?: Backend) {
  const chart = newChart();
  const gw = new ApiGateway(chart, 'gw', { controller: Controller.istio(), defaultBackend });
  for (const [id, options] of Object.entries(routes)) gw.addRoute(id, { backend: Backend.service('svc', 80), ...options });
  return chart;
}

/** The rules of route `id`'s DENY AuthorizationPolicy. */
function rulesOf(routes: Record<string, RouteOptions>, id: string, defaultBackend?: Backend): any[] {
  const objects = synthConformant(gateway(routes, defaultBackend));
  const policy = objects.find(o => o.kind === 'AuthorizationPolicy' && o.metadata.name === `gw-${id}-authz`);
  expect(policy?.spec.action).toBe('DENY');
  return policy.spec.rules;
}

const refusal = (route: string, reason: string) => `[test/gw/${route}] IP allow list (ipAccess) is not supported by controller 'istio': Istio attaches it to the `
  + `whole Gateway and limits it to this route's requests by host, path and method; ${reason}. Supported by: Controller.ingressNginx(), Controller.traefik(), `
  + 'Controller.traefik({ output: TraefikOutput.INGRESS }), Controller.kong(), Controller.kong({ mode: KongMode.GATEWAY_API }), Controller.envoyGateway().';

function errorsOf(routes: Record<string, RouteOptions>, defaultBackend?: Backend): string[] | undefined {
  return synthError(gateway(routes, defaultBackend))?.split('\n').slice(1).map(l => l.trim());
}

describe('Istio policy scope: the route\'s requests, minus what more specific routes take', () => {
  test('only more specific overlapping paths are subtracted: longer prefixes and exact paths under the prefix', () => {
    expect(rulesOf({
      r: { hosts: A, match: { path: PathMatch.prefix('/api') }, ipAccess: allow },
      longer: { hosts: A, match: { path: PathMatch.prefix('/api/v1') } },
      exact: { hosts: A, match: { path: PathMatch.exact('/api/x') } },
      // a prefix is element-wise: '/apix' is not under '/api'
      sibling: { hosts: A, match: { path: PathMatch.prefix('/apix') } },
      // less specific: takes none of this route's requests
      root: { hosts: A, match: { path: PathMatch.prefix('/') } },
      elsewhere: { hosts: A, match: { path: PathMatch.exact('/other') } },
      otherHost: { hosts: ['b.example.com'], match: { path: PathMatch.prefix('/api/v2') } },
    }, 'r')).toEqual([{
      from: FROM,
      to: [{ operation: { hosts: hostsOf('a.example.com'), paths: ['/api', '/api/*'], notPaths: ['/api/v1', '/api/v1/*', '/api/x'] } }],
    }]);
  });

  test('an exact path: another exact path, a prefix ending inside a path element, another method, the same path without a method take none of its requests', () => {
    expect(rulesOf({
      r: { hosts: A, match: { path: PathMatch.exact('/login') }, ipAccess: allow },
      below: { hosts: A, match: { path: PathMatch.exact('/login/x') } },
      prefix: { hosts: A, match: { path: PathMatch.prefix('/log') } },
      // the same path as a prefix is less specific than the exact path
      samePrefix: { hosts: A, match: { path: PathMatch.prefix('/login') } },
    }, 'r')).toEqual([{ from: FROM, to: [{ operation: { hosts: hostsOf('a.example.com'), paths: ['/login'] } }] }]);
    expect(rulesOf({
      r: { hosts: A, match: { path: PathMatch.prefix('/login') }, ipAccess: allow },
      exact: { hosts: A, match: { path: PathMatch.exact('/login') } },
    }, 'r')).toEqual([{ from: FROM, to: [{ operation: { hosts: hostsOf('a.example.com'), paths: ['/login', '/login/*'], notPaths: ['/login'] } }] }]);
    expect(rulesOf({
      r: { hosts: A, match: { path: PathMatch.exact('/login'), method: HttpMethod.POST }, ipAccess: allow },
      get: { hosts: A, match: { path: PathMatch.exact('/login'), method: HttpMethod.GET } },
      any: { hosts: A, match: { path: PathMatch.exact('/login') } },
    }, 'r')).toEqual([{ from: FROM, to: [{ operation: { hosts: hostsOf('a.example.com'), methods: ['POST'], paths: ['/login'] } }] }]);
  });

  test('exact paths above a prefix, or the root exact path, take none of its requests', () => {
    expect(rulesOf({
      r: { hosts: A, match: { path: PathMatch.prefix('/api/v1') }, ipAccess: allow },
      parent: { hosts: A, match: { path: PathMatch.exact('/api') } },
      root: { hosts: A, match: { path: PathMatch.exact('/') } },
    }, 'r')).toEqual([{ from: FROM, to: [{ operation: { hosts: hostsOf('a.example.com'), paths: ['/api/v1', '/api/v1/*'] } }] }]);
  });

  test('the same exact path with a method takes some of the requests of the exact path without one: refused', () => {
    expect(errorsOf({
      r: { hosts: A, match: { path: PathMatch.exact('/login') }, ipAccess: allow },
      post: { hosts: A, match: { path: PathMatch.exact('/login'), method: HttpMethod.POST } },
    })).toEqual([refusal('r', "route [test/gw/post] (Exact '/login' POST) takes some of the requests this route matches, and Istio cannot subtract "
      + "them exactly; give it the same policy, or make the routes' hosts or paths disjoint")]);
  });

  test('subtracted paths are sorted, and hosts share an operation only when their subtractions are the same list', () => {
    expect(rulesOf({
      r: { hosts: A, match: { path: PathMatch.prefix('/api') }, ipAccess: allow },
      z: { hosts: A, match: { path: PathMatch.exact('/api/z') } },
      b: { hosts: A, match: { path: PathMatch.prefix('/api/b') } },
    }, 'r')).toEqual([{ from: FROM, to: [{ operation: { hosts: hostsOf('a.example.com'), paths: ['/api', '/api/*'], notPaths: ['/api/b', '/api/b/*', '/api/z'] } }] }]);
    // ['/a/b'] and ['/a', '/b'] are different subtractions (written one after the other, they read alike)
    expect(rulesOf({
      r: { hosts: ['a.example.com', 'b.example.com'], match: { path: PathMatch.prefix('/') }, ipAccess: allow },
      ab: { hosts: ['a.example.com'], match: { path: PathMatch.exact('/a/b') } },
      a: { hosts: ['b.example.com'], match: { path: PathMatch.exact('/a') } },
      b: { hosts: ['b.example.com'], match: { path: PathMatch.exact('/b') } },
    }, 'r')).toEqual([{
      from: FROM,
      to: [
        { operation: { hosts: hostsOf('a.example.com'), notPaths: ['/a/b'] } },
        { operation: { hosts: hostsOf('b.example.com'), notPaths: ['/a', '/b'] } },
      ],
    }]);
  });

  test('a route without hostnames subtracts the other routes\' hostnames, sorted', () => {
    expect(rulesOf({
      r: { match: { path: PathMatch.prefix('/') }, ipAccess: allow },
      z: { hosts: ['z.example.com'] },
      y: { hosts: ['y.example.com'] },
    }, 'r')).toEqual([{ from: FROM, to: [{ operation: { notHosts: hostsOf('y.example.com', 'z.example.com') } }] }]);
  });

  test('a longer prefix with the same method takes some of the requests of a prefix with a method: refused', () => {
    expect(errorsOf({
      r: { hosts: A, match: { path: PathMatch.prefix('/api'), method: HttpMethod.POST }, ipAccess: allow },
      longer: { hosts: A, match: { path: PathMatch.prefix('/api/v1'), method: HttpMethod.POST } },
    })).toEqual([refusal('r', "route [test/gw/longer] (Prefix '/api/v1' POST) takes some of the requests this route matches, and Istio cannot subtract "
      + "them exactly; give it the same policy, or make the routes' hosts or paths disjoint")]);
  });

  test('a route with the same path on one of the route\'s hosts ranks alike: refused (besides the duplicate match)', () => {
    expect(errorsOf({
      r: { hosts: ['a.example.com', 'b.example.com'], match: { path: PathMatch.prefix('/api') }, ipAccess: allow },
      same: { hosts: A, match: { path: PathMatch.prefix('/api') }, backend: Backend.service('other', 80) },
    })).toEqual([
      refusal('r', "route [test/gw/same] (Prefix '/api') takes some of the requests this route matches, and Istio cannot subtract "
        + "them exactly; give it the same policy, or make the routes' hosts or paths disjoint"),
      "[test/gw/same] Route.match: host 'a.example.com' with Prefix path '/api' is already routed by [test/gw/r] to a different backend; remove one of the "
        + 'routes or make their matches differ',
    ]);
  });

  test('an exact path under the route\'s prefix with a method cannot be subtracted: refused', () => {
    expect(errorsOf({
      r: { hosts: A, match: { path: PathMatch.prefix('/') }, ipAccess: allow },
      get: { hosts: A, match: { path: PathMatch.exact('/x'), method: HttpMethod.GET } },
    })).toEqual([refusal('r', "route [test/gw/get] (Exact '/x' GET) takes some of the requests this route matches, and Istio cannot subtract "
      + "them exactly; give it the same policy, or make the routes' hosts or paths disjoint")]);
  });

  test('each host gets the subtractions of the routes sharing it; hosts with the same ones share an operation', () => {
    expect(rulesOf({
      r: { hosts: ['a.example.com', 'b.example.com', 'c.example.com'], match: { path: PathMatch.prefix('/') }, ipAccess: allow },
      onA: { hosts: ['a.example.com'], match: { path: PathMatch.prefix('/x') } },
    }, 'r')).toEqual([{
      from: FROM,
      to: [
        { operation: { hosts: hostsOf('a.example.com'), notPaths: ['/x', '/x/*'] } },
        { operation: { hosts: hostsOf('b.example.com', 'c.example.com') } },
      ],
    }]);
  });

  test('a route without hostnames: other routes\' hostnames are subtracted, and paths of routes without hostnames', () => {
    expect(rulesOf({
      r: { match: { path: PathMatch.prefix('/') }, ipAccess: allow },
      named: { hosts: ['x.example.com'], match: { path: PathMatch.prefix('/') } },
      stat: { match: { path: PathMatch.prefix('/static') } },
    }, 'r')).toEqual([{ from: FROM, to: [{ operation: { notHosts: hostsOf('x.example.com'), notPaths: ['/static', '/static/*'] } }] }]);
    expect(errorsOf({
      r: { match: { path: PathMatch.prefix('/') }, ipAccess: allow },
      wild: { hosts: ['**.w.example.com'] },
    })).toEqual([refusal('r', "route [test/gw/wild] takes every request for '**.w.example.com' (a more specific hostname), which Istio cannot subtract "
      + 'together with a port; give this route hostnames, or [test/gw/wild] the same policy')]);
  });

  test('a route serving every request gets a rule without `to`, also when another of its matches is narrower', () => {
    expect(rulesOf({ r: { match: { path: PathMatch.prefix('/') }, ipAccess: allow } }, 'r')).toEqual([{ from: FROM }]);
    expect(rulesOf({ r: { matches: [{ path: PathMatch.prefix('/') }, { path: PathMatch.exact('/x'), method: HttpMethod.POST }], ipAccess: allow } }, 'r'))
      .toEqual([{ from: FROM }]);
  });

  test('routes carrying the same policy need no subtraction', () => {
    expect(rulesOf({
      r: { hosts: A, match: { path: PathMatch.prefix('/api') }, ipAccess: allow },
      same: { hosts: A, match: { path: PathMatch.prefix('/api/v1') }, ipAccess: IpAccess.allow(['10.0.0.0/8']) },
      other: { hosts: A, match: { path: PathMatch.prefix('/api/v2') }, ipAccess: IpAccess.allow(['192.168.0.0/16']) },
    }, 'r')).toEqual([{ from: FROM, to: [{ operation: { hosts: hostsOf('a.example.com'), paths: ['/api', '/api/*'], notPaths: ['/api/v2', '/api/v2/*'] } }] }]);
  });

  test('the default backend takes the requests no route matches, none of a prefix route\'s', () => {
    expect(rulesOf({ r: { match: { path: PathMatch.prefix('/api') }, ipAccess: allow } }, 'r', Backend.service('fallback', 80)))
      .toEqual([{ from: FROM, to: [{ operation: { paths: ['/api', '/api/*'] } }] }]);
  });
});
