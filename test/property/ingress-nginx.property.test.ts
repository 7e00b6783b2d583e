import { runValidIntents } from './run';

runValidIntents('ingress-nginx');
