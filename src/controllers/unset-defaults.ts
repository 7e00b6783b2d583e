import { ControllerName } from '../capabilities/features';
import { WARNING_IDS, WarningSpec } from '../core/warnings';
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
