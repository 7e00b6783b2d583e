import { unsupportedMessage } from '../../../capabilities/check';
import { FeatureKind } from '../../../capabilities/features';
import { isAnyDepthHost } from '../../../core/hosts';
import { CANARY_COOKIE_VALUE, CanaryTrafficIR, GatewayIR, MatchIR } from '../../../ir/model';
import { escapeRegex } from '../../common/canary';
import { anchored } from '../../common/ingress';
import { RenderProblem } from '../../renderer';
import { COOKIE_HEADER, MATCHERS } from '../constants';

/**
 * A value as a Traefik rule string literal. Backtick literals are raw (no escapes), so a value
 * containing a backtick cannot be placed; `ruleValueProblems` refuses those before synth.
 */
function lit(value: string): string {
  return `\`${value}\``;
}

function call(matcher: string, ...args: string[]): string {
  return `${matcher}(${args.map(lit).join(', ')})`;
}

/**
 * The Go regexp of an any-depth wildcard `**.example.com`: `(?i)^.+\.example\.com$` (one or more
 * labels; hosts are case-insensitive). `Host(`*.example.com`)` matches exactly one label.
 */
export function anyDepthHostRegexp(host: string): string {
  return `(?i)^.+\\.${escapeRegex(host.slice(3))}$`;
}

/** One host: `Host` (a name, or `*.` for one label), `HostRegexp` for `**.` (one or more labels). */
function hostCall(host: string, exact: string, regexp: string): string {
  return isAnyDepthHost(host) ? call(regexp, anyDepthHostRegexp(host)) : call(exact, host);
}

/** `Host(`a`)`, or several ORed in parentheses; undefined when the route is for every host. */
export function hostCondition(hosts: readonly string[]): string | undefined {
  if (hosts.length === 0) return undefined;
  if (hosts.length === 1) return hostCall(hosts[0], MATCHERS.host, MATCHERS.hostRegexp);
  return `(${hosts.map(h => hostCall(h, MATCHERS.host, MATCHERS.hostRegexp)).join(' || ')})`;
}

/** `HostSNI(`a`)`, or several ORed (TCP routers; wildcards since v3.7; `**.` as `HostSNIRegexp`). */
export function hostSniCondition(hosts: readonly string[]): string {
  if (hosts.length === 1) return hostCall(hosts[0], MATCHERS.hostSni, MATCHERS.hostSniRegexp);
  return hosts.map(h => hostCall(h, MATCHERS.hostSni, MATCHERS.hostSniRegexp)).join(' || ');
}

/**
 * Our path semantics in Traefik matchers:
 * - Exact: `Path`.
 * - Prefix: element-wise, while Traefik's `PathPrefix` is character-wise, so `/v1` becomes
 *   `(Path(`/v1`) || PathPrefix(`/v1/`))` (matches `/v1`, `/v1/x`, not `/v1beta`); `/` stays
 *   `PathPrefix(`/`)`.
 * - RegularExpression: `PathRegexp` is an unanchored Go regexp search; we anchor it so the
 *   pattern must match the whole path.
 */
export function pathCondition(m: MatchIR): string {
  const v = m.path.value;
  switch (m.path.kind) {
    case 'Exact': return call(MATCHERS.path, v);
    case 'Prefix': return v === '/' ? call(MATCHERS.pathPrefix, '/') : `(${call(MATCHERS.path, v)} || ${call(MATCHERS.pathPrefix, `${v}/`)})`;
    case 'RegularExpression': return call(MATCHERS.pathRegexp, anchored(v));
  }
}

/**
 * The full rule of one (hosts, match): every condition ANDed. `Header` compares a value
 * exactly; `HeaderRegexp` is an unanchored search, so it is anchored like paths. Header names
 * are canonicalised by Traefik (case-insensitive, as ours).
 */
export function matchRule(hosts: readonly string[], m: MatchIR): string {
  const conditions: string[] = [];
  const host = hostCondition(hosts);
  if (host) conditions.push(host);
  conditions.push(pathCondition(m));
  if (m.method) conditions.push(call(MATCHERS.method, m.method));
  for (const h of m.headers) {
    conditions.push(h.kind === 'Exact' ? call(MATCHERS.header, h.name, h.value) : call(MATCHERS.headerRegexp, h.name, anchored(h.value)));
  }
  for (const q of m.queryParams) conditions.push(call(MATCHERS.query, q.name, q.value));
  return conditions.join(' && ');
}

/**
 * Client address conditions for an IP deny list (Traefik v3 matchers take one value each).
 * `ClientIP` compares the TCP peer address (never X-Forwarded-For), like `ipAllowList` with
 * `ipStrategy.depth: 0`. CIDRs are validated and normalised by IpAccess (no backtick).
 */
export function notFromClients(cidrs: readonly string[]): string {
  return cidrs.map(c => `!${call(MATCHERS.clientIp, c)}`).join(' && ');
}

/** The complement of `notFromClients`: the request comes from one of `cidrs`. */
export function fromClients(cidrs: readonly string[]): string {
  const each = cidrs.map(c => call(MATCHERS.clientIp, c));
  return each.length === 1 ? each[0] : `(${each.join(' || ')})`;
}

/** A rule with one more condition ANDed. */
export function and(rule: string, condition: string): string {
  return `${rule} && ${condition}`;
}

/**
 * The extra condition of a header / cookie canary (undefined for weights). `HeaderRegexp` is an
 * unanchored search over each value of the header, false when the header is absent: `.*` thus
 * means "present"; the cookie pattern anchors itself at pair boundaries (`; ` separated).
 */
export function canaryCondition(t: CanaryTrafficIR): string | undefined {
  switch (t.kind) {
    case 'weight': return undefined;
    case 'header': return call(MATCHERS.header, t.name, t.value);
    case 'header-present': return call(MATCHERS.headerRegexp, t.name, '.*');
    case 'cookie': return call(MATCHERS.headerRegexp, COOKIE_HEADER, `(^|;\\s*)${escapeRegex(t.name)}=${CANARY_COOKIE_VALUE}(;|$)`);
  }
}

/** The catch-all rule of the gateway default backend. */
export function catchAllRule(): string {
  return call(MATCHERS.pathPrefix, '/');
}

/** Canary header names and values that cannot be written as a raw backtick literal. */
export function canaryRuleProblems(controller: 'traefik', ir: GatewayIR): RenderProblem[] {
  const problems: RenderProblem[] = [];
  for (const canary of ir.canaries) {
    const t = canary.traffic;
    if (t.kind !== 'header' && t.kind !== 'header-present') continue;
    const values = t.kind === 'header' ? [t.name, t.value] : [t.name];
    if (values.some(v => v.includes('`'))) {
      problems.push({
        source: canary.source,
        message: unsupportedMessage(controller, t.kind === 'header' ? 'canaryHeader' : 'canaryHeaderPresence', 'traffic',
          'the header name or value contains a backtick, which cannot be placed in a Traefik rule string'),
      });
    }
  }
  return problems;
}

/**
 * Values that cannot be written as a raw backtick literal in a Traefik rule. Paths, hosts and
 * regexes never contain a backtick (validated when the intent is built), but header names and
 * query parameter names (RFC 7230 tokens may contain '`') and exact header / query values can.
 */
export function ruleValueProblems(controller: 'traefik', ir: GatewayIR): RenderProblem[] {
  const problems: RenderProblem[] = [];
  for (const route of ir.routes) {
    route.matches.forEach((m, i) => {
      const at = route.matches.length > 1 ? `matches[${i}]` : 'match';
      const refuse = (feature: FeatureKind, prop: string, what: string, value: string) => {
        if (!value.includes('`')) return;
        problems.push({
          source: route.source,
          message: unsupportedMessage(controller, feature, prop,
            `${what} '${value}' contains a backtick, which cannot be placed in a Traefik rule string`),
        });
      };
      m.headers.forEach((h, j) => {
        const feature: FeatureKind = h.kind === 'Exact' ? 'headerMatch' : 'headerRegexMatch';
        refuse(feature, `${at}.headers[${j}]`, 'the header name', h.name);
        refuse(feature, `${at}.headers[${j}]`, `header '${h.name}' value`, h.value);
      });
      m.queryParams.forEach((q, j) => {
        refuse('queryParamMatch', `${at}.queryParams[${j}]`, 'the query parameter name', q.name);
        refuse('queryParamMatch', `${at}.queryParams[${j}]`, `query parameter '${q.name}' value`, q.value);
      });
      refuse(m.path.kind === 'Exact' ? 'exactPath' : m.path.kind === 'Prefix' ? 'prefixPath' : 'regexPath', `${at}.path`, 'the path', m.path.value);
    });
    for (const host of route.hosts) {
      if (host.includes('`')) {
        problems.push({ source: route.source, message: unsupportedMessage(controller, 'hostRouting', 'hosts', `host '${host}' contains a backtick, which cannot be placed in a Traefik rule string`) });
      }
    }
  }
  return problems;
}
