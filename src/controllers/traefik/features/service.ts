import { backendTlsSettings } from './tls';
import { BackendIR } from '../../../ir/model';
import { IngressRouteService } from '../api';

/**
 * A backend's service entry. `tlsOwner`: the name stem of the object owning the backend's
 * ServersTransport (re-encryption), when the caller does not add the route's settings itself.
 */
export function service(b: BackendIR, namespace: string, weighted: boolean, tlsOwner?: string): IngressRouteService {
  return {
    name: b.service,
    port: b.port,
    // Never differs today: the capability matrix refuses cross-namespace backends.
    namespace: b.namespace !== namespace ? b.namespace : undefined,
    weight: weighted ? b.weight : undefined,
    ...(tlsOwner !== undefined ? backendTlsSettings(b, tlsOwner) : {}),
  };
}
