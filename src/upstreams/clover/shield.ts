// The quota shield for Clover: the Clopos shield's breaker and retry policy (src/shield/breaker.ts,
// retry.ts) around every call, and, in place of the per-minute budget, a gate for Clover's
// per-token limits (16 requests/s, 5 in flight: facts §2.8) in front of every budgeted request.
// Writes are never repeated; GETs are retried on 5xx/timeouts and wait out a 429's retry-after.
import { CircuitBreaker, type BreakerOptions } from '../../shield/breaker.js';
import { resilient, type RetryPolicy } from '../../shield/retry.js';
import type { UpstreamOperation } from '../errors.js';
import { NotSentError, UpstreamError } from '../errors.js';
import { currentScope } from '../../request-scope.js';
import type { CloverApi } from './client.js';
import { RateGate, RateGateTimeout } from './limiter.js';
import { CLOVER_OPERATIONS, cloverOperationFor, type CloverOperation } from './operations.js';

export const CLOVER_PER_SECOND = 16;
export const CLOVER_CONCURRENT = 5;

export interface CloverShieldOptions {
  /** GATEWAY_REQUEST_TIMEOUT_MS: the deadline of calls made outside a GraphQL request. */
  requestTimeoutMs: number;
  perSecond?: number;
  concurrent?: number;
  breaker?: Omit<BreakerOptions, 'onStateChange'>;
  retry?: RetryPolicy;
  onBreakerState?: (state: 'closed' | 'open' | 'half-open') => void;
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

  const transport = (inner: typeof fetch): typeof fetch => async (input, init) => {
    const request = input instanceof Request && init === undefined ? input : new Request(input, init);
    // The OAuth refresh is not budgeted (not a merchant call); an unknown path is not ours to hold.
    const name = cloverOperationFor(request.method, new URL(request.url).pathname);
    if (!name || !CLOVER_OPERATIONS[name].budgeted) return inner(request);
    const until = deadline();
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

  const call = <T>(name: CloverOperation, run: () => Promise<T>): Promise<T> =>
    // retry.ts names Clopos operations; it only echoes the name into its errors and events.
    resilient(name as unknown as UpstreamOperation, CLOVER_OPERATIONS[name].idempotent, run, {
      breaker,
      deadline,
      ...(options.retry ? { policy: options.retry } : {}),
    });

  const wrap = (api: CloverApi, wrapOptions: { cacheTtlMs?: number } = {}): CloverApi => {
    const ttl = wrapOptions.cacheTtlMs ?? 0;
    const reads = new Map<string, { until: number; value: Promise<unknown> }>();
    const read = <T>(name: CloverOperation, args: unknown[], run: () => Promise<T>): Promise<T> => {
      if (ttl <= 0) return call(name, run);
      const key = JSON.stringify([name, ...args]);
      const now = Date.now();
      const held = reads.get(key);
      if (held && held.until > now) return held.value as Promise<T>;
      // In flight: shared until it settles; answered: kept for the TTL; failed: forgotten.
      const entry = { until: Infinity, value: call(name, run) as Promise<unknown> };
      reads.set(key, entry);
      entry.value.then(
        () => (entry.until = Date.now() + ttl),
        () => reads.get(key) === entry && reads.delete(key),
      );
      if (reads.size > 1000) for (const [k, e] of reads) if (e.until <= now) reads.delete(k);
      return entry.value as Promise<T>;
    };
    const write = <T>(name: CloverOperation, run: () => Promise<T>): Promise<T> => {
      reads.clear();
      return call(name, run).finally(() => reads.clear());
    };
    return {
      merchantId: api.merchantId,
      listOrders: (p) => read('cloverListOrders', [p], () => api.listOrders(p)),
      getOrder: (id, expand) => read('cloverGetOrder', [id, expand], () => api.getOrder(id, expand)),
      listLineItems: (id, offset, limit) => read('cloverListLineItems', [id, offset, limit], () => api.listLineItems(id, offset, limit)),
      createOrder: (body) => write('cloverCreateOrder', () => api.createOrder(body)),
      updateOrder: (id, body) => write('cloverUpdateOrder', () => api.updateOrder(id, body)),
      deleteOrder: (id) => write('cloverDeleteOrder', () => api.deleteOrder(id)),
      addLineItems: (id, items) => write('cloverAddLineItems', () => api.addLineItems(id, items)),
      addModification: (orderId, lineId, body) => write('cloverAddModification', () => api.addModification(orderId, lineId, body)),
    };
  };

  return { gate, breaker, transport, wrap };
}
