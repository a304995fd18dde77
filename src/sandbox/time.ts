// Clopos prints order times with microseconds ("2026-02-02T13:45:53.000000Z") but only ever
// fills whole seconds, so the sandbox keeps times as epoch seconds and formats on the way out.

export function nowSeconds(): number {
  return Math.floor(Date.now() / 1000);
}

/** Epoch seconds → "2026-02-02T13:45:53.000000Z". */
export function isoMicros(seconds: number): string {
  return new Date(seconds * 1000).toISOString().slice(0, 19) + '.000000Z';
}

/** The envelope's "YYYY-MM-DD HH:mm:ss" (UTC). */
export function envelopeTimestamp(ms: number): string {
  return new Date(ms).toISOString().slice(0, 19).replace('T', ' ');
}

/** "YYYY-MM-DD" of epoch seconds, in UTC (the date filter compares calendar days in UTC). */
export function utcDay(seconds: number): string {
  return new Date(seconds * 1000).toISOString().slice(0, 10);
}

/** Reads back the seconds of an isoMicros string; NaN when it is not one. */
export function parseIsoSeconds(value: string): number {
  return Math.floor(Date.parse(value) / 1000);
}
