// createOrder's idempotency keys. The store is in memory here, behind an interface a shared store
// (Redis, for several instances) can implement with the same semantics.
import type { UserErrorModel } from './payloads.js';

export const IDEMPOTENCY_TTL_MS = 24 * 60 * 60 * 1000;

export type IdempotencyOutcome =
  | { kind: 'created'; /** A number in records written before ids became opaque strings. */ orderId: string | number; venueId?: string }
  /** Clopos refused the order (nothing was created): repeats get the same answer. */
  | { kind: 'rejected'; userErrors: UserErrorModel[] }
  /** The create may or may not have reached Clopos: a repeat looks for the order first. */
  | { kind: 'unknown'; retryAt?: number; why?: string };

/** One POST /orders sent for a key (the first, or a resend after a search found nothing). */
export interface AttemptRecord {
  id: string;
  /**
   * The marker in its lines' product_hash, derived from the caller, the key and `id`; absent when
   * every line carried the caller's own productHash (then its order cannot be recognised).
   */
  marker?: string;
  startedAt: number;
  /** Until when Clopos may still commit it: startedAt + CLOPOS_COMMIT_WINDOW_MS. */
  windowEndsAt: number;
}

export interface IdempotencyRecord {
  /** A hash of the input the key was first used with. */
  fingerprint: string;
  /** When the first attempt started (ms since epoch); orders created since then may be it. */
  firstAttemptAt: number;
  /** Absent while an attempt is in flight. */
  outcome?: IdempotencyOutcome;
  /** Names the key's current state, so exactly one repeat takes over after it (see placeOrder). */
  attemptId?: string;
  /** Every attempt sent, oldest first: a repeat waits out their windows and searches for their markers. */
  attempts?: AttemptRecord[];
  /** While in flight: when the claim lapses, so a crashed attempt does not block the key forever. */
  leaseUntil?: number;
}

export interface IdempotencyStore {
  /**
   * Claims a free key with `record` for the TTL; otherwise returns the record holding it and
   * changes nothing. Atomic: of concurrent claims on a free key exactly one wins (SET NX in Redis).
   */
  claim(key: string, record: IdempotencyRecord): Promise<IdempotencyRecord | undefined>;
  get(key: string): Promise<IdempotencyRecord | undefined>;
  /** Replaces a key's record, keeping the expiry its claim set. */
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

  // No await between the check and the write: two concurrent claims must not both win.
  async claim(key: string, record: IdempotencyRecord): Promise<IdempotencyRecord | undefined> {
    const held = this.live(key);
    if (held) return held.record;
    this.records.set(key, { record, expiresAt: this.now() + this.ttlMs });
    return undefined;
  }

  async get(key: string): Promise<IdempotencyRecord | undefined> {
    return this.live(key)?.record;
  }

  /** Updates a key; its 24 hours still run from when it was first claimed (as a store's TTL would). */
  async put(key: string, record: IdempotencyRecord): Promise<void> {
    const held = this.live(key);
    this.records.set(key, { record, expiresAt: held?.expiresAt ?? this.now() + this.ttlMs });
  }

  async release(key: string): Promise<void> {
    this.records.delete(key);
  }

  private live(key: string) {
    this.sweep();
    const held = this.records.get(key);
    if (held && held.expiresAt <= this.now()) {
      this.records.delete(key);
      return undefined;
    }
    return held;
  }

  /** Drops expired keys; Map keeps insertion order, so the oldest usually come first. */
  private sweep(): void {
    const now = this.now();
    for (const [key, { expiresAt }] of this.records) {
      if (expiresAt > now) break;
      this.records.delete(key);
    }
  }
}
