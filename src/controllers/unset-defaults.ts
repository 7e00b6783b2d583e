import { ControllerName } from '../capabilities/features';
import { WARNING_IDS, WarningSpec } from '../core/warnings';
import { PoliciesIR } from '../ir/policies';

/**
 * What each controller does when the user leaves a setting unset whose meaning differs between
 * controllers (typed total: a new controller does not compile until it decides). Feeds the
 * `controller-default` warning, so moving an app between controllers never changes behaviour
 * silently. `undefined`: the controller refuses the feature altogether (the synth fails).
 */
const UNSET_BURST: { readonly [c in ControllerName]: string | undefined } = {
  'ingress-nginx': 'ingress-nginx allows a burst of 5 x the rate (its default limit-burst-multiplier)',
  'traefik': 'Traefik allows a burst of 1 (requests must be spaced one period / requests apart)',
  'traefik-ingress': 'Traefik allows a burst of 1 (requests must be spaced one period / requests apart)',
  'kong': 'Kong counts fixed windows: all of a window\'s requests may arrive at once, none on top',
  'kong-gateway-api': 'Kong counts fixed windows: all of a window\'s requests may arrive at once, none on top',
  'envoy-gateway': 'Envoy Gateway\'s token bucket holds one period\'s worth of requests',
  'gateway-api': undefined,
  'istio': undefined,
};

/** The `controller-default` warnings for the policies declared at `source` on `controller`. */
export function unsetDefaultWarnings(controller: ControllerName, policies: PoliciesIR, source: string, prefix: '' | 'defaults.' = ''): WarningSpec[] {
  const rl = policies.rateLimit;
  const here = UNSET_BURST[controller];
  if (!rl || rl.source !== source || rl.burst !== undefined || here === undefined) return [];
  const elsewhere = [...new Set(Object.values(UNSET_BURST).filter((t): t is string => t !== undefined && t !== here))];
  return [{
    id: WARNING_IDS.controllerDefault,
    message: `${prefix}rateLimit.burst: unset, so ${here}; other controllers differ (${elsewhere.join('; ')}). `
      + 'Set burst where the controller supports it, or acknowledge this warning',
  }];
}
