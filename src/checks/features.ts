import { Problem } from './problem';
import { tlsPolicyConflicts } from './tls';
import { backendTlsFeatures, caKindMessage, canaryFeatures, checkFeatures, routeFeatures, tlsFeatures } from '../capabilities/check';
import { policyFeatures } from '../capabilities/detect-policies';
import { ControllerName } from '../capabilities/features';
import { GatewayIR } from '../ir/model';

/**
 * The features a gateway uses that its controller does not support (the capability matrix), and
 * CA kinds it cannot read, per construct: routes (with their policies and the TLS conflicts of
 * their policies), TLS hosts, the default backend, canaries.
 */
export function featureProblems(ir: GatewayIR, controller: ControllerName, experimental: boolean): Problem[] {
  const problems: Problem[] = [];
  const add = (source: string, message: string) => problems.push({ source, message });
  for (const route of ir.routes) {
    for (const m of checkFeatures(controller, routeFeatures(route), experimental)) add(route.source, m);
    route.backends.forEach((b, i) => {
      const m = caKindMessage(controller, 'backendTls', b.tls?.ca, `${route.backends.length > 1 ? `backends[${i}]` : 'backend'}.tls.ca`);
      if (m) add(route.source, m);
    });
    (route.mirrors ?? []).forEach((mirror, i) => {
      const m = caKindMessage(controller, 'backendTls', mirror.backend.tls?.ca, `mirrors[${i}].backend.tls.ca`);
      if (m) add(route.source, m);
    });
    // A policy inherited from the gateway's defaults is reported once, on the gateway.
    // BackendProtocol.HTTPS on a route whose backends all declare tls says nothing more than
    // the re-encryption does (rendered once, from backend.tls): it is not a feature of its own.
    const reencrypted = route.backends.length > 0 && route.backends.every(b => b.tls);
    for (const u of policyFeatures(route.policies, ir.source)) {
      if (u.feature === 'backendHttps' && reencrypted) continue;
      for (const m of checkFeatures(controller, [u], experimental)) add(u.source, m);
    }
    problems.push(...tlsPolicyConflicts(route, ir.tlsHosts));
  }
  for (const tls of [...ir.tlsHosts, ...ir.passthroughHosts]) {
    for (const m of checkFeatures(controller, tlsFeatures(tls, ir.namespace), experimental)) add(tls.source, m);
    if (tls.mode === 'Terminate') {
      const m = caKindMessage(controller, 'clientAuth', tls.clientAuth?.ca, 'clientAuth.ca');
      if (m) add(tls.source, m);
      tls.clientAuth?.additionalCas?.forEach((ca, i) => {
        const more = caKindMessage(controller, 'clientAuth', ca, `clientAuth.additionalCas[${i}]`);
        if (more) add(tls.source, more);
      });
    }
  }
  if (ir.defaultBackend && ir.defaultBackendSource) {
    const used: Parameters<typeof checkFeatures>[1] = [{ feature: 'defaultBackend', prop: 'defaultBackend' }];
    if (ir.defaultBackend.namespace !== ir.namespace) used.push({ feature: 'crossNamespaceBackend', prop: 'defaultBackend' });
    for (const f of backendTlsFeatures(ir.defaultBackend)) used.push({ feature: f, prop: 'defaultBackend.tls' });
    for (const m of checkFeatures(controller, used, experimental)) add(ir.defaultBackendSource, m);
    const m = caKindMessage(controller, 'backendTls', ir.defaultBackend.tls?.ca, 'defaultBackend.tls.ca');
    if (m) add(ir.defaultBackendSource, m);
  }
  if (ir.httpListeners === 'per-host') {
    for (const m of checkFeatures(controller, [{ feature: 'hostnamedHttpListeners', prop: 'httpListeners' }], experimental)) add(ir.source, m);
  }
  if (ir.strictSni) {
    for (const m of checkFeatures(controller, [{ feature: 'strictSni', prop: 'strictSni' }], experimental)) add(ir.source, m);
  }
  if (ir.clientIp && ir.clientIp.trustedHops > 0) {
    for (const m of checkFeatures(controller, [{ feature: 'clientIpForwardedFor', prop: 'clientIp' }], experimental)) add(ir.source, m);
  }
  for (const canary of ir.canaries) {
    for (const m of checkFeatures(controller, canaryFeatures(canary), experimental)) add(canary.source, m);
    for (const [b, prop] of [[canary.canary, 'canary.tls.ca'], [canary.mirror?.backend, 'mirror.backend.tls.ca']] as const) {
      const m = caKindMessage(controller, 'backendTls', b?.tls?.ca, prop);
      if (m) add(canary.source, m);
    }
  }
  return problems;
}
