// GATEWAY_RATE_LIMIT_PER_MINUTE per API key (anonymous callers: per client address), as a token
// bucket: a burst of a minute's worth, refilled continuously. Over the limit: HTTP 429 with
// Retry-After, before anything is parsed or sent to Clopos. With REDIS_URL the buckets are shared
// by every instance (memory while Redis is away).
import type { Plugin } from 'graphql-yoga';
import { httpRefusal } from '../errors.js';
import type { GatewayMetrics } from '../observability/metrics.js';
import type { RateLimitStore } from '../redis/limits.js';
import { stateOf } from './request-state.js';

/** At most this many buckets are kept; full (idle) ones are dropped first. */
const MAX_BUCKETS = 10_000;

export class TokenBuckets {
  private readonly buckets = new Map<string, { tokens: number; at: number }>();
  private readonly perMs: number;

  constructor(
    private readonly perMinute: number,
    private readonly now: () => number = Date.now,
  ) {
    this.perMs = perMinute / 60_000;
  }

  /** 0 when allowed (one token taken), else the seconds until one is available. */
  take(id: string): number {
    const now = this.now();
    const held = this.buckets.get(id);
    const tokens = held ? Math.min(this.perMinute, held.tokens + (now - held.at) * this.perMs) : this.perMinute;
    if (tokens < 1) {
      if (held) Object.assign(held, { tokens, at: now });
      return Math.max(1, Math.ceil((1 - tokens) / this.perMs / 1000));
    }
    if (!held && this.buckets.size >= MAX_BUCKETS) this.prune(now);
    this.buckets.set(id, { tokens: tokens - 1, at: now });
    return 0;
  }

  private prune(now: number): void {
    for (const [id, b] of this.buckets) {
      if (b.tokens + (now - b.at) * this.perMs >= this.perMinute) this.buckets.delete(id);
    }
    // Still full of active callers: forget the oldest rather than grow.
    for (const id of this.buckets.keys()) {
      if (this.buckets.size < MAX_BUCKETS) break;
      this.buckets.delete(id);
    }
  }
}

export function useRateLimit(options: {
  perMinute: number;
  metrics: GatewayMetrics;
  endpoint: string;
  now?: () => number;
  /** With REDIS_URL: buckets shared by every instance (src/redis/limits.ts). Default: this instance's. */
  store?: RateLimitStore;
}): Plugin {
  const buckets: RateLimitStore = options.store ?? new TokenBuckets(options.perMinute, options.now);
  return {
    async onRequest({ request, url, serverContext, endResponse, fetchAPI }) {
      if (url.pathname !== options.endpoint) return;
      const caller = stateOf(request).caller;
      if (!caller) return; // the public GraphiQL page
      const address = (serverContext as { req?: { socket?: { remoteAddress?: string } } }).req?.socket?.remoteAddress;
      const id = caller.name === 'anonymous' ? `ip:${address ?? 'unknown'}` : `key:${caller.name}`;
      const wait = await buckets.take(id);
      if (wait === 0) return;
      options.metrics.rejected('rate_limited');
      endResponse(
        httpRefusal(fetchAPI, 'RATE_LIMITED', 'Too many requests for this API key; retry later.', {
          headers: { 'retry-after': String(wait) },
          extensions: { retryAfter: wait },
        }),
      );
    },
  };
}
