import { GraphQLScalarType, Kind } from 'graphql';

/**
 * Thrown by scalar parsing. A plain Error (not a GraphQLError) so that graphql-js keeps it as the
 * `originalError` of the variable or literal error it builds, and the gateway's error masking can
 * recognise it and keep its code.
 */
export class InputError extends Error {
  readonly extensions = { code: 'BAD_USER_INPUT' };
}

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
// Clopos sends "2026-02-02T13:45:53.000000Z"; its envelope timestamps are "YYYY-MM-DD HH:mm:ss" UTC.
const SPACED_UTC = /^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/;

export function isCalendarDate(value: string): boolean {
  const match = DATE.exec(value);
  if (!match) return false;
  const [, y, m, d] = match.map(Number) as [number, number, number, number];
  const date = new Date(Date.UTC(y, m - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
}

function parseDate(value: unknown): string {
  if (typeof value !== 'string' || !isCalendarDate(value)) {
    throw new InputError(`Date must be a calendar day written YYYY-MM-DD, got ${JSON.stringify(value)}.`);
  }
  return value;
}

export const DateScalar = new GraphQLScalarType({
  name: 'Date',
  serialize: (value) => parseDate(value),
  parseValue: parseDate,
  parseLiteral: (ast) => parseDate(ast.kind === Kind.STRING ? ast.value : undefined),
});

export function toIsoDateTime(value: unknown): string {
  if (typeof value !== 'string' && !(value instanceof Date)) {
    throw new InputError(`DateTime must be an ISO 8601 string, got ${JSON.stringify(value)}.`);
  }
  const text = typeof value === 'string' && SPACED_UTC.test(value) ? `${value.replace(' ', 'T')}Z` : value;
  const date = new Date(text);
  if (Number.isNaN(date.getTime())) {
    throw new InputError(`DateTime must be an ISO 8601 string, got ${JSON.stringify(value)}.`);
  }
  return date.toISOString();
}

export const DateTimeScalar = new GraphQLScalarType({
  name: 'DateTime',
  serialize: toIsoDateTime,
  parseValue: toIsoDateTime,
  parseLiteral: (ast) => toIsoDateTime(ast.kind === Kind.STRING ? ast.value : undefined),
});

const DECIMAL = /^-?\d+(\.\d+)?$/;

function parseDecimalScalar(value: unknown): string {
  if (typeof value !== 'string' || !DECIMAL.test(value)) {
    throw new InputError(`Decimal must be a string like "8.50", got ${JSON.stringify(value)}.`);
  }
  return value;
}

/** Exact decimals as strings ("8.50"): money never travels as a float. */
export const DecimalScalar = new GraphQLScalarType({
  name: 'Decimal',
  serialize: parseDecimalScalar,
  parseValue: parseDecimalScalar,
  parseLiteral: (ast) => parseDecimalScalar(ast.kind === Kind.STRING ? ast.value : undefined),
});
