import { ControllerReader, KubeObject, objectRef, ReadItem, sortItems } from '../../src/controllers/reader';
import { ReaderRegistry } from '../../src/import/importer';
import { BackendIR, CATCH_ALL_MATCH, GatewayIR, RouteIR, TlsHostIR } from '../../src/ir/model';

/**
 * A tiny reader for the import layer's own tests (never registered in src): Ingresses of class
 * `fake` become one gateway per namespace; `fake.example/rps` is a per-client rate limit, every
 * other annotation is unmapped. It stands in for the ingress-nginx column.
 */
export const FAKE_READER: ControllerReader = {
  name: 'ingress-nginx',
  accepts: (o: KubeObject) => o.kind === 'Ingress' && o.spec?.ingressClassName === 'fake',
  read(objects, options = {}) {
    const ns0 = options.defaultNamespace ?? 'default';
    const items: ReadItem[] = [];
    const byNamespace = new Map<string, { routes: RouteIR[]; tls: TlsHostIR[] }>();
    for (const o of objects) {
      if (!this.accepts(o)) continue;
      const ref = objectRef(o, ns0);
      const namespace = o.metadata.namespace ?? ns0;
      const g = byNamespace.get(namespace) ?? { routes: [], tls: [] };
      byNamespace.set(namespace, g);
      let rps: number | undefined;
      for (const [k, v] of Object.entries(o.metadata.annotations ?? {})) {
        const field = `metadata.annotations['${k}']`;
        if (k === 'fake.example/rps') {
          rps = Number(v);
          items.push({ object: ref, field, value: v, to: 'Route.rateLimit (RateLimit.perClientIp requests)' });
        } else {
          items.push({ object: ref, field, value: v, reason: 'not a fake annotation' });
        }
      }
      items.push({ object: ref, field: 'spec.ingressClassName', value: 'fake', to: 'ApiGateway.controller' });
      (o.spec.rules ?? []).forEach((rule: any, i: number) => {
        (rule.http?.paths ?? []).forEach((p: any, j: number) => {
          const backend: BackendIR = { service: p.backend.service.name, port: p.backend.service.port.number, namespace, weight: 1 };
          g.routes.push({
            source: ref,
            name: `${o.metadata.name}-${i}-${j}`,
            namespace,
            hosts: rule.host ? [rule.host] : [],
            matches: [p.path && p.path !== '/' ? { path: { kind: 'Prefix', value: p.path }, headers: [], queryParams: [] } : CATCH_ALL_MATCH],
            backends: [backend],
            policies: rps !== undefined ? { rateLimit: { source: ref, key: 'clientIp', requests: rps, per: 'second', exemptCidrs: [] } } : {},
          });
          items.push({ object: ref, field: `spec.rules[${i}].http.paths[${j}]`, to: 'Route (match, backend)' });
        });
      });
      (o.spec.tls ?? []).forEach((t: any, i: number) => {
        g.tls.push({
          mode: 'Terminate',
          source: ref,
          name: `${o.metadata.name}-tls-${i}`,
          hosts: [...t.hosts].sort(),
          secretName: t.secretName,
          secretNamespace: namespace,
          managedCertificate: o.metadata.annotations?.['cert-manager.io/cluster-issuer'] !== undefined,
          httpsRedirect: true,
        });
        items.push({ object: ref, field: `spec.tls[${i}]`, to: 'TlsHost' });
      });
    }
    const gateways: GatewayIR[] = [...byNamespace.entries()].sort().map(([namespace, g]) => ({
      source: `IngressClass fake (${namespace})`,
      name: 'fake',
      namespace,
      routes: g.routes,
      tlsHosts: g.tls,
      passthroughHosts: [],
      canaries: [],
      canariesByRoute: new Map(),
    }));
    return { gateways, items: sortItems(items) };
  },
};

export const FAKE_REGISTRY: ReaderRegistry = {
  readerFor: c => (c === 'ingress-nginx' ? FAKE_READER : undefined),
  readableControllers: () => ['ingress-nginx'],
};

export const FAKE_INGRESS = `# Source: web/templates/ingress.yaml
apiVersion: networking.k8s.io/v1
kind: Ingress
metadata:
  name: web
  namespace: shop
  annotations:
    fake.example/rps: "20"
spec:
  ingressClassName: fake
  rules:
    - host: shop.example.com
      http:
        paths:
          - path: /api
            pathType: Prefix
            backend:
              service:
                name: api
                port:
                  number: 8080
`;
