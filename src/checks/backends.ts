import { WARNING_IDS, WarningSpec } from '../core/warnings';
import { BackendIR, GatewayIR } from '../ir/model';

/**
 * Backends checked against the app: a Service the same cdk8s app defines (another chart, a
 * cdk8s-plus Service, a raw ApiObject, YAML pulled in with Include) must have the port a backend
 * names, or every request routed there fails (the primer's 502); a Service whose selector matches
 * no workload of the app has no endpoints (a warning: its pods may be deployed elsewhere).
 */

/** A port of a Service the app defines. */
export interface DefinedServicePort {
  readonly port: number;
  readonly name?: string;
}

/** A Service the app defines. */
export interface DefinedService {
  /** Path of the construct that defines it. */
  readonly path: string;
  readonly name: string;
  readonly namespace: string;
  readonly ports: readonly DefinedServicePort[];
  /** Undefined: no selector (endpoints managed by hand, or an ExternalName Service). */
  readonly selector?: Readonly<Record<string, string>>;
}

/** The pod labels of a workload the app defines (a Pod, or the pod template of a controller). */
export interface DefinedWorkload {
  readonly namespace: string;
  readonly labels: Readonly<Record<string, string>>;
}

/** A backend a construct of the gateway declares. */
export interface BackendReference {
  /** `source` of the construct that declares it. */
  readonly source: string;
  /** The prop that holds it, e.g. 'Route.backends'. */
  readonly prop: string;
  readonly backend: BackendIR;
}

/** Every backend of a gateway, with the construct and prop declaring it (gateway defaults once, on the gateway). */
export function backendReferences(ir: GatewayIR): BackendReference[] {
  const out: BackendReference[] = [];
  for (const r of ir.routes) {
    for (const b of r.backends) out.push({ source: r.source, prop: 'Route.backends', backend: b });
  }
  for (const c of ir.canaries) {
    out.push({ source: c.source, prop: 'CanarySplit.canary', backend: c.canary });
    if (c.mirror) out.push({ source: c.source, prop: 'CanarySplit.mirror', backend: c.mirror.backend });
  }
  for (const p of ir.passthroughHosts) out.push({ source: p.source, prop: 'TlsHost.mode.backend', backend: p.backend });
  if (ir.defaultBackend) out.push({ source: ir.defaultBackendSource ?? ir.source, prop: 'ApiGateway.defaultBackend', backend: ir.defaultBackend });
  return out;
}

function describe(b: BackendIR): string {
  return `Service '${b.namespace}/${b.service}' port ${b.port}`;
}

/**
 * The Services of a list by namespace and name, the first of each (what a search of the list
 * finds), built once per list: every backend of every route looks its Service up, so a search
 * per backend would make the checks quadratic in routes times Services.
 */
const SERVICE_INDEX = new WeakMap<readonly DefinedService[], ReadonlyMap<string, DefinedService>>();

function findService(b: BackendIR, services: readonly DefinedService[]): DefinedService | undefined {
  let index = SERVICE_INDEX.get(services);
  if (!index) {
    const byKey = new Map<string, DefinedService>();
    for (const s of services) {
      const key = `${s.namespace}/${s.name}`;
      if (!byKey.has(key)) byKey.set(key, s);
    }
    SERVICE_INDEX.set(services, index = byKey);
  }
  return index.get(`${b.namespace}/${b.service}`);
}

/** Whether a workload of the list matches each (namespace, selector), per list (routes share Services). */
const SELECTED = new WeakMap<readonly DefinedWorkload[], Map<string, boolean>>();

function selectsWorkload(namespace: string, wanted: ReadonlyArray<[string, string]>, workloads: readonly DefinedWorkload[]): boolean {
  let known = SELECTED.get(workloads);
  if (!known) SELECTED.set(workloads, known = new Map());
  const key = JSON.stringify([namespace, wanted]);
  let matched = known.get(key);
  if (matched === undefined) {
    matched = workloads.some(w => w.namespace === namespace && wanted.every(([k, v]) => w.labels[k] === v));
    known.set(key, matched);
  }
  return matched;
}

/**
 * The problem with a backend, given the Services the app defines, else undefined. `strict`: a
 * Service the app does not define is a problem too (strict backend checks).
 */
export function backendProblem(ref: BackendReference, services: readonly DefinedService[], strict: boolean, strictKey: string): string | undefined {
  const b = ref.backend;
  const service = findService(b, services);
  if (!service) {
    return strict
      ? `${ref.prop}: ${describe(b)} is not defined in this app, and strict backend checks are on ('${strictKey}'); define the Service in the app (a cdk8s-plus Service, an ApiObject or Include'd YAML), or fix the name or namespace`
      : undefined;
  }
  if (service.ports.some(p => p.port === b.port)) return undefined;
  const ports = service.ports.length === 0 ? 'none' : service.ports.map(p => (p.name ? `${p.port} ('${p.name}')` : `${p.port}`)).join(', ');
  return `${ref.prop}: ${describe(b)} does not exist: the Service [${service.path}] this app defines has the ports ${ports}, `
    + 'so every request routed there would fail (502/503); use one of its ports, or add the port to the Service';
}

/** `service-without-endpoints`: the app defines the backend's Service, but no workload its selector matches. */
export function backendWarning(
  ref: BackendReference, services: readonly DefinedService[], workloads: readonly DefinedWorkload[],
): WarningSpec | undefined {
  const service = findService(ref.backend, services);
  const selector = service?.selector;
  if (!service || !selector) return undefined;
  const wanted = Object.entries(selector);
  if (wanted.length === 0) return undefined;
  if (selectsWorkload(service.namespace, wanted, workloads)) return undefined;
  const labels = wanted.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([k, v]) => `${k}=${v}`).join(',');
  return {
    id: WARNING_IDS.serviceWithoutEndpoints,
    message: `${ref.prop}: the Service [${service.path}] ('${service.namespace}/${service.name}') selects pods labelled ${labels}, but no workload of this app `
      + `(Deployment, StatefulSet, DaemonSet, ReplicaSet, Job, CronJob, Pod) in namespace '${service.namespace}' has those labels, so it may have no endpoints (502/503); `
      + 'fix the selector or the pod labels, or acknowledge this warning if the pods are deployed elsewhere',
  };
}
