import { runControllerSuite } from './harness';

runControllerSuite('envoy-gateway');
