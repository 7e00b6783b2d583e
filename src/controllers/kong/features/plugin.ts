import { joinName } from '../../../core/names';
import { GatewayIR } from '../../../ir/model';
import { PluginType } from '../constants';

/** Kong's two capability columns: Ingress mode and Gateway API mode. */
export type KongColumn = 'kong' | 'kong-gateway-api';

/** A KongPlugin `configPatches` entry: a value read from a Secret key into the config at `path`. */
export interface ConfigPatch {
  readonly path: string;
  readonly valueFrom: { readonly secretKeyRef: { readonly name: string; readonly key: string } };
}

/**
 * One KongPlugin of a route. Which plugins a route has depends only on its RouteIR (they are
 * allocated with the route); `config` / `configPatches` are computed at synth and must be pure.
 */
export interface PluginSpec {
  readonly plugin: PluginType;
  readonly config: () => Record<string, unknown>;
  readonly configPatches?: () => ConfigPatch[] | undefined;
}

/**
 * KongPlugin names encode the plugin type: KIC's CRD makes `plugin` immutable, so a route whose
 * policy changes kind gets a new object instead of a failed update.
 */
export function pluginObjectName(routeName: string, plugin: PluginType): string {
  return joinName([routeName, plugin]);
}

/** The prop a policy problem names: `defaults.<prop>` when the policy is a gateway default. */
export function policyProp(ir: GatewayIR, source: string, prop: string): string {
  return source === ir.source ? `defaults.${prop}` : prop;
}

/** Non-empty arrays only (the output never carries empty lists). */
export function nonEmpty<T>(values: readonly T[]): T[] | undefined {
  return values.length > 0 ? [...values] : undefined;
}
