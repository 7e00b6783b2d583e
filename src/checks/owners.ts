import { Problem } from './problem';

/** The constructs that render objects. */
export type OwnerKind = 'ApiGateway' | 'Route' | 'TlsHost' | 'CanarySplit';

/** What the owner checks read of a rendered object (a cdk8s ApiObject has it). */
export interface OwnedObject {
  readonly apiGroup: string;
  readonly kind: string;
  readonly name: string;
  readonly metadata: { readonly namespace?: string };
}

/** The objects one construct renders: its path, its class, the objects. */
export type Owned = readonly [string, OwnerKind, readonly OwnedObject[]];

/** The identity of an object in a cluster: group, kind, namespace, name. */
export function objectKey(o: OwnedObject): string {
  return `${o.apiGroup}/${o.kind}/${o.metadata.namespace ?? ''}/${o.name}`;
}

/**
 * Renderers derive names for split objects (`<route>-02`, `<route>-<host>`); two constructs of
 * one gateway must never render the same object, or one would silently replace the other.
 */
export function ownerProblems(owned: readonly Owned[]): Problem[] {
  const problems: Problem[] = [];
  const owners = new Map<string, { readonly source: string; readonly object: OwnedObject }>();
  // A shared object is listed once per route of its group: its key is computed once.
  const keys = new Map<OwnedObject, string>();
  for (const [source, kind, objects] of owned) {
    for (const o of objects) {
      let key = keys.get(o);
      if (key === undefined) keys.set(o, key = objectKey(o));
      const prior = owners.get(key);
      if (prior === undefined) {
        owners.set(key, { source, object: o });
      } else if (prior.object !== o) {
        // The same object listed by several routes is one shared object (a renderer's grouping step).
        const owner = prior.source;
        problems.push({
          source,
          message: owner === source
            ? `${kind}.hosts: renders two ${o.kind} objects named '${o.name}' (hosts that differ only in '.' and '-' give the same name); put one of them on another route`
            : `${kind}${kind === 'TlsHost' ? '' : '.name'}: renders ${o.kind} '${o.name}' in namespace '${o.metadata.namespace}', which [${owner}] also renders; `
              + `give one of them another id${kind === 'TlsHost' ? '' : " or 'name'"}`,
        });
      }
    }
  }
  return problems;
}
