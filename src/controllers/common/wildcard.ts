import { GatewayIR } from '../../ir/model';

/**
 * Gateway API hostnames (HTTPRoute, GRPCRoute, TLSRoute, listeners), Kong hosts and Istio
 * AuthorizationPolicy hosts spell a wildcard `*.s` and match it as a suffix: one or more labels,
 * the intent's `**.s`. The capability matrix refuses the intent's one-label `*.s` on those
 * columns, so route and passthrough hosts map one to one.
 */

/** A route host in the suffix-wildcard spelling: `**.s` -> `*.s`; other hosts unchanged. */
export function suffixWildcard(host: string): string {
  return host.startsWith('**.') ? host.slice(1) : host;
}

/** A suffix-wildcard hostname read back as the intent's host: `*.s` -> `**.s`; other hosts unchanged. */
export function fromSuffixWildcard(host: string): string {
  return host.startsWith('*.') ? `*${host}` : host;
}

/**
 * A gateway read from suffix-wildcard objects in the intent's spelling: route, canary and
 * passthrough hosts `*.s` become `**.s` (TlsHost names stay: they are certificate names, where
 * `*.s` is one label everywhere). Readers apply it last, after matching hostnames in the
 * controller's own spelling.
 */
export function readSuffixWildcards(ir: GatewayIR): GatewayIR {
  const hosts = (list: readonly string[]) => [...list].map(fromSuffixWildcard).sort();
  const canaries = new Map(ir.canaries.map(c => [c, { ...c, hosts: hosts(c.hosts) }]));
  return {
    ...ir,
    routes: ir.routes.map(r => ({ ...r, hosts: hosts(r.hosts) })),
    canaries: [...canaries.values()],
    canariesByRoute: new Map([...ir.canariesByRoute].map(([k, list]) => [k, list.map(c => canaries.get(c) ?? c)])),
    passthroughHosts: ir.passthroughHosts.map(p => ({ ...p, hosts: hosts(p.hosts) })),
  };
}
