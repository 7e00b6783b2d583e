import { runControllerSuite } from './harness';

runControllerSuite('istio');
