import { Construct } from 'constructs';
import { RateLimit } from './policies/rate-limit';
import { Route, RouteProps } from './route';
import { fail, pathOf } from '../core/errors';

/** Props for `RateLimitedRoute`. */
export interface RateLimitedRouteProps extends RouteProps {
  /**
   * The route's rate limit: required (it takes the place of the optional `rateLimit`).
   * Local limits are per proxy replica.
   */
  readonly limit: RateLimit;
}

/**
 * A Route whose rate limit is required, so a limit cannot be forgotten on an exposed endpoint.
 *
 * @example
 * new RateLimitedRoute(chart, 'login', {
 *   gateway: api,
 *   hosts: ['api.example.com'],
 *   match: { path: PathMatch.exact('/login') },
 *   backend: Backend.service('auth', 8080),
 *   rateLimit: RateLimit.perClientIp({ requests: 5, period: RateLimitPeriod.MINUTE }),
 * });
 */
export class RateLimitedRoute extends Route {
  /** The route's rate limit. */
  public readonly rateLimit: RateLimit;

  constructor(scope: Construct, id: string, props: RateLimitedRouteProps) {
    const path = pathOf(scope, id, 'RateLimitedRoute');
    if (!props || !(props.limit instanceof RateLimit)) {
      fail(path, 'RateLimitedRoute.limit: required, created with RateLimit.perClientIp(), perHeader() or perConsumer()');
    }
    if (props.rateLimit !== undefined) fail(path, 'RateLimitedRoute: set the limit with `limit`, not `rateLimit`');
    super(scope, id, { ...props, rateLimit: props.limit });
    this.rateLimit = props.limit;
  }
}
