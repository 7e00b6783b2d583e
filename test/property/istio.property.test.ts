import { runValidIntents } from './run';

runValidIntents('istio');
