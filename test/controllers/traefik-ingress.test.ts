import { runControllerSuite } from './harness';

runControllerSuite('traefik-ingress');
