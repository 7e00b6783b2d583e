import { joinName } from '../../../core/names';
import { MatchIR, RouteIR, TlsHostIR } from '../../../ir/model';
import { IngressPath, IngressSpec, anchored, serviceBackend, tlsEntries } from '../../common/ingress';
import { ANNOTATIONS, MATCHERS } from '../constants';
import { routePriority } from './priority';
import { EntryPoints, entryPointFor, tlsHostFor } from './tls';

/** One Ingress to allocate for a route. */
export interface IngressPart {
  readonly id: string;
  readonly name: string;
  /** The host it serves; undefined: every host. */
  readonly host?: string;
  readonly match: MatchIR;
}

/**
 * One Ingress per (route, host, match): `router.priority`, `router.entrypoints`, `router.tls`
 * and `router.pathmatcher` are per Ingress, while the priority depends on the host and the match.
 * Order: hosts (sorted in the IR), then matches in the user's order. A route that needs a single
 * Ingress keeps the route's name; otherwise `<route>-01`, `<route>-02`, ...
 */
export function ingressParts(route: RouteIR): IngressPart[] {
  const hosts: Array<string | undefined> = route.hosts.length > 0 ? [...route.hosts] : [undefined];
  const pairs = hosts.flatMap(host => route.matches.map(match => ({ host, match })));
  if (pairs.length === 1) return [{ id: 'Resource', name: route.name, ...pairs[0] }];
  return pairs.map((p, i) => {
    const n = String(i + 1).padStart(2, '0');
    return { id: i === 0 ? 'Resource' : `Ingress-${n}`, name: joinName([route.name, n]), ...p };
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
  const tls = tlsHostFor(part.host, tlsHosts);
  const annotations: Record<string, string> = {
    [ANNOTATIONS.priority]: String(routePriority(part.host, part.match)),
    [ANNOTATIONS.entryPoints]: entryPointFor(tls, entryPoints),
  };
  if (tls) annotations[ANNOTATIONS.tls] = 'true';
  if (part.match.path.kind === 'RegularExpression') annotations[ANNOTATIONS.pathMatcher] = MATCHERS.pathRegexp;
  return annotations;
}

/**
 * The Ingress spec: one rule (the part's host, or none), the match's paths to the route's
 * backend, and a `tls` entry when the host has a certificate (it loads the certificate; the
 * `router.tls` annotation is what makes the router serve HTTPS). Header, query and method
 * conditions and extra backends are refused by the capability matrix before rendering.
 */
export function ingressSpecFor(className: string, route: RouteIR, part: IngressPart, tlsHosts: readonly TlsHostIR[]): IngressSpec {
  return {
    ingressClassName: className,
    rules: [{ host: part.host, http: { paths: traefikPaths(part.match).map(p => ({ ...p, backend: serviceBackend(route.backends[0]) })) } }],
    tls: tlsEntries(part.host === undefined ? [] : [part.host], tlsHosts),
  };
}
