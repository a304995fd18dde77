// Wires the Clover upstream for createApp: tokens (fixed, or OAuth with the pair in Redis when
// there is a Redis link), the instrumented network under the Clover shield's gate, the shielded
// client (with a GET cache for queries), the adapter, and the live poller's adapter (uncached).
import type { Redis } from 'ioredis';
import type { OrderUpstream } from '../../domain/upstream.js';
import type { GatewayMetrics } from '../../observability/metrics.js';
import type { Logger } from '../../observability/logger.js';
import { fixedToken, MemoryPairStore, oauthTokens, RedisPairStore, type CloverTokens } from './auth.js';
import { cloverRefresher, createCloverClient, type CloverApi } from './client.js';
import { cloverUpstream } from './index.js';
import { cloverRoute } from './operations.js';
import { createCloverShield, type CloverShield, type CloverShieldOptions } from './shield.js';

export interface CloverConnection {
  baseUrl: string;
  merchantId: string;
  token?: string | undefined;
  oauth?: { appId: string; refreshToken: string } | undefined;
}

export interface CloverWiring {
  upstream: OrderUpstream;
  api: CloverApi;
  shield: CloverShield;
  /** The live poller's adapter (src/live): the same, over the uncached client. */
  pollUpstream: OrderUpstream;
}

export function wireClover(
  connection: CloverConnection,
  settings: { timeoutMs: number; requestTimeoutMs: number; currency: string; cacheTtlMs?: number },
  deps: { network: typeof fetch; metrics?: GatewayMetrics; logger?: Logger; redis?: Redis; shield?: Pick<CloverShieldOptions, 'breaker' | 'retry'> },
): CloverWiring {
  const instrumented: typeof fetch = async (input, init) => {
    const request = input instanceof Request && init === undefined ? input : new Request(input, init);
    const route = cloverRoute(request.method, new URL(request.url).pathname);
    const started = performance.now();
    let status = 'error';
    try {
      const response = await deps.network(request);
      status = String(response.status);
      return response;
    } finally {
      // The Clopos call metrics, labelled with Clover's routes (clopos_requests_total{route="/v3/..."}).
      deps.metrics?.cloposCall(request.method, route, status, (performance.now() - started) / 1000);
    }
  };
  // The Clover breaker is the one that moves over Clover (the Clopos shield's is never called), so
  // it drives clopos_breaker_state; without this the gauge said closed while Clover's breaker was open.
  const shield = createCloverShield({
    requestTimeoutMs: settings.requestTimeoutMs,
    ...deps.shield,
    ...(deps.metrics
      ? {
          onBreakerState: (state: 'closed' | 'open' | 'half-open') => deps.metrics!.shield.breakerState(state),
          onRateLimited: (operation: string) => deps.metrics!.shield.retried(operation),
        }
      : {}),
  });
  const transport = shield.transport(instrumented);
  let tokens: CloverTokens;
  if (connection.oauth) {
    const key = `clopos-graphql:clover:oauth:${connection.oauth.appId}:${connection.merchantId}`;
    tokens = oauthTokens({
      appId: connection.oauth.appId,
      refreshToken: connection.oauth.refreshToken,
      store: deps.redis ? new RedisPairStore(deps.redis, key) : new MemoryPairStore(),
      refresh: cloverRefresher(connection.baseUrl, instrumented, settings.timeoutMs),
    });
  } else {
    tokens = fixedToken(connection.token ?? '');
  }
  const inner = createCloverClient({ baseUrl: connection.baseUrl, merchantId: connection.merchantId, tokens, fetch: transport, timeoutMs: settings.timeoutMs });
  // Queries read through the GET cache (CACHE_TTL_MS); the poller must see Clover as it is now.
  const api = shield.wrap(inner, { cacheTtlMs: settings.cacheTtlMs ?? 0 });
  return {
    upstream: cloverUpstream(api, { currency: settings.currency }),
    api,
    shield,
    pollUpstream: cloverUpstream(shield.wrap(inner), { currency: settings.currency }),
  };
}
