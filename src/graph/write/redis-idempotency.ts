// createOrder's idempotency keys in Redis, so a repeat that lands on another instance still finds
// its key. While Redis is unreachable every operation throws IdempotencyUnavailable and placeOrder
// refuses the create (IDEMPOTENCY_UNAVAILABLE): a memory fallback would let a repeat on another
// instance create the order a second time.
import type { Redis } from 'ioredis';
import { failed, userError, type OrderPayloadModel } from './payloads.js';
import { IDEMPOTENCY_TTL_MS, type IdempotencyRecord, type IdempotencyStore } from './idempotency.js';
import type { SharedHealth } from '../../redis/connection.js';

export class IdempotencyUnavailable extends Error {
  override readonly name = 'IdempotencyUnavailable';
  constructor(cause?: unknown) {
    super('idempotency store unreachable', { cause });
  }
}

/** The createOrder answer while keys cannot be kept. */
export function idempotencyUnavailable(): OrderPayloadModel {
  return failed([
    userError(
      ['input', 'idempotencyKey'],
      'IDEMPOTENCY_UNAVAILABLE',
      'Idempotency keys cannot be checked right now, so the order was not sent. Retry shortly with the same idempotencyKey.',
    ),
  ]);
}

export class RedisIdempotencyStore implements IdempotencyStore {
  constructor(
    private readonly redis: Redis,
    private readonly health: SharedHealth,
    private readonly prefix = 'clopos-graphql:idem:',
    private readonly ttlMs = IDEMPOTENCY_TTL_MS,
  ) {}

  claim(key: string, record: IdempotencyRecord): Promise<IdempotencyRecord | undefined> {
    return this.guard(async () => {
      for (;;) {
        const set = await this.redis.set(this.prefix + key, JSON.stringify(record), 'PX', this.ttlMs, 'NX');
        if (set === 'OK') return undefined;
        const held = await this.read(key);
        // Expired between the two commands: claim again.
        if (held) return held;
      }
    });
  }

  get(key: string): Promise<IdempotencyRecord | undefined> {
    return this.guard(() => this.read(key));
  }

  put(key: string, record: IdempotencyRecord): Promise<void> {
    return this.guard(async () => {
      // The key's 24 hours run from its claim.
      const kept = await this.redis.set(this.prefix + key, JSON.stringify(record), 'KEEPTTL', 'XX');
      if (kept !== 'OK') await this.redis.set(this.prefix + key, JSON.stringify(record), 'PX', this.ttlMs);
    });
  }

  release(key: string): Promise<void> {
    return this.guard(async () => {
      await this.redis.del(this.prefix + key);
    });
  }

  private async read(key: string): Promise<IdempotencyRecord | undefined> {
    const raw = await this.redis.get(this.prefix + key);
    return raw === null ? undefined : (JSON.parse(raw) as IdempotencyRecord);
  }

  private async guard<T>(op: () => Promise<T>): Promise<T> {
    if (!this.health.reachable()) throw new IdempotencyUnavailable();
    try {
      return await op();
    } catch (error) {
      this.health.failed('idempotency keys', error);
      throw new IdempotencyUnavailable(error);
    }
  }
}
