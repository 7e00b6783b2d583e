import { ALL_IPV4, ALL_IPV6, EG_GROUP, KIND } from './constants';
import { ENVOY_UNITS } from './features/rate-limit';
import { withClientAddress } from '../../checks/client-address';
import { checkRedirectUrl } from '../../core/validate';
import { ClientAuthIR, DirectResponseIR, TlsVersionIR } from '../../ir/model';
import { EdgeAuthIR, PoliciesIR, RateLimitIR, RateLimitWindow, RedirectIR, RetriesIR, RetryCondition, SessionAffinityIR } from '../../ir/policies';
import { ianaCipherName, OPENSSL_CIPHER_NAMES } from '../common/tls';
import {
  ExtensionReadContext, ExtensionReading, FilterReading, gatewayApiReader, GatewayApiReadExtension, GROUP, ListenerTlsReading, parseGepDuration,
  ReadRouteObject,
} from '../gateway-api/read-extension';
import { ControllerReader, KubeObject } from '../reader';

type Mutable<T> = { -readonly [k in keyof T]: T[k] };

const POLICY_KINDS = new Set<string>([KIND.backendTrafficPolicy, KIND.securityPolicy, KIND.clientTrafficPolicy, KIND.backend, KIND.httpRouteFilter]);
const SERVER_ERROR_CODES = Array.from({ length: 100 }, (_, i) => 500 + i);
const QUANTITY = /^([0-9]+)(Ki|Mi|Gi|Ti)?$/;
const UNITS: Record<string, number> = { '': 1, 'Ki': 1024, 'Mi': 1024 ** 2, 'Gi': 1024 ** 3, 'Ti': 1024 ** 4 };

/**
 * Envoy Gateway's policies read back (the reading side of `envoyGatewayExtension`):
 * BackendTrafficPolicy and SecurityPolicy targeting HTTPRoutes / GRPCRoutes become the routes'
 * policies, ClientTrafficPolicy targeting HTTPS listeners their TLS hosts' minimum version and
 * client certificates; a Backend is the HTTPS address of an external auth service.
 */
export const envoyGatewayReadExtension: GatewayApiReadExtension = {
  // Every Envoy Gateway kind: those the intent does not model are listed as unmapped.
  accepts: (o: KubeObject) => typeof o?.apiVersion === 'string' && o.apiVersion.startsWith(`${EG_GROUP}/`),
  read: (objects, ctx) => read(objects, ctx),
  readFilter: (filter, route, objects) => readRouteFilter(filter, route, objects),
  // Envoy's basic auth has no realm: its 401 names its own, whatever the intent's realm.
  expressed: p => (p.auth?.kind === 'basic' && p.auth.realm !== undefined ? { ...p, auth: { kind: 'basic', source: p.auth.source, secretName: p.auth.secretName } } : p),
};

function read(objects: readonly KubeObject[], ctx: ExtensionReadContext): ExtensionReading {
  const routePolicies = new Map<string, Mutable<PoliciesIR>>();
  const listenerTls = new Map<string, ListenerTlsReading>();
  /** Trusted X-Forwarded-For hops per Gateway (`namespace/name`), from ClientTrafficPolicies. */
  const clientHops = new Map<string, number>();
  const listenerDetections: ListenerDetection[] = [];
  const backends = objects.filter(o => o.kind === KIND.backend);
  const ns = (o: KubeObject) => o.metadata.namespace ?? ctx.defaultNamespace;
  for (const o of objects.filter(x => !POLICY_KINDS.has(x.kind))) {
    ctx.unmapped(o, 'spec', o.kind === 'EnvoyPatchPolicy' || o.kind === 'EnvoyExtensionPolicy'
      ? 'raw Envoy configuration or extensions: the intent never emits them'
      : `an Envoy Gateway ${o.kind} the intent does not model`, o.kind);
  }
  for (const b of backends) {
    ctx.mapped(b, 'spec', 'EdgeAuth.external (url: the HTTPS address of the auth service)', b.spec);
  }
  for (const f of objects.filter(x => x.kind === KIND.httpRouteFilter)) {
    const r = directResponseOf(f);
    if (typeof r === 'string') ctx.unmapped(f, 'spec', r, f.spec);
    else ctx.mapped(f, 'spec.directResponse', answerTo(r), f.spec.directResponse);
  }
  for (const o of objects) {
    if (o.kind === KIND.clientTrafficPolicy) {
      readClientTrafficPolicy(o, ctx, listenerTls, clientHops, listenerDetections);
      continue;
    }
    if (o.kind !== KIND.backendTrafficPolicy && o.kind !== KIND.securityPolicy) continue;
    const spec = o.spec ?? {};
    const targets = targetRoutes(o, ctx);
    const source = ctx.routes.find(r => r.ref === targets[0])?.ref ?? `${o.kind} ${ns(o)}/${o.metadata.name}`;
    const policies = o.kind === KIND.backendTrafficPolicy ? backendTraffic(o, spec, source, ctx) : security(o, spec, source, ctx, backends);
    for (const t of targets) routePolicies.set(t, mergePolicies(routePolicies.get(t) ?? {}, policies));
  }
  // A listener's client address detection is the intent's only when it repeats its Gateway's
  // (the renderer writes it on each per-listener TLS policy, which replaces the Gateway's there).
  for (const d of listenerDetections) {
    if (d.hops !== undefined && d.gateways.every(g => clientHops.get(g) === d.hops)) {
      ctx.mapped(d.object, 'spec.clientIPDetection', `ApiGateway.clientIp (ClientIp.xForwardedFor({ trustedHops: ${d.hops} }), repeated for the listener)`, d.detection);
    } else {
      ctx.unmapped(d.object, 'spec.clientIPDetection', 'client address detection for some listeners only: the intent declares it per Gateway (ApiGateway.clientIp), with numTrustedHops', d.detection);
    }
  }
  // The Gateway's client address applies to the policies of every route attached to it.
  for (const route of ctx.routes) {
    const hops = new Set(route.gateways.map(g => clientHops.get(g) ?? 0));
    const policies = routePolicies.get(route.ref);
    if (hops.size === 1 && policies) routePolicies.set(route.ref, withClientAddress(policies, { trustedHops: [...hops][0] }));
  }
  return { routePolicies, listenerTls };
}

/**
 * The route objects a policy targets (`targetRefs`, or the older `targetRef`). Targets naming rules
 * (`sectionName`) count when together they name every rule of the object: the intent applies a
 * route's policies to all its rules.
 */
function targetRoutes(o: KubeObject, ctx: ExtensionReadContext): string[] {
  const ns = o.metadata.namespace ?? ctx.defaultNamespace;
  const refs: any[] = [...(o.spec?.targetRefs ?? []), ...(o.spec?.targetRef ? [o.spec.targetRef] : [])];
  const out: string[] = [];
  const sectioned = new Map<ReadRouteObject, Array<{ field: string; ref: any }>>();
  refs.forEach((t, i) => {
    const field = o.spec?.targetRef ? 'spec.targetRef' : `spec.targetRefs[${i}]`;
    const route = ctx.routes.find(r => r.kind === t?.kind && r.name === t?.name && r.namespace === ns && (t?.group ?? GROUP) === GROUP);
    if (!route) {
      ctx.unmapped(o, field, t?.kind === 'Gateway'
        ? 'a policy on a whole Gateway: the intent sets policies per route (ApiGateway.defaults applies them to every route of the gateway); repeat it on each route'
        : `the ${t?.kind} '${t?.name}' is not in the input`, t);
      return;
    }
    if (t.sectionName !== undefined) {
      sectioned.set(route, [...sectioned.get(route) ?? [], { field, ref: t }]);
      return;
    }
    out.push(route.ref);
    ctx.mapped(o, field, `the policies of ${route.ref}`, t);
  });
  for (const [route, targets] of sectioned) {
    const rules = ((route.object.spec?.rules ?? []) as any[]).map(r => r?.name);
    const named = new Set(targets.map(x => x.ref.sectionName));
    const whole = out.includes(route.ref) || (rules.every(n => named.has(n)) && [...named].every(n => rules.includes(n)));
    for (const { field, ref } of targets) {
      if (whole) ctx.mapped(o, field, `the policies of ${route.ref} (its rules by name, together all of them)`, ref);
      else ctx.unmapped(o, field, `it targets some rules of ${route.ref} only (or a rule it does not have): the intent applies a route's policies to all its rules; give those rules a route of their own`, ref);
    }
    if (whole && !out.includes(route.ref)) out.push(route.ref);
  }
  if (o.spec?.targetSelectors !== undefined) ctx.unmapped(o, 'spec.targetSelectors', 'policies attached by label selector are not modelled', o.spec.targetSelectors);
  return out;
}

function backendTraffic(o: KubeObject, spec: any, source: string, ctx: ExtensionReadContext): PoliciesIR {
  const out: Mutable<PoliciesIR> = {};
  for (const key of Object.keys(spec).sort()) {
    const v = spec[key];
    const field = `spec.${key}`;
    switch (key) {
      case 'targetRefs': case 'targetRef': case 'targetSelectors': break;
      case 'rateLimit': {
        const rl = rateLimit(v, source);
        if (typeof rl === 'string') {ctx.unmapped(o, field, rl, v);} else { out.rateLimit = rl; ctx.mapped(o, field, `Route.rateLimit (RateLimit.${rl.key === 'header' ? 'perHeader' : 'perClientIp'})`, v); }
        break;
      }
      case 'timeout': {
        const ms = parseGepDuration(v?.tcp?.connectTimeout);
        const extra = Object.keys(v ?? {}).filter(k => k !== 'tcp').concat(Object.keys(v?.tcp ?? {}).filter(k => k !== 'connectTimeout').map(k => `tcp.${k}`));
        extra.forEach(k => ctx.unmapped(o, `${field}.${k}`, 'an Envoy Gateway timeout the intent does not model', k));
        if (ms !== undefined) { out.timeouts = { source, connectMs: ms }; ctx.mapped(o, `${field}.tcp.connectTimeout`, 'Route.timeouts.connect', v.tcp.connectTimeout); }
        break;
      }
      case 'requestBuffer': {
        const m = QUANTITY.exec(String(v?.limit ?? ''));
        if (!m || Object.keys(v).length !== 1) {ctx.unmapped(o, field, 'the intent limits the body size in bytes (a Kubernetes quantity with a binary unit)', v);} else { out.bodySize = { source, maxBytes: Number(m[1]) * UNITS[m[2] ?? ''] }; ctx.mapped(o, field, 'Route.bodySize', v); }
        break;
      }
      case 'retry': {
        const r = retry(v, source);
        if (typeof r === 'string') {ctx.unmapped(o, field, r, v);} else { out.retries = r; ctx.mapped(o, field, 'Route.retries', v); }
        break;
      }
      case 'loadBalancer': {
        const s = sessionAffinity(v, source);
        if (typeof s === 'string') {ctx.unmapped(o, field, s, v);} else { out.sessionAffinity = s; ctx.mapped(o, field, 'Route.sessionAffinity (SessionAffinity.cookie)', v); }
        break;
      }
      case 'circuitBreaker': {
        // features/circuit-breaker.ts: maxParallelRequests alone is ConcurrencyLimit.perRoute().
        const max = v?.maxParallelRequests;
        if (typeof v !== 'object' || v === null || Object.keys(v).length !== 1 || !Number.isInteger(max) || max < 1) {
          ctx.unmapped(o, field, 'the intent models maxParallelRequests alone (at least 1), as ConcurrencyLimit.perRoute(); other thresholds change when requests queue or fail', v);
        } else {
          out.concurrencyLimit = { source, key: 'route', maxRequests: max };
          ctx.mapped(o, field, `Route.concurrencyLimit (ConcurrencyLimit.perRoute: ${max} requests in progress, per Envoy replica and backend)`, v);
        }
        break;
      }
      default:
        ctx.unmapped(o, field, 'a BackendTrafficPolicy field the intent does not model', v);
    }
  }
  return out;
}

function rateLimit(v: any, source: string): RateLimitIR | string {
  const global = v?.global !== undefined;
  const rules: any[] = (global ? v.global?.rules : v?.local?.rules) ?? [];
  if ((v?.local && v?.global) || rules.length === 0) return 'the intent sets one local or global limit per route';
  const extra = Object.keys(v).filter(k => k !== 'local' && k !== 'global' && k !== 'type');
  if (extra.length > 0) return `the rate limit's ${extra.join(', ')} is not modelled`;
  const limit = rules[0].limit;
  if (!rules.every(r => JSON.stringify(r.limit) === JSON.stringify(limit) && (r.shared ?? false) === (rules[0].shared ?? false))) return 'rules with different limits are not one intent limit';
  const per = (Object.keys(ENVOY_UNITS) as RateLimitWindow[]).find(w => ENVOY_UNITS[w] === limit?.unit);
  if (!per) return `the intent counts requests per second, minute, hour or day, not per ${limit?.unit}`;
  const distributed = global ? { distributed: { kind: 'controller' as const } } : {};
  const selectors = rules.map(r => r.clientSelectors ?? []);
  const cidrs = selectors.map(s => (s.length === 1 && s[0].sourceCIDR?.type === 'Distinct' && !s[0].headers ? s[0].sourceCIDR.value : undefined));
  if (rules.length === 2 && cidrs.includes(ALL_IPV4) && cidrs.includes(ALL_IPV6)) {
    return { source, key: 'clientIp', requests: limit.requests, per, exemptCidrs: [], ...distributed };
  }
  const h = selectors[0]?.[0]?.headers;
  if (rules.length === 1 && selectors[0].length === 1 && h?.length === 1 && h[0].type === 'Distinct' && !selectors[0][0].sourceCIDR) {
    return { source, key: 'header', header: String(h[0].name).toLowerCase(), requests: limit.requests, per, exemptCidrs: [], ...distributed };
  }
  return 'the intent limits per client address (every address) or per value of one header';
}

function retry(v: any, source: string): RetriesIR | string {
  const extra = Object.keys(v ?? {}).filter(k => !['numRetries', 'retryOn', 'perRetry'].includes(k));
  if (extra.length > 0) return `the retry's ${extra.join(', ')} is not modelled`;
  const triggers: string[] = v.retryOn?.triggers ?? [];
  const known = ['connect-failure', 'reset', 'retriable-status-codes'];
  const unknown = triggers.filter(t => !known.includes(t));
  if (unknown.length > 0) return `retry triggers ${unknown.join(', ')} have no intent meaning`;
  if (v.perRetry && Object.keys(v.perRetry).some(k => k !== 'timeout' && k !== 'backOff')) return 'only the per-retry timeout and back-off are modelled';
  const backOff = v.perRetry?.backOff;
  if (backOff !== undefined && (typeof backOff !== 'object' || backOff === null || Object.keys(backOff).some(k => k !== 'baseInterval' && k !== 'maxInterval'))) {
    return 'only the back-off\'s baseInterval and maxInterval are modelled';
  }
  const backoffMs = backOff?.baseInterval !== undefined ? parseGepDuration(backOff.baseInterval) : undefined;
  const maxBackoffMs = backOff?.maxInterval !== undefined ? parseGepDuration(backOff.maxInterval) : undefined;
  if (backOff && !backoffMs) return 'a back-off without a base interval longer than zero retries at once after Envoy\'s default 25 ms';
  if (maxBackoffMs !== undefined && maxBackoffMs < backoffMs!) return 'the back-off\'s maxInterval is shorter than its baseInterval';
  let codes: number[] = [...new Set<number>(v.retryOn?.httpStatusCodes ?? [])].sort((a, b) => a - b);
  const conditions: RetryCondition[] = triggers.filter((t): t is RetryCondition => t === 'connect-failure' || t === 'reset');
  if (SERVER_ERROR_CODES.every(c => codes.includes(c))) {
    conditions.push('5xx');
    codes = codes.filter(c => !SERVER_ERROR_CODES.includes(c));
  }
  const perTry = v.perRetry?.timeout !== undefined ? parseGepDuration(v.perRetry.timeout) : undefined;
  return {
    source,
    attempts: v.numRetries ?? 2,
    statusCodes: codes,
    conditions: conditions.sort(),
    ...(perTry !== undefined ? { perTryTimeoutMs: perTry } : {}),
    ...(backoffMs ? { backoffMs } : {}),
    ...(maxBackoffMs ? { maxBackoffMs } : {}),
    // Envoy retries every method alike: a retry on resets or status codes repeats POST and PATCH.
    ...(triggers.some(t => t !== 'connect-failure') ? { nonIdempotent: true } : {}),
  };
}

function sessionAffinity(v: any, source: string): SessionAffinityIR | string {
  const c = v?.consistentHash?.cookie;
  if (v?.type !== 'ConsistentHash' || v.consistentHash?.type !== 'Cookie' || !c?.name) return 'the intent keeps sessions with a cookie (consistent hashing on a cookie)';
  const attributes: Record<string, string> = c.attributes ?? {};
  const unknown = Object.keys(attributes).filter(k => !['Path', 'SameSite', 'Secure'].includes(k));
  if (unknown.length > 0) return `cookie attributes ${unknown.join(', ')} are not modelled`;
  const ttl = c.ttl !== undefined ? parseGepDuration(c.ttl) : 0;
  if (ttl === undefined || ttl % 1000 !== 0) return 'the intent sets a cookie lifetime in whole seconds';
  const sameSite = attributes.SameSite;
  if (sameSite !== undefined && !['Strict', 'Lax', 'None'].includes(sameSite)) return `SameSite=${sameSite} is not a SameSite value`;
  return {
    source,
    cookieName: c.name,
    ...(ttl > 0 ? { ttlSeconds: ttl / 1000 } : {}),
    ...(attributes.Path !== undefined ? { path: attributes.Path } : {}),
    secure: 'Secure' in attributes,
    // Envoy always marks the cookie it generates HttpOnly.
    httpOnly: true,
    ...(sameSite ? { sameSite: sameSite as SessionAffinityIR['sameSite'] } : {}),
  };
}

function security(o: KubeObject, spec: any, source: string, ctx: ExtensionReadContext, backends: readonly KubeObject[]): PoliciesIR {
  const out: Mutable<PoliciesIR> = {};
  const ns = o.metadata.namespace ?? ctx.defaultNamespace;
  for (const key of Object.keys(spec).sort()) {
    const v = spec[key];
    const field = `spec.${key}`;
    let auth: EdgeAuthIR | string | undefined;
    switch (key) {
      case 'targetRefs': case 'targetRef': case 'targetSelectors': continue;
      case 'extAuth': auth = extAuth(v, ns, source, backends); break;
      case 'jwt': {
        const p = v?.providers ?? [];
        const extra = p[0] ? Object.keys(p[0]).filter(k => !['name', 'issuer', 'audiences', 'remoteJWKS', 'claimToHeaders'].includes(k)) : [];
        auth = p.length !== 1 || !p[0].issuer || !p[0].remoteJWKS?.uri || extra.length > 0 || Object.keys(v).length !== 1
          ? 'the intent validates tokens of one issuer from a remote JWKS (no other provider settings)'
          : {
            kind: 'jwt',
            source,
            issuer: p[0].issuer,
            jwksUri: p[0].remoteJWKS.uri,
            audiences: [...(p[0].audiences ?? [])].sort(),
            claimsToHeaders: ((p[0].claimToHeaders ?? []) as any[])
              .map(c => ({ claim: c.claim, header: c.header }))
              .sort((a, b) => (a.header < b.header ? -1 : 1)),
          };
        break;
      }
      case 'apiKeyAuth':
        auth = apiKeyAuth(v, source);
        break;
      case 'basicAuth':
        auth = v?.users?.name && Object.keys(v).length === 1 ? { kind: 'basic', source, secretName: v.users.name } : 'the intent checks users of one htpasswd Secret';
        break;
      case 'authorization': {
        const ip = ipAccess(v, source);
        if (typeof ip === 'string') {ctx.unmapped(o, field, ip, v);} else if (ip) { out.ipAccess = ip; ctx.mapped(o, field, `Route.ipAccess (IpAccess.${ip.allow.length > 0 ? 'allow' : 'deny'})`, v); }
        continue;
      }
      default:
        ctx.unmapped(o, field, 'a SecurityPolicy field the intent does not model', v);
        continue;
    }
    if (typeof auth === 'string') {ctx.unmapped(o, field, auth, v);} else if (auth) { out.auth = auth; ctx.mapped(o, field, `Route.auth (EdgeAuth.${auth.kind})`, v); }
  }
  return out;
}

/** One Secret; the key from one header, then (or only) one query parameter; `sanitize`. */
function apiKeyAuth(v: any, source: string): EdgeAuthIR | string {
  const refs = v?.credentialRefs ?? [];
  const from: any[] = Array.isArray(v?.extractFrom) ? v.extractFrom : [];
  const one = (e: any, key: string) => (Object.keys(e ?? {}).length === 1 && Array.isArray(e[key]) && e[key].length === 1
    ? String(e[key][0]) : undefined);
  const header = from[0] && one(from[0], 'headers');
  const query = one(from[header !== undefined ? 1 : 0], 'params');
  const used = (header !== undefined ? 1 : 0) + (query !== undefined ? 1 : 0);
  const extra = Object.keys(v ?? {}).filter(k => !['credentialRefs', 'extractFrom', 'sanitize'].includes(k));
  if (refs.length !== 1 || used === 0 || used !== from.length || extra.length > 0 || (v.sanitize !== undefined && typeof v.sanitize !== 'boolean')) {
    return 'the intent reads one API key from a header and / or a query parameter (in that order), checked against one Secret';
  }
  return { kind: 'apiKey', source, secretName: refs[0].name, header: header?.toLowerCase(), queryParameter: query, removeKey: v.sanitize === true || undefined };
}

function extAuth(v: any, ns: string, source: string, backends: readonly KubeObject[]): EdgeAuthIR | string {
  const http = v?.http;
  const extra = Object.keys(v ?? {}).filter(k => !['http', 'headersToExtAuth', 'bodyToExtAuth'].includes(k));
  if (!http || extra.length > 0) return 'the intent calls an HTTP auth service (no gRPC, no other settings)';
  // Envoy always sends Authorization to an HTTP auth service, listed or not.
  const requestHeaders = v.headersToExtAuth === undefined ? undefined
    : [...new Set(['authorization', ...(v.headersToExtAuth as unknown[]).map(h => String(h).toLowerCase())])].sort();
  const body = v.bodyToExtAuth?.maxRequestBytes;
  if (v.bodyToExtAuth !== undefined && (typeof body !== 'number' || Object.keys(v.bodyToExtAuth).length !== 1)) return 'the intent sends the body up to a size (bodyToExtAuth.maxRequestBytes only)';
  const unknown = Object.keys(http).filter(k => !['backendRefs', 'pathOverride', 'headersToBackend'].includes(k));
  if (unknown.length > 0) return `the auth call's ${unknown.join(', ')} is not modelled`;
  const refs = http.backendRefs ?? [];
  if (refs.length !== 1) return 'the intent calls one auth service';
  const ref = refs[0];
  const path = http.pathOverride ?? '/';
  let url: string;
  let tlsExtras: { ca?: { kind: 'Secret' | 'ConfigMap'; name: string }; clientCertificateSecret?: string } = {};
  if ((ref.group ?? '') === '' && (ref.kind ?? 'Service') === 'Service') {
    url = `http://${ref.name}.${ref.namespace ?? ns}.svc.cluster.local:${ref.port ?? 80}${path}`;
  } else if (ref.group === EG_GROUP && ref.kind === KIND.backend) {
    const b = backends.find(x => x.metadata.name === ref.name && (x.metadata.namespace ?? ns) === (ref.namespace ?? ns));
    const fqdn = b?.spec?.endpoints?.[0]?.fqdn;
    const tls = b?.spec?.tls ?? {};
    const cas: any[] = tls.caCertificateRefs ?? [];
    const verified = tls.wellKnownCACertificates === 'System' ? cas.length === 0 : cas.length === 1 && ['Secret', 'ConfigMap'].includes(cas[0].kind) && (cas[0].group ?? '') === '';
    const cert = tls.clientCertificateRef;
    if (!fqdn || !verified || (cert !== undefined && (cert.kind ?? 'Secret') !== 'Secret')) return 'the intent calls an HTTPS auth service verified against the system CAs or one CA';
    url = `https://${fqdn.hostname}${fqdn.port && fqdn.port !== 443 ? `:${fqdn.port}` : ''}${path}`;
    tlsExtras = {
      ca: cas.length === 1 ? { kind: cas[0].kind, name: cas[0].name } : undefined,
      clientCertificateSecret: cert?.name,
    };
  } else {
    return `an auth backend of kind '${ref.kind}' is not modelled`;
  }
  return {
    kind: 'external',
    source,
    url,
    responseHeaders: [...(http.headersToBackend ?? [])].sort(),
    requestHeaders,
    forwardBodyBytes: body,
    ...tlsExtras,
  };
}

function ipAccess(v: any, source: string): PoliciesIR['ipAccess'] | string {
  const rules: any[] = v?.rules ?? [];
  const cidrs = rules.length === 1 && Object.keys(rules[0].principal ?? {}).length === 1 ? rules[0].principal.clientCIDRs : undefined;
  if (!cidrs || Object.keys(v).some(k => k !== 'defaultAction' && k !== 'rules') || Object.keys(rules[0]).some(k => k !== 'action' && k !== 'principal')) {
    return 'the intent filters by client address only (one allow or deny list)';
  }
  const sorted = [...cidrs].sort();
  if (v.defaultAction === 'Deny' && rules[0].action === 'Allow') return { source, allow: sorted, deny: [] };
  if ((v.defaultAction ?? 'Deny') === 'Allow' && rules[0].action === 'Deny') return { source, allow: [], deny: sorted };
  return 'the intent filters by client address with an allow list (others denied) or a deny list (others allowed)';
}

/** A per-listener ClientTrafficPolicy's clientIPDetection, decided once every policy is read. */
interface ListenerDetection {
  readonly object: KubeObject;
  readonly detection: unknown;
  /** Its numTrustedHops, when that is all it sets. */
  readonly hops?: number;
  /** `namespace/name` of the Gateways it targets. */
  readonly gateways: readonly string[];
}

function readClientTrafficPolicy(
  o: KubeObject, ctx: ExtensionReadContext, out: Map<string, ListenerTlsReading>,
  clientHops: Map<string, number>, listenerDetections: ListenerDetection[],
): void {
  const ns = o.metadata.namespace ?? ctx.defaultNamespace;
  const spec = o.spec ?? {};
  for (const key of Object.keys(spec).sort()) {
    if (key !== 'targetRefs' && key !== 'tls' && key !== 'clientIPDetection') ctx.unmapped(o, `spec.${key}`, 'a ClientTrafficPolicy field the intent does not model', spec[key]);
  }
  const detection = spec.clientIPDetection;
  const hops = detection?.xForwardedFor?.numTrustedHops;
  const validHops = typeof hops === 'number' && Number.isInteger(hops) && hops >= 1
    && Object.keys(detection).length === 1 && Object.keys(detection.xForwardedFor).length === 1;
  if (spec.tls !== undefined && detection !== undefined) {
    const gateways = ((spec.targetRefs ?? []) as any[]).map(t => `${ns}/${t?.name}`);
    listenerDetections.push({ object: o, detection, hops: validHops ? hops : undefined, gateways });
  } else if (detection !== undefined) {
    if (validHops) ctx.mapped(o, 'spec.clientIPDetection', `ApiGateway.clientIp (ClientIp.xForwardedFor({ trustedHops: ${hops} }))`, detection);
    else ctx.unmapped(o, 'spec.clientIPDetection', 'only X-Forwarded-For with numTrustedHops is modelled (trustedCIDRs, custom headers and appending are not)', detection);
  }
  if (spec.tls === undefined) {
    // A Gateway-wide policy for the client address only.
    ((spec.targetRefs ?? []) as any[]).forEach((t, i) => {
      if (t?.kind === 'Gateway' && !t.sectionName && validHops) {
        clientHops.set(`${ns}/${t.name}`, hops);
        ctx.mapped(o, `spec.targetRefs[${i}]`, 'ApiGateway.clientIp (the Gateway)', t);
      } else {
        ctx.unmapped(o, `spec.targetRefs[${i}]`, 'the intent sets the client address per Gateway (no sectionName)', t);
      }
    });
    return;
  }
  const tls = spec.tls ?? {};
  const reading: Mutable<ListenerTlsReading> = {};
  for (const key of Object.keys(tls).sort()) {
    const v = tls[key];
    if (key === 'minVersion' && (v === '1.2' || v === '1.3')) {
      reading.minTlsVersion = v as TlsVersionIR;
      ctx.mapped(o, 'spec.tls.minVersion', 'TlsHost.minTlsVersion', v);
    } else if (key === 'clientValidation' && (v?.caCertificateRefs ?? []).length >= 1 && Object.keys(v).every(k => k === 'caCertificateRefs' || k === 'mode')) {
      const [first, ...more] = (v.caCertificateRefs as any[]).map(ca => ({ kind: ca.kind === 'ConfigMap' ? 'ConfigMap' as const : 'Secret' as const, name: ca.name }));
      const required = (v.mode ?? 'RequireAndVerify') === 'RequireAndVerify';
      const auth: ClientAuthIR = more.length > 0 ? { required, ca: first, additionalCas: more } : { required, ca: first };
      reading.clientAuth = auth;
      ctx.mapped(o, 'spec.tls.clientValidation', `TlsHost.clientAuth (ClientAuth.${auth.required ? 'required' : 'optional'})`, v);
    } else if (key === 'ciphers' && Array.isArray(v) && v.length > 0 && v.every(c => typeof c === 'string' && cipherIana(c) !== undefined)) {
      reading.cipherSuites = v.map(c => cipherIana(c)!);
      ctx.mapped(o, 'spec.tls.ciphers', 'TlsHost.cipherSuites', v);
    } else if (key === 'session' && Object.keys(v ?? {}).length === 1 && Object.keys(v.resumption ?? {}).length === 1
      && typeof v.resumption.stateless === 'object' && v.resumption.stateless !== null && Object.keys(v.resumption.stateless).length === 0) {
      reading.sessionTickets = true;
      ctx.mapped(o, 'spec.tls.session', 'TlsHost.sessionTickets: true', v);
    } else if (key === 'session') {
      ctx.unmapped(o, 'spec.tls.session', 'TlsHost.sessionTickets models stateless (ticket) resumption alone; stateful (session id) resumption is not modelled', v);
    } else if (key === 'ciphers') {
      ctx.unmapped(o, 'spec.tls.ciphers', 'TlsHost.cipherSuites models the TLS 1.2 suites of TlsCipherSuite, one name each (no [a|b] preference groups)', v);
    } else {
      ctx.unmapped(o, `spec.tls.${key}`, 'a TLS setting the intent does not model', v);
    }
  }
  ((spec.targetRefs ?? []) as any[]).forEach((t, i) => {
    if (t?.kind !== 'Gateway' || !t.sectionName) {
      ctx.unmapped(o, `spec.targetRefs[${i}]`, 'the intent sets TLS parameters per HTTPS listener (a Gateway and its sectionName)', t);
      return;
    }
    out.set(`${ns}/${t.name}#${t.sectionName}`, reading);
    ctx.mapped(o, `spec.targetRefs[${i}]`, 'TlsHost (the listener of its hostname)', t);
  });
}

/** A ClientTrafficPolicy cipher name (BoringSSL, or the IANA alias the CRD also accepts) as its IANA name. */
function cipherIana(name: string): string | undefined {
  return OPENSSL_CIPHER_NAMES[name] !== undefined ? name : ianaCipherName(name);
}

/** Policies of two objects on one route (timeouts merge field by field). */
function mergePolicies(a: PoliciesIR, b: PoliciesIR): Mutable<PoliciesIR> {
  const out: Mutable<PoliciesIR> = { ...a, ...b };
  if (a.timeouts && b.timeouts) out.timeouts = { ...a.timeouts, ...b.timeouts };
  return out;
}

/** The envoy-gateway column. */
export const ENVOY_GATEWAY_READER: ControllerReader = {
  ...gatewayApiReader('envoy-gateway', envoyGatewayReadExtension, { coreBackendPolicies: false }),
  gatewayClass: { controllerNamePrefix: 'gateway.envoyproxy.io/', defaultClassName: 'eg' },
};

/** An HTTPRouteFilter referenced by a rule: the direct response it answers with. */
function readRouteFilter(
  ref: { readonly group?: string; readonly kind?: string; readonly name?: string }, route: ReadRouteObject, objects: readonly KubeObject[],
): FilterReading | undefined {
  if (ref.group !== EG_GROUP || ref.kind !== KIND.httpRouteFilter) return undefined;
  const o = objects.find(x => x.kind === KIND.httpRouteFilter && x.metadata?.name === ref.name
    && (x.metadata.namespace ?? route.namespace) === route.namespace);
  if (!o) return { reason: `the HTTPRouteFilter '${ref.name}' is not among the objects read` };
  const r = directResponseOf(o);
  if (typeof r === 'string') return { reason: r };
  if ('url' in r) return { policies: { redirect: { source: route.ref, url: r.url, statusCode: r.statusCode } }, to: answerTo(r) };
  return { policies: {}, to: answerTo(r), directResponse: r };
}

/** A fixed-URL redirect read from a direct response (`Redirect.toUrl`). */
interface UrlRedirectReading { readonly url: string; readonly statusCode: RedirectIR['statusCode'] }

function answerTo(r: DirectResponseIR | UrlRedirectReading): string {
  return 'url' in r ? `Route.redirect (Redirect.toUrl, status ${r.statusCode})` : 'Route.respond (DirectResponse.fixed)';
}

const REDIRECT_CODES: ReadonlyArray<number> = [301, 302, 303, 307, 308];

/**
 * A direct response with a redirect status and only `header.set: [Location]`: the fixed-URL
 * redirect the renderer writes (Envoy's own Location replaced by exactly the URL).
 */
function urlRedirectOf(d: any): UrlRedirectReading | string {
  const h = d.header;
  const set = Array.isArray(h?.set) ? h.set as any[] : [];
  if (Object.keys(d).some(k => k !== 'statusCode' && k !== 'header') || Object.keys(h ?? {}).some(k => k !== 'set')
    || set.length !== 1 || typeof set[0]?.name !== 'string' || set[0].name.toLowerCase() !== 'location') {
    return 'a direct response with response headers: the intent sets status, body and content type only, or a redirect status with the Location header alone (Redirect.toUrl)';
  }
  if (!REDIRECT_CODES.includes(d.statusCode)) return `a Location header with status ${d.statusCode ?? 200}: the intent redirects to a fixed URL with ${REDIRECT_CODES.join(', ')}`;
  const url = set[0].value;
  const problem = checkRedirectUrl(url) ?? (url.includes('%') ? 'contains \'%\' (an Envoy command operator)' : undefined);
  if (problem) return `a Location the intent cannot redirect to exactly (Redirect.toUrl): ${problem}`;
  return { url, statusCode: d.statusCode };
}

/** An HTTPRouteFilter's direct response as the intent says it, or why it cannot move. */
function directResponseOf(o: KubeObject): DirectResponseIR | UrlRedirectReading | string {
  const spec = o.spec ?? {};
  const d = spec.directResponse;
  if (Object.keys(spec).some(k => k !== 'directResponse') || d === undefined) {
    return 'the intent renders an HTTPRouteFilter only for a direct response (DirectResponse.fixed, or Redirect.toUrl)';
  }
  if (d.header !== undefined) return urlRedirectOf(d);
  if (Object.keys(d).some(k => !['statusCode', 'body', 'contentType'].includes(k))) return 'a direct response with response headers: the intent sets status, body and content type only';
  const statusCode = d.statusCode ?? 200;
  if (!Number.isInteger(statusCode) || statusCode < 200 || statusCode > 599 || (statusCode >= 300 && statusCode < 400)) {
    return `the intent answers directly with 200-299 or 400-599, not ${statusCode}`;
  }
  if (d.body === undefined) return d.contentType === undefined ? { statusCode } : 'a content type without a body';
  const b = d.body;
  if ((b.type ?? 'Inline') !== 'Inline' || typeof b.inline !== 'string' || b.inline.length === 0) return 'the intent writes the body inline (a ConfigMap body is not read)';
  if (typeof d.contentType !== 'string') return 'a body without contentType: the intent always states the body\'s content type';
  if (b.inline.includes('%')) return 'a body with \'%\' (an Envoy command operator): the intent sends the body as written';
  return { statusCode, body: b.inline, contentType: d.contentType };
}
