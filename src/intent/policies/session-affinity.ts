import { Duration } from 'cdk8s';
import { bool, durationMs, policyFail } from './common';
import { show } from '../../core/errors';
import { checkLiteralPath } from '../../core/validate';
import { SessionAffinityIR } from '../../ir/policies';

/** SameSite attribute of the affinity cookie. */
export enum SameSite {
  /** Sent on same-site requests only. */
  STRICT = 'Strict',
  /** Also sent on top-level navigations from other sites (the browsers' default). */
  LAX = 'Lax',
  /** Sent on every request; browsers require the cookie to be Secure. */
  NONE = 'None',
}

/** Options for `SessionAffinity.cookie()`. */
export interface CookieAffinityOptions {
  /** Cookie name (RFC 6265 token). */
  readonly name: string;

  /**
   * Cookie lifetime (whole seconds).
   * @default - a session cookie
   */
  readonly ttl?: Duration;

  /**
   * Cookie path.
   * @default - the controller's default ('/')
   */
  readonly path?: string;

  /**
   * Send only over HTTPS.
   * @default true
   */
  readonly secure?: boolean;

  /**
   * Hide from scripts.
   * @default true
   */
  readonly httpOnly?: boolean;

  /**
   * SameSite attribute.
   * @default - not set
   */
  readonly sameSite?: SameSite;
}

/**
 * Keep a client on the same backend pod.
 * @example SessionAffinity.cookie({ name: 'route', ttl: Duration.hours(1) })
 */
export class SessionAffinity {
  /** Pin each client with a cookie the proxy sets. */
  public static cookie(options: CookieAffinityOptions): SessionAffinity {
    if (!options || typeof options.name !== 'string' || !/^[A-Za-z0-9!#$%&'*+\-.^_`|~]{1,64}$/.test(options.name)) {
      policyFail('SessionAffinity.cookie.name', `${show(options?.name)} is not a valid cookie name`);
    }
    const ttlMs = durationMs('SessionAffinity.cookie.ttl', options.ttl);
    if (ttlMs !== undefined && ttlMs % 1000 !== 0) policyFail('SessionAffinity.cookie.ttl', 'must be a whole number of seconds');
    if (options.path !== undefined && checkLiteralPath(options.path)) policyFail('SessionAffinity.cookie.path', checkLiteralPath(options.path)!);
    if (options.sameSite !== undefined && !Object.values(SameSite).includes(options.sameSite)) policyFail('SessionAffinity.cookie.sameSite', `${show(options.sameSite)} is not a SameSite`);
    const secure = bool('SessionAffinity.cookie.secure', options.secure, true);
    const httpOnly = bool('SessionAffinity.cookie.httpOnly', options.httpOnly, true);
    if (options.sameSite === SameSite.NONE && !secure) policyFail('SessionAffinity.cookie.sameSite', 'SameSite=None requires secure cookies');
    return new SessionAffinity({
      cookieName: options.name,
      ttlSeconds: ttlMs === undefined ? undefined : ttlMs / 1000,
      path: options.path,
      secure,
      httpOnly,
      sameSite: options.sameSite,
    });
  }

  private constructor(private readonly ir: Omit<SessionAffinityIR, 'source'>) {}

  /** @internal */
  public _toIR(source: string): SessionAffinityIR {
    return { ...this.ir, source };
  }
}
