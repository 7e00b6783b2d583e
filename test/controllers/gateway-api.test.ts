import { runControllerSuite } from './harness';

runControllerSuite('gateway-api');
