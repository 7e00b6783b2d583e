import { App, Chart, Testing, Yaml } from 'cdk8s';
import { Controller, KongMode, TraefikOutput } from '../src';
import { expectConformant } from './conformance';
import { ControllerName } from '../src/capabilities/features';

/** One factory per capability column, with the options each column needs. */
export const CONTROLLERS: { readonly [c in ControllerName]: () => Controller } = {
  'ingress-nginx': () => Controller.ingressNginx(),
  'traefik': () => Controller.traefik(),
  'traefik-ingress': () => Controller.traefik({ output: TraefikOutput.INGRESS }),
  'kong': () => Controller.kong(),
  'kong-gateway-api': () => Controller.kong({ mode: KongMode.GATEWAY_API }),
  'gateway-api': () => Controller.gatewayApi({ gatewayClassName: 'example-gateway-class' }),
  'envoy-gateway': () => Controller.envoyGateway(),
  'istio': () => Controller.istio(),
};

export function newChart(namespace = 'edge'): Chart {
  return new Chart(Testing.app(), 'test', { namespace });
}

/** Synthesizes a chart, checks every object against the official schemas, returns the objects. */
export function synthConformant(chart: Chart, options?: { gatewayApiChannel?: 'standard' | 'experimental' }): any[] {
  const objects = Testing.synth(chart);
  expectConformant(objects, options);
  return objects;
}

/** The chart's YAML, as a user's snapshot test would see it. */
export function synthYaml(chart: Chart): string {
  return Yaml.stringify(...Testing.synth(chart));
}

/** The synth error of an app or chart, or undefined when synth succeeds. */
export function synthError(chart: Chart | App): string | undefined {
  try {
    if (chart instanceof App) chart.synthYaml(); else Testing.synth(chart);
    return undefined;
  } catch (e) {
    return (e as Error).message;
  }
}
