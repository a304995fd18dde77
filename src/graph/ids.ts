import { badUserInput } from './errors.js';

/** Clopos ids are positive integers; the graph carries them as ID strings. */
export function parseNumericId(value: string, argument: string): number {
  const id = /^\d{1,15}$/.test(value) ? Number(value) : NaN;
  if (!Number.isSafeInteger(id) || id <= 0) {
    throw badUserInput(`\`${argument}\` must be a Clopos order id (a positive integer), got ${JSON.stringify(value)}.`, argument);
  }
  return id;
}

/** A venue id, sent to Clopos as the x-venue header. */
export function parseVenueId(value: string | null | undefined, argument: string): string | undefined {
  if (value === null || value === undefined) return undefined;
  return String(parseNumericId(value, argument));
}
