import { Duration } from 'cdk8s';
import { bool, durationMs, list, policyFail, sortedUnique } from './common';
import { show } from '../../core/errors';
import { checkHeaderName, urlALabelHint } from '../../core/validate';
import { CorsIR } from '../../ir/policies';

/** Options for `Cors.allow()`. Secure by default: explicit origins, no credentials. */
export interface CorsOptions {
  /**
   * Allowed origins: `scheme://host[:port]`, or `*` alone. The host may start with a wildcard,
   * with the meaning it has in route hosts: `*.` stands for exactly one DNS label
   * (`https://*.example.com` allows `https://a.example.com`, not `https://a.b.example.com`), `**.`
   * for one or more (`https://**.example.com` allows both; Gateway API's CORS filter writes it
   * `https://*.example.com`). Neither allows `https://example.com` itself. Controllers that can
   * match only one of the two depths refuse the other, naming it.
   * `*` cannot be combined with other origins or with `credentials`.
   */
  readonly origins: string[];

  /**
   * Allowed methods, or `['*']` alone for any method (not with `credentials`: browsers read `*`
   * literally on credentialed requests).
   * @default ['GET', 'HEAD', 'POST']
   */
  readonly methods?: string[];

  /**
   * Allowed request headers, or `['*']` alone for any header (not with `credentials`).
   * @default - none beyond the CORS-safelisted ones
   */
  readonly headers?: string[];

  /**
   * Response headers exposed to the page, or `['*']` alone for every response header (not with
   * `credentials`).
   * @default - none beyond the CORS-safelisted ones
   */
  readonly exposeHeaders?: string[];

  /**
   * Whether cookies / credentials are allowed.
   * @default false
   */
  readonly credentials?: boolean;

  /**
   * How long browsers may cache a preflight result (whole seconds).
   * @default - no Access-Control-Max-Age header: browsers cache a preflight for 5 seconds (rendered
   * explicitly where a controller would otherwise send a longer default, e.g. ingress-nginx's 20 days)
   */
  readonly maxAge?: Duration;
}

const METHODS = new Set(['GET', 'HEAD', 'POST', 'PUT', 'DELETE', 'CONNECT', 'OPTIONS', 'TRACE', 'PATCH']);
const ORIGIN = /^https?:\/\/(\*\*?\.)?[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*(:\d{1,5})?$/;

/**
 * Cross-origin resource sharing.
 * @example Cors.allow({ origins: ['https://web.example.com'], methods: ['GET', 'POST'], maxAge: Duration.minutes(10) })
 */
export class Cors {
  /** Allow cross-origin requests from `origins`, with the given methods, headers and credentials. */
  public static allow(options: CorsOptions): Cors {
    if (!options || options.origins === undefined) policyFail('Cors.origins', 'at least one origin is required');
    const origins = list('Cors.origins', options.origins, 'origins');
    if (origins.length === 0) policyFail('Cors.origins', 'at least one origin is required');
    origins.forEach((o, i) => {
      const idn = urlALabelHint(o);
      if (idn) policyFail(`Cors.origins[${i}]`, idn);
      if (o !== '*' && (typeof o !== 'string' || !ORIGIN.test(o))) {
        policyFail(`Cors.origins[${i}]`, `${show(o)} must be scheme://host[:port] in lowercase with no path (or '*' alone); `
          + "a wildcard host is '*.example.com' (exactly one label) or '**.example.com' (one or more labels)");
      }
      const wildcard = /^https?:\/\/\*\*?\.([^:]+)/.exec(o);
      if (wildcard && !wildcard[1].includes('.')) {
        policyFail(`Cors.origins[${i}]`, `${show(o)}: a wildcard must cover a domain with at least two labels (as in route hosts)`);
      }
    });
    if (options.origins.length > 64) policyFail('Cors.origins', `at most 64 origins (got ${options.origins.length})`);
    if (options.origins.includes('*') && options.origins.length > 1) policyFail('Cors.origins', "'*' cannot be combined with other origins");
    const credentials = bool('Cors.credentials', options.credentials, false);
    if (credentials && options.origins.includes('*')) {
      policyFail('Cors.credentials', "credentials cannot be allowed for origin '*': every site could make authenticated requests (Traefik and Gateway API reflect any origin)");
    }
    const methods = list('Cors.methods', options.methods ?? ['GET', 'HEAD', 'POST'], 'HTTP methods').map((m, i) => {
      const upper = typeof m === 'string' ? m.toUpperCase() : m;
      if (!METHODS.has(upper) && upper !== '*') policyFail(`Cors.methods[${i}]`, `${show(m)} is not an HTTP method (${[...METHODS].join(', ')}) or '*'`);
      return upper;
    });
    anyAlone('methods', methods, credentials);
    const names = (field: string, values: string[] | undefined) => {
      const out = list(`Cors.${field}`, values, 'header names').map((h, i) => {
        const problem = checkHeaderName(h);
        if (problem) policyFail(`Cors.${field}[${i}]`, problem);
        return h;
      });
      anyAlone(field, out, credentials);
      return out;
    };
    const maxAgeMs = durationMs('Cors.maxAge', options.maxAge);
    if (maxAgeMs !== undefined && maxAgeMs % 1000 !== 0) policyFail('Cors.maxAge', 'must be a whole number of seconds');
    return new Cors({
      origins: sortedUnique(options.origins),
      methods: sortedUnique(methods),
      headers: sortedUnique(names('headers', options.headers)),
      exposeHeaders: sortedUnique(names('exposeHeaders', options.exposeHeaders)),
      credentials,
      maxAgeSeconds: maxAgeMs === undefined ? undefined : maxAgeMs / 1000,
    });
  }

  private constructor(private readonly ir: Omit<CorsIR, 'source'>) {}

  /** @internal */
  public _toIR(source: string): CorsIR {
    return { ...this.ir, source };
  }
}

/**
 * `*` (any method or header) stands alone, and never with credentials: browsers read `*` in
 * Access-Control-Allow-Methods / -Allow-Headers / -Expose-Headers literally on credentialed
 * requests, where controllers would send it as is.
 */
function anyAlone(field: string, values: readonly string[], credentials: boolean): void {
  if (!values.includes('*')) return;
  if (values.length > 1) policyFail(`Cors.${field}`, "'*' cannot be combined with other values");
  if (credentials) policyFail(`Cors.${field}`, "'*' cannot be used with credentials: browsers read it literally on credentialed requests; list the values");
}
