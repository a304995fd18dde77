// The live store in Redis, for several gateway instances: the change log is a sorted set (score:
// `at` in ms) trimmed to LOG_SIZE, new changes fan out over pub/sub (on a connection of their own,
// as a subscribed connection can run no other command), the lease is SET NX PX renewed by its
// holder, and the poller's state is a key that expires STATE_TTL_MS after its last poll.
// When Redis is unreachable every operation falls back to this instance's memory, as the quota
// shield does: each instance then polls for its own subscribers, until Redis is back.
import { randomUUID } from 'node:crypto';
import type { Redis } from 'ioredis';
import type { RedisLink } from '../redis/connection.js';
import { LOG_SIZE, MemoryLiveStore, STATE_TTL_MS, type Coverage, type LiveStore, type SavedState } from './store.js';
import { atMs, type OrderChangeEvent } from './types.js';

/** How long a lease lasts unless its holder renews it (each poll renews it). */
export const LEASE_TTL_MS = 10_000;
/** Log and coverage outlive their last write by this much. */
const KEEP_MS = 3_600_000;

// KEYS: log, coverage. ARGV: log size, channel, keep ms, then score/json pairs.
const PUBLISH = `
for i = 4, #ARGV, 2 do redis.call('ZADD', KEYS[1], ARGV[i], ARGV[i + 1]) end
local over = redis.call('ZCARD', KEYS[1]) - tonumber(ARGV[1])
if over > 0 then
  local dropped = redis.call('ZRANGE', KEYS[1], over - 1, over - 1, 'WITHSCORES')
  redis.call('ZREMRANGEBYRANK', KEYS[1], 0, over - 1)
  local from = tonumber(redis.call('HGET', KEYS[2], 'from') or '0')
  if tonumber(dropped[2]) > from then redis.call('HSET', KEYS[2], 'from', dropped[2]) end
end
redis.call('PEXPIRE', KEYS[1], ARGV[3])
for i = 5, #ARGV, 2 do redis.call('PUBLISH', ARGV[2], ARGV[i]) end
return 1`;

const HOLD = `
if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('PEXPIRE', KEYS[1], ARGV[2]) end
if redis.call('SET', KEYS[1], ARGV[1], 'NX', 'PX', ARGV[2]) then return 1 end
return 0`;

const RELEASE = `
if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('DEL', KEYS[1]) end
return 0`;

export class RedisLiveStore implements LiveStore {
  private readonly local = new MemoryLiveStore();
  private readonly subscriber: Redis;
  private readonly instance = randomUUID();
  private readonly keys: { log: string; coverage: string; lease: string; state: string; channel: string };

  constructor(
    private readonly link: RedisLink,
    identity: string,
    logger?: { warn(o: object, m: string): void },
  ) {
    const base = `clopos-graphql:live:${identity}`;
    this.keys = { log: `${base}:log`, coverage: `${base}:coverage`, lease: `${base}:lease`, state: `${base}:state`, channel: `${base}:changes` };
    // Its own connection; it queues SUBSCRIBE until connected and re-subscribes after a reconnect.
    this.subscriber = link.client.duplicate({ enableOfflineQueue: true, maxRetriesPerRequest: null, commandTimeout: undefined });
    this.subscriber.on('error', () => undefined);
    this.subscriber.on('message', (_channel: string, message: string) => {
      try {
        this.local.deliver([JSON.parse(message) as OrderChangeEvent]);
      } catch (error) {
        logger?.warn({ err: error }, 'live orders: unreadable change from Redis');
      }
    });
    void this.subscriber.subscribe(this.keys.channel).catch(() => undefined);
  }

  private async shared<T>(what: string, op: (redis: Redis) => Promise<T>, fallback: () => Promise<T>): Promise<T> {
    if (!this.link.reachable()) return fallback();
    try {
      return await op(this.link.client);
    } catch (error) {
      this.link.failed(what, error);
      return fallback();
    }
  }

  publish(events: OrderChangeEvent[]): Promise<void> {
    const pairs = events.flatMap((event) => [String(atMs(event)), JSON.stringify(event)]);
    return this.shared(
      'live publish',
      async (redis) => {
        await redis.eval(PUBLISH, 2, this.keys.log, this.keys.coverage, LOG_SIZE, this.keys.channel, KEEP_MS, ...pairs);
      },
      () => this.local.publish(events),
    );
  }

  listen(listener: (event: OrderChangeEvent) => void): () => void {
    return this.local.listen(listener);
  }

  replay(sinceMs: number): Promise<OrderChangeEvent[]> {
    return this.shared(
      'live replay',
      async (redis) => (await redis.zrangebyscore(this.keys.log, `(${sinceMs}`, '+inf')).map((json) => JSON.parse(json) as OrderChangeEvent),
      () => this.local.replay(sinceMs),
    );
  }

  coverage(): Promise<Coverage> {
    return this.shared(
      'live coverage',
      async (redis) => {
        const [from, running] = await redis.hmget(this.keys.coverage, 'from', 'running');
        return { from: Number(from ?? 0), running: running === '1' };
      },
      () => this.local.coverage(),
    );
  }

  setCoverage(change: Partial<Coverage>): Promise<void> {
    const fields: Record<string, string> = {};
    if (change.from !== undefined) fields.from = String(change.from);
    if (change.running !== undefined) fields.running = change.running ? '1' : '0';
    return this.shared(
      'live coverage',
      async (redis) => {
        await redis.multi().hset(this.keys.coverage, fields).pexpire(this.keys.coverage, KEEP_MS).exec();
      },
      () => this.local.setCoverage(change),
    );
  }

  holdLease(): Promise<boolean> {
    return this.shared(
      'live lease',
      async (redis) => (await redis.eval(HOLD, 1, this.keys.lease, this.instance, LEASE_TTL_MS)) === 1,
      // Without Redis there is no one to share with: poll for this instance's own subscribers.
      async () => true,
    );
  }

  async releaseLease(): Promise<void> {
    await this.shared(
      'live lease',
      async (redis) => {
        await redis.eval(RELEASE, 1, this.keys.lease, this.instance);
      },
      async () => undefined,
    );
  }

  loadState(): Promise<SavedState | undefined> {
    return this.shared(
      'live state',
      async (redis) => {
        const json = await redis.get(this.keys.state);
        return json ? (JSON.parse(json) as SavedState) : undefined;
      },
      () => this.local.loadState(),
    );
  }

  saveState(saved: SavedState): Promise<void> {
    return this.shared(
      'live state',
      async (redis) => {
        await redis.set(this.keys.state, JSON.stringify(saved), 'PX', STATE_TTL_MS);
      },
      () => this.local.saveState(saved),
    );
  }

  async close(): Promise<void> {
    await this.local.close();
    this.subscriber.disconnect();
  }
}
