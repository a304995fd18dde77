// The contract between the graph and an upstream POS. The graph calls only this interface;
// client.ts implements it for Clopos (a second POS would implement it too).
import type { ClopCreateOrderRequest, ClopOrder, ClopOrderStatus } from './types.js';

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

export interface CloposApi {
  listOrders(params: ListOrdersParams): Promise<OrderPage>;
  /** Null when Clopos answers 404. */
  getOrder(id: number, options?: GetOrderOptions): Promise<ClopOrder | null>;
  /**
   * Never retried on 5xx, timeouts or broken connections (a duplicate order costs more than a
   * failure); only a 401 is renewed and resent once, because Clopos rejected it unprocessed.
   */
  createOrder(body: ClopCreateOrderRequest): Promise<CreatedOrder>;
  /** Sends `PUT /orders/{id}` with exactly `{"status":"IGNORE"}`. Null when Clopos answers 404. */
  cancelOrder(id: number, options?: { venueId?: string }): Promise<ClopOrder | null>;
}
