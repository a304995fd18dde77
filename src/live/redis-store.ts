// The live store in Redis, for several gateway instances: the change log is a sorted set (score:
// `at` in ms) trimmed to LOG_SIZE, new changes fan out over pub/sub (on a connection of their own,
// as a subscribed connection can run no other command), the lease is SET NX PX renewed by its
// holder, and the poller's state is a key that expires STATE_TTL_MS after its last poll.
// When Redis is unreachable every operation falls back to this instance's memory, as the quota
// shield does: each instance then polls for its own subscribers, until Redis is back.
// Either switch (to memory, back to Redis) and a pub/sub connection that dropped can lose changes
// for this instance's subscribers (another instance's batch went to its memory only, or was
// published while this one was not listening), so the next tick delivered here says `resync`:
// every subscriber reloads, and the feed is continuous again from that tick on. The log also
// restarts there (coverage), so a `since` from before the gap is refused, not half replayed.
import { randomUUID } from 'node:crypto';
import type { Redis } from 'ioredis';
import type { RedisLink } from '../redis/connection.js';
import { LOG_SIZE, MemoryLiveStore, STATE_TTL_MS, type ChangeListener, type Coverage, type LiveStore, type SavedState, type TickListener } from './store.js';
import { atMs, isTick, type FeedTick, type OrderChangeEvent } from './types.js';

/** How long a lease lasts unless its holder renews it (each poll renews it). */
export const LEASE_TTL_MS = 10_000;
/** Log and coverage outlive their last write by this much. */
const KEEP_MS = 3_600_000;

// KEYS: log, coverage. ARGV: log size, channel, keep ms, tick json ('' for none), a new coverage
// start ('' to keep it), then score/json pairs. The changes go out before the tick.
const PUBLISH = `
if ARGV[5] ~= '' then redis.call('HSET', KEYS[2], 'from', ARGV[5], 'running', '1') end
for i = 6, #ARGV, 2 do redis.call('ZADD', KEYS[1], ARGV[i], ARGV[i + 1]) end
local over = redis.call('ZCARD', KEYS[1]) - tonumber(ARGV[1])
if over > 0 then
  local dropped = redis.call('ZRANGE', KEYS[1], over - 1, over - 1, 'WITHSCORES')
  redis.call('ZREMRANGEBYRANK', KEYS[1], 0, over - 1)
  local from = tonumber(redis.call('HGET', KEYS[2], 'from') or '0')
  if tonumber(dropped[2]) > from then redis.call('HSET', KEYS[2], 'from', dropped[2]) end
end
redis.call('PEXPIRE', KEYS[1], ARGV[3])
if ARGV[5] ~= '' then redis.call('PEXPIRE', KEYS[2], ARGV[3]) end
for i = 7, #ARGV, 2 do redis.call('PUBLISH', ARGV[2], ARGV[i]) end
if ARGV[4] ~= '' then redis.call('PUBLISH', ARGV[2], ARGV[4]) end
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
  /** Where the last operation went; a switch means changes may have missed this instance. */
  private mode: 'redis' | 'memory' | undefined;
  /** This instance's subscribers may have missed changes: the next tick delivered here says resync. */
  private gap = false;
  /** Changes went to memory only: the next publish through Redis restarts the shared log's coverage. */
  private logGap = false;
  private listening = false;
  private connectedBefore = false;

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
    // Whatever was published while this connection was down never reaches this instance.
    this.subscriber.on('close', () => {
      if (this.listening) this.gap = true;
      this.listening = false;
    });
    this.subscriber.on('ready', () => {
      if (this.connectedBefore) this.gap = true;
      this.connectedBefore = this.listening = true;
    });
    this.subscriber.on('message', (_channel: string, message: string) => {
      try {
        const parsed = JSON.parse(message) as OrderChangeEvent | FeedTick;
        if (isTick(parsed)) this.deliverTick(parsed);
        else this.local.deliver([parsed]);
      } catch (error) {
        logger?.warn({ err: error }, 'live orders: unreadable change from Redis');
      }
    });
    void this.subscriber.subscribe(this.keys.channel).catch(() => undefined);
  }

  private async shared<T>(what: string, op: (redis: Redis) => Promise<T>, fallback: () => Promise<T>): Promise<T> {
    if (!this.link.reachable()) {
      this.switchTo('memory');
      return fallback();
    }
    try {
      const result = await op(this.link.client);
      this.switchTo('redis');
      return result;
    } catch (error) {
      this.link.failed(what, error);
      this.switchTo('memory');
      return fallback();
    }
  }

  private switchTo(mode: 'redis' | 'memory'): void {
    if (this.mode !== undefined && this.mode !== mode) this.gap = true;
    if (mode === 'memory') this.logGap = true;
    this.mode = mode;
  }

  /** Delivers a tick to this instance's listeners, marked resync when something may have been missed. */
  private deliverTick(tick: FeedTick): void {
    const resync = tick.resync === true || this.gap;
    this.gap = false;
    this.local.deliverTick(resync ? { ...tick, resync } : tick);
  }

  publish(events: OrderChangeEvent[], tick?: FeedTick): Promise<void> {
    const pairs = events.flatMap((event) => [String(atMs(event)), JSON.stringify(event)]);
    const restart = this.logGap ? String((events[0] ? atMs(events[0]) : (tick?.polledAt ?? Date.now())) - 1) : '';
    return this.shared(
      'live publish',
      async (redis) => {
        await redis.eval(
          PUBLISH, 2, this.keys.log, this.keys.coverage,
          LOG_SIZE, this.keys.channel, KEEP_MS, tick ? JSON.stringify(tick) : '', restart, ...pairs,
        );
        this.logGap = false;
      },
      async () => {
        // Only this instance hears it: the others resync when Redis is back.
        this.local.append(events);
        this.local.deliver(events);
        if (tick) this.deliverTick(tick);
      },
    );
  }

  listen(listener: ChangeListener, onTick?: TickListener): () => void {
    return this.local.listen(listener, onTick);
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
