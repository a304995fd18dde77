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
import { CLOVER_OPERATIONS, type CloverOperation } from './operations.js';

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
  /** The client with the breaker and retries around each call. */
  wrap(api: CloverApi): CloverApi;
}

export function createCloverShield(options: CloverShieldOptions): CloverShield {
  const gate = new RateGate({ perSecond: options.perSecond ?? CLOVER_PER_SECOND, concurrent: options.concurrent ?? CLOVER_CONCURRENT });
  const breaker = new CircuitBreaker({ ...options.breaker, ...(options.onBreakerState ? { onStateChange: options.onBreakerState } : {}) });
  const deadline = () => currentScope()?.deadline ?? Date.now() + options.requestTimeoutMs;

  const transport = (inner: typeof fetch): typeof fetch => async (input, init) => {
    const request = input instanceof Request && init === undefined ? input : new Request(input, init);
    // The OAuth refresh is not a merchant call: Clover's per-token limits do not count it.
    if (!new URL(request.url).pathname.includes('/v3/merchants/')) return inner(request);
    const until = deadline();
    let release: () => void;
    try {
      release = await gate.acquire(until);
    } catch (e) {
      if (!(e instanceof RateGateTimeout)) throw e;
      throw new UpstreamError({
        operation: 'cloverListOrders',
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

  const wrap = (api: CloverApi): CloverApi => ({
    merchantId: api.merchantId,
    listOrders: (p) => call('cloverListOrders', () => api.listOrders(p)),
    getOrder: (id, expand) => call('cloverGetOrder', () => api.getOrder(id, expand)),
    listLineItems: (id, offset, limit) => call('cloverListLineItems', () => api.listLineItems(id, offset, limit)),
    createOrder: (body) => call('cloverCreateOrder', () => api.createOrder(body)),
    updateOrder: (id, body) => call('cloverUpdateOrder', () => api.updateOrder(id, body)),
    deleteOrder: (id) => call('cloverDeleteOrder', () => api.deleteOrder(id)),
    addLineItems: (id, items) => call('cloverAddLineItems', () => api.addLineItems(id, items)),
    addModification: (orderId, lineId, body) => call('cloverAddModification', () => api.addModification(orderId, lineId, body)),
  });

  return { gate, breaker, transport, wrap };
}
