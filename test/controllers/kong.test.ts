import { runControllerSuite } from './harness';

runControllerSuite('kong');
