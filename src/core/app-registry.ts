import { IConstruct } from 'constructs';
import { addSignature, rootOf } from './synth-pass';

/**
 * App-wide facts that several constructs must agree on (which construct writes a certificate
 * Secret, which issuer uses an ACME account key, which Service has a BackendTLSPolicy).
 * Keyed by the construct tree's root, so separate apps never see each other's entries.
 * Entries are added when constructs are created; validations only read them.
 */
const REGISTRIES = new WeakMap<IConstruct, Map<string, Map<string, unknown[]>>>();
/** How many entries each app registered: validations memoised for a synth pass read the registries. */
const COUNTS = new WeakMap<IConstruct, number>();
addSignature(root => `registry ${COUNTS.get(root) ?? 0}`);

function bucketOf(scope: IConstruct, bucket: string): Map<string, unknown[]> {
  const root = rootOf(scope);
  let buckets = REGISTRIES.get(root);
  if (!buckets) {
    buckets = new Map();
    REGISTRIES.set(root, buckets);
  }
  let b = buckets.get(bucket);
  if (!b) {
    b = new Map();
    buckets.set(bucket, b);
  }
  return b;
}

/** Adds an entry under `key`; returns every entry of that key, in registration order. */
export function register<T>(scope: IConstruct, bucket: string, key: string, entry: T): readonly T[] {
  const b = bucketOf(scope, bucket);
  const root = rootOf(scope);
  COUNTS.set(root, (COUNTS.get(root) ?? 0) + 1);
  const list = b.get(key) as T[] | undefined;
  if (list) {
    list.push(entry);
    return list;
  }
  const created = [entry];
  b.set(key, created);
  return created;
}

/** Every entry registered under `key`, in registration order. */
export function entries<T>(scope: IConstruct, bucket: string, key: string): readonly T[] {
  return (bucketOf(scope, bucket).get(key) as T[] | undefined) ?? [];
}
