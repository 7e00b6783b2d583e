import { App, Chart } from 'cdk8s';
import { Controller } from '../../../src';
import { primerPoliciesScenario } from '../intent';

const app = new App();
primerPoliciesScenario(new Chart(app, 'primer-policies', { namespace: 'shop' }), Controller.ingressNginx());
app.synth();
