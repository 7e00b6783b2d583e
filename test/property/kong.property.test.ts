import { runValidIntents } from './run';

runValidIntents('kong');
