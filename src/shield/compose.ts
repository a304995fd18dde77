// Wires the quota shield for main.ts (and the tests): the shielded Clopos client, the GraphQL
// response cache plugin, createOrder's idempotency store, all in memory or, with REDIS_URL, in
// Redis shared by every instance; plus health() for /readiness. Caches are off at CACHE_TTL_MS=0.
import { createHash } from 'node:crypto';
import { createInMemoryCache, type Cache } from '@graphql-yoga/plugin-response-cache';
import type { Plugin } from 'graphql-yoga';
import type { CloposApi, CloposCredentials } from '../upstreams/clopos/api.js';
import { type BreakerState, createCloposShield, credentialsIdentity, pollReserve, type CloposShield, type ShieldReporter } from './index.js';
import { FallbackBudgetStore, FallbackGetCache, RedisBudgetStore, RedisGetCache } from './redis-stores.js';
import type { BreakerOptions } from './breaker.js';
import type { RetryPolicy } from './retry.js';
import { dropOrderResponses, responseCachePlugin, sharedResponseCache } from '../graph/response-cache.js';
import { MemoryIdempotencyStore, type IdempotencyStore } from '../graph/write/idempotency.js';
import { RedisIdempotencyStore } from '../graph/write/redis-idempotency.js';
import { connectRedis, type RedisLink, type RedisLogger } from '../redis/connection.js';

export interface QuotaShieldSettings {
  baseUrl: string;
  credentials: CloposCredentials;
  cloposTimeoutMs: number;
  cloposBudgetPerMinute: number;
  cacheTtlMs: number;
  requestTimeoutMs: number;
  redisUrl?: string | undefined;
  /** POLL_BUDGET_SHARE (percent) and POLL_INTERVAL_MS: the live poller's reserved share. Unset: none. */
  pollBudgetShare?: number;
  pollIntervalMs?: number;
}

export interface QuotaShieldDeps {
  logger?: RedisLogger;
  /** The transport under the shield, e.g. the metrics instrumentation. */
  fetch?: typeof fetch;
  reporter?: Partial<ShieldReporter>;
  breaker?: Omit<BreakerOptions, 'onStateChange'>;
  retry?: RetryPolicy;
  /** How long start-up waits for Redis before going on in memory. */
  redisConnectWaitMs?: number;
}

export interface ShieldHealth {
  breaker: BreakerState;
  /** `off` without REDIS_URL. */
  redis: 'off' | 'up' | 'down';
}

export interface QuotaShield {
  clopos: CloposApi;
  /** The lower layers, for pass-through upstreams (`shield.wrap`) and tests. */
  shield: CloposShield;
  idempotency: IdempotencyStore;
  /** For createGateway's `plugins`: the response cache (none at CACHE_TTL_MS=0). */
  plugins: Plugin[];
  responseCache: Cache | undefined;
  health(): ShieldHealth;
  /** Undefined without REDIS_URL. */
  redisReachable(): boolean | undefined;
  /** The shared Redis connection (REDIS_URL), for the other shared stores (live updates). */
  redis: RedisLink | undefined;
  /** For /readiness: the breaker not open, and Redis reachable (when configured). */
  readiness: Array<{ name: string; check(): boolean }>;
  close(): Promise<void>;
}

/**
 * The response cache's session: whoever the request says it is (API key, pass-through token). A
 * digest, so no key is kept; requests the key check refuses never reach the cache.
 */
export function responseCacheSession(request: Request): string {
  const who = [request.headers.get('authorization') ?? '', request.headers.get('x-clopos-token') ?? ''];
  if (!who[0] && !who[1]) return 'anonymous';
  return createHash('sha256').update(JSON.stringify(who)).digest('base64url').slice(0, 22);
}

export async function createQuotaShield(settings: QuotaShieldSettings, deps: QuotaShieldDeps = {}): Promise<QuotaShield> {
  const logger = deps.logger ?? console;
  const link: RedisLink | undefined = settings.redisUrl
    ? await connectRedis(settings.redisUrl, { logger, ...(deps.redisConnectWaitMs === undefined ? {} : { connectWaitMs: deps.redisConnectWaitMs }) })
    : undefined;
  const caching = settings.cacheTtlMs > 0;
  const responseCache = !caching ? undefined : link ? sharedResponseCache(link.client, link) : createInMemoryCache();
  const identityKey = credentialsIdentity(settings.baseUrl, settings.credentials);
  const shield = createCloposShield({
    baseUrl: settings.baseUrl,
    credentials: settings.credentials,
    timeoutMs: settings.cloposTimeoutMs,
    budgetPerMinute: settings.cloposBudgetPerMinute,
    pollReserve: pollReserve(settings.cloposBudgetPerMinute, settings.pollBudgetShare ?? 0, settings.pollIntervalMs ?? 3000),
    cacheTtlMs: settings.cacheTtlMs,
    requestTimeoutMs: settings.requestTimeoutMs,
    ...(link && caching ? { cache: new FallbackGetCache(new RedisGetCache(link.client), link) } : {}),
    ...(link
      ? {
          budgetStore: new FallbackBudgetStore(
            new RedisBudgetStore(link.client, `clopos-graphql:budget:${identityKey}`, settings.cloposBudgetPerMinute),
            link,
            settings.cloposBudgetPerMinute,
          ),
        }
      : {}),
    ...(deps.fetch ? { fetch: deps.fetch } : {}),
    ...(deps.breaker ? { breaker: deps.breaker } : {}),
    ...(deps.retry ? { retry: deps.retry } : {}),
    ...(deps.reporter ? { reporter: deps.reporter } : {}),
    onChanged: async () => {
      if (responseCache) await dropOrderResponses(responseCache);
    },
  });
  return {
    clopos: shield.api,
    shield,
    idempotency: link ? new RedisIdempotencyStore(link.client, link) : new MemoryIdempotencyStore(),
    plugins: responseCache ? [responseCachePlugin({ ttlMs: settings.cacheTtlMs, cache: responseCache }, responseCacheSession)] : [],
    responseCache,
    health: () => ({ breaker: shield.breaker.current(), redis: !link ? 'off' : link.reachable() ? 'up' : 'down' }),
    redisReachable: () => link?.reachable(),
    redis: link,
    // Ready means the breaker lets calls through (closed, or half-open probing) and Redis, when
    // configured, answers. An open breaker takes the instance out of rotation until it probes.
    readiness: [
      { name: 'breaker', check: () => shield.breaker.current() !== 'open' },
      ...(link ? [{ name: 'redis', check: () => link.reachable() }] : []),
    ],
    close: async () => {
      await link?.close();
    },
  };
}
