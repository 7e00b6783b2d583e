import { ApiObject, Lazy } from 'cdk8s';
import { Construct } from 'constructs';
import { checkApiServerLimits } from '../../core/limits';
import { omitAtSynth } from '../../core/manifest-object';

export interface TopLevelObjectProps {
  readonly apiVersion: string;
  readonly kind: string;
  readonly name: string;
  readonly namespace: string;
  /** Fixed at allocation (they may only depend on the RouteIR). */
  readonly labels?: Record<string, string>;
  readonly annotations?: Record<string, string>;
  /** Top-level fields (Kong CRDs and Secrets have no `spec`), each computed at synth. Must be pure. */
  readonly fields: Record<string, () => unknown>;
  /**
   * Whether the object is not needed in this output, decided at synth. Must be pure.
   * @default - always emitted
   */
  readonly omit?: () => boolean;
}

/**
 * An ApiObject whose content lives in top-level fields (KongPlugin `plugin` / `config`,
 * KongConsumer `username` / `credentials`, Secret `stringData`), produced lazily. A plain
 * ApiObject, so users' `addJsonPatch` always applies last.
 */
export class TopLevelObject extends ApiObject {
  constructor(scope: Construct, id: string, props: TopLevelObjectProps) {
    const fields: Record<string, unknown> = {};
    for (const key of Object.keys(props.fields).sort()) fields[key] = Lazy.any({ produce: props.fields[key] });
    super(scope, id, {
      apiVersion: props.apiVersion,
      kind: props.kind,
      metadata: { name: props.name, namespace: props.namespace, labels: props.labels, annotations: props.annotations },
      ...fields,
    });
    if (props.omit) omitAtSynth(this, props.omit);
  }

  public toJson(): any {
    const json = super.toJson();
    checkApiServerLimits(this, json);
    return json;
  }
}
