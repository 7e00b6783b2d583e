import { nonEmpty, PluginSpec } from './plugin';
import { CorsIR } from '../../../ir/policies';
import { PLUGINS } from '../constants';

/**
 * Kong answers preflights itself and, when `headers` is empty, echoes whatever the browser asks
 * for in Access-Control-Request-Headers: every header would be allowed. With no headers declared
 * we list only a forbidden request header (browsers never let scripts set it, so never ask for
 * it), which allows exactly the CORS-safelisted headers, as the intent says.
 */
export const NO_EXTRA_ALLOWED_HEADERS = ['Origin'];

const DEFAULT_PORT: Record<string, string> = { http: '80', https: '443' };

/** `scheme://host[:port]` without the scheme's default port: how browsers serialize an Origin. */
function serialized(origin: string): string {
  const m = /^(https?):\/\/(.+?)(?::(\d+))?$/.exec(origin);
  if (!m || m[3] === undefined || m[3] !== DEFAULT_PORT[m[1]]) return origin;
  return `${m[1]}://${m[2]}`;
}

/**
 * Kong compares an origin made only of `[A-Za-z0-9.:/-]` literally with the request's Origin
 * (default ports removed on both sides); anything else is a PCRE, anchored at both ends.
 * Literal origins stay literal. A wildcard host becomes a regex with every other character
 * escaped: `*.example.com` exactly one label, `**.example.com` one or more (as in route hosts).
 */
export function kongOrigin(origin: string): string {
  if (origin === '*') return origin;
  const plain = serialized(origin);
  const wildcard = /^(https?):\/\/\*(\*?)\.(.+)$/.exec(plain);
  if (!wildcard) return plain;
  const escaped = wildcard[3].replace(/[.^$*+?()[\]{}|\\]/g, '\\$&');
  return `^${wildcard[1]}://${wildcard[2] ? '([a-z0-9-]+\\.)+' : '[a-z0-9-]+\\.'}${escaped}$`;
}

/** `cors`: Kong answers preflights (200) and sets the CORS response headers. */
export function corsPlugin(cors: CorsIR): PluginSpec {
  return {
    plugin: PLUGINS.cors,
    config: () => ({
      origins: cors.origins.map(kongOrigin),
      methods: [...cors.methods],
      // `*`: no headers at all, so Kong echoes Access-Control-Request-Headers (any header).
      headers: cors.headers.includes('*') ? undefined : cors.headers.length > 0 ? [...cors.headers] : NO_EXTRA_ALLOWED_HEADERS,
      exposed_headers: nonEmpty(cors.exposeHeaders),
      credentials: cors.credentials,
      max_age: cors.maxAgeSeconds,
    }),
  };
}
