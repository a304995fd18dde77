// Ids are opaque strings in the graph; the upstream adapter says which ones it can read, and a
// bad one is the caller's error at the argument that carried it.
import type { IdCheck } from '../domain/upstream.js';
import { badUserInput } from './errors.js';

export function checkedId(check: IdCheck, value: string, argument: string): string {
  const expected = check(value);
  if (expected !== undefined) throw badUserInput(`\`${argument}\` must be ${expected}, got ${JSON.stringify(value)}.`, argument);
  return value;
}

export function optionalId(check: IdCheck, value: string | null | undefined, argument: string): string | undefined {
  return value === null || value === undefined ? undefined : checkedId(check, value, argument);
}
