import { unsupportedMessage } from '../../../capabilities/check';
import { FeatureKind } from '../../../capabilities/features';
import { GatewayIR, RouteIR } from '../../../ir/model';
import { RenderProblem } from '../../renderer';
import { ANNOTATIONS, AnnotationName } from '../annotations';

/**
 * One annotation a feature renders, with what introduced it, so that a value ingress-nginx
 * would refuse is reported against the right construct, feature and prop.
 */
export interface Emitted {
  readonly name: AnnotationName;
  readonly value: string;
  readonly feature: FeatureKind;
  /** The prop as written on a route (`defaults.` is added for gateway defaults). */
  readonly prop: string;
  /** The construct that declared it (a route, or the gateway for defaults). */
  readonly source: string;
}

/** A feature of the route's Ingress: the annotations it renders and the problems it refuses. */
export interface NginxFeature {
  /** Pure; renders only what the route's policies express (nothing for refused cells). */
  annotations(route: RouteIR): Emitted[];
  /** Values this controller cannot express exactly, in the standard message format. */
  problems(route: RouteIR, gw: GatewayIR): RenderProblem[];
}

/** The prop as users wrote it: policies inherited from the gateway are `defaults.<prop>`. */
export function propFor(gw: GatewayIR, source: string, prop: string): string {
  return source === gw.source ? `defaults.${prop}` : prop;
}

/** A refusal in the standard format, attributed to the construct that declared the value. */
export function refuse(gw: GatewayIR, source: string, feature: FeatureKind, prop: string, reason: string): RenderProblem {
  return { source, message: unsupportedMessage('ingress-nginx', feature, propFor(gw, source, prop), reason) };
}

export function emit(name: AnnotationName, value: string, feature: FeatureKind, prop: string, source: string): Emitted {
  return { name, value, feature, prop, source };
}

/** Emitted annotations as the Ingress's `metadata.annotations` (undefined when there are none). */
export function toAnnotations(emitted: readonly Emitted[]): Record<string, string> | undefined {
  if (emitted.length === 0) return undefined;
  const out: Record<string, string> = {};
  for (const e of emitted) out[ANNOTATIONS[e.name]] = e.value;
  return out;
}

/** Header names ingress-nginx accepts in its header-list annotations (HeadersVariable, authreq). */
export const NGINX_HEADER_NAME = /^[A-Za-z0-9_-]+$/;

/** Quotes a list of offending values for messages. */
export function quoted(values: readonly string[]): string {
  return values.map(v => `'${v}'`).join(', ');
}
