// The quota shield for Clover: the shield's POS-neutral wrapper (src/shield/shielded-api.ts:
// coalescing, the GET cache and its tags, the breaker, GET retries) driven by Clover's operation
// table, and, beside it, a gate for Clover's per-token limits (16 requests/s, 5 in flight: facts
// §2.8) in front of every budgeted request. GETs are retried on 5xx/timeouts; writes are never
// repeated, except after a 429, which every call waits out (Clover refused it before doing anything).
import { CircuitBreaker, type BreakerOptions } from '../../shield/breaker.js';
import type { RetryPolicy } from '../../shield/retry.js';
import { Coalescer } from '../../shield/coalescing.js';
import { MemoryGetCache } from '../../shield/get-cache.js';
import { shieldApi } from '../../shield/shielded-api.js';
import { fromCallable, toCallable } from './bridge.js';
import { NotSentError, UpstreamError } from '../errors.js';
import { currentScope } from '../../request-scope.js';
import type { CloverApi } from './client.js';
import { RateGate, RateGateTimeout } from './limiter.js';
import { CLOVER_LOOKUP, CLOVER_OPERATIONS, cloverOperationFor } from './operations.js';

export const CLOVER_PER_SECOND = 16;
export const CLOVER_CONCURRENT = 5;
/** How many 429s in a row a call waits out before the 429 goes up (to the retry policy, or the caller). */
export const RATE_LIMIT_ROUNDS = 3;

export interface CloverShieldOptions {
  /** GATEWAY_REQUEST_TIMEOUT_MS: the deadline of calls made outside a GraphQL request. */
  requestTimeoutMs: number;
  perSecond?: number;
  concurrent?: number;
  breaker?: Omit<BreakerOptions, 'onStateChange'>;
  retry?: RetryPolicy;
  onBreakerState?: (state: 'closed' | 'open' | 'half-open') => void;
  /** A call answered 429 is about to be sent again (after retry-after). */
  onRateLimited?: (operation: string) => void;
}

export interface CloverShield {
  gate: RateGate;
  breaker: CircuitBreaker;
  /** The fetch to build the Clover client on: every request under the merchant waits for the gate. */
  transport(inner: typeof fetch): typeof fetch;
  /**
   * The client with the breaker and retries around each call; with `cacheTtlMs` > 0 its reads are
   * also cached for that long and identical reads in flight share one call (any write through it
   * drops the cache). The live poller's client is wrapped without a cache.
   */
  wrap(api: CloverApi, options?: { cacheTtlMs?: number }): CloverApi;
}

export function createCloverShield(options: CloverShieldOptions): CloverShield {
  const gate = new RateGate({ perSecond: options.perSecond ?? CLOVER_PER_SECOND, concurrent: options.concurrent ?? CLOVER_CONCURRENT });
  const breaker = new CircuitBreaker({ ...options.breaker, ...(options.onBreakerState ? { onStateChange: options.onBreakerState } : {}) });
  const deadline = () => currentScope()?.deadline ?? Date.now() + options.requestTimeoutMs;

  /** One call through the gate: refused unsent past `until`; the slot is held until the body is read. */
  const gated = async (inner: typeof fetch, request: Request, name: NonNullable<ReturnType<typeof cloverOperationFor>>, until: number): Promise<Response> => {
    let release: () => void;
    try {
      release = await gate.acquire(until);
    } catch (e) {
      if (!(e instanceof RateGateTimeout)) throw e;
      throw new UpstreamError({
        operation: name,
        code: 'UPSTREAM_RATE_LIMITED',
        reason: 'budget',
        retryAfterSeconds: Math.max(1, Math.ceil(e.retryAfterMs / 1000)),
      });
    }
    try {
      const left = until - Date.now();
      if (left <= 0) throw new NotSentError('timeout', undefined);
      const response = await inner(request, { signal: AbortSignal.any([request.signal, AbortSignal.timeout(left)]) });
      // Held until the body is read: Clover counts a call in flight until it is answered.
      const body = await response.arrayBuffer();
      return new Response(body, { status: response.status, statusText: response.statusText, headers: response.headers });
    } finally {
      release();
    }
  };

  const transport = (inner: typeof fetch): typeof fetch => async (input, init) => {
    const request = input instanceof Request && init === undefined ? input : new Request(input, init);
    // The OAuth refresh is not budgeted (not a merchant call); an unknown path is not ours to hold.
    const name = cloverOperationFor(request.method, new URL(request.url).pathname);
    if (!name || !CLOVER_OPERATIONS[name].budgeted) return inner(request);
    const until = deadline();
    // Clover refuses a call over its per-token limits with 429 before doing anything (facts §2.8),
    // so any call, a write too, is waited out and sent again. The gate keeps one instance under the
    // limits, but instances sharing a token (OAuth with REDIS_URL) cannot see each other's calls:
    // without this a write step of createOrder refused with 429 failed the whole order.
    // A bodyless request can be sent again as it is; one with a body is rebuilt from its bytes.
    const body = request.body ? await request.arrayBuffer() : undefined;
    const next = body === undefined ? () => request : () => new Request(request.url, { method: request.method, headers: request.headers, body, signal: request.signal });
    for (let round = 1; ; round++) {
      const response = await gated(inner, next(), name, until);
      if (response.status !== 429 || round > RATE_LIMIT_ROUNDS) return response;
      const seconds = Number(response.headers.get('retry-after'));
      const waitMs = Number.isFinite(seconds) && seconds > 0 ? Math.min(seconds, 10) * 1000 : 1000 * 2 ** (round - 1);
      if (Date.now() + waitMs + 50 >= until) return response;
      options.onRateLimited?.(name);
      await new Promise((resolve) => setTimeout(resolve, waitMs));
    }
  };

  const coalescer = new Coalescer();
  const resilience = { breaker, deadline, ...(options.retry ? { policy: options.retry } : {}) };
  // The quota shield's own wrapper (coalescing, the GET cache with its tags, retries, breaker),
  // driven by Clover's operation table.
  const wrap = (api: CloverApi, wrapOptions: { cacheTtlMs?: number } = {}): CloverApi => {
    const ttl = wrapOptions.cacheTtlMs ?? 0;
    const shielded = shieldApi({
      inner: toCallable(api),
      operations: CLOVER_LOOKUP,
      identity: `clover:${api.merchantId}${ttl > 0 ? '' : '|uncached'}`,
      coalescer,
      ...(ttl > 0 ? { cache: new MemoryGetCache() } : {}),
      cacheTtlMs: ttl,
      resilience,
    });
    return fromCallable(shielded, api.merchantId);
  };

  return { gate, breaker, transport, wrap };
}
