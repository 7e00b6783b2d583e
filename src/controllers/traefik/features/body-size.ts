import { BodySizeIR } from '../../../ir/policies';
import { MIDDLEWARE_TYPES } from '../constants';

/**
 * `buffering.maxRequestBodyBytes`: Traefik reads the whole request body (in memory up to
 * `memRequestBodyBytes`, 1 MiB by default, then on disk) and answers 413 when it is larger.
 * The body is forwarded only once complete, with a Content-Length.
 */
export function bodySizeSpec(b: BodySizeIR): Record<string, { readonly maxRequestBodyBytes: number }> {
  return { [MIDDLEWARE_TYPES.buffering]: { maxRequestBodyBytes: b.maxBytes } };
}
