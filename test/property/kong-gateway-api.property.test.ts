import { runValidIntents } from './run';

runValidIntents('kong-gateway-api');
