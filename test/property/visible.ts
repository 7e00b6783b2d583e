import { CaseSpec, RAW_ANNOTATIONS } from './intent';
import { ApiGateway, CanarySplit, Route, TlsHost } from '../../src';
import { PolicyFeature } from '../../src/capabilities/areas/policies';
import { policyFeatures } from '../../src/capabilities/detect-policies';
import { ControllerName } from '../../src/capabilities/features';
import { CAPABILITIES } from '../../src/capabilities/matrix';
import { isSupported } from '../../src/capabilities/support';
import { PoliciesIR } from '../../src/ir/policies';

/**
 * "Every declared setting is visible in the output": for each supported (non-native) feature a
 * case declares, a value that identifies the setting must appear somewhere in the synthesized
 * objects. The generator draws these values from ranges nothing else uses (rates 101-999, seconds
 * 11-59, names with a marker), so finding one is evidence the setting was rendered, not dropped.
 *
 * A requirement is a list of alternatives (any one suffices): a string (searched
 * case-insensitively) or a number (searched as a whole number).
 */
type Needle = string | number | RegExp | ((hay: string) => boolean);

const seconds = (ms: number): Needle[] => [`${ms / 1000}s`, ms / 1000, ms, `${ms}ms`, ...(ms % 60_000 === 0 ? [`${ms / 60_000}m`] : [])];

function policyNeedles(feature: PolicyFeature, p: PoliciesIR): Needle[][] {
  const rl = p.rateLimit;
  const t = p.timeouts;
  const r = p.redirect;
  const w = p.rewrite;
  const a = p.auth;
  const perMinute = (n: number) => [n, Math.round(n / 60), `${n}/m`, `${n}r/m`];
  switch (feature) {
    case 'rateLimitPerClientIp':
    case 'rateLimitPerConsumer':
      return [rl!.per === 'minute' ? perMinute(rl!.requests) : [rl!.requests]];
    case 'rateLimitPerHeader':
      return [rl!.per === 'minute' ? perMinute(rl!.requests) : [rl!.requests], [rl!.header!]];
    case 'rateLimitBurst':
      return [[rl!.burst!, rl!.burst! / rl!.requests, rl!.burst! - rl!.requests]];
    case 'rateLimitConnections':
      return [[rl!.concurrentConnections!]];
    case 'rateLimitExemptCidrs':
      return rl!.exemptCidrs.map(c => [c, c.replace(/\/(32|128)$/, '')]);
    case 'rateLimitRedis':
      return [[rl!.distributed!.endpoint!.split(':')[0]]];
    case 'rateLimitControllerStore':
      return [[/global/i]];
    case 'rateLimitLongWindow':
      return [[rl!.per === 'hour' ? /\b(1h|hour)\b/i : /\b(24h|day)\b/i]];
    case 'timeoutConnect': return [seconds(t!.connectMs!)];
    case 'timeoutRead': return [seconds(t!.readMs!)];
    case 'timeoutSend': return [seconds(t!.sendMs!)];
    case 'timeoutRequest': return [seconds(t!.requestMs!)];
    case 'timeoutBackendRequest': return [seconds(t!.backendRequestMs!)];
    case 'bodySize': {
      const b = p.bodySize!.maxBytes;
      return [[b, b / 1024, b / 1024 ** 2, `${b / 1024}k`, `${b / 1024 ** 2}m`, `${b / 1024 ** 3}g`, `${b / 1024}Ki`, `${b / 1024 ** 2}Mi`, `${b / 1024 ** 3}Gi`]];
    }
    case 'cors':
      return p.cors!.origins.map(o => [o, o.replace(/^https?:\/\/\*\./, '')]);
    case 'requestHeaderSet': return p.headers!.request!.set.map(h => [h.name]);
    case 'requestHeaderAdd': return p.headers!.request!.add.map(h => [h.name]);
    case 'requestHeaderRemove': return p.headers!.request!.remove.map(h => [h]);
    case 'responseHeaderSet': return p.headers!.response!.set.map(h => [h.name]);
    case 'responseHeaderAdd': return p.headers!.response!.add.map(h => [h.name]);
    case 'responseHeaderRemove': return p.headers!.response!.remove.map(h => [h]);
    case 'redirectScheme': return [[r!.scheme!, /ssl-redirect/]];
    case 'redirectHost': return [[r!.host!]];
    case 'redirectPort': return [[r!.port!]];
    case 'redirectPath':
    case 'redirectPrefix':
      return [[r!.path!.value]];
    case 'rewritePrefix':
    case 'rewriteFullPath':
      return [[w!.path!.value]];
    case 'rewriteHost': return [[w!.host!]];
    case 'ipAllow': return p.ipAccess!.allow.map(c => [c, c.replace(/\/(32|128)$/, '')]);
    case 'ipDeny': return p.ipAccess!.deny.map(c => [c, c.replace(/\/(32|128)$/, '')]);
    case 'retries': return [[p.retries!.attempts, p.retries!.attempts + 1]];
    // A status inside a declared class is covered by a range (Traefik `500-599`, Envoy's expansion).
    case 'retryStatusCodes': return p.retries!.statusCodes.map(c => [c, `${Math.floor(c / 100)}xx`, inRange(c)]);
    case 'retryPerTryTimeout': return [seconds(p.retries!.perTryTimeoutMs!)];
    case 'sessionAffinityCookie': return [[p.sessionAffinity!.cookieName]];
    case 'backendHttps': return [[/https/i]];
    case 'backendGrpc': return [[/grpc/i, /scheme":"h2c/]];
    case 'backendGrpcs': return [[/grpc/i, /scheme":"https/]];
    case 'backendH2c': return [[/h2c/i]];
    case 'backendWebsocket': return [];
    case 'externalAuth': {
      if (a!.kind !== 'external') return [];
      const url = new URL(a!.url);
      // In-cluster URLs may become a Service reference (name, namespace, path).
      return [[a!.url, url.hostname, ...(url.hostname.includes('.svc') ? [url.hostname.split('.')[0]] : [])]];
    }
    case 'externalAuthResponseHeaders': return a!.kind === 'external' ? a!.responseHeaders.map(h => [h]) : [];
    case 'externalAuthSignin': return a!.kind === 'external' ? [[a!.signinUrl!]] : [];
    case 'externalAuthCache': return a!.kind === 'external' ? [seconds(a!.cacheSeconds! * 1000)] : [];
    case 'jwtAuth': return a!.kind === 'jwt' ? [[a!.issuer], [a!.jwksUri]] : [];
    case 'jwtClaimsToHeaders': return a!.kind === 'jwt' ? a!.claimsToHeaders.map(c => [c.header]) : [];
    case 'apiKeyAuth': return a!.kind === 'apiKey' ? [[a!.secretName]] : [];
    case 'basicAuth': return a!.kind === 'basic' ? [[a!.secretName]] : [];
  }
}

/** A status range `from-to` (Traefik) that contains `code`. */
function inRange(code: number): (hay: string) => boolean {
  return hay => [...hay.matchAll(/"(\d{3})-(\d{3})"/g)].some(m => Number(m[1]) <= code && code <= Number(m[2]));
}

function found(hay: string, needle: Needle): boolean {
  if (typeof needle === 'function') return needle(hay);
  if (typeof needle === 'number') return new RegExp(`(^|[^0-9.])${needle}([^0-9]|$)`).test(hay);
  if (needle instanceof RegExp) return needle.test(hay);
  return hay.includes(needle.toLowerCase());
}

/** Settings a successful synth declared but that appear nowhere in its objects. */
export function invisibleSettings(controller: ControllerName, spec: CaseSpec, gateway: ApiGateway, objects: any[]): string[] {
  // Lowercase, and without JSON / regex escapes, so `https://[a-z0-9-]+\\.example\\.com` still shows example.com.
  const hay = JSON.stringify(objects).toLowerCase().replace(/\\/g, '');
  const out: string[] = [];
  const require = (what: string, alternatives: Needle[]) => {
    if (alternatives.length > 0 && !alternatives.some(n => found(hay, n))) {
      out.push(`${what} is declared but none of ${alternatives.map(n => (typeof n === 'string' ? JSON.stringify(n) : typeof n === 'function' ? 'a range containing it' : String(n))).join(', ')} appears in the output`);
    }
  };
  for (const c of gateway.node.findAll()) {
    if (c instanceof Route) {
      const ir = c._ir;
      for (const h of ir.hosts) require(`[${ir.source}] host`, [h, h.replace(/^\*\./, '')]);
      for (const b of ir.backends) {
        require(`[${ir.source}] backend`, [b.service]);
        if (b.tls) require(`[${ir.source}] backend tls`, [b.tls.hostname]);
      }
      // Matches (path, headers, query parameters, method) are checked at their place, from the case: placed.ts.
      const r = spec.routes[Number(c.node.id.slice(1))];
      if (r?.raw) for (const key of Object.keys(RAW_ANNOTATIONS[controller] ?? {})) require(`[${ir.source}] rawAnnotations`, [key]);
      for (const u of policyFeatures(ir.policies, gateway.node.path)) {
        const cell = CAPABILITIES[controller][u.feature];
        if (!isSupported(cell, spec.experimental) || (cell.supported && cell.native)) continue;
        // gRPC to a re-encrypted backend is gRPC over TLS: `https` (HTTP/2 through ALPN) is right.
        const tlsGrpc: Needle[] = u.feature === 'backendGrpc' && ir.backends.some(x => x.tls) ? [/scheme":"https/] : [];
        for (const alternatives of policyNeedles(u.feature, ir.policies)) require(`[${u.source}] ${u.prop} (${u.feature})`, [...alternatives, ...tlsGrpc]);
      }
    } else if (c instanceof TlsHost) {
      const t = c._ir;
      require(`[${c.node.path}] ${t.mode === 'Terminate' ? 'certificate' : 'passthrough backend'}`, [t.mode === 'Terminate' ? t.secretName : t.backend.service]);
      const cell = (f: 'hsts' | 'clientCertificateAuth') => isSupported(CAPABILITIES[controller][f], spec.experimental);
      if (t.mode === 'Terminate' && t.hsts && cell('hsts')) require(`[${c.node.path}] hsts`, [`max-age=${t.hsts.maxAgeSeconds}`, t.hsts.maxAgeSeconds]);
      if (t.mode === 'Terminate' && t.clientAuth && cell('clientCertificateAuth')) require(`[${c.node.path}] clientAuth`, ['client-ca']);
    } else if (c instanceof CanarySplit) {
      const ir = c._ir;
      require(`[${ir.source}] canary backend`, [ir.canary.service]);
      if (ir.mirror) require(`[${ir.source}] mirror backend`, [ir.mirror.backend.service]);
      const t = ir.traffic;
      if (t.kind === 'header' || t.kind === 'header-present' || t.kind === 'cookie') require(`[${ir.source}] canary traffic`, [t.name]);
    }
  }
  return out;
}
