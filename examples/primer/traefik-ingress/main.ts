import { App, Chart } from 'cdk8s';
import { Controller, TraefikOutput } from '../../../src';
import { primerScenario } from '../intent';

const app = new App();
primerScenario(new Chart(app, 'primer', { namespace: 'shop' }), Controller.traefik({ output: TraefikOutput.INGRESS }));
app.synth();
