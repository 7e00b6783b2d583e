import { Chart } from 'cdk8s';
import { POLICY_SCENARIOS } from './policies';
import { ApiGateway, Backend, CanaryTraffic, Controller, HeaderMatch, HttpMethod, PathMatch, QueryParamMatch, TlsCertificate, TrafficMirror } from '../../src';

export type Scenario = (chart: Chart, controller: Controller) => void;

/**
 * The shared corpus: every scenario is rendered for every controller into one YAML snapshot
 * file per controller, or fails with the standard unsupported message.
 */
export const SCENARIOS: Record<string, Scenario> = {
  ...POLICY_SCENARIOS,
  'single-host-path': (chart, controller) => {
    const gw = new ApiGateway(chart, 'edge', { controller });
    gw.addRoute('v1', { hosts: ['api.example.com'], match: { path: PathMatch.prefix('/v1') }, backend: Backend.service('api-v1', 8080) });
  },

  'multi-host-tls': (chart, controller) => {
    const gw = new ApiGateway(chart, 'edge', { controller });
    gw.addRoute('v1', { hosts: ['api.example.com'], match: { path: PathMatch.prefix('/v1') }, backend: Backend.service('api-v1', 8080) });
    gw.addRoute('v2', { hosts: ['api.example.com'], match: { path: PathMatch.prefix('/v2') }, backend: Backend.service('api-v2', 8080) });
    gw.addRoute('web', { hosts: ['web.example.com', 'www.example.com'], backend: Backend.service('web-frontend', 80) });
    gw.addTlsHost('api-tls', { hosts: ['api.example.com'], certificate: TlsCertificate.fromSecret('api-tls-cert') });
    gw.addTlsHost('web-tls', { hosts: ['web.example.com', 'www.example.com'], certificate: TlsCertificate.fromSecret('web-tls-cert') });
  },

  'wildcard-host': (chart, controller) => {
    const gw = new ApiGateway(chart, 'edge', { controller });
    gw.addRoute('tenants', { hosts: ['*.apps.example.com'], backend: Backend.service('tenant-router', 8080) });
    gw.addRoute('admin', { hosts: ['admin.apps.example.com'], backend: Backend.service('admin', 8080) });
    gw.addTlsHost('tls', { hosts: ['*.apps.example.com'], certificate: TlsCertificate.fromSecret('apps-wildcard-cert') });
  },

  'exact-vs-prefix': (chart, controller) => {
    const gw = new ApiGateway(chart, 'edge', { controller });
    gw.addRoute('exact', { hosts: ['api.example.com'], match: { path: PathMatch.exact('/v1') }, backend: Backend.service('api-v1-root', 8080) });
    gw.addRoute('prefix', { hosts: ['api.example.com'], match: { path: PathMatch.prefix('/v1') }, backend: Backend.service('api-v1', 8080) });
  },

  'header-and-method': (chart, controller) => {
    const gw = new ApiGateway(chart, 'edge', { controller });
    gw.addRoute('stable', { hosts: ['api.example.com'], match: { path: PathMatch.prefix('/') }, backend: Backend.service('api-v1', 8080) });
    gw.addRoute('beta', {
      hosts: ['api.example.com'],
      match: { path: PathMatch.prefix('/'), headers: [HeaderMatch.exact('x-channel', 'beta')], method: HttpMethod.GET },
      backend: Backend.service('api-v2', 8080),
    });
  },

  'query-param': (chart, controller) => {
    const gw = new ApiGateway(chart, 'edge', { controller });
    gw.addRoute('v2', {
      hosts: ['api.example.com'],
      match: { path: PathMatch.prefix('/search'), queryParams: [QueryParamMatch.exact('version', '2')] },
      backend: Backend.service('search-v2', 8080),
    });
  },

  'regex-path': (chart, controller) => {
    const gw = new ApiGateway(chart, 'edge', { controller });
    gw.addRoute('users', { hosts: ['users.example.com'], match: { path: PathMatch.regex('/users/[0-9]+') }, backend: Backend.service('users', 8080) });
  },

  'header-regex': (chart, controller) => {
    const gw = new ApiGateway(chart, 'edge', { controller });
    gw.addRoute('mobile', {
      hosts: ['m.example.com'],
      match: { headers: [HeaderMatch.regex('user-agent', '.*Mobile.*')] },
      backend: Backend.service('mobile', 8080),
    });
  },

  'several-backends': (chart, controller) => {
    const gw = new ApiGateway(chart, 'edge', { controller });
    gw.addRoute('spread', { hosts: ['api.example.com'], backends: [Backend.service('api-a', 8080), Backend.service('api-b', 8080)] });
  },

  'many-routes': (chart, controller) => {
    const gw = new ApiGateway(chart, 'edge', { controller });
    for (let i = 0; i < 40; i++) {
      gw.addRoute(`r${i}`, { hosts: ['api.example.com'], match: { path: PathMatch.prefix(`/svc${i}`) }, backend: Backend.service(`svc-${i}`, 8080) });
    }
    // One route beyond every HTTPRoute limit: 20 hostnames and 150 matches.
    gw.addRoute('wide', {
      hosts: Array.from({ length: 20 }, (_, i) => `tenant${String(i).padStart(2, '0')}.example.com`),
      matches: Array.from({ length: 150 }, (_, i) => ({ path: PathMatch.exact(`/page${i}`) })),
      backend: Backend.service('pages', 8080),
    });
  },

  'cross-namespace-backend': (chart, controller) => {
    const gw = new ApiGateway(chart, 'edge', { controller });
    gw.addRoute('shared', { hosts: ['api.example.com'], match: { path: PathMatch.prefix('/auth') }, backend: Backend.service('auth', 9000, { namespace: 'identity' }) });
  },

  'route-namespaces': (chart, controller) => {
    const gw = new ApiGateway(chart, 'edge', { controller });
    gw.addRoute('team-a', { namespace: 'team-a', hosts: ['a.example.com'], backend: Backend.service('app', 8080) });
    gw.addRoute('team-b', { namespace: 'team-b', hosts: ['b.example.com'], backend: Backend.service('app', 8080) });
  },

  'default-backend': (chart, controller) => {
    const gw = new ApiGateway(chart, 'edge', { controller, defaultBackend: Backend.service('not-found', 8080) });
    gw.addRoute('api', { hosts: ['api.example.com'], backend: Backend.service('api', 8080) });
  },

  // Canaries (CanarySplit). The stable route is the primer's api.example.com /v1 -> api-v1.
  'canary-weight': (chart, controller) => {
    const gw = new ApiGateway(chart, 'edge', { controller });
    const v1 = gw.addRoute('v1', { hosts: ['api.example.com'], match: { path: PathMatch.prefix('/v1') }, backend: Backend.service('api-v1', 8080) });
    gw.addTlsHost('api-tls', { hosts: ['api.example.com'], certificate: TlsCertificate.fromSecret('api-tls-cert') });
    gw.addCanary('v2', { stable: v1, canary: Backend.service('api-v2', 8080), traffic: CanaryTraffic.weight(10) });
  },

  'canary-blue-green': (chart, controller) => {
    const gw = new ApiGateway(chart, 'edge', { controller });
    const blue = gw.addRoute('blue', { hosts: ['api.example.com'], backend: Backend.service('api-blue', 8080) });
    gw.addCanary('green', { stable: blue, canary: Backend.service('api-green', 8080), traffic: CanaryTraffic.weight(100) });
  },

  'canary-raw-weights': (chart, controller) => {
    const gw = new ApiGateway(chart, 'edge', { controller });
    const users = gw.addRoute('users', {
      hosts: ['users.example.com'],
      matches: [{ path: PathMatch.exact('/users') }, { path: PathMatch.prefix('/users/') }],
      backend: Backend.service('users-v1', 8080),
    });
    gw.addCanary('users-v2', { stable: users, canary: Backend.service('users-v2', 8080), traffic: CanaryTraffic.weights(999, 1) });
  },

  'canary-header': (chart, controller) => {
    const gw = new ApiGateway(chart, 'edge', { controller });
    const v1 = gw.addRoute('v1', {
      hosts: ['api.example.com', 'api.example.org'],
      matches: [{ path: PathMatch.prefix('/v1') }, { path: PathMatch.exact('/healthz') }],
      backend: Backend.service('api-v1', 8080),
    });
    gw.addTlsHost('api-tls', { hosts: ['api.example.com'], certificate: TlsCertificate.fromSecret('api-tls-cert') });
    // Only one host and one match of the stable route.
    gw.addCanary('v2', {
      stable: v1,
      hosts: ['api.example.com'],
      match: { path: PathMatch.prefix('/v1') },
      canary: Backend.service('api-v2', 8080),
      traffic: CanaryTraffic.header('x-canary', 'always'),
    });
  },

  'canary-header-present': (chart, controller) => {
    const gw = new ApiGateway(chart, 'edge', { controller });
    const v1 = gw.addRoute('v1', { hosts: ['api.example.com'], match: { path: PathMatch.prefix('/v1') }, backend: Backend.service('api-v1', 8080) });
    gw.addCanary('beta', { stable: v1, canary: Backend.service('api-v2', 8080), traffic: CanaryTraffic.headerPresent('x-beta-tester') });
  },

  'canary-cookie': (chart, controller) => {
    const gw = new ApiGateway(chart, 'edge', { controller });
    const web = gw.addRoute('web', { hosts: ['www.example.com'], backend: Backend.service('web-v1', 80) });
    gw.addCanary('web-v2', { stable: web, canary: Backend.service('web-v2', 80), traffic: CanaryTraffic.cookie('canary') });
  },

  'canary-mirror': (chart, controller) => {
    // A dark launch: no live traffic to the canary, 5 % of requests copied to it.
    const gw = new ApiGateway(chart, 'edge', { controller });
    const v1 = gw.addRoute('v1', { hosts: ['api.example.com'], match: { path: PathMatch.prefix('/v1') }, backend: Backend.service('api-v1', 8080) });
    gw.addCanary('v2', {
      stable: v1,
      canary: Backend.service('api-v2', 8080),
      traffic: CanaryTraffic.weight(0),
      mirror: TrafficMirror.to(Backend.service('api-v2', 8080), { percent: 5 }),
    });
  },

  'canary-header-mirror-other-namespace': (chart, controller) => {
    const gw = new ApiGateway(chart, 'edge', { controller });
    const v1 = gw.addRoute('v1', { hosts: ['api.example.com'], match: { path: PathMatch.prefix('/v1') }, backend: Backend.service('api-v1', 8080) });
    gw.addCanary('v2', {
      stable: v1,
      canary: Backend.service('api-v2', 8080),
      traffic: CanaryTraffic.header('x-canary', 'always'),
      mirror: TrafficMirror.to(Backend.service('api-shadow', 8080, { namespace: 'shadow' })),
    });
  },
};
