// createOrder's idempotency keys. The store is in memory here, behind an interface a shared store
// (Redis, for several instances) can implement with the same semantics.
import type { UserErrorModel } from './payloads.js';

export const IDEMPOTENCY_TTL_MS = 24 * 60 * 60 * 1000;

export type IdempotencyOutcome =
  | { kind: 'created'; orderId: number; venueId?: string }
  /** Clopos refused the order (nothing was created): repeats get the same answer. */
  | { kind: 'rejected'; userErrors: UserErrorModel[] }
  /** The create may or may not have reached Clopos: a repeat looks for the order first. */
  | { kind: 'unknown' };

export interface IdempotencyRecord {
  /** A hash of the input the key was first used with. */
  fingerprint: string;
  /** When the first attempt started (ms since epoch); orders created since then may be it. */
  firstAttemptAt: number;
  /** Absent while the first attempt is in flight. */
  outcome?: IdempotencyOutcome;
  /** While in flight: when the claim lapses, so a crashed attempt does not block the key forever. */
  leaseUntil?: number;
}

export interface IdempotencyStore {
  /** Claims a free key with `record`; otherwise returns the record holding it and changes nothing. */
  claim(key: string, record: IdempotencyRecord): Promise<IdempotencyRecord | undefined>;
  get(key: string): Promise<IdempotencyRecord | undefined>;
  put(key: string, record: IdempotencyRecord): Promise<void>;
  /** Frees a key whose attempt created nothing for sure, so a retry starts afresh. */
  release(key: string): Promise<void>;
}

export class MemoryIdempotencyStore implements IdempotencyStore {
  private readonly records = new Map<string, { record: IdempotencyRecord; expiresAt: number }>();

  constructor(
    private readonly ttlMs = IDEMPOTENCY_TTL_MS,
    private readonly now: () => number = Date.now,
  ) {}

  async claim(key: string, record: IdempotencyRecord): Promise<IdempotencyRecord | undefined> {
    const held = await this.get(key);
    if (held) return held;
    await this.put(key, record);
    return undefined;
  }

  async get(key: string): Promise<IdempotencyRecord | undefined> {
    this.sweep();
    return this.records.get(key)?.record;
  }

  async put(key: string, record: IdempotencyRecord): Promise<void> {
    this.records.set(key, { record, expiresAt: record.firstAttemptAt + this.ttlMs });
  }

  async release(key: string): Promise<void> {
    this.records.delete(key);
  }

  /** Drops expired keys; Map keeps insertion order, so the oldest come first. */
  private sweep(): void {
    const now = this.now();
    for (const [key, { expiresAt }] of this.records) {
      if (expiresAt > now) break;
      this.records.delete(key);
    }
  }
}
