import { EdgeAuthIR } from '../../../ir/policies';
import { MIDDLEWARE_TYPES } from '../constants';

/** `Middleware.spec.forwardAuth` / `basicAuth` wire types (fields we emit). */
export interface ForwardAuthSpec {
  readonly address: string;
  readonly trustForwardHeader: boolean;
  readonly authResponseHeaders?: string[];
  readonly authSigninURL?: string;
}

export interface BasicAuthSpec {
  readonly secret: string;
  readonly realm?: string;
}

/** Whether Traefik Proxy renders this auth kind (JWT and API keys are Traefik Hub only). */
export function rendersAuth(a: EdgeAuthIR | undefined): boolean {
  return a?.kind === 'external' || a?.kind === 'basic';
}

/**
 * - External: `forwardAuth`. Every request is sent to `address` (X-Forwarded-Method / -Proto /
 *   -Host / -Uri / -For describe it); a 2xx lets it through with `authResponseHeaders` copied
 *   onto it, anything else is returned to the client, and with `authSigninURL` (v3.7+) a 401
 *   becomes a redirect there. `trustForwardHeader` is written explicitly as false (deprecated
 *   since v3.7.0, and leaving it unset logs a warning and keeps the legacy behaviour): clients
 *   cannot forge the X-Forwarded-* the auth service sees (trust comes from the entry point's
 *   `forwardedHeaders.trustedIPs`). No cache (refused by the capability matrix).
 * - Basic: `basicAuth` against a Secret in the route's namespace (see the README for formats).
 */
export function authSpec(a: EdgeAuthIR): Record<string, ForwardAuthSpec | BasicAuthSpec> | undefined {
  switch (a.kind) {
    case 'external':
      return {
        [MIDDLEWARE_TYPES.forwardAuth]: {
          address: a.url,
          trustForwardHeader: false,
          authResponseHeaders: a.responseHeaders.length > 0 ? [...a.responseHeaders] : undefined,
          authSigninURL: a.signinUrl,
        },
      };
    case 'basic':
      return { [MIDDLEWARE_TYPES.basicAuth]: { secret: a.secretName, realm: a.realm } };
    default:
      return undefined;
  }
}
