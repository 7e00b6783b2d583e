import { hostPatternCovers, tlsNameServes } from '../core/hosts';
import { dollarLookalike } from '../core/validate';
import { WARNING_IDS, WarningSpec } from '../core/warnings';
import { BackendIR, GatewayIR, RouteIR } from '../ir/model';
import { PoliciesIR } from '../ir/policies';

/**
 * Controller-neutral warnings: settings that are valid but risky or surprising. Pure functions
 * over the IR; each warning id is documented in the README's warnings table.
 */


/**
 * Warnings about the policies declared at `source` (a route, or the gateway for its defaults):
 * policies inherited from elsewhere are reported where they were declared.
 */
export function policyWarnings(policies: PoliciesIR, source: string, prefix: '' | 'defaults.' = '', clientIpDeclared = false): WarningSpec[] {
  const out: WarningSpec[] = [];
  const rl = policies.rateLimit;
  if (rl && rl.source === source) {
    const prop = `${prefix}rateLimit`;
    if (!rl.distributed) {
      out.push({
        id: WARNING_IDS.rateLimitPerReplica,
        message: `${prop}: ${rl.requests} requests per ${rl.per} is counted by each proxy replica, so N replicas allow N x ${rl.requests}; `
          + 'set distributed (DistributedRateLimit.redis() or controllerStore()) for one shared count, or size the limit per replica',
      });
    }
    const store = rl.distributed;
    if (store?.kind === 'redis' && store.secretName !== undefined && !store.tls) {
      out.push({
        id: WARNING_IDS.redisPlaintextCredentials,
        message: `${prop}.distributed: the Redis credentials from Secret '${store.secretName}' are sent to ${store.endpoint} over plain TCP, `
          + 'readable by anyone on the network path; set tls: true on DistributedRateLimit.redis() (a Redis serving TLS), or acknowledge this warning',
      });
    }
    if (!clientIpDeclared && (rl.key === 'clientIp' || rl.exemptCidrs.length > 0)) {
      out.push(clientIp(`${prop}${rl.key === 'clientIp' ? '' : '.exemptCidrs'}`));
    }
  }
  const ip = policies.ipAccess;
  if (ip && ip.source === source && !clientIpDeclared) out.push(clientIp(`${prefix}ipAccess`));
  const cl = policies.concurrencyLimit;
  if (cl?.key === 'clientIp' && cl.source === source && !clientIpDeclared) out.push(clientIp(`${prefix}concurrencyLimit`));
  const rt = policies.retries;
  if (rt && rt.source === source && rt.nonIdempotent) {
    out.push({
      id: WARNING_IDS.retryNonIdempotent,
      message: `${prefix}retries.nonIdempotent: POST, PATCH and other non-idempotent requests are sent again after the backend may have processed them `
        + '(a reset, a retried status code), so an order or a payment can happen twice; make the backend deduplicate (idempotency keys), or acknowledge this warning',
    });
  }
  const a = policies.auth;
  if (a?.kind === 'external' && a.source === source && a.forwardBodyBytes !== undefined) {
    out.push({
      id: WARNING_IDS.externalAuthBody,
      message: `${prefix}auth.forwardBody: every request body (up to ${a.forwardBodyBytes} bytes) is buffered by the proxy and sent to the auth service ${a.url} as well as to the backend, `
        + 'so passwords, tokens or personal data in bodies reach a second service, and larger requests are refused; forward only what the auth service must see, or acknowledge this warning',
    });
  }
  return out;
}

function clientIp(prop: string): WarningSpec {
  return {
    id: WARNING_IDS.clientIpBehindProxy,
    message: `${prop}: reads the client IP address; behind a load balancer or another proxy that is the proxy's address (one "client" for everyone) `
      + 'unless the controller takes the address from the PROXY protocol or from X-Forwarded-For set by trusted hops; declare it with the gateway\'s clientIp '
      + '(ClientIp.xForwardedFor({ trustedHops }) or ClientIp.tcpPeer()), or configure the controller, then acknowledge this warning',
  };
}

/** `literal-path-dollar`: '$1' or a trailing '$' in a route's literal paths (match, redirect, rewrite). */
export function literalDollarWarnings(route: RouteIR): WarningSpec[] {
  const paths: Array<[string, string]> = [];
  route.matches.forEach((m, i) => {
    if (m.path.kind !== 'RegularExpression') paths.push([route.matches.length > 1 ? `matches[${i}].path` : 'match.path', m.path.value]);
  });
  const r = route.policies.redirect?.path;
  if (r && route.policies.redirect!.source === route.source) paths.push(['redirect', r.value]);
  const w = route.policies.rewrite?.path;
  if (w && route.policies.rewrite!.source === route.source) paths.push(['rewrite', w.value]);
  return paths.flatMap(([prop, value]) => {
    const hint = dollarLookalike(value);
    return hint ? [{ id: WARNING_IDS.literalDollar, message: `${prop}: ${hint}` }] : [];
  });
}

/**
 * A route that only redirects to HTTPS (`Redirect.toHttps()`) for hosts no TlsHost of its gateway
 * terminates or passes through: the redirected clients reach no certificate of ours.
 */
export function httpsRedirectWarnings(route: RouteIR, gateway: GatewayIR): WarningSpec[] {
  const r = route.policies.redirect;
  if (!r || r.scheme !== 'https' || r.host !== undefined || r.port !== undefined || r.path !== undefined) return [];
  const tlsNames = [...gateway.tlsHosts.flatMap(t => t.hosts), ...gateway.passthroughHosts.flatMap(p => p.hosts)];
  const covered = (host: string) => tlsNames.some(n => hostPatternCovers(n, host) || tlsNameServes(n, host));
  if (route.hosts.length === 0) {
    return tlsNames.length > 0 ? [] : [{
      id: WARNING_IDS.httpsRedirectWithoutTls,
      message: 'redirect: redirects every host to HTTPS, but no TlsHost of this gateway terminates TLS; add a TlsHost for the hosts, or remove the redirect',
    }];
  }
  const bare = route.hosts.filter(h => !covered(h));
  return bare.length === 0 ? [] : [{
    id: WARNING_IDS.httpsRedirectWithoutTls,
    message: `redirect: redirects ${bare.map(h => `'${h}'`).join(', ')} to HTTPS, but no TlsHost of this gateway terminates TLS for ${bare.length > 1 ? 'them' : 'it'} `
      + '(clients would get the controller\'s default certificate, or no answer); add a TlsHost, or remove the redirect',
  }];
}

/** Let's Encrypt production's limit of new certificates per registered domain per week. */
export const LETS_ENCRYPT_CERTIFICATES_PER_DOMAIN = 50;
/** The warning threshold: more than half the weekly limit, so re-issuing all of them twice in a week fails. */
export const CERTIFICATES_PER_DOMAIN_THRESHOLD = 25;

/**
 * Two-label public suffixes under country codes ('co.uk', 'com.au'...): the registered domain is
 * then three labels. An approximation of the Public Suffix List, stated in the README.
 */
const SECOND_LEVEL = /^(ac|co|com|edu|gov|net|org|ne|or|go|gv|mil|nic|ltd|plc)$/;

/** The registered domain (eTLD+1) of a DNS name, approximately (see SECOND_LEVEL). */
export function registeredDomain(name: string): string {
  const labels = (name.startsWith('*.') ? name.slice(2) : name).split('.');
  const n = labels.length >= 3 && labels[labels.length - 1].length === 2 && SECOND_LEVEL.test(labels[labels.length - 2]) ? 3 : 2;
  return labels.slice(-n).join('.');
}

/**
 * Registered domains with more than the threshold of certificates (each a list of DNS names),
 * with their counts, sorted by domain.
 */
export function crowdedDomains(certificates: ReadonlyArray<readonly string[]>): Array<{ domain: string; count: number }> {
  const counts = new Map<string, number>();
  for (const names of certificates) {
    for (const domain of new Set(names.map(registeredDomain))) counts.set(domain, (counts.get(domain) ?? 0) + 1);
  }
  return [...counts].filter(([, c]) => c > CERTIFICATES_PER_DOMAIN_THRESHOLD)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([domain, count]) => ({ domain, count }));
}

/**
 * `backend-tls-unverified`: backends declared with `BackendTls.insecureSkipVerify()`, each with
 * the prop it was declared on (`backend.tls`, `backends[1].tls`, `canary.tls`...).
 */
export function unverifiedBackendTlsWarnings(backends: ReadonlyArray<readonly [string, BackendIR | undefined]>): WarningSpec[] {
  return backends.filter(([, b]) => b?.tls?.insecureSkipVerify).map(([prop, b]) => ({
    id: WARNING_IDS.backendTlsUnverified,
    message: `${prop}: the certificate of ${b!.namespace}/${b!.service}:${b!.port} is not verified (BackendTls.insecureSkipVerify()), so anyone on the path between `
      + 'the proxy and the backend can read and change the traffic; use BackendTls.verify() with the backend\'s CA, or acknowledge while migrating',
  }));
}

/** The backends of a route with the prop each is declared on. */
export function routeBackendProps(route: RouteIR): Array<readonly [string, BackendIR]> {
  return route.backends.map((b, i) => [route.backends.length > 1 ? `backends[${i}].tls` : 'backend.tls', b] as const);
}
