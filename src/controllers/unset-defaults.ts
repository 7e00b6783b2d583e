import { ControllerName } from '../capabilities/features';
import { WARNING_IDS, WarningSpec } from '../core/warnings';
import { BackendIR } from '../ir/model';
import { PoliciesIR } from '../ir/policies';

/**
 * What each controller does with an unset rate-limit burst where that is not the intent's meaning
 * (a token bucket of one period's worth, which every other renderer writes explicitly). Typed
 * total: a new controller does not compile until it decides. Feeds the `controller-default`
 * warning, so moving an app between controllers never changes behaviour silently. `undefined`:
 * the controller renders the intent's meaning exactly, or refuses rate limits altogether.
 */
const UNSET_BURST: { readonly [c in ControllerName]: string | undefined } = {
  'ingress-nginx': undefined,
  'traefik': undefined,
  'traefik-ingress': undefined,
  'kong': 'Kong counts fixed windows: a window\'s requests may all arrive at once, so up to twice the rate can pass across a window boundary',
  'kong-gateway-api': 'Kong counts fixed windows: a window\'s requests may all arrive at once, so up to twice the rate can pass across a window boundary',
  'envoy-gateway': undefined,
  'gateway-api': undefined,
  'istio': undefined,
};

/** The `controller-default` warnings for the policies declared at `source` on `controller`. */
export function unsetDefaultWarnings(controller: ControllerName, policies: PoliciesIR, source: string, prefix: '' | 'defaults.' = ''): WarningSpec[] {
  const rl = policies.rateLimit;
  const here = UNSET_BURST[controller];
  if (!rl || rl.source !== source || rl.burst !== undefined || here === undefined) return [];
  return [{
    id: WARNING_IDS.controllerDefault,
    message: `${prefix}rateLimit.burst: unset means a bucket of one period's worth, refilled smoothly, but ${here}; `
      + 'this controller cannot size a bucket: acknowledge this warning, or choose a controller with a token bucket',
  }];
}

/**
 * What each controller does with the certificate of a backend reached with `BackendProtocol.HTTPS`
 * or `GRPCS` when the backend declares no `tls`: `unverified` (any certificate is accepted),
 * `system` (checked against the proxy's system roots, so a self-signed backend fails), or
 * `undefined` where the controller refuses the protocol without `tls`. Typed total, like
 * UNSET_BURST: a TLS backend never changes meaning silently when the app moves.
 */
const PROTOCOL_TLS: { readonly [c in ControllerName]: { readonly how: 'unverified' | 'system'; readonly why: string } | undefined } = {
  'ingress-nginx': { how: 'unverified', why: 'ingress-nginx leaves proxy-ssl-verify off unless a CA is given' },
  'traefik': { how: 'system', why: 'Traefik checks the certificate against its system roots unless a ServersTransport says otherwise' },
  'traefik-ingress': { how: 'system', why: 'Traefik checks the certificate against its system roots unless a ServersTransport says otherwise' },
  'kong': { how: 'unverified', why: 'Kong leaves tls_verify off on the upstream Service unless told' },
  'kong-gateway-api': { how: 'unverified', why: 'Kong leaves tls_verify off on the upstream Service unless told' },
  'envoy-gateway': undefined,
  'gateway-api': undefined,
  'istio': undefined,
};

/**
 * `backend-tls-unverified` / `controller-default` for `BackendProtocol.HTTPS` or `GRPCS` on
 * backends without `tls`: how the certificate is checked is then the controller's own default,
 * which differs between controllers. Declaring the backend's `tls` (`BackendTls.verify(...)`, or
 * the explicit `BackendTls.insecureSkipVerify()`) makes it the intent's.
 */
export function protocolTlsWarnings(controller: ControllerName, policies: PoliciesIR, backends: readonly BackendIR[], prefix: '' | 'defaults.' = ''): WarningSpec[] {
  const protocol = policies.backendProtocol?.protocol;
  const here = PROTOCOL_TLS[controller];
  if ((protocol !== 'HTTPS' && protocol !== 'GRPCS') || !here) return [];
  const bare = backends.filter(b => !b.tls).map(b => `${b.namespace}/${b.service}:${b.port}`);
  if (bare.length === 0) return [];
  const fix = 'declare the backend\'s tls: BackendTls.verify(...) to check it, or BackendTls.insecureSkipVerify() to accept any certificate explicitly';
  return [here.how === 'unverified' ? {
    id: WARNING_IDS.backendTlsUnverified,
    message: `${prefix}backendProtocol: BackendProtocol.${protocol} to ${bare.join(', ')} without tls: the certificate is not verified (${here.why}), `
      + `so anyone on the path between the proxy and the backend can read and change the traffic; ${fix}`,
  } : {
    id: WARNING_IDS.controllerDefault,
    message: `${prefix}backendProtocol: BackendProtocol.${protocol} to ${bare.join(', ')} without tls: ${here.why}, while ingress-nginx and Kong accept any certificate; `
      + `a self-signed backend fails here; ${fix}`,
  }];
}
