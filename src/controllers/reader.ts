import { ControllerName } from '../capabilities/features';
import { RouteTable } from '../checks/route-table';
import { GatewayIR } from '../ir/model';

/**
 * The reader contract: every controller folder holds a `reader.ts` that turns that controller's
 * manifests (our own output, and hand-written objects of the same kinds) back into the IR.
 *
 * Readers power `cdk8s-gateway import` (migration), `report` (route table, diff, diagram) and
 * `GatewayAssertions` (tests on what was emitted), and the round-trip property
 * (render -> read -> the same semantic route table, see `src/checks/route-table.ts`) proves that each
 * renderer says what the intent means.
 *
 * Rules for every reader:
 * - Nothing is ignored silently. Every annotation and spec field of an object the reader accepts is
 *   either mapped to its exact intent meaning (an item with `to`) or listed as unmapped (an item with
 *   `reason`): unknown keys under the controller's annotation prefix, snippets, fields the intent does
 *   not model. Approximations are unmapped items, never silent.
 * - Pure: no constructs, no cdk8s; plain JSON in, plain IR out; deterministic (sorted) output.
 * - `source` of every IR node is the object it came from (`objectRef`), so reports point at the input.
 */

/** A Kubernetes object as parsed from YAML: plain JSON. */
export interface KubeObject {
  readonly apiVersion: string;
  readonly kind: string;
  readonly metadata: {
    readonly name: string;
    readonly namespace?: string;
    readonly annotations?: { readonly [key: string]: string };
    readonly labels?: { readonly [key: string]: string };
    readonly [key: string]: unknown;
  };
  readonly spec?: any;
  readonly [key: string]: unknown;
}

/** What happened to one annotation or field of an input object. */
export interface ReadItem {
  /** The input object, as `objectRef` writes it: `Kind namespace/name`. */
  readonly object: string;
  /**
   * The annotation key (`metadata.annotations['nginx.ingress.kubernetes.io/limit-rps']`) or the
   * field path (`spec.rules[0].http.paths[1].pathType`).
   */
  readonly field: string;
  /** The input value, shown as text (absent for whole objects). */
  readonly value?: string;
  /** Where the setting went in the intent, e.g. `Route.rateLimit (RateLimit.perClientIp requests)`. */
  readonly to?: string;
  /** Why the setting cannot move (set exactly when `to` is not). */
  readonly reason?: string;
}

/** What a reader made of a set of manifests. */
export interface ReadResult {
  /** One gateway per routing table found (e.g. per IngressClass and namespace, per Gateway). */
  readonly gateways: readonly GatewayIR[];
  /** Every mapped and unmapped annotation or field, sorted by object then field. */
  readonly items: readonly ReadItem[];
}

/** Options for a reader. */
export interface ReadOptions {
  /** Namespace of objects that name none. Default: 'default'. */
  readonly defaultNamespace?: string;
}

export interface ControllerReader {
  /** The capability column whose output this reader reads. */
  readonly name: ControllerName;
  /**
   * For a Gateway API implementation: how `--from auto` recognises standard objects written for
   * it (Gateway API objects alone do not say which implementation serves them). Default: none
   * (the portable reader and the other controllers).
   */
  readonly gatewayClass?: GatewayClassHint;
  /**
   * Columns whose objects this reader reads too, as parts of its own output (Traefik's Ingress
   * output uses IngressRoutes for what an Ingress cannot say). With `--from auto`, an input this
   * reader recognises beyond those columns' objects is read by this reader alone. Default: none.
   */
  readonly alsoReads?: readonly ControllerName[];
  /**
   * Whether the object belongs to this controller (e.g. an Ingress of an nginx IngressClass, a
   * Traefik Middleware). Services, Secrets and cert-manager objects are context, not accepted.
   */
  accepts(object: KubeObject): boolean;
  /**
   * Reads `objects` (accepted ones and context such as Services and IngressClasses) into gateways.
   * Never throws on valid Kubernetes objects: what cannot be read is an unmapped item.
   */
  read(objects: readonly KubeObject[], options?: ReadOptions): ReadResult;
  /**
   * Equivalences of this controller's output: intents the renderer writes identically (e.g.
   * Traefik answers 301 and 308 with the same `permanent: true`) mapped to the one form `read`
   * returns, applied to both sides of a comparison (round trip, reports). Each equivalence
   * must be documented where the renderer decides it. Default: none.
   */
  normalize?(table: RouteTable): RouteTable;
}

/** How a Gateway API implementation's Gateways are recognised. */
export interface GatewayClassHint {
  /** The `spec.controllerName` of its GatewayClasses starts with this. */
  readonly controllerNamePrefix: string;
  /** The GatewayClass its installation creates by default (a Gateway naming it, with no GatewayClass in the input). */
  readonly defaultClassName: string;
}

/** `Kind namespace/name` (cluster-scoped objects: `Kind name`). */
export function objectRef(object: KubeObject, defaultNamespace = 'default'): string {
  const scoped = object.metadata.namespace ?? (CLUSTER_SCOPED.has(object.kind) ? undefined : defaultNamespace);
  return scoped === undefined ? `${object.kind} ${object.metadata.name}` : `${object.kind} ${scoped}/${object.metadata.name}`;
}

const CLUSTER_SCOPED = new Set(['IngressClass', 'GatewayClass', 'ClusterIssuer', 'KongClusterPlugin', 'Namespace']);

/** Items sorted by object, then field (stable, for byte-identical reports). */
export function sortItems(items: readonly ReadItem[]): ReadItem[] {
  return [...items].sort((a, b) => (a.object === b.object ? (a.field < b.field ? -1 : a.field > b.field ? 1 : 0) : a.object < b.object ? -1 : 1));
}
