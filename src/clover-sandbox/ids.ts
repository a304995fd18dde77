// Clover ids: 13 characters of uppercase base32 (facts §2.1, §2.3: "8WAD6KV8D90KR", "QT0DES4CXR572").
// Crockford's alphabet (no I, L, O, U) matches every id in Clover's docs.
import type { Rng } from '../sandbox/prng.js';

export const ID_ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
export const ID_PATTERN = /^[0-9A-Z]{13}$/;

export function newId(rng: Rng): string {
  let id = '';
  for (let i = 0; i < 13; i++) id += ID_ALPHABET[Math.floor(rng() * 32)];
  return id;
}

/** Fresh ids that never repeat within one sandbox (a collision would merge two orders). */
export class IdMaker {
  private readonly used = new Set<string>();
  constructor(private readonly rng: Rng) {}

  next(): string {
    for (;;) {
      const id = newId(this.rng);
      if (!this.used.has(id)) {
        this.used.add(id);
        return id;
      }
    }
  }
}
