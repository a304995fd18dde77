// Every code the gateway answers with, defined once: `extensions.code` of GraphQL errors and HTTP
// refusals, and the `UserErrorCode` enum of mutation payloads (the SDL's, through codegen). The
// README's error table is checked against these lists by test/errors.test.ts.
import type { UserErrorCode } from '../generated/graphql.js';

/** `extensions.code` values, each with the HTTP status it is sent with when it refuses a request. */
export const ERROR_CODES = {
  BAD_USER_INPUT: 400,
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 200,
  RATE_LIMITED: 429,
  PAYLOAD_TOO_LARGE: 413,
  QUERY_TOO_EXPENSIVE: 200,
  PERSISTED_QUERY_ONLY: 400,
  PERSISTED_QUERY_NOT_FOUND: 400,
  PERSISTED_QUERY_ID_REQUIRED: 400,
  UPSTREAM_AUTH_FAILED: 200,
  UPSTREAM_RATE_LIMITED: 200,
  UPSTREAM_UNAVAILABLE: 200,
  UPSTREAM_REJECTED: 200,
  TOO_MANY_SUBSCRIPTIONS: 200,
  SLOW_CONSUMER: 200,
  REPLAY_UNAVAILABLE: 200,
} as const;

export type ErrorCode = keyof typeof ERROR_CODES;

/**
 * Mutation `userErrors[].code` values. Typed by the SDL's enum: the compiler refuses a code the
 * schema lacks, and a schema code missing here.
 */
export const USER_ERROR_CODES: Record<UserErrorCode, string> = {
  REQUIRED: 'validation: a required list is empty',
  INVALID_ID: 'validation: not an id of the POS',
  MUST_BE_POSITIVE: 'validation: must be above 0',
  MUST_NOT_BE_NEGATIVE: 'validation: must be 0 or more',
  BLANK: 'validation: must not be blank',
  TOO_LONG: 'validation: too many characters',
  TOO_MANY: 'validation: too many items',
  UPSTREAM_REJECTED: 'the POS refused the request (400)',
  UPSTREAM_OUTCOME_UNKNOWN: 'a create whose result is unknown',
  IDEMPOTENCY_KEY_REUSED: 'the key was used with another input',
  IDEMPOTENCY_UNAVAILABLE: 'the shared idempotency store is unreachable',
  NOT_FOUND: 'no such order',
  PRICE_MISMATCH: "a line's name or price differs from the menu",
  PRODUCT_NOT_FOUND: "the product is not on the venue's menu",
  OUT_OF_STOCK: 'the stop-list says the product is out (or too few are left)',
  MODIFIER_NOT_ALLOWED: "a modifier outside the product's groups, or a group's min or max broken",
};

export type { UserErrorCode };

/**
 * An expected failure with a code, thrown by code outside the graph (the live poller, the shield):
 * a plain Error, so that module needs no GraphQL; the graph's error masking turns it into a
 * GraphQLError with this code and message.
 */
export class CodedError extends Error {
  /** What the client sees in `extensions` (the code included). */
  readonly extensions: Record<string, unknown> & { code: ErrorCode };

  constructor(
    message: string,
    readonly code: ErrorCode,
    extensions: Record<string, unknown> = {},
  ) {
    super(message);
    this.name = 'CodedError';
    this.extensions = { ...extensions, code };
  }
}

export const isCodedError = (error: unknown): error is CodedError => error instanceof CodedError;

/** A GraphQL-shaped refusal of a whole HTTP request (401, 403, 413, 429, 400) before it runs. */
export function httpRefusal(
  fetchAPI: { Response: typeof Response },
  code: ErrorCode,
  message: string,
  options: { headers?: Record<string, string>; extensions?: Record<string, unknown> } = {},
): Response {
  return new fetchAPI.Response(JSON.stringify({ errors: [{ message, extensions: { code, ...options.extensions } }] }), {
    status: ERROR_CODES[code],
    headers: { 'content-type': 'application/json', ...options.headers },
  });
}
