// The GraphQL response cache: a repeated query from the same caller within CACHE_TTL_MS is
// answered without executing at all. Answers are per caller (the session is the server's digest
// of the API key), never shared between keys. A create or cancel drops every cached answer that
// holds an order, for all callers. With Redis it is shared by instances
// and falls back to memory while Redis is unreachable.
import type { Redis } from 'ioredis';
import { createRedisCache } from '@envelop/response-cache-redis';
import { type Cache, createInMemoryCache, useResponseCache } from '@graphql-yoga/plugin-response-cache';
import type { Plugin } from 'graphql-yoga';
import { stateOf } from '../http/request-state.js';
import type { SharedHealth } from '../redis/connection.js';

export interface ResponseCacheSetup {
  /** CACHE_TTL_MS; the plugin is not installed at 0. */
  ttlMs: number;
  cache: Cache;
}

export function responseCachePlugin(setup: ResponseCacheSetup, session: (request: Request) => string): Plugin {
  // Yoga's plugin keys its cache in its HTTP params hook, which an operation over graphql-ws never
  // passes through (it then throws "not configured correctly"): those run uncached.
  // An SSE request (`Accept: text/event-stream`, a subscription's) is never cached either; skipping
  // it spares the SHA-256 of its params the plugin otherwise takes (6% of the CPU while 10,000
  // subscribers opened).
  return useResponseCache({
    session,
    ttl: setup.ttlMs,
    cache: setup.cache,
    enabled: (request) => !stateOf(request).webSocket && !request.headers.get('accept')?.includes('text/event-stream'),
  });
}

/**
 * After a create or cancel: drops every cached answer that holds an order (lists included; an
 * empty list is recorded under Order too). Coarse on purpose: a new order belongs in lists that
 * did not hold it, and entries live only CACHE_TTL_MS anyway.
 */
export async function dropOrderResponses(cache: Cache): Promise<void> {
  await cache.invalidate([{ typename: 'Order' }]);
}

/** Redis while reachable, memory otherwise; invalidations go to both. */
export function sharedResponseCache(redis: Redis, health: SharedHealth): Cache {
  const shared = createRedisCache({ redis });
  const local = createInMemoryCache();
  const either = async <T>(what: string, op: (cache: Cache) => T | PromiseLike<T>): Promise<T> => {
    if (health.reachable()) {
      try {
        return await op(shared);
      } catch (e) {
        health.failed(what, e);
      }
    }
    return op(local);
  };
  return {
    get: (key) => either('response cache read', (c) => c.get(key)),
    set: (key, result, entities, ttl) => either('response cache write', (c) => c.set(key, result, entities, ttl)),
    async invalidate(entities) {
      const list = [...entities];
      await local.invalidate(list);
      if (health.reachable()) await Promise.resolve(shared.invalidate(list)).catch((e: unknown) => health.failed('response cache invalidation', e));
    },
  };
}
