import { App, Chart } from 'cdk8s';
import { Controller } from '../../../src';
import { canaryScenario, canaryWeight } from '../intent';

// CANARY_WEIGHT=25 cdk8s synth  ->  75/25 between api-v1 and api-v2 (default 90/10).
const app = new App();
canaryScenario(new Chart(app, 'canary', { namespace: 'shop' }), Controller.gatewayApi({ gatewayClassName: 'example-gateway-class' }), canaryWeight(app));
app.synth();
