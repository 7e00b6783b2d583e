import { joinName } from '../../../core/names';
import { MatchIR, RouteIR, TlsHostIR } from '../../../ir/model';
import { IngressPath, IngressSpec, anchored, serviceBackend } from '../../common/ingress';
import { ANNOTATIONS, crdRef, MATCHERS } from '../constants';
import { routePriority } from './priority';
import { EntryPoints, entryPointFor, needsTlsOption, tlsObjectNames } from './tls';
import { certificateFor } from '../../common/tls';

/** One Ingress to allocate for a route. */
export interface IngressPart {
  readonly id: string;
  readonly name: string;
  /** The host it serves; undefined: every host. */
  readonly host?: string;
  /** Matches sharing one priority (hence one path kind), in the user's order. */
  readonly matches: readonly MatchIR[];
  readonly priority: number;
}

/**
 * `router.priority`, `router.entrypoints`, `router.tls` and `router.pathmatcher` are per Ingress,
 * and the priority depends on the host and the match: one Ingress per (route, host, priority),
 * holding the matches of that priority (the priority encodes the path kind, so the path matcher
 * is shared too). Order: hosts (sorted in the IR), then groups by first match in the user's
 * order. A route that needs a single Ingress keeps the route's name; otherwise `<route>-01`,
 * `<route>-02`, ... Decided from the RouteIR only, so the set is fixed at allocation.
 */
export function ingressParts(route: RouteIR): IngressPart[] {
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
  if (groups.length === 1) return [{ id: 'Resource', name: route.name, ...groups[0] }];
  return groups.map((g, i) => {
    const n = String(i + 1).padStart(2, '0');
    return { id: i === 0 ? 'Resource' : `Ingress-${n}`, name: joinName([route.name, n]), ...g };
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

/** Annotations of one Ingress; TLS is looked up at synth (TlsHosts may be added later). */
export function ingressAnnotations(part: IngressPart, tlsHosts: readonly TlsHostIR[], entryPoints: EntryPoints): Record<string, string> {
  const tls = certificateFor(part.host, tlsHosts);
  const annotations: Record<string, string> = {
    [ANNOTATIONS.priority]: String(part.priority),
    [ANNOTATIONS.entryPoints]: entryPointFor(tls, entryPoints),
  };
  if (tls) {
    annotations[ANNOTATIONS.tls] = 'true';
    // Traefik CRD objects the TlsHost owns, in its certificate's namespace (= this Ingress's).
    if (tls.hsts) annotations[ANNOTATIONS.middlewares] = crdRef(tls.secretNamespace, tlsObjectNames(tls).hsts);
    if (needsTlsOption(tls)) annotations[ANNOTATIONS.tlsOptions] = crdRef(tls.secretNamespace, tlsObjectNames(tls).tlsOption);
  }
  if (part.matches.some(m => m.path.kind === 'RegularExpression')) annotations[ANNOTATIONS.pathMatcher] = MATCHERS.pathRegexp;
  return annotations;
}

/**
 * The Ingress spec: one rule (the part's host, or none), the match's paths to the route's
 * backend, and a `tls` entry when the host has a certificate (it loads the certificate; the
 * `router.tls` annotation is what makes the router serve HTTPS). Header, query and method
 * conditions and extra backends are refused by the capability matrix before rendering.
 */
export function ingressSpecFor(className: string, route: RouteIR, part: IngressPart, tlsHosts: readonly TlsHostIR[]): IngressSpec {
  const tls = certificateFor(part.host, tlsHosts);
  return {
    ingressClassName: className,
    rules: [{ host: part.host, http: { paths: ingressPaths(part.matches).map(p => ({ ...p, backend: serviceBackend(route.backends[0]) })) } }],
    tls: tls && part.host !== undefined ? [{ hosts: [part.host], secretName: tls.secretName }] : undefined,
  };
}
