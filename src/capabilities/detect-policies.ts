import { PolicyFeature } from './areas/policies';
import { PoliciesIR } from '../ir/policies';

export interface UsedPolicyFeature {
  readonly feature: PolicyFeature;
  readonly prop: string;
  /** The construct that declared the policy (a route, or the gateway for defaults). */
  readonly source: string;
}

/** Every policy feature a route's policies use, with the prop and construct that introduced it. */
export function policyFeatures(p: PoliciesIR, defaultsSource?: string): UsedPolicyFeature[] {
  const out: UsedPolicyFeature[] = [];
  const use = (feature: PolicyFeature, prop: string, source: string) => {
    out.push({ feature, prop: source === defaultsSource ? `defaults.${prop}` : prop, source });
  };
  const rl = p.rateLimit;
  if (rl) {
    use(rl.key === 'clientIp' ? 'rateLimitPerClientIp' : rl.key === 'header' ? 'rateLimitPerHeader' : 'rateLimitPerConsumer', 'rateLimit', rl.source);
    if (rl.burst !== undefined) use('rateLimitBurst', 'rateLimit.burst', rl.source);
    if (rl.concurrentConnections !== undefined) use('rateLimitConnections', 'rateLimit.concurrentConnections', rl.source);
    if (rl.exemptCidrs.length > 0) use('rateLimitExemptCidrs', 'rateLimit.exemptCidrs', rl.source);
    if (rl.distributed) use(rl.distributed.kind === 'redis' ? 'rateLimitRedis' : 'rateLimitControllerStore', 'rateLimit.distributed', rl.source);
    if (rl.per === 'hour' || rl.per === 'day') use('rateLimitLongWindow', 'rateLimit.period', rl.source);
    if (rl.distributed?.tls) use('rateLimitRedisTls', 'rateLimit.distributed.tls', rl.source);
    if (rl.distributed?.database !== undefined) use('rateLimitRedisDatabase', 'rateLimit.distributed.database', rl.source);
    if (rl.distributed?.timeoutMs !== undefined) use('rateLimitRedisTimeout', 'rateLimit.distributed.timeout', rl.source);
    if (rl.distributed?.ca !== undefined) use('rateLimitRedisCa', 'rateLimit.distributed.ca', rl.source);
    if (rl.distributed?.clientCertificateSecret !== undefined) use('rateLimitRedisClientCertificate', 'rateLimit.distributed.clientCertificateSecret', rl.source);
  }
  const cl = p.concurrencyLimit;
  if (cl) use(cl.key === 'clientIp' ? 'concurrencyPerClientIp' : cl.key === 'host' ? 'concurrencyPerHost' : 'concurrencyPerRoute', 'concurrencyLimit', cl.source);
  const t = p.timeouts;
  if (t) {
    if (t.connectMs !== undefined) use('timeoutConnect', 'timeouts.connect', t.source);
    if (t.readMs !== undefined) use('timeoutRead', 'timeouts.read', t.source);
    if (t.sendMs !== undefined) use('timeoutSend', 'timeouts.send', t.source);
    // Zero turns a timeout off: its own cell (a controller may have the timeout but not "off").
    if (t.requestMs !== undefined) use(t.requestMs === 0 ? 'timeoutDisabled' : 'timeoutRequest', 'timeouts.request', t.source);
    if (t.backendRequestMs !== undefined) use(t.backendRequestMs === 0 ? 'timeoutDisabled' : 'timeoutBackendRequest', 'timeouts.backendRequest', t.source);
  }
  if (p.bodySize) use('bodySize', 'bodySize', p.bodySize.source);
  if (p.cors) use('cors', 'cors', p.cors.source);
  if (p.cors?.origins.some(o => o.includes('://*.'))) use('corsWildcardOrigin', 'cors.origins', p.cors.source);
  if (p.cors?.origins.some(o => o.includes('://**.'))) use('corsDeepWildcardOrigin', 'cors.origins', p.cors.source);
  if (p.cors?.methods.includes('*')) use('corsAnyMethod', 'cors.methods', p.cors.source);
  if (p.cors?.headers.includes('*')) use('corsAnyHeader', 'cors.headers', p.cors.source);
  if (p.cors?.exposeHeaders.includes('*')) use('corsAnyExposedHeader', 'cors.exposeHeaders', p.cors.source);
  const h = p.headers;
  if (h) {
    for (const [side, ops] of [['request', h.request], ['response', h.response]] as const) {
      if (!ops) continue;
      const f = (op: 'Set' | 'Add' | 'Remove') => `${side}Header${op}` as PolicyFeature;
      if (ops.set.length > 0) use(f('Set'), `headerRules.${side}.set`, h.source);
      if (ops.add.length > 0) use(f('Add'), `headerRules.${side}.add`, h.source);
      if (ops.remove.length > 0) use(f('Remove'), `headerRules.${side}.remove`, h.source);
    }
  }
  const r = p.redirect;
  if (r?.url !== undefined) {use('redirectUrl', 'redirect', r.source);} else if (r) {
    if (r.scheme) use('redirectScheme', 'redirect', r.source);
    if (r.host) use('redirectHost', 'redirect.host', r.source);
    if (r.port !== undefined) use('redirectPort', 'redirect.port', r.source);
    if (r.path?.kind === 'full') use('redirectPath', 'redirect.path', r.source);
    if (r.path?.kind === 'prefix') use('redirectPrefix', 'redirect.replacePrefix', r.source);
    if (!r.scheme && !r.host && r.port === undefined && !r.path) use('redirectStatusOnly', 'redirect.statusCode', r.source);
  }
  const w = p.rewrite;
  if (w) {
    if (w.path?.kind === 'prefix') use('rewritePrefix', 'rewrite', w.source);
    if (w.path?.kind === 'full') use('rewriteFullPath', 'rewrite', w.source);
    if (w.host) use('rewriteHost', 'rewrite', w.source);
  }
  if (p.ipAccess) {
    if (p.ipAccess.allow.length > 0) use('ipAllow', 'ipAccess', p.ipAccess.source);
    if (p.ipAccess.deny.length > 0) use('ipDeny', 'ipAccess', p.ipAccess.source);
  }
  const rt = p.retries;
  if (rt) {
    use('retries', 'retries', rt.source);
    if (rt.statusCodes.length > 0) use('retryStatusCodes', 'retries.statusCodes', rt.source);
    if (rt.perTryTimeoutMs !== undefined) use('retryPerTryTimeout', 'retries.perTryTimeout', rt.source);
    if (rt.backoffMs !== undefined) use('retryBackoff', 'retries.backoff', rt.source);
    if (rt.maxBackoffMs !== undefined) use('retryMaxBackoff', 'retries.maxBackoff', rt.source);
    if (rt.windowMs !== undefined) use('retryWindow', 'retries.window', rt.source);
    if (rt.nonIdempotent) use('retryNonIdempotent', 'retries.nonIdempotent', rt.source);
  }
  if (p.sessionAffinity) use('sessionAffinityCookie', 'sessionAffinity', p.sessionAffinity.source);
  const bp = p.backendProtocol;
  if (bp && bp.protocol !== 'HTTP') {
    const f: Record<string, PolicyFeature> = { HTTPS: 'backendHttps', GRPC: 'backendGrpc', GRPCS: 'backendGrpcs', H2C: 'backendH2c', WEBSOCKET: 'backendWebsocket' };
    use(f[bp.protocol], 'backendProtocol', bp.source);
  }
  const a = p.auth;
  if (a) {
    switch (a.kind) {
      case 'external':
        use('externalAuth', 'auth', a.source);
        if (a.responseHeaders.length > 0) use('externalAuthResponseHeaders', 'auth.responseHeaders', a.source);
        if (a.signinUrl) use('externalAuthSignin', 'auth.signinUrl', a.source);
        if (a.cacheSeconds !== undefined) use('externalAuthCache', 'auth.cache', a.source);
        if (a.requestHeaders !== undefined) use('externalAuthRequestHeaders', 'auth.requestHeaders', a.source);
        if (a.forwardBodyBytes !== undefined) use('externalAuthBody', 'auth.forwardBody', a.source);
        if (a.ca !== undefined) use('externalAuthCa', 'auth.ca', a.source);
        if (a.clientCertificateSecret !== undefined) use('externalAuthClientCertificate', 'auth.clientCertificateSecret', a.source);
        break;
      case 'jwt':
        use('jwtAuth', 'auth', a.source);
        if (a.claimsToHeaders.length > 0) use('jwtClaimsToHeaders', 'auth.claimsToHeaders', a.source);
        break;
      case 'apiKey':
        use('apiKeyAuth', 'auth', a.source);
        if (a.secretName === undefined) use('apiKeyAnyConsumer', 'auth.anyConsumer', a.source);
        if (a.queryParameter !== undefined) use('apiKeyInQuery', 'auth.queryParameter', a.source);
        if (a.removeKey) use('apiKeyRemoved', 'auth.removeKey', a.source);
        break;
      case 'basic':
        use('basicAuth', 'auth', a.source);
        if (a.secretName === undefined) use('basicAuthAnyConsumer', 'auth.anyConsumer', a.source);
        break;
      case 'jwtConsumerKeys':
        use('jwtConsumerKeys', 'auth', a.source);
        break;
      case 'externalProvider':
        use('externalAuthProvider', 'auth', a.source);
        break;
    }
  }
  return out;
}
