// The short-lived cache of Clopos GET answers (CACHE_TTL_MS). Answers are stored as JSON-able
// values with tags (every list; one order id) so a create or cancel can drop what it changed.
// The store is in memory or in Redis (redis-stores.ts) behind the same interface.

export interface GetCacheStore {
  get(key: string): Promise<unknown>;
  set(key: string, value: unknown, ttlMs: number, tags: string[]): Promise<void>;
  /** Drops every entry carrying one of `tags`. */
  invalidate(tags: string[]): Promise<void>;
}

/** `undefined` is "not cached"; a cached 404 is stored as null. */
export const MISS = undefined;

/** At most this many answers in memory; the oldest go first. */
const MAX_ENTRIES = 5000;

export class MemoryGetCache implements GetCacheStore {
  private readonly entries = new Map<string, { value: unknown; expiresAt: number; tags: string[] }>();
  private readonly byTag = new Map<string, Set<string>>();

  constructor(private readonly now: () => number = Date.now) {}

  async get(key: string): Promise<unknown> {
    const entry = this.entries.get(key);
    if (!entry) return MISS;
    if (entry.expiresAt <= this.now()) {
      this.drop(key);
      return MISS;
    }
    return entry.value;
  }

  async set(key: string, value: unknown, ttlMs: number, tags: string[]): Promise<void> {
    this.drop(key);
    this.entries.set(key, { value, expiresAt: this.now() + ttlMs, tags });
    for (const tag of tags) {
      let keys = this.byTag.get(tag);
      if (!keys) this.byTag.set(tag, (keys = new Set()));
      keys.add(key);
    }
    // Map keeps insertion order: the first entries are the oldest.
    for (const oldest of this.entries.keys()) {
      if (this.entries.size <= MAX_ENTRIES) break;
      this.drop(oldest);
    }
  }

  async invalidate(tags: string[]): Promise<void> {
    for (const tag of tags) for (const key of [...(this.byTag.get(tag) ?? [])]) this.drop(key);
  }

  private drop(key: string): void {
    const entry = this.entries.get(key);
    if (!entry) return;
    this.entries.delete(key);
    for (const tag of entry.tags) {
      const keys = this.byTag.get(tag);
      keys?.delete(key);
      if (keys?.size === 0) this.byTag.delete(tag);
    }
  }
}
