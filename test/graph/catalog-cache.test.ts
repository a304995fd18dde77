// The catalog cache on its own, on a test clock: TTLs, coalescing, failures not kept, invalidation.
import { describe, expect, it } from 'vitest';
import type { CatalogUpstream } from '../../src/domain/catalog.js';
import { CatalogCache, CatalogGeneration } from '../../src/graph/catalog/cache.js';

function fakeCatalog() {
  const counts = { venues: 0, menu: 0, stop: 0 };
  let failNext = false;
  const source: CatalogUpstream = {
    async venues() {
      counts.venues++;
      if (failNext) {
        failNext = false;
        throw new Error('down');
      }
      return [{ id: '1', name: 'A', address: null, phone: null, active: true }];
    },
    saleTypes: async () => [],
    async menu() {
      counts.menu++;
      return [];
    },
    async stopList() {
      counts.stop++;
      return [{ productId: '5', limit: 0 }];
    },
    customers: async () => ({ customers: [], total: 0 }),
    customer: async () => null,
  };
  return { source, counts, fail: () => (failNext = true) };
}

describe('CatalogCache', () => {
  it('keeps the menu for CATALOG_TTL_MS and the stop-list for STOP_LIST_TTL_MS', async () => {
    let now = 0;
    const { source, counts } = fakeCatalog();
    const cache = new CatalogCache(source, { catalogTtlMs: 1000, stopListTtlMs: 100, now: () => now });
    await Promise.all([cache.menu('1'), cache.menu('1'), cache.stock('1')]);
    expect(counts).toMatchObject({ menu: 1, stop: 1 });
    now = 150;
    await cache.menu('1');
    expect((await cache.stock('1')).get('5')).toBe(0);
    expect(counts).toMatchObject({ menu: 1, stop: 2 });
    await cache.menu('2');
    expect(counts.menu).toBe(2);
    now = 1200;
    await cache.menu('1');
    expect(counts.menu).toBe(3);
  });

  it('does not keep a failed read, and 0 turns caching off', async () => {
    const { source, counts, fail } = fakeCatalog();
    const cache = new CatalogCache(source, { catalogTtlMs: 1000, stopListTtlMs: 0 });
    fail();
    await expect(cache.venues()).rejects.toThrow('down');
    await cache.venues();
    await cache.venues();
    expect(counts.venues).toBe(2);
    await cache.stock('1');
    await cache.stock('1');
    expect(counts.stop).toBe(2);
  });

  it('invalidate() empties every cache sharing the generation', async () => {
    const generation = new CatalogGeneration();
    const a = fakeCatalog();
    const b = fakeCatalog();
    const first = new CatalogCache(a.source, { catalogTtlMs: 60_000, stopListTtlMs: 60_000 }, generation);
    const second = new CatalogCache(b.source, { catalogTtlMs: 60_000, stopListTtlMs: 60_000 }, generation);
    await first.venues();
    await second.menu('1');
    expect(first.invalidate()).toBe(2);
    await first.venues();
    await second.menu('1');
    expect([a.counts.venues, b.counts.menu]).toEqual([2, 2]);
  });
});
