import { PolicyFeature } from '../../../capabilities/areas/policies';
import { TimeoutsIR } from '../../../ir/policies';
import { RouteTimeouts } from '../api';
import { gepDuration } from './duration';

/**
 * `rules[].timeouts` (standard since v1.2): `request` bounds the whole request, `backendRequest`
 * each request to the backend (the intent already refuses a backend timeout above the request one).
 */
export function routeTimeouts(t: TimeoutsIR | undefined, renders: (f: PolicyFeature) => boolean): RouteTimeouts | undefined {
  if (!t) return undefined;
  const request = t.requestMs !== undefined && renders('timeoutRequest') ? gepDuration(t.requestMs) : undefined;
  const backendRequest = t.backendRequestMs !== undefined && renders('timeoutBackendRequest') ? gepDuration(t.backendRequestMs) : undefined;
  return request || backendRequest ? { request, backendRequest } : undefined;
}
