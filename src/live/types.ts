// What the live poller publishes and every subscription receives: one change to one domain order
// (any POS), as a plain JSON value so it crosses Redis pub/sub and sits in the change log
// unchanged; and the feed signals (RESYNC, HEARTBEAT) that say whether the changes can be trusted
// to be complete and current. A FeedMessage is the domain's OrderChange: the graph shows it as is.
import type { Order, OrderChange, OrderStatus } from '../domain/order.js';

import type { OrderChangeKind } from '../../generated/graphql.js';

/** The schema's enum (schema/subscriptions.graphql), as codegen generated it: no hand-kept copy. */
export type { OrderChangeKind };
/** The kinds that carry an order. */
export type ChangeKind = Exclude<OrderChangeKind, 'RESYNC' | 'HEARTBEAT'>;

export interface OrderChangeEvent {
  kind: ChangeKind;
  /** The order after the change, as the POS listed it (with its receipt), as plain data (plainOrder). */
  order: Order;
  previousStatus: OrderStatus | null;
  /** ISO instant the poller saw the change; unique and strictly increasing (ms), the `since` cursor. */
  at: string;
}

/**
 * The poller's note after each successful poll (after that poll's changes, on the same fan-out):
 * the feed is current as of `polledAt`. `resync`: the feed could not promise continuity before
 * this point (a fresh baseline); subscribers must reload what they show.
 */
export interface FeedTick {
  polledAt: number;
  resync?: boolean;
}

/**
 * What a subscription yields: a change, or a feed signal (no order). `at`: a change's cursor; for
 * RESYNC and HEARTBEAT the instant the gateway sent it. `feedAt`: the last successful poll this
 * gateway knows of (ISO), or null before the first.
 */
export type FeedMessage = OrderChange;

export const atMs = (event: Pick<OrderChangeEvent, 'at'>): number => Date.parse(event.at);

export const isTick = (message: OrderChangeEvent | FeedTick): message is FeedTick => 'polledAt' in message;
