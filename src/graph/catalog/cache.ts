// The catalog cache: venues, sale types and menus for CATALOG_TTL_MS, stop-lists for
// STOP_LIST_TTL_MS (they change during service). POS-neutral: it sits on the port's catalog, one
// per adapter. Concurrent reads of a cold entry share one upstream call; a failed read is not
// kept. invalidate() drops every cache at once (all adapters, pass-through ones included) by
// moving a shared generation on, so the next read of anything goes to the POS.
import type { CatalogUpstream, Product, SaleType, StockLimit, Venue } from '../../domain/catalog.js';

export interface CatalogSettings {
  /** CATALOG_TTL_MS; 0 = no caching. */
  catalogTtlMs: number;
  /** STOP_LIST_TTL_MS; 0 = no caching. */
  stopListTtlMs: number;
  now?: () => number;
}

export const DEFAULT_CATALOG_TTL_MS = 300_000;
export const DEFAULT_STOP_LIST_TTL_MS = 30_000;

/** Shared by every CatalogCache of a gateway: moving it on empties them all. */
export class CatalogGeneration {
  value = 0;
  /** The caches' entries, held weakly: a pass-through client's cache goes when its client does. */
  private readonly live = new Set<WeakRef<Map<string, Entry<unknown>>>>();

  track(entries: Map<string, Entry<unknown>>): void {
    this.live.add(new WeakRef(entries));
  }

  /** Empties every cache; returns how many entries were dropped. */
  invalidate(): number {
    this.value++;
    let dropped = 0;
    for (const ref of this.live) {
      const entries = ref.deref();
      if (!entries) {
        this.live.delete(ref);
        continue;
      }
      dropped += entries.size;
      entries.clear();
    }
    return dropped;
  }
}

interface Entry<T> {
  value: Promise<T>;
  expiresAt: number;
  generation: number;
}

export class CatalogCache {
  private readonly entries = new Map<string, Entry<unknown>>();
  private readonly now: () => number;

  constructor(
    private readonly source: CatalogUpstream,
    private readonly settings: CatalogSettings,
    private readonly generation: CatalogGeneration = new CatalogGeneration(),
  ) {
    this.now = settings.now ?? Date.now;
    generation.track(this.entries);
  }

  venues(): Promise<Venue[]> {
    return this.read('venues', this.settings.catalogTtlMs, () => this.source.venues());
  }

  saleTypes(): Promise<SaleType[]> {
    return this.read('sale-types', this.settings.catalogTtlMs, () => this.source.saleTypes());
  }

  menu(venueId: string): Promise<Product[]> {
    return this.read(`menu:${venueId}`, this.settings.catalogTtlMs, () => this.source.menu(venueId));
  }

  /** Product id → stock left, for the products the stop-list limits. */
  stock(venueId: string): Promise<Map<string, number>> {
    return this.read(`stop:${venueId}`, this.settings.stopListTtlMs, async () => {
      const limits: StockLimit[] = await this.source.stopList(venueId);
      return new Map(limits.map((s) => [s.productId, s.limit]));
    });
  }

  /** Drops every catalog cache sharing this one's generation; returns the entries dropped. */
  invalidate(): number {
    return this.generation.invalidate();
  }

  private read<T>(key: string, ttlMs: number, load: () => Promise<T>): Promise<T> {
    const now = this.now();
    const found = this.entries.get(key) as Entry<T> | undefined;
    if (found && found.expiresAt > now && found.generation === this.generation.value) return found.value;
    const entry: Entry<T> = { value: load(), expiresAt: now + ttlMs, generation: this.generation.value };
    if (ttlMs <= 0) return entry.value;
    this.entries.set(key, entry);
    // A failed read is not cached: the next caller tries again.
    entry.value.catch(() => {
      if (this.entries.get(key) === entry) this.entries.delete(key);
    });
    return entry.value;
  }
}
