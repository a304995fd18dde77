// Live updates over Clover through the same poller and change log as Clopos (src/live): the
// poller reads "orders by last update, newest first" and keys its state on a few fields of each
// order (id, status, created_at, updated_at, venue_id). This feed answers that read from Clover
// (orderBy=modifiedTime DESC) with each Clover order wrapped in those fields, and the raw Clover
// order kept whole under `clover`; the adapter's change() turns a published message back into the
// domain with the Clover mapping. The poller itself is unchanged.
import type { CloposApi, ListOrdersParams, OrderPage } from '../clopos/api.js';
import type { ClopOrder } from '../clopos/types.js';
import { fromStatus, toStatus as cloposStatus } from '../clopos/to-domain.js';
import type { OrderChange } from '../../domain/order.js';
import type { FeedMessage } from '../../live/types.js';
import type { CloverApi, CloverOrder } from './client.js';
import { toOrder, toStatus } from './to-domain.js';

const LIST_EXPAND = ['lineItems', 'lineItems.modifications', 'customers'];

export interface CloverFeedOrder {
  id: string;
  status: ReturnType<typeof fromStatus>;
  created_at: string | null;
  updated_at: string | null;
  venue_id: string;
  clover: CloverOrder;
}

function wrap(order: CloverOrder, merchantId: string): CloverFeedOrder {
  const iso = (ms: number | undefined) => (typeof ms === 'number' ? new Date(ms).toISOString() : null);
  return { id: order.id, status: fromStatus(toStatus(order)), created_at: iso(order.createdTime), updated_at: iso(order.modifiedTime ?? order.createdTime), venue_id: merchantId, clover: order };
}

/** The poller's client over Clover: only `listOrders` sorted by update is ever called. */
export function cloverFeed(api: CloverApi): CloposApi {
  const unsupported = () => Promise.reject(new Error('The Clover feed only lists orders by last update'));
  return {
    async listOrders(params: ListOrdersParams): Promise<OrderPage> {
      const found = await api.listOrders({
        filters: [],
        expand: LIST_EXPAND,
        limit: params.limit,
        offset: (params.page - 1) * params.limit,
        orderBy: `modifiedTime ${params.sort?.direction === 1 ? 'ASC' : 'DESC'}`,
      });
      // The poller reads `total` only to stop paging; a short page already says the end.
      const orders = found.map((o) => wrap(o, api.merchantId) as unknown as ClopOrder);
      return { orders, total: (params.page - 1) * params.limit + orders.length };
    },
    getOrder: unsupported,
    createOrder: unsupported,
    cancelOrder: unsupported,
  };
}

/** A published feed message (wrapped Clover orders) as the graph shows it. */
export function cloverChange(message: FeedMessage, merchantId: string, currency: string): OrderChange {
  const wrapped = message.order as unknown as CloverFeedOrder | null;
  return {
    kind: message.kind,
    order: wrapped === null ? null : toOrder(wrapped.clover, merchantId, currency),
    previousStatus: message.previousStatus === null ? null : cloposStatus(message.previousStatus),
    at: message.at,
    feedAt: message.feedAt,
  };
}
