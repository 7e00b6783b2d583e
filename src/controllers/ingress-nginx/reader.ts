import { ControllerReader, KubeObject, ReadItem, ReadOptions, ReadResult, objectRef, sortItems } from '../reader';
import { PREFIX } from './annotations';
import { SPLIT_SUFFIX } from './features/canary';
import { canaryTraffic } from './read/canary';
import { classifyLeftovers } from './read/classify';
import { PathRead, plainPath, regexPath, rewritePaths } from './read/paths';
import { backendProtocol, readPolicies } from './read/policies';
import { IngressSource } from './read/source';
import { backendTls, cipherSuites, clientAuth } from './read/tls';
import { withoutListenerLayout, withoutSource } from '../../checks/route-table';
import { wildcardCovers as covers } from '../../core/hosts';
import { checkRedirectUrl } from '../../core/validate';
import { BackendIR, BackendTlsIR, CanaryIR, CanaryTrafficIR, ClientAuthIR, GatewayIR, MatchIR, PassthroughIR, RouteIR, TlsHostIR } from '../../ir/model';
import { PoliciesIR, RedirectIR, RewriteIR } from '../../ir/policies';
import { INGRESS_API_VERSION } from '../common/ingress';

/** The `spec.controller` of ingress-nginx's IngressClasses. */
export const INGRESS_NGINX_CONTROLLER = 'k8s.io/ingress-nginx';
/** The legacy class annotation (ingress-nginx reads it before `spec.ingressClassName`). */
export const LEGACY_CLASS_ANNOTATION = 'kubernetes.io/ingress.class';
const DEFAULT_CLASS_ANNOTATION = 'ingressclass.kubernetes.io/is-default-class';
/** cert-manager's ingress-shim: a Certificate for every `spec.tls` entry of the Ingress. */
const CERT_MANAGER_PREFIX = 'cert-manager.io/';
const SHIM_ISSUERS: ReadonlyArray<readonly [string, string]> = [['cert-manager.io/cluster-issuer', 'ClusterIssuer'], ['cert-manager.io/issuer', 'Issuer']];
const SPEC_FIELDS = new Set(['ingressClassName', 'rules', 'tls', 'defaultBackend']);

/**
 * Reads ingress-nginx manifests (networking.k8s.io/v1 Ingresses of an ingress-nginx class, their
 * IngressClasses; Services and cert-manager Certificates as context) back into the IR, as nginx
 * serves them. One gateway per IngressClass; routes keep their namespaces. See README.md,
 * "Reading (import)", for every annotation.
 */
export const INGRESS_NGINX_READER: ControllerReader = {
  name: 'ingress-nginx',
  accepts,
  read,
  // No listeners: an Ingress rule is per host already (ApiGateway.httpListeners is native).
  normalize: withoutListenerLayout,
};

function accepts(o: KubeObject): boolean {
  if (o?.kind === 'IngressClass') return o.spec?.controller === INGRESS_NGINX_CONTROLLER;
  if (o?.kind !== 'Ingress' || o.apiVersion !== INGRESS_API_VERSION) return false;
  const cls = declaredClass(o);
  if (cls !== undefined && /nginx/i.test(cls)) return true;
  // Without IngressClass objects, a class of another name is ingress-nginx's when the Ingress
  // carries ingress-nginx annotations and the name is not another controller's usual one.
  const nginxAnnotations = Object.keys(o.metadata?.annotations ?? {}).some(k => k.startsWith(PREFIX));
  return nginxAnnotations && (cls === undefined || !OTHER_CLASS_NAMES.test(cls));
}

/** Usual class names of other Ingress controllers. */
const OTHER_CLASS_NAMES = /traefik|kong|alb|gce|haproxy|istio|contour|skipper|ambassador|emissary|azure|openshift|cilium|envoy|apisix/i;

function declaredClass(o: KubeObject): string | undefined {
  const a = o.metadata?.annotations?.[LEGACY_CLASS_ANNOTATION];
  if (typeof a === 'string' && a.length > 0) return a;
  const c = o.spec?.ingressClassName;
  return typeof c === 'string' && c.length > 0 ? c : undefined;
}

interface Context {
  readonly defaultNamespace: string;
  readonly items: ReadItem[];
  /** `namespace/name` -> Service. */
  readonly services: ReadonlyMap<string, KubeObject>;
  /** `namespace/secretName` -> cert-manager Certificate. */
  readonly certificates: ReadonlyMap<string, KubeObject>;
}

function read(objects: readonly KubeObject[], options: ReadOptions = {}): ReadResult {
  const defaultNamespace = options.defaultNamespace ?? 'default';
  const items: ReadItem[] = [];
  const services = new Map<string, KubeObject>();
  const certificates = new Map<string, KubeObject>();
  const classes = new Map<string, KubeObject>();
  const ingresses: KubeObject[] = [];
  for (const o of objects) {
    if (!o || typeof o !== 'object' || !o.metadata) continue;
    const ns = o.metadata.namespace ?? defaultNamespace;
    if (o.kind === 'Service') services.set(`${ns}/${o.metadata.name}`, o);
    else if (o.kind === 'Certificate' && String(o.apiVersion).startsWith('cert-manager.io/') && typeof o.spec?.secretName === 'string') certificates.set(`${ns}/${o.spec.secretName}`, o);
    else if (o.kind === 'IngressClass') classes.set(o.metadata.name, o);
    else if (o.kind === 'Ingress') ingresses.push(o);
  }
  const ctx: Context = { defaultNamespace, items, services, certificates };
  const nginxClasses = [...classes.values()].filter(c => c.spec?.controller === INGRESS_NGINX_CONTROLLER);
  for (const c of [...classes.values()].sort((a, b) => (a.metadata.name < b.metadata.name ? -1 : 1))) readIngressClass(c, items);
  const defaultClass = nginxClasses.find(c => c.metadata.annotations?.[DEFAULT_CLASS_ANNOTATION] === 'true')?.metadata.name;

  const byClass = new Map<string, KubeObject[]>();
  for (const ing of ingresses) {
    const ref = objectRef(ing, defaultNamespace);
    if (ing.apiVersion !== INGRESS_API_VERSION) {
      items.push({ object: ref, field: 'apiVersion', value: String(ing.apiVersion), reason: `only ${INGRESS_API_VERSION} Ingresses are read (served by Kubernetes 1.19 and later)` });
      continue;
    }
    const declared = declaredClass(ing);
    const cls = declared ?? defaultClass;
    const known = cls === undefined ? undefined : classes.get(cls);
    const nginx = known ? known.spec?.controller === INGRESS_NGINX_CONTROLLER : accepts(ing) || (cls !== undefined && cls === defaultClass);
    if (!nginx) {
      items.push({
        object: ref,
        field: 'spec.ingressClassName',
        value: cls,
        reason: known ? `IngressClass '${cls}' belongs to controller '${String(known.spec?.controller)}', not ingress-nginx` : `class '${cls ?? '(none)'}' is not an ingress-nginx class`,
      });
      continue;
    }
    const name = cls ?? 'nginx';
    byClass.set(name, [...(byClass.get(name) ?? []), ing]);
  }
  const gateways = [...byClass.keys()].sort().map(cls => readClass(cls, byClass.get(cls)!, classes.get(cls), defaultClass === cls, ctx));
  return { gateways, items: sortItems(items) };
}

function readIngressClass(c: KubeObject, items: ReadItem[]): void {
  if (c.spec?.controller !== INGRESS_NGINX_CONTROLLER) return;
  const ref = objectRef(c);
  items.push({ object: ref, field: 'spec.controller', value: INGRESS_NGINX_CONTROLLER, to: `Controller.ingressNginx({ ingressClassName: '${c.metadata.name}' })` });
  if (c.spec?.parameters !== undefined) items.push({ object: ref, field: 'spec.parameters', value: JSON.stringify(c.spec.parameters), reason: 'controller parameters are outside the intent' });
  for (const key of Object.keys(c.metadata.annotations ?? {}).sort()) {
    const value = c.metadata.annotations![key];
    if (key === DEFAULT_CLASS_ANNOTATION) items.push({ object: ref, field: `metadata.annotations['${key}']`, value, to: 'nothing (Ingresses without a class are read into this class)' });
    else items.push({ object: ref, field: `metadata.annotations['${key}']`, value, reason: 'IngressClass annotations are outside the intent' });
  }
}

// ---------------------------------------------------------------------------------------------

interface Entry {
  readonly src: IngressSource;
  readonly host: string;
  readonly match: MatchIR;
  /** `matchKey(match)`. */
  readonly key: string;
  readonly backend: BackendIR;
  /** ingress-nginx's location identity: host, path and pathType. */
  readonly location: string;
}

interface Draft {
  readonly src: IngressSource;
  readonly backend: BackendIR;
  readonly hosts: string[];
  readonly matches: MatchIR[];
  source: string;
  name: string;
  policies: PoliciesIR;
}

/** Who serves a location first, and how (backend and policies). */
interface Served { readonly ref: string; readonly how: string }

interface Cert { readonly namespace: string; readonly secret: string; readonly src: IngressSource }

const matchKey = (m: MatchIR) => JSON.stringify(m);
const locationKey = (host: string, path: unknown, pathType: unknown) => `${host}\u0000${String(path)}\u0000${String(pathType)}`;

function readClass(cls: string, objects: readonly KubeObject[], classObject: KubeObject | undefined, isDefault: boolean, ctx: Context): GatewayIR {
  const srcs = objects.map((o, i) => new IngressSource(o, ctx.defaultNamespace, ctx.items, i));
  for (const src of srcs) classItems(src, cls, isDefault);
  const isCanary = new Map(srcs.map(s => [s, s.bool('canary') === true]));
  const isPassthrough = new Map(srcs.map(s => [s, !isCanary.get(s) && s.bool('ssl-passthrough') === true]));
  const main = srcs.filter(s => !isCanary.get(s) && !isPassthrough.get(s));

  // Hosts whose locations are all regexes: use-regex or rewrite-target on any of their Ingresses.
  const regexCause = new Map<string, string>();
  for (const src of main) {
    const cause = src.bool('use-regex') === true ? 'use-regex' : src.has('rewrite-target') ? 'rewrite-target' : undefined;
    if (cause) for (const h of ruleHosts(src)) if (!regexCause.has(h)) regexCause.set(h, `${cause} on ${src.ref}`);
  }

  const certs = readCertificates(main);
  const redirectVotes = new Map<string, boolean[]>();
  for (const src of main) {
    if (parseBool(src.peek('force-ssl-redirect')) === true) continue;
    const v = parseBool(src.peek('ssl-redirect')) ?? true;
    for (const h of ruleHosts(src)) if (certs.has(h)) redirectVotes.set(h, [...(redirectVotes.get(h) ?? []), v]);
  }
  const hostRedirect = (h: string): boolean | 'mixed' => {
    const votes = redirectVotes.get(h) ?? [];
    if (votes.every(v => v)) return true;
    return votes.every(v => !v) ? false : 'mixed';
  };

  const entries: Entry[] = [];
  const seen = new Map<string, Served>();
  const drafts: Draft[] = [];
  const passthroughHosts: PassthroughIR[] = [];
  const clientAuthBySrc = new Map<IngressSource, ClientAuthIR>();
  const ciphersBySrc = new Map<IngressSource, string[]>();
  let defaultBackend: { backend: BackendIR; src: IngressSource } | undefined;

  for (const src of srcs) {
    if (isCanary.get(src)) continue;
    if (isPassthrough.get(src)) { passthroughHosts.push(...readPassthrough(src, ctx)); continue; }
    const hasRules = Array.isArray(src.object.spec?.rules) && src.object.spec.rules.length > 0;
    const tls = backendTls(src);
    if (!hasRules) {
      // The re-encrypted default backend's backend-protocol: HTTPS belongs to its Backend.tls.
      if (tls) backendProtocol(src, tls.insecureSkipVerify ? 'unverified' : true);
      const db = readDefaultBackend(src, tls, ctx);
      if (db) {
        if (defaultBackend) src.fieldUnmapped('spec.defaultBackend', undefined, `${defaultBackend.src.ref} also sets one; ingress-nginx uses the last Ingress's`);
        defaultBackend = db;
      }
      classifyLeftovers(src, 'default-backend');
      otherSpecFields(src);
      continue;
    }
    const urlRedirect = fixedUrlRedirect(src);
    const fixed = urlRedirect ? undefined : fixedRedirect(src);
    if (fixed) {
      src.unmappedAll(['permanent-redirect', 'permanent-redirect-code', 'temporal-redirect', 'temporal-redirect-code'], fixed.reason);
      unmappedPaths(src, `every request of this Ingress is redirected (${fixed.key})`);
      if (src.object.spec?.tls !== undefined) src.fieldUnmapped('spec.tls', undefined, 'the Ingress only redirects: its routes are not imported');
      classifyLeftovers(src, 'default-backend');
      otherSpecFields(src);
      continue;
    }
    const policies: { -readonly [K in keyof PoliciesIR]: PoliciesIR[K] } = readPolicies(src);
    if (urlRedirect) policies.redirect = urlRedirect;
    const protocol = backendProtocol(src, tls?.insecureSkipVerify ? 'unverified' : tls !== undefined);
    if (protocol) policies.backendProtocol = protocol;
    const secretNs = ruleHosts(src).map(h => certs.get(h)).find(c => c !== undefined)?.namespace;
    const auth = clientAuth(src, secretNs);
    if (auth) clientAuthBySrc.set(src, auth);
    const ciphers = cipherSuites(src, secretNs !== undefined);
    if (ciphers) ciphersBySrc.set(src, ciphers);
    sslRedirectItems(src, certs, hostRedirect, policies);
    readCertManager(src, certs);
    const { reads, rewrite } = readPaths(src, regexCause);
    if (rewrite) policies.rewrite = rewrite;
    const own = readRules(src, reads, tls, policies, seen, ctx);
    entries.push(...own);
    drafts.push(...routeDrafts(src, own, policies));
    if (src.object.spec?.defaultBackend !== undefined) {
      const db = readDefaultBackend(src, tls, ctx, true);
      if (db) defaultBackend = db;
    }
    classifyLeftovers(src, 'route');
    otherSpecFields(src);
  }
  nameDrafts(drafts);
  const routes: RouteIR[] = drafts.map(d => ({
    source: d.source,
    name: d.name,
    namespace: d.src.namespace,
    hosts: [...d.hosts].sort(),
    matches: d.matches,
    backends: [d.backend],
    policies: d.policies,
  }));

  // Locations of the main Ingresses, for the canaries.
  const locations = new Map<string, { draft: Draft; index: number; route: RouteIR }>();
  const draftsOf = new Map<IngressSource, number[]>();
  drafts.forEach((d, i) => draftsOf.set(d.src, [...(draftsOf.get(d.src) ?? []), i]));
  const sameBackend = (a: BackendIR, b: BackendIR) => a.service === b.service && a.port === b.port;
  for (const e of entries) {
    const i = (draftsOf.get(e.src) ?? []).find(j => sameBackend(drafts[j].backend, e.backend)
      && (e.host === '' ? drafts[j].hosts.length === 0 : drafts[j].hosts.includes(e.host))) ?? -1;
    if (i < 0) continue;
    const index = drafts[i].matches.findIndex(m => m === e.match || matchKey(m) === e.key);
    if (!locations.has(e.location)) locations.set(e.location, { draft: drafts[i], index, route: routes[i] });
  }
  const canaryReads = srcs.filter(s => isCanary.get(s)).flatMap(s => readCanary(s, locations, ctx));
  const { canaries, routes: splitRoutes } = foldSplits(routes, canaryReads);
  routes.splice(0, routes.length, ...splitRoutes);

  const tlsHosts = buildTlsHosts(certs, ctx, hostRedirect, main, clientAuthBySrc, ciphersBySrc);
  const namespaces = [...new Set([...(defaultBackend ? [defaultBackend.src.namespace] : []), ...srcs.map(s => s.namespace)])];
  const canariesByRoute = new Map<string, CanaryIR[]>();
  for (const c of canaries) canariesByRoute.set(c.route, [...(canariesByRoute.get(c.route) ?? []), c]);
  return {
    source: classObject ? objectRef(classObject) : `IngressClass ${cls}`,
    name: cls,
    namespace: namespaces[0] ?? ctx.defaultNamespace,
    routes,
    tlsHosts,
    passthroughHosts,
    defaultBackend: defaultBackend?.backend,
    defaultBackendSource: defaultBackend?.src.ref,
    canaries,
    canariesByRoute,
  };
}

function classItems(src: IngressSource, cls: string, isDefault: boolean): void {
  const to = `Controller.ingressNginx({ ingressClassName: '${cls}' })`;
  const field = src.object.spec?.ingressClassName;
  const legacy = src.annotations[LEGACY_CLASS_ANNOTATION];
  if (legacy !== undefined) src.mapped(LEGACY_CLASS_ANNOTATION, `${to} (legacy annotation)`);
  if (field !== undefined) {
    if (legacy !== undefined && legacy !== field) src.fieldUnmapped('spec.ingressClassName', String(field), `ingress-nginx reads the ${LEGACY_CLASS_ANNOTATION} annotation ('${legacy}') first`);
    else src.fieldMapped('spec.ingressClassName', String(field), to);
  } else if (legacy === undefined) {
    src.fieldMapped('spec.ingressClassName', undefined, isDefault ? `${to} (no class: the default IngressClass)` : `${to} (no class: ingress-nginx serves it only with --watch-ingress-without-class or a default IngressClass)`);
  }
}

function ruleHosts(src: IngressSource): readonly string[] {
  return src.ruleHosts();
}

function parseBool(v: string | undefined): boolean | undefined {
  if (v === undefined) return undefined;
  if (['1', 't', 'T', 'TRUE', 'true', 'True'].includes(v)) return true;
  if (['0', 'f', 'F', 'FALSE', 'false', 'False'].includes(v)) return false;
  return undefined;
}

/** The certificate of each host: the first Ingress (in input order) with a `spec.tls` entry covering it. */
function readCertificates(main: readonly IngressSource[]): Map<string, Cert> {
  const certs = new Map<string, Cert>();
  for (const src of main) {
    const tls = src.object.spec?.tls;
    if (!Array.isArray(tls)) continue;
    const hosts = ruleHosts(src).filter(h => h !== '');
    const listedIn = (entry: any): string[] => (Array.isArray(entry?.hosts) ? entry.hosts.filter((h: unknown) => typeof h === 'string') : []);
    // ingress-nginx looks for an entry naming the host, then for one whose certificate covers it.
    const entryOf = new Map<string, number>();
    for (const h of hosts) {
      const exact = tls.findIndex((e: any) => listedIn(e).includes(h));
      const i = exact >= 0 ? exact : tls.findIndex((e: any) => listedIn(e).some(l => covers(l, h)));
      if (i >= 0) entryOf.set(h, i);
    }
    tls.forEach((entry: any, i: number) => {
      const field = `spec.tls[${i}]`;
      const listed = listedIn(entry);
      const value = `${listed.join(', ')} -> ${String(entry?.secretName)}`;
      if (typeof entry?.secretName !== 'string' || entry.secretName === '') {
        src.fieldUnmapped(field, value, 'no secretName: ingress-nginx serves its default certificate, which the intent cannot name');
        return;
      }
      const served = hosts.filter(h => entryOf.get(h) === i);
      if (served.length === 0) {
        src.fieldMapped(field, value, 'nothing (no rule of this Ingress serves these hosts, so ingress-nginx does not use the entry)');
        return;
      }
      const conflicts: string[] = [];
      for (const h of served) {
        const c = certs.get(h);
        if (!c) certs.set(h, { namespace: src.namespace, secret: entry.secretName, src });
        else if (c.namespace !== src.namespace || c.secret !== entry.secretName) conflicts.push(`${h} (uses ${c.namespace}/${c.secret} of ${c.src.ref})`);
      }
      if (conflicts.length > 0) src.fieldUnmapped(field, value, `ingress-nginx takes a host's certificate from its first Ingress: ${conflicts.join(', ')}`);
      else src.fieldMapped(field, value, `TlsHost (hosts ${served.join(', ')}; Secret ${src.namespace}/${entry.secretName})`);
    });
  }
  return certs;
}

function readCertManager(src: IngressSource, certs: ReadonlyMap<string, Cert>): void {
  const served = ruleHosts(src).some(h => certs.get(h)?.src === src);
  for (const [key, kind] of SHIM_ISSUERS) {
    const v = src.annotations[key];
    if (v === undefined) continue;
    if (served) src.mapped(key, `TlsHost.fromIssuer(${kind} '${v}') (cert-manager writes the spec.tls Secrets: managed certificates)`);
    else src.unmapped(key, 'no spec.tls entry of this Ingress serves a host: ingress-shim has no certificate to manage');
  }
  for (const key of Object.keys(src.annotations)) {
    if (key.startsWith(CERT_MANAGER_PREFIX) && !src.isHandled(key)) src.unmapped(key, 'a cert-manager ingress-shim setting of the Certificate that TlsHost.fromIssuer does not model');
  }
}

function sslRedirectItems(src: IngressSource, certs: ReadonlyMap<string, Cert>, hostRedirect: (h: string) => boolean | 'mixed', policies: { redirect?: PoliciesIR['redirect'] }): void {
  const value = src.bool('ssl-redirect');
  const hosts = ruleHosts(src);
  const withCert = hosts.filter(h => certs.has(h));
  if (parseBool(src.peek('force-ssl-redirect')) === true) {
    if (value !== undefined) src.mapped('ssl-redirect', 'nothing (force-ssl-redirect already redirects)');
    return;
  }
  const mixed = withCert.filter(h => hostRedirect(h) === 'mixed');
  const effective = value ?? true;
  if (mixed.length > 0 && effective) {
    if (withCert.length === hosts.length && !policies.redirect) {
      policies.redirect = { source: src.ref, scheme: 'https', statusCode: 308 };
      if (value !== undefined) src.mapped('ssl-redirect', `Route.redirect (Redirect.toHttps(): other Ingresses of ${mixed.join(', ')} do not redirect, so the TlsHost does not)`);
      return;
    }
    if (value !== undefined) src.unmapped('ssl-redirect', `Ingresses of ${mixed.join(', ')} disagree on ssl-redirect, and this one also serves hosts without a certificate`);
    return;
  }
  if (value === undefined) return;
  if (withCert.length === 0) src.mapped('ssl-redirect', 'nothing (no host of this Ingress has a certificate)');
  else src.mapped('ssl-redirect', `TlsHost.httpsRedirect (${value})`);
}

function readPaths(src: IngressSource, regexCause: ReadonlyMap<string, string>): { reads: PathRead[]; rewrite?: RewriteIR } {
  const rules: any[] = Array.isArray(src.object.spec?.rules) ? src.object.spec.rules : [];
  const flat: Array<{ host: string; path: any; pathType: any }> = [];
  for (const r of rules) {
    const paths = Array.isArray(r?.http?.paths) ? r.http.paths : [];
    for (const p of paths) flat.push({ host: typeof r?.host === 'string' ? r.host : '', path: p?.path ?? '/', pathType: p?.pathType });
  }
  const useRegex = src.bool('use-regex');
  const target = src.valid('rewrite-target');
  const vhost = src.valid('upstream-vhost');
  let modifier: RewriteIR['path'];
  let reads: PathRead[];
  if (target !== undefined) {
    const r = rewritePaths(target, flat.map(f => String(f.path)));
    reads = [...r.paths];
    modifier = r.rewrite;
    if (r.rewrite) src.mapped('rewrite-target', `Route.rewrite (Rewrite.${r.rewrite.kind === 'prefix' ? 'replacePrefix' : 'replaceFullPath'}('${r.rewrite.value}'))`);
    else src.unmapped('rewrite-target', r.reason!);
  } else {
    reads = flat.map(f => {
      const cause = regexCause.get(f.host);
      if (useRegex === true || cause) return regexPath(String(f.path), useRegex === true ? undefined : cause);
      return plainPath(f.path, f.pathType);
    });
  }
  if (useRegex !== undefined) {
    src.mapped('use-regex', target !== undefined && useRegex ? 'nothing (rewrite-target makes the paths regexes too: read with it)' : useRegex
      ? 'Route.match.path (PathMatch.regex: ingress-nginx makes every path of the Ingress\'s hosts, on every Ingress, a case-insensitive regex)'
      : 'nothing (false, the default)');
  }
  if (vhost !== undefined) src.mapped('upstream-vhost', `Route.rewrite (Rewrite.hostname('${vhost}'))`);
  const rewrite = modifier || vhost !== undefined
    ? { source: src.ref, ...(modifier ? { path: modifier } : {}), ...(vhost !== undefined ? { host: vhost } : {}) }
    : undefined;
  return { reads, rewrite };
}

function resolveBackend(b: any, src: IngressSource, field: string, tls: BackendTlsIR | undefined, ctx: Context): BackendIR | string {
  if (b?.resource !== undefined) return `a ${String(b.resource?.kind)} resource backend: the intent routes to Services only`;
  const svc = b?.service;
  if (typeof svc?.name !== 'string') return 'no Service backend';
  let port = svc.port?.number;
  if (port === undefined && typeof svc.port?.name === 'string') {
    const service = ctx.services.get(`${src.namespace}/${svc.name}`);
    const found = Array.isArray(service?.spec?.ports) ? service!.spec.ports.find((p: any) => p?.name === svc.port.name) : undefined;
    if (!found) return `port '${svc.port.name}' of Service ${src.namespace}/${svc.name}: give the Service manifest to resolve a named port`;
    port = found.port;
    src.fieldMapped(`${field}.backend.service.port.name`, svc.port.name, `Backend port ${port} (Service ${src.namespace}/${svc.name})`);
  }
  if (typeof port !== 'number') return 'a Service backend without a port';
  return { service: svc.name, namespace: src.namespace, port, weight: 1, ...(tls ? { tls } : {}) };
}

function readRules(
  src: IngressSource, reads: readonly PathRead[], tls: BackendTlsIR | undefined, policies: PoliciesIR, seen: Map<string, Served>, ctx: Context,
): Entry[] {
  const out: Entry[] = [];
  const rules: any[] = src.object.spec.rules;
  const how = JSON.stringify(withoutSource(policies));
  let k = 0;
  rules.forEach((r, i) => {
    const host = typeof r?.host === 'string' ? r.host : '';
    const paths = Array.isArray(r?.http?.paths) ? r.http.paths : [];
    if (paths.length === 0) {
      src.fieldUnmapped(`spec.rules[${i}]`, host, 'a rule without paths: ingress-nginx serves the host from the default backend only');
      return;
    }
    paths.forEach((p: any, j: number) => {
      const field = `spec.rules[${i}].http.paths[${j}]`;
      const pathRead = reads[k++];
      const value = `${host || '*'} ${String(p?.pathType)} ${String(p?.path ?? '/')} -> ${String(p?.backend?.service?.name)}:${String(p?.backend?.service?.port?.number ?? p?.backend?.service?.port?.name)}`;
      const backend = resolveBackend(p?.backend, src, field, tls, ctx);
      if (typeof backend === 'string') { src.fieldUnmapped(field, value, backend); return; }
      if ('reason' in pathRead) { src.fieldUnmapped(field, value, pathRead.reason); return; }
      const location = locationKey(host, p?.path ?? '/', p?.pathType);
      const key = matchKey(pathRead.match);
      const same = `${host}\u0000${key}`;
      const first = seen.get(location) ?? seen.get(same);
      const served = { ref: src.ref, how: `${backend.service}:${backend.port}:${JSON.stringify(backend.tls ?? null)}:${how}` };
      if (first !== undefined && first.ref !== src.ref) {
        if (first.how === served.how) src.fieldMapped(field, value, `nothing (${first.ref} already serves this host and path the same way)`);
        else src.fieldUnmapped(field, value, `${first.ref} serves the same host and path: ingress-nginx keeps the oldest Ingress's location (input order stands for creation time)`);
        return;
      }
      seen.set(location, served);
      seen.set(same, served);
      src.fieldMapped(field, value, `${pathRead.to}${host ? ` on host ${host}` : ''}, backend ${backend.service}:${backend.port}`);
      out.push({ src, host, match: pathRead.match, key, backend, location });
    });
  });
  return out;
}

/** One route per backend and list of matches: hosts with the same paths share a route. */
function routeDrafts(src: IngressSource, entries: readonly Entry[], policies: PoliciesIR): Draft[] {
  const byBackend = new Map<string, { backend: BackendIR; hosts: Map<string, { matches: MatchIR[]; keys: string[] }> }>();
  for (const e of entries) {
    const key = `${e.backend.service}:${e.backend.port}`;
    const group = byBackend.get(key) ?? { backend: e.backend, hosts: new Map<string, { matches: MatchIR[]; keys: string[] }>() };
    byBackend.set(key, group);
    const list = group.hosts.get(e.host) ?? { matches: [], keys: [] };
    if (!list.keys.includes(e.key)) { list.matches.push(e.match); list.keys.push(e.key); }
    group.hosts.set(e.host, list);
  }
  const out: Draft[] = [];
  for (const { backend, hosts } of byBackend.values()) {
    const byMatches = new Map<string, { hosts: string[]; matches: MatchIR[] }>();
    for (const [host, { matches, keys }] of hosts) {
      const key = `${host === '' ? 'any' : 'named'}:${keys.join('\n')}`;
      const g = byMatches.get(key) ?? { hosts: [], matches };
      g.hosts.push(host);
      byMatches.set(key, g);
    }
    for (const g of byMatches.values()) {
      const e = entries.find(x => x.backend === backend);
      out.push({ src, backend: e!.backend, hosts: g.hosts.filter(h => h !== ''), matches: g.matches, source: src.ref, name: src.name, policies });
    }
  }
  // `hosts` filtered of '' stays empty for a hostless rule (every host); keep drafts stable.
  return out;
}

/** Route names and sources unique within the gateway (an Ingress split by backend gets suffixes). */
function nameDrafts(drafts: Draft[]): void {
  const perSource = new Map<string, number>();
  for (const d of drafts) {
    const n = (perSource.get(d.src.ref) ?? 0) + 1;
    perSource.set(d.src.ref, n);
    if (n > 1) { d.source = `${d.src.ref} #${n}`; d.name = `${d.src.name}-${n}`; }
  }
  const names = new Set<string>();
  for (const d of drafts) {
    let name = d.name;
    if (names.has(name)) name = `${d.src.namespace}-${d.name}`;
    for (let i = 2; names.has(name); i++) name = `${d.src.namespace}-${d.name}-${i}`;
    names.add(name);
    d.name = name;
  }
  // Hostless rules: the draft keeps hosts [] (every host).
  for (const d of drafts) if (d.hosts.length === 1 && d.hosts[0] === '') d.hosts.length = 0;
}

function readDefaultBackend(
  src: IngressSource, tls: BackendTlsIR | undefined, ctx: Context, withRules = false,
): { backend: BackendIR; src: IngressSource } | undefined {
  const spec = src.object.spec?.defaultBackend;
  if (spec === undefined) {
    src.fieldUnmapped('spec', undefined, 'an Ingress with neither rules nor defaultBackend serves nothing');
    return undefined;
  }
  const backend = resolveBackend(spec, src, 'spec.defaultBackend', tls, ctx);
  const value = `${String(spec?.service?.name)}:${String(spec?.service?.port?.number ?? spec?.service?.port?.name)}`;
  if (typeof backend === 'string') { src.fieldUnmapped('spec.defaultBackend', value, backend); return undefined; }
  src.fieldMapped('spec.defaultBackend', value, withRules
    ? `ApiGateway.defaultBackend (${backend.service}:${backend.port}; ingress-nginx also sends this Ingress's hosts' unmatched paths there, which the intent does not)`
    : `ApiGateway.defaultBackend (${backend.service}:${backend.port})`);
  return { backend, src };
}

function readPassthrough(src: IngressSource, ctx: Context): PassthroughIR[] {
  src.mapped('ssl-passthrough', 'TlsHost.passthrough (the TLS stream goes by SNI to the backend; controller flag --enable-ssl-passthrough)');
  const rules: any[] = Array.isArray(src.object.spec?.rules) ? src.object.spec.rules : [];
  const hosts = ruleHosts(src).filter(h => h !== '').sort();
  let backend: BackendIR | undefined;
  rules.forEach((r, i) => {
    const paths = Array.isArray(r?.http?.paths) ? r.http.paths : [];
    paths.forEach((p: any, j: number) => {
      const field = `spec.rules[${i}].http.paths[${j}]`;
      const b = resolveBackend(p?.backend, src, field, undefined, ctx);
      const value = `${String(r?.host ?? '*')} ${String(p?.path)} -> ${String(p?.backend?.service?.name)}`;
      if (typeof b === 'string') {src.fieldUnmapped(field, value, b);} else if (!backend) { backend = b; src.fieldMapped(field, value, `TlsHost.passthrough backend ${b.service}:${b.port}`); } else if (b.service === backend.service && b.port === backend.port) {src.fieldMapped(field, value, 'nothing (same backend: paths are not read for a passed-through stream)');} else {src.fieldUnmapped(field, value, `ingress-nginx passes the whole TLS stream of the host to one backend (${backend.service}:${backend.port}): paths are not read`);}
    });
  });
  if (Array.isArray(src.object.spec?.tls)) src.fieldMapped('spec.tls', undefined, 'nothing (passthrough: the backend terminates TLS)');
  classifyLeftovers(src, 'passthrough');
  otherSpecFields(src);
  if (!backend || hosts.length === 0 || ruleHosts(src).includes('')) {
    if (hosts.length === 0) src.fieldUnmapped('spec.rules', undefined, 'passthrough needs host names (SNI)');
    return [];
  }
  return [{ mode: 'Passthrough', source: src.ref, name: src.name, hosts, backend }];
}

function readCanary(src: IngressSource, locations: ReadonlyMap<string, { draft: Draft; index: number; route: RouteIR }>, ctx: Context): CanaryIR[] {
  const t = canaryTraffic(src);
  const rules: any[] = Array.isArray(src.object.spec?.rules) ? src.object.spec.rules : [];
  const found = new Map<RouteIR, { route: RouteIR; draft: Draft; byHost: Map<string, Set<number>>; backend: BackendIR }>();
  rules.forEach((r, i) => {
    const host = typeof r?.host === 'string' ? r.host : '';
    const paths = Array.isArray(r?.http?.paths) ? r.http.paths : [];
    paths.forEach((p: any, j: number) => {
      const field = `spec.rules[${i}].http.paths[${j}]`;
      const value = `${host || '*'} ${String(p?.pathType)} ${String(p?.path ?? '/')} -> ${String(p?.backend?.service?.name)}`;
      if ('reason' in t) { src.fieldUnmapped(field, value, `the canary's traffic rule cannot be imported: ${t.reason}`); return; }
      const loc = locations.get(locationKey(host, p?.path ?? '/', p?.pathType));
      if (!loc || loc.index < 0) { src.fieldUnmapped(field, value, 'no main Ingress serves this host, path and pathType: ingress-nginx drops the canary'); return; }
      const b = resolveBackend(p?.backend, src, field, loc.draft.backend.tls, ctx);
      if (typeof b === 'string') { src.fieldUnmapped(field, value, b); return; }
      const g = found.get(loc.route) ?? { route: loc.route, draft: loc.draft, byHost: new Map<string, Set<number>>(), backend: b };
      if (g.backend.service !== b.service || g.backend.port !== b.port) { src.fieldUnmapped(field, value, 'a second canary backend for one main route: a CanarySplit has one'); return; }
      found.set(loc.route, g);
      g.byHost.set(host, (g.byHost.get(host) ?? new Set<number>()).add(loc.index));
      src.fieldMapped(field, value, `CanarySplit of ${loc.route.source} (canary backend ${b.service}:${b.port})`);
    });
  });
  if (Array.isArray(src.object.spec?.tls)) src.fieldMapped('spec.tls', undefined, "nothing (a canary Ingress's TLS is not read: the main Ingress's applies)");
  if (src.object.spec?.defaultBackend !== undefined) src.fieldUnmapped('spec.defaultBackend', undefined, 'a canary of the catch-all default backend: the intent has none');
  classifyLeftovers(src, 'canary');
  otherSpecFields(src);
  if ('reason' in t) return [];
  const out: CanaryIR[] = [];
  for (const g of found.values()) {
    const byIndexes = new Map<string, { hosts: string[]; indexes: number[] }>();
    for (const [host, set] of g.byHost) {
      const indexes = [...set].sort((a, b) => a - b);
      const e = byIndexes.get(indexes.join(',')) ?? { hosts: [], indexes };
      e.hosts.push(host);
      byIndexes.set(indexes.join(','), e);
    }
    for (const e of byIndexes.values()) {
      const hosts = e.hosts.filter(h => h !== '').sort();
      const allHosts = g.route.hosts.length === hosts.length;
      out.push(canaryIr(src, out.length, g.route, hosts, allHosts, e.indexes, g.backend, t.traffic));
    }
  }
  return out;
}

/**
 * The renderer's weight canary for a route's second backend (`<route>-split`, every host and path
 * of the route) is that route's second backend, with the weights: read back as `backends`.
 */
function foldSplits(routes: readonly RouteIR[], canaries: readonly CanaryIR[]): { routes: RouteIR[]; canaries: CanaryIR[] } {
  const byRoute = new Map<string, CanaryIR[]>();
  for (const c of canaries) byRoute.set(c.route, [...(byRoute.get(c.route) ?? []), c]);
  const folded = new Set<CanaryIR>();
  const out = routes.map(route => {
    const own = byRoute.get(route.source) ?? [];
    const c = own[0];
    if (own.length !== 1 || c.name !== `${route.name}-${SPLIT_SUFFIX}` || c.traffic.kind !== 'weight' || !c.allHosts
      || c.matchIndexes.length !== route.matches.length || route.backends.length !== 1) return route;
    folded.add(c);
    return { ...route, backends: [{ ...route.backends[0], weight: c.traffic.stable }, { ...c.canary, weight: c.traffic.canary }] };
  });
  return { routes: out, canaries: canaries.filter(c => !folded.has(c)) };
}

function canaryIr(
  src: IngressSource, n: number, route: RouteIR, hosts: string[], allHosts: boolean, matchIndexes: number[],
  canary: BackendIR, traffic: CanaryTrafficIR,
): CanaryIR {
  return {
    source: n === 0 ? src.ref : `${src.ref} #${n + 1}`,
    name: n === 0 ? src.name : `${src.name}-${n + 1}`,
    namespace: route.namespace,
    route: route.source,
    hosts,
    allHosts,
    matchIndexes,
    stable: route.backends[0],
    canary,
    traffic,
  };
}

function buildTlsHosts(
  certs: ReadonlyMap<string, Cert>, ctx: Context, hostRedirect: (h: string) => boolean | 'mixed',
  main: readonly IngressSource[], clientAuthBySrc: ReadonlyMap<IngressSource, ClientAuthIR>,
  ciphersBySrc: ReadonlyMap<IngressSource, string[]> = new Map(),
): TlsHostIR[] {
  const groups = new Map<string, {
    cert: Cert; hosts: string[]; httpsRedirect: boolean; clientAuth?: ClientAuthIR; managed: boolean; cipherSuites?: string[];
  }>();
  // A host's cipher suites (a server-level annotation): those of its first Ingress that has them.
  const ciphersByHost = new Map<string, string[]>();
  for (const s of main) {
    const c = ciphersBySrc.get(s);
    if (c) for (const h of ruleHosts(s)) if (!ciphersByHost.has(h)) ciphersByHost.set(h, c);
  }
  const itemized = new Set<KubeObject>();
  // A host's client certificate settings: those of its first Ingress that has them.
  const authByHost = new Map<string, ClientAuthIR>();
  for (const s of main) {
    const a = clientAuthBySrc.get(s);
    if (a) for (const h of ruleHosts(s)) if (!authByHost.has(h)) authByHost.set(h, a);
  }
  for (const [host, cert] of [...certs].sort(([a], [b]) => (a < b ? -1 : 1))) {
    const redirect = hostRedirect(host);
    const httpsRedirect = redirect === 'mixed' ? false : redirect;
    const auth = authByHost.get(host);
    const certificate = ctx.certificates.get(`${cert.namespace}/${cert.secret}`);
    if (certificate && !itemized.has(certificate)) {
      itemized.add(certificate);
      const ref = certificate.spec?.issuerRef;
      ctx.items.push({
        object: objectRef(certificate, ctx.defaultNamespace),
        field: 'spec.issuerRef',
        value: `${String(ref?.kind ?? 'Issuer')}/${String(ref?.name)}`,
        to: `TlsHost.fromIssuer(${String(ref?.kind ?? 'Issuer')} '${String(ref?.name)}') (managed certificate of Secret ${cert.namespace}/${cert.secret})`,
      });
    }
    const managed = certificate !== undefined || SHIM_ISSUERS.some(([k]) => cert.src.annotations[k] !== undefined);
    const ciphers = ciphersByHost.get(host);
    const key = JSON.stringify([cert.namespace, cert.secret, httpsRedirect, auth ?? null, managed, ...(ciphers ? [ciphers] : [])]);
    const g = groups.get(key) ?? { cert, hosts: [], httpsRedirect, clientAuth: auth, managed, cipherSuites: ciphers };
    g.hosts.push(host);
    groups.set(key, g);
  }
  const names = new Set<string>();
  return [...groups.values()].map(g => {
    let name = g.cert.secret;
    for (let i = 2; names.has(name); i++) name = `${g.cert.secret}-${i}`;
    names.add(name);
    return {
      mode: 'Terminate' as const,
      source: g.cert.src.ref,
      name,
      hosts: g.hosts.sort(),
      secretName: g.cert.secret,
      secretNamespace: g.cert.namespace,
      managedCertificate: g.managed,
      httpsRedirect: g.httpsRedirect,
      ...(g.clientAuth ? { clientAuth: g.clientAuth } : {}),
      ...(g.cipherSuites ? { cipherSuites: g.cipherSuites } : {}),
    };
  });
}

/**
 * `permanent-redirect` / `temporal-redirect`: ingress-nginx answers every request of the Ingress
 * with `return <code> <url>`, one fixed URL (the request's path and query are dropped). No intent
 * says that: `Redirect.to` keeps the request's query string, and the renderer refuses a
 * fixed-URL redirect. Returns the reason, or undefined without such a key.
 */
/**
 * `permanent-redirect` (with `permanent-redirect-code`: 300-308 are taken, anything else is 301) or
 * `temporal-redirect` (302), as `Redirect.toUrl`: nginx returns exactly that URL. Undefined (and
 * nothing itemized) when the Ingress has none, or one the intent cannot say (`fixedRedirect` then
 * lists it).
 */
function fixedUrlRedirect(src: IngressSource): RedirectIR | undefined {
  const temporal = src.valid('temporal-redirect');
  const permanent = src.valid('permanent-redirect');
  const url = temporal ?? permanent;
  if (url === undefined || checkRedirectUrl(url) !== undefined) return undefined;
  let statusCode: number;
  if (temporal !== undefined) {
    if (src.has('temporal-redirect-code')) return undefined;
    statusCode = 302;
  } else {
    const raw = src.has('permanent-redirect-code') ? src.int('permanent-redirect-code') : 301;
    if (raw === undefined) return undefined;
    statusCode = raw < 300 || raw > 308 ? 301 : raw;
  }
  if (![301, 302, 303, 307, 308].includes(statusCode)) return undefined;
  const to = `Route.redirect (Redirect.toUrl, status ${statusCode}; the path's backend receives nothing)`;
  if (temporal !== undefined) {
    src.mapped('temporal-redirect', to);
    src.unmapped('permanent-redirect', 'temporal-redirect takes precedence: ingress-nginx ignores permanent-redirect');
    src.unmapped('permanent-redirect-code', 'temporal-redirect takes precedence: ingress-nginx ignores permanent-redirect');
  } else {
    src.mapped('permanent-redirect', to);
    src.mapped('permanent-redirect-code', to);
  }
  return { source: src.ref, url, statusCode: statusCode as RedirectIR['statusCode'] };
}

function fixedRedirect(src: IngressSource): { key: string; reason: string } | undefined {
  const temporal = src.valid('temporal-redirect');
  const permanent = src.valid('permanent-redirect');
  const url = temporal ?? permanent;
  if (url === undefined) return undefined;
  const key = temporal !== undefined ? 'temporal-redirect' : 'permanent-redirect';
  return {
    key,
    reason: `${key} ${url}: ingress-nginx answers every request with a redirect to this one URL, dropping the request's path and query; `
      + 'Redirect.toUrl takes an absolute http(s) URL without $ ; { } quotes or spaces and the status codes 301, 302, 303, 307 and 308, so neither the redirect nor the Ingress\'s routes are imported',
  };
}

function unmappedPaths(src: IngressSource, reason: string): void {
  const rules: any[] = Array.isArray(src.object.spec?.rules) ? src.object.spec.rules : [];
  rules.forEach((r, i) => {
    const paths = Array.isArray(r?.http?.paths) ? r.http.paths : [];
    paths.forEach((p: any, j: number) => src.fieldUnmapped(`spec.rules[${i}].http.paths[${j}]`, `${String(r?.host ?? '*')} ${String(p?.path ?? '/')}`, reason));
  });
}

function otherSpecFields(src: IngressSource): void {
  const spec = src.object.spec;
  if (!spec || typeof spec !== 'object') return;
  for (const k of Object.keys(spec).sort()) {
    if (!SPEC_FIELDS.has(k)) src.fieldUnmapped(`spec.${k}`, JSON.stringify(spec[k]), 'not a field of networking.k8s.io/v1 Ingress the intent models');
  }
}
