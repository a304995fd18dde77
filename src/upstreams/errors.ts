// Everything that can go wrong talking to Clopos becomes one UpstreamError with a fixed code the
// graph maps to a GraphQL code. Its `message` is always one of ours: the graph may show it, so it
// never carries the token, credentials, URL or an upstream body. What Clopos said travels on
// separate fields (`upstreamError`, `upstreamMessage`) for the write side to judge.
import type { UpstreamOperation } from './clopos/operations.js';
import type { CloverOperation } from './clover/operations.js';

/** Any upstream's operation name (Clopos's table, or Clover's: src/upstreams/clover/operations.ts). */
export type AnyOperation = UpstreamOperation | CloverOperation;

export type UpstreamErrorCode =
  /** Clopos refuses the gateway's credentials: /auth rejects them, or a 401 survives one renewal. */
  | 'UPSTREAM_AUTH_FAILED'
  /** 429; back off for `retryAfterSeconds`. */
  | 'UPSTREAM_RATE_LIMITED'
  /** 5xx, timeout, network, an unreadable answer, or `success:false` on a data route. */
  | 'UPSTREAM_UNAVAILABLE'
  /** 400 (`invalid_parameter`, `validation_failed`): Clopos rejected the request as sent. */
  | 'UPSTREAM_BAD_REQUEST'
  /** 404 where null is not the answer. */
  | 'UPSTREAM_NOT_FOUND'
  /** A create that may have reached Clopos but whose answer was lost: it may or may not exist. */
  | 'UPSTREAM_OUTCOME_UNKNOWN';

export type UpstreamErrorReason =
  /** No answer within the call's timeout. */
  | 'timeout'
  /** Connection refused, reset or broken. */
  | 'network'
  /** Clopos answered with an error status. */
  | 'http'
  /** The answer could not be read (not JSON, or not the documented envelope). */
  | 'malformed'
  /** HTTP 2xx with `success:false`. */
  | 'unsuccessful'
  /** A create answered success but carried no order id. */
  | 'unidentifiable'
  /** Not sent: the quota shield's budget has no call left before the request's deadline. */
  | 'budget'
  /** Not sent: the circuit breaker is open after repeated Clopos failures. */
  | 'circuit_open';

/** The operation table's names (src/upstreams/clopos/operations.ts). */
export type { UpstreamOperation };

export interface UpstreamErrorInit {
  code: UpstreamErrorCode;
  reason: UpstreamErrorReason;
  operation: AnyOperation;
  status?: number;
  retryAfterSeconds?: number;
  upstreamError?: string;
  upstreamMessage?: string;
  /** The request never left the gateway (its deadline passed first, or no connection was made). */
  notSent?: boolean;
  cause?: unknown;
}

/** Seconds to back off after a 429 that names none. */
export const DEFAULT_RETRY_AFTER_SECONDS = 60;

export class UpstreamError extends Error {
  override readonly name = 'UpstreamError';
  readonly code: UpstreamErrorCode;
  readonly reason: UpstreamErrorReason;
  readonly operation: AnyOperation;
  /** The HTTP status, when Clopos answered at all. */
  readonly status?: number;
  /** With UPSTREAM_RATE_LIMITED: RateLimit-Reset, else Retry-After, else 60. */
  readonly retryAfterSeconds?: number;
  /** Clopos's machine-readable `error` (`validation_failed`, …); not on /auth failures. */
  readonly upstreamError?: string;
  /** Clopos's human `message`, unfiltered: not safe to show as-is. Not on /auth failures. */
  readonly upstreamMessage?: string;
  /** True when the request never left the gateway: it says nothing about Clopos's answer. */
  readonly notSent: boolean;

  constructor(init: UpstreamErrorInit) {
    super(safeMessage(init.code, init.reason, init.operation), init.cause === undefined ? undefined : { cause: init.cause });
    this.code = init.code;
    this.reason = init.reason;
    this.operation = init.operation;
    this.notSent = init.notSent ?? (init.reason === 'budget' || init.reason === 'circuit_open');
    if (init.status !== undefined) this.status = init.status;
    if (init.retryAfterSeconds !== undefined) this.retryAfterSeconds = init.retryAfterSeconds;
    if (init.upstreamError !== undefined) this.upstreamError = init.upstreamError;
    if (init.upstreamMessage !== undefined) this.upstreamMessage = init.upstreamMessage;
  }
}

export function isUpstreamError(e: unknown): e is UpstreamError {
  return e instanceof UpstreamError;
}

function safeMessage(code: UpstreamErrorCode, reason: UpstreamErrorReason, operation: AnyOperation): string {
  // The vendor's name only (the operation tables keep Clover's names prefixed).
  const pos = operation.startsWith('clover') ? 'Clover' : 'Clopos';
  switch (code) {
    case 'UPSTREAM_AUTH_FAILED':
      return `${pos} refused the gateway credentials`;
    case 'UPSTREAM_RATE_LIMITED':
      return `${pos} rate limit reached; retry later`;
    case 'UPSTREAM_BAD_REQUEST':
      return `${pos} rejected the request`;
    case 'UPSTREAM_NOT_FOUND':
      return `${pos} did not find the resource`;
    case 'UPSTREAM_OUTCOME_UNKNOWN':
      return reason === 'unidentifiable'
        ? `${pos} accepted the order but did not say which id it got`
        : `The order may or may not have been created: ${pos} did not answer clearly`;
    case 'UPSTREAM_UNAVAILABLE':
      switch (reason) {
        case 'timeout':
          return `${pos} did not answer in time`;
        case 'network':
          return `${pos} could not be reached`;
        case 'malformed':
          return `${pos} sent an unreadable answer`;
        default:
          return `${pos} is unavailable`;
      }
  }
}

/** `error` and `message` of a Clopos error body, if it is one (it may be text or nothing). */
export function readErrorBody(body: unknown): { upstreamError?: string; upstreamMessage?: string } {
  if (typeof body !== 'object' || body === null) return {};
  const out: { upstreamError?: string; upstreamMessage?: string } = {};
  if ('error' in body && typeof body.error === 'string') out.upstreamError = body.error;
  if ('message' in body && typeof body.message === 'string') out.upstreamMessage = body.message;
  return out;
}

/** RateLimit-Reset (seconds, documented), else Retry-After (seconds), else the default. */
export function retryAfterSeconds(headers: Headers): number {
  for (const name of ['RateLimit-Reset', 'Retry-After']) {
    const raw = headers.get(name);
    if (raw === null || raw.trim() === '') continue;
    const seconds = Number(raw);
    if (Number.isFinite(seconds) && seconds >= 0) return Math.max(1, Math.ceil(seconds));
  }
  return DEFAULT_RETRY_AFTER_SECONDS;
}

/**
 * A non-2xx answer on a data route. `create` marks POST /orders, where a 5xx means Clopos may
 * have stored the order before failing: outcome unknown rather than unavailable.
 * 401 arrives here only after the one renewal already happened.
 */
export function fromHttpStatus(
  operation: AnyOperation,
  response: Response,
  body: unknown,
  create = false,
): UpstreamError {
  const status = response.status;
  const said = readErrorBody(body);
  const base = { operation, status, reason: 'http' as const, ...said };
  if (status === 401 || status === 403) return new UpstreamError({ ...base, code: 'UPSTREAM_AUTH_FAILED' });
  if (status === 429) {
    return new UpstreamError({ ...base, code: 'UPSTREAM_RATE_LIMITED', retryAfterSeconds: retryAfterSeconds(response.headers) });
  }
  if (status === 404) return new UpstreamError({ ...base, code: 'UPSTREAM_NOT_FOUND' });
  if (status >= 400 && status < 500) return new UpstreamError({ ...base, code: 'UPSTREAM_BAD_REQUEST' });
  return new UpstreamError({ ...base, code: create ? 'UPSTREAM_OUTCOME_UNKNOWN' : 'UPSTREAM_UNAVAILABLE' });
}

/** A 2xx whose envelope says `success:false`. Clopos answered explicitly, so nothing is unknown. */
export function fromUnsuccessful(operation: AnyOperation, response: Response, body: unknown): UpstreamError {
  return new UpstreamError({
    operation,
    code: 'UPSTREAM_UNAVAILABLE',
    reason: 'unsuccessful',
    status: response.status,
    ...readErrorBody(body),
  });
}

/** A 2xx whose body is not the documented envelope. */
export function malformed(operation: AnyOperation, status: number | undefined, create = false): UpstreamError {
  return new UpstreamError({
    operation,
    code: create ? 'UPSTREAM_OUTCOME_UNKNOWN' : 'UPSTREAM_UNAVAILABLE',
    reason: 'malformed',
    ...(status === undefined ? {} : { status }),
  });
}

/**
 * Thrown by our fetch wrapper when a request certainly never left: the call's deadline passed
 * before sending, or the connection was refused / the host not found. A create failing this way
 * is safe to report as unavailable (nothing can exist).
 */
export class NotSentError extends Error {
  override readonly name = 'NotSentError';
  constructor(
    readonly reason: 'timeout' | 'network',
    cause: unknown,
  ) {
    super('request not sent', { cause });
  }
}

const NEVER_CONNECTED = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN']);

/** True when the error's cause chain says no connection was ever made. */
export function neverConnected(error: unknown): boolean {
  for (let e: unknown = error, depth = 0; e && depth < 8; depth++) {
    if (typeof e !== 'object') return false;
    if ('code' in e && typeof e.code === 'string' && NEVER_CONNECTED.has(e.code)) return true;
    // undici may wrap several attempts (IPv4/IPv6) in an AggregateError.
    if (e instanceof AggregateError && e.errors.some((inner) => neverConnected(inner))) return true;
    e = 'cause' in e ? e.cause : undefined;
  }
  return false;
}

function isTimeout(error: unknown): boolean {
  return (
    typeof error === 'object' &&
    error !== null &&
    'name' in error &&
    (error.name === 'TimeoutError' || error.name === 'AbortError')
  );
}

/**
 * Anything thrown while sending or reading. UpstreamErrors (from token acquisition) pass through.
 * For a create, a failure after the request may have left is UPSTREAM_OUTCOME_UNKNOWN.
 * Errors that are none of ours or the network's are bugs and are rethrown unchanged.
 */
export function fromThrown(operation: AnyOperation, error: unknown, create = false): Error {
  if (error instanceof UpstreamError) return error;
  if (error instanceof NotSentError) {
    return new UpstreamError({ operation, code: 'UPSTREAM_UNAVAILABLE', reason: error.reason, notSent: true, cause: error.cause });
  }
  const lost = create ? 'UPSTREAM_OUTCOME_UNKNOWN' : 'UPSTREAM_UNAVAILABLE';
  if (isTimeout(error)) return new UpstreamError({ operation, code: lost, reason: 'timeout', cause: error });
  // openapi-fetch parses a 2xx body with JSON.parse.
  if (error instanceof SyntaxError) return new UpstreamError({ operation, code: lost, reason: 'malformed', cause: error });
  // fetch reports every transport failure (refused, reset, "terminated" mid-body) as a TypeError.
  if (error instanceof TypeError) {
    const code = neverConnected(error) ? 'UPSTREAM_UNAVAILABLE' : lost;
    return new UpstreamError({ operation, code, reason: 'network', cause: error });
  }
  return error instanceof Error ? error : new Error('Unexpected non-Error thrown by fetch');
}
