// createApp: the composition root. Everything the gateway is made of is wired here, in order:
// metrics, the instrumented fetch, the quota shield, live updates, Yoga, and (on a server) the
// WebSocket endpoint. main.ts only reads the environment, listens and drains; the tests and the
// bench build the gateway through this same function, so what is tested is what runs.
import type { Server } from 'node:http';
import type { TracerProvider } from '@opentelemetry/api';
import type { CloposCredentials } from './upstreams/clopos/api.js';
import { createCloposClient } from './upstreams/clopos/client.js';
import { cloposUpstream } from './upstreams/clopos/index.js';
import type { OrderUpstream } from './domain/upstream.js';
import { dropOrderResponses } from './graph/response-cache.js';
import { wireClover, type CloverConnection } from './upstreams/clover/compose.js';
import type { Config } from './config.js';
import type { ReadinessCheck } from './http/endpoints.js';
import { attachWebSocket } from './http/websocket.js';
import { cloverGraphiQLOptions } from './http/graphiql.js';
import { loadPersistedManifests } from './http/manifests.js';
import { buildSchema } from './graph/schema.js';
import { createLiveOrders, type LiveSettings } from './live/index.js';
import type { LiveOrders } from './live/live.js';
import { instrumentFetch } from './observability/clopos-fetch.js';
import { leanFetch } from './upstreams/lean-fetch.js';
import { createLogger, type Logger } from './observability/logger.js';
import { createMetrics, type GatewayMetrics } from './observability/metrics.js';
import { createGateway, gatewaySettings, type Gateway, type GatewayOptions } from './server.js';
import { sharedRateLimit } from './redis/limits.js';
import { createQuotaShield, type QuotaShield, type QuotaShieldDeps } from './shield/compose.js';

export interface AppDeps {
  /**
   * Where Clopos is (CLOPOS_BASE_URL and credentials, or the embedded sandbox's); or, with
   * UPSTREAM=clover, where Clover is (`clover`: CLOVER_* or the embedded Clover sandbox's).
   */
  upstream: { baseUrl: string; credentials: CloposCredentials } | { clover: CloverConnection };
  /** Default: a logger at LOG_LEVEL. */
  logger?: Logger;
  /** Default: a registry of the gateway's own metrics (main adds Node's default ones). */
  metrics?: GatewayMetrics;
  /** The network under the instrumentation; default leanFetch() (reads on node:http, writes on global fetch). */
  fetch?: typeof fetch;
  tracerProvider?: TracerProvider;
  /** Breaker, retry policy, Redis connect wait (tests shorten them), and where Redis warnings go. */
  shield?: Pick<QuotaShieldDeps, 'breaker' | 'retry' | 'redisConnectWaitMs' | 'logger'>;
  /** Live-update knobs that are not settings (linger, heartbeat, page size, page cap). */
  live?: Partial<Pick<LiveSettings, 'lingerMs' | 'heartbeatMs' | 'pageSize' | 'maxPages'>>;
  /**
   * Gateway options that are not settings: extra plugins; an idempotency store on a test clock;
   * extra readiness checks, after the app's own (read on each /readiness request).
   */
  gateway?: Pick<GatewayOptions, 'plugins' | 'idempotency' | 'readiness'>;
}

export interface App {
  yoga: Gateway;
  quota: QuotaShield;
  live: LiveOrders;
  metrics: GatewayMetrics;
  logger: Logger;
  /** /readiness says not ready from here on (a draining instance). */
  startDraining(): void;
  /** graphql-ws on the server's port and path; call once the server exists. */
  attach(server: Server): { close(): Promise<void> };
  /** Ends subscriptions and the poller, then the shared connections. */
  close(): Promise<void>;
}

export async function createApp(config: Config, deps: AppDeps): Promise<App> {
  // First: a bad manifest (GATEWAY_PERSISTED_MANIFESTS) stops the start before anything connects.
  const persistedDocuments = loadPersistedManifests(config.persistedManifests, buildSchema());
  const logger = deps.logger ?? createLogger({ level: config.logLevel });
  const metrics = deps.metrics ?? createMetrics();
  const clover = 'clover' in deps.upstream ? deps.upstream.clover : undefined;
  // Over Clover the Clopos shield below is never called; it still holds what is POS-neutral (the
  // Redis link, the response cache, createOrder's idempotency store), keyed by the merchant.
  const { baseUrl, credentials } =
    'clover' in deps.upstream
      ? { baseUrl: deps.upstream.clover.baseUrl, credentials: { clientId: 'clover', clientSecret: '-', brand: deps.upstream.clover.merchantId, integratorId: '-' } }
      : deps.upstream;
  // Reads on node:http with buffered answers, writes on fetch (src/upstreams/lean-fetch.ts).
  const network = deps.fetch ?? leanFetch();
  // Innermost layer: counts and times what Clopos really receives.
  const cloposFetch = instrumentFetch(network, { baseUrl, metrics, logger });
  // The quota shield (coalescing, caches, budget, retries, breaker; shared in Redis with REDIS_URL).
  const quota = await createQuotaShield(
    {
      baseUrl,
      credentials,
      cloposTimeoutMs: config.cloposTimeoutMs,
      cloposBudgetPerMinute: config.cloposBudgetPerMinute,
      cacheTtlMs: config.cacheTtlMs,
      requestTimeoutMs: config.requestTimeoutMs,
      redisUrl: config.redisUrl,
      pollBudgetShare: config.pollBudgetShare,
      pollIntervalMs: config.pollIntervalMs,
    },
    { logger: logger.child({ component: 'shield' }), fetch: cloposFetch, reporter: metrics.shield, ...deps.shield },
  );
  const cloverWiring = clover
    ? wireClover(
        clover,
        { timeoutMs: config.cloposTimeoutMs, requestTimeoutMs: config.requestTimeoutMs, currency: config.cloverCurrency, cacheTtlMs: config.cacheTtlMs },
        {
          network,
          metrics,
          logger,
          ...(quota.redis ? { redis: quota.redis.client } : {}),
          ...(deps.shield ? { shield: { ...(deps.shield.breaker ? { breaker: deps.shield.breaker } : {}), ...(deps.shield.retry ? { retry: deps.shield.retry } : {}) } } : {}),
        },
      )
    : undefined;
  // Subscription.orderChanged: one poller for every subscriber (with REDIS_URL, for every instance).
  const live = createLiveOrders(
    quota,
    cloverWiring ? cloverWiring.pollUpstream : cloposUpstream(quota.shield.fresh, { currency: config.cloposCurrency }),
    { ...config, ...deps.live },
    logger.child({ component: 'live' }),
    // Clover's limit is per second (the gate), not a minute budget: the poller slows only for the breaker.
    cloverWiring
      ? () => ({ breaker: cloverWiring.shield.breaker.current(), remaining: Infinity, limit: Math.ceil(60_000 / config.pollIntervalMs) })
      : undefined,
  );

  let draining = false;
  const readiness: ReadinessCheck[] = [
    { name: 'accepting', check: () => !draining },
    ...quota.readiness,
    ...(cloverWiring ? [{ name: 'clover-breaker', check: () => cloverWiring.shield.breaker.current() !== 'open' }] : []),
    ...(deps.gateway?.readiness ?? []),
  ];
  const yoga = createGateway({
    clopos: quota.clopos,
    ...gatewaySettings(config),
    ...(cloverWiring ? { upstream: droppingResponses(cloverWiring.upstream, quota), graphiql: cloverGraphiQLOptions(cloverWiring.api.merchantId) } : {}),
    logger,
    metrics,
    readiness,
    ...(deps.tracerProvider ? { tracerProvider: deps.tracerProvider } : {}),
    // Pass-through: a client of its own per caller token (the gateway keeps them in a bounded LRU).
    // Shielded too (same budget and breaker), with cache keys of its own token.
    // Over Clover there is no pass-through (x-clopos-token is refused).
    upstreamForToken: clover ? undefined : (token, digest) =>
      quota.shield.wrap(
        createCloposClient({ baseUrl, credentials, timeoutMs: config.cloposTimeoutMs, fetch: quota.shield.transport, token }),
        `token:${digest}`,
      ),
    persistedDocuments,
    idempotency: deps.gateway?.idempotency ?? quota.idempotency,
    // With REDIS_URL the per-key rate limit is one limit for every instance.
    ...(quota.redis && config.rateLimitPerMinute ? { rateLimitStore: sharedRateLimit(quota.redis.client, quota.redis, config.rateLimitPerMinute) } : {}),
    plugins: [...quota.plugins, ...(deps.gateway?.plugins ?? [])],
    live,
  });

  return {
    yoga,
    quota,
    live,
    metrics,
    logger,
    startDraining: () => {
      draining = true;
    },
    attach: (server) => attachWebSocket(server, yoga, { apiKeys: config.apiKeys, persistedOnly: config.persistedOnly, documents: persistedDocuments }),
    close: async () => {
      await live.close();
      await quota.close();
    },
  };
}

/** After this gateway creates or cancels an order, cached query answers go (as the Clopos shield does). */
function droppingResponses(upstream: OrderUpstream, quota: QuotaShield): OrderUpstream {
  const drop = async () => {
    if (quota.responseCache) await dropOrderResponses(quota.responseCache);
  };
  return {
    ...upstream,
    create: async (order) => {
      try {
        return await upstream.create(order);
      } finally {
        await drop();
      }
    },
    cancel: async (id, options) => {
      try {
        return await upstream.cancel(id, options);
      } finally {
        await drop();
      }
    },
  };
}
