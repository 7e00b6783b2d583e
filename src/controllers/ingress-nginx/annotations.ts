/** Every ingress-nginx annotation this library emits. Values are always strings. */
export const PREFIX = 'nginx.ingress.kubernetes.io/';

export const ANNOTATIONS = {
  /** Low risk. Makes every path of the host a case-insensitive regex (`location ~* "^<path>"`). */
  useRegex: `${PREFIX}use-regex`,
} as const;
