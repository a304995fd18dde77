// The GET cache and the budget in Redis, so several gateway instances share one Clopos quota and
// reuse each other's answers; each wrapped so that while Redis is unreachable the instance goes
// on with its own memory store (a warning is logged once, and readiness reports it).
import type { Redis } from 'ioredis';
import { type BudgetStore, MemoryBudgetStore, WINDOW_MS } from './budget.js';
import { type GetCacheStore, MISS, MemoryGetCache } from './get-cache.js';
import type { SharedHealth } from '../redis/connection.js';

export class RedisGetCache implements GetCacheStore {
  constructor(
    private readonly redis: Redis,
    private readonly prefix = 'clopos-graphql:get:',
  ) {}

  async get(key: string): Promise<unknown> {
    const raw = await this.redis.get(this.prefix + key);
    return raw === null ? MISS : (JSON.parse(raw) as unknown);
  }

  async set(key: string, value: unknown, ttlMs: number, tags: string[]): Promise<void> {
    const pipeline = this.redis.multi().set(this.prefix + key, JSON.stringify(value), 'PX', ttlMs);
    // A tag lives as long as its newest entry; invalidation deletes what it lists.
    for (const tag of tags) pipeline.sadd(this.tagKey(tag), this.prefix + key).pexpire(this.tagKey(tag), ttlMs);
    await pipeline.exec();
  }

  async invalidate(tags: string[]): Promise<void> {
    for (const tag of tags) {
      const keys = await this.redis.smembers(this.tagKey(tag));
      await this.redis.del(this.tagKey(tag), ...keys);
    }
  }

  private tagKey(tag: string): string {
    return `${this.prefix}tag:${tag}`;
  }
}

// Redis's clock for every instance, so skewed hosts still count one sliding minute. ARGV[1] is
// the limit for this call (the budget, minus the poller's reserve for a query). Answers 0 (token
// taken) or the ms until enough tokens in use come back to bring the count under the limit.
const TAKE = `
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
local window = tonumber(ARGV[2])
local limit = tonumber(ARGV[1])
redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', now - window)
local used = redis.call('ZCARD', KEYS[1])
if used < limit then
  redis.call('ZADD', KEYS[1], now, ARGV[3])
  redis.call('PEXPIRE', KEYS[1], window)
  return 0
end
local rank = math.max(0, used - math.max(limit, 1))
local back = redis.call('ZRANGE', KEYS[1], rank, rank, 'WITHSCORES')
return math.max(1, tonumber(back[2]) + window - now)
`;

export class RedisBudgetStore implements BudgetStore {
  private seq = 0;
  private readonly tag = Math.random().toString(36).slice(2);

  constructor(
    private readonly redis: Redis,
    private readonly key: string,
    private readonly perMinute: number,
  ) {}

  async take(_now: number, reserve = 0): Promise<number> {
    const member = `${this.tag}:${++this.seq}`;
    const wait = await this.redis.eval(TAKE, 1, this.key, Math.max(0, this.perMinute - reserve), WINDOW_MS, member);
    return Number(wait);
  }
}

export class FallbackGetCache implements GetCacheStore {
  constructor(
    private readonly shared: GetCacheStore,
    private readonly health: SharedHealth,
    private readonly local: GetCacheStore = new MemoryGetCache(),
  ) {}

  get(key: string) {
    return this.either('GET cache read', (s) => s.get(key));
  }

  set(key: string, value: unknown, ttlMs: number, tags: string[]) {
    return this.either('GET cache write', (s) => s.set(key, value, ttlMs, tags));
  }

  async invalidate(tags: string[]): Promise<void> {
    // Both: entries written to memory during an outage must not outlive the change either.
    await this.local.invalidate(tags);
    if (this.health.reachable()) await this.shared.invalidate(tags).catch((e: unknown) => this.health.failed('GET cache invalidation', e));
  }

  private async either<T>(what: string, op: (store: GetCacheStore) => Promise<T>): Promise<T> {
    if (this.health.reachable()) {
      try {
        return await op(this.shared);
      } catch (e) {
        this.health.failed(what, e);
      }
    }
    return op(this.local);
  }
}

export class FallbackBudgetStore implements BudgetStore {
  private readonly local: BudgetStore;

  constructor(
    private readonly shared: BudgetStore,
    private readonly health: SharedHealth,
    perMinute: number,
  ) {
    // Alone, an instance cannot know what the others spend; the RateLimit-* headers still do.
    this.local = new MemoryBudgetStore(perMinute);
  }

  async take(now: number, reserve = 0): Promise<number> {
    if (this.health.reachable()) {
      try {
        return await this.shared.take(now, reserve);
      } catch (e) {
        this.health.failed('Clopos budget', e);
      }
    }
    return this.local.take(now, reserve);
  }
}
