// The Clopos client's types. client.ts implements CloposApi; the graph reaches it only through the
// adapter (index.ts), behind the POS-neutral OrderUpstream port.
import type { ClopOrder, ClopOrderStatus } from './types.js';
import type { CloposCalls } from './operations.js';

export interface CloposCredentials {
  clientId: string;
  clientSecret: string;
  brand: string;
  integratorId: string;
}

export type SortField = 'id' | 'created_at' | 'updated_at';

export interface ListOrdersParams {
  /** 1-based Clopos page. */
  page: number;
  /** Orders per page, 1 to 200. */
  limit: number;
  status?: ClopOrderStatus;
  /** `YYYY-MM-DD`, inclusive, on created_at: sent as `date[0]`. */
  createdFrom?: string;
  /** `YYYY-MM-DD`, inclusive, on created_at: sent as `date[1]`. */
  createdTo?: string;
  /** Sent as `sort[0]`/`sort[1]` (1 ascending, -1 descending). */
  sort?: { field: SortField; direction: 1 | -1 };
  /** Sent as `filters[N][0]`/`filters[N][1]`, array values as `filters[N][1][M]`. */
  filters?: Array<[field: string, value: string | number | Array<string | number>]>;
  /** Adds `with[N]=receipt:id,service_notification_id,status`. */
  withReceipt?: boolean;
  /** Sent as the `x-venue` header. */
  venueId?: string;
}

export interface OrderPage {
  orders: ClopOrder[];
  /** Orders matching the query before pagination (`total`, or `pagination.total`). */
  total: number;
}

export interface GetOrderOptions {
  venueId?: string;
  withReceipt?: boolean;
}

export interface CreatedOrder {
  /** From `data.payload.id` or `data.id`, whichever Clopos sends. */
  id: number;
  venueId?: number;
}

/**
 * The Clopos client: every operation of the table (operations.ts) through one typed call, e.g.
 * `call('getOrder', { id: 7 })`. Creates are never retried on 5xx, timeouts or broken connections
 * (a duplicate order costs more than a failure); only a 401 is renewed and resent once, because
 * Clopos rejected it unprocessed. Operations the table marks `nullOn404` answer null on a 404.
 */
export type CloposApi = CloposCalls;
