/**
 * Dead objects: every routing object is attached (Gateway API routes name a Gateway / ListenerSet
 * parent, Ingresses an ingress class, Traefik IngressRoutes carry routes) and every policy object is
 * referenced (by name from another object, or it targets a route or Gateway of the output, or an
 * external Gateway). An object nothing uses is configuration the cluster silently ignores.
 */

const ROUTE_KINDS = new Set(['HTTPRoute', 'GRPCRoute', 'TLSRoute', 'TCPRoute', 'UDPRoute']);
/** Kinds that only take effect when another object references them by name. */
const REFERENCED_KINDS = new Set([
  'Middleware', 'MiddlewareTCP', 'TraefikService', 'ServersTransport', 'ServersTransportTCP', 'TLSOption',
  'KongPlugin', 'KongIngress', 'KongUpstreamPolicy', 'HTTPRouteFilter',
]);
/** Kinds that take effect through targetRef(s). */
const TARGETING_KINDS = new Set([
  'SecurityPolicy', 'BackendTrafficPolicy', 'ClientTrafficPolicy', 'EnvoyExtensionPolicy', 'BackendTLSPolicy',
  'AuthorizationPolicy', 'RequestAuthentication', 'EnvoyFilter',
]);

/** Every string value inside `v`. */
function strings(v: unknown, out: string[] = []): string[] {
  if (typeof v === 'string') {out.push(v);} else if (Array.isArray(v)) {v.forEach(x => strings(x, out));} else if (v !== null && typeof v === 'object') {
    for (const [k, x] of Object.entries(v)) {
      out.push(k);
      strings(x, out);
    }
  }
  return out;
}

function isReferenced(o: any, others: any[]): boolean {
  const name: string = o.metadata?.name;
  const ns: string = o.metadata?.namespace ?? 'default';
  const crd = `${ns}-${name}@kubernetescrd`;
  return others.some(other => strings({ spec: other.spec, annotations: other.metadata?.annotations, plugin: other.plugin, route: other.route })
    .some(s => s === name || s.split(',').map(x => x.trim()).includes(name) || s.split(',').map(x => x.trim()).includes(crd)));
}

/** Problems with dead objects in one output. */
export function deadObjects(objects: any[]): string[] {
  const found: Array<[any, string]> = [];
  const id = (o: any) => `${o.kind} '${o.metadata?.namespace ?? ''}/${o.metadata?.name}'`;
  for (const o of objects) {
    const dead = (problem: string) => found.push([o, problem]);
    const others = objects.filter(x => x !== o);
    if (ROUTE_KINDS.has(o.kind) && String(o.apiVersion).startsWith('gateway.networking.k8s.io/')) {
      const parents: any[] = o.spec?.parentRefs ?? [];
      if (parents.length === 0 || parents.some(p => !['Gateway', 'ListenerSet', undefined].includes(p.kind))) dead(`${id(o)} is attached to no Gateway or ListenerSet`);
      if ((o.spec?.rules ?? []).length === 0 && o.kind !== 'TLSRoute') dead(`${id(o)} has no rules`);
    } else if (o.kind === 'Ingress') {
      if (!o.spec?.ingressClassName && !o.metadata?.annotations?.['kubernetes.io/ingress.class']) dead(`${id(o)} has no ingress class`);
      if ((o.spec?.rules ?? []).length === 0 && !o.spec?.defaultBackend) dead(`${id(o)} has no rules and no default backend`);
    } else if ((o.kind === 'IngressRoute' || o.kind === 'IngressRouteTCP') && String(o.apiVersion).startsWith('traefik.')) {
      if ((o.spec?.routes ?? []).length === 0) dead(`${id(o)} has no routes`);
    } else if (REFERENCED_KINDS.has(o.kind)) {
      // Traefik's TLSOption named default (strict SNI) serves every router without a TLSOption of its own.
      const traefikDefault = o.kind === 'TLSOption' && o.metadata?.name === 'default' && String(o.apiVersion).startsWith('traefik.');
      if (!traefikDefault && !isReferenced(o, others)) dead(`${id(o)} is referenced by no other object`);
    } else if (TARGETING_KINDS.has(o.kind)) {
      const refs: any[] = [...o.spec?.targetRefs ?? [], ...o.spec?.targetRef ? [o.spec.targetRef] : []];
      for (const r of refs) {
        if (!ROUTE_KINDS.has(r.kind)) continue; // Gateways may be external (attachTo); Services are not ours
        if (!others.some(x => x.kind === r.kind && x.metadata?.name === r.name && (x.metadata?.namespace ?? 'default') === (o.metadata?.namespace ?? 'default'))) {
          dead(`${id(o)} targets ${r.kind} '${r.name}', which the output does not contain`);
        }
      }
    }
  }
  return found.map(([, p]) => p);
}
