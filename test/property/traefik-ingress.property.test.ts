import { runValidIntents } from './run';

runValidIntents('traefik-ingress');
