import { Chart, Testing } from 'cdk8s';
import { CONTROLLERS, newChart, synthConformant } from './util';
import { ApiGateway, Backend, PathMatch, TlsCertificate, TlsMode, Warnings } from '../src';
import { ControllerName } from '../src/capabilities/features';

/*
 * `hostless-route-scope`: a route without hosts (and the gateway's default backend) serves every
 * host in the intent, the route table and the Gateway API and Kong outputs. ingress-nginx puts
 * rules without a host (and an Ingress that has only a defaultBackend) on its default server,
 * which answers only hosts no Ingress names (ingress-nginx issues #2958 and #4071); a Traefik
 * router without a host is on the web entry point only, so HTTPS requests for TlsHosts never
 * reach it. The outputs stay as they are; the warning says which hosts miss the route.
 */

const ALL = Object.keys(CONTROLLERS) as ControllerName[];

function app(controller: ControllerName, opts: { tls?: boolean; named?: boolean; defaultBackend?: boolean; hostless?: boolean } = {}) {
  const chart = newChart();
  const gw = new ApiGateway(chart, 'edge', {
    controller: CONTROLLERS[controller](),
    defaultBackend: opts.defaultBackend ? Backend.service('fallback', 80) : undefined,
  });
  if (opts.hostless ?? true) gw.addRoute('any', { match: { path: PathMatch.prefix('/x') }, backend: Backend.service('svc-x', 8080) });
  if (opts.named ?? true) gw.addRoute('a', { hosts: ['a.example.com'], match: { path: PathMatch.prefix('/y') }, backend: Backend.service('svc-y', 8080) });
  if (opts.tls) gw.addTlsHost('tls', { hosts: ['a.example.com'], certificate: TlsCertificate.fromSecret('a-cert') });
  return { chart, gw };
}

const scoped = (controller: ControllerName, opts: Parameters<typeof app>[1]) =>
  Warnings.of(app(controller, opts).chart).all.filter(w => w.id === 'hostless-route-scope').map(w => [w.path, w.message]);

const NGINX_ROUTE = "hosts: a route without hosts serves every host (as Gateway API and Kong serve it), but ingress-nginx serves rules without a host on its default server only, which answers only hosts no Ingress names, so requests for 'a.example.com' (named by this gateway) never reach it; list the hosts it should serve in hosts, or acknowledge this warning";
const TRAEFIK_ROUTE = "hosts: a route without hosts serves every host (as Gateway API and Kong serve it), but a Traefik router without a host is on the web entry point only, so HTTPS requests for 'a.example.com' (TlsHosts of this gateway) never reach it; list the hosts it should serve in hosts, or acknowledge this warning";
const NGINX_DEFAULT = "defaultBackend: the default backend answers every request no route matches (as on Gateway API and Kong), but ingress-nginx serves rules without a host on its default server only, which answers only hosts no Ingress names, so requests for 'a.example.com' (named by this gateway) that no route matches get the controller's own default answer; give those hosts a catch-all route (PathMatch.prefix('/')), or acknowledge this warning";
const TRAEFIK_DEFAULT = "defaultBackend: the default backend answers every request no route matches (as on Gateway API and Kong), but a Traefik router without a host is on the web entry point only, so HTTPS requests for 'a.example.com' (TlsHosts of this gateway) that no route matches get the controller's own default answer; give those hosts a catch-all route (PathMatch.prefix('/')), or acknowledge this warning";

test('ingress-nginx: a hostless route beside a named host, with or without TLS', () => {
  expect(scoped('ingress-nginx', {})).toEqual([['test/edge/any', NGINX_ROUTE]]);
  expect(scoped('ingress-nginx', { tls: true })).toEqual([['test/edge/any', NGINX_ROUTE]]);
  // The output is unchanged: the hostless rule stays on an Ingress without a host.
  const ingress = synthConformant(app('ingress-nginx').chart).find(o => o.metadata.name === 'edge-any')!;
  expect(ingress.spec.rules).toEqual([{ http: { paths: [{ path: '/x', pathType: 'Prefix', backend: { service: { name: 'svc-x', port: { number: 8080 } } } }] } }]);
});

test('ingress-nginx: the default backend beside a named host', () => {
  expect(scoped('ingress-nginx', { defaultBackend: true, hostless: false })).toEqual([['test/edge', NGINX_DEFAULT]]);
});

test.each(['traefik', 'traefik-ingress'] as const)('%s: only the hostnames of TlsHosts miss a hostless route (HTTPS)', controller => {
  expect(scoped(controller, {})).toEqual([]);
  expect(scoped(controller, { tls: true })).toEqual([['test/edge/any', TRAEFIK_ROUTE]]);
});

test('traefik: the default backend (a web router) misses the TlsHosts; the Ingress output\'s defaultBackend is not judged', () => {
  expect(scoped('traefik', { tls: true, defaultBackend: true, hostless: false })).toEqual([['test/edge', TRAEFIK_DEFAULT]]);
  expect(scoped('traefik-ingress', { tls: true, defaultBackend: true, hostless: false })).toEqual([]);
});

test.each(['kong', 'kong-gateway-api', 'gateway-api', 'envoy-gateway', 'istio'] as const)('%s serves hostless routes for every host: no warning', controller => {
  expect(scoped(controller, { tls: true, defaultBackend: true })).toEqual([]);
});

test.each(ALL)('%s: no warning without named hosts, or without hostless routes', controller => {
  expect(scoped(controller, { named: false })).toEqual([]);
  expect(scoped(controller, { hostless: false })).toEqual([]);
});

test('ingress-nginx: passthrough hosts and wildcard hosts are named hosts too; the list is sorted and cut after five', () => {
  const chart = newChart();
  const gw = new ApiGateway(chart, 'edge', { controller: CONTROLLERS['ingress-nginx']() });
  gw.addRoute('any', { match: { path: PathMatch.prefix('/x') }, backend: Backend.service('svc-x', 8080) });
  for (const h of ['f', 'e', 'd', 'c', 'b']) gw.addRoute(h, { hosts: [`${h}.example.com`], backend: Backend.service(`svc-${h}`, 80) });
  gw.addRoute('wild', { hosts: ['*.example.org'], backend: Backend.service('wild', 80) });
  gw.addTlsHost('pt', { hosts: ['a.example.net'], mode: TlsMode.passthrough(Backend.service('tcp', 443)) });
  const messages = Warnings.of(chart).all.filter(w => w.id === 'hostless-route-scope').map(w => w.message);
  expect(messages).toHaveLength(1);
  expect(messages[0]).toContain("so requests for '*.example.org', 'a.example.net', 'b.example.com', 'c.example.com', 'd.example.com' and 2 more (named by this gateway) never reach it");
});

test('the warning can be acknowledged, and is an error in strict mode', () => {
  const { chart } = app('ingress-nginx');
  Warnings.of(chart).acknowledge('hostless-route-scope');
  expect(Warnings.of(chart).ids).not.toContain('hostless-route-scope');
  const strictApp = Testing.app();
  strictApp.node.setContext(Warnings.STRICT_CONTEXT, true);
  const strict = new Chart(strictApp, 'test', { namespace: 'edge' });
  const gw = new ApiGateway(strict, 'edge', { controller: CONTROLLERS['ingress-nginx']() });
  gw.addRoute('any', { match: { path: PathMatch.prefix('/x') }, backend: Backend.service('svc-x', 8080) });
  gw.addRoute('a', { hosts: ['a.example.com'], backend: Backend.service('svc-y', 8080) });
  expect(() => strictApp.synthYaml()).toThrow(/warning hostless-route-scope: hosts: a route without hosts serves every host/);
});
