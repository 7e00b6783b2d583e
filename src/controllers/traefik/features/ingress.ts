import { joinName } from '../../../core/names';
import { MatchIR, RouteIR, TlsHostIR } from '../../../ir/model';
import { IngressPath, IngressSpec, anchored, serviceBackend } from '../../common/ingress';
import { ANNOTATIONS, MATCHERS } from '../constants';
import { backendHeadersName } from './headers';
import { MiddlewarePlan, crdReference, routerChain } from './middlewares';
import { routePriority } from './priority';
import { isHttpsUpgrade } from './redirect';
import { EntryPoints, listenerFor, needsTlsOption, tlsObjectNames } from './tls';
import { RouterVariant } from '../api';

/** One Ingress to allocate for a route. */
export interface IngressPart {
  readonly id: string;
  readonly name: string;
  /** The host it serves; undefined: every host. */
  readonly host?: string;
  /** Matches sharing one priority (hence one path kind), in the user's order. */
  readonly matches: readonly MatchIR[];
  readonly priority: number;
  /** `http`: the plain-HTTP twin of an HTTPS upgrade (`Redirect.toHttps()` with a backend). */
  readonly variant: Exclude<RouterVariant, 'deny'>;
}

/**
 * `router.priority`, `router.entrypoints`, `router.tls` and `router.pathmatcher` are per Ingress,
 * and the priority depends on the host and the match: one Ingress per (route, host, priority),
 * holding the matches of that priority (the priority encodes the path kind, so the path matcher
 * is shared too). Order: hosts (sorted in the IR), then groups by first match in the user's
 * order. A route that needs a single Ingress keeps the route's name; otherwise `<route>-01`,
 * `<route>-02`, ... `Redirect.toHttps()` with a backend adds `<name>-http` per Ingress, on the
 * web entry point. Decided from the RouteIR only, so the set is fixed at allocation.
 */
export function ingressParts(route: RouteIR): IngressPart[] {
  const parts = servingParts(route);
  if (!isHttpsUpgrade(route)) return parts;
  return [...parts, ...parts.map(p => ({
    ...p,
    id: p.id === 'Resource' ? 'HttpRedirect' : `HttpRedirect-${p.id}`,
    name: joinName([p.name, 'http']),
    variant: 'http' as const,
  }))];
}

function servingParts(route: RouteIR): IngressPart[] {
  const hosts: Array<string | undefined> = route.hosts.length > 0 ? [...route.hosts] : [undefined];
  const groups = hosts.flatMap(host => {
    const byPriority = new Map<number, MatchIR[]>();
    for (const m of route.matches) {
      const priority = routePriority(host, m);
      const list = byPriority.get(priority);
      if (list) list.push(m); else byPriority.set(priority, [m]);
    }
    return [...byPriority].map(([priority, matches]) => ({ host, priority, matches }));
  });
  if (groups.length === 1) return [{ id: 'Resource', name: route.name, ...groups[0], variant: 'serve' }];
  return groups.map((g, i) => {
    const n = String(i + 1).padStart(2, '0');
    return { id: i === 0 ? 'Resource' : `Ingress-${n}`, name: joinName([route.name, n]), ...g, variant: 'serve' as const };
  });
}

/**
 * Our path semantics as Traefik Ingress paths. Traefik turns `Exact` into `Path` and `Prefix`
 * into a character-wise `PathPrefix`, so an element-wise prefix `/v1` is two paths: Exact `/v1`
 * and Prefix `/v1/` (also correct when the provider's `strictPrefixMatching` is on). Regexes are
 * `ImplementationSpecific` with the `PathRegexp` matcher annotation, anchored to the whole path
 * (see `absoluteAnchored`).
 */
export function traefikPaths(m: MatchIR): IngressPath[] {
  const v = m.path.value;
  switch (m.path.kind) {
    case 'Exact': return [{ path: v, pathType: 'Exact' }];
    case 'Prefix': return v === '/' ? [{ path: '/', pathType: 'Prefix' }] : [{ path: v, pathType: 'Exact' }, { path: `${v}/`, pathType: 'Prefix' }];
    case 'RegularExpression': return [{ path: absoluteAnchored(v), pathType: 'ImplementationSpecific' }];
  }
}

/** The paths of several matches, without repeats (matches differing only in refused conditions). */
function ingressPaths(matches: readonly MatchIR[]): IngressPath[] {
  const seen = new Set<string>();
  return matches.flatMap(traefikPaths).filter(p => {
    const key = `${p.pathType} ${p.path}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/**
 * An anchored regex that still starts with '/': the API server requires every Ingress path,
 * ImplementationSpecific included, to be absolute, so `^/users/[0-9]+$` is rejected. Traefik's
 * `PathRegexp` is an unanchored search (Go `MatchString`), so dropping the `^` would let
 * `/users/[0-9]+$` match `/x/users/1`. `/{0}` matches the empty string (zero slashes), so
 * `/{0}^/users/[0-9]+$` is exactly `^/users/[0-9]+$` in RE2 while starting with '/'.
 */
export function absoluteAnchored(pattern: string): string {
  return `/{0}${anchored(pattern)}`;
}

/**
 * Annotations of one Ingress; TLS is looked up at synth (TlsHosts may be added later). The
 * route's Middlewares are listed in chain order (see middlewares.ts) as
 * `<namespace>-<name>@kubernetescrd`; the Ingress and its Middlewares share the route's
 * namespace.
 */
export function ingressAnnotations(
  route: RouteIR, part: IngressPart, tlsHosts: readonly TlsHostIR[], entryPoints: EntryPoints, middlewares: readonly MiddlewarePlan[],
): Record<string, string> {
  const listener = listenerFor(route, part.host, part.variant, tlsHosts, entryPoints);
  const annotations: Record<string, string> = {
    [ANNOTATIONS.priority]: String(part.priority),
    [ANNOTATIONS.entryPoints]: listener.entryPoint,
  };
  if (listener.tls) annotations[ANNOTATIONS.tls] = 'true';
  // The TlsHost's TLSOption, a CRD object in its certificate's namespace (= this Ingress's).
  if (typeof listener.tls === 'object' && needsTlsOption(listener.tls)) {
    annotations[ANNOTATIONS.tlsOptions] = crdReference(listener.tls.secretNamespace, tlsObjectNames(listener.tls).tlsOption);
  }
  if (part.matches.some(m => m.path.kind === 'RegularExpression')) annotations[ANNOTATIONS.pathMatcher] = MATCHERS.pathRegexp;
  // The route's Middlewares and the TlsHost's HSTS one share the route's namespace (a certificate
  // of another namespace is refused on Ingress).
  // The path's one backend's own header rules: innermost, as an IngressRoute service middleware.
  const backend = route.backends[0];
  const chain = [...routerChain(middlewares, route, part.variant, listener), ...(backend?.headers ? [backendHeadersName(route, backend)] : [])];
  if (chain.length > 0) annotations[ANNOTATIONS.middlewares] = chain.map(name => crdReference(route.namespace, name)).join(',');
  return annotations;
}

/**
 * The Ingress spec: one rule (the part's host, or none), the match's paths to the route's
 * backend, and a `tls` entry when the host has a certificate (it loads the certificate; the
 * `router.tls` annotation is what makes the router serve HTTPS; without a certificate it uses
 * Traefik's default one). Header, query and method conditions and extra backends are refused by
 * the capability matrix, and routes without backend (redirects) by validation, before rendering.
 */
export function ingressSpecFor(
  className: string, route: RouteIR, part: IngressPart, tlsHosts: readonly TlsHostIR[], entryPoints: EntryPoints,
): IngressSpec {
  const listener = listenerFor(route, part.host, part.variant, tlsHosts, entryPoints);
  const cert = typeof listener.tls === 'object' ? listener.tls : undefined;
  const backend = route.backends[0];
  const paths = backend ? ingressPaths(part.matches).map(p => ({ ...p, backend: serviceBackend(backend) })) : [];
  return {
    ingressClassName: className,
    rules: paths.length > 0 ? [{ host: part.host, http: { paths } }] : undefined,
    tls: cert && part.host !== undefined ? [{ hosts: [part.host], secretName: cert.secretName }] : undefined,
  };
}
