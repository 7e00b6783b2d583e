import { Emitted, NginxFeature, emit } from './emitted';
import { PolicyFeature } from '../../../capabilities/areas/policies';
import { RouteIR } from '../../../ir/model';

const RENDERED: Readonly<Record<string, PolicyFeature>> = { HTTPS: 'backendHttps', GRPC: 'backendGrpc', GRPCS: 'backendGrpcs' };

/**
 * `backend-protocol`: HTTPS (no certificate verification), GRPC (cleartext HTTP/2 to the
 * backend; clients reach it over TLS, where nginx offers HTTP/2) or GRPCS. HTTP and WebSocket
 * are ingress-nginx's defaults (nothing emitted); h2c is refused by the matrix.
 */
export const BACKEND_PROTOCOL: NginxFeature = {
  annotations(route: RouteIR): Emitted[] {
    const p = route.policies.backendProtocol;
    const feature = p ? RENDERED[p.protocol] : undefined;
    // A backend with tls renders `backend-protocol: HTTPS` itself (features/tls.ts): once only.
    if (p?.protocol === 'HTTPS' && route.backends[0]?.tls) return [];
    return p && feature ? [emit('backendProtocol', p.protocol, feature, 'backendProtocol', p.source)] : [];
  },
  problems: () => [],
};
