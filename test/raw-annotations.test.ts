import { ApiGateway, Backend, Controller, KongMode, PathMatch, RouteOptions, TraefikOutput } from '../src';
import { newChart, synthConformant, synthError } from './util';
import { closest, levenshtein } from '../src/controllers/raw-annotations';

const NGINX = 'nginx.ingress.kubernetes.io/';

function route(controller: Controller, options: Partial<RouteOptions>) {
  const chart = newChart();
  const gw = new ApiGateway(chart, 'edge', { controller });
  gw.addRoute('api', { hosts: ['api.example.com'], backend: Backend.service('api', 8080), ...options });
  return chart;
}

describe('Route.rawAnnotations on ingress-nginx', () => {
  test('documented keys and other tools\' keys reach the Ingress, sorted, next to the rendered ones', () => {
    // GIVEN / WHEN
    const chart = route(Controller.ingressNginx(), {
      rawAnnotations: { [`${NGINX}proxy-buffer-size`]: '16k', 'external-dns.alpha.kubernetes.io/hostname': 'api.example.com', [`${NGINX}enable-access-log`]: 'false' },
      match: { path: PathMatch.regex('/v[0-9]+') },
    });
    // THEN
    const [ingress] = synthConformant(chart);
    expect(ingress.metadata.annotations).toEqual({
      'external-dns.alpha.kubernetes.io/hostname': 'api.example.com',
      [`${NGINX}enable-access-log`]: 'false',
      [`${NGINX}proxy-buffer-size`]: '16k',
      [`${NGINX}use-regex`]: 'true',
    });
  });

  test.each<[string, Partial<RouteOptions>, string]>([
    ['a typo, with a did-you-mean', { rawAnnotations: { [`${NGINX}rewrit-target`]: '/' } },
      "[test/edge/api] Route.rawAnnotations['nginx.ingress.kubernetes.io/rewrit-target']: not an annotation ingress-nginx documents; did you mean 'nginx.ingress.kubernetes.io/rewrite-target'?"],
    ['an unknown key far from any', { rawAnnotations: { [`${NGINX}make-it-fast`]: 'true' } },
      "Route.rawAnnotations['nginx.ingress.kubernetes.io/make-it-fast']: not an annotation ingress-nginx documents"],
    ['a key the library renders', { rawAnnotations: { [`${NGINX}rewrite-target`]: '/' } },
      "Route.rawAnnotations['nginx.ingress.kubernetes.io/rewrite-target']: this library renders it from rewrite, which would silently replace or contradict a raw value; set rewrite instead"],
    ['an alias of a key the library renders', { rawAnnotations: { [`${NGINX}whitelist-source-range`]: '10.0.0.0/8' } }, 'this library renders it from ipAccess'],
    ['a snippet', { rawAnnotations: { [`${NGINX}configuration-snippet`]: 'more_set_headers "X: y";' } },
      "Route.rawAnnotations['nginx.ingress.kubernetes.io/configuration-snippet']: a Critical-risk annotation: it injects raw ingress-nginx configuration"],
    ['a value with a line break', { rawAnnotations: { [`${NGINX}proxy-buffer-size`]: '16k\nmore' } },
      "Route.rawAnnotations['nginx.ingress.kubernetes.io/proxy-buffer-size']: the value must be a single-line string (no CR, LF or NUL), got '16k\\nmore'"],
    ['a value ingress-nginx would refuse', { rawAnnotations: { [`${NGINX}proxy-buffers-number`]: 'four' } },
      "Route.rawAnnotations['nginx.ingress.kubernetes.io/proxy-buffers-number']: ingress-nginx would refuse the value 'four': it must be an integer (strconv.Atoi)"],
    ['a value that is not a string', { rawAnnotations: { [`${NGINX}proxy-buffers-number`]: 4 as unknown as string } }, 'the value must be a single-line string (no CR, LF or NUL), got 4'],
    ['another controller\'s annotation', { rawAnnotations: { 'traefik.ingress.kubernetes.io/router.tls': 'true' } },
      "ingress-nginx does not read traefik-ingress's annotations, so this one would do nothing"],
    ['the class annotation', { rawAnnotations: { 'kubernetes.io/ingress.class': 'other' } }, 'the IngressClass comes from the controller options (ingressClassName)'],
    ['an invalid key', { rawAnnotations: { 'no spaces allowed': 'x' } }, "Route.rawAnnotations['no spaces allowed']: not a valid annotation key"],
    ['not an object', { rawAnnotations: ['x'] as unknown as Record<string, string> }, 'Route.rawAnnotations: must be an object mapping annotation keys to string values, got ["x"]'],
  ])('refuses %s at synth, naming the route and the key', (_name, options, message) => {
    expect(synthError(route(Controller.ingressNginx(), options))).toContain(message);
  });

  test('allowUnsafe that is not a boolean throws where it is declared', () => {
    expect(() => route(Controller.ingressNginx(), { allowUnsafe: 'yes' as unknown as boolean })).toThrow("[test/edge/api] Route.allowUnsafe: 'yes' must be true or false");
  });

  test('every problem of the hatch is reported together with the route\'s other problems', () => {
    const chart = newChart();
    const gw = new ApiGateway(chart, 'edge', { controller: Controller.ingressNginx() });
    gw.addRoute('api', {
      hosts: ['api.example.com'],
      backend: Backend.service('api', 8080),
      rawAnnotations: { [`${NGINX}rewrit-target`]: '/', [`${NGINX}proxy-buffers-number`]: 'four', [`${NGINX}proxy-buffer-size`]: '16k' },
    });
    gw.addRoute('dup', { hosts: ['api.example.com'], backend: Backend.service('other', 8080) });
    const error = synthError(chart)!;
    expect(error.split('\n').slice(1)).toEqual([
      "  [test/edge/api] Route.rawAnnotations['nginx.ingress.kubernetes.io/proxy-buffers-number']: ingress-nginx would refuse the value 'four': it must be an integer (strconv.Atoi)",
      "  [test/edge/api] Route.rawAnnotations['nginx.ingress.kubernetes.io/rewrit-target']: not an annotation ingress-nginx documents; did you mean 'nginx.ingress.kubernetes.io/rewrite-target'?",
      "  [test/edge/dup] Route.match: host 'api.example.com' with Prefix path '/' is already routed by [test/edge/api] to a different backend; remove one of the routes or make their matches differ",
    ]);
  });

  test('a Critical-risk key is emitted with allowUnsafe: true', () => {
    const chart = route(Controller.ingressNginx(), { rawAnnotations: { [`${NGINX}server-snippet`]: 'location /x { return 404; }' }, allowUnsafe: true });
    expect(synthConformant(chart)[0].metadata.annotations[`${NGINX}server-snippet`]).toBe('location /x { return 404; }');
  });
});

describe('Route.rawAnnotations on Traefik (Ingress output) and Kong', () => {
  test('Traefik: on every Ingress of the route; indexed TLS domain keys are known', () => {
    const chart = newChart();
    const gw = new ApiGateway(chart, 'edge', { controller: Controller.traefik({ output: TraefikOutput.INGRESS }) });
    gw.addRoute('api', {
      hosts: ['a.example.com', 'b.example.com'],
      backend: Backend.service('api', 8080),
      rawAnnotations: { 'traefik.ingress.kubernetes.io/router.tls.certresolver': 'le', 'traefik.ingress.kubernetes.io/router.tls.domains.0.main': 'example.com' },
    });
    const ingresses = synthConformant(chart);
    expect(ingresses).toHaveLength(2);
    for (const i of ingresses) expect(i.metadata.annotations['traefik.ingress.kubernetes.io/router.tls.certresolver']).toBe('le');
  });

  test.each<[string, Controller, Record<string, string>, string]>([
    ['Traefik: a rendered key', Controller.traefik({ output: TraefikOutput.INGRESS }), { 'traefik.ingress.kubernetes.io/router.priority': '1' }, 'this library renders it from the route\'s matches'],
    ['Traefik: a Service key', Controller.traefik({ output: TraefikOutput.INGRESS }), { 'traefik.ingress.kubernetes.io/service.serversscheme': 'h2c' }, 'Traefik reads this annotation on the Service'],
    ['Traefik: a typo', Controller.traefik({ output: TraefikOutput.INGRESS }), { 'traefik.ingress.kubernetes.io/router.tls.certresolvr': 'le' }, "did you mean 'traefik.ingress.kubernetes.io/router.tls.certresolver'?"],
    ['Kong: a rendered key', Controller.kong(), { 'konghq.com/methods': 'GET' }, 'this library renders it from match.method'],
    ['Kong: a rendered header key', Controller.kong(), { 'konghq.com/headers.x-env': 'a' }, 'this library renders it from match.headers'],
    ['Kong: a Service key', Controller.kong(), { 'konghq.com/read-timeout': '1000' }, 'KIC reads this annotation on the Service'],
    ['Kong: a bad boolean', Controller.kong(), { 'konghq.com/preserve-host': 'yes' }, "kong would refuse the value 'yes': it must be 'true' or 'false'"],
  ])('%s is refused', (_name, controller, rawAnnotations, message) => {
    expect(synthError(route(controller, { rawAnnotations }))).toContain(message);
  });

  test('Kong: documented keys reach the Ingress', () => {
    const chart = route(Controller.kong(), { rawAnnotations: { 'konghq.com/preserve-host': 'true', 'konghq.com/tags': 'team-a' } });
    expect(synthConformant(chart)[0].metadata.annotations).toEqual({ 'konghq.com/preserve-host': 'true', 'konghq.com/tags': 'team-a' });
  });
});

describe('controllers whose route objects take no annotations', () => {
  test.each<[string, Controller]>([
    ['traefik', Controller.traefik()],
    ['kong-gateway-api', Controller.kong({ mode: KongMode.GATEWAY_API })],
    ['gateway-api', Controller.gatewayApi({ gatewayClassName: 'gc' })],
    ['envoy-gateway', Controller.envoyGateway()],
    ['istio', Controller.istio()],
  ])('%s refuses rawAnnotations at synth with the standard message', (name, controller) => {
    const chart = route(controller, { rawAnnotations: { 'external-dns.alpha.kubernetes.io/hostname': 'api.example.com' } });
    expect(synthError(chart)).toContain(`[test/edge/api] Raw annotations (rawAnnotations) is not supported by controller '${name}': `);
    expect(synthError(chart)).toContain('. Supported by: Controller.ingressNginx(), Controller.traefik({ output: TraefikOutput.INGRESS }), Controller.kong().');
  });

  test('an empty map declares nothing, so it is not refused', () => {
    expect(synthError(route(Controller.istio(), { rawAnnotations: {} }))).toBeUndefined();
  });
});

describe('did-you-mean', () => {
  test('edit distance', () => {
    expect(levenshtein('rewrit-target', 'rewrite-target')).toBe(1);
    expect(levenshtein('', 'abc')).toBe(3);
    expect(levenshtein('kitten', 'sitting')).toBe(3);
  });

  test('suggests only close keys', () => {
    expect(closest('x/limit-rsp', ['x/limit-rps', 'x/limit-rpm'])).toBe('x/limit-rpm');
    expect(closest('x/completely-else', ['x/limit-rps'])).toBeUndefined();
  });
});
