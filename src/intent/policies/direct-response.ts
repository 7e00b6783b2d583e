import { policyFail } from './common';
import { show } from '../../core/errors';
import { DEFAULT_DIRECT_RESPONSE_CONTENT_TYPE, DirectResponseIR } from '../../ir/model';

/** Most bytes (UTF-8) of a direct response body: Envoy's limit for a direct response. */
const MAX_DIRECT_RESPONSE_BODY = 4096;


/** `type/subtype` with optional `; name=value` parameters (RFC 9110 media type, tokens only). */
const TOKEN = "[A-Za-z0-9!#$&^_.+'*`|~-]+";
const MEDIA_TYPE = new RegExp(`^${TOKEN}/${TOKEN}(; ?${TOKEN}=(${TOKEN}|"[^"\\\\\\x00-\\x1f\\x7f]*"))*$`);

/** Options for `DirectResponse.fixed()`. */
export interface DirectResponseOptions {
  /**
   * The status code: 200-299 or 400-599 (a 3xx answer is a `Redirect`). 204 and 205 take no body.
   */
  readonly statusCode: number;

  /**
   * The response body: text of at most 4096 bytes (UTF-8), without control characters other than
   * tab, line feed and carriage return.
   * @default - no body of ours: the controller sends its own default body for the status (which
   * may be empty)
   */
  readonly body?: string;

  /**
   * The body's `Content-Type` (a media type such as `text/html; charset=utf-8`). Only with `body`.
   * @default 'text/plain; charset=utf-8' when `body` is set
   */
  readonly contentType?: string;
}

/**
 * A fixed answer from the gateway itself, without a backend (a maintenance page, a 404 for a
 * path). `DirectResponse.fixed({ statusCode: 500 })` without a body is what Gateway API defines
 * for a rule that has no backends: every Gateway API implementation answers it with 500.
 * @example DirectResponse.fixed({ statusCode: 503, body: 'Down for maintenance', contentType: 'text/plain; charset=utf-8' })
 */
export class DirectResponse {
  /** Answers with `statusCode` and, optionally, a body. */
  public static fixed(options: DirectResponseOptions): DirectResponse {
    if (!options || typeof options !== 'object' || Array.isArray(options)) policyFail('DirectResponse.fixed', `options are required, got ${show(options)}`);
    const { statusCode, body, contentType } = options;
    if (typeof statusCode !== 'number' || !Number.isInteger(statusCode) || statusCode < 200 || statusCode > 599 || (statusCode >= 300 && statusCode < 400)) {
      policyFail('DirectResponse.statusCode', `${show(statusCode)} must be a whole number from 200 to 299 or 400 to 599 (use Redirect for 3xx)`);
    }
    if (body !== undefined && body !== null) {
      if (typeof body !== 'string') policyFail('DirectResponse.body', `${show(body)} must be a string`);
      if (body.length === 0) policyFail('DirectResponse.body', 'must not be empty (leave it out for no body of ours)');
      if (/[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]/.test(body)) policyFail('DirectResponse.body', 'must not contain control characters other than tab, line feed and carriage return');
      if (/[\ud800-\udfff]/.test(body.replace(/[\ud800-\udbff][\udc00-\udfff]/g, ''))) policyFail('DirectResponse.body', 'must be valid Unicode text (a lone surrogate)');
      const bytes = Buffer.byteLength(body, 'utf8');
      if (bytes > MAX_DIRECT_RESPONSE_BODY) policyFail('DirectResponse.body', `is ${bytes} bytes long; at most ${MAX_DIRECT_RESPONSE_BODY} bytes (UTF-8)`);
      if (statusCode === 204 || statusCode === 205) policyFail('DirectResponse.body', `a ${statusCode} response has no body`);
    }
    const hasBody = body !== undefined && body !== null;
    if (contentType !== undefined && contentType !== null) {
      if (!hasBody) policyFail('DirectResponse.contentType', 'describes the body: set body too, or leave contentType out');
      if (typeof contentType !== 'string' || contentType.length > 256 || !MEDIA_TYPE.test(contentType)) {
        policyFail('DirectResponse.contentType', `${show(contentType)} must be a media type such as 'text/html; charset=utf-8' (at most 256 characters)`);
      }
    }
    return new DirectResponse({
      statusCode,
      ...(hasBody ? { body, contentType: contentType ?? DEFAULT_DIRECT_RESPONSE_CONTENT_TYPE } : {}),
    });
  }

  private constructor(private readonly ir: DirectResponseIR) {}

  /** The status code. */
  public get statusCode(): number {
    return this.ir.statusCode;
  }

  /** @internal */
  public _toIR(): DirectResponseIR {
    return this.ir;
  }
}
