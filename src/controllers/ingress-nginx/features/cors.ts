import { Emitted, NGINX_HEADER_NAME, NginxFeature, emit, quoted, refuse } from './emitted';
import { GatewayIR, RouteIR } from '../../../ir/model';
import { RenderProblem } from '../../renderer';

/**
 * Sent as `Access-Control-Allow-Headers` when the intent allows no request header beyond the
 * CORS-safelisted ones. ingress-nginx always sends that header and replaces an absent or empty
 * value with a default list that allows Authorization and Content-Type; `Origin` is a forbidden
 * request header (only browsers set it), so listing it grants scripts nothing.
 */
export const NO_EXTRA_HEADERS = 'Origin';

/** How long browsers cache a preflight without Access-Control-Max-Age (the Fetch standard's default). */
export const BROWSER_DEFAULT_MAX_AGE_SECONDS = 5;

/**
 * `enable-cors` with every setting explicit. ingress-nginx answers preflights itself (204) and
 * echoes the request's Origin when it is in `cors-allow-origin` (a `*.` origin matches one DNS
 * label). `cors-allow-credentials` is always emitted because ingress-nginx defaults it to true.
 */
export const CORS: NginxFeature = {
  annotations(route: RouteIR): Emitted[] {
    const c = route.policies.cors;
    if (!c) return [];
    const at = (name: Parameters<typeof emit>[0], value: string) => emit(name, value, 'cors', 'cors', c.source);
    const out = [
      at('enableCors', 'true'),
      at('corsAllowOrigin', c.origins.join(', ')),
      at('corsAllowMethods', c.methods.join(', ')),
      at('corsAllowHeaders', c.headers.length > 0 ? c.headers.join(', ') : NO_EXTRA_HEADERS),
      at('corsAllowCredentials', String(c.credentials)),
    ];
    if (c.exposeHeaders.length > 0) out.push(at('corsExposeHeaders', c.exposeHeaders.join(', ')));
    // Unset means what it means everywhere else: no cached preflight beyond the browsers' default
    // of 5 seconds (ingress-nginx would otherwise send its own default of 1728000, 20 days).
    out.push(at('corsMaxAge', String(c.maxAgeSeconds ?? BROWSER_DEFAULT_MAX_AGE_SECONDS)));
    return out;
  },

  problems(route: RouteIR, gw: GatewayIR): RenderProblem[] {
    const c = route.policies.cors;
    if (!c) return [];
    const out: RenderProblem[] = [];
    for (const [list, prop, key] of [[c.headers, 'cors.headers', 'cors-allow-headers'], [c.exposeHeaders, 'cors.exposeHeaders', 'cors-expose-headers']] as const) {
      // `*` alone is cors-expose-headers' "every header" (its validator allows it); in
      // cors-allow-headers the matrix refuses it (corsAnyHeader).
      const bad = list.filter(h => !NGINX_HEADER_NAME.test(h) && h !== '*');
      if (bad.length > 0) {
        out.push(refuse(gw, c.source, 'cors', prop, `${key} accepts only letters, digits, '-' and '_' in header names (${quoted(bad)} given)`));
      }
    }
    return out;
  },
};
