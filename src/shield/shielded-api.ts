// The CloposApi the graph gets: the Clopos client behind coalescing, the GET answer cache, the
// breaker and GET retries. Creates and cancels go through the breaker once, never repeated, and
// drop what they changed from the cache (the GraphQL response cache is dropped by the graph).
import { operationSpec } from '../upstreams/clopos/operations.js';
import type { CloposApi, CreatedOrder, GetOrderOptions, ListOrdersParams, OrderPage } from '../upstreams/clopos/api.js';
import { UpstreamError, type UpstreamOperation } from '../upstreams/errors.js';
import { currentScope, runDetached } from '../request-scope.js';
import type { ClopCreateOrderRequest, ClopOrder } from '../upstreams/clopos/types.js';
import type { Coalescer } from './coalescing.js';
import { type GetCacheStore, MISS } from './get-cache.js';
import { LISTS_TAG, orderTag, stableJson } from './keys.js';
import type { ShieldReporter } from './reporter.js';
import { type ResilienceDeps, resilient } from './retry.js';

export interface ShieldedApiOptions {
  inner: CloposApi;
  /** credentialsIdentity() of the credentials `inner` uses: part of every key. */
  identity: string;
  coalescer: Coalescer;
  /** Absent, or cacheTtlMs 0: no GET cache. */
  cache?: GetCacheStore;
  cacheTtlMs: number;
  resilience: ResilienceDeps;
  /** After a create or cancel (the graph drops its response cache here); undefined id: unknown outcome. */
  onOrderChanged?: (id: number | undefined) => Promise<void>;
  reporter?: ShieldReporter;
}

export function shieldApi(options: ShieldedApiOptions): CloposApi {
  return new ShieldedApi(options);
}

class ShieldedApi implements CloposApi {
  /** Bumped by every create and cancel: an answer fetched across one is not cached. */
  private generation = 0;

  constructor(private readonly o: ShieldedApiOptions) {}

  listOrders(params: ListOrdersParams): Promise<OrderPage> {
    // The params carry the venue (x-venue) and every query parameter.
    return this.read('listOrders', `list|${stableJson(params)}`, [LISTS_TAG], () => this.o.inner.listOrders(params));
  }

  getOrder(id: number, options: GetOrderOptions = {}): Promise<ClopOrder | null> {
    return this.read('getOrder', `order|${id}|${stableJson(options)}`, [orderTag(id)], () => this.o.inner.getOrder(id, options));
  }

  async createOrder(body: ClopCreateOrderRequest): Promise<CreatedOrder> {
    let id: number | undefined;
    try {
      const created = await resilient('createOrder', false, () => this.o.inner.createOrder(body), this.o.resilience);
      id = created.id;
      return created;
    } finally {
      // Also when the outcome is unknown: the order may exist, and lists may show it.
      await this.changed(id);
    }
  }

  async cancelOrder(id: number, options: { venueId?: string } = {}): Promise<ClopOrder | null> {
    try {
      return await resilient('cancelOrder', false, () => this.o.inner.cancelOrder(id, options), this.o.resilience);
    } finally {
      await this.changed(id);
    }
  }

  private read<T>(operation: UpstreamOperation, query: string, tags: string[], call: () => Promise<T>): Promise<T> {
    const key = `${this.o.identity}|${query}`;
    const scoped = tags.map((tag) => this.tag(tag));
    const { route } = operationSpec(operation);
    const deadline = currentScope()?.deadline;
    // Too late to start or join anything (nothing is sent: no verdict for the breaker either).
    if (deadline !== undefined && deadline <= Date.now()) {
      return Promise.reject(new UpstreamError({ operation, code: 'UPSTREAM_UNAVAILABLE', reason: 'timeout', notSent: true }));
    }
    // The shared call runs detached: it serves every caller that joins it, so it must not end at
    // the first caller's deadline (it gets one of its own); each caller waits only until its own.
    const shared = this.o.coalescer.run(key, () => this.o.reporter?.coalesced(route), () =>
      runDetached(() => this.fetchRead(operation, key, scoped, call), { requestId: currentScope()?.requestId }),
    );
    return untilDeadline(shared, deadline, operation);
  }

  private async fetchRead<T>(operation: UpstreamOperation, key: string, scoped: string[], call: () => Promise<T>): Promise<T> {
    const spec = operationSpec(operation);
    // Only operations the table marks cacheable are; the metrics label is the cache's name.
    const cache = this.o.cacheTtlMs > 0 && spec.cache ? this.o.cache : undefined;
    const kind = spec.cache?.tags === 'lists' ? 'list' : 'order';
    const hit = cache ? await cache.get(key).catch(() => MISS) : MISS;
    if (cache) this.o.reporter?.cacheLookup(kind, hit !== MISS);
    if (hit !== MISS) return hit as T;
    const generation = this.generation;
    const value = await resilient(operation, spec.idempotent, call, this.o.resilience);
    if (cache && generation === this.generation) await cache.set(key, value, this.o.cacheTtlMs, scoped).catch(() => undefined);
    return value;
  }

  private async changed(id: number | undefined): Promise<void> {
    this.generation++;
    const prefix = `${this.o.identity}|`;
    this.o.coalescer.forget((key) => key.startsWith(`${prefix}list|`) || (id !== undefined && key.startsWith(`${prefix}order|${id}|`)));
    const tags = id === undefined ? [LISTS_TAG] : [LISTS_TAG, orderTag(id)];
    await this.o.cache?.invalidate(tags.map((tag) => this.tag(tag))).catch(() => undefined);
    await this.o.onOrderChanged?.(id).catch(() => undefined);
  }

  /** Tags are per credentials too: one Redis may serve gateways for several brands. */
  private tag(tag: string): string {
    return `${this.o.identity}|${tag}`;
  }
}

/** A caller with a deadline (a query or mutation) stops waiting for a shared call at it. */
function untilDeadline<T>(shared: Promise<T>, deadline: number | undefined, operation: UpstreamOperation): Promise<T> {
  if (deadline === undefined) return shared;
  return new Promise<T>((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new UpstreamError({ operation, code: 'UPSTREAM_UNAVAILABLE', reason: 'timeout' })),
      Math.max(0, deadline - Date.now()),
    );
    shared.then(resolve, reject).finally(() => clearTimeout(timer));
  });
}
