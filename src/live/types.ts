// What the live poller publishes and every subscription receives: one change to one order, as a
// plain JSON value so it crosses Redis pub/sub and sits in the change log unchanged.
import type { ClopOrder, ClopOrderStatus } from '../clopos/types.js';

export type OrderChangeKind = 'CREATED' | 'STATUS_CHANGED' | 'UPDATED';

export interface OrderChangeEvent {
  kind: OrderChangeKind;
  /** The order after the change, as Clopos listed it (with its receipt embedded). */
  order: ClopOrder;
  previousStatus: ClopOrderStatus | null;
  /** ISO instant the poller saw the change; unique and strictly increasing (ms), the `since` cursor. */
  at: string;
}

export const atMs = (event: Pick<OrderChangeEvent, 'at'>): number => Date.parse(event.at);
