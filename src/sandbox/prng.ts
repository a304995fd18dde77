// A tiny seeded PRNG (mulberry32): the same seed must give the same demo data on every machine,
// which Math.random cannot promise.
export type Rng = () => number;

export function createRng(seed: number): Rng {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** An integer in [min, max]. */
export function intBetween(rng: Rng, min: number, max: number): number {
  return min + Math.floor(rng() * (max - min + 1));
}

export function pick<T>(rng: Rng, items: readonly T[]): T {
  const item = items[Math.floor(rng() * items.length)];
  if (item === undefined) throw new Error('pick from an empty list');
  return item;
}

/** Picks a key by weight, e.g. { PENDING: 2, RECEIVED: 1 }. */
export function weighted<K extends string | number>(rng: Rng, weights: ReadonlyArray<readonly [K, number]>): K {
  const total = weights.reduce((sum, [, w]) => sum + w, 0);
  let roll = rng() * total;
  for (const [key, w] of weights) {
    roll -= w;
    if (roll < 0) return key;
  }
  const last = weights[weights.length - 1];
  if (!last) throw new Error('weighted pick from an empty list');
  return last[0];
}
