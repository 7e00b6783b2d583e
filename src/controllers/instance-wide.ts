import { ControllerName } from '../capabilities/features';
import { WARNING_IDS, WarningSpec } from '../core/warnings';

/**
 * Gateway settings a controller can only express for the whole controller instance, and what
 * else they change there. Typed total: a new controller does not compile until it decides.
 * Feeds the `instance-wide-setting` warning. `undefined`: the controller refuses the setting
 * (capability matrix), so there is nothing to warn about.
 */
const STRICT_SNI: { readonly [c in ControllerName]: string | undefined } = {
  'ingress-nginx': undefined,
  'traefik': 'the TLSOption named `default` applies to every router of the Traefik instance that names no TLSOption of its own, '
    + 'in every namespace, and Traefik drops every TLSOption named `default` when the cluster has two',
  'traefik-ingress': 'the TLSOption named `default` applies to every router of the Traefik instance that names no TLSOption of its own, '
    + 'in every namespace, and Traefik drops every TLSOption named `default` when the cluster has two',
  'kong': undefined,
  'kong-gateway-api': undefined,
  'gateway-api': undefined,
  'envoy-gateway': undefined,
  'istio': undefined,
};

/** The `instance-wide-setting` warnings of a gateway on `controller`. */
export function instanceWideWarnings(controller: ControllerName, strictSni: boolean): WarningSpec[] {
  const here = STRICT_SNI[controller];
  if (!strictSni || here === undefined) return [];
  return [{
    id: WARNING_IDS.instanceWideSetting,
    message: `strictSni: ${here}; keep one strictSni gateway per cluster and check the instance's other routers, or acknowledge this warning`,
  }];
}
