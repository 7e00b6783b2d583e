import { runValidIntents } from './run';

runValidIntents('envoy-gateway');
