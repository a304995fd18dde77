import DataLoader from 'dataloader';
import type { Order } from '../domain/order.js';
import type { OrderUpstream } from '../domain/upstream.js';
import type { LiveOrders } from '../live/live.js';
import type { IdempotencyStore } from './write/idempotency.js';
import type { CatalogCache } from './catalog/cache.js';
import type { CustomerRecord } from '../domain/catalog.js';

/** Key of the per-request order loader: the order id, the venue, and whether the receipt is embedded. */
export interface OrderKey {
  id: string;
  venueId?: string;
  withReceipt: boolean;
}

/** The per-request order loader's surface the resolvers use. */
export interface OrderLoader {
  load(key: OrderKey): Promise<Order | null>;
  /** Forgets `key`'s answer, so the next load reads it again. */
  clear(key: OrderKey): void;
}

/** Built for each GraphQL request. */
export interface GraphContext {
  /** The POS behind the gateway, through the domain port (never its REST shapes). */
  upstream: OrderUpstream;
  orderLoader: OrderLoader;
  /** The upstream's catalog through the cache; absent when the POS offers no catalog. */
  catalog?: CatalogCache;
  /** Customer records by id, de-duplicated within a request (Order.customer's record fields). */
  customerLoader: DataLoader<string, CustomerRecord | null>;
  idempotency: IdempotencyStore;
  /** Who is calling (a digest of their API key, or "anonymous"): live subscriptions are counted per caller. */
  caller: string;
  /** Live order updates (Subscription.orderChanged); absent when the gateway was built without them. */
  live?: LiveOrders;
  /** Whose createOrder idempotency keys these are (key name, or client address when anonymous). */
  idempotencyScope: string;
  /** CLOPOS_COMMIT_WINDOW_MS; placeOrder's default when absent. */
  commitWindowMs?: number;
  /**
   * Whose subscription limit a subscription counts against: the caller, or for anonymous callers
   * their client address (one shared pool would let one client lock everyone out).
   */
  subscriptionPool?: string;
  /** Closes this client's connection (a subscriber that stopped reading); absent in process. */
  disconnect?: () => void;
}

export interface WriteOptions {
  idempotencyScope?: string;
  commitWindowMs?: number;
}

/** What the transport adds to a context (server.ts). */
export interface TransportContext {
  subscriptionPool?: string;
  disconnect?: () => void;
}

export function orderKeyString(key: OrderKey): string {
  return `${key.id}|${key.venueId ?? ''}|${key.withReceipt ? 'r' : ''}`;
}

export function createGraphContext(
  upstream: OrderUpstream,
  idempotency: IdempotencyStore,
  caller: string,
  live?: LiveOrders,
  write: WriteOptions = {},
  transport: TransportContext = {},
  catalog?: CatalogCache,
): GraphContext {
  const records = upstream.catalog;
  // One read for a single customer; one list read (filtered on the ids) for the customers of many
  // orders, so an order list never costs a Clopos call per order.
  const customers = () =>
    new DataLoader<string, CustomerRecord | null>(
      async (ids) => {
        if (!records) return ids.map(() => null);
        if (ids.length === 1) return [await records.customer(ids[0]!).catch((error: unknown) => (error instanceof Error ? error : new Error(String(error))))];
        const found = await records.customers({ ids: [...ids], page: 1, limit: ids.length });
        const byId = new Map(found.customers.map((c) => [c.id, c]));
        return ids.map((id) => byId.get(id) ?? null);
      },
      { maxBatchSize: 100 },
    );
  // Built on first use, as the order loader is: most contexts (subscribers) never read a customer.
  let customerLoader: DataLoader<string, CustomerRecord | null> | undefined;
  return {
    get customerLoader() {
      return (customerLoader ??= customers());
    },
    ...(catalog ? { catalog } : {}),
    ...(live ? { live } : {}),
    ...transport,
    upstream,
    idempotency,
    caller,
    idempotencyScope: write.idempotencyScope ?? caller,
    ...(write.commitWindowMs === undefined ? {} : { commitWindowMs: write.commitWindowMs }),
    orderLoader: new LazyOrderLoader(upstream),
  };
}

/**
 * The DataLoader is built on the first load: most requests (lists, and every subscription, which
 * keeps its context as long as it stays open) never load an order by id.
 */
class LazyOrderLoader implements OrderLoader {
  private loader: DataLoader<OrderKey, Order | null, string> | undefined;
  constructor(private readonly upstream: OrderUpstream) {}

  load(key: OrderKey): Promise<Order | null> {
    return this.built().load(key);
  }

  clear(key: OrderKey): void {
    this.loader?.clear(key);
  }

  private built(): DataLoader<OrderKey, Order | null, string> {
    // The upstream has no batch read by id, so the loader's job is de-duplication within a request.
    this.loader ??= new DataLoader<OrderKey, Order | null, string>(
      (keys) =>
        Promise.all(
          keys.map((key) =>
            this.upstream
              .get(key.id, { venueId: key.venueId, withReceipt: key.withReceipt })
              .catch((error: unknown) => (error instanceof Error ? error : new Error(String(error)))),
          ),
        ),
      { cacheKeyFn: orderKeyString },
    );
    return this.loader;
  }
}
