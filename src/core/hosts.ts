/**
 * Host patterns. A route (or passthrough) host is a concrete DNS name, `*.s` (exactly one
 * label in front of `s`: the Kubernetes Ingress and X.509 meaning) or `**.s` (one or more
 * labels in front of `s`: the Gateway API and Kong meaning of their `*.s`). A certificate
 * name (TlsHost) is concrete or `*.s`: no certificate names any depth.
 */

/** Whether `host` is a wildcard pattern (`*.s` or `**.s`). */
export function isWildcardHost(host: string): boolean {
  return host.startsWith('*');
}

/** Whether `host` is an any-depth wildcard (`**.s`). */
export function isAnyDepthHost(host: string): boolean {
  return host.startsWith('**.');
}

/** The domain a wildcard stands in front of (`*.s`, `**.s` -> `s`); the host itself when concrete. */
export function wildcardSuffix(host: string): string {
  return host.startsWith('**.') ? host.slice(3) : host.startsWith('*.') ? host.slice(2) : host;
}

/**
 * The one wildcard rule of certificates and TLS hosts: a name covers `host` when it is equal, or
 * when it is `*.x` and `host` is a concrete name with exactly one more label than `x` (RFC 6125
 * §6.4.3: the wildcard stands for one whole label). Used by the whole-gateway TLS checks (intent)
 * and cert-manager's certificate merging. For route hosts, which may be `**.` patterns, see
 * `tlsNameServes`.
 */
export function wildcardCovers(name: string, host: string): boolean {
  if (name === host) return true;
  if (!name.startsWith('*.') || isWildcardHost(host)) return false;
  const suffix = name.slice(1);
  return host.endsWith(suffix) && !host.slice(0, -suffix.length).includes('.');
}

/**
 * Whether a TlsHost name serves a route host: `wildcardCovers`, and a `*.s` certificate also
 * serves the route host `**.s` (its one-label names; deeper names cannot be named by any
 * certificate, so no TlsHost covers them, and they fail certificate verification wherever the
 * controller answers them with this certificate).
 */
export function tlsNameServes(name: string, host: string): boolean {
  return wildcardCovers(name, host) || (name.startsWith('*.') && host === `*${name}`);
}

/**
 * Whether the route host pattern `pattern` matches every name `host` matches (`host` concrete or
 * a pattern itself): equal; `*.s` over one-label names of `s`; `**.s` over every name below `s`
 * (concrete, `*.` or `**.`).
 */
export function hostPatternCovers(pattern: string, host: string): boolean {
  if (pattern === host) return true;
  if (pattern.startsWith('**.')) {
    const suffix = pattern.slice(2);
    const rest = host.startsWith('**.') ? host.slice(3) : host.startsWith('*.') ? host.slice(2) : host;
    return host.startsWith('*') ? `.${rest}`.endsWith(suffix) : host.endsWith(suffix) && host.length > suffix.length;
  }
  return wildcardCovers(pattern, host);
}

/**
 * Whether two route host patterns match a common name: one covers the other (a `*.s` and a
 * `**.t` overlap exactly when `s` is `t` or below it, i.e. when `**.t` covers `*.s`).
 */
export function hostPatternsOverlap(a: string, b: string): boolean {
  return hostPatternCovers(a, b) || hostPatternCovers(b, a);
}
