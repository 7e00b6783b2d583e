/** Every ingress-nginx annotation this library emits. Values are always strings. */
export const PREFIX = 'nginx.ingress.kubernetes.io/';

export const ANNOTATIONS = {
  /** Low risk. Makes every path of the host a case-insensitive regex (`location ~* "^<path>"`). */
  useRegex: `${PREFIX}use-regex`,
  /** Low risk. `"true"`: the Ingress is a canary of the non-canary Ingress with the same host and path. */
  canary: `${PREFIX}canary`,
  /** Low risk. Integer share of requests for the canary, out of `canary-weight-total`. */
  canaryWeight: `${PREFIX}canary-weight`,
  /** Low risk. Integer total the weight is a share of (default 100). */
  canaryWeightTotal: `${PREFIX}canary-weight-total`,
  /** Medium risk. Header deciding the canary; basic characters `[-._~a-zA-Z0-9/:]`. */
  canaryByHeader: `${PREFIX}canary-by-header`,
  /** Medium risk. Exact header value that selects the canary; basic characters. */
  canaryByHeaderValue: `${PREFIX}canary-by-header-value`,
  /** Medium risk. PCRE the header value must match to select the canary. */
  canaryByHeaderPattern: `${PREFIX}canary-by-header-pattern`,
  /** Medium risk. Cookie whose value `always` selects the canary (`never`: the stable backend). */
  canaryByCookie: `${PREFIX}canary-by-cookie`,
} as const;

/** `canary-by-header-pattern` that any value of a present header matches (ngx.re.match, unanchored). */
export const ANY_VALUE_PATTERN = '.*';
