// The coded errors the graph exposes (see ARCHITECTURE.md). Anything else is a bug and stays
// masked by Yoga.
import { GraphQLError } from 'graphql';

import type { ErrorCode } from '../errors.js';

/** A GraphQL error with one of the codes of src/errors.ts. */
export function graphError(code: ErrorCode, message: string, extensions: Record<string, unknown> = {}): GraphQLError {
  return new GraphQLError(message, { extensions: { ...extensions, code } });
}

export function badUserInput(message: string, argument?: string): GraphQLError {
  return graphError('BAD_USER_INPUT', message, argument ? { argument } : {});
}
