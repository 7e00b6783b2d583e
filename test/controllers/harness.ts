import { Chart } from 'cdk8s';
import { ApiGateway, CanarySplit, Route, TlsHost } from '../../src';
import { caKindMessage, canaryFeatures, routeFeatures, tlsFeatures, unsupportedMessage } from '../../src/capabilities/check';
import { policyFeatures } from '../../src/capabilities/detect-policies';
import { ControllerName } from '../../src/capabilities/features';
import { CAPABILITIES } from '../../src/capabilities/matrix';
import { isSupported } from '../../src/capabilities/support';
import { serviceSideProblems } from '../../src/checks/service-side';
import { SCENARIOS } from '../scenarios';
import { CONTROLLERS, newChart, synthConformant, synthError, synthYaml } from '../util';

/** The unsupported messages the matrix predicts for everything declared in `chart`. */
export function predictedErrors(chart: Chart, controller: ControllerName, experimentalChannel = false): string[] {
  const out: string[] = [];
  for (const c of chart.node.findAll()) {
    const used = c instanceof Route ? routeFeatures(c._ir)
      : c instanceof TlsHost ? tlsFeatures(c._ir, c.gateway.namespace)
        : c instanceof CanarySplit ? canaryFeatures(c._ir)
          : c instanceof ApiGateway && (c._clientIp?.trustedHops ?? 0) > 0 ? [{ feature: 'clientIpForwardedFor' as const, prop: 'clientIp' }] : [];
    for (const u of used) {
      if (!isSupported(CAPABILITIES[controller][u.feature], experimentalChannel)) out.push(`[${c.node.path}] ${unsupportedMessage(controller, u.feature, u.prop)}`);
    }
    if (c instanceof Route) {
      // BackendProtocol.HTTPS on re-encrypted backends is implied by their tls (see ApiGateway).
      const reencrypted = c._ir.backends.length > 0 && c._ir.backends.every(b => b.tls);
      for (const u of policyFeatures(c._ir.policies, c.gateway.node.path)) {
        if (u.feature === 'backendHttps' && reencrypted) continue;
        if (!isSupported(CAPABILITIES[controller][u.feature], experimentalChannel)) out.push(`[${u.source}] ${unsupportedMessage(controller, u.feature, u.prop)}`);
      }
    }
    // The CA kinds each controller reads (a finer grain than the matrix cell).
    const caMessages = c instanceof Route
      ? c._ir.backends.map((b, i) => caKindMessage(controller, 'backendTls', b.tls?.ca, `${c._ir.backends.length > 1 ? `backends[${i}]` : 'backend'}.tls.ca`))
      : c instanceof TlsHost && c._ir.mode === 'Terminate' ? [caKindMessage(controller, 'clientAuth', c._ir.clientAuth?.ca, 'clientAuth.ca')]
        : c instanceof CanarySplit ? [caKindMessage(controller, 'backendTls', c._ir.canary.tls?.ca, 'canary.tls.ca'), caKindMessage(controller, 'backendTls', c._ir.mirror?.backend.tls?.ca, 'mirror.backend.tls.ca')] : [];
    for (const m of caMessages) if (m) out.push(`[${c.node.path}] ${m}`);
    // Settings the controller reads on a Service the scenario names only (Backend.service): refused
    // in context, naming Backend.fromService (a finer grain than the matrix cell).
    if (c instanceof ApiGateway) {
      const side = c._renderer.serviceSide?.bind(c._renderer);
      if (side) for (const p of serviceSideProblems(c._gatewayIr(), controller, side)) if (p.message.includes('names the Service only')) out.push(`[${p.source}] ${p.message}`);
    }
  }
  return [...new Set(out)];
}

/**
 * Renders the whole scenario corpus for one controller. Each scenario either synthesizes into
 * conformant, deterministic YAML (snapshotted), or fails with exactly the standard messages the
 * capability matrix predicts.
 */
export function runControllerSuite(controller: ControllerName) {
  describe(`scenario corpus on ${controller}`, () => {
    test.each(Object.keys(SCENARIOS))('%s', (scenario) => {
      // GIVEN
      const chart = newChart();
      SCENARIOS[scenario](chart, CONTROLLERS[controller]());
      const predicted = predictedErrors(chart, controller);

      // WHEN / THEN
      if (predicted.length > 0) {
        const error = synthError(chart);
        expect(error).toBeDefined();
        for (const message of predicted) expect(error).toContain(message);
        expect(error).toMatchSnapshot();
        return;
      }
      const objects = synthConformant(chart);
      expect(objects.length).toBeGreaterThan(0);
      const yaml = synthYaml(chart);
      const again = newChart();
      SCENARIOS[scenario](again, CONTROLLERS[controller]());
      expect(synthYaml(again)).toBe(yaml);
      expect(yaml).toMatchSnapshot();
    });
  });
}
