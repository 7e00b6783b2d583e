import { checkRedirectUrl } from '../../../core/validate';
import { HstsIR } from '../../../ir/model';
import { CorsIR, EdgeAuthIR, HeaderOpsIR, PoliciesIR, RateLimitIR, RateLimitWindow, RedirectIR } from '../../../ir/policies';
import { cidr, ItemLog, isRecord, parseHsts, uniqueSorted } from '../../common/read';
import { KubeObject } from '../../reader';
import { ACL_GROUP_KEY, CREDENTIAL_LABEL, CREDENTIAL_TYPES, PLUGINS, REDIS_SECRET_KEYS } from '../constants';
import { NO_EXTRA_ALLOWED_HEADERS } from '../features/cors';

/**
 * KongPlugin / KongClusterPlugin objects as intent policies: the plugin configurations the Kong
 * renderer writes (features/*.ts) map back exactly; every other plugin, and every config field
 * the intent does not model, is an unmapped item.
 */

/** What one plugin object contributes to the routes that reference it. */
export interface PluginRead {
  readonly plugin: string;
  readonly policies: Partial<Mutable<PoliciesIR>>;
  /** A `response-transformer` setting only Strict-Transport-Security: the TLS host's HSTS. */
  readonly hsts?: HstsIR;
  /** `acl` allow group (pairs with key-auth / basic-auth). */
  readonly aclGroup?: string;
  /** key-auth / basic-auth before its Secret is resolved through the acl group and consumer. */
  readonly credential?: {
    readonly kind: 'apiKey' | 'basic' | 'jwtConsumerKeys';
    readonly header?: string;
    readonly realm?: string;
    readonly keyClaim?: string;
    readonly queryParameter?: string;
    readonly removeKey?: boolean;
  };
}

type Mutable<T> = { -readonly [K in keyof T]: T[K] };

const STS = 'strict-transport-security';

/** Reads one KongPlugin; items go to `log` (once per object: the caller caches). */
export function readPlugin(o: KubeObject, log: ItemLog): PluginRead {
  const plugin = String(o.plugin ?? '');
  const source = log.ref(o);
  const config: Record<string, unknown> = isRecord(o.config) ? o.config : {};
  const policies: Partial<Mutable<PoliciesIR>> = {};
  const seen = new Set<string>();
  const take = (key: string) => { seen.add(key); return config[key]; };
  const map = (key: string, to: string) => log.mapped(o, `config.${key}`, config[key], to);
  const unmap = (key: string, reason: string) => log.unmapped(o, `config.${key}`, config[key], reason);
  let out: PluginRead = { plugin, policies };

  for (const field of Object.keys(o)) {
    if (['apiVersion', 'kind', 'metadata', 'plugin', 'config', 'configPatches'].includes(field)) continue;
    log.unmapped(o, field, o[field], field === 'configFrom' ? 'the plugin configuration lives in a Secret the reader does not see; inline it' : `KongPlugin '${field}' is not modelled by the intent`);
  }
  for (const key of Object.keys(o.metadata.labels ?? {})) {
    if (key === 'global') log.unmapped(o, `metadata.labels['${key}']`, o.metadata.labels![key], 'a global plugin applies to every route; the intent sets policies per route or as gateway defaults');
  }

  switch (plugin) {
    case PLUGINS.rateLimiting: {
      const rl = readRateLimit(o, config, take, source, log);
      if (rl) policies.rateLimit = rl;
      break;
    }
    case PLUGINS.requestSizeLimiting: {
      const size = take('allowed_payload_size');
      const unit = take('size_unit') ?? 'megabytes';
      const factor = unit === 'megabytes' ? 1024 * 1024 : unit === 'kilobytes' ? 1024 : unit === 'bytes' ? 1 : undefined;
      if (typeof size === 'number' && Number.isInteger(size) && size > 0 && factor !== undefined) {
        policies.bodySize = { source, maxBytes: size * factor };
        map('allowed_payload_size', `Route.bodySize (${size * factor} bytes)`);
        if (config.size_unit !== undefined) map('size_unit', 'Route.bodySize (unit)');
      } else {
        unmap('allowed_payload_size', 'not a whole size in bytes, kilobytes or megabytes');
      }
      break;
    }
    case PLUGINS.cors: {
      const cors = readCors(config, take, source);
      if (typeof cors === 'string') {
        unmap('origins', cors);
      } else {
        policies.cors = cors;
        for (const k of ['origins', 'methods', 'headers', 'exposed_headers', 'credentials', 'max_age']) if (config[k] !== undefined) map(k, `Route.cors (${k})`);
      }
      break;
    }
    case PLUGINS.requestTransformer:
    case PLUGINS.responseTransformer: {
      const side = plugin === PLUGINS.requestTransformer ? 'request' : 'response';
      const ops = readTransformer(o, config, take, log, side);
      if (ops) {
        const stsSet = side === 'response' ? ops.set.find(s => s.name === STS) : undefined;
        const hsts = stsSet ? parseHsts(stsSet.value) : undefined;
        const rest: HeaderOpsIR = hsts ? { ...ops, set: ops.set.filter(s => s.name !== STS) } : ops;
        const empty = rest.set.length === 0 && rest.add.length === 0 && rest.remove.length === 0;
        if (!empty) policies.headers = { source, [side]: rest };
        out = { ...out, hsts };
      }
      break;
    }
    case PLUGINS.ipRestriction: {
      const allow = strings(take('allow') ?? []);
      const deny = strings(take('deny') ?? []);
      if (allow === undefined || deny === undefined) {
        unmap('allow', 'allow / deny must be lists of addresses or CIDRs');
      } else {
        policies.ipAccess = { source, allow: uniqueSorted(allow.map(cidr)), deny: uniqueSorted(deny.map(cidr)) };
        if (config.allow !== undefined) map('allow', 'Route.ipAccess (IpAccess.allow)');
        if (config.deny !== undefined) map('deny', 'Route.ipAccess (IpAccess.deny)');
      }
      break;
    }
    case PLUGINS.keyAuth: {
      // Kong's defaults: key_names [apikey], in a header or the query string, not the body, kept upstream.
      const names = config.key_names === undefined ? ['apikey'] : strings(take('key_names'));
      const inHeader = take('key_in_header') ?? true;
      const inQuery = take('key_in_query') ?? true;
      const inBody = take('key_in_body') ?? false;
      const hide = take('hide_credentials') ?? false;
      if (names?.length === 1 && typeof inHeader === 'boolean' && typeof inQuery === 'boolean' && (inHeader || inQuery) && inBody === false && typeof hide === 'boolean') {
        out = {
          ...out,
          credential: {
            kind: 'apiKey',
            header: inHeader ? names[0].toLowerCase() : undefined,
            queryParameter: inQuery ? names[0] : undefined,
            removeKey: hide || undefined,
          },
        };
        for (const k of ['key_names', 'key_in_header', 'key_in_query', 'key_in_body']) if (config[k] !== undefined) map(k, 'Route.auth (EdgeAuth.apiKey header / queryParameter)');
        if (config.hide_credentials !== undefined) map('hide_credentials', 'Route.auth (EdgeAuth.apiKey removeKey)');
      } else {
        unmap('key_names', 'EdgeAuth.apiKey reads one key name from a request header and / or the query string (key_names with one name, key_in_body false)');
      }
      break;
    }
    case PLUGINS.jwt: {
      // The intent's form: the key named by one claim, exp required; the token where Kong reads it by default.
      const keyClaim = take('key_claim_name') ?? 'iss';
      const verify = strings(take('claims_to_verify'));
      const other = Object.keys(config).filter(k => !['key_claim_name', 'claims_to_verify'].includes(k));
      if (typeof keyClaim === 'string' && verify?.length === 1 && verify[0] === 'exp' && other.length === 0) {
        out = { ...out, credential: { kind: 'jwtConsumerKeys', keyClaim } };
        if (config.key_claim_name !== undefined) map('key_claim_name', 'Route.auth (EdgeAuth.jwtConsumerKeys keyClaim)');
        map('claims_to_verify', 'Route.auth (EdgeAuth.jwtConsumerKeys: exp required)');
      } else {
        unmap('claims_to_verify', 'EdgeAuth.jwtConsumerKeys verifies the signature with the key one claim names and requires exp (claims_to_verify [exp], no other jwt settings)');
      }
      break;
    }
    case PLUGINS.basicAuth: {
      const realm = take('realm');
      out = { ...out, credential: { kind: 'basic', realm: typeof realm === 'string' ? realm : undefined } };
      if (realm !== undefined) map('realm', 'Route.auth (EdgeAuth.basic realm)');
      break;
    }
    case PLUGINS.acl: {
      const allow = strings(take('allow'));
      if (allow?.length === 1 && config.deny === undefined) {
        out = { ...out, aclGroup: allow[0] };
        map('allow', 'Route.auth (the consumer group of the route\'s credential Secret)');
      } else {
        unmap('allow', 'the intent scopes a route to the consumers of one credential Secret (acl allow with one group)');
      }
      break;
    }
    case PLUGINS.redirect: {
      const r = redirectPluginPolicy(config, source);
      ['location', 'status_code', 'keep_incoming_path'].forEach(take);
      if ('reason' in r) {
        unmap('location', r.reason);
      } else {
        policies.redirect = r.redirect;
        map('location', r.to);
        if (config.status_code !== undefined) map('status_code', 'Route.redirect (Redirect.toUrl statusCode)');
        if (config.keep_incoming_path !== undefined) map('keep_incoming_path', 'Route.redirect (Redirect.toUrl drops the request path and query)');
      }
      break;
    }
    default:
      log.unmapped(o, 'plugin', plugin, PLUGIN_REASONS[plugin] ?? `the '${plugin}' plugin has no intent equivalent`);
      return out;
  }
  log.mapped(o, 'plugin', plugin, `Route policies (${plugin})`);
  for (const key of Object.keys(config)) {
    if (!seen.has(key)) unmap(key, `${plugin} '${key}' is not modelled by the intent`);
  }
  return out;
}

const URL_REDIRECT_CODES: readonly number[] = [301, 302, 303, 307, 308];

/** A redirect plugin read as the intent's redirect, or why it cannot be one. */
export type RedirectPluginReading = { readonly redirect: RedirectIR; readonly to: string } | { readonly reason: string };

/**
 * Kong's `redirect` plugin (3.9+) as `Redirect.toUrl(location, { statusCode })`: a fixed Location
 * (`keep_incoming_path` false, its default), a redirect status, a URL the intent accepts.
 */
export function redirectPluginPolicy(config: Record<string, unknown>, source: string): RedirectPluginReading {
  const location = config.location;
  const status = config.status_code ?? 301;
  const extra = Object.keys(config).filter(k => !['location', 'status_code', 'keep_incoming_path'].includes(k));
  if (extra.length > 0) return { reason: `redirect settings the intent does not model (${extra.join(', ')})` };
  if ((config.keep_incoming_path ?? false) !== false) return { reason: 'keep_incoming_path keeps the request path and query on a fixed scheme and host, which no intent redirect says (Redirect.toUrl drops them)' };
  if (typeof status !== 'number' || !URL_REDIRECT_CODES.includes(status)) return { reason: `the intent redirects with ${URL_REDIRECT_CODES.join(', ')} (${String(status)} given)` };
  const problem = checkRedirectUrl(location);
  if (problem) return { reason: `Redirect.toUrl: ${problem}` };
  return {
    redirect: { source, url: location as string, statusCode: status as RedirectIR['statusCode'] },
    to: 'Route.redirect (Redirect.toUrl)',
  };
}

/** Why common plugins cannot move. */
const PLUGIN_REASONS: Record<string, string> = {
  'pre-function': 'runs arbitrary Lua code in the proxy; never imported',
  'post-function': 'runs arbitrary Lua code in the proxy; never imported',
  'serverless-functions': 'runs arbitrary Lua code in the proxy; never imported',
  'jwt': 'Kong\'s jwt plugin verifies tokens against consumer credentials, not an issuer\'s JWKS (EdgeAuth.jwt)',
  'openid-connect': 'Kong Enterprise plugin; not modelled',
  'proxy-cache': 'response caching is not modelled by the intent',
  'oauth2': 'OAuth 2.0 authorization server in the proxy; not modelled',
  'hmac-auth': 'HMAC signatures are not modelled by the intent',
  'correlation-id': 'request id headers are not modelled by the intent',
  'bot-detection': 'bot detection is not modelled by the intent',
  'prometheus': 'metrics are configured outside the routing intent',
};

function readRateLimit(
  o: KubeObject, config: Record<string, unknown>, take: (k: string) => unknown, source: string, log: ItemLog,
): RateLimitIR | undefined {
  const windows = ['second', 'minute', 'hour', 'day', 'month', 'year'].filter(w => config[w] !== undefined);
  const per = windows.length === 1 && windows[0] !== 'month' && windows[0] !== 'year' ? windows[0] as RateLimitWindow : undefined;
  const requests = per ? take(per) : undefined;
  if (!per || typeof requests !== 'number' || !Number.isInteger(requests) || requests < 1) {
    for (const w of windows) { take(w); log.unmapped(o, `config.${w}`, config[w], 'the intent limits per second, minute, hour or day, one window per route'); }
    return undefined;
  }
  log.mapped(o, `config.${per}`, requests, `Route.rateLimit (${requests} per ${per})`);
  const limitBy = take('limit_by') ?? 'consumer';
  const header = take('header_name');
  let key: RateLimitIR['key'];
  if (limitBy === 'ip') {key = 'clientIp';} else if (limitBy === 'header' && typeof header === 'string') {key = 'header';} else if (limitBy === 'consumer') {key = 'consumer';} else {
    log.unmapped(o, 'config.limit_by', limitBy, 'the intent counts per client IP, per header or per consumer');
    return undefined;
  }
  if (config.limit_by !== undefined) log.mapped(o, 'config.limit_by', limitBy, `Route.rateLimit (per ${key})`);
  if (header !== undefined) log.mapped(o, 'config.header_name', header, 'Route.rateLimit (RateLimit.perHeader)');
  const policy = take('policy') ?? 'local';
  const redis = take('redis');
  let distributed: RateLimitIR['distributed'];
  if (policy === 'redis' && isRecord(redis) && typeof redis.host === 'string' && typeof redis.port === 'number') {
    const patches = Array.isArray(o.configPatches) ? o.configPatches : [];
    const secrets = new Set(patches.map((p: any) => p?.valueFrom?.secretKeyRef?.name));
    const paths = patches.map((p: any) => p?.path).sort();
    const secretName = secrets.size === 1 && JSON.stringify(paths) === JSON.stringify(REDIS_SECRET_KEYS.map(k => `/redis/${k}`).sort())
      ? [...secrets][0] as string : undefined;
    const settings = kongRedisSettings(redis);
    distributed = { kind: 'redis', endpoint: `${redis.host}:${redis.port}`, secretName, ...settings.ir };
    log.mapped(o, 'config.policy', policy, 'Route.rateLimit (DistributedRateLimit.redis)');
    log.mapped(o, 'config.redis', redis, 'Route.rateLimit (DistributedRateLimit.redis endpoint)');
    for (const k of Object.keys(redis)) {
      if (k === 'host' || k === 'port') continue;
      if (settings.mapped.includes(k)) log.mapped(o, `config.redis.${k}`, redis[k], `Route.rateLimit (DistributedRateLimit.redis ${k === 'timeout' ? 'timeout' : k === 'database' ? 'database' : 'tls'})`);
      else log.unmapped(o, `config.redis.${k}`, redis[k], `redis '${k}' is not modelled by the intent (TLS is ssl + ssl_verify + server_name: the host)`);
    }
    if (patches.length > 0) {
      if (secretName) log.mapped(o, 'configPatches', patches, 'Route.rateLimit (DistributedRateLimit.redis secretName)');
      else log.unmapped(o, 'configPatches', patches, 'only the Redis username / password from one Secret are modelled');
    }
  } else if (policy === 'local') {
    if (config.policy !== undefined) log.mapped(o, 'config.policy', policy, 'Route.rateLimit (counted per proxy)');
    if (redis !== undefined) log.unmapped(o, 'config.redis', redis, 'Redis settings without policy: redis are not used');
  } else {
    log.unmapped(o, 'config.policy', policy, `policy '${String(policy)}' is not modelled (local, or redis with host and port)`);
  }
  return { source, key, header: key === 'header' ? (header as string).toLowerCase() : undefined, requests, per, exemptCidrs: [], distributed };
}

/** Kong's origin forms back to the intent's: literal origins, `*`, and the wildcard-host regex. */
export function intentOrigin(origin: string): string | undefined {
  if (origin === '*') return origin;
  // features/cors.ts kongOrigin: one or more labels (`**.`) or exactly one (`*.`).
  const wildcard = /^\^(https?):\/\/(\(\[a-z0-9-\]\+\\\.\)\+|\[a-z0-9-\]\+\\\.)(.+)\$$/.exec(origin);
  if (wildcard) {
    const rest = wildcard[3].replace(/\\(.)/g, '$1');
    return /^[A-Za-z0-9.:-]+$/.test(rest) ? `${wildcard[1]}://${wildcard[2].startsWith('(') ? '**.' : '*.'}${rest}` : undefined;
  }
  return /^https?:\/\/[A-Za-z0-9.-]+(:\d+)?$/.test(origin) ? origin : undefined;
}

function readCors(config: Record<string, unknown>, take: (k: string) => unknown, source: string): CorsIR | string {
  const origins = strings(take('origins'));
  const methods = strings(take('methods'));
  const headers = strings(take('headers'));
  const exposed = strings(take('exposed_headers') ?? []);
  const credentials = take('credentials') ?? false;
  const maxAge = take('max_age');
  if (!origins || origins.length === 0) return 'origins must list the allowed origins';
  const mapped = origins.map(intentOrigin);
  if (mapped.some(m => m === undefined)) return `origins ${JSON.stringify(origins)}: only '*', scheme://host[:port] and the *.host (one label) and **.host (one or more labels) forms are modelled`;
  if (!methods) return 'methods must be listed (Kong\'s default list differs from the intent\'s)';
  if (typeof credentials !== 'boolean' || (maxAge !== undefined && typeof maxAge !== 'number') || !exposed) return 'credentials / max_age / exposed_headers have unexpected types';
  // Without headers Kong echoes Access-Control-Request-Headers: the intent's '*' (any header), without credentials.
  if (credentials && [...methods, ...exposed].includes('*')) return '\'*\' with credentials: browsers read it literally on credentialed requests, and the intent allows \'*\' only without credentials';
  if (!headers && credentials) return 'without headers Kong allows every requested header, also on credentialed requests, where the intent allows no \'*\'; list them';
  void config;
  const allowed = !headers ? ['*'] : JSON.stringify(headers) === JSON.stringify(NO_EXTRA_ALLOWED_HEADERS) ? [] : headers;
  return {
    source,
    origins: uniqueSorted(mapped as string[]),
    methods: uniqueSorted(methods.map(m => m.toUpperCase())),
    headers: uniqueSorted(allowed),
    exposeHeaders: uniqueSorted(exposed),
    credentials,
    maxAgeSeconds: maxAge as number | undefined,
  };
}

/**
 * A transformer's headers: `remove`, `replace` + `add` of the same pairs (set), `append` (add).
 * Pairs only in `replace` (change if present) or only in `add` (add if absent) have no intent form.
 */
function readTransformer(
  o: KubeObject, config: Record<string, unknown>, take: (k: string) => unknown, log: ItemLog, side: 'request' | 'response',
): HeaderOpsIR | undefined {
  const section = (k: string) => {
    const v = take(k);
    if (v === undefined) return [];
    if (!isRecord(v)) return undefined;
    for (const sub of Object.keys(v)) if (sub !== 'headers') log.unmapped(o, `config.${k}.${sub}`, v[sub], `${k}.${sub} is not modelled (only headers)`);
    return strings(v.headers ?? []);
  };
  const remove = section('remove');
  const replace = section('replace');
  const add = section('add');
  const append = section('append');
  if (!remove || !replace || !add || !append) {
    log.unmapped(o, 'config', config, 'the transformer sections must hold header lists');
    return undefined;
  }
  const pair = (p: string) => {
    const i = p.indexOf(':');
    return i > 0 ? { name: p.slice(0, i).toLowerCase(), value: p.slice(i + 1) } : undefined;
  };
  const key = (p: { name: string; value: string }) => `${p.name}:${p.value}`;
  const parsed = (list: string[]) => list.map(pair);
  const [rp, ap, pp] = [parsed(replace), parsed(add), parsed(append)];
  if ([...rp, ...ap, ...pp].some(p => p === undefined)) {
    log.unmapped(o, 'config', config, 'header entries must read name:value');
    return undefined;
  }
  const replaceKeys = new Set(rp.map(p => key(p!)));
  const addKeys = new Set(ap.map(p => key(p!)));
  const set = rp.filter(p => addKeys.has(key(p!))) as Array<{ name: string; value: string }>;
  const onlyReplace = rp.filter(p => !addKeys.has(key(p!)));
  const onlyAdd = ap.filter(p => !replaceKeys.has(key(p!)));
  const prop = `Route.headerRules.${side}`;
  if (onlyReplace.length > 0) log.unmapped(o, 'config.replace.headers', onlyReplace.map(p => key(p!)), 'replacing a header only when present has no intent equivalent (HeaderRules set = replace + add)');
  if (onlyAdd.length > 0) log.unmapped(o, 'config.add.headers', onlyAdd.map(p => key(p!)), 'adding a header only when absent has no intent equivalent (HeaderRules set = replace + add)');
  if (set.length > 0) {
    log.mapped(o, 'config.replace.headers', replace, `${prop}.set`);
    log.mapped(o, 'config.add.headers', add, `${prop}.set`);
  }
  if (remove.length > 0) log.mapped(o, 'config.remove.headers', remove, `${prop}.remove`);
  if (append.length > 0) log.mapped(o, 'config.append.headers', append, `${prop}.add`);
  const byName = (a: { name: string }, b: { name: string }) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0);
  return {
    set: set.sort(byName),
    add: (pp as Array<{ name: string; value: string }>).sort(byName),
    remove: uniqueSorted(remove.map(r => r.toLowerCase())),
  };
}

/** A list of strings, or undefined when the value is not one. */
export function strings(v: unknown): string[] | undefined {
  return Array.isArray(v) && v.every(x => typeof x === 'string') ? [...v] : undefined;
}


/**
 * The credential Secret a route's key-auth / basic-auth accepts: through the acl group of its
 * `acl` plugin, the KongConsumer in that group (username or acl credential), and that consumer's
 * other credential Secret. Returns the Secret name or the reason it cannot be found.
 */
export function credentialSecret(
  group: string | undefined, namespace: string, consumers: readonly KubeObject[], secrets: ReadonlyMap<string, KubeObject>,
): string {
  if (group === undefined) return 'without an acl plugin Kong accepts the credentials of every consumer; EdgeAuth names one Secret';
  const aclGroupOf = (name: string) => {
    const s = secrets.get(`${namespace}/${name}`);
    if (!s || s.metadata.labels?.[CREDENTIAL_LABEL] !== CREDENTIAL_TYPES.acl) return undefined;
    const data = isRecord(s.stringData) ? s.stringData[ACL_GROUP_KEY] : isRecord(s.data) && typeof s.data[ACL_GROUP_KEY] === 'string' ? Buffer.from(s.data[ACL_GROUP_KEY], 'base64').toString() : undefined;
    return data;
  };
  const inGroup = (c: KubeObject) => (strings(c.credentials) ?? []).some(n => aclGroupOf(n) === group);
  const members = consumers.filter(c => (c.metadata.namespace ?? namespace) === namespace && inGroup(c));
  if (members.length !== 1) return `no single KongConsumer of namespace '${namespace}' holds the acl group '${group}'`;
  const creds = (strings(members[0].credentials) ?? []).filter(n => aclGroupOf(n) === undefined);
  if (creds.length !== 1) return `KongConsumer '${members[0].metadata.name}' must hold exactly one key-auth / basic-auth credential Secret besides its acl one`;
  return creds[0];
}

/**
 * The EdgeAuth of a route's credential plugins, or the reason it cannot be read. key-auth without
 * an acl (`anyConsumer`) accepts the key of any consumer: `EdgeAuth.apiKey({ anyConsumer: true })`;
 * likewise jwt and basic-auth.
 */
export function authOf(credential: PluginRead['credential'], secret: string, isSecret: boolean, source: string, anyConsumer = false): EdgeAuthIR | string {
  if (!credential) return 'no key-auth / basic-auth plugin';
  if (credential.kind === 'apiKey' && (isSecret || anyConsumer)) {
    return {
      kind: 'apiKey',
      source,
      secretName: isSecret ? secret : undefined,
      header: credential.header,
      queryParameter: credential.queryParameter,
      removeKey: credential.removeKey,
    };
  }
  if (credential.kind === 'jwtConsumerKeys' && (isSecret || anyConsumer)) {
    return { kind: 'jwtConsumerKeys', source, secretName: isSecret ? secret : undefined, keyClaim: credential.keyClaim! };
  }
  if (credential.kind === 'basic' && (isSecret || anyConsumer)) {
    return { kind: 'basic', source, secretName: isSecret ? secret : undefined, realm: credential.realm };
  }
  return secret;
}

/**
 * The Redis connection settings the kong renderer writes (features/rate-limit.ts): `database`,
 * `timeout` (ms), and TLS as `ssl` + `ssl_verify` + `server_name` equal to the host, all three or
 * none. Returns the IR fields and the keys they account for (the others stay unmapped).
 */
export function kongRedisSettings(redis: Record<string, any>): { ir: { tls?: true; database?: number; timeoutMs?: number }; mapped: string[] } {
  const ir: { tls?: true; database?: number; timeoutMs?: number } = {};
  const mapped: string[] = [];
  if (Number.isInteger(redis.database) && redis.database >= 0) {
    if (redis.database > 0) ir.database = redis.database;
    mapped.push('database');
  }
  if (Number.isInteger(redis.timeout) && redis.timeout > 0) {
    ir.timeoutMs = redis.timeout;
    mapped.push('timeout');
  }
  if (redis.ssl === true && redis.ssl_verify === true && redis.server_name === redis.host) {
    ir.tls = true;
    mapped.push('ssl', 'ssl_verify', 'server_name');
  } else if (redis.ssl === false && (redis.ssl_verify === undefined || redis.ssl_verify === false) && redis.server_name === undefined) {
    mapped.push('ssl', ...(redis.ssl_verify === false ? ['ssl_verify'] : []));
  }
  return { ir, mapped };
}
