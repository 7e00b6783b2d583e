import { runControllerSuite } from './harness';

runControllerSuite('kong-gateway-api');
