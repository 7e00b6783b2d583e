import { Chart, Testing } from 'cdk8s';
import * as kplus from 'cdk8s-plus-27';
import { ApiGateway, Backend, Controller, GatewayParentKind, HeaderMatch, PathMatch, QueryParamMatch, Route, TlsCertificate } from '../../src';
import { CONTROLLERS, newChart, synthError } from '../util';

function gateway(controller = Controller.envoyGateway()) {
  const chart = newChart();
  return { chart, gw: new ApiGateway(chart, 'edge', { controller }) };
}

describe('Route: hosts', () => {
  test.each([
    ['API.example.com', /Route.hosts\[0\]: 'API.example.com' must be lowercase/],
    ['10.0.0.1', /Route.hosts\[0\]: '10.0.0.1' is an IP address/],
    ['[::1]', /Route.hosts\[0\]: .* without a port or IPv6/],
    ['*.*.example.com', /'\*\.\*\.example\.com' may contain a wildcard only as the whole leftmost label: '\*\.example\.com' \(exactly one label\) or '\*\*\.example\.com' \(one or more labels\)$/],
    ['a.*.example.com', /may contain a wildcard only as the whole leftmost label/],
    ['***.example.com', /'\*\*\*\.example\.com' may contain a wildcard only as the whole leftmost label/],
    ['a.**.example.com', /may contain a wildcard only as the whole leftmost label/],
    ['**.*.example.com', /may contain a wildcard only as the whole leftmost label/],
    ['*x.example.com', /may contain a wildcard only as the whole leftmost label/],
    ['**', /'\*\*' is not a hostname: omit hosts for a catch-all that matches every host, or use a wildcard such as '\*\.example\.com' \(one label\) or '\*\*\.example\.com' \(any depth\)$/],
    ['*', /'\*' is not a hostname: omit hosts for a catch-all that matches every host, or use a wildcard such as '\*\.example\.com' \(one label\) or '\*\*\.example\.com' \(any depth\)$/],
    ['bücher.example.com', /'bücher\.example\.com' is an internationalized name; write its A-label \(punycode\) spelling 'xn--bcher-kva\.example\.com'$/],
    ['*.bücher.example.com', /write its A-label \(punycode\) spelling '\*\.xn--bcher-kva\.example\.com'$/],
    ['*.com', /wildcard must cover a domain with at least two labels/],
    ['**.com', /'\*\*\.com' wildcard must cover a domain with at least two labels/],
    ['**.bücher.example.com', /write its A-label \(punycode\) spelling '\*\*\.xn--bcher-kva\.example\.com'$/],
    ['api.example.com:8443', /without a port/],
    ['under_score.example.com', /not a valid DNS name/],
    ['example.com.', /must not end with a dot/],
    ['', /must be a non-empty DNS name/],
  ])('rejects %s', (host, message) => {
    const { gw } = gateway();
    expect(() => gw.addRoute('r', { hosts: [host], backend: Backend.service('svc', 80) }))
      .toThrow(new RegExp(`^\\[test/edge/r\\] .*${message.source}`));
  });

  test('accepts one leftmost wildcard label: `*.` (one label) and `**.` (any depth)', () => {
    const { gw } = gateway();
    const route = gw.addRoute('r', { hosts: ['*.example.com', 'api.example.com', '**.apps.example.com'], backend: Backend.service('svc', 80) });
    expect(route.hosts).toEqual(['**.apps.example.com', '*.example.com', 'api.example.com']);
  });

  test('a TLS host is a certificate name: `**.` is refused, naming the one-label spelling', () => {
    const { gw } = gateway();
    expect(() => gw.addTlsHost('tls', { hosts: ['**.example.com'], certificate: TlsCertificate.fromSecret('cert') })).toThrow(
      "[test/edge/tls] TlsHost.hosts[0]: '**.example.com' cannot be a certificate name: a certificate wildcard stands for exactly one label; write '*.example.com' (and list deeper names such as '*.sub.example.com' separately)");
  });

  test('rejects a duplicate host', () => {
    const { gw } = gateway();
    expect(() => gw.addRoute('r', { hosts: ['a.example.com', 'a.example.com'], backend: Backend.service('svc', 80) })).toThrow(/Route.hosts: lists a hostname twice/);
  });
});

describe('Route: paths', () => {
  test.each([
    [PathMatch.prefix('v1'), /match.path: 'v1' must start with '\/'/],
    [PathMatch.exact('/a//b'), /must not contain '\/\/'/],
    [PathMatch.exact('/a/../b'), /must not contain '\.' or '\.\.' segments/],
    [PathMatch.exact('/a/./b'), /must not contain '\.' or '\.\.' segments/],
    [PathMatch.exact('/a%2Fb'), /encoded '\/'/],
    [PathMatch.exact('/a b'), /characters outside the URL path set/],
    [PathMatch.exact('/a{b}'), /characters outside the URL path set/],
    [PathMatch.exact('/a;\nb'), /characters outside the URL path set/],
    [PathMatch.regex('/users/(?=admin)'), /look-around/],
    [PathMatch.regex('/users/[0-9'), /not a valid regular expression/],
    [PathMatch.regex('users'), /must match from the leading '\/'/],
    [PathMatch.regex('/a|/b'), /top-level '\|'/],
    [PathMatch.regex('/a\nb'), /CR, LF or NUL/],
  ])('rejects %p', (path, message) => {
    const { gw } = gateway();
    expect(() => gw.addRoute('r', { match: { path }, backend: Backend.service('svc', 80) })).toThrow(message);
  });

  test('normalises a trailing slash on prefixes and strips regex anchors', () => {
    const { gw } = gateway();
    const r = gw.addRoute('r', { matches: [{ path: PathMatch.prefix('/v1/') }, { path: PathMatch.regex('^/u/[0-9]+$') }], backend: Backend.service('svc', 80) });
    expect(r._ir.matches.map(m => m.path.value)).toEqual(['/v1', '/u/[0-9]+']);
  });

  test('rejects match together with matches, and repeated matches', () => {
    const { gw } = gateway();
    expect(() => gw.addRoute('a', { match: {}, matches: [{}], backend: Backend.service('svc', 80) })).toThrow(/either match or matches/);
    expect(() => gw.addRoute('b', { matches: [{ path: PathMatch.exact('/x') }, { path: PathMatch.exact('/x') }], backend: Backend.service('svc', 80) }))
      .toThrow(/matches\[1\]: repeats an earlier match/);
    expect(() => gw.addRoute('c', { matches: [], backend: Backend.service('svc', 80) })).toThrow(/at least one match/);
  });
});

describe('Route: header, query and method matches', () => {
  test.each([
    [{ headers: [HeaderMatch.exact('x env', 'a')] }, /headers\[0\]: 'x env' is not a valid HTTP header/],
    [{ headers: [HeaderMatch.exact('x-env', 'a\r\nx-injected: 1')] }, /headers\[0\]: header 'x-env' value must not contain CR, LF or NUL/],
    [{ headers: [HeaderMatch.exact('x-env', '')] }, /non-empty value/],
    [{ headers: [HeaderMatch.exact('X-Env', 'a'), HeaderMatch.exact('x-env', 'b')] }, /matched twice/],
    [{ headers: [HeaderMatch.regex('ua', '(?<=x)y')] }, /look-around/],
    [{ queryParams: [QueryParamMatch.exact('v', 'a\nb')] }, /queryParams\[0\]: query parameter 'v' value must not contain CR/],
    [{ queryParams: [QueryParamMatch.exact('v', '1'), QueryParamMatch.exact('v', '2')] }, /matched twice/],
    [{ method: 'FETCH' as any }, /match.method: 'FETCH' is not an HttpMethod/],
  ])('rejects %p', (match, message) => {
    const { gw } = gateway();
    expect(() => gw.addRoute('r', { match, backend: Backend.service('svc', 80) })).toThrow(message);
  });
});

describe('Route: backends', () => {
  test.each([
    [() => Backend.service('9svc', 80), /Backend.service\('9svc', 80\): '9svc' is not a valid Service name/],
    [() => Backend.service('svc', 0), /port 0 must be an integer from 1 to 65535/],
    [() => Backend.service('svc', 70000), /port 70000 must be an integer from 1 to 65535/],
    [() => Backend.service('svc', 80.5), /port 80.5 must be an integer/],
    [() => Backend.service('svc', 80, { namespace: 'Bad_NS' }), /'Bad_NS' is not a valid namespace/],
  ])('rejects %#', (backend, message) => {
    const { gw } = gateway();
    expect(() => gw.addRoute('r', { backend: backend() })).toThrow(message);
  });

  test('requires a backend, and not both backend and backends', () => {
    const { gw } = gateway();
    expect(() => gw.addRoute('a', {})).toThrow(/Route.backend: a backend is required/);
    expect(() => gw.addRoute('b', { backend: Backend.service('a', 80), backends: [Backend.service('b', 80)] })).toThrow(/either backend or backends/);
    expect(() => gw.addRoute('c', { backends: [Backend.service('a', 80), Backend.service('a', 80)] })).toThrow(/lists edge\/a:80 twice/);
  });

  test('fromService checks the port exists on the Service', () => {
    const chart = newChart();
    const svc = new kplus.Service(chart, 'svc', { ports: [{ port: 8080 }, { port: 9090, name: 'metrics' }] });
    expect(() => Backend.fromService(svc, { port: 8081 })).toThrow(/port 8081 is not a port of Service '.*' \(its ports: 8080, 9090\)/);
    expect(() => Backend.fromService(svc)).toThrow(/several ports \(8080, 9090\); choose one/);
    expect(Backend.fromService(svc, { port: 9090 }).port).toBe(9090);
    const single = new kplus.Service(chart, 'single', { ports: [{ port: 80 }] });
    expect(Backend.fromService(single).port).toBe(80);
    const none = new kplus.Service(chart, 'none');
    expect(() => Backend.fromService(none)).toThrow(/has no ports/);
  });

  test('fromServicePorts accepts any Service shape (newer cdk8s-plus lines)', () => {
    const b = Backend.fromServicePorts('api', [{ port: 8080, name: 'http' }], { namespace: 'apps' });
    expect([b.serviceName, b.port, b.namespace]).toEqual(['api', 8080, 'apps']);
  });
});

describe('Route: names and conflicts', () => {
  test('a construct id that cannot form an object name is refused', () => {
    const { gw } = gateway();
    expect(() => gw.addRoute('My Route!', { backend: Backend.service('svc', 80) }))
      .toThrow(/\[test\/edge\/My Route!\] Route: construct id 'My Route!' does not give a valid object name/);
    expect(() => gw.addRoute('r', { name: 'Bad_Name', backend: Backend.service('svc', 80) })).toThrow(/Route.name: 'Bad_Name' is not a valid object name/);
  });

  test('mixed-case ids are lowercased into names', () => {
    const { gw } = gateway();
    expect(gw.addRoute('ApiV1', { backend: Backend.service('svc', 80) }).name).toBe('edge-apiv1');
  });

  test('two routes that would share an object name are refused', () => {
    const { chart, gw } = gateway();
    gw.addRoute('r', { backend: Backend.service('svc', 80) });
    expect(() => new Route(chart, 'other', { gateway: gw, name: 'edge-r', backend: Backend.service('svc', 80) }))
      .toThrow(/Route.name: 'edge-r' is already used by test\/edge\/r/);
  });

  test('two routes claiming the same host + match with different backends name each other', () => {
    const { chart, gw } = gateway();
    gw.addRoute('a', { hosts: ['api.example.com'], match: { path: PathMatch.prefix('/v1') }, backend: Backend.service('one', 80) });
    gw.addRoute('b', { hosts: ['api.example.com'], match: { path: PathMatch.prefix('/v1/') }, backend: Backend.service('two', 80) });
    expect(synthError(chart)).toMatch(/\[test\/edge\/b\] Route.match: host 'api.example.com' with Prefix path '\/v1' is already routed by \[test\/edge\/a\] to a different backend/);
  });

  test.each(Object.keys(CONTROLLERS))('%s: the same host + match with the same backend is an identical duplicate, refused', (c) => {
    const chart = newChart();
    const gw = new ApiGateway(chart, 'edge', { controller: CONTROLLERS[c as keyof typeof CONTROLLERS]() });
    gw.addRoute('a', { hosts: ['api.example.com'], backend: Backend.service('one', 80) });
    gw.addRoute('b', { hosts: ['api.example.com', 'www.example.com'], backend: Backend.service('one', 80) });
    expect(synthError(chart)).toBe('Validation failed with the following errors:\n  [test/edge/b] Route.match: host \'api.example.com\' with Prefix path \'/\' is already routed by [test/edge/a] '
      + 'to the same target; the controller would refuse or ignore one of the two (with whatever policies it carries), so remove one of the routes');
  });

  test('a default backend conflicts with a catch-all route to another Service', () => {
    const chart = newChart();
    const gw = new ApiGateway(chart, 'edge', { controller: Controller.istio(), defaultBackend: Backend.service('fallback', 80) });
    gw.addRoute('all', { backend: Backend.service('svc', 80) });
    expect(synthError(chart)).toMatch(/\[test\/edge\/all\] Route.match: host '\*' with Prefix path '\/' is already routed by \[test\/edge\] to a different backend/);
  });
});

describe('TlsHost', () => {
  test('a hostname that no route serves is an error', () => {
    const { chart, gw } = gateway();
    gw.addRoute('r', { hosts: ['api.example.com'], backend: Backend.service('svc', 80) });
    gw.addTlsHost('tls', { hosts: ['api.example.com', 'other.example.com'], certificate: TlsCertificate.fromSecret('cert') });
    expect(synthError(chart)).toMatch(/\[test\/edge\/tls\] TlsHost.hosts: no route serves 'other.example.com'/);
  });

  test('a wildcard TLS host covers the routes of its one-label hosts', () => {
    const { chart, gw } = gateway();
    gw.addRoute('r', { hosts: ['api.example.com'], backend: Backend.service('svc', 80) });
    gw.addTlsHost('tls', { hosts: ['*.example.com'], certificate: TlsCertificate.fromSecret('cert') });
    expect(synthError(chart)).toBeUndefined();
  });

  test.each([['*.example.com'], [undefined]])('a TLS host served only by a wider route (%s) is an error: the certificate would not apply', (routeHost) => {
    // ingress-nginx keys TLS by rule host (the wildcard server gets no tls entry); Gateway API
    // attaches the wider route to the plain-HTTP listener, behind the host's redirect.
    for (const controller of [Controller.ingressNginx(), Controller.envoyGateway()]) {
      const { chart, gw } = gateway(controller);
      gw.addRoute('r', { hosts: routeHost ? [routeHost] : undefined, backend: Backend.service('svc', 80) });
      gw.addTlsHost('tls', { hosts: ['api.example.com'], certificate: TlsCertificate.fromSecret('cert') });
      expect(synthError(chart)).toMatch(/\[test\/edge\/tls\] TlsHost.hosts: 'api.example.com' is only served by \[test\/edge\/r\]/);
    }
  });

  test('a hostname with two certificates is an error', () => {
    const { chart, gw } = gateway();
    gw.addRoute('r', { hosts: ['api.example.com'], backend: Backend.service('svc', 80) });
    gw.addTlsHost('a', { hosts: ['api.example.com'], certificate: TlsCertificate.fromSecret('one') });
    gw.addTlsHost('b', { hosts: ['api.example.com'], certificate: TlsCertificate.fromSecret('two') });
    expect(synthError(chart)).toMatch(/\[test\/edge\/b\] TlsHost.hosts: 'api.example.com' already has TLS from \[test\/edge\/a\]/);
  });

  test.each([
    [{ hosts: [] as string[], certificate: TlsCertificate.fromSecret('c') }, /TlsHost.hosts: at least one hostname/],
    [{ hosts: ['API.example.com'], certificate: TlsCertificate.fromSecret('c') }, /TlsHost.hosts\[0\]: 'API.example.com' must be lowercase/],
    [{ hosts: ['a.example.com'], certificate: TlsCertificate.fromSecret('Bad Secret') }, /TlsHost.certificate: 'Bad Secret' is not a valid object name/],
    [{ hosts: ['a.example.com'], certificate: 'cert' as any }, /TlsHost.certificate: must be created with TlsCertificate.fromSecret/],
    [{ hosts: Array.from({ length: 101 }, (_, i) => `h${i}.example.com`), certificate: TlsCertificate.fromSecret('c') }, /at most 100 names/],
  ])('rejects bad input %#', (options, message) => {
    const { gw } = gateway();
    expect(() => gw.addTlsHost('tls', options)).toThrow(message);
  });

  test('TLS on a gateway that attaches to an existing Gateway is refused', () => {
    const chart = newChart();
    const gw = new ApiGateway(chart, 'app', { controller: Controller.gatewayApi({ attachTo: { name: 'shared', namespace: 'infra' } }) });
    gw.addRoute('r', { hosts: ['api.example.com'], backend: Backend.service('svc', 80) });
    gw.addTlsHost('tls', { hosts: ['api.example.com'], certificate: TlsCertificate.fromSecret('cert') });
    expect(synthError(chart)).toMatch(/\[test\/app\/tls\] TlsHost.hosts: this ApiGateway attaches to the existing Gateway 'shared'/);
  });
});

describe('ApiGateway and Controller options', () => {
  test.each([
    [() => Controller.gatewayApi(), /Controller.gatewayApi: gatewayClassName is required/],
    [() => Controller.ingressNginx({ ingressClassName: 'Nginx Class' }), /Controller.ingressNginx.ingressClassName: 'Nginx Class' is not a valid object name/],
    [() => Controller.envoyGateway({ httpPort: 0 }), /Controller.envoyGateway.httpPort: 0 must be an integer from 1 to 65535/],
    [() => Controller.istio({ httpPort: 8080, httpsPort: 8080 }), /httpPort and httpsPort must differ/],
    [() => Controller.istio({ gatewayClassName: 'x', attachTo: { name: 'gw' } }), /gatewayClassName and attachTo exclude each other/],
    [() => Controller.envoyGateway({ attachTo: { name: 'Bad Gateway' } }), /Controller.envoyGateway.attachTo: 'Bad Gateway' is not a valid object name/],
    [() => Controller.traefik({ webEntryPoint: 'bad entry' }), /Controller.traefik.webEntryPoint: 'bad entry' is not a valid entry point name/],
  ])('rejects bad controller options %#', (make, message) => {
    expect(make).toThrow(message);
  });

  test('rejects bad gateway names and namespaces', () => {
    const chart = newChart();
    expect(() => new ApiGateway(chart, 'Edge Gateway', { controller: Controller.ingressNginx() }))
      .toThrow(/\[test\/Edge Gateway\] ApiGateway: construct id 'Edge Gateway' does not give a valid object name/);
    expect(() => new ApiGateway(chart, 'a', { controller: Controller.ingressNginx(), namespace: 'Bad' })).toThrow(/ApiGateway.namespace: 'Bad' is not a valid namespace/);
    expect(() => new ApiGateway(chart, 'b', { controller: 'nginx' as any })).toThrow(/ApiGateway.controller: must be created with a Controller factory/);
  });

  test('the gateway namespace defaults to the chart namespace, then to default', () => {
    expect(new ApiGateway(newChart('apps'), 'gw', { controller: Controller.ingressNginx() }).namespace).toBe('apps');
    const bare = new Chart(Testing.app(), 'bare');
    expect(new ApiGateway(bare, 'gw', { controller: Controller.ingressNginx() }).namespace).toBe('default');
  });

  test('an attached gateway emits no Gateway, and parentRefs name the existing ListenerSet', () => {
    const chart = newChart();
    const gw = new ApiGateway(chart, 'app', {
      controller: Controller.envoyGateway({ attachTo: { name: 'team-listeners', namespace: 'infra', sectionName: 'https', kind: GatewayParentKind.LISTENER_SET } }),
    });
    gw.addRoute('r', { hosts: ['api.example.com'], backend: Backend.service('svc', 80) });
    const objects = Testing.synth(chart);
    expect(objects.map(o => o.kind)).toEqual(['HTTPRoute']);
    expect(objects[0].spec.parentRefs).toEqual([{ group: 'gateway.networking.k8s.io', kind: 'ListenerSet', name: 'team-listeners', namespace: 'infra', sectionName: 'https' }]);
  });
});

describe('object name collisions between derived names', () => {
  test('a split route and a route named like one of its parts are refused', () => {
    const { chart, gw } = gateway(Controller.gatewayApi({ gatewayClassName: 'gc' }));
    gw.addRoute('wide', { hosts: Array.from({ length: 17 }, (_, i) => `h${i}.example.com`), backend: Backend.service('svc', 80) });
    gw.addRoute('other', { name: 'edge-wide-02', hosts: ['x.example.com'], backend: Backend.service('svc', 80) });
    expect(synthError(chart)).toMatch(/\[test\/edge\/other\] Route.name: renders HTTPRoute 'edge-wide-02' in namespace 'edge', which \[test\/edge\/wide\] also renders/);
  });

  test('hosts whose names collide once slugged are refused on controllers that name objects by host', () => {
    const { chart, gw } = gateway(Controller.traefik());
    gw.addRoute('r', { hosts: ['a-b.example.com', 'a.b-example.com'], backend: Backend.service('svc', 80) });
    expect(synthError(chart)).toMatch(/\[test\/edge\/r\] Route.hosts: renders two IngressRoute objects named 'edge-r-a-b-example-com'/);
  });
});
