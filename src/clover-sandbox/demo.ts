// Demo mode: a busy restaurant on a timer. Each tick a new open order with 1-3 lines arrives,
// the oldest open unpaid order is paid and locked, and another open order gets a note, so
// `modifiedTime>=` pollers and order boards have something to show.
import { intBetween } from '../sandbox/prng.js';
import type { CloverOrder } from './contract.js';
import { DEFAULT_DEMO_INTERVAL_MS } from './context.js';
import { orderTotal, randomLines } from './seed.js';
import type { CloverStore } from './store.js';

export const MIN_DEMO_INTERVAL_MS = 10;

export function demoTick(store: CloverStore): void {
  const open = store
    .all()
    .filter((o) => o.deletedTime === undefined && o.state === 'open' && o.paymentState !== 'PAID')
    .sort((a, b) => a.createdTime - b.createdTime || (a.id < b.id ? -1 : 1));
  const oldest = open[0];
  if (oldest) {
    oldest.state = 'locked';
    oldest.paymentState = 'PAID';
    oldest.payType = 'FULL';
    store.touch(oldest);
  }
  const noted = open[1];
  if (noted) {
    noted.note = `Table ${intBetween(store.rng, 1, 20)} asked for the bill`;
    store.touch(noted);
  }
  addArrival(store);
}

/** An order from a device: open, lines added, total set, all at once. */
export function addArrival(store: CloverStore, partial: Partial<Omit<CloverOrder, 'id'>> = {}): CloverOrder {
  const order = store.create({ state: 'open', paymentState: 'OPEN', ...partial });
  if (partial.lineItems === undefined) {
    order.lineItems = randomLines(store.rng, store.ids, store.catalogue, order.id, order.createdTime, intBetween(store.rng, 1, 3));
  }
  if (partial.total === undefined) order.total = orderTotal(order.lineItems);
  return order;
}

export class DemoRunner {
  private timer: NodeJS.Timeout | undefined;
  intervalMs: number | undefined;

  constructor(private readonly store: CloverStore) {}

  start(intervalMs = DEFAULT_DEMO_INTERVAL_MS): void {
    if (!Number.isFinite(intervalMs) || intervalMs < MIN_DEMO_INTERVAL_MS) throw new RangeError(`Demo interval must be at least ${MIN_DEMO_INTERVAL_MS} ms`);
    this.stop();
    this.intervalMs = intervalMs;
    this.timer = setInterval(() => demoTick(this.store), intervalMs);
    // Never keep a test run or the gateway alive just for the demo.
    this.timer.unref();
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = undefined;
    this.intervalMs = undefined;
  }
}
