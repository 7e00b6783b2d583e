import { GROUP } from '../api';

export interface ReferenceGrantSpec {
  readonly from: Array<{ readonly group: string; readonly kind: string; readonly namespace: string }>;
  readonly to: Array<{ readonly group: string; readonly kind: string; readonly name: string }>;
}

/** A grant scoped to the named objects only, never a whole namespace. */
export function referenceGrantSpec(
  fromKind: string, fromNamespace: string, toKind: 'Service' | 'Secret', names: Iterable<string>, fromGroup: string = GROUP,
): ReferenceGrantSpec {
  return {
    from: [{ group: fromGroup, kind: fromKind, namespace: fromNamespace }],
    to: [...new Set(names)].sort().map(name => ({ group: '', kind: toKind, name })),
  };
}
