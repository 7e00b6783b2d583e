import { domainToASCII } from 'url';
import { Duration } from 'cdk8s';
import { show } from './errors';

/**
 * Value rules shared by every construct. Each returns a problem description or undefined,
 * so callers can word the error with the construct and prop that introduced the value.
 * The rules are the API server's and the Gateway API CRDs' (see validation-rules.md §1, §2),
 * tightened where a controller would otherwise accept something dangerous.
 */

const DNS1123_LABEL = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;
const DNS1123_SUBDOMAIN = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/;
const DNS1035_LABEL = /^[a-z]([-a-z0-9]*[a-z0-9])?$/;
const IPV4 = /^\d{1,3}(\.\d{1,3}){3}$/;
/** RFC 7230 token: what Gateway API accepts as header / query-param names. */
const HTTP_TOKEN = /^[A-Za-z0-9!#$%&'*+\-.^_`|~]+$/;
/**
 * Printable ASCII words separated by one SP or HTAB: no CR, LF, NUL or other controls, no
 * leading, trailing or repeated whitespace (Gateway API's header value pattern).
 */
const HEADER_VALUE = /^[\x21-\x7e]+([\t ]?[\x21-\x7e]+)*$/;
/** Gateway API's literal path charset, which is also safe for every Ingress controller. */
const PATH_CHARS = /^(?:[-A-Za-z0-9/._~!$&'()*+,;=:@]|%[0-9a-fA-F]{2})+$/;

/**
 * The results of a pure check of strings an app repeats (every route of a host checks the host,
 * many routes share a path): remembered per string, at most `MAX_REMEMBERED` of them.
 */
class Remembered {
  private readonly known = new Map<string, string | undefined>();
  public get(value: string, check: (value: string) => string | undefined): string | undefined {
    const known = this.known.get(value);
    if (known !== undefined || this.known.has(value)) return known;
    const result = check(value);
    if (this.known.size >= MAX_REMEMBERED) this.known.clear();
    this.known.set(value, result);
    return result;
  }
}
const MAX_REMEMBERED = 10_000;
const HOSTS = new Remembered();
const LITERAL_PATHS = new Remembered();

export function checkHost(host: string): string | undefined {
  return typeof host === 'string' ? HOSTS.get(host, hostNameProblem) : hostNameProblem(host);
}

function hostNameProblem(host: string): string | undefined {
  if (typeof host !== 'string' || host.length === 0) return 'must be a non-empty DNS name';
  if (host === '*' || host === '**') return `${show(host)} is not a hostname: omit hosts for a catch-all that matches every host, or use a wildcard such as '*.example.com' (one label) or '**.example.com' (any depth)`;
  const idn = aLabelHint(host);
  if (idn) return idn;
  if (host.length > 253) return `${show(host)} is longer than 253 characters`;
  if (host.includes(':')) return `${show(host)} must be a DNS name without a port or IPv6 address`;
  if (IPV4.test(host)) return `${show(host)} is an IP address; routes match DNS names only`;
  if (host !== host.toLowerCase()) return `${show(host)} must be lowercase (hosts are case-insensitive; write '${host.toLowerCase()}')`;
  if (host.endsWith('.')) return `${show(host)} must not end with a dot`;
  const prefix = host.startsWith('**.') ? '**.' : host.startsWith('*.') ? '*.' : '';
  const body = host.slice(prefix.length);
  if (body.includes('*')) return `${show(host)} may contain a wildcard only as the whole leftmost label: '*.example.com' (exactly one label) or '**.example.com' (one or more labels)`;
  if (!DNS1123_SUBDOMAIN.test(body)) return `${show(host)} is not a valid DNS name (lowercase letters, digits, '-' and '.', labels start and end with a letter or digit)`;
  if (body.split('.').some(l => l.length > 63)) return `${show(host)} has a label longer than 63 characters`;
  if (prefix !== '' && !body.includes('.')) return `${show(host)} wildcard must cover a domain with at least two labels`;
  return undefined;
}

/**
 * A certificate name (TlsHost, cert-manager): `checkHost`, and no `**.` (an X.509 wildcard stands
 * for exactly one label, so no certificate names every depth).
 */
export function checkCertificateName(host: string): string | undefined {
  const problem = checkHost(host);
  if (problem || !host.startsWith('**.')) return problem;
  return `${show(host)} cannot be a certificate name: a certificate wildcard stands for exactly one label; write '${host.slice(1)}' (and list deeper names such as '*.sub${host.slice(2)}' separately)`;
}

/**
 * For a name with non-ASCII characters (an internationalized domain name), the problem naming
 * its A-label (punycode) spelling, which is what DNS, SNI and the Host header carry.
 */
export function aLabelHint(host: string): string | undefined {
  if (!/[^\x00-\x7f]/.test(host)) return undefined;
  const wildcard = host.startsWith('**.') ? '**.' : host.startsWith('*.') ? '*.' : '';
  const ascii = domainToASCII(host.slice(wildcard.length));
  return ascii
    ? `${show(host)} is an internationalized name; write its A-label (punycode) spelling '${wildcard}${ascii}'`
    : `${show(host)} contains non-ASCII characters and is not a valid internationalized domain name`;
}

/** For a URL (or origin) whose host is internationalized, the problem naming its A-label spelling. */
export function urlALabelHint(url: string): string | undefined {
  if (typeof url !== 'string' || !/[^\x00-\x7f]/.test(url)) return undefined;
  const m = /^([a-z]+:\/\/)([^/:?#]+)(.*)$/.exec(url);
  const ascii = m && !/[^\x00-\x7f]/.test(m[3]) ? domainToASCII(m[2]) : '';
  return ascii
    ? `${show(url)} has an internationalized host; write its A-label (punycode) spelling '${m![1]}${ascii}${m![3]}'`
    : `${show(url)} contains non-ASCII characters; percent-encode them in the path and write an internationalized host in its A-label (punycode) spelling`;
}

/** Literal paths (Exact / Prefix). */
export function checkLiteralPath(path: string): string | undefined {
  return typeof path === 'string' ? LITERAL_PATHS.get(path, literalPathProblem) : literalPathProblem(path);
}

function literalPathProblem(path: string): string | undefined {
  if (typeof path !== 'string' || path.length === 0) return 'must be a non-empty path';
  if (!path.startsWith('/')) return `${show(path)} must start with '/'`;
  if (path.length > 1024) return `'${path.slice(0, 40)}...' is longer than 1024 characters`;
  if (path.includes('//')) return `${show(path)} must not contain '//'`;
  if (/%2f/i.test(path)) return `${show(path)} must not contain an encoded '/' (%2F)`;
  const segments = path.split('/');
  if (segments.some(s => s === '.' || s === '..')) return `${show(path)} must not contain '.' or '..' segments`;
  // Proxies decode before normalising: an encoded dot-segment is a dot-segment.
  if (segments.some(s => /^(\.|%2e){1,2}$/i.test(s))) return `${show(path)} must not contain '.' or '..' segments, percent-encoded ('%2e') or not`;
  // Encoded forms of characters refused in clear: controls (CR, LF, NUL...) and the backslash.
  if (/%(0[0-9a-f]|1[0-9a-f]|7f|5c)/i.test(path)) return `${show(path)} must not contain percent-encoded control characters or backslashes (%00-%1F, %7F, %5C)`;
  if (!PATH_CHARS.test(path)) return `${show(path)} contains characters outside the URL path set (no spaces, '?', '#', quotes, braces, backslashes or non-ASCII)`;
  const regex = regexSyntax(path);
  if (regex) {
    return `${show(path)} contains ${regex}, but this path is matched (or written) literally, so it would never do what the pattern says; `
      + `use PathMatch.regex() for a regular-expression match, or a plain prefix such as PathMatch.prefix('${literalStem(path)}')`;
  }
  return undefined;
}

/** The literal part of a path before its first pattern character, up to the last '/'. */
function literalStem(path: string): string {
  const first = path.search(/[*+(]|\.[*+]/);
  const head = first < 0 ? path : path.slice(0, first);
  return head.slice(0, head.lastIndexOf('/') + 1) || '/';
}

/**
 * Regular-expression or glob syntax in a literal path ('/api/(.*)', '/static/*', '/v1$', '/$1'),
 * described, else undefined. '*' is legal in a URL path but never meant literally in a route.
 */
function regexSyntax(path: string): string | undefined {
  if (/\.[*+]/.test(path)) return `the pattern '${/\.[*+]/.exec(path)![0]}'`;
  if (path.includes('*')) return 'a \'*\' wildcard';
  if (/\([^/]*[*+|]/.test(path)) return 'a regular-expression group';
  return undefined;
}

/**
 * '$' in a literal path is legal and rendered literally everywhere, but a trailing '$' or a
 * '$1' usually means a regex anchor or a capture reference (ingress-nginx habits): a warning.
 */
export function dollarLookalike(path: string): string | undefined {
  if (/\$(\d|\{)/.test(path)) return `${show(path)} contains '$' followed by a digit or '{', which is matched and written literally here, not a capture reference; use PathMatch.regex() with Rewrite if you meant one`;
  if (/\$$/.test(path)) return `${show(path)} ends with '$', which is matched literally here, not an end anchor; use PathMatch.exact() or PathMatch.regex() if you meant one`;
  return undefined;
}

/**
 * Regular-expression paths and header values: must compile, must not use constructs outside RE2
 * (every controller but ingress-nginx evaluates RE2 / Go regexp), and must be single-line.
 */
export function checkRegex(pattern: string, mustStartWithSlash: boolean): string | undefined {
  if (typeof pattern !== 'string' || pattern.length === 0) return 'must be a non-empty regular expression';
  if (/[\r\n\0]/.test(pattern)) return 'must not contain CR, LF or NUL';
  if (pattern.length > 1024) return 'is longer than 1024 characters';
  const anchored = pattern.startsWith('^') ? pattern.slice(1) : pattern;
  if (mustStartWithSlash && !anchored.startsWith('/')) return `${show(pattern)} must match from the leading '/' (start it with '/' or '^/')`;
  if (/\(\?[=!<]|\\[1-9]|\\k</.test(pattern)) return `${show(pattern)} uses look-around or back-references, which RE2-based proxies do not support`;
  if (/[`]/.test(pattern)) return `${show(pattern)} must not contain a backtick`;
  if (/\s/.test(pattern)) return `${show(pattern)} must not contain whitespace`;
  // Gateway API's header value pattern; request paths arrive percent-encoded, so a non-ASCII
  // character in a path pattern would never match.
  if (!/^[\x21-\x7e]+$/.test(pattern)) return `${show(pattern)} must be printable ASCII (percent-encode other characters, e.g. '%C3%A9' for 'é' in a path)`;
  if (hasTopLevelAlternation(pattern)) return `${show(pattern)} has a top-level '|'; wrap the alternatives in a group so anchoring applies to all of them (e.g. '/(a|b)')`;
  try {
    new RegExp(pattern);
  } catch (e) {
    return `${show(pattern)} is not a valid regular expression (${(e as Error).message})`;
  }
  return undefined;
}

export function checkPort(port: number): string | undefined {
  if (typeof port !== 'number' || !Number.isInteger(port) || port < 1 || port > 65535) return `${show(port)} must be an integer from 1 to 65535`;
  return undefined;
}

/** Service names are DNS-1035 labels. */
export function checkServiceName(name: string): string | undefined {
  if (typeof name !== 'string' || !DNS1035_LABEL.test(name) || name.length > 63) {
    return `${show(name)} is not a valid Service name (DNS-1035 label: lowercase letters, digits and '-', starting with a letter, at most 63 characters)`;
  }
  return undefined;
}

export function checkNamespace(ns: string): string | undefined {
  if (typeof ns !== 'string' || !DNS1123_LABEL.test(ns) || ns.length > 63) {
    return `${show(ns)} is not a valid namespace (DNS-1123 label: lowercase letters, digits and '-', at most 63 characters)`;
  }
  return undefined;
}

/** Names of objects we emit or reference (Secrets, Gateways, classes): DNS-1123 subdomains. */
export function checkObjectName(name: string, maxLength = 253): string | undefined {
  if (typeof name !== 'string' || !DNS1123_SUBDOMAIN.test(name) || name.length > maxLength) {
    return `${show(name)} is not a valid object name (lowercase letters, digits, '-' and '.', starting and ending with a letter or digit, at most ${maxLength} characters)`;
  }
  return undefined;
}

/** Names that must be DNS-1123 labels (listener section names, name segments). */
export function checkLabelName(name: string): string | undefined {
  if (typeof name !== 'string' || !DNS1123_LABEL.test(name) || name.length > 63) {
    return `${show(name)} is not a valid name (DNS-1123 label: lowercase letters, digits and '-', at most 63 characters)`;
  }
  return undefined;
}

export function checkHeaderName(name: string): string | undefined {
  if (typeof name !== 'string' || !HTTP_TOKEN.test(name) || name.length > 256) {
    return `${show(name)} is not a valid HTTP header or parameter name (RFC 7230 token, at most 256 characters)`;
  }
  return undefined;
}

export function checkHeaderValue(value: string, maxLength = 4096): string | undefined {
  if (typeof value !== 'string' || value.length === 0) return 'must be a non-empty value';
  if (/[\r\n\0]/.test(value)) return 'must not contain CR, LF or NUL';
  if (value.length > maxLength) return `is longer than ${maxLength} characters`;
  if (!HEADER_VALUE.test(value)) return `${show(value)} must be printable ASCII without leading, trailing or repeated whitespace`;
  return undefined;
}

/** Whether `|` appears outside any group or character class. */
export function hasTopLevelAlternation(pattern: string): boolean {
  let depth = 0;
  let inClass = false;
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i];
    if (c === '\\') { i++; continue; }
    if (inClass) { if (c === ']') inClass = false; continue; }
    if (c === '[') inClass = true;
    else if (c === '(') depth++;
    else if (c === ')') depth--;
    else if (c === '|' && depth === 0) return true;
  }
  return false;
}

/**
 * A Duration made from NaN or Infinity (cdk8s accepts both), as text naming the value the way it
 * was written (`Duration.seconds(NaN)`), else undefined.
 */
export function nonFiniteDuration(d: Duration): string | undefined {
  if (Number.isFinite(d.toMilliseconds({ integral: false }))) return undefined;
  const x = d as unknown as { amount?: unknown; unit?: { label?: unknown } };
  const written = typeof x.unit?.label === 'string' ? `Duration.${x.unit.label}(${String(x.amount)})` : 'the Duration';
  return `${written} is not a finite duration; give a finite amount, e.g. Duration.seconds(30)`;
}

/** Longest URL `Redirect.toUrl` takes. */
const MAX_URL = 2048;

/**
 * An absolute http(s) URL every gateway writes as given: no whitespace, control characters or
 * characters the controllers' configuration languages interpret (`$` is an nginx variable, `{` `}`
 * `;` quotes and `\\` end or escape values); a valid host; at most 2048 characters.
 */
export function checkRedirectUrl(url: unknown): string | undefined {
  if (typeof url !== 'string') return `${show(url)} must be an absolute http or https URL`;
  if (url.length > MAX_URL) return `is ${url.length} characters long; at most ${MAX_URL}`;
  if (/[\s\x00-\x1f\x7f]/.test(url)) return `${show(url)} must not contain whitespace or control characters`;
  if (/[$;{}"'\\`<>^|]/.test(url)) return `${show(url)} must not contain $ ; { } quotes \\ \` < > ^ or | (percent-encode them)`;
  if (/[^\x21-\x7e]/.test(url)) return `${show(url)} must be ASCII (percent-encode other characters, write the host as its A-label)`;
  const m = /^(https?):\/\/([^/?#@]+?)(?::([0-9]{1,5}))?([/?#].*)?$/.exec(url);
  if (!m) return `${show(url)} must be an absolute http or https URL (scheme://host[:port][/path][?query]), without user info`;
  const hostProblem = checkHost(m[2]) ?? (m[2].startsWith('*.') ? `'${m[2]}' must not be a wildcard` : undefined);
  if (hostProblem) return hostProblem;
  if (m[3] !== undefined && checkPort(Number(m[3]))) return `port ${checkPort(Number(m[3]))}`;
  if (m[4]?.includes('#')) return `${show(url)} must not have a fragment`;
  return undefined;
}
