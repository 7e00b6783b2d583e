import { AuthSpec, BackendSpec, CaseSpec, MatchSpec, PoliciesSpec, RedirectSpec, RewriteSpec, TrafficSpec } from './intent';
import { ApiGateway } from '../../src';
import { FORWARDING_POLICIES } from '../../src/intent/policies/forwarding';
import { GatewayIR } from '../../src/ir/model';

/*
 * What the user asked, built from the generated case alone (never from the library's IR): the
 * hosts, matches, backends, policies, TLS hosts and canaries each construct of the case declares,
 * written out by hand from the public API's documented meaning. `intentProblems` checks that the
 * gateway's IR carries every one of them; the round trip (roundtrip.ts) then checks that each
 * controller's output reads back to that IR. Together: every setting the case declares reaches
 * the output, at its place, with its value. A setting lost or altered while building the IR fails
 * here; one lost while rendering fails the round trip.
 *
 * Only what the case sets explicitly is expected (`undefined` fields are not compared): defaults
 * are the business of the capability tests.
 */

const BODY_UNITS: Record<string, number> = { bytes: 1, kibibytes: 1024, mebibytes: 1024 ** 2, gibibytes: 1024 ** 3 };

const sorted = <T>(xs: readonly T[]) => [...new Set(xs)].sort();
const byName = (a: { name: string }, b: { name: string }) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0);
/** A bare address is documented as a one-address CIDR (/32, IPv6 /128). */
const cidrs = (xs: readonly string[]) => sorted(xs.map(x => (x.includes('/') ? x : `${x}/${x.includes(':') ? 128 : 32}`).toLowerCase()));
const weighted = (weights: readonly number[] | undefined, n: number) => weights !== undefined && n >= 2 && weights.slice(0, n).some(w => w > 0);
const ms = (seconds?: number) => (seconds === undefined ? undefined : seconds * 1000);

/** The path as the API documents it: prefix without trailing '/', regex without ^ / $ anchors, '/' when unset. */
function expectedMatch(m: MatchSpec) {
  const p = m.path;
  const path = !p ? { kind: 'Prefix', value: '/' }
    : p.kind === 'exact' ? { kind: 'Exact', value: p.value }
      : p.kind === 'prefix' ? { kind: 'Prefix', value: p.value.length > 1 ? p.value.replace(/\/+$/, '') || '/' : p.value }
        : { kind: 'RegularExpression', value: p.value.replace(/^\^/, '').replace(/(?<!\\)\$$/, '') };
  return {
    path,
    headers: m.headers.map(h => ({ name: h.name.toLowerCase(), kind: h.kind === 'exact' ? 'Exact' : 'RegularExpression', value: h.value })).sort(byName),
    queryParams: m.query.map(q => ({ name: q.name, value: q.value })).sort(byName),
    method: m.method,
  };
}

function expectedBackend(b: BackendSpec, namespace: string, weight = 1) {
  return {
    service: b.service,
    namespace: b.namespace ?? namespace,
    port: b.port,
    weight,
    tls: !b.tls ? undefined
      : b.tls.unverified ? {
        insecureSkipVerify: true, hostname: b.tls.unverified === 'sni' ? b.tls.hostname : undefined, clientCertificateSecret: b.tls.clientCert ? 'backend-client' : undefined,
      }
        : { hostname: b.tls.hostname, ca: b.tls.ca ? { kind: b.tls.ca === 'secret' ? 'Secret' : 'ConfigMap', name: 'backend-ca' } : undefined },
  };
}

function expectedAuth(a: AuthSpec) {
  switch (a.kind) {
    case 'external': return {
      kind: a.kind,
      url: a.url,
      responseHeaders: a.responseHeaders && sorted(a.responseHeaders),
      signinUrl: a.signinUrl,
      cacheSeconds: a.cache,
      requestHeaders: a.requestHeaders && sorted(a.requestHeaders.map(h => h.toLowerCase())),
      forwardBodyBytes: a.forwardBodyKib === undefined ? undefined : a.forwardBodyKib * 1024,
      ca: a.caSecret === undefined ? undefined : { kind: 'Secret', name: a.caSecret },
      clientCertificateSecret: a.clientCertificateSecret,
    };
    case 'jwt': return { kind: a.kind, issuer: a.issuer, jwksUri: a.jwksUri, audiences: a.audiences && sorted(a.audiences) };
    case 'apiKey': return {
      kind: a.kind,
      secretName: a.anyConsumer ? undefined : a.secretName,
      // The header is read unless only a query parameter is named.
      header: a.header?.toLowerCase() ?? (a.queryParameter === undefined ? 'x-api-key' : undefined),
      queryParameter: a.queryParameter,
      removeKey: a.removeKey,
    };
    case 'basic': return { kind: a.kind, secretName: a.anyConsumer ? undefined : a.secretName, realm: a.realm };
    case 'externalProvider': return { kind: a.kind, provider: a.provider };
    case 'jwtConsumerKeys': return { kind: a.kind, secretName: a.anyConsumer ? undefined : a.secretName, keyClaim: a.keyClaim ?? 'iss' };
  }
}

/** The policies a route's spec (its own, else the gateway's defaults, kind by kind) asks for. */
function expectedPolicies(own: PoliciesSpec, defaults: PoliciesSpec | undefined, redirect?: RedirectSpec, rewrite?: RewriteSpec) {
  // A redirect-only route (`Redirect.to`) forwards nothing: it does not take the gateway's
  // forwarding-only defaults (documented on FORWARDING_POLICIES), so none is expected.
  const redirectOnly = redirect !== undefined && redirect.kind !== 'https';
  const pick = <K extends keyof PoliciesSpec>(k: K): PoliciesSpec[K] | undefined =>
    own[k] ?? (redirectOnly && (FORWARDING_POLICIES as readonly string[]).includes(k) ? undefined : defaults?.[k]);
  const rl = pick('rateLimit');
  const t = pick('timeouts');
  const body = pick('bodySize');
  const cors = pick('cors');
  const ip = pick('ipAccess');
  const retries = pick('retries');
  const affinity = pick('sessionAffinity');
  const protocol = pick('backendProtocol');
  const auth = pick('auth');
  return {
    rateLimit: rl && {
      key: rl.key,
      header: rl.header?.toLowerCase(),
      requests: rl.requests,
      per: rl.period,
      // One period's worth is the documented meaning of an unset burst: stored as unset.
      burst: rl.burstFactor !== undefined && rl.burstFactor !== 1 ? rl.requests * rl.burstFactor : undefined,
      concurrentConnections: rl.concurrentConnections,
      exemptCidrs: rl.exemptCidrs && cidrs(rl.exemptCidrs),
      distributed: rl.distributed && { kind: rl.distributed },
    },
    timeouts: t && {
      connectMs: ms(t.connect), readMs: ms(t.read), sendMs: ms(t.send), requestMs: ms(t.request), backendRequestMs: ms(t.backendRequest),
    },
    bodySize: body && { maxBytes: body.amount * BODY_UNITS[body.unit] },
    cors: cors && {
      origins: sorted(cors.origins),
      methods: cors.methods && sorted(cors.methods.map(m => m.toUpperCase())),
      headers: cors.headers && sorted(cors.headers),
      exposeHeaders: cors.exposeHeaders && sorted(cors.exposeHeaders),
      credentials: cors.credentials,
      maxAgeSeconds: cors.maxAge,
    },
    ipAccess: ip && { allow: ip.kind === 'allow' ? cidrs(ip.cidrs) : [], deny: ip.kind === 'deny' ? cidrs(ip.cidrs) : [] },
    retries: retries && {
      attempts: retries.attempts,
      statusCodes: retries.statusCodes && [...new Set(retries.statusCodes)].sort((a, b) => a - b),
      conditions: retries.on && sorted(retries.on),
      perTryTimeoutMs: ms(retries.perTryTimeout),
    },
    sessionAffinity: affinity && {
      cookieName: affinity.name,
      ttlSeconds: affinity.ttl,
      path: affinity.path,
      secure: affinity.secure,
      httpOnly: affinity.httpOnly,
      sameSite: affinity.sameSite,
    },
    backendProtocol: protocol && { protocol },
    auth: auth && expectedAuth(auth),
    redirect: redirect && (redirect.kind === 'https'
      ? { scheme: 'https', statusCode: redirect.statusCode }
      : {
        scheme: redirect.scheme,
        host: redirect.host,
        port: redirect.port,
        path: redirect.path !== undefined ? { kind: 'full', value: redirect.path } : redirect.replacePrefix !== undefined ? { kind: 'prefix', value: redirect.replacePrefix } : undefined,
        statusCode: redirect.statusCode,
      }),
    rewrite: rewrite && (rewrite.kind === 'host' ? { host: rewrite.value } : { path: { kind: rewrite.kind, value: rewrite.value } }),
  };
}

function expectedTraffic(t: TrafficSpec) {
  switch (t.kind) {
    case 'weight': return { kind: 'weight', stable: 100 - t.percent, canary: t.percent };
    case 'weights': return { kind: 'weight', stable: t.stable, canary: t.canary };
    case 'parse': return { kind: 'weight', stable: 100 - Number(t.text.trim()), canary: Number(t.text.trim()) };
    case 'header': return { kind: 'header', name: t.name.toLowerCase(), value: t.value };
    case 'headerPresent': return { kind: 'header-present', name: t.name.toLowerCase() };
    case 'cookie': return { kind: 'cookie', name: t.name };
  }
}

/**
 * Where `actual` differs from `expected`: every field `expected` defines must be equal (arrays
 * element by element); fields `expected` leaves undefined are not compared.
 */
function differences(where: string, expected: unknown, actual: unknown, out: string[]): void {
  if (expected === undefined) return;
  if (expected === null || typeof expected !== 'object') {
    if (expected !== actual) out.push(`${where}: the case asks for ${JSON.stringify(expected)}, the IR has ${JSON.stringify(actual)}`);
    return;
  }
  if (actual === null || typeof actual !== 'object') {
    out.push(`${where}: the case asks for ${JSON.stringify(expected)}, the IR has ${JSON.stringify(actual)}`);
    return;
  }
  if (Array.isArray(expected)) {
    if (!Array.isArray(actual) || actual.length !== expected.length) {
      out.push(`${where}: the case asks for ${JSON.stringify(expected)}, the IR has ${JSON.stringify(actual)}`);
      return;
    }
    expected.forEach((e, i) => differences(`${where}[${i}]`, e, actual[i], out));
    return;
  }
  for (const [k, v] of Object.entries(expected)) differences(`${where}.${k}`, v, (actual as Record<string, unknown>)[k], out);
}

/** Every setting the case declares, missing or altered in the gateway's IR. */
export function intentProblems(spec: CaseSpec, gateway: ApiGateway): string[] {
  const ir: GatewayIR = gateway._gatewayIr();
  const out: string[] = [];
  const at = `${gateway.node.path}`;
  const routes = new Map(ir.routes.map(r => [r.source, r]));
  spec.routes.forEach((r, i) => {
    const source = `${at}/r${i}`;
    const route = routes.get(source);
    if (!route) { out.push(`${source}: not in the IR`); return; }
    const namespace = r.namespace ?? spec.namespace;
    differences(source, {
      namespace,
      hosts: r.hosts ? sorted(r.hosts) : [],
      ruleName: r.ruleName,
      protocols: r.httpsOnly ? 'https' : undefined,
      matches: r.matches.map(expectedMatch),
      // Weights apply to several backends, one of them above 0 (the builder passes them then).
      backends: r.backends.map((b, j) => expectedBackend(b, namespace, weighted(r.weights, r.backends.length) ? r.weights![j] : 1)),
      // A responding route takes no policy: the gateway's defaults do not apply to it.
      policies: r.respond ? {} : expectedPolicies(r.policies, spec.defaults, r.redirect, r.rewrite),
      directResponse: r.respond && {
        statusCode: r.respond.statusCode,
        body: r.respond.body,
        contentType: r.respond.body !== undefined ? 'text/plain; charset=utf-8' : undefined,
      },
    }, route, out);
    if (r.respond && route.directResponse === undefined) out.push(`${source}: the case answers ${r.respond.statusCode}, the IR has no directResponse`);
    if (r.mirrors && r.backends.length > 0) {
      type Mirror = { backend: { service: string } };
      const byService = (a: Mirror, b: Mirror) => (a.backend.service < b.backend.service ? -1 : 1);
      differences(`${source}.mirrors`,
        r.mirrors.map(m => ({ backend: expectedBackend({ service: m.service, port: 8080 }, namespace), percent: m.percent ?? 100 })).sort(byService),
        [...route.mirrors ?? []].sort(byService), out);
    }
  });
  const tls = new Map(ir.tlsHosts.map(t => [t.source, t]));
  spec.tls.forEach((t, i) => {
    const source = `${at}/t${i}`;
    const host = tls.get(source);
    if (!host) { out.push(`${source}: not in the IR`); return; }
    const o = t.options ?? {};
    differences(source, {
      hosts: sorted(t.hosts),
      secretName: t.secretName,
      secretNamespace: o.issued ? spec.namespace : t.secretNamespace ?? spec.namespace,
      managedCertificate: o.issued ?? false,
      httpsRedirect: o.httpsRedirect ?? true,
      hsts: o.hsts && { maxAgeSeconds: o.hsts.maxAgeDays * 86_400, includeSubdomains: o.hsts.includeSubdomains, preload: o.hsts.preload },
      minTlsVersion: o.minTls,
      clientAuth: o.clientAuth && { required: o.clientAuth === 'required', ca: { kind: o.clientAuth === 'required' ? 'Secret' : 'ConfigMap', name: 'client-ca' } },
      sessionTickets: o.sessionTickets,
    }, host, out);
  });
  const canaries = new Map(ir.canaries.map(c => [c.source, c]));
  spec.canaries.forEach((c, i) => {
    const source = `${at}/c${i}`;
    const canary = canaries.get(source);
    if (!canary) { out.push(`${source}: not in the IR`); return; }
    const stable = spec.routes[c.route];
    const namespace = stable.namespace ?? spec.namespace;
    differences(source, {
      route: `${at}/r${c.route}`,
      matchIndexes: c.match !== undefined ? [c.match] : stable.matches.map((_, j) => j),
      stable: expectedBackend(stable.backends[0], namespace),
      canary: expectedBackend(c.canary, namespace),
      traffic: expectedTraffic(c.traffic),
      mirror: c.mirror && { backend: expectedBackend(c.mirror.backend, namespace), percent: c.mirror.percent },
    }, canary, out);
  });
  if (spec.defaultBackend) differences(`${at} defaultBackend`, expectedBackend(spec.defaultBackend, spec.namespace), ir.defaultBackend, out);
  if (spec.passthrough) {
    differences(`${at}/pass`, {
      hosts: [`${spec.passthrough.wildcard}pass.example.net`],
      backend: expectedBackend(spec.passthrough.backend, spec.namespace),
    }, ir.passthroughHosts.find(p => p.source === `${at}/pass`), out);
  }
  return out;
}
