import { KubeObject, objectRef, ReadItem, sortItems } from '../../reader';

/** Collects the mapped / unmapped items of a reading (every field of an accepted object gets one). */
export class ItemLog {
  private readonly items: ReadItem[] = [];

  constructor(public readonly defaultNamespace: string) {}

  public ref(object: KubeObject): string {
    return objectRef(object, this.defaultNamespace);
  }

  public mapped(object: KubeObject, field: string, to: string, value?: unknown): void {
    this.items.push({ object: this.ref(object), field, value: show(value), to });
  }

  public unmapped(object: KubeObject, field: string, reason: string, value?: unknown): void {
    this.items.push({ object: this.ref(object), field, value: show(value), reason });
  }

  /**
   * Lists the keys of `value` that `known` does not name as unmapped (`<field>.<key>`): fields this
   * reader does not model are never dropped silently.
   */
  public unknownKeys(object: KubeObject, field: string, value: unknown, known: readonly string[], reason = 'a field the intent does not model'): void {
    if (value === null || typeof value !== 'object' || Array.isArray(value)) return;
    for (const key of Object.keys(value).sort()) {
      if (!known.includes(key)) this.unmapped(object, `${field}.${key}`, reason, (value as Record<string, unknown>)[key]);
    }
  }

  public result(): ReadItem[] {
    // Identical items (e.g. one field seen twice) are reported once.
    const seen = new Set<string>();
    return sortItems(this.items.filter(i => {
      const k = JSON.stringify(i);
      return !seen.has(k) && !!seen.add(k);
    }));
  }
}

/** A value as text for a report (absent stays absent). */
export function show(value: unknown): string | undefined {
  if (value === undefined) return undefined;
  return typeof value === 'string' ? value : JSON.stringify(value);
}
