import { CorsIR } from '../../../ir/policies';
import { MIDDLEWARE_TYPES } from '../constants';
import { quoteMeta } from './path-modifier';

/** The `Middleware.spec.headers` CORS fields. */
export interface CorsSpec {
  readonly accessControlAllowOriginList?: string[];
  readonly accessControlAllowOriginListRegex?: string[];
  readonly accessControlAllowMethods: string[];
  readonly accessControlAllowHeaders?: string[];
  readonly accessControlExposeHeaders?: string[];
  readonly accessControlAllowCredentials?: boolean;
  readonly accessControlMaxAge?: number;
  readonly addVaryHeader?: boolean;
}

/**
 * An origin as browsers send it: the scheme's default port is never written (`https://a:443`
 * arrives as `https://a`), so it is dropped to keep the comparison exact.
 */
function canonical(origin: string): string {
  return origin.replace(/^(https:\/\/[^/]+):443$/, '$1').replace(/^(http:\/\/[^/]+):80$/, '$1');
}

/**
 * A wildcard origin as an anchored Go regexp (Traefik matches `accessControlAllowOriginListRegex`
 * unanchored): `https://*.example.com`, exactly one DNS label, and `https://**.example.com`, one
 * or more, as in route hosts.
 */
function wildcardRegex(origin: string): string {
  const [, scheme, deep, rest] = /^(https?):\/\/\*(\*?)\.(.*)$/.exec(origin)!;
  return `^${scheme}://${deep ? '([a-z0-9-]+\\.)+' : '[a-z0-9-]+\\.'}${quoteMeta(rest)}$`;
}

/**
 * The headers middleware answers preflight requests itself and adds the CORS headers to other
 * responses when the Origin is allowed. Exact origins are compared literally; `*` alone answers
 * `*` (never combined with credentials: refused by Cors). `Vary: Origin` is added whenever the
 * answer depends on the Origin, so caches keep one response per origin.
 */
export function corsSpec(c: CorsIR): Record<string, CorsSpec> {
  const origins = [...new Set(c.origins.map(canonical))].sort();
  const exact = origins.filter(o => !o.includes('://*'));
  const wildcard = origins.filter(o => o.includes('://*')).map(wildcardRegex);
  const nonEmpty = (list: readonly string[]) => (list.length > 0 ? [...list] : undefined);
  return {
    [MIDDLEWARE_TYPES.headers]: {
      accessControlAllowOriginList: nonEmpty(exact),
      accessControlAllowOriginListRegex: nonEmpty(wildcard),
      accessControlAllowMethods: [...c.methods],
      accessControlAllowHeaders: nonEmpty(c.headers),
      accessControlExposeHeaders: nonEmpty(c.exposeHeaders),
      accessControlAllowCredentials: c.credentials ? true : undefined,
      accessControlMaxAge: c.maxAgeSeconds,
      addVaryHeader: origins.includes('*') ? undefined : true,
    },
  };
}
