// What an order is, whichever POS holds it: plain data shapes (an adapter may compute some fields
// on first read, as the Clopos one does for lines and totals); ids are opaque strings that only the
// upstream adapter parses; money is integer minor units with a currency. The graph's resolvers read
// these types and nothing upstream-specific.
import type { Decimal, Money } from './money.js';

export type OrderStatus = 'PENDING' | 'RECEIVED' | 'CANCELLED' | 'DELIVERED';

export interface Modifier {
  modifierId: string;
  name: string;
  quantity: number;
  /** The price of one. */
  price: Money;
  portionSize: number;
}

export interface OrderLine {
  /** Null when the POS sent a line without a product id (the graph reports it at that field). */
  productId: string | null;
  name: string;
  quantity: number;
  /** The price of one, without modifiers. */
  price: Money;
  portionSize: number;
  status: string | null;
  productHash: string | null;
  note: string | null;
  modifiers: Modifier[];
  /** See README "Order totals": (price + Σ modifier price × modifier quantity) × quantity. */
  total: Money;
}

export interface Customer {
  id: string | null;
  name: string | null;
  phone: string | null;
  address: string | null;
  discountType: number | null;
}

export interface Discount {
  /** The POS's discount type code. */
  type: number;
  /** As the POS gave it: an amount or a rate, depending on the type. */
  value: number;
  /** A percentage, when the discount is one; null for a fixed amount. */
  rate: Decimal | null;
  /** What the discount takes off the order. */
  amount: Money;
}

export interface ServiceCharge {
  enabled: boolean;
  /** As the POS gave it. */
  value: number;
  /** The percentage of the discounted lines. */
  rate: Decimal;
  /** What the charge adds to the order; zero when not enabled. */
  amount: Money;
}

export interface Receipt {
  id: string;
  serviceNotificationId: string | null;
  status: number | null;
}

export interface Order {
  id: string;
  /** Null only when the POS sent none (the graph reports it at that field). */
  venueId: string | null;
  status: OrderStatus;
  saleTypeId: string | null;
  type: string | null;
  integration: string | null;
  comment: string | null;
  deliveryFee: Money | null;
  customer: Customer | null;
  lines: OrderLine[];
  discount: Discount | null;
  serviceCharge: ServiceCharge | null;
  autoAccept: boolean;
  sendToStationOnAccept: boolean;
  /** Undefined when the order was read without its receipt; null when it has none. */
  receipt?: Receipt | null;
  createdAt: string | null;
  updatedAt: string | null;
  /** Lines − discount + service charge + delivery fee; null when the upstream cannot give exact totals. */
  total: Money | null;
}

/** A page of a list, in the upstream's own order. */
export interface Page {
  orders: Order[];
  /** Orders matching the query, across all pages. */
  total: number;
}

// The schema's enum itself (generated), never a hand-kept copy.
import type { OrderChangeKind } from '../../generated/graphql.js';

export type { OrderChangeKind };

/** A change to an order, or a feed signal (RESYNC, HEARTBEAT) with no order. */
export interface OrderChange {
  kind: OrderChangeKind;
  order: Order | null;
  previousStatus: OrderStatus | null;
  /** ISO instant the change was seen (the `since` cursor); for a signal, when it was sent. */
  at: string;
  /** The last successful read of the POS (ISO), null before the first. */
  feedAt: string | null;
}
