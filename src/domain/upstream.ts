// The port every POS adapter implements. The graph calls only this; an adapter maps its REST
// shapes to the domain types and parses its own ids (the graph passes them as opaque strings).
import type { CatalogUpstream, Venue } from './catalog.js';
import type { Decimal } from './money.js';
import type { Order, OrderStatus, Page } from './order.js';

export type SortField = 'id' | 'createdAt' | 'updatedAt';

export interface ListQuery {
  /** 1-based page of `limit` orders. */
  page: number;
  limit: number;
  status?: OrderStatus;
  /** `YYYY-MM-DD`, inclusive, on the creation day (UTC). */
  createdFrom?: string;
  createdTo?: string;
  sort?: { field: SortField; direction: 'ASC' | 'DESC' };
  venueId?: string;
  /** Read each order's receipt too. */
  withReceipt?: boolean;
}

export interface NewModifier {
  modifierId: string;
  name: string;
  quantity: number;
  /** As the caller gave it; the adapter sends it in the POS's own form. */
  unitPrice?: Decimal;
  portionSize?: number;
}

export interface NewLine {
  productId: string;
  name: string;
  quantity: number;
  unitPrice: Decimal;
  status?: string;
  /** The hash sent, already final (the caller's own, or the gateway's with its attempt marker). */
  productHash: string;
  portionSize?: number;
  note?: string;
  modifiers?: NewModifier[];
}

/** A new order as the graph hands it to the adapter; optional fields left out are left to the POS. */
export interface NewOrder {
  venueId: string;
  saleTypeId: string;
  customer: { id?: string; name?: string; phone?: string; address?: string; discountType?: number };
  lines: NewLine[];
  deliveryFee?: Decimal;
  comment?: string;
  discount?: { type: number; value: Decimal };
  serviceCharge?: { enabled: boolean; value: Decimal };
  autoAccept?: boolean;
  autoAcceptTerminalId?: string;
  sendToStationOnAccept?: boolean;
}

export interface CreatedOrder {
  id: string;
  venueId: string;
}

export interface Capabilities {
  /** The adapter gives `Order.total` for every order it reads, lists included. */
  exactTotals: boolean;
  /** `cancel` is supported. */
  cancelSupported: boolean;
  /** New orders wait in PENDING until the POS accepts them. */
  acceptanceStep: boolean;
}

/** What the adapter says an invalid id should look like, for the caller's error message. */
export type IdCheck = (value: string) => string | undefined;

export interface OrderUpstream {
  readonly name: string;
  readonly capabilities: Capabilities;
  /** Undefined when `value` is an order id of this POS; otherwise what one looks like. */
  checkOrderId: IdCheck;
  /** Undefined when `value` is a venue id of this POS; otherwise what one looks like. */
  checkVenueId: IdCheck;
  /** Undefined when `value` is an id of this POS (products, sale types, customers...). */
  checkId: IdCheck;
  list(query: ListQuery): Promise<Page>;
  /** Null when the order does not exist. */
  get(id: string, options?: { venueId?: string; withReceipt?: boolean }): Promise<Order | null>;
  /** Sent once: never retried when its outcome is unknown. */
  create(order: NewOrder): Promise<CreatedOrder>;
  /** Null when the order does not exist. */
  cancel(id: string, options?: { venueId?: string }): Promise<Order | null>;
  /**
   * The live poller's read: orders by last update, newest first, page `page` (1-based) of `limit`,
   * as the POS has them now (the poller's adapter sits on a client without the GET cache). The
   * poller keeps its own watermark and reads pages until it reaches what it has seen, so every
   * order returned has `updatedAt`, and `lines` as the POS stores them.
   */
  recentlyUpdated(page: number, limit: number): Promise<Order[]>;
  /**
   * Venues, sale types, the menu, the stop-list and customers (src/domain/catalog.ts). Absent
   * when the POS offers no catalog: then the catalog queries are errors and createOrder takes
   * names and prices as the client gives them.
   */
  catalog?: CatalogUpstream;
  /**
   * The venues when the POS offers no catalog but knows where orders go (Clover: the merchant is
   * the one venue). Query.venues answers from it; with a catalog, the catalog's venues are used.
   */
  venues?(): Promise<Venue[]>;
}
