import { runValidIntents } from './run';

runValidIntents('gateway-api');
