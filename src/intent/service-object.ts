import { ApiObject, JsonPatch } from 'cdk8s';
import { BackendIR } from '../ir/model';
import { ServiceSideIR } from '../ir/service-side';

/** A Service construct's ApiObject and the index of a backend's port in its `spec.ports`. */
export interface ServiceObject {
  readonly object: ApiObject;
  readonly portIndex: number;
}

/**
 * Writes a route's Service-side settings onto a Service of this app: annotations through its
 * metadata, `appProtocol` through a JSON patch on the port (cdk8s-plus lines do not all expose
 * it). Values are decided from the route's IR, which is final when the route is created; two
 * routes asking different values of one Service fail the synth (checks/service-side.ts), so the
 * order of writes never matters in an output that synthesizes.
 */
export function writeServiceSide(target: ServiceObject, settings: ServiceSideIR): void {
  for (const [key, value] of Object.entries(settings.annotations)) target.object.metadata.addAnnotation(key, value);
  if (settings.appProtocol !== undefined && target.portIndex >= 0) {
    target.object.addJsonPatch(JsonPatch.add(`/spec/ports/${target.portIndex}/appProtocol`, settings.appProtocol));
  }
}

/** The Service construct behind a backend's IR (`Backend.fromService` with a construct of this app). */
const SERVICE_OBJECTS = new WeakMap<BackendIR, ServiceObject>();

export function rememberServiceObject(backend: BackendIR, target: ServiceObject): void {
  SERVICE_OBJECTS.set(backend, target);
}

/**
 * Writes the settings `policies` need onto the Service construct behind each backend, where
 * there is one.
 */
export function writeServiceSideOf(backends: readonly BackendIR[], settings: ServiceSideIR | undefined): void {
  if (!settings) return;
  for (const b of backends) {
    const target = SERVICE_OBJECTS.get(b);
    if (target) writeServiceSide(target, settings);
  }
}

/** Whether the backend's Service is a construct of this app this library writes to. */
export function hasServiceObject(backend: BackendIR): boolean {
  return SERVICE_OBJECTS.has(backend);
}
