import { ANNOTATIONS, CONFIGURATION_GROUP, HTTP_ONLY, HTTPS_ONLY, HTTPS_REDIRECT_CODES, KINDS, PLUGINS, PREFIX, REFUSE_PLAIN_HTTP_STATUS, TLS_HTTPS_REDIRECT_STATUS } from './constants';
import { NO_EXTRA_ALLOWED_HEADERS } from './features/cors';
import { EdgeAuthIR, HeaderOpsIR, PoliciesIR, RateLimitWindow, RedirectIR } from '../../ir/policies';
import { AnnotationReading, ExtensionReadContext, FilterReading, gatewayApiReader, GatewayApiReadExtension, parseHsts, ReadRouteObject } from '../gateway-api/read-extension';
import { ControllerReader, KubeObject } from '../reader';
import { intentOrigin, kongRedisSettings, redirectPluginPolicy } from './read/plugins';
import { normalizeRedirects } from './reader';
import { isRecord } from '../common/read';

const SIZE_UNITS: Record<string, number> = { bytes: 1, kilobytes: 1024, megabytes: 1024 * 1024 };
const LIMIT_BY: Record<string, 'clientIp' | 'header' | 'consumer'> = { ip: 'clientIp', header: 'header', consumer: 'consumer' };
const HSTS_NAME = 'strict-transport-security';

/**
 * Kong's Gateway API mode read back (the reading side of `kongGatewayApiExtension`): KongPlugins
 * referenced by ExtensionRef filters become the route's policies (rate-limiting,
 * request-size-limiting, cors, response-transformer, ip-restriction, key-auth / basic-auth with
 * the acl plugin that scopes them to the route's credential Secret), and the route annotations
 * `konghq.com/protocols: https` + `konghq.com/https-redirect-status-code` its TLS hosts' HTTPS
 * redirect.
 */
export const kongGatewayApiReadExtension: GatewayApiReadExtension = {
  accepts: (o: KubeObject) => typeof o?.apiVersion === 'string' && o.apiVersion.startsWith(`${CONFIGURATION_GROUP}/`),
  read: (objects, ctx) => {
    const referenced = new Set(ctx.routes.flatMap(r => pluginRefs(r.object)));
    for (const o of objects) {
      if (o.kind === KINDS.plugin && !referenced.has(o.metadata.name)) {
        ctx.unmapped(o, 'plugin', 'a KongPlugin no route of the input references (by ExtensionRef) has no effect here', o.plugin);
      } else if (o.kind === KINDS.consumer) {
        ctx.mapped(o, 'credentials', 'EdgeAuth.apiKey / EdgeAuth.basic (secretName: the consumer of the route\'s credential Secret)', o.credentials);
      } else if (o.kind !== KINDS.plugin) {
        ctx.unmapped(o, 'kind', `a ${o.kind} is not modelled`, o.kind);
      }
    }
    return { routePolicies: new Map() };
  },
  readFilter: (filter, route, objects, ctx) => readPluginFilter(filter, route, objects, ctx),
  readRouteAnnotations: (route, ctx, objects) => readAnnotations(route, ctx, objects),
};

function ruleFilters(o: KubeObject): any[] {
  return ((o.spec?.rules ?? []) as any[]).flatMap(r => (r?.filters ?? []) as any[]);
}

/** The KongPlugins a route object names: ExtensionRef filters and the `konghq.com/plugins` annotation. */
function pluginRefs(o: KubeObject): string[] {
  const byFilter = ruleFilters(o).filter(f => f.type === 'ExtensionRef' && f.extensionRef?.kind === KINDS.plugin).map(f => String(f.extensionRef.name));
  const byAnnotation = (o.metadata.annotations?.[ANNOTATIONS.plugins] ?? '').split(',').map(x => x.trim()).filter(x => x.length > 0);
  return [...byFilter, ...byAnnotation];
}

/**
 * `konghq.com/protocols: https` with `konghq.com/https-redirect-status-code`: 308 is the route's TLS
 * hosts' HTTPS redirect (or the route's own, where its TLS host does not redirect: decided by the
 * core), another redirect code the route's own `Redirect.toHttps({ statusCode })`, 426 a route
 * refusing plain HTTP (`RouteProtocols.HTTPS_ONLY`).
 */
function readAnnotations(route: ReadRouteObject, ctx: ExtensionReadContext, objects: readonly KubeObject[]): AnnotationReading {
  const a = route.object.metadata.annotations ?? {};
  let httpOnly = false;
  let policies: PoliciesIR = {};
  const httpsOnly = a[ANNOTATIONS.protocols] === HTTPS_ONLY;
  const status = a[ANNOTATIONS.httpsRedirectStatusCode];
  const code = Number(status);
  const redirect = httpsOnly && HTTPS_REDIRECT_CODES.includes(code) && String(code) === status;
  const refuses = httpsOnly && status === REFUSE_PLAIN_HTTP_STATUS;
  const to = status === TLS_HTTPS_REDIRECT_STATUS ? 'TlsHost.httpsRedirect (the default), or Redirect.toHttps() where the TLS host does not redirect'
    : redirect ? `Route.redirect (Redirect.toHttps({ statusCode: ${status} }))` : 'Route.protocols (RouteProtocols.HTTPS_ONLY)';
  for (const key of Object.keys(a).sort()) {
    if (!key.startsWith(PREFIX)) continue;
    const field = `metadata.annotations['${key}']`;
    if (key === ANNOTATIONS.plugins) {
      // KIC applies the listed KongPlugins to every rule of the route, as ExtensionRef filters do.
      for (const name of a[key].split(',').map(x => x.trim()).filter(x => x.length > 0)) {
        const r = readPluginFilter({ group: CONFIGURATION_GROUP, kind: KINDS.plugin, name }, route, objects, ctx);
        if (r && 'reason' in r) {ctx.unmapped(route.object, `${field}[${name}]`, r.reason, name);} else if (r) { policies = { ...policies, ...r.policies }; ctx.mapped(route.object, `${field}[${name}]`, r.to, name); }
      }
    } else if ((key === ANNOTATIONS.protocols || key === ANNOTATIONS.httpsRedirectStatusCode) && (redirect || refuses)) {
      ctx.mapped(route.object, field, to, a[key]);
    } else if (key === ANNOTATIONS.protocols && a[key] === HTTP_ONLY && a[ANNOTATIONS.httpsRedirectStatusCode] === undefined) {
      httpOnly = true;
      ctx.mapped(route.object, field, 'Route.protocols (RouteProtocols.HTTP_ONLY)', a[key]);
    } else {
      ctx.unmapped(route.object, field, key === ANNOTATIONS.protocols || key === ANNOTATIONS.httpsRedirectStatusCode
        ? `the intent redirects plain HTTP to HTTPS (konghq.com/protocols: https with konghq.com/https-redirect-status-code ${HTTPS_REDIRECT_CODES.join(', ')}) or refuses it with ${REFUSE_PLAIN_HTTP_STATUS}, both annotations written`
        : 'a Kong annotation the intent does not model on HTTPRoutes', a[key]);
    }
  }
  if (redirect && status !== TLS_HTTPS_REDIRECT_STATUS) {
    policies = { ...policies, redirect: { source: route.ref, scheme: 'https', statusCode: code as RedirectIR['statusCode'] } };
  }
  const tlsRedirect = status === TLS_HTTPS_REDIRECT_STATUS && redirect;
  return { policies, ...(tlsRedirect ? { httpsRedirect: true } : {}), ...(refuses ? { protocols: HTTPS_ONLY } : httpOnly ? { protocols: 'http' as const } : {}) };
}

/** A KongPlugin of the route's namespace. */
function pluginNamed(
  name: string | undefined, route: ReadRouteObject, objects: readonly KubeObject[], ctx: ExtensionReadContext,
): KubeObject | undefined {
  return objects.find(o => o.kind === KINDS.plugin && o.metadata.name === name && (o.metadata.namespace ?? ctx.defaultNamespace) === route.namespace);
}

function readPluginFilter(
  filter: { group?: string; kind?: string; name?: string }, route: ReadRouteObject, objects: readonly KubeObject[], ctx: ExtensionReadContext,
): FilterReading | undefined {
  if (filter.group !== CONFIGURATION_GROUP || filter.kind !== KINDS.plugin) return undefined;
  const plugin = pluginNamed(filter.name, route, objects, ctx);
  if (!plugin) return { reason: `the KongPlugin '${filter.name}' is not in the input` };
  const source = route.ref;
  const config: any = (plugin as any).config ?? {};
  const reading = pluginPolicies(String((plugin as any).plugin), config, (plugin as any).configPatches, source, route, objects, ctx);
  if ('reason' in reading) {
    ctx.unmapped(plugin, 'config', reading.reason, config);
    return reading;
  }
  ctx.mapped(plugin, 'config', reading.to, config);
  for (const key of Object.keys(plugin).sort()) {
    if (!['apiVersion', 'kind', 'metadata', 'plugin', 'config', 'configPatches'].includes(key)) ctx.unmapped(plugin, key, 'a KongPlugin field the intent does not model', (plugin as any)[key]);
  }
  return reading;
}

function pluginPolicies(
  type: string, c: any, patches: any[] | undefined, source: string, route: ReadRouteObject, objects: readonly KubeObject[], ctx: ExtensionReadContext,
): FilterReading {
  const known = (keys: string[]) => Object.keys(c).filter(k => !keys.includes(k));
  switch (type) {
    case PLUGINS.rateLimiting: {
      const windows: RateLimitWindow[] = ['second', 'minute', 'hour', 'day'];
      const extra = known([...windows, 'limit_by', 'header_name', 'policy', 'redis']);
      const set = windows.filter(w => c[w] !== undefined);
      const per = set.length === 1 ? set[0] : undefined;
      const key = LIMIT_BY[c.limit_by ?? 'consumer'];
      if (extra.length > 0 || !per || !key) {
        return { reason: `the intent limits requests per second, minute, hour or day (one window), per client address, header or consumer${extra.length > 0 ? ` (${extra.join(', ')} not modelled)` : ''}` };
      }
      const secret = patches?.[0]?.valueFrom?.secretKeyRef?.name;
      const redisSettings = c.policy === 'redis' && isRecord(c.redis) ? kongRedisSettings(c.redis) : undefined;
      const redisExtra = redisSettings ? Object.keys(c.redis).filter(k => k !== 'host' && k !== 'port' && !redisSettings.mapped.includes(k)) : [];
      if (redisExtra.length > 0) return { reason: `the intent models the Redis host, port, database, timeout and verified TLS (${redisExtra.join(', ')} not modelled)` };
      const distributed = c.policy === 'redis' && c.redis?.host
        ? { distributed: { kind: 'redis' as const, endpoint: `${c.redis.host}:${c.redis.port ?? 6379}`, ...(secret ? { secretName: secret } : {}), ...redisSettings?.ir } } : {};
      if (c.policy !== undefined && c.policy !== 'local' && c.policy !== 'redis') return { reason: `a '${c.policy}' counter policy is not modelled` };
      return {
        policies: { rateLimit: { source, key, ...(key === 'header' ? { header: String(c.header_name).toLowerCase() } : {}), requests: c[per], per, exemptCidrs: [], ...distributed } },
        to: 'Route.rateLimit',
      };
    }
    case PLUGINS.requestSizeLimiting: {
      const unit = SIZE_UNITS[c.size_unit ?? 'megabytes'];
      if (!unit || typeof c.allowed_payload_size !== 'number' || known(['allowed_payload_size', 'size_unit']).length > 0) return { reason: 'the intent limits the body size in bytes' };
      return { policies: { bodySize: { source, maxBytes: c.allowed_payload_size * unit } }, to: 'Route.bodySize' };
    }
    case PLUGINS.cors: {
      if (known(['origins', 'methods', 'headers', 'exposed_headers', 'credentials', 'max_age']).length > 0) return { reason: 'CORS settings the intent does not model' };
      const origins = ((c.origins ?? ['*']) as string[]).map(intentOrigin);
      if (origins.some(o => o === undefined)) return { reason: 'an origin pattern other than a literal origin or `scheme://*.domain` (one label) or `scheme://**.domain` (one or more) is not modelled' };
      // Without headers Kong echoes Access-Control-Request-Headers: the intent's '*', never with credentials.
      if (c.credentials === true && (c.headers === undefined || [...(c.methods ?? []), ...(c.exposed_headers ?? [])].includes('*'))) {
        return { reason: 'any header or \'*\' with credentials: the intent allows \'*\' only without credentials' };
      }
      const headers = (c.headers ?? ['*']) as string[];
      return {
        policies: {
          cors: {
            source,
            origins: [...new Set(origins as string[])].sort(),
            methods: [...new Set(((c.methods ?? []) as string[]).map(m => m.toUpperCase()))].sort(),
            headers: JSON.stringify(headers) === JSON.stringify(NO_EXTRA_ALLOWED_HEADERS) ? [] : [...headers].sort(),
            exposeHeaders: [...(c.exposed_headers ?? [])].sort(),
            credentials: c.credentials === true,
            ...(typeof c.max_age === 'number' ? { maxAgeSeconds: c.max_age } : {}),
          },
        },
        to: 'Route.cors',
      };
    }
    case PLUGINS.responseTransformer: {
      if (known(['remove', 'replace', 'add', 'append']).length > 0) return { reason: 'response transformations the intent does not model (rename, JSON bodies)' };
      const list = (x: any): string[] => (x?.headers ?? []) as string[];
      const pair = (h: string) => ({ name: h.slice(0, h.indexOf(':')).toLowerCase(), value: h.slice(h.indexOf(':') + 1) });
      // `set` renders as replace + add of the same pairs (replace only if present, add only if absent).
      if (JSON.stringify(list(c.replace)) !== JSON.stringify(list(c.add))) return { reason: 'a replace without the same add (or the reverse) changes a header only when it is present (or absent), which the intent cannot say' };
      let set = list(c.replace).map(pair);
      const hstsEntry = set.find(p => p.name === HSTS_NAME);
      const hsts = hstsEntry ? parseHsts(hstsEntry.value) : undefined;
      if (hsts) set = set.filter(p => p !== hstsEntry);
      const ops: HeaderOpsIR = {
        set,
        add: list(c.append).map(pair).sort((a, b) => (a.name < b.name ? -1 : 1)),
        remove: [...list(c.remove)].map(h => h.toLowerCase()).sort(),
      };
      const empty = ops.set.length + ops.add.length + ops.remove.length === 0;
      return { policies: empty ? {} : { headers: { source, response: ops } }, to: hsts ? 'Route.headerRules.response and TlsHost.hsts' : 'Route.headerRules.response', ...(hsts ? { hsts } : {}) };
    }
    case PLUGINS.ipRestriction: {
      if (known(['allow', 'deny']).length > 0) return { reason: 'ip-restriction settings the intent does not model' };
      return { policies: { ipAccess: { source, allow: [...(c.allow ?? [])].sort(), deny: [...(c.deny ?? [])].sort() } }, to: 'Route.ipAccess' };
    }
    case PLUGINS.keyAuth:
    case PLUGINS.jwt:
    case PLUGINS.basicAuth: {
      const secret = aclSecret(route, objects, ctx);
      // key-auth / jwt / basic-auth without any acl plugin accept the credential of any consumer (anyConsumer).
      const anyConsumer = !hasAcl(route, objects, ctx);
      if (!secret && !anyConsumer) return { reason: 'no acl plugin on the route allows exactly one group \'<namespace>/<credential Secret>\' (the one consumer the intent stands for), so Kong accepts the credentials of other consumers too, which the intent cannot say' };
      let auth: EdgeAuthIR;
      if (type === PLUGINS.keyAuth) {
        const names = (c.key_names ?? ['apikey']) as string[];
        const inHeader = c.key_in_header ?? true;
        const inQuery = c.key_in_query ?? true;
        const hide = c.hide_credentials ?? false;
        if (names.length !== 1 || typeof inHeader !== 'boolean' || typeof inQuery !== 'boolean' || !(inHeader || inQuery) || c.key_in_body === true || typeof hide !== 'boolean'
          || known(['key_names', 'key_in_header', 'key_in_query', 'key_in_body', 'hide_credentials']).length > 0) {
          return { reason: 'the intent reads an API key of one name from a request header and / or the query string' };
        }
        auth = {
          kind: 'apiKey',
          source,
          secretName: secret,
          header: inHeader ? names[0].toLowerCase() : undefined,
          queryParameter: inQuery ? names[0] : undefined,
          removeKey: hide || undefined,
        };
      } else if (type === PLUGINS.jwt) {
        const verify = c.claims_to_verify;
        if (!Array.isArray(verify) || verify.length !== 1 || verify[0] !== 'exp' || typeof (c.key_claim_name ?? 'iss') !== 'string'
          || known(['key_claim_name', 'claims_to_verify']).length > 0) {
          return { reason: 'the intent verifies a JWT with the key one claim names and requires exp (claims_to_verify [exp], no other jwt settings)' };
        }
        auth = { kind: 'jwtConsumerKeys', source, secretName: secret, keyClaim: c.key_claim_name ?? 'iss' };
      } else {
        if (known(['realm']).length > 0) return { reason: 'basic-auth settings the intent does not model' };
        auth = { kind: 'basic', source, secretName: secret, ...(c.realm !== undefined ? { realm: c.realm } : {}) };
      }
      return { policies: { auth }, to: `Route.auth (EdgeAuth.${auth.kind})` };
    }
    case PLUGINS.redirect: {
      const r = redirectPluginPolicy(c, source);
      return 'reason' in r ? r : { policies: { redirect: r.redirect }, to: r.to };
    }
    case PLUGINS.acl:
      return aclSecret(route, objects, ctx)
        ? { policies: {}, to: 'EdgeAuth (only the consumer of the route\'s credential Secret)' }
        : { reason: 'the intent models an acl plugin only as the one group \'<namespace>/<credential Secret>\' of a key-auth or basic-auth route' };
    default:
      return { reason: `the Kong plugin '${type}' is not modelled` };
  }
}

/**
 * The credential Secret of the route's acl plugin: it allows one group, `<namespace>/<secret>`,
 * the username of the consumer standing for that Secret.
 */
function hasAcl(route: ReadRouteObject, objects: readonly KubeObject[], ctx: ExtensionReadContext): boolean {
  return [...new Set(pluginRefs(route.object))].some(n => (pluginNamed(n, route, objects, ctx) as any)?.plugin === PLUGINS.acl);
}

function aclSecret(route: ReadRouteObject, objects: readonly KubeObject[], ctx: ExtensionReadContext): string | undefined {
  const names = new Set(pluginRefs(route.object));
  const acl = [...names].map(n => pluginNamed(n, route, objects, ctx)).find(o => (o as any)?.plugin === PLUGINS.acl);
  const allow: string[] = (acl as any)?.config?.allow ?? [];
  if (allow.length !== 1 || !allow[0].startsWith(`${route.namespace}/`)) return undefined;
  return allow[0].slice(route.namespace.length + 1);
}

const CORE_READER = gatewayApiReader('kong-gateway-api', kongGatewayApiReadExtension, { regex: 'anchored', listenerScheme: false });

/**
 * The kong-gateway-api column: KIC anchors regular expressions at the start only (the renderer
 * adds `^...$`). A route's 308 redirect to HTTPS is the same annotations as its TLS host's
 * redirect, so both sides count them alike, as Kong Ingress does (`normalizeRedirects`).
 */
export const KONG_GATEWAY_API_READER: ControllerReader = {
  ...CORE_READER,
  normalize: table => normalizeRedirects(CORE_READER.normalize!(table), p => p),
  gatewayClass: { controllerNamePrefix: 'konghq.com/', defaultClassName: 'kong' },
};
