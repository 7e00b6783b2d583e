import { BackendProtocol } from './backend-protocol';
import { BodySize } from './body-size';
import { ConcurrencyLimit } from './concurrency-limit';
import { Cors } from './cors';
import { EdgeAuth } from './edge-auth';
import { HeaderRules } from './header-rules';
import { IpAccess } from './ip-access';
import { RateLimit } from './rate-limit';
import { Retries } from './retries';
import { SessionAffinity } from './session-affinity';
import { Timeouts } from './timeouts';

/**
 * Policies a route can carry, and an ApiGateway can set as defaults for all its routes
 * (a route's own setting replaces the default of the same kind).
 */
export interface RoutePolicies {
  /**
   * Request rate limit. Local limits are per proxy replica.
   * @default - no rate limit
   */
  readonly rateLimit?: RateLimit;

  /**
   * Timeouts.
   * @default - the controller's defaults
   */
  readonly timeouts?: Timeouts;

  /**
   * Largest request body.
   * @default - the controller's default
   */
  readonly bodySize?: BodySize;

  /**
   * Cross-origin resource sharing.
   * @default - no CORS headers
   */
  readonly cors?: Cors;

  /**
   * Request and response header changes.
   * @default - none
   */
  readonly headerRules?: HeaderRules;

  /**
   * Client address filtering.
   * @default - every address
   */
  readonly ipAccess?: IpAccess;

  /**
   * Retries of failed backend requests.
   * @default - the controller's default
   */
  readonly retries?: Retries;

  /**
   * Sticky sessions.
   * @default - none
   */
  readonly sessionAffinity?: SessionAffinity;

  /**
   * The protocol spoken to the backend.
   * @default BackendProtocol.HTTP
   */
  readonly backendProtocol?: BackendProtocol;

  /**
   * Authentication at the edge.
   * @default - none
   */
  readonly auth?: EdgeAuth;

  /**
   * Requests in progress at once, per client address, per host or for the whole route (no rate).
   * @default - not limited
   */
  readonly concurrencyLimit?: ConcurrencyLimit;
}
