// Every error leaving the gateway passes here. Upstream trouble becomes a coded error with a
// message of our own (never Clopos's body, URL, headers or token); input errors keep their code;
// anything else is a bug and is masked by Yoga's default.
import { GraphQLError } from 'graphql';
import { maskError as yogaMaskError, type MaskError } from 'graphql-yoga';
import { isUpstreamError, type UpstreamError } from '../upstreams/errors.js';
import { isCodedError } from '../errors.js';
import { InputError } from './scalars.js';

const UPSTREAM: Record<UpstreamError['code'], { code: string; message: string }> = {
  UPSTREAM_AUTH_FAILED: { code: 'UPSTREAM_AUTH_FAILED', message: "Clopos refused the gateway's credentials." },
  UPSTREAM_RATE_LIMITED: { code: 'UPSTREAM_RATE_LIMITED', message: "Clopos's request quota is spent; retry later." },
  UPSTREAM_UNAVAILABLE: { code: 'UPSTREAM_UNAVAILABLE', message: 'Clopos is unavailable or did not answer in time.' },
  UPSTREAM_OUTCOME_UNKNOWN: { code: 'UPSTREAM_UNAVAILABLE', message: 'Clopos did not answer in time.' },
  UPSTREAM_BAD_REQUEST: { code: 'UPSTREAM_REJECTED', message: "Clopos rejected the request's parameters." },
  UPSTREAM_NOT_FOUND: { code: 'NOT_FOUND', message: 'Clopos has no such resource.' },
};

/** The error at the bottom of graphql-js's and Yoga's wrapping. */
function rootCause(error: unknown): unknown {
  let current = error;
  while (current instanceof GraphQLError && current.originalError) current = current.originalError;
  return current;
}

export const maskError: MaskError = (error, message, isDev) => {
  const original = rootCause(error);
  if (isUpstreamError(original)) {
    const { code, message } = UPSTREAM[original.code];
    // Over Clover (UPSTREAM=clover) the same words name Clover (its operations are prefixed).
    const safeMessage = original.operation.startsWith('clover') ? message.replace(/^Clopos/, 'Clover') : message;
    return new GraphQLError(safeMessage, {
      nodes: error instanceof GraphQLError ? error.nodes : undefined,
      path: error instanceof GraphQLError ? error.path : undefined,
      extensions: {
        code,
        ...(original.retryAfterSeconds !== undefined ? { retryAfter: original.retryAfterSeconds } : {}),
      },
    });
  }
  // A coded error from outside the graph (the live poller): its own message and code.
  if (isCodedError(original)) {
    return new GraphQLError(original.message, {
      nodes: error instanceof GraphQLError ? error.nodes : undefined,
      path: error instanceof GraphQLError ? error.path : undefined,
      extensions: original.extensions,
    });
  }
  // graphql-js wraps scalar errors in its own, whose message names the variable and field at fault.
  if (error instanceof GraphQLError && original instanceof InputError) {
    return new GraphQLError(error.message, { nodes: error.nodes, path: error.path, extensions: { ...error.extensions, code: 'BAD_USER_INPUT' } });
  }
  return yogaMaskError(error, message, isDev);
};
