/**
 * ingress-nginx's own annotation value validation, mirrored so that nothing we emit is refused
 * (or silently replaced by a default) by the controller. Sources: `internal/ingress/annotations/
 * parser/validators.go` (v1.15) and the per-annotation parsers, which check some values a second
 * time when they parse them (CORS, auth). Every check also refuses CR / LF (`MaliciousRegex`).
 */
export interface AnnotationValidator {
  /** What ingress-nginx calls the accepted form, for messages. */
  readonly name: string;
  test(value: string): boolean;
}

// validators.go character classes (Go RE2 syntax, re-expressed for JavaScript).
const ALNUM = '\\-._~a-zA-Z0-9/:';
const BASIC_CHARS = new RegExp(`^[/${ALNUM}]*$`);
const CHARS_WITH_SPACE = new RegExp(`^[/${ALNUM} ]*$`);
const EXTENDED_CHARS = new RegExp(`^[/${ALNUM}, ]*$`);
const URL_CHARS = new RegExp(`^[${ALNUM}:?&=]*$`);
const URL_WITH_VARIABLES = new RegExp(`^[${ALNUM}:?&=$]*$`);
const NGINX_VARIABLE = /^[A-Za-z0-9\-_${}]*$/;
const REGEX_PATH_WITH_CAPTURE = new RegExp(`^/?[${ALNUM}/$]*$`);
const HEADERS_VARIABLE = /^[A-Za-z0-9\-_, ]*$/;
const SERVER_NAME = new RegExp(`^[/${ALNUM}\\^$\\[\\](){}*+?|&=\\\\]*$`);
const SIZE = /^\d+[bkmg]?$/i;
const MALICIOUS = /[\r\n]/;

// Per-annotation parser checks.
/** cors: the validator of the whole value. */
const CORS_ORIGIN_VALUE = /^((((([a-z]+:\/\/)?(\*\.)?[A-Za-z0-9\-.]*(:\d+)?,?)|null)+)|\*)?$/;
/** cors: each comma-separated origin at parse time (a mismatch is silently skipped). */
const CORS_ORIGIN = /^([a-z]+:\/\/(\*\.)?[A-Za-z0-9\-.]*(:\d+)?|\*|null)?$/;
const CORS_METHODS = /^([A-Za-z]+,?\s?)+$/;
const CORS_EXPOSE_HEADERS = /^(([A-Za-z0-9\-_]+|\*),?\s?)+$/;
/** proxy-next-upstream (not space-stripped). */
const NEXT_UPSTREAM = /^((error|timeout|invalid_header|http_500|http_502|http_503|http_504|http_403|http_404|http_429|non_idempotent|off)\s?)+$/;
/** authreq: each response header name at parse time (a mismatch denies the location). */
const AUTH_HEADER = /^[a-zA-Z\d\-_]+$/;
/** authreq: `[code ...] duration` per comma-separated item. */
const CACHE_STATUS = /^\d{3}$/;
const CACHE_DURATION = /^\d+(ms|s|m|h|d|w|M|y)$/;
/** sessionaffinity: session-cookie-max-age / -expires. */
const COOKIE_SECONDS = /(^0|-?[1-9]\d*$)/;

/** Go `strconv.Atoi` on a 64-bit platform. */
function atoi(value: string): boolean {
  if (!/^[+-]?\d+$/.test(value)) return false;
  const n = BigInt(value);
  return n >= -(2n ** 63n) && n <= 2n ** 63n - 1n;
}

/** Go `strconv.ParseBool`. */
const BOOLS = new Set(['1', 't', 'T', 'TRUE', 'true', 'True', '0', 'f', 'F', 'FALSE', 'false', 'False']);

const IPV4 = /^(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)(\.(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)){3}$/;

function isIpv6(ip: string): boolean {
  if (!/^[0-9a-fA-F:.]+$/.test(ip) || !ip.includes(':')) return false;
  // An embedded IPv4 tail counts as two groups.
  let groupsText = ip;
  let extra = 0;
  const lastColon = ip.lastIndexOf(':');
  const tail = ip.slice(lastColon + 1);
  if (tail.includes('.')) {
    if (!IPV4.test(tail)) return false;
    groupsText = ip.slice(0, lastColon + 1) + '0';
    extra = 1;
  }
  const halves = groupsText.split('::');
  if (halves.length > 2) return false;
  const groups = halves.flatMap(h => (h === '' ? [] : h.split(':')));
  if (groups.some(g => !/^[0-9a-fA-F]{1,4}$/.test(g))) return false;
  const count = groups.length + extra;
  return halves.length === 2 ? count < 8 : count === 8;
}

/** Go `net.ParseCIDR`, else `net.ParseIP`, on one trimmed item (ingress-nginx `net.ParseCIDRs`). */
function isCidrOrIp(item: string): boolean {
  const [ip, bits, more] = item.split('/');
  if (more !== undefined) return false;
  const v4 = IPV4.test(ip);
  if (!v4 && !isIpv6(ip)) return false;
  if (bits === undefined) return true;
  return /^\d{1,3}$/.test(bits) && Number(bits) <= (v4 ? 32 : 128);
}

/** `ValidateRegex(regex, removeSpace)`. */
function regex(name: string, re: RegExp, removeSpace: boolean, extra?: (v: string) => boolean): AnnotationValidator {
  return {
    name,
    test: v => !MALICIOUS.test(v) && re.test(removeSpace ? v.replace(/ /g, '') : v) && (extra ? extra(v) : true),
  };
}

function items(value: string): string[] {
  return value.split(',').map(s => s.trim()).filter(s => s.length > 0);
}

export const VALIDATORS = {
  bool: { name: 'a boolean (strconv.ParseBool)', test: (v: string) => BOOLS.has(v) } as AnnotationValidator,
  int: { name: 'an integer (strconv.Atoi)', test: atoi } as AnnotationValidator,
  size: regex('an nginx size (SizeRegex)', SIZE, true),
  cidrs: {
    name: 'a comma-separated list of IP addresses and CIDRs (ValidateCIDRs)',
    test: (v: string) => !MALICIOUS.test(v) && v.split(',').every(i => isCidrOrIp(i.trim())),
  } as AnnotationValidator,
  basicChars: regex('BasicCharsRegex', BASIC_CHARS, true),
  charsWithSpace: regex('CharsWithSpace', CHARS_WITH_SPACE, false),
  urlChars: regex('URLIsValidRegex', URL_CHARS, true),
  urlWithVariables: regex('URLWithNginxVariableRegex', URL_WITH_VARIABLES, true),
  authUrl: regex('URLWithNginxVariableRegex, with a scheme and a host without \'..\'', URL_WITH_VARIABLES, true,
    v => /^[a-z][a-z0-9+.-]*:\/\/[^/:?]+/i.test(v) && !/^[^:]+:\/\/[^/]*\.\./.test(v)),
  nginxVariables: regex('NGINXVariable', NGINX_VARIABLE, true),
  regexPathWithCapture: regex('RegexPathWithCapture', REGEX_PATH_WITH_CAPTURE, false),
  serverName: {
    name: 'a server name (ValidateServerName)',
    test: (v: string) => !MALICIOUS.test(v) && SERVER_NAME.test(v.trim()),
  } as AnnotationValidator,
  corsOrigins: regex('cors-allow-origin (corsOriginRegexValidator, then corsOriginRegex per origin)', CORS_ORIGIN_VALUE, true,
    v => items(v).every(o => CORS_ORIGIN.test(o))),
  corsMethods: regex('cors-allow-methods (corsMethodsRegex)', CORS_METHODS, true, v => CORS_METHODS.test(v)),
  corsHeaders: regex('HeadersVariable', HEADERS_VARIABLE, true, v => HEADERS_VARIABLE.test(v) && v.trim().length > 0),
  corsExposeHeaders: regex('cors-expose-headers (corsExposeHeadersRegex)', CORS_EXPOSE_HEADERS, true, v => CORS_EXPOSE_HEADERS.test(v)),
  nextUpstream: regex('proxy-next-upstream (validUpstreamAnnotation)', NEXT_UPSTREAM, false),
  authResponseHeaders: regex('HeadersVariable, each name [a-zA-Z0-9-_]', HEADERS_VARIABLE, true,
    v => items(v).every(h => AUTH_HEADER.test(h))),
  authCacheDuration: regex('ExtendedCharsRegex, each item `[code ...] duration`', EXTENDED_CHARS, false,
    v => items(v).every(validCacheDuration)),
  cookieSeconds: regex('session cookie seconds (affinityCookieExpiresRegex)', COOKIE_SECONDS, false),
  options: (values: string[], caseSensitive: boolean): AnnotationValidator => ({
    name: `one of ${values.join(', ')}`,
    test: v => values.includes(caseSensitive ? v.trim() : v.trim().toLowerCase()),
  }),
  /** `ssl-ciphers`: an OpenSSL cipher string (names joined by ':'; '!', '+', '@STRENGTH' allowed), one line. */
  sslCiphers: regex('an OpenSSL cipher string', /^[A-Za-z0-9+:_\-!@=]+$/, false),
};

/** authreq `ValidCacheDuration`: status codes, then at least one duration (no code after it). */
function validCacheDuration(item: string): boolean {
  let seenDuration = false;
  for (const element of item.split(' ')) {
    if (element.length === 0) continue;
    if (CACHE_STATUS.test(element)) {
      if (seenDuration) return false;
      continue;
    }
    if (CACHE_DURATION.test(element)) seenDuration = true;
  }
  return seenDuration;
}

/**
 * The words ingress-nginx's documentation suggests for `annotation-value-word-blocklist`
 * (empty by default). A value containing one is refused by controllers configured that way, so
 * we never emit one.
 */
export const SUGGESTED_BLOCKLIST = ['load_module', 'lua_package', '_by_lua', 'location', 'root', 'proxy_pass', 'serviceaccount', '{', '}', "'", '"'];

/** The first suggested-blocklist word `value` contains (case-insensitive, as ingress-nginx matches). */
export function blockedWord(value: string): string | undefined {
  const lower = value.toLowerCase();
  return SUGGESTED_BLOCKLIST.find(w => lower.includes(w));
}
