// The error every hook reports, and which of them are worth retrying.

export interface GraphQLErrorEntry {
  message: string;
  path?: ReadonlyArray<string | number>;
  extensions?: Record<string, unknown>;
}

/** A request that came back with `errors` (or no data): the hook's `error`. */
export class GraphQLRequestError extends Error {
  // Plain fields, not constructor parameter properties: templates with `erasableSyntaxOnly` reject those.
  readonly errors: ReadonlyArray<GraphQLErrorEntry>;
  readonly status: number;

  constructor(errors: ReadonlyArray<GraphQLErrorEntry>, status: number) {
    super(errors.map((e) => e.message).join('; ') || `GraphQL request failed with HTTP ${status}`);
    this.name = 'GraphQLRequestError';
    this.errors = errors;
    this.status = status;
  }

  /** The first error's `extensions.code`, e.g. `BAD_USER_INPUT` or `UNAUTHENTICATED`. */
  get code(): string | undefined {
    const code = this.errors[0]?.extensions?.['code'];
    return typeof code === 'string' ? code : undefined;
  }
}

/**
 * Codes a second attempt cannot change: the same request gets the same answer, so retrying only
 * delays the error (TanStack Query's default is three retries with back-off, several seconds).
 */
export const FINAL_ERROR_CODES: ReadonlySet<string> = new Set([
  'PERSISTED_QUERY_NOT_FOUND',
  'PERSISTED_QUERY_ONLY',
  'PERSISTED_QUERY_ID_REQUIRED',
  'BAD_USER_INPUT',
  'GRAPHQL_VALIDATION_FAILED',
  'GRAPHQL_PARSE_FAILED',
  'FORBIDDEN',
  'UNAUTHENTICATED',
  'NOT_FOUND',
  'PAYLOAD_TOO_LARGE',
  'QUERY_TOO_EXPENSIVE',
]);

/** True when the error carries a code a retry cannot change. */
export function isFinalError(error: unknown): boolean {
  return error instanceof GraphQLRequestError && error.code !== undefined && FINAL_ERROR_CODES.has(error.code);
}

/**
 * TanStack Query's `retry` option: up to `times` retries (TanStack's default, 3) for transport
 * trouble and uncoded failures, none for a coded request error. The hooks set it; an app can also
 * put it in its QueryClient's defaultOptions.
 */
export function retryUnlessFinal(times = 3): (failureCount: number, error: unknown) => boolean {
  return (failureCount, error) => !isFinalError(error) && failureCount < times;
}
