import { PolicyFeature } from '../../../capabilities/areas/policies';
import { unsupportedMessage } from '../../../capabilities/check';
import { ControllerName } from '../../../capabilities/features';
import { CAPABILITIES } from '../../../capabilities/matrix';
import { isSupported } from '../../../capabilities/support';
import { RenderProblem } from '../../renderer';

/** What the Gateway API core (and its extensions) need to decide and refuse policy features. */
export interface PolicyContext {
  readonly controller: ControllerName;
  readonly experimentalChannel: boolean;
  /** Features an extension renders itself: the core renders no standard field for them. */
  readonly handles: ReadonlySet<PolicyFeature>;
}

/** Whether the core renders a feature's standard field (no extension took it over). */
export function coreRenders(c: PolicyContext, feature: PolicyFeature): boolean {
  return !c.handles.has(feature);
}

/**
 * Whether a feature's values must be checked here: it is rendered by the caller and its cell is
 * supported (an unsupported cell already fails with the standard message).
 */
export function isActive(c: PolicyContext, feature: PolicyFeature): boolean {
  return isSupported(CAPABILITIES[c.controller][feature], c.experimentalChannel);
}

/**
 * A value the controller cannot express exactly, in the standard unsupported format. A policy
 * inherited from the gateway's defaults is reported on the gateway, with its `defaults.` prop.
 */
export function refuse(
  controller: ControllerName, gatewaySource: string, feature: PolicyFeature, source: string, prop: string, reason: string,
): RenderProblem {
  return { source, message: unsupportedMessage(controller, feature, source === gatewaySource ? `defaults.${prop}` : prop, reason) };
}
