import { ControllerName } from './controllers';

export type Support =
  /** `native`: the controller does it with no configuration, so nothing is emitted. */
  | { readonly supported: true; readonly note?: string; readonly native?: boolean }
  /** `experimental`: supported once the Gateway API experimental channel is enabled (the note says how). */
  | { readonly supported: false; readonly reason: string; readonly experimental?: string };

export const yes = (note?: string): Support => ({ supported: true, note });
export const no = (reason: string): Support => ({ supported: false, reason });
/** Supported with nothing to emit (the controller's default behaviour). */
export const native = (note: string): Support => ({ supported: true, note, native: true });

/** Supported only with the Gateway API experimental channel (controller option `experimentalChannel`). */
export const experimental = (note: string): Support => ({
  supported: false,
  reason: 'it is in the Gateway API experimental channel only; enable it with `experimentalChannel: true` in the controller options (and install the experimental CRDs)',
  experimental: note,
});

/** Whether a cell is supported given the controller's options. */
export function isSupported(cell: Support, experimentalChannel: boolean): boolean {
  return cell.supported || (experimentalChannel && cell.experimental !== undefined);
}

export interface FeatureInfo {
  /** Human title used in messages and the README matrix. */
  readonly title: string;
  /** The prop that introduces it, as users write it. */
  readonly prop: string;
}

/**
 * One area of the capability matrix (routing, TLS, policies, canaries...): its features and
 * a cell for every controller x feature. Typed total, so a new feature or controller does not
 * compile until every cell is decided. Areas live in `areas/`, one file each.
 */
export interface CapabilityArea<F extends string> {
  readonly features: { readonly [f in F]: FeatureInfo };
  readonly matrix: { readonly [c in ControllerName]: { readonly [f in F]: Support } };
}

/** Joins areas; assigning the result to `CapabilityArea<FeatureKind>` fails if one is missing. */
export function combine<A extends string, B extends string>(a: CapabilityArea<A>, b: CapabilityArea<B>): CapabilityArea<A | B> {
  const matrix = {} as { [c in ControllerName]: { [f in A | B]: Support } };
  for (const c of Object.keys(a.matrix) as ControllerName[]) matrix[c] = { ...a.matrix[c], ...b.matrix[c] };
  return { features: { ...a.features, ...b.features }, matrix };
}
