// Opaque cursors: base64url JSON holding the query they belong to (a hash of filter + sort),
// the offset of the order in that query's list, and the order's id as an anchor, so a page can
// re-align when new orders pushed the list down since the cursor was issued.
import { createHash } from 'node:crypto';
import { badUserInput } from './errors.js';

export interface Cursor {
  query: string;
  offset: number;
  /** The anchor order's id, opaque. */
  id: string;
}

/** Recent filter + sort combinations and their keys: a page's key is not re-hashed on every call. */
const recentKeys = new Map<string, string>();

export function queryKey(parts: unknown): string {
  const json = JSON.stringify(parts);
  let key = recentKeys.get(json);
  if (key === undefined) {
    key = createHash('sha256').update(json).digest('base64url').slice(0, 12);
    if (recentKeys.size >= 256) recentKeys.clear(); // bounded: arbitrary filters cannot grow it
    recentKeys.set(json, key);
  }
  return key;
}

export function encodeCursor(cursor: Cursor): string {
  return Buffer.from(JSON.stringify([cursor.query, cursor.offset, cursor.id])).toString('base64url');
}

export function decodeCursor(value: string, argument: string, expectedQuery: string): Cursor {
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(value, 'base64url').toString('utf8'));
  } catch {
    parsed = undefined;
  }
  if (
    !Array.isArray(parsed) ||
    parsed.length !== 3 ||
    typeof parsed[0] !== 'string' ||
    !Number.isSafeInteger(parsed[1]) ||
    parsed[1] < 0 ||
    !(typeof parsed[2] === 'string' || Number.isSafeInteger(parsed[2]))
  ) {
    throw badUserInput(`\`${argument}\` is not a cursor this API issued.`, argument);
  }
  const [query, offset, anchor] = parsed as [string, number, string | number];
  // Cursors issued before ids became opaque strings carry a number: the same id.
  const id = String(anchor);
  if (query !== expectedQuery) {
    throw badUserInput(
      `\`${argument}\` was issued for another filter or sort; start again without a cursor.`,
      argument,
    );
  }
  return { query, offset, id };
}
