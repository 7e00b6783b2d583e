import { PoliciesIR } from '../../ir/policies';

/**
 * Policies that act only on requests forwarded to a backend. A route that answers with a
 * redirect and has no backend (`Redirect.to(...)`) forwards nothing, so on it these would never
 * apply; controllers also disagree on whether authentication or a body limit runs before a
 * redirect (Traefik redirects first, Envoy authenticates first), so the library keeps one
 * meaning: a redirect-only route is answered without them.
 */
export const FORWARDING_POLICIES = ['timeouts', 'bodySize', 'retries', 'sessionAffinity', 'backendProtocol', 'auth'] as const;

/** The route's own forwarding-only policy, if a redirect-only route declares one. */
export function forwardingPolicyOf(own: { readonly [k in typeof FORWARDING_POLICIES[number]]?: unknown }): string | undefined {
  return FORWARDING_POLICIES.find(k => own[k] !== undefined);
}

/**
 * A redirect-only route's policies without the forwarding-only ones it would otherwise inherit
 * from the gateway's defaults (they apply to the routes that forward).
 */
export function withoutForwarding(p: PoliciesIR): PoliciesIR {
  const out: { -readonly [k in keyof PoliciesIR]: PoliciesIR[k] } = { ...p };
  for (const k of FORWARDING_POLICIES) delete out[k];
  return out;
}
