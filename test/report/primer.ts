import { App, Chart } from 'cdk8s';
import { primerScenario } from '../../examples/primer/intent';
import { ApiGateway, Controller } from '../../src';

/** The primer's chart on a column (the portable column names the example's GatewayClass). */
export function primerChart(controller: string, extra?: (edge: ApiGateway) => void): Chart {
  const chart = new Chart(new App(), 'primer', { namespace: 'shop' });
  const options = controller === 'gateway-api' ? { gatewayApi: { gatewayClassName: 'example-gateway-class' } } : {};
  const edge = primerScenario(chart, Controller.fromName(controller, options));
  extra?.(edge);
  return chart;
}
