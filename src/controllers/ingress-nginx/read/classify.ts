import { IngressSource } from './source';
import { closest } from '../../raw-annotations';
import { NGINX_ANNOTATION_CATALOG } from '../annotation-catalog';
import { PREFIX } from '../annotations';

/** Annotation prefixes other controllers read: on an ingress-nginx Ingress they do nothing. */
const OTHER_CONTROLLERS: ReadonlyArray<readonly [string, string]> = [
  ['traefik.ingress.kubernetes.io/', 'Traefik'],
  ['konghq.com/', 'Kong'],
  ['ingress.kubernetes.io/', 'Traefik v1 / HAProxy / Voyager'],
  ['haproxy.org/', 'HAProxy'],
  ['haproxy.router.openshift.io/', 'OpenShift router'],
  ['alb.ingress.kubernetes.io/', 'AWS Load Balancer Controller'],
  ['ingress.gcp.kubernetes.io/', 'GKE Ingress'],
  ['kubernetes.io/ingress.global-static-ip-name', 'GKE Ingress'],
  ['networking.gke.io/', 'GKE Ingress'],
  ['appgw.ingress.kubernetes.io/', 'Azure Application Gateway'],
  ['nginx.org/', 'NGINX Inc. Ingress Controller'],
  ['nginx.com/', 'NGINX Inc. Ingress Controller'],
  ['projectcontour.io/', 'Contour'],
  ['contour.heptio.com/', 'Contour'],
  ['zalando.org/', 'Skipper'],
  ['getambassador.io/', 'Emissary'],
];

/** Tool bookkeeping, rewritten by the tool on every apply: not part of the intent. */
const BOOKKEEPING = ['kubectl.kubernetes.io/', 'meta.helm.sh/', 'argocd.argoproj.io/', 'kustomize.config.k8s.io/', 'deployment.kubernetes.io/'];

/** Where the annotations of an Ingress that no feature read can go. */
export type Context = 'route' | 'canary' | 'passthrough' | 'default-backend';

const NOT_ON: { readonly [c in Context]: string } = {
  'route': '',
  'canary': 'ingress-nginx ignores it on a canary Ingress (the main Ingress\'s settings apply), and a CanarySplit has no raw annotations',
  'passthrough': 'ingress-nginx ignores it on an ssl-passthrough Ingress (the TLS stream goes to the backend untouched)',
  'default-backend': 'ApiGateway.defaultBackend takes no policies or raw annotations',
};

/** Why some documented keys cannot be kept even verbatim. */
const SPECIFIC: { readonly [name: string]: string } = {
  'ssl-passthrough': 'ssl-passthrough applies to a whole Ingress (read as a passthrough TlsHost only on an Ingress with one backend)',
  'use-regex': 'read with the paths',
};

/**
 * Every annotation no feature read: nginx keys without a typed meaning are kept verbatim as
 * `Route.rawAnnotations` (ingress-nginx only; other controllers refuse them, so the import
 * report names them for another target); snippets, unknown keys under the prefix, keys the
 * library renders from typed props (their value was not importable) and other controllers'
 * keys are unmapped with the reason.
 */
export function classifyLeftovers(src: IngressSource, context: Context): void {
  for (const key of src.leftovers()) {
    const value = src.annotations[key];
    if (BOOKKEEPING.some(p => key.startsWith(p))) { src.mapped(key, 'nothing (tool bookkeeping, rewritten on every apply)'); continue; }
    const other = OTHER_CONTROLLERS.find(([p]) => key.startsWith(p));
    if (other) { src.unmapped(key, `read by ${other[1]}, not by ingress-nginx: it has no effect here`); continue; }
    if (!key.startsWith(PREFIX)) {
      if (context === 'route') src.mapped(key, `Route.rawAnnotations['${key}'] (kept verbatim for other tools)`);
      else src.unmapped(key, NOT_ON[context]);
      continue;
    }
    const name = key.slice(PREFIX.length);
    const known = NGINX_ANNOTATION_CATALOG.lookup(key);
    if (!known) {
      src.unmapped(key, `not an ingress-nginx annotation (v1.15): ingress-nginx ignores it${suggestion(key)}`);
    } else if (known.risk === 'Critical') {
      src.unmapped(key, 'raw nginx configuration (a snippet): it has no intent meaning, and the library never emits snippets');
    } else if (context !== 'route') {
      src.unmapped(key, NOT_ON[context]);
    } else if (SPECIFIC[name]) {
      src.unmapped(key, SPECIFIC[name]);
    } else if (NGINX_ANNOTATION_CATALOG.ownedBy(key) !== undefined) {
      src.unmapped(key, `has no effect with the other annotations of this Ingress (${NGINX_ANNOTATION_CATALOG.ownedBy(key)} not imported)`);
    } else {
      src.mapped(key, `Route.rawAnnotations['${key}'] = '${value}' (kept verbatim: no controller-neutral meaning; only ingress-nginx accepts it)`);
    }
  }
}

const SUGGESTIONS = new Map<string, string>();

/** A did-you-mean for an unknown key (memoized: a typo repeats across manifests). */
function suggestion(key: string): string {
  let out = SUGGESTIONS.get(key);
  if (out === undefined) {
    // Edit distance is costly: only keys of a close length can be close enough to be a typo.
    const slack = Math.max(2, Math.floor((key.length - PREFIX.length) / 3));
    const close = closest(key, NGINX_ANNOTATION_CATALOG.keys.filter(k => Math.abs(k.length - key.length) <= slack));
    out = close ? `; did you mean '${close.slice(PREFIX.length)}'?` : '';
    if (SUGGESTIONS.size < 1000) SUGGESTIONS.set(key, out);
  }
  return out;
}
