import { authSpec, rendersAuth } from './auth';
import { bodySizeSpec } from './body-size';
import { corsSpec } from './cors';
import { customHeadersSpec, hasCustomHeaders } from './headers';
import { ipAllowSpec, ipDenySpec } from './ip-access';
import type { MiddlewareRole } from './middlewares';
import { clientInFlightReqSpec, inFlightReqSpec, rateLimitSpec } from './rate-limit';
import { redirectSpec } from './redirect';
import { retrySpec } from './retry';
import { rewriteHostSpec, rewritePathSpec } from './rewrite';
import { goDuration } from '../../../core/duration';
import { HstsIR, RouteIR } from '../../../ir/model';
import { SessionAffinityIR } from '../../../ir/policies';
import { emitters, PolicyEmitters } from '../../common/policy-emitters';
import { ServiceSettings, StickyCookie } from '../api';
import { SERVER_SCHEMES } from '../constants';

/** `ServersTransport.spec` (fields we emit). */
export interface ServersTransportSpec {
  readonly forwardingTimeouts: { readonly dialTimeout: string };
}

/** Lazy Middleware specs by role (see features/middlewares.ts for the chain order). */
export type MiddlewareSpecs = Partial<Record<MiddlewareRole, () => unknown>>;

/**
 * Where one policy kind lands on Traefik. Every hook is decided from the RouteIR alone (object
 * allocation); the specs it returns are pure and read at synth.
 */
export interface TraefikPolicyEmitter {
  /** The route's Middlewares for this kind, by role. `hsts`: the route's TlsHost HSTS, read at synth. */
  readonly middlewares?: (route: RouteIR, hsts?: () => HstsIR | undefined) => MiddlewareSpecs;
  /** What this kind sets on the service entry of a backend without `tls` (a re-encrypted backend has its own transport and scheme). */
  readonly service?: (route: RouteIR) => Partial<ServiceSettings>;
  /** What this kind sets on the route's own ServersTransport (IngressRoute output). */
  readonly serversTransport?: (route: RouteIR) => ServersTransportSpec | undefined;
}

const CONCURRENCY_LIMIT: TraefikPolicyEmitter = {
  middlewares: route => {
    const cl = route.policies.concurrencyLimit;
    return cl && cl.key !== 'route' ? { inflightreq: () => inFlightReqSpec(cl) } : {};
  },
};

/** The rate, and its concurrent connections per client as an inFlightReq of their own (`inflightreq-client`). */
const RATE_LIMIT: TraefikPolicyEmitter = {
  middlewares: route => {
    const rl = route.policies.rateLimit;
    if (!rl) return {};
    const connections = rl.concurrentConnections;
    const out: MiddlewareSpecs = { ratelimit: () => rateLimitSpec(rl) };
    if (connections !== undefined) out['inflightreq-client'] = () => clientInFlightReqSpec(rl, connections);
    return out;
  },
};

/** Connect timeout: `forwardingTimeouts.dialTimeout` of a ServersTransport of the route's namespace. */
const TIMEOUTS: TraefikPolicyEmitter = {
  serversTransport: route => {
    const ms = route.policies.timeouts?.connectMs;
    return ms === undefined ? undefined : { forwardingTimeouts: { dialTimeout: goDuration(ms, 'single-unit') } };
  },
};

const BODY_SIZE: TraefikPolicyEmitter = {
  middlewares: route => (route.policies.bodySize ? { buffering: () => bodySizeSpec(route.policies.bodySize!) } : {}),
};

const CORS: TraefikPolicyEmitter = {
  middlewares: route => (route.policies.cors ? { cors: () => corsSpec(route.policies.cors!) } : {}),
};

const HEADERS: TraefikPolicyEmitter = {
  middlewares: (route, hsts) => {
    const h = route.policies.headers;
    return hasCustomHeaders(h) ? { headers: () => customHeadersSpec(h!, hsts?.()) } : {};
  },
};

const REDIRECT: TraefikPolicyEmitter = {
  middlewares: route => (route.policies.redirect ? { redirect: () => redirectSpec(route.policies.redirect!, route) } : {}),
};

const REWRITE: TraefikPolicyEmitter = {
  middlewares: route => {
    const w = route.policies.rewrite;
    const out: MiddlewareSpecs = {};
    if (w?.path) out['rewrite-path'] = () => rewritePathSpec(w, route);
    if (w?.host) out['rewrite-host'] = () => rewriteHostSpec(w);
    return out;
  },
};

/** An allow list is a Middleware of the chain; a deny list, a rule condition plus a deny router with its own Middleware (see ip-access.ts). */
const IP_ACCESS: TraefikPolicyEmitter = {
  middlewares: route => {
    const ip = route.policies.ipAccess;
    const out: MiddlewareSpecs = {};
    if (ip && ip.allow.length > 0) out.ipallowlist = () => ipAllowSpec(ip);
    if (ip && ip.deny.length > 0) out.ipdeny = ipDenySpec;
    return out;
  },
};

const RETRIES: TraefikPolicyEmitter = {
  middlewares: route => (route.policies.retries ? { retry: () => retrySpec(route.policies.retries!) } : {}),
};

/**
 * Sticky sessions: `sticky.cookie` on the service's load balancer (its pods). Secure and
 * HttpOnly are always written (Traefik's defaults are false, ours true); no `maxAge` gives a
 * session cookie.
 */
const SESSION_AFFINITY: TraefikPolicyEmitter = {
  service: route => (route.policies.sessionAffinity ? { sticky: sticky(route.policies.sessionAffinity) } : {}),
};

function sticky(s: SessionAffinityIR): { cookie: StickyCookie } {
  return {
    cookie: { name: s.cookieName, secure: s.secure, httpOnly: s.httpOnly, sameSite: s.sameSite, maxAge: s.ttlSeconds, path: s.path },
  };
}

/**
 * The server scheme: HTTPS and gRPC over TLS → `https` (HTTP/2 is negotiated with ALPN), gRPC
 * and h2c → `h2c`. HTTP and WebSocket need nothing (Traefik proxies upgrades natively).
 */
const BACKEND_PROTOCOL: TraefikPolicyEmitter = {
  service: route => {
    switch (route.policies.backendProtocol?.protocol) {
      case 'HTTPS':
      case 'GRPCS':
        return { scheme: SERVER_SCHEMES.https };
      case 'GRPC':
      case 'H2C':
        return { scheme: SERVER_SCHEMES.h2c };
      default:
        return {};
    }
  },
};

const AUTH: TraefikPolicyEmitter = {
  middlewares: route => (rendersAuth(route.policies.auth) ? { auth: () => authSpec(route.policies.auth!) } : {}),
};

/**
 * Every policy kind of the IR and where it lands on Traefik (both outputs: the Ingress output
 * references the same Middlewares; the matrix refuses what it cannot express, e.g. deny lists).
 */
export const POLICY_EMITTERS: PolicyEmitters<TraefikPolicyEmitter> = {
  rateLimit: RATE_LIMIT,
  timeouts: TIMEOUTS,
  bodySize: BODY_SIZE,
  cors: CORS,
  headers: HEADERS,
  redirect: REDIRECT,
  rewrite: REWRITE,
  ipAccess: IP_ACCESS,
  retries: RETRIES,
  sessionAffinity: SESSION_AFFINITY,
  backendProtocol: BACKEND_PROTOCOL,
  auth: AUTH,
  concurrencyLimit: CONCURRENCY_LIMIT,
};

const EMITTERS: readonly TraefikPolicyEmitter[] = emitters(POLICY_EMITTERS);

/** The Middleware specs of every policy of the route, by role. */
export function policyMiddlewares(route: RouteIR, hsts?: () => HstsIR | undefined): MiddlewareSpecs {
  return Object.assign({}, ...EMITTERS.map(e => e.middlewares?.(route, hsts) ?? {}));
}

/** What the route's policies set on the service entry of a backend without `tls`. */
export function policyServiceSettings(route: RouteIR): Partial<ServiceSettings> {
  return Object.assign({}, ...EMITTERS.map(e => e.service?.(route) ?? {}));
}

/** The spec of the route's own ServersTransport, when its policies need one. */
export function policyServersTransport(route: RouteIR): ServersTransportSpec | undefined {
  const specs = EMITTERS.map(e => e.serversTransport?.(route)).filter((s): s is ServersTransportSpec => s !== undefined);
  return specs.length === 0 ? undefined : Object.assign({}, ...specs);
}
