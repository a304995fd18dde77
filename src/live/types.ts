// What the live poller publishes and every subscription receives: one change to one order, as a
// plain JSON value so it crosses Redis pub/sub and sits in the change log unchanged; and the feed
// signals (RESYNC, HEARTBEAT) that say whether the changes can be trusted to be complete and current.
import type { ClopOrder, ClopOrderStatus } from '../upstreams/clopos/types.js';

import type { OrderChangeKind } from '../../generated/graphql.js';

/** The schema's enum (schema/subscriptions.graphql), as codegen generated it: no hand-kept copy. */
export type { OrderChangeKind };
/** The kinds that carry an order. */
export type ChangeKind = Exclude<OrderChangeKind, 'RESYNC' | 'HEARTBEAT'>;

export interface OrderChangeEvent {
  kind: ChangeKind;
  /** The order after the change, as Clopos listed it (with its receipt embedded). */
  order: ClopOrder;
  previousStatus: ClopOrderStatus | null;
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

/** What a subscription yields: a change, or a feed signal (no order). */
export interface FeedMessage {
  kind: OrderChangeKind;
  order: ClopOrder | null;
  previousStatus: ClopOrderStatus | null;
  /** A change's cursor; for RESYNC and HEARTBEAT the instant the gateway sent it (not a cursor). */
  at: string;
  /** The last successful poll of Clopos this gateway knows of (ISO), or null before the first. */
  feedAt: string | null;
}

export const atMs = (event: Pick<OrderChangeEvent, 'at'>): number => Date.parse(event.at);

export const isTick = (message: OrderChangeEvent | FeedTick): message is FeedTick => 'polledAt' in message;
