import { runControllerSuite } from './harness';

runControllerSuite('ingress-nginx');
