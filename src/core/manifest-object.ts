import { ApiObject, Lazy } from 'cdk8s';
import { Construct } from 'constructs';
import { internalError } from './errors';
import { checkApiServerLimits } from './limits';

export interface ManifestObjectProps {
  readonly apiVersion: string;
  readonly kind: string;
  readonly name: string;
  readonly namespace?: string;
  /** A cluster-scoped kind: no `metadata.namespace`, even inside a chart with a namespace. */
  readonly clusterScoped?: boolean;
  /** The `spec`, computed at synth. Must be pure. Omit for kinds without a spec. */
  readonly spec?: () => unknown;
  /**
   * Top-level fields other than `spec` (e.g. KongPlugin `plugin` / `config`), each computed at
   * synth. Must be pure.
   */
  readonly fields?: Record<string, () => unknown>;
  /** Annotations computed at synth (their keys may depend on constructs added later). Must be pure. */
  readonly annotations?: () => Record<string, string> | undefined;
  /**
   * Whether the object is not needed in this output, decided at synth (e.g. a TlsHost's redirect
   * route when the routes already redirect all of its hosts). Must be pure. See `omitAtSynth`.
   * @default - always emitted
   */
  readonly omit?: () => boolean;
}

/**
 * Leaves `object` out of the synthesized output when `unneeded()` holds at synth.
 *
 * Renderers allocate objects when intent constructs are created, but whether some of them are
 * needed is only known once every construct exists (a dead object is configuration the cluster
 * silently ignores: it must not be emitted). cdk8s validates the whole app before it serializes
 * any chart, and serializes what is in the construct tree then: the object removes itself from
 * its scope during validation. It reports no problem of its own.
 */
export function omitAtSynth(object: ApiObject, unneeded: () => boolean): void {
  object.node.addValidation({
    validate: () => {
      if (unneeded()) object.node.scope?.node.tryRemoveChild(object.node.id);
      return [];
    },
  });
}

/**
 * An ApiObject whose spec and annotations are produced at synth from the IR.
 * It is a plain ApiObject (not a generated L1), so users' `addJsonPatch` always applies last
 * and is never dropped by a key mapper.
 */
export class ManifestObject extends ApiObject {
  private readonly renderAnnotations?: () => Record<string, string> | undefined;
  private ownedAnnotations: string[] = [];

  constructor(scope: Construct, id: string, props: ManifestObjectProps) {
    const fields: Record<string, unknown> = {};
    for (const [key, produce] of Object.entries(props.fields ?? {})) fields[key] = Lazy.any({ produce });
    super(scope, id, {
      apiVersion: props.apiVersion,
      kind: props.kind,
      metadata: { name: props.name, namespace: props.namespace },
      ...fields,
      ...(props.spec ? { spec: Lazy.any({ produce: props.spec }) } : {}),
    });
    this.renderAnnotations = props.annotations;
    if (props.omit) omitAtSynth(this, props.omit);
    if (props.clusterScoped) {
      // cdk8s gives every object the chart's namespace; a cluster-scoped object must have none.
      (this.metadata as unknown as { namespace?: string }).namespace = undefined;
    }
  }

  public toJson(): any {
    const json = this._toJsonUnchecked();
    checkApiServerLimits(this, json);
    return json;
  }

  /**
   * The object's JSON without the API server limit check, for a check that reports a more
   * precise message first (e.g. `Route.rawAnnotations`).
   * @internal
   */
  public _toJsonUnchecked(): any {
    if (this.renderAnnotations) {
      // cdk8s has no lazily-keyed annotations: merge ours just before serialising. Keys we set
      // last time are replaced; keys the user set through `metadata` are never overwritten.
      const annotations = (this.metadata as unknown as { annotations: Record<string, string> }).annotations;
      for (const key of this.ownedAnnotations) delete annotations[key];
      this.ownedAnnotations = [];
      const rendered = this.renderAnnotations() ?? {};
      for (const key of Object.keys(rendered).sort()) {
        if (key in annotations) continue;
        // Values come from validated intent; a line break here would be an injection vector.
        if (typeof rendered[key] !== 'string' || /[\r\n]/.test(rendered[key])) internalError(`annotation ${key} of ${this.kind} '${this.name}' is not a single-line string`);
        annotations[key] = rendered[key];
        this.ownedAnnotations.push(key);
      }
    }
    return super.toJson();
  }
}

/**
 * The JSON of an object without the API server limit check (see `ManifestObject._toJsonUnchecked`).
 * Not `instanceof`: cdk8s's `ApiObject[Symbol.hasInstance]` holds for every ApiObject.
 */
export function jsonWithoutLimitCheck(object: ApiObject): any {
  const unchecked = (object as Partial<Pick<ManifestObject, '_toJsonUnchecked'>>)._toJsonUnchecked;
  return typeof unchecked === 'function' ? unchecked.call(object) : object.toJson();
}
