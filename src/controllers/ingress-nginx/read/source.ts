import { KubeObject, ReadItem } from '../../reader';
import { NGINX_ANNOTATION_CATALOG } from '../annotation-catalog';
import { PREFIX } from '../annotations';

/** The field of an annotation, as items name it. */
export function annotationField(key: string): string {
  return `metadata.annotations['${key}']`;
}

/**
 * One input Ingress being read: its annotations (each is itemized exactly once), where items go,
 * and what the features read from it. Readers of features take values through `take*`, which
 * marks the key as handled; whatever no feature took is classified at the end (`leftovers`).
 */
export class IngressSource {
  public readonly ref: string;
  public readonly namespace: string;
  public readonly name: string;
  public readonly annotations: { readonly [key: string]: string };
  private readonly handled = new Set<string>();
  private readonly invalid = new Set<string>();
  /** Values of `nginx.ingress.kubernetes.io/<name>` by `<name>` (no key building on the hot path). */
  private readonly nginx = new Map<string, string>();
  private hosts?: string[];

  constructor(public readonly object: KubeObject, defaultNamespace: string, private readonly items: ReadItem[], public readonly order: number) {
    this.namespace = object.metadata.namespace ?? defaultNamespace;
    this.name = object.metadata.name;
    this.ref = `${object.kind} ${this.namespace}/${this.name}`;
    const annotations = object.metadata.annotations;
    this.annotations = annotations !== null && typeof annotations === 'object' ? annotations : {};
    for (const [k, v] of Object.entries(this.annotations)) {
      if (k.startsWith(PREFIX) && typeof v === 'string') this.nginx.set(k.slice(PREFIX.length), v);
    }
  }

  /** The hosts of `spec.rules` ('' for a rule without host), de-duplicated, in order (computed once). */
  public ruleHosts(): readonly string[] {
    if (!this.hosts) {
      const rules = this.object.spec?.rules;
      this.hosts = Array.isArray(rules) ? [...new Set(rules.map((r: any) => (typeof r?.host === 'string' ? r.host : '')))] as string[] : [];
    }
    return this.hosts;
  }

  /** The raw value of `nginx.ingress.kubernetes.io/<name>` (not marked handled). */
  public peek(name: string): string | undefined {
    return this.nginx.get(name);
  }

  public has(name: string): boolean {
    return this.peek(name) !== undefined;
  }

  /**
   * The value of `nginx.ingress.kubernetes.io/<name>` when ingress-nginx accepts it. A value its
   * validation refuses is itemized as unmapped here (ingress-nginx drops the Ingress's
   * configuration for it) and undefined is returned. Does not itemize a valid value.
   */
  public valid(name: string): string | undefined {
    const key = `${PREFIX}${name}`;
    const value = this.peek(name);
    if (value === undefined || this.invalid.has(key)) return undefined;
    const rule = NGINX_ANNOTATION_CATALOG.lookup(key)?.value;
    if (rule && !rule.test(value)) {
      this.invalid.add(key);
      this.unmapped(key, `ingress-nginx refuses the value: it must be ${rule.name} (an Ingress with an invalid annotation is not served as written)`);
      return undefined;
    }
    return value;
  }

  /** A boolean annotation as ingress-nginx parses it (strconv.ParseBool), or undefined. */
  public bool(name: string): boolean | undefined {
    const v = this.valid(name);
    if (v === undefined) return undefined;
    return ['1', 't', 'T', 'TRUE', 'true', 'True'].includes(v);
  }

  /** A whole non-negative number, or undefined. */
  public int(name: string): number | undefined {
    const v = this.valid(name);
    if (v === undefined) return undefined;
    const n = Number(v.trim());
    return Number.isSafeInteger(n) ? n : undefined;
  }

  /** Itemizes a present annotation as mapped (absent or already itemized: nothing). */
  public mapped(name: string, to: string): void {
    this.itemize(name, { to });
  }

  /** Itemizes a present annotation as unmapped (absent or already itemized: nothing). */
  public unmapped(name: string, reason: string): void {
    this.itemize(name, { reason });
  }

  /** Marks every present key of `names` unmapped with one reason. */
  public unmappedAll(names: readonly string[], reason: string): void {
    for (const n of names) this.unmapped(n, reason);
  }

  public isHandled(name: string): boolean {
    return this.handled.has(this.key(name));
  }

  public fieldMapped(field: string, value: string | undefined, to: string): void {
    this.items.push({ object: this.ref, field, value, to });
  }

  public fieldUnmapped(field: string, value: string | undefined, reason: string): void {
    this.items.push({ object: this.ref, field, value, reason });
  }

  /** Keys present and not yet itemized. */
  public leftovers(): string[] {
    return Object.keys(this.annotations).filter(k => !this.handled.has(k)).sort();
  }

  private itemize(name: string, outcome: { readonly to: string } | { readonly reason: string }): void {
    if (!this.present(name)) return;
    const key = this.key(name);
    if (this.handled.has(key)) return;
    this.handled.add(key);
    this.items.push({ object: this.ref, field: annotationField(key), value: this.annotations[key], ...outcome });
  }

  private present(name: string): boolean {
    return name.includes('/') ? this.annotations[name] !== undefined : this.nginx.has(name);
  }

  /** A full key for a short nginx name; keys with a '/' are taken as full keys. */
  private key(name: string): string {
    return name.includes('/') ? name : `${PREFIX}${name}`;
  }
}
