// The per-key rate limit and the per-key subscription count in Redis, so N instances enforce one
// limit between them (a key cannot get N times its share by spreading over instances). Each falls
// back to the instance's own memory while Redis is unreachable, like the budget does. Plain Lua on
// the one ioredis connection rather than a limiter library: two short scripts, no new dependency.
import type { Redis } from 'ioredis';
import { TokenBuckets } from '../http/rate-limit.js';
import type { SharedHealth } from './connection.js';

/** 0 when allowed (one token taken), else the seconds until one is available. */
export interface RateLimitStore {
  take(id: string): number | Promise<number>;
}

// The memory token bucket, on Redis's clock: a burst of a minute's worth, refilled continuously.
// KEYS[1] the bucket; ARGV[1] per minute. Answers 0 or the seconds to wait.
const TAKE_TOKEN = `
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
local per_minute = tonumber(ARGV[1])
local per_ms = per_minute / 60000
local held = redis.call('HMGET', KEYS[1], 'tokens', 'at')
local tokens = per_minute
if held[1] then tokens = math.min(per_minute, tonumber(held[1]) + (now - tonumber(held[2])) * per_ms) end
local wait = 0
if tokens < 1 then
  wait = math.max(1, math.ceil((1 - tokens) / per_ms / 1000))
else
  tokens = tokens - 1
end
redis.call('HSET', KEYS[1], 'tokens', tostring(tokens), 'at', now)
redis.call('PEXPIRE', KEYS[1], 60000)
return wait
`;

export class RedisRateLimit implements RateLimitStore {
  constructor(
    private readonly redis: Redis,
    private readonly perMinute: number,
    private readonly prefix = 'clopos-graphql:rate:',
  ) {}

  async take(id: string): Promise<number> {
    return Number(await this.redis.eval(TAKE_TOKEN, 1, this.prefix + id, this.perMinute));
  }
}

export class FallbackRateLimit implements RateLimitStore {
  constructor(
    private readonly shared: RateLimitStore,
    private readonly health: SharedHealth,
    private readonly local: RateLimitStore,
  ) {}

  async take(id: string): Promise<number> {
    if (this.health.reachable()) {
      try {
        return await this.shared.take(id);
      } catch (e) {
        this.health.failed('rate limit', e);
      }
    }
    return this.local.take(id);
  }
}

export function sharedRateLimit(redis: Redis, health: SharedHealth, perMinute: number): RateLimitStore {
  return new FallbackRateLimit(new RedisRateLimit(redis, perMinute), health, new TokenBuckets(perMinute));
}

/** A held subscription slot; release() frees it (once). */
export interface Slot {
  release(): void;
}

/** The per-key subscription count: a slot, or how many the key already holds. */
export interface SubscriptionSlots {
  acquire(caller: string, limit: number): Promise<Slot | { held: number }>;
  close(): void;
}

export class MemorySlots implements SubscriptionSlots {
  private readonly perKey = new Map<string, number>();

  async acquire(caller: string, limit: number): Promise<Slot | { held: number }> {
    return this.take(caller, limit);
  }

  take(caller: string, limit: number): Slot | { held: number } {
    const held = this.perKey.get(caller) ?? 0;
    if (limit > 0 && held >= limit) return { held };
    this.perKey.set(caller, held + 1);
    let done = false;
    return {
      release: () => {
        if (done) return;
        done = true;
        const left = (this.perKey.get(caller) ?? 1) - 1;
        if (left > 0) this.perKey.set(caller, left);
        else this.perKey.delete(caller);
      },
    };
  }

  close(): void {}
}

// A sorted set per key: one member per slot, scored by its lease's end (Redis's clock). Expired
// members are dropped on every acquire, so the slots of an instance that died (no release, no
// renewal) come back within a lease. ARGV: limit, lease ms, member. Answers 0 (taken) or the count.
const ACQUIRE = `
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
local limit = tonumber(ARGV[1])
local lease = tonumber(ARGV[2])
redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', now)
local held = redis.call('ZCARD', KEYS[1])
if limit > 0 and held >= limit then return held end
redis.call('ZADD', KEYS[1], now + lease, ARGV[3])
redis.call('PEXPIRE', KEYS[1], lease)
return 0
`;

const RENEW = `
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
local lease = tonumber(ARGV[1])
for i = 2, #ARGV do redis.call('ZADD', KEYS[1], 'XX', now + lease, ARGV[i]) end
redis.call('PEXPIRE', KEYS[1], lease)
return 0
`;

export class RedisSlots implements SubscriptionSlots {
  private readonly tag = Math.random().toString(36).slice(2);
  private seq = 0;
  /** Held here, per Redis key: the members to renew. */
  private readonly held = new Map<string, Set<string>>();
  private readonly renewal: NodeJS.Timeout;

  constructor(
    private readonly redis: Redis,
    private readonly health: SharedHealth,
    private readonly leaseMs = 30_000,
    private readonly prefix = 'clopos-graphql:subscriptions:',
  ) {
    // Renew a third of the way into the lease, so one missed round does not lose a slot.
    this.renewal = setInterval(() => void this.renew(), Math.max(100, Math.floor(leaseMs / 3)));
    this.renewal.unref();
  }

  async acquire(caller: string, limit: number): Promise<Slot | { held: number }> {
    const key = this.prefix + caller;
    const member = `${this.tag}:${++this.seq}`;
    const answer = Number(await this.redis.eval(ACQUIRE, 1, key, limit, this.leaseMs, member));
    if (answer > 0) return { held: answer };
    const members = this.held.get(key) ?? new Set<string>();
    members.add(member);
    this.held.set(key, members);
    let done = false;
    return {
      release: () => {
        if (done) return;
        done = true;
        members.delete(member);
        if (members.size === 0) this.held.delete(key);
        // Lost if Redis is away: the lease ends it then.
        this.redis.zrem(key, member).catch((e: unknown) => this.health.failed('subscription slot release', e));
      },
    };
  }

  private async renew(): Promise<void> {
    if (!this.health.reachable()) return;
    for (const [key, members] of this.held) {
      if (members.size === 0) continue;
      await this.redis.eval(RENEW, 1, key, this.leaseMs, ...members).catch((e: unknown) => this.health.failed('subscription slot renewal', e));
    }
  }

  close(): void {
    clearInterval(this.renewal);
  }
}

export class FallbackSlots implements SubscriptionSlots {
  constructor(
    private readonly shared: SubscriptionSlots,
    private readonly health: SharedHealth,
    private readonly local: SubscriptionSlots = new MemorySlots(),
  ) {}

  async acquire(caller: string, limit: number): Promise<Slot | { held: number }> {
    if (this.health.reachable()) {
      try {
        return await this.shared.acquire(caller, limit);
      } catch (e) {
        this.health.failed('subscription count', e);
      }
    }
    return this.local.acquire(caller, limit);
  }

  close(): void {
    this.shared.close();
    this.local.close();
  }
}
