import { ApiObject } from 'cdk8s';

/** The API server's limit on the total size of an object's annotations (keys and values). */
export const MAX_ANNOTATION_BYTES = 256 * 1024;

/**
 * etcd's default request size limit (`--max-request-bytes`, 1.5 MiB): the API server cannot
 * store a larger object.
 */
export const MAX_OBJECT_BYTES = 1536 * 1024;

/** Total size of annotations as the API server counts it: the bytes of every key and value. */
export function annotationBytes(annotations: Readonly<Record<string, string>>): number {
  let total = 0;
  for (const [k, v] of Object.entries(annotations)) total += Buffer.byteLength(k) + Buffer.byteLength(String(v));
  return total;
}

/**
 * Fails synth when the serialized `json` of `object` is one the API server would reject: its
 * annotations above 256 KiB, or the whole object above etcd's 1.5 MiB. Such an object applies
 * nowhere, so it is an error here rather than at `kubectl apply`.
 */
export function checkApiServerLimits(object: ApiObject, json: { metadata?: { annotations?: Record<string, string> } }): void {
  const what = `[${(object.node.scope ?? object).node.path}] ${object.kind} '${object.name}'`;
  const annotations = annotationBytes(json.metadata?.annotations ?? {});
  if (annotations > MAX_ANNOTATION_BYTES) {
    throw new Error(`${what}: its annotations total ${annotations} bytes, above the API server's limit of ${MAX_ANNOTATION_BYTES} (256 KiB) per object, `
      + 'so it would be rejected; shorten the lists that become annotations (hosts, CIDRs, origins, headers) or split the route');
  }
  const size = Buffer.byteLength(JSON.stringify(json));
  if (size > MAX_OBJECT_BYTES) {
    throw new Error(`${what}: the object is ${size} bytes, above etcd's default limit of ${MAX_OBJECT_BYTES} (1.5 MiB) per object, `
      + 'so the API server would reject it; split the route or TlsHost (fewer hosts, matches or CIDRs each)');
  }
}
