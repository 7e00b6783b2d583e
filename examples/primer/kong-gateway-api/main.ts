import { App, Chart } from 'cdk8s';
import { Controller, KongMode } from '../../../src';
import { primerScenario } from '../intent';

const app = new App();
primerScenario(new Chart(app, 'primer', { namespace: 'shop' }), Controller.kong({ mode: KongMode.GATEWAY_API }));
app.synth();
