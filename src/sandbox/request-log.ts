// What the sandbox received, for tests that assert on the REST calls the gateway made.
// Bounded, so a long benchmark does not grow memory without end.
import type { RequestLogEntry } from './contract.js';

export const REQUEST_LOG_LIMIT = 5000;

export class RequestLog {
  private entries: RequestLogEntry[] = [];

  /** Entries are logged on arrival (keeps arrival order) and get their status once answered. */
  add(entry: RequestLogEntry): void {
    this.entries.push(entry);
    // Trim in batches so the common push stays O(1).
    if (this.entries.length > REQUEST_LOG_LIMIT + 500) this.entries = this.entries.slice(-REQUEST_LOG_LIMIT);
  }

  /** Oldest first, at most REQUEST_LOG_LIMIT; copies, so callers cannot edit the log. */
  list(): RequestLogEntry[] {
    return this.entries.slice(-REQUEST_LOG_LIMIT).map((e) => structuredClone(e));
  }

  clear(): void {
    this.entries = [];
  }
}
