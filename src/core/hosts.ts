/**
 * The one wildcard rule of certificates and TLS hosts: a name covers `host` when it is equal, or
 * when it is `*.x` and `host` is a concrete name with exactly one more label than `x` (RFC 6125
 * §6.4.3: the wildcard stands for one whole label). Used by TLS coverage (controllers), the
 * whole-gateway TLS checks (intent) and cert-manager's certificate merging.
 */
export function wildcardCovers(name: string, host: string): boolean {
  if (name === host) return true;
  if (!name.startsWith('*.') || host.startsWith('*.')) return false;
  const suffix = name.slice(1);
  return host.endsWith(suffix) && !host.slice(0, -suffix.length).includes('.');
}
