import { App, Chart } from 'cdk8s';
import { Controller, KongMode } from '../../../src';
import { certManagerScenario } from '../intent';

const app = new App();
certManagerScenario(new Chart(app, 'cert-manager', { namespace: 'shop' }), Controller.kong({ mode: KongMode.GATEWAY_API }));
app.synth();
