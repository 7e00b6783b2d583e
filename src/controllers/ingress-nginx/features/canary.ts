import { nginxPaths } from './paths';
import { unsupportedMessage } from '../../../capabilities/check';
import { FeatureKind } from '../../../capabilities/features';
import { CanaryIR, GatewayIR, RouteIR, TlsHostIR } from '../../../ir/model';
import { IngressSpec, ingressSpec } from '../../common/ingress';
import { RenderProblem } from '../../renderer';
import { ANNOTATIONS, ANY_VALUE_PATTERN } from '../annotations';

/**
 * The canary Ingress: the same hosts, paths and path types as the stable route's Ingress (so
 * ingress-nginx merges it into those locations), pointing at the canary Service. TLS entries are
 * copied so the canary never changes how its hosts are served.
 */
export function canarySpec(className: string, canary: CanaryIR, route: RouteIR, tlsHosts: readonly TlsHostIR[]): IngressSpec {
  return ingressSpec(className, canary.hosts, canary.matchIndexes.map(i => nginxPaths(route)[i]), canary.canary, tlsHosts);
}

/**
 * ingress-nginx decides per request: header, then cookie, then weight. A canary uses one of
 * them; with no weight annotation the weight is 0, so requests that fail the header / cookie
 * condition stay on the stable backend.
 */
export function canaryAnnotations(canary: CanaryIR): Record<string, string> {
  const out: Record<string, string> = { [ANNOTATIONS.canary]: 'true' };
  const t = canary.traffic;
  switch (t.kind) {
    case 'weight':
      out[ANNOTATIONS.canaryWeight] = String(t.canary);
      out[ANNOTATIONS.canaryWeightTotal] = String(t.stable + t.canary);
      break;
    case 'header':
      out[ANNOTATIONS.canaryByHeader] = t.name;
      out[ANNOTATIONS.canaryByHeaderValue] = t.value;
      break;
    case 'header-present':
      out[ANNOTATIONS.canaryByHeader] = t.name;
      out[ANNOTATIONS.canaryByHeaderPattern] = ANY_VALUE_PATTERN;
      break;
    case 'cookie':
      out[ANNOTATIONS.canaryByCookie] = t.name;
      break;
  }
  return out;
}

/**
 * nginx drops request headers whose names hold anything but letters, digits and '-'
 * (`ignore_invalid_headers`, `underscores_in_headers off`), and the annotation validator accepts
 * only the basic characters `[-._~a-zA-Z0-9/:]` in header values and cookie names.
 */
const NGINX_HEADER_NAME = /^[A-Za-z0-9-]+$/;
const BASIC_CHARS = /^[-._~a-zA-Z0-9/:]+$/;

export function canaryProblems(ir: GatewayIR): RenderProblem[] {
  const problems: RenderProblem[] = [];
  for (const canary of ir.canaries) {
    const t = canary.traffic;
    const refuse = (feature: FeatureKind, reason: string) => problems.push({ source: canary.source, message: unsupportedMessage('ingress-nginx', feature, 'traffic', reason) });
    if (t.kind === 'header' || t.kind === 'header-present') {
      const feature: FeatureKind = t.kind === 'header' ? 'canaryHeader' : 'canaryHeaderPresence';
      if (!NGINX_HEADER_NAME.test(t.name)) refuse(feature, `nginx ignores request headers whose names contain characters other than letters, digits and '-' ('${t.name}' given)`);
      if (t.kind === 'header' && !BASIC_CHARS.test(t.value)) {
        refuse(feature, `its annotation validation accepts only letters, digits and -._~/: in canary-by-header-value ('${t.value}' given)`);
      }
    }
    // Cookie names: the intent's vocabulary (letters, digits, '-', '_', '.', '~') is inside
    // ingress-nginx's canary-by-cookie validation (BASIC_CHARS), so there is nothing to refuse.
    // The canary Ingress only adds an upstream to the stable Ingress's locations: how nginx
    // connects (backend-protocol, proxy-ssl-*) is the stable Ingress's, so the canary backend must
    // speak TLS exactly as the stable backend does.
    if (JSON.stringify(canary.canary.tls ?? null) !== JSON.stringify(canary.stable.tls ?? null)) {
      problems.push({
        source: canary.source,
        message: unsupportedMessage('ingress-nginx', 'backendTls', 'canary.tls',
          'a canary Ingress takes the stable Ingress\'s backend-protocol and proxy-ssl-* settings, so the canary backend must have the same tls as the stable backend'),
      });
    }
  }
  return problems;
}

/**
 * A route with two backends on ingress-nginx: the first is the stable Ingress's backend, the
 * second a weight canary Ingress (`canary-weight` = its weight, `canary-weight-total` = the sum),
 * which ingress-nginx merges into the stable Ingress's locations: the same requests go to the same
 * backends, in the same shares, as a route's weighted backends. Beyond two it cannot split.
 */
export function weightedSplit(route: RouteIR): CanaryIR | undefined {
  if (route.backends.length !== 2) return undefined;
  const [stable, canary] = route.backends;
  return {
    source: route.source,
    name: `${route.name}-${SPLIT_SUFFIX}`,
    namespace: route.namespace,
    route: route.source,
    hosts: route.hosts,
    allHosts: true,
    matchIndexes: route.matches.map((_, i) => i),
    stable: { ...stable, weight: 1 },
    canary: { ...canary, weight: 1 },
    traffic: { kind: 'weight', stable: stable.weight, canary: canary.weight },
  };
}

/** The name suffix of the canary Ingress that carries a route's second backend. */
export const SPLIT_SUFFIX = 'split';

/** Several backends: two as a stable + weight canary Ingress; more are refused. */
export function splitProblems(ir: GatewayIR): RenderProblem[] {
  const problems: RenderProblem[] = [];
  for (const route of ir.routes) {
    const feature: FeatureKind = new Set(route.backends.map(b => b.weight)).size > 1 ? 'weightedBackends' : 'multipleBackends';
    if (route.backends.length > 2) {
      problems.push({
        source: route.source,
        message: unsupportedMessage('ingress-nginx', feature, 'backends',
          `ingress-nginx splits a path between two Services only (the stable Ingress and one canary Ingress); ${route.backends.length} backends given`),
      });
    } else if (route.backends.length === 2 && JSON.stringify(route.backends[0].tls ?? null) !== JSON.stringify(route.backends[1].tls ?? null)) {
      problems.push({
        source: route.source,
        message: unsupportedMessage('ingress-nginx', 'backendTls', 'backends',
          'the second backend is a canary Ingress, which takes the first Ingress\'s backend-protocol and proxy-ssl-* settings, so both backends must have the same tls'),
      });
    }
  }
  return problems;
}
