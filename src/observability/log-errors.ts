// How an error is logged. Coded, expected errors (Clopos refusing or unavailable, the caller's bad
// input, a limit reached) are part of normal operation: one line at `info` or `warn` naming the
// code, without a stack. Anything else is a bug: `error`, with its stack.
import { GraphQLError } from 'graphql';
import { isUpstreamError, type UpstreamErrorCode } from '../upstreams/errors.js';

export interface ErrorLog {
  level: 'info' | 'warn' | 'error';
  /** The fields to log: `code` (and what else is known) for an expected error, `err` otherwise. */
  fields: Record<string, unknown>;
}

/** Clopos down or unclear deserves an operator's eye; Clopos answering "no" does not. */
const UPSTREAM_LEVEL: Record<UpstreamErrorCode, 'info' | 'warn'> = {
  UPSTREAM_UNAVAILABLE: 'warn',
  UPSTREAM_OUTCOME_UNKNOWN: 'warn',
  UPSTREAM_AUTH_FAILED: 'warn',
  UPSTREAM_RATE_LIMITED: 'info',
  UPSTREAM_BAD_REQUEST: 'info',
  UPSTREAM_NOT_FOUND: 'info',
};

export function errorLog(error: unknown): ErrorLog {
  let current = error;
  while (current instanceof GraphQLError && current.originalError) current = current.originalError;
  if (isUpstreamError(current)) {
    const { code, reason, operation, status } = current;
    return { level: UPSTREAM_LEVEL[code], fields: { code, reason, operation, ...(status === undefined ? {} : { status }) } };
  }
  // A GraphQLError of our own with a code (BAD_USER_INPUT, TOO_MANY_SUBSCRIPTIONS, ...), or a
  // coded input error under graphql-js's wrapping.
  const coded = [error, current].find(
    (e): e is GraphQLError => e instanceof GraphQLError && typeof e.extensions?.code === 'string' && e.extensions.code !== 'INTERNAL_SERVER_ERROR',
  );
  if (coded) return { level: 'info', fields: { code: coded.extensions.code } };
  const extensions = (current as { extensions?: { code?: unknown } } | undefined)?.extensions;
  if (current instanceof Error && typeof extensions?.code === 'string') return { level: 'info', fields: { code: extensions.code } };
  return { level: 'error', fields: { err: current } };
}
