import { App, Chart } from 'cdk8s';
import { Controller } from '../../../src';
import { certManagerScenario } from '../intent';

const app = new App();
certManagerScenario(new Chart(app, 'cert-manager', { namespace: 'shop' }), Controller.traefik());
app.synth();
