import { literal, policyFail } from './common';
import { optionsOf, show } from '../../core/errors';
import { isWildcardHost } from '../../core/hosts';
import { checkHost, checkPort, checkRedirectUrl } from '../../core/validate';
import { PathModifierIR, RedirectIR } from '../../ir/policies';

/** HTTP redirect status codes. */
export enum RedirectStatus {
  /** Moved Permanently. */
  MOVED_PERMANENTLY = 301,
  /** Found. */
  FOUND = 302,
  /** See Other. */
  SEE_OTHER = 303,
  /** Temporary Redirect (method kept). */
  TEMPORARY_REDIRECT = 307,
  /** Permanent Redirect (method kept). */
  PERMANENT_REDIRECT = 308,
}

/**
 * Options for `Redirect.to()`. Unset parts keep the request's value. With only `statusCode` set,
 * the redirect points at the request's own URL (Gateway API's RequestRedirect with nothing but
 * a status code), e.g. for a client that must re-send the request.
 */
export interface RedirectOptions {
  /**
   * New scheme.
   * @default - unchanged
   */
  readonly scheme?: string;

  /**
   * New host (no wildcard).
   * @default - unchanged
   */
  readonly host?: string;

  /**
   * New port.
   * @default - the scheme's default port
   */
  readonly port?: number;

  /**
   * Replace the whole path.
   * @default - unchanged
   */
  readonly path?: string;

  /**
   * Replace the matched prefix (needs a single Prefix match on the route).
   * @default - unchanged
   */
  readonly replacePrefix?: string;

  /**
   * The status code. Set alone, the redirect keeps the whole URL and changes only the status.
   * @default RedirectStatus.MOVED_PERMANENTLY
   */
  readonly statusCode?: RedirectStatus;
}

/** Options for `Redirect.toHttps()`. */
export interface HttpsRedirectOptions {
  /**
   * The status code.
   * @default RedirectStatus.PERMANENT_REDIRECT
   */
  readonly statusCode?: RedirectStatus;
}

/** Options for `Redirect.toUrl()`. */
export interface UrlRedirectOptions {
  /**
   * The status code.
   * @default RedirectStatus.MOVED_PERMANENTLY
   */
  readonly statusCode?: RedirectStatus;
}

/**
 * Answer with a redirect instead of forwarding to a backend (a route with a redirect has no backend).
 * @example Redirect.to({ host: 'www.example.com', statusCode: RedirectStatus.MOVED_PERMANENTLY })
 */
export class Redirect {
  /** Redirect plain HTTP to HTTPS, keeping host and path. */
  public static toHttps(options: HttpsRedirectOptions = {}): Redirect {
    const o = optionsOf('Redirect.toHttps', options);
    return new Redirect({ scheme: 'https', statusCode: status('Redirect.toHttps.statusCode', o.statusCode ?? RedirectStatus.PERMANENT_REDIRECT) });
  }

  /** Redirect to another scheme, host, port or path. */
  public static to(options: RedirectOptions): Redirect {
    if (!options || typeof options !== 'object') policyFail('Redirect.to', 'options are required');
    const { scheme, host, port, path, replacePrefix } = options;
    if (scheme !== undefined && scheme !== 'http' && scheme !== 'https') policyFail('Redirect.scheme', `${show(scheme)} must be 'http' or 'https'`);
    if (host !== undefined) {
      const problem = checkHost(host) ?? (isWildcardHost(host) ? `'${host}' must not be a wildcard` : undefined);
      if (problem) policyFail('Redirect.host', problem);
    }
    if (port !== undefined && checkPort(port)) policyFail('Redirect.port', checkPort(port)!);
    if (path !== undefined && replacePrefix !== undefined) policyFail('Redirect', 'set either path or replacePrefix, not both');
    let pathIr: PathModifierIR | undefined;
    if (path !== undefined) pathIr = { kind: 'full', value: literal('Redirect.path', path) };
    if (replacePrefix !== undefined) pathIr = { kind: 'prefix', value: literal('Redirect.replacePrefix', replacePrefix) };
    if (!scheme && !host && port === undefined && !pathIr && (options.statusCode === undefined || options.statusCode === null)) {
      policyFail('Redirect.to', 'set at least one of scheme, host, port, path, replacePrefix (or only statusCode, to redirect to the same URL)');
    }
    return new Redirect({
      scheme: scheme as RedirectIR['scheme'],
      host,
      port,
      path: pathIr,
      statusCode: status('Redirect.statusCode', options.statusCode ?? RedirectStatus.MOVED_PERMANENTLY),
    });
  }

  /**
   * Redirect every matching request to exactly `url`, an absolute http or https URL: the request's
   * path and query are dropped (what ingress-nginx's `permanent-redirect` does). A route with such
   * a redirect may name one backend, which receives nothing: Ingress-based controllers need a
   * Service behind every path (ingress-nginx does).
   * @example Redirect.toUrl('https://www.example.com/moved', { statusCode: RedirectStatus.FOUND })
   */
  public static toUrl(url: string, options: UrlRedirectOptions = {}): Redirect {
    const o = optionsOf('Redirect.toUrl', options);
    const problem = checkRedirectUrl(url);
    if (problem) policyFail('Redirect.toUrl', problem);
    return new Redirect({ url, statusCode: status('Redirect.toUrl.statusCode', o.statusCode ?? RedirectStatus.MOVED_PERMANENTLY) });
  }

  private constructor(private readonly ir: Omit<RedirectIR, 'source'>) {}

  /** @internal */
  public _toIR(source: string): RedirectIR {
    return { ...this.ir, source };
  }
}

function status(field: string, code: RedirectStatus): RedirectIR['statusCode'] {
  if (![301, 302, 303, 307, 308].includes(code)) policyFail(field, `${show(code)} is not a redirect status (301, 302, 303, 307, 308)`);
  return code as RedirectIR['statusCode'];
}

