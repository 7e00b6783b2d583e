import { ApiObject } from 'cdk8s';
import { IConstruct } from 'constructs';
import { ControllerName } from '../capabilities/features';
import { checkRawAnnotations, criticalKeys, EXTENSION_OBJECT_ID, rawAnnotationsUnsupported } from '../controllers/raw-annotations';
import { fail, show } from '../core/errors';
import { annotationBytes, MAX_ANNOTATION_BYTES } from '../core/limits';
import { jsonWithoutLimitCheck } from '../core/manifest-object';
import { WARNING_IDS, WarningSpec } from '../core/warnings';

/** A route's raw annotations, checked for its controller. */
export interface RawAnnotations {
  readonly entries: ReadonlyArray<readonly [string, string]>;
  /** The standard unsupported message, when the controller's route objects take no annotations. */
  readonly refusal?: string;
  /** One problem per bad key, reported at synth with every other problem of the route. */
  readonly problems: readonly string[];
  /** `unsafe-raw-annotation` warnings: Critical-risk keys emitted because allowUnsafe is set. */
  readonly warnings: readonly WarningSpec[];
}

/**
 * Checks `rawAnnotations` / `allowUnsafe` where they are declared (before the Route exists). A
 * non-boolean allowUnsafe throws; problems with keys and values are collected and reported at
 * synth, all of them together with the route's other problems.
 */
export function rawAnnotationsOf(
  path: string, controller: ControllerName, props: { readonly rawAnnotations?: unknown; readonly allowUnsafe?: unknown },
): RawAnnotations {
  if (props.allowUnsafe !== undefined && typeof props.allowUnsafe !== 'boolean') fail(path, `Route.allowUnsafe: ${show(props.allowUnsafe)} must be true or false`);
  if (props.rawAnnotations === undefined) return { entries: [], problems: [], warnings: [] };
  const { entries, problems } = checkRawAnnotations(controller, props.rawAnnotations, props.allowUnsafe === true);
  const refusal = entries.length + problems.length > 0 ? rawAnnotationsUnsupported(controller) : undefined;
  const warnings = refusal ? [] : criticalKeys(controller, entries).map(key => ({
    id: WARNING_IDS.unsafeRawAnnotation,
    message: `rawAnnotations['${key}']: a Critical-risk annotation emitted because allowUnsafe is set: it injects raw ${controller} configuration `
      + 'that this library cannot check and that the controller refuses unless its risk settings are raised; prefer a typed prop',
  }));
  return { entries, problems, refusal, warnings };
}

/**
 * Writes the annotations onto every Ingress the route rendered (the library's own keys were
 * refused above, so nothing is replaced), or reports the refusal at synth with the other
 * unsupported features.
 */
export function applyRawAnnotations(route: IConstruct, objects: readonly ApiObject[], raw: RawAnnotations): void {
  const messages = [...raw.refusal ? [raw.refusal] : [], ...raw.problems];
  if (messages.length > 0) route.node.addValidation({ validate: () => messages });
  if (raw.refusal) return;
  const ingresses = objects.filter(o => o.kind === 'Ingress' && o.node.id !== EXTENSION_OBJECT_ID);
  for (const o of ingresses) {
    for (const [key, value] of raw.entries) o.metadata.addAnnotation(key, value);
  }
  // Raw values are the only unbounded annotations: check the rendered total where they are used.
  if (raw.entries.length > 0) {
    route.node.addValidation({
      validate: () => ingresses.flatMap(o => {
        const json = jsonWithoutLimitCheck(o);
        const size = annotationBytes((json as { metadata?: { annotations?: Record<string, string> } }).metadata?.annotations ?? {});
        return size > MAX_ANNOTATION_BYTES
          ? [`Route.rawAnnotations: the annotations of Ingress '${o.name}' total ${size} bytes, above the API server's limit of ${MAX_ANNOTATION_BYTES} (256 KiB) per object, so it would be rejected; shorten the values`]
          : [];
      }),
    });
  }
}
