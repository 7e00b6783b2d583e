import { ALL, ControllerName, FeatureKind } from './features';
import { Support } from './support';

export type { Support } from './support';

/**
 * The controller x feature matrix, joined from the areas in `areas/`. Unsupported cells become
 * synth errors in the standard format; the README matrix is generated from (and tested
 * against) this table.
 */
export const CAPABILITIES: { readonly [c in ControllerName]: { readonly [f in FeatureKind]: Support } } = ALL.matrix;
