import { Problem } from './problem';
import { unsupportedMessage } from '../capabilities/check';
import { ControllerName, FeatureKind } from '../capabilities/features';
import { CAPABILITIES } from '../capabilities/matrix';
import { BackendIR, GatewayIR, RouteIR } from '../ir/model';
import { PoliciesIR } from '../ir/policies';
import { ServiceSettingsIR, ServiceSideIR } from '../ir/service-side';

/**
 * Settings a controller reads on a backend's Service (see ServiceSideIR): refused where the
 * Service is named only, and checked for agreement, because annotations apply to every route
 * reaching the Service and an `appProtocol` to every route reaching the port.
 */

/** A backend of a gateway with the Service-side settings its route's policies need. */
export interface ServiceSideUse {
  /** `source` of the construct declaring the backend. */
  readonly source: string;
  /** The prop declaring the backend, as messages name it (`Route.backends`). */
  readonly prop: string;
  readonly backend: BackendIR;
  readonly settings?: ServiceSideIR;
}

export type ServiceSideOf = (policies: PoliciesIR, route?: RouteIR) => ServiceSideIR | undefined;

/** Every backend that routes traffic (route backends, canary backends with their route's policies, the default backend). */
export function serviceSideUses(ir: GatewayIR, settingsOf: ServiceSideOf): ServiceSideUse[] {
  const out: ServiceSideUse[] = [];
  const bySource = new Map(ir.routes.map(r => [r.source, r]));
  for (const r of ir.routes) {
    const settings = settingsOf(r.policies, r);
    for (const b of r.backends) out.push({ source: r.source, prop: 'Route.backends', backend: b, settings });
  }
  for (const c of ir.canaries) {
    const route = bySource.get(c.route);
    out.push({ source: c.source, prop: 'CanarySplit.canary', backend: c.canary, settings: route ? settingsOf(route.policies, route) : undefined });
  }
  if (ir.defaultBackend) out.push({ source: ir.defaultBackendSource ?? ir.source, prop: 'ApiGateway.defaultBackend', backend: ir.defaultBackend });
  return out;
}

const serviceKey = (b: BackendIR) => `${b.namespace}/${b.service}`;
const describeAnnotations = (a: Readonly<Record<string, string>> | undefined) => {
  const entries = Object.entries(a ?? {});
  return entries.length === 0 ? 'none' : entries.map(([k, v]) => `${k}: ${JSON.stringify(v)}`).join(', ');
};

/**
 * Problems: a named-only Service whose route needs Service-side settings (the standard message,
 * naming `Backend.fromService` as the fix), and uses of one Service (annotations) or one port
 * (appProtocol) that disagree.
 */
export function serviceSideProblems(ir: GatewayIR, controller: ControllerName, settingsOf: ServiceSideOf): Problem[] {
  const problems: Problem[] = [];
  const uses = serviceSideUses(ir, settingsOf);
  for (const u of uses) {
    if (!u.settings || u.backend.serviceKnown) continue;
    // A feature the column refuses is reported once, by the matrix.
    for (const f of u.settings.features.filter(x => CAPABILITIES[controller][x.feature as FeatureKind]?.supported)) {
      problems.push({
        source: u.source,
        message: unsupportedMessage(controller, f.feature as FeatureKind, f.prop,
          `${f.where}, and Backend.service('${u.backend.service}', ${u.backend.port}) names the Service only; `
          + 'hand the Service over with Backend.fromService(service) (or Backend.fromServicePorts(name, ports) and apply ApiGateway.serviceSettings() to it)'),
      });
    }
  }
  const byService = new Map<string, ServiceSideUse[]>();
  for (const u of uses) byService.set(serviceKey(u.backend), [...byService.get(serviceKey(u.backend)) ?? [], u]);
  for (const [key, list] of byService) {
    // Only settings this library writes can conflict (a named-only Service is refused above).
    if (!list.some(u => u.settings && u.backend.serviceKnown)) continue;
    const annotations = (u: ServiceSideUse) => describeAnnotations(u.settings?.annotations);
    const first = list[0];
    const other = list.find(u => annotations(u) !== annotations(first));
    if (other) {
      for (const u of [first, other]) {
        const them = u === first ? other : first;
        problems.push({
          source: u.source,
          message: `${u.prop}: Service '${key}' needs the annotations ${annotations(u)} for this route and ${annotations(them)} for [${them.source}]; `
            + `controller '${controller}' reads them on the Service, for every route to it: give both routes the same settings, or separate Services`,
        });
      }
    }
    for (const port of new Set(list.map(u => u.backend.port))) {
      const onPort = list.filter(u => u.backend.port === port);
      if (!onPort.some(u => u.settings?.appProtocol !== undefined && u.backend.serviceKnown)) continue;
      const a = onPort[0];
      const b = onPort.find(u => u.settings?.appProtocol !== a.settings?.appProtocol);
      if (!b) continue;
      for (const u of [a, b]) {
        const them = u === a ? b : a;
        problems.push({
          source: u.source,
          message: `${u.prop}: Service '${key}' port ${port} needs appProtocol ${u.settings?.appProtocol ?? 'unset'} for this route and ${them.settings?.appProtocol ?? 'unset'} for [${them.source}]; `
            + `controller '${controller}' reads it on the Service port, for every route to it: give both routes the same backendProtocol, or separate ports`,
        });
      }
    }
  }
  return problems;
}

/** The merged settings of every Service handed over (`serviceKnown`) that needs some, sorted by namespace and name. */
export function serviceSettings(ir: GatewayIR, settingsOf: ServiceSideOf): ServiceSettingsIR[] {
  const merged = new Map<string, { service: string; namespace: string; annotations: Record<string, string>; ports: Map<number, string> }>();
  for (const u of serviceSideUses(ir, settingsOf)) {
    if (!u.settings || !u.backend.serviceKnown) continue;
    const key = serviceKey(u.backend);
    let m = merged.get(key);
    if (!m) merged.set(key, m = { service: u.backend.service, namespace: u.backend.namespace, annotations: {}, ports: new Map() });
    Object.assign(m.annotations, u.settings.annotations);
    if (u.settings.appProtocol !== undefined) m.ports.set(u.backend.port, u.settings.appProtocol);
  }
  return [...merged.values()]
    .filter(m => Object.keys(m.annotations).length > 0 || m.ports.size > 0)
    .sort((x, y) => (x.namespace === y.namespace ? (x.service < y.service ? -1 : 1) : (x.namespace < y.namespace ? -1 : 1)))
    .map(m => ({
      service: m.service,
      namespace: m.namespace,
      annotations: Object.fromEntries(Object.entries(m.annotations).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))),
      ports: [...m.ports].sort(([a], [b]) => a - b).map(([port, appProtocol]) => ({ port, appProtocol })),
    }));
}
