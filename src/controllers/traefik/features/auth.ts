import { unsupportedMessage } from '../../../capabilities/check';
import { GatewayIR } from '../../../ir/model';
import { EdgeAuthIR } from '../../../ir/policies';
import { RenderProblem } from '../../renderer';
import { MIDDLEWARE_TYPES } from '../constants';

/** `Middleware.spec.forwardAuth` / `basicAuth` wire types (fields we emit). */
export interface ForwardAuthSpec {
  readonly address: string;
  readonly trustForwardHeader: boolean;
  readonly authResponseHeaders?: string[];
  readonly authSigninURL?: string;
  readonly authRequestHeaders?: string[];
  readonly forwardBody?: boolean;
  readonly maxBodySize?: number;
  readonly tls?: { readonly caSecret?: string; readonly certSecret?: string };
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
 *   `authRequestHeaders`: only these client headers reach the auth service (X-Forwarded-* are
 *   always set); `forwardBody` + `maxBodySize`: the body is read up to the limit and sent along
 *   (a larger request gets 401); `tls.caSecret` / `tls.certSecret`: the CA (key `ca.crt` or
 *   `tls.ca`) and the client certificate for an https auth service, Secrets of the route's namespace.
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
          authRequestHeaders: a.requestHeaders ? [...a.requestHeaders] : undefined,
          forwardBody: a.forwardBodyBytes !== undefined ? true : undefined,
          maxBodySize: a.forwardBodyBytes,
          tls: a.ca || a.clientCertificateSecret ? { caSecret: a.ca?.name, certSecret: a.clientCertificateSecret } : undefined,
        },
      };
    case 'basic':
      return { [MIDDLEWARE_TYPES.basicAuth]: { secret: a.secretName!, realm: a.realm } }; // basicAuthAnyConsumer is refused by the matrix
    default:
      return undefined;
  }
}

/** forwardAuth.tls.caSecret reads a Secret: a CA in a ConfigMap is refused. */
export function authProblems(controller: 'traefik' | 'traefik-ingress', ir: GatewayIR): RenderProblem[] {
  const problems: RenderProblem[] = [];
  const seen = new Set<string>();
  for (const route of ir.routes) {
    const a = route.policies.auth;
    if (a?.kind !== 'external' || a.ca?.kind !== 'ConfigMap' || seen.has(a.source)) continue;
    seen.add(a.source);
    problems.push({
      source: a.source,
      message: unsupportedMessage(controller, 'externalAuthCa', a.source === ir.source ? 'defaults.auth.ca' : 'auth.ca',
        `forwardAuth.tls.caSecret reads a Secret, not a ConfigMap ('${a.ca.name}'); use CaCertificates.fromSecret()`),
    });
  }
  return problems;
}
