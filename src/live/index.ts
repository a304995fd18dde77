// Wires live order updates for main.ts (and the tests): the poller reading the POS adapter on the
// shield's uncached client, its pace tied to the breaker and the quota, and its store in memory or, with REDIS_URL,
// in Redis shared by every instance.
import type { QuotaShield } from '../shield/compose.js';
import { LiveOrders, type LiveLogger, type LiveOptions } from './live.js';
import type { PollSignals } from './interval.js';
import { RedisLiveStore } from './redis-store.js';
import { MemoryLiveStore } from './store.js';
import { FallbackSlots, MemorySlots, RedisSlots } from '../redis/limits.js';

export interface LiveSettings {
  pollIntervalMs: number;
  maxSubscriptionsPerKey: number;
  cloposBudgetPerMinute: number;
  lingerMs?: number;
  /** GATEWAY_SUBSCRIPTION_QUEUE_LIMIT. */
  subscriptionQueueLimit?: number;
  /** How often subscriptions get a HEARTBEAT; default 10000. */
  heartbeatMs?: number;
  /** Orders per upstream page (default 100) and pages one poll reads at most (default 10): not settings, tests shrink them. */
  pageSize?: number;
  maxPages?: number;
}

/** `upstream`: the POS adapter over the shield's uncached client (for Clopos, `quota.shield.fresh`). */
export function createLiveOrders(
  quota: QuotaShield,
  upstream: LiveOptions['upstream'],
  settings: LiveSettings,
  logger?: LiveLogger & { info(o: object, m: string): void },
  /** Another POS's pace signals (UPSTREAM=clover: its own breaker, a per-second gate instead of the budget). */
  signals?: () => PollSignals,
): LiveOrders {
  const { shield } = quota;
  return new LiveOrders({
    upstream,
    store: quota.redis ? new RedisLiveStore(quota.redis, shield.identity, logger) : new MemoryLiveStore(),
    pollIntervalMs: settings.pollIntervalMs,
    maxSubscriptionsPerKey: settings.maxSubscriptionsPerKey,
    // With REDIS_URL the per-key count is one count for every instance (memory while Redis is away).
    slots: quota.redis ? new FallbackSlots(new RedisSlots(quota.redis.client, quota.redis), quota.redis) : new MemorySlots(),
    ...(settings.lingerMs === undefined ? {} : { lingerMs: settings.lingerMs }),
    ...(settings.subscriptionQueueLimit === undefined ? {} : { maxQueued: settings.subscriptionQueueLimit }),
    ...(settings.heartbeatMs === undefined ? {} : { heartbeatMs: settings.heartbeatMs }),
    ...(settings.pageSize === undefined ? {} : { pageSize: settings.pageSize }),
    ...(settings.maxPages === undefined ? {} : { maxPages: settings.maxPages }),
    // What remains of the budget for the poller (the budget minus what queries spent; at least its
    // reserve), against what it needs at its interval. Not Clopos's RateLimit-Remaining: that falls
    // with the queries' use, and stretching on it let busy queries delay live updates.
    signals:
      signals ??
      (() => ({
        breaker: shield.breaker.current(),
        remaining: Math.max(shield.budget.reserved, settings.cloposBudgetPerMinute - shield.budget.querySpent()),
        limit: Math.ceil(60_000 / settings.pollIntervalMs),
      })),
    ...(logger ? { logger } : {}),
  });
}

export { LiveOrders } from './live.js';
