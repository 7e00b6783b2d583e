import { Duration } from 'cdk8s';
import { BodySize } from './body-size';
import { PolicyError, bool, durationMs, list, policyFail, sortedUnique } from './common';
import { show } from '../../core/errors';
import { checkHeaderName, checkObjectName, urlALabelHint } from '../../core/validate';
import { EdgeAuthIR } from '../../ir/policies';
import { CaCertificates, caProblem } from '../ca';

/** Options for `EdgeAuth.external()`. */
export interface ExternalAuthOptions {
  /**
   * The auth service URL: https, or http only to an in-cluster Service
   * (`http://name.namespace.svc[.cluster.local][:port]/path`).
   */
  readonly url: string;

  /**
   * Headers of the auth service's response copied to the upstream request (e.g. X-User-ID).
   * @default - none
   */
  readonly responseHeaders?: string[];

  /**
   * Where unauthenticated browsers are sent (https).
   * @default - the auth service's 401 is returned
   */
  readonly signinUrl?: string;

  /**
   * Cache successful auth decisions for this long.
   * @default - no cache
   */
  readonly cache?: Duration;

  /**
   * The client request headers sent to the auth service (e.g. Cookie for a session check); every
   * other client header is withheld from it. The method, host and path of the request always reach
   * it, each controller's way.
   * @default - the controller's own set: every request header on ingress-nginx and Traefik; Host,
   * Method, Path, Content-Length and Authorization on Envoy Gateway
   */
  readonly requestHeaders?: string[];

  /**
   * Send the request body to the auth service too (e.g. to verify a signed payload), buffering at
   * most this much: a larger request is refused (401 on Traefik, 413 on Envoy Gateway). The body
   * then leaves the route for a second service; the `external-auth-body` warning says so.
   * @default - the body is not sent
   */
  readonly forwardBody?: BodySize;

  /**
   * The CA that verifies the auth service's certificate (https URLs only).
   * @default - the system CAs
   */
  readonly ca?: CaCertificates;

  /**
   * Secret (kubernetes.io/tls, `tls.crt` / `tls.key`, in the route's namespace) holding the client
   * certificate presented to the auth service (https URLs only).
   * @default - no client certificate
   */
  readonly clientCertificateSecret?: string;
}

/** A JWT claim copied into a request header. */
export interface ClaimToHeader {
  /** The claim name. */
  readonly claim: string;
  /** The header name. */
  readonly header: string;
}

/** Options for `EdgeAuth.jwt()`. */
export interface JwtAuthOptions {
  /** Expected `iss` (at most 253 characters). */
  readonly issuer: string;

  /** Where the signing keys are published (https; at most 253 characters). */
  readonly jwksUri: string;

  /**
   * Accepted `aud` values (at most 8, Envoy Gateway's limit).
   * @default - any audience
   */
  readonly audiences?: string[];

  /**
   * Claims copied into upstream request headers.
   * @default - none
   */
  readonly claimsToHeaders?: ClaimToHeader[];
}

/** Options for `EdgeAuth.apiKey()`. */
export interface ApiKeyAuthOptions {
  /**
   * Secret holding the accepted keys (format per controller: see the README). Required unless
   * `anyConsumer` is true.
   * @default - none: `anyConsumer` must be true
   */
  readonly secretName?: string;

  /**
   * Accept the key of any consumer the controller already knows (Kong consumers and their key-auth
   * credentials, managed elsewhere) instead of the keys of one Secret. Only controllers with
   * consumers can say this.
   * @default false
   */
  readonly anyConsumer?: boolean;

  /**
   * The request header carrying the key.
   * @default 'x-api-key', unless only `queryParameter` is given (then no header is read)
   */
  readonly header?: string;

  /**
   * The query parameter carrying the key, besides or instead of the header.
   * @default - the key is not read from the query string
   */
  readonly queryParameter?: string;

  /**
   * Remove the key from the request before it reaches the backend.
   * @default false
   */
  readonly removeKey?: boolean;
}

/** Options for `EdgeAuth.jwtConsumerKeys()`. */
export interface JwtConsumerKeysOptions {
  /**
   * Secret holding the JWT credential (the key the token names, its algorithm and its secret or
   * public key; format per controller: see the README) of the one consumer this route accepts.
   * Required unless `anyConsumer` is true.
   * @default - none: `anyConsumer` must be true
   */
  readonly secretName?: string;

  /**
   * Accept tokens signed with the JWT credential of any consumer the controller already knows
   * (Kong consumers managed elsewhere) instead of one Secret's.
   * @default false
   */
  readonly anyConsumer?: boolean;

  /**
   * The token claim naming the credential (its `key`) that verifies the signature.
   * @default 'iss'
   */
  readonly keyClaim?: string;
}

/** Options for `EdgeAuth.basic()`. */
export interface BasicAuthOptions {
  /**
   * Secret holding the users (htpasswd lines; exact format per controller: see the README).
   * Required unless `anyConsumer` is true.
   * @default - none: `anyConsumer` must be true
   */
  readonly secretName?: string;

  /**
   * Accept the user name and password of any consumer the controller already knows (Kong
   * consumers and their basic-auth credentials, managed elsewhere) instead of the users of one
   * Secret. Only controllers with consumers can say this.
   * @default false
   */
  readonly anyConsumer?: boolean;

  /**
   * The realm shown by browsers.
   * @default - the controller's default
   */
  readonly realm?: string;
}

/** An Istio extension provider name (meshConfig.extensionProviders[].name). */
const PROVIDER_NAME = /^(?=.{1,253}$)[A-Za-z0-9]([-A-Za-z0-9_.]*[A-Za-z0-9])?$/;

const IN_CLUSTER = /^http:\/\/[a-z0-9]([-a-z0-9]*[a-z0-9])?\.[a-z0-9]([-a-z0-9]*[a-z0-9])?\.svc(\.cluster\.local)?(:\d{1,5})?(\/[A-Za-z0-9._~\-/]*)?$/;
const HTTPS = /^https:\/\/[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*(:\d{1,5})?(\/[A-Za-z0-9._~\-/]*)?$/;

function url(field: string, value: string, allowInCluster: boolean): string {
  if (typeof value !== 'string') policyFail(field, 'must be a URL string');
  const idn = urlALabelHint(value);
  if (idn) policyFail(field, idn);
  if (HTTPS.test(value) || (allowInCluster && IN_CLUSTER.test(value))) return value;
  if (/^http:\/\//.test(value)) {
    policyFail(field, `${show(value)} uses plain http to a host outside the cluster; use https (http is accepted only for in-cluster Services: http://name.namespace.svc...)`);
  }
  policyFail(field, `${show(value)} must be an https URL with no query, quotes, '$' or whitespace`);
}

/**
 * Who may pass the edge. Every method fails closed: a request that cannot be verified is refused.
 * @example EdgeAuth.external({ url: 'http://auth.auth.svc.cluster.local/verify', responseHeaders: ['X-User-ID'] })
 */
export class EdgeAuth {
  /** Ask an external service (forward auth) for every request. */
  public static external(options: ExternalAuthOptions): EdgeAuth {
    if (!options) policyFail('EdgeAuth.external', 'options are required');
    const cacheMs = durationMs('EdgeAuth.external.cache', options.cache);
    if (cacheMs !== undefined && cacheMs % 1000 !== 0) policyFail('EdgeAuth.external.cache', 'must be a whole number of seconds');
    return new EdgeAuth({
      kind: 'external',
      url: url('EdgeAuth.external.url', options.url, true),
      responseHeaders: sortedUnique(list('EdgeAuth.external.responseHeaders', options.responseHeaders, 'header names').map((h, i) => header(`EdgeAuth.external.responseHeaders[${i}]`, h))),
      signinUrl: options.signinUrl === undefined ? undefined : url('EdgeAuth.external.signinUrl', options.signinUrl, false),
      cacheSeconds: cacheMs === undefined ? undefined : cacheMs / 1000,
      ...externalExtras(options),
    });
  }

  /** Validate a JWT bearer token against a JWKS. */
  public static jwt(options: JwtAuthOptions): EdgeAuth {
    if (!options || typeof options.issuer !== 'string' || options.issuer.length === 0 || /[\s"'$`]/.test(options.issuer)) {
      policyFail('EdgeAuth.jwt.issuer', 'must be a non-empty string without whitespace, quotes or $');
    }
    // Envoy Gateway's SecurityPolicy bounds (the tightest of the controllers that validate JWTs).
    if (options.issuer.length > 253) policyFail('EdgeAuth.jwt.issuer', `is ${options.issuer.length} characters long; at most 253`);
    if (typeof options.jwksUri === 'string' && options.jwksUri.length > 253) policyFail('EdgeAuth.jwt.jwksUri', `is ${options.jwksUri.length} characters long; at most 253`);
    const audiences = list('EdgeAuth.jwt.audiences', options.audiences, 'audiences').map((a, i) => {
      if (typeof a !== 'string' || a.length === 0 || /[\s"'$`]/.test(a)) policyFail(`EdgeAuth.jwt.audiences[${i}]`, 'must be a non-empty string without whitespace, quotes or $');
      return a;
    });
    if (new Set(audiences).size > 8) policyFail('EdgeAuth.jwt.audiences', `${new Set(audiences).size} audiences; at most 8 (Envoy Gateway's limit)`);
    const claims = list('EdgeAuth.jwt.claimsToHeaders', options.claimsToHeaders, 'ClaimToHeader objects ({ claim, header })').map((c, i) => {
      if (!c || typeof c.claim !== 'string' || !/^[A-Za-z0-9_.:-]+$/.test(c.claim)) policyFail(`EdgeAuth.jwt.claimsToHeaders[${i}].claim`, `${show(c?.claim)} is not a claim name`);
      return { claim: c.claim, header: header(`EdgeAuth.jwt.claimsToHeaders[${i}].header`, c.header) };
    }).sort((a, b) => (a.header < b.header ? -1 : 1));
    return new EdgeAuth({
      kind: 'jwt',
      issuer: options.issuer,
      jwksUri: url('EdgeAuth.jwt.jwksUri', options.jwksUri, true),
      audiences: sortedUnique(audiences),
      claimsToHeaders: claims,
    });
  }


  /**
   * Require an API key: one of a Secret's keys, or (`anyConsumer`) the key of any consumer the
   * controller knows, read from a header and / or a query parameter.
   * @example EdgeAuth.apiKey({ anyConsumer: true, header: 'apikey', queryParameter: 'apikey', removeKey: true })
   */
  public static apiKey(options: ApiKeyAuthOptions): EdgeAuth {
    const anyConsumer = bool('EdgeAuth.apiKey.anyConsumer', options?.anyConsumer, false);
    if (anyConsumer && options.secretName !== undefined) {
      policyFail('EdgeAuth.apiKey.anyConsumer', 'accepts the keys of every consumer, so there is no secretName; leave one of them out');
    }
    const query = options?.queryParameter === undefined ? undefined : queryParameter('EdgeAuth.apiKey.queryParameter', options.queryParameter);
    const name = options?.header === undefined && query !== undefined ? undefined : header('EdgeAuth.apiKey.header', options?.header ?? 'x-api-key').toLowerCase();
    const removeKey = bool('EdgeAuth.apiKey.removeKey', options?.removeKey, false);
    return new EdgeAuth({
      kind: 'apiKey',
      secretName: anyConsumer ? undefined : secret('EdgeAuth.apiKey.secretName', options?.secretName as string),
      header: name,
      queryParameter: query,
      removeKey: removeKey || undefined,
    });
  }

  /**
   * Validate a JWT bearer token with a key held by a consumer (Kong's jwt plugin), instead of a
   * JWKS: the token's `keyClaim` names the consumer credential whose secret or public key verifies
   * it, and its `exp` is required and checked. Only controllers with consumers can say this; the
   * others verify against a JWKS (`EdgeAuth.jwt()`).
   * @example EdgeAuth.jwtConsumerKeys({ secretName: 'partner-jwt' })
   */
  public static jwtConsumerKeys(options: JwtConsumerKeysOptions): EdgeAuth {
    const anyConsumer = bool('EdgeAuth.jwtConsumerKeys.anyConsumer', options?.anyConsumer, false);
    if (anyConsumer && options.secretName !== undefined) {
      policyFail('EdgeAuth.jwtConsumerKeys.anyConsumer', 'accepts the keys of every consumer, so there is no secretName; leave one of them out');
    }
    const keyClaim = options?.keyClaim ?? 'iss';
    if (typeof keyClaim !== 'string' || !/^[A-Za-z0-9_.:-]{1,64}$/.test(keyClaim)) {
      policyFail('EdgeAuth.jwtConsumerKeys.keyClaim', `${show(keyClaim)} is not a claim name (letters, digits, '_', '.', ':' or '-'; at most 64)`);
    }
    return new EdgeAuth({
      kind: 'jwtConsumerKeys',
      secretName: anyConsumer ? undefined : secret('EdgeAuth.jwtConsumerKeys.secretName', options?.secretName as string),
      keyClaim,
    });
  }

  /**
   * HTTP basic authentication against the users of a Secret, or (`anyConsumer`) against the
   * basic-auth credentials of any consumer the controller knows.
   * @example EdgeAuth.basic({ anyConsumer: true, realm: 'partners' })
   */
  public static basic(options: BasicAuthOptions): EdgeAuth {
    const anyConsumer = bool('EdgeAuth.basic.anyConsumer', options?.anyConsumer, false);
    if (anyConsumer && options.secretName !== undefined) {
      policyFail('EdgeAuth.basic.anyConsumer', 'accepts the credentials of every consumer, so there is no secretName; leave one of them out');
    }
    const realm = options?.realm;
    if (realm !== undefined && (typeof realm !== 'string' || !/^[A-Za-z0-9 ._-]{1,64}$/.test(realm))) {
      policyFail('EdgeAuth.basic.realm', 'must be letters, digits, spaces, ".", "_" or "-" (at most 64)');
    }
    return new EdgeAuth({ kind: 'basic', secretName: anyConsumer ? undefined : secret('EdgeAuth.basic.secretName', options?.secretName as string), realm });
  }

  /**
   * Ask an external authorization service that the platform already configured as a named
   * extension provider (Istio's `meshConfig.extensionProviders`): the route only names it.
   * Rendered as an Istio AuthorizationPolicy with action CUSTOM; other controllers need the
   * service's URL (`EdgeAuth.external()`) and refuse it.
   * @param name the provider's name in the mesh configuration
   * @example EdgeAuth.externalProvider('oauth2-proxy')
   */
  public static externalProvider(name: string): EdgeAuth {
    if (typeof name !== 'string' || !PROVIDER_NAME.test(name)) {
      policyFail('EdgeAuth.externalProvider.name', `${show(name)} must be an extension provider name: letters, digits, '-', '_' and '.', starting and ending with a letter or digit (at most 253)`);
    }
    return new EdgeAuth({ kind: 'externalProvider', provider: name });
  }

  private constructor(private readonly ir: DistributiveOmit<EdgeAuthIR, 'source'>) {}

  /** @internal */
  public _toIR(source: string): EdgeAuthIR {
    return { ...this.ir, source } as EdgeAuthIR;
  }
}

/** The issue #17 settings of `EdgeAuth.external()`: what the auth call carries and its TLS. */
function externalExtras(options: ExternalAuthOptions): Pick<Extract<EdgeAuthIR, { kind: 'external' }>, 'requestHeaders' | 'forwardBodyBytes' | 'ca' | 'clientCertificateSecret'> {
  const https = typeof options.url === 'string' && options.url.startsWith('https://');
  const requestHeaders = options.requestHeaders === undefined ? undefined
    : list('EdgeAuth.external.requestHeaders', options.requestHeaders, 'header names').map((h, i) => header(`EdgeAuth.external.requestHeaders[${i}]`, h));
  if (requestHeaders !== undefined && requestHeaders.length === 0) policyFail('EdgeAuth.external.requestHeaders', 'is empty; leave it out for the controller\'s default set, or name the headers the auth service needs');
  const lower = requestHeaders?.map(h => h.toLowerCase());
  if (lower && new Set(lower).size !== lower.length) policyFail('EdgeAuth.external.requestHeaders', `${show(requestHeaders)} names a header twice (header names are case-insensitive)`);
  const body = options.forwardBody;
  if (body !== undefined && !(body instanceof BodySize)) policyFail('EdgeAuth.external.forwardBody', 'must be created with BodySize.bytes(), kibibytes(), mebibytes() or gibibytes()');
  const ca = options.ca;
  if (ca !== undefined) {
    const problem = caProblem(ca, 'EdgeAuth.external.ca');
    if (problem) throw new PolicyError(problem);
    if (!https) policyFail('EdgeAuth.external.ca', 'verifies an https auth service; the url is plain http');
  }
  const cert = options.clientCertificateSecret === undefined ? undefined : secret('EdgeAuth.external.clientCertificateSecret', options.clientCertificateSecret);
  if (cert !== undefined && !https) policyFail('EdgeAuth.external.clientCertificateSecret', 'is presented to an https auth service; the url is plain http');
  return {
    requestHeaders: lower ? [...lower].sort() : undefined,
    forwardBodyBytes: body?.maxBytes,
    ca: ca?._toIR(),
    clientCertificateSecret: cert,
  };
}

type DistributiveOmit<T, K extends keyof any> = T extends any ? Omit<T, K> : never;

function header(field: string, name: string): string {
  const problem = checkHeaderName(name);
  if (problem) policyFail(field, problem);
  return name;
}

/** A query parameter name: URL-unreserved characters only, so it needs no encoding anywhere. */
function queryParameter(field: string, name: string): string {
  if (typeof name !== 'string' || !/^[A-Za-z0-9._~-]{1,64}$/.test(name)) {
    policyFail(field, `${show(name)} must be a query parameter name of letters, digits, '-', '_', '.' or '~' (1 to 64)`);
  }
  return name;
}

function secret(field: string, name: string): string {
  const problem = checkObjectName(name);
  if (problem) policyFail(field, problem);
  return name;
}
