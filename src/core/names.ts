import { createHash } from 'crypto';

/** Short stable hash, used to keep derived names unique once they are truncated. */
export function shortHash(input: string, length = 8): string {
  return createHash('sha256').update(input).digest('hex').slice(0, length);
}

/**
 * Joins name parts into a valid DNS-1123 label-ish name of at most `maxLength` characters.
 * Long names are cut and suffixed with a hash of the full name, so they stay unique and stable.
 */
export function joinName(parts: string[], maxLength = 63): string {
  const full = parts.filter(p => p.length > 0).join('-');
  if (full.length <= maxLength) return full;
  const hash = shortHash(full);
  const head = full.slice(0, maxLength - hash.length - 1).replace(/[-.]+$/, '');
  return `${head}-${hash}`;
}

/** A hostname as a name segment: `*.example.com` -> `wildcard-example-com`, `**.example.com` -> `wildcard-any-example-com`. */
export function hostSlug(host: string): string {
  return host.replace(/^\*\*\./, 'wildcard-any.').replace(/^\*\./, 'wildcard.').replace(/\./g, '-');
}
