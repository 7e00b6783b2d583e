import { ApiGateway, Backend, HeaderRules, Hsts, Redirect, TlsCertificate } from '../../src';
import { ControllerName } from '../../src/capabilities/features';
import { deadObjects } from '../property/attached';
import { CONTROLLERS, newChart, synthConformant } from '../util';

const meta = (name: string, annotations?: Record<string, string>) => ({ name, namespace: 'edge', annotations });

describe('the dead-object property (test/property/attached.ts)', () => {
  test('routing objects must be attached', () => {
    expect(deadObjects([
      { apiVersion: 'gateway.networking.k8s.io/v1', kind: 'HTTPRoute', metadata: meta('a'), spec: { rules: [{}] } },
      { apiVersion: 'gateway.networking.k8s.io/v1', kind: 'HTTPRoute', metadata: meta('b'), spec: { parentRefs: [{ name: 'gw' }], rules: [{}] } },
      { apiVersion: 'networking.k8s.io/v1', kind: 'Ingress', metadata: meta('c'), spec: { rules: [{}] } },
      { apiVersion: 'traefik.io/v1alpha1', kind: 'IngressRoute', metadata: meta('d'), spec: { routes: [] } },
    ])).toEqual([
      "HTTPRoute 'edge/a' is attached to no Gateway or ListenerSet",
      "Ingress 'edge/c' has no ingress class",
      "IngressRoute 'edge/d' has no routes",
    ]);
  });

  test('policy objects must be referenced by name, by a Traefik CRD reference or a Kong plugin list, or target an existing route', () => {
    expect(deadObjects([
      { apiVersion: 'traefik.io/v1alpha1', kind: 'Middleware', metadata: meta('used') },
      { apiVersion: 'traefik.io/v1alpha1', kind: 'Middleware', metadata: meta('unused') },
      { apiVersion: 'networking.k8s.io/v1', kind: 'Ingress', metadata: meta('i', { 'traefik.ingress.kubernetes.io/router.middlewares': 'edge-used@kubernetescrd', 'konghq.com/plugins': 'p1, p2' }), spec: { ingressClassName: 'x', rules: [{}] } },
      { apiVersion: 'configuration.konghq.com/v1', kind: 'KongPlugin', metadata: meta('p2') },
      { apiVersion: 'configuration.konghq.com/v1', kind: 'KongPlugin', metadata: meta('p3') },
      { apiVersion: 'gateway.envoyproxy.io/v1alpha1', kind: 'SecurityPolicy', metadata: meta('s'), spec: { targetRefs: [{ kind: 'HTTPRoute', name: 'gone' }, { kind: 'Gateway', name: 'external' }] } },
    ])).toEqual([
      "Middleware 'edge/unused' is referenced by no other object",
      "KongPlugin 'edge/p3' is referenced by no other object",
      "SecurityPolicy 'edge/s' targets HTTPRoute 'gone', which the output does not contain",
    ]);
  });
});

describe('objects a TlsHost allocates are left out when the routes make them dead', () => {

  /** A TlsHost for a.example.com; `routeRedirects`: the only route redirects all of its plain HTTP itself. */
  function output(controller: ControllerName, opts: { routeRedirects?: boolean; routeHsts?: boolean; hsts?: boolean }) {
    const chart = newChart();
    const gw = new ApiGateway(chart, 'gw', { controller: CONTROLLERS[controller]() });
    gw.addTlsHost('tls', { hosts: ['a.example.com'], certificate: TlsCertificate.fromSecret('a-cert'), hsts: opts.hsts ? Hsts.enable() : undefined });
    gw.addRoute('r', {
      hosts: ['a.example.com'],
      backend: Backend.service('app', 8080),
      redirect: opts.routeRedirects ? Redirect.toHttps() : undefined,
      headerRules: opts.routeHsts ? HeaderRules.of({ response: { set: { 'x-frame-options': 'DENY' } } }) : undefined,
    });
    return synthConformant(chart);
  }
  const names = (objects: any[]) => objects.map(o => `${o.kind}/${o.metadata.name}`).sort();

  test.each<ControllerName>(['traefik', 'gateway-api', 'envoy-gateway', 'istio'])('%s: the TlsHost redirect object exists only while a host is left to it', (c) => {
    const redirectObjects = (objects: any[]) => names(objects).filter(n => n.endsWith('/gw-tls-https-redirect'));
    expect(redirectObjects(output(c, {})).length).toBeGreaterThan(0);
    const objects = output(c, { routeRedirects: true });
    expect(redirectObjects(objects)).toEqual([]);
    expect(deadObjects(objects)).toEqual([]);
  });

  test('kong: the TlsHost HSTS KongPlugin exists only while a route references it', () => {
    const plugin = 'KongPlugin/gw-tls-hsts-response-transformer';
    expect(names(output('kong', { hsts: true }))).toContain(plugin);
    const objects = output('kong', { hsts: true, routeHsts: true });
    expect(names(objects)).not.toContain(plugin);
    expect(deadObjects(objects)).toEqual([]);
  });
});
