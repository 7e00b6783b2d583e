import { AUTH } from './auth';
import { BACKEND_PROTOCOL } from './backend-protocol';
import { BODY_SIZE } from './body-size';
import { CORS } from './cors';
import { Emitted, NginxFeature, emit, refuse } from './emitted';
import { IP_ACCESS } from './ip-access';
import { regexLocations } from './paths';
import { CONCURRENCY_LIMIT, RATE_LIMIT } from './rate-limit';
import { REDIRECT } from './redirect';
import { RETRIES } from './retries';
import { REWRITE } from './rewrite';
import { SESSION_AFFINITY, affinityConflicts } from './session-affinity';
import { TIMEOUT } from './timeouts';
import { tlsAnnotations } from './tls';
import { GatewayIR, RouteIR, TlsHostIR } from '../../../ir/model';
import { emitters, PolicyEmitters, REFUSED } from '../../common/policy-emitters';
import { certificateFor } from '../../common/tls';
import { RenderProblem } from '../../renderer';
import { ANNOTATIONS, ruleFor } from '../annotations';
import { blockedWord } from '../validation';

/**
 * Every policy kind of the IR: the feature rendering it on a route's Ingress, or refused (header
 * rules: ingress-nginx sets headers only through snippets or a controller-wide allow-list, and
 * the matrix refuses every header feature). Key order is the order the annotations are rendered
 * and checked in.
 */
export const POLICY_EMITTERS: PolicyEmitters<NginxFeature> = {
  rateLimit: RATE_LIMIT,
  timeouts: TIMEOUT,
  bodySize: BODY_SIZE,
  cors: CORS,
  headers: REFUSED,
  redirect: REDIRECT,
  rewrite: REWRITE,
  ipAccess: IP_ACCESS,
  retries: RETRIES,
  sessionAffinity: SESSION_AFFINITY,
  backendProtocol: BACKEND_PROTOCOL,
  auth: AUTH,
  concurrencyLimit: CONCURRENCY_LIMIT,
};

/** Every policy feature of a route's Ingress, in a fixed order. */
export const POLICY_FEATURES: readonly NginxFeature[] = emitters(POLICY_EMITTERS);

/**
 * Everything the route's Ingress carries as annotations: policies, then the TLS settings of its
 * hosts (pure; read by the lazy producer). Each key appears once (see features/tls.ts for the
 * HTTPS redirect and backend-protocol).
 */
export function routeAnnotations(route: RouteIR, tlsHosts: readonly TlsHostIR[]): Emitted[] {
  const out: Emitted[] = [];
  if (regexLocations(route)) out.push(emit('useRegex', 'true', 'regexPath', 'match.path', route.source));
  for (const f of POLICY_FEATURES) out.push(...f.annotations(route));
  out.push(...tlsAnnotations(route, tlsHosts));
  return out;
}

/**
 * Policy values ingress-nginx cannot express exactly, then, for routes with none, a check of
 * every rendered value against ingress-nginx's own validation (a value it refuses would drop the
 * whole Ingress) and the annotation-value-word-blocklist its documentation suggests.
 */
export function policyProblems(gw: GatewayIR): RenderProblem[] {
  const out: RenderProblem[] = [];
  for (const route of gw.routes) {
    if (Object.keys(route.policies).length > 0) {
      const found = POLICY_FEATURES.flatMap(f => f.problems(route, gw));
      out.push(...found);
      if (found.length > 0) continue;
    } else if (!route.hosts.some(h => certificateFor(h, gw.tlsHosts))) {
      // No policy and no TLS setting: nothing to check (the hot path at 10k routes).
      continue;
    }
    for (const e of routeAnnotations(route, gw.tlsHosts)) {
      const key = ANNOTATIONS[e.name];
      const rule = ruleFor(key);
      const word = blockedWord(e.value);
      if (rule && !rule.validator.test(e.value)) {
        out.push(refuse(gw, e.source, e.feature, e.prop, `${key} must be ${rule.validator.name} ('${e.value}' given), or ingress-nginx refuses the whole Ingress`));
      } else if (word !== undefined) {
        out.push(refuse(gw, e.source, e.feature, e.prop,
          `the value '${e.value}' of ${key} contains '${word}', which the annotation-value-word-blocklist suggested by ingress-nginx refuses`));
      }
    }
  }
  out.push(...affinityConflicts(gw));
  return out;
}
