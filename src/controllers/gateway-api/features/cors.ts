import { CorsIR } from '../../../ir/policies';
import { RouteFilter } from '../api';

/** `maxAge` is an int32 in the CRD. */
export const MAX_CORS_MAX_AGE = 2_147_483_647;

/**
 * The standard `CORS` filter (standard channel since v1.5). Unset fields keep Gateway API's
 * defaults: no credentials header, `Access-Control-Max-Age: 5`. The filter's `*` is greedy to the
 * left (one or more labels): the intent's `**.` origins are written `*.`; its one-label `*.`
 * origins are refused by the capability matrix (corsWildcardOrigin).
 */
export function corsFilter(cors: CorsIR): RouteFilter {
  return {
    type: 'CORS',
    cors: {
      allowOrigins: cors.origins.map(o => o.replace('://**.', '://*.')).sort(),
      allowMethods: cors.methods.length > 0 ? [...cors.methods] : undefined,
      allowHeaders: cors.headers.length > 0 ? [...cors.headers] : undefined,
      exposeHeaders: cors.exposeHeaders.length > 0 ? [...cors.exposeHeaders] : undefined,
      allowCredentials: cors.credentials ? true : undefined,
      maxAge: cors.maxAgeSeconds,
    },
  };
}
