import { supportedByCalls } from '../capabilities/check';
import { ControllerName } from '../capabilities/features';
import { NGINX_ANNOTATION_CATALOG } from './ingress-nginx/annotation-catalog';
import { KONG_ANNOTATION_CATALOG } from './kong/annotation-catalog';
import { TRAEFIK_ANNOTATION_CATALOG } from './traefik/annotation-catalog';
import { show } from '../core/errors';

/** ingress-nginx's risk levels (`annotations-risk.md`); other controllers document none. */
/**
 * The construct id of a route object that only extends the route's main object (ingress-nginx's
 * canary Ingress carrying a route's second backend): the controller ignores other annotations
 * there, so raw annotations are written on the main object only.
 */
export const EXTENSION_OBJECT_ID = 'Split';

export type AnnotationRisk = 'Low' | 'Medium' | 'High' | 'Critical';

/** One annotation key a controller documents for Ingress objects. */
export interface KnownAnnotation {
  /** @default 'Low' */
  readonly risk?: AnnotationRisk;
  /** The controller's own check of the value, when it has one (a failing value is refused). */
  readonly value?: { readonly name: string; test(value: string): boolean };
  /** Why the key cannot be set on a route's Ingress (read elsewhere, deprecated...). */
  readonly refused?: string;
}

/**
 * The annotations one controller reads on the Ingress objects of a route: each controller folder
 * owns its catalog (`<controller>/annotation-catalog.ts`).
 */
export interface AnnotationCatalog {
  readonly controller: ControllerName;
  /** Key prefixes the controller reads: every key under them must be a known one. */
  readonly prefixes: readonly string[];
  /** Every known key, for did-you-mean suggestions. */
  readonly keys: readonly string[];
  lookup(key: string): KnownAnnotation | undefined;
  /** The typed prop this library renders the key from, when it renders it. */
  ownedBy(key: string): string | undefined;
}

const GATEWAY_API = 'Gateway API objects are configured by their fields and by the implementation\'s policy objects, not by annotations; '
  + 'change a rendered object with addJsonPatch on Route.apiObjects instead';

/**
 * Which controllers take raw annotations on a route's objects (typed total: a new controller
 * does not compile until it decides), and why the others refuse them.
 */
export const RAW_ANNOTATIONS: { readonly [c in ControllerName]: AnnotationCatalog | { readonly refused: string } } = {
  'ingress-nginx': NGINX_ANNOTATION_CATALOG,
  'traefik': { refused: 'IngressRoute objects are configured by their spec, not by annotations; use TraefikOutput.INGRESS, or addJsonPatch on Route.apiObjects' },
  'traefik-ingress': TRAEFIK_ANNOTATION_CATALOG,
  'kong': KONG_ANNOTATION_CATALOG,
  'kong-gateway-api': { refused: GATEWAY_API },
  'gateway-api': { refused: GATEWAY_API },
  'envoy-gateway': { refused: GATEWAY_API },
  'istio': { refused: GATEWAY_API },
};

const CATALOGS = Object.values(RAW_ANNOTATIONS).filter((c): c is AnnotationCatalog => 'keys' in c);

/** Kubernetes annotation keys: an optional DNS-subdomain prefix and '/', then a qualified name. */
const KEY = /^(([a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*)\/)?([A-Za-z0-9]([-A-Za-z0-9_.]*[A-Za-z0-9])?)$/;

/** Keys no route may set: the library owns what they control. */
const RESERVED: { readonly [key: string]: string } = {
  'kubernetes.io/ingress.class': 'the IngressClass comes from the controller options (ingressClassName); a second class would make another controller serve the route',
};

/**
 * The standard unsupported message for `rawAnnotations` (not a capability-matrix feature: it is an
 * escape hatch, not an intent). Same format as `unsupportedMessage`.
 */
export function rawAnnotationsUnsupported(controller: ControllerName): string | undefined {
  const support = RAW_ANNOTATIONS[controller];
  if (!('refused' in support)) return undefined;
  return `Raw annotations (rawAnnotations) is not supported by controller '${controller}': ${support.refused}. Supported by: ${supportedByCalls(c => 'keys' in RAW_ANNOTATIONS[c])}.`;
}

/**
 * Checks raw annotations for one controller. Returns the good entries sorted by key, and one
 * problem per bad key (`Route.rawAnnotations['<key>']: ...`), so every problem of the hatch is
 * reported together. Keys outside every controller's prefixes (e.g.
 * `external-dns.alpha.kubernetes.io/hostname`) are passed through once their syntax and value are checked.
 */
export function checkRawAnnotations(
  controller: ControllerName, raw: unknown, allowUnsafe: boolean,
): { entries: Array<[string, string]>; problems: string[] } {
  if (raw === null || typeof raw !== 'object' || Array.isArray(raw) || ![Object.prototype, null].includes(Object.getPrototypeOf(raw))) {
    return { entries: [], problems: [`Route.rawAnnotations: must be an object mapping annotation keys to string values, got ${show(raw)}`] };
  }
  const support = RAW_ANNOTATIONS[controller];
  const catalog = 'keys' in support ? support : undefined;
  const all = Object.entries(raw as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  const entries: Array<[string, string]> = [];
  const problems: string[] = [];
  for (const [key, value] of all) {
    const problem = entryProblem(catalog, key, value, allowUnsafe);
    if (problem) problems.push(`Route.rawAnnotations[${show(key)}]: ${problem}`);
    else entries.push([key, value as string]);
  }
  return { entries, problems };
}

function entryProblem(catalog: AnnotationCatalog | undefined, key: string, value: unknown, allowUnsafe: boolean): string | undefined {
  if (key.length > 316 || !KEY.test(key) || key.split('/').pop()!.length > 63) {
    return 'not a valid annotation key (an optional DNS prefix and \'/\', then at most 63 letters, digits, \'-\', \'_\' or \'.\')';
  }
  if (typeof value !== 'string' || /[\r\n\0]/.test(value)) return `the value must be a single-line string (no CR, LF or NUL), got ${show(value)}`;
  if (RESERVED[key] !== undefined) return RESERVED[key];
  // Without a catalog the whole hatch is refused in validation, with the standard message.
  return catalog ? keyProblem(catalog, key, value, allowUnsafe) : undefined;
}

function keyProblem(catalog: AnnotationCatalog, key: string, value: string, allowUnsafe: boolean): string | undefined {
  const mine = catalog.prefixes.some(p => key.startsWith(p));
  if (!mine) {
    const other = CATALOGS.find(c => c !== catalog && c.prefixes.some(p => key.startsWith(p)));
    if (other) return `${catalog.controller} does not read ${other.controller}'s annotations, so this one would do nothing; use the ${catalog.controller} setting, or a typed prop`;
    return undefined;
  }
  const known = catalog.lookup(key);
  if (!known) {
    const suggestion = closest(key, catalog.keys);
    return `not an annotation ${catalog.controller} documents${suggestion ? `; did you mean '${suggestion}'?` : ''}`;
  }
  if (known.refused) return known.refused;
  const owner = catalog.ownedBy(key);
  if (owner) return `this library renders it from ${owner}, which would silently replace or contradict a raw value; set ${owner} instead`;
  if (known.risk === 'Critical' && !allowUnsafe) {
    return `a Critical-risk annotation: it injects raw ${catalog.controller} configuration, which the controller refuses by default and which can read its credentials; `
      + 'prefer a typed prop, or set allowUnsafe: true to emit it anyway';
  }
  if (known.value && !known.value.test(value)) return `${catalog.controller} would refuse the value ${show(value)}: it must be ${known.value.name}`;
  return undefined;
}

/** The keys among `entries` that the controller rates Critical (emitted only with allowUnsafe). */
export function criticalKeys(controller: ControllerName, entries: ReadonlyArray<readonly [string, string]>): string[] {
  const support = RAW_ANNOTATIONS[controller];
  if (!('keys' in support)) return [];
  return entries.map(([key]) => key).filter(key => support.prefixes.some(p => key.startsWith(p)) && support.lookup(key)?.risk === 'Critical');
}

/** The candidate closest to `key` in edit distance, when close enough to be a typo. */
export function closest(key: string, candidates: readonly string[]): string | undefined {
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const c of candidates) {
    const d = levenshtein(key, c);
    if (d < bestDistance || (d === bestDistance && best !== undefined && c < best)) {
      best = c;
      bestDistance = d;
    }
  }
  const name = key.slice(key.indexOf('/') + 1);
  return best !== undefined && bestDistance <= Math.max(2, Math.floor(name.length / 3)) ? best : undefined;
}

/** Edit distance (insertions, deletions, substitutions), O(n·m) with one row. */
export function levenshtein(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    let diagonal = row[0];
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const above = row[j];
      row[j] = Math.min(row[j] + 1, row[j - 1] + 1, diagonal + (a[i - 1] === b[j - 1] ? 0 : 1));
      diagonal = above;
    }
  }
  return row[b.length];
}
