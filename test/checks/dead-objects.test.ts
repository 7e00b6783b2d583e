import { deadObjects } from '../property/attached';

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
